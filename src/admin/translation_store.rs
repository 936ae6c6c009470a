//! Reading and writing the translation rows of any kind of record, by table
//! and column names, with the revision bookkeeping that translation status
//! is derived from:
//!
//! - editing the source-language text bumps its `revision`, which makes
//!   every other translation older than its source;
//! - writing (or marking reviewed) another language records the source's
//!   current revision in its `source_revision`, so it is up to date again.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbErr, QueryResult, Value};

use crate::db::stmt;
use crate::i18n::Locale;
use crate::translation::Status;

use super::form::Values;

/// Where a kind keeps its translations.
#[derive(Clone, Copy)]
pub struct TrTable {
    pub table: &'static str,
    pub parent: &'static str,
    pub fields: &'static [&'static str],
    /// The field whose emptiness means "no translation".
    pub headline: &'static str,
}

pub struct TrRow {
    pub id: i32,
    pub lang: String,
    pub revision: i32,
    pub source_revision: i32,
    pub text: HashMap<&'static str, String>,
    pub updated_at: Option<DateTime<Utc>>,
}

impl TrRow {
    fn blank(&self, headline: &str) -> bool {
        self.text.get(headline).is_none_or(|t| t.trim().is_empty())
    }
}

fn row(t: &TrTable, r: &QueryResult) -> Result<TrRow, DbErr> {
    let mut text = HashMap::new();
    for f in t.fields {
        text.insert(*f, r.try_get::<String>("", f)?);
    }
    Ok(TrRow {
        id: r.try_get("", "id")?,
        lang: r.try_get("", "lang")?,
        revision: r.try_get("", "revision")?,
        source_revision: r.try_get("", "source_revision")?,
        updated_at: r.try_get("", "updated_at").ok(),
        text,
    })
}

pub async fn load(
    db: &impl ConnectionTrait,
    t: &TrTable,
    parent_id: i32,
) -> Result<Vec<TrRow>, DbErr> {
    let sql = format!(
        "SELECT id, lang, revision, source_revision, updated_at, {} FROM {} WHERE {} = ?",
        t.fields.join(", "),
        t.table,
        t.parent
    );
    let rows = db
        .query_all_raw(stmt(
            db.get_database_backend(),
            &sql,
            vec![parent_id.into()],
        ))
        .await?;
    rows.iter().map(|r| row(t, r)).collect()
}

/// Rows of many parents at once, grouped by parent id.
pub async fn load_many(
    db: &impl ConnectionTrait,
    t: &TrTable,
    ids: &[i32],
) -> Result<HashMap<i32, Vec<TrRow>>, DbErr> {
    let mut out: HashMap<i32, Vec<TrRow>> = HashMap::new();
    for chunk in ids.chunks(500) {
        if chunk.is_empty() {
            continue;
        }
        let sql = format!(
            "SELECT id, {} AS parent_id, lang, revision, source_revision, updated_at, {} FROM {} WHERE {} IN ({})",
            t.parent,
            t.fields.join(", "),
            t.table,
            t.parent,
            vec!["?"; chunk.len()].join(", ")
        );
        let values: Vec<Value> = chunk.iter().map(|i| (*i).into()).collect();
        for r in db
            .query_all_raw(stmt(db.get_database_backend(), &sql, values))
            .await?
        {
            let parent: i32 = r.try_get("", "parent_id")?;
            out.entry(parent).or_default().push(row(t, &r)?);
        }
    }
    Ok(out)
}

/// Status of each configured language.
pub fn statuses(t: &TrTable, rows: &[TrRow], source_lang: &str) -> Vec<(Locale, Status)> {
    let find = |lang: &str| rows.iter().find(|r| r.lang == lang && !r.blank(t.headline));
    let source_rev = find(source_lang).map_or(0, |r| r.revision);
    Locale::all()
        .map(|l| {
            let s = match find(l.tag()) {
                None => Status::Missing,
                Some(_) if l.tag() == source_lang => Status::UpToDate,
                Some(r) if source_rev > r.source_revision => Status::Outdated,
                Some(_) => Status::UpToDate,
            };
            (l, s)
        })
        .collect()
}

/// The translated fields into form values.
pub fn into_values(t: &TrTable, rows: &[TrRow], v: &mut Values) {
    for r in rows {
        for f in t.fields {
            v.set_tr(&r.lang, f, r.text.get(f).cloned().unwrap_or_default());
        }
    }
}

/// The title to list a record by: in `locale` if it has one, else any.
pub fn headline(t: &TrTable, rows: &[TrRow], locale: Locale) -> String {
    locale
        .chain()
        .iter()
        .find_map(|l| {
            rows.iter()
                .find(|r| r.lang == l.tag() && !r.blank(t.headline))
        })
        .and_then(|r| r.text.get(t.headline).cloned())
        .unwrap_or_default()
}

/// Writes the posted translations of a record. `reviewed` lists languages
/// marked as checked against the current source. Returns whether any text
/// changed.
pub async fn save(
    db: &impl ConnectionTrait,
    t: &TrTable,
    parent_id: i32,
    v: &Values,
    source_lang: &str,
    reviewed: &[String],
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    save_by(
        db,
        t,
        parent_id,
        v,
        source_lang,
        reviewed,
        now,
        &Author::default(),
    )
    .await
}

/// Who a revision is by: an editor, or nobody (an import, the demo).
#[derive(Default, Clone, Copy)]
pub struct Author<'a> {
    pub id: Option<i32>,
    pub name: &'a str,
    /// The revision a restore brings back.
    pub restored_from: Option<i32>,
}

/// `save`, keeping a revision of every translation written, by `author`.
#[expect(
    clippy::too_many_arguments,
    reason = "save's arguments and the author; a struct would only rename them"
)]
pub async fn save_by(
    db: &impl ConnectionTrait,
    t: &TrTable,
    parent_id: i32,
    v: &Values,
    source_lang: &str,
    reviewed: &[String],
    now: DateTime<Utc>,
    author: &Author<'_>,
) -> Result<bool, DbErr> {
    let backend = db.get_database_backend();
    let existing = load(db, t, parent_id).await?;
    let mut changed = false;
    let mut order: Vec<Locale> = Locale::all().collect();
    // The source first: the others record its revision.
    order.sort_by_key(|l| l.tag() != source_lang);
    let mut source_rev = existing
        .iter()
        .find(|r| r.lang == source_lang)
        .map_or(0, |r| r.revision);
    for l in order {
        let lang = l.tag();
        let text: Vec<(&'static str, String)> =
            t.fields.iter().map(|f| (*f, v.tr(lang, f))).collect();
        let empty = text.iter().all(|(_, s)| s.is_empty());
        let is_source = lang == source_lang;
        let old = existing.iter().find(|r| r.lang == lang);
        match old {
            None if empty => {}
            None => {
                let mut cols = vec![t.parent, "lang"];
                cols.extend(t.fields.iter().copied());
                cols.extend(["revision", "source_revision", "updated_at"]);
                let mut values: Vec<Value> = vec![parent_id.into(), lang.into()];
                values.extend(text.iter().map(|(_, s)| Value::from(s.clone())));
                let source_revision = if is_source { 1 } else { source_rev };
                values.extend([1i32.into(), source_revision.into(), now.into()]);
                let sql = format!(
                    "INSERT INTO {} ({}) VALUES ({})",
                    t.table,
                    cols.join(", "),
                    vec!["?"; cols.len()].join(", ")
                );
                db.execute_raw(stmt(backend, &sql, values)).await?;
                record_revision(db, t, parent_id, lang, 1, &text, author, now).await?;
                if is_source {
                    source_rev = 1;
                }
                changed = true;
            }
            Some(r) if empty => {
                db.execute_raw(stmt(
                    backend,
                    &format!("DELETE FROM {} WHERE id = ?", t.table),
                    vec![r.id.into()],
                ))
                .await?;
                changed = true;
            }
            Some(r) => {
                let differs = text
                    .iter()
                    .any(|(f, s)| r.text.get(f).map(|x| x.trim()) != Some(s.as_str()));
                if differs {
                    let revision = r.revision + 1;
                    let source_revision = if is_source { revision } else { source_rev };
                    let sets: Vec<String> = t.fields.iter().map(|f| format!("{f} = ?")).collect();
                    let mut values: Vec<Value> =
                        text.iter().map(|(_, s)| Value::from(s.clone())).collect();
                    values.extend([
                        revision.into(),
                        source_revision.into(),
                        now.into(),
                        r.id.into(),
                    ]);
                    let sql = format!(
                        "UPDATE {} SET {}, revision = ?, source_revision = ?, updated_at = ? WHERE id = ?",
                        t.table,
                        sets.join(", ")
                    );
                    db.execute_raw(stmt(backend, &sql, values)).await?;
                    record_revision(db, t, parent_id, lang, revision, &text, author, now).await?;
                    if is_source {
                        source_rev = revision;
                    }
                    changed = true;
                } else if !is_source && reviewed.iter().any(|x| x == lang) {
                    let sql = format!(
                        "UPDATE {} SET source_revision = ?, reviewed_at = ? WHERE id = ?",
                        t.table
                    );
                    db.execute_raw(stmt(
                        backend,
                        &sql,
                        vec![source_rev.into(), now.into(), r.id.into()],
                    ))
                    .await?;
                }
            }
        }
    }
    Ok(changed)
}

/// One kept copy of a translation.
pub struct Revision {
    pub id: i32,
    pub revision: i32,
    pub fields: HashMap<String, String>,
    pub editor_name: String,
    pub restored_from: Option<i32>,
    pub created_at: DateTime<Utc>,
}

#[expect(clippy::too_many_arguments, reason = "the columns of one revision row")]
async fn record_revision(
    db: &impl ConnectionTrait,
    t: &TrTable,
    parent_id: i32,
    lang: &str,
    revision: i32,
    text: &[(&'static str, String)],
    author: &Author<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let fields: serde_json::Map<String, serde_json::Value> = text
        .iter()
        .map(|(f, s)| ((*f).to_owned(), serde_json::Value::String(s.clone())))
        .collect();
    let json = serde_json::Value::Object(fields).to_string();
    db.execute_raw(stmt(
        db.get_database_backend(),
        "INSERT INTO translation_revisions (tr_table, record_id, lang, revision, fields, editor_id, editor_name, restored_from, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        vec![
            t.table.into(),
            parent_id.into(),
            lang.into(),
            revision.into(),
            json.into(),
            author.id.into(),
            author.name.into(),
            author.restored_from.into(),
            now.into(),
        ],
    ))
    .await?;
    Ok(())
}

fn revision_row(r: &QueryResult) -> Result<Revision, DbErr> {
    let json: String = r.try_get("", "fields")?;
    let fields = serde_json::from_str::<HashMap<String, String>>(&json).unwrap_or_default();
    Ok(Revision {
        id: r.try_get("", "id")?,
        revision: r.try_get("", "revision")?,
        fields,
        editor_name: r.try_get("", "editor_name")?,
        restored_from: r.try_get("", "restored_from")?,
        created_at: r.try_get("", "created_at")?,
    })
}

const REVISION_COLUMNS: &str = "id, revision, fields, editor_name, restored_from, created_at";

/// The kept revisions of one translation, newest first.
pub async fn revisions(
    db: &impl ConnectionTrait,
    t: &TrTable,
    parent_id: i32,
    lang: &str,
) -> Result<Vec<Revision>, DbErr> {
    let sql = format!(
        "SELECT {REVISION_COLUMNS} FROM translation_revisions WHERE tr_table = ? AND record_id = ? AND lang = ? ORDER BY id DESC"
    );
    let rows = db
        .query_all_raw(stmt(
            db.get_database_backend(),
            &sql,
            vec![t.table.into(), parent_id.into(), lang.into()],
        ))
        .await?;
    rows.iter().map(revision_row).collect()
}

/// The latest kept copy of a translation at its revision `revision` (the
/// source's text when a translation was last brought up to date).
pub async fn revision_at(
    db: &impl ConnectionTrait,
    t: &TrTable,
    parent_id: i32,
    lang: &str,
    revision: i32,
) -> Result<Option<Revision>, DbErr> {
    let sql = format!(
        "SELECT {REVISION_COLUMNS} FROM translation_revisions WHERE tr_table = ? AND record_id = ? AND lang = ? AND revision = ? ORDER BY id DESC LIMIT 1"
    );
    db.query_one_raw(stmt(
        db.get_database_backend(),
        &sql,
        vec![
            t.table.into(),
            parent_id.into(),
            lang.into(),
            revision.into(),
        ],
    ))
    .await?
    .as_ref()
    .map(revision_row)
    .transpose()
}
