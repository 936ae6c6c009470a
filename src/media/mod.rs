//! Images: stored in the database (so every instance serves the same
//! files), described in the visitor's language, and served with long-lived
//! caching under a content-addressed key.

use std::collections::HashMap;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::entities::{media, media_translation, media_variant};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::translation;
use crate::web::AppState;

/// An image as a page shows it.
#[derive(Clone, Debug)]
pub struct Image {
    pub key: String,
    pub alt: String,
    pub width: i32,
    pub height: i32,
}

impl Image {
    /// URL of the original, or of a resized variant no wider than `w`.
    /// The height the image has when shown `w` pixels wide (for the
    /// `width`/`height` attributes that keep the layout from jumping).
    pub fn height_at(&self, w: u32) -> i64 {
        if self.width <= 0 {
            return 0;
        }
        i64::from(w) * i64::from(self.height) / i64::from(self.width)
    }

    pub fn src(&self, w: u32) -> String {
        if w > 0 && i64::from(w) < i64::from(self.width) {
            format!("/media/{}?w={w}", self.key)
        } else {
            format!("/media/{}", self.key)
        }
    }
}

/// Every image's description (key, size, alt text in each language), not
/// its bytes: kept in memory between writes (`changes::memo`), so a page
/// describing its images sends no statement. A portal has hundreds of
/// images, not millions.
pub struct Library {
    images: HashMap<i32, (Image, String, Vec<media_translation::Model>)>,
}

impl Library {
    pub async fn load(db: &impl ConnectionTrait) -> Result<Self, DbErr> {
        let rows = media::Entity::find()
            .select_only()
            .columns([
                media::Column::Id,
                media::Column::Key,
                media::Column::Width,
                media::Column::Height,
                media::Column::SourceLang,
            ])
            .into_tuple::<(i32, String, i32, i32, String)>()
            .all(db)
            .await?;
        let mut alts: HashMap<i32, Vec<media_translation::Model>> = HashMap::new();
        for row in media_translation::Entity::find().all(db).await? {
            alts.entry(row.media_id).or_default().push(row);
        }
        Ok(Self {
            images: rows
                .into_iter()
                .map(|(id, key, width, height, source)| {
                    let image = Image {
                        key,
                        alt: String::new(),
                        width,
                        height,
                    };
                    (id, (image, source, alts.remove(&id).unwrap_or_default()))
                })
                .collect(),
        })
    }

    /// The image with this id, alt text in the visitor's language.
    pub fn image(&self, id: i32, locale: Locale) -> Option<Image> {
        let (image, source, alts) = self.images.get(&id)?;
        let alt = translation::pick(alts, locale, source)
            .map(|p| p.text.alt.clone())
            .unwrap_or_default();
        Some(Image {
            alt,
            ..image.clone()
        })
    }

    /// The images with the given ids, by id.
    pub fn describe(&self, ids: &[i32], locale: Locale) -> HashMap<i32, Image> {
        ids.iter()
            .filter_map(|id| self.image(*id, locale).map(|i| (*id, i)))
            .collect()
    }
}

/// The media library for the current data generation.
pub async fn library(
    db: &impl ConnectionTrait,
    changes: &crate::changes::Changes,
) -> Result<std::sync::Arc<Library>, DbErr> {
    changes.memo(db, || Library::load(db)).await
}

/// The library for a page being built, from the request's context.
pub async fn library_for(ctx: &crate::web::Ctx) -> Result<std::sync::Arc<Library>, AppError> {
    Ok(library(ctx.db(), &ctx.state.changes).await?)
}

#[derive(serde::Deserialize)]
pub struct SizeQuery {
    w: Option<u32>,
}

/// GET /media/{key}: the image, or its smallest variant at least `w` wide.
/// Keys are content hashes, so responses never change and are cached a year.
pub async fn serve(
    req: HttpRequest,
    state: web::Data<AppState>,
    key: web::Path<String>,
    size: web::Query<SizeQuery>,
) -> Result<HttpResponse, AppError> {
    let key = key.into_inner();
    if key.len() > 64 || !key.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(AppError::NotFound);
    }
    let etag = format!("\"{key}-{}\"", size.w.unwrap_or(0));
    if req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains(&etag))
    {
        return Ok(HttpResponse::NotModified().finish());
    }
    let Some((id, mime, bytes)) = media::Entity::find()
        .select_only()
        .columns([media::Column::Id, media::Column::Mime, media::Column::Bytes])
        .filter(media::Column::Key.eq(&key))
        .into_tuple::<(i32, String, Vec<u8>)>()
        .one(&state.db)
        .await?
    else {
        return Err(AppError::NotFound);
    };
    let (mime, bytes) = match size.w {
        Some(w) => media_variant::Entity::find()
            .filter(media_variant::Column::MediaId.eq(id))
            .filter(media_variant::Column::Width.gte(i32::try_from(w).unwrap_or(i32::MAX)))
            .order_by_asc(media_variant::Column::Width)
            .one(&state.db)
            .await?
            .map_or((mime, bytes), |v| (v.mime, v.bytes)),
        None => (mime, bytes),
    };
    Ok(HttpResponse::Ok()
        .content_type(mime)
        .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .insert_header((header::ETAG, etag))
        .insert_header((header::CONTENT_DISPOSITION, "inline"))
        .body(bytes))
}
