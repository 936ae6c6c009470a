//! Languages, message lookup and locale-aware formatting.
//!
//! Which languages exist is data (`locales/languages.toml` and one folder of
//! Fluent files per language), so adding Thai or Vietnamese is not a code
//! change. Everything here is read-only after start-up.

mod format;
mod locale;
mod messages;
mod negotiate;

pub use format::{format_date, format_date_time, format_number, format_time_span, format_zone};
pub use locale::Locale;
pub use messages::{Args, has_message, message};
pub use negotiate::{LANG_COOKIE, negotiate};
