//! Finding technologies: any language, Chinese two-character terms,
//! title hits first, the site search grouped by kind, snippets.

use super::*;
use crate::support::*;

#[actix_web::test]
async fn padi_in_indonesian_finds_the_rice_technology() {
    let t = TestApp::empty().await;
    rice().insert(t.conn()).await;
    // "padi" in a description only: found, after the title hit.
    TechnologyBuilder::new("grain-dryers")
        .title("id", "Mesin pengering gabah")
        .description(
            "id",
            "Mengeringkan gabah padi setelah panen tanpa sinar matahari.",
        )
        .insert(t.conn())
        .await;
    TechnologyBuilder::new("solar-photovoltaic-mini-grids")
        .insert(t.conn())
        .await;
    let app = t.service().await;
    for q in ["padi", "Padi", "PADI"] {
        let r = get(&app, &format!("/id/technologies?q={q}")).await;
        assert_eq!(r.status, 200);
        let hrefs = r.attrs(".tech-card h3 a", "href");
        assert_eq!(
            hrefs.first().map(String::as_str),
            Some(format!("/id/technologies/{RICE}").as_str()),
            "{q}: {hrefs:?}"
        );
    }
}

#[actix_web::test]
async fn two_chinese_characters_find_rice_with_filters_title_hit_first() {
    let t = TestApp::empty().await;
    let db = t.conn();
    rice().insert(db).await;
    // 水稻 in the description only, in agriculture, for Indonesia: second.
    TechnologyBuilder::new("straw-mushroom-cultivation")
        .title("zh-CN", "秸秆栽培食用菌技术")
        .description("zh-CN", "利用水稻秸秆栽培草菇，增加农民收入。")
        .countries(&["ID"])
        .insert(db)
        .await;
    // 水稻 in the title, but another field, or another country.
    TechnologyBuilder::new("rice-husk-power-plants")
        .title("zh-CN", "水稻谷壳发电技术")
        .field("new_energy")
        .countries(&["ID"])
        .insert(db)
        .await;
    TechnologyBuilder::new("rice-transplanters")
        .title("zh-CN", "水稻插秧机")
        .countries(&["TH"])
        .insert(db)
        .await;
    let app = t.service().await;
    let r = get(
        &app,
        "/zh-CN/technologies?q=%E6%B0%B4%E7%A8%BB&field=agriculture&country=ID",
    )
    .await;
    let hrefs = r.attrs(".tech-card h3 a", "href");
    assert_eq!(hrefs.len(), 2, "{hrefs:?}");
    assert_eq!(hrefs[0], format!("/zh-CN/technologies/{RICE}"));
    assert!(r.body.contains("<mark>水稻</mark>"));
}

#[actix_web::test]
async fn a_query_matches_in_any_language_and_shows_the_visitors_language() {
    let t = TestApp::empty().await;
    rice().insert(t.conn()).await;
    TechnologyBuilder::new("solar-photovoltaic-mini-grids")
        .title("en", "Solar photovoltaic mini-grids for islands")
        .title("zh-CN", "海岛光伏微电网")
        .field("new_energy")
        .insert(t.conn())
        .await;
    let app = t.service().await;
    // An English word, searched from the Chinese catalogue: Chinese titles come back.
    let r = get(&app, "/zh-CN/technologies?q=rice").await;
    let hrefs = r.attrs(".tech-card h3 a", "href");
    assert!(
        hrefs.contains(&format!("/zh-CN/technologies/{RICE}")),
        "{hrefs:?}"
    );
    let title = r.text(".tech-card h3");
    assert!(
        title
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{title}"
    );
    // A Chinese term from the English catalogue.
    let r = get(&app, "/en/technologies?q=%E5%85%89%E4%BC%8F").await; // 光伏
    assert!(!r.attrs(".tech-card h3 a", "href").is_empty());
    let title = r.text(".tech-card h3");
    assert!(title.is_ascii(), "{title}");
}

#[actix_web::test]
async fn two_character_chinese_queries_find_their_fields() {
    let t = TestApp::empty().await;
    let db = t.conn();
    rice().insert(db).await;
    TechnologyBuilder::new("precision-agriculture-sensors")
        .title("zh-CN", "智慧农业传感器")
        .insert(db)
        .await;
    TechnologyBuilder::new("solar-photovoltaic-mini-grids")
        .title("zh-CN", "海岛光伏微电网")
        .field("new_energy")
        .insert(db)
        .await;
    // The same words in the descriptions of other fields.
    TechnologyBuilder::new("rural-water-treatment-units")
        .title("zh-CN", "农村污水处理设备")
        .description("zh-CN", "处理农业灌溉回水和水稻田排水，也可配光伏供电。")
        .field("environment_water")
        .insert(db)
        .await;
    let app = t.service().await;
    for (q, field) in [
        ("%E6%B0%B4%E7%A8%BB", "agriculture"),
        ("%E5%86%9C%E4%B8%9A", "agriculture"),
        ("%E5%85%89%E4%BC%8F", "new_energy"),
    ] {
        let r = get(&app, &format!("/zh-CN/technologies?q={q}")).await;
        assert_eq!(r.status, 200);
        assert!(
            !r.attrs(".tech-card", "class").is_empty(),
            "{q}: nothing found"
        );
        // The best hit is in the expected field.
        let first = r.text(".tech-card .tag-field");
        let expected = get(&app, &format!("/zh-CN/technologies?field={field}"))
            .await
            .text(&format!("#f-field-{field} + label"));
        assert!(
            expected.starts_with(&first),
            "{q}: first hit in {first}, expected {expected}"
        );
    }
}

#[actix_web::test]
async fn site_search_groups_results_by_kind_and_narrows_to_one() {
    let t = TestApp::empty().await;
    let db = t.conn();
    EventBuilder::new("14th-china-asean-technology-transfer-forum")
        .title(
            "en",
            "14th China-ASEAN Technology Transfer Forum in Nanning",
        )
        .insert(db)
        .await;
    EventBuilder::new("innovation-and-entrepreneurship-camp")
        .title("en", "Innovation camp in Nanning")
        .insert(db)
        .await;
    NewsBuilder::new("special-action-launched-in-nanning")
        .title(
            "en",
            "Special action to transfer 1,000 technologies launched in Nanning",
        )
        .insert(db)
        .await;
    TechnologyBuilder::new("nanning-smart-traffic-lights")
        .title("en", "Smart traffic lights proven in Nanning")
        .insert(db)
        .await;
    let app = t.service().await;
    let r = get(&app, "/en/search?q=Nanning").await;
    assert_eq!(r.status, 200);
    let groups = r.attrs(".search-group h2", "id");
    // Technologies come first when there are any; each kind at most once.
    let mut seen = groups.clone();
    seen.dedup();
    assert_eq!(seen, groups);
    assert!(groups.contains(&"group-events".to_owned()), "{groups:?}");
    assert!(groups.contains(&"group-news".to_owned()), "{groups:?}");
    let event_links = r.attrs("#group-events ~ .search-results a", "href");
    assert!(event_links.iter().all(|h| h.starts_with("/en/")));
    // The count line is the sum of the groups' counts.
    let counts: i64 = r
        .texts(".search-group h2 .count")
        .iter()
        .map(|c| {
            c.trim_matches(|ch: char| !ch.is_ascii_digit())
                .parse::<i64>()
                .unwrap()
        })
        .sum();
    assert!(r.text("[role=status]").contains(&counts.to_string()));
    // Narrowed to one kind: only that group, a way back, the kind kept in the form.
    let one = get(&app, "/en/search?q=Nanning&kind=events").await;
    assert_eq!(one.attrs(".search-group h2", "id"), vec!["group-events"]);
    assert_eq!(
        one.attr("form[role=search] input[name=kind]", "value")
            .as_deref(),
        Some("events")
    );
    assert!(
        one.attrs("main a", "href")
            .iter()
            .any(|h| h == "/en/search?q=Nanning"),
        "a link back to every kind"
    );
    // An unknown kind is ignored; a page past the end is empty, not an error.
    let odd = get(&app, "/en/search?q=Nanning&kind=%3Cscript%3E").await;
    assert_eq!(odd.attrs(".search-group h2", "id"), groups);
    assert_eq!(
        get(&app, "/en/search?q=Nanning&kind=news&page=99999999999")
            .await
            .status,
        200
    );
}

#[actix_web::test]
async fn a_word_found_in_the_description_is_shown_in_a_snippet_from_there() {
    let t = TestApp::empty().await;
    rice().insert(t.conn()).await;
    TechnologyBuilder::new("drip-irrigation-kits")
        .insert(t.conn())
        .await;
    let app = t.service().await;
    // "gibberellin" appears only in the rice package's description.
    for path in ["/en/technologies?q=gibberellin", "/en/search?q=gibberellin"] {
        let r = get(&app, path).await;
        let html = r.html();
        let marks: Vec<String> = html
            .select(&scraper::Selector::parse("main p mark").unwrap())
            .map(|m| m.text().collect())
            .collect();
        assert!(
            marks.iter().any(|m| m.eq_ignore_ascii_case("gibberellin")),
            "{path}: {marks:?}"
        );
    }
}

/// The site search finds needs, events and news by the catalogue's rule:
/// word forms (pumps/pump, menjernihkan/penjernihan), related words across
/// languages (padi ↔ rice), and a record written only in another language;
/// a draft stays out, and a need with only some of the words is not shown
/// beside one with all of them.
#[actix_web::test]
async fn the_site_search_matches_every_kind_as_the_catalogue_does() {
    let t = TestApp::empty().await;
    let db = t.conn();
    NeedBuilder::new("need-one")
        .title("id", "Penjernihan air sumur untuk desa pesisir")
        .title("en", "Clean well water for coastal villages")
        .title("zh-CN", "沿海村庄的井水净化")
        .insert(db)
        .await;
    NeedBuilder::new("need-two")
        .title("id", "Air untuk kolam ikan")
        .title("en", "Water for fish ponds")
        .title("zh-CN", "鱼塘用水")
        .insert(db)
        .await;
    NewsBuilder::new("news-one")
        .title("en", "Solar pumps reach smallholders in Luzon")
        .only_in(&["en"])
        .insert(db)
        .await;
    NewsBuilder::new("news-draft")
        .title("en", "Draft: more pumps")
        .only_in(&["en"])
        .status("draft")
        .insert(db)
        .await;
    EventBuilder::new("event-one")
        .title("en", "Hybrid rice field day")
        .only_in(&["en"])
        .insert(db)
        .await;
    let app = t.service().await;
    let links =
        |r: &Resp, kind: &str| r.attrs(&format!("#group-{kind} ~ .search-results a"), "href");
    // Indonesian word forms: menjernihkan is penjernihan's verb.
    let r = get(&app, "/id/search?q=menjernihkan+air").await;
    assert_eq!(
        links(&r, "needs"),
        vec!["/id/needs/need-one"],
        "{:?}",
        r.texts("main a")
    );
    // An English plural, in a text only in English, from the Chinese site.
    let r = get(&app, "/zh-CN/search?q=pump").await;
    assert_eq!(links(&r, "news"), vec!["/zh-CN/news/news-one"]);
    // A related word in another language.
    let r = get(&app, "/id/search?q=padi").await;
    assert_eq!(links(&r, "events"), vec!["/id/events/event-one"]);
}
