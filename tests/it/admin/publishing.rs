//! Publishing: drafts, scheduled items, fallback languages, and
//! unpublishing that removes an item from every list, search, feed and
//! sitemap at once.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Statement};
use techbridge::entities::{audit_entry, news};

use super::*;
use crate::support::*;

#[actix_web::test]
async fn news_goes_from_draft_to_published_with_fallback_for_a_missing_language() {
    let t = TestApp::empty().await.with_accounts().await;
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
    let t = TestApp::empty().await.with_accounts().await;
    let db = t.conn();
    let title = "Matchmaking brings three agreements";
    let n = NewsBuilder::new("matchmaking-brings-three-agreements")
        .title("en", title)
        .insert(db)
        .await;
    let tech_title = "Hybrid rice varieties for tropical paddy fields";
    let tech = TechnologyBuilder::new("hybrid-rice-varieties-for-tropical-paddy-fields")
        .title("en", tech_title)
        .title("id", "Padi hibrida untuk sawah tropis")
        .title("zh-CN", "热带稻田杂交水稻品种")
        .insert(db)
        .await;
    let rice = tech.slug.as_str();
    // Pages that show the technology besides its own: another technology
    // of its field (related), a need it answers (same field and country).
    TechnologyBuilder::new("drip-irrigation-kits")
        .insert(db)
        .await;
    NeedBuilder::new("high-yield-rice-for-karawang")
        .insert(db)
        .await;
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

    // A published news item.
    let slug = n.slug.clone();
    let word = longest_word(title);
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
    let word = "padi";
    let lists: Vec<String> = vec![
        format!("/en/technologies?q={word}"),
        format!("/zh-CN/technologies?q={}", longest_word(tech_title)),
    ];
    assert_eq!(
        presence(&app, "/technologies/", rice, &lists, word).await,
        everywhere,
        "before"
    );
    // Pages that show it besides: other technologies (related), needs it
    // answers, the home page.
    let mut candidates: Vec<String> = public_slugs(&t, "technologies")
        .await
        .into_iter()
        .filter(|s| s != rice)
        .map(|s| format!("/en/technologies/{s}"))
        .collect();
    candidates.extend(
        public_slugs(&t, "needs")
            .await
            .into_iter()
            .map(|s| format!("/en/needs/{s}")),
    );
    candidates.push("/en/".to_owned());
    let referrers = pages_linking_to(&app, &candidates, &format!("/technologies/{rice}")).await;
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
        presence(&app, "/technologies/", rice, &lists, word).await,
        nowhere,
        "unpublished"
    );
    let r = get(&app, "/en/technologies").await;
    assert!(
        !r.attrs("a", "href").iter().any(|h| h.ends_with(rice)),
        "not on the first page of the catalogue either"
    );
    for p in &referrers {
        let r = get(&app, p).await;
        assert_eq!(r.status, 200, "{p}");
        assert!(
            !r.attrs("a", "href")
                .iter()
                .any(|h| h.ends_with(&format!("/technologies/{rice}"))),
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
    let t = TestApp::empty().await.with_accounts().await;
    let db = t.conn();
    let event_title = "Jakarta technology matchmaking";
    let e = EventBuilder::new("jakarta-technology-matchmaking")
        .title("en", event_title)
        .insert(db)
        .await;
    let fellow_name = "Nguyen Thi Lan";
    let f = FellowBuilder::new("nguyen-thi-lan")
        .name(fellow_name)
        .insert(db)
        .await;
    let need_title = "High-yield rice varieties for irrigated paddy fields in Karawang";
    let n = NeedBuilder::new("high-yield-rice-for-karawang")
        .title("en", need_title)
        .insert(db)
        .await;
    // A technology of the need's field and country: its page lists the need.
    TechnologyBuilder::new("hybrid-rice-for-tropical-paddies")
        .insert(db)
        .await;
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
    let slug = e.slug.clone();
    let word = longest_word(event_title);
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
    let word = longest_word(fellow_name);
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
    let word = longest_word(need_title);
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
    let t = TestApp::empty().await.with_accounts().await;
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
    let list = b.get(&app, "/admin/news?state=scheduled").await;
    assert!(list.body.contains("Scheduled forum announcement"));
    // The list says when: the date and the time, on the centre's clock.
    let when = list.text(".state-scheduled + time");
    assert!(
        when.starts_with(&soon.replace('T', " ")),
        "{when:?} for {soon}"
    );
    // Not public yet: no "View on the site" that would answer 404.
    let edit = b.get(&app, &format!("/admin/news/{id}")).await;
    assert!(
        !edit.has(".section-head a"),
        "a link to a page not public yet"
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
    // Now it is, and the editor can go and see it.
    let edit = b.get(&app, &format!("/admin/news/{id}")).await;
    let href = edit
        .attr(".section-head a", "href")
        .expect("a link to the public page");
    assert_eq!(get(&app, &href).await.status, 200, "{href}");
}

#[actix_web::test]
async fn needs_are_approved_in_the_back_office() {
    let t = TestApp::empty().await.with_accounts().await;
    let pending = NeedBuilder::new("solar-cold-storage-for-fishing-villages")
        .status("pending")
        .insert(t.conn())
        .await;
    let app = t.service().await;
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

/// The editor's preview is the public page itself, for a draft and a
/// scheduled item, in each language: the public layout and template, the
/// cover, the text in that language, and a banner that says it is not
/// public. Only for signed-in editors; never cached, never indexed.
#[actix_web::test]
async fn preview_shows_the_public_page_of_drafts_and_scheduled_items_to_editors_only() {
    let t = TestApp::empty().await.with_accounts().await;
    let cover = MediaBuilder::png("rice-field.png", 64, 48)
        .insert(t.conn())
        .await;
    let draft = NewsBuilder::new("draft-agreements")
        .status("draft")
        .title("zh-CN", "草稿协议")
        .title("id", "Perjanjian draf")
        .cover(cover)
        .insert(t.conn())
        .await;
    let scheduled = NewsBuilder::new("scheduled-agreements")
        .published("2099-01-01T02:00:00Z")
        .insert(t.conn())
        .await;
    let tech = TechnologyBuilder::new("draft-rice")
        .status("draft")
        .insert(t.conn())
        .await;
    let event = EventBuilder::new("draft-forum").insert(t.conn()).await;
    t.conn()
        .execute_unprepared(&format!(
            "UPDATE events SET status = 'draft' WHERE id = {}",
            event.id
        ))
        .await
        .unwrap();
    let need = NeedBuilder::new("pending-need")
        .status("pending")
        .insert(t.conn())
        .await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;

    // The edit form links to the preview in each language.
    let r = b.get(&app, &format!("/admin/news/{}", draft.id)).await;
    for lang in LANGS {
        assert_eq!(
            r.attr(&format!("#tab-{lang} a.preview-link"), "href"),
            Some(format!("/admin/news/{}/preview/{lang}", draft.id)),
        );
    }
    for lang in LANGS {
        let r = b
            .get(&app, &format!("/admin/news/{}/preview/{lang}", draft.id))
            .await;
        assert_eq!(r.status, 200, "{lang}");
        assert_eq!(r.attr("html", "lang").as_deref(), Some(lang));
        assert!(r.has("header.site-header"), "the public layout");
        assert!(r.has(".notice-preview"), "{lang}: the banner");
        assert_eq!(r.header("cache-control"), Some("no-store"));
        assert_eq!(r.header("x-robots-tag"), Some("noindex"));
        let title = match lang {
            "zh-CN" => "草稿协议",
            "id" => "Perjanjian draf",
            _ => "Draft agreements",
        };
        assert_eq!(r.text("main h1"), title, "{lang}");
        assert!(r.has("main img[src^='/media/']"), "{lang}: cover");
        let r = b
            .get(
                &app,
                &format!("/admin/news/{}/preview/{lang}", scheduled.id),
            )
            .await;
        assert_eq!(r.status, 200);
        assert!(r.has(".notice-preview"));
    }
    let banner = b
        .get(&app, &format!("/admin/news/{}/preview/zh-CN", draft.id))
        .await
        .text(".notice-preview strong");
    assert!(banner.starts_with("预览（未公开）"), "{banner}");
    // Still not public.
    assert_eq!(get(&app, "/en/news/draft-agreements").await.status, 404);
    assert_eq!(get(&app, "/en/news/scheduled-agreements").await.status, 404);
    // The other kinds with a public page.
    for path in [
        format!("/admin/technologies/{}/preview/id", tech.id),
        format!("/admin/events/{}/preview/zh-CN", event.id),
        format!("/admin/needs/{}/preview/en", need.id),
    ] {
        let r = b.get(&app, &path).await;
        assert_eq!(r.status, 200, "{path}");
        assert!(r.has(".notice-preview"), "{path}");
        assert!(r.has("header.site-header"), "{path}");
    }
    // Refusals: an unknown language or record, signed out, the wrong role.
    let path = format!("/admin/news/{}/preview/en", draft.id);
    assert_eq!(
        b.get(&app, &format!("/admin/news/{}/preview/xx", draft.id))
            .await
            .status,
        404
    );
    assert_eq!(
        b.get(&app, "/admin/news/999999/preview/en").await.status,
        404
    );
    let r = get(&app, &path).await;
    assert_eq!(r.status, 303);
    assert!(r.location().unwrap_or("").starts_with("/admin/login"));
    assert!(!r.body.contains("Draft agreements"));
    let mut reviewer = login(&app, REVIEWER).await;
    assert_eq!(reviewer.get(&app, &path).await.status, 403);
}
