//! The audit trail: every write recorded with who, what and from where.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Statement};
use techbridge::entities::audit_entry;

use super::*;
use crate::support::*;

/// The audit entries of one kind of record, oldest first: (who, action,
/// record id, address).
async fn audit_of(
    t: &TestApp,
    kind: &str,
) -> Vec<(String, Option<i32>, String, Option<i32>, Option<String>)> {
    use sea_orm::QueryOrder;
    audit_entry::Entity::find()
        .filter(audit_entry::Column::EntityKind.eq(kind))
        .order_by_asc(audit_entry::Column::Id)
        .all(t.conn())
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.editor_email, e.editor_id, e.action, e.entity_id, e.ip))
        .collect()
}

async fn editor_id(t: &TestApp, email: &str) -> Option<i32> {
    techbridge::entities::editor::Entity::find()
        .filter(techbridge::entities::editor::Column::Email.eq(email))
        .one(t.conn())
        .await
        .unwrap()
        .map(|e| e.id)
}

#[actix_web::test]
async fn every_write_is_audited() {
    use techbridge::entities::media;
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    let ids = seed(&app, &t).await;
    let ip = Some(CLIENT_IP.to_owned());
    let ed = (EDITOR.0.to_owned(), editor_id(&t, EDITOR.0).await);
    let adm = (ADMIN.0.to_owned(), editor_id(&t, ADMIN.0).await);
    let rev = (REVIEWER.0.to_owned(), editor_id(&t, REVIEWER.0).await);
    let entry = |who: &(String, Option<i32>), action: &str, id: Option<i32>| {
        (who.0.clone(), who.1, action.to_owned(), id, ip.clone())
    };
    let mut b = login(&app, EDITOR).await;
    // Settings.
    b.get(&app, "/admin/settings").await;
    b.post_csrf(
        &app,
        "/admin/settings",
        &[
            ("network_members", "2700"),
            ("agreements", "700"),
            ("projects", "8000"),
            ("companies_served", "10000"),
            ("bilateral_mechanisms", "9"),
        ],
    )
    .await;
    assert!(
        get(&app, "/en/")
            .await
            .texts(".figure-list li")
            .iter()
            .any(|f| f.contains("2,700"))
    );
    let n = t
        .conn()
        .query_one_raw(Statement::from_string(
            t.conn().get_database_backend(),
            "SELECT COUNT(*) AS n FROM audit_log WHERE entity_kind = 'settings'".to_owned(),
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i64>("", "n")
        .unwrap();
    assert_eq!(n, 1);
    assert_eq!(
        audit_of(&t, "settings").await,
        vec![entry(&ed, "update", None)]
    );

    // News: created, saved again, unpublished, deleted.
    b.get(&app, "/admin/news/new").await;
    let r = b
        .post_csrf(
            &app,
            "/admin/news/new",
            &news_form("Audited announcement", "draft", ""),
        )
        .await;
    assert_eq!(r.status, 303);
    let id = news_id_by_title(&t, "Audited announcement").await;
    let edit = format!("/admin/news/{id}");
    b.get(&app, &edit).await;
    let r = b
        .post_csrf(
            &app,
            &edit,
            &news_form("Audited announcement", "published", ""),
        )
        .await;
    assert_eq!(r.status, 303);
    let r = b
        .post_csrf(&app, &format!("{edit}/status"), &[("status", "draft")])
        .await;
    assert_eq!(r.status, 303);
    let r = b.post_csrf(&app, &format!("{edit}/delete"), &[]).await;
    assert_eq!(r.status, 303);
    assert_eq!(
        audit_of(&t, "news").await,
        vec![
            entry(&ed, "create", Some(id)),
            entry(&ed, "update", Some(id)),
            entry(&ed, "status:draft", Some(id)),
            entry(&ed, "delete", Some(id)),
        ]
    );
    let summary = audit_entry::Entity::find()
        .filter(audit_entry::Column::EntityKind.eq("news"))
        .filter(audit_entry::Column::Action.eq("create"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .summary;
    assert_eq!(summary, "Audited announcement", "the title, as it was");

    // An inquiry answered.
    let inquiry = format!("/admin/inquiries/{}", ids.inquiry);
    b.get(&app, &inquiry).await;
    let r = b
        .post_csrf(
            &app,
            &inquiry,
            &[("status", "new"), ("reply", "Sent the price list.")],
        )
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        audit_of(&t, "inquiry").await,
        vec![entry(&ed, "status:answered", Some(ids.inquiry))]
    );

    // Images: the seeding upload, another upload, alt texts edited.
    b.get(&app, "/admin/media").await;
    let r = upload(&app, &b, "field.png", &png(200, 100)).await;
    assert_eq!(r.status, 303);
    let second = media::Entity::find()
        .filter(media::Column::Filename.eq("field.png"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .id;
    let r = b
        .post_csrf(
            &app,
            &format!("/admin/media/{second}"),
            &[("alt.en", "Rice field"), ("alt.id", "Sawah")],
        )
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        audit_of(&t, "media").await,
        vec![
            entry(&ed, "upload", Some(ids.media)),
            entry(&ed, "upload", Some(second)),
            entry(&ed, "update", Some(second)),
        ]
    );

    // An application moved on and scored, by a reviewer.
    assign_reviewer(t.conn(), ids.application, REVIEWER.0).await;
    let mut r_b = login(&app, REVIEWER).await;
    let detail = format!("/admin/applications/{}", ids.application);
    let rubric: Vec<String> = r_b
        .get(&app, &detail)
        .await
        .attrs("select[name^='score.']", "name");
    let scores: Vec<(&str, &str)> = rubric.iter().map(|n| (n.as_str(), "4")).collect();
    assert_eq!(
        r_b.post_csrf(
            &app,
            &format!("{detail}/status"),
            &[("status", "screening")]
        )
        .await
        .status,
        303
    );
    assert_eq!(
        r_b.post_csrf(&app, &format!("{detail}/review"), &scores)
            .await
            .status,
        303
    );
    assert_eq!(
        audit_of(&t, "application").await,
        vec![
            entry(&rev, "status:screening", Some(ids.application)),
            entry(&rev, "review", Some(ids.application)),
        ]
    );

    // An account created and disabled, by an administrator; sign-ins and
    // sign-outs are recorded against the account too.
    let mut a_b = login(&app, ADMIN).await;
    a_b.get(&app, "/admin/editors").await;
    let r = a_b
        .post_csrf(
            &app,
            "/admin/editors",
            &[
                ("email", "audited@centre.example.org"),
                ("name", "Audited Person"),
                ("role", "editor"),
                ("password", "quiet-river-stone-2026"),
                ("ui_lang", "en"),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    let new_id = editor_id(&t, "audited@centre.example.org").await;
    let r = a_b
        .post_csrf(
            &app,
            &format!("/admin/editors/{}", new_id.unwrap()),
            &[("action", "disable")],
        )
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(b.post_csrf(&app, "/admin/logout", &[]).await.status, 303);
    let accounts: Vec<_> = audit_of(&t, "editor")
        .await
        .into_iter()
        .filter(|(_, _, action, _, _)| action != "login" && action != "create-admin")
        .collect();
    assert_eq!(
        accounts,
        vec![
            entry(&adm, "create", new_id),
            entry(&adm, "disable", new_id),
            entry(&ed, "logout", ed.1),
        ]
    );
    let logins = audit_of(&t, "editor")
        .await
        .into_iter()
        .filter(|(who, id, action, target, _)| {
            action == "login" && *who == REVIEWER.0 && *id == rev.1 && *target == rev.1
        })
        .count();
    assert_eq!(logins, 1);
    // The trail is readable in the back office, newest first.
    let r = a_b.get(&app, "/admin/audit").await;
    let rows = r.texts(".data-table tbody tr");
    assert!(
        rows[0].contains("logout") && rows[0].contains(EDITOR.0),
        "{rows:?}"
    );
    assert!(
        rows[1].contains("disable") && rows[1].contains(ADMIN.0),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .any(|row| row.contains("status:screening") && row.contains(REVIEWER.0)),
        "{rows:?}"
    );
    // A refused write leaves no entry.
    let n = audit_entry::Entity::find().count(t.conn()).await.unwrap();
    assert_eq!(
        a_b.post(&app, "/admin/settings", &[("csrf", "wrong")])
            .await
            .status,
        403
    );
    assert_eq!(
        audit_entry::Entity::find().count(t.conn()).await.unwrap(),
        n
    );
}
