//! Rate limits kept in the database, so every instance behind a load
//! balancer counts the same events: sign-in attempts, inquiries, needs
//! posted, applications, status look-ups (per address and per reference).

use chrono::Duration;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, Set, Statement,
};

use crate::db::now;
use crate::entities::rate_event;
use crate::error::AppError;

/// One limit: at most `max` events per `window` for a key.
#[derive(Clone, Copy)]
pub struct Limit {
    pub bucket: &'static str,
    pub max: u64,
    pub window: Duration,
}

pub const INQUIRY: Limit = Limit {
    bucket: "inquiry",
    max: 5,
    window: Duration::minutes(10),
};

pub const NEED: Limit = Limit {
    bucket: "need",
    max: 3,
    window: Duration::hours(1),
};

pub const STATUS_LOOKUP: Limit = Limit {
    bucket: "status",
    max: 10,
    window: Duration::minutes(10),
};

/// Look-ups of one application reference, from any address: someone who
/// knows a reference cannot try emails for it from many addresses.
pub const STATUS_REFERENCE: Limit = Limit {
    bucket: "status_ref",
    max: 10,
    window: Duration::minutes(10),
};

pub const LOGIN_ACCOUNT: Limit = Limit {
    bucket: "account_login",
    max: 10,
    window: Duration::minutes(3),
};

pub const LOGIN_IP: Limit = Limit {
    bucket: "ip_login",
    max: 10,
    window: Duration::minutes(3),
};

pub const APPLICATION: Limit = Limit {
    bucket: "application",
    max: 10,
    window: Duration::hours(1),
};

/// An event that was counted and kept: the caller may forget it again
/// (a sign-in that turned out right does not count as a failure).
#[derive(Clone, Copy, Debug)]
pub struct Hit(i64);

impl Limit {
    /// Counts one event for `key` and says whether it is within the limit:
    /// `Some` when it is (the event is kept), `None` when the limit was
    /// already reached (nothing is kept). See `hit_all`.
    pub async fn hit(&self, db: &DatabaseConnection, key: &str) -> Result<Option<Hit>, DbErr> {
        Ok(hit_all(db, &[(*self, key)])
            .await?
            .and_then(|h| h.first().copied()))
    }

    /// Forgets one event counted by `hit`.
    pub async fn forget(&self, db: &impl ConnectionTrait, hit: Hit) -> Result<(), DbErr> {
        rate_event::Entity::delete_by_id(hit.0).exec(db).await?;
        Ok(())
    }

    /// Forgets every event of `key` (a successful login clears its failures).
    pub async fn clear(&self, db: &impl ConnectionTrait, key: &str) -> Result<(), DbErr> {
        rate_event::Entity::delete_many()
            .filter(rate_event::Column::Bucket.eq(self.bucket))
            .filter(rate_event::Column::Key.eq(key))
            .exec(db)
            .await?;
        Ok(())
    }

    pub fn retry_after_secs(&self) -> u64 {
        u64::try_from(self.window.num_seconds()).unwrap_or(60)
    }

    /// `hit`, with the limit reached as the visitor's refusal: the 429
    /// page with `Retry-After` (the one way every form says "too many").
    pub async fn take(&self, db: &DatabaseConnection, key: &str) -> Result<Hit, AppError> {
        take_all(db, &[(*self, key)]).await.map(|h| h[0])
    }
}

/// `hit_all`, with any limit reached as the visitor's refusal (429, with
/// the longest of the windows as `Retry-After`).
pub async fn take_all(
    db: &DatabaseConnection,
    limits: &[(Limit, &str)],
) -> Result<Vec<Hit>, AppError> {
    hit_all(db, limits)
        .await?
        .ok_or_else(|| AppError::TooManyRequests {
            retry_after_secs: limits
                .iter()
                .map(|(l, _)| l.retry_after_secs())
                .max()
                .unwrap_or(60),
        })
}

/// Counts one event under each of several limits (a sign-in: per address
/// and per account) if every one of them is within its limit: the hits, in
/// the order given, or `None` (nothing kept) when any limit was reached.
///
/// One atomic step on both databases: the counts and the inserts happen in
/// one write transaction that nothing else counting these keys can enter
/// meanwhile (on SQLite it starts as the writer, `BEGIN IMMEDIATE`; on
/// PostgreSQL it first takes transaction-scoped advisory locks on the
/// buckets and keys, in a fixed order). A burst of N requests is therefore
/// counted one after the other and exactly `max` pass. (Counting first and
/// inserting later, outside a transaction, let every request of a burst
/// count before any had inserted.)
pub async fn hit_all(
    db: &DatabaseConnection,
    limits: &[(Limit, &str)],
) -> Result<Option<Vec<Hit>>, DbErr> {
    let t = now();
    let txn = crate::db::begin_write(db).await?;
    if txn.get_database_backend() == DbBackend::Postgres {
        let mut locks: Vec<String> = limits
            .iter()
            .map(|(l, key)| format!("{}:{key}", l.bucket))
            .collect();
        locks.sort();
        for lock in locks {
            txn.execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT pg_advisory_xact_lock(hashtextextended($1, 7262019))",
                [lock.into()],
            ))
            .await?;
        }
    }
    for (limit, key) in limits {
        let n = rate_event::Entity::find()
            .filter(rate_event::Column::Bucket.eq(limit.bucket))
            .filter(rate_event::Column::Key.eq(*key))
            .filter(rate_event::Column::At.gt(t - limit.window))
            .count(&txn)
            .await?;
        if n >= limit.max {
            txn.rollback().await?;
            crate::metrics::refused(limit.bucket);
            return Ok(None);
        }
    }
    let mut hits = Vec::with_capacity(limits.len());
    for (limit, key) in limits {
        let id = rate_event::Entity::insert(rate_event::ActiveModel {
            bucket: Set(limit.bucket.to_owned()),
            key: Set((*key).to_owned()),
            at: Set(t),
            ..Default::default()
        })
        .exec(&txn)
        .await?
        .last_insert_id;
        hits.push(Hit(id));
        // Events that left the window are of no further use.
        rate_event::Entity::delete_many()
            .filter(rate_event::Column::Bucket.eq(limit.bucket))
            .filter(rate_event::Column::Key.eq(*key))
            .filter(rate_event::Column::At.lte(t - limit.window))
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(Some(hits))
}
