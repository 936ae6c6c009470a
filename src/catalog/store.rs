//! Catalogue queries: full-text search with filters and facet counts,
//! technology detail, related technologies and need matching.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    Value,
};

use super::query::{CatalogQuery, Sort};
use crate::db::{now, stmt, visible_sql};
use crate::entities::{technology, technology_image, technology_translation};
use crate::i18n::Locale;
use crate::media::Image;
use crate::search::{self, analyzer};
use crate::taxonomy::{self, ASEAN, FIELDS, IP_STATUSES, MODES};
use crate::translation::{self, Translated};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dim {
    Field,
    Country,
    Mode,
    Ip,
    Trl,
}

struct Clause {
    dim: Dim,
    sql: String,
    values: Vec<Value>,
}

fn placeholders(n: usize) -> String {
    vec!["?"; n].join(", ")
}

fn clauses(q: &CatalogQuery) -> Vec<Clause> {
    let mut out = Vec::new();
    if !q.fields.is_empty() {
        out.push(Clause {
            dim: Dim::Field,
            sql: format!("t.field IN ({})", placeholders(q.fields.len())),
            values: q.fields.iter().map(|f| (*f).into()).collect(),
        });
    }
    if !q.countries.is_empty() {
        out.push(Clause {
            dim: Dim::Country,
            sql: "(t.countries & ?) <> 0".into(),
            values: vec![taxonomy::mask(ASEAN, q.countries.iter().copied()).into()],
        });
    }
    if !q.modes.is_empty() {
        out.push(Clause {
            dim: Dim::Mode,
            sql: "(t.coop_modes & ?) <> 0".into(),
            values: vec![taxonomy::mask(MODES, q.modes.iter().copied()).into()],
        });
    }
    if !q.ip.is_empty() {
        out.push(Clause {
            dim: Dim::Ip,
            sql: format!("t.ip_status IN ({})", placeholders(q.ip.len())),
            values: q.ip.iter().map(|f| (*f).into()).collect(),
        });
    }
    if q.trl_min.is_some() || q.trl_max.is_some() {
        let (a, b) = q.trl_bounds();
        out.push(Clause {
            dim: Dim::Trl,
            sql: "t.trl BETWEEN ? AND ?".into(),
            values: vec![a.into(), b.into()],
        });
    }
    out
}

/// The FROM and WHERE of a catalogue query: visible technologies matching
/// the words (if any) and every filter except `except`'s dimension.
struct Base {
    from: String,
    from_values: Vec<Value>,
    clauses: Vec<Clause>,
    now: DateTime<Utc>,
    matched: bool,
}

impl Base {
    fn new(backend: sea_orm::DbBackend, q: &CatalogQuery) -> Self {
        let terms = analyzer::query_terms(&q.q);
        let (from, from_values, matched) =
            match search::match_subquery(backend, search::index::TECHNOLOGY, &terms, true) {
                Some((sub, values)) => (
                    format!("technologies t JOIN ({sub}) m ON m.id = t.id"),
                    values,
                    true,
                ),
                None => ("technologies t".to_owned(), Vec::new(), false),
            };
        Self {
            from,
            from_values,
            clauses: clauses(q),
            now: now(),
            matched,
        }
    }

    /// `WHERE ...` and its values (after the FROM's).
    fn where_sql(&self, except: Option<Dim>) -> (String, Vec<Value>) {
        let mut sql = format!("WHERE {}", visible_sql("t"));
        let mut values: Vec<Value> = vec![self.now.into(), self.now.into()];
        for c in self.clauses.iter().filter(|c| Some(c.dim) != except) {
            sql.push_str(" AND ");
            sql.push_str(&c.sql);
            values.extend(c.values.iter().cloned());
        }
        (sql, values)
    }
}

#[derive(Debug, FromQueryResult)]
struct IdRow {
    id: i32,
}

#[derive(Debug, FromQueryResult)]
struct CountRow {
    n: i64,
}

#[derive(Debug, FromQueryResult)]
struct GroupRow {
    code: String,
    n: i64,
}

#[derive(Debug, FromQueryResult)]
struct TrlRow {
    trl: i16,
    n: i64,
}

/// How many results each filter option would give with the other filters.
#[derive(Default, Debug)]
pub struct Facets {
    pub fields: Vec<(&'static str, i64)>,
    pub countries: Vec<(&'static str, i64)>,
    pub modes: Vec<(&'static str, i64)>,
    pub ip: Vec<(&'static str, i64)>,
    pub trl: Vec<(i16, i64)>,
}

pub struct SearchResult {
    pub ids: Vec<i32>,
    pub total: i64,
    pub facets: Facets,
    /// The page actually shown (a page past the end shows the last one).
    pub page: u32,
}

pub async fn search(
    db: &impl ConnectionTrait,
    q: &CatalogQuery,
    locale: Locale,
) -> Result<SearchResult, DbErr> {
    let backend = db.get_database_backend();
    let base = Base::new(backend, q);

    let (where_all, where_values) = base.where_sql(None);
    let mut values = base.from_values.clone();
    values.extend(where_values.iter().cloned());
    let count_sql = format!("SELECT COUNT(*) AS n FROM {} {where_all}", base.from);
    let total = CountRow::find_by_statement(stmt(backend, &count_sql, values))
        .one(db)
        .await?
        .map_or(0, |r| r.n);

    let per_page = i64::from(q.per_page);
    let last_page = u32::try_from(((total + per_page - 1) / per_page).max(1)).unwrap_or(u32::MAX);
    let page = q.page.min(last_page);
    let offset = i64::from(page - 1) * per_page;

    let order = match q.sort() {
        Sort::Relevance if base.matched => "m.score DESC, t.publish_at DESC, t.id DESC",
        Sort::Title => "tt.title IS NULL, tt.title ASC, t.id ASC",
        _ => "t.publish_at DESC, t.id DESC",
    };
    let mut values = base.from_values.clone();
    let title_join = if q.sort() == Sort::Title {
        values.push(locale.tag().into());
        " LEFT JOIN technology_translations tt ON tt.technology_id = t.id AND tt.lang = ?"
    } else {
        ""
    };
    values.extend(where_values);
    values.push(per_page.into());
    values.push(offset.into());
    let page_sql = format!(
        "SELECT t.id AS id FROM {}{title_join} {where_all} ORDER BY {order} LIMIT ? OFFSET ?",
        base.from
    );
    let ids = IdRow::find_by_statement(stmt(backend, &page_sql, values))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect();

    let facets = facets(db, &base).await?;
    Ok(SearchResult {
        ids,
        total,
        facets,
        page,
    })
}

async fn facets(db: &impl ConnectionTrait, base: &Base) -> Result<Facets, DbErr> {
    let backend = db.get_database_backend();
    let grouped = |col: &'static str, dim: Dim| {
        let (w, wv) = base.where_sql(Some(dim));
        let mut values = base.from_values.clone();
        values.extend(wv);
        stmt(
            backend,
            &format!(
                "SELECT {col} AS code, COUNT(*) AS n FROM {} {w} GROUP BY {col}",
                base.from
            ),
            values,
        )
    };
    let counts_of = |rows: Vec<GroupRow>, list: &'static [&'static str]| {
        let map: HashMap<String, i64> = rows.into_iter().map(|r| (r.code, r.n)).collect();
        list.iter()
            .map(|c| (*c, map.get(*c).copied().unwrap_or(0)))
            .collect::<Vec<_>>()
    };
    let fields = counts_of(
        GroupRow::find_by_statement(grouped("t.field", Dim::Field))
            .all(db)
            .await?,
        FIELDS,
    );
    let ip = counts_of(
        GroupRow::find_by_statement(grouped("t.ip_status", Dim::Ip))
            .all(db)
            .await?,
        IP_STATUSES,
    );
    let (w, wv) = base.where_sql(Some(Dim::Trl));
    let mut values = base.from_values.clone();
    values.extend(wv);
    let trl_rows = TrlRow::find_by_statement(stmt(
        backend,
        &format!(
            "SELECT t.trl AS trl, COUNT(*) AS n FROM {} {w} GROUP BY t.trl",
            base.from
        ),
        values,
    ))
    .all(db)
    .await?;
    let trl = taxonomy::TRL_RANGE
        .map(|l| (l, trl_rows.iter().find(|r| r.trl == l).map_or(0, |r| r.n)))
        .collect();
    let countries = bit_counts(db, base, "t.countries", Dim::Country, ASEAN).await?;
    let modes = bit_counts(db, base, "t.coop_modes", Dim::Mode, MODES).await?;
    Ok(Facets {
        fields,
        countries,
        modes,
        ip,
        trl,
    })
}

/// Counts per bit of a mask column, in one pass.
async fn bit_counts(
    db: &impl ConnectionTrait,
    base: &Base,
    col: &str,
    dim: Dim,
    list: &'static [&'static str],
) -> Result<Vec<(&'static str, i64)>, DbErr> {
    let backend = db.get_database_backend();
    let sums = (0..list.len())
        .map(|i| {
            format!(
                "COALESCE(SUM(CASE WHEN ({col} & {}) <> 0 THEN 1 ELSE 0 END), 0) AS c{i}",
                1 << i
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let (w, wv) = base.where_sql(Some(dim));
    let mut values = base.from_values.clone();
    values.extend(wv);
    let row = db
        .query_one_raw(stmt(
            backend,
            &format!("SELECT {sums} FROM {} {w}", base.from),
            values,
        ))
        .await?;
    let mut out = Vec::with_capacity(list.len());
    for (i, code) in list.iter().enumerate() {
        let n = match &row {
            Some(r) => r.try_get::<i64>("", &format!("c{i}")).unwrap_or(0),
            None => 0,
        };
        out.push((*code, n));
    }
    Ok(out)
}

/// A technology as shown in lists, in the visitor's language when it can be.
pub struct Card {
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub provider: String,
    pub field: String,
    pub trl: i16,
    pub countries: Vec<&'static str>,
    pub province: String,
    pub shown: Locale,
    pub image: Option<Image>,
}

/// Cards for the given ids, in that order (ids no longer visible are skipped).
pub async fn cards(
    db: &impl ConnectionTrait,
    ids: &[i32],
    locale: Locale,
) -> Result<Vec<Card>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let techs: HashMap<i32, technology::Model> = technology::Entity::find()
        .filter(technology::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();
    let texts = translation::load::<technology_translation::Entity>(
        db,
        technology_translation::Column::TechnologyId,
        ids,
    )
    .await?;
    let images = first_images(db, ids, locale).await?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let Some(t) = techs.get(id) else { continue };
        let rows = texts.get(id).map(Vec::as_slice).unwrap_or(&[]);
        let Some(p) = translation::pick(rows, locale, &t.source_lang) else {
            continue;
        };
        out.push(Card {
            id: t.id,
            slug: t.slug.clone(),
            title: p.text.title.clone(),
            summary: p.text.summary.clone(),
            provider: p.text.provider.clone(),
            field: t.field.clone(),
            trl: t.trl,
            countries: taxonomy::unmask(ASEAN, t.countries),
            province: t.province.clone(),
            shown: p.locale,
            image: images.get(id).cloned(),
        });
    }
    Ok(out)
}

async fn first_images(
    db: &impl ConnectionTrait,
    ids: &[i32],
    locale: Locale,
) -> Result<HashMap<i32, Image>, DbErr> {
    let links = technology_image::Entity::find()
        .filter(technology_image::Column::TechnologyId.is_in(ids.iter().copied()))
        .order_by_asc(technology_image::Column::Position)
        .all(db)
        .await?;
    let mut first: HashMap<i32, i32> = HashMap::new();
    for l in &links {
        first.entry(l.technology_id).or_insert(l.media_id);
    }
    let media_ids: Vec<i32> = first.values().copied().collect();
    let images = crate::media::describe(db, &media_ids, locale).await?;
    Ok(first
        .into_iter()
        .filter_map(|(tech, media)| images.get(&media).map(|i| (tech, i.clone())))
        .collect())
}

/// Everything the detail page shows.
pub struct Detail {
    pub tech: technology::Model,
    pub text: technology_translation::Model,
    pub shown: Locale,
    pub outdated: bool,
    pub images: Vec<Image>,
}

/// A visible technology by slug.
pub async fn detail(
    db: &impl ConnectionTrait,
    slug: &str,
    locale: Locale,
) -> Result<Option<Detail>, DbErr> {
    let t = now();
    let Some(tech) = technology::Entity::find()
        .filter(technology::Column::Slug.eq(slug))
        .filter(technology::Column::Status.eq("published"))
        .filter(technology::Column::PublishAt.lte(t))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if tech.expires_at.is_some_and(|e| e <= t) {
        return Ok(None);
    }
    let rows = technology_translation::Entity::find()
        .filter(technology_translation::Column::TechnologyId.eq(tech.id))
        .all(db)
        .await?;
    let Some(p) = translation::pick(&rows, locale, &tech.source_lang) else {
        return Ok(None);
    };
    let (text, shown, outdated) = (p.text.clone(), p.locale, p.outdated);
    let links = technology_image::Entity::find()
        .filter(technology_image::Column::TechnologyId.eq(tech.id))
        .order_by_asc(technology_image::Column::Position)
        .all(db)
        .await?;
    let media_ids: Vec<i32> = links.iter().map(|l| l.media_id).collect();
    let described = crate::media::describe(db, &media_ids, locale).await?;
    let images = media_ids
        .iter()
        .filter_map(|m| described.get(m).cloned())
        .collect();
    Ok(Some(Detail {
        tech,
        text,
        shown,
        outdated,
        images,
    }))
}

/// Technologies in the same field or for the same countries, best first.
pub async fn related(
    db: &impl ConnectionTrait,
    tech: &technology::Model,
    locale: Locale,
) -> Result<Vec<Card>, DbErr> {
    let backend = db.get_database_backend();
    let t = now();
    let sql = format!(
        "SELECT t.id AS id FROM technologies t WHERE {} AND t.id <> ? \
         AND (t.field = ? OR (t.countries & ?) <> 0) \
         ORDER BY (CASE WHEN t.field = ? THEN 2 ELSE 0 END) + (CASE WHEN (t.countries & ?) <> 0 THEN 1 ELSE 0 END) DESC, \
         t.publish_at DESC LIMIT 4",
        visible_sql("t")
    );
    let values: Vec<Value> = vec![
        t.into(),
        t.into(),
        tech.id.into(),
        tech.field.clone().into(),
        tech.countries.into(),
        tech.field.clone().into(),
        tech.countries.into(),
    ];
    let ids: Vec<i32> = IdRow::find_by_statement(stmt(backend, &sql, values))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect();
    cards(db, &ids, locale).await
}

/// Words common enough in titles to say nothing about a match.
const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "and",
    "the",
    "of",
    "for",
    "to",
    "in",
    "on",
    "with",
    "by",
    "from",
    "at",
    "or",
    "as",
    "dan",
    "untuk",
    "yang",
    "di",
    "ke",
    "dari",
    "dengan",
    "atau",
    "pada",
    "bagi",
    "secara",
    "technology",
    "technologies",
    "system",
    "systems",
    "teknologi",
    "sistem",
    "u0628",
    "u0768a",
];

/// Terms of a record's titles in every language, for OR-matching.
pub fn match_terms<'a>(titles: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for title in titles {
        for t in analyzer::query_terms(title) {
            if t.len() > 1
                && !STOPWORDS.contains(&t.as_str())
                && !out.contains(&t)
                && out.len() < 24
            {
                out.push(t);
            }
        }
    }
    out
}

/// Ids of visible records of `table`/`kind` matching a field, a country
/// condition and any of the terms, best first: field 3, country 2, words 2;
/// at least a field match, or a country and a word match.
#[expect(clippy::too_many_arguments, reason = "one query, its parts named")]
pub async fn matches(
    db: &impl ConnectionTrait,
    table: &'static str,
    kind: &'static str,
    field: &str,
    country_sql: &str,
    country_value: Value,
    terms: &[String],
    exclude: Option<i32>,
    limit: u64,
) -> Result<Vec<i32>, DbErr> {
    let backend = db.get_database_backend();
    let t = now();
    let mut values: Vec<Value> = Vec::new();
    let (join, text_score) = match search::match_subquery(backend, kind, terms, false) {
        Some((sub, v)) => {
            values.extend(v);
            (
                format!(" LEFT JOIN ({sub}) m ON m.id = t.id"),
                "CASE WHEN m.id IS NULL THEN 0 ELSE 2 END",
            )
        }
        None => (String::new(), "0"),
    };
    let score = format!(
        "(CASE WHEN t.field = ? THEN 3 ELSE 0 END) + (CASE WHEN {country_sql} THEN 2 ELSE 0 END) + {text_score}"
    );
    let sql = format!(
        "SELECT t.id AS id FROM {table} t{join} WHERE {} AND t.id <> ? AND {score} >= 3 \
         ORDER BY {score} DESC, t.publish_at DESC LIMIT ?",
        visible_sql("t")
    );
    values.push(t.into());
    values.push(t.into());
    values.push(exclude.unwrap_or(-1).into());
    for _ in 0..2 {
        values.push(field.to_owned().into());
        values.push(country_value.clone());
    }
    values.push(i64::try_from(limit).unwrap_or(10).into());
    Ok(IdRow::find_by_statement(stmt(backend, &sql, values))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect())
}

/// The titles of a technology in every language.
pub fn titles(rows: &[technology_translation::Model]) -> Vec<&str> {
    rows.iter()
        .filter(|r| !r.is_blank())
        .map(|r| r.title.as_str())
        .collect()
}

pub fn is_visible(
    status: &str,
    publish_at: Option<DateTime<Utc>>,
    expires_at: Option<DateTime<Utc>>,
) -> bool {
    let t = now();
    status == "published" && publish_at.is_some_and(|p| p <= t) && expires_at.is_none_or(|e| e > t)
}

/// Rebuilds the search entry of a technology from all its translations.
pub async fn reindex(db: &impl ConnectionTrait, id: i32) -> Result<(), DbErr> {
    let rows = technology_translation::Entity::find()
        .filter(technology_translation::Column::TechnologyId.eq(id))
        .all(db)
        .await?;
    let bodies: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                crate::markdown::to_text(&r.description),
                crate::markdown::to_text(&r.scenarios),
                r.provider
            )
        })
        .collect();
    let text = search::index::DocText {
        title: rows.iter().map(|r| r.title.as_str()).collect(),
        summary: rows.iter().map(|r| r.summary.as_str()).collect(),
        body: bodies.iter().map(String::as_str).collect(),
    };
    search::index::upsert(db, search::index::TECHNOLOGY, id, &text).await
}
