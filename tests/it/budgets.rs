//! The cost budgets of an uncached public page (issue: render cost): at
//! most six database statements per page, whatever the number of cards,
//! facets or translations on it. The statements are counted in the
//! database layer (`db::statements`), not read from a log.

use actix_web::test::TestRequest;

use crate::support::*;

/// Every public page type, with a detail page of each kind found from its
/// list, and the catalogue and site search with words and filters.
async fn page_types<S, B>(app: &S, lang: &str) -> Vec<String>
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let mut paths: Vec<String> = [
        "/",
        "/about",
        "/technologies",
        "/technologies?q=solar",
        "/technologies?q=%E6%B0%B4%E7%A8%BB&field=agriculture&country=ID",
        "/technologies?field=agriculture&country=ID&sort=title",
        "/technologies?page=2",
        "/needs",
        "/needs/new",
        "/events",
        "/news",
        "/programme",
        "/programme/fellows",
        "/programme/apply",
        "/programme/status",
        "/search",
        "/search?q=solar",
        "/search?q=padi&kind=news",
        "/alerts",
    ]
    .iter()
    .map(|p| format!("/{lang}{p}"))
    .collect();
    for (list, kind) in [
        ("/technologies", "technologies"),
        ("/events", "events"),
        ("/news", "news"),
        ("/needs", "needs"),
        ("/programme/fellows", "programme/fellows"),
    ] {
        let page = get(app, &format!("/{lang}{list}")).await;
        let prefix = format!("/{lang}/{kind}/");
        let detail = page
            .attrs("main a", "href")
            .into_iter()
            .find(|h| {
                h.strip_prefix(&prefix)
                    .is_some_and(|rest| !rest.is_empty() && !rest.contains(['/', '?', '.']))
                    && !h.ends_with("/new")
            })
            .unwrap_or_else(|| panic!("{list} links a detail page"));
        if kind == "needs" {
            paths.push(format!("{detail}/interest"));
        }
        paths.push(detail);
    }
    paths
}

#[actix_web::test]
async fn every_public_page_runs_at_most_six_statements() {
    // As in production between writes: the data version is not read on
    // every request (the tests' default) but when it is due.
    let t = TestApp::demo_with(|c| c.data_poll = std::time::Duration::from_secs(3600)).await;
    let app = t.service().await;
    let mut over = Vec::new();
    for lang in LANGS {
        for path in page_types(&app, lang).await {
            // Once to warm what is kept in memory between writes, then
            // counted: the budget is for a page that misses the page cache.
            let _ = get(&app, &path).await;
            let (r, n) =
                techbridge::db::statements::counted(send(&app, TestRequest::get().uri(&path)))
                    .await;
            assert_eq!(r.status, 200, "{path}");
            eprintln!("{n:3} statements: {path}");
            if n > 6 {
                over.push(format!("{path}: {n}"));
            }
        }
    }
    assert!(over.is_empty(), "pages over six statements: {over:#?}");
}
