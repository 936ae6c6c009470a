//! Events in the database.

use chrono::{DateTime, Datelike, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

use crate::db::now;
use crate::entities::{event, event_translation};
use crate::i18n::Locale;
use crate::translation::{self, BestText};

pub fn visible() -> Condition {
    Condition::all()
        .add(event::Column::Status.eq("published"))
        .add(event::Column::PublishAt.lte(now()))
}

pub struct Filter<'a> {
    pub kind: Option<&'a str>,
    pub year: Option<i32>,
}

fn filtered(f: &Filter<'_>) -> sea_orm::Select<event::Entity> {
    let mut q = event::Entity::find().filter(visible());
    if let Some(k) = f.kind {
        q = q.filter(event::Column::Kind.eq(k));
    }
    if let Some(y) = f.year
        && let (Some(from), Some(to)) = (
            chrono::NaiveDate::from_ymd_opt(y, 1, 1),
            chrono::NaiveDate::from_ymd_opt(y + 1, 1, 1),
        )
    {
        let from: DateTime<Utc> = from.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
        let to: DateTime<Utc> = to.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
        q = q
            .filter(event::Column::StartsAt.gte(from))
            .filter(event::Column::StartsAt.lt(to));
    }
    q
}

/// An event with its text in every language.
pub type WithTexts = (event::Model, Vec<event_translation::Model>);

/// An event as lists show it: a few of its fields, and of its best text
/// for the visitor's language.
pub struct CardRow {
    pub id: i32,
    pub slug: String,
    pub kind: String,
    pub country: String,
    pub timezone: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub title: String,
    pub summary: String,
    pub city: String,
    pub shown: Locale,
}

const CARD: BestText<'static> = BestText {
    table: "events",
    texts: "event_translations",
    fk: "event_id",
    headline: "title",
    columns: &[
        "id",
        "slug",
        "kind",
        "country",
        "timezone",
        "starts_at",
        "ends_at",
    ],
    text_columns: &["title", "summary", "city"],
};

/// Card rows of the events `q` picks (ordered, windowed), in one statement.
async fn card_rows(
    db: &impl ConnectionTrait,
    q: sea_orm::Select<event::Entity>,
    window: (u64, u64),
    order: &str,
    locale: Locale,
) -> Result<Vec<CardRow>, DbErr> {
    let ids = q
        .select_only()
        .column(event::Column::Id)
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
                kind: r.try_get("", "kind")?,
                country: r.try_get("", "country")?,
                timezone: r.try_get("", "timezone")?,
                starts_at: r.try_get("", "starts_at")?,
                ends_at: r.try_get("", "ends_at")?,
                title: r.try_get("", "title")?,
                summary: r.try_get("", "summary")?,
                city: r.try_get("", "city")?,
                shown: translation::locale_of(&r.try_get::<String>("", "lang")?),
            })
        })
        .collect()
}

fn not_over(f: &Filter<'_>) -> sea_orm::Select<event::Entity> {
    filtered(f)
        .filter(event::Column::EndsAt.gte(now()))
        .order_by_asc(event::Column::StartsAt)
        .order_by_asc(event::Column::Id)
}

/// Events not yet over, soonest first.
pub async fn upcoming(
    db: &impl ConnectionTrait,
    f: &Filter<'_>,
    limit: u64,
    locale: Locale,
) -> Result<Vec<CardRow>, DbErr> {
    card_rows(db, not_over(f), (0, limit), "t.starts_at, t.id", locale).await
}

/// The same, whole, every translation (the calendar feed).
pub async fn upcoming_whole(
    db: &impl ConnectionTrait,
    f: &Filter<'_>,
    limit: u64,
) -> Result<Vec<WithTexts>, DbErr> {
    translation::with_texts(db, not_over(f), Some((0, limit))).await
}

/// Events that are over, latest first, a page at a time, and how many
/// there are in all.
pub async fn past(
    db: &impl ConnectionTrait,
    f: &Filter<'_>,
    page: u64,
    per_page: u64,
    locale: Locale,
) -> Result<(Vec<CardRow>, u64), DbErr> {
    let over = || filtered(f).filter(event::Column::EndsAt.lt(now()));
    let total = over().count(db).await?;
    let items = card_rows(
        db,
        over()
            .order_by_desc(event::Column::StartsAt)
            .order_by_desc(event::Column::Id),
        (page.saturating_sub(1) * per_page, per_page),
        "t.starts_at DESC, t.id DESC",
        locale,
    )
    .await?;
    Ok((items, total))
}

/// The visible events among `ids`, as cards, in no particular order.
pub async fn cards_by_ids(
    db: &impl ConnectionTrait,
    ids: &[i32],
    locale: Locale,
) -> Result<Vec<CardRow>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    card_rows(
        db,
        event::Entity::find()
            .filter(visible())
            .filter(event::Column::Id.is_in(ids.iter().copied())),
        (0, u64::try_from(ids.len()).unwrap_or(u64::MAX)),
        "t.id",
        locale,
    )
    .await
}

/// What the events pages count and filter by, kept between writes: how
/// many events are public, and the years that have any.
pub struct Facts {
    pub total: u64,
    pub years: Vec<i32>,
}

pub async fn facts(
    db: &impl ConnectionTrait,
    changes: &crate::changes::Changes,
) -> Result<std::sync::Arc<Facts>, DbErr> {
    changes
        .memo(db, || async {
            let years = years(db).await?;
            let total = event::Entity::find().filter(visible()).count(db).await?;
            Ok(Facts { total, years })
        })
        .await
}

/// Years that have events, newest first (for the year filter).
pub async fn years(db: &impl ConnectionTrait) -> Result<Vec<i32>, DbErr> {
    let starts: Vec<DateTime<Utc>> = event::Entity::find()
        .select_only()
        .column(event::Column::StartsAt)
        .filter(visible())
        .into_tuple()
        .all(db)
        .await?;
    let mut years: Vec<i32> = starts.iter().map(|d| d.year()).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    Ok(years)
}

pub async fn by_slug(db: &impl ConnectionTrait, slug: &str) -> Result<Option<WithTexts>, DbErr> {
    Ok(translation::with_texts(
        db,
        event::Entity::find()
            .filter(visible())
            .filter(event::Column::Slug.eq(slug)),
        None,
    )
    .await?
    .into_iter()
    .next())
}

/// Any event by id, visible or not, with its texts (the back office's
/// preview).
pub async fn by_id_any(db: &impl ConnectionTrait, id: i32) -> Result<Option<WithTexts>, DbErr> {
    Ok(translation::with_texts(
        db,
        event::Entity::find().filter(event::Column::Id.eq(id)),
        None,
    )
    .await?
    .into_iter()
    .next())
}

/// The visible events among `ids`, with their texts.
pub async fn by_ids(db: &impl ConnectionTrait, ids: &[i32]) -> Result<Vec<WithTexts>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    translation::with_texts(
        db,
        event::Entity::find()
            .filter(visible())
            .filter(event::Column::Id.is_in(ids.iter().copied())),
        None,
    )
    .await
}

pub async fn texts(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<std::collections::HashMap<i32, Vec<event_translation::Model>>, DbErr> {
    translation::load::<event_translation::Entity>(db, event_translation::Column::EventId, ids)
        .await
}

/// Every event as a choice for the back office (newest first): id and
/// title with its date in `locale`.
pub async fn options(
    db: &impl ConnectionTrait,
    locale: Locale,
) -> Result<Vec<(String, String)>, DbErr> {
    let all = event::Entity::find()
        .order_by_desc(event::Column::StartsAt)
        .all(db)
        .await?;
    let ids: Vec<i32> = all.iter().map(|e| e.id).collect();
    let texts = texts(db, &ids).await?;
    Ok(all
        .iter()
        .map(|e| {
            let title = texts
                .get(&e.id)
                .and_then(|r| crate::translation::pick(r, locale, &e.source_lang))
                .map(|p| p.text.title.clone())
                .unwrap_or_else(|| e.slug.clone());
            (
                e.id.to_string(),
                format!("{title} ({})", e.starts_at.format("%Y-%m-%d")),
            )
        })
        .collect())
}
