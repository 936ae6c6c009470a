//! Opening the database and bringing its schema up to date.

use std::time::Duration;

use chrono::{DateTime, SubsecRound, Utc};
use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr,
    SqliteTransactionMode, TransactionOptions, TransactionTrait,
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
        let plain = loopback_without_sslmode(url);
        opts.max_connections(pg_max)
            .min_connections(0)
            // A connection costs PostgreSQL a process; opening one costs a
            // request several round trips. Keep them for a while.
            .idle_timeout(Duration::from_secs(600))
            // Ping only a connection that sat idle (it may have been cut
            // by a restart): a hot one is used at once, a round trip saved
            // on every query of a page.
            .test_before_acquire_if_idle_for(Duration::from_secs(5))
            .connect_lazy(lazy)
            .map_sqlx_postgres_opts(move |o| {
                if plain {
                    o.ssl_mode(sea_orm::sqlx::postgres::PgSslMode::Disable)
                } else {
                    o
                }
            });
    }
    let mut db = Database::connect(opts).await?;
    db.set_metric_callback(|_| statements::count());
    Ok(db)
}

/// How many statements a piece of work sends to the database: every
/// statement through a pool opened here is counted in the task that runs
/// it, so a request (or a test) can see what one page costs. Each one is a
/// round trip (on SQLite, to the connection's own thread), which is what
/// makes an uncached page expensive; the count is logged per request and
/// the tests hold every public page to a budget.
pub mod statements {
    use std::cell::Cell;
    use std::future::Future;

    tokio::task_local! {
        static COUNT: Cell<u32>;
    }

    pub(super) fn count() {
        let _ = COUNT.try_with(|c| c.set(c.get().saturating_add(1)));
    }

    /// Runs `fut`, counting the statements it sends.
    pub async fn counted<F: Future>(fut: F) -> (F::Output, u32) {
        COUNT
            .scope(Cell::new(0), async {
                let out = fut.await;
                (out, COUNT.with(Cell::get))
            })
            .await
    }

    /// The statements sent so far by the work being counted, if any is.
    pub fn so_far() -> Option<u32> {
        COUNT.try_with(Cell::get).ok()
    }
}

/// On a loopback address TLS protects nothing, yet `sslmode=prefer` (the
/// default, as in libpq) makes every new connection a TLS handshake, which
/// on loopback costs two delayed-ACK waits (about 90 ms): unless the URL or
/// `PGSSLMODE` asks for a mode, such connections go without it.
fn loopback_without_sslmode(url: &str) -> bool {
    if url.contains("sslmode=") || std::env::var_os("PGSSLMODE").is_some() {
        return false;
    }
    let Some(rest) = url.split_once("://").map(|(_, r)| r) else {
        return false;
    };
    let authority = rest.split(['/', '?']).next().unwrap_or("");
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if let Some(v6) = host_port.strip_prefix('[') {
        v6.split(']').next().unwrap_or("")
    } else {
        host_port.split(':').next().unwrap_or("")
    };
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

fn sqlite_parent_dir(url: &str) -> Option<String> {
    let parent = sqlite_path(url)?.parent()?.to_owned();
    (!parent.as_os_str().is_empty()).then(|| parent.display().to_string())
}

/// The file behind a SQLite URL (`sqlite://data/x.db?mode=rwc`); `None`
/// for another backend or an in-memory database.
pub fn sqlite_path(url: &str) -> Option<std::path::PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    if path.is_empty() || path.starts_with(":memory:") {
        return None;
    }
    Some(std::path::PathBuf::from(path))
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

/// Begins a transaction that will write. On SQLite it starts as a writer
/// (`BEGIN IMMEDIATE`): a deferred transaction that reads first and writes
/// later cannot wait for another writer (SQLite answers "database is
/// locked" at once, whatever the busy timeout), whereas one that asks for
/// the write lock up front queues behind the busy timeout like any single
/// write. PostgreSQL ignores the mode.
pub async fn begin_write<C: TransactionTrait>(db: &C) -> Result<C::Transaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// The current time, to microseconds: what both backends store exactly, so
/// a value read back compares equal to the one written.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

/// Whether an error means the database cannot be reached (as opposed to a
/// bad query): such errors become 503 with Retry-After, not 500.
pub fn is_unavailable(err: &DbErr) -> bool {
    use sea_orm::RuntimeErr;
    use sea_orm::sqlx::Error as Sqlx;
    match err {
        DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => true,
        // A connection the pool still held when the server went away (it
        // is only pinged after sitting idle): the query finds it cut.
        DbErr::Query(RuntimeErr::SqlxError(e)) | DbErr::Exec(RuntimeErr::SqlxError(e)) => {
            match e.as_ref() {
                Sqlx::Io(_) | Sqlx::PoolTimedOut | Sqlx::PoolClosed | Sqlx::WorkerCrashed => true,
                // admin_shutdown, crash_shutdown, cannot_connect_now
                Sqlx::Database(d) => {
                    d.code()
                        .is_some_and(|c| matches!(c.as_ref(), "57P01" | "57P02" | "57P03"))
                        || sqlite_busy(d.as_ref())
                }
                _ => false,
            }
        }
        _ => false,
    }
}

/// SQLite's "database is locked" (SQLITE_BUSY or SQLITE_LOCKED, with any
/// extended code): another writer held the lock past the busy timeout.
/// Worth trying again in a moment, so it is treated like an outage (503
/// with Retry-After), not as a fault.
fn sqlite_busy(e: &dyn sea_orm::sqlx::error::DatabaseError) -> bool {
    use sea_orm::sqlx::error::DatabaseError;
    e.try_downcast_ref::<sea_orm::sqlx::sqlite::SqliteError>()
        .and_then(|e| e.code())
        .and_then(|c| c.parse::<i32>().ok())
        .is_some_and(|c| matches!(c & 0xff, 5 | 6))
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

#[cfg(test)]
mod tests {
    use super::{is_unavailable, loopback_without_sslmode};
    use sea_orm::{DbErr, RuntimeErr};
    use std::sync::Arc;

    #[test]
    fn a_cut_connection_is_an_outage_and_a_bad_query_is_not() {
        let io = std::io::Error::new(std::io::ErrorKind::ConnectionReset, "reset");
        let cut = DbErr::Query(RuntimeErr::SqlxError(Arc::new(sea_orm::sqlx::Error::Io(
            io,
        ))));
        assert!(is_unavailable(&cut));
        let timed_out = DbErr::Exec(RuntimeErr::SqlxError(Arc::new(
            sea_orm::sqlx::Error::PoolTimedOut,
        )));
        assert!(is_unavailable(&timed_out));
        let bad = DbErr::Query(RuntimeErr::SqlxError(Arc::new(
            sea_orm::sqlx::Error::RowNotFound,
        )));
        assert!(!is_unavailable(&bad));
        assert!(!is_unavailable(&DbErr::Query(RuntimeErr::Internal(
            "x".into()
        ))));
    }

    #[test]
    fn tls_is_skipped_only_on_loopback_without_a_chosen_mode() {
        if std::env::var_os("PGSSLMODE").is_some() {
            return;
        }
        assert!(loopback_without_sslmode(
            "postgres://postgres@127.0.0.1:5432/db"
        ));
        assert!(loopback_without_sslmode("postgres://u:p@localhost/db"));
        assert!(loopback_without_sslmode("postgresql://[::1]:5432/db"));
        assert!(!loopback_without_sslmode("postgres://u@db.example.org/db"));
        assert!(!loopback_without_sslmode("postgres://u@10.0.0.5:5432/db"));
        assert!(!loopback_without_sslmode(
            "postgres://u@127.0.0.1/db?sslmode=require"
        ));
    }
}
