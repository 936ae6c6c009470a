//! Middleware around every request: security headers, the remembered
//! language, caching of static assets, and the cross-site request check.

use actix_web::body::MessageBody;
use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::{DefaultHeaders, Next};
use actix_web::{Error, ResponseError, web};

use crate::error::AppError;
use crate::i18n::{LANG_COOKIE, Locale};
use crate::web::AppState;

/// Headers every response carries. No inline script or style anywhere, so
/// the policy needs no `unsafe-inline`. Served as `https://` (its public
/// URL says so), the portal also tells browsers to use nothing else for a
/// year, subdomains included (HSTS); over plain HTTP that header would be
/// ignored, and is not sent.
pub fn security_headers(https: bool) -> DefaultHeaders {
    let headers = if https {
        DefaultHeaders::new().add((
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        ))
    } else {
        DefaultHeaders::new()
    };
    headers
        .add((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ))
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::X_FRAME_OPTIONS, "DENY"))
        .add((header::REFERRER_POLICY, "strict-origin-when-cross-origin"))
        .add((
            header::HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        ))
        .add((
            header::HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ))
}

/// Remembers the language of the page the visitor is on, so `/` sends them
/// back to it next time. Only set when it changes, to keep pages cacheable.
pub async fn remember_language(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let path_locale = req.match_info().get("lang").and_then(Locale::from_tag);
    let remembered = req.cookie(LANG_COOKIE).map(|c| c.value().to_owned());
    let secure = req
        .app_data::<web::Data<AppState>>()
        .is_some_and(|s| s.config.secure_cookies);
    let mut res = next.call(req).await?;
    if let Some(l) = path_locale
        && remembered.as_deref() != Some(l.tag())
        && res.status().is_success()
    {
        let cookie = Cookie::build(LANG_COOKIE, l.tag())
            .path("/")
            .max_age(CookieDuration::days(365))
            .same_site(SameSite::Lax)
            .http_only(true)
            .secure(secure)
            .finish();
        res.response_mut().add_cookie(&cookie)?;
    }
    Ok(res)
}

/// First line of defence against cross-site request forgery: a state-changing
/// request that a browser marks as cross-site, or whose Origin is not ours,
/// is refused before it reaches a handler. (Back-office forms also carry a
/// session-bound token.)
pub async fn same_origin_writes(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<actix_web::body::EitherBody<impl MessageBody>>, Error> {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe && is_cross_site(&req) {
        let res = AppError::Forbidden("error-csrf-text").error_response();
        return Ok(req.into_response(res).map_into_right_body());
    }
    Ok(next.call(req).await?.map_into_left_body())
}

fn is_cross_site(req: &ServiceRequest) -> bool {
    let headers = req.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && !matches!(site, "same-origin" | "none")
    {
        return true;
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    if origin == "null" {
        return true;
    }
    let origin_host = origin.split_once("://").map_or(origin, |(_, h)| h);
    let host = req.connection_info().host().to_owned();
    let public_host = req.app_data::<web::Data<AppState>>().and_then(|s| {
        s.config
            .public_url
            .split_once("://")
            .map(|(_, h)| h.to_owned())
    });
    origin_host != host && Some(origin_host) != public_host.as_deref()
}

/// A deadline for the request body: actix bounds only the time to the end
/// of the headers, so a client trickling its body a byte at a time would
/// otherwise hold a connection for ever. Past the deadline the body stream
/// fails, the handler's extractor answers 408 (forms) or 400 (uploads), and
/// nothing is written: handlers read the whole body before they store.
pub async fn deadline(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    use actix_web::HttpMessage;
    use futures_util::StreamExt;
    use futures_util::future::{Either, select};

    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.call(req).await;
    }
    let limit = req
        .app_data::<web::Data<AppState>>()
        .map_or(std::time::Duration::from_secs(60), |s| {
            s.config.request_timeout
        });
    let timer = Box::pin(tokio::time::sleep(limit));
    let body =
        futures_util::stream::unfold(Some((req.take_payload(), timer)), |state| async move {
            let (mut body, timer) = state?;
            match select(body.next(), timer).await {
                Either::Left((Some(item), timer)) => Some((item, Some((body, timer)))),
                Either::Left((None, _)) => None,
                Either::Right(_) => Some((
                    Err(actix_web::error::PayloadError::Io(std::io::Error::new(
                        std::io::ErrorKind::TimedOut,
                        "request body deadline passed",
                    ))),
                    None,
                )),
            }
        });
    // Fused: multipart polls again after the end, which unfold forbids.
    req.set_payload(actix_web::dev::Payload::Stream {
        payload: Box::pin(body.fuse()),
    });
    next.call(req).await
}

/// A NUL byte is never part of a meaningful address here, and PostgreSQL
/// cannot compare text with one in it: refuse such a URL at the door rather
/// than let a slug look-up turn it into a database error.
pub async fn refuse_nul(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<actix_web::body::EitherBody<impl MessageBody>>, Error> {
    let uri = req.uri().path_and_query().map_or("", |p| p.as_str());
    if has_encoded_nul(uri) {
        let res = AppError::BadRequest("error-bad-request-text").error_response();
        return Ok(req.into_response(res).map_into_right_body());
    }
    Ok(next.call(req).await?.map_into_left_body())
}

fn has_encoded_nul(uri: &str) -> bool {
    uri.as_bytes()
        .windows(3)
        .any(|w| w[0] == b'%' && w[1] == b'0' && w[2] == b'0')
}

/// Hands the request id of the log lines back to the client, so that a
/// visitor reporting a problem can quote it.
pub async fn request_id_header(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    use actix_web::HttpMessage;
    let id = req
        .extensions()
        .get::<tracing_actix_web::RequestId>()
        .map(ToString::to_string);
    let mut res = next.call(req).await?;
    if let Some(value) = id.and_then(|id| HeaderValue::from_str(&id).ok()) {
        res.headers_mut()
            .insert(header::HeaderName::from_static("x-request-id"), value);
    }
    Ok(res)
}

/// The request log's line for each request: method, route, path, status,
/// request id, and who asked as the same keyed hash the rate limits count
/// by (`web::client`: the connection's address, or `X-Forwarded-For` only
/// behind a trusted proxy), never the address itself. (The stock span
/// takes `X-Forwarded-For`/`Forwarded` from anyone, and logs them raw.)
/// The query string is left out: it can carry an amendment token.
pub struct RequestSpan;

impl tracing_actix_web::RootSpanBuilder for RequestSpan {
    fn on_request_start(req: &ServiceRequest) -> tracing::Span {
        use actix_web::HttpMessage;
        let client = req
            .app_data::<web::Data<AppState>>()
            .map(|s| super::client::client_key(req.request(), s))
            .unwrap_or_default();
        let request_id = req
            .extensions()
            .get::<tracing_actix_web::RequestId>()
            .map(ToString::to_string)
            .unwrap_or_default();
        tracing::info_span!(
            "HTTP request",
            http.method = %req.method(),
            http.route = %req.match_pattern().unwrap_or_else(|| "default".to_owned()),
            http.path = %req.path(),
            http.status_code = tracing::field::Empty,
            otel.status_code = tracing::field::Empty,
            client = %client,
            request_id = %request_id,
            exception.message = tracing::field::Empty,
            exception.details = tracing::field::Empty,
        )
    }

    fn on_request_end<B: MessageBody>(
        span: tracing::Span,
        outcome: &Result<ServiceResponse<B>, Error>,
    ) {
        tracing_actix_web::DefaultRootSpanBuilder::on_request_end(span, outcome);
    }
}

/// A form sent without JavaScript carries every field, filled or not
/// (`?q=&field=agriculture&country=&sort=`). Such an address is answered
/// with a redirect to the same page without the empty ones, so that the
/// address bar, the history and a shared link say only what was chosen.
/// The browser keeps the fragment (`#results`) across the redirect.
pub async fn drop_empty_params(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<actix_web::body::EitherBody<impl MessageBody>>, Error> {
    if matches!(*req.method(), Method::GET | Method::HEAD)
        && let Some(clean) = without_empty_params(req.query_string())
    {
        let path = req.path();
        let location = if clean.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{clean}")
        };
        let res = actix_web::HttpResponse::Found()
            .insert_header((header::LOCATION, location))
            .finish();
        return Ok(req.into_response(res).map_into_right_body());
    }
    Ok(next.call(req).await?.map_into_left_body())
}

/// The query without its empty parameters, or `None` when it has none.
fn without_empty_params(query: &str) -> Option<String> {
    let empty = |k: &str, v: &str| k.is_empty() || v.trim().is_empty();
    if !form_urlencoded::parse(query.as_bytes()).any(|(k, v)| empty(&k, &v)) {
        return None;
    }
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in form_urlencoded::parse(query.as_bytes()) {
        if !empty(&k, &v) {
            out.append_pair(&k, &v);
        }
    }
    Some(out.finish())
}

#[cfg(test)]
mod tests {
    use super::without_empty_params;

    #[test]
    fn empty_parameters_are_dropped_and_the_rest_kept_in_order() {
        assert_eq!(without_empty_params("q=rice&field=agriculture"), None);
        assert_eq!(without_empty_params(""), None);
        assert_eq!(
            without_empty_params("q=&field=agriculture&country=&sort=").as_deref(),
            Some("field=agriculture")
        );
        assert_eq!(
            without_empty_params("q=penjernihan+air&field=water&field=&page=").as_deref(),
            Some("q=penjernihan+air&field=water")
        );
        assert_eq!(without_empty_params("q=+&=x").as_deref(), Some(""));
    }
}
