//! An in-memory index of what the catalogue filters and counts on: one
//! compact row per technology (field, TRL, IP status, modes, countries,
//! publication times). Filtering, facet counts and the newest-first order
//! at 100,000 technologies are one pass over it, well under a millisecond;
//! the database answers only the full-text match and the 20 cards shown.
//!
//! It also knows which images each technology shows, so that cards need
//! no statement for them.
//!
//! It is a cache, never the truth: every write to technologies, their
//! texts or their images raises `catalog_state.version` by trigger, and each request checks
//! that number, so every instance sees every change at once.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use futures_util::StreamExt;
use sea_orm::{ConnectionTrait, DbErr, StreamTrait, Value};
use tokio::sync::Mutex;

use crate::db::stmt;
use crate::i18n::Locale;
use crate::search::text::{BODY, Lang, SUMMARY, TITLE, TextIndex};
use crate::search::vocabulary;
use crate::taxonomy::{self, ASEAN, FIELDS, IP_STATUSES, MODES};

use super::catalog_query::CatalogQuery;

/// One technology as the index knows it.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    pub id: i32,
    pub field: u8,
    pub trl: u8,
    pub ip: u8,
    pub modes: u8,
    pub countries: u16,
    pub featured: bool,
    published: bool,
    publish_at: i64,
    expires_at: i64,
}

impl Entry {
    pub fn visible(&self, now: i64) -> bool {
        self.published && self.publish_at <= now && self.expires_at > now
    }
}

pub struct CatalogIndex {
    pub version: i64,
    /// Newest first (publication time, then id).
    pub entries: Vec<Entry>,
    /// Position in `entries` by technology id (`u32::MAX`: none).
    pos_by_id: Vec<u32>,
    /// The images of each technology that has any, in order (media ids).
    images: HashMap<i32, Vec<i32>>,
    /// Per language: rank of each position when sorted by title.
    title_ranks: Mutex<HashMap<Locale, Arc<Vec<u32>>>>,
    visible: std::sync::Mutex<Option<Arc<VisibleSet>>>,
    /// The words of every translation, documents numbered by position in
    /// `entries`: the catalogue's search matches here, so SQLite and
    /// PostgreSQL find and rank alike.
    pub text: TextIndex,
}

/// The statements behind the index, public so that the benchmark shows
/// the plans of exactly these.
pub const LOAD_SQL: &str = "SELECT id, field, trl, ip_status, coop_modes, countries, featured, status, publish_at, expires_at \
     FROM technologies ORDER BY publish_at DESC, id DESC";
pub const TITLE_RANK_SQL: &str = "SELECT technology_id FROM technology_translations WHERE lang = ? AND title <> '' ORDER BY title, technology_id";
pub const VERSION_SQL: &str = "SELECT version FROM catalog_state WHERE id = 1";
pub const TEXT_SQL: &str = "SELECT technology_id, lang, title, summary, description, scenarios, provider \
     FROM technology_translations ORDER BY technology_id";
pub const IMAGES_SQL: &str =
    "SELECT technology_id, media_id FROM technology_images ORDER BY technology_id, position, id";

fn code_of(list: &[&str], code: &str) -> u8 {
    list.iter()
        .position(|c| *c == code)
        .and_then(|p| u8::try_from(p).ok())
        .unwrap_or(u8::MAX)
}

fn ts(v: Option<chrono::DateTime<chrono::Utc>>, none: i64) -> i64 {
    v.map_or(none, |t| t.timestamp())
}

impl CatalogIndex {
    /// Reads the technologies row by row: at 100,000 of them, collecting
    /// the raw rows first would cost more memory than the index itself,
    /// and the allocator would keep it.
    async fn load<C: ConnectionTrait + StreamTrait>(db: &C, version: i64) -> Result<Self, DbErr> {
        let backend = ConnectionTrait::get_database_backend(db);
        let mut rows = Box::pin(db.stream_raw(stmt(backend, LOAD_SQL, vec![])).await?);
        let mut entries = Vec::new();
        let mut max_id = 0;
        while let Some(r) = rows.next().await {
            let r = r?;
            let id: i32 = r.try_get("", "id")?;
            max_id = max_id.max(id);
            let status: String = r.try_get("", "status")?;
            let field: String = r.try_get("", "field")?;
            let ip: String = r.try_get("", "ip_status")?;
            entries.push(Entry {
                id,
                field: code_of(FIELDS, &field),
                trl: u8::try_from(r.try_get::<i16>("", "trl")?).unwrap_or(0),
                ip: code_of(IP_STATUSES, &ip),
                modes: u8::try_from(r.try_get::<i32>("", "coop_modes")? & 0xff).unwrap_or(0),
                countries: u16::try_from(r.try_get::<i32>("", "countries")? & 0xffff).unwrap_or(0),
                featured: r.try_get("", "featured")?,
                published: status == "published",
                publish_at: ts(r.try_get("", "publish_at")?, i64::MAX),
                expires_at: ts(r.try_get("", "expires_at")?, i64::MAX),
            });
        }
        drop(rows);
        entries.shrink_to_fit();
        let mut images: HashMap<i32, Vec<i32>> = HashMap::new();
        let mut rows = Box::pin(db.stream_raw(stmt(backend, IMAGES_SQL, vec![])).await?);
        while let Some(r) = rows.next().await {
            let r = r?;
            images
                .entry(r.try_get("", "technology_id")?)
                .or_default()
                .push(r.try_get("", "media_id")?);
        }
        drop(rows);
        let mut pos_by_id = vec![u32::MAX; usize::try_from(max_id).unwrap_or(0) + 1];
        for (pos, e) in entries.iter().enumerate() {
            if let Ok(i) = usize::try_from(e.id) {
                pos_by_id[i] = u32::try_from(pos).unwrap_or(u32::MAX);
            }
        }
        let text = load_text(db, &pos_by_id).await?;
        Ok(Self {
            version,
            entries,
            pos_by_id,
            images,
            text,
            title_ranks: Mutex::new(HashMap::new()),
            visible: std::sync::Mutex::new(None),
        })
    }

    /// The images of a technology, in order (media ids).
    pub fn images_of(&self, id: i32) -> &[i32] {
        self.images.get(&id).map_or(&[], Vec::as_slice)
    }

    pub fn position(&self, id: i32) -> Option<usize> {
        let p = *self.pos_by_id.get(usize::try_from(id).ok()?)?;
        (p != u32::MAX).then_some(p as usize)
    }

    /// Rank of each position when sorted by title in `locale` (technologies
    /// without a title in it come last, newest first). Loaded on first use.
    pub async fn title_ranks<C: ConnectionTrait + StreamTrait>(
        &self,
        db: &C,
        locale: Locale,
    ) -> Result<Arc<Vec<u32>>, DbErr> {
        let mut map = self.title_ranks.lock().await;
        if let Some(r) = map.get(&locale) {
            return Ok(r.clone());
        }
        // Rows by title; whatever has no title in this language follows,
        // newest first (its position offset past every titled one).
        let mut ordered: Vec<i32> = Vec::new();
        let backend = ConnectionTrait::get_database_backend(db);
        let mut rows = Box::pin(
            db.stream_raw(stmt(
                backend,
                TITLE_RANK_SQL,
                vec![Value::from(locale.tag())],
            ))
            .await?,
        );
        while let Some(r) = rows.next().await {
            ordered.push(r?.try_get("", "technology_id")?);
        }
        drop(rows);
        let base = u32::try_from(ordered.len()).unwrap_or(u32::MAX);
        let mut ranks: Vec<u32> = (0..self.entries.len())
            .map(|p| base.saturating_add(u32::try_from(p).unwrap_or(0)))
            .collect();
        for (rank, id) in ordered.iter().enumerate() {
            if let Some(pos) = self.position(*id) {
                ranks[pos] = u32::try_from(rank).unwrap_or(u32::MAX);
            }
        }
        let ranks = Arc::new(ranks);
        map.insert(locale, ranks.clone());
        Ok(ranks)
    }
}

/// The words of every translation of every technology, with the related
/// words of the vocabulary, streamed: at
/// 100,000 technologies the raw texts would not fit beside the index.
async fn load_text<C: ConnectionTrait + StreamTrait>(
    db: &C,
    pos_by_id: &[u32],
) -> Result<TextIndex, DbErr> {
    let backend = ConnectionTrait::get_database_backend(db);
    let mut text = vocabulary::empty_index(db).await?;
    let mut rows = Box::pin(db.stream_raw(stmt(backend, TEXT_SQL, vec![])).await?);
    while let Some(r) = rows.next().await {
        let r = r?;
        let id: i32 = r.try_get("", "technology_id")?;
        let Some(doc) = usize::try_from(id)
            .ok()
            .and_then(|i| pos_by_id.get(i))
            .filter(|p| **p != u32::MAX)
        else {
            continue;
        };
        let lang = Lang::of_tag(&r.try_get::<String>("", "lang")?);
        text.add(*doc, lang, TITLE, &r.try_get::<String>("", "title")?);
        text.add(*doc, lang, SUMMARY, &r.try_get::<String>("", "summary")?);
        let body = format!(
            "{} {} {}",
            crate::markdown::to_text(&r.try_get::<String>("", "description")?),
            crate::markdown::to_text(&r.try_get::<String>("", "scenarios")?),
            r.try_get::<String>("", "provider")?
        );
        text.add(*doc, lang, BODY, &body);
    }
    Ok(text.finish())
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

fn bits(list: &[&str], selected: &[&'static str]) -> u32 {
    selected
        .iter()
        .filter_map(|c| list.iter().position(|x| x == c))
        .fold(0, |m, i| m | (1 << i))
}

/// Which filters a row passes: one bit per dimension.
pub const F_FIELD: u8 = 1;
pub const F_COUNTRY: u8 = 2;
pub const F_MODE: u8 = 4;
pub const F_IP: u8 = 8;
pub const F_TRL: u8 = 16;
pub const F_ALL: u8 = 31;

pub struct Filters {
    fields: u32,
    countries: u16,
    modes: u8,
    ip: u32,
    trl: (u8, u8),
}

impl Filters {
    /// Whether no filter is set.
    pub fn none(&self) -> bool {
        self.fields == 0
            && self.countries == 0
            && self.modes == 0
            && self.ip == 0
            && self.trl == (1, 9)
    }

    pub fn of(q: &CatalogQuery) -> Self {
        let (a, b) = q.trl_bounds();
        Self {
            fields: bits(FIELDS, &q.fields),
            countries: u16::try_from(taxonomy::mask(ASEAN, q.countries.iter().copied()))
                .unwrap_or(0),
            modes: u8::try_from(taxonomy::mask(MODES, q.modes.iter().copied())).unwrap_or(0),
            ip: bits(IP_STATUSES, &q.ip),
            trl: (u8::try_from(a).unwrap_or(1), u8::try_from(b).unwrap_or(9)),
        }
    }

    pub fn pass(&self, e: &Entry) -> u8 {
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

#[derive(Default, Clone)]
pub struct Counts {
    fields: [i64; 16],
    countries: [i64; 16],
    modes: [i64; 8],
    ip: [i64; 8],
    trl: [i64; 10],
}

impl Counts {
    /// Counts a row for each facet whose other filters it passes.
    pub fn add(&mut self, e: &Entry, pass: u8) {
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

    pub fn facets(&self) -> Facets {
        let list = |codes: &'static [&'static str], counts: &[i64]| -> Vec<(&'static str, i64)> {
            codes
                .iter()
                .enumerate()
                .map(|(i, c)| (*c, counts.get(i).copied().unwrap_or(0)))
                .collect()
        };
        Facets {
            fields: list(FIELDS, &self.fields),
            countries: list(ASEAN, &self.countries),
            modes: list(MODES, &self.modes),
            ip: list(IP_STATUSES, &self.ip),
            trl: taxonomy::TRL_RANGE
                .map(|l| (l, self.trl[usize::try_from(l).unwrap_or(0)]))
                .collect(),
        }
    }
}

/// What is visible at a moment, and until when that stays true: the
/// positions, newest first, and the unfiltered facet counts.
pub struct VisibleSet {
    from: i64,
    until: i64,
    pub positions: Vec<u32>,
    pub counts: Counts,
}

impl CatalogIndex {
    /// The visible set at `now`, computed once per change of visibility
    /// (a scheduled listing appearing, one expiring), not per request.
    pub fn visible(&self, now: i64) -> Arc<VisibleSet> {
        if let Ok(guard) = self.visible.lock()
            && let Some(v) = guard.as_ref().filter(|v| v.from <= now && now < v.until)
        {
            return v.clone();
        }
        let mut positions = Vec::with_capacity(self.entries.len());
        let mut counts = Counts::default();
        let mut until = i64::MAX;
        for (pos, e) in self.entries.iter().enumerate() {
            if e.published {
                if e.publish_at > now {
                    until = until.min(e.publish_at);
                }
                if e.expires_at > now {
                    until = until.min(e.expires_at);
                }
            }
            if e.visible(now) {
                positions.push(u32::try_from(pos).unwrap_or(u32::MAX));
                counts.add(e, F_ALL);
            }
        }
        let v = Arc::new(VisibleSet {
            from: now,
            until,
            positions,
            counts,
        });
        if let Ok(mut guard) = self.visible.lock() {
            *guard = Some(v.clone());
        }
        v
    }
}

/// Holds the current index for the application; reloads it when the
/// database says the catalogue changed.
#[derive(Default)]
pub struct IndexCache {
    current: RwLock<Option<Arc<CatalogIndex>>>,
    reload: Mutex<()>,
    /// The data generation (`changes`) in which the catalogue version was
    /// last read: until the next one, the index is known to be current
    /// without asking (every write to technologies raises both).
    checked: std::sync::atomic::AtomicU64,
}

async fn version(db: &impl ConnectionTrait) -> Result<i64, DbErr> {
    let row = db
        .query_one_raw(stmt(db.get_database_backend(), VERSION_SQL, vec![]))
        .await?;
    Ok(row
        .and_then(|r| r.try_get::<i64>("", "version").ok())
        .unwrap_or(0))
}

impl IndexCache {
    fn cached(&self) -> Option<Arc<CatalogIndex>> {
        self.current.read().ok().and_then(|g| g.clone())
    }

    /// The index as of the database's current catalogue version.
    pub async fn get<C: ConnectionTrait + StreamTrait>(
        &self,
        db: &C,
        changes: &crate::changes::Changes,
    ) -> Result<Arc<CatalogIndex>, DbErr> {
        use std::sync::atomic::Ordering;
        let generation = changes.current(db).await?;
        if self.checked.load(Ordering::SeqCst) == generation
            && let Some(idx) = self.cached()
        {
            return Ok(idx);
        }
        let v = version(db).await?;
        if let Some(idx) = self.cached().filter(|i| i.version == v) {
            self.checked.store(generation, Ordering::SeqCst);
            return Ok(idx);
        }
        // One reload at a time; whoever waited finds it done.
        let _guard = self.reload.lock().await;
        let v = version(db).await?;
        if let Some(idx) = self.cached().filter(|i| i.version == v) {
            return Ok(idx);
        }
        let idx = Arc::new(CatalogIndex::load(db, v).await?);
        if let Ok(mut w) = self.current.write() {
            *w = Some(idx.clone());
        }
        self.checked.store(generation, Ordering::SeqCst);
        Ok(idx)
    }
}
