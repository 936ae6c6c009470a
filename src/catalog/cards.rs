//! Technology cards as lists show them (catalogue, home, needs, related
//! technologies): one narrow row each, the query words highlighted. Its
//! own file so that the needs pages use it without importing the
//! catalogue's handlers (which show needs in turn).

use crate::i18n::Locale;
use crate::media::Image;
use crate::search::snippet::{escape_char, highlight};

use super::store;

/// A result card, with the query words highlighted (safe HTML).
pub struct CardView {
    pub slug: String,
    pub title_html: String,
    pub summary_html: String,
    pub provider: String,
    pub field: String,
    pub trl: i16,
    pub countries: Vec<&'static str>,
    pub lang: &'static str,
    pub fallback: bool,
    pub image: Option<Image>,
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        escape_char(c, &mut out);
    }
    out
}

pub fn card_views(cards: Vec<store::Card>, q: &str, locale: Locale) -> Vec<CardView> {
    cards
        .into_iter()
        .map(|c| CardView {
            title_html: if q.is_empty() {
                escape(&c.title)
            } else {
                highlight(&c.title, q, 200)
            },
            summary_html: if q.is_empty() {
                escape(&c.summary)
            } else {
                crate::search::snippet::best(&[&c.summary, &c.details], q, 240)
            },
            provider: c.provider,
            field: c.field,
            trl: c.trl,
            countries: c.countries,
            lang: c.shown.tag(),
            fallback: c.shown != locale,
            image: c.image,
            slug: c.slug,
        })
        .collect()
}
