//! The back office: access control, sessions, CSRF, content management in
//! three languages, translation status, media, inquiries.

use actix_web::test::TestRequest;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Statement};
use techbridge::entities::{audit_entry, news, news_translation};

use crate::support::*;

/// Every back-office path a test can reach (GET).
const ADMIN_PAGES: &[&str] = &[
    "/admin/",
    "/admin/technologies",
    "/admin/technologies/new",
    "/admin/technologies/1",
    "/admin/needs",
    "/admin/needs/1",
    "/admin/inquiries",
    "/admin/events",
    "/admin/events/new",
    "/admin/events/1",
    "/admin/news",
    "/admin/news/new",
    "/admin/news/1",
    "/admin/fellows",
    "/admin/fellows/1",
    "/admin/calls",
    "/admin/calls/1",
    "/admin/posts",
    "/admin/posts/1",
    "/admin/members",
    "/admin/members/1",
    "/admin/pages",
    "/admin/pages/1",
    "/admin/media",
    "/admin/translations",
    "/admin/editors",
    "/admin/audit",
    "/admin/settings",
    "/admin/account",
];

/// Real ids of one record of each kind the back office addresses, so that
/// every route of the table can be called with a path that exists.
struct Ids {
    /// (kind as in the URL, id of a demo record)
    content: Vec<(&'static str, i32)>,
    editor: i32,
    inquiry: i32,
    application: i32,
    document: i32,
    media: i32,
}

impl Ids {
    fn of(&self, kind: &str) -> i32 {
        self.content
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, id)| *id)
            .unwrap_or_else(|| {
                panic!("no demo id for /admin/{kind}: add its kind to CONTENT_KINDS")
            })
    }
}

/// Every kind of content of `content_routes`, by type name as written in
/// src/routes.rs, with its URL segment and its table.
fn content_kinds() -> Vec<(&'static str, &'static str, &'static str)> {
    use techbridge::admin::content::Kind;
    use techbridge::admin::kinds::{
        calls::Calls, events::Events, fellows::Fellows, members::Members, needs::Needs, news::News,
        pages::Pages, posts::Posts, technologies::Technologies,
    };
    vec![
        ("Technologies", Technologies::NAME, Technologies::TABLE),
        ("Needs", Needs::NAME, Needs::TABLE),
        ("Events", Events::NAME, Events::TABLE),
        ("News", News::NAME, News::TABLE),
        ("Fellows", Fellows::NAME, Fellows::TABLE),
        ("Calls", Calls::NAME, Calls::TABLE),
        ("Posts", Posts::NAME, Posts::TABLE),
        ("Members", Members::NAME, Members::TABLE),
        ("Pages", Pages::NAME, Pages::TABLE),
    ]
}

async fn first_id(t: &TestApp, table: &str) -> i32 {
    t.conn()
        .query_one_raw(Statement::from_string(
            t.conn().get_database_backend(),
            format!("SELECT MIN(id) AS id FROM {table}"),
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i32>("", "id")
        .unwrap_or_else(|e| panic!("no row in {table}: {e}"))
}

/// A visitor's inquiry about the rice technology, through the public form.
async fn inquire<S, B>(app: &S, name: &str, organisation: &str, message: &str)
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let r = post_form(
        app,
        &format!("/en/technologies/{RICE}/inquiry"),
        &[
            ("name", name),
            ("organisation", organisation),
            ("country", "ID"),
            ("email", "budi@tanijaya.example.com"),
            ("message", message),
            ("consent", "yes"),
            ("website", ""),
        ],
    )
    .await;
    assert_eq!(
        r.status,
        303,
        "inquiry refused: {}",
        r.text(".error-summary")
    );
}

/// Demo content plus what the demo lacks: an inquiry, an application with
/// its documents, an uploaded image.
async fn seed<S, B>(app: &S, t: &TestApp) -> Ids
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    use techbridge::entities::{application_document, editor, inquiry, media};
    inquire(
        app,
        "Budi Santoso",
        "PT Tani Jaya",
        "Berapa biaya lisensi untuk 100 hektar sawah padi?",
    )
    .await;
    let application = submit_application(app, t, "mai.nguyen@hus.example.edu.vn").await;
    let mut b = login(app, EDITOR).await;
    b.get(app, "/admin/media").await;
    let r = upload(app, &b, "rice.png", &png(64, 48)).await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let mut content = Vec::new();
    for (_, kind, table) in content_kinds() {
        content.push((kind, first_id(t, table).await));
    }
    Ids {
        content,
        editor: editor::Entity::find()
            .filter(editor::Column::Email.eq(EDITOR.0))
            .one(t.conn())
            .await
            .unwrap()
            .unwrap()
            .id,
        inquiry: inquiry::Entity::find()
            .one(t.conn())
            .await
            .unwrap()
            .unwrap()
            .id,
        document: application_document::Entity::find()
            .filter(application_document::Column::ApplicationId.eq(application.id))
            .one(t.conn())
            .await
            .unwrap()
            .unwrap()
            .id,
        application: application.id,
        media: media::Entity::find()
            .filter(media::Column::Filename.eq("rice.png"))
            .one(t.conn())
            .await
            .unwrap()
            .unwrap()
            .id,
    }
}

/// Every route of the back office, read from src/routes.rs itself (so that a
/// route added there is covered here without anyone remembering to): the
/// routes of the `/admin` scope and, for each kind configured with
/// `content_routes`, the routes that function declares. (method, pattern)
fn admin_route_table() -> Vec<(&'static str, String)> {
    let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/routes.rs"))
        .expect("src/routes.rs");
    let start = src
        .find("web::scope(\"/admin\")")
        .expect("the /admin scope in src/routes.rs");
    let end = start
        + src[start..]
            .find("\n    );")
            .expect("end of the /admin scope");
    let scope = &src[start..end];
    let mut out = Vec::new();
    let route = regex::Regex::new(r#"\.route\(\s*"([^"]+)",\s*(get|post)\(\)"#).unwrap();
    for c in route.captures_iter(scope) {
        let method = if &c[2] == "get" { "GET" } else { "POST" };
        out.push((method, format!("/admin{}", &c[1])));
    }
    let body = &src[src.find("fn content_routes").expect("fn content_routes")..];
    let kind_route = regex::Regex::new(
        r#"\.route\(\s*&(?:base|format!\("\{base\}([^"]*)"\))\s*,\s*(get|post)\(\)"#,
    )
    .unwrap();
    let kinds = content_kinds();
    let configured = regex::Regex::new(r"content_routes::<(\w+)>").unwrap();
    for k in configured.captures_iter(scope) {
        let (_, name, _) = kinds
            .iter()
            .find(|(ty, _, _)| *ty == &k[1])
            .unwrap_or_else(|| panic!("content kind {} is new: add it to content_kinds()", &k[1]));
        for c in kind_route.captures_iter(body) {
            let suffix = c
                .get(1)
                .map_or("", |m| m.as_str())
                .replace("{{", "{")
                .replace("}}", "}");
            let method = if &c[2] == "get" { "GET" } else { "POST" };
            out.push((method, format!("/admin/{name}{suffix}")));
        }
    }
    // The table was really read: these must be in it.
    for (m, p) in [
        ("GET", "/admin/outbox"),
        ("GET", "/admin/applications/{id}/documents/{doc}"),
        ("POST", "/admin/applications/{id}/erase"),
        ("POST", "/admin/media/{id}"),
        ("GET", "/admin/pages/new"),
        ("POST", "/admin/members/{id}/status"),
        ("POST", "/admin/technologies/{id}/delete"),
    ] {
        assert!(
            out.iter().any(|(om, op)| *om == m && op == p),
            "{m} {p} not read from src/routes.rs: {out:?}"
        );
    }
    out
}

/// A route pattern with its parameters filled by real ids.
fn concrete(pattern: &str, ids: &Ids) -> String {
    let owner = pattern
        .trim_start_matches("/admin/")
        .split('/')
        .next()
        .unwrap_or("");
    let path = if pattern.contains("{id}") {
        let id = match owner {
            "editors" => ids.editor,
            "media" => ids.media,
            "applications" => ids.application,
            "inquiries" => ids.inquiry,
            kind => ids.of(kind),
        };
        pattern.replace("{id}", &id.to_string())
    } else {
        pattern.to_owned()
    };
    let path = path.replace("{doc}", &ids.document.to_string());
    assert!(
        !path.contains('{'),
        "{pattern}: a parameter this test cannot fill; give it a real id in concrete()"
    );
    path
}

/// What a form of any back-office screen might carry, so that a handler
/// reached by mistake would have something to act on.
const ANY_FORM: &[(&str, &str)] = &[
    ("csrf", "x"),
    ("source_lang", "en"),
    ("status", "draft"),
    ("action", "disable"),
    ("en.title", "Hijacked"),
    ("title", "Hijacked"),
    ("reply", "Hijacked"),
    ("score", "5"),
    ("note", "Hijacked"),
    ("email", "intruder@example.org"),
    ("name", "Intruder"),
    ("role", "admin"),
    ("password", "purple-giraffe-mountain-9"),
    ("ui_lang", "id"),
    ("alt.en", "Hijacked"),
    ("network_members", "1"),
    ("agreements", "1"),
    ("projects", "1"),
    ("companies_served", "1"),
    ("bilateral_mechanisms", "1"),
];

#[actix_web::test]
async fn anonymous_visitors_are_sent_to_login_and_cannot_write() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let ids = seed(&app, &t).await;
    let table = admin_route_table();
    let before = fingerprint(&t).await;
    // Without a cookie, and with a session cookie that is no session.
    let strangers = [
        Browser::default(),
        Browser {
            cookies: vec![("tb_session".into(), "made-up-session-id".into())],
            csrf: String::new(),
        },
    ];
    let mut gets = 0;
    let mut posts = 0;
    for (method, pattern) in &table {
        if pattern == "/admin/login" {
            continue;
        }
        let path = concrete(pattern, &ids);
        for stranger in &strangers {
            let mut b = stranger.clone();
            if *method == "GET" {
                gets += 1;
                for p in [path.clone(), format!("{path}?page=2&q=x")] {
                    let r = b.get(&app, &p).await;
                    assert_eq!(r.status, 303, "GET {p}");
                    let expected = format!(
                        "/admin/login?{}",
                        form_urlencoded::Serializer::new(String::new())
                            .append_pair("next", &p)
                            .finish()
                    );
                    assert_eq!(r.location(), Some(expected.as_str()), "GET {p}");
                    assert_eq!(r.header("cache-control"), Some("no-store"), "GET {p}");
                    assert!(r.texts("form").is_empty(), "GET {p}: no screen shown");
                }
            } else {
                posts += 1;
                let r = b.post(&app, &path, ANY_FORM).await;
                let to_login =
                    r.status == 303 && r.location().is_some_and(|l| l.starts_with("/admin/login"));
                assert!(
                    r.status == 403 || to_login,
                    "POST {path}: {} {:?}",
                    r.status,
                    r.location()
                );
                assert!(
                    !r.headers
                        .get_all("set-cookie")
                        .any(|c| c.to_str().is_ok_and(
                            |c| c.starts_with("tb_session=") && !c.starts_with("tb_session=;")
                        )),
                    "POST {path} started a session"
                );
            }
        }
    }
    assert!(
        gets >= 2 * 35 && posts >= 2 * 45,
        "{gets} GETs, {posts} POSTs"
    );
    // An upload (multipart) without a session.
    let r = upload(&app, &Browser::default(), "rice.png", &png(64, 48)).await;
    assert_eq!(r.status, 403);
    assert_eq!(
        fingerprint(&t).await,
        before,
        "an anonymous request changed data"
    );
    // /admin itself only adds the slash; the login form is the one open page.
    let r = get(&app, "/admin").await;
    assert_eq!(r.status, 303);
    assert_eq!(r.location(), Some("/admin/"));
    let r = get(&app, "/admin/login").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("cache-control"), Some("no-store"));
    assert!(r.attr("input[name=token]", "value").is_some());
}

#[actix_web::test]
async fn every_back_office_page_renders_for_an_administrator_in_every_language() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, ADMIN).await;
    for lang in LANGS {
        b.post_csrf(
            &app,
            "/admin/account",
            &[("action", "language"), ("ui_lang", lang)],
        )
        .await;
        for p in ADMIN_PAGES {
            let r = b.get(&app, p).await;
            assert_eq!(r.status, 200, "{lang} {p}");
            assert_eq!(r.attr("html", "lang").as_deref(), Some(lang), "{p}");
            assert_eq!(r.header("cache-control"), Some("no-store"), "{p}");
            assert!(!r.body.contains('\u{26a0}'), "{lang} {p}: missing message");
        }
    }
}

#[actix_web::test]
async fn roles_are_enforced() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut reviewer = login(&app, REVIEWER).await;
    for p in [
        "/admin/news",
        "/admin/news/1",
        "/admin/technologies",
        "/admin/inquiries",
        "/admin/media",
        "/admin/editors",
        "/admin/audit",
    ] {
        assert_eq!(reviewer.get(&app, p).await.status, 403, "reviewer {p}");
    }
    assert_eq!(reviewer.get(&app, "/admin/calls").await.status, 200);
    let r = reviewer
        .post_csrf(
            &app,
            "/admin/news/1",
            &[("source_lang", "en"), ("en.title", "Hijacked")],
        )
        .await;
    assert_eq!(r.status, 403);
    let mut editor = login(&app, EDITOR).await;
    for p in ["/admin/editors", "/admin/audit"] {
        assert_eq!(editor.get(&app, p).await.status, 403, "editor {p}");
    }
    let r = editor
        .post_csrf(
            &app,
            "/admin/editors",
            &[
                ("email", "x@y.example.org"),
                ("name", "X"),
                ("role", "admin"),
                ("password", "purple-giraffe-mountain-9"),
            ],
        )
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(
        techbridge::entities::editor::Entity::find()
            .count(t.conn())
            .await
            .unwrap(),
        3
    );
    // The navigation only offers what the role may use.
    let nav = editor
        .get(&app, "/admin/")
        .await
        .attrs(".admin-nav a", "href");
    assert!(nav.contains(&"/admin/news".to_owned()) && !nav.contains(&"/admin/editors".to_owned()));
}

/// The values an edit form would send as shown (inputs, textareas, chosen
/// options, ticked boxes), without its CSRF token.
fn edit_form(r: &Resp) -> Vec<(String, String)> {
    let html = r.html();
    let mut form: Vec<(String, String)> = Vec::new();
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
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
    form.retain(|(k, _)| k != "csrf");
    assert!(!form.is_empty(), "no edit form on the page");
    form
}

/// Sets one value of a scraped form (replacing what it had).
fn set_field(form: &mut Vec<(String, String)>, key: &str, value: &str) {
    form.retain(|(k, _)| k != key);
    form.push((key.to_owned(), value.to_owned()));
}

fn pairs(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

/// Opens an edit screen, changes some values and saves it: the response.
async fn edit_and_save<S, B>(
    app: &S,
    b: &mut Browser,
    screen: &str,
    to: &str,
    changes: &[(&str, &str)],
) -> Resp
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let r = b.get(app, screen).await;
    assert_eq!(r.status, 200, "{screen}");
    let mut form = edit_form(&r);
    for (k, v) in changes {
        set_field(&mut form, k, v);
    }
    set_field(&mut form, "action", "save");
    b.post_csrf(app, to, &pairs(&form)).await
}

/// The kinds of content that only editors (and administrators) manage.
const EDITORS_CONTENT: &[&str] = &[
    "technologies",
    "needs",
    "events",
    "news",
    "fellows",
    "members",
    "pages",
];

#[actix_web::test]
async fn reviewers_work_on_the_programme_only_and_editors_not_on_accounts() {
    use techbridge::entities::{
        application, application_review, call_translation, host_post_translation,
    };
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let ids = seed(&app, &t).await;
    let mut reviewer = login(&app, REVIEWER).await;
    let mut editor = login(&app, EDITOR).await;
    let before = fingerprint(&t).await;

    // Reviewers: none of the editors' screens, read or written.
    let token = reviewer.csrf.clone();
    for kind in EDITORS_CONTENT {
        let id = ids.of(kind);
        for p in [
            format!("/admin/{kind}"),
            format!("/admin/{kind}/new"),
            format!("/admin/{kind}/{id}"),
        ] {
            let r = reviewer.get(&app, &p).await;
            assert_eq!(r.status, 403, "reviewer GET {p}");
            assert!(r.texts(".edit-form").is_empty(), "reviewer GET {p}");
        }
        let status = if *kind == "needs" {
            "rejected"
        } else {
            "draft"
        };
        for (p, form) in [
            (
                format!("/admin/{kind}/new"),
                vec![("source_lang", "en"), ("en.title", "Hijacked")],
            ),
            (
                format!("/admin/{kind}/{id}"),
                vec![("source_lang", "en"), ("en.title", "Hijacked")],
            ),
            (format!("/admin/{kind}/{id}/delete"), vec![]),
            (
                format!("/admin/{kind}/{id}/status"),
                vec![("status", status)],
            ),
        ] {
            let mut all = vec![("csrf", token.as_str())];
            all.extend(form);
            assert_eq!(
                reviewer.post(&app, &p, &all).await.status,
                403,
                "reviewer POST {p}"
            );
        }
    }
    for p in [
        "/admin/inquiries".to_owned(),
        format!("/admin/inquiries/{}", ids.inquiry),
        "/admin/media".to_owned(),
        "/admin/settings".to_owned(),
        "/admin/translations".to_owned(),
        "/admin/editors".to_owned(),
        "/admin/audit".to_owned(),
    ] {
        assert_eq!(reviewer.get(&app, &p).await.status, 403, "reviewer GET {p}");
    }
    for (p, form) in [
        (
            format!("/admin/inquiries/{}", ids.inquiry),
            vec![("status", "closed"), ("reply", "Hijacked")],
        ),
        (
            format!("/admin/media/{}", ids.media),
            vec![("alt.en", "Hijacked")],
        ),
        (
            "/admin/settings".to_owned(),
            vec![
                ("network_members", "1"),
                ("agreements", "1"),
                ("projects", "1"),
                ("companies_served", "1"),
                ("bilateral_mechanisms", "1"),
            ],
        ),
        (
            "/admin/editors".to_owned(),
            vec![
                ("email", "x@y.example.org"),
                ("name", "X"),
                ("role", "admin"),
                ("password", "purple-giraffe-mountain-9"),
            ],
        ),
        (
            format!("/admin/editors/{}", ids.editor),
            vec![("action", "disable")],
        ),
        (
            format!("/admin/applications/{}/erase", ids.application),
            vec![],
        ),
    ] {
        let mut all = vec![("csrf", token.as_str())];
        all.extend(form);
        assert_eq!(
            reviewer.post(&app, &p, &all).await.status,
            403,
            "reviewer POST {p}"
        );
    }
    assert_eq!(
        upload(&app, &reviewer, "rice.png", &png(64, 48))
            .await
            .status,
        403
    );

    // Editors: no accounts, no audit trail, no applications.
    let token = editor.csrf.clone();
    for p in [
        "/admin/editors".to_owned(),
        "/admin/audit".to_owned(),
        "/admin/applications".to_owned(),
        "/admin/applications/export.csv".to_owned(),
        format!("/admin/applications/{}", ids.application),
        format!(
            "/admin/applications/{}/documents/{}",
            ids.application, ids.document
        ),
        "/admin/outbox".to_owned(),
    ] {
        assert_eq!(editor.get(&app, &p).await.status, 403, "editor GET {p}");
    }
    for (p, form) in [
        (
            "/admin/editors".to_owned(),
            vec![
                ("email", "x@y.example.org"),
                ("name", "X"),
                ("role", "admin"),
                ("password", "purple-giraffe-mountain-9"),
                ("ui_lang", "en"),
            ],
        ),
        (
            format!("/admin/editors/{}", ids.editor),
            vec![("action", "role"), ("role", "admin")],
        ),
        (
            format!("/admin/applications/{}/status", ids.application),
            vec![("status", "screening")],
        ),
        (
            format!("/admin/applications/{}/review", ids.application),
            vec![("score", "5"), ("note", "Hijacked")],
        ),
        (
            format!("/admin/applications/{}/erase", ids.application),
            vec![],
        ),
    ] {
        let mut all = vec![("csrf", token.as_str())];
        all.extend(form);
        assert_eq!(
            editor.post(&app, &p, &all).await.status,
            403,
            "editor POST {p}"
        );
    }
    assert_eq!(
        fingerprint(&t).await,
        before,
        "a refused request changed data"
    );

    // What reviewers may do: applications, calls and host posts.
    let call = ids.of("calls");
    let post = ids.of("posts");
    for p in [
        "/admin/".to_owned(),
        "/admin/account".to_owned(),
        "/admin/applications".to_owned(),
        format!("/admin/applications/export.csv?call={call}"),
        format!("/admin/applications/{}", ids.application),
        "/admin/outbox".to_owned(),
        "/admin/calls".to_owned(),
        "/admin/calls/new".to_owned(),
        format!("/admin/calls/{call}"),
        "/admin/posts".to_owned(),
        "/admin/posts/new".to_owned(),
        format!("/admin/posts/{post}"),
    ] {
        assert_eq!(reviewer.get(&app, &p).await.status, 200, "reviewer GET {p}");
    }
    let nav = reviewer
        .get(&app, "/admin/")
        .await
        .attrs(".admin-nav a", "href");
    for p in ["/admin/calls", "/admin/posts", "/admin/applications"] {
        assert!(
            nav.contains(&p.to_owned()),
            "reviewer nav lacks {p}: {nav:?}"
        );
    }
    for p in [
        "/admin/news",
        "/admin/technologies",
        "/admin/editors",
        "/admin/audit",
    ] {
        assert!(
            !nav.contains(&p.to_owned()),
            "reviewer nav offers {p}: {nav:?}"
        );
    }
    let screen = format!("/admin/calls/{call}");
    let r = edit_and_save(
        &app,
        &mut reviewer,
        &screen,
        &screen,
        &[("en.title", "Call retitled by a reviewer")],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    assert!(
        call_translation::Entity::find()
            .filter(call_translation::Column::CallId.eq(call))
            .filter(call_translation::Column::Title.eq("Call retitled by a reviewer"))
            .one(t.conn())
            .await
            .unwrap()
            .is_some()
    );
    let screen = format!("/admin/posts/{post}");
    let r = edit_and_save(
        &app,
        &mut reviewer,
        &screen,
        &screen,
        &[("en.lab", "Lab renamed by a reviewer")],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    assert!(
        host_post_translation::Entity::find()
            .filter(host_post_translation::Column::HostPostId.eq(post))
            .filter(host_post_translation::Column::Lab.eq("Lab renamed by a reviewer"))
            .one(t.conn())
            .await
            .unwrap()
            .is_some()
    );
    let detail = format!("/admin/applications/{}", ids.application);
    reviewer.get(&app, &detail).await;
    let r = reviewer
        .post_csrf(
            &app,
            &format!("{detail}/status"),
            &[("status", "screening")],
        )
        .await;
    assert_eq!(r.status, 303);
    let r = reviewer
        .post_csrf(
            &app,
            &format!("{detail}/review"),
            &[("score", "4"), ("note", "Strong proposal.")],
        )
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        application::Entity::find_by_id(ids.application)
            .one(t.conn())
            .await
            .unwrap()
            .unwrap()
            .status,
        "screening"
    );
    assert_eq!(
        application_review::Entity::find()
            .count(t.conn())
            .await
            .unwrap(),
        1
    );
    // Editors keep the calls and host posts too.
    for p in ["/admin/calls".to_owned(), format!("/admin/posts/{post}")] {
        assert_eq!(editor.get(&app, &p).await.status, 200, "editor GET {p}");
    }
}

#[actix_web::test]
async fn no_screen_links_to_a_screen_the_role_cannot_open() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let ids = seed(&app, &t).await;
    for (who, start) in [
        (
            REVIEWER,
            vec![
                "/admin/".to_owned(),
                "/admin/applications".to_owned(),
                format!("/admin/applications/{}", ids.application),
                "/admin/calls".to_owned(),
                format!("/admin/calls/{}", ids.of("calls")),
                "/admin/posts".to_owned(),
                format!("/admin/posts/{}", ids.of("posts")),
                "/admin/outbox".to_owned(),
                "/admin/account".to_owned(),
            ],
        ),
        (
            EDITOR,
            vec![
                "/admin/".to_owned(),
                "/admin/news".to_owned(),
                format!("/admin/news/{}", ids.of("news")),
                "/admin/needs".to_owned(),
                "/admin/inquiries".to_owned(),
                format!("/admin/inquiries/{}", ids.inquiry),
                "/admin/media".to_owned(),
                "/admin/translations".to_owned(),
                "/admin/calls".to_owned(),
                "/admin/account".to_owned(),
            ],
        ),
    ] {
        let mut b = login(&app, who).await;
        let mut links: Vec<(String, String)> = Vec::new();
        for p in &start {
            let r = b.get(&app, p).await;
            assert_eq!(r.status, 200, "{} {p}", who.0);
            for h in r.attrs("a[href^='/admin/']", "href") {
                if !links.iter().any(|(l, _)| *l == h) {
                    links.push((h, p.clone()));
                }
            }
        }
        assert!(links.len() > 5, "{links:?}");
        for (link, on) in links {
            let r = b.get(&app, &link).await;
            assert_eq!(
                r.status, 200,
                "{}: {on} links to {link}, which answers {}",
                who.0, r.status
            );
        }
    }
}

#[actix_web::test]
async fn csrf_missing_wrong_or_cross_origin_is_refused_and_changes_nothing() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    let before = b
        .get(&app, "/admin/settings")
        .await
        .attr("#agreements", "value");
    let form = [
        ("network_members", "1"),
        ("agreements", "1"),
        ("projects", "1"),
        ("companies_served", "1"),
        ("bilateral_mechanisms", "1"),
    ];
    assert_eq!(b.post(&app, "/admin/settings", &form).await.status, 403);
    let mut wrong = vec![("csrf", "not-the-token")];
    wrong.extend_from_slice(&form);
    assert_eq!(b.post(&app, "/admin/settings", &wrong).await.status, 403);
    let body = form_urlencoded::Serializer::new(String::new())
        .append_pair("csrf", &b.csrf)
        .extend_pairs(form)
        .finish();
    let r = send(
        &app,
        TestRequest::post()
            .uri("/admin/settings")
            .insert_header(("content-type", "application/x-www-form-urlencoded"))
            .insert_header(("origin", "https://evil.example.com"))
            .insert_header(("cookie", b.header()))
            .set_payload(body),
    )
    .await;
    assert_eq!(r.status, 403);
    assert!(!r.text("h1").is_empty(), "a clear 403 page");
    assert_eq!(
        b.get(&app, "/admin/settings")
            .await
            .attr("#agreements", "value"),
        before
    );
    // With the token it works.
    let r = b.post_csrf(&app, "/admin/settings", &form).await;
    assert_eq!(r.status, 303);
}

/// One forged request: what it is, its form, its headers.
type Forgery<'a> = (&'a str, Vec<(&'a str, &'a str)>, Vec<(&'a str, &'a str)>);

/// Sends `form` to `path` as a forger could: without the token, with an
/// empty or made-up one, with another session's, and with the right token
/// but from another site (foreign `Origin`, `Origin: null`,
/// `Sec-Fetch-Site: cross-site` or `same-site`). Each is refused with a
/// 403 page and changes nothing. Then the genuine request goes through
/// (303), so the refusals were not for some other reason.
async fn forgeries_are_refused<S, B>(
    app: &S,
    t: &TestApp,
    b: &mut Browser,
    path: &str,
    form: &[(&str, &str)],
    foreign_token: &str,
) where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    assert_ne!(b.csrf, foreign_token);
    let before = fingerprint(t).await;
    let token = b.csrf.clone();
    let with = |tok: &'static str| {
        let mut f = vec![("csrf", tok)];
        f.extend_from_slice(form);
        f
    };
    let mut foreign = vec![("csrf", foreign_token)];
    foreign.extend_from_slice(form);
    let mut right = vec![("csrf", token.as_str())];
    right.extend_from_slice(form);
    let cases: Vec<Forgery<'_>> = vec![
        (
            "no token",
            form.to_vec(),
            vec![("sec-fetch-site", "same-origin")],
        ),
        (
            "empty token",
            with(""),
            vec![("sec-fetch-site", "same-origin")],
        ),
        (
            "wrong token",
            with("not-the-token"),
            vec![("sec-fetch-site", "same-origin")],
        ),
        (
            "another session's token",
            foreign,
            vec![("sec-fetch-site", "same-origin")],
        ),
        (
            "foreign Origin",
            right.clone(),
            vec![("origin", "https://evil.example.com")],
        ),
        (
            "look-alike Origin",
            right.clone(),
            vec![("origin", "http://localhost:8080.evil.example.com")],
        ),
        ("Origin null", right.clone(), vec![("origin", "null")]),
        (
            "Sec-Fetch-Site cross-site",
            right.clone(),
            vec![("sec-fetch-site", "cross-site")],
        ),
        (
            "Sec-Fetch-Site same-site",
            right.clone(),
            vec![("sec-fetch-site", "same-site")],
        ),
    ];
    for (what, form, headers) in cases {
        let r = b.post_with(app, path, &form, &headers).await;
        assert_eq!(r.status, 403, "{path}, {what}");
        assert!(!r.text("h1").is_empty(), "{path}, {what}: a clear 403 page");
        assert_eq!(fingerprint(t).await, before, "{path}, {what}: data changed");
    }
    // Our own origin, said out loud, is fine.
    let r = b
        .post_with(app, path, &right, &[("origin", "http://localhost:8080")])
        .await;
    assert_eq!(
        r.status,
        303,
        "{path}, genuine: {}",
        r.text(".error-summary")
    );
    assert_ne!(
        fingerprint(t).await,
        before,
        "{path}: the genuine request did nothing"
    );
}

#[actix_web::test]
async fn forged_writes_are_refused_on_every_kind_of_screen() {
    use techbridge::entities::{application, editor, inquiry};
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let ids = seed(&app, &t).await;
    let mut ed = login(&app, EDITOR).await;
    let mut reviewer = login(&app, REVIEWER).await;
    let mut admin = login(&app, ADMIN).await;
    let admins_token = admin.csrf.clone();
    // A content save.
    ed.get(&app, "/admin/news/new").await;
    forgeries_are_refused(
        &app,
        &t,
        &mut ed,
        "/admin/news/new",
        &news_form("Forged announcement", "published", ""),
        &admins_token,
    )
    .await;
    assert_eq!(
        news_translation::Entity::find()
            .filter(news_translation::Column::Title.eq("Forged announcement"))
            .count(t.conn())
            .await
            .unwrap(),
        1,
        "created once, by the genuine request"
    );
    // A status change (unpublishing a published news item).
    let published = news::Entity::find()
        .filter(news::Column::Status.eq("published"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    forgeries_are_refused(
        &app,
        &t,
        &mut ed,
        &format!("/admin/news/{}/status", published.id),
        &[("status", "draft")],
        &admins_token,
    )
    .await;
    // An inquiry reply.
    forgeries_are_refused(
        &app,
        &t,
        &mut ed,
        &format!("/admin/inquiries/{}", ids.inquiry),
        &[("status", "closed"), ("reply", "Sent the price list.")],
        &admins_token,
    )
    .await;
    assert_eq!(
        inquiry::Entity::find_by_id(ids.inquiry)
            .one(t.conn())
            .await
            .unwrap()
            .unwrap()
            .status,
        "closed"
    );
    // An application status change, by a reviewer.
    forgeries_are_refused(
        &app,
        &t,
        &mut reviewer,
        &format!("/admin/applications/{}/status", ids.application),
        &[("status", "screening")],
        &admins_token,
    )
    .await;
    assert_eq!(
        application::Entity::find_by_id(ids.application)
            .one(t.conn())
            .await
            .unwrap()
            .unwrap()
            .status,
        "screening"
    );
    // An image upload (multipart: the token is a part of the body).
    ed.get(&app, "/admin/media").await;
    let before = fingerprint(&t).await;
    for token in ["", "not-the-token", admins_token.as_str()] {
        let forger = Browser {
            cookies: ed.cookies.clone(),
            csrf: token.to_owned(),
        };
        let r = upload(&app, &forger, "rice.png", &png(64, 48)).await;
        assert_eq!(r.status, 403, "upload with token {token:?}");
    }
    assert_eq!(
        fingerprint(&t).await,
        before,
        "a forged upload changed data"
    );
    assert_eq!(
        upload(&app, &ed, "rice.png", &png(64, 48)).await.status,
        303
    );
    // Account creation and management, by an administrator.
    let reviewers_token = reviewer.csrf.clone();
    forgeries_are_refused(
        &app,
        &t,
        &mut admin,
        "/admin/editors",
        &[
            ("email", "forged@centre.example.org"),
            ("name", "Forged Admin"),
            ("role", "admin"),
            ("password", "purple-giraffe-mountain-9"),
            ("ui_lang", "en"),
        ],
        &reviewers_token,
    )
    .await;
    let created = editor::Entity::find()
        .filter(editor::Column::Email.eq("forged@centre.example.org"))
        .one(t.conn())
        .await
        .unwrap()
        .expect("created once, by the genuine request");
    assert_eq!(created.role, "admin");
    forgeries_are_refused(
        &app,
        &t,
        &mut admin,
        &format!("/admin/editors/{}", created.id),
        &[("action", "disable")],
        &reviewers_token,
    )
    .await;
    assert!(
        !editor::Entity::find_by_id(created.id)
            .one(t.conn())
            .await
            .unwrap()
            .unwrap()
            .active
    );
}

#[actix_web::test]
async fn login_failures_look_alike_and_are_limited() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let attempt = |email: &'static str, password: &'static str| {
        let app = &app;
        async move {
            let mut b = Browser::default();
            let f = b.get(app, "/admin/login").await;
            let token = f.attr("input[name=token]", "value").unwrap();
            b.post(
                app,
                "/admin/login",
                &[("email", email), ("password", password), ("token", &token)],
            )
            .await
        }
    };
    let unknown = attempt("nobody@centre.example.org", "whatever-password-1").await;
    let wrong = attempt(EDITOR.0, "wrong-password-123").await;
    assert_eq!(unknown.status, 422);
    assert_eq!(wrong.status, 422);
    assert_eq!(unknown.text(".error-summary"), wrong.text(".error-summary"));
    for _ in 0..8 {
        assert_eq!(attempt(EDITOR.0, "wrong-password-123").await.status, 422);
    }
    // Ten failures from this address: the eleventh attempt is refused, even
    // with the right password.
    let r = attempt(EDITOR.0, EDITOR.1).await;
    assert_eq!(r.status, 429);
    assert!(r.header("retry-after").is_some());
}

/// One login attempt through the form, posted from the client address
/// `peer` (the form itself is fetched from the usual test address), with
/// extra headers.
async fn login_from<S, B>(
    app: &S,
    (email, password): (&str, &str),
    peer: &str,
    headers: &[(&str, &str)],
) -> Resp
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let mut b = Browser::default();
    let f = b.get(app, "/admin/login").await;
    let token = f.attr("input[name=token]", "value").unwrap();
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs([
            ("email", email),
            ("password", password),
            ("token", &token),
            ("next", "/admin/"),
        ])
        .finish();
    let mut req = TestRequest::post()
        .uri("/admin/login")
        .insert_header(("content-type", "application/x-www-form-urlencoded"))
        .insert_header(("sec-fetch-site", "same-origin"))
        .insert_header(("cookie", b.header()));
    for (k, v) in headers {
        req = req.insert_header((k.to_string(), v.to_string()));
    }
    send_from(app, req.set_payload(body), &format!("{peer}:41000")).await
}

async fn sessions_of(t: &TestApp, email: &str) -> u64 {
    use techbridge::entities::{editor, session};
    let id = editor::Entity::find()
        .filter(editor::Column::Email.eq(email))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .id;
    session::Entity::find()
        .filter(session::Column::EditorId.eq(id))
        .count(t.conn())
        .await
        .unwrap()
}

#[actix_web::test]
async fn ten_failures_for_one_account_lock_it_whatever_the_address() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    // One failure from each of ten addresses: no address reaches its own
    // limit, so only a count per account can stop the eleventh try.
    for n in 1..=10 {
        let r = login_from(
            &app,
            (EDITOR.0, "wrong-password-123"),
            &format!("198.51.100.{n}"),
            &[],
        )
        .await;
        assert_eq!(r.status, 422, "failure {n}");
    }
    // The right password, from an address never seen: refused.
    let r = login_from(&app, EDITOR, "198.51.100.200", &[]).await;
    assert_eq!(r.status, 429, "the account is locked");
    assert!(
        r.header("retry-after")
            .and_then(|s| s.parse::<u64>().ok())
            .is_some_and(|s| s > 0)
    );
    assert!(
        r.header("set-cookie")
            .is_none_or(|c| !c.starts_with("tb_session="))
    );
    // The same account written differently is the same account.
    let shouted = EDITOR.0.to_uppercase();
    let r = login_from(&app, (&shouted, EDITOR.1), "198.51.100.201", &[]).await;
    assert_eq!(r.status, 429);
    assert_eq!(sessions_of(&t, EDITOR.0).await, 0);
    // Not a lock of everything: another account signs in from a fresh
    // address and from one of the addresses that failed.
    assert_eq!(
        login_from(&app, ADMIN, "198.51.100.202", &[]).await.status,
        303
    );
    assert_eq!(
        login_from(&app, REVIEWER, "198.51.100.1", &[]).await.status,
        303
    );
    // The window passes: the account opens again.
    let old = techbridge::db::now() - chrono::Duration::minutes(4);
    use sea_orm::sea_query::Expr;
    techbridge::entities::rate_event::Entity::update_many()
        .col_expr(
            techbridge::entities::rate_event::Column::At,
            Expr::value(old),
        )
        .exec(t.conn())
        .await
        .unwrap();
    assert_eq!(
        login_from(&app, EDITOR, "198.51.100.203", &[]).await.status,
        303
    );
}

#[actix_web::test]
async fn ten_failures_from_one_address_lock_it_whatever_the_account() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let ip = "192.0.2.50";
    // Ten accounts, one failure each (three real, seven unknown): no account
    // reaches its own limit, so only a count per address can stop this.
    let mut emails: Vec<String> = vec![ADMIN.0.into(), EDITOR.0.into(), REVIEWER.0.into()];
    emails.extend((1..=7).map(|n| format!("guess{n}@centre.example.org")));
    for (n, email) in emails.iter().enumerate() {
        // A forwarded-for header does not make the address another one: the
        // app does not trust a proxy here.
        let xff = format!("10.0.0.{n}");
        let r = login_from(
            &app,
            (email, "wrong-password-123"),
            ip,
            &[("x-forwarded-for", &xff)],
        )
        .await;
        assert_eq!(r.status, 422, "failure {n} ({email})");
    }
    let r = login_from(&app, ADMIN, ip, &[]).await;
    assert_eq!(r.status, 429, "the address is locked");
    assert!(r.header("retry-after").is_some());
    let r = login_from(&app, ADMIN, ip, &[("x-forwarded-for", "10.99.0.1")]).await;
    assert_eq!(r.status, 429, "still locked behind a made-up forwarded-for");
    assert_eq!(sessions_of(&t, ADMIN.0).await, 0);
    // Every account still signs in from elsewhere: only the address is locked.
    for who in [ADMIN, EDITOR, REVIEWER] {
        assert_eq!(
            login_from(&app, who, "192.0.2.51", &[]).await.status,
            303,
            "{} from another address",
            who.0
        );
    }
}

#[actix_web::test]
async fn login_form_needs_its_own_token() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let r = post_form(
        &app,
        "/admin/login",
        &[
            ("email", ADMIN.0),
            ("password", ADMIN.1),
            ("token", "forged"),
        ],
    )
    .await;
    assert_eq!(r.status, 403);
}

#[actix_web::test]
async fn session_id_changes_at_login_and_logout_ends_it() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    // A session id planted before login is not the one used after it.
    let mut b = Browser {
        cookies: vec![("tb_session".into(), "planted-by-attacker".into())],
        csrf: String::new(),
    };
    let f = b.get(&app, "/admin/login").await;
    let token = f.attr("input[name=token]", "value").unwrap();
    let r = b
        .post(
            &app,
            "/admin/login",
            &[("email", ADMIN.0), ("password", ADMIN.1), ("token", &token)],
        )
        .await;
    assert_eq!(r.status, 303);
    let cookie = r.header("set-cookie").unwrap_or("").to_owned();
    let all: Vec<String> = r
        .headers
        .get_all("set-cookie")
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect();
    let session_cookie = all.iter().find(|c| c.starts_with("tb_session=")).unwrap();
    assert!(session_cookie.contains("HttpOnly"), "{cookie}");
    assert!(session_cookie.contains("SameSite=Lax"));
    assert!(session_cookie.contains("Path=/admin"));
    let session = b.session().unwrap();
    assert_ne!(session, "planted-by-attacker");
    assert_eq!(b.get(&app, "/admin/").await.status, 200);
    let old = b.clone();
    let r = b.post_csrf(&app, "/admin/logout", &[]).await;
    assert_eq!(r.status, 303);
    assert!(b.session().is_none());
    // Replaying the old cookie fails.
    let mut replay = old;
    let r = replay.get(&app, "/admin/").await;
    assert_eq!(r.status, 303);
    assert!(r.location().unwrap().starts_with("/admin/login"));
}

#[actix_web::test]
async fn idle_and_absolute_timeouts_end_sessions() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, ADMIN).await;
    let old = techbridge::db::now() - chrono::Duration::minutes(31);
    use sea_orm::sea_query::Expr;
    techbridge::entities::session::Entity::update_many()
        .col_expr(
            techbridge::entities::session::Column::LastSeenAt,
            Expr::value(old),
        )
        .exec(t.conn())
        .await
        .unwrap();
    assert_eq!(b.get(&app, "/admin/").await.status, 303);
    let mut b = login(&app, ADMIN).await;
    let old = techbridge::db::now() - chrono::Duration::hours(13);
    techbridge::entities::session::Entity::update_many()
        .col_expr(
            techbridge::entities::session::Column::CreatedAt,
            Expr::value(old),
        )
        .exec(t.conn())
        .await
        .unwrap();
    assert_eq!(b.get(&app, "/admin/").await.status, 303);
}

fn news_form<'a>(
    title_en: &'a str,
    status: &'a str,
    publish_at: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("source_lang", "en"),
        ("status", status),
        ("publish_at", publish_at),
        ("en.title", title_en),
        (
            "en.summary",
            "Three new cooperation agreements were signed at the matchmaking session.",
        ),
        (
            "en.body",
            "## Results\n\n**Three agreements** on solar power and rice.\n\n- one\n- two",
        ),
        ("zh-CN.title", "对接会签署三项合作协议"),
        ("zh-CN.summary", "对接会上签署了三项新的合作协议。"),
        (
            "zh-CN.body",
            "## 成果\n\n签署**三项协议**，涉及光伏和水稻。",
        ),
        ("action", "save"),
    ]
}

async fn news_id_by_title(t: &TestApp, title: &str) -> i32 {
    news_translation::Entity::find()
        .filter(news_translation::Column::Title.eq(title))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .news_id
}

#[actix_web::test]
async fn news_goes_from_draft_to_published_with_fallback_for_a_missing_language() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    b.get(&app, "/admin/news/new").await;
    let r = b
        .post_csrf(
            &app,
            "/admin/news/new",
            &news_form("Matchmaking brings three agreements", "draft", ""),
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let edit = r.location().unwrap().split('?').next().unwrap().to_owned();
    let id = news_id_by_title(&t, "Matchmaking brings three agreements").await;
    let slug = news::Entity::find_by_id(id)
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .slug;
    assert_eq!(slug, "matchmaking-brings-three-agreements");
    // A draft is not public anywhere.
    assert_eq!(get(&app, &format!("/en/news/{slug}")).await.status, 404);
    assert!(!get(&app, "/zh-CN/news").await.body.contains(&slug));
    assert!(
        !get(&app, "/en/search?q=matchmaking%20agreements")
            .await
            .body
            .contains(&slug)
    );
    // Publish it.
    b.get(&app, &edit).await;
    let r = b
        .post_csrf(
            &app,
            &edit,
            &news_form("Matchmaking brings three agreements", "published", ""),
        )
        .await;
    assert_eq!(r.status, 303);
    let zh = get(&app, "/zh-CN/news").await;
    assert!(zh.body.contains("对接会签署三项合作协议"));
    assert!(
        get(&app, "/en/")
            .await
            .body
            .contains("Matchmaking brings three agreements")
    );
    let page = get(&app, &format!("/en/news/{slug}")).await;
    assert!(page.body.contains("<strong>Three agreements</strong>"));
    // No Indonesian text: the Indonesian page falls back with a notice.
    let id_page = get(&app, &format!("/id/news/{slug}")).await;
    assert_eq!(id_page.status, 200);
    assert!(!id_page.text(".notice-fallback").is_empty());
    // Audit trail.
    let entries = audit_entry::Entity::find()
        .filter(audit_entry::Column::EntityKind.eq("news"))
        .filter(audit_entry::Column::EntityId.eq(id))
        .count(t.conn())
        .await
        .unwrap();
    assert_eq!(entries, 2);
    // Unpublish: gone from list and search at once.
    b.get(&app, &edit).await;
    let r = b
        .post_csrf(&app, &format!("{edit}/status"), &[("status", "draft")])
        .await;
    assert_eq!(r.status, 303);
    assert!(
        !get(&app, "/zh-CN/news")
            .await
            .body
            .contains("对接会签署三项合作协议")
    );
    assert_eq!(get(&app, &format!("/en/news/{slug}")).await.status, 404);
}

/// Where a public record shows: which of the places it should be in have it.
#[derive(Debug, PartialEq, Clone)]
struct Presence {
    list: bool,
    detail: Vec<u16>,
    sitemap: bool,
    search: bool,
    feed: Option<bool>,
}

/// Looks for the record at `/{lang}{prefix}{slug}` in its lists (`lists`,
/// links ending with its path), its detail page in every language, the
/// sitemap, the site search for `word`, and (news) the Atom feed.
async fn presence<S, B>(app: &S, prefix: &str, slug: &str, lists: &[String], word: &str) -> Presence
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let path = format!("{prefix}{slug}");
    let links_to = |r: &Resp| r.attrs("a", "href").iter().any(|h| h.ends_with(&path));
    let mut list = false;
    for l in lists {
        let r = get(app, l).await;
        assert_eq!(r.status, 200, "{l}");
        list |= links_to(&r);
    }
    let mut detail = Vec::new();
    for lang in LANGS {
        detail.push(get(app, &format!("/{lang}{path}")).await.status.as_u16());
    }
    let sm = get(app, "/sitemap.xml").await;
    let doc = roxmltree::Document::parse(&sm.body).expect("sitemap XML");
    let sitemap = doc.descendants().any(|n| {
        (n.has_tag_name("loc") && n.text().is_some_and(|t| t.trim().ends_with(&path)))
            || n.attribute("href").is_some_and(|h| h.ends_with(&path))
    });
    let r = get(app, &format!("/en/search?q={word}")).await;
    assert_eq!(r.status, 200);
    let search = r
        .attrs(".search-results a", "href")
        .iter()
        .any(|h| h.ends_with(&path));
    let feed = if prefix == "/news/" {
        let f: atom_syndication::Feed = get(app, "/en/news/feed.xml")
            .await
            .body
            .parse()
            .expect("Atom feed");
        Some(
            f.entries()
                .iter()
                .any(|e| e.links().iter().any(|l| l.href().ends_with(&path))),
        )
    } else {
        None
    };
    Presence {
        list,
        detail,
        sitemap,
        search,
        feed,
    }
}

/// The longest word of a title, to search for it.
fn longest_word(title: &str) -> String {
    title
        .split(|c: char| !c.is_alphanumeric())
        .max_by_key(|w| w.chars().count())
        .unwrap()
        .to_lowercase()
}

#[actix_web::test]
async fn unpublishing_in_the_back_office_removes_an_item_everywhere_at_once() {
    use techbridge::entities::{technology, technology_translation};
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    let everywhere = Presence {
        list: true,
        detail: vec![200, 200, 200],
        sitemap: true,
        search: true,
        feed: None,
    };
    let nowhere = Presence {
        list: false,
        detail: vec![404, 404, 404],
        sitemap: false,
        search: false,
        feed: None,
    };

    // A published news item, the newest one.
    let r = get(&app, "/en/news").await;
    let href = r.attr(".news-card h3 a", "href").unwrap();
    let slug = href.rsplit('/').next().unwrap().to_owned();
    let n = news::Entity::find()
        .filter(news::Column::Slug.eq(slug.as_str()))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    let title = news_translation::Entity::find()
        .filter(news_translation::Column::NewsId.eq(n.id))
        .filter(news_translation::Column::Lang.eq("en"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .title;
    let word = longest_word(&title);
    let lists: Vec<String> = ["/en/news", "/zh-CN/news", "/id/news", "/en/"]
        .map(String::from)
        .to_vec();
    let news_everywhere = Presence {
        feed: Some(true),
        ..everywhere.clone()
    };
    let news_nowhere = Presence {
        feed: Some(false),
        ..nowhere.clone()
    };
    assert_eq!(
        presence(&app, "/news/", &slug, &lists, &word).await,
        news_everywhere,
        "before, searching {word:?}"
    );
    let edit = format!("/admin/news/{}", n.id);
    b.get(&app, &edit).await;
    let r = b
        .post_csrf(&app, &format!("{edit}/status"), &[("status", "draft")])
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        r.location(),
        Some(format!("{edit}?flash=unpublished").as_str())
    );
    assert_eq!(
        presence(&app, "/news/", &slug, &lists, &word).await,
        news_nowhere,
        "unpublished"
    );
    // The back office still has it, as a draft.
    let r = b.get(&app, "/admin/news?state=draft").await;
    assert!(r.attrs("a", "href").contains(&edit));
    // Published again, it is back.
    let r = b
        .post_csrf(&app, &format!("{edit}/status"), &[("status", "published")])
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        presence(&app, "/news/", &slug, &lists, &word).await,
        news_everywhere,
        "published again"
    );

    // A technology.
    let tech = technology::Entity::find()
        .filter(technology::Column::Slug.eq(RICE))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    let title = technology_translation::Entity::find()
        .filter(technology_translation::Column::TechnologyId.eq(tech.id))
        .filter(technology_translation::Column::Lang.eq("en"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .title;
    let word = "padi";
    let lists: Vec<String> = vec![
        format!("/en/technologies?q={word}"),
        format!("/zh-CN/technologies?q={}", longest_word(&title)),
    ];
    assert_eq!(
        presence(&app, "/technologies/", RICE, &lists, word).await,
        everywhere,
        "before"
    );
    // Pages that show it besides: other technologies (related), needs it
    // answers, the home page.
    let mut candidates: Vec<String> = public_slugs(&t, "technologies")
        .await
        .into_iter()
        .filter(|s| s != RICE)
        .map(|s| format!("/en/technologies/{s}"))
        .collect();
    candidates.extend(
        public_slugs(&t, "needs")
            .await
            .into_iter()
            .map(|s| format!("/en/needs/{s}")),
    );
    candidates.push("/en/".to_owned());
    let referrers = pages_linking_to(&app, &candidates, &format!("/technologies/{RICE}")).await;
    assert!(
        referrers.iter().any(|p| p.contains("/technologies/")),
        "no related technology shows it: {referrers:?}"
    );
    let edit = format!("/admin/technologies/{}", tech.id);
    b.get(&app, &edit).await;
    let r = b
        .post_csrf(&app, &format!("{edit}/status"), &[("status", "draft")])
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        presence(&app, "/technologies/", RICE, &lists, word).await,
        nowhere,
        "unpublished"
    );
    let r = get(&app, "/en/technologies").await;
    assert!(
        !r.attrs("a", "href").iter().any(|h| h.ends_with(RICE)),
        "not on the first page of the catalogue either"
    );
    for p in &referrers {
        let r = get(&app, p).await;
        assert_eq!(r.status, 200, "{p}");
        assert!(
            !r.attrs("a", "href")
                .iter()
                .any(|h| h.ends_with(&format!("/technologies/{RICE}"))),
            "{p} still links to the unpublished technology"
        );
    }
}

/// Pages among `candidates` that link to `path`.
async fn pages_linking_to<S, B>(app: &S, candidates: &[String], path: &str) -> Vec<String>
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let mut out = Vec::new();
    for p in candidates {
        let r = get(app, p).await;
        if r.attrs("a", "href").iter().any(|h| h.ends_with(path)) {
            out.push(p.clone());
        }
    }
    out
}

/// Slugs of the public records of a table, as the site shows them.
async fn public_slugs(t: &TestApp, table: &str) -> Vec<String> {
    t.conn()
        .query_all_raw(Statement::from_string(
            t.conn().get_database_backend(),
            format!("SELECT slug FROM {table} WHERE status = 'published' ORDER BY id"),
        ))
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get::<String>("", "slug").unwrap())
        .collect()
}

#[actix_web::test]
async fn unpublishing_events_fellows_and_needs_removes_them_everywhere_at_once() {
    use techbridge::entities::{event, event_translation, fellow, need, need_translation};
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    let everywhere = Presence {
        list: true,
        detail: vec![200, 200, 200],
        sitemap: true,
        search: true,
        feed: None,
    };
    let nowhere = Presence {
        list: false,
        detail: vec![404, 404, 404],
        sitemap: false,
        search: false,
        feed: None,
    };
    let unpublish = |kind: &'static str, id: i32, status: &'static str| {
        let edit = format!("/admin/{kind}/{id}");
        (edit.clone(), format!("{edit}/status"), status)
    };

    // An upcoming event, with its calendar files.
    let r = get(&app, "/en/events").await;
    let href = r
        .attr(".event-card h3 a", "href")
        .expect("an upcoming event");
    let slug = href.rsplit('/').next().unwrap().to_owned();
    let e = event::Entity::find()
        .filter(event::Column::Slug.eq(slug.as_str()))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    let title = event_translation::Entity::find()
        .filter(event_translation::Column::EventId.eq(e.id))
        .filter(event_translation::Column::Lang.eq("en"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .title;
    let word = longest_word(&title);
    let lists: Vec<String> = ["/en/events", "/id/events", "/en/"]
        .map(String::from)
        .to_vec();
    let in_calendar = || async {
        use icalendar::Component;
        let cal: icalendar::Calendar = get(&app, "/en/events/calendar.ics")
            .await
            .body
            .parse()
            .expect("iCalendar");
        cal.events().any(|e| {
            e.get_url()
                .is_some_and(|u| u.ends_with(&format!("/en/events/{slug}")))
        })
    };
    assert_eq!(
        presence(&app, "/events/", &slug, &lists, &word).await,
        everywhere,
        "event before, searching {word:?}"
    );
    assert!(in_calendar().await);
    assert_eq!(
        get(&app, &format!("/en/events/{slug}.ics")).await.status,
        200
    );
    let (edit, to, status) = unpublish("events", e.id, "draft");
    b.get(&app, &edit).await;
    assert_eq!(
        b.post_csrf(&app, &to, &[("status", status)]).await.status,
        303
    );
    assert_eq!(
        presence(&app, "/events/", &slug, &lists, &word).await,
        nowhere,
        "event unpublished"
    );
    assert!(!in_calendar().await, "the calendar feed still has it");
    assert_eq!(
        get(&app, &format!("/en/events/{slug}.ics")).await.status,
        404
    );

    // A fellow.
    let f = fellow::Entity::find()
        .filter(fellow::Column::Status.eq("published"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    let word = longest_word(&f.name);
    let lists: Vec<String> = ["/en/programme/fellows", "/zh-CN/programme/fellows"]
        .map(String::from)
        .to_vec();
    assert_eq!(
        presence(&app, "/programme/fellows/", &f.slug, &lists, &word).await,
        everywhere,
        "fellow before, searching {word:?}"
    );
    let (edit, to, status) = unpublish("fellows", f.id, "draft");
    b.get(&app, &edit).await;
    assert_eq!(
        b.post_csrf(&app, &to, &[("status", status)]).await.status,
        303
    );
    assert_eq!(
        presence(&app, "/programme/fellows/", &f.slug, &lists, &word).await,
        nowhere,
        "fellow unpublished"
    );
    assert!(
        !get(&app, "/en/programme")
            .await
            .attrs("a", "href")
            .iter()
            .any(|h| h.ends_with(&f.slug))
    );

    // A published need, taken back to pending, then rejected.
    let n = need::Entity::find()
        .filter(need::Column::Status.eq("published"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    let title = need_translation::Entity::find()
        .filter(need_translation::Column::NeedId.eq(n.id))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .title;
    let word = longest_word(&title);
    let lists: Vec<String> = ["/en/needs", "/id/needs"].map(String::from).to_vec();
    let techs: Vec<String> = public_slugs(&t, "technologies")
        .await
        .iter()
        .map(|s| format!("/en/technologies/{s}"))
        .collect();
    let referrers = pages_linking_to(&app, &techs, &format!("/needs/{}", n.slug)).await;
    assert!(!referrers.is_empty(), "no technology page lists the need");
    assert_eq!(
        presence(&app, "/needs/", &n.slug, &lists, &word).await,
        everywhere,
        "need before, searching {word:?}"
    );
    for status in ["pending", "rejected"] {
        let (edit, to, status) = unpublish("needs", n.id, status);
        b.get(&app, &edit).await;
        assert_eq!(
            b.post_csrf(&app, &to, &[("status", status)]).await.status,
            303
        );
        assert_eq!(
            presence(&app, "/needs/", &n.slug, &lists, &word).await,
            nowhere,
            "need {status}"
        );
        assert_eq!(
            pages_linking_to(&app, &referrers, &format!("/needs/{}", n.slug)).await,
            Vec::<String>::new(),
            "need {status}: technology pages still list it"
        );
    }
}

#[actix_web::test]
async fn scheduled_news_appears_at_its_time() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    b.get(&app, "/admin/news/new").await;
    let soon = (techbridge::db::now() + chrono::Duration::minutes(10))
        .with_timezone(&chrono_tz::Asia::Shanghai)
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let r = b
        .post_csrf(
            &app,
            "/admin/news/new",
            &news_form("Scheduled forum announcement", "published", &soon),
        )
        .await;
    assert_eq!(r.status, 303);
    let id = news_id_by_title(&t, "Scheduled forum announcement").await;
    assert!(
        !get(&app, "/en/news")
            .await
            .body
            .contains("Scheduled forum announcement")
    );
    assert!(
        b.get(&app, "/admin/news?state=scheduled")
            .await
            .body
            .contains("Scheduled forum announcement")
    );
    // Its time comes (moved back rather than waiting ten minutes).
    let past = techbridge::db::now() - chrono::Duration::seconds(1);
    use sea_orm::sea_query::Expr;
    news::Entity::update_many()
        .col_expr(news::Column::PublishAt, Expr::value(past))
        .filter(news::Column::Id.eq(id))
        .exec(t.conn())
        .await
        .unwrap();
    assert!(
        get(&app, "/en/news")
            .await
            .body
            .contains("Scheduled forum announcement")
    );
}

#[actix_web::test]
async fn validation_errors_are_at_the_field_with_everything_kept() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    b.get(&app, "/admin/technologies/new").await;
    let r = b
        .post_csrf(
            &app,
            "/admin/technologies/new",
            &[
                ("source_lang", "en"),
                ("status", "draft"),
                ("field", "agriculture"),
                ("trl", "12"),
                ("ip_status", "open"),
                ("province", "guangxi"),
                ("contact_name", "Li Wen"),
                ("contact_email", "not-an-email"),
                ("website", "javascript:alert(1)"),
                ("en.title", "Drip irrigation kit"),
                ("en.summary", ""),
                ("zh-CN.title", "滴灌套件"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    for id in [
        "trl-error",
        "contact_email-error",
        "website-error",
        "en-summary-error",
        "en-description-error",
        "modes-error",
        "countries-error",
        "zh-CN-summary-error",
    ] {
        assert!(!r.text(&format!("#{id}")).is_empty(), "no error at {id}");
    }
    assert_eq!(
        r.attr("#en-title", "value").as_deref(),
        Some("Drip irrigation kit")
    );
    assert_eq!(r.attr("#zh-CN-title", "value").as_deref(), Some("滴灌套件"));
    assert_eq!(r.attr("#contact_name", "value").as_deref(), Some("Li Wen"));
    assert!(
        r.attr("#field option[value=agriculture]", "selected")
            .is_some()
    );
    assert_eq!(
        techbridge::entities::technology::Entity::find()
            .count(t.conn())
            .await
            .unwrap(),
        32
    );
}

#[actix_web::test]
async fn a_made_up_image_or_event_is_an_error_at_its_field_not_a_500() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    b.get(&app, "/admin/news/new").await;
    let mut form = news_form("Made-up references", "draft", "");
    form.extend([("cover", "987654"), ("event", "abc")]);
    let r = b.post_csrf(&app, "/admin/news/new", &form).await;
    assert_eq!(r.status, 422, "{}", r.text(".error-summary"));
    assert!(!r.text("#cover-error").is_empty());
    assert!(!r.text("#event-error").is_empty());
    assert_eq!(
        r.attr("#en-title", "value").as_deref(),
        Some("Made-up references")
    );
    assert_eq!(
        news_translation::Entity::find()
            .filter(news_translation::Column::Title.eq("Made-up references"))
            .count(t.conn())
            .await
            .unwrap(),
        0
    );
}

#[actix_web::test]
async fn hostile_text_in_every_field_comes_back_inert() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    let x = "\"><img src=x onerror=alert(1)>";
    let md =
        "\"><img src=x onerror=alert(1)> [click](javascript:alert(1)) <script>alert(1)</script>";
    b.get(&app, "/admin/technologies/new").await;
    let r = b
        .post_csrf(
            &app,
            "/admin/technologies/new",
            &[
                ("source_lang", "en"),
                ("status", "published"),
                ("field", "agriculture"),
                ("trl", "7"),
                ("ip_status", "open"),
                ("modes", "licensing"),
                ("countries", "ID"),
                ("province", "guangxi"),
                ("contact_name", x),
                ("contact_email", "li@example.org"),
                ("contact_phone", x),
                ("en.title", x),
                ("en.summary", x),
                ("en.description", md),
                ("en.scenarios", md),
                ("en.provider", x),
                ("slug", "hostile-test"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let edit = r.location().unwrap().split('?').next().unwrap().to_owned();
    for page in [
        get(&app, "/en/technologies/hostile-test").await,
        get(&app, "/en/technologies?q=onerror").await,
        b.get(&app, &edit).await,
        b.get(&app, "/admin/technologies").await,
    ] {
        let lower = page.body.to_lowercase();
        assert!(!lower.contains("<img src=x"), "raw img tag");
        assert!(!lower.contains("<script>alert"), "raw script");
        assert!(!lower.contains("href=\"javascript:"), "javascript: link");
    }
    // Preview renders Markdown sanitised too.
    let r = b
        .post_csrf(
            &app,
            &edit,
            &[
                ("source_lang", "en"),
                ("en.description", md),
                ("action", "preview"),
            ],
        )
        .await;
    assert!(!r.body.to_lowercase().contains("<script>alert"));
}

/// Hostile text for plain fields, and for Markdown bodies.
const X: &str = "\"><img src=x onerror=alert(1)>";
const MD: &str = "\"><img src=x onerror=alert(1)> [click](javascript:alert(1)) \
                  <script>alert(1)</script> <a href=\"javascript:alert(1)\">a</a> \
                  <svg onload=alert(1)></svg> </textarea><img src=x onerror=alert(2)> \
                  </title><script>alert(3)</script> <iframe src=\"javascript:alert(4)\"></iframe>";

/// A page that must answer, show `shown` as text (the hostile input
/// arrived, escaped) and hold nothing that runs.
fn inert(r: &Resp, what: &str, shown: &str) {
    assert_eq!(r.status, 200, "{what}");
    r.assert_inert(what);
    assert!(
        shown.is_empty() || r.shows_text(shown),
        "{what}: {shown:?} is not shown as text"
    );
}

/// The HTML of each entry of an Atom feed, checked like a page.
fn feed_entries_inert(body: &str, what: &str) -> Vec<(String, String)> {
    let feed: atom_syndication::Feed = body.parse().expect("an Atom feed");
    let mut out = Vec::new();
    for e in feed.entries() {
        let html = e
            .content()
            .and_then(|c| c.value())
            .unwrap_or_default()
            .to_owned();
        Resp {
            status: actix_web::http::StatusCode::OK,
            headers: Default::default(),
            body: format!("<!doctype html><html><body>{html}</body></html>"),
        }
        .assert_inert(&format!("{what}: {}", e.title().as_str()));
        out.push((
            e.links()[0].href().to_owned(),
            e.title().as_str().to_owned(),
        ));
    }
    out
}

fn in_days(days: i64, time: &str) -> String {
    (techbridge::db::now() + chrono::Duration::days(days))
        .with_timezone(&chrono_tz::Asia::Shanghai)
        .format(&format!("%Y-%m-%dT{time}"))
        .to_string()
}

/// The check itself: it sees markup that would run, and passes the same
/// text escaped.
#[test]
fn the_inertness_check_sees_what_would_run() {
    let page = |body: &str| Resp {
        status: actix_web::http::StatusCode::OK,
        headers: Default::default(),
        body: format!(
            "<!doctype html><html><head><title>t</title></head><body>{body}</body></html>"
        ),
    };
    for bad in [
        "<img src=x onerror=alert(1)>",
        "<p title=\"\"><img src=x onerror=alert(1)>\">",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<script>alert(1)</script>",
        "<script src=\"/static/x.js\">alert(1)</script>",
        "<svg onload=alert(1)></svg>",
        "<iframe src=\"https://example.org\"></iframe>",
        "<form action=\"javascript:alert(1)\"></form>",
        "<div onmouseover=alert(1)>x</div>",
        "<textarea></textarea><img src=x onerror=alert(2)></textarea>",
    ] {
        assert!(!page(bad).hostile_markup().is_empty(), "not seen: {bad}");
    }
    let ok = page(
        "<h1>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</h1> <img src=\"x\" alt=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\"> \
         <a href=\"https://example.org/?a=javascript:\">x</a> <textarea>&lt;/textarea&gt;&lt;img src=x onerror=alert(2)&gt;</textarea> \
         <script src=\"/static/js/admin.js\" defer></script>",
    );
    assert_eq!(ok.hostile_markup(), Vec::<String>::new());
    assert!(ok.shows_text(X));
}

#[actix_web::test]
async fn hostile_news_events_and_image_texts_come_back_inert() {
    use techbridge::entities::{event, media};
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    // An image whose alt texts are hostile, at upload and when edited.
    b.get(&app, "/admin/media").await;
    let r = upload_with(&app, &b, "x.png", &png(320, 180), X).await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let m = media::Entity::find().one(t.conn()).await.unwrap().unwrap();
    let alt_id = format!("Sawah {X}");
    b.get(&app, "/admin/media").await;
    let r = b
        .post_csrf(
            &app,
            &format!("/admin/media/{}", m.id),
            &[("alt.en", X), ("alt.zh-CN", X), ("alt.id", &alt_id)],
        )
        .await;
    assert_eq!(r.status, 303);
    // And one whose file name is hostile.
    let r = upload_with(
        &app,
        &b,
        "<img src=x onerror=alert(1)>.png",
        &png(100, 100),
        "A plain alt text",
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let r = b.get(&app, "/admin/media").await;
    inert(&r, "/admin/media", "");
    assert_eq!(
        r.attr(&format!("#m{}-en", m.id), "value").as_deref(),
        Some(X)
    );
    assert_eq!(
        r.attr(&format!("#m{}-id", m.id), "value").as_deref(),
        Some(alt_id.as_str())
    );

    // News with that image as cover.
    let title = format!("Hostile news {X}");
    let cover = m.id.to_string();
    b.get(&app, "/admin/news/new").await;
    let r = b
        .post_csrf(
            &app,
            "/admin/news/new",
            &[
                ("source_lang", "en"),
                ("status", "published"),
                ("publish_at", ""),
                ("slug", "hostile-news"),
                ("cover", &cover),
                ("en.title", &title),
                ("en.summary", X),
                ("en.body", MD),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let edit = r.location().unwrap().split('?').next().unwrap().to_owned();
    let r = get(&app, "/en/news/hostile-news").await;
    inert(&r, "news page", &title);
    assert_eq!(r.attr(".detail-figure img", "alt").as_deref(), Some(X));
    assert!(r.shows_text("click"), "the Markdown link text is kept");
    let r = get(&app, "/id/news/hostile-news").await;
    inert(&r, "news page in Indonesian (fallback)", &title);
    let r = get(&app, "/en/news").await;
    inert(&r, "news list", &title);
    assert!(r.attrs(".news-card img", "alt").contains(&X.to_owned()));
    inert(&get(&app, "/en/").await, "home page", &title);
    inert(
        &get(&app, "/en/search?q=hostile").await,
        "search",
        "Hostile news",
    );
    let feed = get(&app, "/en/news/feed.xml").await;
    assert_eq!(feed.status, 200);
    let entries = feed_entries_inert(&feed.body, "news feed");
    assert!(
        entries
            .iter()
            .any(|(href, t)| href.ends_with("/en/news/hostile-news") && *t == title),
        "{entries:?}"
    );
    let r = b.get(&app, &edit).await;
    inert(&r, "news edit screen", "");
    assert_eq!(
        r.attr("#en-title", "value").as_deref(),
        Some(title.as_str())
    );
    assert_eq!(
        r.text("#en-body"),
        MD.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    inert(
        &b.get(&app, "/admin/news").await,
        "news list (admin)",
        &title,
    );
    let r = b
        .post_csrf(
            &app,
            &edit,
            &[
                ("source_lang", "en"),
                ("en.title", &title),
                ("en.summary", X),
                ("en.body", MD),
                ("action", "preview"),
            ],
        )
        .await;
    r.assert_inert("news preview");
    assert!(!r.texts(".preview").is_empty(), "a preview is shown");

    // An event.
    let title = format!("Hostile event {X}");
    let starts = in_days(30, "09:00");
    let ends = in_days(31, "17:00");
    b.get(&app, "/admin/events/new").await;
    let r = b
        .post_csrf(
            &app,
            "/admin/events/new",
            &[
                ("source_lang", "en"),
                ("status", "published"),
                ("publish_at", ""),
                ("slug", "hostile-event"),
                ("kind", "forum"),
                ("timezone", "Asia/Shanghai"),
                ("starts_at", &starts),
                ("ends_at", &ends),
                ("country", "CN"),
                ("en.title", &title),
                ("en.summary", X),
                ("en.body", MD),
                ("en.venue", X),
                ("en.city", X),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let edit = r.location().unwrap().split('?').next().unwrap().to_owned();
    assert!(
        event::Entity::find()
            .filter(event::Column::Slug.eq("hostile-event"))
            .one(t.conn())
            .await
            .unwrap()
            .is_some()
    );
    inert(
        &get(&app, "/en/events/hostile-event").await,
        "event page",
        &title,
    );
    inert(
        &get(&app, "/zh-CN/events/hostile-event").await,
        "event page (fallback)",
        &title,
    );
    inert(&get(&app, "/en/events").await, "event list", &title);
    inert(
        &get(&app, "/en/search?q=hostile").await,
        "search",
        "Hostile event",
    );
    let r = b.get(&app, &edit).await;
    inert(&r, "event edit screen", "");
    assert_eq!(r.attr("#en-venue", "value").as_deref(), Some(X));
    inert(
        &b.get(&app, "/admin/events").await,
        "event list (admin)",
        &title,
    );

    // The back office's own summaries of all this.
    let mut admin = login(&app, ADMIN).await;
    inert(&admin.get(&app, "/admin/").await, "dashboard", "");
    inert(&admin.get(&app, "/admin/audit").await, "audit log", &title);
    inert(
        &admin.get(&app, "/admin/translations").await,
        "translations",
        "",
    );
}

#[actix_web::test]
async fn hostile_fellows_members_and_about_page_come_back_inert() {
    use techbridge::entities::{fellow, network_member_translation, page};
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;

    // A fellow: every text field, shared and translated.
    let f = fellow::Entity::find()
        .filter(fellow::Column::Status.eq("published"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    let name = format!("Hostile Fellow {X}");
    let screen = format!("/admin/fellows/{}", f.id);
    let r = edit_and_save(
        &app,
        &mut b,
        &screen,
        &screen,
        &[
            ("name", &name),
            ("name_zh", X),
            ("en.research", X),
            ("en.home_institution", X),
            ("en.host_institution", X),
            ("en.bio", MD),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let page_path = format!("/en/programme/fellows/{}", f.slug);
    let r = get(&app, &page_path).await;
    inert(&r, "fellow page", &name);
    assert!(r.text(".fellow-head .lead").contains(X));
    inert(
        &get(&app, "/en/programme/fellows").await,
        "fellow list",
        &name,
    );
    inert(&get(&app, "/en/programme").await, "programme page", "");
    inert(
        &get(&app, "/en/search?q=hostile").await,
        "search",
        "Hostile Fellow",
    );
    let r = b.get(&app, &screen).await;
    inert(&r, "fellow edit screen", "");
    assert_eq!(r.attr("#name", "value").as_deref(), Some(name.as_str()));
    inert(
        &b.get(&app, "/admin/fellows").await,
        "fellow list (admin)",
        &name,
    );

    // A network member: a javascript: website is refused at its field, a
    // hostile https one is kept, quoted.
    let member = first_id(&t, "network_members").await;
    let screen = format!("/admin/members/{member}");
    let name = format!("Hostile member {X}");
    let r = edit_and_save(
        &app,
        &mut b,
        &screen,
        &screen,
        &[
            ("en.name", &name),
            ("en.description", X),
            ("website", "javascript:alert(1)"),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(!r.text("#website-error").is_empty());
    r.assert_inert("member form with errors");
    let site = "https://example.org/\"><img/src=x/onerror=alert(1)>";
    let r = edit_and_save(
        &app,
        &mut b,
        &screen,
        &screen,
        &[("en.name", &name), ("en.description", X), ("website", site)],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    assert!(
        network_member_translation::Entity::find()
            .filter(network_member_translation::Column::Name.eq(name.as_str()))
            .one(t.conn())
            .await
            .unwrap()
            .is_some()
    );
    let r = get(&app, "/en/about").await;
    inert(&r, "about page (members)", &name);
    assert!(r.attrs(".member-list a", "href").contains(&site.to_owned()));
    let r = b.get(&app, &screen).await;
    inert(&r, "member edit screen", "");
    assert_eq!(r.attr("#website", "value").as_deref(), Some(site));
    inert(
        &b.get(&app, "/admin/members").await,
        "member list (admin)",
        &name,
    );

    // The about page itself.
    let about = page::Entity::find()
        .filter(page::Column::Key.eq("about"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    let screen = format!("/admin/pages/{}", about.id);
    let title = format!("About {X}");
    let r = edit_and_save(
        &app,
        &mut b,
        &screen,
        &screen,
        &[("en.title", &title), ("en.body", MD)],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let r = get(&app, "/en/about").await;
    inert(&r, "about page", &title);
    assert!(r.text("h1").contains(X));
    let r = b.get(&app, &screen).await;
    inert(&r, "about page edit screen", "");
    assert_eq!(
        r.attr("#en-title", "value").as_deref(),
        Some(title.as_str())
    );
    inert(
        &b.get(&app, "/admin/pages").await,
        "page list (admin)",
        &title,
    );
}

#[actix_web::test]
async fn hostile_needs_and_inquiries_come_back_inert() {
    use techbridge::entities::{inquiry, need, need_translation};
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    // A need posted by a visitor.
    let title = format!("Hostile need {X}");
    let r = post_form(
        &app,
        "/en/needs/new",
        &[
            ("title", &title),
            ("description", MD),
            ("field", "agriculture"),
            ("country", "ID"),
            ("organisation", X),
            ("contact_name", X),
            ("contact_email", "x@example.org"),
            ("consent", "yes"),
            ("website", ""),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let id = need_translation::Entity::find()
        .filter(need_translation::Column::Title.eq(title.as_str()))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .need_id;
    let mut b = login(&app, EDITOR).await;
    inert(
        &b.get(&app, "/admin/needs?state=pending").await,
        "pending needs (admin)",
        &title,
    );
    let screen = format!("/admin/needs/{id}");
    let r = b.get(&app, &screen).await;
    inert(&r, "need edit screen", "");
    assert_eq!(r.attr("#organisation", "value").as_deref(), Some(X));
    let r = b
        .post_csrf(
            &app,
            &format!("{screen}/status"),
            &[("status", "published")],
        )
        .await;
    assert_eq!(r.status, 303);
    let slug = need::Entity::find_by_id(id)
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .slug;
    inert(
        &get(&app, &format!("/en/needs/{slug}")).await,
        "need page",
        &title,
    );
    inert(&get(&app, "/en/needs").await, "need list", &title);
    inert(
        &get(&app, "/en/search?q=hostile").await,
        "search",
        "Hostile need",
    );
    // Edited in the back office, with hostile text of the editor's own.
    let edited = format!("Hostile need, edited {X}");
    let r = edit_and_save(
        &app,
        &mut b,
        &screen,
        &screen,
        &[
            ("en.title", &edited),
            ("en.description", &format!("{MD}\n\nMore: {MD}")),
            ("contact_name", X),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    inert(
        &get(&app, &format!("/en/needs/{slug}")).await,
        "edited need page",
        &edited,
    );
    inert(
        &b.get(&app, "/admin/needs").await,
        "need list (admin)",
        &edited,
    );

    // An inquiry, and the reply recorded for it.
    inquire(&app, X, X, MD).await;
    inert(
        &get(&app, &format!("/en/technologies/{RICE}/inquiry/sent")).await,
        "inquiry sent",
        "",
    );
    let i = inquiry::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    inert(&b.get(&app, "/admin/inquiries").await, "inquiries", X);
    let detail = format!("/admin/inquiries/{}", i.id);
    let r = b.get(&app, &detail).await;
    inert(&r, "inquiry", X);
    assert_eq!(
        r.text(".message"),
        MD.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    let r = b
        .post_csrf(&app, &detail, &[("status", "answered"), ("reply", MD)])
        .await;
    assert_eq!(r.status, 303);
    let r = b.get(&app, &detail).await;
    inert(&r, "inquiry with its reply", "");
    assert_eq!(
        r.text("#reply"),
        MD.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    inert(&b.get(&app, "/admin/").await, "dashboard", "");
}

#[actix_web::test]
async fn hostile_queries_come_back_inert() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let q: String = form_urlencoded::byte_serialize(X.as_bytes()).collect();
    let next: String = form_urlencoded::byte_serialize(format!("/admin/{X}").as_bytes()).collect();
    let r = get(&app, &format!("/admin/login?next={next}&flash={q}")).await;
    inert(&r, "login form", "");
    for p in [
        format!("/en/search?q={q}"),
        format!("/en/technologies?q={q}"),
        format!("/zh-CN/technologies?q={q}&field={q}&page={q}"),
        format!("/en/needs?field={q}&country={q}"),
        format!("/en/events?kind={q}&year={q}"),
        format!("/en/news?year={q}"),
    ] {
        get(&app, &p).await.assert_inert(&p);
    }
    let mut b = login(&app, ADMIN).await;
    for (_, kind, _) in content_kinds() {
        let p = format!("/admin/{kind}?q={q}&state={q}&flash={q}");
        let r = b.get(&app, &p).await;
        inert(&r, &p, "");
        assert_eq!(r.attr("#lq", "value").as_deref(), Some(X), "{p}");
    }
    for p in [
        format!("/admin/?flash={q}"),
        format!("/admin/inquiries?status={q}&flash={q}"),
        format!("/admin/applications?status={q}&country={q}&call={q}&post={q}&flash={q}"),
        format!("/admin/editors?flash={q}"),
        format!("/admin/account?flash={q}"),
        format!("/admin/media?flash={q}"),
    ] {
        let r = b.get(&app, &p).await;
        inert(&r, &p, "");
    }
}

#[actix_web::test]
async fn translation_status_follows_edits_and_review() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    let edit = format!("/admin/technologies/{}", {
        use techbridge::entities::technology;
        technology::Entity::find()
            .filter(technology::Column::Slug.eq(RICE))
            .one(t.conn())
            .await
            .unwrap()
            .unwrap()
            .id
    });
    let r = b.get(&app, &edit).await;
    assert_eq!(
        r.attr("a[data-tab=id] .tr-badge", "class").as_deref(),
        Some("tr-badge tr-up-to-date")
    );
    // Change the English (source) description: the others become outdated.
    let html = r.html();
    let mut form: Vec<(String, String)> = Vec::new();
    for sel in [
        "input[type=text]",
        "input[type=email]",
        "input[type=url]",
        "input[type=number]",
        "input[type=datetime-local]",
        "input[type=hidden]",
    ] {
        let s = scraper::Selector::parse(&format!(".edit-form {sel}")).unwrap();
        for e in html.select(&s) {
            if let (Some(n), Some(v)) = (e.value().attr("name"), e.value().attr("value")) {
                form.push((n.to_owned(), v.to_owned()));
            }
        }
    }
    let s = scraper::Selector::parse(".edit-form textarea").unwrap();
    for e in html.select(&s) {
        let name = e.value().attr("name").unwrap().to_owned();
        let mut text = e.text().collect::<String>();
        if name == "en.description" {
            text.push_str("\n\nNew: a drought-tolerant line for rain-fed fields.");
        }
        form.push((name, text));
    }
    for sel in ["select"] {
        let s = scraper::Selector::parse(&format!(".edit-form {sel}")).unwrap();
        for e in html.select(&s) {
            let o = scraper::Selector::parse("option[selected]").unwrap();
            if let Some(opt) = e.select(&o).next() {
                form.push((
                    e.value().attr("name").unwrap().to_owned(),
                    opt.value().attr("value").unwrap().to_owned(),
                ));
            }
        }
    }
    let s = scraper::Selector::parse(".edit-form input[type=checkbox][checked]").unwrap();
    for e in html.select(&s) {
        form.push((
            e.value().attr("name").unwrap().to_owned(),
            e.value().attr("value").unwrap().to_owned(),
        ));
    }
    form.retain(|(k, _)| k != "csrf");
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = b.post_csrf(&app, &edit, &pairs).await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let r = b.get(&app, &edit).await;
    assert_eq!(
        r.attr("a[data-tab=id] .tr-badge", "class").as_deref(),
        Some("tr-badge tr-outdated")
    );
    assert_eq!(
        r.attr("a[data-tab=en] .tr-badge", "class").as_deref(),
        Some("tr-badge tr-up-to-date")
    );
    // The public Indonesian page says the translation may be out of date.
    assert!(
        !get(&app, &format!("/id/technologies/{RICE}"))
            .await
            .text(".notice-outdated")
            .is_empty()
    );
    // The translations dashboard lists it.
    assert!(
        b.get(&app, "/admin/translations")
            .await
            .body
            .contains(&edit)
    );
    // Mark the Indonesian translation reviewed.
    let mut with_review = pairs.clone();
    with_review.push(("reviewed", "id"));
    b.get(&app, &edit).await;
    let r = b.post_csrf(&app, &edit, &with_review).await;
    assert_eq!(r.status, 303);
    let r = b.get(&app, &edit).await;
    assert_eq!(
        r.attr("a[data-tab=id] .tr-badge", "class").as_deref(),
        Some("tr-badge tr-up-to-date")
    );
    assert!(
        get(&app, &format!("/id/technologies/{RICE}"))
            .await
            .texts(".notice-outdated")
            .is_empty()
    );
}

fn multipart(csrf: &str, filename: &str, bytes: &[u8], alt: &str) -> (String, Vec<u8>) {
    let boundary = "----techbridgetestboundary";
    let mut body = Vec::new();
    let mut part = |name: &str, value: &str| {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    };
    part("csrf", csrf);
    part("alt.en", alt);
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\nContent-Type: image/png\r\n\r\n").as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 120])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// A PNG whose header claims 60,000 × 60,000 pixels.
fn png_bomb() -> Vec<u8> {
    fn chunk(kind: &[u8], data: &[u8]) -> Vec<u8> {
        let mut c = (data.len() as u32).to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(data);
        let mut crc_input = kind.to_vec();
        crc_input.extend_from_slice(data);
        c.extend_from_slice(&crc32(&crc_input).to_be_bytes());
        c
    }
    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xffff_ffffu32;
        for b in data {
            crc ^= u32::from(*b);
            for _ in 0..8 {
                crc = if crc & 1 != 0 {
                    (crc >> 1) ^ 0xedb8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    let mut ihdr = 60_000u32.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&60_000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &ihdr));
    png.extend(chunk(
        b"IDAT",
        &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    ));
    png.extend(chunk(b"IEND", &[]));
    png
}

async fn upload<S, B>(app: &S, b: &Browser, filename: &str, bytes: &[u8]) -> Resp
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    upload_with(app, b, filename, bytes, "Rice field in Karawang at harvest").await
}

/// Uploads an image with the given English alt text.
async fn upload_with<S, B>(app: &S, b: &Browser, filename: &str, bytes: &[u8], alt: &str) -> Resp
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let (ct, body) = multipart(&b.csrf, filename, bytes, alt);
    send(
        app,
        TestRequest::post()
            .uri("/admin/media")
            .insert_header(("content-type", ct))
            .insert_header(("sec-fetch-site", "same-origin"))
            .insert_header(("cookie", b.header()))
            .set_payload(body),
    )
    .await
}

#[actix_web::test]
async fn image_uploads_are_checked_by_content_size_and_dimensions() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    b.get(&app, "/admin/media").await;
    // The demo content's own pictures are there already.
    let demo = techbridge::entities::media::Entity::find()
        .count(t.conn())
        .await
        .unwrap();
    let count = || async {
        techbridge::entities::media::Entity::find()
            .count(t.conn())
            .await
            .unwrap()
            - demo
    };
    // An executable renamed .png.
    let mut elf = b"\x7fELF\x02\x01\x01\x00".to_vec();
    elf.extend(vec![0u8; 4000]);
    let r = upload(&app, &b, "photo.png", &elf).await;
    assert_eq!(r.status, 422);
    assert!(!r.text("#file-error").is_empty());
    // Too large (6 MB).
    let r = upload(&app, &b, "big.png", &vec![0x89u8; 6 * 1024 * 1024]).await;
    assert_eq!(r.status, 422);
    assert!(!r.text("#file-error").is_empty());
    // A decompression bomb.
    let r = upload(&app, &b, "bomb.png", &png_bomb()).await;
    assert_eq!(r.status, 422);
    assert!(!r.text("#file-error").is_empty());
    assert_eq!(count().await, 0);
    // A real image is stored, resized and served with long caching.
    let r = upload(&app, &b, "rice.png", &png(1200, 800)).await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    assert_eq!(count().await, 1);
    let m = techbridge::entities::media::Entity::find()
        .filter(techbridge::entities::media::Column::Filename.eq("rice.png"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (m.width, m.height, m.mime.as_str()),
        (1200, 800, "image/png")
    );
    let variants = techbridge::entities::media_variant::Entity::find()
        .filter(techbridge::entities::media_variant::Column::MediaId.eq(m.id))
        .count(t.conn())
        .await
        .unwrap();
    assert_eq!(variants, 3);
    let r = get(&app, &format!("/media/{}?w=480", m.key)).await;
    assert_eq!(r.status, 200);
    assert!(r.header("cache-control").unwrap().contains("immutable"));
    assert_eq!(r.header("content-type"), Some("image/jpeg"));
    // Attach it to a news item as cover: shown with its alt text.
    let page = b.get(&app, "/admin/news/1").await;
    assert!(page.body.contains("Rice field in Karawang"));
}

#[actix_web::test]
async fn inquiries_reach_the_inbox_and_replies_are_recorded() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let r = post_form(
        &app,
        &format!("/id/technologies/{RICE}/inquiry"),
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
    let mut b = login(&app, EDITOR).await;
    let inbox = b.get(&app, "/admin/inquiries?status=new").await;
    assert!(inbox.body.contains("Budi Santoso"));
    let href = inbox
        .attr("table a[href^='/admin/inquiries/']", "href")
        .unwrap();
    let detail = b.get(&app, &href).await;
    assert!(detail.text(".message").contains("100 hektar"));
    assert_eq!(detail.attr(".message", "lang").as_deref(), Some("id"));
    let r = b
        .post_csrf(
            &app,
            &href,
            &[
                ("status", "new"),
                ("reply", "Sent the price list by email."),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    let i = techbridge::entities::inquiry::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(i.status, "answered");
    assert_eq!(i.reply.as_deref(), Some("Sent the price list by email."));
    assert!(i.replied_at.is_some());
}

#[actix_web::test]
async fn needs_are_approved_in_the_back_office() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let pending = techbridge::entities::need::Entity::find()
        .filter(techbridge::entities::need::Column::Status.eq("pending"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        get(&app, &format!("/en/needs/{}", pending.slug))
            .await
            .status,
        404
    );
    let mut b = login(&app, EDITOR).await;
    assert!(
        b.get(&app, "/admin/needs?state=pending")
            .await
            .body
            .contains(&format!("/admin/needs/{}", pending.id))
    );
    b.get(&app, &format!("/admin/needs/{}", pending.id)).await;
    let r = b
        .post_csrf(
            &app,
            &format!("/admin/needs/{}/status", pending.id),
            &[("status", "published")],
        )
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        get(&app, &format!("/en/needs/{}", pending.slug))
            .await
            .status,
        200
    );
}

#[actix_web::test]
async fn administrators_manage_accounts() {
    let t = TestApp::demo().await.with_accounts().await;
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
    let t = TestApp::demo().await.with_accounts().await;
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
    let mut r_b = login(&app, REVIEWER).await;
    let detail = format!("/admin/applications/{}", ids.application);
    r_b.get(&app, &detail).await;
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
        r_b.post_csrf(&app, &format!("{detail}/review"), &[("score", "4")])
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

#[actix_web::test]
async fn back_office_lists_narrow_by_their_fields_and_inquiries_by_words() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    let all = b.get(&app, "/admin/technologies").await;
    assert!(
        all.attrs("#lf-field option", "value")
            .contains(&"marine".to_owned())
    );
    let marine = b.get(&app, "/admin/technologies?field=marine").await;
    let rows = marine.texts(".data-table tbody tr");
    assert!(!rows.is_empty());
    let expected = techbridge::entities::technology::Entity::find()
        .filter(techbridge::entities::technology::Column::Field.eq("marine"))
        .count(t.conn())
        .await
        .unwrap();
    assert_eq!(rows.len() as u64, expected.min(25));
    assert_eq!(
        marine
            .attr("#lf-field option[selected]", "value")
            .as_deref(),
        Some("marine")
    );
    // An unknown value is no filter; nothing reaches the SQL text.
    let odd = b
        .get(&app, "/admin/technologies?field=marine%27%20OR%201%3D1--")
        .await;
    assert_eq!(odd.status, 200);
    assert_eq!(
        odd.texts(".data-table tbody tr").len(),
        all.texts(".data-table tbody tr").len()
    );
    // Two filters together on events.
    let forums = b.get(&app, "/admin/events?kind=forum&country=CN").await;
    assert_eq!(forums.status, 200);
    let kinds = forums.texts(".data-table tbody tr td:nth-of-type(1)");
    assert!(
        !kinds.is_empty() && kinds.iter().all(|k| k == "Forum"),
        "{kinds:?}"
    );
    // Inquiries by words of the message, the name or the organisation.
    for (name, org, message) in [
        (
            "Siti Rahma",
            "Koperasi Tani Makmur",
            "We would like to test hybrid rice in Karawang this season.",
        ),
        (
            "Tran Van Long",
            "Mekong Aqua Co.",
            "Interested in the water treatment units for shrimp farms.",
        ),
    ] {
        let r = post_form(
            &app,
            &format!("/en/technologies/{RICE}/inquiry"),
            &[
                ("name", name),
                ("organisation", org),
                ("country", "ID"),
                ("email", "someone@example.org"),
                ("message", message),
                ("consent", "yes"),
                ("website", ""),
            ],
        )
        .await;
        assert_eq!(r.status, 303);
    }
    for (q, who) in [
        ("karawang", "Siti Rahma"),
        ("MEKONG", "Tran Van Long"),
        ("siti", "Siti Rahma"),
    ] {
        let r = b.get(&app, &format!("/admin/inquiries?q={q}")).await;
        let rows = r.texts(".data-table tbody tr");
        assert_eq!(rows.len(), 1, "{q}: {rows:?}");
        assert!(rows[0].contains(who), "{q}: {rows:?}");
        assert_eq!(r.attr("#iq", "value").as_deref(), Some(q));
    }
    assert!(
        b.get(&app, "/admin/inquiries?q=%25")
            .await
            .texts(".data-table tbody tr")
            .is_empty()
    );
}
