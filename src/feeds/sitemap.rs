//! `/sitemap.xml`: every public page in every language, each with its
//! `xhtml:link` hreflang alternates and `lastmod`. Past 50,000 URLs it
//! becomes an index of `/sitemap-N.xml` parts. Unpublished, scheduled and
//! expired items are absent because the same visibility rules select them.

use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbErr};

use crate::db::{now, stmt};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::web::AppState;
use crate::web::not_modified_or;

/// The protocol's limit per file.
const MAX_URLS: usize = 50_000;
const CONTENT_TYPE: &str = "application/xml; charset=utf-8";

struct Entry {
    path: String,
    lastmod: Option<DateTime<Utc>>,
}

/// Lists that are pages of their own, and the public records of each kind.
const STATIC_PATHS: &[&str] = &[
    "/",
    "/about",
    "/privacy",
    "/api",
    "/technologies",
    "/needs",
    "/events",
    "/news",
    "/programme",
    "/programme/fellows",
];

/// (table, its translations and their parent column, address prefix, its
/// list page, whether listings expire).
const KINDS: &[(&str, &str, &str, &str, &str, bool)] = &[
    (
        "technologies",
        "technology_translations",
        "technology_id",
        "/technologies/",
        "/technologies",
        true,
    ),
    (
        "needs",
        "need_translations",
        "need_id",
        "/needs/",
        "/needs",
        true,
    ),
    (
        "events",
        "event_translations",
        "event_id",
        "/events/",
        "/events",
        false,
    ),
    (
        "news",
        "news_translations",
        "news_id",
        "/news/",
        "/news",
        false,
    ),
    (
        "fellows",
        "fellow_translations",
        "fellow_id",
        "/programme/fellows/",
        "/programme/fellows",
        false,
    ),
];

async fn entries(db: &impl ConnectionTrait) -> Result<Vec<Entry>, DbErr> {
    let mut out: Vec<Entry> = STATIC_PATHS
        .iter()
        .map(|p| Entry {
            path: (*p).to_owned(),
            lastmod: None,
        })
        .collect();
    let t = now();
    for (table, tr, parent, prefix, list, expires) in KINDS {
        let expiry = if *expires {
            " AND (t.expires_at IS NULL OR t.expires_at > ?)"
        } else {
            ""
        };
        // A record changes when its own row or any of its texts does.
        let sql = format!(
            "SELECT t.slug AS slug, t.updated_at AS updated_at, \
             (SELECT MAX(x.updated_at) FROM {tr} x WHERE x.{parent} = t.id) AS text_updated_at \
             FROM {table} t WHERE t.status = 'published' AND t.publish_at <= ?{expiry} ORDER BY t.id"
        );
        let mut values = vec![t.into()];
        if *expires {
            values.push(t.into());
        }
        let mut newest: Option<DateTime<Utc>> = None;
        for r in db
            .query_all_raw(stmt(db.get_database_backend(), &sql, values))
            .await?
        {
            let slug: String = r.try_get("", "slug")?;
            let own: Option<DateTime<Utc>> = r.try_get("", "updated_at").ok();
            let text: Option<DateTime<Utc>> = r.try_get("", "text_updated_at").ok();
            let lastmod = own.max(text);
            newest = newest.max(lastmod);
            out.push(Entry {
                path: format!("{prefix}{slug}"),
                lastmod,
            });
        }
        // A list page changes when the newest of its records does.
        if let Some(e) = out.iter_mut().find(|e| e.path == *list) {
            e.lastmod = newest;
        }
    }
    // A page of text changes when one of its texts does.
    let pages = "SELECT p.key AS page_key, MAX(x.updated_at) AS updated_at \
                 FROM pages p JOIN page_translations x ON x.page_id = p.id GROUP BY p.key";
    for r in db
        .query_all_raw(stmt(db.get_database_backend(), pages, vec![]))
        .await?
    {
        let key: String = r.try_get("", "page_key")?;
        let path = format!("/{key}");
        if let Some(e) = out.iter_mut().find(|e| e.path == path) {
            e.lastmod = r.try_get("", "updated_at").ok();
        }
    }
    let newest = out.iter().filter_map(|e| e.lastmod).max();
    if let Some(home) = out.iter_mut().find(|e| e.path == "/") {
        home.lastmod = newest;
    }
    Ok(out)
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

fn urlset(base: &str, entries: &[Entry]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for e in entries {
        for l in Locale::all() {
            xml.push_str("<url><loc>");
            xml.push_str(&escape(&format!("{base}/{}{}", l.tag(), e.path)));
            xml.push_str("</loc>");
            if let Some(m) = e.lastmod {
                xml.push_str("<lastmod>");
                xml.push_str(&m.format("%Y-%m-%dT%H:%M:%SZ").to_string());
                xml.push_str("</lastmod>");
            }
            for alt in Locale::all() {
                xml.push_str(&format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    alt.tag(),
                    escape(&format!("{base}/{}{}", alt.tag(), e.path))
                ));
            }
            xml.push_str(&format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                escape(&format!("{base}/{}{}", Locale::default().tag(), e.path))
            ));
            xml.push_str("</url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

fn per_part() -> usize {
    (MAX_URLS / Locale::all().count()).max(1)
}

/// GET /sitemap.xml
pub async fn sitemap(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let all = entries(&state.db).await?;
    let base = &state.base_url;
    let body = if all.len() <= per_part() {
        urlset(base, &all)
    } else {
        let parts = all.len().div_ceil(per_part());
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for n in 1..=parts {
            xml.push_str(&format!(
                "<sitemap><loc>{}</loc></sitemap>\n",
                escape(&format!("{base}/sitemap-{n}.xml"))
            ));
        }
        xml.push_str("</sitemapindex>\n");
        xml
    };
    Ok(not_modified_or(&req, CONTENT_TYPE, body.into_bytes()))
}

/// GET /sitemap-{n}.xml
pub async fn sitemap_part(
    req: HttpRequest,
    state: web::Data<AppState>,
    n: web::Path<usize>,
) -> Result<HttpResponse, AppError> {
    let n = n.into_inner();
    let all = entries(&state.db).await?;
    let start = n
        .checked_sub(1)
        .and_then(|i| i.checked_mul(per_part()))
        .ok_or(AppError::NotFound)?;
    if start >= all.len() || all.len() <= per_part() {
        return Err(AppError::NotFound);
    }
    let end = (start + per_part()).min(all.len());
    Ok(not_modified_or(
        &req,
        CONTENT_TYPE,
        urlset(&state.base_url, &all[start..end]).into_bytes(),
    ))
}
