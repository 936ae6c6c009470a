//! The applicant's and the referee's side of the programme: drafts saved
//! without an account and resumed from the e-mailed link, files kept across
//! a refused submission, one application per person and call, the amend
//! page, the bookmarkable status page, referees' letters and reminders.

use actix_web::test::TestRequest;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use techbridge::db::now;
use techbridge::entities::{
    application, application_document, application_draft, application_email, application_history,
    application_referee, draft_document, programme_call,
};

use crate::programme::{DOCS, PDF, Part, apply, fields, first_post, look_up, multipart};
use crate::support::smtp::SmtpSink;
use crate::support::*;

async fn count<E: EntityTrait>(t: &TestApp, _: E) -> u64
where
    E::Model: Sync,
{
    E::find().count(t.conn()).await.unwrap()
}

async fn post_multipart<S, B>(app: &S, uri: &str, parts: &[Part<'_>]) -> Resp
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let (ct, body) = multipart(parts);
    send(
        app,
        TestRequest::post()
            .uri(uri)
            .insert_header(("content-type", ct))
            .insert_header(("sec-fetch-site", "same-origin"))
            .set_payload(body),
    )
    .await
}

#[actix_web::test]
async fn a_draft_is_saved_mailed_resumed_and_submitted_and_expires_with_its_call() {
    let t = TestApp::empty().await;
    let (call_id, _) = open_call(t.conn()).await;
    let app = t.service().await;
    let sink = SmtpSink::start();
    let token = get(&app, "/zh-CN/programme/apply")
        .await
        .attr("input[name=submission_token]", "value")
        .unwrap();
    // Saving needs a valid address, and says so at the field, with the
    // rest kept (the CV too, in a draft row).
    let bad = post_multipart(
        &app,
        "/zh-CN/programme/apply",
        &[
            Part::Text("submission_token", &token),
            Part::Text("name", "Nguyen Thi Mai"),
            Part::Text("email", "mai.nguyen@"),
            Part::Text("intent", "save"),
            Part::File("cv", "mai-cv.pdf", PDF),
        ],
    )
    .await;
    assert_eq!(bad.status, 422);
    assert!(bad.has("#email-error"), "{}", bad.text(".error-summary"));
    assert_eq!(
        bad.attr("#name", "value").as_deref(),
        Some("Nguyen Thi Mai")
    );
    assert!(bad.text("#cv-kept").contains("mai-cv.pdf"));
    let draft_token = bad.attr("input[name=draft_token]", "value").unwrap();
    assert_eq!(count(&t, application_draft::Entity).await, 1);
    assert_eq!(
        count(&t, techbridge::entities::outbox_message::Entity).await,
        0
    );
    // With an address: saved, and a link in Chinese is on its way.
    let saved = post_multipart(
        &app,
        "/zh-CN/programme/apply",
        &[
            Part::Text("submission_token", &token),
            Part::Text("draft_token", &draft_token),
            Part::Text("name", "Nguyen Thi Mai"),
            Part::Text("email", "mai.nguyen@hus.example.edu.vn"),
            Part::Text("institution", "Hanoi University of Science"),
            Part::Text("intent", "save"),
        ],
    )
    .await;
    assert_eq!(saved.status, 200, "{}", saved.text(".error-summary"));
    assert!(saved.text("h1").contains("草稿"));
    assert_eq!(count(&t, application_draft::Entity).await, 1);
    sink.sender().send_due(t.conn(), now()).await.unwrap();
    let mails = sink.to("mai.nguyen@hus.example.edu.vn");
    assert_eq!(mails.len(), 1);
    assert!(
        mails[0]
            .subject
            .contains("东盟杰出青年科学家来华入桂工作计划")
    );
    let link = mails[0].path_of_link("/programme/apply?draft=");
    // The link reopens the form filled in, the CV shown by name.
    let resumed = get(&app, &link).await;
    assert_eq!(resumed.status, 200);
    assert_eq!(resumed.header("cache-control"), Some("no-store, private"));
    assert_eq!(
        resumed.attr("#name", "value").as_deref(),
        Some("Nguyen Thi Mai")
    );
    assert_eq!(
        resumed.attr("#institution", "value").as_deref(),
        Some("Hanoi University of Science")
    );
    assert!(resumed.text("#cv-kept").contains("mai-cv.pdf"));
    let new_token = resumed
        .attr("input[name=submission_token]", "value")
        .unwrap();
    assert_eq!(
        resumed.attr("input[name=draft_token]", "value").as_deref(),
        Some(draft_token.as_str())
    );
    // A changed link opens nothing.
    let tampered = get(&app, &format!("{}0", link)).await;
    assert_eq!(tampered.status, 403);
    // Submitting from the draft: the CV comes from it; the draft goes.
    let post = first_post(&t).await;
    let mut f = fields(&post, &new_token, &[]);
    f.push(("draft_token", &draft_token));
    let r = apply(&app, "zh-CN", &f, &[("degree_file", "degree.pdf", PDF)]).await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let a = application::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    let mut names: Vec<String> = application_document::Entity::find()
        .filter(application_document::Column::ApplicationId.eq(a.id))
        .all(t.conn())
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.filename)
        .collect();
    names.sort();
    assert_eq!(names, ["degree.pdf", "mai-cv.pdf"]);
    assert_eq!(count(&t, application_draft::Entity).await, 0);
    assert_eq!(count(&t, draft_document::Entity).await, 0);

    // Another draft, left: deleted with its files when the call closes.
    let token = get(&app, "/en/programme/apply")
        .await
        .attr("input[name=submission_token]", "value")
        .unwrap();
    let kept = post_multipart(
        &app,
        "/en/programme/apply",
        &[
            Part::Text("submission_token", &token),
            Part::Text("email", "later@example.org"),
            Part::Text("intent", "save"),
            Part::File("cv", "cv.pdf", PDF),
        ],
    )
    .await;
    assert_eq!(kept.status, 200);
    assert_eq!(count(&t, draft_document::Entity).await, 1);
    let closes = programme_call::Entity::find_by_id(call_id)
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .closes_at;
    techbridge::periodic::run_once(&t.state, closes - chrono::Duration::minutes(1))
        .await
        .unwrap();
    assert_eq!(count(&t, application_draft::Entity).await, 1, "not before");
    techbridge::periodic::run_once(&t.state, closes + chrono::Duration::minutes(1))
        .await
        .unwrap();
    assert_eq!(count(&t, application_draft::Entity).await, 0);
    assert_eq!(count(&t, draft_document::Entity).await, 0);
}

#[actix_web::test]
async fn a_refused_submission_keeps_the_files_that_passed() {
    let t = TestApp::empty().await;
    open_call(t.conn()).await;
    let app = t.service().await;
    let post = first_post(&t).await;
    // A missing field and a CV that is not a PDF: the degree certificate
    // passed, and is kept.
    let r = apply(
        &app,
        "en",
        &fields(&post, "tok-keep", &[("institution", "")]),
        &[
            ("cv", "notes.pdf", b"just text, not a PDF"),
            ("degree_file", "my-degree.pdf", PDF),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.has("#institution-error") && r.has("#cv-error"));
    assert!(r.text("#degree_file-kept").contains("my-degree.pdf"));
    assert!(!r.has("#cv-kept"));
    let draft = r.attr("input[name=draft_token]", "value").unwrap();
    // The CV now, and the field: accepted without the certificate again.
    let mut f = fields(&post, "tok-keep", &[]);
    f.push(("draft_token", &draft));
    let r = apply(&app, "en", &f, &[("cv", "cv.pdf", PDF)]).await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let docs = application_document::Entity::find()
        .all(t.conn())
        .await
        .unwrap();
    let mut names: Vec<&str> = docs.iter().map(|d| d.filename.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["cv.pdf", "my-degree.pdf"]);
    assert!(docs.iter().all(|d| d.bytes == PDF));
    assert_eq!(count(&t, application_draft::Entity).await, 0);
    // A draft token that is not one keeps nothing and breaks nothing.
    let mut f = fields(&post, "tok-other", &[("email", "other@example.org")]);
    f.push(("draft_token", "not-a-draft"));
    let r = apply(&app, "en", &f, &[]).await;
    assert_eq!(r.status, 422);
    assert!(r.has("#cv-error") && r.has("#degree_file-error"));
}

#[actix_web::test]
async fn one_application_per_person_and_call_and_a_token_used_once() {
    let t = TestApp::empty().await;
    open_call(t.conn()).await;
    let app = t.service().await;
    let post = first_post(&t).await;
    let first = apply(&app, "id", &fields(&post, "tok-first", &[]), DOCS).await;
    assert_eq!(first.status, 303);
    // Back, then Submit again: the same confirmation, no second application.
    let again = apply(&app, "id", &fields(&post, "tok-first", &[]), DOCS).await;
    assert_eq!(again.status, 303);
    assert_eq!(again.location(), first.location());
    assert_eq!(count(&t, application::Entity).await, 1);
    // A new form, the same address in other letters: refused at the field,
    // with the way to the status look-up.
    let dup = apply(
        &app,
        "id",
        &fields(
            &post,
            "tok-second",
            &[("email", "  MAI.Nguyen@HUS.example.edu.vn ")],
        ),
        DOCS,
    )
    .await;
    assert_eq!(dup.status, 422);
    assert!(
        dup.text("#email-error").contains("surel"),
        "{}",
        dup.text("#email-error")
    );
    assert_eq!(
        dup.attr(".field-error-more a", "href").as_deref(),
        Some("/id/programme/status")
    );
    assert_eq!(
        dup.attr("#email", "value").as_deref(),
        Some("  MAI.Nguyen@HUS.example.edu.vn ")
    );
    // Its accepted files wait in a draft.
    assert!(dup.text("#cv-kept").contains("cv.pdf"));
    assert_eq!(count(&t, application::Entity).await, 1);
    // The unique index is the backstop when two posts race past the check.
    let a = application::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    let raced = application_email::ActiveModel {
        call_id: Set(a.call_id),
        email_key: Set("mai.nguyen@hus.example.edu.vn".to_owned()),
        application_id: Set(a.id),
        ..Default::default()
    }
    .insert(t.conn())
    .await;
    assert!(raced.is_err());
}

#[actix_web::test]
async fn the_status_page_is_bookmarkable_uncached_and_refuses_a_bad_key() {
    let t = TestApp::empty().await;
    open_call(t.conn()).await;
    let app = t.service().await;
    let reference = crate::programme::submit_one(&app, &t).await;
    let page = look_up(
        &app,
        "/en/programme/status",
        &reference,
        "mai.nguyen@hus.example.edu.vn",
    )
    .await;
    assert!(page.text(".status-result").contains(&reference));
    // The confirmation e-mail links to the same page.
    let m = techbridge::entities::outbox_message::Entity::find()
        .filter(techbridge::entities::outbox_message::Column::Kind.eq("confirmation"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    let key = m
        .body
        .split("status?key=")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    let bookmarked = get(&app, &format!("/en/programme/status?key={key}")).await;
    assert_eq!(bookmarked.status, 200);
    assert_eq!(
        bookmarked.header("cache-control"),
        Some("no-store, private")
    );
    assert!(bookmarked.text(".status-result").contains(&reference));
    let mut changed = key.clone();
    changed.replace_range(0..1, if key.starts_with('A') { "B" } else { "A" });
    for bad in [changed.as_str(), "nonsense", "../../etc"] {
        let r = get(&app, &format!("/en/programme/status?key={bad}")).await;
        assert_eq!(r.status, 403, "{bad}");
        assert!(!r.body.contains(&reference));
    }
}

#[actix_web::test]
async fn referees_upload_letters_in_their_language_and_reminders_go_once_a_week() {
    let t = TestApp::empty().await.with_accounts().await;
    open_call(t.conn()).await;
    let app = t.service().await;
    let sink = SmtpSink::start();
    let post = first_post(&t).await;
    let r = apply(
        &app,
        "en",
        &fields(&post, "tok-ref", &[("referee2_lang", "id")]),
        DOCS,
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let a = application::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    sink.sender().send_due(t.conn(), now()).await.unwrap();
    let first = sink.to("le.hoa@referee.example.edu.vn");
    let second = sink.to("wei.lan@referee.example.cn");
    assert_eq!((first.len(), second.len()), (1, 1));
    assert!(
        first[0].subject.contains("letter of recommendation"),
        "{}",
        first[0].subject
    );
    assert!(
        second[0].subject.contains("surat rekomendasi"),
        "{}",
        second[0].subject
    );
    let link = first[0].path_of_link("/programme/referee?token=");
    assert!(link.starts_with("/en/"));
    assert!(
        second[0]
            .path_of_link("/programme/referee")
            .starts_with("/id/")
    );
    // The referee's page, and a file that is not a PDF refused at the field.
    let page = get(&app, &link).await;
    assert_eq!(page.status, 200);
    assert!(page.text("main").contains("Nguyen Thi Mai"));
    let bad = post_multipart(
        &app,
        &link,
        &[Part::File("letter", "letter.pdf", b"plain text")],
    )
    .await;
    assert_eq!(bad.status, 422);
    assert!(bad.has("#letter-error"));
    let empty = post_multipart(&app, &link, &[Part::Text("x", "")]).await;
    assert_eq!(empty.status, 422);
    assert_eq!(get(&app, &format!("{link}0")).await.status, 403);
    let ok = post_multipart(
        &app,
        &link,
        &[Part::File("letter", "recommendation.pdf", PDF)],
    )
    .await;
    assert_eq!(ok.status, 303);
    assert_eq!(get(&app, ok.location().unwrap()).await.status, 200);
    let letters = application_document::Entity::find()
        .filter(application_document::Column::Kind.eq("referee_letter"))
        .all(t.conn())
        .await
        .unwrap();
    assert_eq!(letters.len(), 1);
    assert_eq!(letters[0].application_id, a.id);
    let refs = techbridge::programme::referees::for_application(t.conn(), a.id)
        .await
        .unwrap();
    assert_eq!(refs[0].letter_document_id, Some(letters[0].id));
    assert!(refs[1].letter_document_id.is_none());
    // The applicant sees which letter arrived, never the letter.
    let status = look_up(&app, "/en/programme/status", &a.reference, &a.email).await;
    let lines = status.texts(".referees li");
    assert!(
        lines[0].contains("Le Van Hoa") && lines[0].contains("Letter received"),
        "{lines:?}"
    );
    assert!(lines[1].contains("Letter not yet received"), "{lines:?}");
    assert!(!status.body.contains("recommendation.pdf"));
    let letter_url = format!("/admin/applications/{}/documents/{}", a.id, letters[0].id);
    let stranger = get(&app, &letter_url).await;
    assert_ne!(stranger.status, 200);
    assert!(!stranger.body.contains("%PDF"));
    // The back office sees it among the documents.
    let mut admin = login(&app, ADMIN).await;
    let detail = admin
        .get(&app, &format!("/admin/applications/{}", a.id))
        .await;
    assert!(detail.body.contains(&letter_url));
    // A reminder to the second referee, then not again within the week.
    let key = status.attr("input[name=key]", "value").unwrap();
    let remind = |position: &'static str| {
        let key = key.clone();
        let app = &app;
        async move {
            post_form(
                app,
                "/en/programme/status/remind",
                &[("key", key.as_str()), ("position", position)],
            )
            .await
        }
    };
    let sent = remind("2").await;
    assert_eq!(sent.status, 303);
    let shown = get(&app, sent.location().unwrap()).await;
    assert!(shown.text("[role=status]").contains("Wei Lan"));
    let refused = remind("2").await;
    assert_eq!(refused.status, 429);
    assert!(
        refused.text("[role=alert]").contains("next one on"),
        "{}",
        refused.text("main")
    );
    // The first referee's letter came: nothing to remind.
    assert_eq!(remind("1").await.status, 429);
    sink.sender().send_due(t.conn(), now()).await.unwrap();
    let reminders = sink.to("wei.lan@referee.example.cn");
    assert_eq!(reminders.len(), 2);
    assert!(
        reminders[1].subject.contains("Pengingat"),
        "{}",
        reminders[1].subject
    );
    // A week later it may go again.
    application_referee::Entity::update_many()
        .col_expr(
            application_referee::Column::RemindedAt,
            sea_orm::sea_query::Expr::value(now() - chrono::Duration::days(8)),
        )
        .exec(t.conn())
        .await
        .unwrap();
    assert_eq!(remind("2").await.status, 303);
}

#[actix_web::test]
async fn the_amend_page_shows_the_message_the_files_and_the_requested_documents() {
    let t = TestApp::empty().await;
    open_call(t.conn()).await;
    let app = t.service().await;
    let reference = crate::programme::submit_one(&app, &t).await;
    let a = application::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    // What the back office writes when it asks for more information.
    let mut m: application::ActiveModel = a.clone().into();
    m.status = Set("more_info".to_owned());
    m.requested_documents = Set("Publication list\n\nPassport copy\n".to_owned());
    m.update(t.conn()).await.unwrap();
    application_history::ActiveModel {
        application_id: Set(a.id),
        from_status: Set("submitted".to_owned()),
        to_status: Set("more_info".to_owned()),
        editor_id: Set(None),
        editor_name: Set("Reviewer".to_owned()),
        message: Set("Please add your publication list and passport.".to_owned()),
        at: Set(now()),
        ..Default::default()
    }
    .insert(t.conn())
    .await
    .unwrap();
    let status = look_up(&app, "/en/programme/status", &reference, &a.email).await;
    let amend = status.attr(".status-result a.button", "href").unwrap();
    let page = get(&app, &amend).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.text("h1"), "Complete your application");
    assert!(
        page.text(".reviewer-message")
            .contains("publication list and passport")
    );
    assert!(page.text("#cv-kept").contains("cv.pdf"));
    assert!(page.text("#degree_file-kept").contains("degree.pdf"));
    assert!(
        page.text("label[for=requested_1]")
            .contains("Publication list")
    );
    assert!(
        page.text("label[for=requested_2]")
            .contains("Passport copy")
    );
    assert!(!page.has("#requested_3"));
    assert!(!page.has("#referee1_name"));
    assert!(!page.has("button[value=save]"));
    let post = first_post(&t).await;
    let text = fields(&post, &a.submission_token, &[]);
    let parts = |files: &[(&'static str, &'static str)]| {
        let mut p: Vec<Part<'_>> = text.iter().map(|(k, v)| Part::Text(k, v)).collect();
        p.extend(files.iter().map(|(n, f)| Part::File(n, f, PDF)));
        p
    };
    // Without the requested documents: refused at their fields.
    let r = post_multipart(&app, &amend, &parts(&[("requested_1", "pubs.pdf")])).await;
    assert_eq!(r.status, 422);
    assert!(r.has("#requested_2-error") && !r.has("#requested_1-error"));
    let r = post_multipart(
        &app,
        &amend,
        &parts(&[("requested_1", "pubs.pdf"), ("requested_2", "passport.pdf")]),
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let kinds: Vec<String> = application_document::Entity::find()
        .filter(application_document::Column::ApplicationId.eq(a.id))
        .all(t.conn())
        .await
        .unwrap()
        .into_iter()
        .map(|d| format!("{}:{}", d.kind, d.filename))
        .collect();
    for k in [
        "cv:cv.pdf",
        "degree:degree.pdf",
        "requested_1:pubs.pdf",
        "requested_2:passport.pdf",
    ] {
        assert!(kinds.contains(&k.to_owned()), "{kinds:?}");
    }
    let a = application::Entity::find_by_id(a.id)
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(a.status, "submitted");
}
