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
    pv.push(i64::try_from(PER_KIND).unwrap_or(8).into());
    let ids = Hit::find_by_statement(stmt(
        backend,
        &format!("SELECT t.id AS id {from} ORDER BY m.score DESC, t.id DESC LIMIT ?"),
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
    pub more_href: Option<String>,
}

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage {
    pub page: Page,
    pub q: String,
    pub groups: Vec<Group>,
    pub total: i64,
    pub searched: bool,
}

/// GET /{lang}/search?q=
pub async fn search_page(cx: Ctx) -> Result<Html, AppError> {
    // Lenient: a query string with broken encoding still searches.
    let q: String = form_urlencoded::parse(cx.query.as_bytes())
        .find(|(k, _)| k == "q")
        .map(|(_, v)| v.trim().chars().take(200).collect())
        .unwrap_or_default();
    let terms = analyzer::query_terms(&q);
    let db = cx.db();
    let l = cx.locale;
    let mut groups = Vec::new();
    let hl = |s: &str, n: usize| highlight(s, &q, n);
    let enc = |q: &str| {
        form_urlencoded::Serializer::new(String::new())
            .append_pair("q", q)
            .finish()
    };

    // Technologies: the catalogue's own search (same matches, same order).
    let catalog_query = CatalogQuery::parse(
        &form_urlencoded::Serializer::new(String::new())
            .append_pair("q", &q)
            .append_pair("per_page", &PER_KIND.to_string())
            .finish(),
    );
    let catalog_index = cx.state.catalog.get(db).await?;
    let found = if terms.is_empty() {
        None
    } else {
        Some(catalog::store::search(db, &catalog_index, &catalog_query, l).await?)
    };
    let (ids, total) = found.map_or((Vec::new(), 0), |f| (f.ids, f.total));
    let cards = catalog::store::cards(db, &ids, l).await?;
    groups.push(Group {
        kind: "technologies",
        total,
        items: cards
            .into_iter()
            .map(|c| Item {
                href: cx.href(&format!("/technologies/{}", c.slug)),
                title_html: hl(&c.title, 200),
                snippet_html: hl(&c.summary, 240),
                lang: c.shown.tag(),
                fallback: c.shown != l,
            })
            .collect(),
        more_href: (total > i64::try_from(PER_KIND).unwrap_or(8))
            .then(|| format!("{}?{}", cx.href("/technologies"), enc(&q))),
    });

    let (ids, total) = hits(db, index::NEED, "needs", true, &terms).await?;
    let mut found = needs::store::by_ids(db, &ids).await?;
    found.sort_by_key(|n| ids.iter().position(|i| *i == n.id));
    let cards = needs::cards(db, found, l).await?;
    groups.push(Group {
        kind: "needs",
        total,
        items: cards
            .into_iter()
            .map(|c| Item {
                href: cx.href(&format!("/needs/{}", c.slug)),
                title_html: hl(&c.title, 200),
                snippet_html: hl(&c.summary, 240),
                lang: c.lang,
                fallback: c.fallback,
            })
            .collect(),
        more_href: None,
    });

    let (ids, total) = hits(db, index::EVENT, "events", false, &terms).await?;
    let mut found = events_by_ids(db, &ids).await?;
    found.sort_by_key(|e| ids.iter().position(|i| *i == e.id));
    let cards = events::cards(db, found, l).await?;
    groups.push(Group {
        kind: "events",
        total,
        items: cards
            .into_iter()
            .map(|c| Item {
                href: cx.href(&format!("/events/{}", c.slug)),
                title_html: hl(&c.title, 200),
                snippet_html: hl(&c.summary, 240),
                lang: c.lang,
                fallback: c.fallback,
            })
            .collect(),
        more_href: None,
    });

    let (ids, total) = hits(db, index::NEWS, "news", false, &terms).await?;
    let mut found = news_by_ids(db, &ids).await?;
    found.sort_by_key(|n| ids.iter().position(|i| *i == n.id));
    let cards = news::cards(db, found, l).await?;
    groups.push(Group {
        kind: "news",
        total,
        items: cards
            .into_iter()
            .map(|c| Item {
                href: cx.href(&format!("/news/{}", c.slug)),
                title_html: hl(&c.title, 200),
                snippet_html: hl(&c.summary, 240),
                lang: c.lang,
                fallback: c.fallback,
            })
            .collect(),
        more_href: None,
    });

    let (ids, total) = hits(db, index::FELLOW, "fellows", false, &terms).await?;
    let mut found = fellows_by_ids(db, &ids).await?;
    found.sort_by_key(|f| ids.iter().position(|i| *i == f.id));
    let cards = programme::fellow_cards(db, found, l).await?;
    groups.push(Group {
        kind: "fellows",
        total,
        items: cards
            .into_iter()
            .map(|c| Item {
                href: cx.href(&format!("/programme/fellows/{}", c.slug)),
                title_html: hl(&c.name, 200),
                snippet_html: hl(&c.research, 240),
                lang: c.lang,
                fallback: c.fallback,
            })
            .collect(),
        more_href: None,
    });

    let total = groups.iter().map(|g| g.total).sum();
    let mut page = cx.page(Section::Search, cx.t("search-title"));
    page.noindex = true;
    Html::render(&SearchPage {
        searched: !q.is_empty(),
        groups: groups.into_iter().filter(|g| g.total > 0).collect(),
        total,
        q,
        page,
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
