//! The needs, events, news and fellows the site search looks through,
//! matched by the catalogue's own rule (`search::text`: stems per
//! language, Chinese by characters and bigrams, compounds, the trilingual
//! vocabulary), so `penjernihan air` finds a need about drinking water as
//! it finds the technology. Held in memory for one data generation: every
//! write to these records, their texts or the vocabulary starts a new one.

use std::collections::HashMap;

use futures_util::StreamExt;
use sea_orm::{ConnectionTrait, DbErr, StreamTrait};

use crate::db::stmt;
use crate::search::text::{BODY, Lang, Query, SUMMARY, TITLE, TextIndex};
use crate::search::vocabulary;

/// The records, with when events and news become public (`i64::MAX`: not
/// published). Needs and fellows are checked against what their own
/// stores keep public, since expiry and moderation decide there.
const RECORDS_SQL: &[(&str, &str)] = &[
    ("needs", "SELECT id, status, publish_at FROM needs"),
    ("events", "SELECT id, status, publish_at FROM events"),
    ("news", "SELECT id, status, publish_at FROM news"),
    ("fellows", "SELECT id, status, publish_at FROM fellows"),
];

/// Each kind's texts: the parent id, the language, then the title, the
/// summary and the body as the index weighs them.
const TEXTS_SQL: &[(&str, &str)] = &[
    (
        "needs",
        "SELECT need_id AS id, lang, title, '' AS summary, description AS body FROM need_translations",
    ),
    (
        "events",
        "SELECT event_id AS id, lang, title, summary, body || ' ' || venue || ' ' || city AS body FROM event_translations",
    ),
    (
        "news",
        "SELECT news_id AS id, lang, title, summary, body FROM news_translations",
    ),
    (
        "fellows",
        "SELECT t.fellow_id AS id, t.lang, f.name || ' ' || f.name_zh AS title, t.research AS summary, \
         t.home_institution || ' ' || t.host_institution || ' ' || t.bio AS body \
         FROM fellow_translations t JOIN fellows f ON f.id = t.fellow_id",
    ),
];

/// One record the index knows.
struct Doc {
    kind: &'static str,
    id: i32,
    public_from: i64,
}

pub struct OtherIndex {
    docs: Vec<Doc>,
    text: TextIndex,
}

impl OtherIndex {
    pub async fn load<C: ConnectionTrait + StreamTrait>(db: &C) -> Result<Self, DbErr> {
        let backend = ConnectionTrait::get_database_backend(db);
        let mut docs = Vec::new();
        let mut doc_of: HashMap<(&'static str, i32), u32> = HashMap::new();
        for (kind, sql) in RECORDS_SQL {
            let mut rows = Box::pin(db.stream_raw(stmt(backend, sql, vec![])).await?);
            while let Some(r) = rows.next().await {
                let r = r?;
                let id: i32 = r.try_get("", "id")?;
                let status: String = r.try_get("", "status")?;
                let at: Option<chrono::DateTime<chrono::Utc>> = r.try_get("", "publish_at")?;
                let public_from = match at {
                    Some(t) if status == "published" => t.timestamp(),
                    _ => i64::MAX,
                };
                doc_of.insert((*kind, id), u32::try_from(docs.len()).unwrap_or(u32::MAX));
                docs.push(Doc {
                    kind,
                    id,
                    public_from,
                });
            }
        }
        let mut text = vocabulary::empty_index(db).await?;
        for (kind, sql) in TEXTS_SQL {
            let mut rows = Box::pin(db.stream_raw(stmt(backend, sql, vec![])).await?);
            while let Some(r) = rows.next().await {
                let r = r?;
                let Some(doc) = doc_of.get(&(*kind, r.try_get::<i32>("", "id")?)) else {
                    continue;
                };
                let lang = Lang::of_tag(&r.try_get::<String>("", "lang")?);
                text.add(*doc, lang, TITLE, &r.try_get::<String>("", "title")?);
                text.add(*doc, lang, SUMMARY, &r.try_get::<String>("", "summary")?);
                let body = crate::markdown::to_text(&r.try_get::<String>("", "body")?);
                text.add(*doc, lang, BODY, &body);
            }
        }
        Ok(Self {
            docs,
            text: text.finish(),
        })
    }

    pub fn query(&self, q: &str) -> Query {
        self.text.query(q)
    }

    /// The public records matching `q`, by kind, best first: those with
    /// every word when a kind has any, else that kind's best partial
    /// matches. `public` says whether a need or a fellow is shown.
    pub fn search(
        &self,
        q: &Query,
        now: i64,
        public: impl Fn(&str, i32) -> bool,
    ) -> HashMap<&'static str, Vec<i32>> {
        let words = u8::try_from(q.len()).unwrap_or(u8::MAX);
        let mut by_kind: HashMap<&'static str, Vec<(f64, i32, u8)>> = HashMap::new();
        for h in self.text.search(q) {
            let Some(d) = self
                .docs
                .get(h.doc as usize)
                .filter(|_| q.partial_enough(&h))
            else {
                continue;
            };
            let shown = match d.kind {
                "events" | "news" => d.public_from <= now,
                other => public(other, d.id),
            };
            if shown {
                by_kind.entry(d.kind).or_default().push((
                    f64::from(h.matched) * 1000.0 + f64::from(h.score),
                    d.id,
                    h.matched,
                ));
            }
        }
        by_kind
            .into_iter()
            .map(|(kind, mut hits)| {
                if hits.iter().any(|h| h.2 >= words) {
                    hits.retain(|h| h.2 >= words);
                }
                hits.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)));
                (kind, hits.into_iter().map(|h| h.1).collect())
            })
            .collect()
    }
}
