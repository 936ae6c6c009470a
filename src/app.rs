//! The web application, assembled in one place: the route table and the
//! middleware around it. `main.rs` and the integration tests both build it
//! from here.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::from_fn;
use actix_web::{App, web as aweb};

use crate::web::AppState;
use crate::{metrics, routes, web};

/// Largest urlencoded form body accepted anywhere.
pub const FORM_LIMIT: usize = 64 * 1024;

/// The web application over the given state.
pub fn app(
    state: aweb::Data<AppState>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let https = state.config.public_url.starts_with("https://");
    App::new()
        .app_data(state)
        .app_data(aweb::FormConfig::default().limit(FORM_LIMIT))
        .app_data(aweb::PayloadConfig::default().limit(FORM_LIMIT))
        .app_data(aweb::QueryConfig::default())
        .configure(routes::routes)
        .wrap(from_fn(web::middleware::deadline))
        .wrap(from_fn(web::middleware::same_origin_writes))
        .wrap(from_fn(web::middleware::refuse_nul))
        .wrap(from_fn(web::page_cache::after_writes))
        .wrap(web::error_pages::middleware())
        .wrap(web::middleware::security_headers(https))
        .wrap(from_fn(web::compress::middleware))
        .wrap(from_fn(web::middleware::request_id_header))
        .wrap(from_fn(metrics::middleware))
        .wrap(tracing_actix_web::TracingLogger::<
            web::middleware::RequestSpan,
        >::new())
}
