//! The ASEAN Talented Young Scientists Guangxi Program: the current call and
//! its host posts, and the fellows directory. (Applications: `apply`.)

pub mod apply;
pub mod drafts;
pub mod lifecycle;
pub mod referees;
pub mod status;
pub mod store;

use actix_web::web;
use askama::Template;
use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::entities::{fellow, fellow_translation, programme_call};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::media::{Image, Library};
use crate::taxonomy::{ASEAN, FIELDS};
use crate::translation;
use crate::web::Pager;
use crate::web::{Ctx, Html, Page, Section};

/// A call as pages show it.
pub struct CallView {
    pub call: programme_call::Model,
    pub title: String,
    pub description_html: String,
    pub open: bool,
    pub upcoming: bool,
    pub lang: &'static str,
    pub fallback: bool,
}

pub struct PostView {
    pub id: i32,
    pub field: String,
    pub supervisor: String,
    pub duration_months: i16,
    pub institution: String,
    pub lab: String,
    pub description: String,
}

pub fn current_call_view(public: &store::Public, locale: Locale) -> Option<CallView> {
    let (call, rows) = public.call.as_ref()?;
    let p = translation::pick(rows, locale, &call.source_lang)?;
    let t = crate::db::now();
    Some(CallView {
        title: p.text.title.clone(),
        description_html: crate::markdown::render(&p.text.description),
        open: store::is_open(call),
        upcoming: call.opens_at > t,
        lang: p.locale.tag(),
        fallback: p.locale != locale,
        call: call.clone(),
    })
}

pub fn post_views(public: &store::Public, locale: Locale) -> Vec<PostView> {
    views_of_posts(&public.posts, locale)
}

/// The host posts of any call (an application's, which may not be the
/// current one).
pub async fn post_views_of_call(
    db: &impl sea_orm::ConnectionTrait,
    call_id: i32,
    locale: Locale,
) -> Result<Vec<PostView>, sea_orm::DbErr> {
    Ok(views_of_posts(
        &store::host_posts_with_texts(db, call_id).await?,
        locale,
    ))
}

fn views_of_posts(
    posts: &[(
        crate::entities::host_post::Model,
        Vec<crate::entities::host_post_translation::Model>,
    )],
    locale: Locale,
) -> Vec<PostView> {
    posts
        .iter()
        .filter_map(|(p, texts)| {
            let t = translation::pick(texts, locale, &p.source_lang)?;
            Some(PostView {
                id: p.id,
                institution: t.text.institution.clone(),
                lab: t.text.lab.clone(),
                description: t.text.description.clone(),
                field: p.field.clone(),
                supervisor: p.supervisor.clone(),
                duration_months: p.duration_months,
            })
        })
        .collect()
}

#[derive(Template)]
#[template(path = "programme/index.html")]
pub struct IndexPage {
    pub page: Page,
    pub call: Option<CallView>,
    pub posts: Vec<PostView>,
    pub fellows: Vec<FellowCard>,
}

/// GET /{lang}/programme
pub async fn index(ctx: Ctx) -> Result<Html, AppError> {
    let public = store::public(ctx.db(), &ctx.state.changes).await?;
    let media = crate::media::library_for(&ctx).await?;
    let call = current_call_view(&public, ctx.locale);
    let posts = if call.is_some() {
        post_views(&public, ctx.locale)
    } else {
        Vec::new()
    };
    let mut page = ctx.page(Section::Programme, ctx.t("programme-title"));
    page.description = ctx.t("programme-description");
    // The programme, and the call for applications while there is one.
    let mut data = serde_json::json!({
        "@type": "EducationalOccupationalProgram",
        "name": ctx.t("programme-title"),
        "description": ctx.t("programme-description"),
        "url": page.canonical(),
        "provider": page.organization(),
    });
    if let (Some(c), Some(o)) = (&call, data.as_object_mut()) {
        o.insert("startDate".into(), crate::web::iso(c.call.opens_at).into());
        o.insert(
            "applicationDeadline".into(),
            crate::web::iso(c.call.closes_at).into(),
        );
        o.insert("alternateName".into(), c.title.clone().into());
    }
    page.add_json_ld(data);
    Html::render(&IndexPage {
        fellows: fellow_cards(public.fellows.iter().take(4), &media, ctx.locale),
        call,
        posts,
        page,
    })
}

pub struct FellowCard {
    pub slug: String,
    pub name: String,
    pub name_zh: String,
    pub country: String,
    pub cohort_year: i32,
    pub field: String,
    pub research: String,
    pub host_institution: String,
    pub photo: Option<Image>,
    pub lang: &'static str,
    pub fallback: bool,
}

pub fn fellow_cards<'a>(
    fellows: impl IntoIterator<Item = &'a (fellow::Model, Vec<fellow_translation::Model>)>,
    media: &Library,
    locale: Locale,
) -> Vec<FellowCard> {
    fellows
        .into_iter()
        .filter_map(|(f, texts)| {
            let p = translation::pick(texts, locale, &f.source_lang)?;
            Some(FellowCard {
                research: p.text.research.clone(),
                host_institution: p.text.host_institution.clone(),
                lang: p.locale.tag(),
                fallback: p.locale != locale,
                photo: f.photo_id.and_then(|id| media.image(id, locale)),
                slug: f.slug.clone(),
                name: f.name.clone(),
                name_zh: f.name_zh.clone(),
                country: f.country.clone(),
                cohort_year: f.cohort_year,
                field: f.field.clone(),
            })
        })
        .collect()
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FellowQuery {
    country: String,
    cohort: String,
    field: String,
    page: String,
}

#[derive(Template)]
#[template(path = "programme/fellows.html")]
pub struct FellowsPage {
    pub page: Page,
    pub fellows: Vec<FellowCard>,
    pub total: u64,
    pub country: String,
    pub cohort: Option<i32>,
    pub field: String,
    pub cohorts: Vec<i32>,
    pub countries: &'static [&'static str],
    pub fields: &'static [&'static str],
    pub pager: Pager,
}

const FELLOWS_PER_PAGE: u64 = 24;

/// GET /{lang}/programme/fellows
pub async fn fellows(ctx: Ctx, q: web::Query<FellowQuery>) -> Result<Html, AppError> {
    let country = ASEAN.iter().find(|c| **c == q.country).copied();
    let field = FIELDS.iter().find(|c| **c == q.field).copied();
    let cohort = q.cohort.trim().parse::<i32>().ok();
    let page_no = crate::web::forms::page_number(&q.page);
    let public = store::public(ctx.db(), &ctx.state.changes).await?;
    let media = crate::media::library_for(&ctx).await?;
    let matching: Vec<_> = public
        .fellows
        .iter()
        .filter(|(f, _)| country.is_none_or(|c| f.country == c))
        .filter(|(f, _)| cohort.is_none_or(|y| f.cohort_year == y))
        .filter(|(f, _)| field.is_none_or(|x| f.field == x))
        .collect();
    let total = u64::try_from(matching.len()).unwrap_or(0);
    let skip = usize::try_from(page_no.saturating_sub(1) * FELLOWS_PER_PAGE).unwrap_or(usize::MAX);
    let items = matching
        .into_iter()
        .skip(skip)
        .take(usize::try_from(FELLOWS_PER_PAGE).unwrap_or(24));
    let link = |p: u64| {
        let mut s = form_urlencoded::Serializer::new(String::new());
        if let Some(c) = country {
            s.append_pair("country", c);
        }
        if let Some(y) = cohort {
            s.append_pair("cohort", &y.to_string());
        }
        if let Some(f) = field {
            s.append_pair("field", f);
        }
        s.append_pair("page", &p.to_string());
        format!("{}?{}", ctx.href("/programme/fellows"), s.finish())
    };
    let mut page = ctx.page(Section::Programme, ctx.t("fellows-title"));
    if page_no > 1 {
        page.canonical_query = Some(format!("page={page_no}"));
    }
    page.description = ctx.t("fellows-description");
    Html::render(&FellowsPage {
        fellows: fellow_cards(items, &media, ctx.locale),
        total,
        country: country.unwrap_or_default().to_owned(),
        cohort,
        field: field.unwrap_or_default().to_owned(),
        cohorts: public.cohorts(),
        countries: ASEAN,
        fields: FIELDS,
        pager: Pager::new(page_no, total, FELLOWS_PER_PAGE, link),
        page,
    })
}

#[derive(Template)]
#[template(path = "programme/fellow.html")]
pub struct FellowPage {
    pub page: Page,
    pub fellow: fellow::Model,
    pub home_institution: String,
    pub host_institution: String,
    pub research: String,
    pub bio_html: String,
    pub photo: Option<Image>,
}

/// GET /{lang}/programme/fellows/{slug}
pub async fn fellow(ctx: Ctx, path: web::Path<(String, String)>) -> Result<Html, AppError> {
    let (_, slug) = path.into_inner();
    let public = store::public(ctx.db(), &ctx.state.changes).await?;
    let (f, rows) = public
        .fellows
        .iter()
        .find(|(f, _)| f.slug == slug)
        .ok_or(AppError::NotFound)?;
    let p = translation::pick(rows, ctx.locale, &f.source_lang).ok_or(AppError::NotFound)?;
    let photo = match f.photo_id {
        Some(id) => crate::media::library_for(&ctx).await?.image(id, ctx.locale),
        None => None,
    };
    let page = ctx
        .page(Section::Programme, f.name.clone())
        .with_description(p.text.research.clone())
        .with_content(p.locale, p.outdated);
    Html::render(&FellowPage {
        home_institution: p.text.home_institution.clone(),
        host_institution: p.text.host_institution.clone(),
        research: p.text.research.clone(),
        bio_html: crate::markdown::render(&p.text.bio),
        photo,
        fellow: f.clone(),
        page,
    })
}

/// Dates of a call, for templates.
pub fn call_dates(
    c: &programme_call::Model,
) -> (DateTime<Utc>, DateTime<Utc>, Option<DateTime<Utc>>) {
    (c.opens_at, c.closes_at, c.decisions_at)
}
