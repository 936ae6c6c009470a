//! The public, read-only JSON API under `/api/v1/`: published technologies,
//! needs, events, news, calls and fellows, listed in cursor pages (filters,
//! `lang`, `updated_since`) and one by one, each with all its translations
//! and their status, and the OpenAPI document generated from this code.
//!
//! Only what the public pages show leaves here: the records are chosen by
//! the same visibility rules as the pages (each section's `visible()`), and
//! the record types (`records`) name every field that is sent, so a contact,
//! an address hash or an editor's note cannot slip out with a whole row.
//! Every answer has an ETag (304 on `If-None-Match`), is open to any origin
//! for GET (CORS), and counts against a per-address limit kept in the
//! database (`ratelimit`), so it holds across instances. Errors are JSON
//! (`ErrorBody`), never the HTML error page, and name the bad parameter.
//! `page` is the human description of all this, in the site's languages.

mod handlers;
pub mod page;
mod records;
mod store;

use std::fmt;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{HttpRequest, HttpResponse, ResponseError, web};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::AppError;
use crate::i18n::Locale;
use crate::ratelimit::Limit;
use crate::web::AppState;
use crate::web::client::{client_key, keyed_hash};

pub use handlers::{ApiDoc, openapi_json};

/// Where the API lives; the paths of the OpenAPI document start with it.
pub const BASE: &str = "/api/v1";
/// Records a list page holds unless `limit` says otherwise, and at most.
pub const DEFAULT_LIMIT: u64 = 20;
pub const MAX_LIMIT: u64 = 100;
/// The window of the per-address limit (`Config::api_rate_limit` a window).
const RATE_WINDOW: chrono::Duration = chrono::Duration::minutes(1);

/// What every failure of the API answers: a code a program can test, the
/// parameter at fault when there is one, and a sentence for its developer.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    /// `bad_parameter`, `not_found`, `too_many_requests`, `unavailable` or
    /// `internal`.
    pub error: &'static str,
    /// The query parameter that was refused.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
    pub message: String,
}

/// The API's failures. Bad input and "not public" are answered as such;
/// a database fault goes through `AppError`'s policy (logged, 500 or 503).
#[derive(Debug)]
pub enum ApiError {
    BadParameter {
        parameter: String,
        message: &'static str,
    },
    NotFound,
    TooManyRequests {
        retry_after_secs: u64,
    },
    App(AppError),
}

impl ApiError {
    fn bad(parameter: &str, message: &'static str) -> Self {
        Self::BadParameter {
            parameter: parameter.to_owned(),
            message,
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BadParameter { parameter, message } => write!(f, "{parameter}: {message}"),
            Self::NotFound => f.write_str("not found"),
            Self::TooManyRequests { .. } => f.write_str("too many requests"),
            Self::App(e) => e.fmt(f),
        }
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        Self::App(e)
    }
}

impl From<sea_orm::DbErr> for ApiError {
    fn from(e: sea_orm::DbErr) -> Self {
        Self::App(e.into())
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::BadParameter { .. } => StatusCode::BAD_REQUEST,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::App(e) => e.status_code(),
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        let body = match self {
            Self::BadParameter { parameter, message } => ErrorBody {
                error: "bad_parameter",
                parameter: Some(parameter.clone()),
                message: (*message).to_owned(),
            },
            Self::NotFound => ErrorBody {
                error: "not_found",
                parameter: None,
                message: "No published record has this address.".to_owned(),
            },
            Self::TooManyRequests { .. } => ErrorBody {
                error: "too_many_requests",
                parameter: None,
                message: "Too many requests from this address; wait as Retry-After says."
                    .to_owned(),
            },
            Self::App(e) => {
                if status == StatusCode::SERVICE_UNAVAILABLE {
                    tracing::warn!(error = %e, "api: database unavailable");
                } else {
                    tracing::error!(error = %e, "api request failed");
                }
                ErrorBody {
                    error: if status == StatusCode::SERVICE_UNAVAILABLE {
                        "unavailable"
                    } else {
                        "internal"
                    },
                    parameter: None,
                    message: "The server could not answer; try again later.".to_owned(),
                }
            }
        };
        let mut res = HttpResponse::build(status);
        res.content_type("application/json")
            .insert_header((header::CACHE_CONTROL, "no-store"));
        match self {
            Self::TooManyRequests { retry_after_secs } => {
                res.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
            }
            _ if status == StatusCode::SERVICE_UNAVAILABLE => {
                res.insert_header((header::RETRY_AFTER, "5"));
            }
            _ => {}
        }
        res.body(serde_json::to_string(&body).unwrap_or_default())
    }
}

/// A JSON answer with its content hash as ETag, or 304 when the client
/// already has it; caches revalidate (`no-cache`), since records change
/// when editors publish.
pub fn json<T: Serialize>(req: &HttpRequest, value: &T) -> Result<HttpResponse, ApiError> {
    let body = serde_json::to_vec(value).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(crate::web::not_modified_or(req, "application/json", body))
}

/// How a query parameter is checked.
#[derive(Clone, Copy)]
enum Check {
    /// One of a vocabulary's codes (repeatable where the catalogue allows).
    OneOf(&'static [&'static str]),
    /// A readiness level, 1 to 9.
    Trl,
    /// A year.
    Year,
    /// Search words, at most this many characters.
    Words(usize),
}

/// A kind of record as the API lists it: its name in paths and the
/// filters its list accepts besides the common ones.
pub struct Kind {
    name: &'static str,
    filters: &'static [(&'static str, Check)],
}

/// The parameters every list accepts, checked: the rest (the kind's
/// filters) stay as they came, in `filters`.
pub struct ListParams {
    pub locale: Locale,
    pub limit: u64,
    /// The id of the last record of the previous page (from the cursor):
    /// this page starts after it.
    pub after: Option<i32>,
    pub updated_since: Option<DateTime<Utc>>,
    pub filters: Vec<(String, String)>,
    /// The query as given, less the cursor: the next page's link adds its own.
    rest: Vec<(String, String)>,
}

impl ListParams {
    /// The first value of a filter.
    pub fn filter(&self, name: &str) -> Option<&str> {
        self.filters
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The filters as a query string, for the catalogue's own parser.
    pub fn filter_query(&self) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &self.filters {
            s.append_pair(k, v);
        }
        s.finish()
    }
}

/// Checks a list's query: every parameter known, every value valid; the
/// first one that is not is named in the 400.
pub fn list_params(raw: &str, kind: &Kind, secret: &[u8]) -> Result<ListParams, ApiError> {
    let mut p = ListParams {
        locale: Locale::default(),
        limit: DEFAULT_LIMIT,
        after: None,
        updated_since: None,
        filters: Vec::new(),
        rest: Vec::new(),
    };
    for (k, v) in form_urlencoded::parse(raw.as_bytes()) {
        let (k, v) = (k.into_owned(), v.into_owned());
        match k.as_str() {
            "lang" => {
                p.locale = Locale::from_tag(&v)
                    .ok_or_else(|| ApiError::bad("lang", "not a language of the site"))?;
            }
            "limit" => {
                p.limit = v
                    .parse::<u64>()
                    .ok()
                    .filter(|n| (1..=MAX_LIMIT).contains(n))
                    .ok_or_else(|| ApiError::bad("limit", "a whole number from 1 to 100"))?;
            }
            "cursor" => {
                p.after = cursor_after(&v, kind.name, secret)
                    .map(Some)
                    .ok_or_else(|| ApiError::bad("cursor", "not a cursor this list gave"))?;
                continue;
            }
            "updated_since" => {
                p.updated_since = Some(
                    DateTime::parse_from_rfc3339(&v)
                        .map_err(|_| {
                            ApiError::bad("updated_since", "an RFC 3339 date and time with offset")
                        })?
                        .with_timezone(&Utc),
                );
            }
            name => {
                let Some((_, check)) = kind.filters.iter().find(|(f, _)| *f == name) else {
                    return Err(ApiError::bad(name, "unknown parameter"));
                };
                if !valid(*check, &v) {
                    return Err(ApiError::bad(name, "not a valid value"));
                }
                p.filters.push((k.clone(), v.clone()));
            }
        }
        p.rest.push((k, v));
    }
    Ok(p)
}

fn valid(check: Check, v: &str) -> bool {
    match check {
        Check::OneOf(list) => list.contains(&v),
        Check::Trl => v
            .parse::<i16>()
            .is_ok_and(|n| crate::taxonomy::TRL_RANGE.contains(&n)),
        Check::Year => v.parse::<i32>().is_ok_and(|y| (1900..=9999).contains(&y)),
        Check::Words(max) => v.chars().count() <= max,
    }
}

/// A cursor: the id of the last record a page gave (lists are in id
/// order), signed with the secret key so that only cursors this list gave
/// are taken (and read as opaque). A key, not a position: records added or
/// removed during a walk shift no page, so none is skipped or repeated.
fn cursor(kind: &str, after: i32, secret: &[u8]) -> String {
    let sig = keyed_hash(secret, &format!("api-cursor-after:{kind}:{after}"));
    URL_SAFE_NO_PAD.encode(format!("{after}.{}", &sig[..16.min(sig.len())]))
}

fn cursor_after(token: &str, kind: &str, secret: &[u8]) -> Option<i32> {
    let raw = String::from_utf8(URL_SAFE_NO_PAD.decode(token).ok()?).ok()?;
    let (after, _) = raw.split_once('.')?;
    let after: i32 = after.parse().ok()?;
    (cursor(kind, after, secret) == token).then_some(after)
}

/// The link to the page after one whose last record was `after`: the same
/// query with that page's cursor.
fn next_link(state: &AppState, kind: &Kind, p: &ListParams, after: i32) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in &p.rest {
        s.append_pair(k, v);
    }
    s.append_pair(
        "cursor",
        &cursor(kind.name, after, &state.config.secret_key),
    );
    format!(
        "{}{BASE}/{}?{}",
        state.config.public_url,
        kind.name,
        s.finish()
    )
}

/// Around every answer under `/api/v1/`: the per-address limit (not for
/// preflights, which browsers send on their own), and the CORS headers
/// that let any site's script read what any visitor can read.
pub async fn guard(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    if req.method() != Method::OPTIONS
        && let Some(state) = req.app_data::<web::Data<AppState>>().cloned()
        && state.config.api_rate_limit > 0
    {
        let limit = Limit {
            bucket: "api",
            max: state.config.api_rate_limit,
            window: RATE_WINDOW,
        };
        let key = client_key(req.request(), &state);
        let refusal = match limit.hit(&state.db, &key).await {
            Ok(Some(_)) => None,
            Ok(None) => Some(ApiError::TooManyRequests {
                retry_after_secs: limit.retry_after_secs(),
            }),
            Err(e) => Some(ApiError::from(e)),
        };
        if let Some(e) = refusal {
            return Ok(cors(req.into_response(e.error_response())));
        }
    }
    let res = next.call(req).await?.map_into_boxed_body();
    Ok(cors(res))
}

fn cors(mut res: ServiceResponse<BoxBody>) -> ServiceResponse<BoxBody> {
    let h = res.headers_mut();
    h.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    // Scripts elsewhere may read these too (ETag to revalidate, Retry-After
    // to wait).
    h.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static("ETag, Retry-After"),
    );
    res
}

/// OPTIONS on any API path: the CORS preflight's answer.
pub async fn preflight() -> HttpResponse {
    HttpResponse::NoContent()
        .insert_header((header::ACCESS_CONTROL_ALLOW_METHODS, "GET, OPTIONS"))
        .insert_header((header::ACCESS_CONTROL_ALLOW_HEADERS, "If-None-Match"))
        .insert_header((header::ACCESS_CONTROL_MAX_AGE, "86400"))
        .finish()
}

/// Any other path under `/api/v1/`: a JSON 404, not the HTML page.
pub async fn not_found() -> ApiError {
    ApiError::NotFound
}

impl actix_web::Responder for ApiError {
    type Body = BoxBody;

    fn respond_to(self, _req: &HttpRequest) -> HttpResponse {
        self.error_response()
    }
}

/// The routes under `/api/v1`, for the route table.
pub fn routes(cfg: &mut web::ServiceConfig) {
    handlers::routes(cfg);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_are_signed() {
        let c = cursor("news", 40, b"secret");
        assert_eq!(cursor_after(&c, "news", b"secret"), Some(40));
        assert_eq!(cursor_after(&c, "events", b"secret"), None);
        assert_eq!(cursor_after(&c, "news", b"other"), None);
        let forged = URL_SAFE_NO_PAD.encode("80.0000000000000000");
        assert_eq!(cursor_after(&forged, "news", b"secret"), None);
        assert_eq!(cursor_after("%%%", "news", b"secret"), None);
    }
}
