//! Punctuation between translated values comes from Fluent, not from the
//! templates: Chinese pages get a full-width colon with no space, full-width
//! brackets and the enumeration comma "、"; English pages keep ": ", " ( )"
//! and ", " exactly as before.

use crate::support::*;

#[actix_web::test]
async fn punctuation_between_translated_values_follows_the_language() {
    let t = TestApp::empty().await;
    let event = EventBuilder::new("rural-water-forum")
        .insert(t.conn())
        .await;
    NewsBuilder::new("rural-water-forum-report")
        .event(event.id)
        .insert(t.conn())
        .await;
    TechnologyBuilder::new("solar-home-kit")
        .field("new_energy")
        .countries(&["ID", "VN", "PH"])
        .trl(7)
        .insert(t.conn())
        .await;
    let app = t.service().await;

    for (lang, colon, sep, open, close, dash, [event, countries, filters, meant]) in [
        (
            "zh-CN",
            "：",
            "、",
            "（",
            "）",
            "——",
            ["相关活动", "目标国家", "已选条件", "您是不是要找"],
        ),
        (
            "en",
            ": ",
            ", ",
            " (",
            ")",
            " — ",
            [
                "Event",
                "Target countries",
                "Active filters",
                "Did you mean",
            ],
        ),
        (
            "id",
            ": ",
            ", ",
            " (",
            ")",
            " — ",
            [
                "Acara",
                "Negara tujuan",
                "Filter aktif",
                "Mungkin maksud Anda",
            ],
        ),
    ] {
        // The event a news item is about: "相关活动：<a>…</a>".
        let r = get(&app, &format!("/{lang}/news/rural-water-forum-report")).await;
        assert_eq!(r.status, 200);
        let title = r.text(".related-event a");
        assert!(!title.is_empty());
        assert_eq!(
            r.text(".related-event"),
            format!("{event}{colon}{title}"),
            "/{lang}"
        );

        // A technology card's countries: "目标国家：印度尼西亚、越南、菲律宾".
        let r = get(&app, &format!("/{lang}/technologies")).await;
        assert_eq!(r.status, 200);
        let names = r.texts(".card-meta .country");
        assert_eq!(names.len(), 3, "/{lang}: {names:?}");
        let meta = r
            .texts(".card-meta")
            .into_iter()
            .find(|m| m.contains(&names[0]))
            .unwrap();
        assert_eq!(meta, format!("{countries}{colon}{}", names.join(sep)));
        // A facet's count in this language's brackets, the space before
        // them included ("新能源（1）", "New energy (1)").
        let html = r.html();
        let sel = scraper::Selector::parse(".facet label").unwrap();
        let labels: Vec<String> = html
            .select(&sel)
            .map(|e| e.text().collect::<String>())
            .collect();
        let counted = labels
            .iter()
            .filter(|l| l.ends_with(&format!("{open}1{close}")))
            .count();
        assert!(counted >= 3, "/{lang}: {labels:?}");
        assert!(
            !labels.iter().any(|l| l.contains(" （")),
            "/{lang}: {labels:?}"
        );

        // The active filters' label.
        let r = get(&app, &format!("/{lang}/technologies?field=new_energy")).await;
        assert_eq!(
            r.text(".chips-label"),
            format!("{filters}{}", colon.trim_end())
        );

        // A misspelt search offers the catalogue's word after a label.
        let r = get(&app, &format!("/{lang}/technologies?q=solr")).await;
        assert_eq!(r.text(".did-you-mean"), format!("{meant}{colon}solar"));

        // The maturity level and its name on the technology's page.
        let r = get(&app, &format!("/{lang}/technologies/solar-home-kit")).await;
        assert_eq!(r.status, 200);
        let trl = r
            .texts("dd")
            .into_iter()
            .find(|d| d.starts_with("TRL 7"))
            .unwrap();
        assert!(trl.starts_with(&format!("TRL 7{dash}")), "/{lang}: {trl}");
    }
}
