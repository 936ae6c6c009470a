//! The chrome of every public page (`templates/base.html`): title, language
//! switcher, alternates, canonical URL, OpenGraph tags, notices, and the
//! helpers templates call to translate and format.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use fluent_templates::fluent_bundle::FluentValue;

use crate::i18n::{self, Args, Locale};

/// The part of the site a page belongs to, for the navigation.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Section {
    Home,
    Technologies,
    Needs,
    Events,
    News,
    Programme,
    About,
    Search,
    Other,
}

impl Section {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Home => "home",
            Self::Technologies => "technologies",
            Self::Needs => "needs",
            Self::Events => "events",
            Self::News => "news",
            Self::Programme => "programme",
            Self::About => "about",
            Self::Search => "search",
            Self::Other => "other",
        }
    }
}

/// Anything templates count with: askama hands values over by reference.
pub trait Count {
    fn as_i64(&self) -> i64;
}

macro_rules! count_impl {
    ($($t:ty),*) => {$(
        impl Count for $t {
            fn as_i64(&self) -> i64 { i64::try_from(*self).unwrap_or(i64::MAX) }
        }
        impl Count for &$t {
            fn as_i64(&self) -> i64 { i64::try_from(**self).unwrap_or(i64::MAX) }
        }
        impl Count for &&$t {
            fn as_i64(&self) -> i64 { i64::try_from(***self).unwrap_or(i64::MAX) }
        }
    )*};
}

count_impl!(i64, u64, i32, u32, i16, usize);

/// Translation and formatting in one language: what every template calls
/// (`page.t("nav-home")`), shared by public and back-office pages through `Deref`.
#[derive(Clone, Copy, Debug)]
pub struct Translator {
    pub locale: Locale,
}

impl Translator {
    pub fn t(&self, id: &str) -> String {
        i18n::message(self.locale, id, None)
    }

    /// A message with one string argument.
    pub fn ts(&self, id: &str, name: &'static str, value: &str) -> String {
        let mut args = Args::new();
        args.insert(name, FluentValue::from(value.to_owned()));
        i18n::message(self.locale, id, Some(&args))
    }

    /// A message with several string arguments.
    pub fn targs(&self, id: &str, values: &[(&'static str, &str)]) -> String {
        let mut args = Args::new();
        for (name, value) in values {
            args.insert(*name, FluentValue::from((*value).to_owned()));
        }
        i18n::message(self.locale, id, Some(&args))
    }

    /// A message with string and number arguments (numbers select plural
    /// forms and exact variants).
    pub fn tmixed(
        &self,
        id: &str,
        strings: &[(&'static str, &str)],
        numbers: &[(&'static str, i64)],
    ) -> String {
        let mut args = Args::new();
        for (name, value) in strings {
            args.insert(*name, FluentValue::from((*value).to_owned()));
        }
        for (name, value) in numbers {
            args.insert(*name, FluentValue::from(*value));
        }
        i18n::message(self.locale, id, Some(&args))
    }

    /// A message about a count: `$count` selects the plural form, `$n` is the
    /// number formatted for the language.
    pub fn tn(&self, id: &str, count: impl Count) -> String {
        let count = count.as_i64();
        let mut args = Args::new();
        args.insert("count", FluentValue::from(count));
        args.insert("n", FluentValue::from(self.num(count)));
        i18n::message(self.locale, id, Some(&args))
    }

    /// A coded value (field, country, kind...) named in the page's language:
    /// `code("country", "ID")` looks up `country-ID`.
    /// One line of an error summary: the field's name and the message, in
    /// this language's order and punctuation.
    pub fn error_item(&self, field: impl AsRef<str>, message: impl AsRef<str>) -> String {
        self.targs(
            "form-error-item",
            &[("field", field.as_ref()), ("message", message.as_ref())],
        )
    }

    /// A place and its country in this language's order ("Guangxi, China",
    /// 中国广西).
    pub fn place_in(&self, place: impl AsRef<str>, country: impl AsRef<str>) -> String {
        self.targs(
            "place-in-country",
            &[("place", place.as_ref()), ("country", country.as_ref())],
        )
    }

    /// An organisation and its country, for lists.
    pub fn org_in(&self, organisation: impl AsRef<str>, country: impl AsRef<str>) -> String {
        self.targs(
            "org-in-country",
            &[
                ("organisation", organisation.as_ref()),
                ("country", country.as_ref()),
            ],
        )
    }

    /// A heading and what it is about, with this language's colon.
    pub fn heading_about(&self, title: impl AsRef<str>, subject: impl AsRef<str>) -> String {
        self.targs(
            "heading-about",
            &[("title", title.as_ref()), ("subject", subject.as_ref())],
        )
    }

    /// A text with a note in brackets, in this language's brackets.
    pub fn aside(&self, text: impl AsRef<str>, aside: impl AsRef<str>) -> String {
        self.targs(
            "text-with-aside",
            &[("text", text.as_ref()), ("aside", aside.as_ref())],
        )
    }

    /// A label before markup a template writes itself (a link, a list),
    /// with this language's colon: `heading-about` split where its subject
    /// goes, so "Event: " / "相关活动：" come from Fluent, not the template.
    pub fn labelled(&self, label: impl AsRef<str>) -> Around {
        Around::split(self.targs(
            "heading-about",
            &[("title", label.as_ref()), ("subject", Around::MARK)],
        ))
    }

    /// A label standing alone before what it introduces ("Active filters:",
    /// "已选条件：").
    pub fn label(&self, label: impl AsRef<str>) -> String {
        self.labelled(label).before.trim_end().to_owned()
    }

    /// What goes between the items of a list: ", " or "、".
    pub fn list_separator(&self) -> String {
        self.t("list-separator")
    }

    /// The brackets of `text-with-aside`, for a note a template wraps in
    /// markup (`<span class="count">(12)</span>`): the space before the
    /// opening bracket (none in Chinese), the opening and the closing one.
    pub fn aside_marks(&self) -> AsideMarks {
        let whole = self.targs(
            "text-with-aside",
            &[("text", Around::MARK), ("aside", Around::MARK)],
        );
        let mut parts = whole.split(Around::MARK).skip(1);
        let between = parts.next().unwrap_or_default();
        let close = parts.next().unwrap_or_default().to_owned();
        let open = between.trim_start();
        AsideMarks {
            space: between[..between.len() - open.len()].to_owned(),
            open: open.to_owned(),
            close,
        }
    }

    /// A maturity level and its name ("TRL 7 — prototype ...",
    /// "TRL 7——..."), split where the level goes so a template can set it
    /// in bold.
    pub fn trl_named(&self, name: impl AsRef<str>) -> Around {
        Around::split(self.targs(
            "trl-named",
            &[("level", Around::MARK), ("name", name.as_ref())],
        ))
    }

    pub fn code(&self, prefix: &str, code: &str) -> String {
        i18n::message(self.locale, &format!("{prefix}-{code}"), None)
    }

    pub fn num(&self, n: impl Count) -> String {
        i18n::format_number(self.locale, n.as_i64())
    }

    pub fn date(&self, d: &DateTime<Utc>) -> String {
        i18n::format_date(self.locale, d.date_naive())
    }

    pub fn day(&self, d: &NaiveDate) -> String {
        i18n::format_date(self.locale, *d)
    }

    pub fn date_time_in(&self, d: &DateTime<Utc>, tz: &Tz) -> String {
        i18n::format_date_time(self.locale, *d, *tz)
    }

    /// A compact time for back-office tables: the centre's local time with
    /// its offset, so staff in Nanning read their own clock.
    pub fn stamp(&self, d: &DateTime<Utc>) -> String {
        d.with_timezone(&crate::config::centre_zone())
            .format("%Y-%m-%d %H:%M (UTC%:z)")
            .to_string()
    }

    /// A size in bytes, in kilobytes with the language's digit grouping.
    pub fn kilobytes(&self, bytes: impl Count) -> String {
        let kb = bytes.as_i64().saturating_add(1023) / 1024;
        let mut args = Args::new();
        args.insert("n", FluentValue::from(self.num(kb)));
        i18n::message(self.locale, "fmt-kilobytes", Some(&args))
    }

    /// A language named in itself (`zh-CN` → 中文), for a stored tag.
    pub fn language_name(&self, tag: &str) -> String {
        Locale::from_tag(tag).map_or_else(|| tag.to_owned(), |l| l.native_name().to_owned())
    }
}

impl std::ops::Deref for Page {
    type Target = Translator;
    fn deref(&self) -> &Translator {
        &self.tr
    }
}

/// A message split where one of its arguments goes, for a template that
/// writes that argument as markup: `{{ l.before }}<a ...>...</a>{{ l.after }}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Around {
    pub before: String,
    pub after: String,
}

impl Around {
    /// A character no message or text contains (Unicode private use).
    const MARK: &'static str = "\u{E000}";

    fn split(text: String) -> Self {
        match text.split_once(Self::MARK) {
            Some((before, after)) => Self {
                before: before.to_owned(),
                after: after.to_owned(),
            },
            None => Self {
                before: text,
                after: String::new(),
            },
        }
    }
}

/// The brackets of a note after a text, in a language's punctuation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AsideMarks {
    pub space: String,
    pub open: String,
    pub close: String,
}

/// One entry of the language switcher / hreflang alternates.
pub struct Alternate {
    pub locale: Locale,
    pub href: String,
    pub current: bool,
}

pub struct Page {
    pub locale: Locale,
    tr: Translator,
    pub section: Section,
    pub title: String,
    pub description: String,
    /// Path after the language segment, with its query kept for the switcher.
    path: String,
    pub query: String,
    base_url: Arc<str>,
    asset_version: Arc<str>,
    /// The language the main content is actually shown in, when a
    /// translation was missing.
    pub content_locale: Option<Locale>,
    /// The shown translation is older than its source text.
    pub outdated: bool,
    pub og_image: Option<String>,
    pub og_type: &'static str,
    pub noindex: bool,
    /// Whether the canonical URL keeps the query (paginated lists do).
    pub canonical_query: Option<String>,
    /// What the page is about, as schema.org JSON-LD for search engines,
    /// serialised and safe inside a `<script>` data block.
    pub json_ld: Vec<String>,
    /// Say that the site shows demonstration content.
    pub demo_notice: bool,
    /// A back-office preview of a record as saved: the banner says so and
    /// links back to this editor address.
    pub preview: Option<String>,
}

impl Page {
    /// The one constructor: the chrome of a page from its parts (`Ctx::page`
    /// for pages under `/{lang}/`, `bare` for error pages).
    pub fn new(
        locale: Locale,
        section: Section,
        title: String,
        path: String,
        query: String,
        base_url: Arc<str>,
        asset_version: Arc<str>,
    ) -> Self {
        Self {
            locale,
            tr: Translator { locale },
            section,
            title,
            description: String::new(),
            path,
            query,
            base_url,
            asset_version,
            content_locale: None,
            outdated: false,
            og_image: None,
            og_type: "website",
            noindex: false,
            canonical_query: None,
            json_ld: Vec::new(),
            demo_notice: false,
            preview: None,
        }
    }

    /// Adds a schema.org description (JSON-LD) of what the page shows. `<`,
    /// `>` and `&` are written as JSON escapes, so no text in it can close
    /// the script element it sits in.
    pub fn add_json_ld(&mut self, mut value: serde_json::Value) {
        if let Some(o) = value.as_object_mut() {
            o.insert("@context".into(), "https://schema.org".into());
            o.insert("inLanguage".into(), self.content_lang().into());
        }
        let json = value
            .to_string()
            .replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026");
        self.json_ld.push(json);
    }

    /// The centre as a schema.org organisation, named in the page's
    /// language: the organiser of events, the publisher of news.
    pub fn organization(&self) -> serde_json::Value {
        serde_json::json!({
            "@type": "Organization",
            "name": self.t("site-name"),
            "url": self.abs(&self.href("/")),
            "logo": self.abs(&self.asset("img/logo.svg")),
            "address": {
                "@type": "PostalAddress",
                "addressLocality": "Nanning",
                "addressRegion": "Guangxi",
                "addressCountry": "CN",
            },
        })
    }

    /// A page outside the `/{lang}/` tree (error pages), never indexed.
    pub fn bare(
        locale: Locale,
        title: String,
        path: &str,
        base_url: Arc<str>,
        asset_version: Arc<str>,
    ) -> Self {
        let mut page = Self::new(
            locale,
            Section::Other,
            title,
            path.to_owned(),
            String::new(),
            base_url,
            asset_version,
        );
        page.noindex = true;
        page
    }

    pub fn with_description(mut self, d: impl Into<String>) -> Self {
        self.description = d.into();
        self
    }

    /// Records which language the content was shown in, so the page can say
    /// so when it differs from the one asked for.
    pub fn with_content(mut self, shown: Locale, outdated: bool) -> Self {
        if shown != self.locale {
            self.content_locale = Some(shown);
        }
        self.outdated = outdated && shown == self.locale;
        self
    }

    // --- links -----------------------------------------------------------------

    pub fn lang(&self) -> &'static str {
        self.locale.tag()
    }

    /// A path inside the page's language: `/news` -> `/en/news`.
    pub fn href(&self, path: &str) -> String {
        format!("/{}{}", self.locale.tag(), path)
    }

    /// `href_to("/news/", slug)` -> `/en/news/<slug>`.
    pub fn href_to(&self, prefix: &str, slug: &str) -> String {
        format!("/{}{prefix}{slug}", self.locale.tag())
    }

    /// `href_to_suffixed("/events/", slug, ".ics")` -> `/en/events/<slug>.ics`.
    pub fn href_to_suffixed(&self, prefix: &str, slug: &str, suffix: &str) -> String {
        format!("/{}{prefix}{slug}{suffix}", self.locale.tag())
    }

    pub fn abs(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    /// A static asset with its content version, so it can be cached forever.
    pub fn asset(&self, path: &str) -> String {
        format!("/static/{path}?v={}", self.asset_version)
    }

    pub fn canonical(&self) -> String {
        let mut url = self.abs(&self.href(&self.path));
        if let Some(q) = self.canonical_query.as_deref().filter(|q| !q.is_empty()) {
            url.push('?');
            url.push_str(q);
        }
        url
    }

    /// The same page in every language, keeping the query, for the switcher.
    pub fn alternates(&self) -> Vec<Alternate> {
        Locale::all()
            .map(|l| {
                let mut href = format!("/{}{}", l.tag(), self.path);
                if !self.query.is_empty() {
                    href.push('?');
                    href.push_str(&self.query);
                }
                Alternate {
                    locale: l,
                    href,
                    current: l == self.locale,
                }
            })
            .collect()
    }

    /// Absolute URLs of this page in every language, for `hreflang` links.
    /// The page in each language, with the same canonical query (page 2 of
    /// a list has page 2 in each language as its alternates).
    pub fn hreflang(&self) -> Vec<(&'static str, String)> {
        Locale::all()
            .map(|l| (l.tag(), self.canonical_in(l)))
            .collect()
    }

    pub fn x_default(&self) -> String {
        self.canonical_in(Locale::default())
    }

    fn canonical_in(&self, l: Locale) -> String {
        let mut url = self.abs(&format!("/{}{}", l.tag(), self.path));
        if let Some(q) = self.canonical_query.as_deref().filter(|q| !q.is_empty()) {
            url.push('?');
            url.push_str(q);
        }
        url
    }

    pub fn other_og_locales(&self) -> Vec<&'static str> {
        Locale::all()
            .filter(|l| *l != self.locale)
            .map(Locale::og_locale)
            .collect()
    }

    pub fn is(&self, section: &str) -> bool {
        self.section.as_str() == section
    }

    /// The fallback notice: "shown in English because ... is missing".
    pub fn fallback_notice(&self) -> Option<String> {
        let shown = self.content_locale?;
        let mut args = Args::new();
        // The language is named in the page's language, by a Fluent selector.
        args.insert("shown", FluentValue::from(shown.tag()));
        Some(i18n::message(self.locale, "notice-fallback", Some(&args)))
    }

    pub fn content_lang(&self) -> &'static str {
        self.content_locale.unwrap_or(self.locale).tag()
    }
}
