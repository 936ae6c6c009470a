//! Image uploads: checked by their content (JPEG, PNG or WebP, whatever the
//! name says), at most 5 MB, decoded under limits that stop decompression
//! bombs, resized into variants, and stored in the database so every
//! instance serves them. Alt text per language.

use std::io::Cursor;

use actix_multipart::Multipart;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use futures_util::StreamExt;
use image::{ImageFormat, ImageReader, Limits};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::accounts::Role;
use crate::db::now;
use crate::entities::{media, media_translation, media_variant};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::media::Image;
use crate::translation;
use crate::web::client::client_ip;
use crate::web::forms::FieldErrors;
use crate::web::upload::{
    DRAIN_CAP, Read, clean_filename, discard, read_limited, read_text, refuse_declared_over,
};
use crate::web::{Html, Tr};

use super::login::redirect;
use super::page::AdminPage;
use super::session::Editor;

/// Largest image accepted.
pub const MAX_IMAGE_BYTES: usize = 5 * 1024 * 1024;
/// Largest dimensions and decoder memory: beyond these an image is refused
/// before its pixels are allocated.
const MAX_SIDE: u32 = 8000;
const MAX_ALLOC: u64 = 100 * 1024 * 1024;
/// Widths of the resized copies.
const VARIANTS: &[u32] = &[160, 480, 960];

pub struct MediaRow {
    pub id: i32,
    pub image: Image,
    pub filename: String,
    pub size: i32,
    pub alts: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "admin/media.html")]
pub struct MediaPage {
    pub page: AdminPage,
    pub items: Vec<MediaRow>,
    pub errors: FieldErrors,
    pub alts: Vec<(&'static str, &'static str, String)>,
    pub max_mb: usize,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FlashQuery {
    flash: String,
}

async fn rows(db: &impl ConnectionTrait) -> Result<Vec<MediaRow>, DbErr> {
    let all: Vec<(i32, String, i32, i32, String, i32)> = media::Entity::find()
        .select_only()
        .columns([
            media::Column::Id,
            media::Column::Key,
            media::Column::Width,
            media::Column::Height,
            media::Column::Filename,
            media::Column::Size,
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
        .map(|(id, key, width, height, filename, size)| {
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

async fn render(
    editor: &Editor,
    state: &AppState,
    errors: FieldErrors,
    alts: Vec<(&'static str, &'static str, String)>,
    flash: &str,
) -> Result<Html, AppError> {
    let tr = Tr {
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
        items: rows(&state.db).await?,
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
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let (width, height) = reader
        .into_dimensions()
        .map_err(|_| "media-too-big-dimensions")?;
    if width > MAX_SIDE || height > MAX_SIDE || width == 0 || height == 0 {
        return Err("media-too-big-dimensions");
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let img = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => "media-too-big-dimensions",
        _ => "media-not-image",
    })?;
    let mut variants = Vec::new();
    for &w in VARIANTS {
        if w >= width {
            continue;
        }
        let h = (u64::from(height) * u64::from(w) / u64::from(width)).max(1);
        let h = u32::try_from(h).unwrap_or(1);
        let small = img.resize_exact(w, h, image::imageops::FilterType::Triangle);
        let mut out = Cursor::new(Vec::new());
        let (fmt, vmime) = if img.color().has_alpha() {
            (ImageFormat::Png, "image/png")
        } else {
            (ImageFormat::Jpeg, "image/jpeg")
        };
        let written = if fmt == ImageFormat::Jpeg {
            small.to_rgb8().write_to(&mut out, fmt)
        } else {
            small.write_to(&mut out, fmt)
        };
        written.map_err(|_| "media-not-image")?;
        variants.push((w, h, vmime, out.into_inner()));
    }
    Ok(Processed {
        mime,
        width,
        height,
        variants,
    })
}

/// POST /admin/media (multipart: csrf, file, alt.<lang>)
pub async fn upload(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    mut payload: Multipart,
) -> Result<HttpResponse, AppError> {
    editor.require(&[Role::Editor])?;
    refuse_declared_over(&req, MAX_IMAGE_BYTES + DRAIN_CAP)?;
    let mut csrf = String::new();
    let mut file: Option<(String, Vec<u8>)> = None;
    let mut too_big = false;
    let mut drain = DRAIN_CAP;
    let mut alts: Vec<(String, String)> = Vec::new();
    while let Some(item) = payload.next().await {
        let mut field = item.map_err(|_| AppError::BadRequest("error-bad-request-text"))?;
        let name = field.name().unwrap_or("").to_owned();
        match name.as_str() {
            "csrf" => csrf = read_text(&mut field).await?,
            "file" => {
                let filename = field
                    .content_disposition()
                    .and_then(|d| d.get_filename())
                    .unwrap_or("image")
                    .to_owned();
                match read_limited(&mut field, MAX_IMAGE_BYTES).await? {
                    Read::Whole(bytes) => file = Some((filename, bytes)),
                    Read::TooLarge => {
                        too_big = true;
                        discard(&mut field, &mut drain).await?;
                    }
                }
            }
            n if n.starts_with("alt.") => {
                alts.push((n[4..].to_owned(), read_text(&mut field).await?))
            }
            _ => discard(&mut field, &mut drain).await?,
        }
    }
    editor.check_csrf(&csrf)?;
    let kept: Vec<(&'static str, &'static str, String)> = Locale::all()
        .map(|l| {
            let alt = alts
                .iter()
                .find(|(t, _)| t == l.tag())
                .map(|(_, a)| a.trim().to_owned())
                .unwrap_or_default();
            (l.tag(), l.native_name(), alt)
        })
        .collect();
    let mut errors = FieldErrors::default();
    if too_big {
        errors.add("file", "media-too-large");
    }
    let Some((filename, bytes)) = file.filter(|(_, b)| !b.is_empty()) else {
        if errors.is_empty() {
            errors.add("file", "form-required");
        }
        return Ok(render(&editor, &state, errors, kept, "")
            .await?
            .unprocessable()
            .into_response(&req));
    };
    if kept.iter().all(|(_, _, a)| a.is_empty()) {
        errors.add("alt.en", "media-alt-required");
    }
    let data = bytes.clone();
    let processed = web::block(move || process(&data))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let processed = match processed {
        Ok(p) => p,
        Err(msg) => {
            errors.add("file", msg);
            return Ok(render(&editor, &state, errors, kept, "")
                .await?
                .unprocessable()
                .into_response(&req));
        }
    };
    if !errors.is_empty() {
        return Ok(render(&editor, &state, errors, kept, "")
            .await?
            .unprocessable()
            .into_response(&req));
    }
    let sha = hex::encode(Sha256::digest(&bytes));
    let key = sha[..32].to_owned();
    let ip = client_ip(&req, &state);
    let txn = state.db.begin().await?;
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
                filename: Set(clean_filename(&filename)),
                source_lang: Set(kept
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
    save_alts(&txn, id, &kept).await?;
    crate::audit::record(
        &txn,
        &editor.actor(Some(&ip)),
        "upload",
        "media",
        Some(id),
        &filename,
    )
    .await?;
    txn.commit().await?;
    Ok(redirect("/admin/media?flash=uploaded"))
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
                    revision: Set(1),
                    source_revision: Set(1),
                    updated_at: Set(t),
                    ..Default::default()
                }
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
                .map(|a| a.trim().chars().take(300).collect())
                .unwrap_or_default();
            (l.tag(), l.native_name(), alt)
        })
        .collect();
    let ip = client_ip(&req, &state);
    let txn = state.db.begin().await?;
    save_alts(&txn, id, &alts).await?;
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
    Ok(redirect("/admin/media?flash=saved"))
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
