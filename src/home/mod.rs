//! The home page, and the redirects that choose a language.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use crate::catalog::{self, cards::CardView};
use crate::error::AppError;
use crate::events::{self, EventCard};
use crate::i18n::{self, Locale};
use crate::news::{self, NewsCard};
use crate::programme::{self, CallView};
use crate::settings;
use crate::web::{Ctx, Html, Page, Section};

/// GET / : to the remembered language, else the browser's, else English.
/// The answer depends on both, hence `Vary`.
pub async fn root(req: HttpRequest) -> HttpResponse {
    let cookie = req.cookie(i18n::LANG_COOKIE);
    let accept = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let locale = i18n::negotiate(cookie.as_ref().map(|c| c.value()), accept);
    HttpResponse::Found()
        .insert_header((header::LOCATION, format!("/{}/", locale.tag())))
        .insert_header((header::VARY, "Accept-Language, Cookie"))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .finish()
}

/// GET /zh/... : short aliases to the full language tag, same path and query.
pub async fn alias(req: HttpRequest) -> Result<HttpResponse, AppError> {
    let path = req.path();
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    let locale = Locale::from_alias(first).ok_or(AppError::NotFound)?;
    let rest = &path[1 + first.len()..];
    let mut to = format!(
        "/{}{}",
        locale.tag(),
        if rest.is_empty() { "/" } else { rest }
    );
    if !req.query_string().is_empty() {
        to.push('?');
        to.push_str(req.query_string());
    }
    Ok(HttpResponse::MovedPermanently()
        .insert_header((header::LOCATION, to))
        .finish())
}

/// GET /{lang} : to /{lang}/.
pub async fn slash(ctx: Ctx) -> HttpResponse {
    HttpResponse::MovedPermanently()
        .insert_header((header::LOCATION, ctx.href("/")))
        .finish()
}

pub struct Figure {
    pub key: &'static str,
    pub value: i64,
    /// How a counted figure is made up ("653 by May 2022, 41 recorded since").
    pub note: Option<String>,
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub page: Page,
    pub figures: Vec<Figure>,
    pub featured: Vec<CardView>,
    pub events: Vec<EventCard>,
    pub news: Vec<NewsCard>,
    pub call: Option<CallView>,
}

/// GET /{lang}/
pub async fn home(ctx: Ctx) -> Result<Html, AppError> {
    let db = ctx.db();
    let index = ctx.state.catalog.get(db, &ctx.state.changes).await?;
    let media = crate::media::library_for(&ctx).await?;
    let technologies = catalog::store::visible_count(&index);
    let featured_ids = catalog::store::featured(&index, 6);
    let featured =
        catalog::store::cards(db, &index, &media, &featured_ids, ctx.locale, false).await?;
    let filter = events::store::Filter {
        kind: None,
        year: None,
    };
    let upcoming = events::store::upcoming(db, &filter, 3, ctx.locale).await?;
    let events_total = events::store::facts(db, &ctx.state.changes).await?.total;
    let latest = news::store::latest(db, 4, ctx.locale).await?;
    let s = settings::kept(db, &ctx.state.changes).await?;
    let programme = programme::store::public(db, &ctx.state.changes).await?;
    let counted = crate::figures::kept(db, &ctx.state.changes, &s.0).await?;
    let figure = |key: &'static str| Figure {
        key,
        value: counted.get(key).map_or(0, crate::figures::Figure::total),
        note: counted.note(key, ctx.locale),
    };
    let figures = vec![
        Figure {
            key: "technologies",
            value: technologies,
            note: None,
        },
        {
            let value = settings::figure(&s.0, "network_members");
            Figure {
                key: "network_members",
                value,
                note: crate::figures::set_note(&s.0, "network_members", value, ctx.locale),
            }
        },
        figure("agreements"),
        figure("answered"),
        Figure {
            key: "events",
            value: i64::try_from(events_total).unwrap_or(0),
            note: None,
        },
        Figure {
            key: "fellows",
            value: i64::try_from(programme.fellows.len()).unwrap_or(0),
            note: None,
        },
    ];
    let mut page = ctx.page(Section::Home, ctx.t("home-title"));
    // The centre, and the catalogue's search as the site's own.
    page.add_json_ld(page.organization());
    let search = serde_json::json!({
        "@type": "WebSite",
        "name": ctx.t("site-name"),
        "url": page.abs(&page.href("/")),
        "potentialAction": {
            "@type": "SearchAction",
            "target": format!("{}?q={{search_term_string}}", page.abs(&page.href("/technologies"))),
            "query-input": "required name=search_term_string",
        },
    });
    page.add_json_ld(search);
    page.description = ctx.t("home-description");
    Html::render(&HomePage {
        figures,
        featured: catalog::cards::card_views(featured, "", ctx.locale),
        events: events::cards(upcoming, ctx.locale),
        news: news::cards(latest, &media, ctx.locale),
        call: programme::current_call_view(&programme, ctx.locale),
        page,
    })
}
