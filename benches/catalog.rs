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
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryTrait, Statement,
};
use techbridge::entities::{technology, technology_translation};
use techbridge::search::catalog_index::{LOAD_SQL, TITLE_RANK_SQL, VERSION_SQL};
use techbridge::search::{self, Within, analyzer};
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

/// The plans of the statements a catalogue request runs, built by the same
/// functions the application calls (so they cannot drift from it).
async fn print_plans(conn: &sea_orm::DatabaseConnection) {
    let backend = conn.get_database_backend();
    let solar = analyzer::query_terms("solar");
    let rice = analyzer::query_terms("水稻");
    let kind = search::index::TECHNOLOGY;
    let ids: Vec<i32> = (1..=20).collect();
    let mut statements: Vec<(&str, Statement)> = vec![
        (
            "catalogue version (every request)",
            db::stmt(backend, VERSION_SQL, vec![]),
        ),
        (
            "index load (after a change only)",
            db::stmt(backend, LOAD_SQL, vec![]),
        ),
        (
            "title order, per language (once per change)",
            db::stmt(backend, TITLE_RANK_SQL, vec!["en".into()]),
        ),
    ];
    for (label, terms) in [("solar", &solar), ("水稻", &rice)] {
        let (sql, values) = search::ids_query(backend, kind, terms, Within::Any).unwrap();
        statements.push((
            if label == "solar" {
                "all matches of 'solar', one row"
            } else {
                "all matches of '水稻', one row"
            },
            db::stmt(backend, &sql, values),
        ));
    }
    let (sql, values) = search::match_subquery(backend, Some(kind), &solar, true).unwrap();
    statements.push((
        "relevance of the matches (<= 1,500)",
        db::stmt(backend, &sql, values),
    ));
    let (sql, values) = search::ids_query(backend, kind, &solar, Within::Title).unwrap();
    statements.push((
        "title matches (beyond 1,500)",
        db::stmt(backend, &sql, values),
    ));
    statements.push((
        "the 20 cards: technologies",
        technology::Entity::find()
            .filter(technology::Column::Id.is_in(ids.clone()))
            .build(backend),
    ));
    statements.push((
        "the 20 cards: their texts",
        technology_translation::Entity::find()
            .filter(technology_translation::Column::TechnologyId.is_in(ids))
            .build(backend),
    ));
    let prefix = if backend == DbBackend::Postgres {
        "EXPLAIN "
    } else {
        "EXPLAIN QUERY PLAN "
    };
    println!("\nQuery plans ({backend:?}):");
    for (label, st) in statements {
        println!("  {label}:");
        let explain = Statement {
            sql: format!("{prefix}{}", st.sql),
            ..st
        };
        for r in conn.query_all_raw(explain).await.unwrap() {
            let line: String = r
                .try_get("", "detail")
                .or_else(|_| r.try_get("", "QUERY PLAN"))
                .unwrap_or_default();
            println!("    {line}");
        }
    }
}

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
        let url = std::env::var("BENCH_DATABASE_URL").unwrap_or_else(|_| {
            format!(
                "sqlite://{}?mode=rwc",
                dir.path().join("bench.db").display()
            )
        });
        let conn = db::connect(&url).await.unwrap();
        db::migrate(&conn).await.unwrap();
        let started = Instant::now();
        // An existing database (BENCH_DATABASE_URL) with content is used as it is.
        if demo::load_if_empty(&conn).await.unwrap() {
            demo::synthetic::load_with_prefix(&conn, n, "synthetic-0")
                .await
                .unwrap();
            println!(
                "seeded {n} synthetic technologies (+ demo content) in {:.1?}",
                started.elapsed()
            );
        }
        conn.execute_unprepared("ANALYZE").await.unwrap();

        let state = web::Data::new(AppState::new(conn.clone(), Config::for_tests(&url)));
        let app = test::init_service(techbridge::app(state.clone())).await;
        println!(
            "\n{:<48} {:>9} {:>9} {:>9}",
            "scenario", "p50", "p99", "results"
        );
        let only = std::env::var("BENCH_ONLY").unwrap_or_default();
        for (name, path) in SCENARIOS
            .iter()
            .filter(|(n, _)| only.is_empty() || n.contains(only.as_str()))
        {
            // Warm up (first request loads caches, plans, pages).
            for _ in 0..5 {
                let res =
                    test::call_service(&app, test::TestRequest::get().uri(path).to_request()).await;
                assert!(res.status().is_success(), "{path}: {}", res.status());
            }
            let mut times = Vec::with_capacity(iterations);
            let mut count = String::new();
            for _ in 0..iterations {
                let t = Instant::now();
                let res =
                    test::call_service(&app, test::TestRequest::get().uri(path).to_request()).await;
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

        print_plans(&conn).await;
        conn.close().await.ok();
    });
}
