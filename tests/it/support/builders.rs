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

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use techbridge::db::now;
use techbridge::entities::*;
use techbridge::taxonomy::{self, ASEAN, MODES};

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

// ---------------------------------------------------------------------------
// Technologies

#[derive(Clone)]
pub struct TechnologyText {
    pub title: String,
    pub summary: String,
    pub description: String,
    pub scenarios: String,
    pub provider: String,
}

impl Sample for TechnologyText {
    fn sample(name: &str, lang: &str) -> Self {
        let title = in_lang(name, lang);
        Self {
            summary: format!("{title}: what it is, in one sentence."),
            description: format!("{title}: how it works and where it has been used."),
            scenarios: format!("{title}: where it fits."),
            provider: "Guangxi Test Institute".to_owned(),
            title,
        }
    }
}

/// A published technology in agriculture, TRL 7, granted patent, offered
/// for licensing to Indonesia, with texts in the three languages.
pub struct TechnologyBuilder {
    slug: String,
    field: String,
    trl: i16,
    ip_status: String,
    modes: Vec<String>,
    countries: Vec<String>,
    province: String,
    featured: bool,
    contact: (String, String, String),
    website: String,
    status: String,
    published: DateTime<Utc>,
    expires: Option<DateTime<Utc>>,
    picture: Option<i32>,
    texts: Texts<TechnologyText>,
}

impl TechnologyBuilder {
    pub fn new(slug: &str) -> Self {
        Self {
            slug: slug.to_owned(),
            field: "agriculture".to_owned(),
            trl: 7,
            ip_status: "patent_granted".to_owned(),
            modes: vec!["licensing".to_owned()],
            countries: vec!["ID".to_owned()],
            province: "guangxi".to_owned(),
            featured: false,
            contact: (
                "Li Wen".to_owned(),
                "li.wen@institute.example.cn".to_owned(),
                String::new(),
            ),
            website: String::new(),
            status: "published".to_owned(),
            published: now() - Duration::days(1),
            expires: None,
            picture: None,
            texts: Texts::every_language(&name_of(slug)),
        }
    }

    pub fn title(mut self, lang: &str, title: &str) -> Self {
        self.texts.edit(lang, |t| t.title = title.to_owned());
        self
    }

    /// The picture shown on its page and card (`MediaBuilder`).
    pub fn picture(mut self, media_id: i32) -> Self {
        self.picture = Some(media_id);
        self
    }

    pub fn description(mut self, lang: &str, description: &str) -> Self {
        self.texts
            .edit(lang, |t| t.description = description.to_owned());
        self
    }

    /// Texts in these languages only (the others fall back).
    pub fn only_in(mut self, langs: &[&str]) -> Self {
        self.texts.keep(langs);
        self
    }

    pub fn field(mut self, field: &str) -> Self {
        self.field = field.to_owned();
        self
    }

    pub fn trl(mut self, trl: i16) -> Self {
        self.trl = trl;
        self
    }

    pub fn ip_status(mut self, ip: &str) -> Self {
        self.ip_status = ip.to_owned();
        self
    }

    pub fn modes(mut self, modes: &[&str]) -> Self {
        self.modes = modes.iter().map(|m| m.to_string()).collect();
        self
    }

    /// ASEAN countries it is offered to (`ID`, `VN`...).
    pub fn countries(mut self, countries: &[&str]) -> Self {
        self.countries = countries.iter().map(|c| c.to_string()).collect();
        self
    }

    pub fn featured(mut self) -> Self {
        self.featured = true;
        self
    }

    pub fn contact(mut self, name: &str, email: &str, phone: &str) -> Self {
        self.contact = (name.to_owned(), email.to_owned(), phone.to_owned());
        self
    }

    pub fn website(mut self, url: &str) -> Self {
        self.website = url.to_owned();
        self
    }

    /// `draft`, `published`...
    pub fn status(mut self, status: &str) -> Self {
        self.status = status.to_owned();
        self
    }

    pub fn published_days_ago(mut self, days: i64) -> Self {
        self.published = now() - Duration::days(days);
        self
    }

    /// Its listing ended `days` ago.
    pub fn expired_days_ago(mut self, days: i64) -> Self {
        self.expires = Some(now() - Duration::days(days));
        self
    }

    pub async fn insert(self, db: &impl ConnectionTrait) -> Made {
        let t = now();
        let saved = technology::ActiveModel {
            slug: Set(self.slug.clone()),
            field: Set(self.field),
            trl: Set(self.trl),
            ip_status: Set(self.ip_status),
            coop_modes: Set(taxonomy::mask(MODES, self.modes.iter().map(String::as_str))),
            countries: Set(taxonomy::mask(
                ASEAN,
                self.countries.iter().map(String::as_str),
            )),
            province: Set(self.province),
            featured: Set(self.featured),
            contact_name: Set(self.contact.0),
            contact_email: Set(self.contact.1),
            contact_phone: Set(self.contact.2),
            website: Set(self.website),
            status: Set(self.status),
            publish_at: Set(Some(self.published)),
            expires_at: Set(self.expires),
            source_lang: Set(self.texts.source()),
            created_at: Set(self.published),
            updated_at: Set(t),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap_or_else(|e| panic!("technology {}: {e}", self.slug));
        for (lang, x) in self.texts.by_lang {
            technology_translation::ActiveModel {
                technology_id: Set(saved.id),
                lang: Set(lang.to_owned()),
                title: Set(x.title),
                summary: Set(x.summary),
                description: Set(x.description),
                scenarios: Set(x.scenarios),
                provider: Set(x.provider),
                revision: Set(1),
                source_revision: Set(1),
                updated_at: Set(t),
                ..Default::default()
            }
            .insert(db)
            .await
            .expect("technology text");
        }
        if let Some(media_id) = self.picture {
            technology_image::ActiveModel {
                technology_id: Set(saved.id),
                media_id: Set(media_id),
                position: Set(0),
                ..Default::default()
            }
            .insert(db)
            .await
            .expect("technology picture");
        }
        techbridge::catalog::store::reindex(db, saved.id)
            .await
            .expect("technology search entry");
        Made {
            id: saved.id,
            slug: self.slug,
        }
    }
}

// ---------------------------------------------------------------------------
// News

#[derive(Clone)]
pub struct NewsText {
    pub title: String,
    pub summary: String,
    pub body: String,
}

impl Sample for NewsText {
    fn sample(name: &str, lang: &str) -> Self {
        let title = in_lang(name, lang);
        Self {
            summary: format!("{title}: the news in one sentence."),
            body: format!("{title}: the whole story."),
            title,
        }
    }
}

/// A news item published yesterday, with texts in the three languages.
pub struct NewsBuilder {
    slug: String,
    event: Option<i32>,
    cover: Option<i32>,
    status: String,
    published: DateTime<Utc>,
    texts: Texts<NewsText>,
}

impl NewsBuilder {
    pub fn new(slug: &str) -> Self {
        Self {
            slug: slug.to_owned(),
            event: None,
            cover: None,
            status: "published".to_owned(),
            published: now() - Duration::days(1),
            texts: Texts::every_language(&name_of(slug)),
        }
    }

    pub fn title(mut self, lang: &str, title: &str) -> Self {
        self.texts.edit(lang, |t| t.title = title.to_owned());
        self
    }

    pub fn summary(mut self, lang: &str, summary: &str) -> Self {
        self.texts.edit(lang, |t| t.summary = summary.to_owned());
        self
    }

    pub fn body(mut self, lang: &str, body: &str) -> Self {
        self.texts.edit(lang, |t| t.body = body.to_owned());
        self
    }

    pub fn only_in(mut self, langs: &[&str]) -> Self {
        self.texts.keep(langs);
        self
    }

    /// The event it reports on.
    pub fn event(mut self, event_id: i32) -> Self {
        self.event = Some(event_id);
        self
    }

    pub fn cover(mut self, media_id: i32) -> Self {
        self.cover = Some(media_id);
        self
    }

    pub fn status(mut self, status: &str) -> Self {
        self.status = status.to_owned();
        self
    }

    /// "2022-10-25T10:00:00Z"; in the future, it is scheduled.
    pub fn published(mut self, at: &str) -> Self {
        self.published = rfc3339(at);
        self
    }

    pub fn published_days_ago(mut self, days: i64) -> Self {
        self.published = now() - Duration::days(days);
        self
    }

    pub async fn insert(self, db: &impl ConnectionTrait) -> Made {
        let saved = news::ActiveModel {
            slug: Set(self.slug.clone()),
            event_id: Set(self.event),
            cover_id: Set(self.cover),
            status: Set(self.status),
            publish_at: Set(Some(self.published)),
            expires_at: Set(None),
            source_lang: Set(self.texts.source()),
            created_at: Set(self.published),
            updated_at: Set(self.published),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap_or_else(|e| panic!("news {}: {e}", self.slug));
        for (lang, x) in self.texts.by_lang {
            news_translation::ActiveModel {
                news_id: Set(saved.id),
                lang: Set(lang.to_owned()),
                title: Set(x.title),
                summary: Set(x.summary),
                body: Set(x.body),
                revision: Set(1),
                source_revision: Set(1),
                updated_at: Set(self.published),
                ..Default::default()
            }
            .insert(db)
            .await
            .expect("news text");
        }
        techbridge::news::store::reindex(db, saved.id)
            .await
            .expect("news search entry");
        Made {
            id: saved.id,
            slug: self.slug,
        }
    }
}

// ---------------------------------------------------------------------------
// Events

#[derive(Clone)]
pub struct EventText {
    pub title: String,
    pub summary: String,
    pub body: String,
    pub venue: String,
    pub city: String,
}

impl Sample for EventText {
    fn sample(name: &str, lang: &str) -> Self {
        let title = in_lang(name, lang);
        Self {
            summary: format!("{title}: the event in one sentence."),
            body: format!("{title}: the programme."),
            venue: "Nanning International Convention and Exhibition Center".to_owned(),
            city: "Nanning".to_owned(),
            title,
        }
    }
}

/// A published forum in Nanning thirty days from now, 09:00 to 17:00
/// Asia/Shanghai, with texts in the three languages.
pub struct EventBuilder {
    slug: String,
    kind: String,
    timezone: Tz,
    starts: DateTime<Utc>,
    ends: DateTime<Utc>,
    country: String,
    registration_url: String,
    cover: Option<i32>,
    status: String,
    texts: Texts<EventText>,
}

impl EventBuilder {
    pub fn new(slug: &str) -> Self {
        let tz = chrono_tz::Asia::Shanghai;
        Self {
            slug: slug.to_owned(),
            kind: "forum".to_owned(),
            timezone: tz,
            starts: local_day(tz, 30, "09:00"),
            ends: local_day(tz, 30, "17:00"),
            country: "CN".to_owned(),
            registration_url: String::new(),
            cover: None,
            status: "published".to_owned(),
            texts: Texts::every_language(&name_of(slug)),
        }
    }

    pub fn title(mut self, lang: &str, title: &str) -> Self {
        self.texts.edit(lang, |t| t.title = title.to_owned());
        self
    }

    pub fn summary(mut self, lang: &str, summary: &str) -> Self {
        self.texts.edit(lang, |t| t.summary = summary.to_owned());
        self
    }

    pub fn venue(mut self, lang: &str, venue: &str, city: &str) -> Self {
        self.texts.edit(lang, |t| {
            t.venue = venue.to_owned();
            t.city = city.to_owned();
        });
        self
    }

    pub fn only_in(mut self, langs: &[&str]) -> Self {
        self.texts.keep(langs);
        self
    }

    /// `forum`, `training`, `matchmaking`...
    pub fn kind(mut self, kind: &str) -> Self {
        self.kind = kind.to_owned();
        self
    }

    pub fn country(mut self, country: &str) -> Self {
        self.country = country.to_owned();
        self
    }

    /// The zone its times are given in (set it before the times).
    pub fn timezone(mut self, tz: &str) -> Self {
        self.timezone = tz.parse().unwrap_or_else(|_| panic!("time zone {tz}"));
        self
    }

    /// From `starts` to `ends`, local times ("2022-09-16T09:00").
    pub fn at(mut self, starts: &str, ends: &str) -> Self {
        self.starts = local(self.timezone, starts);
        self.ends = local(self.timezone, ends);
        self
    }

    /// On days counted from today (negative: past), at local times.
    pub fn in_days(mut self, starts: (i64, &str), ends: (i64, &str)) -> Self {
        self.starts = local_day(self.timezone, starts.0, starts.1);
        self.ends = local_day(self.timezone, ends.0, ends.1);
        self
    }

    pub fn cover(mut self, media_id: i32) -> Self {
        self.cover = Some(media_id);
        self
    }

    pub async fn insert(self, db: &impl ConnectionTrait) -> Made {
        let t = now();
        let saved = event::ActiveModel {
            slug: Set(self.slug.clone()),
            kind: Set(self.kind),
            starts_at: Set(self.starts),
            ends_at: Set(self.ends),
            timezone: Set(self.timezone.name().to_owned()),
            country: Set(self.country),
            registration_url: Set(self.registration_url),
            registration_closes_at: Set(None),
            cover_id: Set(self.cover),
            status: Set(self.status),
            publish_at: Set(Some(
                (self.starts - Duration::days(60)).min(t - Duration::days(1)),
            )),
            expires_at: Set(None),
            source_lang: Set(self.texts.source()),
            created_at: Set(t),
            updated_at: Set(t),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap_or_else(|e| panic!("event {}: {e}", self.slug));
        for (lang, x) in self.texts.by_lang {
            event_translation::ActiveModel {
                event_id: Set(saved.id),
                lang: Set(lang.to_owned()),
                title: Set(x.title),
                summary: Set(x.summary),
                body: Set(x.body),
                venue: Set(x.venue),
                city: Set(x.city),
                revision: Set(1),
                source_revision: Set(1),
                updated_at: Set(t),
                ..Default::default()
            }
            .insert(db)
            .await
            .expect("event text");
        }
        techbridge::events::store::reindex(db, saved.id)
            .await
            .expect("event search entry");
        Made {
            id: saved.id,
            slug: self.slug,
        }
    }
}

// ---------------------------------------------------------------------------
// Needs

#[derive(Clone)]
pub struct NeedText {
    pub title: String,
    pub description: String,
}

impl Sample for NeedText {
    fn sample(name: &str, lang: &str) -> Self {
        let title = in_lang(name, lang);
        Self {
            description: format!("{title}: what is needed, where and for whom."),
            title,
        }
    }
}

/// A published need in agriculture from Indonesia, posted ten days ago,
/// open for two hundred days, with texts in the three languages.
pub struct NeedBuilder {
    slug: String,
    field: String,
    country: String,
    organisation: String,
    contact: (String, String),
    status: String,
    posted: DateTime<Utc>,
    expires: DateTime<Utc>,
    texts: Texts<NeedText>,
}

impl NeedBuilder {
    pub fn new(slug: &str) -> Self {
        Self {
            slug: slug.to_owned(),
            field: "agriculture".to_owned(),
            country: "ID".to_owned(),
            organisation: "Koperasi Tani Makmur".to_owned(),
            contact: (
                "Siti Rahmawati".to_owned(),
                "siti@koperasi.example.org".to_owned(),
            ),
            status: "published".to_owned(),
            posted: now() - Duration::days(10),
            expires: now() + Duration::days(200),
            texts: Texts::every_language(&name_of(slug)),
        }
    }

    pub fn title(mut self, lang: &str, title: &str) -> Self {
        self.texts.edit(lang, |t| t.title = title.to_owned());
        self
    }

    /// `pending` (waiting for approval), `published`, `rejected`.
    pub fn status(mut self, status: &str) -> Self {
        self.status = status.to_owned();
        self
    }

    pub async fn insert(self, db: &impl ConnectionTrait) -> Made {
        let published = self.status == "published";
        let saved = need::ActiveModel {
            slug: Set(self.slug.clone()),
            field: Set(self.field),
            country: Set(self.country),
            organisation: Set(self.organisation),
            contact_name: Set(self.contact.0),
            contact_email: Set(self.contact.1),
            ip_hash: Set(None),
            status: Set(self.status),
            publish_at: Set(published.then_some(self.posted)),
            expires_at: Set(Some(self.expires)),
            source_lang: Set(self.texts.source()),
            created_at: Set(self.posted),
            updated_at: Set(self.posted),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap_or_else(|e| panic!("need {}: {e}", self.slug));
        for (lang, x) in self.texts.by_lang {
            need_translation::ActiveModel {
                need_id: Set(saved.id),
                lang: Set(lang.to_owned()),
                title: Set(x.title),
                description: Set(x.description),
                revision: Set(1),
                source_revision: Set(1),
                updated_at: Set(self.posted),
                ..Default::default()
            }
            .insert(db)
            .await
            .expect("need text");
        }
        techbridge::needs::store::reindex(db, saved.id)
            .await
            .expect("need search entry");
        Made {
            id: saved.id,
            slug: self.slug,
        }
    }
}

// ---------------------------------------------------------------------------
// The programme: calls, host posts, fellows, applications

#[derive(Clone)]
pub struct CallText {
    pub title: String,
    pub description: String,
}

impl Sample for CallText {
    fn sample(name: &str, lang: &str) -> Self {
        let title = in_lang(name, lang);
        Self {
            description: format!("{title}: who may apply and how."),
            title,
        }
    }
}

/// The call for the 2027 cohort, published, opened ten days ago and
/// closing sixty days from now, with texts in the three languages.
pub struct CallBuilder {
    cohort_year: i32,
    opens: DateTime<Utc>,
    closes: DateTime<Utc>,
    decisions: Option<DateTime<Utc>>,
    status: String,
    texts: Texts<CallText>,
}

impl CallBuilder {
    pub fn new(cohort_year: i32) -> Self {
        let tz = chrono_tz::Asia::Shanghai;
        Self {
            cohort_year,
            opens: local_day(tz, -10, "00:00"),
            closes: local_day(tz, 60, "23:59"),
            decisions: Some(local_day(tz, 120, "12:00")),
            status: "published".to_owned(),
            texts: Texts::every_language(&format!("Call for the {cohort_year} cohort")),
        }
    }

    /// Open from `opens` to `closes`, days counted from today.
    pub fn open_days(mut self, opens: i64, closes: i64) -> Self {
        let tz = chrono_tz::Asia::Shanghai;
        self.opens = local_day(tz, opens, "00:00");
        self.closes = local_day(tz, closes, "23:59");
        self
    }

    pub async fn insert(self, db: &impl ConnectionTrait) -> i32 {
        let t = now();
        let saved = programme_call::ActiveModel {
            cohort_year: Set(self.cohort_year),
            opens_at: Set(self.opens),
            closes_at: Set(self.closes),
            decisions_at: Set(self.decisions),
            status: Set(self.status),
            source_lang: Set(self.texts.source()),
            created_at: Set(t),
            updated_at: Set(t),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("programme call");
        for (lang, x) in self.texts.by_lang {
            call_translation::ActiveModel {
                call_id: Set(saved.id),
                lang: Set(lang.to_owned()),
                title: Set(x.title),
                description: Set(x.description),
                revision: Set(1),
                source_revision: Set(1),
                updated_at: Set(t),
                ..Default::default()
            }
            .insert(db)
            .await
            .expect("call text");
        }
        saved.id
    }
}

#[derive(Clone)]
pub struct HostPostText {
    pub institution: String,
    pub lab: String,
    pub description: String,
}

impl Sample for HostPostText {
    fn sample(name: &str, lang: &str) -> Self {
        Self {
            institution: in_lang("Guangxi Academy of Agricultural Sciences", lang),
            lab: in_lang(name, lang),
            description: in_lang("Field trials and marker-assisted breeding.", lang),
        }
    }
}

/// A twelve-month post in agriculture under a call, with texts in the
/// three languages.
pub struct HostPostBuilder {
    call: i32,
    field: String,
    supervisor: String,
    duration_months: i16,
    position: i32,
    texts: Texts<HostPostText>,
}

impl HostPostBuilder {
    pub fn new(call_id: i32) -> Self {
        Self {
            call: call_id,
            field: "agriculture".to_owned(),
            supervisor: "Prof. Huang Zhiqiang".to_owned(),
            duration_months: 12,
            position: 0,
            texts: Texts::every_language("Rice breeding laboratory"),
        }
    }

    pub fn lab(mut self, lang: &str, lab: &str) -> Self {
        self.texts.edit(lang, |t| t.lab = lab.to_owned());
        self
    }

    pub fn position(mut self, position: i32) -> Self {
        self.position = position;
        self
    }

    pub async fn insert(self, db: &impl ConnectionTrait) -> i32 {
        let t = now();
        let saved = host_post::ActiveModel {
            call_id: Set(self.call),
            field: Set(self.field),
            supervisor: Set(self.supervisor),
            duration_months: Set(self.duration_months),
            position: Set(self.position),
            source_lang: Set(self.texts.source()),
            created_at: Set(t),
            updated_at: Set(t),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("host post");
        for (lang, x) in self.texts.by_lang {
            host_post_translation::ActiveModel {
                host_post_id: Set(saved.id),
                lang: Set(lang.to_owned()),
                institution: Set(x.institution),
                lab: Set(x.lab),
                description: Set(x.description),
                revision: Set(1),
                source_revision: Set(1),
                updated_at: Set(t),
                ..Default::default()
            }
            .insert(db)
            .await
            .expect("host post text");
        }
        saved.id
    }
}

/// An open call for the 2027 cohort with one host post: what applying
/// needs. Returns (call, post).
pub async fn open_call(db: &impl ConnectionTrait) -> (i32, i32) {
    let call = CallBuilder::new(2027).insert(db).await;
    let post = HostPostBuilder::new(call).insert(db).await;
    (call, post)
}

#[derive(Clone)]
pub struct FellowText {
    pub home_institution: String,
    pub host_institution: String,
    pub research: String,
    pub bio: String,
}

impl Sample for FellowText {
    fn sample(name: &str, lang: &str) -> Self {
        Self {
            home_institution: in_lang("Hanoi University of Science", lang),
            host_institution: in_lang("Guangxi University", lang),
            research: in_lang("Salt-tolerant rice", lang),
            bio: in_lang(&format!("{name} breeds rice."), lang),
        }
    }
}

/// A published fellow of the 2025 cohort from Viet Nam, in agriculture,
/// with texts in the three languages.
pub struct FellowBuilder {
    slug: String,
    name: String,
    name_zh: String,
    country: String,
    cohort_year: i32,
    field: String,
    status: String,
    texts: Texts<FellowText>,
}

impl FellowBuilder {
    pub fn new(slug: &str) -> Self {
        let name = name_of(slug);
        Self {
            slug: slug.to_owned(),
            texts: Texts::every_language(&name),
            name,
            name_zh: String::new(),
            country: "VN".to_owned(),
            cohort_year: 2025,
            field: "agriculture".to_owned(),
            status: "published".to_owned(),
        }
    }

    pub fn name(mut self, name: &str) -> Self {
        self.name = name.to_owned();
        self
    }

    pub async fn insert(self, db: &impl ConnectionTrait) -> Made {
        let t = now();
        let saved = fellow::ActiveModel {
            slug: Set(self.slug.clone()),
            name: Set(self.name),
            name_zh: Set(self.name_zh),
            country: Set(self.country),
            cohort_year: Set(self.cohort_year),
            field: Set(self.field),
            photo_id: Set(None),
            status: Set(self.status),
            publish_at: Set(Some(t - Duration::days(1))),
            expires_at: Set(None),
            source_lang: Set(self.texts.source()),
            created_at: Set(t),
            updated_at: Set(t),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap_or_else(|e| panic!("fellow {}: {e}", self.slug));
        for (lang, x) in self.texts.by_lang {
            fellow_translation::ActiveModel {
                fellow_id: Set(saved.id),
                lang: Set(lang.to_owned()),
                home_institution: Set(x.home_institution),
                host_institution: Set(x.host_institution),
                research: Set(x.research),
                bio: Set(x.bio),
                revision: Set(1),
                source_revision: Set(1),
                updated_at: Set(t),
                ..Default::default()
            }
            .insert(db)
            .await
            .expect("fellow text");
        }
        techbridge::programme::store::reindex_fellow(db, saved.id)
            .await
            .expect("fellow search entry");
        Made {
            id: saved.id,
            slug: self.slug,
        }
    }
}

/// A submitted application to a call, as stored after the public form
/// (without its documents or its confirmation message: a test that needs
/// those applies through the form, `submit_application`).
pub struct ApplicationBuilder {
    call: i32,
    post: Option<i32>,
    name: String,
    email: String,
    nationality: String,
    lang: String,
    status: String,
}

impl ApplicationBuilder {
    pub fn new(call_id: i32) -> Self {
        Self {
            call: call_id,
            post: None,
            name: "Nguyen Thi Mai".to_owned(),
            email: "mai.nguyen@hus.example.edu.vn".to_owned(),
            nationality: "VN".to_owned(),
            lang: "en".to_owned(),
            status: "submitted".to_owned(),
        }
    }

    pub fn host_post(mut self, post_id: i32) -> Self {
        self.post = Some(post_id);
        self
    }

    pub fn applicant(mut self, name: &str, email: &str) -> Self {
        self.name = name.to_owned();
        self.email = email.to_owned();
        self
    }

    pub fn nationality(mut self, country: &str) -> Self {
        self.nationality = country.to_owned();
        self
    }

    /// The language the applicant wrote in, and is written to in.
    pub fn lang(mut self, lang: &str) -> Self {
        self.lang = lang_tag(lang).to_owned();
        self
    }

    pub fn status(mut self, status: &str) -> Self {
        self.status = status.to_owned();
        self
    }

    pub async fn insert(self, db: &impl ConnectionTrait) -> application::Model {
        use sea_orm::EntityTrait;
        let t = now();
        let cohort = programme_call::Entity::find_by_id(self.call)
            .one(db)
            .await
            .expect("call")
            .expect("the application's call exists")
            .cohort_year;
        application::ActiveModel {
            reference: Set(techbridge::programme::apply::new_reference(cohort)),
            submission_token: Set(format!("tok-{}", self.email)),
            call_id: Set(self.call),
            host_post_id: Set(self.post),
            name: Set(self.name),
            email: Set(self.email),
            nationality: Set(self.nationality),
            date_of_birth: Set(NaiveDate::from_ymd_opt(1991, 6, 15).expect("date")),
            degree: Set("phd".to_owned()),
            research_years: Set(6),
            field: Set("agriculture".to_owned()),
            institution: Set("Hanoi University of Science".to_owned()),
            english_level: Set("fluent".to_owned()),
            chinese_level: Set("basic".to_owned()),
            proposal_title: Set("Salt-tolerant rice for the Mekong Delta".to_owned()),
            proposal: Set("Screening Guangxi rice germplasm for salinity tolerance.".to_owned()),
            lang: Set(self.lang),
            status: Set(self.status),
            consent_at: Set(t),
            submitted_at: Set(t),
            created_at: Set(t),
            updated_at: Set(t),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("application")
    }
}

// ---------------------------------------------------------------------------
// The about page and the network

#[derive(Clone)]
pub struct PageText {
    pub title: String,
    pub body: String,
}

impl Sample for PageText {
    fn sample(name: &str, lang: &str) -> Self {
        let title = in_lang(name, lang);
        Self {
            body: format!("{title}: who we are."),
            title,
        }
    }
}

/// An editable page (`about`), with texts in the three languages.
pub struct PageBuilder {
    key: String,
    texts: Texts<PageText>,
}

impl PageBuilder {
    pub fn new(key: &str) -> Self {
        Self {
            key: key.to_owned(),
            texts: Texts::every_language(&name_of(key)),
        }
    }

    pub async fn insert(self, db: &impl ConnectionTrait) -> i32 {
        let t = now();
        let saved = page::ActiveModel {
            key: Set(self.key),
            source_lang: Set(self.texts.source()),
            created_at: Set(t),
            updated_at: Set(t),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("page");
        for (lang, x) in self.texts.by_lang {
            page_translation::ActiveModel {
                page_id: Set(saved.id),
                lang: Set(lang.to_owned()),
                title: Set(x.title),
                body: Set(x.body),
                revision: Set(1),
                source_revision: Set(1),
                updated_at: Set(t),
                ..Default::default()
            }
            .insert(db)
            .await
            .expect("page text");
        }
        saved.id
    }
}

#[derive(Clone)]
pub struct MemberText {
    pub name: String,
    pub description: String,
}

impl Sample for MemberText {
    fn sample(name: &str, lang: &str) -> Self {
        Self {
            name: in_lang(name, lang),
            description: String::new(),
        }
    }
}

/// A member of the technology transfer network (an alliance member in
/// Indonesia), named in the three languages.
pub struct MemberBuilder {
    country: String,
    kind: String,
    website: String,
    position: i32,
    texts: Texts<MemberText>,
}

impl MemberBuilder {
    pub fn new(name: &str) -> Self {
        Self {
            country: "ID".to_owned(),
            kind: "alliance_member".to_owned(),
            website: String::new(),
            position: 0,
            texts: Texts::every_language(name),
        }
    }

    pub async fn insert(self, db: &impl ConnectionTrait) -> i32 {
        let t = now();
        let saved = network_member::ActiveModel {
            country: Set(self.country),
            kind: Set(self.kind),
            website: Set(self.website),
            position: Set(self.position),
            source_lang: Set(self.texts.source()),
            created_at: Set(t),
            updated_at: Set(t),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("network member");
        for (lang, x) in self.texts.by_lang {
            network_member_translation::ActiveModel {
                member_id: Set(saved.id),
                lang: Set(lang.to_owned()),
                name: Set(x.name),
                description: Set(x.description),
                revision: Set(1),
                source_revision: Set(1),
                updated_at: Set(t),
                ..Default::default()
            }
            .insert(db)
            .await
            .expect("network member text");
        }
        saved.id
    }
}

// ---------------------------------------------------------------------------
// Pictures

/// An image as an editor's upload stores it (the original, its resized
/// variants, its alt text in the three languages): a drawn PNG.
pub struct MediaBuilder {
    filename: String,
    bytes: Vec<u8>,
    alts: Vec<(&'static str, String)>,
}

impl MediaBuilder {
    /// A `width` × `height` PNG of a colour gradient.
    pub fn png(filename: &str, width: u32, height: u32) -> Self {
        let img = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 120])
        });
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png)
            .expect("PNG");
        let name = name_of(filename.split('.').next().unwrap_or(filename));
        Self {
            filename: filename.to_owned(),
            bytes: out.into_inner(),
            alts: LANGS.iter().map(|l| (*l, in_lang(&name, l))).collect(),
        }
    }

    pub async fn insert(self, db: &impl ConnectionTrait) -> i32 {
        use sha2::{Digest, Sha256};
        let t = now();
        let processed = techbridge::admin::media::process(&self.bytes)
            .unwrap_or_else(|e| panic!("{}: {e}", self.filename));
        let sha = hex::encode(Sha256::digest(&self.bytes));
        let saved = media::ActiveModel {
            key: Set(sha[..32].to_owned()),
            mime: Set(processed.mime.to_owned()),
            width: Set(i32::try_from(processed.width).expect("width")),
            height: Set(i32::try_from(processed.height).expect("height")),
            size: Set(i32::try_from(self.bytes.len()).expect("size")),
            sha256: Set(sha),
            bytes: Set(self.bytes),
            filename: Set(self.filename),
            source_lang: Set("en".to_owned()),
            created_by: Set(None),
            created_at: Set(t),
            updated_at: Set(t),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("media");
        for (w, h, mime, data) in processed.variants {
            media_variant::ActiveModel {
                media_id: Set(saved.id),
                width: Set(i32::try_from(w).expect("width")),
                height: Set(i32::try_from(h).expect("height")),
                mime: Set(mime.to_owned()),
                bytes: Set(data),
                ..Default::default()
            }
            .insert(db)
            .await
            .expect("media variant");
        }
        for (lang, alt) in self.alts {
            media_translation::ActiveModel {
                media_id: Set(saved.id),
                lang: Set(lang.to_owned()),
                alt: Set(alt),
                revision: Set(1),
                source_revision: Set(1),
                updated_at: Set(t),
                ..Default::default()
            }
            .insert(db)
            .await
            .expect("alt text");
        }
        saved.id
    }
}

// ---------------------------------------------------------------------------
// People: back-office accounts and visitors' inquiries

/// An active back-office account (an editor, writing in English).
pub struct EditorBuilder {
    email: String,
    name: String,
    role: String,
    password: String,
    ui_lang: String,
    active: bool,
}

impl EditorBuilder {
    pub fn new(email: &str, password: &str) -> Self {
        Self {
            email: email.to_owned(),
            name: "Eddie Editor".to_owned(),
            role: "editor".to_owned(),
            password: password.to_owned(),
            ui_lang: "en".to_owned(),
            active: true,
        }
    }

    pub fn name(mut self, name: &str) -> Self {
        self.name = name.to_owned();
        self
    }

    /// `admin`, `editor`, `reviewer`.
    pub fn role(mut self, role: &str) -> Self {
        self.role = role.to_owned();
        self
    }

    pub async fn insert(self, db: &impl ConnectionTrait) -> i32 {
        let t = now();
        editor::ActiveModel {
            email: Set(self.email),
            display_name: Set(self.name),
            role: Set(self.role),
            password_hash: Set(
                techbridge::accounts::hash_password(&self.password).expect("password hash")
            ),
            ui_lang: Set(self.ui_lang),
            active: Set(self.active),
            created_at: Set(t),
            updated_at: Set(t),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("editor")
        .id
    }
}

/// A new inquiry about a technology, from an Indonesian cooperative, in
/// Indonesian.
pub struct InquiryBuilder {
    technology: i32,
    name: String,
    organisation: String,
    email: String,
    message: String,
    lang: String,
}

impl InquiryBuilder {
    pub fn new(technology_id: i32) -> Self {
        Self {
            technology: technology_id,
            name: "Budi Santoso".to_owned(),
            organisation: "PT Tani Jaya".to_owned(),
            email: "budi@tanijaya.example.com".to_owned(),
            message: "Berapa biaya lisensi untuk 100 hektar sawah padi?".to_owned(),
            lang: "id".to_owned(),
        }
    }

    pub fn from(mut self, name: &str, organisation: &str) -> Self {
        self.name = name.to_owned();
        self.organisation = organisation.to_owned();
        self
    }

    pub fn message(mut self, lang: &str, message: &str) -> Self {
        self.lang = lang_tag(lang).to_owned();
        self.message = message.to_owned();
        self
    }

    pub async fn insert(self, db: &impl ConnectionTrait) -> inquiry::Model {
        let t = now();
        inquiry::ActiveModel {
            technology_id: Set(self.technology),
            name: Set(self.name),
            organisation: Set(self.organisation),
            country: Set("ID".to_owned()),
            email: Set(self.email),
            message: Set(self.message),
            lang: Set(self.lang),
            status: Set("new".to_owned()),
            reply: Set(None),
            replied_at: Set(None),
            replied_by: Set(None),
            ip_hash: Set(None),
            created_at: Set(t),
            updated_at: Set(t),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("inquiry")
    }
}

/// A headline figure of the home page (`network_members`, `agreements`...).
pub async fn setting(db: &impl ConnectionTrait, key: &str, value: &str) {
    techbridge::settings::set(db, key, value)
        .await
        .expect("setting");
}
