//! Builders for test records, so that a test states the data it depends on
//! instead of leaning on the demo content. Each builder starts from a
//! complete record, published where the kind is published, with texts in
//! the three languages; a test changes what its assertions depend on and
//! inserts it through the entities, as the demo loader does, with the
//! search entry rebuilt as a save in the back office rebuilds it.
//!
//! ```ignore
//! let rice = TechnologyBuilder::new("hybrid-rice")
//!     .title("id", "Padi hibrida untuk sawah tropis")
//!     .countries(&["ID", "VN"])
//!     .insert(t.conn())
//!     .await;
//! get(&app, &format!("/id/technologies/{}", rice.slug)).await;
//! ```
//!
//! Unset texts are the record's name (from its slug) marked with their
//! language, "Hybrid rice [zh-CN]", so that pages in different languages
//! differ and a failure shows which text was used.

mod about;
mod accounts;
mod catalog;
mod events;
mod media;
mod news;
mod programme;

pub use about::*;
pub use accounts::*;
pub use catalog::*;
pub use events::*;
pub use media::*;
pub use news::*;
pub use programme::*;

use chrono::{DateTime, Duration, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use techbridge::db::now;

use super::LANGS;

/// A record a builder inserted: its id, and its slug where it has one.
#[derive(Clone, Debug)]
pub struct Made {
    pub id: i32,
    pub slug: String,
}

/// "hybrid-rice-for-paddies" → "Hybrid rice for paddies".
fn name_of(slug: &str) -> String {
    let words = slug.replace('-', " ");
    let mut c = words.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The record's name as written in `lang` when a test gives no text.
fn in_lang(name: &str, lang: &str) -> String {
    if lang == "en" {
        name.to_owned()
    } else {
        format!("{name} [{lang}]")
    }
}

fn lang_tag(lang: &str) -> &'static str {
    LANGS
        .iter()
        .copied()
        .find(|l| *l == lang)
        .unwrap_or_else(|| panic!("{lang} is not a language of the site"))
}

/// A text of one language of a record, with sample values.
trait Sample {
    fn sample(name: &str, lang: &str) -> Self;
}

/// The texts of a record by language, in the site's order.
struct Texts<T> {
    name: String,
    by_lang: Vec<(&'static str, T)>,
}

impl<T: Sample> Texts<T> {
    fn every_language(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            by_lang: LANGS.iter().map(|l| (*l, T::sample(name, l))).collect(),
        }
    }

    /// Changes the text in `lang`, adding that language if it had none.
    fn edit(&mut self, lang: &str, change: impl FnOnce(&mut T)) {
        let lang = lang_tag(lang);
        if !self.by_lang.iter().any(|(l, _)| *l == lang) {
            self.by_lang.push((lang, T::sample(&self.name, lang)));
            self.by_lang
                .sort_by_key(|(l, _)| LANGS.iter().position(|x| x == l));
        }
        if let Some((_, t)) = self.by_lang.iter_mut().find(|(l, _)| *l == lang) {
            change(t);
        }
    }

    fn keep(&mut self, langs: &[&str]) {
        self.by_lang.retain(|(l, _)| langs.contains(l));
        assert!(
            !self.by_lang.is_empty(),
            "a record needs a text in one language at least"
        );
    }

    /// English when present, else the first language: what the others
    /// were translated from (as the demo loader decides).
    fn source(&self) -> String {
        if self.by_lang.iter().any(|(l, _)| *l == "en") {
            "en".to_owned()
        } else {
            self.by_lang[0].0.to_owned()
        }
    }
}

/// A time `days` from now, at `time` ("09:00") in the zone `tz`.
fn local_day(tz: Tz, days: i64, time: &str) -> DateTime<Utc> {
    let day = (now() + Duration::days(days))
        .with_timezone(&tz)
        .date_naive();
    local(tz, &format!("{}T{time}", day.format("%Y-%m-%d")))
}

/// "2026-09-16T09:00" in the zone `tz`.
fn local(tz: Tz, at: &str) -> DateTime<Utc> {
    let naive = NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M")
        .unwrap_or_else(|e| panic!("{at}: {e} (write 2026-09-16T09:00)"));
    tz.from_local_datetime(&naive)
        .earliest()
        .unwrap_or_else(|| panic!("{at} does not exist in {tz}"))
        .with_timezone(&Utc)
}

fn rfc3339(at: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(at)
        .unwrap_or_else(|e| panic!("{at}: {e} (write 2022-10-25T10:00:00Z)"))
        .with_timezone(&Utc)
}
