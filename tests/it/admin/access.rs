//! Who may open and write what: anonymous visitors, each role, and the
//! links each role is shown.

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::*;
use crate::support::*;

/// Every back-office screen (GET); `{id}` is a record of the screen's kind.
const ADMIN_PAGES: &[&str] = &[
    "/admin/",
    "/admin/technologies",
    "/admin/technologies/new",
    "/admin/technologies/{id}",
    "/admin/needs",
    "/admin/needs/{id}",
    "/admin/inquiries",
    "/admin/events",
    "/admin/events/new",
    "/admin/events/{id}",
    "/admin/news",
    "/admin/news/new",
    "/admin/news/{id}",
    "/admin/fellows",
    "/admin/fellows/{id}",
    "/admin/calls",
    "/admin/calls/{id}",
    "/admin/calls/{id}/review",
    "/admin/calls/{id}/report",
    "/admin/posts",
    "/admin/posts/{id}",
    "/admin/members",
    "/admin/members/{id}",
    "/admin/pages",
    "/admin/pages/{id}",
    "/admin/media",
    "/admin/import",
    "/admin/translations",
    "/admin/editors",
    "/admin/audit",
    "/admin/settings",
    "/admin/account",
];

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
    // The deals' routes, where the scope configures them.
    if scope.contains(".configure(deal_routes)") {
        let body = &src[src.find("fn deal_routes").expect("fn deal_routes")..];
        let body = &body[..body.find("\n}").expect("end of deal_routes")];
        for c in route.captures_iter(body) {
            let method = if &c[2] == "get" { "GET" } else { "POST" };
            out.push((method, format!("/admin{}", &c[1])));
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
        ("GET", "/admin/deals/{id}"),
        ("POST", "/admin/deals/{id}/{action}"),
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
            "deals" => ids.deal,
            "interests" => ids.interest,
            kind => ids.of(kind),
        };
        pattern.replace("{id}", &id.to_string())
    } else {
        pattern.to_owned()
    };
    let path = path
        .replace("{doc}", &ids.document.to_string())
        // A move that would act on the deal if it were let through.
        .replace("{action}", "close")
        // An export (both formats go through one handler per list).
        .replace("{format}", "csv")
        // A translation's language, and a revision of it (a preview, a
        // history, a restore).
        .replace("{lang}", "en")
        .replace("{revision}", "1");
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
    let t = TestApp::empty().await.with_accounts().await;
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
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    let ids = seed(&app, &t).await;
    let mut b = login(&app, ADMIN).await;
    for lang in LANGS {
        b.post_csrf(
            &app,
            "/admin/account",
            &[("action", "language"), ("ui_lang", lang)],
        )
        .await;
        for p in ADMIN_PAGES {
            let p = &concrete(p, &ids);
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
    let t = TestApp::empty().await.with_accounts().await;
    let news = NewsBuilder::new("forum-opens-in-nanning")
        .insert(t.conn())
        .await;
    let app = t.service().await;
    let mut reviewer = login(&app, REVIEWER).await;
    let news_screen = format!("/admin/news/{}", news.id);
    for p in [
        "/admin/news",
        &news_screen,
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
            &news_screen,
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
    use techbridge::entities::{application, call_translation, host_post_translation};
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    let ids = seed(&app, &t).await;
    assign_reviewer(t.conn(), ids.application, REVIEWER.0).await;
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
    let rubric: Vec<String> = reviewer
        .get(&app, &detail)
        .await
        .attrs("select[name^='score.']", "name");
    let mut scores: Vec<(&str, &str)> = rubric.iter().map(|n| (n.as_str(), "4")).collect();
    scores.push(("comment", "Strong proposal."));
    let r = reviewer
        .post_csrf(&app, &format!("{detail}/review"), &scores)
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
        techbridge::entities::rubric_review::Entity::find()
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
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    let ids = seed(&app, &t).await;
    assign_reviewer(t.conn(), ids.application, REVIEWER.0).await;
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

/// An error inside the back office is a back-office page in the editor's
/// language (header, navigation, a way back to the dashboard), not the
/// public site's error page.
#[actix_web::test]
async fn errors_inside_the_back_office_are_back_office_pages() {
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    b.post_csrf(
        &app,
        "/admin/account",
        &[("action", "language"), ("ui_lang", "id")],
    )
    .await;
    for path in ["/admin/news/987654", "/admin/no-such-screen"] {
        let r = b.get(&app, path).await;
        assert_eq!(r.status, 404, "{path}");
        assert_eq!(r.attr("html", "lang").as_deref(), Some("id"), "{path}");
        assert!(
            r.has("body.admin .admin-nav"),
            "{path}: the back-office chrome"
        );
        assert!(r.has(".error-page a[href='/admin/']"), "{path}: a way back");
        assert_eq!(r.header("cache-control"), Some("no-store"), "{path}");
        assert!(!r.body.contains('\u{26a0}'), "{path}: a missing message");
    }
    // Signed out, the public error page stays (and the sign-in page is the
    // way in).
    let r = get(&app, "/admin/login?x=%ZZ").await;
    assert!(!r.has("body.admin .admin-nav"));
}
