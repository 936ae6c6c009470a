//! A technology's page: every field in the visitor's language, related
//! technologies and the needs it answers.

use super::*;
use crate::support::*;

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

/// Place order and brackets follow the language, not the template: "Guangxi,
/// China" in English, 中国广西 in Chinese; counts in the TRL choices in
/// full-width brackets in Chinese.
#[actix_web::test]
async fn places_and_brackets_follow_the_language() {
    let t = TestApp::empty().await;
    rice().insert(t.conn()).await;
    let app = t.service().await;
    let en = get(&app, &format!("/en/technologies/{RICE}")).await;
    let en_facts = en.texts(".detail-facts dd .muted").join(" | ");
    assert!(en_facts.contains("Guangxi, China"), "{en_facts}");
    let zh = get(&app, &format!("/zh-CN/technologies/{RICE}")).await;
    let zh_facts = zh.texts(".detail-facts dd .muted").join(" | ");
    assert!(zh_facts.contains("中国广西"), "{zh_facts}");
    assert!(!zh_facts.contains(", "), "{zh_facts}");
    let zh_list = get(&app, "/zh-CN/technologies").await;
    let options = zh_list.texts("select[name=trl_min] option").join(" | ");
    assert!(
        options.contains('（') && !options.contains(" ("),
        "{options}"
    );
}
