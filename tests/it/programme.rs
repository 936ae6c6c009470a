//! The young scientists programme: applying with documents, eligibility,
//! double submission, status look-up, the review loop, privacy.

use actix_web::test::TestRequest;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Statement};
use techbridge::entities::{
    application, application_document, audit_entry, host_post, outbox_message,
};

use crate::support::*;

pub const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

pub enum Part<'a> {
    Text(&'a str, &'a str),
    File(&'a str, &'a str, &'a [u8]),
}

pub fn multipart(parts: &[Part<'_>]) -> (String, Vec<u8>) {
    let boundary = "----tbapplyboundary7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for p in parts {
        match p {
            Part::Text(name, value) => body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
            ),
            Part::File(name, filename, bytes) => {
                body.extend_from_slice(
                    format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\nContent-Type: application/pdf\r\n\r\n")
                        .as_bytes(),
                );
                body.extend_from_slice(bytes);
                body.extend_from_slice(b"\r\n");
            }
        }
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// The host post applications go to (the first, of `open_call`).
pub async fn first_post(t: &TestApp) -> String {
    host_post::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string()
}

/// A complete, eligible application; `change` overrides fields.
pub fn fields<'a>(
    post: &'a str,
    token: &'a str,
    change: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut f = vec![
        ("submission_token", token),
        ("name", "Nguyen Thi Mai"),
        ("email", "mai.nguyen@hus.example.edu.vn"),
        ("nationality", "VN"),
        ("date_of_birth", "1991-06-15"),
        ("degree", "phd"),
        ("research_years", "6"),
        ("field", "agriculture"),
        ("institution", "Hanoi University of Science"),
        ("host_post", post),
        ("english_level", "fluent"),
        ("chinese_level", "basic"),
        ("proposal_title", "Salt-tolerant rice for the Mekong Delta"),
        (
            "proposal",
            "I propose to screen Guangxi rice germplasm for salinity tolerance genes and to cross the best lines with Vietnamese varieties grown in the Mekong Delta, where sea water intrudes further every dry season. The work combines field trials with marker-assisted selection in the host laboratory.",
        ),
        ("consent", "yes"),
        ("website", ""),
    ];
    f.extend(REFEREE_FIELDS);
    for (k, v) in change {
        f.retain(|(n, _)| n != k);
        if !v.is_empty() || *k == "website" {
            f.push((k, v));
        }
    }
    f
}

pub async fn apply<S, B>(
    app: &S,
    lang: &str,
    fields: &[(&str, &str)],
    files: &[(&str, &str, &[u8])],
) -> Resp
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let mut parts: Vec<Part<'_>> = fields.iter().map(|(k, v)| Part::Text(k, v)).collect();
    parts.extend(files.iter().map(|(n, f, b)| Part::File(n, f, b)));
    let (ct, body) = multipart(&parts);
    send(
        app,
        TestRequest::post()
            .uri(&format!("/{lang}/programme/apply"))
            .insert_header(("content-type", ct))
            .insert_header(("sec-fetch-site", "same-origin"))
            .set_payload(body),
    )
    .await
}

pub const DOCS: &[(&str, &str, &[u8])] =
    &[("cv", "cv.pdf", PDF), ("degree_file", "degree.pdf", PDF)];

async fn count(t: &TestApp) -> u64 {
    application::Entity::find().count(t.conn()).await.unwrap()
}

#[actix_web::test]
async fn a_complete_application_gets_a_reference_and_a_confirmation_in_the_applicants_language() {
    let t = TestApp::empty().await;
    open_call(t.conn()).await;
    let app = t.service().await;
    let form = get(&app, "/id/programme/apply").await;
    assert_eq!(form.status, 200);
    let token = form.attr("input[name=submission_token]", "value").unwrap();
    let post = first_post(&t).await;
    let r = apply(&app, "id", &fields(&post, &token, &[]), DOCS).await;
    assert_eq!(
        r.status,
        303,
        "{}",
        r.body.chars().take(3000).collect::<String>()
    );
    let done = get(&app, r.location().unwrap()).await;
    let reference = done.text("#reference");
    assert!(reference.starts_with("ATS-2027-"), "{reference}");
    let a = application::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(a.reference, reference);
    assert_eq!((a.lang.as_str(), a.status.as_str()), ("id", "submitted"));
    let docs = application_document::Entity::find()
        .all(t.conn())
        .await
        .unwrap();
    assert_eq!(docs.len(), 2);
    assert!(docs.iter().all(|d| d.key.len() >= 40 && d.bytes == PDF));
    // The confirmation waits in the outbox (no SMTP here), in Indonesian.
    let m = outbox_message::Entity::find()
        .filter(outbox_message::Column::Kind.eq("confirmation"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(m.kind, "confirmation");
    assert_eq!(m.lang, "id");
    assert_eq!(m.to_email, "mai.nguyen@hus.example.edu.vn");
    assert!(m.body.contains(&reference) && m.sent_at.is_none());
    assert!(
        m.body
            .contains("http://localhost:8080/id/programme/status?key=")
    );
    // References are not sequential.
    let token2 = get(&app, "/id/programme/apply")
        .await
        .attr("input[name=submission_token]", "value")
        .unwrap();
    let r = apply(
        &app,
        "id",
        &fields(&post, &token2, &[("email", "other@example.org")]),
        DOCS,
    )
    .await;
    assert_eq!(r.status, 303);
    let refs: Vec<String> = application::Entity::find()
        .all(t.conn())
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.reference)
        .collect();
    assert_ne!(refs[0][..12], refs[1][..12]);
}

#[actix_web::test]
async fn eligibility_rules_give_a_clear_reason() {
    let t = TestApp::empty().await;
    open_call(t.conn()).await;
    let app = t.service().await;
    let post = first_post(&t).await;
    // The call closes about 60 days from now: someone born 45 years and
    // a month before that day is too old; 44 years is fine.
    let closes = techbridge::entities::programme_call::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .closes_at
        .date_naive();
    let too_old = closes
        .checked_sub_months(chrono::Months::new(45 * 12 + 1))
        .unwrap()
        .to_string();
    let old_enough = closes
        .checked_sub_months(chrono::Months::new(44 * 12 + 6))
        .unwrap()
        .to_string();
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str);
    let cases: &[Case<'_>] = &[
        (&[("nationality", "other")], "nationality-error", "ASEAN"),
        (
            &[("date_of_birth", too_old.as_str())],
            "date_of_birth-error",
            "45",
        ),
        (
            &[("degree", "master"), ("research_years", "4")],
            "research_years-error",
            "five",
        ),
        (
            &[("english_level", "none"), ("chinese_level", "none")],
            "english_level-error",
            "English",
        ),
    ];
    for (change, error_id, mention) in cases {
        let r = apply(&app, "en", &fields(&post, "tok-elig", change), DOCS).await;
        assert_eq!(r.status, 422, "{change:?}");
        let msg = r.text(&format!("#{error_id}"));
        assert!(msg.contains(mention), "{change:?}: {msg}");
        assert_eq!(r.attr("#name", "value").as_deref(), Some("Nguyen Thi Mai"));
        assert!(r.text("#proposal").contains("Mekong"));
    }
    let ok = apply(
        &app,
        "en",
        &fields(
            &post,
            "tok-ok",
            &[
                // Timor-Leste, ASEAN's eleventh member since October 2025.
                ("nationality", "TL"),
                ("degree", "master"),
                ("research_years", "5"),
                ("date_of_birth", old_enough.as_str()),
            ],
        ),
        DOCS,
    )
    .await;
    assert_eq!(ok.status, 303, "{}", ok.text(".error-summary"));
    assert_eq!(count(&t).await, 1);
}

#[actix_web::test]
async fn each_field_is_checked_with_everything_typed_kept() {
    let t = TestApp::empty().await;
    open_call(t.conn()).await;
    let app = t.service().await;
    let post = first_post(&t).await;
    for field in [
        "name",
        "email",
        "nationality",
        "date_of_birth",
        "degree",
        "research_years",
        "field",
        "institution",
        "host_post",
        "english_level",
        "chinese_level",
        "proposal_title",
        "proposal",
        "consent",
    ] {
        let r = apply(
            &app,
            "zh-CN",
            &fields(&post, "tok-fields", &[(field, "")]),
            DOCS,
        )
        .await;
        assert_eq!(r.status, 422, "{field}");
        let err = r.text(&format!("#{field}-error"));
        assert!(!err.is_empty(), "{field}: no error at the field");
        assert!(
            err.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{field}: {err} not in Chinese"
        );
        if field != "institution" {
            assert_eq!(
                r.attr("#institution", "value").as_deref(),
                Some("Hanoi University of Science")
            );
        }
        // The documents that passed are kept and named, not asked again.
        assert!(r.text("#cv-kept").contains("cv.pdf"), "{field}");
    }
    for (field, value) in [
        ("email", "mai@"),
        ("date_of_birth", "15/06/1991"),
        ("research_years", "many"),
        ("host_post", "999999"),
        ("proposal", "Too short."),
    ] {
        let r = apply(
            &app,
            "en",
            &fields(&post, "tok-fields", &[(field, value)]),
            DOCS,
        )
        .await;
        assert_eq!(r.status, 422, "{field}={value}");
        assert!(
            !r.text(&format!("#{field}-error")).is_empty(),
            "{field}={value}"
        );
    }
    assert_eq!(count(&t).await, 0);
}

#[actix_web::test]
async fn documents_must_be_real_pdfs_within_the_limit() {
    let t = TestApp::empty().await;
    open_call(t.conn()).await;
    let app = t.service().await;
    let post = first_post(&t).await;
    let f = fields(&post, "tok-docs", &[]);
    let big = {
        let mut b = PDF.to_vec();
        b.extend(vec![b'a'; 6 * 1024 * 1024]);
        b.extend_from_slice(b"\n%%EOF\n");
        b
    };
    let mut exe = b"MZ\x90\x00\x03\x00\x00\x00".to_vec();
    exe.extend(vec![0u8; 2048]);
    // An executable that carries the PDF marker further in is still not one.
    let mut disguised = b"\x7fELF\x02\x01\x01\x00".to_vec();
    disguised.resize(100, 0);
    disguised.extend_from_slice(PDF);
    let cases: Vec<(&[u8], &str, &str, &str)> = vec![
        (&big, "cv.pdf", "cv-error", "The limit is 5 MB."),
        (
            b"This is a plain text CV renamed to .pdf\n",
            "cv.pdf",
            "cv-error",
            "not a PDF",
        ),
        (&exe, "setup.pdf", "cv-error", "not a PDF"),
        (&disguised, "paper.pdf", "cv-error", "not a PDF"),
    ];
    for (bytes, name, err, says) in cases {
        let r = apply(
            &app,
            "en",
            &f,
            &[("cv", name, bytes), ("degree_file", "degree.pdf", PDF)],
        )
        .await;
        assert_eq!(r.status, 422, "{name}");
        let shown = r.text(&format!("#{err}"));
        assert!(shown.contains(says), "{name}: {shown}");
        assert!(
            r.text(".error-summary").contains(says),
            "{name}: the summary states it too"
        );
    }
    let r = apply(&app, "en", &f, &[("cv", "cv.pdf", PDF)]).await;
    assert_eq!(r.status, 422);
    assert!(!r.text("#degree_file-error").is_empty(), "missing document");
    assert_eq!(count(&t).await, 0);
    assert_eq!(
        application_document::Entity::find()
            .count(t.conn())
            .await
            .unwrap(),
        0,
        "a failed submission leaves nothing behind"
    );
    // A path in the file name is dropped.
    let r = apply(
        &app,
        "en",
        &f,
        &[
            ("cv", "../../../etc/passwd.pdf", PDF),
            ("degree_file", "..\\..\\degree.pdf", PDF),
        ],
    )
    .await;
    assert_eq!(r.status, 303);
    let names: Vec<String> = application_document::Entity::find()
        .all(t.conn())
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.filename)
        .collect();
    assert!(
        names.contains(&"passwd.pdf".to_owned()) && names.contains(&"degree.pdf".to_owned()),
        "{names:?}"
    );
}

#[actix_web::test]
async fn a_double_submission_creates_one_application() {
    let t = TestApp::empty().await;
    open_call(t.conn()).await;
    let app = t.service().await;
    let post = first_post(&t).await;
    let f = fields(&post, "same-token-twice", &[]);
    let first = apply(&app, "en", &f, DOCS).await;
    let second = apply(&app, "en", &f, DOCS).await;
    assert_eq!(first.status, 303);
    assert_eq!(second.status, 303);
    assert_eq!(first.location(), second.location());
    assert_eq!(count(&t).await, 1);
}

#[actix_web::test]
async fn an_upload_announcing_more_than_the_limit_is_refused_unread() {
    let t = TestApp::empty().await;
    open_call(t.conn()).await;
    let app = t.service().await;
    // 40 MB announced, a few bytes sent: refused from the header alone.
    let r = send(
        &app,
        TestRequest::post()
            .uri("/id/programme/apply")
            .set_payload("--zz\r\n")
            .insert_header(("content-type", "multipart/form-data; boundary=zz"))
            .insert_header(("content-length", (40 * 1024 * 1024).to_string()))
            .insert_header(("sec-fetch-site", "same-origin")),
    )
    .await;
    assert_eq!(r.status, 413);
    assert_eq!(r.attr("html", "lang").as_deref(), Some("id"));
    assert!(
        r.text("main").contains("melebihi batas"),
        "{}",
        r.text("main")
    );
    assert_eq!(count(&t).await, 0);
}

#[actix_web::test]
async fn applying_is_refused_when_the_call_is_closed() {
    let t = TestApp::empty().await;
    // The call closed yesterday.
    let call = CallBuilder::new(2027)
        .open_days(-60, -1)
        .insert(t.conn())
        .await;
    HostPostBuilder::new(call).insert(t.conn()).await;
    let app = t.service().await;
    let r = get(&app, "/en/programme/apply").await;
    assert_eq!(r.status, 200);
    assert!(
        r.attr("form[enctype='multipart/form-data']", "method")
            .is_none()
    );
    assert!(!r.text(".call-status").is_empty());
    let post = first_post(&t).await;
    let r = apply(&app, "en", &fields(&post, "tok-closed", &[]), DOCS).await;
    assert_eq!(r.status, 400);
    assert_eq!(count(&t).await, 0);
}

/// The status look-up as a browser makes it: the form, then the page it
/// redirects to.
pub async fn look_up<S, B>(app: &S, path: &str, reference: &str, email: &str) -> Resp
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let r = post_form(app, path, &[("reference", reference), ("email", email)]).await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let page = get(app, r.location().expect("the status page")).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.header("cache-control"), Some("no-store, private"));
    page
}

pub async fn submit_one<S, B>(app: &S, t: &TestApp) -> String
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let post = first_post(t).await;
    let r = apply(app, "en", &fields(&post, "tok-one", &[]), DOCS).await;
    assert_eq!(r.status, 303);
    application::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .reference
}

#[actix_web::test]
async fn status_look_up_gives_the_same_answer_for_either_wrong_half() {
    let t = TestApp::empty().await;
    open_call(t.conn()).await;
    let app = t.service().await;
    let reference = submit_one(&app, &t).await;
    let ok = post_form(
        &app,
        "/id/programme/status",
        &[
            ("reference", &reference),
            ("email", "MAI.NGUYEN@hus.example.edu.vn"),
        ],
    )
    .await;
    // The answer is a page of its own, at an address to bookmark.
    assert_eq!(ok.status, 303);
    let ok = get(&app, ok.location().unwrap()).await;
    assert_eq!(ok.status, 200);
    assert!(!ok.text(".status-now").is_empty());
    assert!(ok.text(".status-result").contains(&reference));
    let wrong_ref = post_form(
        &app,
        "/id/programme/status",
        &[
            ("reference", "ATS-2027-AAAAA-BBBBB"),
            ("email", "mai.nguyen@hus.example.edu.vn"),
        ],
    )
    .await;
    let wrong_email = post_form(
        &app,
        "/id/programme/status",
        &[("reference", &reference), ("email", "someone@example.org")],
    )
    .await;
    assert_eq!(wrong_ref.status, wrong_email.status);
    assert_eq!(
        wrong_ref.text(".error-summary"),
        wrong_email.text(".error-summary")
    );
    assert!(!wrong_ref.text(".error-summary").is_empty());
    assert!(wrong_email.texts(".status-result").is_empty());
    // Rate-limited: ten look-ups per address in ten minutes.
    let mut last = 0;
    for _ in 0..10 {
        last = post_form(
            &app,
            "/en/programme/status",
            &[("reference", "ATS-X"), ("email", "x@example.org")],
        )
        .await
        .status
        .as_u16();
    }
    assert_eq!(last, 429);
}

#[actix_web::test]
async fn documents_are_for_reviewers_only() {
    let t = TestApp::empty().await.with_accounts().await;
    open_call(t.conn()).await;
    let app = t.service().await;
    submit_one(&app, &t).await;
    let a = application::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    let d = application_document::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    // A reviewer sees what is assigned to them (and declared free of conflict).
    assign_reviewer(t.conn(), a.id, REVIEWER.0).await;
    let url = format!("/admin/applications/{}/documents/{}", a.id, d.id);
    assert_eq!(get(&app, &url).await.status, 303, "anonymous goes to login");
    let mut editor = login(&app, EDITOR).await;
    assert_eq!(editor.get(&app, &url).await.status, 403);
    assert_eq!(
        editor
            .get(&app, &format!("/admin/applications/{}", a.id))
            .await
            .status,
        403
    );
    let mut reviewer = login(&app, REVIEWER).await;
    let r = reviewer.get(&app, &url).await;
    assert_eq!(r.status, 200);
    assert!(
        r.header("content-disposition")
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(r.header("cache-control"), Some("no-store"));
    assert_eq!(r.body.as_bytes(), PDF);
    // Not served by the static file handler, whatever the path.
    assert_eq!(get(&app, &format!("/static/{}", d.key)).await.status, 404);
    assert_eq!(get(&app, &format!("/media/{}", d.key)).await.status, 404);
}

#[actix_web::test]
async fn the_more_information_loop_and_the_status_page() {
    let t = TestApp::empty().await.with_accounts().await;
    open_call(t.conn()).await;
    let app = t.service().await;
    let reference = submit_one(&app, &t).await;
    let a = application::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assign_reviewer(t.conn(), a.id, REVIEWER.0).await;
    let mut reviewer = login(&app, REVIEWER).await;
    let page = format!("/admin/applications/{}", a.id);
    reviewer.get(&app, &page).await;
    // The call's rubric (made when first shown): a 4 on every criterion.
    let mut review: Vec<(String, String)> = techbridge::entities::rubric_criterion::Entity::find()
        .filter(techbridge::entities::rubric_criterion::Column::CallId.eq(a.call_id))
        .all(t.conn())
        .await
        .unwrap()
        .into_iter()
        .map(|c| (format!("score.{}", c.id), "4".to_owned()))
        .collect();
    assert!(!review.is_empty(), "the call has a rubric");
    review.push((
        "comment".to_owned(),
        "Strong proposal; check the budget. PRIVATE-NOTE".to_owned(),
    ));
    let review: Vec<(&str, &str)> = review
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = reviewer
        .post_csrf(&app, &format!("{page}/review"), &review)
        .await;
    assert_eq!(r.status, 303);
    let r = reviewer
        .post_csrf(
            &app,
            &format!("{page}/status"),
            &[
                ("status", "more_info"),
                ("message", "Please add your publication list to the CV."),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    // An impossible transition is refused.
    let r = reviewer
        .post_csrf(
            &app,
            &format!("{page}/status"),
            &[("status", "accepted"), ("message", "")],
        )
        .await;
    assert_eq!(r.status, 422, "refused on the back-office page");
    let status = look_up(
        &app,
        "/en/programme/status",
        &reference,
        "mai.nguyen@hus.example.edu.vn",
    )
    .await;
    assert!(status.text(".status-result").contains("publication list"));
    assert!(
        !status.body.contains("PRIVATE-NOTE"),
        "reviewer notes never reach the applicant"
    );
    let amend = status.attr(".status-result a.button", "href").unwrap();
    let form = get(&app, &amend).await;
    assert_eq!(form.status, 200);
    assert_eq!(
        form.attr("#name", "value").as_deref(),
        Some("Nguyen Thi Mai")
    );
    let post = first_post(&t).await;
    let (ct, body) = multipart(&{
        let mut p: Vec<Part<'_>> = fields(
            &post,
            &a.submission_token,
            &[("institution", "Vietnam National University, Hanoi")],
        )
        .iter()
        .map(|(k, v)| Part::Text(k, v))
        .collect();
        p.push(Part::File("cv", "cv-with-publications.pdf", PDF));
        p
    });
    let r = send(
        &app,
        TestRequest::post()
            .uri(&amend)
            .insert_header(("content-type", ct.clone()))
            .insert_header(("sec-fetch-site", "same-origin"))
            .set_payload(body.clone()),
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    // Sent again (a double click, a refresh): the same confirmation, one change.
    let again = send(
        &app,
        TestRequest::post()
            .uri(&amend)
            .insert_header(("content-type", ct))
            .insert_header(("sec-fetch-site", "same-origin"))
            .set_payload(body),
    )
    .await;
    assert_eq!(again.status, 303);
    assert_eq!(again.location(), r.location());
    let resubmissions = techbridge::entities::application_history::Entity::find()
        .filter(techbridge::entities::application_history::Column::ApplicationId.eq(a.id))
        .filter(techbridge::entities::application_history::Column::FromStatus.eq("more_info"))
        .count(t.conn())
        .await
        .unwrap();
    assert_eq!(resubmissions, 1);
    let a2 = application::Entity::find_by_id(a.id)
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(a2.status, "submitted");
    assert_eq!(a2.institution, "Vietnam National University, Hanoi");
    let names: Vec<String> = application_document::Entity::find()
        .all(t.conn())
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.filename)
        .collect();
    assert_eq!(names.len(), 2);
    assert!(names.contains(&"cv-with-publications.pdf".to_owned()));
    // The amend link does not work once resubmitted.
    assert_eq!(get(&app, &amend).await.status, 403);
    // A forged token does not work either.
    assert_eq!(
        get(
            &app,
            &format!("/en/programme/status/amend?token={}.9999999999.abc", a.id)
        )
        .await
        .status,
        403
    );
    // Moved on to review, the applicant sees it.
    reviewer.get(&app, &page).await;
    reviewer
        .post_csrf(
            &app,
            &format!("{page}/status"),
            &[("status", "under_review"), ("message", "")],
        )
        .await;
    let status = look_up(
        &app,
        "/zh-CN/programme/status",
        &reference,
        "mai.nguyen@hus.example.edu.vn",
    )
    .await;
    let now = status.text(".status-now");
    assert!(
        now.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{now}"
    );
    let en = look_up(
        &app,
        "/en/programme/status",
        &reference,
        "mai.nguyen@hus.example.edu.vn",
    )
    .await;
    assert_eq!(en.text(".status-now"), "Under review");
    // A second reviewer acting on the page as it was before: no change.
    assert!(
        !techbridge::programme::lifecycle::claim(
            t.conn(),
            a.id,
            "submitted",
            "declined",
            techbridge::db::now()
        )
        .await
        .unwrap()
    );
    let still = application::Entity::find_by_id(a.id)
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(still.status, "under_review");
    // Every change is in the history with who and when.
    let history = reviewer.get(&app, &page).await.texts(".history li");
    assert!(
        history.iter().any(|h| h.contains("Rita Reviewer")),
        "{history:?}"
    );
    // The more-information message waits in the outbox too.
    let kinds: Vec<String> = outbox_message::Entity::find()
        .all(t.conn())
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.kind)
        .filter(|k| !k.starts_with("referee_"))
        .collect();
    assert_eq!(kinds, vec!["confirmation", "more_info"]);
    // Without SMTP the back office shows them waiting; a message the sender
    // gave up on says so, with its error.
    let outbox = reviewer.get(&app, "/admin/outbox").await;
    assert_eq!(outbox.status, 200);
    // (the two referees' invitations besides)
    let rows = outbox.texts(".data-table tbody tr");
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert!(
        rows.iter().all(|r| r.contains("Waiting to be sent")),
        "{rows:?}"
    );
    t.conn()
        .execute_raw(Statement::from_string(
            t.conn().get_database_backend(),
            "UPDATE outbox SET attempts = 5, last_error = 'smtp: connection refused' WHERE kind = 'more_info'".to_owned(),
        ))
        .await
        .unwrap();
    let rows = reviewer
        .get(&app, "/admin/outbox")
        .await
        .texts(".data-table tbody tr");
    assert!(
        rows.iter()
            .any(|r| r.contains("gave up after 5") && r.contains("connection refused")),
        "{rows:?}"
    );
}

#[actix_web::test]
async fn queue_filters_and_csv_export() {
    let t = TestApp::empty().await.with_accounts().await;
    let (call, post) = open_call(t.conn()).await;
    ApplicationBuilder::new(call)
        .host_post(post)
        .applicant("Nguyen Thi Mai", "mai.nguyen@hus.example.edu.vn")
        .nationality("VN")
        .insert(t.conn())
        .await;
    let a = application::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assign_reviewer(t.conn(), a.id, REVIEWER.0).await;
    let app = t.service().await;
    let mut reviewer = login(&app, REVIEWER).await;
    let q = reviewer
        .get(&app, "/admin/applications?status=submitted&country=VN")
        .await;
    assert!(q.body.contains("Nguyen Thi Mai"));
    let q = reviewer.get(&app, "/admin/applications?country=TH").await;
    assert!(!q.body.contains("Nguyen Thi Mai"));
    let call = techbridge::entities::programme_call::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .id;
    let r = reviewer
        .get(&app, &format!("/admin/applications/export.csv?call={call}"))
        .await;
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").unwrap().starts_with("text/csv"));
    let mut reader = csv::Reader::from_reader(r.body.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][2], "Nguyen Thi Mai");
}

#[actix_web::test]
async fn an_administrator_erases_an_applicants_data() {
    let t = TestApp::empty().await.with_accounts().await;
    open_call(t.conn()).await;
    let app = t.service().await;
    submit_one(&app, &t).await;
    let a = application::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    let mut reviewer = login(&app, REVIEWER).await;
    reviewer
        .get(&app, &format!("/admin/applications/{}", a.id))
        .await;
    assert_eq!(
        reviewer
            .post_csrf(&app, &format!("/admin/applications/{}/erase", a.id), &[])
            .await
            .status,
        403
    );
    let mut admin = login(&app, ADMIN).await;
    admin
        .get(&app, &format!("/admin/applications/{}", a.id))
        .await;
    let r = admin
        .post_csrf(&app, &format!("/admin/applications/{}/erase", a.id), &[])
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(count(&t).await, 0);
    assert_eq!(
        application_document::Entity::find()
            .count(t.conn())
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        outbox_message::Entity::find()
            .count(t.conn())
            .await
            .unwrap(),
        0
    );
    let entry = audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq("erase"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert!(!entry.summary.contains("Nguyen") && !entry.summary.contains(&a.reference));
}

#[actix_web::test]
async fn a_call_or_host_post_with_applications_cannot_be_deleted() {
    let t = TestApp::empty().await.with_accounts().await;
    let (call, post) = open_call(t.conn()).await;
    // A second post, that nobody applies to.
    HostPostBuilder::new(call)
        .lab("en", "Solar materials laboratory")
        .position(1)
        .insert(t.conn())
        .await;
    let a = ApplicationBuilder::new(call)
        .host_post(post)
        .insert(t.conn())
        .await;
    let app = t.service().await;
    let post_id = a.host_post_id.unwrap();
    let mut admin = login(&app, ADMIN).await;
    for (kind, id) in [("calls", a.call_id), ("posts", post_id)] {
        admin.get(&app, &format!("/admin/{kind}/{id}")).await;
        let r = admin
            .post_csrf(&app, &format!("/admin/{kind}/{id}/delete"), &[])
            .await;
        assert_eq!(r.status, 303, "{kind}");
        let back = r.location().unwrap().to_owned();
        assert!(back.ends_with("flash=in-use"), "{kind}: {back}");
        let page = admin.get(&app, &back).await;
        assert!(
            page.body.contains("applications refer to it"),
            "{kind}: the editor is told why"
        );
    }
    let kept = application::Entity::find_by_id(a.id)
        .one(t.conn())
        .await
        .unwrap()
        .expect("the application survives");
    assert_eq!(kept.host_post_id, Some(post_id));
    assert_eq!(
        techbridge::entities::programme_call::Entity::find_by_id(a.call_id)
            .count(t.conn())
            .await
            .unwrap(),
        1
    );
    // A host post nobody chose can still go.
    let spare = host_post::Entity::find()
        .filter(host_post::Column::Id.ne(post_id))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    admin.get(&app, &format!("/admin/posts/{}", spare.id)).await;
    let r = admin
        .post_csrf(&app, &format!("/admin/posts/{}/delete", spare.id), &[])
        .await;
    assert!(r.location().unwrap().contains("flash=deleted"));
    assert_eq!(
        host_post::Entity::find_by_id(spare.id)
            .count(t.conn())
            .await
            .unwrap(),
        0
    );
}
