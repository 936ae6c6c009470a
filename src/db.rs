//! Opening the database and bringing its schema up to date.

use std::time::Duration;

use chrono::{DateTime, SubsecRound, Utc};
use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr,
    TransactionTrait,
};

/// Opens a pool. SQLite gets WAL (readers never wait for the writer), full
/// fsync (nothing acknowledged is lost on power failure) and foreign keys;
/// PostgreSQL gets a short acquire timeout so an outage becomes a quick 503
/// instead of a hanging request.
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    connect_with(url, 16, false).await
}

/// A PostgreSQL pool for one worker: at most `max` connections, none opened
/// until a request needs one, so that each is opened (and its socket
/// polled) by the worker that uses it.
pub async fn connect_worker_pool(url: &str, max: u32) -> Result<DatabaseConnection, DbErr> {
    connect_with(url, max, true).await
}

async fn connect_with(url: &str, pg_max: u32, lazy: bool) -> Result<DatabaseConnection, DbErr> {
    let mut opts = ConnectOptions::new(url.to_owned());
    opts.sqlx_logging(false)
        .acquire_timeout(Duration::from_secs(2))
        .connect_timeout(Duration::from_secs(2));
    if url.starts_with("sqlite:") {
        if let Some(dir) = sqlite_parent_dir(url) {
            std::fs::create_dir_all(&dir)
                .map_err(|e| DbErr::Custom(format!("cannot create {dir}: {e}")))?;
        }
        opts.max_connections(8)
            .min_connections(1)
            .map_sqlx_sqlite_opts(|o| {
                o.journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Full)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(5))
                    .create_if_missing(true)
            });
    } else {
        opts.max_connections(pg_max)
            .min_connections(0)
            .idle_timeout(Duration::from_secs(60))
            .connect_lazy(lazy);
    }
    Database::connect(opts).await
}

fn sqlite_parent_dir(url: &str) -> Option<String> {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:");
    let path = path.split('?').next()?;
    if path.is_empty() || path.starts_with(":memory:") {
        return None;
    }
    let parent = std::path::Path::new(path).parent()?;
    (!parent.as_os_str().is_empty()).then(|| parent.display().to_string())
}

/// Applies every pending migration. On PostgreSQL several instances may
/// start at once, so they take turns under a transaction-scoped advisory lock.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    if db.get_database_backend() == DbBackend::Postgres {
        let txn = db.begin().await?;
        txn.execute_unprepared("SELECT pg_advisory_xact_lock(7262018)")
            .await?;
        Migrator::up(&txn, None).await?;
        txn.commit().await
    } else {
        Migrator::up(db, None).await
    }
}

/// The current time, to microseconds: what both backends store exactly, so
/// a value read back compares equal to the one written.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

/// Whether an error means the database cannot be reached (as opposed to a
/// bad query): such errors become 503 with Retry-After, not 500.
pub fn is_unavailable(err: &DbErr) -> bool {
    matches!(err, DbErr::ConnectionAcquire(_) | DbErr::Conn(_))
}

/// A raw statement written with `?` placeholders, numbered for PostgreSQL.
/// Only for the few hand-written queries (full-text search, facet counts);
/// the SQL must not contain `?` anywhere but in placeholders.
pub fn stmt(backend: DbBackend, sql: &str, values: Vec<sea_orm::Value>) -> sea_orm::Statement {
    let sql = if backend == DbBackend::Postgres {
        let mut out = String::with_capacity(sql.len() + 16);
        let mut n = 0;
        for c in sql.chars() {
            if c == '?' {
                n += 1;
                out.push('$');
                out.push_str(&n.to_string());
            } else {
                out.push(c);
            }
        }
        out
    } else {
        sql.to_owned()
    };
    sea_orm::Statement::from_sql_and_values(backend, sql, values)
}

/// `status = 'published'`, already public and not expired, for table alias `t`;
/// takes the current time twice as bound values.
pub fn visible_sql(t: &str) -> String {
    format!(
        "{t}.status = 'published' AND {t}.publish_at <= ? AND ({t}.expires_at IS NULL OR {t}.expires_at > ?)"
    )
}
