//! The records the API sends, field by field: what the public pages show
//! of each kind, and nothing else (no contacts, no address hashes, no
//! status or editors' bookkeeping). Each carries the text chosen for the
//! requested language (`text`, following the site's fallbacks) and every
//! language's text with its status (`translations`).

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::entities::*;
use crate::i18n::Locale;
use crate::taxonomy::{self, ASEAN, MODES};
use crate::translation::{self, Status, Translated};

/// How a translation stands against the text it was translated from.
#[derive(Serialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum TextStatus {
    /// In step with the source text (or the source text itself).
    UpToDate,
    /// The source text changed since it was translated.
    Outdated,
    /// Not translated into this language (its text fields are empty).
    Missing,
}

impl From<Status> for TextStatus {
    fn from(s: Status) -> Self {
        match s {
            Status::UpToDate => Self::UpToDate,
            Status::Outdated => Self::Outdated,
            Status::Missing => Self::Missing,
        }
    }
}

/// A translation row as the API shows it: `out` for a row that exists,
/// `missing` for a language without one.
pub trait Text: Translated {
    type Out: Serialize;
    fn out(&self, status: TextStatus) -> Self::Out;
    fn missing(lang: &'static str) -> Self::Out;
}

/// A record's texts as sent: the one chosen and all of them.
pub struct Texts<O> {
    /// The language of `main`.
    pub lang: &'static str,
    pub main: O,
    pub all: Vec<O>,
}

/// The text for `want` (with the site's fallbacks), and one per language
/// of the site with its status; `None` when the record has no text at all
/// (the public pages do not show it either).
pub fn texts<T: Text>(rows: &[T], source_lang: &str, want: Locale) -> Option<Texts<T::Out>> {
    let picked = translation::pick(rows, want, source_lang)?;
    let lang = picked.locale.tag();
    let main = picked
        .text
        .out(translation::status(rows, lang, source_lang).into());
    let all = Locale::all()
        .map(|l| {
            let status = translation::status(rows, l.tag(), source_lang);
            match rows
                .iter()
                .find(|r| r.lang() == l.tag() && !r.is_blank())
                .filter(|_| status != Status::Missing)
            {
                Some(r) => r.out(status.into()),
                None => T::missing(l.tag()),
            }
        })
        .collect();
    Some(Texts { lang, main, all })
}

macro_rules! text_type {
    ($(#[$doc:meta])* $name:ident for $row:ident { $($field:ident),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Serialize, ToSchema)]
        pub struct $name {
            /// Language tag (zh-CN, en, id).
            pub lang: &'static str,
            pub status: TextStatus,
            $(pub $field: String,)*
            /// When this text was last changed (absent when missing).
            pub updated_at: Option<DateTime<Utc>>,
        }

        impl Text for $row::Model {
            type Out = $name;
            fn out(&self, status: TextStatus) -> $name {
                $name {
                    lang: Locale::from_tag(&self.lang).map_or("", Locale::tag),
                    status,
                    $($field: self.$field.clone(),)*
                    updated_at: Some(self.updated_at),
                }
            }
            fn missing(lang: &'static str) -> $name {
                $name {
                    lang,
                    status: TextStatus::Missing,
                    $($field: String::new(),)*
                    updated_at: None,
                }
            }
        }
    };
}

text_type!(
    /// A technology's text in one language (description and scenarios in Markdown).
    TechnologyText for technology_translation { title, summary, description, scenarios, provider }
);
text_type!(
    /// A need's text in one language (description in Markdown).
    NeedText for need_translation { title, description }
);
text_type!(
    /// An event's text in one language (body in Markdown).
    EventText for event_translation { title, summary, body, venue, city }
);
text_type!(
    /// A news item's text in one language (body in Markdown).
    NewsText for news_translation { title, summary, body }
);
text_type!(
    /// A call's text in one language (description in Markdown).
    CallText for call_translation { title, description }
);
text_type!(
    /// A fellow's text in one language (bio in Markdown).
    FellowText for fellow_translation { home_institution, host_institution, research, bio }
);

/// Where a record's page is, in the language its text is shown in.
fn page_url(public_url: &str, lang: &str, path: &str) -> String {
    format!("{public_url}/{lang}{path}")
}

/// A published technology offered for transfer.
#[derive(Serialize, ToSchema)]
pub struct Technology {
    pub id: i32,
    pub slug: String,
    /// Its page on the portal, in `lang`.
    pub url: String,
    /// The language of `text`: the one asked for, or its nearest fallback.
    pub lang: &'static str,
    pub field: String,
    /// Technology readiness level, 1 to 9.
    pub trl: i16,
    pub ip_status: String,
    pub cooperation_modes: Vec<&'static str>,
    /// ASEAN countries it is offered to (ISO 3166-1 alpha-2).
    pub countries: Vec<&'static str>,
    pub province: String,
    pub featured: bool,
    /// The language it was written in.
    pub source_lang: String,
    pub published_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub text: TechnologyText,
    /// Every language of the site, with its status.
    pub translations: Vec<TechnologyText>,
}

impl Technology {
    pub fn of(
        t: technology::Model,
        rows: &[technology_translation::Model],
        want: Locale,
        public_url: &str,
    ) -> Option<Self> {
        let Texts {
            lang,
            main: text,
            all: translations,
        } = texts(rows, &t.source_lang, want)?;
        Some(Self {
            url: page_url(public_url, want.tag(), &format!("/technologies/{}", t.slug)),
            id: t.id,
            slug: t.slug,
            lang,
            field: t.field,
            trl: t.trl,
            ip_status: t.ip_status,
            cooperation_modes: taxonomy::unmask(MODES, t.coop_modes),
            countries: taxonomy::unmask(ASEAN, t.countries),
            province: t.province,
            featured: t.featured,
            source_lang: t.source_lang,
            published_at: t.publish_at,
            expires_at: t.expires_at,
            updated_at: t.updated_at,
            text,
            translations,
        })
    }
}

/// A published technology need of an ASEAN organisation (who posted it and
/// how to reach them stay with the centre).
#[derive(Serialize, ToSchema)]
pub struct Need {
    pub id: i32,
    pub slug: String,
    pub url: String,
    pub lang: &'static str,
    pub field: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub organisation: String,
    pub source_lang: String,
    pub published_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub text: NeedText,
    pub translations: Vec<NeedText>,
}

impl Need {
    pub fn of(
        n: need::Model,
        rows: &[need_translation::Model],
        want: Locale,
        public_url: &str,
    ) -> Option<Self> {
        let Texts {
            lang,
            main: text,
            all: translations,
        } = texts(rows, &n.source_lang, want)?;
        Some(Self {
            url: page_url(public_url, want.tag(), &format!("/needs/{}", n.slug)),
            id: n.id,
            slug: n.slug,
            lang,
            field: n.field,
            country: n.country,
            organisation: n.organisation,
            source_lang: n.source_lang,
            published_at: n.publish_at,
            expires_at: n.expires_at,
            updated_at: n.updated_at,
            text,
            translations,
        })
    }
}

/// A published event.
#[derive(Serialize, ToSchema)]
pub struct Event {
    pub id: i32,
    pub slug: String,
    pub url: String,
    pub lang: &'static str,
    pub kind: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The IANA time zone it takes place in.
    pub timezone: String,
    pub country: String,
    pub registration_url: String,
    pub registration_closes_at: Option<DateTime<Utc>>,
    pub source_lang: String,
    pub published_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub text: EventText,
    pub translations: Vec<EventText>,
}

impl Event {
    pub fn of(
        e: event::Model,
        rows: &[event_translation::Model],
        want: Locale,
        public_url: &str,
    ) -> Option<Self> {
        let Texts {
            lang,
            main: text,
            all: translations,
        } = texts(rows, &e.source_lang, want)?;
        Some(Self {
            url: page_url(public_url, want.tag(), &format!("/events/{}", e.slug)),
            id: e.id,
            slug: e.slug,
            lang,
            kind: e.kind,
            starts_at: e.starts_at,
            ends_at: e.ends_at,
            timezone: e.timezone,
            country: e.country,
            registration_url: e.registration_url,
            registration_closes_at: e.registration_closes_at,
            source_lang: e.source_lang,
            published_at: e.publish_at,
            updated_at: e.updated_at,
            text,
            translations,
        })
    }
}

/// A published news item.
#[derive(Serialize, ToSchema)]
pub struct News {
    pub id: i32,
    pub slug: String,
    pub url: String,
    pub lang: &'static str,
    /// The event it reports on, by id, when it does.
    pub event_id: Option<i32>,
    pub source_lang: String,
    pub published_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub text: NewsText,
    pub translations: Vec<NewsText>,
}

impl News {
    pub fn of(
        n: news::Model,
        rows: &[news_translation::Model],
        want: Locale,
        public_url: &str,
    ) -> Option<Self> {
        let Texts {
            lang,
            main: text,
            all: translations,
        } = texts(rows, &n.source_lang, want)?;
        Some(Self {
            url: page_url(public_url, want.tag(), &format!("/news/{}", n.slug)),
            id: n.id,
            slug: n.slug,
            lang,
            event_id: n.event_id,
            source_lang: n.source_lang,
            published_at: n.publish_at,
            updated_at: n.updated_at,
            text,
            translations,
        })
    }
}

/// A published call for applications to the fellowship programme.
#[derive(Serialize, ToSchema)]
pub struct Call {
    pub id: i32,
    /// The programme's page (it shows the current call).
    pub url: String,
    pub lang: &'static str,
    pub cohort_year: i32,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub decisions_at: Option<DateTime<Utc>>,
    pub source_lang: String,
    pub updated_at: DateTime<Utc>,
    pub text: CallText,
    pub translations: Vec<CallText>,
}

impl Call {
    pub fn of(
        c: programme_call::Model,
        rows: &[call_translation::Model],
        want: Locale,
        public_url: &str,
    ) -> Option<Self> {
        let Texts {
            lang,
            main: text,
            all: translations,
        } = texts(rows, &c.source_lang, want)?;
        Some(Self {
            url: page_url(public_url, want.tag(), "/programme"),
            id: c.id,
            lang,
            cohort_year: c.cohort_year,
            opens_at: c.opens_at,
            closes_at: c.closes_at,
            decisions_at: c.decisions_at,
            source_lang: c.source_lang,
            updated_at: c.updated_at,
            text,
            translations,
        })
    }
}

/// A fellow of the programme, as the fellows' page shows them.
#[derive(Serialize, ToSchema)]
pub struct Fellow {
    pub id: i32,
    pub slug: String,
    pub url: String,
    pub lang: &'static str,
    pub name: String,
    /// The name in Chinese characters, when given.
    pub name_zh: String,
    pub country: String,
    pub cohort_year: i32,
    pub field: String,
    pub source_lang: String,
    pub published_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub text: FellowText,
    pub translations: Vec<FellowText>,
}

impl Fellow {
    pub fn of(
        f: fellow::Model,
        rows: &[fellow_translation::Model],
        want: Locale,
        public_url: &str,
    ) -> Option<Self> {
        let Texts {
            lang,
            main: text,
            all: translations,
        } = texts(rows, &f.source_lang, want)?;
        Some(Self {
            url: page_url(
                public_url,
                want.tag(),
                &format!("/programme/fellows/{}", f.slug),
            ),
            id: f.id,
            slug: f.slug,
            lang,
            name: f.name,
            name_zh: f.name_zh,
            country: f.country,
            cohort_year: f.cohort_year,
            field: f.field,
            source_lang: f.source_lang,
            published_at: f.publish_at,
            updated_at: f.updated_at,
            text,
            translations,
        })
    }
}

macro_rules! list_type {
    ($($(#[$doc:meta])* $name:ident of $record:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Serialize, ToSchema)]
        pub struct $name {
            pub data: Vec<$record>,
            /// The next page (the same query with its cursor); absent on the last.
            pub next: Option<String>,
        }
    )*};
}

list_type!(
    /// A page of technologies.
    TechnologyList of Technology,
    /// A page of needs.
    NeedList of Need,
    /// A page of events.
    EventList of Event,
    /// A page of news.
    NewsList of News,
    /// A page of calls.
    CallList of Call,
    /// A page of fellows.
    FellowList of Fellow,
);
