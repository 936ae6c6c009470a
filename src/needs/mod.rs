//! Technology needs: what ASEAN organisations are looking for. Posted by
//! visitors, approved by editors, matched to catalogue technologies.

pub mod interest;
pub mod matches;
pub mod store;

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::catalog::cards::{self, CardView};
use crate::catalog::store as catalog_store;
use crate::entities::{need, need_translation, technology};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::ratelimit;
use crate::taxonomy::{self, ASEAN, FIELDS};
use crate::translation;
use crate::web::Pager;
use crate::web::client::client_key;
use crate::web::forms::FieldErrors;
use crate::web::{Ctx, Html, Page, Section};

/// A need as lists show it.
pub struct NeedCard {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub field: String,
    pub country: String,
    pub organisation: String,
    pub lang: &'static str,
    pub fallback: bool,
    pub posted: Option<chrono::DateTime<chrono::Utc>>,
}

pub fn card(n: &need::Model, rows: &[need_translation::Model], locale: Locale) -> Option<NeedCard> {
    let p = translation::pick(rows, locale, &n.source_lang)?;
    Some(NeedCard {
        title: p.text.title.clone(),
        summary: crate::markdown::summary(&p.text.description, 220),
        lang: p.locale.tag(),
        fallback: p.locale != locale,
        slug: n.slug.clone(),
        field: n.field.clone(),
        country: n.country.clone(),
        organisation: n.organisation.clone(),
        posted: n.publish_at,
    })
}

/// Needs a technology answers, best first: same field 3, one of its
/// countries 2, a word of their titles in common 2; at least a field match,
/// or a country and a word. Needs are few, so this is done in memory.
pub async fn for_technology(
    ctx: &Ctx,
    tech: &technology::Model,
    titles: &[String],
) -> Result<Vec<NeedCard>, AppError> {
    let tech_terms = catalog_store::match_terms(titles.iter().map(String::as_str));
    let published = store::published(ctx.db(), &ctx.state.changes).await?;
    let mut scored: Vec<(u8, &(need::Model, Vec<need_translation::Model>))> = published
        .needs
        .iter()
        .zip(&published.terms)
        .filter_map(|(entry, words)| {
            let (n, _) = entry;
            let bit = taxonomy::bit(ASEAN, &n.country).unwrap_or(0);
            let score = crate::matching::score(
                n.field == tech.field,
                tech.countries & bit != 0,
                words.iter().any(|w| tech_terms.contains(w)),
            );
            (score >= crate::matching::MIN_SCORE).then_some((score, entry))
        })
        .collect();
    // Stable: newest first within a score, as they are kept.
    scored.sort_by_key(|s| std::cmp::Reverse(s.0));
    Ok(scored
        .into_iter()
        .take(5)
        .filter_map(|(_, (n, rows))| card(n, rows, ctx.locale))
        .collect())
}

/// Technologies that answer a need.
pub async fn technologies_for_need(
    ctx: &Ctx,
    n: &need::Model,
    titles: Vec<&str>,
) -> Result<Vec<CardView>, AppError> {
    let terms = catalog_store::match_terms(titles);
    let bit = taxonomy::bit(ASEAN, &n.country).unwrap_or(0);
    let index = ctx.state.catalog.get(ctx.db(), &ctx.state.changes).await?;
    let media = crate::media::library_for(ctx).await?;
    let cards = catalog_store::for_need(
        ctx.db(),
        &index,
        &media,
        &n.field,
        bit,
        &terms,
        5,
        ctx.locale,
    )
    .await?;
    Ok(cards::card_views(cards, "", ctx.locale))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    field: String,
    country: String,
    page: String,
}

#[derive(Template)]
#[template(path = "needs/list.html")]
pub struct ListPage {
    pub page: Page,
    pub needs: Vec<NeedCard>,
    pub field: String,
    pub country: String,
    pub total: u64,
    pub pager: Pager,
}

const PER_PAGE: u64 = 20;

/// GET /{lang}/needs
pub async fn list(ctx: Ctx, q: web::Query<ListQuery>) -> Result<Html, AppError> {
    let field = FIELDS.iter().find(|f| **f == q.field).copied();
    let country = ASEAN.iter().find(|c| **c == q.country).copied();
    let page_no = crate::web::forms::page_number(&q.page);
    let published = store::published(ctx.db(), &ctx.state.changes).await?;
    let matching: Vec<&(need::Model, Vec<need_translation::Model>)> = published
        .needs
        .iter()
        .filter(|(n, _)| field.is_none_or(|f| n.field == f))
        .filter(|(n, _)| country.is_none_or(|c| n.country == c))
        .collect();
    let total = u64::try_from(matching.len()).unwrap_or(0);
    let skip = usize::try_from((page_no.saturating_sub(1)) * PER_PAGE).unwrap_or(usize::MAX);
    let items: Vec<NeedCard> = matching
        .into_iter()
        .skip(skip)
        .take(usize::try_from(PER_PAGE).unwrap_or(20))
        .filter_map(|(n, rows)| card(n, rows, ctx.locale))
        .collect();
    let link = |p: u64| {
        let mut s = form_urlencoded::Serializer::new(String::new());
        if let Some(f) = field {
            s.append_pair("field", f);
        }
        if let Some(c) = country {
            s.append_pair("country", c);
        }
        if p > 1 {
            s.append_pair("page", &p.to_string());
        }
        format!("{}?{}", ctx.href("/needs"), s.finish())
    };
    let mut page = ctx.page(Section::Needs, ctx.t("needs-title"));
    if page_no > 1 {
        page.canonical_query = Some(format!("page={page_no}"));
    }
    page.description = ctx.t("needs-description");
    Html::render(&ListPage {
        needs: items,
        field: field.unwrap_or_default().to_owned(),
        country: country.unwrap_or_default().to_owned(),
        total,
        pager: Pager::new(page_no, total, PER_PAGE, link),
        page,
    })
}

#[derive(Template)]
#[template(path = "needs/detail.html")]
pub struct DetailPage {
    pub page: Page,
    pub need: need::Model,
    pub title: String,
    pub description_html: String,
    pub technologies: Vec<CardView>,
}

/// GET /{lang}/needs/{slug}
pub async fn detail(ctx: Ctx, path: web::Path<(String, String)>) -> Result<Html, AppError> {
    let (_, slug) = path.into_inner();
    let published = store::published(ctx.db(), &ctx.state.changes).await?;
    let (n, rows) = published.by_slug(&slug).ok_or(AppError::NotFound)?;
    Html::render(&detail_page(&ctx, n, rows).await?)
}

/// The page of any need, public or not (the back office's preview).
pub async fn preview_page(ctx: &Ctx, id: i32) -> Result<DetailPage, AppError> {
    use sea_orm::EntityTrait;
    let n = crate::entities::need::Entity::find_by_id(id)
        .one(ctx.db())
        .await?
        .ok_or(AppError::NotFound)?;
    let rows = store::texts(ctx.db(), &[id])
        .await?
        .remove(&id)
        .unwrap_or_default();
    detail_page(ctx, &n, &rows).await
}

/// The page of a loaded need.
async fn detail_page(
    ctx: &Ctx,
    n: &crate::entities::need::Model,
    rows: &[crate::entities::need_translation::Model],
) -> Result<DetailPage, AppError> {
    let p = translation::pick(rows, ctx.locale, &n.source_lang).ok_or(AppError::NotFound)?;
    let titles: Vec<&str> = rows.iter().map(|r| r.title.as_str()).collect();
    let technologies = technologies_for_need(ctx, n, titles).await?;
    let page = ctx
        .page(Section::Needs, p.text.title.clone())
        .with_description(crate::markdown::summary(&p.text.description, 200))
        .with_content(p.locale, p.outdated);
    Ok(DetailPage {
        title: p.text.title.clone(),
        description_html: crate::markdown::render(&p.text.description),
        technologies,
        need: n.clone(),
        page,
    })
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct NeedForm {
    pub title: String,
    pub description: String,
    pub field: String,
    pub country: String,
    pub organisation: String,
    pub contact_name: String,
    pub contact_email: String,
    pub consent: Option<String>,
    /// A daily e-mail of newly published technologies that match.
    pub match_alerts: Option<String>,
    /// Honeypot.
    pub website: String,
}

impl NeedForm {
    fn validate(&self) -> Result<store::NewNeed, FieldErrors> {
        let mut e = FieldErrors::default();
        let title = e.text(&self.title, "title", "need-error-title", 160);
        let description = e.text(
            &self.description,
            "description",
            "need-error-description",
            5000,
        );
        if !description.is_empty() && description.chars().count() < 40 {
            e.add("description", "need-description-short");
        }
        let field = FIELDS.iter().find(|f| **f == self.field).copied();
        if field.is_none() {
            e.add("field", "need-error-field");
        }
        let country = ASEAN.iter().find(|c| **c == self.country).copied();
        if country.is_none() {
            e.add("country", "need-error-country");
        }
        let organisation = e.text(
            &self.organisation,
            "organisation",
            "need-error-organisation",
            200,
        );
        let contact_name = e.text(
            &self.contact_name,
            "contact_name",
            "need-error-contact-name",
            160,
        );
        let contact_email = e.email(
            &self.contact_email,
            "contact_email",
            "need-error-contact-email",
        );
        if self.consent.is_none() {
            e.add("consent", "need-error-consent");
        }
        match (field, country) {
            (Some(field), Some(country)) if e.is_empty() => Ok(store::NewNeed {
                title,
                description,
                field,
                country,
                organisation,
                contact_name,
                contact_email,
                match_alerts: self.match_alerts.is_some(),
            }),
            _ => Err(e),
        }
    }
}

#[derive(Template)]
#[template(path = "needs/new.html")]
pub struct NewPage {
    pub page: Page,
    pub form: NeedForm,
    pub errors: FieldErrors,
}

/// GET /{lang}/needs/new
pub async fn new_form(ctx: Ctx) -> Result<Html, AppError> {
    Html::render(&NewPage {
        page: ctx.page(Section::Needs, ctx.t("need-new-title")),
        form: NeedForm::default(),
        errors: FieldErrors::default(),
    })
}

/// POST /{lang}/needs/new
pub async fn submit(
    ctx: Ctx,
    req: HttpRequest,
    form: crate::web::forms::Form<NeedForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let done = ctx.href("/needs/submitted");
    if !form.website.trim().is_empty() {
        return Ok(crate::web::see_other(&done));
    }
    match form.validate() {
        Err(errors) => Ok(Html::render(&NewPage {
            page: ctx.page(Section::Needs, ctx.t("need-new-title")),
            form,
            errors,
        })?
        .unprocessable()
        .into_response(&req)),
        Ok(input) => {
            let key = client_key(&req, &ctx.state);
            ratelimit::NEED.take(ctx.db(), &key).await?;
            store::create_pending(ctx.db(), input, ctx.locale, key).await?;
            Ok(crate::web::see_other(&done))
        }
    }
}

#[derive(Template)]
#[template(path = "needs/submitted.html")]
pub struct SubmittedPage {
    pub page: Page,
}

/// GET /{lang}/needs/submitted
pub async fn submitted(ctx: Ctx) -> Result<Html, AppError> {
    let mut page = ctx.page(Section::Needs, ctx.t("need-submitted-title"));
    page.noindex = true;
    Html::render(&SubmittedPage { page })
}
