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

use serde::Deserialize;

use crate::accounts::Role;
use crate::i18n::Locale;
use crate::web::forms::FieldErrors;

use super::form::{self, Choices, Field, Input, Values};
use super::translation_store::TrTable;

// The contract every kind fulfils: what the generic list, form and
// publication handlers in `content` need to know about it.

/// One record in a list.
pub struct ListItem {
    pub id: i32,
    pub cells: Vec<String>,
    pub state: &'static str,
    /// When a scheduled record goes public (shown with the state).
    pub scheduled_for: Option<DateTime<Utc>>,
    pub source_lang: String,
    pub slug: Option<String>,
    /// Publication times (publishable kinds) and the last change, for
    /// exports.
    pub publish_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

/// What a list may be narrowed by.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ListQuery {
    pub q: String,
    pub state: String,
    pub page: String,
    pub flash: String,
    pub field: String,
    pub country: String,
    pub kind: String,
    /// Set by the export, never by the query string: every matching row
    /// (up to `export::MAX_ROWS`) instead of one page, and times in ISO
    /// 8601 rather than as the editor reads them.
    #[serde(skip)]
    pub export: bool,
}

/// Shared fields a list may be narrowed by (each kind names its own in
/// `Kind::LIST_FILTERS`, among these).
pub const FILTERABLE: &[&str] = &["field", "country", "kind"];

impl ListQuery {
    /// The value asked for the filter on `name`.
    pub fn filter(&self, name: &str) -> &str {
        match name {
            "field" => &self.field,
            "country" => &self.country,
            "kind" => &self.kind,
            _ => "",
        }
    }

    /// The options and the chosen one, if valid, of a filterable field.
    pub fn chosen<K: Kind>(&self, name: &str) -> Option<&'static str> {
        let options = K::shared().into_iter().find_map(|f| match f.input {
            Input::Select(options, _) if f.name == name => Some(options),
            _ => None,
        })?;
        let v = self.filter(name);
        options.iter().copied().find(|o| *o == v)
    }

    pub fn page(&self) -> u64 {
        crate::web::forms::page_number(&self.page)
    }

    /// A time in a list cell: as the editor reads it on the page, in ISO
    /// 8601 in an export (so that a spreadsheet sorts it).
    pub fn date_cell(&self, tr: &crate::web::Translator, d: &DateTime<Utc>) -> String {
        if self.export {
            crate::web::iso(d)
        } else {
            tr.date(d)
        }
    }

    /// The filters as the page has them (for links that keep them).
    pub fn pairs<K: Kind>(&self) -> Vec<(&'static str, &str)> {
        let mut v = vec![("q", self.q.as_str()), ("state", self.state.as_str())];
        for name in K::LIST_FILTERS {
            if let Some(c) = self.chosen::<K>(name) {
                v.push((name, c));
            }
        }
        v
    }
}

pub const PER_PAGE: u64 = 25;

/// A kind of content the back office manages.
#[expect(
    async_fn_in_trait,
    reason = "used only by handlers on actix workers, which need no Send bound"
)]
pub trait Kind: 'static {
    /// Path segment and audit-log name.
    const NAME: &'static str;
    /// Message id of the list heading.
    const TITLE: &'static str;
    /// Message id naming one record.
    const ITEM: &'static str;
    const ROLES: &'static [Role];
    const TR: TrTable;
    /// Message ids of the list columns after the title.
    const COLUMNS: &'static [&'static str];
    /// Publication states an editor may choose; empty when not published.
    const STATUSES: &'static [&'static str];
    /// Whether records expire (listings).
    const EXPIRES: bool;
    /// Whether records have a slug.
    const SLUG: bool;
    /// The parent table (for slugs).
    const TABLE: &'static str;
    /// Shared select fields the list can be narrowed by (see `FILTERABLE`).
    const LIST_FILTERS: &'static [&'static str] = &[];

    fn shared() -> Vec<Field>;
    fn translated() -> Vec<Field>;
    fn choices() -> &'static [Choices] {
        &[]
    }
    /// Checks across fields, beyond each field's own.
    fn validate(_v: &Values, _e: &mut FieldErrors) {}
    /// The stored record as form values (shared fields, status, times,
    /// source language, slug).
    async fn load(db: &impl ConnectionTrait, id: i32) -> Result<Option<Values>, DbErr>;
    /// Writes the record's own row; returns its id.
    async fn save(db: &impl ConnectionTrait, id: Option<i32>, v: &Values) -> Result<i32, DbErr>;
    async fn delete(db: &impl ConnectionTrait, id: i32) -> Result<(), DbErr>;
    /// Whether records that must outlive this one (applications) refer to
    /// it, so that deleting it is refused rather than taking them along.
    async fn in_use(_db: &impl ConnectionTrait, _id: i32) -> Result<bool, DbErr> {
        Ok(false)
    }
    /// Rebuilds the record's full-text entry in the database. Only
    /// technologies have one; the other kinds are few and are searched in
    /// memory (`site_search::index`), so theirs does nothing.
    async fn reindex(_db: &impl ConnectionTrait, _id: i32) -> Result<(), DbErr> {
        Ok(())
    }
    async fn list(
        db: &impl ConnectionTrait,
        q: &ListQuery,
        locale: Locale,
    ) -> Result<(Vec<ListItem>, u64), DbErr>;
    /// The public page of a record, if it has one.
    fn public_path(_slug: &str) -> Option<String> {
        None
    }
    /// Whether `preview` renders the record's public page.
    const PREVIEW: bool = false;
    /// The record's public page as saved, public or not, in `ctx`'s
    /// language, with the preview banner linking `back` to the editor.
    async fn preview(
        _ctx: &crate::web::Ctx,
        _id: i32,
        _back: String,
    ) -> Result<Option<String>, crate::error::AppError> {
        Ok(None)
    }
}

/// A public page template marked as a preview and rendered.
pub fn preview_html<T: askama::Template>(
    mut t: T,
    page: impl FnOnce(&mut T) -> &mut crate::web::Page,
    back: String,
) -> Result<Option<String>, crate::error::AppError> {
    let p = page(&mut t);
    p.preview = Some(back);
    p.noindex = true;
    Ok(Some(t.render()?))
}

/// The state shown in lists: draft, scheduled, published, expired...
pub fn state_of(
    status: &str,
    publish_at: Option<chrono::DateTime<chrono::Utc>>,
    expires_at: Option<chrono::DateTime<chrono::Utc>>,
) -> &'static str {
    let t = now();
    match status {
        "published" if publish_at.is_some_and(|p| p > t) => "scheduled",
        "published" if expires_at.is_some_and(|e| e <= t) => "expired",
        "published" => "published",
        "pending" => "pending",
        "rejected" => "rejected",
        _ => "draft",
    }
}

/// Publication columns into form values.
pub fn publication_values(
    v: &mut Values,
    status: &str,
    publish_at: Option<chrono::DateTime<chrono::Utc>>,
    expires_at: Option<chrono::DateTime<chrono::Utc>>,
) {
    v.set("status", status);
    v.set(
        "publish_at",
        form::local_input(publish_at, form::form_zone(v)),
    );
    v.set(
        "expires_at",
        form::local_input(expires_at, form::form_zone(v)),
    );
}

/// Publication values from the form: a published record without a time is
/// published now.
pub fn publication_of(
    v: &Values,
) -> (
    String,
    Option<chrono::DateTime<chrono::Utc>>,
    Option<chrono::DateTime<chrono::Utc>>,
) {
    let zone = form::form_zone(v);
    let status = v.get("status").to_owned();
    let mut publish_at = form::parse_local(v.get("publish_at"), zone);
    if status == "published" && publish_at.is_none() {
        publish_at = Some(now());
    }
    (
        status,
        publish_at,
        form::parse_local(v.get("expires_at"), zone),
    )
}

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
        if let (Some(column), Some(v)) =
            (FILTERABLE.iter().find(|c| *c == name), q.chosen::<K>(name))
        {
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
    let mut cols = vec![
        "t.id AS id",
        "t.source_lang AS source_lang",
        "t.updated_at AS updated_at",
    ];
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
    let (limit, offset) = if q.export {
        (crate::admin::export::MAX_ROWS, 0)
    } else {
        (PER_PAGE, (q.page() - 1) * PER_PAGE)
    };
    let offset = i64::try_from(offset).unwrap_or(0);
    values.push(i64::try_from(limit).unwrap_or(25).into());
    values.push(offset.into());
    let sql = format!(
        "SELECT {} FROM {table} t WHERE {where_sql} ORDER BY t.updated_at DESC, t.id DESC LIMIT ? OFFSET ?",
        cols.join(", ")
    );
    let rows = db.query_all_raw(stmt(backend, &sql, values)).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let (state, scheduled_for, publish_at, expires_at) = if publishable {
            let status: String = r.try_get("", "status")?;
            let p: Option<DateTime<Utc>> = r.try_get("", "publish_at")?;
            let e: Option<DateTime<Utc>> = r.try_get("", "expires_at")?;
            let state = state_of(&status, p, e);
            (state, p.filter(|_| state == "scheduled"), p, e)
        } else {
            ("", None, None, None)
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
            scheduled_for,
            publish_at,
            expires_at,
            updated_at: r.try_get("", "updated_at")?,
            cells: cells(r),
        });
    }
    Ok((out, u64::try_from(total).unwrap_or(0)))
}

/// Deletes a record's search entry with it.
pub async fn unindex(db: &impl ConnectionTrait, kind: &str, id: i32) -> Result<(), DbErr> {
    crate::search::index::remove(db, kind, id).await
}
