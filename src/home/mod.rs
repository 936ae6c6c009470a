//! The home page, and the redirects that choose a language.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use sea_orm::{EntityTrait, PaginatorTrait, QueryFilter};

use crate::catalog::{self, CardView};
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
pub async fn slash(cx: Ctx) -> HttpResponse {
    HttpResponse::MovedPermanently()
        .insert_header((header::LOCATION, cx.href("/")))
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
pub async fn home(cx: Ctx) -> Result<Html, AppError> {
    let db = cx.db();
    let index = cx.state.catalog.get(db).await?;
    let technologies = catalog::store::visible_count(&index);
    let featured_ids = catalog::store::featured(&index, 6);
    let featured = catalog::store::cards(db, &featured_ids, cx.locale).await?;
    let filter = events::store::Filter {
        kind: None,
        year: None,
    };
    let upcoming = events::store::upcoming(db, &filter, 3).await?;
    let events_total = crate::entities::event::Entity::find()
        .filter(events::store::visible())
        .count(db)
        .await?;
    let latest = news::store::latest(db, 4).await?;
    let s = settings::all(db).await?;
    let counted = crate::figures::count(db, &crate::figures::Baseline::from_settings(&s)).await?;
    let figure = |key: &'static str| Figure {
        key,
        value: counted.get(key).map_or(0, crate::figures::Figure::total),
        note: counted.note(key, cx.locale),
    };
    let figures = vec![
        Figure {
            key: "technologies",
            value: technologies,
            note: None,
        },
        Figure {
            key: "network_members",
            value: settings::figure(&s, "network_members"),
            note: None,
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
            value: i64::try_from(programme::store::fellow_count(db).await?).unwrap_or(0),
            note: None,
        },
    ];
    let mut page = cx.page(Section::Home, cx.t("home-title"));
    page.description = cx.t("home-description");
    Html::render(&HomePage {
        figures,
        featured: catalog::card_views(featured, "", cx.locale),
        events: events::cards(db, upcoming, cx.locale).await?,
        news: news::cards(db, latest, cx.locale).await?,
        call: programme::current_call_view(db, cx.locale).await?,
        page,
    })
}
