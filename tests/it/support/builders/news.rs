//! News items.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use techbridge::db::now;
use techbridge::entities::{news, news_translation};

use super::*;

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
        Made {
            id: saved.id,
            slug: self.slug,
        }
    }
}
