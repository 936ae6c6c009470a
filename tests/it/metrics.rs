//! `/metrics`: off unless configured, then only with its token; requests by
//! route pattern and status, page-cache hits, rate-limit refusals, the pool
//! and the outbox, in the Prometheus text format. The counters belong to
//! the process (every test in this binary adds to them), so each check is
//! a rise across the requests it makes.

use actix_web::test::TestRequest;

use crate::support::*;

const TOKEN: &str = "scrape-token-0123456789abcdef";

async fn scrape<S, B>(app: &S) -> String
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let r = send(
        app,
        TestRequest::get()
            .uri("/metrics")
            .insert_header(("authorization", format!("Bearer {TOKEN}"))),
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(
        r.header("content-type")
            .unwrap_or("")
            .starts_with("application/openmetrics-text")
    );
    assert!(r.body.ends_with("# EOF\n"));
    r.body
}

/// The value of the sample whose line starts with `series` (0 if absent).
fn value(text: &str, series: &str) -> f64 {
    text.lines()
        .find(|l| l.starts_with(series) && l[series.len()..].starts_with(' '))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

#[actix_web::test]
async fn metrics_are_off_unless_configured() {
    let t = TestApp::empty().await;
    let app = t.service().await;
    assert_eq!(get(&app, "/metrics").await.status, 404);
}

#[actix_web::test]
async fn metrics_count_requests_cache_hits_and_refusals_for_the_token_holder_only() {
    let t = TestApp::empty_with(|c| {
        c.metrics_token = Some(TOKEN.to_owned());
        c.page_cache = std::time::Duration::from_secs(600);
    })
    .await;
    TechnologyBuilder::new("solar-dryer").insert(t.conn()).await;
    let app = t.service().await;
    // No token, a wrong one: refused, and nothing said.
    let r = get(&app, "/metrics").await;
    assert_eq!(r.status, 401);
    assert!(
        r.header("www-authenticate")
            .unwrap_or("")
            .starts_with("Bearer")
    );
    let r = send(
        &app,
        TestRequest::get()
            .uri("/metrics")
            .insert_header(("authorization", "Bearer guess")),
    )
    .await;
    assert_eq!(r.status, 401);
    assert!(!r.body.contains("techbridge_"));

    let before = scrape(&app).await;
    let list =
        r#"techbridge_http_requests_total{route="/{lang}/technologies",method="GET",status="200"}"#;
    let missing = r#"techbridge_http_requests_total{route="unmatched",method="GET",status="404"}"#;
    let hits = r#"techbridge_page_cache_total{result="hit"}"#;
    let refusals = r#"techbridge_rate_limit_refusals_total{bucket="inquiry"}"#;
    for _ in 0..3 {
        assert_eq!(get(&app, "/en/technologies").await.status, 200);
    }
    assert_eq!(get(&app, "/no/such/page/at/all").await.status, 404);
    let form = [
        ("name", "Siti"),
        ("organisation", "Koperasi Tani Makmur"),
        ("country", "ID"),
        ("email", "siti@koperasi.example.org"),
        (
            "message",
            "We would like to try this dryer for our cocoa beans.",
        ),
        ("consent", "yes"),
        ("website", ""),
    ];
    let mut refused = 0;
    for _ in 0..6 {
        if post_form(&app, "/en/technologies/solar-dryer/inquiry", &form)
            .await
            .status
            == 429
        {
            refused += 1;
        }
    }
    assert_eq!(refused, 1, "the sixth inquiry in ten minutes is refused");
    let after = scrape(&app).await;
    assert!(value(&after, list) >= value(&before, list) + 3.0, "{after}");
    assert!(
        value(&after, missing) >= value(&before, missing) + 1.0,
        "{after}"
    );
    assert!(value(&after, hits) >= value(&before, hits) + 2.0, "{after}");
    assert!(
        value(&after, refusals) >= value(&before, refusals) + 1.0,
        "{after}"
    );
    // Durations, the pool, and the outbox as the database has it.
    assert!(
        after.contains("techbridge_http_request_duration_seconds_bucket{"),
        "{after}"
    );
    assert!(
        value(&after, "techbridge_db_pool_connections") >= 1.0,
        "{after}"
    );
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    use techbridge::entities::outbox_message;
    techbridge::outbox::queue(
        t.conn(),
        techbridge::outbox::Mail {
            to: "siti@koperasi.example.org".to_owned(),
            locale: techbridge::i18n::Locale::from_tag("id").unwrap(),
            kind: "deal_forward",
            subject: "Pertanyaan".to_owned(),
            body: "Isi".to_owned(),
            related_kind: "inquiry",
            related_id: None,
            headers: Vec::new(),
        },
    )
    .await
    .unwrap();
    let queued = outbox_message::Entity::find()
        .filter(outbox_message::Column::SentAt.is_null())
        .filter(outbox_message::Column::FailedAt.is_null())
        .count(t.conn())
        .await
        .unwrap();
    assert!(queued >= 1);
    let now = scrape(&app).await;
    assert_eq!(
        value(&now, "techbridge_outbox_queued"),
        queued as f64,
        "{now}"
    );
    assert!(now.contains("techbridge_outbox_failed 0"), "{now}");
}
