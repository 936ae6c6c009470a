//! Parallel bursts through the real stack: limits that count before they
//! work, password checks under a fixed bound, editors saving at once.
//! Each burst sends all its requests before any answer is read (they
//! interleave at every database round trip), as an attacker's would.

use std::sync::Arc;

use actix_web::test::{self, TestRequest};
use actix_web::web;
use futures_util::future::join_all;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use techbridge::AppState;
use techbridge::accounts::PasswordChecks;
use techbridge::entities::{
    application, audit_entry, inquiry, media, need, news, news_translation, rate_event, session,
};

use crate::support::*;

/// A login form's cookie and token, fetched once: the double-submit check
/// only needs the two to match, so many posts can share them.
async fn login_token<S, B>(app: &S) -> (String, String)
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let mut b = Browser::default();
    let r = b.get(app, "/admin/login").await;
    (
        b.header(),
        r.attr("input[name=token]", "value").expect("login token"),
    )
}

fn sign_in(cookie: &str, token: &str, email: &str, password: &str) -> TestRequest {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs([
            ("email", email),
            ("password", password),
            ("token", token),
            ("next", "/admin/"),
        ])
        .finish();
    TestRequest::post()
        .uri("/admin/login")
        .insert_header(("content-type", "application/x-www-form-urlencoded"))
        .insert_header(("sec-fetch-site", "same-origin"))
        .insert_header(("cookie", cookie.to_owned()))
        .set_payload(body)
}

/// `send_from` with an address of its own, for requests made in a loop.
async fn send_as<S, B>(app: &S, req: TestRequest, peer: String) -> Resp
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    send_from(app, req, &peer).await
}

fn form_post(path: &str, form: &[(&str, &str)]) -> TestRequest {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form)
        .finish();
    TestRequest::post()
        .uri(path)
        .insert_header(("content-type", "application/x-www-form-urlencoded"))
        .insert_header(("sec-fetch-site", "same-origin"))
        .set_payload(body)
}

fn count(rs: &[Resp], status: u16) -> usize {
    rs.iter().filter(|r| r.status.as_u16() == status).count()
}

fn statuses(rs: &[Resp]) -> Vec<u16> {
    let mut v: Vec<u16> = rs.iter().map(|r| r.status.as_u16()).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The app with password checks that wait as long as a burst takes (the
/// portal gives up after two seconds; a loaded test machine may need more
/// to get through a hundred sign-ins one at a time).
async fn patient(
    t: &TestApp,
) -> impl actix_web::dev::Service<
    actix_http::Request,
    Response = actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>,
    Error = actix_web::Error,
> {
    let checks = PasswordChecks::default().with_wait(std::time::Duration::from_secs(120));
    let state = web::Data::new(AppState {
        password_checks: Arc::new(checks),
        ..AppState::new(t.state.db.clone(), t.state.config.clone())
    });
    test::init_service(techbridge::app(state)).await
}

#[actix_web::test]
async fn parallel_guesses_at_one_account_each_cost_one_attempt() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = patient(&t).await;
    let (cookie, token) = login_token(&app).await;
    // 100 guesses at once, each from its own address (so only the count
    // per account can stop them); the right password is among them.
    let rs = join_all((0..100).map(|i| {
        let password = if i == 57 {
            EDITOR.1
        } else {
            "wrong-password-123"
        };
        send_as(
            &app,
            sign_in(&cookie, &token, EDITOR.0, password),
            format!("198.18.{}.{}:40000", i / 200, i % 200 + 1),
        )
    }))
    .await;
    // Ten are let through to the password check; the other ninety are
    // refused before it.
    let evaluated = count(&rs, 422) + count(&rs, 303);
    assert_eq!(
        evaluated,
        10,
        "ten of the burst reach the check ({:?})",
        statuses(&rs)
    );
    assert_eq!(
        count(&rs, 429),
        90,
        "the rest are refused: {:?}",
        statuses(&rs)
    );
    assert!(
        rs.iter()
            .filter(|r| r.status == 429)
            .all(|r| { r.header("retry-after").is_some() && r.attr("html", "lang").is_some() })
    );
    // A session only if the right guess was among the ones checked.
    let sessions = session::Entity::find().count(t.conn()).await.unwrap();
    assert_eq!(sessions, u64::from(count(&rs, 303) == 1));
}

#[actix_web::test]
async fn parallel_guesses_from_one_address_each_cost_one_attempt() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = patient(&t).await;
    let (cookie, token) = login_token(&app).await;
    let rs = join_all((0..100).map(|i| {
        let email = format!("guess{i}@centre.example.org");
        let req = sign_in(&cookie, &token, &email, "wrong-password-123");
        send_from(&app, req, "192.0.2.77:40000")
    }))
    .await;
    assert_eq!(count(&rs, 422), 10, "{:?}", statuses(&rs));
    assert_eq!(count(&rs, 429), 90);
}

#[actix_web::test]
async fn password_checks_run_under_a_bound_and_the_rest_come_back_later() {
    let t = TestApp::demo().await.with_accounts().await;
    // One check at a time, and no patience: whoever finds it taken is told
    // to come back. (The portal waits two seconds; the bound is the same.)
    let base = &t.state;
    let state = web::Data::new(AppState {
        password_checks: Arc::new(PasswordChecks::new(1).with_wait(std::time::Duration::ZERO)),
        ..AppState::new(base.db.clone(), base.config.clone())
    });
    let app = test::init_service(techbridge::app(state)).await;
    let (cookie, token) = login_token(&app).await;
    let rs = join_all((0..20).map(|i| {
        let email = format!("visitor{i}@centre.example.org");
        let req = sign_in(&cookie, &token, &email, "wrong-password-123")
            .insert_header(("accept-language", "id"));
        send_as(&app, req, format!("198.18.9.{}:40000", i + 1))
    }))
    .await;
    let busy: Vec<&Resp> = rs.iter().filter(|r| r.status == 503).collect();
    assert!(!busy.is_empty(), "{:?}", statuses(&rs));
    assert_eq!(count(&rs, 422) + busy.len(), 20, "{:?}", statuses(&rs));
    for r in &busy {
        assert!(
            r.header("retry-after")
                .is_some_and(|v| v.parse::<u64>().is_ok())
        );
        assert_eq!(r.attr("html", "lang").as_deref(), Some("id"));
        assert!(r.shows_text("coba lagi"), "{}", r.text("h1"));
    }
    // An attempt told to come back was not counted against anyone.
    let counted = rate_event::Entity::find()
        .filter(rate_event::Column::Bucket.eq("ip_login"))
        .count(t.conn())
        .await
        .unwrap();
    assert_eq!(counted, count(&rs, 422) as u64);
}

#[actix_web::test]
async fn public_form_limits_hold_under_a_burst_of_100() {
    let t = TestApp::demo().await;
    let app = t.service().await;
    // Inquiries: 5 per address in 10 minutes.
    let path = format!("/en/technologies/{RICE}/inquiry");
    let rs = join_all((0..100).map(|i| {
        let email = format!("burst{i}@example.org");
        let req = form_post(
            &path,
            &[
                ("name", "Siti Rahmawati"),
                ("organisation", "Koperasi Tani Makmur"),
                ("country", "ID"),
                ("email", &email),
                (
                    "message",
                    "Kami ingin mencoba varietas padi hibrida ini di sawah kami.",
                ),
                ("consent", "yes"),
                ("website", ""),
            ],
        );
        send(&app, req)
    }))
    .await;
    assert_eq!(count(&rs, 303), 5, "{:?}", statuses(&rs));
    assert_eq!(count(&rs, 429), 95);
    assert_eq!(inquiry::Entity::find().count(t.conn()).await.unwrap(), 5);

    // Technology needs: 3 per address an hour.
    let rs = join_all((0..100).map(|i| {
        let title = format!("Solar cold storage for fishing villages, site {i}");
        let req = form_post(
            "/en/needs/new",
            &[
                ("title", &title),
                (
                    "description",
                    "We need small solar-powered cold rooms of 5 to 10 tonnes for fishing cooperatives.",
                ),
                ("field", "new_energy"),
                ("country", "PH"),
                ("organisation", "Palawan Fisherfolk Federation"),
                ("contact_name", "Maria Santos"),
                ("contact_email", "maria@pff.example.org"),
                ("consent", "yes"),
                ("website", ""),
            ],
        );
        send(&app, req)
    }))
    .await;
    assert_eq!(count(&rs, 303), 3, "{:?}", statuses(&rs));
    assert_eq!(count(&rs, 429), 97);
    let stored = need::Entity::find()
        .filter(need::Column::Organisation.eq("Palawan Fisherfolk Federation"))
        .count(t.conn())
        .await
        .unwrap();
    assert_eq!(stored, 3);
}

#[actix_web::test]
async fn status_look_ups_are_limited_per_address_and_per_reference_under_a_burst() {
    let t = TestApp::demo().await;
    let app = t.service().await;
    let a = submit_application(&app, &t, "mai.nguyen@hus.example.edu.vn").await;
    // 100 at once from one address: ten are looked up.
    let rs = join_all((0..100).map(|i| {
        let email = format!("guess{i}@example.org");
        let req = form_post(
            "/en/programme/status",
            &[("reference", &a.reference), ("email", &email)],
        );
        send_from(&app, req, "192.0.2.90:40000")
    }))
    .await;
    assert_eq!(count(&rs, 422), 10, "{:?}", statuses(&rs));
    assert_eq!(count(&rs, 429), 90);
    // The reference has had its ten: from a hundred other addresses, even
    // with the right email, it is refused for now.
    let rs = join_all((0..100).map(|i| {
        let req = form_post(
            "/en/programme/status",
            &[("reference", &a.reference), ("email", &a.email)],
        );
        send_as(&app, req, format!("198.18.7.{}:40000", i + 1))
    }))
    .await;
    assert_eq!(count(&rs, 429), 100, "{:?}", statuses(&rs));
    // Another reference from a fresh address is unaffected, and the
    // reference written in lower case is the same reference.
    let r = post_form(
        &app,
        "/en/programme/status",
        &[
            ("reference", "ATS-2027-AAAAA-BBBBB"),
            ("email", "x@example.org"),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    let r = send_from(
        &app,
        form_post(
            "/en/programme/status",
            &[
                ("reference", &a.reference.to_lowercase()),
                ("email", &a.email),
            ],
        ),
        "198.18.8.1:40000",
    )
    .await;
    assert_eq!(r.status, 429);
}

#[actix_web::test]
async fn applications_are_limited_under_a_burst() {
    let t = TestApp::demo().await;
    let app = t.service().await;
    let post = techbridge::entities::host_post::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string();
    let rs = join_all((0..100).map(|i| {
        let email = format!("applicant{i}@example.org");
        let token = format!("burst-token-{i}");
        let req = application_request(&post, &email, &token);
        send(&app, req)
    }))
    .await;
    assert_eq!(count(&rs, 303), 10, "{:?}", statuses(&rs));
    assert_eq!(count(&rs, 429), 90);
    assert_eq!(
        application::Entity::find().count(t.conn()).await.unwrap(),
        10
    );
}

/// A complete application as the public form posts it.
fn application_request(post: &str, email: &str, token: &str) -> TestRequest {
    let fields: [(&str, &str); 16] = [
        ("submission_token", token),
        ("name", "Nguyen Thi Mai"),
        ("email", email),
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
            &"I propose to screen Guangxi rice germplasm for salinity tolerance. ".repeat(5),
        ),
        ("consent", "yes"),
        ("website", ""),
    ];
    let boundary = "----tbconcurrencyboundary";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    // The two referees the form asks for.
    for (name, value) in REFEREE_FIELDS {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    for (name, filename) in [("cv", "cv.pdf"), ("degree_file", "degree.pdf")] {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\nContent-Type: application/pdf\r\n\r\n")
                .as_bytes(),
        );
        body.extend_from_slice(SAMPLE_PDF);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    TestRequest::post()
        .uri("/en/programme/apply")
        .insert_header((
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        ))
        .insert_header(("sec-fetch-site", "same-origin"))
        .set_payload(body)
}

/// The values an edit form posts as shown (its inputs, textareas, chosen
/// options and ticked boxes, the hidden version and token included).
pub fn form_values(r: &Resp) -> Vec<(String, String)> {
    let html = r.html();
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    let mut form = Vec::new();
    for e in html.select(&sel(
        ".edit-form input:not([type=checkbox]):not([type=submit]):not([type=file])",
    )) {
        if let (Some(n), Some(v)) = (e.value().attr("name"), e.value().attr("value")) {
            form.push((n.to_owned(), v.to_owned()));
        }
    }
    for e in html.select(&sel(".edit-form textarea")) {
        form.push((
            e.value().attr("name").unwrap().to_owned(),
            e.text().collect(),
        ));
    }
    for e in html.select(&sel(".edit-form select")) {
        for o in e.select(&sel("option[selected]")) {
            form.push((
                e.value().attr("name").unwrap().to_owned(),
                o.value().attr("value").unwrap().to_owned(),
            ));
        }
    }
    for e in html.select(&sel(".edit-form input[type=checkbox][checked]")) {
        form.push((
            e.value().attr("name").unwrap().to_owned(),
            e.value().attr("value").unwrap().to_owned(),
        ));
    }
    form
}

pub fn set(form: &mut [(String, String)], name: &str, value: &str) {
    let field = form
        .iter_mut()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no field {name}"));
    field.1 = value.to_owned();
}

pub fn pairs(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

/// Every kind the back office edits: its URL name and table.
fn kinds() -> Vec<(&'static str, &'static str)> {
    use techbridge::admin::kinds::Kind;
    use techbridge::admin::kinds::{
        calls::Calls, events::Events, fellows::Fellows, members::Members, needs::Needs, news::News,
        pages::Pages, posts::Posts, technologies::Technologies,
    };
    vec![
        (Technologies::NAME, Technologies::TABLE),
        (Needs::NAME, Needs::TABLE),
        (Events::NAME, Events::TABLE),
        (News::NAME, News::TABLE),
        (Fellows::NAME, Fellows::TABLE),
        (Calls::NAME, Calls::TABLE),
        (Posts::NAME, Posts::TABLE),
        (Members::NAME, Members::TABLE),
        (Pages::NAME, Pages::TABLE),
    ]
}

async fn first_id(t: &TestApp, table: &str) -> i32 {
    use sea_orm::ConnectionTrait;
    t.conn()
        .query_one_raw(sea_orm::Statement::from_string(
            t.conn().get_database_backend(),
            format!("SELECT MIN(id) AS id FROM {table}"),
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i32>("", "id")
        .unwrap()
}

/// The name of the first text input of a language tab (its headline).
fn headline(r: &Resp, lang: &str) -> String {
    r.attr(
        &format!("#tab-{lang} input[type=text][name^=\"{lang}.\"]"),
        "name",
    )
    .unwrap_or_else(|| panic!("no text input in the {lang} tab"))
}

#[actix_web::test]
async fn a_save_over_a_newer_save_is_refused_with_the_text_kept_for_every_kind() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut ada = login(&app, ADMIN).await;
    let mut eddie = login(&app, EDITOR).await;
    for (kind, table) in kinds() {
        let id = first_id(&t, table).await;
        let edit = format!("/admin/{kind}/{id}");
        // Both open the same record.
        let for_ada = ada.get(&app, &edit).await;
        let for_eddie = eddie.get(&app, &edit).await;
        assert_eq!(for_ada.status, 200, "{edit}");
        assert!(for_ada.attr("input[name=version]", "value").is_some());
        let (en, zh, id_) = (
            headline(&for_ada, "en"),
            headline(&for_ada, "zh-CN"),
            headline(&for_ada, "id"),
        );
        // Ada changes the English headline and saves first.
        let mut a = form_values(&for_ada);
        set(&mut a, &en, "Ada's English headline");
        let r = ada.post(&app, &edit, &pairs(&a)).await;
        assert_eq!(r.status, 303, "{kind}: {}", r.text(".error-summary"));
        // Eddie, from the version he opened, changes the other two languages.
        let mut e = form_values(&for_eddie);
        set(&mut e, &zh, "艾迪的中文标题");
        set(&mut e, &id_, "Judul Eddie dalam bahasa Indonesia");
        let before = audit_entry::Entity::find().count(t.conn()).await.unwrap();
        let r = eddie.post(&app, &edit, &pairs(&e)).await;
        assert_eq!(r.status, 409, "{kind}: Eddie's save is refused");
        assert_eq!(
            audit_entry::Entity::find().count(t.conn()).await.unwrap(),
            before,
            "{kind}: nothing written"
        );
        // His text is in the form; who saved, and when, is said.
        let zh_id = zh.replace('.', "-");
        let id_id = id_.replace('.', "-");
        let en_id = en.replace('.', "-");
        assert_eq!(
            r.attr(&format!("#{zh_id}"), "value").as_deref(),
            Some("艾迪的中文标题")
        );
        assert_eq!(
            r.attr(&format!("#{id_id}"), "value").as_deref(),
            Some("Judul Eddie dalam bahasa Indonesia")
        );
        let said = r.text("#conflict");
        assert!(said.contains("Ada Admin"), "{kind}: {said}");
        assert!(said.contains("(UTC+08:00)"), "{kind}: when: {said}");
        // What Ada saved is shown where it differs, in each language.
        assert_eq!(
            r.text(&format!("#{en_id}-theirs .theirs-text")),
            "Ada's English headline",
            "{kind}"
        );
        assert!(!r.text(&format!("#{zh_id}-theirs")).is_empty(), "{kind}");
        assert!(!r.text(&format!("#{id_id}-theirs")).is_empty(), "{kind}");
        // Saving the form again, now from the version he has seen, wins.
        let again = form_values(&r);
        assert_ne!(
            again.iter().find(|(k, _)| k == "version"),
            e.iter().find(|(k, _)| k == "version"),
            "{kind}: the form now carries the newer version"
        );
        let r = eddie.post(&app, &edit, &pairs(&again)).await;
        assert_eq!(r.status, 303, "{kind}: {}", r.text(".error-summary"));
        let shown = eddie.get(&app, &edit).await;
        assert_eq!(
            shown.attr(&format!("#{zh_id}"), "value").as_deref(),
            Some("艾迪的中文标题"),
            "{kind}"
        );
    }
}

#[actix_web::test]
async fn the_conflict_page_speaks_the_editors_language() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut ada = login(&app, ADMIN).await;
    let mut eddie = login(&app, EDITOR).await;
    let r = eddie
        .post_csrf(
            &app,
            "/admin/account",
            &[("action", "language"), ("ui_lang", "zh-CN")],
        )
        .await;
    assert_eq!(r.status, 303);
    let id = first_id(&t, "news").await;
    let edit = format!("/admin/news/{id}");
    let for_ada = ada.get(&app, &edit).await;
    let for_eddie = eddie.get(&app, &edit).await;
    let mut a = form_values(&for_ada);
    set(&mut a, "en.title", "Ada's title");
    assert_eq!(ada.post(&app, &edit, &pairs(&a)).await.status, 303);
    let r = eddie
        .post(&app, &edit, &pairs(&form_values(&for_eddie)))
        .await;
    assert_eq!(r.status, 409);
    assert!(
        r.text("#conflict").contains("保存"),
        "{}",
        r.text("#conflict")
    );
    assert_eq!(r.attr("html", "lang").as_deref(), Some("zh-CN"));
}

/// The figures form as posted, from the version `version`.
fn figures<'a>(members: &'a str, version: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("network_members", members),
        ("projects", "8000"),
        ("bilateral_mechanisms", "9"),
        ("version", version),
    ]
}

#[actix_web::test]
async fn a_settings_save_over_a_newer_save_is_refused_with_the_figures_kept() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut ada = login(&app, ADMIN).await;
    let mut eddie = login(&app, EDITOR).await;
    // Both open the figures; Ada saves first.
    let for_ada = ada.get(&app, "/admin/settings").await;
    let for_eddie = eddie.get(&app, "/admin/settings").await;
    let v_ada = for_ada.attr("input[name=version]", "value").unwrap();
    let v_eddie = for_eddie.attr("input[name=version]", "value").unwrap();
    let r = ada
        .post_csrf(&app, "/admin/settings", &figures("2700", &v_ada))
        .await;
    assert_eq!(r.status, 303);
    // Eddie, from the version he opened: refused, his figure kept, Ada's
    // beside it, who saved and when said; nothing written.
    let before = audit_entry::Entity::find().count(t.conn()).await.unwrap();
    let r = eddie
        .post_csrf(&app, "/admin/settings", &figures("3100", &v_eddie))
        .await;
    assert_eq!(r.status, 409);
    assert_eq!(
        audit_entry::Entity::find().count(t.conn()).await.unwrap(),
        before
    );
    assert_eq!(r.attr("#network_members", "value").as_deref(), Some("3100"));
    assert_eq!(r.text("#network_members-theirs .theirs-text"), "2700");
    assert!(
        r.text("#conflict").contains("Ada Admin"),
        "{}",
        r.text("#conflict")
    );
    // Saving again from the version now shown wins.
    let now_seen = r.attr("input[name=version]", "value").unwrap();
    assert_ne!(now_seen, v_eddie);
    let r = eddie
        .post_csrf(&app, "/admin/settings", &figures("3100", &now_seen))
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        eddie
            .get(&app, "/admin/settings")
            .await
            .attr("#network_members", "value")
            .as_deref(),
        Some("3100")
    );
}

#[actix_web::test]
async fn an_alt_text_save_over_a_newer_save_is_refused_with_the_text_kept() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut ada = login(&app, ADMIN).await;
    let mut eddie = login(&app, EDITOR).await;
    let id = first_id(&t, "media").await;
    let path = format!("/admin/media/{id}");
    let version = format!("form[action='{path}'] input[name=version]");
    let v_ada = ada
        .get(&app, "/admin/media")
        .await
        .attr(&version, "value")
        .unwrap();
    let v_eddie = eddie
        .get(&app, "/admin/media")
        .await
        .attr(&version, "value")
        .unwrap();
    let r = ada
        .post_csrf(
            &app,
            &path,
            &[
                ("alt.en", "Ada's rice field"),
                ("alt.zh-CN", "稻田"),
                ("version", &v_ada),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    let before = audit_entry::Entity::find().count(t.conn()).await.unwrap();
    let mine = [
        ("alt.en", "Eddie's paddy"),
        ("alt.zh-CN", "稻田"),
        ("alt.id", "Sawah"),
    ];
    let mut form = mine.to_vec();
    form.push(("version", &v_eddie));
    let r = eddie.post_csrf(&app, &path, &form).await;
    assert_eq!(r.status, 409);
    assert_eq!(
        audit_entry::Entity::find().count(t.conn()).await.unwrap(),
        before
    );
    assert_eq!(
        r.attr(&format!("#m{id}-en"), "value").as_deref(),
        Some("Eddie's paddy")
    );
    assert_eq!(
        r.text(&format!("#m{id}-en-theirs .theirs-text")),
        "Ada's rice field"
    );
    assert!(
        r.text("#conflict").contains("Ada Admin"),
        "{}",
        r.text("#conflict")
    );
    // From the version now shown, his save wins.
    let now_seen = r.attr(&version, "value").unwrap();
    assert_ne!(now_seen, v_eddie);
    let mut form = mine.to_vec();
    form.push(("version", &now_seen));
    assert_eq!(eddie.post_csrf(&app, &path, &form).await.status, 303);
    assert_eq!(
        eddie
            .get(&app, "/admin/media")
            .await
            .attr(&format!("#m{id}-en"), "value")
            .as_deref(),
        Some("Eddie's paddy")
    );
}

#[actix_web::test]
async fn parallel_saves_from_one_version_keep_exactly_one() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut ed = login(&app, EDITOR).await;
    let id = first_id(&t, "news").await;
    let edit = format!("/admin/news/{id}");
    let opened = form_values(&ed.get(&app, &edit).await);
    let cookie = ed.header();
    let rs = join_all((0..8).map(|i| {
        let mut f = opened.clone();
        set(&mut f, "en.title", &format!("Title from tab {i}"));
        let req = form_post(&edit, &pairs(&f)).insert_header(("cookie", cookie.clone()));
        send(&app, req)
    }))
    .await;
    assert_eq!(count(&rs, 303), 1, "{:?}", statuses(&rs));
    assert_eq!(count(&rs, 409), 7, "{:?}", statuses(&rs));
    let stored = news_translation::Entity::find()
        .filter(news_translation::Column::NewsId.eq(id))
        .filter(news_translation::Column::Lang.eq("en"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .title;
    let winner = rs.iter().position(|r| r.status == 303).unwrap();
    assert_eq!(stored, format!("Title from tab {winner}"));
}

#[actix_web::test]
async fn editors_saving_at_once_all_get_their_save() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut ed = login(&app, EDITOR).await;
    // Eight news items, each saved at the same moment.
    let ids: Vec<i32> = news::Entity::find()
        .all(t.conn())
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.id)
        .take(8)
        .collect();
    assert_eq!(ids.len(), 8);
    let mut forms = Vec::new();
    for id in &ids {
        let edit = format!("/admin/news/{id}");
        let mut f = form_values(&ed.get(&app, &edit).await);
        set(&mut f, "en.title", &format!("Saved at once, item {id}"));
        forms.push((edit, f));
    }
    let cookie = ed.header();
    let rs = join_all(forms.iter().map(|(edit, f)| {
        let req = form_post(edit, &pairs(f)).insert_header(("cookie", cookie.clone()));
        send(&app, req)
    }))
    .await;
    assert_eq!(count(&rs, 303), 8, "{:?}", statuses(&rs));
    for id in &ids {
        let title = news_translation::Entity::find()
            .filter(news_translation::Column::NewsId.eq(*id))
            .filter(news_translation::Column::Lang.eq("en"))
            .one(t.conn())
            .await
            .unwrap()
            .unwrap()
            .title;
        assert_eq!(title, format!("Saved at once, item {id}"));
    }
    // Eight images uploaded at the same moment.
    let before = media::Entity::find().count(t.conn()).await.unwrap();
    ed.get(&app, "/admin/media").await;
    let csrf = ed.csrf.clone();
    let rs = join_all((0..8u8).map(|i| {
        let (ct, body) = image_upload(&csrf, &png(40 + u32::from(i), 30), "Field at harvest");
        let req = TestRequest::post()
            .uri("/admin/media")
            .insert_header(("content-type", ct))
            .insert_header(("sec-fetch-site", "same-origin"))
            .insert_header(("cookie", cookie.clone()))
            .set_payload(body);
        send(&app, req)
    }))
    .await;
    assert_eq!(count(&rs, 303), 8, "{:?}", statuses(&rs));
    assert_eq!(
        media::Entity::find().count(t.conn()).await.unwrap(),
        before + 8
    );
}

/// A media upload body: the token first, then the alt text and the file.
pub fn image_upload(csrf: &str, bytes: &[u8], alt: &str) -> (String, Vec<u8>) {
    let boundary = "----tbconcurrencyimage";
    let mut body = Vec::new();
    for (name, value) in [("csrf", csrf), ("alt.en", alt)] {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"field.png\"\r\nContent-Type: image/png\r\n\r\n").as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

pub fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}
