//! Events.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use techbridge::db::now;
use techbridge::entities::*;

use super::*;

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
        Made {
            id: saved.id,
            slug: self.slug,
        }
    }
}
