//! The catalogue: cross-language search, Chinese bigrams, filters, facets,
//! hostile input, inquiries and needs.

use sea_orm::DatabaseConnection;

use crate::support::*;

/// The rice package, as the demo has it: titled in the three languages,
/// offered to five ASEAN countries, described at length, its contact
/// complete.
fn rice() -> TechnologyBuilder {
    TechnologyBuilder::new(RICE)
        .title(
            "en",
            "Hybrid Rice Varieties and High-Yield Cultivation Package for Tropical Paddy Fields",
        )
        .title("zh-CN", "热带稻区杂交水稻品种及高产栽培技术")
        .title(
            "id",
            "Varietas Padi Hibrida dan Paket Budidaya Hasil Tinggi untuk Sawah Tropis",
        )
        .description(
            "en",
            "Hybrid rice combinations selected over twelve seasons in southern Guangxi, with a \
             cultivation protocol for two- and three-crop tropical paddy systems. The partner \
             receives training in hybrid seed production (row ratios, gibberellin timing, \
             isolation).",
        )
        .description(
            "id",
            "Kombinasi padi hibrida hasil seleksi dua belas musim tanam di Guangxi selatan, \
             dengan protokol budidaya untuk pola tanam dua dan tiga kali setahun di sawah tropis.",
        )
        .field("agriculture")
        .trl(9)
        .modes(&["licensing", "technical_service"])
        .countries(&["ID", "VN", "PH", "MM", "LA"])
        .contact(
            "Dr. Huang Zhiqiang",
            "huangzq@gxrice.example.cn",
            "+86 771 555 0142",
        )
        .website("https://www.gxrice.example.cn")
}

/// Ten technologies across fields, countries, readiness levels,
/// cooperation modes and IP statuses, for the filters and their counts.
async fn varied_catalogue(db: &DatabaseConnection) {
    rice().insert(db).await;
    type Tech<'a> = (&'a str, &'a str, &'a [&'a str], i16, &'a [&'a str], &'a str);
    let others: &[Tech<'_>] = &[
        (
            "cassava-starch-processing",
            "agriculture",
            &["TH", "VN"],
            8,
            &["licensing"],
            "patent_granted",
        ),
        (
            "drip-irrigation-kits",
            "agriculture",
            &["ID"],
            7,
            &["equipment_supply"],
            "know_how",
        ),
        (
            "solar-photovoltaic-mini-grids",
            "new_energy",
            &["PH", "ID"],
            8,
            &["licensing", "joint_venture"],
            "patent_granted",
        ),
        (
            "household-biogas-digesters",
            "new_energy",
            &["KH", "LA"],
            9,
            &["technical_service"],
            "open",
        ),
        (
            "offshore-aquaculture-cages",
            "marine",
            &["ID", "MY"],
            6,
            &["joint_rnd"],
            "patent_pending",
        ),
        (
            "seaweed-processing-line",
            "marine",
            &["PH"],
            8,
            &["licensing"],
            "patent_granted",
        ),
        (
            "rural-water-treatment-units",
            "environment_water",
            &["BN", "SG"],
            7,
            &["equipment_supply"],
            "patent_granted",
        ),
        (
            "telemedicine-carts",
            "health_biomedicine",
            &["SG"],
            9,
            &["licensing"],
            "patent_granted",
        ),
        (
            "smart-port-logistics",
            "smart_city_transport",
            &["BN"],
            5,
            &["joint_rnd"],
            "know_how",
        ),
    ];
    for (slug, field, countries, trl, modes, ip) in others {
        TechnologyBuilder::new(slug)
            .field(field)
            .countries(countries)
            .trl(*trl)
            .modes(modes)
            .ip_status(ip)
            .insert(db)
            .await;
    }
}

/// `n` technologies whose English titles are not in the order they were
/// stored, each published on a different day.
async fn many(db: &DatabaseConnection, n: usize) {
    const WORDS: &[&str] = &[
        "Mango", "Cassava", "Rubber", "Bamboo", "Solar", "Wind", "Biogas", "Water", "Mangrove",
        "Battery",
    ];
    for i in 0..n {
        let title = format!("{} technology {i:02}", WORDS[(i * 7) % WORDS.len()]);
        TechnologyBuilder::new(&format!("technology-{i:02}"))
            .title("en", &title)
            .published_days_ago(i64::try_from((i * 3) % 100 + 1).unwrap())
            .insert(db)
            .await;
    }
}

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
        assert!(r.status == 200 || r.status == 400, "{case}: {}", r.status);
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
async fn detail_shows_every_field_in_the_visitors_language() {
    let t = TestApp::empty().await;
    let db = t.conn();
    rice().insert(db).await;
    // Related: another technology of its field.
    TechnologyBuilder::new("drip-irrigation-kits")
        .insert(db)
        .await;
    // A need it answers: its field, one of its countries.
    NeedBuilder::new("high-yield-rice-varieties-for-irrigated-paddy-fields-in-karawang")
        .insert(db)
        .await;
    let app = t.service().await;
    let r = get(&app, &format!("/id/technologies/{RICE}")).await;
    assert_eq!(r.status, 200);
    assert!(r.text("h1").to_lowercase().contains("padi"));
    let facts = r.texts(".detail-facts dd").join(" | ");
    assert!(facts.contains("Indonesia"), "{facts}");
    assert!(facts.contains("TRL"), "{facts}");
    assert!(!r.text(".detail-facts dt").is_empty());
    // Provider, contact by mail and phone, the provider's site.
    assert!(facts.contains("Dr. Huang Zhiqiang"), "{facts}");
    assert!(r.attr("a[href='tel:+867715550142']", "href").is_some());
    assert!(
        r.attr("a[href='mailto:huangzq@gxrice.example.cn']", "href")
            .is_some()
    );
    assert!(
        r.attr(
            ".detail-facts a[href='https://www.gxrice.example.cn']",
            "href"
        )
        .is_some()
    );
    assert!(r.attr(".detail-facts time[datetime]", "datetime").is_some());
    assert!(r.text("#desc-title + .prose").len() > 100);
    assert!(
        r.attr("form[action$='/inquiry#inquiry']", "method")
            .is_some()
    );
    let zh = get(&app, &format!("/zh-CN/technologies/{RICE}")).await;
    assert!(zh.text("h1").contains("水稻"));
    assert!(
        zh.texts(".detail-facts dd")
            .join(" ")
            .contains("印度尼西亚")
    );
    // Related technologies and matching needs.
    assert!(
        !r.attrs("#related-title ~ .card-grid .tech-card", "class")
            .is_empty()
    );
    let needs = r.attrs("#needs-title ~ .card-grid .need-card h3 a", "href");
    assert!(needs.iter().any(|h| h.contains("karawang")), "{needs:?}");
}

fn inquiry_form<'a>() -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", "Siti Rahmawati"),
        ("organisation", "Koperasi Tani Makmur"),
        ("country", "ID"),
        ("email", "siti@koperasi.example.org"),
        (
            "message",
            "Kami ingin mencoba varietas padi hibrida ini di 50 hektar sawah di Karawang.",
        ),
        ("consent", "yes"),
        ("website", ""),
    ]
}

async fn inquiry_count(t: &TestApp) -> u64 {
    use sea_orm::{EntityTrait, PaginatorTrait};
    techbridge::entities::inquiry::Entity::find()
        .count(t.conn())
        .await
        .unwrap()
}

#[actix_web::test]
async fn inquiry_is_stored_with_its_language_and_redirects_to_a_confirmation() {
    let t = TestApp::empty().await;
    rice().insert(t.conn()).await;
    let app = t.service().await;
    let path = format!("/id/technologies/{RICE}/inquiry");
    let r = post_form(&app, &path, &inquiry_form()).await;
    assert_eq!(r.status, 303);
    let sent = r.location().unwrap().to_owned();
    assert_eq!(sent, format!("/id/technologies/{RICE}/inquiry/sent"));
    let r = get(&app, &sent).await;
    assert_eq!(r.status, 200);
    assert!(r.text(".confirmation").to_lowercase().contains("padi"));
    use sea_orm::EntityTrait;
    let all = techbridge::entities::inquiry::Entity::find()
        .all(t.conn())
        .await
        .unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].lang, "id");
    assert_eq!(all[0].status, "new");
    assert_eq!(all[0].country, "ID");
    assert_eq!(all[0].email, "siti@koperasi.example.org");
    // Never public: nothing of it on the technology page.
    let page = get(&app, &format!("/en/technologies/{RICE}")).await;
    assert!(!page.body.contains("Koperasi Tani Makmur"));
}

#[actix_web::test]
async fn inquiry_errors_are_shown_at_each_field_with_everything_kept() {
    let t = TestApp::empty().await;
    rice().insert(t.conn()).await;
    let app = t.service().await;
    let path = format!("/en/technologies/{RICE}/inquiry");
    let cases: &[(&str, &str, &str)] = &[
        ("name", "", "name-error"),
        ("organisation", "  ", "organisation-error"),
        ("country", "FR", "country-error"),
        ("email", "not-an-email", "email-error"),
        ("email", "", "email-error"),
        ("message", "too short", "message-error"),
        ("message", &"x".repeat(6000), "message-error"),
        ("name", &"n".repeat(161), "name-error"),
    ];
    for (field, value, error_id) in cases {
        let mut form = inquiry_form();
        for f in form.iter_mut() {
            if f.0 == *field {
                f.1 = value;
            }
        }
        let r = post_form(&app, &path, &form).await;
        assert_eq!(r.status, 422, "{field}={value}");
        assert!(
            !r.text(&format!("#{error_id}")).is_empty(),
            "{field}: no error at the field"
        );
        assert_eq!(
            r.attr(&format!("#{field}"), "aria-invalid").as_deref(),
            Some("true")
        );
        assert!(!r.text("#error-summary").is_empty());
        // Everything typed is kept.
        if *field != "organisation" {
            assert_eq!(
                r.attr("#organisation", "value").as_deref(),
                Some("Koperasi Tani Makmur")
            );
        }
        if *field != "message" {
            assert!(r.text("#message").contains("varietas padi"));
        }
        assert!(r.attr("#consent", "checked").is_some());
    }
    let mut form = inquiry_form();
    form.retain(|f| f.0 != "consent");
    let r = post_form(&app, &path, &form).await;
    assert_eq!(r.status, 422);
    assert!(!r.text("#consent-error").is_empty());
    // In Chinese, the error is in Chinese.
    let r = post_form(&app, &format!("/zh-CN/technologies/{RICE}/inquiry"), &form).await;
    assert!(
        r.text("#consent-error")
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    );
    assert_eq!(inquiry_count(&t).await, 0);
}

#[actix_web::test]
async fn inquiry_honeypot_and_rate_limit() {
    let t = TestApp::empty().await;
    rice().insert(t.conn()).await;
    let app = t.service().await;
    let path = format!("/en/technologies/{RICE}/inquiry");
    let mut bot = inquiry_form();
    bot.retain(|f| f.0 != "website");
    bot.push(("website", "http://spam.example.com"));
    let r = post_form(&app, &path, &bot).await;
    assert_eq!(r.status, 303, "a bot sees success");
    assert_eq!(inquiry_count(&t).await, 0, "but nothing is stored");
    for _ in 0..5 {
        assert_eq!(post_form(&app, &path, &inquiry_form()).await.status, 303);
    }
    let r = post_form(&app, &path, &inquiry_form()).await;
    assert_eq!(r.status, 429);
    assert!(r.header("retry-after").is_some());
    assert_eq!(r.attr("html", "lang").as_deref(), Some("en"));
    assert_eq!(inquiry_count(&t).await, 5);
}

#[actix_web::test]
async fn cross_site_posts_are_refused() {
    let t = TestApp::empty().await;
    rice().insert(t.conn()).await;
    let app = t.service().await;
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(inquiry_form())
        .finish();
    for (name, value) in [
        ("sec-fetch-site", "cross-site"),
        ("origin", "https://evil.example.com"),
    ] {
        let r = send(
            &app,
            actix_web::test::TestRequest::post()
                .uri(&format!("/en/technologies/{RICE}/inquiry"))
                .insert_header(("content-type", "application/x-www-form-urlencoded"))
                .insert_header((name, value))
                .set_payload(body.clone()),
        )
        .await;
        assert_eq!(r.status, 403, "{name}");
    }
    assert_eq!(inquiry_count(&t).await, 0);
}

#[actix_web::test]
async fn a_posted_need_waits_for_approval() {
    let t = TestApp::empty().await;
    let app = t.service().await;
    let form = [
        (
            "title",
            "Solar cold storage for fishing villages in Palawan",
        ),
        (
            "description",
            "We need small solar-powered cold rooms of 5 to 10 tonnes for fishing cooperatives without grid power.",
        ),
        ("field", "new_energy"),
        ("country", "PH"),
        ("organisation", "Palawan Fisherfolk Federation"),
        ("contact_name", "Maria Santos"),
        ("contact_email", "maria@pff.example.org"),
        ("consent", "yes"),
        ("website", ""),
    ];
    let r = post_form(&app, "/en/needs/new", &form).await;
    assert_eq!(r.status, 303);
    assert_eq!(r.location(), Some("/en/needs/submitted"));
    assert!(
        !get(&app, "/en/needs")
            .await
            .body
            .contains("Palawan Fisherfolk")
    );
    assert!(
        !get(&app, "/en/search?q=Palawan")
            .await
            .body
            .contains("Palawan Fisherfolk")
    );
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let n = techbridge::entities::need::Entity::find()
        .filter(
            techbridge::entities::need::Column::Organisation.eq("Palawan Fisherfolk Federation"),
        )
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(n.status, "pending");
    assert_eq!(
        get(&app, &format!("/en/needs/{}", n.slug)).await.status,
        404
    );
    // Missing fields come back at the field, typed text kept.
    let r = post_form(
        &app,
        "/en/needs/new",
        &[("title", "Drip irrigation"), ("field", "agriculture")],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(!r.text("#description-error").is_empty());
    assert_eq!(
        r.attr("#title", "value").as_deref(),
        Some("Drip irrigation")
    );
    assert!(
        r.attr("#field option[value=agriculture]", "selected")
            .is_some()
    );
}

#[actix_web::test]
async fn published_needs_list_their_matching_technologies() {
    let t = TestApp::empty().await;
    let db = t.conn();
    NeedBuilder::new("high-yield-rice-varieties-for-irrigated-paddy-fields-in-karawang")
        .title(
            "en",
            "High-yield rice varieties for irrigated paddy fields in Karawang",
        )
        .insert(db)
        .await;
    // Its field and country: a match; and words of its title besides: the
    // best match, though stored after the other.
    TechnologyBuilder::new("drip-irrigation-kits")
        .insert(db)
        .await;
    rice().insert(db).await;
    // Neither its field nor its country.
    TechnologyBuilder::new("telemedicine-carts")
        .field("health_biomedicine")
        .countries(&["SG"])
        .insert(db)
        .await;
    let app = t.service().await;
    let r = get(
        &app,
        "/en/needs/high-yield-rice-varieties-for-irrigated-paddy-fields-in-karawang",
    )
    .await;
    assert_eq!(r.status, 200);
    let techs = r.attrs(".tech-card h3 a", "href");
    assert_eq!(
        techs.first(),
        Some(&format!("/en/technologies/{RICE}")),
        "{techs:?}"
    );
    let r = get(&app, "/id/needs?country=ID").await;
    assert!(r.body.contains("karawang"));
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
