//! Writing the search index: one `search_docs` row per record, holding the
//! analysed text of all its translations, so a query in any language finds
//! it. Visibility (draft, scheduled, expired) is applied when searching, not
//! here, so publishing at a scheduled time needs no re-indexing.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};

use super::analyzer::index_text;
use crate::db::now;
use crate::entities::search_doc;

/// Kinds of records indexed here: technologies only. The other kinds
/// (needs, events, news, fellows) are a few hundred records and are searched
/// in memory by `site_search::index`; their rows were removed by migration
/// `m20261206_000030_search_docs_technologies`.
pub const TECHNOLOGY: &str = "technology";

/// The index row id of a record: its id and its kind in one number, so the
/// full-text index yields the record without a join.
pub fn doc_id(kind: &str, entity_id: i32) -> i64 {
    i64::from(entity_id) * 8 + kind_code(kind)
}

pub fn kind_code(kind: &str) -> i64 {
    match kind {
        TECHNOLOGY => 1,
        _ => 7,
    }
}

/// The text of one translation, by weight.
#[derive(Default)]
pub struct DocText<'a> {
    pub title: Vec<&'a str>,
    pub summary: Vec<&'a str>,
    pub body: Vec<&'a str>,
}

fn analyse(parts: &[&str]) -> String {
    let mut out = String::new();
    for p in parts {
        index_text(p, &mut out);
    }
    out
}

/// Replaces the index entry of a record.
pub async fn upsert(
    db: &impl ConnectionTrait,
    kind: &'static str,
    entity_id: i32,
    text: &DocText<'_>,
) -> Result<(), DbErr> {
    remove(db, kind, entity_id).await?;
    search_doc::ActiveModel {
        id: Set(doc_id(kind, entity_id)),
        kind: Set(kind.to_owned()),
        entity_id: Set(entity_id),
        title_terms: Set(analyse(&text.title)),
        summary_terms: Set(analyse(&text.summary)),
        body_terms: Set(analyse(&text.body)),
        updated_at: Set(now()),
    }
    .insert(db)
    .await?;
    Ok(())
}

pub async fn remove(db: &impl ConnectionTrait, kind: &str, entity_id: i32) -> Result<(), DbErr> {
    search_doc::Entity::delete_many()
        .filter(search_doc::Column::Kind.eq(kind))
        .filter(search_doc::Column::EntityId.eq(entity_id))
        .exec(db)
        .await?;
    Ok(())
}
