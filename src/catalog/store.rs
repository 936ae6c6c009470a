//! Catalogue queries: full-text search with filters and facet counts,
//! technology detail, related technologies and need matching.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

use super::query::{CatalogQuery, Sort};
use crate::db::{now, stmt};

use super::index::{CatalogIndex, Entry};
use crate::entities::{technology, technology_image, technology_translation};
use crate::i18n::Locale;
use crate::media::Image;
use crate::search::{self, analyzer};
use crate::taxonomy::{self, ASEAN, FIELDS, IP_STATUSES, MODES};
use crate::translation::{self, Translated};

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

/// Ids and scores of the technologies matching all the terms (or any),
/// narrowed to the given facet word groups.
async fn ranked_matches(
    db: &impl ConnectionTrait,
    terms: &[String],
    all: bool,
    groups: &[Vec<String>],
) -> Result<Vec<(i32, f64)>, DbErr> {
    let Some((sql, values)) = search::ranked_subquery(db.get_database_backend(), search::index::TECHNOLOGY, terms, all, groups) else {
        return Ok(Vec::new());
    };
    let rows = db.query_all_raw(stmt(db.get_database_backend(), &sql, values)).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let id: i64 = r.try_get("", "id")?;
        let score: f64 = r.try_get::<f64>("", "score").or_else(|_| r.try_get::<f32>("", "score").map(f64::from))?;
        out.push((i32::try_from(id).unwrap_or(0), score));
    }
    Ok(out)
}

async fn text_matches(db: &impl ConnectionTrait, terms: &[String], all: bool) -> Result<Vec<(i32, f64)>, DbErr> {
    ranked_matches(db, terms, all, &[]).await
}

/// Ids of the technologies matching all the terms, without ranking.
async fn unranked_matches(db: &impl ConnectionTrait, terms: &[String]) -> Result<Vec<i32>, DbErr> {
    let Some((sql, values)) = search::unranked_subquery(db.get_database_backend(), search::index::TECHNOLOGY, terms) else {
        return Ok(Vec::new());
    };
    let rows = db.query_all_raw(stmt(db.get_database_backend(), &sql, values)).await?;
    rows.iter()
        .map(|r| r.try_get::<i64>("", "id").map(|id| i32::try_from(id).unwrap_or(0)))
        .collect()
}

/// The facet word groups of the active filters (one group per dimension).
fn facet_groups(q: &CatalogQuery) -> Vec<Vec<String>> {
    use search::index::facet_term;
    let group = |dim: &str, list: &[&str], selected: &[&'static str]| -> Vec<String> {
        selected.iter().filter_map(|c| list.iter().position(|x| x == c)).map(|i| facet_term(dim, i)).collect()
    };
    let mut g = vec![
        group("field", FIELDS, &q.fields),
        group("country", ASEAN, &q.countries),
        group("mode", MODES, &q.modes),
        group("ip", IP_STATUSES, &q.ip),
    ];
    if q.trl_min.is_some() || q.trl_max.is_some() {
        let (a, b) = q.trl_bounds();
        g.push((a..=b).map(|l| facet_term("trl", usize::try_from(l).unwrap_or(0))).collect());
    }
    g
}

fn bits(list: &[&str], selected: &[&'static str]) -> u32 {
    selected.iter().filter_map(|c| list.iter().position(|x| x == c)).fold(0, |m, i| m | (1 << i))
}

/// Which filters a row passes: one bit per dimension.
const F_FIELD: u8 = 1;
const F_COUNTRY: u8 = 2;
const F_MODE: u8 = 4;
const F_IP: u8 = 8;
const F_TRL: u8 = 16;
const F_ALL: u8 = 31;

struct Filters {
    fields: u32,
    countries: u16,
    modes: u8,
    ip: u32,
    trl: (u8, u8),
}

impl Filters {
    fn of(q: &CatalogQuery) -> Self {
        let (a, b) = q.trl_bounds();
        Self {
            fields: bits(FIELDS, &q.fields),
            countries: u16::try_from(taxonomy::mask(ASEAN, q.countries.iter().copied())).unwrap_or(0),
            modes: u8::try_from(taxonomy::mask(MODES, q.modes.iter().copied())).unwrap_or(0),
            ip: bits(IP_STATUSES, &q.ip),
            trl: (u8::try_from(a).unwrap_or(1), u8::try_from(b).unwrap_or(9)),
        }
    }

    fn pass(&self, e: &Entry) -> u8 {
        let mut p = 0;
        if self.fields == 0 || (e.field < 32 && self.fields & (1 << e.field) != 0) {
            p |= F_FIELD;
        }
        if self.countries == 0 || self.countries & e.countries != 0 {
            p |= F_COUNTRY;
        }
        if self.modes == 0 || self.modes & e.modes != 0 {
            p |= F_MODE;
        }
        if self.ip == 0 || (e.ip < 32 && self.ip & (1 << e.ip) != 0) {
            p |= F_IP;
        }
        if (self.trl.0..=self.trl.1).contains(&e.trl) {
            p |= F_TRL;
        }
        p
    }
}

#[derive(Default)]
struct Counts {
    fields: [i64; 16],
    countries: [i64; 16],
    modes: [i64; 8],
    ip: [i64; 8],
    trl: [i64; 10],
}

impl Counts {
    /// Counts a row for each facet whose other filters it passes.
    fn add(&mut self, e: &Entry, pass: u8) {
        let others = |d: u8| pass | d == F_ALL;
        if others(F_FIELD) && usize::from(e.field) < self.fields.len() {
            self.fields[usize::from(e.field)] += 1;
        }
        if others(F_COUNTRY) {
            let mut m = e.countries;
            while m != 0 {
                if let Some(c) = self.countries.get_mut(m.trailing_zeros() as usize) {
                    *c += 1;
                }
                m &= m - 1;
            }
        }
        if others(F_MODE) {
            let mut m = e.modes;
            while m != 0 {
                if let Some(c) = self.modes.get_mut(m.trailing_zeros() as usize) {
                    *c += 1;
                }
                m &= m - 1;
            }
        }
        if others(F_IP) && usize::from(e.ip) < self.ip.len() {
            self.ip[usize::from(e.ip)] += 1;
        }
        if others(F_TRL) && usize::from(e.trl) < self.trl.len() {
            self.trl[usize::from(e.trl)] += 1;
        }
    }

    fn facets(&self) -> Facets {
        let list = |codes: &'static [&'static str], counts: &[i64]| -> Vec<(&'static str, i64)> {
            codes.iter().enumerate().map(|(i, c)| (*c, counts.get(i).copied().unwrap_or(0))).collect()
        };
        Facets {
            fields: list(FIELDS, &self.fields),
            countries: list(ASEAN, &self.countries),
            modes: list(MODES, &self.modes),
            ip: list(IP_STATUSES, &self.ip),
            trl: taxonomy::TRL_RANGE.map(|l| (l, self.trl[usize::try_from(l).unwrap_or(0)])).collect(),
        }
    }
}

/// The catalogue query: words (matched in the database), filters, facet
/// counts and order (from the in-memory index), one page of ids.
pub async fn search(
    db: &impl ConnectionTrait,
    index: &CatalogIndex,
    q: &CatalogQuery,
    locale: Locale,
) -> Result<SearchResult, DbErr> {
    let t = now().timestamp();
    let filters = Filters::of(q);
    let terms = analyzer::query_terms(&q.q);
    let mut counts = Counts::default();
    // (position in the index, score)
    let mut hits: Vec<(usize, f64)> = Vec::new();
    let consider = |pos: usize, score: f64, counts: &mut Counts, hits: &mut Vec<(usize, f64)>| {
        let e = &index.entries[pos];
        if !e.visible(t) {
            return;
        }
        let pass = filters.pass(e);
        counts.add(e, pass);
        if pass == F_ALL {
            hits.push((pos, score));
        }
    };
    let per_page = usize::try_from(q.per_page).unwrap_or(20).max(1);
    if terms.is_empty() {
        let sort = q.sort();
        if sort != Sort::Title {
            // Newest first is the index's own order: one pass counts and
            // keeps only the requested page, nothing to sort.
            let page_wanted = usize::try_from(q.page.max(1) - 1).unwrap_or(0);
            let mut total = 0usize;
            let mut ids = Vec::with_capacity(per_page);
            let mut tail: std::collections::VecDeque<i32> = std::collections::VecDeque::with_capacity(per_page);
            for e in &index.entries {
                if !e.visible(t) {
                    continue;
                }
                let pass = filters.pass(e);
                counts.add(e, pass);
                if pass == F_ALL {
                    if total / per_page == page_wanted {
                        ids.push(e.id);
                    }
                    // The last page, in case the one asked for is past the end.
                    if total % per_page == 0 {
                        tail.clear();
                    }
                    tail.push_back(e.id);
                    total += 1;
                }
            }
            let last_page = u32::try_from(total.div_ceil(per_page).max(1)).unwrap_or(u32::MAX);
            let page = q.page.min(last_page);
            if page != q.page.max(1) {
                ids = tail.into_iter().collect();
            }
            return Ok(SearchResult {
                ids,
                total: i64::try_from(total).unwrap_or(i64::MAX),
                facets: counts.facets(),
                page,
            });
        }
        for pos in 0..index.entries.len() {
            consider(pos, 0.0, &mut counts, &mut hits);
        }
    } else {
        // Facets need every match; only what the filters keep is ranked.
        for id in unranked_matches(db, &terms).await? {
            if let Some(pos) = index.position(id) {
                consider(pos, 0.0, &mut counts, &mut hits);
            }
        }
        if q.sort() == Sort::Relevance && !hits.is_empty() {
            let scores: HashMap<i32, f64> = ranked_matches(db, &terms, true, &facet_groups(q)).await?.into_iter().collect();
            for h in &mut hits {
                h.1 = scores.get(&index.entries[h.0].id).copied().unwrap_or(f64::MIN);
            }
        }
    }
    match q.sort() {
        Sort::Relevance if !terms.is_empty() => {
            hits.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal).then(a.0.cmp(&b.0)));
        }
        Sort::Title => {
            let ranks = index.title_ranks(db, locale).await?;
            hits.sort_by_key(|(pos, _)| ranks.get(*pos).copied().unwrap_or(u32::MAX));
        }
        // Index order is newest first.
        _ => hits.sort_by_key(|(pos, _)| *pos),
    }
    let total = i64::try_from(hits.len()).unwrap_or(i64::MAX);
    let last_page = u32::try_from(hits.len().div_ceil(per_page).max(1)).unwrap_or(u32::MAX);
    let page = q.page.min(last_page);
    let start = usize::try_from(page - 1).unwrap_or(0) * per_page;
    let ids = hits
        .iter()
        .skip(start)
        .take(per_page)
        .map(|(pos, _)| index.entries[*pos].id)
        .collect();
    Ok(SearchResult {
        ids,
        total,
        facets: counts.facets(),
        page,
    })
}

/// Visible technologies in the index, and the featured ones, newest first.
pub fn visible_count(index: &CatalogIndex) -> i64 {
    let t = now().timestamp();
    i64::try_from(index.entries.iter().filter(|e| e.visible(t)).count()).unwrap_or(0)
}

pub fn featured(index: &CatalogIndex, limit: usize) -> Vec<i32> {
    let t = now().timestamp();
    index.entries.iter().filter(|e| e.featured && e.visible(t)).take(limit).map(|e| e.id).collect()
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

/// Technologies in the same field or for the same countries, best first:
/// same field 2, shared country 1, then newest.
pub async fn related(
    db: &impl ConnectionTrait,
    index: &CatalogIndex,
    tech: &technology::Model,
    locale: Locale,
) -> Result<Vec<Card>, DbErr> {
    let t = now().timestamp();
    let field = FIELDS.iter().position(|f| *f == tech.field).and_then(|p| u8::try_from(p).ok());
    let countries = u16::try_from(tech.countries & 0xffff).unwrap_or(0);
    let mut best: Vec<(u8, usize, i32)> = Vec::new();
    for (pos, e) in index.entries.iter().enumerate() {
        if e.id == tech.id || !e.visible(t) {
            continue;
        }
        let score = if Some(e.field) == field { 2 } else { 0 } + u8::from(e.countries & countries != 0);
        if score > 0 {
            best.push((score, pos, e.id));
            if best.len() > 64 {
                best.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
                best.truncate(4);
            }
        }
    }
    best.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let ids: Vec<i32> = best.into_iter().take(4).map(|(_, _, id)| id).collect();
    cards(db, &ids, locale).await
}

/// Technologies answering a need: same field 3, the need's country 2, any
/// word of its titles 2; at least a field match, or a country and a word.
pub async fn for_need(
    db: &impl ConnectionTrait,
    index: &CatalogIndex,
    field: &str,
    country_bit: i32,
    terms: &[String],
    limit: usize,
    locale: Locale,
) -> Result<Vec<Card>, DbErr> {
    let t = now().timestamp();
    let field = FIELDS.iter().position(|f| *f == field).and_then(|p| u8::try_from(p).ok());
    let country = u16::try_from(country_bit & 0xffff).unwrap_or(0);
    let words: std::collections::HashSet<i32> = text_matches(db, terms, false).await?.into_iter().map(|(id, _)| id).collect();
    let mut scored: Vec<(u8, usize, i32)> = index
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.visible(t))
        .map(|(pos, e)| {
            let s = if Some(e.field) == field { 3 } else { 0 }
                + if e.countries & country != 0 { 2 } else { 0 }
                + if words.contains(&e.id) { 2 } else { 0 };
            (s, pos, e.id)
        })
        .filter(|(s, _, _)| *s >= 3)
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let ids: Vec<i32> = scored.into_iter().take(limit).map(|(_, _, id)| id).collect();
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

/// The titles of a technology in every language.
pub fn titles(rows: &[technology_translation::Model]) -> Vec<&str> {
    rows.iter()
        .filter(|r| !r.is_blank())
        .map(|r| r.title.as_str())
        .collect()
}


/// The facet words of a technology: its field, countries, modes, IP status
/// and TRL as index words.
pub fn facet_terms(field: &str, countries: i32, modes: i32, ip: &str, trl: i16) -> String {
    use search::index::facet_term;
    let mut words = Vec::new();
    if let Some(i) = FIELDS.iter().position(|f| *f == field) {
        words.push(facet_term("field", i));
    }
    for i in 0..ASEAN.len() {
        if countries & (1 << i) != 0 {
            words.push(facet_term("country", i));
        }
    }
    for i in 0..MODES.len() {
        if modes & (1 << i) != 0 {
            words.push(facet_term("mode", i));
        }
    }
    if let Some(i) = IP_STATUSES.iter().position(|f| *f == ip) {
        words.push(facet_term("ip", i));
    }
    words.push(facet_term("trl", usize::try_from(trl).unwrap_or(0)));
    words.join(" ")
}

/// Rebuilds the search entry of a technology from all its translations.
pub async fn reindex(db: &impl ConnectionTrait, id: i32) -> Result<(), DbErr> {
    let Some(tech) = technology::Entity::find_by_id(id).one(db).await? else {
        return Ok(());
    };
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
        facets: facet_terms(&tech.field, tech.countries, tech.coop_modes, &tech.ip_status, tech.trl),
    };
    search::index::upsert(db, search::index::TECHNOLOGY, id, &text).await
}
