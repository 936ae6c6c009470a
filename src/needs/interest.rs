//! Answering a published need: anyone (a provider, usually) sends an
//! expression of interest with their organisation, country, contact, a
//! technology from those the catalogue matches to the need or a free
//! description, and a message. It waits for an editor like any posting
//! (`admin::interests`); once approved it goes to the need's poster in
//! the poster's language and becomes a deal like an inquiry.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::Duration;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};
use serde::Deserialize;

use crate::catalog::{self, cards::CardView};
use crate::db::now;
use crate::entities::{interest, need};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::ratelimit::Limit;
use crate::translation;
use crate::web::client::client_key;
use crate::web::forms::FieldErrors;
use crate::web::{Ctx, Html, Page, Section};

/// At most five expressions of interest per address in ten minutes.
pub const LIMIT: Limit = Limit {
    bucket: "interest",
    max: 5,
    window: Duration::minutes(10),
};

/// The form as typed, kept verbatim to show it again.
#[derive(Deserialize, Default, Clone, Debug)]
#[serde(default)]
pub struct InterestForm {
    pub organisation: String,
    pub country: String,
    pub contact_name: String,
    pub email: String,
    /// The slug of one of the technologies offered, or empty.
    pub technology: String,
    pub technology_text: String,
    pub message: String,
    pub consent: Option<String>,
    /// Honeypot.
    pub website: String,
}

/// A checked expression of interest.
pub struct NewInterest {
    pub organisation: String,
    pub country: &'static str,
    pub contact_name: String,
    pub email: String,
    pub technology_id: Option<i32>,
    pub technology_text: String,
    pub message: String,
}

impl InterestForm {
    /// `offered` are the technologies the form listed: (slug, id).
    pub fn validate(&self, offered: &[(String, i32)]) -> Result<NewInterest, FieldErrors> {
        let mut e = FieldErrors::default();
        let organisation = e.text(
            &self.organisation,
            "organisation",
            "interest-error-organisation",
            200,
        );
        let country = crate::taxonomy::countries()
            .into_iter()
            .find(|c| *c == self.country.trim());
        if country.is_none() {
            e.add("country", "interest-error-country");
        }
        let contact_name = e.text(
            &self.contact_name,
            "contact_name",
            "interest-error-contact-name",
            160,
        );
        let email = e.email(&self.email, "email", "interest-error-email");
        let technology_id = if self.technology.trim().is_empty() {
            None
        } else {
            let found = offered
                .iter()
                .find(|(slug, _)| slug == self.technology.trim())
                .map(|(_, id)| *id);
            if found.is_none() {
                e.add("technology", "interest-error-technology");
            }
            found
        };
        let technology_text = self.technology_text.trim().to_owned();
        if technology_id.is_none() && technology_text.is_empty() && self.technology.is_empty() {
            e.add("technology_text", "interest-technology-required");
        } else if technology_text.chars().count() > 2000 {
            e.add_n("technology_text", "form-too-long-n", 2000);
        }
        let message = self.message.trim().to_owned();
        let len = message.chars().count();
        if len == 0 {
            e.add("message", "interest-error-message");
        } else if len < catalog::inquiry::MESSAGE_MIN {
            e.add("message", "inquiry-message-short");
        } else if len > catalog::inquiry::MESSAGE_MAX {
            e.add_n(
                "message",
                "form-too-long-n",
                catalog::inquiry::MESSAGE_MAX as i64,
            );
        }
        if self.consent.is_none() {
            e.add("consent", "interest-error-consent");
        }
        match country {
            Some(country) if e.is_empty() => Ok(NewInterest {
                organisation,
                country,
                contact_name,
                email,
                technology_id,
                technology_text,
                message,
            }),
            _ => Err(e),
        }
    }
}

pub async fn store(
    db: &impl ConnectionTrait,
    need_id: i32,
    i: NewInterest,
    locale: Locale,
    ip_hash: String,
) -> Result<interest::Model, DbErr> {
    let t = now();
    interest::ActiveModel {
        need_id: Set(need_id),
        organisation: Set(i.organisation),
        country: Set(i.country.to_owned()),
        contact_name: Set(i.contact_name),
        email: Set(i.email),
        technology_id: Set(i.technology_id),
        technology_text: Set(i.technology_text),
        message: Set(i.message),
        lang: Set(locale.tag().to_owned()),
        status: Set("pending".to_owned()),
        ip_hash: Set(Some(ip_hash)),
        moderated_by: Set(None),
        moderated_at: Set(None),
        created_at: Set(t),
        updated_at: Set(t),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// The ids of technologies by slug.
async fn ids_by_slugs(
    db: &impl ConnectionTrait,
    slugs: &[String],
) -> Result<Vec<(String, i32)>, DbErr> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    Ok(crate::entities::technology::Entity::find()
        .filter(crate::entities::technology::Column::Slug.is_in(slugs.iter().cloned()))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.slug, t.id))
        .collect())
}

#[derive(Template)]
#[template(path = "needs/interest.html")]
pub struct InterestPage {
    pub page: Page,
    pub need: need::Model,
    pub title: String,
    pub offered: Vec<CardView>,
    pub form: InterestForm,
    pub errors: FieldErrors,
    pub countries: Vec<&'static str>,
}

async fn interest_page(
    ctx: &Ctx,
    slug: &str,
    form: InterestForm,
    errors: FieldErrors,
) -> Result<(InterestPage, Vec<(String, i32)>), AppError> {
    let n = super::store::by_slug(ctx.db(), slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let texts = super::store::texts(ctx.db(), &[n.id]).await?;
    let rows = texts.get(&n.id).map(Vec::as_slice).unwrap_or(&[]);
    let p = translation::pick(rows, ctx.locale, &n.source_lang).ok_or(AppError::NotFound)?;
    let title = p.text.title.clone();
    let titles: Vec<&str> = rows.iter().map(|r| r.title.as_str()).collect();
    let offered = super::technologies_for_need(ctx, &n, titles).await?;
    let slugs: Vec<String> = offered.iter().map(|c| c.slug.clone()).collect();
    let ids = ids_by_slugs(ctx.db(), &slugs).await?;
    let heading =
        crate::web::Translator { locale: ctx.locale }.ts("interest-title", "title", &title);
    let mut page = ctx.page(Section::Needs, heading);
    page.noindex = true;
    Ok((
        InterestPage {
            page,
            need: n,
            title,
            offered,
            form,
            errors,
            countries: crate::taxonomy::countries(),
        },
        ids,
    ))
}

/// GET /{lang}/needs/{slug}/interest
pub async fn form(
    ctx: Ctx,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (_, slug) = path.into_inner();
    let (page, _) =
        interest_page(&ctx, &slug, InterestForm::default(), FieldErrors::default()).await?;
    Ok(Html::render(&page)?.into_response(&req))
}

/// POST /{lang}/needs/{slug}/interest
pub async fn submit(
    ctx: Ctx,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    form: crate::web::forms::Form<InterestForm>,
) -> Result<HttpResponse, AppError> {
    let (_, slug) = path.into_inner();
    let form = form.into_inner();
    let sent = ctx.href(&format!("/needs/{slug}/interest/sent"));
    let (page, offered) = interest_page(&ctx, &slug, form.clone(), FieldErrors::default()).await?;
    if !form.website.trim().is_empty() {
        return Ok(crate::web::see_other(&sent));
    }
    match form.validate(&offered) {
        Err(errors) => Ok(Html::render(&InterestPage { errors, ..page })?
            .unprocessable()
            .into_response(&req)),
        Ok(input) => {
            let key = client_key(&req, &ctx.state);
            LIMIT.take(ctx.db(), &key).await?;
            store(ctx.db(), page.need.id, input, ctx.locale, key).await?;
            Ok(crate::web::see_other(&sent))
        }
    }
}

#[derive(Template)]
#[template(path = "needs/interest_sent.html")]
pub struct SentPage {
    pub page: Page,
    pub slug: String,
}

/// GET /{lang}/needs/{slug}/interest/sent
pub async fn sent(ctx: Ctx, path: web::Path<(String, String)>) -> Result<Html, AppError> {
    let (_, slug) = path.into_inner();
    let mut page = ctx.page(Section::Needs, ctx.t("interest-sent-title"));
    page.noindex = true;
    Html::render(&SentPage { page, slug })
}
