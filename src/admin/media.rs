//! Image uploads: checked by their content (JPEG, PNG or WebP, whatever the
//! name says), at most 5 MB, decoded under limits that stop decompression
//! bombs, resized into variants, and stored in the database so every
//! instance serves them. Alt text per language.

use std::io::Cursor;

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, ResponseError, web};
use askama::Template;
use image::{ImageFormat, ImageReader, Limits};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::accounts::Role;
use crate::db::now;
use crate::entities::{media, media_translation, media_variant};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::media::Image;
use crate::translation;
use crate::translation::FirstRevision;
use crate::web::AppState;
use crate::web::client::client_ip;
use crate::web::forms::FieldErrors;
use crate::web::upload::{
    DRAIN_CAP, Parts, Read, clean_filename, read_limited, refuse_declared_over,
};
use crate::web::{Html, Translator};

use super::page::AdminPage;
use super::session::Editor;
use super::version::{
    VERSION, conflict_message, is_stale, locked_version, started, theirs_where_different,
    version_token,
};
use crate::web::see_other;

/// Largest image accepted.
pub const MAX_IMAGE_BYTES: usize = 5 * 1024 * 1024;
/// Largest dimensions, and largest image in pixels: a decoded image is held
/// whole in memory (4 bytes a pixel with transparency), so it is the pixel
/// count that bounds what one upload costs. Beyond these an image is
/// refused from its header, before its pixels are allocated.
const MAX_SIDE: u32 = 8000;
const MAX_PIXELS: u64 = 24_000_000;
/// What the decoder may allocate: the largest image at 4 bytes a pixel,
/// and a little for its workings (a 16-bit image of that size is refused).
const MAX_ALLOC: u64 = MAX_PIXELS * 4 + 8 * 1024 * 1024;
/// What one decode may cost in memory all told. Some decoders hold more
/// than the decoded image: a progressive JPEG keeps every coefficient
/// (2 bytes a sample, up to 3 samples a pixel) besides its 3-byte pixels,
/// and a lossless WebP its 4-byte pixels twice; those are held to fewer
/// pixels (about 11 and 12 megapixels) by their cost per pixel.
const DECODE_BUDGET: u64 = 100 * 1024 * 1024;
/// How long an upload waits for its turn before the form comes back.
const DECODE_WAIT: std::time::Duration = std::time::Duration::from_secs(30);
/// Widths of the resized copies.
const VARIANTS: &[u32] = &[160, 480, 960];
/// Parts of an upload: the token, the file, one alt text per language, and
/// a few to spare; text (the token and alt texts) at most this many bytes.
const MAX_PARTS: usize = 12;
const MAX_TEXT: usize = 16 * 1024;
/// Alt text: characters kept (the form's `maxlength`), and bytes read of
/// one alt field before the request is refused outright.
pub const ALT_MAX: usize = 300;
const ALT_FIELD_BYTES: usize = 4 * 1024;

pub struct MediaRow {
    pub id: i32,
    pub image: Image,
    pub filename: String,
    pub size: i32,
    pub alts: Vec<(&'static str, String)>,
    /// The version its alt texts were shown at (`admin::version`).
    pub version: String,
}

#[derive(Template)]
#[template(path = "admin/media.html")]
pub struct MediaPage {
    pub page: AdminPage,
    pub items: Vec<MediaRow>,
    pub errors: FieldErrors,
    /// Errors at the alt texts of one image in the library, keyed
    /// `m<id>-<lang>` (its inputs' ids).
    pub row_errors: FieldErrors,
    pub alts: Vec<(&'static str, &'static str, String)>,
    pub max_mb: usize,
    /// A save of one image's alt texts refused because someone saved them
    /// meanwhile: the image, what to tell, and their text of each
    /// language that differs from the form's.
    pub conflict: Option<(i32, Conflict)>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FlashQuery {
    flash: String,
}

async fn rows(db: &impl ConnectionTrait) -> Result<Vec<MediaRow>, DbErr> {
    type Row = (
        i32,
        String,
        i32,
        i32,
        String,
        i32,
        chrono::DateTime<chrono::Utc>,
    );
    let all: Vec<Row> = media::Entity::find()
        .select_only()
        .columns([
            media::Column::Id,
            media::Column::Key,
            media::Column::Width,
            media::Column::Height,
            media::Column::Filename,
            media::Column::Size,
            media::Column::UpdatedAt,
        ])
        .order_by_desc(media::Column::Id)
        .limit(200)
        .into_tuple()
        .all(db)
        .await?;
    let ids: Vec<i32> = all.iter().map(|r| r.0).collect();
    let alts = translation::load::<media_translation::Entity>(
        db,
        media_translation::Column::MediaId,
        &ids,
    )
    .await?;
    Ok(all
        .into_iter()
        .map(|(id, key, width, height, filename, size, updated_at)| {
            let a = alts.get(&id).map(Vec::as_slice).unwrap_or(&[]);
            MediaRow {
                id,
                image: Image {
                    key,
                    alt: String::new(),
                    width,
                    height,
                },
                filename,
                size,
                version: version_token(updated_at),
                alts: Locale::all()
                    .map(|l| {
                        (
                            l.tag(),
                            a.iter()
                                .find(|r| r.lang == l.tag())
                                .map(|r| r.alt.clone())
                                .unwrap_or_default(),
                        )
                    })
                    .collect(),
            }
        })
        .collect())
}

impl MediaPage {
    /// Their alt text in `tag` of image `id`, where a newer save differs
    /// from the form.
    pub fn theirs(&self, id: &i32, tag: &str) -> Option<&str> {
        let (at, (_, theirs)) = self.conflict.as_ref()?;
        (at == id)
            .then(|| theirs.iter().find(|(t, _)| *t == tag))
            .flatten()
            .map(|(_, v)| v.as_str())
    }

    /// The error at an alt text of an image in the library, as shown.
    pub fn row_error(&self, id: &i32, tag: &str) -> Option<String> {
        let key = format!("m{id}-{tag}");
        self.row_errors
            .get(&key)
            .map(|m| self.page.tn(m, self.row_errors.count_of(&key)))
    }
}

async fn render(
    editor: &Editor,
    state: &AppState,
    errors: FieldErrors,
    alts: Vec<(&'static str, &'static str, String)>,
    flash: &str,
) -> Result<Html, AppError> {
    render_page(editor, state, errors, alts, flash, None, None).await
}

/// A refused save of a library image's alt texts: what to tell, and their
/// texts that differ.
type Conflict = (String, Vec<(&'static str, String)>);

/// A library image's alt texts as typed, with their errors.
type Edited = (i32, Vec<(&'static str, String)>, FieldErrors);

/// The page, with the alt texts of one library image as its editor typed
/// them (`edited`) when they were refused.
async fn render_page(
    editor: &Editor,
    state: &AppState,
    errors: FieldErrors,
    alts: Vec<(&'static str, &'static str, String)>,
    flash: &str,
    edited: Option<Edited>,
    conflict: Option<Conflict>,
) -> Result<Html, AppError> {
    let tr = Translator {
        locale: editor.locale,
    };
    let alts = if alts.is_empty() {
        Locale::all()
            .map(|l| (l.tag(), l.native_name(), String::new()))
            .collect()
    } else {
        alts
    };
    Html::render(&MediaPage {
        page: AdminPage::new(
            editor,
            state.asset_version.clone(),
            "media",
            tr.t("admin-nav-media"),
            (!flash.is_empty()).then_some(flash),
        ),
        items: {
            let mut items = rows(&state.db).await?;
            if let Some((id, typed, _)) = &edited
                && let Some(row) = items.iter_mut().find(|r| r.id == *id)
            {
                row.alts = typed.clone();
            }
            items
        },
        conflict: match (&edited, conflict) {
            (Some((id, _, _)), Some(c)) => Some((*id, c)),
            _ => None,
        },
        row_errors: edited.map(|(_, _, e)| e).unwrap_or_default(),
        errors,
        alts,
        max_mb: MAX_IMAGE_BYTES / 1024 / 1024,
    })
}

/// GET /admin/media
pub async fn list(
    editor: Editor,
    state: web::Data<AppState>,
    q: web::Query<FlashQuery>,
) -> Result<Html, AppError> {
    editor.require(&[Role::Editor])?;
    render(
        &editor,
        &state,
        FieldErrors::default(),
        Vec::new(),
        &q.flash,
    )
    .await
}

/// A checked, decoded upload with its variants.
pub struct Processed {
    pub mime: &'static str,
    pub width: u32,
    pub height: u32,
    pub variants: Vec<(u32, u32, &'static str, Vec<u8>)>,
}

fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    limits
}

/// Bytes of memory a decode of this image needs per pixel, at most.
fn decode_cost(format: ImageFormat, bytes: &[u8]) -> u64 {
    match format {
        ImageFormat::Jpeg if jpeg_is_progressive(bytes) => 9,
        ImageFormat::Jpeg => 3,
        ImageFormat::WebP => 8,
        _ => 4,
    }
}

/// Whether a JPEG's frame is progressive (SOF2, 6, 10 or 14), read from
/// its markers up to the frame header.
fn jpeg_is_progressive(bytes: &[u8]) -> bool {
    let mut i = 2;
    while i + 4 <= bytes.len() {
        if bytes[i] != 0xFF {
            return false;
        }
        let marker = bytes[i + 1];
        match marker {
            // Fill bytes before a marker.
            0xFF => {
                i += 1;
                continue;
            }
            0xC2 | 0xC6 | 0xCA | 0xCE => return true,
            0xC0 | 0xC1 | 0xC3 | 0xC5 | 0xC7 | 0xC9 | 0xCB | 0xCD | 0xCF | 0xDA => return false,
            _ => {}
        }
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        i += 2 + len;
    }
    false
}

/// Checks and resizes an image. The error is a Fluent message id.
pub fn process(bytes: &[u8]) -> Result<Processed, &'static str> {
    let format = image::guess_format(bytes).map_err(|_| "media-not-image")?;
    let mime = match format {
        ImageFormat::Jpeg => "image/jpeg",
        ImageFormat::Png => "image/png",
        ImageFormat::WebP => "image/webp",
        _ => return Err("media-not-image"),
    };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits());
    let (width, height) = reader
        .into_dimensions()
        .map_err(|_| "media-too-big-dimensions")?;
    let pixels = u64::from(width) * u64::from(height);
    if width > MAX_SIDE
        || height > MAX_SIDE
        || width == 0
        || height == 0
        || pixels > MAX_PIXELS
        || pixels * decode_cost(format, bytes) > DECODE_BUDGET
    {
        return Err("media-too-big-dimensions");
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits());
    let img = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => "media-too-big-dimensions",
        _ => "media-not-image",
    })?;
    let (fmt, vmime) = if img.color().has_alpha() {
        (ImageFormat::Png, "image/png")
    } else {
        (ImageFormat::Jpeg, "image/jpeg")
    };
    // Largest variant first, straight from the original by area averaging
    // (no full-height intermediate, which for a filtered resize of a tall
    // image costs as much as the image); the smaller ones from it.
    let mut from: Option<image::DynamicImage> = None;
    let mut variants = Vec::new();
    for &w in VARIANTS.iter().rev() {
        if w >= width {
            continue;
        }
        let h = (u64::from(height) * u64::from(w) / u64::from(width)).max(1);
        let h = u32::try_from(h).unwrap_or(1);
        let small = match &from {
            None => img.thumbnail_exact(w, h),
            Some(larger) => larger.resize_exact(w, h, image::imageops::FilterType::Triangle),
        };
        let mut out = Cursor::new(Vec::new());
        let written = if fmt == ImageFormat::Jpeg {
            small.to_rgb8().write_to(&mut out, fmt)
        } else {
            small.write_to(&mut out, fmt)
        };
        written.map_err(|_| "media-not-image")?;
        variants.push((w, h, vmime, out.into_inner()));
        from = Some(small);
    }
    variants.reverse();
    Ok(Processed {
        mime,
        width,
        height,
        variants,
    })
}

/// What an upload form posted, checked as far as reading it goes.
struct Upload {
    file: Option<(String, Vec<u8>)>,
    too_big: bool,
    alts: Vec<(&'static str, &'static str, String)>,
}

/// Reads an upload. The CSRF token must be the first part (the form puts
/// it there): nothing else is read until it is checked, and a body that
/// starts with anything else is refused at once.
async fn read_upload(editor: &Editor, payload: Multipart) -> Result<Upload, AppError> {
    let mut parts = Parts::new(payload, MAX_PARTS, MAX_TEXT);
    let Some(mut first) = parts.next().await? else {
        return Err(AppError::Forbidden("error-csrf-text"));
    };
    if first.name() != Some("csrf") {
        return Err(AppError::Forbidden("error-csrf-text"));
    }
    let token = parts.text(&mut first, 256).await?;
    // The next part is only handed out once this one is gone.
    drop(first);
    editor.check_csrf(&token)?;
    let mut upload = Upload {
        file: None,
        too_big: false,
        alts: Locale::all()
            .map(|l| (l.tag(), l.native_name(), String::new()))
            .collect(),
    };
    while let Some(mut field) = parts.next().await? {
        let name = field.name().unwrap_or("").to_owned();
        let alt = name
            .strip_prefix("alt.")
            .and_then(|tag| upload.alts.iter().position(|(t, _, _)| *t == tag));
        match (name.as_str(), alt) {
            ("file", _) if upload.file.is_none() && !upload.too_big => {
                let filename = field
                    .content_disposition()
                    .and_then(|d| d.get_filename())
                    .unwrap_or("image")
                    .to_owned();
                match read_limited(&mut field, MAX_IMAGE_BYTES).await? {
                    Read::Whole(bytes) => upload.file = Some((filename, bytes)),
                    Read::TooLarge => {
                        upload.too_big = true;
                        parts.discard(&mut field).await?;
                    }
                }
            }
            (_, Some(i)) => {
                upload.alts[i].2 = parts
                    .text(&mut field, ALT_FIELD_BYTES)
                    .await?
                    .trim()
                    .to_owned();
            }
            _ => parts.discard(&mut field).await?,
        }
    }
    Ok(upload)
}

/// Alt texts longer than the form allows: an error at each, the text kept.
fn check_alts(alts: &[(&'static str, &'static str, String)], errors: &mut FieldErrors) {
    for (tag, _, alt) in alts {
        if alt.chars().count() > ALT_MAX {
            errors.add_n(format!("alt.{tag}"), "form-too-long-n", ALT_MAX as i64);
        }
    }
}

/// POST /admin/media (multipart: csrf first, then file and alt.<lang>)
pub async fn upload(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    editor.require(&[Role::Editor])?;
    refuse_declared_over(&req, MAX_IMAGE_BYTES + DRAIN_CAP)?;
    let Upload {
        file,
        too_big,
        alts: kept,
    } = read_upload(&editor, payload).await?;
    let mut errors = FieldErrors::default();
    let form_again = |errors: FieldErrors, kept, status| {
        let (editor, state, req) = (&editor, &state, &req);
        async move {
            Ok::<_, AppError>(
                render(editor, state, errors, kept, "")
                    .await?
                    .with_status(status)
                    .into_response(req),
            )
        }
    };
    if too_big {
        errors.add_n(
            "file",
            "media-too-large",
            (MAX_IMAGE_BYTES / 1024 / 1024) as i64,
        );
    }
    let Some((filename, bytes)) = file.filter(|(_, b)| !b.is_empty()) else {
        if errors.is_empty() {
            errors.add("file", "form-required");
        }
        return form_again(errors, kept, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    if kept.iter().all(|(_, _, a)| a.is_empty()) {
        errors.add("alt.en", "media-alt-required");
    }
    check_alts(&kept, &mut errors);
    if !errors.is_empty() {
        return form_again(errors, kept, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    // One decode at a time: the others wait here, holding only their bytes.
    let Ok(Ok(permit)) =
        tokio::time::timeout(DECODE_WAIT, state.image_work.clone().acquire_owned()).await
    else {
        errors.add("file", "media-busy");
        return form_again(errors, kept, StatusCode::SERVICE_UNAVAILABLE).await;
    };
    let (bytes, processed) = web::block(move || {
        let processed = process(&bytes);
        drop(permit);
        (bytes, processed)
    })
    .await?;
    let processed = match processed {
        Ok(p) => p,
        Err(msg) => {
            errors.add("file", msg);
            return form_again(errors, kept, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let ip = client_ip(&req, &state);
    match store(&state.db, &editor, &ip, &filename, bytes, processed, &kept).await {
        Ok(()) => Ok(see_other("/admin/media?flash=uploaded")),
        Err(e) => {
            // The database stayed locked past the busy timeout (or failed):
            // the editor gets the form back with the alt texts typed.
            let e = AppError::from(e);
            tracing::error!(error = %e, "image upload not stored");
            errors.add("file", "media-save-failed");
            let status = e.status_code();
            form_again(errors, kept, status).await
        }
    }
}

/// Stores an upload, its variants, alt texts and audit entry, all or nothing.
async fn store(
    db: &sea_orm::DatabaseConnection,
    editor: &Editor,
    ip: &str,
    filename: &str,
    bytes: Vec<u8>,
    processed: Processed,
    alts: &[(&'static str, &'static str, String)],
) -> Result<(), DbErr> {
    let sha = hex::encode(Sha256::digest(&bytes));
    let key = sha[..32].to_owned();
    let txn = crate::db::begin_write(db).await?;
    let existing = media::Entity::find()
        .filter(media::Column::Key.eq(&key))
        .one(&txn)
        .await?;
    let id = match existing {
        Some(m) => m.id,
        None => {
            let t = now();
            let saved = media::ActiveModel {
                key: Set(key),
                mime: Set(processed.mime.to_owned()),
                width: Set(i32::try_from(processed.width).unwrap_or(0)),
                height: Set(i32::try_from(processed.height).unwrap_or(0)),
                size: Set(i32::try_from(bytes.len()).unwrap_or(0)),
                sha256: Set(sha),
                bytes: Set(bytes),
                filename: Set(clean_filename(filename)),
                source_lang: Set(alts
                    .iter()
                    .find(|(_, _, a)| !a.is_empty())
                    .map_or("en", |(t, _, _)| t)
                    .to_owned()),
                created_by: Set(Some(editor.id)),
                created_at: Set(t),
                updated_at: Set(t),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            for (w, h, mime, data) in processed.variants {
                media_variant::ActiveModel {
                    media_id: Set(saved.id),
                    width: Set(i32::try_from(w).unwrap_or(0)),
                    height: Set(i32::try_from(h).unwrap_or(0)),
                    mime: Set(mime.to_owned()),
                    bytes: Set(data),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
            }
            saved.id
        }
    };
    save_alts(&txn, id, alts).await?;
    crate::audit::record(
        &txn,
        &editor.actor(Some(ip)),
        "upload",
        "media",
        Some(id),
        filename,
    )
    .await?;
    txn.commit().await
}

async fn save_alts(
    db: &impl ConnectionTrait,
    id: i32,
    alts: &[(&'static str, &'static str, String)],
) -> Result<(), DbErr> {
    let t = now();
    for (lang, _, alt) in alts {
        let existing = media_translation::Entity::find()
            .filter(media_translation::Column::MediaId.eq(id))
            .filter(media_translation::Column::Lang.eq(*lang))
            .one(db)
            .await?;
        match existing {
            Some(row) if alt.is_empty() => {
                media_translation::Entity::delete_by_id(row.id)
                    .exec(db)
                    .await?;
            }
            Some(row) => {
                let mut m: media_translation::ActiveModel = row.into();
                m.alt = Set(alt.clone());
                m.updated_at = Set(t);
                m.update(db).await?;
            }
            None if alt.is_empty() => {}
            None => {
                media_translation::ActiveModel {
                    media_id: Set(id),
                    lang: Set((*lang).to_owned()),
                    alt: Set(alt.clone()),
                    ..Default::default()
                }
                .first_revision(t)
                .insert(db)
                .await?;
            }
        }
    }
    Ok(())
}

#[derive(Deserialize)]
pub struct AltForm {
    #[serde(default)]
    csrf: String,
    #[serde(flatten)]
    rest: std::collections::HashMap<String, String>,
}

/// POST /admin/media/{id}: alt texts.
pub async fn update_alts(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    form: crate::web::forms::Form<AltForm>,
) -> Result<HttpResponse, AppError> {
    editor.require(&[Role::Editor])?;
    editor.check_csrf(&form.csrf)?;
    let id = path.into_inner();
    media::Entity::find_by_id(id)
        .select_only()
        .column(media::Column::Id)
        .into_tuple::<i32>()
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let alts: Vec<(&'static str, &'static str, String)> = Locale::all()
        .map(|l| {
            let alt = form
                .rest
                .get(&format!("alt.{}", l.tag()))
                .map(|a| a.trim().to_owned())
                .unwrap_or_default();
            (l.tag(), l.native_name(), alt)
        })
        .collect();
    let mut errors = FieldErrors::default();
    for (tag, _, alt) in &alts {
        if alt.chars().count() > ALT_MAX {
            errors.add_n(format!("m{id}-{tag}"), "form-too-long-n", ALT_MAX as i64);
        }
    }
    if !errors.is_empty() {
        let typed = alts.iter().map(|(t, _, a)| (*t, a.clone())).collect();
        return Ok(render_page(
            &editor,
            &state,
            FieldErrors::default(),
            Vec::new(),
            "",
            Some((id, typed, errors)),
            None,
        )
        .await?
        .unprocessable()
        .into_response(&req));
    }
    let ip = client_ip(&req, &state);
    let txn = crate::db::begin_write(&state.db).await?;
    // Under the write lock: alt texts saved since the form was shown are
    // not overwritten unseen (see `admin::version`).
    let Some(current) = locked_version(&txn, "media", id).await? else {
        return Err(AppError::NotFound);
    };
    let started = started(form.rest.get(VERSION).map_or("", String::as_str));
    if is_stale(started, current) {
        let stored = translation::load::<media_translation::Entity>(
            &txn,
            media_translation::Column::MediaId,
            &[id],
        )
        .await?;
        txn.rollback().await?;
        let stored = stored.get(&id).map(Vec::as_slice).unwrap_or(&[]);
        let theirs = theirs_where_different(
            alts.iter().map(|(tag, _, mine)| (*tag, mine.clone())),
            |tag| {
                stored
                    .iter()
                    .find(|r| r.lang == tag)
                    .map(|r| r.alt.clone())
                    .unwrap_or_default()
            },
        );
        let tr = Translator {
            locale: editor.locale,
        };
        let said = conflict_message(
            &state.db,
            &tr,
            "media",
            Some(id),
            &tr.t("media-item"),
            current,
        )
        .await?;
        let typed = alts.iter().map(|(t, _, a)| (*t, a.clone())).collect();
        let html = render_page(
            &editor,
            &state,
            FieldErrors::default(),
            Vec::new(),
            "",
            Some((id, typed, FieldErrors::default())),
            Some((said, theirs)),
        )
        .await?;
        let mut res = html.into_response(&req);
        *res.status_mut() = StatusCode::CONFLICT;
        return Ok(res);
    }
    save_alts(&txn, id, &alts).await?;
    // The image's version moves with its texts.
    media::Entity::update_many()
        .col_expr(
            media::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(now()),
        )
        .filter(media::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    crate::audit::record(
        &txn,
        &editor.actor(Some(&ip)),
        "update",
        "media",
        Some(id),
        "alt",
    )
    .await?;
    txn.commit().await?;
    Ok(see_other("/admin/media?flash=saved"))
}

/// The thumbnail address of each image `options` offers, by id.
pub async fn thumbnails(
    db: &impl ConnectionTrait,
) -> Result<std::collections::HashMap<String, String>, DbErr> {
    let all: Vec<(i32, String)> = media::Entity::find()
        .select_only()
        .columns([media::Column::Id, media::Column::Key])
        .order_by_desc(media::Column::Id)
        .limit(500)
        .into_tuple()
        .all(db)
        .await?;
    Ok(all
        .into_iter()
        .map(|(id, key)| (id.to_string(), format!("/media/{key}?w=160")))
        .collect())
}

/// Images to choose from in forms: id and a label.
pub async fn options(
    db: &impl ConnectionTrait,
    locale: Locale,
) -> Result<Vec<(String, String)>, DbErr> {
    let all: Vec<(i32, String, String)> = media::Entity::find()
        .select_only()
        .columns([
            media::Column::Id,
            media::Column::Filename,
            media::Column::SourceLang,
        ])
        .order_by_desc(media::Column::Id)
        .limit(500)
        .into_tuple()
        .all(db)
        .await?;
    let ids: Vec<i32> = all.iter().map(|r| r.0).collect();
    let alts = translation::load::<media_translation::Entity>(
        db,
        media_translation::Column::MediaId,
        &ids,
    )
    .await?;
    Ok(all
        .into_iter()
        .map(|(id, filename, source)| {
            let alt = alts
                .get(&id)
                .and_then(|r| translation::pick(r, locale, &source))
                .map(|p| p.text.alt.clone())
                .unwrap_or_default();
            (
                id.to_string(),
                if alt.is_empty() {
                    filename
                } else {
                    format!("{filename} — {alt}")
                },
            )
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(progressive: bool) -> Vec<u8> {
        // SOI, an APP0 segment, then the frame header.
        let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00];
        b.extend_from_slice(&[0xFF, if progressive { 0xC2 } else { 0xC0 }, 0x00, 0x02]);
        b
    }

    #[test]
    fn progressive_jpegs_cost_more_to_decode() {
        assert!(jpeg_is_progressive(&jpeg(true)));
        assert!(!jpeg_is_progressive(&jpeg(false)));
        assert!(!jpeg_is_progressive(b"\xFF\xD8"));
        assert!(!jpeg_is_progressive(&[0xFF, 0xD8, 0xFF, 0xE0, 0xFF, 0xFF]));
        assert_eq!(decode_cost(ImageFormat::Jpeg, &jpeg(true)), 9);
        assert_eq!(decode_cost(ImageFormat::Jpeg, &jpeg(false)), 3);
        // 24 megapixels of baseline JPEG pass; of progressive JPEG, not.
        assert!(24_000_000 * decode_cost(ImageFormat::Jpeg, &jpeg(false)) <= DECODE_BUDGET);
        assert!(24_000_000 * decode_cost(ImageFormat::Jpeg, &jpeg(true)) > DECODE_BUDGET);
        assert!(11_000_000 * decode_cost(ImageFormat::Jpeg, &jpeg(true)) <= DECODE_BUDGET);
    }
}
