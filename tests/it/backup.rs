//! Backups of the embedded database taken while the portal serves and
//! writes, and restores that refuse what would break the portal.

use sea_orm::{ConnectionTrait, EntityTrait, Statement};
use techbridge::entities::{application, application_document, inquiry};

use crate::support::*;

const TECH: &str = "solar-powered-cold-rooms";

fn inquiry_form(i: usize) -> Vec<(&'static str, String)> {
    vec![
        ("name", format!("Buyer {i}")),
        ("organisation", "Koperasi Tani Makmur".to_owned()),
        ("country", "ID".to_owned()),
        ("email", format!("buyer{i}@koperasi.example.org")),
        (
            "message",
            format!(
                "Inquiry number {i}: we would like to test these cold rooms at our landing site."
            ),
        ),
        ("consent", "yes".to_owned()),
        ("website", String::new()),
    ]
}

/// A backup taken during a burst of inquiries holds every inquiry answered
/// with success before it started, and every application with its
/// documents, whole; restored into a fresh database, the portal serves it.
#[actix_web::test]
async fn a_backup_during_a_burst_of_submissions_restores_every_answered_one_whole() {
    let t = TestApp::empty().await;
    let sqlite = t.database_url().starts_with("sqlite");
    TechnologyBuilder::new(TECH).insert(t.conn()).await;
    open_call(t.conn()).await;
    let app = t.service().await;
    if !sqlite {
        // PostgreSQL has pg_dump; the command says so instead of copying.
        let dir = tempfile::tempdir().unwrap();
        let err = techbridge::backup::backup(&t.state.db, &dir.path().join("b.db"))
            .await
            .unwrap_err();
        assert!(format!("{err:#}").contains("pg_dump"), "{err:#}");
        return;
    }
    let mut applied = Vec::new();
    for i in 0..3 {
        applied
            .push(submit_application(&app, &t, &format!("applicant{i}@vnu.example.edu.vn")).await);
    }
    let post = |i: usize| {
        let app = &app;
        async move {
            let form = inquiry_form(i);
            let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let body = form_urlencoded::Serializer::new(String::new())
                .extend_pairs(&pairs)
                .finish();
            let r = send_from(
                app,
                actix_web::test::TestRequest::post()
                    .uri(&format!("/en/technologies/{TECH}/inquiry"))
                    .insert_header(("content-type", "application/x-www-form-urlencoded"))
                    .insert_header(("sec-fetch-site", "same-origin"))
                    .set_payload(body),
                &format!("198.51.100.{}:5000", i % 250 + 1),
            )
            .await;
            (i, r.status)
        }
    };
    // Answered before the backup starts.
    let before: Vec<_> = futures_util::future::join_all((0..20).map(post)).await;
    assert!(before.iter().all(|(_, s)| *s == 303), "{before:?}");
    // And more while it runs.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backups").join("portal.db");
    let (during, summary) = futures_util::future::join(
        futures_util::future::join_all((20..60).map(post)),
        techbridge::backup::backup(&t.state.db, &file),
    )
    .await;
    let summary = summary.expect("backup");
    assert!(during.iter().all(|(_, s)| *s == 303), "{during:?}");
    assert_eq!(summary.applications, 3);
    assert_eq!(summary.documents, 6);
    assert!((20..=60).contains(&summary.inquiries), "{summary}");
    // The backup is never written over.
    let again = techbridge::backup::backup(&t.state.db, &file)
        .await
        .unwrap_err();
    assert!(format!("{again:#}").contains("already exists"), "{again:#}");

    // Restored into a fresh database file.
    let target = dir.path().join("restored").join("techbridge.db");
    let url = format!("sqlite://{}?mode=rwc", target.display());
    techbridge::backup::restore(&file, &url, false)
        .await
        .expect("restore");
    let restored = techbridge::db::connect(&url).await.unwrap();
    let inquiries = inquiry::Entity::find().all(&restored).await.unwrap();
    for (i, _) in &before {
        let form = inquiry_form(*i);
        let kept = inquiries
            .iter()
            .find(|q| q.email == form[3].1)
            .unwrap_or_else(|| panic!("inquiry {i}, answered before the backup, is missing"));
        assert_eq!(kept.message, form[4].1, "inquiry {i} whole");
    }
    // Any inquiry from during the backup that is in it is whole too.
    for q in &inquiries {
        let i: usize = q.name.trim_start_matches("Buyer ").parse().unwrap();
        assert_eq!(q.message, inquiry_form(i)[4].1);
    }
    for a in &applied {
        let back = application::Entity::find_by_id(a.id)
            .one(&restored)
            .await
            .unwrap()
            .expect("application");
        assert_eq!(back.reference, a.reference);
        let docs = application_document::Entity::find()
            .all(&restored)
            .await
            .unwrap()
            .into_iter()
            .filter(|d| d.application_id == a.id)
            .collect::<Vec<_>>();
        assert_eq!(docs.len(), 2);
        for d in docs {
            assert_eq!(d.bytes, SAMPLE_PDF, "{} of {} whole", d.kind, a.reference);
        }
    }
    restored.close().await.ok();
    // The restored database serves the portal.
    let served = TestApp::on(&url).await;
    let app2 = served.service().await;
    let r = get(&app2, &format!("/en/technologies/{TECH}")).await;
    assert_eq!(r.status, 200);
    // A database with content is replaced only when asked.
    let refused = techbridge::backup::restore(&file, &url, false)
        .await
        .unwrap_err();
    assert!(format!("{refused:#}").contains("--replace"), "{refused:#}");
}

/// A restore refuses, and changes nothing, for a file that is not a
/// database, a database that is not the portal's, and a backup from a
/// newer version.
#[actix_web::test]
async fn a_restore_refuses_what_is_not_a_portal_backup_of_this_version() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("live.db");
    let url = format!("sqlite://{}?mode=rwc", target.display());
    let refuse = |file: std::path::PathBuf, why: &'static str| {
        let url = url.clone();
        async move {
            let err = techbridge::backup::restore(&file, &url, true)
                .await
                .unwrap_err();
            assert!(format!("{err:#}").contains(why), "{why}: {err:#}");
        }
    };
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a database at all, but long enough").unwrap();
    refuse(text, "not a SQLite database").await;
    // Some other SQLite database.
    let other = dir.path().join("other.db");
    let db = techbridge::db::connect(&format!("sqlite://{}?mode=rwc", other.display()))
        .await
        .unwrap();
    db.execute_unprepared("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        .await
        .unwrap();
    db.close().await.ok();
    refuse(other, "not a portal backup").await;
    // A portal database with a migration this binary does not know.
    let newer = dir.path().join("newer.db");
    let newer_url = format!("sqlite://{}?mode=rwc", newer.display());
    let db = techbridge::db::connect(&newer_url).await.unwrap();
    techbridge::db::migrate(&db).await.unwrap();
    db.execute_raw(Statement::from_string(
        db.get_database_backend(),
        "INSERT INTO seaql_migrations (version, applied_at) VALUES ('m20991231_000001_from_the_future', 0)",
    ))
    .await
    .unwrap();
    db.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
        .await
        .unwrap();
    db.close().await.ok();
    refuse(newer, "newer version").await;
    // Nothing was put in place.
    assert!(!target.exists());
}
