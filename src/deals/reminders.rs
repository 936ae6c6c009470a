//! The periodic work on deals: one reminder to an answerer who has not
//! answered in 14 days, and the overdue mark after 28. It takes "now" as
//! an argument, so tests run it at any date, and it claims each deal with
//! a conditional update before writing anything, so several instances may
//! run it at the same time and each reminder still goes once.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QuerySelect, TransactionTrait,
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
    let due: Vec<deal::Model> = deal::Entity::find()
        .filter(deal::Column::Stage.eq(Stage::Forwarded.as_str()))
        .filter(deal::Column::RemindedAt.is_null())
        .filter(deal::Column::ForwardedAt.lte(remind_before))
        .limit(200)
        .all(db)
        .await?;
    for d in due {
        let txn = db.begin().await?;
        let claimed = deal::Entity::update_many()
            .col_expr(deal::Column::RemindedAt, Expr::value(now))
            .filter(deal::Column::Id.eq(d.id))
            .filter(deal::Column::Stage.eq(Stage::Forwarded.as_str()))
            .filter(deal::Column::RemindedAt.is_null())
            .filter(deal::Column::ForwardedAt.lte(remind_before))
            .exec(&txn)
            .await?
            .rows_affected
            == 1;
        if !claimed {
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
    let late: Vec<deal::Model> = deal::Entity::find()
        .filter(deal::Column::Stage.eq(Stage::Forwarded.as_str()))
        .filter(deal::Column::OverdueAt.is_null())
        .filter(deal::Column::ForwardedAt.lte(overdue_before))
        .limit(200)
        .all(db)
        .await?;
    for d in late {
        let txn = db.begin().await?;
        let claimed = deal::Entity::update_many()
            .col_expr(deal::Column::OverdueAt, Expr::value(now))
            .filter(deal::Column::Id.eq(d.id))
            .filter(deal::Column::Stage.eq(Stage::Forwarded.as_str()))
            .filter(deal::Column::OverdueAt.is_null())
            .filter(deal::Column::ForwardedAt.lte(overdue_before))
            .exec(&txn)
            .await?
            .rows_affected
            == 1;
        if !claimed {
            txn.rollback().await?;
            continue;
        }
        store::add_event(&txn, d.id, now, Event::new("overdue", Who::SYSTEM)).await?;
        txn.commit().await?;
        done.overdue += 1;
    }
    Ok(done)
}
