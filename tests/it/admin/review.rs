//! Reviewing the programme in the back office: assignment by hand and
//! balanced, what an assigned reviewer may reach, conflict-of-interest
//! declarations, rubric scores and the ranking with its export, blind
//! mode, refusals at the field, batch decisions with their letters, draft
//! fellows, the programme report and reminders.

use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use techbridge::entities::{
    application, application_document, editor, fellow, outbox_message, review_assignment,
    review_conflict, rubric_criterion,
};

use crate::support::smtp::SmtpSink;
use crate::support::*;

const R2: (&str, &str) = (
    "second.reviewer@centre.example.org",
    "copper-valley-lantern-31",
);
const R3: (&str, &str) = ("third.reviewer@centre.example.org", "quiet-river-marble-77");

async fn editor_id(t: &TestApp, email: &str) -> i32 {
    editor::Entity::find()
        .filter(editor::Column::Email.eq(email))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .id
}

/// A document of an application, with the applicant's name in its file name.
async fn document(t: &TestApp, app: &application::Model) -> i32 {
    application_document::ActiveModel {
        application_id: Set(app.id),
        kind: Set("cv".into()),
        key: Set(format!("cv-{}", app.id)),
        filename: Set(format!("{} CV.pdf", app.name)),
        size: Set(SAMPLE_PDF.len() as i32),
        sha256: Set(String::new()),
        bytes: Set(SAMPLE_PDF.to_vec()),
        created_at: Set(techbridge::db::now()),
        ..Default::default()
    }
    .insert(t.conn())
    .await
    .unwrap()
    .id
}

async fn assignments_of(t: &TestApp, editor: i32) -> Vec<review_assignment::Model> {
    review_assignment::Entity::find()
        .filter(review_assignment::Column::EditorId.eq(editor))
        .all(t.conn())
        .await
        .unwrap()
}

#[actix_web::test]
async fn assignment_balances_and_reviewers_reach_only_what_they_declared_for() {
    let sink = SmtpSink::start();
    let t = TestApp::empty().await.with_accounts().await;
    for (who, name) in [(R2, "Rahmat Reviewer"), (R3, "Siti Reviewer")] {
        EditorBuilder::new(who.0, who.1)
            .name(name)
            .role("reviewer")
            .insert(t.conn())
            .await;
    }
    let app = t.service().await;
    let (call, post) = open_call(t.conn()).await;
    let mut apps = Vec::new();
    for i in 0..5 {
        apps.push(
            ApplicationBuilder::new(call)
                .host_post(post)
                .applicant(
                    &format!("Applicant Number{i}"),
                    &format!("applicant{i}@uni.example.edu"),
                )
                .insert(t.conn())
                .await,
        );
    }
    let doc = document(&t, &apps[0]).await;
    let rita = editor_id(&t, REVIEWER.0).await;
    let rahmat = editor_id(&t, R2.0).await;
    let siti = editor_id(&t, R3.0).await;
    let mut admin = login(&app, ADMIN).await;
    let page = format!("/admin/calls/{call}/review");
    assert_eq!(admin.get(&app, &page).await.status, 200);

    // Neither editors nor reviewers run a call's review.
    for who in [EDITOR, REVIEWER] {
        let mut b = login(&app, who).await;
        assert_eq!(b.get(&app, &page).await.status, 403, "{}", who.0);
        let r = b.post_csrf(&app, &format!("{page}/auto"), &[]).await;
        assert_eq!(r.status, 403, "{}", who.0);
    }

    // Rahmat knows agriculture (every application's field here).
    let r = admin
        .post_csrf(
            &app,
            &format!("{page}/fields"),
            &[
                ("reviewer", &rahmat.to_string()),
                ("field", "agriculture"),
                ("field", "not-a-field"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));

    // By hand: Rita to the first application; twice is refused at the field.
    let by_hand = [
        ("application", apps[0].id.to_string()),
        ("reviewer", rita.to_string()),
    ];
    let form: Vec<(&str, &str)> = by_hand.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = admin
        .post_csrf(&app, &format!("{page}/assign"), &form)
        .await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    admin.get(&app, &page).await;
    let r = admin
        .post_csrf(&app, &format!("{page}/assign"), &form)
        .await;
    assert_eq!(r.status, 422);
    assert!(r.has("#assign-reviewer-error"), "{}", r.body);
    assert!(
        r.has(".admin-nav"),
        "the back office's page, not the public one"
    );

    // Balanced: 5 applications × 2 reviewers among 3: loads 4, 3, 3; the
    // reviewer who knows the field is preferred among equals.
    admin.get(&app, &page).await;
    let r = admin.post_csrf(&app, &format!("{page}/auto"), &[]).await;
    assert_eq!(r.status, 303);
    let loads = [
        assignments_of(&t, rita).await.len(),
        assignments_of(&t, rahmat).await.len(),
        assignments_of(&t, siti).await.len(),
    ];
    assert_eq!(loads.iter().sum::<usize>(), 10, "{loads:?}");
    assert!(
        loads.iter().max().unwrap() - loads.iter().min().unwrap() <= 1,
        "{loads:?}"
    );
    assert_eq!(
        loads[1], 4,
        "the matching reviewer took the extra one: {loads:?}"
    );
    // Running it again changes nothing.
    admin.get(&app, &page).await;
    admin.post_csrf(&app, &format!("{page}/auto"), &[]).await;
    assert_eq!(
        review_assignment::Entity::find()
            .count(t.conn())
            .await
            .unwrap(),
        10
    );

    // Rita sees her applications only.
    let mine: Vec<i32> = assignments_of(&t, rita)
        .await
        .iter()
        .map(|a| a.application_id)
        .collect();
    let other = apps.iter().find(|a| !mine.contains(&a.id)).unwrap();
    let mut rita_b = login(&app, REVIEWER).await;
    let q = rita_b.get(&app, "/admin/applications").await;
    assert_eq!(q.status, 200);
    let refs = q.texts(".data-table tbody td a");
    assert_eq!(refs.len(), mine.len(), "{refs:?}");
    assert!(!refs.contains(&other.reference));
    assert_eq!(
        rita_b
            .get(&app, &format!("/admin/applications/{}", other.id))
            .await
            .status,
        404
    );
    let r = rita_b
        .post_csrf(
            &app,
            &format!("/admin/applications/{}/status", other.id),
            &[("status", "screening")],
        )
        .await;
    assert_eq!(r.status, 404);

    // Before declaring: only the declaration, with the blind facts.
    let first = format!("/admin/applications/{}", apps[0].id);
    let r = rita_b.get(&app, &first).await;
    assert_eq!(r.status, 200);
    assert!(r.has(&format!("form[action='{first}/declare']")));
    assert!(!r.body.contains(&apps[0].name) && !r.body.contains(&apps[0].email));
    assert!(r.body.contains(&apps[0].reference));
    assert_eq!(
        rita_b
            .get(&app, &format!("{first}/documents/{doc}"))
            .await
            .status,
        404
    );
    let csv = rita_b
        .get(&app, &format!("/admin/applications/export.csv?call={call}"))
        .await;
    assert_eq!(csv.status, 200);
    assert!(
        !csv.body.contains(&apps[0].reference),
        "undeclared: not exported"
    );
    // "Other" without a note is refused at the field, the choice kept.
    let r = rita_b
        .post_csrf(&app, &format!("{first}/declare"), &[("conflict", "other")])
        .await;
    assert_eq!(r.status, 422);
    assert!(r.has("#declare-note-error"));
    assert!(r.has("#conflict-other[checked]"));
    let r = rita_b
        .post_csrf(&app, &format!("{first}/declare"), &[("conflict", "none")])
        .await;
    assert_eq!(r.status, 303);
    let r = rita_b.get(&app, &first).await;
    assert!(r.body.contains(&apps[0].name), "open after declaring");
    let pdf = rita_b.get(&app, &format!("{first}/documents/{doc}")).await;
    assert_eq!(pdf.status, 200);
    let csv = rita_b
        .get(&app, &format!("/admin/applications/export.csv?call={call}"))
        .await;
    assert!(csv.body.contains(&apps[0].reference));
    assert!(!csv.body.contains(&other.reference));

    // A conflict: the assignment goes, the administrators hear of it.
    let second = mine.iter().find(|id| **id != apps[0].id).copied().unwrap();
    let path = format!("/admin/applications/{second}");
    rita_b.get(&app, &path).await;
    let r = rita_b
        .post_csrf(
            &app,
            &format!("{path}/declare"),
            &[
                ("conflict", "collaborator"),
                ("note", "We co-authored in 2024."),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    assert!(
        review_assignment::Entity::find()
            .filter(review_assignment::Column::ApplicationId.eq(second))
            .filter(review_assignment::Column::EditorId.eq(rita))
            .one(t.conn())
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        review_conflict::Entity::find()
            .count(t.conn())
            .await
            .unwrap(),
        1
    );
    assert_eq!(rita_b.get(&app, &path).await.status, 404);
    sink.sender()
        .send_due(t.conn(), techbridge::db::now())
        .await
        .unwrap();
    let mails = sink.to(ADMIN.0);
    assert_eq!(mails.len(), 1);
    assert!(
        mails[0].subject.contains("Conflict of interest"),
        "{}",
        mails[0].subject
    );
    assert!(mails[0].text.contains("Rita Reviewer"), "{}", mails[0].text);
    let r = admin.get(&app, &page).await;
    assert!(r.text(".conflicts").contains("Rita Reviewer"));
    // Nor is she given it back, by hand or automatically.
    let again = [
        ("application", second.to_string()),
        ("reviewer", rita.to_string()),
    ];
    let form: Vec<(&str, &str)> = again.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = admin
        .post_csrf(&app, &format!("{page}/assign"), &form)
        .await;
    assert_eq!(r.status, 422);
    admin.get(&app, &page).await;
    admin.post_csrf(&app, &format!("{page}/auto"), &[]).await;
    assert!(
        review_assignment::Entity::find()
            .filter(review_assignment::Column::ApplicationId.eq(second))
            .filter(review_assignment::Column::EditorId.eq(rita))
            .one(t.conn())
            .await
            .unwrap()
            .is_none()
    );
}

/// A rubric criterion id by key.
async fn criterion(t: &TestApp, call: i32, key: &str) -> i32 {
    rubric_criterion::Entity::find()
        .filter(rubric_criterion::Column::CallId.eq(call))
        .filter(rubric_criterion::Column::Key.eq(key))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn declare_none<S, B>(app: &S, b: &mut Browser, id: i32)
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let path = format!("/admin/applications/{id}");
    b.get(app, &path).await;
    let r = b
        .post_csrf(app, &format!("{path}/declare"), &[("conflict", "none")])
        .await;
    assert_eq!(r.status, 303);
}

#[actix_web::test]
async fn rubric_scores_rank_blind_mode_hides_names_and_refusals_stay_in_the_back_office() {
    let t = TestApp::empty().await.with_accounts().await;
    EditorBuilder::new(R2.0, R2.1)
        .name("Rahmat Reviewer")
        .role("reviewer")
        .insert(t.conn())
        .await;
    let app = t.service().await;
    let (call, post) = open_call(t.conn()).await;
    let a = ApplicationBuilder::new(call)
        .host_post(post)
        .applicant("Dewi Lestari", "dewi.lestari@ugm.example.ac.id")
        .nationality("ID")
        .status("under_review")
        .insert(t.conn())
        .await;
    let b = ApplicationBuilder::new(call)
        .host_post(post)
        .applicant("Somchai Wongsa", "somchai@ku.example.ac.th")
        .nationality("TH")
        .status("under_review")
        .insert(t.conn())
        .await;
    let doc = document(&t, &a).await;
    let mut admin = login(&app, ADMIN).await;
    let page = format!("/admin/calls/{call}/review");
    admin.get(&app, &page).await;
    // Everyone to everything (2 reviewers, 2 per application).
    assert_eq!(
        admin
            .post_csrf(&app, &format!("{page}/auto"), &[])
            .await
            .status,
        303
    );
    let (merit, fit, value) = (
        criterion(&t, call, "merit").await,
        criterion(&t, call, "fit").await,
        criterion(&t, call, "value").await,
    );
    let mut rita = login(&app, REVIEWER).await;
    let mut rahmat = login(&app, R2).await;
    for id in [a.id, b.id] {
        declare_none(&app, &mut rita, id).await;
        declare_none(&app, &mut rahmat, id).await;
    }
    let score = |m: &str, f: &str, v: &str| {
        vec![
            (format!("score.{merit}"), m.to_owned()),
            (format!("score.{fit}"), f.to_owned()),
            (format!("score.{value}"), v.to_owned()),
            (
                "comment".to_owned(),
                "Clear plan for the host lab.".to_owned(),
            ),
        ]
    };
    let send = |form: &Vec<(String, String)>| -> Vec<(String, String)> { form.clone() };
    // Out of range: refused at the field, on the back-office page, typed kept.
    let path = format!("/admin/applications/{}", a.id);
    rita.get(&app, &path).await;
    let bad = send(&score("7", "4", "3"));
    let bad: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = rita.post_csrf(&app, &format!("{path}/review"), &bad).await;
    assert_eq!(r.status, 422);
    assert!(r.has(&format!("#score-{merit}-error")), "{}", r.body);
    assert!(r.has(".admin-nav"));
    assert_eq!(
        r.attr(&format!("#score-{fit} option[selected]"), "value")
            .as_deref(),
        Some("4")
    );
    assert_eq!(r.text("#comment"), "Clear plan for the host lab.");
    // Rita: 5, 4, 3 → (200 + 120 + 90) / 100 = 4.10; Rahmat 3, 3, 3 → 3.00.
    for (first, id, form) in [
        (true, a.id, score("5", "4", "3")),
        (false, a.id, score("3", "3", "3")),
        (true, b.id, score("2", "2", "2")),
    ] {
        let who = if first { &mut rita } else { &mut rahmat };
        let path = format!("/admin/applications/{id}");
        who.get(&app, &path).await;
        let f: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let r = who.post_csrf(&app, &format!("{path}/review"), &f).await;
        assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    }
    // Saved again, a review replaces the reviewer's earlier one.
    rita.get(&app, &path).await;
    let again = score("5", "4", "3");
    let f: Vec<(&str, &str)> = again
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        rita.post_csrf(&app, &format!("{path}/review"), &f)
            .await
            .status,
        303
    );
    let r = admin.get(&app, &page).await;
    let first_row = |r: &Resp, col: &str| r.text(&format!(".ranking tbody tr:first-child .{col}"));
    assert_eq!(r.text(".ranking tbody tr:first-child th"), a.reference);
    assert_eq!(first_row(&r, "mean"), "3.55");
    assert_eq!(first_row(&r, "min"), "3.00");
    assert_eq!(first_row(&r, "max"), "4.10");
    let csv = admin
        .get(&app, &format!("/admin/calls/{call}/ranking/export.csv"))
        .await;
    assert_eq!(csv.status, 200);
    let mut rows = csv::Reader::from_reader(csv.body.as_bytes());
    let rows: Vec<csv::StringRecord> = rows.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][1], a.reference.as_str());
    assert_eq!(&rows[0][7], "2");
    assert_eq!(
        (&rows[0][8], &rows[0][9], &rows[0][10]),
        ("3.55", "3.00", "4.10")
    );
    assert_eq!(&rows[1][1], b.reference.as_str());
    assert_eq!(&rows[1][8], "2.00");
    // The detail page shows each reviewer's weighted total to administrators,
    // and a reviewer only their own.
    let r = admin.get(&app, &path).await;
    assert_eq!(r.texts(".reviews td.total"), vec!["4.10", "3.00"]);
    let r = rahmat.get(&app, &path).await;
    assert_eq!(r.texts(".reviews td.total"), vec!["3.00"]);

    // Blind mode: nothing a reviewer reaches carries the name or e-mail.
    admin.get(&app, &page).await;
    let r = admin
        .post_csrf(
            &app,
            &format!("{page}/settings"),
            &[
                ("blind", "on"),
                ("review_deadline", ""),
                ("reminder_days", "3"),
                ("reviewers_per_application", "2"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    for p in [
        "/admin/applications".to_owned(),
        format!("/admin/applications?call={call}"),
        path.clone(),
        format!("/admin/applications/export.csv?call={call}"),
        format!("/admin/applications/export.xlsx?call={call}"),
        format!("{path}/documents/{doc}"),
        "/admin/".to_owned(),
        "/admin/outbox".to_owned(),
    ] {
        let r = rita.get(&app, &p).await;
        assert_eq!(r.status, 200, "{p}");
        let disposition = r.header("content-disposition").unwrap_or("").to_owned();
        for secret in [
            &a.name,
            &a.email,
            &"Dewi".to_owned(),
            &"dewi.lestari".to_owned(),
        ] {
            assert!(!r.body.contains(secret.as_str()), "{p} shows {secret}");
            assert!(!disposition.contains(secret.as_str()), "{p}: {disposition}");
        }
    }
    // Administrators still see who applied.
    assert!(admin.get(&app, &path).await.body.contains(&a.name));

    // Refusals on the back-office page, at the field, typed text kept.
    let r = admin
        .post_csrf(
            &app,
            &format!("{page}/settings"),
            &[
                ("review_deadline", "next week"),
                ("reminder_days", "3"),
                ("reviewers_per_application", "0"),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.has("#reviewers_per_application-error") && r.has("#review_deadline-error"));
    assert_eq!(
        r.attr("#review_deadline", "value").as_deref(),
        Some("next week")
    );
    admin.get(&app, &path).await;
    let r = admin
        .post_csrf(
            &app,
            &format!("{path}/status"),
            &[
                ("status", "more_info"),
                ("message", "  "),
                ("requested_documents", "Transcript"),
            ],
        )
        .await;
    assert_eq!(r.status, 422, "not the public 400 page");
    assert!(r.has("#status-message-error") && r.has(".admin-nav"));
    assert_eq!(r.text("#requested-documents"), "Transcript");
    let r = admin
        .post_csrf(
            &app,
            &format!("{path}/status"),
            &[
                ("status", "more_info"),
                (
                    "message",
                    "Please send your transcript and a passport copy.",
                ),
                ("requested_documents", "Transcript\n\n  Passport copy  \n"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let stored = application::Entity::find_by_id(a.id)
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.status, "more_info");
    assert_eq!(stored.requested_documents, "Transcript\nPassport copy");
    // A move the status no longer allows: at the field, not a 400 page.
    admin.get(&app, &path).await;
    let r = admin
        .post_csrf(&app, &format!("{path}/status"), &[("status", "accepted")])
        .await;
    assert_eq!(r.status, 422);
    assert!(r.has("#new-status-error"));
}

#[actix_web::test]
async fn batch_decisions_preview_then_send_once_make_draft_fellows_and_the_report_counts() {
    let sink = SmtpSink::start();
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    let (call, post) = open_call(t.conn()).await;
    let dewi = ApplicationBuilder::new(call)
        .host_post(post)
        .applicant("Dewi Lestari", "dewi.lestari@ugm.example.ac.id")
        .nationality("ID")
        .lang("id")
        .status("under_review")
        .insert(t.conn())
        .await;
    let li = ApplicationBuilder::new(call)
        .host_post(post)
        .applicant("Li Wei", "li.wei@hus.example.edu.vn")
        .lang("zh-CN")
        .status("under_review")
        .insert(t.conn())
        .await;
    let early = ApplicationBuilder::new(call)
        .host_post(post)
        .applicant("Early Applicant", "early@uni.example.edu")
        .insert(t.conn())
        .await;
    let mut admin = login(&app, ADMIN).await;
    let queue = format!("/admin/applications?call={call}");
    let r = admin.get(&app, &queue).await;
    assert_eq!(r.attrs("input[name=ids]", "value").len(), 3);
    let outbox = || async {
        outbox_message::Entity::find()
            .count(t.conn())
            .await
            .unwrap()
    };
    let before = outbox().await;
    let call_s = call.to_string();
    // Nothing ticked, no decision: refused at the fields of the queue.
    let r = admin
        .post_csrf(
            &app,
            "/admin/applications/decide",
            &[("call", &call_s), ("decision", ""), ("action", "preview")],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.has("#batch-ids-error") && r.has("#batch-decision-error"));
    assert!(r.has(".admin-nav"));
    // The call's own Indonesian acceptance letter; half a letter is refused.
    let review = format!("/admin/calls/{call}/review");
    admin.get(&app, &review).await;
    let r = admin
        .post_csrf(
            &app,
            &format!("{review}/letters"),
            &[
                ("subject.accepted.zh-CN", "恭喜 {name}"),
                ("body.accepted.zh-CN", ""),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.has("#letter-body-accepted-zh-CN-error"));
    assert_eq!(
        r.attr("#letter-subject-accepted-zh-CN", "value").as_deref(),
        Some("恭喜 {name}")
    );
    let r = admin
        .post_csrf(
            &app,
            &format!("{review}/letters"),
            &[
                ("subject.accepted.id", "Selamat, {name}"),
                ("body.accepted.id", "Pendaftaran {reference} diterima."),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    // Preview: each letter in its applicant's language; nothing queued.
    let ids = [dewi.id.to_string(), li.id.to_string(), early.id.to_string()];
    let mut form = vec![
        ("call", call_s.as_str()),
        ("decision", "accepted"),
        ("action", "preview"),
    ];
    for id in &ids {
        form.push(("ids", id.as_str()));
    }
    admin.get(&app, &queue).await;
    let r = admin
        .post_csrf(&app, "/admin/applications/decide", &form)
        .await;
    assert_eq!(r.status, 200);
    let bodies = r.texts(".letter-body");
    assert_eq!(bodies.len(), 2, "the submitted one cannot be accepted yet");
    assert_eq!(
        bodies[0],
        format!("Pendaftaran {} diterima.", dewi.reference)
    );
    assert!(bodies[1].contains("尊敬的 Li Wei"), "{}", bodies[1]);
    assert_eq!(r.texts(".skipped").len(), 1);
    assert_eq!(outbox().await, before, "a preview sends nothing");
    // Confirm: one letter each, through the outbox to the SMTP server.
    let confirm: Vec<(&str, &str)> = form
        .iter()
        .map(|(k, v)| {
            if *k == "action" {
                (*k, "confirm")
            } else {
                (*k, *v)
            }
        })
        .collect();
    let r = admin
        .post_csrf(&app, "/admin/applications/decide", &confirm)
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(outbox().await, before + 2);
    sink.sender()
        .send_due(t.conn(), techbridge::db::now())
        .await
        .unwrap();
    let to_dewi = sink.to(&dewi.email);
    assert_eq!(to_dewi.len(), 1);
    assert_eq!(to_dewi[0].subject, "Selamat, Dewi Lestari");
    let to_li = sink.to(&li.email);
    assert_eq!(to_li.len(), 1);
    assert!(
        to_li[0].subject.contains("您已入选"),
        "{}",
        to_li[0].subject
    );
    assert!(sink.to(&early.email).is_empty());
    // The same decision again sends nothing twice.
    admin.get(&app, &queue).await;
    let r = admin
        .post_csrf(&app, "/admin/applications/decide", &confirm)
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(outbox().await, before + 2);
    // Each accepted applicant is a draft fellow, unpublished.
    let fellows = fellow::Entity::find().all(t.conn()).await.unwrap();
    assert_eq!(fellows.len(), 2);
    let d = fellows.iter().find(|f| f.name == dewi.name).unwrap();
    assert_eq!((d.status.as_str(), d.country.as_str()), ("draft", "ID"));
    assert_eq!(d.field, dewi.field);
    assert!(d.publish_at.is_none());
    assert_eq!(
        get(&app, &format!("/en/programme/fellows/{}", d.slug))
            .await
            .status,
        404
    );

    // The report: chart, table and CSV tell the same numbers.
    let r = admin
        .get(&app, &format!("/admin/calls/{call}/report"))
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.texts("svg[role=img] > title").len(), 4);
    let accepted = r.text("#table-status tr[data-key=accepted] td");
    assert_eq!(accepted, "2");
    assert_eq!(r.text("#table-country tr[data-key=VN] td"), "2");
    assert_eq!(r.text("#table-country tr[data-key=ID] td"), "1");
    let svg = r.html();
    let chart = svg
        .select(&scraper::Selector::parse("#h-status + figure svg").unwrap())
        .next()
        .unwrap()
        .text()
        .collect::<String>();
    assert!(chart.contains("Accepted") && chart.contains('2'), "{chart}");
    let csv = admin
        .get(&app, &format!("/admin/calls/{call}/report.csv"))
        .await;
    assert_eq!(csv.status, 200);
    let mut rows = csv::Reader::from_reader(csv.body.as_bytes());
    let rows: Vec<csv::StringRecord> = rows.records().map(|r| r.unwrap()).collect();
    assert!(
        rows.iter()
            .any(|r| &r[0] == "status" && &r[1] == "accepted" && &r[3] == "2")
    );
    assert!(
        rows.iter()
            .any(|r| &r[0] == "country" && &r[1] == "VN" && &r[3] == "2")
    );

    // Reminders: an unfinished review 2 days before the deadline, reminder
    // lead 3 days, in the reviewer's language, once.
    let rita = editor_id(&t, REVIEWER.0).await;
    editor::Entity::update_many()
        .col_expr(
            editor::Column::UiLang,
            sea_orm::sea_query::Expr::value("id"),
        )
        .filter(editor::Column::Id.eq(rita))
        .exec(t.conn())
        .await
        .unwrap();
    let page = format!("/admin/calls/{call}/review");
    admin.get(&app, &page).await;
    let assign = [
        ("application", early.id.to_string()),
        ("reviewer", rita.to_string()),
    ];
    let f: Vec<(&str, &str)> = assign.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        admin
            .post_csrf(&app, &format!("{page}/assign"), &f)
            .await
            .status,
        303
    );
    let deadline = (chrono::Utc::now() + chrono::Duration::days(2))
        .date_naive()
        .to_string();
    admin.get(&app, &page).await;
    let r = admin
        .post_csrf(
            &app,
            &format!("{page}/settings"),
            &[
                ("review_deadline", &deadline),
                ("reminder_days", "3"),
                ("reviewers_per_application", "2"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let base = "http://portal.example.org";
    // A week before the deadline is too early.
    let early_now = chrono::Utc::now() - chrono::Duration::days(5);
    assert_eq!(
        techbridge::admin::review::send_reminders(t.conn(), base, early_now)
            .await
            .unwrap(),
        0
    );
    let now = techbridge::db::now();
    assert_eq!(
        techbridge::admin::review::send_reminders(t.conn(), base, now)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        techbridge::admin::review::send_reminders(t.conn(), base, now)
            .await
            .unwrap(),
        0,
        "once per assignment"
    );
    sink.sender().send_due(t.conn(), now).await.unwrap();
    let to_rita = sink.to(REVIEWER.0);
    assert_eq!(to_rita.len(), 1);
    assert!(
        to_rita[0].subject.contains("Penilaian belum selesai"),
        "{}",
        to_rita[0].subject
    );
    assert!(to_rita[0].text.contains(&early.reference));
}
