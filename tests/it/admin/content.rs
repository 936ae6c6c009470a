//! Editing content: errors at their field with everything kept, the
//! translation status of each language, list filters.

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use techbridge::entities::news_translation;

use super::*;
use crate::support::*;

#[actix_web::test]
async fn validation_errors_are_at_the_field_with_everything_kept() {
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    b.get(&app, "/admin/technologies/new").await;
    let r = b
        .post_csrf(
            &app,
            "/admin/technologies/new",
            &[
                ("source_lang", "en"),
                ("status", "draft"),
                ("field", "agriculture"),
                ("trl", "12"),
                ("ip_status", "open"),
                ("province", "guangxi"),
                ("contact_name", "Li Wen"),
                ("contact_email", "not-an-email"),
                ("website", "javascript:alert(1)"),
                ("en.title", "Drip irrigation kit"),
                ("en.summary", ""),
                ("zh-CN.title", "滴灌套件"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    for id in [
        "trl-error",
        "contact_email-error",
        "website-error",
        "en-summary-error",
        "en-description-error",
        "modes-error",
        "countries-error",
        "zh-CN-summary-error",
    ] {
        assert!(!r.text(&format!("#{id}")).is_empty(), "no error at {id}");
    }
    assert_eq!(
        r.attr("#en-title", "value").as_deref(),
        Some("Drip irrigation kit")
    );
    assert_eq!(r.attr("#zh-CN-title", "value").as_deref(), Some("滴灌套件"));
    assert_eq!(r.attr("#contact_name", "value").as_deref(), Some("Li Wen"));
    assert!(
        r.attr("#field option[value=agriculture]", "selected")
            .is_some()
    );
    assert_eq!(
        techbridge::entities::technology::Entity::find()
            .count(t.conn())
            .await
            .unwrap(),
        0,
        "nothing saved"
    );
}

/// The error summary names each field as the form labels it, in the
/// editor's language with the text's language, in that language's
/// punctuation: never by its form name (`id.summary`).
#[actix_web::test]
async fn the_error_summary_names_fields_by_their_labels_in_the_editors_language() {
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    let form = [
        ("source_lang", "id"),
        ("status", "draft"),
        ("field", "agriculture"),
        ("trl", "12"),
        ("ip_status", "open"),
        ("province", "guangxi"),
        ("contact_name", "Li Wen"),
        ("contact_email", "li@example.org"),
        ("id.title", "Kit irigasi tetes"),
        ("id.summary", ""),
        ("action", "save"),
    ];
    for (lang, trl, summary_in_indonesian) in [
        ("en", "Maturity (TRL): ", "Summary (Bahasa Indonesia): "),
        ("zh-CN", "技术成熟度（TRL）：", "摘要（Bahasa Indonesia）："),
    ] {
        b.post_csrf(
            &app,
            "/admin/account",
            &[("action", "language"), ("ui_lang", lang)],
        )
        .await;
        b.get(&app, "/admin/technologies/new").await;
        let r = b.post_csrf(&app, "/admin/technologies/new", &form).await;
        assert_eq!(r.status, 422);
        let items = r.texts(".error-summary li");
        assert!(
            items.iter().any(|i| i.starts_with(trl)),
            "{lang}: {items:?}"
        );
        assert!(
            items.iter().any(|i| i.starts_with(summary_in_indonesian)),
            "{lang}: {items:?}"
        );
        assert!(
            items
                .iter()
                .all(|i| !i.contains("id.") && !i.starts_with("trl")),
            "{lang}: a form name in {items:?}"
        );
        assert_eq!(
            r.attr(".error-summary a[href='#id-summary']", "href")
                .as_deref(),
            Some("#id-summary"),
            "the line leads to the field"
        );
    }
}

#[actix_web::test]
async fn a_made_up_image_or_event_is_an_error_at_its_field_not_a_500() {
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    b.get(&app, "/admin/news/new").await;
    let mut form = news_form("Made-up references", "draft", "");
    form.extend([("cover", "987654"), ("event", "abc")]);
    let r = b.post_csrf(&app, "/admin/news/new", &form).await;
    assert_eq!(r.status, 422, "{}", r.text(".error-summary"));
    assert!(!r.text("#cover-error").is_empty());
    assert!(!r.text("#event-error").is_empty());
    assert_eq!(
        r.attr("#en-title", "value").as_deref(),
        Some("Made-up references")
    );
    assert_eq!(
        news_translation::Entity::find()
            .filter(news_translation::Column::Title.eq("Made-up references"))
            .count(t.conn())
            .await
            .unwrap(),
        0
    );
}

#[actix_web::test]
async fn translation_status_follows_edits_and_review() {
    let t = TestApp::empty().await.with_accounts().await;
    // Written in English, translated into Chinese and Indonesian.
    let rice = TechnologyBuilder::new("hybrid-rice-for-tropical-paddies")
        .insert(t.conn())
        .await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    let edit = format!("/admin/technologies/{}", rice.id);
    let r = b.get(&app, &edit).await;
    assert_eq!(
        r.attr("a[data-tab=id] .tr-badge", "class").as_deref(),
        Some("tr-badge tr-up-to-date")
    );
    // Change the English (source) description: the others become outdated.
    let html = r.html();
    let mut form: Vec<(String, String)> = Vec::new();
    for sel in [
        "input[type=text]",
        "input[type=email]",
        "input[type=url]",
        "input[type=number]",
        "input[type=datetime-local]",
        "input[type=hidden]",
    ] {
        let s = scraper::Selector::parse(&format!(".edit-form {sel}")).unwrap();
        for e in html.select(&s) {
            if let (Some(n), Some(v)) = (e.value().attr("name"), e.value().attr("value")) {
                form.push((n.to_owned(), v.to_owned()));
            }
        }
    }
    let s = scraper::Selector::parse(".edit-form textarea").unwrap();
    for e in html.select(&s) {
        let name = e.value().attr("name").unwrap().to_owned();
        let mut text = e.text().collect::<String>();
        if name == "en.description" {
            text.push_str("\n\nNew: a drought-tolerant line for rain-fed fields.");
        }
        form.push((name, text));
    }
    for sel in ["select"] {
        let s = scraper::Selector::parse(&format!(".edit-form {sel}")).unwrap();
        for e in html.select(&s) {
            let o = scraper::Selector::parse("option[selected]").unwrap();
            if let Some(opt) = e.select(&o).next() {
                form.push((
                    e.value().attr("name").unwrap().to_owned(),
                    opt.value().attr("value").unwrap().to_owned(),
                ));
            }
        }
    }
    let s = scraper::Selector::parse(".edit-form input[type=checkbox][checked]").unwrap();
    for e in html.select(&s) {
        form.push((
            e.value().attr("name").unwrap().to_owned(),
            e.value().attr("value").unwrap().to_owned(),
        ));
    }
    form.retain(|(k, _)| k != "csrf");
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = b.post_csrf(&app, &edit, &pairs).await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let r = b.get(&app, &edit).await;
    assert_eq!(
        r.attr("a[data-tab=id] .tr-badge", "class").as_deref(),
        Some("tr-badge tr-outdated")
    );
    assert_eq!(
        r.attr("a[data-tab=en] .tr-badge", "class").as_deref(),
        Some("tr-badge tr-up-to-date")
    );
    // The public Indonesian page says the translation may be out of date.
    assert!(
        !get(&app, &format!("/id/technologies/{}", rice.slug))
            .await
            .text(".notice-outdated")
            .is_empty()
    );
    // The translations dashboard lists it.
    assert!(
        b.get(&app, "/admin/translations")
            .await
            .body
            .contains(&edit)
    );
    // Mark the Indonesian translation reviewed (from the form as it is now:
    // the one above was saved, and its version is past).
    let mut with_review = pairs.clone();
    with_review.push(("reviewed", "id"));
    let version = b
        .get(&app, &edit)
        .await
        .attr("input[name=version]", "value")
        .unwrap();
    with_review.retain(|(k, _)| *k != "version");
    with_review.push(("version", &version));
    let r = b.post_csrf(&app, &edit, &with_review).await;
    assert_eq!(r.status, 303);
    let r = b.get(&app, &edit).await;
    assert_eq!(
        r.attr("a[data-tab=id] .tr-badge", "class").as_deref(),
        Some("tr-badge tr-up-to-date")
    );
    assert!(
        get(&app, &format!("/id/technologies/{}", rice.slug))
            .await
            .texts(".notice-outdated")
            .is_empty()
    );
}

#[actix_web::test]
async fn back_office_lists_narrow_by_their_fields_and_inquiries_by_words() {
    let t = TestApp::empty().await.with_accounts().await;
    let db = t.conn();
    let rice = TechnologyBuilder::new("hybrid-rice-for-tropical-paddies")
        .insert(db)
        .await;
    for slug in ["offshore-cage-aquaculture", "seaweed-processing-line"] {
        TechnologyBuilder::new(slug)
            .field("marine")
            .insert(db)
            .await;
    }
    EventBuilder::new("nanning-forum").insert(db).await;
    EventBuilder::new("jakarta-forum")
        .country("ID")
        .insert(db)
        .await;
    EventBuilder::new("nanning-training")
        .kind("training")
        .insert(db)
        .await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    let all = b.get(&app, "/admin/technologies").await;
    assert!(
        all.attrs("#lf-field option", "value")
            .contains(&"marine".to_owned())
    );
    let marine = b.get(&app, "/admin/technologies?field=marine").await;
    let rows = marine.texts(".data-table tbody tr");
    assert_eq!(rows.len(), 2, "{rows:?}");
    let expected = techbridge::entities::technology::Entity::find()
        .filter(techbridge::entities::technology::Column::Field.eq("marine"))
        .count(t.conn())
        .await
        .unwrap();
    assert_eq!(rows.len() as u64, expected.min(25));
    assert_eq!(
        marine
            .attr("#lf-field option[selected]", "value")
            .as_deref(),
        Some("marine")
    );
    // An unknown value is no filter; nothing reaches the SQL text.
    let odd = b
        .get(&app, "/admin/technologies?field=marine%27%20OR%201%3D1--")
        .await;
    assert_eq!(odd.status, 200);
    assert_eq!(
        odd.texts(".data-table tbody tr").len(),
        all.texts(".data-table tbody tr").len()
    );
    // Two filters together on events.
    let forums = b.get(&app, "/admin/events?kind=forum&country=CN").await;
    assert_eq!(forums.status, 200);
    let kinds = forums.texts(".data-table tbody tr td:nth-of-type(1)");
    assert_eq!(kinds, vec!["Forum"], "the forum in China only");
    // Inquiries by words of the message, the name or the organisation.
    InquiryBuilder::new(rice.id)
        .from("Siti Rahma", "Koperasi Tani Makmur")
        .message(
            "en",
            "We would like to test hybrid rice in Karawang this season.",
        )
        .insert(db)
        .await;
    InquiryBuilder::new(rice.id)
        .from("Tran Van Long", "Mekong Aqua Co.")
        .message(
            "en",
            "Interested in the water treatment units for shrimp farms.",
        )
        .insert(db)
        .await;
    for (q, who) in [
        ("karawang", "Siti Rahma"),
        ("MEKONG", "Tran Van Long"),
        ("siti", "Siti Rahma"),
    ] {
        let r = b.get(&app, &format!("/admin/inquiries?q={q}")).await;
        let rows = r.texts(".data-table tbody tr");
        assert_eq!(rows.len(), 1, "{q}: {rows:?}");
        assert!(rows[0].contains(who), "{q}: {rows:?}");
        assert_eq!(r.attr("#iq", "value").as_deref(), Some(q));
    }
    assert!(
        b.get(&app, "/admin/inquiries?q=%25")
            .await
            .texts(".data-table tbody tr")
            .is_empty()
    );
    // Longer than the field allows: refused with a message at the field, the
    // text kept, not cut down and searched for (it would find Siti).
    let long = format!("siti{}", " x".repeat(100));
    let r = b
        .get(
            &app,
            &format!("/admin/inquiries?q={}", long.replace(' ', "+")),
        )
        .await;
    assert_eq!(r.status, 422);
    assert_eq!(r.text("#iq-error"), "Search for at most 200 characters.");
    assert_eq!(r.attr("#iq", "value").as_deref(), Some(long.as_str()));
    assert!(r.texts(".data-table tbody tr").is_empty());
    // At the limit it is searched.
    let r = b
        .get(
            &app,
            &format!("/admin/inquiries?q={}", &long[..200].replace(' ', "+")),
        )
        .await;
    assert_eq!(r.status, 200);
    assert!(r.text("#iq-error").is_empty());
}

/// A cohort year that is not a year in range is an error at its field: the
/// typed text stays in the form and the stored record keeps its year
/// (nothing is saved in its place, neither the text nor a default).
#[actix_web::test]
async fn a_bad_cohort_year_is_an_error_at_its_field_and_nothing_is_saved() {
    use techbridge::entities::{fellow, programme_call};
    let t = TestApp::empty().await.with_accounts().await;
    let call = CallBuilder::new(2026).insert(t.conn()).await;
    let f = FellowBuilder::new("siti-rahma").insert(t.conn()).await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    for (screen, typed) in [
        (format!("/admin/calls/{call}"), "20x7"),
        (format!("/admin/calls/{call}"), "1850"),
        (format!("/admin/fellows/{}", f.id), "next year"),
        (format!("/admin/fellows/{}", f.id), "2101"),
    ] {
        let r = edit_and_save(&app, &mut b, &screen, &screen, &[("cohort_year", typed)]).await;
        assert_eq!(
            r.status,
            422,
            "{screen} {typed}: {}",
            r.text(".error-summary")
        );
        assert_eq!(
            r.text("#cohort_year-error"),
            "Enter a year from 2000 to 2100, as four digits.",
            "{screen} {typed}"
        );
        assert_eq!(
            r.attr("#cohort_year", "value").as_deref(),
            Some(typed),
            "{screen}: what was typed stays"
        );
    }
    let stored = programme_call::Entity::find_by_id(call)
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.cohort_year, 2026);
    let stored = fellow::Entity::find_by_id(f.id)
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.cohort_year, 2025);
    assert_eq!(stored.updated_at, stored.created_at, "fellow not written");
}

/// The cover is chosen from thumbnails (radio buttons labelled by the
/// image's alt text, no script needed), and the choice is saved.
#[actix_web::test]
async fn images_are_picked_by_their_thumbnails() {
    let t = TestApp::empty().await.with_accounts().await;
    let rice = MediaBuilder::png("rice-field.png", 64, 48)
        .insert(t.conn())
        .await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    let r = b.get(&app, "/admin/news/new").await;
    let radio = format!("#cover input[type=radio][value='{rice}']");
    assert!(r.has(&radio), "a radio button per image");
    assert!(
        r.has("#cover input[type=radio][value=''][checked]"),
        "none by default"
    );
    let id = r.attr(&radio, "id").unwrap();
    let label = r.text(&format!("label[for='{id}']"));
    assert!(
        label.contains("Rice field"),
        "labelled by the alt text: {label}"
    );
    assert!(
        r.attr(&format!("label[for='{id}'] img"), "src")
            .unwrap()
            .starts_with("/media/")
    );
    let mut form = news_form("Cover picked", "draft", "");
    let value = rice.to_string();
    form.push(("cover", &value));
    let r = b.post_csrf(&app, "/admin/news/new", &form).await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let n = news_id_by_title(&t, "Cover picked").await;
    let r = b.get(&app, &format!("/admin/news/{n}")).await;
    assert!(
        r.has(&format!("{radio}[checked]")),
        "the saved choice is checked"
    );
    // The technology's pictures: check boxes with thumbnails.
    let r = b.get(&app, "/admin/technologies/new").await;
    assert!(r.has(&format!("#images input[type=checkbox][value='{rice}']")));
    assert!(r.has("#images img[src^='/media/']"));
}
