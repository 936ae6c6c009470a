//! Events: forums, competitions, camps, trainings, matchmaking sessions and
//! exhibitions, shown in their own time zone.

pub mod store;

use actix_web::web;
use askama::Template;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Deserialize;

use crate::entities::event;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::news;
use crate::taxonomy::EVENT_KINDS;
use crate::translation;
use crate::web::Pager;
use crate::web::{Ctx, Html, Page, Section};

pub fn tz_of(e: &event::Model) -> Tz {
    e.timezone.parse().unwrap_or(crate::config::centre_zone())
}

/// Links that put one event into the calendars people use, for visitors
/// who do not know what to do with an .ics file. Times go in UTC, so each
/// calendar shows them in its owner's zone.
pub struct CalendarLinks {
    pub ics: String,
    pub google: String,
    pub outlook: String,
    pub office: String,
}

impl CalendarLinks {
    pub fn new(e: &event::Model, ics: String, title: &str, details: &str, location: &str) -> Self {
        let query = |pairs: &[(&str, &str)]| {
            let mut s = form_urlencoded::Serializer::new(String::new());
            for (k, v) in pairs {
                s.append_pair(k, v);
            }
            s.finish()
        };
        let basic = |t: DateTime<Utc>| t.format("%Y%m%dT%H%M%SZ").to_string();
        let dates = format!("{}/{}", basic(e.starts_at), basic(e.ends_at));
        let google = format!(
            "https://calendar.google.com/calendar/render?{}",
            query(&[
                ("action", "TEMPLATE"),
                ("text", title),
                ("dates", &dates),
                ("ctz", tz_of(e).name()),
                ("details", details),
                ("location", location),
            ])
        );
        let (start, end) = (crate::web::iso(e.starts_at), crate::web::iso(e.ends_at));
        let compose = query(&[
            ("path", "/calendar/action/compose"),
            ("rru", "addevent"),
            ("subject", title),
            ("startdt", &start),
            ("enddt", &end),
            ("body", details),
            ("location", location),
        ]);
        Self {
            ics,
            google,
            outlook: format!("https://outlook.live.com/calendar/0/deeplink/compose?{compose}"),
            office: format!("https://outlook.office.com/calendar/0/deeplink/compose?{compose}"),
        }
    }
}

/// A feed's address for subscribing: `webcal://` in place of `http(s)://`,
/// the scheme calendar applications register for.
pub fn webcal(url: &str) -> String {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    format!("webcal://{rest}")
}

/// An event as lists show it.
pub struct EventCard {
    pub slug: String,
    pub kind: String,
    pub title: String,
    pub summary: String,
    pub city: String,
    pub country: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub tz: Tz,
    pub lang: &'static str,
    pub fallback: bool,
}

pub fn cards(events: Vec<store::CardRow>, locale: Locale) -> Vec<EventCard> {
    events
        .into_iter()
        .map(|e| EventCard {
            lang: e.shown.tag(),
            fallback: e.shown != locale,
            tz: e.timezone.parse().unwrap_or(crate::config::centre_zone()),
            title: e.title,
            summary: e.summary,
            city: e.city,
            slug: e.slug,
            kind: e.kind,
            country: e.country,
            starts_at: e.starts_at,
            ends_at: e.ends_at,
        })
        .collect()
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    kind: String,
    year: String,
    page: String,
}

#[derive(Template)]
#[template(path = "events/list.html")]
pub struct ListPage {
    pub page: Page,
    pub upcoming: Vec<EventCard>,
    pub past: Vec<EventCard>,
    pub kinds: &'static [&'static str],
    pub kind: String,
    pub years: Vec<i32>,
    pub year: Option<i32>,
    pub pager: Pager,
    /// The upcoming-events feed as a `webcal:` address, which calendar
    /// applications open as a subscription rather than a one-off import.
    pub webcal: String,
}

const PAST_PER_PAGE: u64 = 10;

/// GET /{lang}/events
pub async fn list(ctx: Ctx, q: web::Query<ListQuery>) -> Result<Html, AppError> {
    let kind = EVENT_KINDS.iter().find(|k| **k == q.kind).copied();
    let year = q
        .year
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (2000..=2100).contains(y));
    let page_no = crate::web::forms::page_number(&q.page);
    let filter = store::Filter { kind, year };
    let upcoming = store::upcoming(ctx.db(), &filter, 50, ctx.locale).await?;
    let (past, past_total) =
        store::past(ctx.db(), &filter, page_no, PAST_PER_PAGE, ctx.locale).await?;
    let link = |p: u64| {
        let mut s = form_urlencoded::Serializer::new(String::new());
        if let Some(k) = kind {
            s.append_pair("kind", k);
        }
        if let Some(y) = year {
            s.append_pair("year", &y.to_string());
        }
        s.append_pair("page", &p.to_string());
        format!("{}?{}#past", ctx.href("/events"), s.finish())
    };
    let mut page = ctx.page(Section::Events, ctx.t("events-title"));
    if page_no > 1 {
        page.canonical_query = Some(format!("page={page_no}"));
    }
    page.description = ctx.t("events-description");
    Html::render(&ListPage {
        upcoming: cards(upcoming, ctx.locale),
        past: cards(past, ctx.locale),
        kinds: EVENT_KINDS,
        kind: kind.unwrap_or_default().to_owned(),
        years: store::facts(ctx.db(), &ctx.state.changes)
            .await?
            .years
            .clone(),
        year,
        pager: Pager::new(page_no, past_total, PAST_PER_PAGE, link),
        webcal: webcal(&page.abs(&page.href("/events/calendar.ics"))),
        page,
    })
}

#[derive(Template)]
#[template(path = "events/detail.html")]
pub struct DetailPage {
    pub page: Page,
    pub event: event::Model,
    pub tz: Tz,
    /// When it runs, in its own zone, and that zone named.
    pub when: String,
    pub zone: String,
    pub calendar: CalendarLinks,
    pub title: String,
    pub summary: String,
    pub cover: Option<crate::media::Image>,
    pub body_html: String,
    pub venue: String,
    pub city: String,
    pub registration_open: bool,
    pub upcoming: bool,
    pub news: Vec<news::NewsCard>,
}

/// GET /{lang}/events/{slug}
pub async fn detail(ctx: Ctx, path: web::Path<(String, String)>) -> Result<Html, AppError> {
    let (_, slug) = path.into_inner();
    let (e, rows) = store::by_slug(ctx.db(), &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    Html::render(&detail_page(&ctx, e, rows).await?)
}

/// The page of any event, public or not (the back office's preview).
pub async fn preview_page(ctx: &Ctx, id: i32) -> Result<DetailPage, AppError> {
    let (e, rows) = store::by_id_any(ctx.db(), id)
        .await?
        .ok_or(AppError::NotFound)?;
    detail_page(ctx, e, rows).await
}

/// The page of a loaded event.
async fn detail_page(
    ctx: &Ctx,
    e: crate::entities::event::Model,
    rows: Vec<crate::entities::event_translation::Model>,
) -> Result<DetailPage, AppError> {
    let p = translation::pick(&rows, ctx.locale, &e.source_lang).ok_or(AppError::NotFound)?;
    let t = crate::db::now();
    let registration_open =
        !e.registration_url.is_empty() && e.registration_closes_at.unwrap_or(e.starts_at) > t;
    let media = crate::media::library_for(ctx).await?;
    let news = news::for_event(ctx.db(), &media, e.id, ctx.locale).await?;
    let mut page = ctx
        .page(Section::Events, p.text.title.clone())
        .with_description(p.text.summary.clone())
        .with_content(p.locale, p.outdated);
    page.og_type = "article";
    let cover = e.cover_id.and_then(|id| media.image(id, ctx.locale));
    page.og_image = cover.as_ref().map(|c| page.abs(&c.src(1200)));
    let tz = tz_of(&e);
    let place = format!(
        "{}, {}, {}",
        p.text.venue,
        p.text.city,
        page.code("country", &e.country)
    );
    let calendar = CalendarLinks::new(
        &e,
        page.href_to_suffixed("/events/", &e.slug, ".ics"),
        &p.text.title,
        &format!(
            "{}\n\n{}",
            p.text.summary,
            page.abs(&page.href_to("/events/", &e.slug))
        ),
        &place,
    );
    let local = |t: &DateTime<Utc>| {
        t.with_timezone(&tz)
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
    };
    let data = serde_json::json!({
        "@type": "Event",
        "name": p.text.title,
        "description": p.text.summary,
        "url": page.canonical(),
        "startDate": local(&e.starts_at),
        "endDate": local(&e.ends_at),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": {
            "@type": "Place",
            "name": p.text.venue,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": p.text.city,
                "addressCountry": e.country,
            },
        },
        "organizer": page.organization(),
        "image": page.og_image.iter().collect::<Vec<_>>(),
    });
    page.add_json_ld(data);
    Ok(DetailPage {
        cover,
        tz,
        when: crate::i18n::format_time_span(ctx.locale, e.starts_at, e.ends_at, tz),
        zone: crate::i18n::format_zone(ctx.locale, tz, e.starts_at),
        calendar,
        title: p.text.title.clone(),
        summary: p.text.summary.clone(),
        body_html: crate::markdown::render(&p.text.body),
        venue: p.text.venue.clone(),
        city: p.text.city.clone(),
        registration_open,
        upcoming: e.ends_at >= t,
        news,
        event: e,
        page,
    })
}
