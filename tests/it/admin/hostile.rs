//! Hostile text typed into every field, public or back-office, comes back
//! inert on every page, feed and screen that shows it.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::*;
use crate::support::*;

#[actix_web::test]
async fn hostile_text_in_every_field_comes_back_inert() {
    let t = TestApp::empty().await.with_accounts().await;
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
    let t = TestApp::empty().await.with_accounts().await;
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
    use techbridge::entities::network_member_translation;
    let t = TestApp::empty().await.with_accounts().await;
    let f = FellowBuilder::new("nguyen-thi-lan").insert(t.conn()).await;
    let member = MemberBuilder::new("Guangxi Academy of Sciences")
        .insert(t.conn())
        .await;
    let about = PageBuilder::new("about").insert(t.conn()).await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;

    // A fellow: every text field, shared and translated.
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
    let screen = format!("/admin/pages/{about}");
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
    let t = TestApp::empty().await.with_accounts().await;
    let rice = TechnologyBuilder::new("hybrid-rice-for-tropical-paddies")
        .insert(t.conn())
        .await;
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
    inquire(&app, &rice.slug, X, X, MD).await;
    inert(
        &get(
            &app,
            &format!("/en/technologies/{}/inquiry/sent", rice.slug),
        )
        .await,
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
    let t = TestApp::empty().await.with_accounts().await;
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
