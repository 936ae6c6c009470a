//! Technologies, technology needs, and visitors' inquiries about technologies.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use techbridge::db::now;
use techbridge::entities::*;
use techbridge::taxonomy::{self, ASEAN, MODES};

use super::*;

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
        Made {
            id: saved.id,
            slug: self.slug,
        }
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
