//! The foundation: every public page in every language, language choice,
//! the switcher, fallback notices, errors, health and headers.

use actix_web::test::TestRequest;

use crate::support::*;

const PAGES: &[&str] = &[
    "/",
    "/about",
    "/privacy",
    "/technologies",
    "/needs",
    "/needs/new",
    "/events",
    "/news",
    "/programme",
    "/programme/fellows",
    "/search",
    "/search?q=solar",
];

#[actix_web::test]
async fn every_page_answers_in_every_language_with_its_lang_and_a_translated_heading() {
    // A sweep over every public page with the whole demo content in it,
    // every list filled, as a first visitor finds the site.
    let t = TestApp::demo().await;
    let app = t.service().await;
    for path in PAGES {
        let mut headings = Vec::new();
        for lang in LANGS {
            let r = get(&app, &format!("/{lang}{path}")).await;
            assert_eq!(r.status, 200, "/{lang}{path}");
            assert_eq!(
                r.attr("html", "lang").as_deref(),
                Some(lang),
                "/{lang}{path}"
            );
            let h1 = r.text("h1");
            assert!(!h1.is_empty(), "/{lang}{path} has no h1");
            headings.push(h1);
            // hreflang alternates for every language plus x-default, and a canonical URL.
            let alternates = r.attrs("link[rel=alternate][hreflang]", "hreflang");
            for l in LANGS {
                assert!(
                    alternates.iter().any(|a| a == l),
                    "/{lang}{path}: no hreflang {l}"
                );
            }
            assert!(alternates.iter().any(|a| a == "x-default"));
            let canonical = r.attr("link[rel=canonical]", "href").unwrap_or_default();
            assert!(
                canonical.starts_with("http://localhost:8080/"),
                "{canonical}"
            );
            assert!(r.attr("meta[property='og:title']", "content").is_some());
            assert!(
                r.header("content-type")
                    .unwrap_or("")
                    .starts_with("text/html")
            );
        }
        // The same page has a different heading in each language.
        headings.sort();
        headings.dedup();
        assert_eq!(
            headings.len(),
            3,
            "{path}: headings not translated: {headings:?}"
        );
    }
}

#[actix_web::test]
async fn detail_pages_answer_in_every_language() {
    let t = TestApp::empty().await;
    let db = t.conn();
    TechnologyBuilder::new(RICE).insert(db).await;
    EventBuilder::new("jakarta-technology-matchmaking")
        .insert(db)
        .await;
    // A news item without Indonesian text: its Indonesian page falls back.
    NewsBuilder::new("new-cohort-of-young-scientists-arrives")
        .only_in(&["en", "zh-CN"])
        .insert(db)
        .await;
    FellowBuilder::new("nguyen-thi-lan").insert(db).await;
    NeedBuilder::new("high-yield-rice-for-karawang")
        .insert(db)
        .await;
    let app = t.service().await;
    // Take the first link of each list and open it in every language.
    for (list, selector) in [
        ("/technologies", ".tech-card h3 a"),
        ("/events", ".event-card h3 a"),
        ("/news", ".news-card h3 a"),
        ("/programme/fellows", ".fellow-card h3 a"),
        ("/needs", ".need-card h3 a"),
    ] {
        let r = get(&app, &format!("/en{list}")).await;
        let href = r
            .attr(selector, "href")
            .unwrap_or_else(|| panic!("no link on {list}"));
        let rest = href.trim_start_matches("/en");
        for lang in LANGS {
            let r = get(&app, &format!("/{lang}{rest}")).await;
            assert_eq!(r.status, 200, "/{lang}{rest}");
            assert_eq!(r.attr("html", "lang").as_deref(), Some(lang));
            assert!(!r.text("h1").is_empty());
        }
    }
}

/// The privacy notice is there from the first start, without the demo
/// content, in the three languages; every page's footer and every public
/// form link to it; a consent box is required and says so.
#[actix_web::test]
async fn the_privacy_notice_is_there_from_the_start_and_every_form_links_to_it() {
    let t = TestApp::empty().await;
    let app = t.service().await;
    let mut titles = Vec::new();
    for lang in LANGS {
        let r = get(&app, &format!("/{lang}/privacy")).await;
        assert_eq!(r.status, 200, "{lang}");
        assert!(
            r.attr(".notice-fallback", "class").is_none(),
            "{lang}: shown in another language"
        );
        titles.push(r.text("h1"));
        // What is kept, for how long, and how to ask for erasure.
        assert_eq!(
            r.texts(".prose h2").len(),
            4,
            "{lang}: {:?}",
            r.texts(".prose h2")
        );
        assert!(r.shows_text("privacy@techbridge.example.org"), "{lang}");
        // Bold where it is meant, in Chinese too (CommonMark does not close
        // `**…：**` before a CJK character).
        assert_eq!(r.texts(".prose strong").len(), 9, "{lang}");
        assert!(!r.shows_text("**"), "{lang}: markdown left as text");
        let footer = r.attrs("footer a", "href");
        assert!(
            footer.contains(&format!("/{lang}/privacy")),
            "{lang}: {footer:?}"
        );
    }
    titles.sort();
    titles.dedup();
    assert_eq!(titles.len(), 3, "{titles:?}");
    drop(app);

    let t = TestApp::demo().await;
    let app = t.service().await;
    let catalogue = get(&app, "/en/technologies").await;
    let technology = catalogue
        .attr(".card-title a", "href")
        .expect("a technology");
    let needs = get(&app, "/en/needs").await;
    let need = needs.attr(".card-title a", "href").expect("a need");
    for lang in LANGS {
        let re_lang = |path: &str| path.replacen("/en/", &format!("/{lang}/"), 1);
        let with_consent = [
            re_lang(&technology),
            format!("/{lang}/needs/new"),
            format!("{}/interest", re_lang(&need)),
            format!("/{lang}/programme/apply"),
        ];
        let without = [
            format!("/{lang}/alerts"),
            format!("/{lang}/programme/status"),
        ];
        for path in with_consent.iter().chain(&without) {
            let r = get(&app, path).await;
            assert_eq!(r.status, 200, "{path}");
            let inside = r.attrs("main form a", "href");
            assert!(
                inside.contains(&format!("/{lang}/privacy")),
                "{path}: no link to the privacy notice in the form: {inside:?}"
            );
        }
        for path in &with_consent {
            let r = get(&app, path).await;
            assert!(
                r.attr("#consent[required]", "id").is_some(),
                "{path}: consent not required"
            );
            let label = r.text("label[for=consent] .req");
            assert!(!label.is_empty(), "{path}: consent not marked as required");
            assert_eq!(
                r.attr("#consent", "aria-describedby").as_deref(),
                Some("consent-privacy"),
                "{path}"
            );
        }
    }
}

#[actix_web::test]
async fn root_redirects_by_cookie_then_accept_language_then_english() {
    let t = TestApp::empty().await;
    let app = t.service().await;
    let r = send(
        &app,
        TestRequest::get()
            .uri("/")
            .insert_header(("accept-language", "id-ID,id;q=0.9,en;q=0.8")),
    )
    .await;
    assert_eq!(r.status, 302);
    assert_eq!(r.location(), Some("/id/"));
    assert!(r.header("vary").unwrap_or("").contains("Accept-Language"));
    let r = send(
        &app,
        TestRequest::get()
            .uri("/")
            .insert_header(("accept-language", "id"))
            .insert_header(("cookie", "lang=zh-CN")),
    )
    .await;
    assert_eq!(r.location(), Some("/zh-CN/"));
    let r = send(
        &app,
        TestRequest::get()
            .uri("/")
            .insert_header(("accept-language", "fr-FR,de;q=0.5")),
    )
    .await;
    assert_eq!(r.location(), Some("/en/"));
    let r = get(&app, "/").await;
    assert_eq!(r.location(), Some("/en/"));
}

#[actix_web::test]
async fn visiting_a_language_remembers_it() {
    let t = TestApp::empty().await;
    let app = t.service().await;
    let r = get(&app, "/id/technologies").await;
    let cookie = r.header("set-cookie").unwrap_or("");
    assert!(cookie.starts_with("lang=id;"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"));
    // Already remembered: no cookie again (keeps responses cacheable).
    let r = send(
        &app,
        TestRequest::get()
            .uri("/id/technologies")
            .insert_header(("cookie", "lang=id")),
    )
    .await;
    assert!(r.header("set-cookie").is_none());
}

#[actix_web::test]
async fn short_alias_redirects_to_the_full_tag_keeping_path_and_query() {
    let t = TestApp::empty().await;
    let app = t.service().await;
    let r = get(
        &app,
        "/zh/technologies?q=%E6%B0%B4%E7%A8%BB&field=agriculture",
    )
    .await;
    assert_eq!(r.status, 301);
    assert_eq!(
        r.location(),
        Some("/zh-CN/technologies?q=%E6%B0%B4%E7%A8%BB&field=agriculture")
    );
    assert_eq!(get(&app, "/zh").await.location(), Some("/zh-CN/"));
    assert_eq!(get(&app, "/en").await.location(), Some("/en/"));
}

#[actix_web::test]
async fn the_switcher_keeps_the_page_and_the_query() {
    let t = TestApp::empty().await;
    TechnologyBuilder::new(RICE).insert(t.conn()).await;
    let app = t.service().await;
    let r = get(&app, "/id/technologies?q=padi&field=agriculture").await;
    let links = r.attrs(".lang-switch a", "href");
    assert_eq!(
        links,
        vec![
            "/zh-CN/technologies?q=padi&field=agriculture",
            "/en/technologies?q=padi&field=agriculture",
            "/id/technologies?q=padi&field=agriculture"
        ]
    );
    assert_eq!(
        r.attr(".lang-switch a[aria-current]", "hreflang")
            .as_deref(),
        Some("id")
    );
    let r = get(&app, &format!("/en/technologies/{RICE}")).await;
    assert!(
        r.attrs(".lang-switch a", "href")
            .contains(&format!("/zh-CN/technologies/{RICE}"))
    );
}

#[actix_web::test]
async fn missing_translation_falls_back_with_a_notice_in_the_visitors_language() {
    let t = TestApp::empty().await;
    // A news item without Indonesian text.
    let slug = "new-cohort-of-asean-young-scientists-arrives-in-guangxi";
    NewsBuilder::new(slug)
        .only_in(&["en", "zh-CN"])
        .insert(t.conn())
        .await;
    // A technology without Chinese text.
    let dengue = "dengue-ns1-antigen-and-igm-igg-antibody-combined-rapid-test";
    TechnologyBuilder::new(dengue)
        .only_in(&["en", "id"])
        .insert(t.conn())
        .await;
    let app = t.service().await;
    let r = get(&app, &format!("/id/news/{slug}")).await;
    assert_eq!(r.status, 200);
    let notice = r.text(".notice-fallback");
    assert!(notice.contains("bahasa Inggris"), "{notice}");
    assert!(
        notice.contains("Bahasa Indonesia") || notice.contains("bahasa Indonesia"),
        "{notice}"
    );
    assert_eq!(r.attr(".detail-head", "lang").as_deref(), Some("en"));
    // The same item in English has no notice.
    let r = get(&app, &format!("/en/news/{slug}")).await;
    assert!(r.texts(".notice-fallback").is_empty());
    // A technology without Chinese text falls back to English on /zh-CN/.
    let r = get(&app, &format!("/zh-CN/technologies/{dengue}")).await;
    assert_eq!(r.status, 200);
    assert!(r.text(".notice-fallback").contains("英文"));
}

#[actix_web::test]
async fn unknown_language_and_unknown_slug_give_a_translated_404() {
    let t = TestApp::empty().await;
    let app = t.service().await;
    let mut titles = Vec::new();
    for lang in LANGS {
        for p in [
            "/technologies/no-such-technology",
            "/news/nope",
            "/events/nope",
            "/programme/fellows/nope",
            "/needs/nope",
            "/no-such-page",
        ] {
            let r = get(&app, &format!("/{lang}{p}")).await;
            assert_eq!(r.status, 404, "/{lang}{p}");
            assert_eq!(r.attr("html", "lang").as_deref(), Some(lang), "/{lang}{p}");
            assert_eq!(r.header("cache-control"), Some("no-store"));
        }
        titles.push(get(&app, &format!("/{lang}/nope")).await.text("h1"));
        // The switcher offers the same address in the other languages.
        let r = get(&app, &format!("/{lang}/news/nope?x=1")).await;
        let links = r.attrs(".lang-switch a", "href");
        assert_eq!(links.len(), 3, "{links:?}");
        for other in LANGS {
            assert!(
                links.contains(&format!("/{other}/news/nope?x=1")),
                "{links:?}"
            );
        }
    }
    titles.dedup();
    assert_eq!(titles.len(), 3, "{titles:?}");
    let r = send(
        &app,
        TestRequest::get()
            .uri("/xx/technologies")
            .insert_header(("accept-language", "zh-CN")),
    )
    .await;
    assert_eq!(r.status, 404);
    assert_eq!(r.attr("html", "lang").as_deref(), Some("zh-CN"));
    assert!(!r.body.contains("actix") && !r.body.contains("panicked"));
}

#[actix_web::test]
async fn health_touches_the_database() {
    let t = TestApp::empty().await;
    let app = t.service().await;
    let r = get(&app, "/healthz").await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("\"database\":\"ok\""));
    t.conn().clone().close().await.ok();
    let r = get(&app, "/healthz").await;
    assert_eq!(r.status, 503);
    // Load balancers read the JSON, not an error page.
    assert!(r.body.contains("\"status\":\"unhealthy\""), "{}", r.body);
    assert!(r.header("retry-after").is_some());
}

#[actix_web::test]
async fn security_headers_on_every_response() {
    let t = TestApp::empty().await;
    let app = t.service().await;
    for path in [
        "/en/",
        "/en/nope",
        "/static/css/site.css",
        "/healthz",
        "/robots.txt",
        "/",
    ] {
        let r = get(&app, path).await;
        let csp = r
            .header("content-security-policy")
            .unwrap_or_else(|| panic!("{path}: no CSP"));
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert!(csp.contains("frame-ancestors 'none'"));
        assert_eq!(
            r.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert!(r.header("referrer-policy").is_some(), "{path}");
        assert!(r.header("server").is_none(), "{path}: server header");
        // The id of the request's log line, handed back for support.
        let id = r.header("x-request-id").unwrap_or_default().to_owned();
        assert_eq!(id.len(), 36, "{path}: x-request-id {id:?}");
        let again = get(&app, path).await;
        assert_ne!(again.header("x-request-id"), Some(id.as_str()), "{path}");
    }
}

#[actix_web::test]
async fn pages_have_no_inline_script_or_style() {
    let t = TestApp::empty().await;
    let db = t.conn();
    // With pictures, as pictures are where size styles creep in.
    let picture = MediaBuilder::png("rice-terraces.png", 1200, 800)
        .insert(db)
        .await;
    TechnologyBuilder::new(RICE)
        .picture(picture)
        .featured()
        .insert(db)
        .await;
    EventBuilder::new("jakarta-technology-matchmaking")
        .cover(picture)
        .insert(db)
        .await;
    NewsBuilder::new("rice-varieties-head-to-lao-paddy-fields")
        .cover(picture)
        .insert(db)
        .await;
    let app = t.service().await;
    for path in [
        "/en/",
        &format!("/en/technologies/{RICE}"),
        "/en/technologies",
    ] {
        let r = get(&app, path).await;
        assert!(
            r.attrs("[style]", "style").is_empty(),
            "{path}: inline style attribute"
        );
        let sel = scraper::Selector::parse("script").unwrap();
        for s in r.html().select(&sel) {
            // A JSON-LD data block is never run.
            let data = s.value().attr("type") == Some("application/ld+json");
            assert!(
                data || s.value().attr("src").is_some(),
                "{path}: inline script"
            );
        }
        assert!(
            r.attrs("[onclick], [onload], [onerror]", "onclick")
                .is_empty()
        );
    }
}

#[actix_web::test]
async fn static_assets_are_versioned_and_cached() {
    let t = TestApp::empty().await;
    let app = t.service().await;
    let page = get(&app, "/en/").await;
    let css = page.attr("link[rel=stylesheet]", "href").unwrap();
    assert!(css.contains("?v="));
    let r = get(&app, &css).await;
    assert_eq!(r.status, 200);
    assert!(
        r.header("cache-control")
            .unwrap_or("")
            .contains("immutable")
    );
    assert!(r.header("etag").is_some());
    let r = send(
        &app,
        TestRequest::get()
            .uri("/static/css/site.css")
            .insert_header(("accept-encoding", "gzip")),
    )
    .await;
    assert_eq!(r.header("content-encoding"), Some("gzip"));
}

#[actix_web::test]
async fn repeated_page_request_with_its_etag_is_304() {
    let t = TestApp::empty().await;
    NewsBuilder::new("rice-varieties-head-to-lao-paddy-fields")
        .insert(t.conn())
        .await;
    let app = t.service().await;
    let r = get(&app, "/en/news").await;
    let etag = r.header("etag").unwrap().to_owned();
    let r = send(
        &app,
        TestRequest::get()
            .uri("/en/news")
            .insert_header(("if-none-match", etag.as_str())),
    )
    .await;
    assert_eq!(r.status, 304);
    assert!(r.body.is_empty());
}

#[actix_web::test]
async fn home_shows_figures_from_the_data_and_settings() {
    let t = TestApp::empty().await;
    let db = t.conn();
    setting(db, "network_members", "2600").await;
    // Featured technologies are the ones the home page shows.
    TechnologyBuilder::new(RICE).featured().insert(db).await;
    for slug in ["drip-irrigation-kits", "solar-cold-storage"] {
        TechnologyBuilder::new(slug).insert(db).await;
    }
    // Not counted: a draft.
    TechnologyBuilder::new("draft-technology")
        .status("draft")
        .insert(db)
        .await;
    EventBuilder::new("jakarta-technology-matchmaking")
        .insert(db)
        .await;
    NewsBuilder::new("rice-varieties-head-to-lao-paddy-fields")
        .insert(db)
        .await;
    open_call(db).await;
    let app = t.service().await;
    let r = get(&app, "/en/").await;
    let figures = r.texts(".figure-list li");
    assert!(figures.iter().any(|f| f.contains("2,600")), "{figures:?}");
    assert!(figures.iter().any(|f| f.starts_with("3 ")), "{figures:?}");
    let r = get(&app, "/id/").await;
    assert!(
        r.texts(".figure-list li")
            .iter()
            .any(|f| f.contains("2.600"))
    );
    assert!(!r.texts(".tech-card").is_empty());
    assert!(!r.texts(".event-card").is_empty());
    assert!(!r.texts(".news-card").is_empty());
    assert!(r.attr(".call-banner a.button", "href").as_deref() == Some("/id/programme/apply"));
}

#[actix_web::test]
async fn dates_on_pages_follow_the_locale() {
    let t = TestApp::empty().await;
    let slug = "china-and-asean-launch-special-action-to-transfer-1000-technologies";
    NewsBuilder::new(slug)
        .published("2022-10-25T10:00:00Z")
        .insert(t.conn())
        .await;
    let app = t.service().await;
    assert!(
        get(&app, &format!("/en/news/{slug}"))
            .await
            .text(".detail-head time")
            .contains("25 October 2022")
    );
    assert!(
        get(&app, &format!("/zh-CN/news/{slug}"))
            .await
            .text(".detail-head time")
            .contains("2022年10月25日")
    );
    assert!(
        get(&app, &format!("/id/news/{slug}"))
            .await
            .text(".detail-head time")
            .contains("25 Oktober 2022")
    );
}

#[actix_web::test]
async fn hand_edited_page_numbers_never_break_a_list() {
    let t = TestApp::empty().await.with_accounts().await;
    let db = t.conn();
    // One record in each list, and more technologies than a page of the
    // back office's list holds (25).
    for n in 0..26 {
        TechnologyBuilder::new(&format!("technology-{n}"))
            .insert(db)
            .await;
    }
    NewsBuilder::new("rice-varieties-head-to-lao-paddy-fields")
        .insert(db)
        .await;
    EventBuilder::new("jakarta-technology-matchmaking")
        .insert(db)
        .await;
    NeedBuilder::new("high-yield-rice-for-karawang")
        .insert(db)
        .await;
    FellowBuilder::new("nguyen-thi-lan").insert(db).await;
    let app = t.service().await;
    let pages = [
        "0",
        "-1",
        "abc",
        "99999999",
        "4294967296",
        "461168601842738792",
        "1000000000000000000",
        "99999999999999999999",
    ];
    for list in [
        "/en/news",
        "/en/events",
        "/en/needs",
        "/en/programme/fellows",
    ] {
        for p in pages {
            let r = get(&app, &format!("{list}?page={p}")).await;
            assert_eq!(r.status, 200, "{list}?page={p}");
            assert!(!r.text("h1").is_empty(), "{list}?page={p}");
        }
    }
    let mut admin = login(&app, ADMIN).await;
    for list in [
        "/admin/audit",
        "/admin/inquiries",
        "/admin/applications",
        "/admin/news",
        "/admin/technologies",
    ] {
        for p in pages {
            let r = admin.get(&app, &format!("{list}?page={p}")).await;
            assert_eq!(r.status, 200, "{list}?page={p}");
        }
    }
    let r = get(&app, "/sitemap-18446744073709551615.xml").await;
    assert_eq!(r.status, 404);
}

#[actix_web::test]
async fn a_nul_byte_in_an_address_or_a_form_is_refused_or_dropped_never_a_500() {
    let t = TestApp::empty().await;
    TechnologyBuilder::new(RICE).insert(t.conn()).await;
    let app = t.service().await;
    for path in [
        "/en/technologies/%00",
        "/en/news/a%00b",
        "/en/events/%00.ics",
        "/en/needs/%00",
        "/en/programme/fellows/%00",
        "/en/news?event=%00",
        "/en/search?q=%00",
        "/en/technologies?q=rice%00",
    ] {
        let r = get(&app, path).await;
        assert_eq!(r.status, 400, "{path}");
        assert_eq!(r.text("h1"), "Request not understood", "{path}");
    }
    // In a form, the NUL is dropped and the rest is kept.
    use sea_orm::ConnectionTrait;
    let r = post_form(
        &app,
        &format!("/id/technologies/{RICE}/inquiry"),
        &[
            ("name", "Budi\u{0} Santoso"),
            ("organisation", "Koperasi Tani\u{0}"),
            ("country", "ID"),
            ("email", "budi@tani.example.id"),
            (
                "message",
                "Kami ingin menanam padi hibrida di lahan kami.\u{0}",
            ),
            ("consent", "yes"),
            ("website", ""),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let row = t
        .conn()
        .query_one_raw(sea_orm::Statement::from_string(
            t.conn().get_database_backend(),
            "SELECT name, organisation FROM inquiries",
        ))
        .await
        .unwrap()
        .unwrap();
    let name: String = row.try_get("", "name").unwrap();
    let org: String = row.try_get("", "organisation").unwrap();
    assert_eq!(
        (name.as_str(), org.as_str()),
        ("Budi Santoso", "Koperasi Tani")
    );
}

#[actix_web::test]
async fn a_later_page_of_a_list_has_that_page_as_canonical_and_alternates() {
    let t = TestApp::empty().await;
    // Twenty a page: two pages.
    for n in 0..21 {
        TechnologyBuilder::new(&format!("technology-{n}"))
            .insert(t.conn())
            .await;
    }
    let app = t.service().await;
    let r = get(&app, "/id/technologies?page=2").await;
    assert_eq!(r.status, 200);
    let canonical = r.attr("link[rel=canonical]", "href").unwrap();
    assert!(
        canonical.ends_with("/id/technologies?page=2"),
        "{canonical}"
    );
    for lang in LANGS {
        let alt = r
            .attr(&format!("link[rel=alternate][hreflang='{lang}']"), "href")
            .unwrap();
        assert!(
            alt.ends_with(&format!("/{lang}/technologies?page=2")),
            "{alt}"
        );
    }
    let x = r
        .attr("link[rel=alternate][hreflang=x-default]", "href")
        .unwrap();
    assert!(x.ends_with("/en/technologies?page=2"), "{x}");
}

#[actix_web::test]
async fn news_can_be_narrowed_to_an_event_from_the_list_itself() {
    let t = TestApp::empty().await;
    let db = t.conn();
    let forum = EventBuilder::new("10th-china-asean-technology-transfer-forum")
        .title("zh-CN", "第十届中国—东盟技术转移与创新合作大会")
        .at("2022-09-16T09:00", "2022-09-16T17:00")
        .insert(db)
        .await;
    let camp = EventBuilder::new("innovation-and-entrepreneurship-camp")
        .title("zh-CN", "中国—东盟创新创业训练营")
        .insert(db)
        .await;
    for (slug, event) in [
        (
            "special-action-to-transfer-1000-technologies",
            Some(forum.id),
        ),
        ("alliance-founded-at-the-forum", Some(forum.id)),
        ("camp-opens-for-applications", Some(camp.id)),
        ("network-passes-2600-members", None),
    ] {
        let news = NewsBuilder::new(slug);
        match event {
            Some(e) => news.event(e),
            None => news,
        }
        .insert(db)
        .await;
    }
    let app = t.service().await;
    let r = get(&app, "/zh-CN/news").await;
    let options = r.attrs("#nf-event option", "value");
    assert!(options.len() >= 2, "any, then events: {options:?}");
    assert_eq!(options[0], "");
    // Titles in the visitor's language.
    let label = r.texts("#nf-event option")[1].clone();
    assert!(
        label
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{label}"
    );
    let slug = &options[1];
    let all = r.texts(".news-card h3").len();
    let narrowed = get(&app, &format!("/zh-CN/news?event={slug}")).await;
    let n = narrowed.texts(".news-card h3").len();
    assert!(n >= 1 && n <= all, "{n} of {all}");
    assert_eq!(
        narrowed
            .attr("#nf-event option[selected]", "value")
            .as_deref(),
        Some(slug.as_str())
    );
    // Each of those news items names that event on its page.
    for href in narrowed.attrs(".news-card h3 a", "href") {
        let page = get(&app, &href).await;
        assert!(
            page.attrs("main a", "href")
                .iter()
                .any(|h| h.ends_with(&format!("/events/{slug}"))),
            "{href} links its event"
        );
    }
}

#[actix_web::test]
async fn public_pages_are_kept_until_the_data_changes() {
    use sea_orm::ConnectionTrait;
    use techbridge::db::statements::counted;
    const LAUNCH: &str = "china-and-asean-launch-special-action-to-transfer-1000-technologies";
    let minute = std::time::Duration::from_secs(60);
    let content = |db: sea_orm::DatabaseConnection| async move {
        NewsBuilder::new(LAUNCH)
            .title(
                "en",
                "China and ASEAN launch special action to transfer 1,000 technologies",
            )
            .insert(&db)
            .await;
        NewsBuilder::new("a-second-item").insert(&db).await;
        EventBuilder::new("jakarta-technology-matchmaking")
            .insert(&db)
            .await;
        open_call(&db).await;
    };
    // Told of changes only when it reads the data version (as an instance
    // whose notification channel is down, with a long interval).
    let t = TestApp::empty_with(|c| {
        c.page_cache = minute;
        c.data_poll = minute;
    })
    .await;
    content(t.conn().clone()).await;
    let app = t.service().await;
    let titles = |r: &Resp| r.texts(".news-card h3").join(" | ");
    let first = get(&app, "/en/news").await;
    assert!(titles(&first).contains("1,000"), "{}", titles(&first));
    // Between writes a page is served from memory: no statement at all.
    let (again, n) = counted(get(&app, "/en/news")).await;
    assert_eq!(n, 0, "a kept page asks nothing of the database");
    assert_eq!(again.body, first.body);
    assert_eq!(again.header("etag"), first.header("etag"));
    let etag = first.header("etag").unwrap().to_owned();
    let r = send(
        &app,
        actix_web::test::TestRequest::get()
            .uri("/en/news")
            .insert_header(("if-none-match", etag)),
    )
    .await;
    assert_eq!(r.status, 304, "answered from memory too");

    // Changed behind the app's back (as another instance would): unseen
    // until the version is read...
    t.conn()
        .execute_unprepared(&format!(
            "UPDATE news_translations SET title = 'Changed elsewhere' WHERE lang = 'en' AND news_id = (SELECT id FROM news WHERE slug = '{LAUNCH}')"
        ))
        .await
        .unwrap();
    assert_eq!(get(&app, "/en/news").await.body, first.body);
    // ...which a write handled by this instance does at once, whatever it
    // wrote (here: nothing public).
    let r = post_form(
        &app,
        "/en/programme/status",
        &[
            ("reference", "ATS-0000-XXXXX-XXXXX"),
            ("email", "x@example.org"),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(titles(&get(&app, "/en/news").await).contains("Changed elsewhere"));

    // Read on every request (the tests' default), a change elsewhere shows
    // on the very next one.
    let t = TestApp::empty_with(|c| c.page_cache = minute).await;
    content(t.conn().clone()).await;
    let app = t.service().await;
    let before = get(&app, "/en/events").await;
    t.conn()
        .execute_unprepared(
            "UPDATE event_translations SET title = 'Renamed at once' WHERE lang = 'en'",
        )
        .await
        .unwrap();
    let after = get(&app, "/en/events").await;
    assert!(after.body.contains("Renamed at once"));
    assert!(!before.body.contains("Renamed at once"));
    // A write to what is not public (here, the sessions) is no change: the
    // page stays in memory, and only the version is read.
    let (_, n) = counted(get(&app, "/en/events")).await;
    assert_eq!(n, 1, "only the version is read");
    t.conn()
        .execute_unprepared("DELETE FROM sessions")
        .await
        .unwrap();
    let (kept, n) = counted(get(&app, "/en/events")).await;
    assert_eq!(n, 1, "still kept: nothing public changed");
    assert_eq!(kept.body, after.body);

    // A news item scheduled a moment ahead appears at its time, with no
    // write in between: the next scheduled change is known.
    let t = TestApp::empty_with(|c| {
        c.page_cache = minute;
        c.data_poll = minute;
    })
    .await;
    content(t.conn().clone()).await;
    let soon = chrono::Utc::now() + chrono::Duration::seconds(2);
    NewsBuilder::new("scheduled-item")
        .title("en", "Scheduled for a moment ahead")
        .published(&soon.to_rfc3339())
        .insert(t.conn())
        .await;
    let app = t.service().await;
    let hidden = get(&app, "/en/news").await;
    assert!(
        !titles(&hidden).contains("moment ahead"),
        "{}",
        titles(&hidden)
    );
    actix_web::rt::time::sleep(std::time::Duration::from_millis(2500)).await;
    let shown = get(&app, "/en/news").await;
    assert!(
        titles(&shown).contains("moment ahead"),
        "{}",
        titles(&shown)
    );

    // The application form carries a token of its own: never shared.
    let token = |r: &Resp| r.attr("input[name=submission_token]", "value").unwrap();
    let a = get(&app, "/en/programme/apply").await;
    let b = get(&app, "/en/programme/apply").await;
    assert_ne!(token(&a), token(&b));
    assert_eq!(a.header("cache-control"), Some("no-store"));
}

/// Bytes on the wire for `path` when the client accepts gzip.
async fn gzip_size<S, B>(app: &S, path: &str) -> usize
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let res = actix_web::test::call_service(
        app,
        TestRequest::get()
            .uri(path)
            .insert_header(("accept-encoding", "gzip"))
            .to_request(),
    )
    .await;
    assert_eq!(res.status(), 200, "{path}");
    assert_eq!(
        res.headers()
            .get("content-encoding")
            .and_then(|v| v.to_str().ok()),
        Some("gzip"),
        "{path} is compressed"
    );
    actix_web::test::read_body(res).await.len()
}

/// The budget of PRODUCT.md: a public page's HTML and CSS together under
/// 60 KB compressed, for every page type in every language, details and
/// forms included. (Scripts only enhance: the browser suite runs the
/// journeys with JavaScript off.)
#[actix_web::test]
async fn every_page_type_weighs_under_60_kb_compressed_with_its_css() {
    // The budget holds for pages as full as the demo content makes them.
    let t = TestApp::demo().await;
    let app = t.service().await;
    let mut heaviest = (0, String::new());
    for lang in LANGS {
        let mut paths: Vec<String> = PAGES.iter().map(|p| format!("/{lang}{p}")).collect();
        paths.extend(
            ["/programme/apply", "/programme/status", "/search?q=zzzqqq"]
                .map(|p| format!("/{lang}{p}")),
        );
        for (list, kind) in [
            ("/technologies", "technologies"),
            ("/events", "events"),
            ("/news", "news"),
            ("/needs", "needs"),
            ("/programme/fellows", "programme/fellows"),
        ] {
            let page = get(&app, &format!("/{lang}{list}")).await;
            let prefix = format!("/{lang}/{kind}/");
            let detail = page
                .attrs("main a", "href")
                .into_iter()
                .find(|h| {
                    h.strip_prefix(&prefix)
                        .is_some_and(|rest| !rest.is_empty() && !rest.contains(['/', '?', '.']))
                        && !h.ends_with("/new")
                })
                .unwrap_or_else(|| panic!("{list} links a detail page"));
            paths.push(detail);
        }
        for path in paths {
            let page = get(&app, &path).await;
            let mut total = gzip_size(&app, &path).await;
            let sheets = page.attrs("link[rel=stylesheet]", "href");
            assert!(!sheets.is_empty(), "{path} has its stylesheet");
            for css in sheets {
                total += gzip_size(&app, &css).await;
            }
            assert!(total < 60 * 1024, "{path}: {total} bytes compressed");
            if total > heaviest.0 {
                heaviest = (total, path);
            }
        }
    }
    eprintln!(
        "heaviest page with its CSS: {} ({} bytes gzip)",
        heaviest.1, heaviest.0
    );
}

/// A site that still shows the demo content says so on every public page,
/// in the page's language, until an administrator removes the notice; a
/// site without demo content never says it.
#[actix_web::test]
async fn demo_content_is_announced_until_an_administrator_removes_the_notice() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    for (lang, word) in [("en", "fictional"), ("zh-CN", "虚构"), ("id", "fiktif")] {
        for p in ["/", "/technologies", "/news", "/about"] {
            let r = get(&app, &format!("/{lang}{p}")).await;
            assert!(
                r.text(".notice-demo").contains(word),
                "{lang}{p}: {:?}",
                r.text(".notice-demo")
            );
        }
    }
    // An editor may not remove it, and is not offered to.
    let mut editor = login(&app, EDITOR).await;
    assert!(
        !editor
            .get(&app, "/admin/settings")
            .await
            .has("#demo-notice-title")
    );
    let r = editor
        .post_csrf(&app, "/admin/settings/demo-notice", &[])
        .await;
    assert_eq!(r.status, 403);
    assert!(get(&app, "/en/").await.has(".notice-demo"));
    // The administrator removes it; every page stops saying it at once.
    let mut admin = login(&app, ADMIN).await;
    assert!(
        admin
            .get(&app, "/admin/settings")
            .await
            .has("#demo-notice-title")
    );
    let r = admin
        .post_csrf(&app, "/admin/settings/demo-notice", &[])
        .await;
    assert_eq!(r.status, 303);
    for p in ["/en/", "/zh-CN/technologies", "/id/news"] {
        assert!(!get(&app, p).await.has(".notice-demo"), "{p}");
    }
    // And may show it again.
    admin
        .post_csrf(&app, "/admin/settings/demo-notice", &[("show", "on")])
        .await;
    assert!(get(&app, "/en/").await.has(".notice-demo"));

    let empty = TestApp::empty().await;
    let app = empty.service().await;
    assert!(!get(&app, "/en/").await.has(".notice-demo"));
}
