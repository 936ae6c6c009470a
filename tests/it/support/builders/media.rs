//! Pictures.

use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use techbridge::db::now;
use techbridge::entities::{media, media_translation, media_variant};

use super::*;

/// An image as an editor's upload stores it (the original, its resized
/// variants, its alt text in the three languages): a drawn PNG.
pub struct MediaBuilder {
    filename: String,
    bytes: Vec<u8>,
    alts: Vec<(&'static str, String)>,
}

impl MediaBuilder {
    /// A `width` × `height` PNG of a colour gradient.
    pub fn png(filename: &str, width: u32, height: u32) -> Self {
        let img = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 120])
        });
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png)
            .expect("PNG");
        let name = name_of(filename.split('.').next().unwrap_or(filename));
        Self {
            filename: filename.to_owned(),
            bytes: out.into_inner(),
            alts: LANGS.iter().map(|l| (*l, in_lang(&name, l))).collect(),
        }
    }

    pub async fn insert(self, db: &impl ConnectionTrait) -> i32 {
        use sha2::{Digest, Sha256};
        let t = now();
        let processed = techbridge::admin::media::process(&self.bytes)
            .unwrap_or_else(|e| panic!("{}: {e}", self.filename));
        let sha = hex::encode(Sha256::digest(&self.bytes));
        let saved = media::ActiveModel {
            key: Set(sha[..32].to_owned()),
            mime: Set(processed.mime.to_owned()),
            width: Set(i32::try_from(processed.width).expect("width")),
            height: Set(i32::try_from(processed.height).expect("height")),
            size: Set(i32::try_from(self.bytes.len()).expect("size")),
            sha256: Set(sha),
            bytes: Set(self.bytes),
            filename: Set(self.filename),
            source_lang: Set("en".to_owned()),
            created_by: Set(None),
            created_at: Set(t),
            updated_at: Set(t),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("media");
        for (w, h, mime, data) in processed.variants {
            media_variant::ActiveModel {
                media_id: Set(saved.id),
                width: Set(i32::try_from(w).expect("width")),
                height: Set(i32::try_from(h).expect("height")),
                mime: Set(mime.to_owned()),
                bytes: Set(data),
                ..Default::default()
            }
            .insert(db)
            .await
            .expect("media variant");
        }
        for (lang, alt) in self.alts {
            media_translation::ActiveModel {
                media_id: Set(saved.id),
                lang: Set(lang.to_owned()),
                alt: Set(alt),
                revision: Set(1),
                source_revision: Set(1),
                updated_at: Set(t),
                ..Default::default()
            }
            .insert(db)
            .await
            .expect("alt text");
        }
        saved.id
    }
}
