//! `/{lang}/search`: one query over technologies, needs, events, news and
//! fellows, grouped by kind, each shown in the visitor's language.

use askama::Template;
use sea_orm::{ConnectionTrait, DbErr, FromQueryResult, Value};

use super::{analyzer, index, match_subquery, snippet::highlight};
use crate::catalog::query::CatalogQuery;
use crate::db::{now, stmt};
use crate::error::AppError;
use crate::web::{Ctx, Html, Page, Section};
use crate::{catalog, events, needs, news, programme};

const PER_KIND: u64 = 8;

#[derive(FromQueryResult)]
struct Hit {
    id: i32,
}

#[derive(FromQueryResult)]
struct Count {
    n: i64,
}

/// Ids of visible `table` records of `kind` matching the terms, best first,
/// and how many there are in all.
async fn hits(
    db: &impl ConnectionTrait,
    kind: &'static str,
    table: &'static str,
    expires: bool,
    terms: &[String],
    limit: u64,
    offset: u64,
) -> Result<(Vec<i32>, i64), DbErr> {
    let backend = db.get_database_backend();
    let Some((sub, values)) = match_subquery(backend, kind, terms, true) else {
        return Ok((Vec::new(), 0));
    };
    let t = now();
    let expiry = if expires {
        " AND (t.expires_at IS NULL OR t.expires_at > ?)"
    } else {
        ""
    };
    let from = format!(
        "FROM {table} t JOIN ({sub}) m ON m.id = t.id WHERE t.status = 'published' AND t.publish_at <= ?{expiry}"
    );
    let mut v: Vec<Value> = values;
    v.push(t.into());
    if expires {
        v.push(t.into());
    }
    let total = Count::find_by_statement(stmt(
        backend,
        &format!("SELECT COUNT(*) AS n {from}"),
        v.clone(),
    ))
    .one(db)
    .await?
    .map_or(0, |c| c.n);
    let mut pv = v;
    pv.push(i64::try_from(limit).unwrap_or(8).into());
    pv.push(i64::try_from(offset).unwrap_or(0).into());
    let ids = Hit::find_by_statement(stmt(
        backend,
        &format!("SELECT t.id AS id {from} ORDER BY m.score DESC, t.id DESC LIMIT ? OFFSET ?"),
        pv,
    ))
    .all(db)
    .await?
    .into_iter()
    .map(|h| h.id)
    .collect();
    Ok((ids, total))
}

/// One result as the page lists it.
pub struct Item {
    pub href: String,
    pub title_html: String,
    pub snippet_html: String,
    pub lang: &'static str,
    pub fallback: bool,
}

pub struct Group {
    pub kind: &'static str,
    pub total: i64,
    pub items: Vec<Item>,
    /// All results of this kind: the catalogue for technologies, this page
    /// narrowed to the kind for the others.
    pub more_href: Option<String>,
}

/// The kinds the site search covers, in the order the page shows them.
pub const KINDS: &[&str] = &["technologies", "needs", "events", "news", "fellows"];
/// Results per page when the search is narrowed to one kind.
const PER_KIND_PAGE: u64 = 20;

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage {
    pub page: Page,
    pub q: String,
    pub groups: Vec<Group>,
    pub total: i64,
    pub searched: bool,
    /// Narrowed to one kind: its name, the link back to every kind, and
    /// the neighbouring pages.
    pub only: Option<&'static str>,
    pub all_href: String,
    pub prev_href: Option<String>,
    pub next_href: Option<String>,
}

/// GET /{lang}/search?q=[&kind=&page=]
pub async fn search_page(cx: Ctx) -> Result<Html, AppError> {
    // Lenient: a query string with broken encoding still searches.
    let param = |name: &str| -> String {
        form_urlencoded::parse(cx.query.as_bytes())
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().chars().take(200).collect())
            .unwrap_or_default()
    };
    let q = param("q");
    let only = KINDS.iter().copied().find(|k| *k == param("kind"));
    let page_no = crate::web::forms::page_number(&param("page"));
    let terms = analyzer::query_terms(&q);
    let link = |kind: Option<&str>, page: u64| {
        let mut s = form_urlencoded::Serializer::new(String::new());
        s.append_pair("q", &q);
        if let Some(k) = kind {
            s.append_pair("kind", k);
        }
        if page > 1 {
            s.append_pair("page", &page.to_string());
        }
        format!("{}?{}", cx.href("/search"), s.finish())
    };
    let (limit, offset) = match only {
        Some(_) => (PER_KIND_PAGE, (page_no - 1) * PER_KIND_PAGE),
        None => (PER_KIND, 0),
    };
    let mut groups = Vec::new();
    if !terms.is_empty() {
        for kind in KINDS
            .iter()
            .copied()
            .filter(|k| only.is_none_or(|o| o == *k))
        {
            let mut g = group(&cx, kind, &q, &terms, limit, offset).await?;
            if only.is_none() && g.total > i64::try_from(PER_KIND).unwrap_or(8) {
                g.more_href = Some(if kind == "technologies" {
                    format!(
                        "{}?{}",
                        cx.href("/technologies"),
                        form_urlencoded::Serializer::new(String::new())
                            .append_pair("q", &q)
                            .finish()
                    )
                } else {
                    link(Some(kind), 1)
                });
            }
            groups.push(g);
        }
    }
    let total = groups.iter().map(|g| g.total).sum::<i64>();
    let last_page = u64::try_from(total)
        .unwrap_or(0)
        .div_ceil(PER_KIND_PAGE)
        .max(1);
    let mut page = cx.page(Section::Search, cx.t("search-title"));
    page.noindex = true;
    Html::render(&SearchPage {
        searched: !q.is_empty(),
        groups: groups.into_iter().filter(|g| g.total > 0).collect(),
        total,
        only,
        all_href: link(None, 1),
        prev_href: only
            .filter(|_| page_no > 1)
            .map(|k| link(Some(k), page_no - 1)),
        next_href: only
            .filter(|_| page_no < last_page)
            .map(|k| link(Some(k), page_no + 1)),
        q,
        page,
    })
}

/// The results of one kind: `limit` of them from `offset`, best first.
async fn group(
    cx: &Ctx,
    kind: &'static str,
    q: &str,
    terms: &[String],
    limit: u64,
    offset: u64,
) -> Result<Group, AppError> {
    let db = cx.db();
    let l = cx.locale;
    let hl = |s: &str, n: usize| highlight(s, q, n);
    let item =
        |path: String, title: &str, snippet: &str, lang: &'static str, fallback: bool| Item {
            href: cx.href(&path),
            title_html: hl(title, 200),
            snippet_html: hl(snippet, 240),
            lang,
            fallback,
        };
    let (items, total) = match kind {
        "technologies" => {
            // The catalogue's own search: same matches, same order.
            let per_page = limit.to_string();
            let page = (offset / limit.max(1) + 1).to_string();
            let catalog_query = CatalogQuery::parse(
                &form_urlencoded::Serializer::new(String::new())
                    .append_pair("q", q)
                    .append_pair("per_page", &per_page)
                    .append_pair("page", &page)
                    .finish(),
            );
            let catalog_index = cx.state.catalog.get(db).await?;
            let found = catalog::store::search(db, &catalog_index, &catalog_query, l).await?;
            let cards = catalog::store::cards(db, &found.ids, l).await?;
            let items = cards
                .into_iter()
                .map(|c| Item {
                    href: cx.href(&format!("/technologies/{}", c.slug)),
                    title_html: hl(&c.title, 200),
                    snippet_html: super::snippet::best(&[&c.summary, &c.details], q, 240),
                    lang: c.shown.tag(),
                    fallback: c.shown != l,
                })
                .collect();
            (items, found.total)
        }
        "needs" => {
            let (ids, total) = hits(db, index::NEED, "needs", true, terms, limit, offset).await?;
            let mut found = needs::store::by_ids(db, &ids).await?;
            found.sort_by_key(|n| ids.iter().position(|i| *i == n.id));
            let items = needs::cards(db, found, l)
                .await?
                .into_iter()
                .map(|c| {
                    item(
                        format!("/needs/{}", c.slug),
                        &c.title,
                        &c.summary,
                        c.lang,
                        c.fallback,
                    )
                })
                .collect();
            (items, total)
        }
        "events" => {
            let (ids, total) =
                hits(db, index::EVENT, "events", false, terms, limit, offset).await?;
            let mut found = events_by_ids(db, &ids).await?;
            found.sort_by_key(|e| ids.iter().position(|i| *i == e.id));
            let items = events::cards(db, found, l)
                .await?
                .into_iter()
                .map(|c| {
                    item(
                        format!("/events/{}", c.slug),
                        &c.title,
                        &c.summary,
                        c.lang,
                        c.fallback,
                    )
                })
                .collect();
            (items, total)
        }
        "news" => {
            let (ids, total) = hits(db, index::NEWS, "news", false, terms, limit, offset).await?;
            let mut found = news_by_ids(db, &ids).await?;
            found.sort_by_key(|n| ids.iter().position(|i| *i == n.id));
            let items = news::cards(db, found, l)
                .await?
                .into_iter()
                .map(|c| {
                    item(
                        format!("/news/{}", c.slug),
                        &c.title,
                        &c.summary,
                        c.lang,
                        c.fallback,
                    )
                })
                .collect();
            (items, total)
        }
        _ => {
            let (ids, total) =
                hits(db, index::FELLOW, "fellows", false, terms, limit, offset).await?;
            let mut found = fellows_by_ids(db, &ids).await?;
            found.sort_by_key(|f| ids.iter().position(|i| *i == f.id));
            let items = programme::fellow_cards(db, found, l)
                .await?
                .into_iter()
                .map(|c| {
                    item(
                        format!("/programme/fellows/{}", c.slug),
                        &c.name,
                        &c.research,
                        c.lang,
                        c.fallback,
                    )
                })
                .collect();
            (items, total)
        }
    };
    Ok(Group {
        kind,
        total,
        items,
        more_href: None,
    })
}

async fn events_by_ids(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<crate::entities::event::Model>, DbErr> {
    use crate::entities::event;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    event::Entity::find()
        .filter(event::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await
}

async fn news_by_ids(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<crate::entities::news::Model>, DbErr> {
    use crate::entities::news;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    news::Entity::find()
        .filter(news::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await
}

async fn fellows_by_ids(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<crate::entities::fellow::Model>, DbErr> {
    use crate::entities::fellow;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    fellow::Entity::find()
        .filter(fellow::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await
}
