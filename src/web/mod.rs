//! What every page shares: the request context, the page chrome, HTML
//! responses, and the middleware around every request.

pub mod client;
mod ctx;
pub mod error_pages;
pub mod forms;
mod html;
pub mod middleware;
mod page;
pub mod upload;

pub use ctx::Ctx;
pub use html::{Html, not_modified_or};
pub use page::{Page, Section, Tr};
