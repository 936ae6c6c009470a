//! The periodic work on deals: one reminder to an answerer who has not
//! answered in 14 days, and the overdue mark after 28. It takes "now" as
//! an argument, so tests run it at any date, and it claims each deal with
//! a conditional update before writing anything, so several instances may
//! run it at the same time and each reminder still goes once.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, DatabaseConnection, DatabaseTransaction, DbErr, EntityTrait, QueryFilter,
    QuerySelect, TransactionTrait,
};

use super::store::{self, Event, Who};
use super::{OVERDUE_AFTER_DAYS, REMIND_AFTER_DAYS, Stage, links, mail};
use crate::entities::deal;

/// What one run did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Done {
    pub reminded: usize,
    pub overdue: usize,
}

/// Sends due reminders and marks overdue deals, at `now`.
pub async fn run(
    db: &DatabaseConnection,
    secret: &[u8],
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<Done, DbErr> {
    let mut done = Done::default();
    let remind_before = now - Duration::days(REMIND_AFTER_DAYS);
    for d in waiting(db, deal::Column::RemindedAt, remind_before).await? {
        let txn = db.begin().await?;
        if !claim(&txn, d.id, deal::Column::RemindedAt, remind_before, now).await? {
            txn.rollback().await?;
            continue;
        }
        // The link first sent, unless it was used or ran out: then none,
        // and the reminder asks the answerer to write to the centre.
        let link = links::current(&txn, d.id, now)
            .await?
            .map(|l| links::url(base_url, &d.answerer_lang, &links::token(secret, &l)))
            .unwrap_or_else(|| format!("{base_url}/{}/about", d.answerer_lang));
        mail::reminder(&txn, &d, &link).await?;
        let mut e = Event::new("reminded", Who::SYSTEM);
        e.detail = &d.answerer_email;
        store::add_event(&txn, d.id, now, e).await?;
        txn.commit().await?;
        done.reminded += 1;
    }

    let overdue_before = now - Duration::days(OVERDUE_AFTER_DAYS);
    for d in waiting(db, deal::Column::OverdueAt, overdue_before).await? {
        let txn = db.begin().await?;
        if !claim(&txn, d.id, deal::Column::OverdueAt, overdue_before, now).await? {
            txn.rollback().await?;
            continue;
        }
        store::add_event(&txn, d.id, now, Event::new("overdue", Who::SYSTEM)).await?;
        txn.commit().await?;
        done.overdue += 1;
    }
    Ok(done)
}

/// Deals forwarded before `before` and still waiting for an answer that
/// have not had the mark `mark` (a time column) yet; 200 a run at most.
async fn waiting(
    db: &DatabaseConnection,
    mark: deal::Column,
    before: DateTime<Utc>,
) -> Result<Vec<deal::Model>, DbErr> {
    deal::Entity::find()
        .filter(deal::Column::Stage.eq(Stage::Forwarded.as_str()))
        .filter(mark.is_null())
        .filter(deal::Column::ForwardedAt.lte(before))
        .limit(200)
        .all(db)
        .await
}

/// Sets `mark` to `now` if the deal still qualifies, in one conditional
/// update: whichever instance gets there first does the work.
async fn claim(
    txn: &DatabaseTransaction,
    id: i32,
    mark: deal::Column,
    before: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let res = deal::Entity::update_many()
        .col_expr(mark, Expr::value(now))
        .filter(deal::Column::Id.eq(id))
        .filter(deal::Column::Stage.eq(Stage::Forwarded.as_str()))
        .filter(mark.is_null())
        .filter(deal::Column::ForwardedAt.lte(before))
        .exec(txn)
        .await?;
    Ok(res.rows_affected == 1)
}
