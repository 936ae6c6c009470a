//! `/metrics` in the Prometheus text format, for an operator's scraper:
//! requests by route, method and status with their durations, page-cache
//! hits and misses, the database pool, the outbox queue and its failures,
//! rate-limit refusals.
//!
//! Off unless `METRICS_TOKEN` is set; then it answers only a request that
//! carries `Authorization: Bearer <token>`, so it can sit on the public
//! address behind the same proxy. The counters are the process's own: each
//! instance is scraped on its own address, as Prometheus expects.
//!
//! One registry per process (a `static`): a counter is bumped from the
//! request middleware, the page cache and the rate limits, none of which
//! should have to carry it through their signatures. It imports nothing of
//! the portal's, so that any layer may count; the endpoint that serves it
//! is `health::metrics`, beside `/healthz`.

use std::sync::LazyLock;

use actix_web::Error;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, Statement};

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    /// The route's pattern (`/{lang}/technologies/{slug}`), never the
    /// address itself: one series per route, whatever visitors type.
    route: String,
    method: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CacheLabels {
    result: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct BucketLabels {
    bucket: &'static str,
}

type Durations = Family<RequestLabels, Histogram, fn() -> Histogram>;

struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    durations: Durations,
    cache: Family<CacheLabels, Counter>,
    refusals: Family<BucketLabels, Counter>,
    pool_size: Gauge,
    pool_idle: Gauge,
    outbox_queued: Gauge,
    outbox_failed: Gauge,
}

fn duration_buckets() -> Histogram {
    // 0.25 ms to about 4 s.
    Histogram::new(exponential_buckets(0.000_25, 2.0, 15))
}

static METRICS: LazyLock<Metrics> = LazyLock::new(|| {
    let mut registry = Registry::with_prefix("techbridge");
    let requests = Family::<RequestLabels, Counter>::default();
    let durations: Durations = Family::new_with_constructor(duration_buckets);
    let cache = Family::<CacheLabels, Counter>::default();
    let refusals = Family::<BucketLabels, Counter>::default();
    let pool_size = Gauge::default();
    let pool_idle = Gauge::default();
    let outbox_queued = Gauge::default();
    let outbox_failed = Gauge::default();
    registry.register(
        "http_requests",
        "Requests answered, by route, method and status",
        requests.clone(),
    );
    registry.register(
        "http_request_duration_seconds",
        "Time from request to response head, by route, method and status",
        durations.clone(),
    );
    registry.register(
        "page_cache",
        "Public pages answered from the page cache (hit) or rendered (miss)",
        cache.clone(),
    );
    registry.register(
        "rate_limit_refusals",
        "Requests refused by a rate limit, by limit",
        refusals.clone(),
    );
    registry.register(
        "db_pool_connections",
        "Connections open in this worker's database pool",
        pool_size.clone(),
    );
    registry.register(
        "db_pool_idle_connections",
        "Open connections waiting for work in this worker's pool",
        pool_idle.clone(),
    );
    registry.register(
        "outbox_queued",
        "Messages waiting to be sent (in the database: the same on every instance)",
        outbox_queued.clone(),
    );
    registry.register(
        "outbox_failed",
        "Messages given up on after their last attempt (in the database)",
        outbox_failed.clone(),
    );
    Metrics {
        registry,
        requests,
        durations,
        cache,
        refusals,
        pool_size,
        pool_idle,
        outbox_queued,
        outbox_failed,
    }
});

/// A page answered from the page cache (`hit`) or rendered (`miss`).
pub fn page_cache(hit: bool) {
    METRICS
        .cache
        .get_or_create(&CacheLabels {
            result: if hit { "hit" } else { "miss" },
        })
        .inc();
}

/// A request refused by the limit `bucket`.
pub fn refused(bucket: &'static str) {
    METRICS
        .refusals
        .get_or_create(&BucketLabels { bucket })
        .inc();
}

/// Counts every answered request by its route's pattern.
pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let started = std::time::Instant::now();
    let method = req.method().as_str().to_owned();
    let res = next.call(req).await?;
    let labels = RequestLabels {
        route: res
            .request()
            .match_pattern()
            .unwrap_or_else(|| "unmatched".to_owned()),
        method,
        status: res.status().as_u16(),
    };
    METRICS.requests.get_or_create(&labels).inc();
    METRICS
        .durations
        .get_or_create(&labels)
        .observe(started.elapsed().as_secs_f64());
    Ok(res)
}

fn pool_use(db: &DatabaseConnection) -> (i64, i64) {
    match db.get_database_backend() {
        DbBackend::Postgres => {
            let p = db.get_postgres_connection_pool();
            (
                i64::from(p.size()),
                i64::try_from(p.num_idle()).unwrap_or(0),
            )
        }
        _ => {
            let p = db.get_sqlite_connection_pool();
            (
                i64::from(p.size()),
                i64::try_from(p.num_idle()).unwrap_or(0),
            )
        }
    }
}

async fn count(db: &DatabaseConnection, sql: &str) -> Result<i64, DbErr> {
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?;
    Ok(row
        .and_then(|r| r.try_get_by_index::<i64>(0).ok())
        .unwrap_or(0))
}

/// The text exposition, with the gauges read now.
pub async fn render(db: &DatabaseConnection) -> Result<String, DbErr> {
    let (size, idle) = pool_use(db);
    METRICS.pool_size.set(size);
    METRICS.pool_idle.set(idle);
    METRICS.outbox_queued.set(
        count(
            db,
            "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL",
        )
        .await?,
    );
    METRICS.outbox_failed.set(
        count(
            db,
            "SELECT COUNT(*) FROM outbox WHERE failed_at IS NOT NULL",
        )
        .await?,
    );
    let mut out = String::new();
    prometheus_client::encoding::text::encode(&mut out, &METRICS.registry)
        .map_err(|e| DbErr::Custom(format!("metrics: {e}")))?;
    Ok(out)
}
