//! Full-text search across languages: the analyser, the index, the
//! backend-specific match query, snippets, and the site-wide search page.

pub mod analyzer;
pub mod index;
mod page;
pub mod snippet;

pub use page::search_page;

use sea_orm::{DbBackend, Value};

/// A sub-query yielding `(id, score)` of the records of `kind` matching every
/// term (`all`) or any of them (higher score = better: title hits weigh
/// most). `None` when there is nothing to match. Terms come from the
/// analyser: ASCII letters and digits only, so they cannot break out of the
/// match syntax.
pub fn match_subquery(
    backend: DbBackend,
    kind: &'static str,
    terms: &[String],
    all: bool,
) -> Option<(String, Vec<Value>)> {
    if terms.is_empty() {
        return None;
    }
    match backend {
        DbBackend::Postgres => {
            let q = terms.join(if all { " & " } else { " | " });
            Some((
                "SELECT d.entity_id AS id, ts_rank(d.tsv, to_tsquery('simple', ?)) AS score \
                 FROM search_docs d WHERE d.kind = ? AND d.tsv @@ to_tsquery('simple', ?)"
                    .to_owned(),
                vec![q.clone().into(), kind.into(), q.into()],
            ))
        }
        _ => {
            let q = terms
                .iter()
                .map(|t| format!("\"{t}\""))
                .collect::<Vec<_>>()
                .join(if all { " " } else { " OR " });
            // Row ids are `entity_id * 8 + kind` (see `index::doc_id`): no
            // join with search_docs is needed.
            Some((
                "SELECT rowid / 8 AS id, -bm25(search_fts, 10.0, 4.0, 1.0) AS score \
                 FROM search_fts WHERE search_fts MATCH ? AND rowid % 8 = ?"
                    .to_owned(),
                vec![q.into(), index::kind_code(kind).into()],
            ))
        }
    }
}

/// Which text a match must be in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Within {
    Any,
    Title,
    Summary,
}

/// One row, column `ids`: the comma-separated ids of the records of `kind`
/// whose text (`within` a part) contains every term. Unranked and in one
/// row, because handing thousands of rows over one by one costs more than
/// finding them.
pub fn ids_query(
    backend: DbBackend,
    kind: &'static str,
    terms: &[String],
    within: Within,
) -> Option<(String, Vec<Value>)> {
    if terms.is_empty() {
        return None;
    }
    match backend {
        DbBackend::Postgres => {
            let weight = match within {
                Within::Any => "",
                Within::Title => ":A",
                Within::Summary => ":B",
            };
            let q = terms
                .iter()
                .map(|t| format!("{t}{weight}"))
                .collect::<Vec<_>>()
                .join(" & ");
            Some((
                "SELECT string_agg(d.entity_id::text, ',') AS ids FROM search_docs d \
                 WHERE d.kind = ? AND d.tsv @@ to_tsquery('simple', ?)"
                    .to_owned(),
                vec![kind.into(), q.into()],
            ))
        }
        _ => {
            let words = terms
                .iter()
                .map(|t| format!("\"{t}\""))
                .collect::<Vec<_>>()
                .join(" ");
            let q = match within {
                Within::Any => words,
                Within::Title => format!("{{title_terms}} : ({words})"),
                Within::Summary => format!("{{summary_terms}} : ({words})"),
            };
            Some((
                "SELECT group_concat(rowid / 8) AS ids FROM search_fts WHERE search_fts MATCH ? AND rowid % 8 = ?".to_owned(),
                vec![q.into(), index::kind_code(kind).into()],
            ))
        }
    }
}
