//! Alerts for visitors: follow a catalogue search from its page, confirm by
//! e-mail (nothing before that), get a digest of what is new with the
//! unsubscribe link and headers, stop it in one click (twice is fine),
//! with limits per address.

use chrono::Duration;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use techbridge::alerts::{self, digest};
use techbridge::db::now;
use techbridge::entities::{alert, outbox_message, technology};

use crate::support::smtp::SmtpSink;
use crate::support::*;

const READER: &str = "nguyen.an@hatinh-agri.example.vn";

fn path_of(url: &str) -> String {
    url.trim_matches(['<', '>'])
        .strip_prefix("http://localhost:8080")
        .unwrap_or(url)
        .to_owned()
}

#[actix_web::test]
async fn a_search_is_followed_after_double_opt_in_and_stopped_in_one_click() {
    let t = TestApp::demo().await;
    let app = t.service().await;
    let sink = SmtpSink::start();
    // From the catalogue page with its search and filter.
    let list = get(&app, "/en/technologies?q=rice&field=agriculture").await;
    let href = list
        .attr(".follow-link a", "href")
        .expect("a link to follow the search");
    let form = get(&app, &href).await;
    assert_eq!(form.status, 200);
    assert_eq!(
        form.attr("select#topic option[selected]", "value")
            .as_deref(),
        Some("technologies")
    );
    let filters = form.attr("input[name=filters]", "value").unwrap();
    assert_eq!(filters, "q=rice&field=agriculture");
    assert_eq!(
        form.attr(".hint a", "href").as_deref(),
        Some("/en/technologies?q=rice&field=agriculture")
    );

    // Refused with what was typed kept.
    let r = post_form(
        &app,
        "/en/alerts",
        &[
            ("topic", "technologies"),
            ("filters", &filters),
            ("frequency", "hourly"),
            ("email", "nguyen.an@"),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    assert_eq!(r.attr("#email", "value").as_deref(), Some("nguyen.an@"));
    assert!(!r.text("#email-error").is_empty());
    assert!(!r.text("#frequency-error").is_empty());
    assert_eq!(alert::Entity::find().count(t.conn()).await.unwrap(), 0);

    let r = post_form(
        &app,
        "/en/alerts",
        &[
            ("topic", "technologies"),
            ("filters", &filters),
            ("frequency", "weekly"),
            ("email", READER),
        ],
    )
    .await;
    assert_eq!(r.location(), Some("/en/alerts/sent"));
    let a = alert::Entity::find().one(t.conn()).await.unwrap().unwrap();
    assert_eq!(
        (a.status.as_str(), a.topic.as_str(), a.filters.as_str()),
        ("pending", "technologies", "q=rice&field=agriculture")
    );

    // Only the confirmation goes out; digests wait for it.
    let mut rice: technology::ActiveModel = technology::Entity::find()
        .filter(technology::Column::Slug.eq(RICE))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .into();
    rice.publish_at = Set(Some(now()));
    rice.update(t.conn()).await.unwrap();
    assert_eq!(
        digest::run(&t.state, now() + Duration::days(8))
            .await
            .unwrap(),
        0
    );
    sink.sender().send_due(t.conn(), now()).await.unwrap();
    let mails = sink.to(READER);
    assert_eq!(mails.len(), 1);
    let confirm_mail = &mails[0];
    assert_eq!(confirm_mail.subject, "Please confirm your TechBridge alert");
    assert_eq!(
        confirm_mail.header("Content-Language").as_deref(),
        Some("en")
    );
    assert!(confirm_mail.header("List-Unsubscribe").is_some());
    assert!(
        confirm_mail
            .text
            .contains("http://localhost:8080/en/technologies?q=rice&field=agriculture")
    );

    // Confirm: the link shows a button (a scanner following it changes
    // nothing); the button confirms; a tampered link is refused.
    let confirm = confirm_mail.path_of_link("/alerts/confirm/");
    let page = get(&app, &confirm).await;
    assert_eq!(page.status, 200, "{confirm}\n{}", confirm_mail.text);
    assert_eq!(
        alert::Entity::find_by_id(a.id)
            .one(t.conn())
            .await
            .unwrap()
            .unwrap()
            .status,
        "pending"
    );
    let mut bad = confirm.clone();
    bad.push('0');
    assert_eq!(post_form(&app, &bad, &[]).await.status, 400);
    let r = post_form(
        &app,
        &page.attr("form[method=post]", "action").unwrap(),
        &[],
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(r.shows_text("Your alert is confirmed"));
    let a = alert::Entity::find_by_id(a.id)
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(a.status, "confirmed");

    // A technology published after confirming: in the next weekly digest,
    // once, whatever the number of instances.
    let mut rice: technology::ActiveModel = technology::Entity::find()
        .filter(technology::Column::Slug.eq(RICE))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .into();
    rice.publish_at = Set(Some(now()));
    rice.update(t.conn()).await.unwrap();
    assert_eq!(
        digest::run(&t.state, now() + Duration::days(3))
            .await
            .unwrap(),
        0,
        "not due yet"
    );
    let at = now() + Duration::days(8);
    let (x, y) = tokio::join!(digest::run(&t.state, at), digest::run(&t.state, at));
    assert_eq!(x.unwrap() + y.unwrap(), 1);
    assert_eq!(
        digest::run(&t.state, at + Duration::days(1)).await.unwrap(),
        0
    );
    sink.sender().send_due(t.conn(), at).await.unwrap();
    let mails = sink.to(READER);
    assert_eq!(mails.len(), 2);
    let d = &mails[1];
    assert_eq!(d.subject, "One new item: new technologies for this search");
    let unsubscribe = d.header("List-Unsubscribe").unwrap();
    assert!(
        unsubscribe.starts_with("<http://localhost:8080/en/alerts/unsubscribe/"),
        "{unsubscribe}"
    );
    assert_eq!(
        d.header("List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    let tech_link = d.path_of_link(&format!("/technologies/{RICE}"));
    assert_eq!(get(&app, &tech_link).await.status, 200);
    assert!(
        d.text
            .contains(&unsubscribe.trim_matches(['<', '>']).to_owned()),
        "the link is in the text too"
    );

    // One click from the mail program, twice, without signing in.
    let stop = path_of(&unsubscribe);
    for _ in 0..2 {
        let r = send(
            &app,
            actix_web::test::TestRequest::post()
                .uri(&stop)
                .insert_header(("content-type", "application/x-www-form-urlencoded"))
                .set_payload("List-Unsubscribe=One-Click"),
        )
        .await;
        assert_eq!(r.status, 200);
        assert!(r.shows_text("The alert is stopped"));
    }
    let page = get(&app, &stop).await;
    assert_eq!(page.status, 200);
    assert!(page.shows_text("The alert is stopped"));
    let a = alert::Entity::find_by_id(a.id)
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(a.status, "unsubscribed");
    // Nothing more, ever.
    let mut rice: technology::ActiveModel = technology::Entity::find()
        .filter(technology::Column::Slug.eq(RICE))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .into();
    rice.publish_at = Set(Some(now()));
    rice.update(t.conn()).await.unwrap();
    assert_eq!(
        digest::run(&t.state, at + Duration::days(30))
            .await
            .unwrap(),
        0
    );
    // And the confirmation link now says the alert is stopped, changing nothing.
    let r = post_form(&app, &confirm, &[]).await;
    assert!(r.shows_text("The alert is stopped"));
}

#[actix_web::test]
async fn one_address_gets_few_confirmations_and_a_limited_number_of_alerts() {
    let t = TestApp::demo().await;
    let app = t.service().await;
    let form = |email: &'static str| {
        vec![
            ("topic", "needs"),
            ("filters", "country=ID"),
            ("frequency", "daily"),
            ("email", email),
        ]
    };
    // Three confirmations a day to one address, from anywhere.
    for i in 0..3 {
        let r = send_from(
            &app,
            actix_web::test::TestRequest::post()
                .uri("/id/alerts")
                .insert_header(("content-type", "application/x-www-form-urlencoded"))
                .insert_header(("sec-fetch-site", "same-origin"))
                .set_payload("topic=needs&filters=country%3DID&frequency=daily&email=victim%40example.org&website="),
            &format!("198.51.100.{}:5000", 20 + i),
        )
        .await;
        assert_eq!(r.status, 303, "{i}");
    }
    let r = post_form(&app, "/id/alerts", &form("victim@example.org")).await;
    assert_eq!(r.status, 422);
    assert!(r.shows_text("Hari ini kami sudah mengirim beberapa pesan konfirmasi"));
    assert_eq!(
        outbox_message::Entity::find()
            .filter(outbox_message::Column::ToEmail.eq("victim@example.org"))
            .count(t.conn())
            .await
            .unwrap(),
        3
    );
    // At most ten alerts per address.
    for _ in 0..10 {
        alerts::create(
            t.conn(),
            alerts::NewAlert {
                email: "Busy@Example.org".into(),
                topic: "events",
                frequency: "weekly",
                filters: String::new(),
            },
            techbridge::i18n::Locale::from_tag("en").unwrap(),
            now(),
        )
        .await
        .unwrap();
    }
    let r = post_form(&app, "/en/alerts", &form("busy@example.org")).await;
    assert_eq!(r.status, 422);
    assert!(
        r.shows_text("already has 10 alerts"),
        "{}",
        r.text("#email-error")
    );
    // Filters are kept only as far as they mean something.
    let r = post_form(
        &app,
        "/en/alerts",
        &[
            ("topic", "needs"),
            ("filters", "country=ID&field=bogus&evil=%3Cscript%3E"),
            ("frequency", "daily"),
            ("email", "kept@example.org"),
        ],
    )
    .await;
    assert_eq!(r.status, 303);
    let a = alert::Entity::find()
        .filter(alert::Column::Email.eq("kept@example.org"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(a.filters, "country=ID");
    // A bot filling the honeypot is thanked and nothing is kept.
    let before = alert::Entity::find().count(t.conn()).await.unwrap();
    let mut bot = form("bot@example.org");
    bot.push(("website", "http://spam.example.com"));
    assert_eq!(post_form(&app, "/en/alerts", &bot).await.status, 303);
    assert_eq!(alert::Entity::find().count(t.conn()).await.unwrap(), before);
}
