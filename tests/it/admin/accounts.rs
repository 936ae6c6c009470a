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

/// A translator, given languages by an administrator (audited), opens any
/// record's editor and changes only the texts of their languages: the
/// other tabs and the shared fields are read-only, a forged form that
/// changes them is refused at the field, and publishing, creating and
/// deleting are refused.
#[actix_web::test]
async fn translators_edit_only_their_languages_and_cannot_publish() {
    use techbridge::entities::{audit_entry, news, news_translation};
    let t = TestApp::empty().await.with_accounts().await;
    let n = NewsBuilder::new("rice-agreement")
        .status("draft")
        .insert(t.conn())
        .await;
    let app = t.service().await;
    let mut admin = login(&app, ADMIN).await;
    admin.get(&app, "/admin/editors").await;
    let translator = [
        ("email", "tina@centre.example.org"),
        ("name", "Tina Translator"),
        ("role", "translator"),
        ("password", "quiet-river-lantern-93"),
        ("ui_lang", "id"),
    ];
    // Without a language: refused at the field, the rest kept.
    let r = admin.post_csrf(&app, "/admin/editors", &translator).await;
    assert_eq!(r.status, 422);
    assert!(!r.text("#languages-error").is_empty());
    assert_eq!(
        r.attr("#email", "value").as_deref(),
        Some("tina@centre.example.org")
    );
    let mut with_lang = translator.to_vec();
    with_lang.push(("lang-id", "on"));
    let r = admin.post_csrf(&app, "/admin/editors", &with_lang).await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let created = audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq("create"))
        .filter(audit_entry::Column::EntityKind.eq("editor"))
        .all(t.conn())
        .await
        .unwrap();
    assert!(
        created
            .iter()
            .any(|a| a.summary == "tina@centre.example.org (translator: id)"),
        "audited"
    );
    let r = admin.get(&app, "/admin/editors").await;
    assert!(
        r.attrs("input[type=checkbox][checked]", "name")
            .contains(&"lang-id".to_owned())
    );

    let mut b = login(&app, ("tina@centre.example.org", "quiet-river-lantern-93")).await;
    let edit = format!("/admin/news/{}", n.id);
    let r = b.get(&app, &edit).await;
    assert_eq!(r.status, 200);
    assert!(
        r.has("#tab-en fieldset[disabled]"),
        "other languages read-only"
    );
    assert!(r.has("#tab-zh-CN fieldset[disabled]"));
    assert!(
        !r.has("#tab-id fieldset[disabled]"),
        "their language editable"
    );
    assert!(
        r.has("fieldset.read-only[disabled] #status"),
        "shared fields read-only"
    );
    assert!(!r.has("form[action$='/delete']"), "no delete");
    let version = r.attr("input[name=version]", "value").unwrap();

    // What the browser sends: the editable tab only.
    let own = [
        ("version", version.as_str()),
        ("id.title", "Perjanjian padi baru"),
        ("id.summary", "Ringkasan baru."),
        ("id.body", "Isi baru."),
        ("action", "save"),
    ];
    let r = b.post_csrf(&app, &edit, &own).await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let texts = news_translation::Entity::find()
        .filter(news_translation::Column::NewsId.eq(n.id))
        .all(t.conn())
        .await
        .unwrap();
    let title = |lang: &str| {
        texts
            .iter()
            .find(|x| x.lang == lang)
            .map(|x| x.title.clone())
            .unwrap_or_default()
    };
    assert_eq!(title("id"), "Perjanjian padi baru");
    assert_eq!(title("en"), "Rice agreement");
    let status = |m: Option<news::Model>| m.unwrap().status;
    assert_eq!(
        status(news::Entity::find_by_id(n.id).one(t.conn()).await.unwrap()),
        "draft"
    );

    // Forged: another language's text, then the status.
    b.get(&app, &edit).await;
    let mut forged = own.to_vec();
    forged.retain(|(k, _)| *k != "version");
    forged.push(("en.title", "Forged title"));
    let r = b.post_csrf(&app, &edit, &forged).await;
    assert_eq!(r.status, 422);
    assert!(!r.text("#en-title-error").is_empty());
    assert_eq!(
        r.attr("#id-title", "value").as_deref(),
        Some("Perjanjian padi baru")
    );
    let mut forged = own.to_vec();
    forged.retain(|(k, _)| *k != "version");
    forged.push(("status", "published"));
    let r = b.post_csrf(&app, &edit, &forged).await;
    assert_eq!(r.status, 422);
    assert!(!r.text("#status-error").is_empty());
    assert_eq!(
        status(news::Entity::find_by_id(n.id).one(t.conn()).await.unwrap()),
        "draft"
    );
    let texts = news_translation::Entity::find()
        .filter(news_translation::Column::NewsId.eq(n.id))
        .filter(news_translation::Column::Lang.eq("en"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(texts.title, "Rice agreement");

    // Publishing, deleting, creating: refused.
    for (path, form) in [
        (format!("{edit}/status"), vec![("status", "published")]),
        (format!("{edit}/delete"), vec![]),
        (
            "/admin/news/new".to_owned(),
            super::news_form("New", "draft", ""),
        ),
    ] {
        let r = b.post_csrf(&app, &path, &form).await;
        assert_eq!(r.status, 403, "{path}");
    }
    assert_eq!(b.get(&app, "/admin/news/new").await.status, 403);
    assert_eq!(
        status(news::Entity::find_by_id(n.id).one(t.conn()).await.unwrap()),
        "draft"
    );
    // Restoring another language's revision: refused too.
    let r = b.get(&app, &format!("{edit}/revisions/en")).await;
    assert_eq!(r.status, 200);
    assert!(!r.has("button[form^=restore-]"));
}
