//! News in the database.

use chrono::{DateTime, Datelike, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

use crate::db::now;
use crate::entities::{news, news_translation};
use crate::search::index::{self, DocText};
use crate::translation;

pub fn visible() -> Condition {
    Condition::all()
        .add(news::Column::Status.eq("published"))
        .add(news::Column::PublishAt.lte(now()))
}

pub struct Filter {
    pub year: Option<i32>,
    pub event_id: Option<i32>,
}

fn filtered(f: &Filter) -> sea_orm::Select<news::Entity> {
    let mut q = news::Entity::find().filter(visible());
    if let Some(e) = f.event_id {
        q = q.filter(news::Column::EventId.eq(e));
    }
    if let Some(y) = f.year
        && let (Some(a), Some(b)) = (
            chrono::NaiveDate::from_ymd_opt(y, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0)),
            chrono::NaiveDate::from_ymd_opt(y + 1, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0)),
        )
    {
        q = q
            .filter(news::Column::PublishAt.gte(a.and_utc()))
            .filter(news::Column::PublishAt.lt(b.and_utc()));
    }
    q
}

/// A news item with its text in every language.
pub type WithTexts = (news::Model, Vec<news_translation::Model>);

/// Published news, newest first, a page at a time, with how many there
/// are in all.
pub async fn list(
    db: &impl ConnectionTrait,
    f: &Filter,
    page: u64,
    per_page: u64,
) -> Result<(Vec<WithTexts>, u64), DbErr> {
    let total = filtered(f).count(db).await?;
    let items = translation::with_texts(
        db,
        filtered(f)
            .order_by_desc(news::Column::PublishAt)
            .order_by_desc(news::Column::Id),
        Some((page.saturating_sub(1) * per_page, per_page)),
    )
    .await?;
    Ok((items, total))
}

pub async fn latest(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<WithTexts>, DbErr> {
    translation::with_texts(
        db,
        news::Entity::find()
            .filter(visible())
            .order_by_desc(news::Column::PublishAt)
            .order_by_desc(news::Column::Id),
        Some((0, limit)),
    )
    .await
}

/// The published news among `ids`, with their texts.
pub async fn by_ids(db: &impl ConnectionTrait, ids: &[i32]) -> Result<Vec<WithTexts>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    translation::with_texts(
        db,
        news::Entity::find()
            .filter(visible())
            .filter(news::Column::Id.is_in(ids.iter().copied())),
        None,
    )
    .await
}

/// What the news list offers to filter by, kept between writes: the years
/// with news, and the events news is linked to.
pub struct Facts {
    pub years: Vec<i32>,
    pub linked_event_ids: Vec<i32>,
}

pub async fn facts(
    db: &impl ConnectionTrait,
    changes: &crate::changes::Changes,
) -> Result<std::sync::Arc<Facts>, DbErr> {
    changes
        .memo(db, || async {
            Ok(Facts {
                years: years(db).await?,
                linked_event_ids: linked_event_ids(db).await?,
            })
        })
        .await
}

pub async fn years(db: &impl ConnectionTrait) -> Result<Vec<i32>, DbErr> {
    let dates: Vec<Option<DateTime<Utc>>> = news::Entity::find()
        .select_only()
        .column(news::Column::PublishAt)
        .filter(visible())
        .into_tuple()
        .all(db)
        .await?;
    let mut years: Vec<i32> = dates.into_iter().flatten().map(|d| d.year()).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    Ok(years)
}

/// Ids of the events that published news is linked to.
pub async fn linked_event_ids(db: &impl ConnectionTrait) -> Result<Vec<i32>, DbErr> {
    let mut ids: Vec<i32> = news::Entity::find()
        .select_only()
        .column(news::Column::EventId)
        .filter(visible())
        .into_tuple::<Option<i32>>()
        .all(db)
        .await?
        .into_iter()
        .flatten()
        .collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

pub async fn by_slug(db: &impl ConnectionTrait, slug: &str) -> Result<Option<WithTexts>, DbErr> {
    Ok(translation::with_texts(
        db,
        news::Entity::find()
            .filter(visible())
            .filter(news::Column::Slug.eq(slug)),
        None,
    )
    .await?
    .into_iter()
    .next())
}

/// Other news about the same event, else the latest, without `n`.
pub async fn related(
    db: &impl ConnectionTrait,
    n: &news::Model,
    limit: u64,
) -> Result<Vec<WithTexts>, DbErr> {
    let q = news::Entity::find()
        .filter(visible())
        .filter(news::Column::Id.ne(n.id))
        .order_by_desc(news::Column::PublishAt)
        .order_by_desc(news::Column::Id);
    if let Some(e) = n.event_id {
        let same = translation::with_texts(
            db,
            q.clone().filter(news::Column::EventId.eq(e)),
            Some((0, limit)),
        )
        .await?;
        if !same.is_empty() {
            return Ok(same);
        }
    }
    translation::with_texts(db, q, Some((0, limit))).await
}

pub async fn reindex(db: &impl ConnectionTrait, id: i32) -> Result<(), DbErr> {
    let rows = news_translation::Entity::find()
        .filter(news_translation::Column::NewsId.eq(id))
        .all(db)
        .await?;
    let bodies: Vec<String> = rows
        .iter()
        .map(|r| crate::markdown::to_text(&r.body))
        .collect();
    let text = DocText {
        title: rows.iter().map(|r| r.title.as_str()).collect(),
        summary: rows.iter().map(|r| r.summary.as_str()).collect(),
        body: bodies.iter().map(String::as_str).collect(),
    };
    index::upsert(db, index::NEWS, id, &text).await
}
