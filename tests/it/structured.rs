//! schema.org JSON-LD on the pages search engines read: the organisation
//! and the site search on the home page, technologies, events in their own
//! zone, news, the programme's call, in the page's language.

use serde_json::Value;

use crate::support::*;

/// Every JSON-LD block of a page, parsed, by its `@type`.
fn blocks(r: &Resp) -> Vec<Value> {
    let sel = scraper::Selector::parse("script[type='application/ld+json']").unwrap();
    r.html()
        .select(&sel)
        .map(|s| {
            let text: String = s.text().collect();
            serde_json::from_str::<Value>(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
        })
        .collect()
}

fn of_type<'a>(blocks: &'a [Value], t: &str) -> &'a Value {
    blocks
        .iter()
        .find(|b| b["@type"] == t)
        .unwrap_or_else(|| panic!("no {t} in {blocks:#?}"))
}

#[actix_web::test]
async fn pages_describe_what_they_show_in_schema_org_json_ld() {
    let t = TestApp::empty().await;
    let db = t.conn();
    TechnologyBuilder::new("solar-cold-room")
        .title(
            "en",
            "Solar cold room </script><script>alert(1)</script> & more",
        )
        .title("zh-CN", "太阳能冷库")
        .countries(&["ID", "VN"])
        .insert(db)
        .await;
    EventBuilder::new("jakarta-matchmaking-day")
        .title("id", "Hari Temu Bisnis Jakarta")
        .timezone("Asia/Jakarta")
        .country("ID")
        .at("2027-02-03T13:30", "2027-02-03T17:00")
        .insert(db)
        .await;
    NewsBuilder::new("rice-news")
        .title("en", "Hybrid rice reaches Laos")
        .insert(db)
        .await;
    open_call(db).await;
    let app = t.service().await;

    let home = get(&app, "/zh-CN/").await;
    let b = blocks(&home);
    let org = of_type(&b, "Organization");
    assert_eq!(org["@context"], "https://schema.org");
    assert_eq!(org["name"], "中国—东盟技术转移中心");
    assert_eq!(org["inLanguage"], "zh-CN");
    let site = of_type(&b, "WebSite");
    assert_eq!(
        site["potentialAction"]["target"],
        "http://localhost:8080/zh-CN/technologies?q={search_term_string}"
    );

    // A title that tries to close the script element stays inside it.
    let tech = get(&app, "/en/technologies/solar-cold-room").await;
    assert!(!tech.body.contains("<script>alert(1)"));
    let b = blocks(&tech);
    let p = of_type(&b, "Product");
    assert_eq!(
        p["name"],
        "Solar cold room </script><script>alert(1)</script> & more"
    );
    assert_eq!(
        p["url"],
        "http://localhost:8080/en/technologies/solar-cold-room"
    );
    let served: Vec<&str> = p["areaServed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(served, vec!["Indonesia", "Viet Nam"]);
    let zh = blocks(&get(&app, "/zh-CN/technologies/solar-cold-room").await);
    assert_eq!(of_type(&zh, "Product")["name"], "太阳能冷库");
    assert_eq!(of_type(&zh, "Product")["inLanguage"], "zh-CN");

    // The event in its own zone (13:30 in Jakarta is UTC+07:00).
    let b = blocks(&get(&app, "/id/events/jakarta-matchmaking-day").await);
    let e = of_type(&b, "Event");
    assert_eq!(e["name"], "Hari Temu Bisnis Jakarta");
    assert_eq!(e["startDate"], "2027-02-03T13:30:00+07:00");
    assert_eq!(e["endDate"], "2027-02-03T17:00:00+07:00");
    assert_eq!(e["location"]["@type"], "Place");
    assert_eq!(e["location"]["address"]["addressCountry"], "ID");
    assert_eq!(e["organizer"]["@type"], "Organization");

    let b = blocks(&get(&app, "/en/news/rice-news").await);
    let n = of_type(&b, "NewsArticle");
    assert_eq!(n["headline"], "Hybrid rice reaches Laos");
    assert!(n["datePublished"].as_str().unwrap().ends_with('Z'));
    assert_eq!(n["publisher"]["@type"], "Organization");

    let b = blocks(&get(&app, "/en/programme").await);
    let c = of_type(&b, "EducationalOccupationalProgram");
    assert!(c["applicationDeadline"].as_str().is_some(), "{c}");
    assert_eq!(c["provider"]["@type"], "Organization");
}
