//! `/healthz` for load balancers and `/robots.txt` for crawlers.

use std::time::Duration;

use actix_web::{HttpResponse, web};
use sea_orm::ConnectionTrait;

use crate::AppState;

/// Healthy when the database answers a query within two seconds.
pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    let probe = state.db.execute_unprepared("SELECT 1");
    match tokio::time::timeout(Duration::from_secs(2), probe).await {
        Ok(Ok(_)) => HttpResponse::Ok()
            .insert_header(("cache-control", "no-store"))
            .json(serde_json::json!({ "status": "ok", "database": "ok" })),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "health check: database error");
            unhealthy()
        }
        Err(_) => {
            tracing::warn!("health check: database timed out");
            unhealthy()
        }
    }
}

fn unhealthy() -> HttpResponse {
    HttpResponse::ServiceUnavailable()
        .insert_header(("cache-control", "no-store"))
        .insert_header(("retry-after", "5"))
        .json(serde_json::json!({ "status": "unhealthy", "database": "unreachable" }))
}

pub async fn robots(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body(format!(
            "User-agent: *\nDisallow: /admin/\nDisallow: /*/search\nDisallow: /*/programme/apply\nDisallow: /*/programme/status\n\nSitemap: {}/sitemap.xml\n",
            state.base_url
        ))
}
