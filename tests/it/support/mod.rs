//! Test support: a fresh database per test, built by the real migrations
//! (SQLite by default, PostgreSQL when TEST_DATABASE_URL is set), the real
//! app over it, helpers to send requests and read HTML, and builders for
//! the records a test needs (`builders`).

mod builders;
pub use builders::*;

pub mod smtp;

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
    /// Migrated, with the demo content loaded. For the few tests whose
    /// point is the demo content or a sweep over every page as a visitor
    /// finds it; any other test builds the records it needs (`builders`).
    pub async fn demo() -> Self {
        let app = Self::empty().await;
        demo::load_if_empty(&app.state.db)
            .await
            .expect("demo content");
        app
    }

    /// Migrated, with the demo content (for tests over every page type as
    /// full as the demo makes them), and the configuration changed.
    pub async fn demo_with(change: impl FnOnce(&mut Config)) -> Self {
        let mut app = Self::demo().await;
        let mut config = app.state.config.clone();
        change(&mut config);
        app.state = web::Data::new(AppState::new(app.state.db.clone(), config));
        app
    }

    /// Migrated, no content, and the configuration changed.
    pub async fn empty_with(change: impl FnOnce(&mut Config)) -> Self {
        let mut app = Self::empty().await;
        let mut config = app.state.config.clone();
        change(&mut config);
        app.state = web::Data::new(AppState::new(app.state.db.clone(), config));
        app
    }

    /// Over an existing database (a restored backup, say), migrated; the
    /// database is the caller's to remove.
    pub async fn on(url: &str) -> Self {
        let conn = db::connect(url).await.expect("connect");
        db::migrate(&conn).await.expect("migrate");
        let state = web::Data::new(AppState::new(conn, Config::for_tests(url)));
        Self {
            state,
            _db: TestDb {
                url: url.to_owned(),
                _dir: None,
                pg_drop: None,
            },
        }
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

    /// The database's URL, for a real server process over the same data.
    pub fn database_url(&self) -> &str {
        &self._db.url
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

    /// Whether any element matches a CSS selector.
    pub fn has(&self, selector: &str) -> bool {
        let sel = scraper::Selector::parse(selector).expect("selector");
        self.html().select(&sel).next().is_some()
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

    /// Whether the page's text (not its markup) contains `s`: hostile input
    /// that reaches a page escaped shows up here, as typed.
    pub fn shows_text(&self, s: &str) -> bool {
        self.html()
            .root_element()
            .text()
            .collect::<String>()
            .contains(s)
    }

    /// Everything in the page that would run script: elements with an
    /// event-handler attribute (`img[onerror]`...), inline `script`
    /// elements or ones that mention `alert`, `javascript:` URLs in links,
    /// sources or form actions, and embedding elements. Empty for an inert
    /// page.
    pub fn hostile_markup(&self) -> Vec<String> {
        let html = self.html();
        let mut found = Vec::new();
        for (selector, what) in [
            ("img[onerror]", "img with onerror"),
            (
                "[onload], [onclick], [onmouseover], [onfocus]",
                "event handler",
            ),
            (
                "a[href^=javascript], a[href^=JavaScript]",
                "javascript: link",
            ),
            ("iframe, object, embed, svg script", "embedded content"),
        ] {
            let sel = scraper::Selector::parse(selector).expect("selector");
            for e in html.select(&sel) {
                found.push(format!("{what}: {}", e.html()));
            }
        }
        for e in html
            .root_element()
            .descendants()
            .filter_map(scraper::ElementRef::wrap)
        {
            let v = e.value();
            for (name, value) in v.attrs() {
                let name = name.to_ascii_lowercase();
                if name.starts_with("on") {
                    found.push(format!("<{} {name}=...>", v.name()));
                }
                let squeezed: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if matches!(
                    name.as_str(),
                    "href" | "src" | "action" | "formaction" | "xlink:href" | "data"
                ) && (squeezed.starts_with("javascript:") || squeezed.starts_with("vbscript:"))
                {
                    found.push(format!("<{} {name}=\"{value}\">", v.name()));
                }
            }
            if v.name() == "script" {
                let text = e.text().collect::<String>();
                // A JSON-LD data block is never run; one that is not whole
                // JSON would mean something closed it early.
                let data = v.attr("type") == Some("application/ld+json");
                if data {
                    if serde_json::from_str::<serde_json::Value>(&text).is_err() {
                        found.push(format!("broken data block: {}", e.html()));
                    }
                } else if v.attr("src").is_none() || text.contains("alert") {
                    found.push(format!("script: {}", e.html()));
                }
            }
        }
        found
    }

    /// Fails the test, naming `what`, if the page has markup that would
    /// run script.
    pub fn assert_inert(&self, what: &str) {
        let bad = self.hostile_markup();
        assert!(bad.is_empty(), "{what}: {bad:#?}");
    }
}

/// The client address every request of the tests comes from, unless sent
/// with [`send_from`].
pub const CLIENT_IP: &str = "203.0.113.7";

pub async fn send<S, B>(app: &S, req: test::TestRequest) -> Resp
where
    S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    send_from(app, req, &format!("{CLIENT_IP}:40000")).await
}

/// Sends a request from a chosen peer address (`"198.51.100.4:5000"`): the
/// app reads the client address from the connection, not from headers
/// (`Config::for_tests` does not trust a proxy).
pub async fn send_from<S, B>(app: &S, req: test::TestRequest, peer: &str) -> Resp
where
    S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let res = test::call_service(
        app,
        req.peer_addr(peer.parse().expect("peer address"))
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

/// The slug of the demo's rice package, which 'padi' and '水稻' find; the
/// builders' rice technologies take it too.
pub const RICE: &str = "hybrid-rice-varieties-and-high-yield-cultivation-for-tropical-paddy-fields";

/// Back-office accounts used by the tests, one per role.
pub const ADMIN: (&str, &str) = ("admin@centre.example.org", "violet-harbour-kettle-42");
pub const EDITOR: (&str, &str) = ("editor@centre.example.org", "amber-lantern-meadow-17");
pub const REVIEWER: (&str, &str) = ("reviewer@centre.example.org", "silver-orchard-rain-58");

impl TestApp {
    /// Creates the three test accounts.
    pub async fn with_accounts(self) -> Self {
        techbridge::accounts::create_admin(self.conn(), ADMIN.0, "Ada Admin", ADMIN.1)
            .await
            .unwrap();
        EditorBuilder::new(EDITOR.0, EDITOR.1)
            .name("Eddie Editor")
            .insert(self.conn())
            .await;
        EditorBuilder::new(REVIEWER.0, REVIEWER.1)
            .name("Rita Reviewer")
            .role("reviewer")
            .insert(self.conn())
            .await;
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

    /// A form POST with this browser's cookies and exactly the headers
    /// given besides (no `Sec-Fetch-Site` unless given): for requests that a
    /// browser would mark as cross-site.
    pub async fn post_with<S, B>(
        &mut self,
        app: &S,
        path: &str,
        form: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Resp
    where
        S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
        B: MessageBody,
    {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form)
            .finish();
        let mut req = test::TestRequest::post()
            .uri(path)
            .insert_header(("content-type", "application/x-www-form-urlencoded"))
            .insert_header(("cookie", self.header()));
        for (k, v) in headers {
            req = req.insert_header((k.to_string(), v.to_string()));
        }
        let r = send(app, req.set_payload(body)).await;
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

/// A digest of every table a request could change (sessions by id and
/// owner only, since their last-seen time moves by itself; rate-limit
/// events left out), to show that a refused request changed nothing.
pub async fn fingerprint(t: &TestApp) -> Vec<(&'static str, u64)> {
    use sea_orm::EntityTrait;
    use std::hash::{DefaultHasher, Hash, Hasher};
    fn digest(mut rows: Vec<String>) -> u64 {
        rows.sort();
        let mut h = DefaultHasher::new();
        rows.hash(&mut h);
        h.finish()
    }
    let db = t.conn();
    let mut out = Vec::new();
    macro_rules! tables {
        ($($m:ident),* $(,)?) => {$(
            let rows = techbridge::entities::$m::Entity::find()
                .all(db)
                .await
                .expect(stringify!($m));
            out.push((
                stringify!($m),
                digest(rows.iter().map(|r| format!("{r:?}")).collect()),
            ));
        )*};
    }
    tables!(
        application,
        application_document,
        application_history,
        application_review,
        audit_entry,
        call_translation,
        editor,
        event,
        event_translation,
        fellow,
        fellow_translation,
        host_post,
        host_post_translation,
        import_upload,
        inquiry,
        media,
        media_translation,
        media_variant,
        need,
        need_translation,
        network_member,
        network_member_translation,
        news,
        news_translation,
        outbox_message,
        page,
        page_translation,
        programme_call,
        search_doc,
        setting,
        technology,
        technology_image,
        technology_translation,
    );
    let sessions = techbridge::entities::session::Entity::find()
        .all(db)
        .await
        .expect("sessions");
    out.push((
        "session",
        digest(
            sessions
                .iter()
                .map(|s| format!("{} {} {}", s.id, s.editor_id, s.csrf_token))
                .collect(),
        ),
    ));
    out
}

/// A minimal PDF, enough for the programme's document check.
pub const SAMPLE_PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// The referees of the applications `submit_application` sends.
pub const REFEREE_FIELDS: [(&str, &str); 8] = [
    ("referee1_name", "Le Van Hoa"),
    ("referee1_email", "le.hoa@referee.example.edu.vn"),
    (
        "referee1_institution",
        "Vietnam Academy of Agricultural Sciences",
    ),
    ("referee1_lang", "en"),
    ("referee2_name", "Wei Lan"),
    ("referee2_email", "wei.lan@referee.example.cn"),
    ("referee2_institution", "Guangxi University"),
    ("referee2_lang", "zh-CN"),
];

/// Submits a complete, eligible application through the public form, from
/// `email` (one application per address), and returns it.
pub async fn submit_application<S, B>(
    app: &S,
    t: &TestApp,
    email: &str,
) -> techbridge::entities::application::Model
where
    S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    submit_application_in(app, t, "en", email).await
}

/// Submits a complete, eligible application through the public form in
/// the language `lang`, from `email`, and returns it.
pub async fn submit_application_in<S, B>(
    app: &S,
    t: &TestApp,
    lang: &str,
    email: &str,
) -> techbridge::entities::application::Model
where
    S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    use techbridge::entities::{application, host_post};
    let post = host_post::Entity::find()
        .one(t.conn())
        .await
        .expect("host post")
        .expect("a host post: build one with open_call")
        .id
        .to_string();
    let token = format!("tok-{email}");
    let fields: [(&str, &str); 16] = [
        ("submission_token", &token),
        ("name", "Nguyen Thi Mai"),
        ("email", email),
        ("nationality", "VN"),
        ("date_of_birth", "1991-06-15"),
        ("degree", "phd"),
        ("research_years", "6"),
        ("field", "agriculture"),
        ("institution", "Hanoi University of Science"),
        ("host_post", &post),
        ("english_level", "fluent"),
        ("chinese_level", "basic"),
        ("proposal_title", "Salt-tolerant rice for the Mekong Delta"),
        (
            "proposal",
            "I propose to screen Guangxi rice germplasm for salinity tolerance genes and to cross the best lines with Vietnamese varieties grown in the Mekong Delta, where sea water intrudes further every dry season. The work combines field trials with marker-assisted selection in the host laboratory.",
        ),
        ("consent", "yes"),
        ("website", ""),
    ];
    let boundary = "----tbsupportapplyboundary";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    // The two referees the form asks for.
    for (name, value) in REFEREE_FIELDS {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    for (name, filename) in [("cv", "cv.pdf"), ("degree_file", "degree.pdf")] {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\nContent-Type: application/pdf\r\n\r\n")
                .as_bytes(),
        );
        body.extend_from_slice(SAMPLE_PDF);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let r = send(
        app,
        test::TestRequest::post()
            .uri(&format!("/{lang}/programme/apply"))
            .insert_header((
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            ))
            .insert_header(("sec-fetch-site", "same-origin"))
            .set_payload(body),
    )
    .await;
    assert_eq!(
        r.status,
        303,
        "application refused: {}",
        r.text(".error-summary")
    );
    application::Entity::find()
        .filter(application::Column::Email.eq(email))
        .one(t.conn())
        .await
        .expect("application")
        .expect("the application just submitted")
}
