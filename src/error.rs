//! The one error type of the portal. Handlers return `Result<_, AppError>`;
//! the response it makes carries only a status and a message id, and the
//! error-page middleware (`web::error_pages`) turns that into a full page in
//! the visitor's language.
//!
//! The policy, in one place:
//! - **Input the visitor can correct** is not an `AppError` at all: the form
//!   is shown again with 422, the message at the field, everything typed
//!   kept (`web::forms::FieldErrors`). `BadRequest` is for bad input that
//!   has no form to show it next to (a malformed link), `Forbidden` for a
//!   missing right or a stale CSRF token; each carries the id of its own
//!   explanation.
//! - **Limits** answer 429 (`TooManyRequests`, from `ratelimit`) or 503
//!   (`Busy`: bounded work with no free turn; `Unavailable`: the database
//!   cannot be reached), always with `Retry-After`. They are expected under
//!   load and logged at most as warnings.
//! - **Everything else is our fault** (`Db`, `Template`, `Internal`, and the
//!   `From` conversions below): 500, the cause logged at error level with
//!   the request, never shown; the visitor sees the translated apology.
//! - Which heading and explanation each status gets is `messages_for`, used
//!   by our errors and by actix's own (404, 405, 413...) alike.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use sea_orm::DbErr;

use crate::db;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// Bad input that has no form to show it next to; the id is a Fluent message.
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    #[error("too many requests")]
    TooManyRequests { retry_after_secs: u64 },
    #[error("payload too large")]
    PayloadTooLarge,
    /// The client took longer than the request deadline to send its request.
    #[error("request timeout")]
    Timeout,
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// Work bounded to a few at a time (password checks) had no free slot
    /// within a short wait.
    #[error("busy")]
    Busy { retry_after_secs: u64 },
    #[error("database error: {0}")]
    Db(DbErr),
    #[error("template error: {0}")]
    Template(#[from] askama::Error),
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<DbErr> for AppError {
    fn from(e: DbErr) -> Self {
        if db::is_unavailable(&e) {
            Self::Unavailable(e.to_string())
        } else {
            Self::Db(e)
        }
    }
}

/// Failures that can only be ours (a blocking task that panicked, a header
/// we built wrongly, a CSV writer over memory): 500, cause logged.
macro_rules! internal_from {
    ($($t:ty),* $(,)?) => {$(
        impl From<$t> for AppError {
            fn from(e: $t) -> Self {
                Self::Internal(e.to_string())
            }
        }
    )*};
}

internal_from!(
    actix_web::error::BlockingError,
    actix_web::error::HttpError,
    tokio::sync::AcquireError,
    csv::Error,
);

impl<W> From<csv::IntoInnerError<W>> for AppError {
    fn from(e: csv::IntoInnerError<W>) -> Self {
        Self::Internal(e.to_string())
    }
}

impl<E: std::fmt::Debug + std::fmt::Display> From<sea_orm::TransactionError<E>> for AppError
where
    E: Into<AppError>,
{
    fn from(e: sea_orm::TransactionError<E>) -> Self {
        match e {
            sea_orm::TransactionError::Connection(db) => db.into(),
            sea_orm::TransactionError::Transaction(inner) => inner.into(),
        }
    }
}

/// What the error-page middleware needs to render a page: attached to the
/// response as an extension.
#[derive(Debug, Clone, Copy)]
pub struct ErrorInfo {
    /// Fluent id of the explanation shown under the heading.
    pub message: &'static str,
}

/// The heading and the explanation (Fluent ids) of an error page for
/// `status`, when the error names no explanation of its own.
pub fn messages_for(status: u16) -> (&'static str, &'static str) {
    match status {
        404 | 405 => ("error-not-found-title", "error-not-found-text"),
        403 => ("error-forbidden-title", "error-forbidden-text"),
        408 => ("error-timeout-title", "error-timeout-text"),
        413 => ("error-too-large-title", "error-too-large-text"),
        429 => ("error-too-many-title", "error-too-many-text"),
        503 => ("error-unavailable-title", "error-unavailable-text"),
        400..=499 => ("error-bad-request-title", "error-bad-request-text"),
        _ => ("error-internal-title", "error-internal-text"),
    }
}

impl AppError {
    fn message_id(&self) -> &'static str {
        match self {
            Self::BadRequest(id) | Self::Forbidden(id) => id,
            Self::Busy { .. } => "error-busy-text",
            _ => messages_for(self.status_code().as_u16()).1,
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Timeout => StatusCode::REQUEST_TIMEOUT,
            Self::Unavailable(_) | Self::Busy { .. } => StatusCode::SERVICE_UNAVAILABLE,
            Self::Db(_) | Self::Template(_) | Self::Internal(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Self::Db(_) | Self::Template(_) | Self::Internal(_) => {
                tracing::error!(error = %self, "request failed");
            }
            Self::Unavailable(_) => tracing::warn!(error = %self, "database unavailable"),
            _ => {}
        }
        let mut res = HttpResponse::build(self.status_code());
        match self {
            Self::TooManyRequests { retry_after_secs } | Self::Busy { retry_after_secs } => {
                res.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
            }
            Self::Unavailable(_) => {
                res.insert_header((header::RETRY_AFTER, HeaderValue::from_static("5")));
            }
            _ => {}
        }
        let mut res = res.finish();
        res.extensions_mut().insert(ErrorInfo {
            message: self.message_id(),
        });
        res
    }
}
