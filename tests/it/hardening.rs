//! What holds one request at a time and must not give way: uploads bounded
//! before they are read, long texts refused at the field instead of cut,
//! pages with someone's data not kept by browsers, HSTS, the request log's
//! client address, and a clean `next` after sign-in.

use std::io::Write;
use std::sync::{Arc, Mutex};

use actix_web::test::TestRequest;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use techbridge::entities::{application_history, inquiry, media, news_translation, outbox_message};

use crate::concurrency::{form_values, image_upload, pairs, png, set};
use crate::support::*;

fn multipart_request(
    path: &str,
    cookie: &str,
    parts: &[(&str, Option<&str>, &[u8])],
) -> TestRequest {
    let boundary = "----tbhardeningboundary";
    let mut body = Vec::new();
    for (name, filename, bytes) in parts {
        let disposition = match filename {
            Some(f) => format!(
                "form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: application/octet-stream"
            ),
            None => format!("form-data; name=\"{name}\""),
        };
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: {disposition}\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    TestRequest::post()
        .uri(path)
        .insert_header((
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        ))
        .insert_header(("sec-fetch-site", "same-origin"))
        .insert_header(("cookie", cookie.to_owned()))
        .set_payload(body)
}

async fn media_count(t: &TestApp) -> u64 {
    media::Entity::find().count(t.conn()).await.unwrap()
}

#[actix_web::test]
async fn an_upload_must_start_with_its_token_and_stay_within_its_parts() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    b.get(&app, "/admin/media").await;
    let before = media_count(&t).await;
    let image = png(64, 48);
    let csrf = b.csrf.clone();
    // The file before the token: refused before the file is read.
    let r = send(
        &app,
        multipart_request(
            "/admin/media",
            &b.header(),
            &[
                ("file", Some("a.png"), &image),
                ("csrf", None, csrf.as_bytes()),
                ("alt.en", None, b"A field"),
            ],
        ),
    )
    .await;
    assert_eq!(r.status, 403);
    // A wrong token first: refused too.
    let r = send(
        &app,
        multipart_request(
            "/admin/media",
            &b.header(),
            &[
                ("csrf", None, b"not-the-token"),
                ("file", Some("a.png"), &image),
                ("alt.en", None, b"A field"),
            ],
        ),
    )
    .await;
    assert_eq!(r.status, 403);
    // Thousands of text fields (the token first): refused at the first one
    // too many, nothing stored.
    let filler = vec![b'x'; 1024];
    let mut parts: Vec<(&str, Option<&str>, &[u8])> = vec![("csrf", None, csrf.as_bytes())];
    for _ in 0..2000 {
        parts.push(("alt.en", None, &filler));
    }
    parts.push(("file", Some("a.png"), &image));
    let r = send(&app, multipart_request("/admin/media", &b.header(), &parts)).await;
    assert_eq!(r.status, 413);
    // One text field far beyond what the form allows.
    let huge = vec![b'y'; 64 * 1024];
    let r = send(
        &app,
        multipart_request(
            "/admin/media",
            &b.header(),
            &[
                ("csrf", None, csrf.as_bytes()),
                ("alt.en", None, &huge),
                ("file", Some("a.png"), &image),
            ],
        ),
    )
    .await;
    assert_eq!(r.status, 413);
    assert_eq!(media_count(&t).await, before, "nothing stored");
    // The form itself puts the token first, and works.
    let form = b.get(&app, "/admin/media").await;
    let first = form.attr("form[enctype='multipart/form-data'] input", "name");
    assert_eq!(first.as_deref(), Some("csrf"));
    let (ct, body) = image_upload(&csrf, &image, "A field");
    let r = send(
        &app,
        TestRequest::post()
            .uri("/admin/media")
            .insert_header(("content-type", ct))
            .insert_header(("sec-fetch-site", "same-origin"))
            .insert_header(("cookie", b.header()))
            .set_payload(body),
    )
    .await;
    assert_eq!(r.status, 303);
    assert_eq!(media_count(&t).await, before + 1);
}

/// A PNG whose header claims `w` × `h` pixels (its data is not needed: the
/// size is refused from the header).
fn png_claiming(w: u32, h: u32) -> Vec<u8> {
    let mut real = png(1, 1);
    real[16..20].copy_from_slice(&w.to_be_bytes());
    real[20..24].copy_from_slice(&h.to_be_bytes());
    // The header's checksum, so the decoder reads the size at all.
    let crc = crc32(&real[12..29]);
    real[29..33].copy_from_slice(&crc.to_be_bytes());
    real
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for b in bytes {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[actix_web::test]
async fn images_beyond_the_pixel_limit_are_refused_at_the_field() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    b.get(&app, "/admin/media").await;
    let before = media_count(&t).await;
    // 5000 × 5000 is within 8000 a side, but 25 megapixels.
    for (w, h) in [(5000, 5000), (8000, 3001)] {
        let (ct, body) = image_upload(&b.csrf, &png_claiming(w, h), "Too many pixels");
        let r = send(
            &app,
            TestRequest::post()
                .uri("/admin/media")
                .insert_header(("content-type", ct))
                .insert_header(("sec-fetch-site", "same-origin"))
                .insert_header(("cookie", b.header()))
                .set_payload(body),
        )
        .await;
        assert_eq!(r.status, 422, "{w} × {h}");
        assert!(
            r.text("#file-error").contains("24"),
            "{}",
            r.text("#file-error")
        );
        assert_eq!(
            r.attr("#alt-en", "value").as_deref(),
            Some("Too many pixels")
        );
    }
    assert_eq!(media_count(&t).await, before);
}

#[actix_web::test]
async fn an_application_with_too_many_parts_is_refused() {
    let t = TestApp::demo().await;
    let app = t.service().await;
    let mut parts: Vec<(&str, Option<&str>, &[u8])> = Vec::new();
    for _ in 0..61 {
        parts.push(("name", None, b"Nguyen Thi Mai"));
    }
    let r = send(&app, multipart_request("/en/programme/apply", "", &parts)).await;
    assert_eq!(r.status, 413);
}

#[actix_web::test]
async fn alt_texts_over_their_limit_are_refused_with_the_text_kept() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    b.get(&app, "/admin/media").await;
    let long = "稻".repeat(301);
    let (ct, body) = image_upload(&b.csrf, &png(30, 20), &long);
    let r = send(
        &app,
        TestRequest::post()
            .uri("/admin/media")
            .insert_header(("content-type", ct))
            .insert_header(("sec-fetch-site", "same-origin"))
            .insert_header(("cookie", b.header()))
            .set_payload(body),
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.text("#alt-en-error").contains("300"));
    assert_eq!(r.attr("#alt-en", "value").as_deref(), Some(long.as_str()));
    // Editing a library image's alt texts: the same.
    let id = media::Entity::find()
        .order_by_desc(media::Column::Id)
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .id;
    let r = b
        .post_csrf(
            &app,
            &format!("/admin/media/{id}"),
            &[("alt.en", &long), ("alt.id", "Sawah")],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.text(&format!("#m{id}-en-error")).contains("300"));
    assert_eq!(
        r.attr(&format!("#m{id}-en"), "value").as_deref(),
        Some(long.as_str())
    );
    assert_eq!(
        r.attr(&format!("#m{id}-id"), "value").as_deref(),
        Some("Sawah")
    );
}

/// `n` characters of Chinese text ending with `end`.
fn text_of(n: usize, end: &str) -> String {
    format!("{}{end}", "请".repeat(n - end.chars().count()))
}

#[actix_web::test]
async fn messages_to_applicants_and_review_notes_are_never_cut() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let a = submit_application(&app, &t, "mai.nguyen@hus.example.edu.vn").await;
    assign_reviewer(t.conn(), a.id, REVIEWER.0).await;
    let mut r_b = login(&app, REVIEWER).await;
    let page = format!("/admin/applications/{}", a.id);
    let shown = r_b.get(&app, &page).await;
    assert_eq!(
        shown.attr("#status-message", "maxlength").as_deref(),
        Some("5000")
    );
    assert_eq!(
        shown.attr("#comment", "maxlength").as_deref(),
        Some("10000")
    );
    let rubric: Vec<String> = shown.attrs("select[name^='score.']", "name");
    let first = rubric[0].clone();
    let first_id = format!("#{} option[selected]", first.replace('.', "-"));
    let history = || async {
        application_history::Entity::find()
            .filter(application_history::Column::ApplicationId.eq(a.id))
            .count(t.conn())
            .await
            .unwrap()
    };
    let before = history().await;
    // One character over: refused at the field, every character kept.
    let too_long = text_of(5_001, "END-send-your-CV");
    let r = r_b
        .post_csrf(
            &app,
            &format!("{page}/status"),
            &[("status", "more_info"), ("message", &too_long)],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(
        r.text("#status-message-error").contains("5,000"),
        "{}",
        r.text("#status-message-error")
    );
    assert_eq!(r.text("#status-message"), too_long);
    assert_eq!(
        r.attr("#new-status option[selected]", "value").as_deref(),
        Some("more_info")
    );
    assert_eq!(history().await, before, "nothing written");
    // At the limit: stored and e-mailed whole, its end included.
    let at_limit = text_of(5_000, "END-send-your-CV");
    let r = r_b
        .post_csrf(
            &app,
            &format!("{page}/status"),
            &[("status", "more_info"), ("message", &at_limit)],
        )
        .await;
    assert_eq!(r.status, 303);
    let mail = outbox_message::Entity::find()
        .filter(outbox_message::Column::Kind.eq("more_info"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert!(
        mail.body.contains(&at_limit),
        "the whole message is in the e-mail"
    );
    r_b.get(&app, &page).await;
    // A review note one over its limit, then at it.
    let note = "x".repeat(10_001);
    let with = |note: &str| -> Vec<(String, String)> {
        let mut f: Vec<(String, String)> =
            rubric.iter().map(|n| (n.clone(), "4".to_owned())).collect();
        f.push(("comment".to_owned(), note.to_owned()));
        f
    };
    let form = with(&note);
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = r_b.post_csrf(&app, &format!("{page}/review"), &form).await;
    assert_eq!(r.status, 422);
    assert!(!r.text("#comment-error").is_empty());
    assert_eq!(r.text("#comment"), note);
    assert_eq!(r.attr(&first_id, "value").as_deref(), Some("4"));
    let note = format!("{}END", "x".repeat(9_997));
    let form = with(&note);
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = r_b.post_csrf(&app, &format!("{page}/review"), &form).await;
    assert_eq!(r.status, 303);
    let stored = techbridge::entities::rubric_review::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .comment;
    assert_eq!(stored, note);
}

#[actix_web::test]
async fn a_more_information_request_needs_its_message_at_the_field() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let a = submit_application(&app, &t, "mai.nguyen@hus.example.edu.vn").await;
    assign_reviewer(t.conn(), a.id, REVIEWER.0).await;
    let mut r_b = login(&app, REVIEWER).await;
    let page = format!("/admin/applications/{}", a.id);
    r_b.get(&app, &page).await;
    let r = r_b
        .post_csrf(
            &app,
            &format!("{page}/status"),
            &[("status", "more_info"), ("message", "  ")],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(!r.text("#status-message-error").is_empty());
}

#[actix_web::test]
async fn inquiry_replies_are_kept_whole_and_can_be_cleared() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let r = post_form(
        &app,
        &format!("/en/technologies/{RICE}/inquiry"),
        &[
            ("name", "Budi Santoso"),
            ("organisation", "PT Tani Jaya"),
            ("country", "ID"),
            ("email", "budi@tanijaya.example.com"),
            (
                "message",
                "Berapa biaya lisensi untuk 100 hektar sawah padi?",
            ),
            ("consent", "yes"),
            ("website", ""),
        ],
    )
    .await;
    assert_eq!(r.status, 303);
    let id = inquiry::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .id;
    let mut b = login(&app, EDITOR).await;
    let page = format!("/admin/inquiries/{id}");
    let shown = b.get(&app, &page).await;
    assert_eq!(shown.attr("#reply", "maxlength").as_deref(), Some("20000"));
    let stored = || async {
        inquiry::Entity::find_by_id(id)
            .one(t.conn())
            .await
            .unwrap()
            .unwrap()
    };
    // The longest reply the form allows, in Chinese (its body is far over
    // the 64 KB of a public form): stored whole.
    let longest = "稻".repeat(20_000);
    let r = b
        .post_csrf(&app, &page, &[("status", "answered"), ("reply", &longest)])
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(stored().await.reply.as_deref(), Some(longest.as_str()));
    // One character more: refused at the field, kept.
    b.get(&app, &page).await;
    let over = format!("{longest}!");
    let r = b
        .post_csrf(&app, &page, &[("status", "answered"), ("reply", &over)])
        .await;
    assert_eq!(r.status, 422);
    assert!(r.text("#reply-error").contains("20"));
    assert_eq!(r.text("#reply"), over);
    assert_eq!(stored().await.reply.as_deref(), Some(longest.as_str()));
    // Emptied: saved as empty.
    b.get(&app, &page).await;
    let r = b
        .post_csrf(&app, &page, &[("status", "answered"), ("reply", "")])
        .await;
    assert_eq!(r.status, 303);
    let now = stored().await;
    assert_eq!(now.reply, None);
    assert_eq!(now.replied_at, None);
    let shown = b.get(&app, &page).await;
    assert_eq!(shown.text("#reply"), "");
}

#[actix_web::test]
async fn two_editors_replying_to_one_inquiry_do_not_lose_a_reply() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let r = post_form(
        &app,
        &format!("/en/technologies/{RICE}/inquiry"),
        &[
            ("name", "Budi Santoso"),
            ("organisation", "PT Tani Jaya"),
            ("country", "ID"),
            ("email", "budi@tanijaya.example.com"),
            (
                "message",
                "Berapa biaya lisensi untuk 100 hektar sawah padi?",
            ),
            ("consent", "yes"),
            ("website", ""),
        ],
    )
    .await;
    assert_eq!(r.status, 303);
    let id = inquiry::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .id;
    let page = format!("/admin/inquiries/{id}");
    let mut ada = login(&app, ADMIN).await;
    let mut eddie = login(&app, EDITOR).await;
    let version_a = ada
        .get(&app, &page)
        .await
        .attr("input[name=version]", "value")
        .unwrap();
    let version_e = eddie
        .get(&app, &page)
        .await
        .attr("input[name=version]", "value")
        .unwrap();
    let r = ada
        .post_csrf(
            &app,
            &page,
            &[
                ("status", "answered"),
                ("reply", "Sent the price list."),
                ("version", &version_a),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    let r = eddie
        .post_csrf(
            &app,
            &page,
            &[
                ("status", "closed"),
                ("reply", "Called them back."),
                ("version", &version_e),
            ],
        )
        .await;
    assert_eq!(r.status, 409);
    assert!(r.text("#conflict").contains("Ada Admin"));
    assert_eq!(r.text("#reply"), "Called them back.");
    assert_eq!(r.text("#reply-theirs .theirs-text"), "Sent the price list.");
    let stored = inquiry::Entity::find_by_id(id)
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.reply.as_deref(), Some("Sent the price list."));
}

#[actix_web::test]
async fn long_edit_fields_state_their_limit_and_refuse_more_at_the_field() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    let id = news_translation::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .news_id;
    let edit = format!("/admin/news/{id}");
    let shown = b.get(&app, &edit).await;
    let textareas = shown.attrs(".edit-form textarea", "maxlength");
    assert!(!textareas.is_empty());
    assert!(textareas.iter().all(|m| m == "50000"), "{textareas:?}");
    let mut f = form_values(&shown);
    let body = format!("{}THE END", "a".repeat(49_994));
    assert_eq!(body.chars().count(), 50_001);
    set(&mut f, "en.body", &body);
    let r = b.post(&app, &edit, &pairs(&f)).await;
    assert_eq!(r.status, 422);
    assert!(
        r.text("#en-body-error").contains("50"),
        "{}",
        r.text("#en-body-error")
    );
    assert_eq!(r.text("#en-body").len(), body.len(), "kept whole");
    // An emptied optional field is stored empty.
    let shown = b.get(&app, &edit).await;
    let mut f = form_values(&shown);
    set(&mut f, "cover", "");
    let r = b.post(&app, &edit, &pairs(&f)).await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let stored = techbridge::entities::news::Entity::find_by_id(id)
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.cover_id, None);
}

#[actix_web::test]
async fn every_text_field_states_its_limit() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let a = submit_application(&app, &t, "mai.nguyen@hus.example.edu.vn").await;
    let r = post_form(
        &app,
        &format!("/en/technologies/{RICE}/inquiry"),
        &[
            ("name", "Budi Santoso"),
            ("organisation", "PT Tani Jaya"),
            ("country", "ID"),
            ("email", "budi@tanijaya.example.com"),
            (
                "message",
                "Berapa biaya lisensi untuk 100 hektar sawah padi?",
            ),
            ("consent", "yes"),
            ("website", ""),
        ],
    )
    .await;
    assert_eq!(r.status, 303);
    let inquiry = inquiry::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .id;
    let mut admin = login(&app, ADMIN).await;
    let mut pages: Vec<String> = [
        "/admin/technologies/new",
        "/admin/needs/new",
        "/admin/events/new",
        "/admin/news/new",
        "/admin/fellows/new",
        "/admin/calls/new",
        "/admin/posts/new",
        "/admin/members/new",
        "/admin/pages/new",
        "/admin/media",
        "/admin/editors",
        "/admin/settings",
        "/admin/account",
    ]
    .iter()
    .map(|p| (*p).to_owned())
    .collect();
    pages.push(format!("/admin/applications/{}", a.id));
    pages.push(format!("/admin/inquiries/{inquiry}"));
    for public in [
        format!("/en/technologies/{RICE}"),
        "/en/needs/new".to_owned(),
        "/en/programme/apply".to_owned(),
        "/en/programme/status".to_owned(),
    ] {
        pages.push(public);
    }
    let mut seen = 0;
    for p in &pages {
        let r = admin.get(&app, p).await;
        assert_eq!(r.status, 200, "{p}");
        let html = r.html();
        let sel = scraper::Selector::parse(
            "textarea, input:not([type]), input[type=text], input[type=email], input[type=url], input[type=search]",
        )
        .unwrap();
        for e in html.select(&sel) {
            let name = e.value().attr("name").unwrap_or("");
            if name == "website" {
                continue; // the honeypot, hidden from people
            }
            seen += 1;
            assert!(
                e.value()
                    .attr("maxlength")
                    .is_some_and(|m| m.parse::<u32>().is_ok_and(|n| n > 0)),
                "{p}: {name} states no limit"
            );
        }
    }
    assert!(seen > 50, "{seen} fields looked at");
}

#[actix_web::test]
async fn pages_with_someones_data_are_not_kept() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let a = submit_application(&app, &t, "mai.nguyen@hus.example.edu.vn").await;
    // The confirmation page carries the reference.
    let r = get(&app, &format!("/en/programme/apply/done/{}", a.reference)).await;
    assert_eq!(r.status, 200);
    assert_private(&r, "confirmation");
    // Ask for more information, so that the status page has an amend link.
    assign_reviewer(t.conn(), a.id, REVIEWER.0).await;
    let mut r_b = login(&app, REVIEWER).await;
    let page = format!("/admin/applications/{}", a.id);
    r_b.get(&app, &page).await;
    let r = r_b
        .post_csrf(
            &app,
            &format!("{page}/status"),
            &[
                ("status", "more_info"),
                ("message", "Please add your publication list."),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    let r = post_form(
        &app,
        "/en/programme/status",
        &[("reference", &a.reference), ("email", &a.email)],
    )
    .await;
    // The look-up answers with the application's own (bookmarkable) page.
    assert_eq!(r.status, 303);
    let r = get(&app, r.location().expect("the status page")).await;
    assert_eq!(r.status, 200);
    assert!(r.text(".status-result").contains("publication list"));
    assert_private(&r, "status result");
    let amend = r
        .attr(".status-result a.button", "href")
        .expect("amend link");
    let r = get(&app, &amend).await;
    assert_eq!(r.status, 200);
    assert_private(&r, "amend form");
    // Refused look-ups too (they echo what was typed).
    let r = post_form(
        &app,
        "/en/programme/status",
        &[("reference", "ATS-2027-AAAAA-BBBBB"), ("email", &a.email)],
    )
    .await;
    assert_private(&r, "look-up not found");
    // A page that is the same for everyone is still revalidated by ETag.
    let r = get(&app, "/en/programme/status").await;
    assert!(r.header("etag").is_some());
}

fn assert_private(r: &Resp, what: &str) {
    let cc = r.header("cache-control").unwrap_or_default();
    assert!(
        cc.contains("no-store") && cc.contains("private"),
        "{what}: {cc}"
    );
    assert!(r.header("etag").is_none(), "{what}: an ETag");
}

#[actix_web::test]
async fn hsts_is_sent_when_the_portal_is_served_over_https() {
    let t = TestApp::demo_with(|c| c.public_url = "https://techbridge.example.org".into()).await;
    let app = t.service().await;
    for path in ["/en/", "/admin/login", "/en/nope", "/static/css/site.css"] {
        let r = get(&app, path).await;
        assert_eq!(
            r.header("strict-transport-security"),
            Some("max-age=31536000; includeSubDomains"),
            "{path}"
        );
    }
    let t = TestApp::demo().await;
    let app = t.service().await;
    assert!(
        get(&app, "/en/")
            .await
            .header("strict-transport-security")
            .is_none()
    );
}

#[actix_web::test]
async fn next_after_sign_in_is_only_a_clean_back_office_path() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    for (next, to) in [
        ("/admin/news?page=2", "/admin/news?page=2"),
        ("/admin/\r\nSet-Cookie: tb_session=evil", "/admin/"),
        ("/admin/\nx", "/admin/"),
        ("//evil.example.org/admin/", "/admin/"),
        ("/admin//evil.example.org", "/admin/"),
        ("/admin/\\evil", "/admin/"),
        ("https://evil.example.org/admin/", "/admin/"),
        ("/admin/é", "/admin/"),
    ] {
        let mut b = Browser::default();
        let form = b.get(&app, "/admin/login").await;
        let token = form.attr("input[name=token]", "value").unwrap();
        let r = b
            .post(
                &app,
                "/admin/login",
                &[
                    ("email", EDITOR.0),
                    ("password", EDITOR.1),
                    ("token", &token),
                    ("next", next),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{next:?}");
        assert_eq!(r.location(), Some(to), "{next:?}");
        // Signed in already, the form sends straight on: the same rule.
        let encoded: String = form_urlencoded::byte_serialize(next.as_bytes()).collect();
        let r = b.get(&app, &format!("/admin/login?next={encoded}")).await;
        assert_eq!(r.status, 303, "{next:?}");
        assert_eq!(r.location(), Some(to), "{next:?}");
    }
}

/// Log output captured from the current thread.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

/// The request log's lines for one GET, sent from `peer` with an
/// `X-Forwarded-For` and a `Forwarded` header claiming another address.
/// A thread's own subscriber (`set_default`) can miss an event while other
/// tests' threads register theirs (tracing caches each call site's
/// interest process-wide), so a capture without the request line is taken
/// again, up to three times; what the line says is checked by the caller.
async fn log_of(trust_proxy: bool) -> String {
    let mut log = String::new();
    for _ in 0..3 {
        log = log_once(trust_proxy).await;
        if log.contains("/en/about") {
            break;
        }
    }
    log
}

async fn log_once(trust_proxy: bool) -> String {
    let t = TestApp::demo_with(|c| c.trust_proxy = trust_proxy).await;
    let app = t.service().await;
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .with_max_level(tracing::Level::INFO)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .finish();
    let guard = tracing::subscriber::set_default(subscriber);
    let r = send_from(
        &app,
        TestRequest::get()
            .uri("/en/about?token=secret-amend-token")
            .insert_header(("x-forwarded-for", "10.9.8.7"))
            .insert_header(("forwarded", "for=10.6.6.6")),
        "198.51.100.23:50000",
    )
    .await;
    drop(guard);
    assert_eq!(r.status, 200);
    captured.text()
}

#[actix_web::test]
async fn the_request_log_names_clients_by_the_same_keyed_hash_as_the_limits() {
    let secret = b"test-secret-key-that-is-long-enough-0123456789";
    let hash = |ip: &str| techbridge::web::client::keyed_hash(secret, ip);
    let log = log_of(false).await;
    let line = log
        .lines()
        .find(|l| l.contains("/en/about"))
        .unwrap_or_else(|| panic!("no request line in {log:?}"));
    assert!(
        line.contains(&format!("client={}", hash("198.51.100.23"))),
        "{line}"
    );
    for raw in [
        "198.51.100.23",
        "10.9.8.7",
        "10.6.6.6",
        "secret-amend-token",
    ] {
        assert!(!line.contains(raw), "{raw} in {line}");
    }
    // Behind a trusted proxy, its X-Forwarded-For, as the limits use it.
    let log = log_of(true).await;
    let line = log
        .lines()
        .find(|l| l.contains("/en/about"))
        .unwrap_or_else(|| panic!("no request line in {log:?}"));
    assert!(
        line.contains(&format!("client={}", hash("10.9.8.7"))),
        "{line}"
    );
    assert!(!line.contains("10.9.8.7"), "{line}");
}

#[actix_web::test]
async fn a_save_that_cannot_be_made_gives_the_form_back_with_its_text() {
    // SQLite's "database is locked": another writer holds the lock past the
    // busy timeout (five seconds). PostgreSQL would wait for the row.
    if std::env::var("TEST_DATABASE_URL").is_ok_and(|u| u.starts_with("postgres")) {
        return;
    }
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    let id = news_translation::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .news_id;
    let edit = format!("/admin/news/{id}");
    let mut f = form_values(&b.get(&app, &edit).await);
    set(&mut f, "en.title", "Typed while the database was busy");
    let holder = techbridge::db::begin_write(t.conn()).await.unwrap();
    let r = b.post(&app, &edit, &pairs(&f)).await;
    holder.rollback().await.unwrap();
    assert_eq!(r.status, 503);
    assert!(r.header("retry-after").is_some());
    assert!(!r.text("#save-failed").is_empty());
    assert_eq!(
        r.attr("#en-title", "value").as_deref(),
        Some("Typed while the database was busy")
    );
    // Once the lock is gone, the same form saves.
    let again = form_values(&r);
    let r = b.post(&app, &edit, &pairs(&again)).await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
}

#[actix_web::test]
async fn the_new_migration_goes_down_and_up_again() {
    use migration::{Migrator, MigratorTrait};
    let t = TestApp::empty().await;
    Migrator::down(t.conn(), Some(1)).await.unwrap();
    Migrator::up(t.conn(), None).await.unwrap();
    let pending = Migrator::get_pending_migrations(t.conn()).await.unwrap();
    assert!(pending.is_empty());
}

#[actix_web::test]
async fn every_text_at_its_longest_in_every_language_fits_in_one_save() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    let id = techbridge::entities::technology::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .id;
    let edit = format!("/admin/technologies/{id}");
    let shown = b.get(&app, &edit).await;
    let mut form = form_values(&shown);
    let long: Vec<String> = shown
        .html()
        .select(&scraper::Selector::parse(".edit-form textarea").unwrap())
        .filter_map(|e| e.value().attr("name").map(str::to_owned))
        .collect();
    assert!(long.len() >= 6, "{long:?}");
    let limit = techbridge::admin::form::LONG_TEXT_MAX;
    for name in &long {
        set(&mut form, name, &text_of(limit, "。"));
    }
    // At the limit in every language: saved whole.
    let r = b.post(&app, &edit, &pairs(&form)).await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    // One character over, in one field: that field's error, the text kept,
    // not a 413 that loses the form.
    let over = text_of(limit + 1, "完");
    set(&mut form, &long[0], &over);
    let version = b
        .get(&app, &edit)
        .await
        .attr("input[name=version]", "value");
    set(&mut form, "version", &version.unwrap());
    let r = b.post(&app, &edit, &pairs(&form)).await;
    assert_eq!(r.status, 422);
    let field = long[0].replace('.', "-");
    assert!(
        r.text(&format!("#{field}-error")).contains("50"),
        "{}",
        r.text(".error-summary")
    );
    assert_eq!(r.text(&format!("#{field}")), over);
}
