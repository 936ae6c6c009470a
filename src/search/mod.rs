//! Full-text search across languages: the analyser, the index, the
//! backend-specific match query and snippets, and the catalogue's
//! in-memory filter index with the query it answers (the pages that use
//! them, the catalogue's and the site-wide search, stand above: `catalog`,
//! `site_search`).

pub mod analyzer;
pub mod catalog_index;
pub mod catalog_query;
pub mod index;
pub mod snippet;
pub mod stem;
pub mod text;
pub mod vocabulary;

use sea_orm::{DbBackend, Value};

/// A sub-query yielding `(id, kind, score)` of the records of `kind` (of
/// every kind with `None`; `kind` is `index::kind_code`) matching every
/// term (`all`) or any of them (higher score = better: title hits weigh
/// most). `None` when there is nothing to match. Terms come from the
/// analyser: ASCII letters and digits only, so they cannot break out of the
/// match syntax.
pub fn match_subquery(
    backend: DbBackend,
    kind: Option<&'static str>,
    terms: &[String],
    all: bool,
) -> Option<(String, Vec<Value>)> {
    if terms.is_empty() {
        return None;
    }
    match backend {
        DbBackend::Postgres => {
            let q = terms.join(if all { " & " } else { " | " });
            let mut sql = "SELECT d.entity_id AS id, \
                 CASE d.kind WHEN 'technology' THEN 1 WHEN 'need' THEN 2 WHEN 'event' THEN 3 \
                 WHEN 'news' THEN 4 WHEN 'fellow' THEN 5 ELSE 7 END AS kind, \
                 ts_rank(d.tsv, to_tsquery('simple', ?)) AS score \
                 FROM search_docs d WHERE d.tsv @@ to_tsquery('simple', ?)"
                .to_owned();
            let mut values: Vec<Value> = vec![q.clone().into(), q.into()];
            if let Some(kind) = kind {
                sql.push_str(" AND d.kind = ?");
                values.push(kind.into());
            }
            Some((sql, values))
        }
        _ => {
            let q = terms
                .iter()
                .map(|t| format!("\"{t}\""))
                .collect::<Vec<_>>()
                .join(if all { " " } else { " OR " });
            // Row ids are `entity_id * 8 + kind` (see `index::doc_id`): no
            // join with search_docs is needed.
            let mut sql = "SELECT rowid / 8 AS id, rowid % 8 AS kind, \
                 -bm25(search_fts, 10.0, 4.0, 1.0) AS score \
                 FROM search_fts WHERE search_fts MATCH ?"
                .to_owned();
            let mut values: Vec<Value> = vec![q.into()];
            if let Some(kind) = kind {
                sql.push_str(" AND rowid % 8 = ?");
                values.push(index::kind_code(kind).into());
            }
            Some((sql, values))
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
