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

const ADMIN_POSTS: &[&str] = &[
    "/admin/technologies/new",
    "/admin/technologies/1",
    "/admin/technologies/1/delete",
    "/admin/technologies/1/status",
    "/admin/news/new",
    "/admin/news/1",
    "/admin/editors",
    "/admin/editors/1",
    "/admin/media",
    "/admin/settings",
    "/admin/inquiries/1",
    "/admin/account",
    "/admin/logout",
];

#[actix_web::test]
async fn anonymous_visitors_are_sent_to_login_and_cannot_write() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    for p in ADMIN_PAGES {
        let r = get(&app, p).await;
        assert_eq!(r.status, 303, "{p}");
        assert!(
            r.location().unwrap().starts_with("/admin/login?next="),
            "{p}"
        );
        assert_eq!(r.header("cache-control"), Some("no-store"), "{p}");
    }
    for p in ADMIN_POSTS {
        let r = post_form(&app, p, &[("csrf", "x"), ("title", "x")]).await;
        assert_eq!(r.status, 403, "{p}");
    }
    let r = get(&app, "/admin/login").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("cache-control"), Some("no-store"));
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
    let (ct, body) = multipart(
        &b.csrf,
        filename,
        bytes,
        "Rice field in Karawang at harvest",
    );
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
    let count = || async {
        techbridge::entities::media::Entity::find()
            .count(t.conn())
            .await
            .unwrap()
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
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (m.width, m.height, m.mime.as_str()),
        (1200, 800, "image/png")
    );
    let variants = techbridge::entities::media_variant::Entity::find()
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

#[actix_web::test]
async fn every_write_is_audited() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
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
}
