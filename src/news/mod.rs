//! News: list, article pages, and the news linked to an event.

pub mod store;

use actix_web::web;
use askama::Template;
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbErr};
use serde::Deserialize;

use crate::entities::news;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::media::{Image, Library};
use crate::translation;
use crate::web::Pager;
use crate::web::{Ctx, Html, Page, Section};

pub struct NewsCard {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub published: Option<DateTime<Utc>>,
    pub lang: &'static str,
    pub fallback: bool,
    pub cover: Option<Image>,
}

pub fn cards(items: Vec<store::CardRow>, media: &Library, locale: Locale) -> Vec<NewsCard> {
    items
        .into_iter()
        .map(|n| NewsCard {
            lang: n.shown.tag(),
            fallback: n.shown != locale,
            cover: n.cover_id.and_then(|c| media.image(c, locale)),
            published: n.publish_at,
            title: n.title,
            summary: n.summary,
            slug: n.slug,
        })
        .collect()
}

/// News linked to an event, newest first.
pub async fn for_event(
    db: &impl ConnectionTrait,
    media: &Library,
    event_id: i32,
    locale: Locale,
) -> Result<Vec<NewsCard>, DbErr> {
    let (items, _) = store::list(
        db,
        &store::Filter {
            year: None,
            event_id: Some(event_id),
        },
        1,
        10,
        locale,
    )
    .await?;
    Ok(cards(items, media, locale))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    year: String,
    event: String,
    page: String,
}

#[derive(Template)]
#[template(path = "news/list.html")]
pub struct ListPage {
    pub page: Page,
    pub items: Vec<NewsCard>,
    pub years: Vec<i32>,
    pub year: Option<i32>,
    pub event: Option<(String, String)>,
    /// Events with news, to filter by: (slug, title in the visitor's language).
    pub events: Vec<(String, String)>,
    pub pager: Pager,
}

const PER_PAGE: u64 = 10;

/// The events news is linked to, newest first, titled in `locale`.
async fn linked_events(
    db: &impl ConnectionTrait,
    ids: &[i32],
    locale: Locale,
) -> Result<Vec<(String, String)>, DbErr> {
    let mut events: Vec<_> = crate::events::store::by_ids(db, ids)
        .await?
        .into_iter()
        .filter_map(|(e, texts)| {
            translation::pick(&texts, locale, &e.source_lang)
                .map(|p| (e.starts_at, e.slug.clone(), p.text.title.clone()))
        })
        .collect();
    events.sort_by_key(|e| std::cmp::Reverse(e.0));
    Ok(events.into_iter().map(|(_, s, t)| (s, t)).collect())
}

/// GET /{lang}/news
pub async fn list(ctx: Ctx, q: web::Query<ListQuery>) -> Result<Html, AppError> {
    let year = q
        .year
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (2000..=2100).contains(y));
    let event = if q.event.is_empty() {
        None
    } else {
        crate::events::store::by_slug(ctx.db(), &q.event).await?
    };
    let page_no = crate::web::forms::page_number(&q.page);
    let filter = store::Filter {
        year,
        event_id: event.as_ref().map(|(e, _)| e.id),
    };
    let (items, total) = store::list(ctx.db(), &filter, page_no, PER_PAGE, ctx.locale).await?;
    let event_title = event.as_ref().and_then(|(e, texts)| {
        translation::pick(texts, ctx.locale, &e.source_lang)
            .map(|p| (e.slug.clone(), p.text.title.clone()))
    });
    let facts = store::facts(ctx.db(), &ctx.state.changes).await?;
    let media = crate::media::library_for(&ctx).await?;
    let link = |p: u64| {
        let mut s = form_urlencoded::Serializer::new(String::new());
        if let Some(y) = year {
            s.append_pair("year", &y.to_string());
        }
        if let Some((slug, _)) = &event_title {
            s.append_pair("event", slug);
        }
        s.append_pair("page", &p.to_string());
        format!("{}?{}", ctx.href("/news"), s.finish())
    };
    let mut page = ctx.page(Section::News, ctx.t("news-title"));
    page.description = ctx.t("news-description");
    if page_no > 1 {
        page.canonical_query = Some(format!("page={page_no}"));
    }
    Html::render(&ListPage {
        items: cards(items, &media, ctx.locale),
        years: facts.years.clone(),
        year,
        pager: Pager::new(page_no, total, PER_PAGE, link),
        event: event_title,
        events: linked_events(ctx.db(), &facts.linked_event_ids, ctx.locale).await?,
        page,
    })
}

#[derive(Template)]
#[template(path = "news/detail.html")]
pub struct DetailPage {
    pub page: Page,
    pub item: news::Model,
    pub title: String,
    pub summary: String,
    pub body_html: String,
    pub cover: Option<Image>,
    pub event: Option<(String, String)>,
    pub related: Vec<NewsCard>,
}

/// GET /{lang}/news/{slug}
pub async fn detail(ctx: Ctx, path: web::Path<(String, String)>) -> Result<Html, AppError> {
    let (_, slug) = path.into_inner();
    let (n, rows) = store::by_slug(ctx.db(), &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    Html::render(&detail_page(&ctx, n, rows).await?)
}

/// The article page of any item, public or not (the back office's
/// preview of a draft or a scheduled item).
pub async fn preview_page(ctx: &Ctx, id: i32) -> Result<DetailPage, AppError> {
    let (n, rows) = store::by_id_any(ctx.db(), id)
        .await?
        .ok_or(AppError::NotFound)?;
    detail_page(ctx, n, rows).await
}

/// The article page of a loaded item.
async fn detail_page(
    ctx: &Ctx,
    n: news::Model,
    rows: Vec<crate::entities::news_translation::Model>,
) -> Result<DetailPage, AppError> {
    let p = translation::pick(&rows, ctx.locale, &n.source_lang).ok_or(AppError::NotFound)?;
    let media = crate::media::library_for(ctx).await?;
    let cover = n.cover_id.and_then(|c| media.image(c, ctx.locale));
    let event = match n.event_id {
        Some(id) => crate::events::store::by_ids(ctx.db(), &[id])
            .await?
            .into_iter()
            .next()
            .and_then(|(e, texts)| {
                translation::pick(&texts, ctx.locale, &e.source_lang)
                    .map(|p| (e.slug.clone(), p.text.title.clone()))
            }),
        None => None,
    };
    let related = cards(
        store::related(ctx.db(), &n, 3, ctx.locale).await?,
        &media,
        ctx.locale,
    );
    let mut page = ctx
        .page(Section::News, p.text.title.clone())
        .with_description(p.text.summary.clone())
        .with_content(p.locale, p.outdated);
    page.og_type = "article";
    page.og_image = cover.as_ref().map(|c| page.abs(&c.src(1200)));
    let data = serde_json::json!({
        "@type": "NewsArticle",
        "headline": p.text.title,
        "description": p.text.summary,
        "url": page.canonical(),
        "mainEntityOfPage": page.canonical(),
        "datePublished": n.publish_at.map(crate::web::iso),
        "dateModified": crate::web::iso(n.updated_at.max(p.text.updated_at)),
        "image": page.og_image.iter().collect::<Vec<_>>(),
        "author": page.organization(),
        "publisher": page.organization(),
    });
    page.add_json_ld(data);
    Ok(DetailPage {
        title: p.text.title.clone(),
        summary: p.text.summary.clone(),
        body_html: crate::markdown::render(&p.text.body),
        cover,
        event,
        related,
        item: n,
        page,
    })
}
