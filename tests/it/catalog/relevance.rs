//! What people mean (issue 15): word forms, compounds, related words across
//! languages, ranking by where and how many words are found, the fallback
//! to partial matches, "did you mean", and relevance as the order of a
//! query typed into the form.

use crate::support::*;

const DRINK: &str = "solar-powered-ultrafiltration-drinking-water-stations-for-villages";
const WASTE: &str =
    "decentralised-rural-wastewater-treatment-with-biofilters-and-constructed-wetlands";
const POME: &str = "palm-oil-mill-effluent-treatment-with-high-rate-anaerobic-reactors";
const SUGARCANE: &str = "virus-free-sugarcane-seedlings-and-mechanised-harvesting-system";
const DENGUE: &str = "dengue-ns1-antigen-and-igm-igg-antibody-combined-rapid-test";

fn slugs(r: &Resp) -> Vec<String> {
    r.attrs(".tech-card h3 a", "href")
        .into_iter()
        .map(|h| h.rsplit('/').next().unwrap_or_default().to_owned())
        .collect()
}

#[actix_web::test]
async fn the_observed_queries_find_what_was_meant() {
    let t = TestApp::demo().await;
    let app = t.service().await;

    // Water treatment: the three water plants, before the sugarcane
    // seedlings whose body mentions a hot-water treatment.
    let found = slugs(&get(&app, "/en/technologies?q=water+treatment").await);
    for slug in [DRINK, WASTE, POME] {
        let at = found.iter().position(|s| s == slug);
        assert!(at.is_some_and(|i| i < 4), "{slug}: {found:?}");
    }
    if let Some(cane) = found.iter().position(|s| s == SUGARCANE) {
        assert!(cane >= 3, "{found:?}");
    }

    // Indonesian affixes and related words.
    for (q, expected) in [
        ("penjernihan+air", DRINK),
        ("beras", RICE),
        ("tenaga+surya", DRINK),
        ("waste+water", WASTE),
    ] {
        let found = slugs(&get(&app, &format!("/id/technologies?q={q}")).await);
        assert!(
            found.iter().take(3).any(|s| s == expected),
            "{q}: {found:?}"
        );
    }

    // A Chinese query finds a technology written only in English and
    // Indonesian.
    let found = slugs(&get(&app, "/zh-CN/technologies?q=%E7%99%BB%E9%9D%A9%E7%83%AD").await);
    assert_eq!(found.first().map(String::as_str), Some(DENGUE), "{found:?}");
}

#[actix_web::test]
async fn a_title_hit_ranks_above_a_body_hit() {
    let t = TestApp::empty().await;
    let db = t.conn();
    TechnologyBuilder::new("beidou-autosteering")
        .title("en", "Beidou autosteering for plantations")
        .title("id", "Kemudi otomatis Beidou untuk perkebunan")
        .title("zh-CN", "北斗自动导航驾驶系统")
        .description("en", "Works in rubber and oil palm plantations.")
        .description("id", "Untuk perkebunan karet dan sawit.")
        .description("zh-CN", "适用于橡胶和油棕种植园。")
        .insert(db)
        .await;
    TechnologyBuilder::new("rubber-processing-line")
        .title("en", "Automated natural rubber processing line")
        .title("id", "Lini pengolahan karet remah otomatis")
        .title("zh-CN", "标准橡胶自动化加工生产线")
        .published_days_ago(30)
        .insert(db)
        .await;
    let app = t.service().await;
    for (lang, q) in [
        ("id", "karet"),
        ("zh-CN", "%E6%A9%A1%E8%83%B6"),
        ("en", "rubber"),
    ] {
        let found = slugs(&get(&app, &format!("/{lang}/technologies?q={q}")).await);
        assert_eq!(
            found,
            vec!["rubber-processing-line", "beidou-autosteering"],
            "{q}"
        );
    }
}

#[actix_web::test]
async fn without_every_word_the_best_partial_matches_are_shown_and_said() {
    let t = TestApp::demo().await;
    let app = t.service().await;
    let r = get(&app, "/en/technologies?q=solar+zeppelin").await;
    assert!(!slugs(&r).is_empty());
    let note = r.text(".partial-note");
    assert!(note.contains("solar zeppelin"), "{note}");
    let r = get(&app, "/id/technologies?q=surya+zeppelin").await;
    assert!(r.text(".partial-note").contains("Tidak ada teknologi"));
    // Every word somewhere: no note.
    let r = get(&app, "/en/technologies?q=solar+villages").await;
    assert!(r.texts(".partial-note").is_empty());
}

#[actix_web::test]
async fn a_misspelt_word_offers_the_catalogue_word() {
    let t = TestApp::demo().await;
    let app = t.service().await;
    for (lang, q, word) in [("en", "solr", "solar"), ("id", "padii", "padi")] {
        let r = get(&app, &format!("/{lang}/technologies?q={q}")).await;
        let link = r.attr(".did-you-mean a", "href").unwrap_or_default();
        assert!(link.contains(&format!("q={word}")), "{q}: {link}");
        assert_eq!(r.text(".did-you-mean a"), word);
    }
    let r = get(&app, "/en/technologies?q=solar").await;
    assert!(r.texts(".did-you-mean").is_empty());
}

#[actix_web::test]
async fn a_query_is_ordered_by_relevance_unless_the_visitor_picks_another_order() {
    let t = TestApp::empty().await;
    let db = t.conn();
    // The newest has the word in its body only; the older in its title.
    TechnologyBuilder::new("older-pumps")
        .title("en", "Hydraulic pumps remanufactured")
        .published_days_ago(40)
        .insert(db)
        .await;
    TechnologyBuilder::new("newer-fans")
        .title("en", "Synchronous motors for fans")
        .description("en", "Also drives pumps.")
        .published_days_ago(1)
        .insert(db)
        .await;
    let app = t.service().await;
    // The list without words: newest is the default, sent as no value, so
    // typing words into this form asks for relevance.
    let r = get(&app, "/en/technologies").await;
    assert_eq!(
        r.attr("#sort option[selected]", "value").as_deref(),
        Some("")
    );
    assert!(
        r.attrs("#sort option", "value")
            .iter()
            .all(|v| v != "relevance")
    );
    // The form sends the empty sort; the address drops it.
    let r = get(&app, "/en/technologies?q=pump&sort=").await;
    assert_eq!(r.location(), Some("/en/technologies?q=pump"));
    let r = get(&app, "/en/technologies?q=pump").await;
    assert_eq!(slugs(&r), vec!["older-pumps", "newer-fans"]);
    assert_eq!(
        r.attr("#sort option[selected]", "value").as_deref(),
        Some("")
    );
    assert_eq!(r.text("#sort option[selected]"), "Relevance");
    // Chosen: newest first.
    let r = get(&app, "/en/technologies?q=pump&sort=newest").await;
    assert_eq!(slugs(&r), vec!["newer-fans", "older-pumps"]);
    assert_eq!(
        r.attr("#sort option[selected]", "value").as_deref(),
        Some("newest")
    );
}

/// A record matching only a number of the query is not a partial match
/// worth showing: `default' AND 47=11` and `default' AND 47=47` answer
/// alike (nothing), on the catalogue and in the site search, while a real
/// word with the number still finds it, and a number alone finds it.
#[actix_web::test]
async fn numbers_alone_do_not_make_a_partial_match() {
    let t = TestApp::empty().await;
    TechnologyBuilder::new("solar-pumps-for-11-villages")
        .title("en", "Solar pumps for 11 villages")
        .insert(t.conn())
        .await;
    let app = t.service().await;
    for path in ["/en/technologies", "/en/search"] {
        for q in [
            "default'+AND+47%3D11+AND+'47'%3D'47",
            "default'+AND+47%3D47+AND+'47'%3D'47",
        ] {
            let r = get(&app, &format!("{path}?q={q}")).await;
            assert_eq!(r.status, 200);
            assert!(
                r.attrs("main a", "href")
                    .iter()
                    .all(|h| !h.contains("solar-pumps")),
                "{path}?q={q}"
            );
        }
        for q in ["pump+11", "11"] {
            let r = get(&app, &format!("{path}?q={q}")).await;
            assert!(
                r.attrs("main a", "href")
                    .iter()
                    .any(|h| h.ends_with("/technologies/solar-pumps-for-11-villages")),
                "{path}?q={q}"
            );
        }
    }
}
