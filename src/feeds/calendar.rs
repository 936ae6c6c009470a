//! iCalendar (RFC 5545): one file per event and a feed of upcoming events
//! per language. Times are written in UTC, so every calendar places them
//! right: 09:00–17:00 in Nanning is 01:00–09:00Z.

use actix_web::{HttpRequest, HttpResponse, web};
use icalendar::{Calendar, Component, Event as IcsEvent, EventLike};

use crate::entities::event;
use crate::error::AppError;
use crate::events::store;
use crate::i18n::Locale;
use crate::translation;
use crate::web::{Ctx, not_modified_or};

const CONTENT_TYPE: &str = "text/calendar; charset=utf-8";

fn vevent(
    e: &event::Model,
    texts: &[crate::entities::event_translation::Model],
    locale: Locale,
    base: &str,
    host: &str,
) -> Option<IcsEvent> {
    let p = translation::pick(texts, locale, &e.source_lang)?;
    let url = format!("{base}/{}/events/{}", locale.tag(), e.slug);
    let country = crate::i18n::message(locale, &format!("country-{}", e.country), None);
    let updated = e.updated_at.max(p.text.updated_at);
    Some(
        IcsEvent::new()
            .uid(&format!("event-{}@{host}", e.id))
            .timestamp(updated)
            .last_modified(updated)
            .starts(e.starts_at)
            .ends(e.ends_at)
            .summary(&p.text.title)
            .description(&format!("{}\n\n{url}", p.text.summary))
            .location(&format!("{}, {}, {country}", p.text.venue, p.text.city))
            .url(&url)
            .done(),
    )
}

fn calendar(name: &str) -> Calendar {
    // `Calendar::new()` would add its own PRODID, and RFC 5545 allows one.
    let mut c = Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        (
            "PRODID",
            "-//China-ASEAN Technology Transfer Center//TechBridge//EN",
        ),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
    ] {
        c.append_property(icalendar::Property::new(key, value));
    }
    c.name(name);
    c
}

/// GET /{lang}/events/{slug}.ics
pub async fn event_ics(
    ctx: Ctx,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (_, slug) = path.into_inner();
    let (e, rows) = store::by_slug(ctx.db(), &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let base = ctx.state.base_url.clone();
    let host = super::host_of(&base).to_owned();
    let ev = vevent(&e, &rows, ctx.locale, &base, &host).ok_or(AppError::NotFound)?;
    let mut cal = calendar(ev.get_summary().unwrap_or_default());
    cal.push(ev);
    let mut res = not_modified_or(&req, CONTENT_TYPE, cal.done().to_string().into_bytes());
    if let Ok(v) = actix_web::http::header::HeaderValue::from_str(&format!(
        "attachment; filename=\"{slug}.ics\""
    )) {
        res.headers_mut()
            .insert(actix_web::http::header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

/// GET /{lang}/events/calendar.ics: every upcoming event.
pub async fn events_calendar(ctx: Ctx, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let filter = store::Filter {
        kind: None,
        year: None,
    };
    let events = store::upcoming_whole(ctx.db(), &filter, 500).await?;
    let base = ctx.state.base_url.clone();
    let host = super::host_of(&base).to_owned();
    let mut cal = calendar(&format!(
        "{} · {}",
        ctx.t("events-title"),
        ctx.t("site-name")
    ));
    for (e, rows) in &events {
        if let Some(ev) = vevent(e, rows, ctx.locale, &base, &host) {
            cal.push(ev);
        }
    }
    Ok(not_modified_or(
        &req,
        CONTENT_TYPE,
        cal.done().to_string().into_bytes(),
    ))
}
