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
use crate::media::Image;
use crate::translation;
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

pub async fn cards(
    db: &impl ConnectionTrait,
    items: Vec<news::Model>,
    locale: Locale,
) -> Result<Vec<NewsCard>, DbErr> {
    let ids: Vec<i32> = items.iter().map(|n| n.id).collect();
    let texts = store::texts(db, &ids).await?;
    let cover_ids: Vec<i32> = items.iter().filter_map(|n| n.cover_id).collect();
    let covers = crate::media::describe(db, &cover_ids, locale).await?;
    Ok(items
        .into_iter()
        .filter_map(|n| {
            let p = translation::pick(texts.get(&n.id)?, locale, &n.source_lang)?;
            Some(NewsCard {
                title: p.text.title.clone(),
                summary: p.text.summary.clone(),
                lang: p.locale.tag(),
                fallback: p.locale != locale,
                cover: n.cover_id.and_then(|c| covers.get(&c).cloned()),
                published: n.publish_at,
                slug: n.slug,
            })
        })
        .collect())
}

/// News linked to an event, newest first.
pub async fn for_event(
    db: &impl ConnectionTrait,
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
    )
    .await?;
    cards(db, items, locale).await
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
    pub page_no: u64,
    pub last_page: u64,
    pub prev_href: Option<String>,
    pub next_href: Option<String>,
}

const PER_PAGE: u64 = 10;

/// The events news is linked to, newest first, titled in `locale`.
async fn linked_events(
    db: &impl ConnectionTrait,
    locale: Locale,
) -> Result<Vec<(String, String)>, DbErr> {
    let ids = store::linked_event_ids(db).await?;
    let texts = crate::events::store::texts(db, &ids).await?;
    let mut events = Vec::new();
    for id in ids {
        let Some(e) = crate::events::store::by_id(db, id).await? else {
            continue;
        };
        if let Some(p) = texts
            .get(&id)
            .and_then(|r| translation::pick(r, locale, &e.source_lang))
        {
            events.push((e.starts_at, e.slug.clone(), p.text.title.clone()));
        }
    }
    events.sort_by_key(|e| std::cmp::Reverse(e.0));
    Ok(events.into_iter().map(|(_, s, t)| (s, t)).collect())
}

/// GET /{lang}/news
pub async fn list(cx: Ctx, q: web::Query<ListQuery>) -> Result<Html, AppError> {
    let year = q
        .year
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (2000..=2100).contains(y));
    let event = if q.event.is_empty() {
        None
    } else {
        crate::events::store::by_slug(cx.db(), &q.event).await?
    };
    let page_no = crate::web::forms::page_number(&q.page);
    let filter = store::Filter {
        year,
        event_id: event.as_ref().map(|e| e.id),
    };
    let (items, total) = store::list(cx.db(), &filter, page_no, PER_PAGE).await?;
    let last_page = total.div_ceil(PER_PAGE).max(1);
    let event_title = match &event {
        Some(e) => {
            let texts = crate::events::store::texts(cx.db(), &[e.id]).await?;
            texts
                .get(&e.id)
                .and_then(|r| translation::pick(r, cx.locale, &e.source_lang))
                .map(|p| (e.slug.clone(), p.text.title.clone()))
        }
        None => None,
    };
    let link = |p: u64| {
        let mut s = form_urlencoded::Serializer::new(String::new());
        if let Some(y) = year {
            s.append_pair("year", &y.to_string());
        }
        if let Some((slug, _)) = &event_title {
            s.append_pair("event", slug);
        }
        s.append_pair("page", &p.to_string());
        format!("{}?{}", cx.href("/news"), s.finish())
    };
    let mut page = cx.page(Section::News, cx.t("news-title"));
    page.description = cx.t("news-description");
    if page_no > 1 {
        page.canonical_query = Some(format!("page={page_no}"));
    }
    Html::render(&ListPage {
        items: cards(cx.db(), items, cx.locale).await?,
        years: store::years(cx.db()).await?,
        year,
        prev_href: (page_no > 1).then(|| link(page_no - 1)),
        next_href: (page_no < last_page).then(|| link(page_no + 1)),
        event: event_title,
        events: linked_events(cx.db(), cx.locale).await?,
        page_no,
        last_page,
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
pub async fn detail(cx: Ctx, path: web::Path<(String, String)>) -> Result<Html, AppError> {
    let (_, slug) = path.into_inner();
    let n = store::by_slug(cx.db(), &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let texts = store::texts(cx.db(), &[n.id]).await?;
    let rows = texts.get(&n.id).map(Vec::as_slice).unwrap_or(&[]);
    let p = translation::pick(rows, cx.locale, &n.source_lang).ok_or(AppError::NotFound)?;
    let cover = match n.cover_id {
        Some(c) => crate::media::describe(cx.db(), &[c], cx.locale)
            .await?
            .remove(&c),
        None => None,
    };
    let event = match n.event_id {
        Some(id) => match crate::events::store::by_id(cx.db(), id).await? {
            Some(e) => {
                let texts = crate::events::store::texts(cx.db(), &[e.id]).await?;
                texts
                    .get(&e.id)
                    .and_then(|r| translation::pick(r, cx.locale, &e.source_lang))
                    .map(|p| (e.slug.clone(), p.text.title.clone()))
            }
            None => None,
        },
        None => None,
    };
    let related = cards(cx.db(), store::related(cx.db(), &n, 3).await?, cx.locale).await?;
    let mut page = cx
        .page(Section::News, p.text.title.clone())
        .with_description(p.text.summary.clone())
        .with_content(p.locale, p.outdated);
    page.og_type = "article";
    page.og_image = cover.as_ref().map(|c| page.abs(&c.src(1200)));
    Html::render(&DetailPage {
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
