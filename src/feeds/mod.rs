//! What other sites, feed readers and calendars read: the Atom news feed per
//! language, iCalendar files per event and per language, and the sitemap
//! with hreflang alternates. All of it answers conditional requests.

mod atom;
mod calendar;
mod sitemap;

pub use atom::news_feed;
pub use calendar::{event_ics, events_calendar};
pub use sitemap::{sitemap, sitemap_part};

/// The host part of the public URL, for tag URIs and UIDs.
pub fn host_of(base_url: &str) -> &str {
    base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest)
        .split('/')
        .next()
        .unwrap_or("localhost")
}
