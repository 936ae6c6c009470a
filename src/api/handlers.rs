//! The API's handlers, each described for the OpenAPI document by its
//! `#[utoipa::path]`: what the document says is what the code is.

use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use utoipa::{IntoParams, OpenApi};

use super::records::*;
use super::{ApiError, Check, ErrorBody, Kind, ListParams, json, list_params, next_link, store};
use crate::entities::*;
use crate::i18n::Locale;
use crate::search::catalog_query::MAX_QUERY_CHARS;
use crate::taxonomy::{ASEAN, EVENT_COUNTRIES, EVENT_KINDS, FIELDS, IP_STATUSES, MODES};
use crate::web::AppState;

const TECHNOLOGIES: Kind = Kind {
    name: "technologies",
    filters: &[
        ("q", Check::Words(MAX_QUERY_CHARS)),
        ("field", Check::OneOf(FIELDS)),
        ("country", Check::OneOf(ASEAN)),
        ("mode", Check::OneOf(MODES)),
        ("ip", Check::OneOf(IP_STATUSES)),
        ("trl_min", Check::Trl),
        ("trl_max", Check::Trl),
    ],
};
const NEEDS: Kind = Kind {
    name: "needs",
    filters: &[
        ("field", Check::OneOf(FIELDS)),
        ("country", Check::OneOf(ASEAN)),
    ],
};
const EVENTS: Kind = Kind {
    name: "events",
    filters: &[
        ("kind", Check::OneOf(EVENT_KINDS)),
        ("country", Check::OneOf(EVENT_COUNTRIES)),
    ],
};
const NEWS: Kind = Kind {
    name: "news",
    filters: &[],
};
const CALLS: Kind = Kind {
    name: "calls",
    filters: &[],
};
const FELLOWS: Kind = Kind {
    name: "fellows",
    filters: &[("cohort", Check::Year), ("field", Check::OneOf(FIELDS))],
};

/// The parameters of every list (documentation; `list_params` reads them).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(
    dead_code,
    reason = "describes the query for OpenAPI; read by list_params"
)]
struct ListQuery {
    /// Language of each record's `text`: zh-CN, en or id (default en);
    /// a record not translated into it falls back as the site does.
    lang: Option<String>,
    /// Records per page, 1 to 100 (default 20).
    limit: Option<u32>,
    /// The `next` link's cursor, to go on where the previous page ended.
    cursor: Option<String>,
    /// Only records changed at or after this instant (RFC 3339).
    updated_since: Option<DateTime<Utc>>,
}

/// The catalogue's words and filters (as on its page; repeat a filter to
/// allow several values).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(
    dead_code,
    reason = "describes the query for OpenAPI; read by list_params"
)]
struct TechnologyQuery {
    /// Search words (at most 200 characters); ordered by relevance.
    q: Option<String>,
    /// Field codes.
    field: Option<Vec<String>>,
    /// ASEAN country codes.
    country: Option<Vec<String>>,
    /// Cooperation modes.
    mode: Option<Vec<String>>,
    /// IP statuses.
    ip: Option<Vec<String>>,
    /// Lowest readiness level, 1 to 9.
    trl_min: Option<i16>,
    /// Highest readiness level, 1 to 9.
    trl_max: Option<i16>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(
    dead_code,
    reason = "describes the query for OpenAPI; read by list_params"
)]
struct NeedQuery {
    /// Field code.
    field: Option<String>,
    /// ASEAN country code.
    country: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(
    dead_code,
    reason = "describes the query for OpenAPI; read by list_params"
)]
struct EventQuery {
    /// Kind of event.
    kind: Option<String>,
    /// Country code (ASEAN or CN).
    country: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(
    dead_code,
    reason = "describes the query for OpenAPI; read by list_params"
)]
struct FellowQuery {
    /// Cohort year.
    cohort: Option<i32>,
    /// Field code.
    field: Option<String>,
}

/// `lang` for a detail: the same rule as in lists.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(
    dead_code,
    reason = "describes the query for OpenAPI; read by detail_lang"
)]
struct DetailQuery {
    /// Language of the record's `text`: zh-CN, en or id (default en).
    lang: Option<String>,
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "TechBridge public API",
        version = "1",
        description = "Read-only JSON of what the portal publishes: technologies, needs, events, news, calls and fellows. Lists are paged by cursor (follow `next`); every record carries all its translations with their status. Answers have an ETag (send If-None-Match for 304), are open to any origin (CORS), and are limited per address (429 with Retry-After)."
    ),
    paths(
        technology_list,
        technology_detail,
        need_list,
        need_detail,
        event_list,
        event_detail,
        news_list,
        news_detail,
        call_list,
        call_detail,
        fellow_list,
        fellow_detail,
        openapi_json
    ),
    components(schemas(ErrorBody))
)]
pub struct ApiDoc;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/openapi.json", web::get().to(openapi_json))
        .route("/technologies", web::get().to(technology_list))
        .route("/technologies/{slug}", web::get().to(technology_detail))
        .route("/needs", web::get().to(need_list))
        .route("/needs/{slug}", web::get().to(need_detail))
        .route("/events", web::get().to(event_list))
        .route("/events/{slug}", web::get().to(event_detail))
        .route("/news", web::get().to(news_list))
        .route("/news/{slug}", web::get().to(news_detail))
        .route("/calls", web::get().to(call_list))
        .route("/calls/{id}", web::get().to(call_detail))
        .route("/fellows", web::get().to(fellow_list))
        .route("/fellows/{slug}", web::get().to(fellow_detail));
}

fn params(req: &HttpRequest, state: &AppState, kind: &Kind) -> Result<ListParams, ApiError> {
    list_params(req.query_string(), kind, &state.config.secret_key)
}

/// The `lang` of a detail; any other parameter is refused like in lists.
fn detail_lang(req: &HttpRequest, state: &AppState) -> Result<Locale, ApiError> {
    const DETAIL: Kind = Kind {
        name: "detail",
        filters: &[],
    };
    let p = list_params(req.query_string(), &DETAIL, &state.config.secret_key)?;
    if let Some(name) = ["limit", "cursor", "updated_since"]
        .into_iter()
        .find(|n| form_urlencoded::parse(req.query_string().as_bytes()).any(|(k, _)| k == *n))
    {
        return Err(ApiError::bad(name, "unknown parameter"));
    }
    Ok(p.locale)
}

/// The next page's link, when more follow the record `last`.
fn next(state: &AppState, kind: &Kind, p: &ListParams, last: Option<i32>) -> Option<String> {
    last.map(|after| next_link(state, kind, p, after))
}

/// GET /api/v1/openapi.json: this API's OpenAPI document.
#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    tag = "api",
    responses(
        (status = 200, description = "The OpenAPI 3.1 document of this API", content_type = "application/json", body = Object)
    )
)]
pub async fn openapi_json(req: HttpRequest) -> Result<HttpResponse, ApiError> {
    let mut doc = ApiDoc::openapi();
    // utoipa fills the licence from Cargo.toml, which names none: an empty
    // name would say there is one.
    doc.info.license = None;
    json(&req, &doc)
}

/// GET /api/v1/technologies: the catalogue, its words and filters.
#[utoipa::path(
    get,
    path = "/api/v1/technologies",
    tag = "technologies",
    params(ListQuery, TechnologyQuery),
    responses(
        (status = 200, description = "A page of records", content_type = "application/json", body = TechnologyList),
        (status = 304, description = "Not modified since the ETag sent in If-None-Match"),
        (status = 400, description = "A parameter is unknown or invalid; `parameter` names it", content_type = "application/json", body = ErrorBody),
        (status = 429, description = "Too many requests from this address; see Retry-After", content_type = "application/json", body = ErrorBody)
    )
)]
pub async fn technology_list(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let p = params(&req, &state, &TECHNOLOGIES)?;
    let index = state.catalog.get(&state.db, &state.changes).await?;
    let ids = store::technology_ids(
        &state.db,
        &index,
        &p.filter_query(),
        p.locale,
        p.updated_since,
    )
    .await?;
    // In id order: this page starts after the last id the cursor names.
    let start = p
        .after
        .map_or(0, |after| ids.partition_point(|id| *id <= after));
    let end = start
        .saturating_add(usize::try_from(p.limit).unwrap_or(usize::MAX))
        .min(ids.len());
    let data = store::technologies(&state.db, &ids[start..end])
        .await?
        .into_iter()
        .filter_map(|(t, x)| Technology::of(t, &x, p.locale, &state.config.public_url))
        .collect();
    json(
        &req,
        &TechnologyList {
            data,
            next: next(
                &state,
                &TECHNOLOGIES,
                &p,
                ids[..end].last().copied().filter(|_| end < ids.len()),
            ),
        },
    )
}

/// GET /api/v1/technologies/{slug}
#[utoipa::path(
    get,
    path = "/api/v1/technologies/{slug}",
    tag = "technologies",
    params(("slug" = String, Path, description = "The technology's slug"), DetailQuery),
    responses(
        (status = 200, description = "The record", content_type = "application/json", body = Technology),
        (status = 304, description = "Not modified since the ETag sent in If-None-Match"),
        (status = 400, description = "A parameter is unknown or invalid; `parameter` names it", content_type = "application/json", body = ErrorBody),
        (status = 404, description = "No published record has this slug", content_type = "application/json", body = ErrorBody),
        (status = 429, description = "Too many requests from this address; see Retry-After", content_type = "application/json", body = ErrorBody)
    )
)]
pub async fn technology_detail(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let locale = detail_lang(&req, &state)?;
    let found = store::one::<technology::Entity, technology_translation::Entity>(
        &state.db,
        technology::Entity::find()
            .filter(technology::Column::Slug.eq(slug.as_str()))
            .filter(crate::catalog::store::visible()),
    )
    .await?
    .and_then(|(t, x)| Technology::of(t, &x, locale, &state.config.public_url))
    .ok_or(ApiError::NotFound)?;
    json(&req, &found)
}

/// GET /api/v1/needs
#[utoipa::path(
    get,
    path = "/api/v1/needs",
    tag = "needs",
    params(ListQuery, NeedQuery),
    responses(
        (status = 200, description = "A page of records", content_type = "application/json", body = NeedList),
        (status = 304, description = "Not modified since the ETag sent in If-None-Match"),
        (status = 400, description = "A parameter is unknown or invalid; `parameter` names it", content_type = "application/json", body = ErrorBody),
        (status = 429, description = "Too many requests from this address; see Retry-After", content_type = "application/json", body = ErrorBody)
    )
)]
pub async fn need_list(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let p = params(&req, &state, &NEEDS)?;
    let mut q = need::Entity::find().filter(crate::needs::store::visible());
    if let Some(f) = p.filter("field") {
        q = q.filter(need::Column::Field.eq(f));
    }
    if let Some(c) = p.filter("country") {
        q = q.filter(need::Column::Country.eq(c));
    }
    let q = match p.updated_since {
        Some(s) => q.filter(need::Column::UpdatedAt.gte(s)),
        None => q,
    };
    let w = store::window::<need::Entity, need_translation::Entity>(
        &state.db,
        q,
        need::Column::Id,
        p.after,
        p.limit,
    )
    .await?;
    let data = w
        .rows
        .into_iter()
        .filter_map(|(r, x)| Need::of(r, &x, p.locale, &state.config.public_url))
        .collect();
    json(
        &req,
        &NeedList {
            data,
            next: next(&state, &NEEDS, &p, w.more),
        },
    )
}

/// GET /api/v1/needs/{slug}
#[utoipa::path(
    get,
    path = "/api/v1/needs/{slug}",
    tag = "needs",
    params(("slug" = String, Path, description = "The record's slug"), DetailQuery),
    responses(
        (status = 200, description = "The record", content_type = "application/json", body = Need),
        (status = 304, description = "Not modified since the ETag sent in If-None-Match"),
        (status = 400, description = "A parameter is unknown or invalid; `parameter` names it", content_type = "application/json", body = ErrorBody),
        (status = 404, description = "No published record has this slug", content_type = "application/json", body = ErrorBody),
        (status = 429, description = "Too many requests from this address; see Retry-After", content_type = "application/json", body = ErrorBody)
    )
)]
pub async fn need_detail(
    req: HttpRequest,
    state: web::Data<AppState>,
    key: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let locale = detail_lang(&req, &state)?;
    let select = need::Entity::find()
        .filter(need::Column::Slug.eq(key.as_str()))
        .filter(crate::needs::store::visible());
    let found = store::one::<need::Entity, need_translation::Entity>(&state.db, select)
        .await?
        .and_then(|(r, x)| Need::of(r, &x, locale, &state.config.public_url))
        .ok_or(ApiError::NotFound)?;
    json(&req, &found)
}

/// GET /api/v1/events
#[utoipa::path(
    get,
    path = "/api/v1/events",
    tag = "events",
    params(ListQuery, EventQuery),
    responses(
        (status = 200, description = "A page of records", content_type = "application/json", body = EventList),
        (status = 304, description = "Not modified since the ETag sent in If-None-Match"),
        (status = 400, description = "A parameter is unknown or invalid; `parameter` names it", content_type = "application/json", body = ErrorBody),
        (status = 429, description = "Too many requests from this address; see Retry-After", content_type = "application/json", body = ErrorBody)
    )
)]
pub async fn event_list(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let p = params(&req, &state, &EVENTS)?;
    let mut q = event::Entity::find().filter(crate::events::store::visible());
    if let Some(k) = p.filter("kind") {
        q = q.filter(event::Column::Kind.eq(k));
    }
    if let Some(c) = p.filter("country") {
        q = q.filter(event::Column::Country.eq(c));
    }
    let q = match p.updated_since {
        Some(s) => q.filter(event::Column::UpdatedAt.gte(s)),
        None => q,
    };
    let w = store::window::<event::Entity, event_translation::Entity>(
        &state.db,
        q,
        event::Column::Id,
        p.after,
        p.limit,
    )
    .await?;
    let data = w
        .rows
        .into_iter()
        .filter_map(|(r, x)| Event::of(r, &x, p.locale, &state.config.public_url))
        .collect();
    json(
        &req,
        &EventList {
            data,
            next: next(&state, &EVENTS, &p, w.more),
        },
    )
}

/// GET /api/v1/events/{slug}
#[utoipa::path(
    get,
    path = "/api/v1/events/{slug}",
    tag = "events",
    params(("slug" = String, Path, description = "The record's slug"), DetailQuery),
    responses(
        (status = 200, description = "The record", content_type = "application/json", body = Event),
        (status = 304, description = "Not modified since the ETag sent in If-None-Match"),
        (status = 400, description = "A parameter is unknown or invalid; `parameter` names it", content_type = "application/json", body = ErrorBody),
        (status = 404, description = "No published record has this slug", content_type = "application/json", body = ErrorBody),
        (status = 429, description = "Too many requests from this address; see Retry-After", content_type = "application/json", body = ErrorBody)
    )
)]
pub async fn event_detail(
    req: HttpRequest,
    state: web::Data<AppState>,
    key: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let locale = detail_lang(&req, &state)?;
    let select = event::Entity::find()
        .filter(event::Column::Slug.eq(key.as_str()))
        .filter(crate::events::store::visible());
    let found = store::one::<event::Entity, event_translation::Entity>(&state.db, select)
        .await?
        .and_then(|(r, x)| Event::of(r, &x, locale, &state.config.public_url))
        .ok_or(ApiError::NotFound)?;
    json(&req, &found)
}

/// GET /api/v1/news
#[utoipa::path(
    get,
    path = "/api/v1/news",
    tag = "news",
    params(ListQuery),
    responses(
        (status = 200, description = "A page of records", content_type = "application/json", body = NewsList),
        (status = 304, description = "Not modified since the ETag sent in If-None-Match"),
        (status = 400, description = "A parameter is unknown or invalid; `parameter` names it", content_type = "application/json", body = ErrorBody),
        (status = 429, description = "Too many requests from this address; see Retry-After", content_type = "application/json", body = ErrorBody)
    )
)]
pub async fn news_list(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let p = params(&req, &state, &NEWS)?;
    let q = news::Entity::find().filter(crate::news::store::visible());
    let q = match p.updated_since {
        Some(s) => q.filter(news::Column::UpdatedAt.gte(s)),
        None => q,
    };
    let w = store::window::<news::Entity, news_translation::Entity>(
        &state.db,
        q,
        news::Column::Id,
        p.after,
        p.limit,
    )
    .await?;
    let data = w
        .rows
        .into_iter()
        .filter_map(|(r, x)| News::of(r, &x, p.locale, &state.config.public_url))
        .collect();
    json(
        &req,
        &NewsList {
            data,
            next: next(&state, &NEWS, &p, w.more),
        },
    )
}

/// GET /api/v1/news/{slug}
#[utoipa::path(
    get,
    path = "/api/v1/news/{slug}",
    tag = "news",
    params(("slug" = String, Path, description = "The record's slug"), DetailQuery),
    responses(
        (status = 200, description = "The record", content_type = "application/json", body = News),
        (status = 304, description = "Not modified since the ETag sent in If-None-Match"),
        (status = 400, description = "A parameter is unknown or invalid; `parameter` names it", content_type = "application/json", body = ErrorBody),
        (status = 404, description = "No published record has this slug", content_type = "application/json", body = ErrorBody),
        (status = 429, description = "Too many requests from this address; see Retry-After", content_type = "application/json", body = ErrorBody)
    )
)]
pub async fn news_detail(
    req: HttpRequest,
    state: web::Data<AppState>,
    key: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let locale = detail_lang(&req, &state)?;
    let select = news::Entity::find()
        .filter(news::Column::Slug.eq(key.as_str()))
        .filter(crate::news::store::visible());
    let found = store::one::<news::Entity, news_translation::Entity>(&state.db, select)
        .await?
        .and_then(|(r, x)| News::of(r, &x, locale, &state.config.public_url))
        .ok_or(ApiError::NotFound)?;
    json(&req, &found)
}

/// GET /api/v1/calls
#[utoipa::path(
    get,
    path = "/api/v1/calls",
    tag = "calls",
    params(ListQuery),
    responses(
        (status = 200, description = "A page of records", content_type = "application/json", body = CallList),
        (status = 304, description = "Not modified since the ETag sent in If-None-Match"),
        (status = 400, description = "A parameter is unknown or invalid; `parameter` names it", content_type = "application/json", body = ErrorBody),
        (status = 429, description = "Too many requests from this address; see Retry-After", content_type = "application/json", body = ErrorBody)
    )
)]
pub async fn call_list(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let p = params(&req, &state, &CALLS)?;
    let q = programme_call::Entity::find().filter(crate::programme::store::call_visible());
    let q = match p.updated_since {
        Some(s) => q.filter(programme_call::Column::UpdatedAt.gte(s)),
        None => q,
    };
    let w = store::window::<programme_call::Entity, call_translation::Entity>(
        &state.db,
        q,
        programme_call::Column::Id,
        p.after,
        p.limit,
    )
    .await?;
    let data = w
        .rows
        .into_iter()
        .filter_map(|(r, x)| Call::of(r, &x, p.locale, &state.config.public_url))
        .collect();
    json(
        &req,
        &CallList {
            data,
            next: next(&state, &CALLS, &p, w.more),
        },
    )
}

/// GET /api/v1/calls/{id}
#[utoipa::path(
    get,
    path = "/api/v1/calls/{id}",
    tag = "calls",
    params(("id" = String, Path, description = "The record's id"), DetailQuery),
    responses(
        (status = 200, description = "The record", content_type = "application/json", body = Call),
        (status = 304, description = "Not modified since the ETag sent in If-None-Match"),
        (status = 400, description = "A parameter is unknown or invalid; `parameter` names it", content_type = "application/json", body = ErrorBody),
        (status = 404, description = "No published record has this id", content_type = "application/json", body = ErrorBody),
        (status = 429, description = "Too many requests from this address; see Retry-After", content_type = "application/json", body = ErrorBody)
    )
)]
pub async fn call_detail(
    req: HttpRequest,
    state: web::Data<AppState>,
    key: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let locale = detail_lang(&req, &state)?;
    let Ok(id) = key.parse::<i32>() else {
        return Err(ApiError::NotFound);
    };
    let select = programme_call::Entity::find()
        .filter(programme_call::Column::Id.eq(id))
        .filter(crate::programme::store::call_visible());
    let found = store::one::<programme_call::Entity, call_translation::Entity>(&state.db, select)
        .await?
        .and_then(|(r, x)| Call::of(r, &x, locale, &state.config.public_url))
        .ok_or(ApiError::NotFound)?;
    json(&req, &found)
}

/// GET /api/v1/fellows
#[utoipa::path(
    get,
    path = "/api/v1/fellows",
    tag = "fellows",
    params(ListQuery, FellowQuery),
    responses(
        (status = 200, description = "A page of records", content_type = "application/json", body = FellowList),
        (status = 304, description = "Not modified since the ETag sent in If-None-Match"),
        (status = 400, description = "A parameter is unknown or invalid; `parameter` names it", content_type = "application/json", body = ErrorBody),
        (status = 429, description = "Too many requests from this address; see Retry-After", content_type = "application/json", body = ErrorBody)
    )
)]
pub async fn fellow_list(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let p = params(&req, &state, &FELLOWS)?;
    let mut q = fellow::Entity::find().filter(crate::programme::store::fellow_visible());
    if let Some(y) = p.filter("cohort").and_then(|y| y.parse::<i32>().ok()) {
        q = q.filter(fellow::Column::CohortYear.eq(y));
    }
    if let Some(f) = p.filter("field") {
        q = q.filter(fellow::Column::Field.eq(f));
    }
    let q = match p.updated_since {
        Some(s) => q.filter(fellow::Column::UpdatedAt.gte(s)),
        None => q,
    };
    let w = store::window::<fellow::Entity, fellow_translation::Entity>(
        &state.db,
        q,
        fellow::Column::Id,
        p.after,
        p.limit,
    )
    .await?;
    let data = w
        .rows
        .into_iter()
        .filter_map(|(r, x)| Fellow::of(r, &x, p.locale, &state.config.public_url))
        .collect();
    json(
        &req,
        &FellowList {
            data,
            next: next(&state, &FELLOWS, &p, w.more),
        },
    )
}

/// GET /api/v1/fellows/{slug}
#[utoipa::path(
    get,
    path = "/api/v1/fellows/{slug}",
    tag = "fellows",
    params(("slug" = String, Path, description = "The record's slug"), DetailQuery),
    responses(
        (status = 200, description = "The record", content_type = "application/json", body = Fellow),
        (status = 304, description = "Not modified since the ETag sent in If-None-Match"),
        (status = 400, description = "A parameter is unknown or invalid; `parameter` names it", content_type = "application/json", body = ErrorBody),
        (status = 404, description = "No published record has this slug", content_type = "application/json", body = ErrorBody),
        (status = 429, description = "Too many requests from this address; see Retry-After", content_type = "application/json", body = ErrorBody)
    )
)]
pub async fn fellow_detail(
    req: HttpRequest,
    state: web::Data<AppState>,
    key: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let locale = detail_lang(&req, &state)?;
    let select = fellow::Entity::find()
        .filter(fellow::Column::Slug.eq(key.as_str()))
        .filter(crate::programme::store::fellow_visible());
    let found = store::one::<fellow::Entity, fellow_translation::Entity>(&state.db, select)
        .await?
        .and_then(|(r, x)| Fellow::of(r, &x, locale, &state.config.public_url))
        .ok_or(ApiError::NotFound)?;
    json(&req, &found)
}
