//! A data version that every write to what public pages show raises, by
//! trigger, so that what each instance keeps in memory (rendered pages,
//! rarely changing data) knows it is stale however the write was made. On
//! PostgreSQL the same trigger notifies `techbridge_data` at commit, so
//! that every instance learns of it at once. One branch per backend.
//!
//! A later migration adding a table that public pages show calls
//! [`watch`] for it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// What public pages show. Not here: accounts, sessions, rate limits, the
/// audit log, the outbox, inquiries and applications (never public).
const TABLES: &[&str] = &[
    "media",
    "media_variants",
    "media_translations",
    "technologies",
    "technology_translations",
    "technology_images",
    "needs",
    "need_translations",
    "events",
    "event_translations",
    "news",
    "news_translations",
    "fellows",
    "fellow_translations",
    "programme_calls",
    "call_translations",
    "host_posts",
    "host_post_translations",
    "network_members",
    "network_member_translations",
    "pages",
    "page_translations",
    "settings",
];

/// The statements that make writes to `table` raise the data version.
pub fn watch(backend: DbBackend, table: &str) -> Vec<String> {
    match backend {
        DbBackend::Postgres => vec![format!(
            // Deferred to commit: the version row is locked only for the
            // moment of the commit, so writers cannot deadlock on it while
            // they hold other rows, and a rolled-back write raises nothing.
            "CREATE CONSTRAINT TRIGGER {table}_data_version AFTER INSERT OR UPDATE OR DELETE ON {table} \
             DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version()"
        )],
        _ => [("INSERT", "ai"), ("UPDATE", "au"), ("DELETE", "ad")]
            .iter()
            .map(|(ev, name)| {
                format!(
                    "CREATE TRIGGER {table}_data_version_{name} AFTER {ev} ON {table} BEGIN \
                     UPDATE data_state SET version = version + 1 WHERE id = 1; END"
                )
            })
            .collect(),
    }
}

pub fn unwatch(backend: DbBackend, table: &str) -> Vec<String> {
    match backend {
        DbBackend::Postgres => vec![format!(
            "DROP TRIGGER IF EXISTS {table}_data_version ON {table}"
        )],
        _ => ["ai", "au", "ad"]
            .iter()
            .map(|name| format!("DROP TRIGGER IF EXISTS {table}_data_version_{name}"))
            .collect(),
    }
}

fn catalog_watch_images(backend: DbBackend) -> Vec<String> {
    match backend {
        DbBackend::Postgres => vec![
            "CREATE TRIGGER technology_images_version AFTER INSERT OR UPDATE OR DELETE ON technology_images \
             FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version()"
                .to_owned(),
        ],
        _ => [("INSERT", "ai"), ("UPDATE", "au"), ("DELETE", "ad")]
            .iter()
            .map(|(ev, name)| {
                format!(
                    "CREATE TRIGGER technology_images_version_{name} AFTER {ev} ON technology_images BEGIN \
                     UPDATE catalog_state SET version = version + 1 WHERE id = 1; END"
                )
            })
            .collect(),
    }
}

/// Row-level (constraint triggers can only be), but the version is raised
/// and the notification sent once per transaction: the transaction id is
/// remembered in a transaction-local setting.
const POSTGRES_FUNCTION: &str = "CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger AS $$ \
     BEGIN \
       IF current_setting('techbridge.data_bumped', true) IS DISTINCT FROM txid_current()::text THEN \
         UPDATE data_state SET version = version + 1 WHERE id = 1; \
         PERFORM pg_notify('techbridge_data', ''); \
         PERFORM set_config('techbridge.data_bumped', txid_current()::text, true); \
       END IF; \
       RETURN NULL; \
     END $$ LANGUAGE plpgsql";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("data_state")
                .if_not_exists()
                .col(integer("id").primary_key())
                .col(big_integer("version"))
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        db.execute_unprepared("INSERT INTO data_state (id, version) VALUES (1, 1)")
            .await?;
        let backend = m.get_database_backend();
        if backend == DbBackend::Postgres {
            db.execute_unprepared(POSTGRES_FUNCTION).await?;
        }
        for table in TABLES {
            for s in watch(backend, table) {
                db.execute_unprepared(&s).await?;
            }
        }
        // The catalogue index now also holds which images each technology
        // shows: a change of those is a change of the catalogue.
        for s in catalog_watch_images(backend) {
            db.execute_unprepared(&s).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let backend = m.get_database_backend();
        for table in TABLES {
            for s in unwatch(backend, table) {
                db.execute_unprepared(&s).await?;
            }
        }
        for s in match backend {
            DbBackend::Postgres => vec![
                "DROP TRIGGER IF EXISTS technology_images_version ON technology_images".to_owned(),
            ],
            _ => ["ai", "au", "ad"]
                .iter()
                .map(|n| format!("DROP TRIGGER IF EXISTS technology_images_version_{n}"))
                .collect(),
        } {
            db.execute_unprepared(&s).await?;
        }
        if backend == DbBackend::Postgres {
            db.execute_unprepared("DROP FUNCTION IF EXISTS bump_data_version()")
                .await?;
        }
        m.drop_table(Table::drop().table("data_state").if_exists().to_owned())
            .await
    }
}
