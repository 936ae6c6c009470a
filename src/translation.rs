//! Translated text: choosing which translation to show (requested language,
//! then the configured fallbacks) and whether a translation is missing, up to
//! date, or older than the source text it was translated from.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use crate::entities::*;
use crate::i18n::Locale;

/// A row of a `*_translations` table.
pub trait Translated {
    fn parent_id(&self) -> i32;
    fn lang(&self) -> &str;
    fn revision(&self) -> i32;
    fn source_revision(&self) -> i32;
    /// Whether the row holds no text yet (an empty title or name).
    fn is_blank(&self) -> bool;
}

macro_rules! translated {
    ($($module:ident . $parent:ident . $headline:ident),* $(,)?) => {$(
        impl Translated for $module::Model {
            fn parent_id(&self) -> i32 { self.$parent }
            fn lang(&self) -> &str { &self.lang }
            fn revision(&self) -> i32 { self.revision }
            fn source_revision(&self) -> i32 { self.source_revision }
            fn is_blank(&self) -> bool { self.$headline.trim().is_empty() }
        }
    )*};
}

translated!(
    technology_translation.technology_id.title,
    need_translation.need_id.title,
    event_translation.event_id.title,
    news_translation.news_id.title,
    fellow_translation.fellow_id.research,
    call_translation.call_id.title,
    host_post_translation.host_post_id.institution,
    network_member_translation.member_id.name,
    page_translation.page_id.title,
    media_translation.media_id.alt,
);

/// The translation chosen for a visitor.
pub struct Picked<'a, T> {
    pub text: &'a T,
    /// The language it is in (differs from the requested one on fallback).
    pub locale: Locale,
    /// Older than the source text it was translated from.
    pub outdated: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Status {
    Missing,
    UpToDate,
    Outdated,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Missing => "missing",
            Self::UpToDate => "up-to-date",
            Self::Outdated => "outdated",
        }
    }
}

fn find<'a, T: Translated>(rows: &'a [T], lang: &str) -> Option<&'a T> {
    rows.iter().find(|r| r.lang() == lang && !r.is_blank())
}

/// The status of the translation into `lang` of a record whose source text
/// is in `source_lang`.
pub fn status<T: Translated>(rows: &[T], lang: &str, source_lang: &str) -> Status {
    let Some(row) = find(rows, lang) else {
        return Status::Missing;
    };
    if lang == source_lang {
        return Status::UpToDate;
    }
    match find(rows, source_lang) {
        Some(source) if source.revision() > row.source_revision() => Status::Outdated,
        _ => Status::UpToDate,
    }
}

/// The best translation for `want`, following its fallback chain.
pub fn pick<'a, T: Translated>(
    rows: &'a [T],
    want: Locale,
    source_lang: &str,
) -> Option<Picked<'a, T>> {
    want.chain().iter().find_map(|&l| {
        find(rows, l.tag()).map(|text| Picked {
            text,
            locale: l,
            outdated: status(rows, l.tag(), source_lang) == Status::Outdated,
        })
    })
}

/// All translations of the given parents, grouped by parent id.
pub async fn load<E>(
    db: &impl ConnectionTrait,
    parent_col: E::Column,
    ids: &[i32],
) -> Result<HashMap<i32, Vec<E::Model>>, DbErr>
where
    E: EntityTrait,
    E::Model: Translated,
{
    let mut map: HashMap<i32, Vec<E::Model>> = HashMap::new();
    if ids.is_empty() {
        return Ok(map);
    }
    // Chunked to stay under bind-parameter limits on both backends.
    for chunk in ids.chunks(500) {
        let rows = E::find()
            .filter(parent_col.is_in(chunk.iter().copied()))
            .all(db)
            .await?;
        for row in rows {
            map.entry(row.parent_id()).or_default().push(row);
        }
    }
    Ok(map)
}

/// Records chosen and ordered by `select`, each with all its translations,
/// in one statement (a join): a page lists many records, and a statement
/// per list rather than two keeps it cheap (every statement is a round
/// trip). With a `window` (offset, limit), at most that many records from
/// there, however many rows their translations make: the window applies
/// inside `id IN (...)`.
pub async fn with_texts<P, T>(
    db: &impl ConnectionTrait,
    select: sea_orm::Select<P>,
    window: Option<(u64, u64)>,
) -> Result<Vec<(P::Model, Vec<T::Model>)>, DbErr>
where
    P: EntityTrait + sea_orm::Related<T>,
    T: EntityTrait,
{
    use sea_orm::{Iterable, PrimaryKeyToColumn, QuerySelect, QueryTrait};
    let select = match (window, P::PrimaryKey::iter().next()) {
        (Some((offset, limit)), Some(pk)) => {
            let pk = pk.into_column();
            let ids = select
                .clone()
                .select_only()
                .column(pk)
                .offset(offset)
                .limit(limit)
                .into_query();
            select.filter(pk.in_subquery(ids))
        }
        _ => select,
    };
    select.find_with_related(T::default()).all(db).await
}

/// Lists show one text per record, in the visitor's language or the first
/// of its fallbacks that exists, and only a few of its fields: this query
/// yields exactly that, one narrow row per record, where `with_texts`
/// would bring every translation whole (three long texts per card).
pub struct BestText<'a> {
    /// The records' table, e.g. `technologies`.
    pub table: &'a str,
    /// Their translations' table and its column naming the record.
    pub texts: &'a str,
    pub fk: &'a str,
    /// The column whose emptiness means "not translated" (`title`).
    pub headline: &'a str,
    /// Columns wanted from the record (never `lang`) and from the text.
    pub columns: &'a [&'a str],
    pub text_columns: &'a [&'a str],
}

impl BestText<'_> {
    /// The records whose ids `ids` (a subquery with its values) yields,
    /// each with its best text for `locale` (column `lang` says which),
    /// ordered by `order` (on the record's columns, alias `t`). A record
    /// with no text at all is left out.
    pub fn statement(
        &self,
        backend: sea_orm::DbBackend,
        ids: (String, Vec<sea_orm::Value>),
        order: &str,
        locale: Locale,
    ) -> sea_orm::Statement {
        let chain = locale.chain();
        let mut rank = String::from("CASE x.lang");
        for (i, _) in chain.iter().enumerate() {
            rank.push_str(&format!(" WHEN ? THEN {i}"));
        }
        rank.push_str(&format!(" ELSE {} END", chain.len()));
        let cols: Vec<String> = self.columns.iter().map(|c| format!("t.{c}")).collect();
        let text_cols: Vec<String> = self.text_columns.iter().map(|c| format!("x.{c}")).collect();
        let (ids_sql, ids_values) = ids;
        let sql = format!(
            "SELECT {cols}, b.lang AS lang, {b_cols} FROM {table} t JOIN ( \
               SELECT x.{fk} AS parent_id, x.lang AS lang, {text_cols}, \
                 ROW_NUMBER() OVER (PARTITION BY x.{fk} ORDER BY {rank}, x.lang) AS rn \
               FROM {texts} x WHERE x.{fk} IN ({ids_sql}) AND TRIM(x.{headline}) <> '' \
             ) b ON b.parent_id = t.id AND b.rn = 1 \
             ORDER BY {order}",
            cols = cols.join(", "),
            b_cols = self
                .text_columns
                .iter()
                .map(|c| format!("b.{c} AS {c}"))
                .collect::<Vec<_>>()
                .join(", "),
            table = self.table,
            fk = self.fk,
            text_cols = text_cols.join(", "),
            texts = self.texts,
            headline = self.headline,
        );
        let mut values: Vec<sea_orm::Value> = chain.iter().map(|l| l.tag().into()).collect();
        values.extend(ids_values);
        crate::db::stmt(backend, &sql, values)
    }
}

/// A sea-orm query's SQL and values, to use as a subquery in a
/// hand-written statement, with `?` placeholders whatever the backend
/// (`db::stmt` numbers them for PostgreSQL).
pub fn subquery(
    query: impl sea_orm::QueryTrait<QueryStatement = sea_orm::sea_query::SelectStatement>,
) -> (String, Vec<sea_orm::Value>) {
    use sea_orm::sea_query::SqliteQueryBuilder;
    let (sql, values) = query.into_query().build(SqliteQueryBuilder);
    (sql, values.0)
}

/// The locale of a stored tag (`lang` of a `BestText` row).
pub fn locale_of(tag: &str) -> Locale {
    Locale::from_tag(tag).unwrap_or_default()
}

/// Technology titles in one language, by id.
pub async fn technology_titles(
    db: &impl ConnectionTrait,
    ids: &[i32],
    locale: Locale,
) -> Result<HashMap<i32, String>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let techs = technology::Entity::find()
        .filter(technology::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let texts = load::<technology_translation::Entity>(
        db,
        technology_translation::Column::TechnologyId,
        ids,
    )
    .await?;
    Ok(techs
        .into_iter()
        .filter_map(|t| {
            let p = pick(texts.get(&t.id)?, locale, &t.source_lang)?;
            Some((t.id, p.text.title.clone()))
        })
        .collect())
}

/// Need titles in one language, by id.
pub async fn need_titles(
    db: &impl ConnectionTrait,
    ids: &[i32],
    locale: Locale,
) -> Result<HashMap<i32, String>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let needs = need::Entity::find()
        .filter(need::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let texts = load::<need_translation::Entity>(db, need_translation::Column::NeedId, ids).await?;
    Ok(needs
        .into_iter()
        .filter_map(|n| {
            let p = pick(texts.get(&n.id)?, locale, &n.source_lang)?;
            Some((n.id, p.text.title.clone()))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn row(
        lang: &str,
        revision: i32,
        source_revision: i32,
        title: &str,
    ) -> news_translation::Model {
        news_translation::Model {
            id: 0,
            news_id: 1,
            lang: lang.into(),
            title: title.into(),
            summary: String::new(),
            body: String::new(),
            revision,
            source_revision,
            updated_at: Utc::now(),
            reviewed_at: None,
        }
    }

    #[test]
    fn status_follows_revisions() {
        let rows = vec![
            row("en", 3, 0, "A"),
            row("zh-CN", 1, 3, "甲"),
            row("id", 1, 2, "A id"),
            row("fr", 1, 3, ""),
        ];
        assert_eq!(status(&rows, "en", "en"), Status::UpToDate);
        assert_eq!(status(&rows, "zh-CN", "en"), Status::UpToDate);
        assert_eq!(status(&rows, "id", "en"), Status::Outdated);
        assert_eq!(status(&rows, "fr", "en"), Status::Missing);
        assert_eq!(status(&rows, "th", "en"), Status::Missing);
    }

    #[test]
    fn pick_falls_back_to_english_then_chinese() {
        let id = Locale::from_tag("id").unwrap_or_default();
        let rows = vec![row("zh-CN", 1, 1, "甲"), row("en", 1, 0, "A")];
        let p = pick(&rows, id, "en").map(|p| p.locale.tag());
        assert_eq!(p, Some("en"));
        let rows = vec![row("zh-CN", 1, 0, "甲")];
        assert_eq!(
            pick(&rows, id, "zh-CN").map(|p| p.locale.tag()),
            Some("zh-CN")
        );
        let none: Vec<news_translation::Model> = vec![];
        assert!(pick(&none, id, "en").is_none());
    }
}

/// A new translation row's bookkeeping: revision 1, in step with revision 1
/// of its source text, written at `at`. Every place that creates a text
/// (forms, demo content, imports) starts it the same way.
pub trait FirstRevision: Sized {
    fn first_revision(self, at: chrono::DateTime<chrono::Utc>) -> Self;
}

macro_rules! first_revision {
    ($($table:ident),* $(,)?) => {$(
        impl FirstRevision for crate::entities::$table::ActiveModel {
            fn first_revision(mut self, at: chrono::DateTime<chrono::Utc>) -> Self {
                self.revision = sea_orm::Set(1);
                self.source_revision = sea_orm::Set(1);
                self.updated_at = sea_orm::Set(at);
                self
            }
        }
    )*};
}

first_revision!(
    call_translation,
    event_translation,
    fellow_translation,
    host_post_translation,
    media_translation,
    need_translation,
    network_member_translation,
    news_translation,
    page_translation,
    technology_translation,
);
