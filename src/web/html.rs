//! Rendered responses with a content hash as ETag, so a repeated request
//! is answered 304 without sending the body again.

use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpRequest, HttpResponse, Responder};
use askama::Template;

use crate::error::AppError;

/// A rendered HTML page.
pub struct Html {
    body: String,
    status: StatusCode,
    private: bool,
    personal: bool,
}

impl Html {
    pub fn render<T: Template>(template: &T) -> Result<Self, AppError> {
        Ok(Self {
            body: template.render()?,
            status: StatusCode::OK,
            private: false,
            personal: false,
        })
    }

    /// A page made for one visitor (a form with its own token): never
    /// stored, by browsers or by the page cache.
    pub fn private(mut self) -> Self {
        self.private = true;
        self
    }

    /// A page that shows someone's data or a token that opens it (a status
    /// look-up, an amendment form, a page reached with a signed link): as
    /// `private`, and marked so for every cache between (`no-store,
    /// private`), never with an ETag.
    pub fn personal(mut self) -> Self {
        self.private = true;
        self.personal = true;
        self
    }

    /// A form shown again with its errors: 422, never cached.
    pub fn unprocessable(mut self) -> Self {
        self.status = StatusCode::UNPROCESSABLE_ENTITY;
        self
    }

    pub fn with_status(mut self, status: StatusCode) -> Self {
        self.status = status;
        self
    }

    pub fn into_response(self, req: &HttpRequest) -> HttpResponse {
        self.respond_to(req)
    }
}

impl Responder for Html {
    type Body = actix_web::body::BoxBody;

    fn respond_to(self, req: &HttpRequest) -> HttpResponse {
        if self.status == StatusCode::OK && !self.private {
            not_modified_or(req, "text/html; charset=utf-8", self.body.into_bytes())
        } else {
            let cache = if self.personal {
                "no-store, private"
            } else {
                "no-store"
            };
            HttpResponse::build(self.status)
                .content_type("text/html; charset=utf-8")
                .insert_header((header::CACHE_CONTROL, cache))
                .body(self.body)
        }
    }
}

/// 200 with the body and an ETag, or 304 when the client already has it.
/// Caches must revalidate (`no-cache`): content changes when editors publish.
pub fn not_modified_or(req: &HttpRequest, content_type: &str, body: Vec<u8>) -> HttpResponse {
    // The same on every instance (fixed seed), fast on a whole page.
    let hash =
        std::hash::BuildHasher::hash_one(&foldhash::quality::FixedState::with_seed(0), &body);
    let etag = format!("\"{hash:016x}\"");
    let cacheable = matches!(*req.method(), Method::GET | Method::HEAD);
    if cacheable && if_none_match(req, &etag) {
        return HttpResponse::NotModified()
            .insert_header((header::ETAG, etag))
            .insert_header((header::CACHE_CONTROL, "no-cache"))
            .finish();
    }
    let mut res = HttpResponse::Ok();
    res.content_type(content_type);
    if let Ok(v) = HeaderValue::from_str(&etag) {
        res.insert_header((header::ETAG, v));
    }
    res.insert_header((header::CACHE_CONTROL, "no-cache"));
    res.body(body)
}

pub(super) fn if_none_match(req: &HttpRequest, etag: &str) -> bool {
    req.headers()
        .get_all(header::IF_NONE_MATCH)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim().trim_start_matches("W/"))
        .any(|t| t == etag || t == "*")
}
