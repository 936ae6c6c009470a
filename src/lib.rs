//! TechBridge: the portal of the China–ASEAN Technology Transfer Center.
//!
//! `app()` is the one place the web application is assembled; `main.rs` and
//! the integration tests both build it from here.

pub mod about;
pub mod accounts;
pub mod admin;
pub mod alerts;
pub mod audit;
pub mod backup;
pub mod catalog;
pub mod changes;
pub mod cli;
pub mod config;
pub mod db;
pub mod deals;
pub mod demo;
pub mod entities;
pub mod error;
pub mod events;
pub mod feeds;
pub mod figures;
pub mod health;
pub mod home;
pub mod i18n;
pub mod markdown;
pub mod matching;
pub mod media;
pub mod metrics;
pub mod needs;
pub mod news;
pub mod outbox;
pub mod periodic;
pub mod programme;
pub mod ratelimit;
pub mod routes;
pub mod search;
pub mod settings;
pub mod site_search;
pub mod slugs;
pub mod taxonomy;
pub mod tokens;
pub mod translation;
pub mod web;

use std::sync::Arc;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::from_fn;
use actix_web::{App, web as aweb};
use sea_orm::DatabaseConnection;

pub use config::Config;

/// Largest urlencoded form body accepted anywhere.
pub const FORM_LIMIT: usize = 64 * 1024;

/// Everything a request handler may need. The caches are shared by all
/// workers; the database pool may be a worker's own (see `for_worker`).
pub struct AppState {
    pub db: DatabaseConnection,
    pub config: Config,
    /// Public base URL without a trailing slash.
    pub base_url: Arc<str>,
    /// Hash of the static assets, appended to their URLs.
    pub asset_version: Arc<str>,
    /// The static assets, read and compressed at start.
    pub assets: Arc<web::assets::Assets>,
    /// The in-memory catalogue index (a cache checked against the database).
    pub catalog: Arc<catalog::index::IndexCache>,
    /// Rendered public pages, for `PAGE_CACHE_MS`.
    pub page_cache: Arc<web::page_cache::PageCache>,
    /// The data version behind everything kept in memory.
    pub changes: Arc<changes::Changes>,
    /// Password hashing and checking, a few at a time (shared by workers).
    pub password_checks: Arc<accounts::PasswordChecks>,
    /// Image decoding, a few at a time (shared by workers).
    pub image_work: Arc<tokio::sync::Semaphore>,
}

impl AppState {
    pub fn new(db: DatabaseConnection, config: Config) -> Self {
        let assets = web::assets::Assets::load(&config.static_dir);
        Self {
            base_url: config.public_url.clone().into(),
            asset_version: assets.version.clone().into(),
            assets: Arc::new(assets),
            catalog: Arc::default(),
            page_cache: Arc::default(),
            changes: Arc::new(changes::Changes::new(config.data_poll)),
            password_checks: Arc::default(),
            image_work: Arc::new(tokio::sync::Semaphore::new(admin::media::DECODES_AT_ONCE)),
            db,
            config,
        }
    }

    /// The same state over another pool. A PostgreSQL connection's socket
    /// belongs to the runtime that opened it, and every actix worker is a
    /// runtime of its own: with one shared pool a worker would wait on
    /// sockets another worker polls, and lose them if that worker stopped.
    /// Each worker therefore gets its own pool; the caches stay shared.
    pub fn for_worker(&self, db: DatabaseConnection) -> Self {
        Self {
            db,
            config: self.config.clone(),
            base_url: self.base_url.clone(),
            asset_version: self.asset_version.clone(),
            assets: self.assets.clone(),
            catalog: self.catalog.clone(),
            page_cache: self.page_cache.clone(),
            changes: self.changes.clone(),
            password_checks: self.password_checks.clone(),
            image_work: self.image_work.clone(),
        }
    }
}

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
