//! Test support: a fresh database per test, built by the real migrations
//! (SQLite by default, PostgreSQL when TEST_DATABASE_URL is set), the real
//! app over it, and helpers to send requests and read HTML.

use std::sync::atomic::{AtomicU32, Ordering};

use actix_http::Request;
use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::HeaderMap;
use actix_web::{test, web};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use techbridge::{AppState, Config, db, demo};

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A database that exists for one test and is removed after it.
pub struct TestDb {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
    pg_drop: Option<(String, String)>,
}

impl TestDb {
    pub async fn new() -> Self {
        match std::env::var("TEST_DATABASE_URL") {
            Ok(admin) if admin.starts_with("postgres") => Self::postgres(admin).await,
            _ => Self::sqlite(),
        }
    }

    fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("test.db").display());
        Self {
            url,
            _dir: Some(dir),
            pg_drop: None,
        }
    }

    async fn postgres(admin: String) -> Self {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let name = format!(
            "techbridge_test_{}_{}_{}",
            std::process::id(),
            n,
            rand::random::<u32>()
        );
        let conn = sea_orm::Database::connect(&admin)
            .await
            .expect("connect to TEST_DATABASE_URL");
        conn.execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
            .await
            .expect("create test database");
        conn.close().await.ok();
        let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
        let url = format!("{base}/{name}");
        Self {
            url,
            _dir: None,
            pg_drop: Some((admin, name)),
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some((admin, name)) = self.pg_drop.take() else {
            return;
        };
        // Drop runs outside any async context we may block: use a thread
        // with its own runtime.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("rt");
            rt.block_on(async {
                if let Ok(conn) = sea_orm::Database::connect(&admin).await {
                    let _ = conn
                        .execute_unprepared(&format!(
                            "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
                        ))
                        .await;
                    conn.close().await.ok();
                }
            });
        })
        .join();
    }
}

/// The application over a fresh database.
pub struct TestApp {
    pub state: web::Data<AppState>,
    // Dropped last: the database outlives the state that uses it.
    _db: TestDb,
}

impl TestApp {
    /// Migrated, with the demo content loaded.
    pub async fn demo() -> Self {
        let app = Self::empty().await;
        demo::load_if_empty(&app.state.db)
            .await
            .expect("demo content");
        app
    }

    /// Migrated, no content.
    pub async fn empty() -> Self {
        let tdb = TestDb::new().await;
        let conn = db::connect(&tdb.url).await.expect("connect");
        db::migrate(&conn).await.expect("migrate");
        let state = web::Data::new(AppState::new(conn, Config::for_tests(&tdb.url)));
        Self { state, _db: tdb }
    }

    pub fn conn(&self) -> &DatabaseConnection {
        &self.state.db
    }

    pub async fn service(
        &self,
    ) -> impl Service<Request, Response = ServiceResponse<impl MessageBody>, Error = actix_web::Error>
    {
        test::init_service(techbridge::app(self.state.clone())).await
    }
}

/// A response, read whole.
pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn html(&self) -> scraper::Html {
        scraper::Html::parse_document(&self.body)
    }

    /// Text of every element matching a CSS selector.
    pub fn texts(&self, selector: &str) -> Vec<String> {
        let sel = scraper::Selector::parse(selector).expect("selector");
        self.html()
            .select(&sel)
            .map(|e| {
                e.text()
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    pub fn text(&self, selector: &str) -> String {
        self.texts(selector).into_iter().next().unwrap_or_default()
    }

    /// An attribute of every element matching a selector.
    pub fn attrs(&self, selector: &str, attr: &str) -> Vec<String> {
        let sel = scraper::Selector::parse(selector).expect("selector");
        self.html()
            .select(&sel)
            .filter_map(|e| e.value().attr(attr).map(str::to_owned))
            .collect()
    }

    pub fn attr(&self, selector: &str, attr: &str) -> Option<String> {
        self.attrs(selector, attr).into_iter().next()
    }

    pub fn location(&self) -> Option<&str> {
        self.header("location")
    }
}

pub async fn send<S, B>(app: &S, req: test::TestRequest) -> Resp
where
    S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let res = test::call_service(
        app,
        req.peer_addr("203.0.113.7:40000".parse().expect("addr"))
            .to_request(),
    )
    .await;
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = test::read_body(res).await;
    Resp {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

pub async fn get<S, B>(app: &S, path: &str) -> Resp
where
    S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    send(app, test::TestRequest::get().uri(path)).await
}

/// A same-origin form POST, as a browser sends it.
pub async fn post_form<S, B>(app: &S, path: &str, form: &[(&str, &str)]) -> Resp
where
    S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form)
        .finish();
    send(
        app,
        test::TestRequest::post()
            .uri(path)
            .insert_header(("content-type", "application/x-www-form-urlencoded"))
            .insert_header(("sec-fetch-site", "same-origin"))
            .set_payload(body),
    )
    .await
}

pub const LANGS: [&str; 3] = ["zh-CN", "en", "id"];

/// The demo technology that 'padi' and '水稻' must find.
pub const RICE: &str = "hybrid-rice-varieties-and-high-yield-cultivation-for-tropical-paddy-fields";
