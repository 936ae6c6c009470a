//! Deals in the database: opening one for an inquiry or an expression of
//! interest, claiming a move, the exchange in order, the board's lists and
//! counts.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, Order,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::{ORIGIN_INQUIRY, ORIGIN_INTEREST, OVERDUE_AFTER_DAYS, Stage};
use crate::entities::{deal, deal_event, inquiry, interest, need, technology};

/// Who did something to a deal: an editor, the answerer through their
/// link, or the system (reminders).
#[derive(Clone, Copy)]
pub struct Who<'a> {
    pub editor_id: Option<i32>,
    pub label: &'a str,
}

impl<'a> Who<'a> {
    pub const SYSTEM: Who<'static> = Who {
        editor_id: None,
        label: "system",
    };
}

/// One step of the exchange.
pub struct Event<'a> {
    pub kind: &'static str,
    pub stage: Option<Stage>,
    pub who: Who<'a>,
    pub detail: &'a str,
    pub on_date: Option<NaiveDate>,
    pub note: &'a str,
    pub lang: &'a str,
}

impl<'a> Event<'a> {
    pub fn new(kind: &'static str, who: Who<'a>) -> Self {
        Self {
            kind,
            stage: None,
            who,
            detail: "",
            on_date: None,
            note: "",
            lang: "",
        }
    }
}

pub async fn add_event(
    db: &impl ConnectionTrait,
    deal_id: i32,
    at: DateTime<Utc>,
    e: Event<'_>,
) -> Result<(), DbErr> {
    deal_event::ActiveModel {
        deal_id: Set(deal_id),
        at: Set(at),
        kind: Set(e.kind.to_owned()),
        stage: Set(e.stage.map(|s| s.as_str().to_owned())),
        editor_id: Set(e.who.editor_id),
        actor: Set(e.who.label.chars().take(254).collect()),
        detail: Set(e.detail.chars().take(64).collect()),
        on_date: Set(e.on_date),
        note: Set(e.note.to_owned()),
        lang: Set(e.lang.to_owned()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Opens the deal of a new inquiry, with the message as its first step.
pub async fn open_for_inquiry(
    db: &impl ConnectionTrait,
    inq: &inquiry::Model,
    tech: &technology::Model,
) -> Result<deal::Model, DbErr> {
    let t = inq.created_at;
    let d = deal::ActiveModel {
        origin: Set(ORIGIN_INQUIRY.to_owned()),
        inquiry_id: Set(Some(inq.id)),
        interest_id: Set(None),
        technology_id: Set(Some(tech.id)),
        need_id: Set(None),
        stage: Set(Stage::New.as_str().to_owned()),
        stage_at: Set(t),
        version: Set(1),
        country: Set(inq.country.clone()),
        field: Set(tech.field.clone()),
        organisation: Set(inq.organisation.clone()),
        asker_name: Set(inq.name.clone()),
        asker_email: Set(inq.email.clone()),
        asker_lang: Set(inq.lang.clone()),
        // The provider's organisation is named in the visitor's language
        // on the page; mail to the contact uses their name alone.
        answerer_name: Set(tech.contact_name.clone()),
        answerer_email: Set(tech.contact_email.clone()),
        answerer_lang: Set(tech.contact_lang.clone()),
        created_at: Set(t),
        updated_at: Set(t),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let mut e = Event::new(
        "received",
        Who {
            editor_id: None,
            label: &inq.name,
        },
    );
    e.stage = Some(Stage::New);
    e.note = &inq.message;
    e.lang = &inq.lang;
    add_event(db, d.id, t, e).await?;
    Ok(d)
}

/// Opens the deal of an approved expression of interest: the provider who
/// wrote it asks, the need's poster answers.
pub async fn open_for_interest(
    db: &impl ConnectionTrait,
    i: &interest::Model,
    n: &need::Model,
    at: DateTime<Utc>,
) -> Result<deal::Model, DbErr> {
    let d = deal::ActiveModel {
        origin: Set(ORIGIN_INTEREST.to_owned()),
        inquiry_id: Set(None),
        interest_id: Set(Some(i.id)),
        technology_id: Set(i.technology_id),
        need_id: Set(Some(n.id)),
        stage: Set(Stage::New.as_str().to_owned()),
        stage_at: Set(at),
        version: Set(1),
        // The figures count the ASEAN side reached: the need's country.
        country: Set(n.country.clone()),
        field: Set(n.field.clone()),
        organisation: Set(n.organisation.clone()),
        asker_name: Set(format!("{} ({})", i.contact_name, i.organisation)
            .chars()
            .take(160)
            .collect()),
        asker_email: Set(i.email.clone()),
        asker_lang: Set(i.lang.clone()),
        answerer_name: Set(n.contact_name.clone()),
        answerer_email: Set(n.contact_email.clone()),
        answerer_lang: Set(n.source_lang.clone()),
        created_at: Set(i.created_at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let mut e = Event::new(
        "interest",
        Who {
            editor_id: None,
            label: &i.contact_name,
        },
    );
    e.stage = Some(Stage::New);
    e.note = &i.message;
    e.lang = &i.lang;
    add_event(db, d.id, i.created_at, e).await?;
    Ok(d)
}

/// What a move writes besides the stage.
#[derive(Default)]
pub struct MoveSet {
    pub forwarded: bool,
    pub answer: Option<&'static str>,
    pub signed: Option<(NaiveDate, &'static str, Option<i64>, Option<&'static str>)>,
    pub closed_reason: Option<&'static str>,
}

/// Claims a move of `d` (as read, at its stage and version) to `to`: only
/// one of several concurrent claims succeeds; `false` when the deal moved
/// meanwhile (or the move is not allowed from where it stands).
pub async fn claim_move(
    db: &impl ConnectionTrait,
    d: &deal::Model,
    to: Stage,
    who: Who<'_>,
    at: DateTime<Utc>,
    set: MoveSet,
) -> Result<bool, DbErr> {
    let Some(from) = Stage::parse(&d.stage) else {
        return Ok(false);
    };
    if !from.can_move_to(to) {
        return Ok(false);
    }
    let mut q = deal::Entity::update_many()
        .col_expr(deal::Column::Stage, Expr::value(to.as_str()))
        .col_expr(deal::Column::StageAt, Expr::value(at))
        .col_expr(deal::Column::Version, Expr::value(d.version + 1))
        .col_expr(deal::Column::UpdatedAt, Expr::value(at));
    if who.editor_id.is_some() {
        q = q.col_expr(deal::Column::EditorId, Expr::value(who.editor_id));
    }
    if set.forwarded {
        q = q
            .col_expr(deal::Column::ForwardedAt, Expr::value(at))
            .col_expr(
                deal::Column::RemindedAt,
                Expr::value(Option::<DateTime<Utc>>::None),
            )
            .col_expr(
                deal::Column::OverdueAt,
                Expr::value(Option::<DateTime<Utc>>::None),
            );
    }
    if let Some(answer) = set.answer {
        q = q
            .col_expr(deal::Column::AnsweredAt, Expr::value(at))
            .col_expr(deal::Column::Answer, Expr::value(answer));
    }
    if let Some((on, kind, value, currency)) = set.signed {
        q = q
            .col_expr(deal::Column::SignedOn, Expr::value(on))
            .col_expr(deal::Column::AgreementKind, Expr::value(kind))
            .col_expr(deal::Column::AgreementValue, Expr::value(value))
            .col_expr(deal::Column::Currency, Expr::value(currency));
    }
    if let Some(reason) = set.closed_reason {
        q = q.col_expr(deal::Column::ClosedReason, Expr::value(reason));
    }
    let done = q
        .filter(deal::Column::Id.eq(d.id))
        .filter(deal::Column::Stage.eq(from.as_str()))
        .filter(deal::Column::Version.eq(d.version))
        .exec(db)
        .await?
        .rows_affected
        == 1;
    Ok(done)
}

/// Keeps the inquiries inbox's status (new / answered / closed) in step
/// with the deal an inquiry became, so the inbox and the dashboard do not
/// show a handled inquiry as new.
pub async fn sync_inquiry(
    db: &impl ConnectionTrait,
    d: &deal::Model,
    status: &str,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    if let Some(id) = d.inquiry_id {
        inquiry::Entity::update_many()
            .col_expr(inquiry::Column::Status, Expr::value(status))
            .col_expr(inquiry::Column::UpdatedAt, Expr::value(at))
            .filter(inquiry::Column::Id.eq(id))
            .exec(db)
            .await?;
    }
    Ok(())
}

pub async fn by_id(db: &impl ConnectionTrait, id: i32) -> Result<Option<deal::Model>, DbErr> {
    deal::Entity::find_by_id(id).one(db).await
}

/// The exchange of a deal, oldest first.
pub async fn events(
    db: &impl ConnectionTrait,
    deal_id: i32,
) -> Result<Vec<deal_event::Model>, DbErr> {
    deal_event::Entity::find()
        .filter(deal_event::Column::DealId.eq(deal_id))
        .order_by_asc(deal_event::Column::At)
        .order_by_asc(deal_event::Column::Id)
        .all(db)
        .await
}

/// Whether a deal in `stage`, forwarded at `forwarded_at`, is overdue at `now`.
pub fn is_overdue(d: &deal::Model, now: DateTime<Utc>) -> bool {
    d.stage == Stage::Forwarded.as_str()
        && d.forwarded_at
            .is_some_and(|f| f <= now - Duration::days(OVERDUE_AFTER_DAYS))
}

/// What the board may be narrowed by; every value already checked.
#[derive(Default, Clone)]
pub struct BoardFilter {
    pub stage: Option<Stage>,
    pub country: Option<String>,
    pub field: Option<String>,
    pub technology_id: Option<i32>,
    /// A month, as its first day.
    pub month: Option<NaiveDate>,
    pub editor_id: Option<i32>,
}

fn board_condition(f: &BoardFilter, with_stage: bool) -> Condition {
    let mut c = Condition::all();
    if with_stage && let Some(s) = f.stage {
        c = c.add(deal::Column::Stage.eq(s.as_str()));
    }
    if let Some(v) = &f.country {
        c = c.add(deal::Column::Country.eq(v.as_str()));
    }
    if let Some(v) = &f.field {
        c = c.add(deal::Column::Field.eq(v.as_str()));
    }
    if let Some(v) = f.technology_id {
        c = c.add(deal::Column::TechnologyId.eq(v));
    }
    if let Some(v) = f.editor_id {
        c = c.add(deal::Column::EditorId.eq(v));
    }
    if let Some(m) = f.month {
        let (start, end) = month_bounds(m);
        c = c
            .add(deal::Column::CreatedAt.gte(start))
            .add(deal::Column::CreatedAt.lt(end));
    }
    c
}

/// The first instant of a month and of the next, in UTC.
pub fn month_bounds(first: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
    let next = if first.month() == 12 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
    }
    .unwrap_or(first);
    let at = |d: NaiveDate| Utc.from_utc_datetime(&d.and_time(chrono::NaiveTime::MIN));
    (at(first), at(next))
}

/// One page of the board: overdue deals first, then the most recently
/// moved; and the total.
pub async fn board(
    db: &impl ConnectionTrait,
    f: &BoardFilter,
    now: DateTime<Utc>,
    page: u64,
    per_page: u64,
) -> Result<(Vec<deal::Model>, u64), DbErr> {
    let cutoff = now - Duration::days(OVERDUE_AFTER_DAYS);
    let overdue = Expr::case(
        Condition::all()
            .add(deal::Column::Stage.eq(Stage::Forwarded.as_str()))
            .add(deal::Column::ForwardedAt.lte(cutoff)),
        0,
    )
    .finally(1);
    let pages = deal::Entity::find()
        .filter(board_condition(f, true))
        .order_by(Into::<Expr>::into(overdue), Order::Asc)
        .order_by_desc(deal::Column::StageAt)
        .order_by_desc(deal::Column::Id)
        .paginate(db, per_page);
    let total = pages.num_items().await?;
    let items = pages.fetch_page(page.saturating_sub(1)).await?;
    Ok((items, total))
}

/// How many deals stand at each stage (under every filter but the stage),
/// and how many of them are overdue.
pub async fn stage_counts(
    db: &impl ConnectionTrait,
    f: &BoardFilter,
    now: DateTime<Utc>,
) -> Result<(HashMap<String, i64>, i64), DbErr> {
    let rows: Vec<(String, i64)> = deal::Entity::find()
        .select_only()
        .column(deal::Column::Stage)
        .column_as(Expr::col(deal::Column::Id).count(), "n")
        .filter(board_condition(f, false))
        .group_by(deal::Column::Stage)
        .into_tuple()
        .all(db)
        .await?;
    let overdue = deal::Entity::find()
        .filter(board_condition(f, false))
        .filter(deal::Column::Stage.eq(Stage::Forwarded.as_str()))
        .filter(deal::Column::ForwardedAt.lte(now - Duration::days(OVERDUE_AFTER_DAYS)))
        .count(db)
        .await?;
    Ok((
        rows.into_iter().collect(),
        i64::try_from(overdue).unwrap_or(0),
    ))
}

/// The months in which deals were opened, newest first (the board's month
/// filter offers these).
pub async fn months(db: &impl ConnectionTrait) -> Result<Vec<NaiveDate>, DbErr> {
    let times: Vec<DateTime<Utc>> = deal::Entity::find()
        .select_only()
        .column(deal::Column::CreatedAt)
        .into_tuple()
        .all(db)
        .await?;
    let mut months: Vec<NaiveDate> = times
        .into_iter()
        .filter_map(|t| NaiveDate::from_ymd_opt(t.year(), t.month(), 1))
        .collect();
    months.sort_unstable_by(|a, b| b.cmp(a));
    months.dedup();
    Ok(months)
}

/// Technologies that deals are about, for the board's filter.
pub async fn technology_ids(db: &impl ConnectionTrait) -> Result<Vec<i32>, DbErr> {
    let ids: Vec<Option<i32>> = deal::Entity::find()
        .select_only()
        .column(deal::Column::TechnologyId)
        .distinct()
        .into_tuple()
        .all(db)
        .await?;
    Ok(ids.into_iter().flatten().collect())
}

/// A case-insensitive key for counting organisations once.
pub fn organisation_key() -> sea_orm::sea_query::SimpleExpr {
    Func::lower(Expr::col(deal::Column::Organisation)).into()
}
