//! The catalogue list: filters and their counts, sorting, pages, empty
//! results, hostile or odd input, and what it never lists.

use super::*;
use crate::support::*;

#[actix_web::test]
async fn hostile_and_odd_input_never_breaks_the_catalogue() {
    let t = TestApp::empty().await;
    // Two pages of twenty.
    many(t.conn(), 30).await;
    let app = t.service().await;
    let long = "a".repeat(10_000);
    let cases = [
        "q=%27%20OR%201%3D1%20--",
        "q=%25",
        "q=_",
        "q=%5C",
        "q=%22",
        "q=*",
        "q=NEAR(",
        "q=AND",
        "q=OR",
        "q=NOT",
        "q=%22unterminated",
        "q=a%20AND%20b%20OR%20c",
        "q=title%3Arice",
        "q=%5E",
        "q=-rice",
        "page=0",
        "page=-1",
        "page=abc",
        "page=99999999",
        "page=99999999999999999999",
        "per_page=0",
        "per_page=-5",
        "per_page=100000",
        "field=%27%3B%20DROP%20TABLE%20technologies%3B--",
        "country=ZZ",
        "mode=%3Cscript%3E",
        "trl_min=abc",
        "trl_min=-3",
        "trl_max=100",
        "sort=%27",
        "q=%FF%FE%FD",
        "q=%E6%B0",
        "%%%=%%%",
        "q",
        "q=%00",
        "q=%F0%9F%98%80",
    ];
    for case in cases {
        let r = get(&app, &format!("/en/technologies?{case}")).await;
        // 302: a parameter without a value is dropped by a redirect.
        assert!(
            r.status == 200 || r.status == 400 || r.status == 302,
            "{case}: {}",
            r.status
        );
        assert!(
            !r.body.to_lowercase().contains("sqlite") && !r.body.contains("syntax error"),
            "{case}"
        );
        assert!(!r.body.contains("<script>"), "{case}");
    }
    let r = get(&app, &format!("/en/technologies?q={long}")).await;
    assert_eq!(r.status, 200);
    // The catalogue still has all its rows afterwards.
    let r = get(&app, "/en/technologies").await;
    assert!(
        r.text(".result-count").starts_with("30"),
        "{}",
        r.text(".result-count")
    );
    // A page past the end shows the last page.
    let r = get(&app, "/en/technologies?page=99999999").await;
    assert_eq!(
        r.attr(".pagination a[aria-current]", "href").as_deref(),
        Some("/en/technologies?page=2")
    );
}

#[actix_web::test]
async fn hostile_input_is_escaped_where_it_is_echoed() {
    let t = TestApp::empty().await;
    let app = t.service().await;
    let q = "%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E";
    let r = get(&app, &format!("/en/technologies?q={q}")).await;
    assert!(!r.body.contains("<img src=x"));
    assert_eq!(
        r.attr("#q", "value").as_deref(),
        Some("\"><img src=x onerror=alert(1)>")
    );
    let r = get(&app, &format!("/en/search?q={q}")).await;
    assert!(!r.body.contains("<img src=x"));
}

#[actix_web::test]
async fn filters_combine_and_facets_count_with_the_other_filters() {
    let t = TestApp::empty().await;
    varied_catalogue(t.conn()).await;
    let app = t.service().await;
    let all = get(&app, "/en/technologies?per_page=50").await;
    let total: usize = all.attrs(".tech-card", "class").len();
    assert_eq!(total, 10);
    let count_of = |r: &Resp, id: &str| -> i64 {
        let label = r.text(&format!("label[for={id}]"));
        let n = label.rsplit('(').next().unwrap().trim_end_matches(')');
        n.replace(',', "").parse().unwrap()
    };
    // Each field's count equals the number of results when that field is chosen.
    for field in ["agriculture", "new_energy", "marine"] {
        let n = count_of(&all, &format!("f-field-{field}"));
        let r = get(&app, &format!("/en/technologies?field={field}&per_page=50")).await;
        assert_eq!(r.attrs(".tech-card", "class").len() as i64, n, "{field}");
        assert!(
            r.texts(".tech-card .tag-field")
                .iter()
                .all(|t| !t.is_empty())
        );
    }
    // With agriculture chosen, the country counts are for agriculture only,
    // and the field counts still show every field (their own filter is ignored).
    let r = get(&app, "/en/technologies?field=agriculture&per_page=50").await;
    let id_count = count_of(&r, "f-country-ID");
    let both = get(
        &app,
        "/en/technologies?field=agriculture&country=ID&per_page=50",
    )
    .await;
    assert_eq!(both.attrs(".tech-card", "class").len() as i64, id_count);
    assert!(count_of(&r, "f-field-new_energy") > 0);
    // Two countries are OR; a field and a country are AND.
    let one = get(&app, "/en/technologies?country=BN&per_page=50")
        .await
        .attrs(".tech-card", "class")
        .len();
    let two = get(&app, "/en/technologies?country=BN&country=SG&per_page=50")
        .await
        .attrs(".tech-card", "class")
        .len();
    assert!(two >= one);
    // TRL range, cooperation mode and IP status filter too.
    let r = get(
        &app,
        "/en/technologies?trl_min=8&trl_max=9&mode=licensing&ip=patent_granted&per_page=50",
    )
    .await;
    let hrefs = r.attrs(".tech-card h3 a", "href");
    assert_eq!(hrefs.len(), 5, "{hrefs:?}");
    for href in hrefs {
        let d = get(&app, &href).await;
        let facts = d.texts(".detail-facts dd").join(" | ");
        assert!(
            facts.contains("TRL 8") || facts.contains("TRL 9"),
            "{facts}"
        );
        assert!(
            facts.contains("Licensing") && facts.contains("Patent granted"),
            "{facts}"
        );
    }
    // The active-filter summary lists each filter with a link that removes it.
    let r = get(&app, "/en/technologies?q=rice&field=agriculture&country=ID").await;
    let chips = r.attrs(".chips a.chip", "href");
    assert!(
        chips.contains(&"/en/technologies?q=rice&country=ID".to_owned()),
        "{chips:?}"
    );
    assert!(
        chips.contains(&"/en/technologies?q=rice&field=agriculture".to_owned()),
        "{chips:?}"
    );
    assert!(
        chips.contains(&"/en/technologies?field=agriculture&country=ID".to_owned()),
        "{chips:?}"
    );
}

#[actix_web::test]
async fn sorting_and_pagination() {
    let t = TestApp::empty().await;
    many(t.conn(), 30).await;
    let app = t.service().await;
    let r = get(&app, "/en/technologies?sort=title&per_page=50").await;
    let titles = r.texts(".tech-card h3");
    let mut sorted = titles.clone();
    sorted.sort_by_key(|s| s.to_lowercase());
    assert_ne!(
        titles,
        {
            let mut stored = titles.clone();
            stored.sort_by_key(|s| s[s.len() - 2..].to_owned());
            stored
        },
        "stored order is not title order"
    );
    assert_eq!(titles.len(), 30);
    assert_eq!(
        titles.iter().map(|s| s.to_lowercase()).collect::<Vec<_>>(),
        sorted.iter().map(|s| s.to_lowercase()).collect::<Vec<_>>()
    );
    let p1 = get(&app, "/en/technologies?per_page=10")
        .await
        .attrs(".tech-card h3 a", "href");
    let p2 = get(&app, "/en/technologies?per_page=10&page=2")
        .await
        .attrs(".tech-card h3 a", "href");
    assert_eq!(p1.len(), 10);
    assert_eq!(p2.len(), 10);
    assert!(p1.iter().all(|h| !p2.contains(h)));
    let r = get(&app, "/en/technologies?per_page=10&page=2").await;
    assert_eq!(
        r.attr("a[rel=next]", "href").as_deref(),
        Some("/en/technologies?per_page=10&page=3")
    );
    assert_eq!(
        r.attr("a[rel=prev]", "href").as_deref(),
        Some("/en/technologies?per_page=10")
    );
    // The page size is part of the form, so a filter sent without
    // JavaScript keeps it.
    assert_eq!(
        r.attr(
            "#catalog-form select[name=per_page] option[selected]",
            "value"
        )
        .as_deref(),
        Some("10")
    );
    let odd = get(&app, "/en/technologies?per_page=7").await;
    assert_eq!(odd.texts(".tech-card").len(), 7);
    assert_eq!(
        odd.attr("#per_page option[selected]", "value").as_deref(),
        Some("7")
    );
    // Bounds: at most 50, at least 5.
    assert_eq!(
        get(&app, "/en/technologies?per_page=100000")
            .await
            .texts(".tech-card")
            .len(),
        30
    );
    assert_eq!(
        get(&app, "/en/technologies?per_page=1")
            .await
            .texts(".tech-card")
            .len(),
        5
    );
    // Newest first: by publication date, as the database has them.
    use sea_orm::{EntityTrait, QueryOrder};
    use techbridge::entities::technology;
    let shown: Vec<String> = get(&app, "/en/technologies?sort=newest&per_page=50")
        .await
        .attrs(".tech-card h3 a", "href")
        .into_iter()
        .map(|h| h.trim_start_matches("/en/technologies/").to_owned())
        .collect();
    let now = chrono::Utc::now();
    let expected: Vec<String> = technology::Entity::find()
        .order_by_desc(technology::Column::PublishAt)
        .all(t.conn())
        .await
        .unwrap()
        .into_iter()
        .filter(|x| {
            x.status == "published"
                && x.publish_at.is_some_and(|p| p <= now)
                && x.expires_at.is_none_or(|e| e > now)
        })
        .map(|x| x.slug)
        .collect();
    assert_eq!(shown, expected);
}

#[actix_web::test]
async fn empty_result_says_so_and_suggests_what_to_loosen() {
    let t = TestApp::empty().await;
    TechnologyBuilder::new("offshore-aquaculture-cages")
        .field("marine")
        .insert(t.conn())
        .await;
    let app = t.service().await;
    let r = get(&app, "/en/technologies?q=zzzzqqqq&field=marine").await;
    assert!(r.texts(".tech-card").is_empty());
    assert!(!r.text(".empty h2").is_empty());
    let links = r.attrs(".empty li a", "href");
    assert!(
        links.contains(&"/en/technologies?q=zzzzqqqq".to_owned()),
        "{links:?}"
    );
    assert!(
        links.contains(&"/en/technologies?field=marine".to_owned()),
        "{links:?}"
    );
}

#[actix_web::test]
async fn expired_and_unpublished_listings_never_appear() {
    let t = TestApp::empty().await;
    rice().insert(t.conn()).await;
    let expired = "solar-powered-compact-4g-base-stations-for-remote-villages";
    TechnologyBuilder::new(expired)
        .title(
            "en",
            "Solar-powered compact 4G base stations for remote villages",
        )
        .field("digital_ict")
        .expired_days_ago(3)
        .insert(t.conn())
        .await;
    let app = t.service().await;
    assert_eq!(
        get(&app, &format!("/en/technologies/{expired}"))
            .await
            .status,
        404
    );
    let r = get(&app, "/en/technologies?q=4G%20base%20stations&per_page=50").await;
    assert!(!r.body.contains(expired));
    let r = get(&app, "/en/search?q=4G").await;
    assert!(!r.body.contains(expired));
    // Unpublish one: gone from list, search and its page.
    use sea_orm::{ConnectionTrait, Statement};
    t.conn()
        .execute_raw(Statement::from_string(
            t.conn().get_database_backend(),
            format!("UPDATE technologies SET status = 'draft' WHERE slug = '{RICE}'"),
        ))
        .await
        .unwrap();
    assert_eq!(
        get(&app, &format!("/en/technologies/{RICE}")).await.status,
        404
    );
    assert!(
        !get(&app, "/id/technologies?q=padi")
            .await
            .body
            .contains(RICE)
    );
    assert!(!get(&app, "/id/search?q=padi").await.body.contains(RICE));
}

#[actix_web::test]
async fn the_title_says_words_filters_and_page_and_a_page_past_the_end_says_so() {
    let t = TestApp::empty().await;
    for i in 0..7 {
        TechnologyBuilder::new(&format!("solar-dryer-{i}"))
            .title("en", &format!("Solar dryer {i}"))
            .insert(t.conn())
            .await;
    }
    let app = t.service().await;
    let r = get(
        &app,
        "/en/technologies?q=solar&field=agriculture&country=ID&per_page=5&page=9",
    )
    .await;
    let title = r.text("title");
    assert!(
        title.contains("“solar” – technologies, 2 filters, page 2"),
        "{title}"
    );
    assert!(
        r.text(".past-end").contains("no page 9"),
        "{}",
        r.text(".past-end")
    );
    // The filters fold into one control saying how many are chosen; the
    // form sends to the results.
    assert_eq!(r.text(".filters-fold > summary"), "Filters (2 active)");
    assert!(
        r.attr("#catalog-form", "action")
            .is_some_and(|a| a.ends_with("#results"))
    );
    assert_eq!(r.texts("#results").len(), 1);
    // Options with no result are offered but cannot be chosen.
    let r = get(&app, "/en/technologies").await;
    assert!(r.attr("#f-field-marine", "disabled").is_some());
    assert!(r.attr("#f-field-agriculture", "disabled").is_none());
    assert!(
        r.text("title").starts_with("Technologies"),
        "{}",
        r.text("title")
    );
    let r = get(&app, "/id/technologies?page=2&per_page=5").await;
    assert!(r.text("title").contains("halaman 2"), "{}", r.text("title"));
}

/// A form sent without JavaScript carries its empty fields; the address is
/// cleaned by a redirect, and the cleaned page is the same page.
#[actix_web::test]
async fn empty_parameters_are_dropped_from_the_address_by_a_redirect() {
    let t = TestApp::empty().await;
    many(t.conn(), 3).await;
    let app = t.service().await;
    for (from, to) in [
        (
            "/en/technologies?q=&field=agriculture&country=&trl_min=&sort=",
            "/en/technologies?field=agriculture",
        ),
        ("/id/technologies?q=+&page=", "/id/technologies"),
        ("/zh-CN/needs?field=&country=", "/zh-CN/needs"),
        ("/en/events?kind=&year=", "/en/events"),
        ("/en/search?q=", "/en/search"),
        (
            "/en/technologies?q=water+treatment&field=",
            "/en/technologies?q=water+treatment",
        ),
    ] {
        let r = get(&app, from).await;
        assert_eq!(r.status, 302, "{from}");
        assert_eq!(r.location(), Some(to), "{from}");
        assert_eq!(get(&app, to).await.status, 200, "{to}");
    }
    // A clean address is answered as it is, and a post is never redirected.
    assert_eq!(
        get(&app, "/en/technologies?field=agriculture").await.status,
        200
    );
    let r = get(&app, "/en/technologies?q=&field=agriculture").await;
    let clean = get(&app, r.location().unwrap()).await;
    let direct = get(&app, "/en/technologies?field=agriculture").await;
    assert_eq!(clean.texts(".card-title"), direct.texts(".card-title"));
}

/// A card whose text is in another language than the page says which, in
/// the page's language; a card in the page's language says nothing.
#[actix_web::test]
async fn a_card_in_another_language_says_which() {
    let t = TestApp::empty().await;
    TechnologyBuilder::new("only-chinese")
        .title("zh-CN", "仅有中文的技术")
        .only_in(&["zh-CN"])
        .insert(t.conn())
        .await;
    TechnologyBuilder::new("every-language")
        .insert(t.conn())
        .await;
    NewsBuilder::new("only-english")
        .title("en", "Only in English")
        .only_in(&["en"])
        .insert(t.conn())
        .await;
    let app = t.service().await;
    let r = get(&app, "/en/technologies").await;
    assert_eq!(r.texts(".tech-card .tag-lang"), vec!["In 中文"]);
    assert_eq!(
        r.attr(".tech-card .tag-lang", "lang").as_deref(),
        Some("en")
    );
    let r = get(&app, "/id/news").await;
    assert_eq!(r.texts(".news-card .tag-lang"), vec!["Dalam English"]);
    let r = get(&app, "/zh-CN/search?q=English").await;
    assert_eq!(r.texts(".search-results .tag-lang"), vec!["English原文"]);
}

/// Words longer than the longest search there is are not cut silently:
/// the start is searched and the page says so, on the catalogue and in the
/// site search.
#[actix_web::test]
async fn an_overlong_search_says_it_was_shortened() {
    let t = TestApp::empty().await;
    many(t.conn(), 3).await;
    let app = t.service().await;
    let long = "solar ".repeat(60);
    for (path, lang) in [
        ("/en/technologies", "en"),
        ("/id/search", "id"),
        ("/zh-CN/technologies", "zh-CN"),
    ] {
        let r = get(&app, &format!("{path}?q={}", long.trim().replace(' ', "+"))).await;
        assert_eq!(r.status, 200, "{path}");
        let note = r.texts(".partial-note").join(" ");
        assert!(note.contains("200"), "{lang}: {note}");
        let short = get(&app, &format!("{path}?q=solar+pump")).await;
        assert!(
            short
                .texts(".partial-note")
                .iter()
                .all(|n| !n.contains("200")),
            "{lang}"
        );
    }
}
