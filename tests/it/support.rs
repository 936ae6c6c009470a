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
        // RUST_LOG=error cargo test … shows why a request failed.
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
            .with_test_writer()
            .try_init();
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

/// Back-office accounts used by the tests, one per role.
pub const ADMIN: (&str, &str) = ("admin@centre.example.org", "violet-harbour-kettle-42");
pub const EDITOR: (&str, &str) = ("editor@centre.example.org", "amber-lantern-meadow-17");
pub const REVIEWER: (&str, &str) = ("reviewer@centre.example.org", "silver-orchard-rain-58");

impl TestApp {
    /// Creates the three test accounts.
    pub async fn with_accounts(self) -> Self {
        use sea_orm::{ActiveModelTrait, Set};
        techbridge::accounts::create_admin(self.conn(), ADMIN.0, "Ada Admin", ADMIN.1)
            .await
            .unwrap();
        for ((email, password), role, name) in [
            (EDITOR, "editor", "Eddie Editor"),
            (REVIEWER, "reviewer", "Rita Reviewer"),
        ] {
            let t = techbridge::db::now();
            techbridge::entities::editor::ActiveModel {
                email: Set(email.to_owned()),
                display_name: Set(name.to_owned()),
                role: Set(role.to_owned()),
                password_hash: Set(techbridge::accounts::hash_password(password).unwrap()),
                ui_lang: Set("en".to_owned()),
                active: Set(true),
                created_at: Set(t),
                updated_at: Set(t),
                ..Default::default()
            }
            .insert(self.conn())
            .await
            .unwrap();
        }
        self
    }
}

/// A browser's cookie jar for one user, and the CSRF token of its session.
#[derive(Clone, Default)]
pub struct Browser {
    pub cookies: Vec<(String, String)>,
    pub csrf: String,
}

impl Browser {
    pub fn header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub fn absorb(&mut self, r: &Resp) {
        for v in r.headers.get_all("set-cookie") {
            let Ok(v) = v.to_str() else { continue };
            let pair = v.split(';').next().unwrap_or("");
            let Some((k, val)) = pair.split_once('=') else {
                continue;
            };
            self.cookies.retain(|(n, _)| n != k);
            let removed = v.contains("Max-Age=0")
                || v.to_ascii_lowercase().contains("expires=thu, 01 jan 1970");
            if !removed && !val.is_empty() {
                self.cookies.push((k.to_owned(), val.to_owned()));
            }
        }
    }

    pub fn session(&self) -> Option<String> {
        self.cookies
            .iter()
            .find(|(k, _)| k == "tb_session")
            .map(|(_, v)| v.clone())
    }

    pub async fn get<S, B>(&mut self, app: &S, path: &str) -> Resp
    where
        S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
        B: MessageBody,
    {
        let r = send(
            app,
            test::TestRequest::get()
                .uri(path)
                .insert_header(("cookie", self.header())),
        )
        .await;
        self.absorb(&r);
        if let Some(token) = r.attr("input[name=csrf]", "value") {
            self.csrf = token;
        }
        r
    }

    /// A same-origin form POST with this browser's cookies.
    pub async fn post<S, B>(&mut self, app: &S, path: &str, form: &[(&str, &str)]) -> Resp
    where
        S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
        B: MessageBody,
    {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form)
            .finish();
        let r = send(
            app,
            test::TestRequest::post()
                .uri(path)
                .insert_header(("content-type", "application/x-www-form-urlencoded"))
                .insert_header(("sec-fetch-site", "same-origin"))
                .insert_header(("cookie", self.header()))
                .set_payload(body),
        )
        .await;
        self.absorb(&r);
        r
    }

    /// Posts with the session's CSRF token added.
    pub async fn post_csrf<S, B>(&mut self, app: &S, path: &str, form: &[(&str, &str)]) -> Resp
    where
        S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
        B: MessageBody,
    {
        let csrf = self.csrf.clone();
        let mut all: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(form);
        self.post(app, path, &all).await
    }
}

/// Signs in through the login form, as a browser would.
pub async fn login<S, B>(app: &S, (email, password): (&str, &str)) -> Browser
where
    S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let mut b = Browser::default();
    let form = b.get(app, "/admin/login").await;
    let token = form
        .attr("input[name=token]", "value")
        .expect("login token");
    let r = b
        .post(
            app,
            "/admin/login",
            &[
                ("email", email),
                ("password", password),
                ("token", &token),
                ("next", "/admin/"),
            ],
        )
        .await;
    assert_eq!(
        r.status,
        303,
        "login of {email} failed: {}",
        r.text(".error-summary")
    );
    b.get(app, "/admin/").await;
    assert!(!b.csrf.is_empty());
    b
}
