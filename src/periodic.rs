//! The work that runs by the clock: deal reminders and overdue marks,
//! digests of new technologies for needs' posters, and visitors' alerts.
//! Every instance runs it; each job claims its work in the database with
//! conditional updates, so two instances never send the same message. Each
//! job takes "now" as an argument, which is how the tests run them at any
//! date.

use std::time::Duration;

use actix_web::web;
use chrono::{DateTime, Utc};
use sea_orm::DbErr;

use crate::web::AppState;

/// Runs every job once, at `now`.
pub async fn run_once(state: &AppState, now: DateTime<Utc>) -> Result<(), DbErr> {
    let secret = &state.config.secret_key;
    let base = &state.base_url;
    let deals = crate::deals::reminders::run(&state.db, secret, base, now).await?;
    if deals != Default::default() {
        tracing::info!(?deals, "periodic: deals");
    }
    let digests = crate::needs::matches::run(&state.db, secret, base, now).await?;
    if digests > 0 {
        tracing::info!(digests, "periodic: digests of new matches for needs");
    }
    let alerts = crate::alerts::digest::run(state, now).await?;
    if alerts > 0 {
        tracing::info!(alerts, "periodic: alert digests");
    }
    let reviews = crate::admin::review::send_reminders(&state.db, base, now).await?;
    if reviews > 0 {
        tracing::info!(reviews, "periodic: review reminders");
    }
    let drafts = crate::programme::drafts::expire(&state.db, now).await?;
    if drafts > 0 {
        tracing::info!(drafts, "periodic: programme drafts deleted with their call");
    }
    Ok(())
}

/// Runs every job every `every`, forever.
pub fn spawn(state: web::Data<AppState>, every: Duration) {
    actix_web::rt::spawn(async move {
        loop {
            if let Err(e) = run_once(&state, crate::db::now()).await {
                tracing::warn!(error = %e, "periodic work failed; trying again later");
            }
            tokio::time::sleep(every).await;
        }
    });
}
