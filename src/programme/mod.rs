//! The ASEAN Talented Young Scientists Guangxi Program: the current call and
//! its host posts, and the fellows directory. (Applications: `apply`.)

pub mod apply;
pub mod status;
pub mod store;

use actix_web::web;
use askama::Template;
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbErr};
use serde::Deserialize;

use crate::entities::{fellow, programme_call};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::media::Image;
use crate::taxonomy::{ASEAN, FIELDS};
use crate::translation;
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

pub async fn current_call_view(
    db: &impl ConnectionTrait,
    locale: Locale,
) -> Result<Option<CallView>, DbErr> {
    let Some(call) = store::current_call(db).await? else {
        return Ok(None);
    };
    let rows = store::call_texts(db, call.id).await?;
    let Some(p) = translation::pick(&rows, locale, &call.source_lang) else {
        return Ok(None);
    };
    let t = crate::db::now();
    Ok(Some(CallView {
        title: p.text.title.clone(),
        description_html: crate::markdown::render(&p.text.description),
        open: store::is_open(&call),
        upcoming: call.opens_at > t,
        lang: p.locale.tag(),
        fallback: p.locale != locale,
        call,
    }))
}

pub async fn post_views(
    db: &impl ConnectionTrait,
    call_id: i32,
    locale: Locale,
) -> Result<Vec<PostView>, DbErr> {
    let posts = store::host_posts(db, call_id).await?;
    let ids: Vec<i32> = posts.iter().map(|p| p.id).collect();
    let texts = store::host_post_texts(db, &ids).await?;
    Ok(posts
        .into_iter()
        .filter_map(|p| {
            let t = translation::pick(texts.get(&p.id)?, locale, &p.source_lang)?;
            Some(PostView {
                id: p.id,
                institution: t.text.institution.clone(),
                lab: t.text.lab.clone(),
                description: t.text.description.clone(),
                field: p.field,
                supervisor: p.supervisor,
                duration_months: p.duration_months,
            })
        })
        .collect())
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
pub async fn index(cx: Ctx) -> Result<Html, AppError> {
    let call = current_call_view(cx.db(), cx.locale).await?;
    let posts = match &call {
        Some(c) => post_views(cx.db(), c.call.id, cx.locale).await?,
        None => Vec::new(),
    };
    let filter = store::FellowFilter {
        country: None,
        cohort: None,
        field: None,
    };
    let (fellows, _) = store::fellows(cx.db(), &filter, 1, 4).await?;
    let mut page = cx.page(Section::Programme, cx.t("programme-title"));
    page.description = cx.t("programme-description");
    Html::render(&IndexPage {
        fellows: fellow_cards(cx.db(), fellows, cx.locale).await?,
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

pub async fn fellow_cards(
    db: &impl ConnectionTrait,
    fellows: Vec<fellow::Model>,
    locale: Locale,
) -> Result<Vec<FellowCard>, DbErr> {
    let ids: Vec<i32> = fellows.iter().map(|f| f.id).collect();
    let texts = store::fellow_texts(db, &ids).await?;
    let photo_ids: Vec<i32> = fellows.iter().filter_map(|f| f.photo_id).collect();
    let photos = crate::media::describe(db, &photo_ids, locale).await?;
    Ok(fellows
        .into_iter()
        .filter_map(|f| {
            let p = translation::pick(texts.get(&f.id)?, locale, &f.source_lang)?;
            Some(FellowCard {
                research: p.text.research.clone(),
                host_institution: p.text.host_institution.clone(),
                lang: p.locale.tag(),
                fallback: p.locale != locale,
                photo: f.photo_id.and_then(|id| photos.get(&id).cloned()),
                slug: f.slug,
                name: f.name,
                name_zh: f.name_zh,
                country: f.country,
                cohort_year: f.cohort_year,
                field: f.field,
            })
        })
        .collect())
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
    pub prev_href: Option<String>,
    pub next_href: Option<String>,
}

const FELLOWS_PER_PAGE: u64 = 24;

/// GET /{lang}/programme/fellows
pub async fn fellows(cx: Ctx, q: web::Query<FellowQuery>) -> Result<Html, AppError> {
    let country = ASEAN.iter().find(|c| **c == q.country).copied();
    let field = FIELDS.iter().find(|c| **c == q.field).copied();
    let cohort = q.cohort.trim().parse::<i32>().ok();
    let page_no = crate::web::forms::page_number(&q.page);
    let filter = store::FellowFilter {
        country,
        cohort,
        field,
    };
    let (items, total) = store::fellows(cx.db(), &filter, page_no, FELLOWS_PER_PAGE).await?;
    let last = total.div_ceil(FELLOWS_PER_PAGE).max(1);
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
        format!("{}?{}", cx.href("/programme/fellows"), s.finish())
    };
    let mut page = cx.page(Section::Programme, cx.t("fellows-title"));
    if page_no > 1 {
        page.canonical_query = Some(format!("page={page_no}"));
    }
    page.description = cx.t("fellows-description");
    Html::render(&FellowsPage {
        fellows: fellow_cards(cx.db(), items, cx.locale).await?,
        total,
        country: country.unwrap_or_default().to_owned(),
        cohort,
        field: field.unwrap_or_default().to_owned(),
        cohorts: store::cohorts(cx.db()).await?,
        countries: ASEAN,
        fields: FIELDS,
        prev_href: (page_no > 1).then(|| link(page_no - 1)),
        next_href: (page_no < last).then(|| link(page_no + 1)),
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
pub async fn fellow(cx: Ctx, path: web::Path<(String, String)>) -> Result<Html, AppError> {
    let (_, slug) = path.into_inner();
    let f = store::fellow_by_slug(cx.db(), &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let texts = store::fellow_texts(cx.db(), &[f.id]).await?;
    let rows = texts.get(&f.id).map(Vec::as_slice).unwrap_or(&[]);
    let p = translation::pick(rows, cx.locale, &f.source_lang).ok_or(AppError::NotFound)?;
    let photo = match f.photo_id {
        Some(id) => crate::media::describe(cx.db(), &[id], cx.locale)
            .await?
            .remove(&id),
        None => None,
    };
    let page = cx
        .page(Section::Programme, f.name.clone())
        .with_description(p.text.research.clone())
        .with_content(p.locale, p.outdated);
    Html::render(&FellowPage {
        home_institution: p.text.home_institution.clone(),
        host_institution: p.text.host_institution.clone(),
        research: p.text.research.clone(),
        bio_html: crate::markdown::render(&p.text.bio),
        photo,
        fellow: f,
        page,
    })
}

/// Dates of a call, for templates.
pub fn call_dates(
    c: &programme_call::Model,
) -> (DateTime<Utc>, DateTime<Utc>, Option<DateTime<Utc>>) {
    (c.opens_at, c.closes_at, c.decisions_at)
}
