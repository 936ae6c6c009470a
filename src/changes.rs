//! Whether anything public changed: the data version, how an instance
//! learns of a new one, and the moment scheduled content next changes by
//! itself. Everything kept in memory between requests (rendered pages, the
//! memo of rarely changing data, the catalogue index) is valid for one
//! *generation*, which this raises when the data changed.
//!
//! - Every write to a table that public pages show raises
//!   `data_state.version`, by trigger, whoever makes it (this instance,
//!   another one, the command line). On PostgreSQL the trigger also sends
//!   `NOTIFY techbridge_data` when the transaction commits, and each
//!   instance listens for it (`listen`).
//! - An instance that handled a write reads the version at once
//!   (`after_write`); one that is not listening reads it at most every
//!   `poll` (100 ms; every request in the tests); one that is listening
//!   still reads it every few seconds, in case a notification was lost.
//! - Publication times, event dates and call deadlines make pages change
//!   with no write: the next such moment is read with the version, and the
//!   generation is raised when the clock reaches it.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sea_orm::{ConnectionTrait, DbBackend, DbErr, Value};

use crate::db::{now, stmt};

/// The channel the triggers notify on PostgreSQL.
pub const CHANNEL: &str = "techbridge_data";
/// While listening, the version is still read this often.
const LISTENING_POLL: Duration = Duration::from_secs(5);
/// A page is never kept longer than this, even when nothing changed: a
/// safety net for whatever depends on the date alone.
const MAX_GENERATION: Duration = Duration::from_secs(3600);

pub const VERSION_SQL: &str = "SELECT version FROM data_state WHERE id = 1";

/// The next moment after `?` at which scheduled content appears, expires,
/// starts, ends or closes (the same bound value in every place).
const NEXT_CHANGE_SQL: &str = "SELECT MIN(t) AS t FROM ( \
     SELECT MIN(publish_at) AS t FROM technologies WHERE publish_at > ? \
     UNION ALL SELECT MIN(expires_at) FROM technologies WHERE expires_at > ? \
     UNION ALL SELECT MIN(publish_at) FROM needs WHERE publish_at > ? \
     UNION ALL SELECT MIN(expires_at) FROM needs WHERE expires_at > ? \
     UNION ALL SELECT MIN(publish_at) FROM news WHERE publish_at > ? \
     UNION ALL SELECT MIN(expires_at) FROM news WHERE expires_at > ? \
     UNION ALL SELECT MIN(publish_at) FROM events WHERE publish_at > ? \
     UNION ALL SELECT MIN(expires_at) FROM events WHERE expires_at > ? \
     UNION ALL SELECT MIN(starts_at) FROM events WHERE starts_at > ? \
     UNION ALL SELECT MIN(ends_at) FROM events WHERE ends_at > ? \
     UNION ALL SELECT MIN(registration_closes_at) FROM events WHERE registration_closes_at > ? \
     UNION ALL SELECT MIN(publish_at) FROM fellows WHERE publish_at > ? \
     UNION ALL SELECT MIN(expires_at) FROM fellows WHERE expires_at > ? \
     UNION ALL SELECT MIN(opens_at) FROM programme_calls WHERE opens_at > ? \
     UNION ALL SELECT MIN(closes_at) FROM programme_calls WHERE closes_at > ? \
     UNION ALL SELECT MIN(decisions_at) FROM programme_calls WHERE decisions_at > ? \
     ) x";

type Memo = (u64, Arc<dyn Any + Send + Sync>);

pub struct Changes {
    /// Raised whenever this instance learns that the data changed.
    generation: AtomicU64,
    /// The version last read (0: none yet).
    version: AtomicI64,
    /// When the version was last read; `None` forces a read.
    checked: Mutex<Option<Instant>>,
    /// One request reads the version at a time; the others go on with
    /// the generation they know.
    checking: AtomicBool,
    /// Notifications arrive (PostgreSQL, `listen` connected).
    listening: AtomicBool,
    /// Unix seconds of the next scheduled change, `i64::MIN`: unknown.
    next_change: AtomicI64,
    poll: Duration,
    memos: Mutex<HashMap<TypeId, Memo>>,
}

impl Changes {
    pub fn new(poll: Duration) -> Self {
        Self {
            generation: AtomicU64::new(1),
            version: AtomicI64::new(0),
            checked: Mutex::new(None),
            checking: AtomicBool::new(false),
            listening: AtomicBool::new(false),
            next_change: AtomicI64::new(i64::MIN),
            poll,
            memos: Mutex::new(HashMap::new()),
        }
    }

    /// The generation without asking the database (what a page-cache hit
    /// uses once `current` ran for this request or recently).
    pub fn known(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// Everything kept is stale: raised by a notification, and by the
    /// tests' and the command line's writes through `after_write`.
    pub fn bump(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.next_change.store(i64::MIN, Ordering::SeqCst);
    }

    /// The current generation: reads the version first when it is due
    /// (one statement, two when it changed), and raises the generation
    /// when the clock passed a scheduled change.
    pub async fn current(&self, db: &impl ConnectionTrait) -> Result<u64, DbErr> {
        let t = now().timestamp();
        let next = self.next_change.load(Ordering::SeqCst);
        if next != i64::MIN && t >= next {
            // Whoever sees it first raises it once.
            if self
                .next_change
                .compare_exchange(next, i64::MIN, Ordering::SeqCst, Ordering::SeqCst)
                .is_ok()
            {
                self.generation.fetch_add(1, Ordering::SeqCst);
            }
        }
        if self.due() && !self.checking.swap(true, Ordering::SeqCst) {
            let result = self.check(db).await;
            self.checking.store(false, Ordering::SeqCst);
            result?;
        }
        if self.next_change.load(Ordering::SeqCst) == i64::MIN {
            let at = next_change(db).await?;
            self.next_change.store(at, Ordering::SeqCst);
        }
        Ok(self.known())
    }

    fn due(&self) -> bool {
        let every = if self.listening.load(Ordering::SeqCst) {
            LISTENING_POLL
        } else {
            self.poll
        };
        let Ok(checked) = self.checked.lock() else {
            return true;
        };
        checked.is_none_or(|at| at.elapsed() >= every)
    }

    /// Reads the version; a new one raises the generation.
    async fn check(&self, db: &impl ConnectionTrait) -> Result<(), DbErr> {
        let backend = db.get_database_backend();
        let version: i64 = match db.query_one_raw(stmt(backend, VERSION_SQL, vec![])).await? {
            Some(row) => row.try_get("", "version")?,
            None => 0,
        };
        if let Ok(mut checked) = self.checked.lock() {
            *checked = Some(Instant::now());
        }
        let old = self.version.swap(version, Ordering::SeqCst);
        if old != version {
            self.bump();
        }
        Ok(())
    }

    /// After a write handled here: the version is read now, and a change
    /// shows on this instance's next request.
    pub async fn after_write(&self, db: &impl ConnectionTrait) -> Result<(), DbErr> {
        self.check(db).await
    }

    /// Data of type `T` for the current generation: kept from an earlier
    /// request, or loaded now by `load` and kept until the data changes.
    pub async fn memo<T, F, Fut>(&self, db: &impl ConnectionTrait, load: F) -> Result<Arc<T>, DbErr>
    where
        T: Any + Send + Sync,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, DbErr>>,
    {
        let generation = self.current(db).await?;
        if let Ok(memos) = self.memos.lock()
            && let Some((g, value)) = memos.get(&TypeId::of::<T>())
            && *g == generation
            && let Ok(value) = value.clone().downcast::<T>()
        {
            return Ok(value);
        }
        let value = Arc::new(load().await?);
        if let Ok(mut memos) = self.memos.lock() {
            memos.insert(TypeId::of::<T>(), (generation, value.clone()));
        }
        Ok(value)
    }

    /// Listens for the triggers' notifications on PostgreSQL, for as long
    /// as the process runs. While the channel is down, requests read the
    /// version every `poll` instead; when it is back, everything is
    /// treated as changed (notifications sent meanwhile are lost).
    pub fn listen(self: &Arc<Self>, pool: sea_orm::sqlx::PgPool) {
        use sea_orm::sqlx::postgres::PgListener;
        let this = self.clone();
        tokio::spawn(async move {
            loop {
                let listener = match PgListener::connect_with(&pool).await {
                    Ok(mut l) => match l.listen(CHANNEL).await {
                        Ok(()) => Some(l),
                        Err(e) => {
                            tracing::warn!(error = %e, "cannot listen for data changes");
                            None
                        }
                    },
                    Err(e) => {
                        tracing::debug!(error = %e, "no connection for data-change notifications");
                        None
                    }
                };
                let Some(mut listener) = listener else {
                    this.listening.store(false, Ordering::SeqCst);
                    tokio::time::sleep(Duration::from_millis(250)).await;
                    continue;
                };
                this.listening.store(true, Ordering::SeqCst);
                this.bump();
                loop {
                    match listener.try_recv().await {
                        Ok(Some(_)) => this.bump(),
                        // The connection was lost and made again: what was
                        // sent meanwhile is lost, so everything is stale.
                        Ok(None) => this.bump(),
                        Err(e) => {
                            tracing::warn!(error = %e, "data-change notifications interrupted");
                            this.listening.store(false, Ordering::SeqCst);
                            break;
                        }
                    }
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        });
    }

    /// Whether notifications are arriving (for the tests and `/healthz`).
    pub fn is_listening(&self) -> bool {
        self.listening.load(Ordering::SeqCst)
    }
}

/// Unix seconds of the next scheduled change, at most `MAX_GENERATION`
/// from now.
async fn next_change(db: &impl ConnectionTrait) -> Result<i64, DbErr> {
    let t = now();
    let backend = db.get_database_backend();
    let values: Vec<Value> = (0..NEXT_CHANGE_SQL.matches('?').count())
        .map(|_| t.into())
        .collect();
    let cap = t.timestamp() + i64::try_from(MAX_GENERATION.as_secs()).unwrap_or(3600);
    let row = db
        .query_one_raw(stmt(backend, NEXT_CHANGE_SQL, values))
        .await?;
    let at: Option<chrono::DateTime<chrono::Utc>> = match (row, backend) {
        (Some(r), DbBackend::Sqlite) => r
            .try_get::<Option<String>>("", "t")?
            .and_then(|s| parse_sqlite_time(&s)),
        (Some(r), _) => r.try_get("", "t")?,
        (None, _) => None,
    };
    Ok(at.map_or(cap, |a| a.timestamp().min(cap)))
}

/// SQLite keeps times as text; `MIN` over a union hands back that text
/// rather than a typed value.
fn parse_sqlite_time(s: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(s)
        .or_else(|_| chrono::DateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f%:z"))
        .map(|d| d.with_timezone(&chrono::Utc))
        .ok()
        .or_else(|| {
            chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f")
                .ok()
                .map(|n| n.and_utc())
        })
}
