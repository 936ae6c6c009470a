//! News and events for other software: Atom, iCalendar, sitemap, OpenGraph,
//! conditional requests, each parsed by a real parser.

use actix_web::test::TestRequest;
use icalendar::{Calendar, Component, DatePerhapsTime};
use sea_orm::{ConnectionTrait, Statement};

use crate::support::*;

const FORUM: &str = "14th-china-asean-technology-transfer-forum";
const LAUNCH_NEWS: &str = "china-and-asean-launch-special-action-to-transfer-1000-technologies";
const TENTH_FORUM: &str = "10th-china-asean-technology-transfer-forum";
/// A demo event with a picture (the demo has no record for a real forum:
/// the source article gives none of their dates or venues).
const DEMO_EVENT: &str = "jakarta-technology-matchmaking-agriculture-and-new-energy";

/// The 14th forum: in Nanning sixty days from now, 09:00 to 17:00 China
/// time.
fn forum() -> EventBuilder {
    EventBuilder::new(FORUM)
        .title(
            "en",
            "14th China-ASEAN Technology Transfer and Collaborative Innovation Forum",
        )
        .in_days((60, "09:00"), (60, "17:00"))
}

/// The 10th forum, on 16 September 2022 in Nanning.
fn tenth_forum() -> EventBuilder {
    EventBuilder::new(TENTH_FORUM)
        .title(
            "en",
            "10th China-ASEAN Technology Transfer and Collaborative Innovation Forum",
        )
        .at("2022-09-16T09:00", "2022-09-16T17:00")
}

/// The news of the special action launched at the 10th forum, published
/// on 25 October 2022, in the three languages.
fn launch_news() -> NewsBuilder {
    NewsBuilder::new(LAUNCH_NEWS)
        .title(
            "en",
            "China and ASEAN launch special action to transfer 1,000 technologies",
        )
        .title("zh-CN", "中国—东盟启动千项技术转移专项行动")
        .published("2022-10-25T10:00:00Z")
}

/// The demo technology the sharing and caching tests open.
fn rice() -> TechnologyBuilder {
    TechnologyBuilder::new(RICE)
}

fn utc(d: DatePerhapsTime) -> chrono::DateTime<chrono::Utc> {
    match d {
        DatePerhapsTime::DateTime(icalendar::CalendarDateTime::Utc(t)) => t,
        other => panic!("not a UTC time: {other:?}"),
    }
}

#[actix_web::test]
async fn the_nanning_forum_is_01_to_09_utc_in_any_calendar() {
    let t = TestApp::empty().await;
    forum().insert(t.conn()).await;
    let app = t.service().await;
    let r = get(&app, &format!("/en/events/{FORUM}.ics")).await;
    assert_eq!(r.status, 200);
    assert!(
        r.header("content-type")
            .unwrap()
            .starts_with("text/calendar")
    );
    let cal: Calendar = r.body.parse().unwrap();
    // RFC 5545 3.6 and 3.1: exactly one PRODID and VERSION, CRLF lines of at
    // most 75 octets.
    for key in ["PRODID", "VERSION"] {
        let n = cal.properties.iter().filter(|p| p.key() == key).count();
        assert_eq!(n, 1, "{key} appears {n} times");
    }
    assert!(r.body.ends_with("\r\n") && !r.body.replace("\r\n", "").contains('\n'));
    assert!(
        r.body.split("\r\n").all(|l| l.len() <= 75),
        "a line is not folded"
    );
    let ev = cal.events().next().expect("one VEVENT");
    let start = utc(ev.get_start().unwrap());
    let end = utc(ev.get_end().unwrap());
    assert_eq!(start.format("%H:%M").to_string(), "01:00");
    assert_eq!(end.format("%H:%M").to_string(), "09:00");
    assert_eq!((end - start).num_hours(), 8);
    assert!(ev.get_timestamp().is_some(), "DTSTAMP");
    let uid = ev.get_uid().unwrap().to_owned();
    assert!(
        uid.starts_with("event-") && uid.ends_with("@localhost:8080"),
        "{uid}"
    );
    assert!(ev.get_summary().unwrap().contains("14th"));
    // The page states the same time in the event's zone, zone named.
    let page = get(&app, &format!("/en/events/{FORUM}")).await;
    let facts = page.texts(".detail-facts dd").join(" | ");
    assert!(
        facts.contains("09:00")
            && facts.contains("17:00")
            && facts.contains("China Standard Time (UTC+08:00)")
            && facts.contains("Asia/Shanghai"),
        "{facts}"
    );
    // The UID does not change when the event is edited, nor across languages.
    t.conn()
        .execute_raw(Statement::from_string(t.conn().get_database_backend(), format!("UPDATE event_translations SET title = 'Renamed forum' WHERE event_id = (SELECT id FROM events WHERE slug = '{FORUM}') AND lang = 'en'")))
        .await
        .unwrap();
    let again: Calendar = get(&app, &format!("/zh-CN/events/{FORUM}.ics"))
        .await
        .body
        .parse()
        .unwrap();
    assert_eq!(again.events().next().unwrap().get_uid(), Some(uid.as_str()));
}

/// The host and the query of an absolute link.
fn link_parts(link: &str) -> (String, std::collections::HashMap<String, String>) {
    let rest = link.strip_prefix("https://").expect(link);
    let (host, query) = rest.split_once('?').expect(link);
    let host = host.split('/').next().unwrap_or_default().to_owned();
    (
        host,
        form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect(),
    )
}

/// Right under the title: the day, the local times and the zone named in the
/// page's language, then the place; below, the ways into a calendar.
#[actix_web::test]
async fn an_event_says_when_and_where_under_its_title_and_goes_into_any_calendar() {
    let t = TestApp::empty().await;
    forum().insert(t.conn()).await;
    EventBuilder::new("jakarta-matchmaking-day")
        .title("en", "Jakarta Matchmaking Day")
        .timezone("Asia/Jakarta")
        .at("2027-02-03T13:30", "2027-02-04T12:00")
        .insert(t.conn())
        .await;
    let app = t.service().await;
    for (lang, zone, day) in [
        ("en", "China Standard Time (UTC+08:00)", ", 09:00–17:00"),
        ("zh-CN", "北京时间（UTC+08:00）", " 09:00～17:00"),
        (
            "id",
            "Waktu Standar Tiongkok (UTC+08:00)",
            ", pukul 09.00–17.00",
        ),
    ] {
        let r = get(&app, &format!("/{lang}/events/{FORUM}")).await;
        assert_eq!(r.status, 200, "{lang}");
        // The facts come straight after the title, before the summary.
        let head = r.texts("header.detail-head > *");
        let h1 = head.iter().position(|x| x.contains("14th")).unwrap();
        let facts = &head[h1 + 1];
        assert!(
            facts.contains(zone) && facts.contains(day),
            "{lang}: {facts}"
        );
        assert!(facts.contains("Nanning"), "{lang}: {facts}");
        assert!(!r.shows_text("zone-Asia"), "{lang}: a raw message id");
        // The calendars: the file, Google, Outlook.com and Microsoft 365.
        let links = r.attrs(".calendar-links a", "href");
        assert_eq!(links.len(), 4, "{lang}: {links:?}");
        assert_eq!(links[0], format!("/{lang}/events/{FORUM}.ics"));
        let (host, q) = link_parts(&links[1]);
        assert_eq!(host, "calendar.google.com");
        assert_eq!(q["action"], "TEMPLATE");
        assert!(q["text"].contains("14th"), "{lang}: {q:?}");
        assert!(q["location"].contains("Nanning"), "{lang}: {q:?}");
        assert_eq!(q["ctz"], "Asia/Shanghai");
        // 09:00–17:00 in Nanning is 01:00–09:00 UTC, in Google's basic format.
        let (from, to) = q["dates"].split_once('/').unwrap();
        assert!(
            from.ends_with("T010000Z") && to.ends_with("T090000Z"),
            "{lang}: {q:?}"
        );
        for (i, host) in [(2, "outlook.live.com"), (3, "outlook.office.com")] {
            let (at, q) = link_parts(&links[i]);
            assert_eq!(at, host);
            assert_eq!(q["rru"], "addevent");
            assert!(q["startdt"].ends_with("T01:00:00Z"), "{lang}: {q:?}");
            assert!(q["enddt"].ends_with("T09:00:00Z"), "{lang}: {q:?}");
            assert!(q["subject"].contains("14th"), "{lang}: {q:?}");
        }
    }
    // Over two days in Jakarta: a date and time at each end, the zone named.
    let r = get(&app, "/id/events/jakarta-matchmaking-day").await;
    let facts = r.text(".event-facts");
    assert!(
        facts.contains("3 Februari 2027, pukul 13.30 – 4 Februari 2027, pukul 12.00")
            && facts.contains("Waktu Indonesia Barat (WIB) (UTC+07:00)"),
        "{facts}"
    );
    // The list offers the feed as a subscription (webcal:) and as an address.
    let r = get(&app, "/en/events").await;
    let hrefs = r.attrs("main a", "href");
    assert!(
        hrefs
            .iter()
            .any(|h| h == "webcal://localhost:8080/en/events/calendar.ics"),
        "{hrefs:?}"
    );
    assert!(
        hrefs.iter().any(|h| h == "/en/events/calendar.ics"),
        "{hrefs:?}"
    );
}

#[actix_web::test]
async fn the_calendar_feed_lists_upcoming_events_with_escaped_text() {
    let t = TestApp::empty().await;
    let db = t.conn();
    forum()
        .summary("id", "Forum; workshops, talks \\ more")
        .insert(db)
        .await;
    for (slug, days) in [
        ("innovation-and-entrepreneurship-camp", 20),
        ("jakarta-technology-matchmaking", 30),
        ("innovation-competition-final", 45),
    ] {
        EventBuilder::new(slug)
            .in_days((days, "09:00"), (days + 1, "17:00"))
            .insert(db)
            .await;
    }
    // Over: not in the feed of upcoming events.
    EventBuilder::new("training-for-transfer-managers")
        .in_days((-40, "09:00"), (-36, "17:00"))
        .insert(db)
        .await;
    let app = t.service().await;
    let r = get(&app, "/id/events/calendar.ics").await;
    assert_eq!(r.status, 200);
    // Lines are folded at 75 octets.
    for line in r.body.split("\r\n") {
        assert!(line.len() <= 75, "unfolded line: {line}");
    }
    let cal: Calendar = r.body.parse().unwrap();
    let events: Vec<_> = cal.events().collect();
    assert_eq!(events.len(), 4, "the four upcoming events");
    let now = chrono::Utc::now();
    for e in &events {
        assert!(
            utc(e.get_end().unwrap()) >= now,
            "past event in the upcoming feed"
        );
    }
    let forum = events
        .iter()
        .find(|e| e.get_url().is_some_and(|u| u.ends_with(FORUM)))
        .unwrap();
    assert!(
        forum
            .get_description()
            .unwrap()
            .starts_with("Forum; workshops, talks \\ more")
    );
    assert!(r.body.contains("Forum\\; workshops\\, talks \\\\ more"));
}

#[actix_web::test]
async fn the_atom_feed_is_valid_per_language_with_stable_ids() {
    let t = TestApp::empty().await;
    let db = t.conn();
    launch_news().insert(db).await;
    NewsBuilder::new("network-passes-2600-members")
        .published("2022-06-08T02:00:00Z")
        .insert(db)
        .await;
    // No Indonesian text: shown in English in the Indonesian feed.
    NewsBuilder::new("new-cohort-of-young-scientists-arrives")
        .only_in(&["en", "zh-CN"])
        .published_days_ago(72)
        .insert(db)
        .await;
    let app = t.service().await;
    let r = get(&app, "/zh-CN/news/feed.xml").await;
    assert_eq!(r.status, 200);
    assert!(
        r.header("content-type")
            .unwrap()
            .starts_with("application/atom+xml")
    );
    let feed: atom_syndication::Feed = r.body.parse().unwrap();
    assert_eq!(feed.lang(), Some("zh-CN"));
    assert_eq!(feed.entries().len(), 3);
    let first = &feed.entries()[0];
    assert!(
        first.links()[0]
            .href()
            .starts_with("http://localhost:8080/zh-CN/news/")
    );
    assert!(first.summary().is_some());
    assert_eq!(first.content().unwrap().content_type(), Some("html"));
    // Relative links in the body resolve against the article.
    assert_eq!(
        first.content().unwrap().base(),
        Some(first.links()[0].href())
    );
    // An entry shown in a fallback language says so; the others inherit
    // the feed's language.
    let id_feed: atom_syndication::Feed =
        get(&app, "/id/news/feed.xml").await.body.parse().unwrap();
    let fallback: Vec<_> = id_feed
        .entries()
        .iter()
        .filter_map(|e| e.title().lang.clone())
        .collect();
    assert!(
        !fallback.is_empty() && fallback.iter().all(|l| l != "id"),
        "{fallback:?}"
    );
    let launch = feed
        .entries()
        .iter()
        .find(|e| e.links()[0].href().ends_with(LAUNCH_NEWS))
        .unwrap();
    let id = launch.id().to_owned();
    assert!(id.starts_with("tag:localhost:8080,2022:news-"));
    assert_eq!(
        launch.published().unwrap().format("%Y-%m-%d").to_string(),
        "2022-10-25"
    );
    // Editing the title keeps the id.
    t.conn()
        .execute_raw(Statement::from_string(
            t.conn().get_database_backend(),
            format!("UPDATE news_translations SET title = 'Renamed' WHERE lang = 'zh-CN' AND news_id = (SELECT id FROM news WHERE slug = '{LAUNCH_NEWS}')"),
        ))
        .await
        .unwrap();
    let again: atom_syndication::Feed = get(&app, "/zh-CN/news/feed.xml")
        .await
        .body
        .parse()
        .unwrap();
    let renamed = again.entries().iter().find(|e| e.id() == id).unwrap();
    assert_eq!(renamed.title().as_str(), "Renamed");
    // Every page announces the feed.
    let page = get(&app, "/id/").await;
    assert_eq!(
        page.attr("link[type='application/atom+xml']", "href")
            .as_deref(),
        Some("/id/news/feed.xml")
    );
}

#[actix_web::test]
async fn drafts_and_unpublished_items_are_absent_from_feed_and_sitemap() {
    let t = TestApp::empty().await;
    let db = t.conn();
    launch_news().insert(db).await;
    TechnologyBuilder::new("solar-powered-compact-4g-base-stations-for-remote-villages")
        .expired_days_ago(3)
        .insert(db)
        .await;
    NeedBuilder::new("recirculating-aquaculture-nursery")
        .status("pending")
        .insert(db)
        .await;
    let app = t.service().await;
    let feed: atom_syndication::Feed = get(&app, "/en/news/feed.xml").await.body.parse().unwrap();
    assert!(
        feed.entries()
            .iter()
            .any(|e| e.links()[0].href().ends_with(LAUNCH_NEWS))
    );
    assert!(get(&app, "/sitemap.xml").await.body.contains(LAUNCH_NEWS));
    t.conn()
        .execute_raw(Statement::from_string(
            t.conn().get_database_backend(),
            format!("UPDATE news SET status = 'draft' WHERE slug = '{LAUNCH_NEWS}'"),
        ))
        .await
        .unwrap();
    let feed: atom_syndication::Feed = get(&app, "/en/news/feed.xml").await.body.parse().unwrap();
    assert!(
        !feed
            .entries()
            .iter()
            .any(|e| e.links()[0].href().ends_with(LAUNCH_NEWS))
    );
    assert!(!get(&app, "/sitemap.xml").await.body.contains(LAUNCH_NEWS));
    // Expired listings and pending needs are not in the sitemap either.
    let sm = get(&app, "/sitemap.xml").await.body;
    assert!(!sm.contains("solar-powered-compact-4g-base-stations-for-remote-villages"));
    assert!(!sm.contains("recirculating-aquaculture-nursery"));
}

#[actix_web::test]
async fn the_sitemap_lists_every_page_in_every_language_with_alternates() {
    let t = TestApp::empty().await;
    let db = t.conn();
    rice().insert(db).await;
    TechnologyBuilder::new("drip-irrigation-kits")
        .insert(db)
        .await;
    NeedBuilder::new("high-yield-rice-for-karawang")
        .insert(db)
        .await;
    forum().insert(db).await;
    launch_news().insert(db).await;
    FellowBuilder::new("nguyen-thi-lan").insert(db).await;
    let app = t.service().await;
    let r = get(&app, "/sitemap.xml").await;
    assert_eq!(r.status, 200);
    let doc = roxmltree::Document::parse(&r.body).unwrap();
    let sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    let xhtml = "http://www.w3.org/1999/xhtml";
    let urls: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((sm, "url")))
        .collect();
    // 8 lists, the privacy notice, the API page, 2 technologies + 1 need + 1 event + 1 news
    // + 1 fellow, in 3 languages.
    assert_eq!(urls.len(), (8 + 1 + 1 + 2 + 1 + 1 + 1 + 1) * 3);
    for u in &urls {
        let loc = u
            .children()
            .find(|c| c.has_tag_name((sm, "loc")))
            .unwrap()
            .text()
            .unwrap();
        let alts: Vec<(&str, &str)> = u
            .children()
            .filter(|c| c.has_tag_name((xhtml, "link")))
            .map(|c| {
                (
                    c.attribute("hreflang").unwrap(),
                    c.attribute("href").unwrap(),
                )
            })
            .collect();
        assert_eq!(alts.len(), 4, "{loc}");
        assert!(
            alts.iter().any(|(_, h)| *h == loc),
            "{loc} is among its alternates"
        );
        for l in LANGS {
            assert!(alts.iter().any(|(hl, _)| *hl == l));
        }
        // Every page whose content comes from records says when it changed
        // (the API page's text is the site's own, in its messages).
        if !loc.ends_with("/about") && !loc.ends_with("/programme") && !loc.ends_with("/api") {
            let lastmod = u
                .children()
                .find(|c| c.has_tag_name((sm, "lastmod")))
                .unwrap_or_else(|| panic!("{loc}: no lastmod"))
                .text()
                .unwrap();
            assert!(
                chrono::DateTime::parse_from_rfc3339(lastmod).is_ok(),
                "{lastmod}"
            );
        }
    }
    // Editing a translation moves the lastmod of the article, of the news
    // list and of the home page.
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
    use techbridge::entities::{news, news_translation};
    let launch = news::Entity::find()
        .filter(news::Column::Slug.eq(LAUNCH_NEWS))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    let edited = chrono::Utc::now() + chrono::Duration::days(3);
    news_translation::Entity::update_many()
        .col_expr(news_translation::Column::UpdatedAt, Expr::value(edited))
        .filter(news_translation::Column::NewsId.eq(launch.id))
        .filter(news_translation::Column::Lang.eq("id"))
        .exec(t.conn())
        .await
        .unwrap();
    let body = get(&app, "/sitemap.xml").await.body;
    let doc = roxmltree::Document::parse(&body).unwrap();
    let lastmod_of = |suffix: &str| -> String {
        doc.descendants()
            .filter(|n| n.has_tag_name((sm, "url")))
            .find(|u| {
                u.children().any(|c| {
                    c.has_tag_name((sm, "loc")) && c.text().is_some_and(|l| l.ends_with(suffix))
                })
            })
            .and_then(|u| u.children().find(|c| c.has_tag_name((sm, "lastmod"))))
            .and_then(|c| c.text())
            .unwrap_or_default()
            .to_owned()
    };
    let expected = edited.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    for suffix in [
        format!("/en/news/{LAUNCH_NEWS}"),
        "/en/news".to_owned(),
        "/en/".to_owned(),
    ] {
        assert_eq!(lastmod_of(&suffix), expected, "{suffix}");
    }
    let robots = get(&app, "/robots.txt").await.body;
    assert!(robots.contains("Sitemap: http://localhost:8080/sitemap.xml"));
}

#[actix_web::test]
async fn a_large_catalogue_gets_a_sitemap_index() {
    let t = TestApp::empty().await;
    techbridge::demo::synthetic::load(t.conn(), 17_000)
        .await
        .unwrap();
    let app = t.service().await;
    let r = get(&app, "/sitemap.xml").await;
    let doc = roxmltree::Document::parse(&r.body).unwrap();
    assert!(doc.root_element().has_tag_name((
        "http://www.sitemaps.org/schemas/sitemap/0.9",
        "sitemapindex"
    )));
    let parts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .map(|n| n.text().unwrap().to_owned())
        .collect();
    assert_eq!(parts.len(), 2);
    let mut total = 0;
    for p in parts {
        let body = get(&app, p.trim_start_matches("http://localhost:8080"))
            .await
            .body;
        let part = roxmltree::Document::parse(&body).unwrap();
        let n = part.descendants().filter(|n| n.has_tag_name("url")).count();
        assert!(n <= 50_000);
        total += n;
    }
    assert_eq!(total, (10 + 17_000) * 3);
    assert_eq!(get(&app, "/sitemap-3.xml").await.status, 404);
}

#[actix_web::test]
async fn conditional_requests_answer_304() {
    let t = TestApp::empty().await;
    forum().insert(t.conn()).await;
    rice().insert(t.conn()).await;
    launch_news().insert(t.conn()).await;
    let app = t.service().await;
    for path in [
        "/en/news/feed.xml",
        "/en/events/calendar.ics",
        &format!("/en/events/{FORUM}.ics"),
        "/sitemap.xml",
        "/en/news",
        &format!("/en/technologies/{RICE}"),
    ] {
        let r = get(&app, path).await;
        let etag = r
            .header("etag")
            .unwrap_or_else(|| panic!("{path}: no etag"))
            .to_owned();
        let again = send(
            &app,
            TestRequest::get()
                .uri(path)
                .insert_header(("if-none-match", etag.as_str())),
        )
        .await;
        assert_eq!(again.status, 304, "{path}");
    }
}

#[actix_web::test]
async fn sharing_tags_on_every_public_page() {
    let t = TestApp::empty().await;
    forum().insert(t.conn()).await;
    rice().insert(t.conn()).await;
    launch_news().insert(t.conn()).await;
    let app = t.service().await;
    for path in [
        "/en/",
        &format!("/zh-CN/news/{LAUNCH_NEWS}"),
        &format!("/id/events/{FORUM}"),
        &format!("/en/technologies/{RICE}"),
    ] {
        let r = get(&app, path).await;
        for prop in [
            "og:title",
            "og:type",
            "og:url",
            "og:locale",
            "og:site_name",
            "og:image",
        ] {
            assert!(
                r.attr(&format!("meta[property='{prop}']"), "content")
                    .is_some(),
                "{path}: {prop}"
            );
        }
        assert!(r.attr("meta[name='twitter:card']", "content").is_some());
        let alternates = r.attrs("meta[property='og:locale:alternate']", "content");
        assert_eq!(alternates.len(), 2, "{path}");
        assert_eq!(
            r.attr("meta[property='og:url']", "content"),
            r.attr("link[rel=canonical]", "href")
        );
    }
    let r = get(&app, &format!("/zh-CN/news/{LAUNCH_NEWS}")).await;
    assert_eq!(
        r.attr("meta[property='og:locale']", "content").as_deref(),
        Some("zh_CN")
    );
    assert_eq!(
        r.attr("meta[property='og:type']", "content").as_deref(),
        Some("article")
    );
}

#[actix_web::test]
async fn events_list_upcoming_first_and_filters() {
    let t = TestApp::empty().await;
    let db = t.conn();
    // Upcoming, stored out of date order.
    forum().insert(db).await;
    EventBuilder::new("innovation-and-entrepreneurship-camp")
        .kind("camp")
        .in_days((20, "09:00"), (24, "17:00"))
        .insert(db)
        .await;
    EventBuilder::new("jakarta-technology-matchmaking")
        .kind("matchmaking")
        .timezone("Asia/Jakarta")
        .country("ID")
        .in_days((30, "09:00"), (30, "17:00"))
        .insert(db)
        .await;
    // Past: the 10th forum in 2022, another kind in 2022, another forum in
    // 2021.
    let tenth = tenth_forum().insert(db).await;
    EventBuilder::new("training-for-transfer-managers-2022")
        .kind("training")
        .at("2022-05-10T09:00", "2022-05-12T17:00")
        .insert(db)
        .await;
    EventBuilder::new("9th-china-asean-technology-transfer-forum")
        .at("2021-09-10T09:00", "2021-09-10T17:00")
        .insert(db)
        .await;
    launch_news().event(tenth.id).insert(db).await;
    NewsBuilder::new("network-passes-2600-members")
        .published("2022-06-08T02:00:00Z")
        .insert(db)
        .await;
    NewsBuilder::new("rice-varieties-head-to-lao-paddy-fields")
        .published_days_ago(5)
        .insert(db)
        .await;
    let app = t.service().await;
    let r = get(&app, "/en/events").await;
    let upcoming = r.attrs("#upcoming-title ~ .card-grid .event-card time", "datetime");
    let mut sorted = upcoming.clone();
    sorted.sort();
    assert_eq!(upcoming, sorted, "soonest first");
    assert!(!upcoming.is_empty());
    let past = r.attrs("#past .event-card h3 a", "href");
    assert!(
        past.iter()
            .any(|h| h.ends_with("10th-china-asean-technology-transfer-forum"))
    );
    let r = get(&app, "/en/events?kind=forum&year=2022").await;
    let all: Vec<String> = r.attrs(".event-card h3 a", "href");
    assert_eq!(
        all,
        vec!["/en/events/10th-china-asean-technology-transfer-forum".to_owned()]
    );
    // The event page lists its news; the news list filters by event.
    let r = get(
        &app,
        "/en/events/10th-china-asean-technology-transfer-forum",
    )
    .await;
    assert!(
        r.attrs(".news-card h3 a", "href")
            .iter()
            .any(|h| h.ends_with(LAUNCH_NEWS))
    );
    let r = get(
        &app,
        "/en/news?event=10th-china-asean-technology-transfer-forum",
    )
    .await;
    assert_eq!(
        r.attrs(".news-card h3 a", "href"),
        vec![format!("/en/news/{LAUNCH_NEWS}")]
    );
    let r = get(&app, "/en/news?year=2022").await;
    assert_eq!(r.attrs(".news-card", "class").len(), 2);
}

#[actix_web::test]
async fn an_event_cannot_take_a_fixed_address_as_its_slug() {
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    b.get(&app, "/admin/events/new").await;
    let form = |slug: &'static str, title: &'static str| {
        vec![
            ("slug", slug),
            ("kind", "forum"),
            ("timezone", "Asia/Shanghai"),
            ("starts_at", "2027-03-10T09:00"),
            ("ends_at", "2027-03-10T17:00"),
            ("country", "CN"),
            ("status", "published"),
            ("publish_at", ""),
            ("source_lang", "en"),
            ("en.title", title),
            (
                "en.summary",
                "A forum whose slug would hide the calendar feed.",
            ),
            ("en.body", "Talks."),
            (
                "en.venue",
                "Nanning International Convention and Exhibition Center",
            ),
            ("en.city", "Nanning"),
            ("action", "save"),
        ]
    };
    let r = b
        .post_csrf(&app, "/admin/events/new", &form("calendar", "Calendar"))
        .await;
    assert_eq!(r.status, 422);
    assert!(!r.text("#slug-error").is_empty());
    // Made from a title, the slug steps around the fixed address.
    let r = b
        .post_csrf(&app, "/admin/events/new", &form("", "Calendar"))
        .await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    assert_eq!(get(&app, "/en/events/calendar-2").await.status, 200);
    let feed = get(&app, "/en/events/calendar.ics").await;
    assert!(feed.body.starts_with("BEGIN:VCALENDAR"));
}

#[actix_web::test]
async fn demo_news_events_and_technologies_show_their_pictures_described_in_each_language() {
    let t = TestApp::demo().await;
    let app = t.service().await;
    let mut alts = Vec::new();
    for lang in LANGS {
        for path in [
            format!("/{lang}/news/{LAUNCH_NEWS}"),
            format!("/{lang}/events/{DEMO_EVENT}"),
            format!("/{lang}/technologies/{RICE}"),
        ] {
            let r = get(&app, &path).await;
            let src = r
                .attr(".detail-figure img", "src")
                .unwrap_or_else(|| panic!("{path} shows its picture"));
            let alt = r.attr(".detail-figure img", "alt").unwrap_or_default();
            assert!(alt.len() > 10, "{path}: alt {alt:?}");
            if path.contains("/news/") {
                alts.push(alt);
            }
            // The sharing card uses the same picture, by an absolute URL.
            let og = r.attr("meta[property='og:image']", "content").unwrap();
            assert!(
                og.starts_with("http://localhost:8080/media/"),
                "{path}: {og}"
            );
            let img = get(&app, &src).await;
            assert_eq!(img.status, 200, "{src}");
            assert_eq!(img.header("content-type"), Some("image/jpeg"), "{src}");
        }
        // The news list shows the covers on its cards, with their alt text.
        let list = get(&app, &format!("/{lang}/news")).await;
        assert!(
            list.attrs(".news-card img.card-img", "alt")
                .iter()
                .filter(|a| !a.is_empty())
                .count()
                >= 3,
            "/{lang}/news"
        );
    }
    alts.dedup();
    assert_eq!(alts.len(), 3, "one alt text per language: {alts:?}");
}
