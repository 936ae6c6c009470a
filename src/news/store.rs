//! News in the database.

use chrono::{DateTime, Datelike, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

use crate::db::now;
use crate::entities::{news, news_translation};
use crate::i18n::Locale;
use crate::translation::{self, BestText};

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

/// A news item as lists show it: a few of its fields, and of its best text
/// for the visitor's language.
pub struct CardRow {
    pub id: i32,
    pub slug: String,
    pub publish_at: Option<DateTime<Utc>>,
    pub cover_id: Option<i32>,
    pub title: String,
    pub summary: String,
    pub shown: Locale,
}

const CARD: BestText<'static> = BestText {
    table: "news",
    texts: "news_translations",
    fk: "news_id",
    headline: "title",
    columns: &["id", "slug", "publish_at", "cover_id"],
    text_columns: &["title", "summary"],
};

/// Newest first: the order of every news list.
fn newest_first(q: sea_orm::Select<news::Entity>) -> sea_orm::Select<news::Entity> {
    q.order_by_desc(news::Column::PublishAt)
        .order_by_desc(news::Column::Id)
}
const NEWEST_FIRST: &str = "t.publish_at DESC, t.id DESC";

/// Card rows of the news `q` picks (ordered, windowed), in one statement.
async fn card_rows(
    db: &impl ConnectionTrait,
    q: sea_orm::Select<news::Entity>,
    window: (u64, u64),
    order: &str,
    locale: Locale,
) -> Result<Vec<CardRow>, DbErr> {
    let ids = q
        .select_only()
        .column(news::Column::Id)
        .offset(window.0)
        .limit(window.1);
    let rows = db
        .query_all_raw(CARD.statement(
            db.get_database_backend(),
            translation::subquery(ids),
            order,
            locale,
        ))
        .await?;
    rows.into_iter()
        .map(|r| {
            Ok(CardRow {
                id: r.try_get("", "id")?,
                slug: r.try_get("", "slug")?,
                publish_at: r.try_get("", "publish_at")?,
                cover_id: r.try_get("", "cover_id")?,
                title: r.try_get("", "title")?,
                summary: r.try_get("", "summary")?,
                shown: translation::locale_of(&r.try_get::<String>("", "lang")?),
            })
        })
        .collect()
}

/// Published news, newest first, a page at a time, with how many there
/// are in all.
pub async fn list(
    db: &impl ConnectionTrait,
    f: &Filter,
    page: u64,
    per_page: u64,
    locale: Locale,
) -> Result<(Vec<CardRow>, u64), DbErr> {
    let total = filtered(f).count(db).await?;
    let items = card_rows(
        db,
        newest_first(filtered(f)),
        (page.saturating_sub(1) * per_page, per_page),
        NEWEST_FIRST,
        locale,
    )
    .await?;
    Ok((items, total))
}

pub async fn latest(
    db: &impl ConnectionTrait,
    limit: u64,
    locale: Locale,
) -> Result<Vec<CardRow>, DbErr> {
    card_rows(
        db,
        newest_first(news::Entity::find().filter(visible())),
        (0, limit),
        NEWEST_FIRST,
        locale,
    )
    .await
}

/// The latest news whole, every translation (the Atom feed).
pub async fn latest_whole(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<WithTexts>, DbErr> {
    translation::with_texts(
        db,
        newest_first(news::Entity::find().filter(visible())),
        Some((0, limit)),
    )
    .await
}

/// The published news among `ids`, as cards, in no particular order.
pub async fn by_ids(
    db: &impl ConnectionTrait,
    ids: &[i32],
    locale: Locale,
) -> Result<Vec<CardRow>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    card_rows(
        db,
        news::Entity::find()
            .filter(visible())
            .filter(news::Column::Id.is_in(ids.iter().copied())),
        (0, u64::try_from(ids.len()).unwrap_or(u64::MAX)),
        "t.id",
        locale,
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

/// Any item by id, visible or not, with its texts (the back office's
/// preview).
pub async fn by_id_any(db: &impl ConnectionTrait, id: i32) -> Result<Option<WithTexts>, DbErr> {
    Ok(translation::with_texts(
        db,
        news::Entity::find().filter(news::Column::Id.eq(id)),
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
    locale: Locale,
) -> Result<Vec<CardRow>, DbErr> {
    let q = newest_first(
        news::Entity::find()
            .filter(visible())
            .filter(news::Column::Id.ne(n.id)),
    );
    if let Some(e) = n.event_id {
        let same = card_rows(
            db,
            q.clone().filter(news::Column::EventId.eq(e)),
            (0, limit),
            NEWEST_FIRST,
            locale,
        )
        .await?;
        if !same.is_empty() {
            return Ok(same);
        }
    }
    card_rows(db, q, (0, limit), NEWEST_FIRST, locale).await
}
