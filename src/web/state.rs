//! The state every request shares: the database pool, the configuration,
//! and the caches kept in memory (each checked against the database, so
//! that nothing that matters lives only in one process).

use std::sync::Arc;

use sea_orm::DatabaseConnection;

use crate::accounts::PasswordChecks;
use crate::changes::Changes;
use crate::config::Config;
use crate::search::catalog_index::IndexCache;

use super::assets::Assets;
use super::page_cache::PageCache;

/// Images decoded at once by this instance (others wait their turn): each
/// may hold about 100 MB while it is resized (see `admin::media`).
pub const IMAGE_DECODES_AT_ONCE: usize = 1;

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
    pub assets: Arc<Assets>,
    /// The in-memory catalogue index (a cache checked against the database).
    pub catalog: Arc<IndexCache>,
    /// Rendered public pages, for `PAGE_CACHE_MS`.
    pub page_cache: Arc<PageCache>,
    /// The data version behind everything kept in memory.
    pub changes: Arc<Changes>,
    /// Password hashing and checking, a few at a time (shared by workers).
    pub password_checks: Arc<PasswordChecks>,
    /// Image decoding, a few at a time (shared by workers).
    pub image_work: Arc<tokio::sync::Semaphore>,
}

impl AppState {
    pub fn new(db: DatabaseConnection, config: Config) -> Self {
        let assets = Assets::load(&config.static_dir);
        Self {
            base_url: config.public_url.clone().into(),
            asset_version: assets.version.clone().into(),
            assets: Arc::new(assets),
            catalog: Arc::default(),
            page_cache: Arc::default(),
            changes: Arc::new(Changes::new(config.data_poll)),
            password_checks: Arc::default(),
            image_work: Arc::new(tokio::sync::Semaphore::new(IMAGE_DECODES_AT_ONCE)),
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
