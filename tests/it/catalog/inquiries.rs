//! Inquiries to a technology's provider: stored with their language,
//! errors at each field, the honeypot, the rate limit, cross-site posts.

use super::*;
use crate::support::*;

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
