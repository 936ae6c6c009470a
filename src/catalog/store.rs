//! Catalogue queries: full-text search with filters and facet counts,
//! technology detail, related technologies and need matching.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use crate::db::{now, stmt};
use crate::search::catalog_query::{CatalogQuery, Sort};

use crate::entities::{technology, technology_translation};
use crate::i18n::Locale;
use crate::media::{Image, Library};
use crate::search::catalog_index::{CatalogIndex, Counts, F_ALL, Facets, Filters};
use crate::search::{self, analyzer};
use crate::taxonomy::{self, ASEAN, FIELDS};
use crate::translation::{self, BestText, Translated};

pub struct SearchResult {
    pub ids: Vec<i32>,
    pub total: i64,
    pub facets: Facets,
    /// The page actually shown (a page past the end shows the last one).
    pub page: u32,
    /// No technology has every word: these have most of them.
    pub partial: bool,
    /// The query with misspelt words corrected, when results are few.
    pub suggestion: Option<String>,
}

/// Ids and scores of the technologies matching all the terms (or any).
async fn text_matches(
    db: &impl ConnectionTrait,
    terms: &[String],
    all: bool,
) -> Result<Vec<(i32, f64)>, DbErr> {
    let Some((sql, values)) = search::match_subquery(
        db.get_database_backend(),
        Some(search::index::TECHNOLOGY),
        terms,
        all,
    ) else {
        return Ok(Vec::new());
    };
    let rows = db
        .query_all_raw(stmt(db.get_database_backend(), &sql, values))
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        // INTEGER on PostgreSQL, 64-bit on SQLite.
        let id: i64 = r
            .try_get::<i32>("", "id")
            .map(i64::from)
            .or_else(|_| r.try_get::<i64>("", "id"))?;
        let score: f64 = r
            .try_get::<f64>("", "score")
            .or_else(|_| r.try_get::<f32>("", "score").map(f64::from))?;
        out.push((i32::try_from(id).unwrap_or(0), score));
    }
    Ok(out)
}

/// The catalogue query: words, filters, facet counts and order, all from
/// the in-memory index; one page of ids.
pub async fn search(
    db: &(impl ConnectionTrait + sea_orm::StreamTrait),
    index: &CatalogIndex,
    q: &CatalogQuery,
    locale: Locale,
) -> Result<SearchResult, DbErr> {
    let t = now().timestamp();
    let visible = index.visible(t);
    let filters = Filters::of(q);
    let query = index.text.query(&q.q);
    let per_page = usize::try_from(q.per_page).unwrap_or(20).max(1);
    let sort = q.sort();
    let page_of = |total: usize| {
        let last = u32::try_from(total.div_ceil(per_page).max(1)).unwrap_or(u32::MAX);
        let page = q.page.min(last);
        (page, usize::try_from(page - 1).unwrap_or(0) * per_page)
    };

    // The plain catalogue, newest first: everything is precomputed.
    if query.is_empty() && filters.none() && sort != Sort::Title {
        let (page, start) = page_of(visible.positions.len());
        return Ok(SearchResult {
            ids: visible
                .positions
                .iter()
                .skip(start)
                .take(per_page)
                .map(|p| index.entries[*p as usize].id)
                .collect(),
            total: i64::try_from(visible.positions.len()).unwrap_or(i64::MAX),
            facets: visible.counts.facets(),
            page,
            partial: false,
            suggestion: None,
        });
    }

    let mut counts = Counts::default();
    // (position in the index, score); positions are newest first.
    let mut hits: Vec<(usize, f64)> = Vec::new();
    let mut partial = false;
    let mut suggestion = None;
    if query.is_empty() {
        for &p in &visible.positions {
            let e = &index.entries[p as usize];
            let pass = filters.pass(e);
            counts.add(e, pass);
            if pass == F_ALL {
                hits.push((p as usize, 0.0));
            }
        }
    } else {
        let found: Vec<_> = index
            .text
            .search(&query)
            .into_iter()
            .filter(|h| {
                query.partial_enough(h)
                    && index
                        .entries
                        .get(h.doc as usize)
                        .is_some_and(|e| e.visible(t))
            })
            .collect();
        // Every word if any technology has them all (whatever the
        // filters, so the facets show where they are); else the best
        // partial matches, and the page says so.
        let words = u8::try_from(query.len()).unwrap_or(u8::MAX);
        let all = found.iter().any(|h| h.matched >= words);
        partial = !all && !found.is_empty();
        for h in found {
            if all && h.matched < words {
                continue;
            }
            let pos = h.doc as usize;
            let e = &index.entries[pos];
            let pass = filters.pass(e);
            counts.add(e, pass);
            if pass == F_ALL {
                // Words matched first, then how well (scores stay far
                // below 1,000).
                hits.push((pos, f64::from(h.matched) * 1000.0 + f64::from(h.score)));
            }
        }
        // Only words the catalogue does not have are looked at, so a
        // correctly typed query costs nothing here.
        suggestion = index.text.suggest(&query);
    }
    match sort {
        Sort::Relevance if !query.is_empty() => {
            hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        }
        Sort::Title => {
            let ranks = index.title_ranks(db, locale).await?;
            hits.sort_by_key(|(pos, _)| ranks.get(*pos).copied().unwrap_or(u32::MAX));
        }
        _ => hits.sort_by_key(|(pos, _)| *pos),
    }
    let (page, start) = page_of(hits.len());
    Ok(SearchResult {
        ids: hits
            .iter()
            .skip(start)
            .take(per_page)
            .map(|(pos, _)| index.entries[*pos].id)
            .collect(),
        total: i64::try_from(hits.len()).unwrap_or(i64::MAX),
        facets: counts.facets(),
        page,
        partial,
        suggestion,
    })
}

/// Visible technologies in the index, and the featured ones, newest first.
pub fn visible_count(index: &CatalogIndex) -> i64 {
    i64::try_from(index.visible(now().timestamp()).positions.len()).unwrap_or(0)
}

pub fn featured(index: &CatalogIndex, limit: usize) -> Vec<i32> {
    let t = now().timestamp();
    index
        .entries
        .iter()
        .filter(|e| e.featured && e.visible(t))
        .take(limit)
        .map(|e| e.id)
        .collect()
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
    /// Description and application scenarios (Markdown), for a snippet
    /// when the search words are there rather than in the summary.
    pub details: String,
}

/// What a card shows of a technology, and of its best text; with the
/// description and scenarios too when a search needs a snippet from them.
const CARD: BestText<'static> = BestText {
    table: "technologies",
    texts: "technology_translations",
    fk: "technology_id",
    headline: "title",
    columns: &["id", "slug", "field", "trl", "countries", "province"],
    text_columns: &["title", "summary", "provider"],
};
const CARD_WITH_DETAILS: BestText<'static> = BestText {
    text_columns: &["title", "summary", "provider", "description", "scenarios"],
    ..CARD
};

/// Cards for the given ids, in that order (ids no longer visible are
/// skipped): one statement of one narrow row per card, the images from
/// the index and the library. `details`: with description and scenarios,
/// for a snippet where the search words are.
pub async fn cards(
    db: &impl ConnectionTrait,
    index: &CatalogIndex,
    media: &Library,
    ids: &[i32],
    locale: Locale,
    details: bool,
) -> Result<Vec<Card>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let query = if details { &CARD_WITH_DETAILS } else { &CARD };
    let placeholders = vec!["?"; ids.len()].join(", ");
    let values = ids.iter().map(|id| (*id).into()).collect();
    let rows = db
        .query_all_raw(query.statement(
            db.get_database_backend(),
            (placeholders, values),
            "t.id",
            locale,
        ))
        .await?;
    let mut by_id: HashMap<i32, Card> = HashMap::with_capacity(rows.len());
    for r in rows {
        let id: i32 = r.try_get("", "id")?;
        let shown = translation::locale_of(&r.try_get::<String>("", "lang")?);
        let details = if details {
            format!(
                "{}\n\n{}",
                r.try_get::<String>("", "description")?,
                r.try_get::<String>("", "scenarios")?
            )
        } else {
            String::new()
        };
        by_id.insert(
            id,
            Card {
                id,
                slug: r.try_get("", "slug")?,
                title: r.try_get("", "title")?,
                summary: r.try_get("", "summary")?,
                provider: r.try_get("", "provider")?,
                field: r.try_get("", "field")?,
                trl: r.try_get("", "trl")?,
                countries: taxonomy::unmask(ASEAN, r.try_get("", "countries")?),
                province: r.try_get("", "province")?,
                shown,
                image: index
                    .images_of(id)
                    .first()
                    .and_then(|m| media.image(*m, locale)),
                details,
            },
        );
    }
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

/// Everything the detail page shows.
pub struct Detail {
    pub tech: technology::Model,
    pub text: technology_translation::Model,
    pub shown: Locale,
    pub outdated: bool,
    pub images: Vec<Image>,
    /// Its titles in every language (for matching needs).
    pub titles: Vec<String>,
}

/// What a visitor may see of technologies, as a condition: published,
/// due, not expired (the in-memory index applies the same rule,
/// `catalog_index::Entry::visible`).
pub fn visible() -> sea_orm::Condition {
    let t = now();
    sea_orm::Condition::all()
        .add(technology::Column::Status.eq("published"))
        .add(technology::Column::PublishAt.lte(t))
        .add(
            sea_orm::Condition::any()
                .add(technology::Column::ExpiresAt.is_null())
                .add(technology::Column::ExpiresAt.gt(t)),
        )
}

/// A visible technology by slug: one statement.
pub async fn detail(
    db: &impl ConnectionTrait,
    index: &CatalogIndex,
    media: &Library,
    slug: &str,
    locale: Locale,
) -> Result<Option<Detail>, DbErr> {
    detail_of(
        db,
        index,
        media,
        technology::Entity::find()
            .filter(technology::Column::Slug.eq(slug))
            .filter(visible()),
        locale,
    )
    .await
}

/// Any technology by id, visible or not (the back office's preview).
pub async fn detail_any(
    db: &impl ConnectionTrait,
    index: &CatalogIndex,
    media: &Library,
    id: i32,
    locale: Locale,
) -> Result<Option<Detail>, DbErr> {
    detail_of(
        db,
        index,
        media,
        technology::Entity::find().filter(technology::Column::Id.eq(id)),
        locale,
    )
    .await
}

async fn detail_of(
    db: &impl ConnectionTrait,
    index: &CatalogIndex,
    media: &Library,
    select: sea_orm::Select<technology::Entity>,
    locale: Locale,
) -> Result<Option<Detail>, DbErr> {
    let found = translation::with_texts::<technology::Entity, technology_translation::Entity>(
        db, select, None,
    )
    .await?;
    let Some((tech, rows)) = found.into_iter().next() else {
        return Ok(None);
    };
    let Some(p) = translation::pick(&rows, locale, &tech.source_lang) else {
        return Ok(None);
    };
    let (text, shown, outdated) = (p.text.clone(), p.locale, p.outdated);
    let images = index
        .images_of(tech.id)
        .iter()
        .filter_map(|m| media.image(*m, locale))
        .collect();
    Ok(Some(Detail {
        titles: titles(&rows).into_iter().map(str::to_owned).collect(),
        tech,
        text,
        shown,
        outdated,
        images,
    }))
}

/// Technologies in the same field or for the same countries, best first:
/// same field 2, shared country 1, then newest.
pub async fn related(
    db: &impl ConnectionTrait,
    index: &CatalogIndex,
    media: &Library,
    tech: &technology::Model,
    locale: Locale,
) -> Result<Vec<Card>, DbErr> {
    let t = now().timestamp();
    let field = FIELDS
        .iter()
        .position(|f| *f == tech.field)
        .and_then(|p| u8::try_from(p).ok());
    let countries = u16::try_from(tech.countries & 0xffff).unwrap_or(0);
    // Entries are newest first, so the first four found at each score are
    // the ones to show; one pass, no sorting, and done early once four of
    // the best score are found.
    let mut by_score: [Vec<i32>; 4] = Default::default();
    for e in &index.entries {
        if e.id == tech.id || !e.visible(t) {
            continue;
        }
        let score = usize::from(if Some(e.field) == field { 2u8 } else { 0 })
            + usize::from(e.countries & countries != 0);
        if score > 0 && by_score[score].len() < 4 {
            by_score[score].push(e.id);
            if score == 3 && by_score[3].len() == 4 {
                break;
            }
        }
    }
    let best: Vec<i32> = by_score.into_iter().rev().flatten().collect();
    let ids: Vec<i32> = best.into_iter().take(4).collect();
    cards(db, index, media, &ids, locale, false).await
}

/// Technologies answering a need: same field 3, the need's country 2, any
/// word of its titles 2; at least a field match, or a country and a word.
#[expect(clippy::too_many_arguments, reason = "a need's facts, each used once")]
pub async fn for_need(
    db: &impl ConnectionTrait,
    index: &CatalogIndex,
    media: &Library,
    field: &str,
    country_bit: i32,
    terms: &[String],
    limit: usize,
    locale: Locale,
) -> Result<Vec<Card>, DbErr> {
    let t = now().timestamp();
    let field = FIELDS
        .iter()
        .position(|f| *f == field)
        .and_then(|p| u8::try_from(p).ok());
    let country = u16::try_from(country_bit & 0xffff).unwrap_or(0);
    let words: std::collections::HashSet<i32> = text_matches(db, terms, false)
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let mut scored: Vec<(u8, usize, i32)> = index
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.visible(t))
        .map(|(pos, e)| {
            let s = crate::matching::score(
                Some(e.field) == field,
                e.countries & country != 0,
                words.contains(&e.id),
            );
            (s, pos, e.id)
        })
        .filter(|(s, _, _)| *s >= crate::matching::MIN_SCORE)
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let ids: Vec<i32> = scored
        .into_iter()
        .take(limit)
        .map(|(_, _, id)| id)
        .collect();
    cards(db, index, media, &ids, locale, false).await
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

/// The titles of a technology in every language.
pub fn titles(rows: &[technology_translation::Model]) -> Vec<&str> {
    rows.iter()
        .filter(|r| !r.is_blank())
        .map(|r| r.title.as_str())
        .collect()
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
