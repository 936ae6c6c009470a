//! The kinds of content the back office edits, one module each.

pub mod calls;
pub mod events;
pub mod fellows;
pub mod members;
pub mod needs;
pub mod news;
pub mod pages;
pub mod posts;
pub mod technologies;

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbErr, QueryResult, Value};

use crate::db::{now, stmt};

use super::content::{Kind, ListItem, ListQuery, PER_PAGE, state_of};
use super::trstore::TrTable;

/// `LIKE` pattern matching `q` anywhere, with its wildcards escaped.
pub fn like(q: &str) -> String {
    let mut s = String::from("%");
    for c in q.trim().to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            s.push('\\');
        }
        s.push(c);
    }
    s.push('%');
    s
}

/// A list query over a table with the standard columns, searching the
/// headline of its translations and filtering by state. `extra` are more
/// columns to select; `cells` turns a row into the list's extra cells.
pub async fn list_rows<K: Kind>(
    db: &impl ConnectionTrait,
    extra: &[&str],
    q: &ListQuery,
    cells: impl Fn(&QueryResult) -> Vec<String>,
) -> Result<(Vec<ListItem>, u64), DbErr> {
    let (table, tr): (&str, &TrTable) = (K::TABLE, &K::TR);
    let publishable = !K::STATUSES.is_empty();
    let slugged = K::SLUG;
    let backend = db.get_database_backend();
    let t = now();
    let mut wheres: Vec<String> = vec!["1 = 1".into()];
    let mut values: Vec<Value> = Vec::new();
    if !q.q.trim().is_empty() {
        wheres.push(format!(
            "EXISTS (SELECT 1 FROM {tt} x WHERE x.{parent} = t.id AND LOWER(x.{head}) LIKE ? ESCAPE '\\')",
            tt = tr.table,
            parent = tr.parent,
            head = tr.headline
        ));
        values.push(like(&q.q).into());
    }
    if publishable {
        let state_sql = match q.state.as_str() {
            "draft" => Some("t.status = 'draft'"),
            "pending" => Some("t.status = 'pending'"),
            "rejected" => Some("t.status = 'rejected'"),
            "scheduled" => Some("t.status = 'published' AND t.publish_at > ?"),
            "published" => Some(
                "t.status = 'published' AND t.publish_at <= ? AND (t.expires_at IS NULL OR t.expires_at > ?)",
            ),
            "expired" => Some("t.status = 'published' AND t.expires_at <= ?"),
            _ => None,
        };
        if let Some(s) = state_sql {
            for _ in 0..s.matches('?').count() {
                values.push(t.into());
            }
            wheres.push(s.to_owned());
        }
    }
    for name in K::LIST_FILTERS {
        // Only names from a fixed list reach the SQL text; values are bound.
        if let (Some(column), Some(v)) = (
            super::content::FILTERABLE.iter().find(|c| *c == name),
            q.chosen::<K>(name),
        ) {
            wheres.push(format!("t.{column} = ?"));
            values.push(v.into());
        }
    }
    let where_sql = wheres.join(" AND ");
    let count_sql = format!("SELECT COUNT(*) AS n FROM {table} t WHERE {where_sql}");
    let total: i64 = match db
        .query_one_raw(stmt(backend, &count_sql, values.clone()))
        .await?
    {
        Some(r) => r.try_get("", "n")?,
        None => 0,
    };
    let mut cols = vec!["t.id AS id", "t.source_lang AS source_lang"];
    if publishable {
        cols.extend([
            "t.status AS status",
            "t.publish_at AS publish_at",
            "t.expires_at AS expires_at",
        ]);
    }
    if slugged {
        cols.push("t.slug AS slug");
    }
    cols.extend(extra.iter().copied());
    let offset = i64::try_from((q.page() - 1) * PER_PAGE).unwrap_or(0);
    values.push(i64::try_from(PER_PAGE).unwrap_or(25).into());
    values.push(offset.into());
    let sql = format!(
        "SELECT {} FROM {table} t WHERE {where_sql} ORDER BY t.updated_at DESC, t.id DESC LIMIT ? OFFSET ?",
        cols.join(", ")
    );
    let rows = db.query_all_raw(stmt(backend, &sql, values)).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let state = if publishable {
            let status: String = r.try_get("", "status")?;
            let p: Option<DateTime<Utc>> = r.try_get("", "publish_at")?;
            let e: Option<DateTime<Utc>> = r.try_get("", "expires_at")?;
            state_of(&status, p, e)
        } else {
            ""
        };
        out.push(ListItem {
            id: r.try_get("", "id")?,
            source_lang: r.try_get("", "source_lang")?,
            slug: if slugged {
                Some(r.try_get("", "slug")?)
            } else {
                None
            },
            state,
            cells: cells(r),
        });
    }
    Ok((out, u64::try_from(total).unwrap_or(0)))
}

/// Deletes a record's search entry with it.
pub async fn unindex(db: &impl ConnectionTrait, kind: &str, id: i32) -> Result<(), DbErr> {
    crate::search::index::remove(db, kind, id).await
}
