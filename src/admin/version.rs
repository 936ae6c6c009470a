//! Which version of a record an edit started from, so that a save over
//! someone else's newer save is refused instead of silently replacing it.
//! The version is the record's `updated_at`, which every save sets; the
//! form carries it (in microseconds) and the save compares it, under the
//! write lock, with the record's.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbErr};

/// The form field carrying the version an edit started from.
pub const VERSION: &str = "version";

/// The version a record is at: its `updated_at`, which every save sets.
/// `None`: no such record.
pub async fn version_of(
    db: &impl ConnectionTrait,
    table: &str,
    id: i32,
) -> Result<Option<DateTime<Utc>>, DbErr> {
    read_version(db, table, id, "").await
}

/// The version, read inside the write transaction that will replace the
/// record and held until that ends: on PostgreSQL the row is locked (`FOR
/// UPDATE`), on SQLite the transaction already holds the write lock
/// (`BEGIN IMMEDIATE`), so no other save can come between.
pub async fn locked_version(
    db: &impl ConnectionTrait,
    table: &str,
    id: i32,
) -> Result<Option<DateTime<Utc>>, DbErr> {
    let lock = if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        " FOR UPDATE"
    } else {
        ""
    };
    read_version(db, table, id, lock).await
}

async fn read_version(
    db: &impl ConnectionTrait,
    table: &str,
    id: i32,
    lock: &str,
) -> Result<Option<DateTime<Utc>>, DbErr> {
    let backend = db.get_database_backend();
    // `table` is a kind's constant, never input.
    let sql = format!("SELECT updated_at FROM {table} WHERE id = ?{lock}");
    match db
        .query_one_raw(crate::db::stmt(backend, &sql, vec![id.into()]))
        .await?
    {
        Some(r) => Ok(Some(r.try_get("", "updated_at")?)),
        None => Ok(None),
    }
}

/// A version as the form carries it.
pub fn version_token(at: DateTime<Utc>) -> String {
    at.timestamp_micros().to_string()
}

/// The version a form carries, if any (a post made without the form
/// carries none, and is not checked).
pub fn started(token: &str) -> Option<i64> {
    token.trim().parse().ok()
}

/// Whether a record now at `current` was saved after the form holding
/// `started` was opened.
pub fn is_stale(started: Option<i64>, current: DateTime<Utc>) -> bool {
    started.is_some_and(|s| s != current.timestamp_micros())
}

/// Whether what another editor saved in a field differs from what the
/// refused form holds there: the values (several for a multiple choice)
/// compared without surrounding spaces, empty ones or their order.
pub fn differs(mine: &[&str], theirs: &[&str]) -> bool {
    let normal = |values: &[&str]| {
        let mut v: Vec<String> = values
            .iter()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect();
        v.sort_unstable();
        v
    };
    normal(mine) != normal(theirs)
}

/// The "theirs" beside a refused save: for each field of the form (`key`,
/// the editor's value), the stored value where it differs from the form's.
pub fn theirs_where_different<K: Copy>(
    mine: impl IntoIterator<Item = (K, String)>,
    stored: impl Fn(K) -> String,
) -> Vec<(K, String)> {
    mine.into_iter()
        .filter_map(|(k, m)| {
            let t = stored(k);
            differs(&[&m], &[&t]).then_some((k, t))
        })
        .collect()
}

/// What an editor whose save was refused is told: who saved the record
/// (`entity_kind` and `id` as the audit log names it; `item` is the kind's
/// name in words) and when, from its latest audit entry.
pub async fn conflict_message(
    db: &impl ConnectionTrait,
    tr: &crate::web::Translator,
    entity_kind: &str,
    id: Option<i32>,
    item: &str,
    current: DateTime<Utc>,
) -> Result<String, DbErr> {
    let (who, at) = crate::audit::last_change(db, entity_kind, id)
        .await?
        .unwrap_or_else(|| (tr.t("admin-conflict-someone"), current));
    Ok(tr.targs(
        "admin-conflict-text",
        &[("who", &who), ("when", &tr.stamp(&at)), ("item", item)],
    ))
}
