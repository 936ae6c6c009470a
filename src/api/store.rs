//! The API's queries: the sections' own visibility rules and the
//! catalogue's search, a window of records at a time with all their
//! translations (one statement per page, `translation::with_texts`).

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, ModelTrait, QueryFilter, QueryOrder,
    QuerySelect, Related, Select,
};

use crate::entities::technology;
use crate::i18n::Locale;
use crate::search::catalog_index::CatalogIndex;
use crate::search::catalog_query::CatalogQuery;
use crate::translation;

/// One page of records: the window asked for, and, when more follow, the
/// id of its last record (where the next page starts).
pub struct Window<M, T> {
    pub rows: Vec<(M, Vec<T>)>,
    pub more: Option<i32>,
}

/// Records `select` chooses (visible ones, filtered), in id order, after
/// the id `after`, at most `limit`, each with all its translations. A walk
/// goes on from the last id it saw, not from a position: records added or
/// removed meanwhile neither shift a record into a page already read nor
/// out of the next one.
pub async fn window<P, T>(
    db: &impl ConnectionTrait,
    select: Select<P>,
    id: P::Column,
    after: Option<i32>,
    limit: u64,
) -> Result<Window<P::Model, T::Model>, DbErr>
where
    P: EntityTrait + Related<T>,
    T: EntityTrait,
{
    let select = match after {
        Some(after) => select.filter(id.gt(after)),
        None => select,
    };
    let mut rows = translation::with_texts::<P, T>(
        db,
        select.order_by_asc(id),
        Some((0, limit.saturating_add(1))),
    )
    .await?;
    let more = u64::try_from(rows.len()).unwrap_or(u64::MAX) > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let last = rows.last().and_then(|(m, _)| match m.get(id) {
        sea_orm::Value::Int(Some(i)) => Some(i),
        _ => None,
    });
    Ok(Window {
        rows,
        more: if more { last } else { None },
    })
}

/// The first visible record `select` chooses, with its translations.
pub async fn one<P, T>(
    db: &impl ConnectionTrait,
    select: Select<P>,
) -> Result<Option<(P::Model, Vec<T::Model>)>, DbErr>
where
    P: EntityTrait + Related<T>,
    T: EntityTrait,
{
    Ok(translation::with_texts::<P, T>(db, select, None)
        .await?
        .into_iter()
        .next())
}

/// The technologies of a catalogue query (words and filters), all of them,
/// less those not changed since `since`: ids in id order, as every list of
/// the API, so that a cursor walk through them is steady.
pub async fn technology_ids(
    db: &(impl ConnectionTrait + sea_orm::StreamTrait),
    index: &CatalogIndex,
    query: &str,
    locale: Locale,
    since: Option<DateTime<Utc>>,
) -> Result<Vec<i32>, DbErr> {
    let mut q = CatalogQuery::parse(query);
    // One page of everything: the API pages by its own cursor.
    q.page = 1;
    q.per_page = u32::MAX;
    let mut ids = crate::catalog::store::search(db, index, &q, locale)
        .await?
        .ids;
    if let Some(since) = since {
        let fresh: HashSet<i32> = technology::Entity::find()
            .select_only()
            .column(technology::Column::Id)
            .filter(crate::catalog::store::visible())
            .filter(technology::Column::UpdatedAt.gte(since))
            .into_tuple::<i32>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        ids.retain(|id| fresh.contains(id));
    }
    ids.sort_unstable();
    Ok(ids)
}

/// Visible technologies by id, with their translations, in the order given.
pub async fn technologies(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<
    Vec<(
        technology::Model,
        Vec<crate::entities::technology_translation::Model>,
    )>,
    DbErr,
> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut rows = translation::with_texts::<_, crate::entities::technology_translation::Entity>(
        db,
        technology::Entity::find()
            .filter(technology::Column::Id.is_in(ids.iter().copied()))
            .filter(crate::catalog::store::visible()),
        None,
    )
    .await?;
    rows.sort_by_key(|(t, _)| ids.iter().position(|id| *id == t.id));
    Ok(rows)
}
