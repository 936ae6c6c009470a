//! Back-office accounts, managed by administrators.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::support::*;

#[actix_web::test]
async fn administrators_manage_accounts() {
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    let mut admin = login(&app, ADMIN).await;
    admin.get(&app, "/admin/editors").await;
    let r = admin
        .post_csrf(
            &app,
            "/admin/editors",
            &[
                ("email", "new@centre.example.org"),
                ("name", "New Person"),
                ("role", "editor"),
                ("password", "password1234"),
                ("ui_lang", "zh-CN"),
            ],
        )
        .await;
    assert_eq!(r.status, 422, "a common password is refused");
    assert!(!r.text("#password-error").is_empty());
    assert_eq!(
        r.attr("#email", "value").as_deref(),
        Some("new@centre.example.org")
    );
    let r = admin
        .post_csrf(
            &app,
            "/admin/editors",
            &[
                ("email", "new@centre.example.org"),
                ("name", "New Person"),
                ("role", "editor"),
                ("password", "short"),
                ("ui_lang", "zh-CN"),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    // A language the back office does not have is an error at its field,
    // not an account in English.
    let r = admin
        .post_csrf(
            &app,
            "/admin/editors",
            &[
                ("email", "new@centre.example.org"),
                ("name", "New Person"),
                ("role", "editor"),
                ("password", "quiet-river-stone-2026"),
                ("ui_lang", "fr"),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(!r.text("#ui_lang-error").is_empty());
    assert!(
        techbridge::entities::editor::Entity::find()
            .filter(techbridge::entities::editor::Column::Email.eq("new@centre.example.org"))
            .one(t.conn())
            .await
            .unwrap()
            .is_none()
    );
    let r = admin
        .post_csrf(
            &app,
            "/admin/editors",
            &[
                ("email", "new@centre.example.org"),
                ("name", "New Person"),
                ("role", "editor"),
                ("password", "quiet-river-stone-2026"),
                ("ui_lang", "zh-CN"),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    let mut newbie = login(&app, ("new@centre.example.org", "quiet-river-stone-2026")).await;
    let r = newbie.get(&app, "/admin/").await;
    assert_eq!(
        r.attr("html", "lang").as_deref(),
        Some("zh-CN"),
        "the back office in the editor's language"
    );
    // Disabling ends the account's sessions at once.
    let id = techbridge::entities::editor::Entity::find()
        .filter(techbridge::entities::editor::Column::Email.eq("new@centre.example.org"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .id;
    admin.get(&app, "/admin/editors").await;
    let r = admin
        .post_csrf(
            &app,
            &format!("/admin/editors/{id}"),
            &[("action", "disable")],
        )
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(newbie.get(&app, "/admin/").await.status, 303);
    let audit = admin.get(&app, "/admin/audit").await;
    assert!(audit.body.contains("disable"));
    assert!(audit.body.contains("new@centre.example.org"));
}
