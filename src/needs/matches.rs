//! News for a need's poster who asked for it when posting: technologies
//! published after the need that match it (by the one matching score,
//! `crate::matching`) are recorded once each, and at most one digest a day
//! lists the new ones, in the poster's language, with a one-click way to
//! stop. Run by the clock (the periodic jobs above) with "now" given; each digest
//! is claimed with a conditional update of the need's `matches_sent_at`, so
//! several instances send it once.

use std::collections::HashMap;

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::{DateTime, Duration, Utc};
use fluent_templates::fluent_bundle::FluentValue;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter,
    Set, TransactionTrait,
};

use crate::catalog::store as catalog_store;
use crate::entities::{need, need_match, technology, technology_translation};
use crate::error::AppError;
use crate::i18n::{self, Args, Locale};
use crate::outbox::{self, Mail};
use crate::taxonomy::{self, ASEAN};
use crate::translation;
use crate::web::signed;
use crate::web::{Ctx, Html, Page, Section};

// The purpose a stop token is signed for (not a message id).
const PURPOSE: &str = "matches:stop";
/// At most one digest per need in this time.
pub const EVERY: Duration = Duration::hours(24);

fn visible(now: DateTime<Utc>) -> Condition {
    Condition::all()
        .add(technology::Column::Status.eq("published"))
        .add(technology::Column::PublishAt.lte(now))
        .add(
            Condition::any()
                .add(technology::Column::ExpiresAt.is_null())
                .add(technology::Column::ExpiresAt.gt(now)),
        )
}

/// The stop link of a need's digests (it does not expire: a digest read
/// years later must still stop them).
pub fn stop_url(secret: &[u8], base_url: &str, lang: &str, need_id: i32) -> String {
    let token = signed::sign(secret, PURPOSE, need_id, "stop", i64::MAX / 2);
    format!("{base_url}/{lang}/matches/stop/{token}")
}

/// Records new matches and sends the digests due at `now`; returns how
/// many digests were written.
pub async fn run(
    db: &DatabaseConnection,
    secret: &[u8],
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<usize, DbErr> {
    let needs = need::Entity::find()
        .filter(need::Column::MatchAlerts.eq(true))
        .filter(need::Column::Status.eq("published"))
        .filter(need::Column::PublishAt.lte(now))
        .filter(
            Condition::any()
                .add(need::Column::ExpiresAt.is_null())
                .add(need::Column::ExpiresAt.gt(now)),
        )
        .all(db)
        .await?;
    let Some(oldest) = needs.iter().filter_map(|n| n.publish_at).min() else {
        return Ok(0);
    };
    let techs = technology::Entity::find()
        .filter(visible(now))
        .filter(technology::Column::PublishAt.gt(oldest))
        .all(db)
        .await?;
    let tech_ids: Vec<i32> = techs.iter().map(|t| t.id).collect();
    let tech_texts = translation::load::<technology_translation::Entity>(
        db,
        technology_translation::Column::TechnologyId,
        &tech_ids,
    )
    .await?;
    let tech_terms: HashMap<i32, Vec<String>> = techs
        .iter()
        .map(|t| {
            let rows = tech_texts.get(&t.id).map(Vec::as_slice).unwrap_or(&[]);
            (
                t.id,
                catalog_store::match_terms(catalog_store::titles(rows)),
            )
        })
        .collect();
    let need_ids: Vec<i32> = needs.iter().map(|n| n.id).collect();
    let need_texts = super::store::texts(db, &need_ids).await?;
    for n in &needs {
        let words = catalog_store::match_terms(
            need_texts
                .get(&n.id)
                .map(|r| r.iter().map(|t| t.title.as_str()).collect::<Vec<_>>())
                .unwrap_or_default(),
        );
        let bit = taxonomy::bit(ASEAN, &n.country).unwrap_or(0);
        for t in &techs {
            if t.publish_at <= n.publish_at {
                continue;
            }
            let shared = tech_terms
                .get(&t.id)
                .is_some_and(|terms| words.iter().any(|w| terms.contains(w)));
            let score = crate::matching::score(n.field == t.field, t.countries & bit != 0, shared);
            if score < crate::matching::MIN_SCORE {
                continue;
            }
            need_match::Entity::insert(need_match::ActiveModel {
                need_id: Set(n.id),
                technology_id: Set(t.id),
                found_at: Set(now),
                sent_at: Set(None),
                ..Default::default()
            })
            .on_conflict(
                OnConflict::columns([need_match::Column::NeedId, need_match::Column::TechnologyId])
                    .do_nothing()
                    .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
        }
    }
    let mut sent = 0;
    for n in needs {
        if n.matches_sent_at.is_some_and(|last| last > now - EVERY) {
            continue;
        }
        let fresh = need_match::Entity::find()
            .filter(need_match::Column::NeedId.eq(n.id))
            .filter(need_match::Column::SentAt.is_null())
            .all(db)
            .await?;
        if fresh.is_empty() {
            continue;
        }
        let txn = db.begin().await?;
        let mut claim = need::Entity::update_many()
            .col_expr(need::Column::MatchesSentAt, Expr::value(now))
            .filter(need::Column::Id.eq(n.id));
        claim = match n.matches_sent_at {
            Some(last) => claim.filter(need::Column::MatchesSentAt.eq(last)),
            None => claim.filter(need::Column::MatchesSentAt.is_null()),
        };
        if claim.exec(&txn).await?.rows_affected != 1 {
            txn.rollback().await?;
            continue;
        }
        let ids: Vec<i32> = fresh.iter().map(|m| m.id).collect();
        let marked = need_match::Entity::update_many()
            .col_expr(need_match::Column::SentAt, Expr::value(now))
            .filter(need_match::Column::Id.is_in(ids))
            .filter(need_match::Column::SentAt.is_null())
            .exec(&txn)
            .await?
            .rows_affected;
        if marked == 0 {
            txn.rollback().await?;
            continue;
        }
        digest(&txn, secret, base_url, &n, &fresh).await?;
        txn.commit().await?;
        sent += 1;
    }
    Ok(sent)
}

async fn digest(
    db: &impl ConnectionTrait,
    secret: &[u8],
    base_url: &str,
    n: &need::Model,
    fresh: &[need_match::Model],
) -> Result<(), DbErr> {
    let l = Locale::from_tag(&n.source_lang).unwrap_or_default();
    let ids: Vec<i32> = fresh.iter().map(|m| m.technology_id).collect();
    let titles = crate::translation::technology_titles(db, &ids, l).await?;
    let slugs: HashMap<i32, String> = technology::Entity::find()
        .filter(technology::Column::Id.is_in(ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t.slug))
        .collect();
    let need_title = crate::translation::need_titles(db, &[n.id], l)
        .await?
        .remove(&n.id)
        .unwrap_or_default();
    let list = ids
        .iter()
        .filter_map(|id| {
            Some(format!(
                "- {}\n  {base_url}/{}/technologies/{}",
                titles.get(id)?,
                l.tag(),
                slugs.get(id)?
            ))
        })
        .collect::<Vec<_>>()
        .join("\n");
    let stop = stop_url(secret, base_url, l.tag(), n.id);
    let mut a = Args::new();
    a.insert("name", FluentValue::from(n.contact_name.clone()));
    a.insert("title", FluentValue::from(need_title));
    a.insert("count", FluentValue::from(ids.len()));
    a.insert("list", FluentValue::from(list));
    a.insert("stop", FluentValue::from(stop.clone()));
    outbox::queue(
        db,
        Mail {
            to: n.contact_email.clone(),
            locale: l,
            kind: "need_matches",
            subject: i18n::message(l, "matches-mail-subject", Some(&a)),
            body: i18n::message(l, "matches-mail-body", Some(&a)),
            related_kind: "need",
            related_id: Some(n.id),
            headers: vec![
                ("List-Unsubscribe", format!("<{stop}>")),
                (
                    "List-Unsubscribe-Post",
                    "List-Unsubscribe=One-Click".to_owned(),
                ),
            ],
        },
    )
    .await
}

#[derive(Template)]
#[template(path = "needs/matches_stop.html")]
pub struct StopPage {
    pub page: Page,
    pub action: String,
    pub done: bool,
}

fn stop_page(
    ctx: &Ctx,
    req: &HttpRequest,
    token: &str,
    done: bool,
) -> Result<HttpResponse, AppError> {
    let mut page = ctx.page(Section::Needs, ctx.t("matches-stop-title"));
    page.noindex = true;
    Ok(Html::render(&StopPage {
        page,
        action: ctx.href(&format!("/matches/stop/{token}")),
        done,
    })?
    .private()
    .into_response(req))
}

fn need_of(ctx: &Ctx, token: &str) -> Result<i32, AppError> {
    signed::verify(&ctx.state.config.secret_key, PURPOSE, token, 0)
        .map(|c| c.id)
        .map_err(|_| AppError::BadRequest("matches-stop-invalid"))
}

/// GET /{lang}/matches/stop/{token}: a button, so that a mail scanner
/// following links stops nothing.
pub async fn stop_form(
    ctx: Ctx,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (_, token) = path.into_inner();
    need_of(&ctx, &token)?;
    stop_page(&ctx, &req, &token, false)
}

/// POST /{lang}/matches/stop/{token}: from the page, or one click from the
/// mail program (RFC 8058). Twice is as good as once.
pub async fn stop(
    ctx: Ctx,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (_, token) = path.into_inner();
    let id = need_of(&ctx, &token)?;
    need::Entity::update_many()
        .col_expr(need::Column::MatchAlerts, Expr::value(false))
        .filter(need::Column::Id.eq(id))
        .exec(ctx.db())
        .await?;
    stop_page(&ctx, &req, &token, true)
}
