//! `/{lang}/search`: one query over technologies, needs, events, news and
//! fellows, grouped by kind, each shown in the visitor's language.

mod index;

use askama::Template;

use crate::error::AppError;
use crate::search::catalog_query::CatalogQuery;
use crate::search::{analyzer, snippet::highlight};
use crate::web::{Ctx, Html, Page, Pager, Section};
use crate::{catalog, events, needs, news, programme};

const PER_KIND: u64 = 8;

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
    pub pager: Option<Pager>,
    pub shortened: bool,
}

/// GET /{lang}/search?q=[&kind=&page=]
pub async fn search_page(ctx: Ctx) -> Result<Html, AppError> {
    // Lenient: a query string with broken encoding still searches.
    let param = |name: &str| -> String {
        form_urlencoded::parse(ctx.query.as_bytes())
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    // A search is at most as long as the catalogue's; longer, the start is
    // searched and the page says so.
    let q_whole = param("q");
    let max = crate::search::catalog_query::MAX_QUERY_CHARS;
    let shortened = q_whole.chars().count() > max;
    let q: String = q_whole.chars().take(max).collect();
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
        format!("{}?{}", ctx.href("/search"), s.finish())
    };
    let (limit, offset) = match only {
        Some(_) => (PER_KIND_PAGE, (page_no - 1).saturating_mul(PER_KIND_PAGE)),
        None => (PER_KIND, 0),
    };
    let mut groups = Vec::new();
    if !terms.is_empty() {
        let db = ctx.db();
        let changes = &ctx.state.changes;
        let wanted = |k: &str| only.is_none_or(|o| o == k);
        let needs = needs::store::published(db, changes).await?;
        let programme = programme::store::public(db, changes).await?;
        let others = if KINDS.iter().any(|k| *k != "technologies" && wanted(k)) {
            let need_ids: std::collections::HashSet<i32> =
                needs.needs.iter().map(|(n, _)| n.id).collect();
            let fellow_ids: std::collections::HashSet<i32> =
                programme.fellows.iter().map(|(f, _)| f.id).collect();
            let index = changes.memo(db, || index::OtherIndex::load(db)).await?;
            index.search(
                &index.query(&q),
                crate::db::now().timestamp(),
                |kind, id| match kind {
                    "needs" => need_ids.contains(&id),
                    _ => fellow_ids.contains(&id),
                },
            )
        } else {
            Default::default()
        };
        let found = Found {
            others,
            needs,
            programme,
            media: crate::media::library_for(&ctx).await?,
        };
        for kind in KINDS.iter().copied().filter(|k| wanted(k)) {
            let mut g = group(&ctx, kind, &q, &found, limit, offset).await?;
            if only.is_none() && g.total > i64::try_from(PER_KIND).unwrap_or(8) {
                g.more_href = Some(if kind == "technologies" {
                    format!(
                        "{}?{}",
                        ctx.href("/technologies"),
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
    // Only a search narrowed to one kind goes past its first page.
    let pager = only.map(|k| {
        Pager::new(
            page_no,
            u64::try_from(total).unwrap_or(0),
            PER_KIND_PAGE,
            |n| link(Some(k), n),
        )
    });
    let mut page = ctx.page(Section::Search, ctx.t("search-title"));
    page.noindex = true;
    Html::render(&SearchPage {
        searched: !q.is_empty(),
        groups: groups.into_iter().filter(|g| g.total > 0).collect(),
        total,
        only,
        all_href: link(None, 1),
        pager,
        shortened,
        q,
        page,
    })
}

/// What the groups are made from: the matches of every kind but
/// technologies, and what is kept in memory between writes.
struct Found {
    others: std::collections::HashMap<&'static str, Vec<i32>>,
    needs: std::sync::Arc<needs::store::Published>,
    programme: std::sync::Arc<programme::store::Public>,
    media: std::sync::Arc<crate::media::Library>,
}

/// The results of one kind: `limit` of them from `offset`, best first.
async fn group(
    ctx: &Ctx,
    kind: &'static str,
    q: &str,
    found: &Found,
    limit: u64,
    offset: u64,
) -> Result<Group, AppError> {
    let db = ctx.db();
    let l = ctx.locale;
    let hl = |s: &str, n: usize| highlight(s, q, n);
    let item =
        |path: String, title: &str, snippet: &str, lang: &'static str, fallback: bool| Item {
            href: ctx.href(&path),
            title_html: hl(title, 200),
            snippet_html: hl(snippet, 240),
            lang,
            fallback,
        };
    // This kind's matches, best first: how many, and those of this page.
    let all: &[i32] = found.others.get(kind).map_or(&[], Vec::as_slice);
    let total = i64::try_from(all.len()).unwrap_or(i64::MAX);
    let ids: Vec<i32> = all
        .iter()
        .skip(usize::try_from(offset).unwrap_or(usize::MAX))
        .take(usize::try_from(limit).unwrap_or(8))
        .copied()
        .collect();
    let rank = |id: i32| ids.iter().position(|i| *i == id);
    let items = match kind {
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
            let catalog_index = ctx.state.catalog.get(db, &ctx.state.changes).await?;
            let result = catalog::store::search(db, &catalog_index, &catalog_query, l).await?;
            let cards =
                catalog::store::cards(db, &catalog_index, &found.media, &result.ids, l, true)
                    .await?;
            let items = cards
                .into_iter()
                .map(|c| Item {
                    href: ctx.href(&format!("/technologies/{}", c.slug)),
                    title_html: hl(&c.title, 200),
                    snippet_html: crate::search::snippet::best(&[&c.summary, &c.details], q, 240),
                    lang: c.shown.tag(),
                    fallback: c.shown != l,
                })
                .collect();
            return Ok(Group {
                kind,
                total: result.total,
                items,
                more_href: None,
            });
        }
        "needs" => {
            let mut page: Vec<_> = found
                .needs
                .needs
                .iter()
                .filter(|(n, _)| rank(n.id).is_some())
                .collect();
            page.sort_by_key(|(n, _)| rank(n.id));
            page.into_iter()
                .filter_map(|(n, rows)| needs::card(n, rows, l))
                .map(|c| {
                    item(
                        format!("/needs/{}", c.slug),
                        &c.title,
                        &c.summary,
                        c.lang,
                        c.fallback,
                    )
                })
                .collect()
        }
        "events" => {
            let mut page = events::store::cards_by_ids(db, &ids, l).await?;
            page.sort_by_key(|e| rank(e.id));
            events::cards(page, l)
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
                .collect()
        }
        "news" => {
            let mut page = news::store::by_ids(db, &ids, l).await?;
            page.sort_by_key(|n| rank(n.id));
            news::cards(page, &found.media, l)
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
                .collect()
        }
        _ => {
            let mut page: Vec<_> = found
                .programme
                .fellows
                .iter()
                .filter(|(f, _)| rank(f.id).is_some())
                .collect();
            page.sort_by_key(|(f, _)| rank(f.id));
            programme::fellow_cards(page, &found.media, l)
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
                .collect()
        }
    };
    Ok(Group {
        kind,
        total,
        items,
        more_href: None,
    })
}
