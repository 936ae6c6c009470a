//! Image uploads: checked by content, size and dimensions, resized,
//! served with long caching.

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::*;
use crate::support::*;

#[actix_web::test]
async fn image_uploads_are_checked_by_content_size_and_dimensions() {
    let t = TestApp::empty().await.with_accounts().await;
    let news = NewsBuilder::new("rice-harvest-in-karawang")
        .insert(t.conn())
        .await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    b.get(&app, "/admin/media").await;
    let count = || async {
        techbridge::entities::media::Entity::find()
            .count(t.conn())
            .await
            .unwrap()
    };
    // An executable renamed .png.
    let mut elf = b"\x7fELF\x02\x01\x01\x00".to_vec();
    elf.extend(vec![0u8; 4000]);
    let r = upload(&app, &b, "photo.png", &elf).await;
    assert_eq!(r.status, 422);
    assert!(!r.text("#file-error").is_empty());
    // Too large (6 MB).
    let r = upload(&app, &b, "big.png", &vec![0x89u8; 6 * 1024 * 1024]).await;
    assert_eq!(r.status, 422);
    assert!(!r.text("#file-error").is_empty());
    // A decompression bomb.
    let r = upload(&app, &b, "bomb.png", &png_bomb()).await;
    assert_eq!(r.status, 422);
    assert!(!r.text("#file-error").is_empty());
    assert_eq!(count().await, 0);
    // A real image is stored, resized and served with long caching.
    let r = upload(&app, &b, "rice.png", &png(1200, 800)).await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    assert_eq!(count().await, 1);
    let m = techbridge::entities::media::Entity::find()
        .filter(techbridge::entities::media::Column::Filename.eq("rice.png"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (m.width, m.height, m.mime.as_str()),
        (1200, 800, "image/png")
    );
    let variants = techbridge::entities::media_variant::Entity::find()
        .filter(techbridge::entities::media_variant::Column::MediaId.eq(m.id))
        .count(t.conn())
        .await
        .unwrap();
    assert_eq!(variants, 3);
    let r = get(&app, &format!("/media/{}?w=480", m.key)).await;
    assert_eq!(r.status, 200);
    assert!(r.header("cache-control").unwrap().contains("immutable"));
    assert_eq!(r.header("content-type"), Some("image/jpeg"));
    // Attach it to a news item as cover: shown with its alt text.
    let page = b.get(&app, &format!("/admin/news/{}", news.id)).await;
    assert!(page.body.contains("Rice field in Karawang"));
}
