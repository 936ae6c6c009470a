//! The alert digests, by the clock (the periodic jobs above), with "now" given:
//! every confirmed alert whose time has come is claimed with a conditional
//! update of its `due_at` (so several instances send each digest once),
//! then what was published since the last one is listed, in the alert's
//! language, with the unsubscribe link and headers. Nothing new, no mail.

use chrono::{DateTime, Utc};
use fluent_templates::fluent_bundle::FluentValue;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, TransactionTrait,
};

use crate::entities::{
    alert, call_translation, event, event_translation, need, programme_call, technology,
};
use crate::i18n::{self, Args, Locale};
use crate::outbox::{self, Mail};
use crate::search::catalog_query::{CatalogQuery, MAX_PER_PAGE};
use crate::translation::{self, need_titles, technology_titles};
use crate::web::AppState;

/// One new thing, as a digest lists it.
pub struct Item {
    pub title: String,
    pub url: String,
}

/// What the alert follows that was published in `(since, until]`.
pub async fn new_items(
    state: &AppState,
    a: &alert::Model,
    since: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<Vec<Item>, DbErr> {
    let db = &state.db;
    let l = Locale::from_tag(&a.lang).unwrap_or_default();
    let base = &state.base_url;
    let lang = l.tag();
    let mut items = Vec::new();
    match a.topic.as_str() {
        "technologies" => {
            let q = CatalogQuery::parse(&format!(
                "{}&sort=newest&per_page={MAX_PER_PAGE}",
                a.filters
            ));
            let index = state.catalog.get(db, &state.changes).await?;
            let found = crate::catalog::store::search(db, &index, &q, l).await?;
            let techs = technology::Entity::find()
                .filter(technology::Column::Id.is_in(found.ids))
                .filter(technology::Column::PublishAt.gt(since))
                .filter(technology::Column::PublishAt.lte(until))
                .all(db)
                .await?;
            let ids: Vec<i32> = techs.iter().map(|t| t.id).collect();
            let titles = technology_titles(db, &ids, l).await?;
            for t in techs {
                if let Some(title) = titles.get(&t.id) {
                    items.push(Item {
                        title: title.clone(),
                        url: format!("{base}/{lang}/technologies/{}", t.slug),
                    });
                }
            }
        }
        "needs" => {
            let pairs: Vec<(String, String)> = form_urlencoded::parse(a.filters.as_bytes())
                .into_owned()
                .collect();
            let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
            let (list, _) =
                crate::needs::store::list(db, get("field"), get("country"), 1, 50).await?;
            let list: Vec<need::Model> = list
                .into_iter()
                .filter(|n| n.publish_at.is_some_and(|p| p > since && p <= until))
                .collect();
            let ids: Vec<i32> = list.iter().map(|n| n.id).collect();
            let titles = need_titles(db, &ids, l).await?;
            for n in list {
                if let Some(title) = titles.get(&n.id) {
                    items.push(Item {
                        title: title.clone(),
                        url: format!("{base}/{lang}/needs/{}", n.slug),
                    });
                }
            }
        }
        "events" => {
            let list = event::Entity::find()
                .filter(crate::events::store::visible())
                .filter(event::Column::PublishAt.gt(since))
                .filter(event::Column::PublishAt.lte(until))
                .all(db)
                .await?;
            let ids: Vec<i32> = list.iter().map(|e| e.id).collect();
            let texts = translation::load::<event_translation::Entity>(
                db,
                event_translation::Column::EventId,
                &ids,
            )
            .await?;
            for e in list {
                if let Some(p) = texts
                    .get(&e.id)
                    .and_then(|r| translation::pick(r, l, &e.source_lang))
                {
                    items.push(Item {
                        title: p.text.title.clone(),
                        url: format!("{base}/{lang}/events/{}", e.slug),
                    });
                }
            }
        }
        _ => {
            let list = programme_call::Entity::find()
                .filter(programme_call::Column::Status.eq("published"))
                .filter(programme_call::Column::OpensAt.gt(since))
                .filter(programme_call::Column::OpensAt.lte(until))
                .all(db)
                .await?;
            for c in list {
                let rows = call_translation::Entity::find()
                    .filter(call_translation::Column::CallId.eq(c.id))
                    .all(db)
                    .await?;
                if let Some(p) = translation::pick(&rows, l, &c.source_lang) {
                    items.push(Item {
                        title: p.text.title.clone(),
                        url: format!("{base}/{lang}/programme"),
                    });
                }
            }
        }
    }
    Ok(items)
}

/// Sends the digests due at `now`; returns how many were written.
pub async fn run(state: &AppState, now: DateTime<Utc>) -> Result<usize, DbErr> {
    let db = &state.db;
    let due = alert::Entity::find()
        .filter(alert::Column::Status.eq("confirmed"))
        .filter(alert::Column::DueAt.lte(now))
        .limit(500)
        .all(db)
        .await?;
    let mut sent = 0;
    for a in due {
        let next = now + super::frequency_span(&a.frequency);
        let claimed = alert::Entity::update_many()
            .col_expr(alert::Column::DueAt, Expr::value(next))
            .filter(alert::Column::Id.eq(a.id))
            .filter(alert::Column::Status.eq("confirmed"))
            .filter(alert::Column::DueAt.eq(a.due_at))
            .exec(db)
            .await?
            .rows_affected
            == 1;
        if !claimed {
            continue;
        }
        let items = new_items(state, &a, a.seen_until, now).await?;
        let txn = db.begin().await?;
        if !items.is_empty() {
            queue_digest(&txn, state, &a, &items).await?;
            sent += 1;
        }
        alert::Entity::update_many()
            .col_expr(alert::Column::SeenUntil, Expr::value(now))
            .col_expr(
                alert::Column::LastSentAt,
                Expr::value(if items.is_empty() {
                    a.last_sent_at
                } else {
                    Some(now)
                }),
            )
            .filter(alert::Column::Id.eq(a.id))
            .exec(&txn)
            .await?;
        txn.commit().await?;
    }
    Ok(sent)
}

async fn queue_digest(
    db: &impl ConnectionTrait,
    state: &AppState,
    a: &alert::Model,
    items: &[Item],
) -> Result<(), DbErr> {
    let l = Locale::from_tag(&a.lang).unwrap_or_default();
    let stop = super::unsubscribe_url(&state.config.secret_key, &state.base_url, a);
    let list = items
        .iter()
        .map(|i| format!("- {}\n  {}", i.title, i.url))
        .collect::<Vec<_>>()
        .join("\n");
    let mut args = Args::new();
    args.insert("count", FluentValue::from(items.len()));
    args.insert(
        "what",
        FluentValue::from(i18n::message(l, &format!("alerts-topic-{}", a.topic), None)),
    );
    args.insert("list", FluentValue::from(list));
    args.insert(
        "page",
        FluentValue::from(format!(
            "{}{}",
            state.base_url,
            super::followed_path(&a.lang, &a.topic, &a.filters)
        )),
    );
    args.insert("stop", FluentValue::from(stop.clone()));
    outbox::queue(
        db,
        Mail {
            to: a.email.clone(),
            locale: l,
            kind: "alert_digest",
            subject: i18n::message(l, "alerts-mail-digest-subject", Some(&args)),
            body: i18n::message(l, "alerts-mail-digest-body", Some(&args)),
            related_kind: "alert",
            related_id: Some(a.id),
            headers: super::unsubscribe_headers(&stop),
        },
    )
    .await
}
