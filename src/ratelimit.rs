//! Rate limits kept in the database, so every instance behind a load
//! balancer counts the same events: failed logins, inquiries, needs posted,
//! status look-ups.

use chrono::Duration;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, Set,
};

use crate::db::now;
use crate::entities::rate_event;

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

impl Limit {
    /// How many events `key` has in the current window.
    pub async fn count(&self, db: &impl ConnectionTrait, key: &str) -> Result<u64, DbErr> {
        rate_event::Entity::find()
            .filter(rate_event::Column::Bucket.eq(self.bucket))
            .filter(rate_event::Column::Key.eq(key))
            .filter(rate_event::Column::At.gt(now() - self.window))
            .count(db)
            .await
    }

    pub async fn exceeded(&self, db: &impl ConnectionTrait, key: &str) -> Result<bool, DbErr> {
        Ok(self.count(db, key).await? >= self.max)
    }

    /// Records one event for `key`, and forgets this key's expired ones.
    pub async fn record(&self, db: &impl ConnectionTrait, key: &str) -> Result<(), DbErr> {
        let t = now();
        rate_event::Entity::delete_many()
            .filter(rate_event::Column::Bucket.eq(self.bucket))
            .filter(rate_event::Column::Key.eq(key))
            .filter(rate_event::Column::At.lt(t - self.window))
            .exec(db)
            .await?;
        rate_event::ActiveModel {
            bucket: Set(self.bucket.to_owned()),
            key: Set(key.to_owned()),
            at: Set(t),
            ..Default::default()
        }
        .insert(db)
        .await?;
        Ok(())
    }

    /// Checks and records in one go: `false` when the limit was already reached.
    pub async fn allow(&self, db: &impl ConnectionTrait, key: &str) -> Result<bool, DbErr> {
        if self.exceeded(db, key).await? {
            return Ok(false);
        }
        self.record(db, key).await?;
        Ok(true)
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
}
