//! What every page shares: the request context, the page chrome, HTML
//! responses, and the middleware around every request.

pub mod assets;
pub mod client;
pub mod compress;
mod ctx;
pub mod error_pages;
pub mod forms;
mod html;
pub mod middleware;
mod page;
pub mod page_cache;
mod pager;
pub mod signed;
mod state;
pub mod upload;

pub use ctx::Ctx;
pub use html::{Html, not_modified_or};
pub use page::{Page, Section, Translator};
pub use pager::{PageLink, Pager};
pub use state::{AppState, IMAGE_DECODES_AT_ONCE};

/// "303 See Other" to `location`: the answer to every successful form
/// post, so that reloading the next page does not post again.
pub fn see_other(location: &str) -> actix_web::HttpResponse {
    actix_web::HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, location.to_owned()))
        .finish()
}

/// An instant for a `datetime` attribute: whole seconds in UTC, because the
/// HTML spec allows at most three fraction digits and the database keeps six.
pub fn iso(d: impl Instant) -> String {
    d.utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// What `iso` accepts: a UTC instant, by value or by reference.
pub trait Instant {
    fn utc(&self) -> chrono::DateTime<chrono::Utc>;
}

impl Instant for chrono::DateTime<chrono::Utc> {
    fn utc(&self) -> chrono::DateTime<chrono::Utc> {
        *self
    }
}

impl<T: Instant + ?Sized> Instant for &T {
    fn utc(&self) -> chrono::DateTime<chrono::Utc> {
        (**self).utc()
    }
}
