//! Turns every error response (ours, or actix's own 404/405/413/400) into a
//! full page in the visitor's language. Pages that rendered themselves with
//! an error status (a form shown again with 422) pass through untouched.

use actix_web::body::MessageBody;
use actix_web::dev::ServiceResponse;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::{ErrorHandlerResponse, ErrorHandlers};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::error::{ErrorInfo, messages_for};
use crate::i18n::{self, Locale};
use crate::web::AppState;

use super::page::Page;

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    page: Page,
    status: u16,
    text: String,
}

pub fn middleware<B: MessageBody + 'static>() -> ErrorHandlers<B> {
    ErrorHandlers::new().default_handler(|res| {
        replace_page(res, |req, status, message| Some(page(req, status, message)))
    })
}

/// Gives an error response the page `render` makes of it (from the request,
/// the status and the message id), keeping its status and headers; a page
/// or JSON answer made on purpose, or one `render` declines (`None`), is
/// left as it is. The back office renders its own errors with this too.
pub fn replace_page<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
    render: impl FnOnce(&HttpRequest, u16, &'static str) -> Option<String>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let info = res.response().extensions().get::<ErrorInfo>().copied();
    // A page or a JSON answer (`/healthz`) made on purpose stays as it is.
    let deliberate = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html") || v.starts_with("application/json"));
    if info.is_none() && deliberate {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let message = info.map_or_else(|| messages_for(status.as_u16()).1, |i| i.message);
    let Some(body) = render(res.request(), status.as_u16(), message) else {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    };
    let (req, old) = res.into_parts();
    let mut new = HttpResponse::build(status);
    for (name, value) in old.headers() {
        // Keep Retry-After, Allow, Set-Cookie...; the body is new.
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            new.append_header((name.clone(), value.clone()));
        }
    }
    let new = new
        .insert_header((
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        ))
        .insert_header((header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
        .body(body);
    Ok(ErrorHandlerResponse::Response(
        ServiceResponse::new(req, new).map_into_right_body(),
    ))
}

/// The visitor's language for an error: the URL's, else the remembered one,
/// else Accept-Language.
pub fn locale_of(req: &HttpRequest) -> Locale {
    let first = req
        .path()
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or("");
    Locale::from_tag(first)
        .or_else(|| Locale::from_alias(first))
        .unwrap_or_else(|| {
            let cookie = req.cookie(i18n::LANG_COOKIE);
            let accept = req
                .headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok());
            i18n::negotiate(cookie.as_ref().map(|c| c.value()), accept)
        })
}

fn page(req: &HttpRequest, status: u16, message: &'static str) -> String {
    let locale = locale_of(req);
    let heading = messages_for(status).0;
    let (base, assets) = match req.app_data::<web::Data<AppState>>() {
        Some(s) => (s.base_url.clone(), s.asset_version.clone()),
        None => ("".into(), "0".into()),
    };
    // The switcher offers this same address in the other languages.
    let path = req.path().trim_start_matches('/');
    let (first, rest) = path.split_once('/').unwrap_or((path, ""));
    let same_page = Locale::from_tag(first).is_some() || Locale::from_alias(first).is_some();
    let rest = if same_page {
        format!("/{rest}")
    } else {
        "/".to_owned()
    };
    let mut page = Page::bare(
        locale,
        i18n::message(locale, heading, None),
        &rest,
        base,
        assets,
    );
    if same_page {
        page.query = req.query_string().to_owned();
    }
    let tpl = ErrorPage {
        text: i18n::message(locale, message, None),
        page,
        status,
    };
    tpl.render().unwrap_or_else(|e| {
        tracing::error!(error = %e, "error page failed to render");
        i18n::message(locale, heading, None)
    })
}
