//! `/healthz` for load balancers, `/metrics` for an operator's scraper
//! (the counters themselves are `crate::metrics`) and `/robots.txt` for
//! crawlers.

use std::time::Duration;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use sea_orm::ConnectionTrait;

use crate::error::AppError;
use crate::web::AppState;

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

/// GET /metrics: 404 unless configured, 401 without the right token.
pub async fn metrics(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let Some(token) = state.config.metrics_token.as_deref() else {
        return Err(AppError::NotFound);
    };
    let given = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if !crate::tokens::constant_time_eq(given.as_bytes(), token.as_bytes()) {
        return Ok(HttpResponse::Unauthorized()
            .insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"metrics\""))
            .finish());
    }
    let body = crate::metrics::render(&state.db).await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body))
}
