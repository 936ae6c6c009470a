//! The portal's schema, as forward-only migrations that run unchanged on
//! SQLite and PostgreSQL. Backend-specific SQL (full-text indexes) lives in
//! its own migration with one clearly separated branch per backend.

pub use sea_orm_migration::prelude::*;

mod m20261129_000001_schema;
mod m20261129_000002_search;
mod m20261129_000003_catalog_version;
mod m20261205_000001_data_version;

/// For later migrations adding a table that public pages show.
pub use m20261205_000001_data_version::watch as watch_for_data_version;
mod m20261205_000004_deals;
mod m20261205_000005_watch_deals;
mod m20261206_000004_audit_by_record;
mod m20261206_000010_search_vocabulary;
mod m20261206_000020_privacy_page;
mod m20261206_000030_search_docs_technologies;
mod m20261206_000040_provider_ref;
mod m20261207_000001_requested_documents;
mod m20261207_000010_programme_drafts_referees;
mod m20261207_000020_programme_review;
mod m20261207_000030_data;
mod m20261207_000040_revisions_translators;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261129_000001_schema::Migration),
            Box::new(m20261129_000002_search::Migration),
            Box::new(m20261129_000003_catalog_version::Migration),
            Box::new(m20261205_000001_data_version::Migration),
            Box::new(m20261205_000004_deals::Migration),
            Box::new(m20261205_000005_watch_deals::Migration),
            Box::new(m20261206_000004_audit_by_record::Migration),
            Box::new(m20261206_000010_search_vocabulary::Migration),
            Box::new(m20261206_000020_privacy_page::Migration),
            Box::new(m20261206_000030_search_docs_technologies::Migration),
            Box::new(m20261206_000040_provider_ref::Migration),
            Box::new(m20261207_000001_requested_documents::Migration),
            Box::new(m20261207_000010_programme_drafts_referees::Migration),
            Box::new(m20261207_000020_programme_review::Migration),
            Box::new(m20261207_000030_data::Migration),
            Box::new(m20261207_000040_revisions_translators::Migration),
        ]
    }
}
