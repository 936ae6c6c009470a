//! Catalogue speed at 100,000 technologies (PRODUCT.md budgets): server
//! time of the catalogue page through the real app and a real SQLite file,
//! without the network. Run with
//!
//!     cargo bench --bench catalog            # 100,000 technologies, SQLite
//!     BENCH_N=20000 cargo bench --bench catalog
//!     BENCH_DATABASE_URL=postgres://postgres@127.0.0.1/bench cargo bench --bench catalog
//!
//! It prints p50/p99 per scenario and the query plans of the main queries.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark that cannot set up should stop"
)]

use std::time::{Duration, Instant};

use actix_web::{test, web};
use sea_orm::{ConnectionTrait, Statement};
use techbridge::{AppState, Config, db, demo};

const SCENARIOS: &[(&str, &str)] = &[
    ("unfiltered first page", "/en/technologies"),
    (
        "search term + two filters (facets included)",
        "/en/technologies?q=solar&field=new_energy&country=ID",
    ),
    (
        "Chinese two-character term + filter",
        "/zh-CN/technologies?q=%E6%B0%B4%E7%A8%BB&field=agriculture",
    ),
    (
        "two filters, sorted by title",
        "/id/technologies?field=marine&mode=licensing&sort=title",
    ),
    ("deep page", "/en/technologies?page=200"),
    ("technology page", "/en/technologies/synthetic-0-42"),
];

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn main() {
    let n: u32 = std::env::var("BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let iterations: usize = std::env::var("BENCH_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    actix_web::rt::System::new().block_on(async move {
        let dir = tempfile::tempdir().unwrap();
        let url = std::env::var("BENCH_DATABASE_URL")
            .unwrap_or_else(|_| format!("sqlite://{}?mode=rwc", dir.path().join("bench.db").display()));
        let conn = db::connect(&url).await.unwrap();
        db::migrate(&conn).await.unwrap();
        let started = Instant::now();
        // An existing database (BENCH_DATABASE_URL) with content is used as it is.
        if demo::load_if_empty(&conn).await.unwrap() {
            demo::synthetic::load_with_prefix(&conn, n, "synthetic-0").await.unwrap();
            println!("seeded {n} synthetic technologies (+ demo content) in {:.1?}", started.elapsed());
        }
        conn.execute_unprepared("ANALYZE")
            .await
            .unwrap();

        let state = web::Data::new(AppState::new(conn.clone(), Config::for_tests(&url)));
        let app = test::init_service(techbridge::app(state.clone())).await;
        println!("\n{:<48} {:>9} {:>9} {:>9}", "scenario", "p50", "p99", "results");
        let only = std::env::var("BENCH_ONLY").unwrap_or_default();
        for (name, path) in SCENARIOS.iter().filter(|(n, _)| only.is_empty() || n.contains(only.as_str())) {
            // Warm up (first request loads caches, plans, pages).
            for _ in 0..5 {
                let res = test::call_service(&app, test::TestRequest::get().uri(path).to_request()).await;
                assert!(res.status().is_success(), "{path}: {}", res.status());
            }
            let mut times = Vec::with_capacity(iterations);
            let mut count = String::new();
            for _ in 0..iterations {
                let t = Instant::now();
                let res = test::call_service(&app, test::TestRequest::get().uri(path).to_request()).await;
                let body = test::read_body(res).await;
                times.push(t.elapsed());
                if count.is_empty() {
                    let html = String::from_utf8_lossy(&body);
                    count = html
                        .split("class=\"result-count\" role=\"status\">")
                        .nth(1)
                        .and_then(|s| s.split('<').next())
                        .unwrap_or("-")
                        .to_owned();
                }
            }
            times.sort();
            println!(
                "{:<48} {:>9.2?} {:>9.2?} {:>9}",
                name,
                percentile(&times, 0.5),
                percentile(&times, 0.99),
                count
            );
        }

        if conn.get_database_backend() == sea_orm::DbBackend::Sqlite {
            println!("\nQuery plans (SQLite):");
            for (label, sql) in [
                ("visible count", "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM technologies t WHERE t.status = 'published' AND t.publish_at <= '2030-01-01' AND (t.expires_at IS NULL OR t.expires_at > '2030-01-01')"),
                ("full-text match", "EXPLAIN QUERY PLAN SELECT d.entity_id, -bm25(search_fts, 10.0, 4.0, 1.0) FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid WHERE search_fts MATCH '\"solar\"' AND d.kind = 'technology'"),
                ("title sort", "EXPLAIN QUERY PLAN SELECT t.id FROM technologies t LEFT JOIN technology_translations tt ON tt.technology_id = t.id AND tt.lang = 'id' WHERE t.field = 'marine' ORDER BY tt.title LIMIT 20"),
            ] {
                println!("  {label}:");
                for r in conn.query_all_raw(Statement::from_string(sea_orm::DbBackend::Sqlite, sql.to_owned())).await.unwrap() {
                    let detail: String = r.try_get("", "detail").unwrap_or_default();
                    println!("    {detail}");
                }
            }
        }
        conn.close().await.ok();
    });
}
