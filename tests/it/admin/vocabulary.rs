//! The search vocabulary in the back office: editors add and change groups
//! of related words, the catalogue's search uses them at once, every save
//! is audited, forms need the session's CSRF token and valid words.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use techbridge::entities::audit_entry;

use crate::support::*;

#[actix_web::test]
async fn an_added_group_finds_a_technology_written_in_another_language() {
    let t = TestApp::empty().await.with_accounts().await;
    TechnologyBuilder::new("airship-cargo-drones")
        .title("en", "Airship cargo drones for island logistics")
        .only_in(&["en"])
        .insert(t.conn())
        .await;
    let app = t.service().await;
    let search = "/id/technologies?q=kapal+udara";
    assert!(
        get(&app, search)
            .await
            .attrs(".tech-card h3 a", "href")
            .is_empty()
    );

    let mut b = login(&app, EDITOR).await;
    let r = b.get(&app, "/admin/vocabulary").await;
    assert_eq!(r.status, 200);
    // The seeded groups are listed.
    assert!(r.texts("table td").iter().any(|c| c.contains("登革热")));
    let r = b
        .post_csrf(
            &app,
            "/admin/vocabulary",
            &[
                ("id", ""),
                ("field", "smart_city_transport"),
                ("words_en", "airship"),
                ("words_id", "kapal udara"),
                ("words_zh", "飞艇"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text(".field-error"));
    let hrefs = get(&app, search).await.attrs(".tech-card h3 a", "href");
    assert_eq!(hrefs, vec!["/id/technologies/airship-cargo-drones"]);

    // Edited: the Indonesian words change, the old ones no longer relate.
    let entries = audit_entry::Entity::find()
        .filter(audit_entry::Column::EntityKind.eq("search_vocabulary"))
        .all(t.conn())
        .await
        .unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].action, "create");
    let id = entries[0].entity_id.unwrap();
    let r = b.get(&app, &format!("/admin/vocabulary?edit={id}")).await;
    assert_eq!(r.attr("#words_id", "value").as_deref(), Some("kapal udara"));
    let r = b
        .post_csrf(
            &app,
            "/admin/vocabulary",
            &[
                ("id", &id.to_string()),
                ("field", "smart_city_transport"),
                ("words_en", "airship"),
                ("words_id", "balon udara"),
                ("words_zh", "飞艇"),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    assert!(
        get(&app, search)
            .await
            .attrs(".tech-card h3 a", "href")
            .is_empty()
    );
    let found = get(&app, "/zh-CN/technologies?q=%E9%A3%9E%E8%89%87").await;
    assert_eq!(found.attrs(".tech-card h3 a", "href").len(), 1);
    let actions: Vec<String> = audit_entry::Entity::find()
        .filter(audit_entry::Column::EntityKind.eq("search_vocabulary"))
        .all(t.conn())
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(actions, vec!["create", "update"]);
}

#[actix_web::test]
async fn a_group_needs_a_field_two_words_and_the_csrf_token() {
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    b.get(&app, "/admin/vocabulary").await;
    let r = b
        .post_csrf(
            &app,
            "/admin/vocabulary",
            &[("field", "nope"), ("words_en", "lonely")],
        )
        .await;
    assert_eq!(r.status, 422);
    assert_eq!(
        r.texts(".field-error").len(),
        2,
        "{:?}",
        r.texts(".field-error")
    );
    let r = b
        .post(
            &app,
            "/admin/vocabulary",
            &[("csrf", "wrong"), ("field", "marine"), ("words_en", "a, b")],
        )
        .await;
    assert_eq!(r.status, 403);
    // A reviewer may not.
    let mut r = login(&app, REVIEWER).await;
    assert_eq!(r.get(&app, "/admin/vocabulary").await.status, 403);
}
