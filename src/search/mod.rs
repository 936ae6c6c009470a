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
    ranked_subquery(backend, kind, terms, all, &[])
}

/// As `match_subquery`, narrowed to records carrying one of the facet words
/// of every group (`index::facet_term`): the ranking work is then done only
/// for what the filters keep.
pub fn ranked_subquery(
    backend: DbBackend,
    kind: &'static str,
    terms: &[String],
    all: bool,
    facet_groups: &[Vec<String>],
) -> Option<(String, Vec<Value>)> {
    if terms.is_empty() {
        return None;
    }
    match backend {
        DbBackend::Postgres => {
            let mut q = format!("({})", terms.join(if all { " & " } else { " | " }));
            for g in facet_groups.iter().filter(|g| !g.is_empty()) {
                q.push_str(&format!(" & ({})", g.join(" | ")));
            }
            Some((
                "SELECT d.entity_id AS id, ts_rank(d.tsv, to_tsquery('simple', ?)) AS score \
                 FROM search_docs d WHERE d.kind = ? AND d.tsv @@ to_tsquery('simple', ?)"
                    .to_owned(),
                vec![q.clone().into(), kind.into(), q.into()],
            ))
        }
        _ => {
            let words = terms
                .iter()
                .map(|t| format!("\"{t}\""))
                .collect::<Vec<_>>()
                .join(if all { " " } else { " OR " });
            let mut q = format!("({words})");
            for g in facet_groups.iter().filter(|g| !g.is_empty()) {
                q.push_str(&format!(" AND {{facet_terms}} : ({})", g.join(" OR ")));
            }
            // Row ids are `entity_id * 8 + kind` (see `index::doc_id`): no
            // join with search_docs is needed. Facet words weigh nothing.
            Some((
                "SELECT rowid / 8 AS id, -bm25(search_fts, 10.0, 4.0, 1.0, 0.0) AS score \
                 FROM search_fts WHERE search_fts MATCH ? AND rowid % 8 = ?"
                    .to_owned(),
                vec![q.into(), index::kind_code(kind).into()],
            ))
        }
    }
}

/// Ids of the records of `kind` matching every term, unranked (cheap: no
/// scoring work).
pub fn unranked_subquery(backend: DbBackend, kind: &'static str, terms: &[String]) -> Option<(String, Vec<Value>)> {
    if terms.is_empty() {
        return None;
    }
    match backend {
        DbBackend::Postgres => {
            let q = terms.join(" & ");
            Some((
                "SELECT d.entity_id AS id FROM search_docs d WHERE d.kind = ? AND d.tsv @@ to_tsquery('simple', ?)".to_owned(),
                vec![kind.into(), q.into()],
            ))
        }
        _ => {
            let q = terms.iter().map(|t| format!("\"{t}\"")).collect::<Vec<_>>().join(" ");
            Some((
                "SELECT rowid / 8 AS id FROM search_fts WHERE search_fts MATCH ? AND rowid % 8 = ?".to_owned(),
                vec![q.into(), index::kind_code(kind).into()],
            ))
        }
    }
}
