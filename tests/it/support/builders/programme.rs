//! The programme: calls, host posts, fellows, applications.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use techbridge::db::now;
use techbridge::entities::*;

use super::*;

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

/// Assigns the reviewer with this e-mail to the application, with "no
/// conflict" already declared: what a reviewer needs to open it.
pub async fn assign_reviewer(db: &impl ConnectionTrait, application_id: i32, email: &str) {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let a = application::Entity::find_by_id(application_id)
        .one(db)
        .await
        .expect("application")
        .expect("the application exists");
    let reviewer = editor::Entity::find()
        .filter(editor::Column::Email.eq(email))
        .one(db)
        .await
        .expect("editor")
        .expect("the reviewer exists");
    review_assignment::ActiveModel {
        call_id: Set(a.call_id),
        application_id: Set(a.id),
        editor_id: Set(reviewer.id),
        conflict: Set("none".to_owned()),
        declared_at: Set(Some(now())),
        reminded_at: Set(None),
        assigned_by: Set("test".to_owned()),
        assigned_at: Set(now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("assignment");
}
