//! Typed configuration, built once from flags and environment variables and
//! passed to the app in its state (no globals).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;
use clap::Args;
use rand::RngCore;

/// Options every command shares.
#[derive(Debug, Clone, Args)]
pub struct CommonArgs {
    /// Database URL: sqlite://path.db or postgres://user@host/db.
    /// Default: a SQLite file under the data directory, created on first start.
    #[arg(long, env = "DATABASE_URL", global = true)]
    pub database_url: Option<String>,

    /// Directory for the default SQLite database and the generated secret key.
    #[arg(long, env = "DATA_DIR", default_value = "data", global = true)]
    pub data_dir: PathBuf,

    /// Log filter (tracing EnvFilter syntax), e.g. `info` or `techbridge=debug`.
    #[arg(long, env = "LOG_LEVEL", default_value = "info", global = true)]
    pub log_level: String,
}

/// Options of the web server.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "BIND", default_value = "127.0.0.1", global = true)]
    pub bind: String,

    /// Port to listen on.
    #[arg(long, env = "PORT", default_value_t = 8080, global = true)]
    pub port: u16,

    /// Public base URL used in canonical links, feeds and the sitemap.
    /// Default: http://<bind>:<port>.
    #[arg(long, env = "PUBLIC_URL", global = true)]
    pub public_url: Option<String>,

    /// Secret for signed tokens (at least 32 characters). Several instances
    /// must share one. Default: generated once and kept in the data directory.
    #[arg(long, env = "SECRET_KEY", hide_env_values = true, global = true)]
    pub secret_key: Option<String>,

    /// Directory of the static assets (CSS, images).
    #[arg(long, env = "STATIC_DIR", global = true)]
    pub static_dir: Option<PathBuf>,

    /// Mark cookies Secure (set when served over HTTPS).
    #[arg(long, env = "SECURE_COOKIES", global = true)]
    pub secure_cookies: bool,

    /// Trust X-Forwarded-For from a reverse proxy for the client address.
    #[arg(long, env = "TRUST_PROXY", global = true)]
    pub trust_proxy: bool,

    /// Seconds to let requests in flight finish after SIGTERM.
    #[arg(long, env = "SHUTDOWN_TIMEOUT", default_value_t = 10, global = true)]
    pub shutdown_timeout: u64,

    /// Seconds a client may take to send a whole request (headers have 10).
    #[arg(long, env = "REQUEST_TIMEOUT", default_value_t = 60, global = true)]
    pub request_timeout: u64,

    /// Largest accepted document upload, in bytes.
    #[arg(long, env = "MAX_UPLOAD_BYTES", default_value_t = 5 * 1024 * 1024, global = true)]
    pub max_upload_bytes: usize,

    /// Do not load demo content into an empty database.
    #[arg(long, env = "NO_DEMO", global = true)]
    pub no_demo: bool,

    /// Longest a rendered public page is served again from memory, in
    /// milliseconds, when nothing changed (0: never). A write to anything
    /// public ends it at once on the instance that wrote and, on
    /// PostgreSQL, within 0.1 s on every other instance.
    #[arg(long, env = "PAGE_CACHE_MS", default_value_t = 600_000, global = true)]
    pub page_cache_ms: u64,

    /// The centre's time zone (IANA name): deadlines, "today" and times
    /// typed in the back office without a zone of their own are in it.
    #[arg(
        long,
        env = "CENTRE_TIMEZONE",
        default_value = "Asia/Shanghai",
        global = true
    )]
    pub centre_timezone: String,

    /// Worker threads (default: one per core).
    #[arg(long, env = "WORKERS", global = true)]
    pub workers: Option<usize>,

    /// SMTP server for messages to applicants, e.g. smtp://user:pass@host:587.
    /// Without it, messages stay in the back office outbox.
    #[arg(long, env = "SMTP_URL", hide_env_values = true, global = true)]
    pub smtp_url: Option<String>,

    /// Sender address for messages to applicants.
    #[arg(
        long,
        env = "MAIL_FROM",
        default_value = "TechBridge <noreply@techbridge.example.org>",
        global = true
    )]
    pub mail_from: String,

    /// Milliseconds between two passes of the mail sender.
    #[arg(long, env = "MAIL_EVERY_MS", default_value_t = 15_000, global = true)]
    pub mail_every_ms: u64,

    /// Serve /metrics (Prometheus text format) to requests carrying
    /// `Authorization: Bearer <this token>`; without it, /metrics is off.
    #[arg(long, env = "METRICS_TOKEN", hide_env_values = true, global = true)]
    pub metrics_token: Option<String>,

    /// Requests a minute one address may make to the JSON API under
    /// /api/v1/ (0: no limit).
    #[arg(long, env = "API_RATE_LIMIT", default_value_t = 300, global = true)]
    pub api_rate_limit: u64,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub bind: SocketAddr,
    pub public_url: String,
    pub secret_key: Vec<u8>,
    pub static_dir: PathBuf,
    pub secure_cookies: bool,
    pub trust_proxy: bool,
    pub shutdown_timeout: Duration,
    pub request_timeout: Duration,
    pub max_upload_bytes: usize,
    pub demo_content: bool,
    pub workers: Option<usize>,
    pub smtp_url: Option<String>,
    pub mail_from: String,
    pub page_cache: Duration,
    /// How often an instance that is not told of changes (SQLite, or
    /// PostgreSQL while its notification channel is down) reads the data
    /// version (`changes`).
    pub data_poll: Duration,
    /// How often the mail sender looks for messages to send.
    pub mail_every: Duration,
    /// `/metrics` answers only with this bearer token; off when unset.
    pub metrics_token: Option<String>,
    /// Requests a minute per address to the JSON API (0: unlimited).
    pub api_rate_limit: u64,
}

static CENTRE_ZONE: std::sync::OnceLock<chrono_tz::Tz> = std::sync::OnceLock::new();

/// The centre's time zone (`CENTRE_TIMEZONE`, Asia/Shanghai unless set).
/// One per process: set once at start, before anything is served.
pub fn centre_zone() -> chrono_tz::Tz {
    *CENTRE_ZONE.get_or_init(|| chrono_tz::Asia::Shanghai)
}

impl Config {
    pub fn build(common: &CommonArgs, serve: &ServeArgs) -> anyhow::Result<Self> {
        let zone: chrono_tz::Tz = serve.centre_timezone.parse().map_err(|_| {
            anyhow::anyhow!(
                "CENTRE_TIMEZONE {:?} is not an IANA time zone name (such as Asia/Shanghai)",
                serve.centre_timezone
            )
        })?;
        if CENTRE_ZONE.get_or_init(|| zone) != &zone {
            anyhow::bail!("the centre's time zone is set once per process");
        }
        let bind: SocketAddr = format!("{}:{}", serve.bind, serve.port)
            .parse()
            .with_context(|| format!("invalid bind address {}:{}", serve.bind, serve.port))?;
        let public_url = serve
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{bind}"))
            .trim_end_matches('/')
            .to_owned();
        // Served over HTTPS (as the public URL says), cookies are Secure
        // whether or not the flag was given.
        let secure_cookies = serve.secure_cookies || public_url.starts_with("https://");
        let secret_key = match &serve.secret_key {
            Some(k) if k.len() >= 32 => k.as_bytes().to_vec(),
            Some(_) => anyhow::bail!("SECRET_KEY must be at least 32 characters"),
            None => load_or_create_secret(&common.data_dir)?,
        };
        Ok(Self {
            database_url: database_url(common)?,
            bind,
            public_url,
            secret_key,
            static_dir: serve.static_dir.clone().unwrap_or_else(default_static_dir),
            secure_cookies,
            trust_proxy: serve.trust_proxy,
            shutdown_timeout: Duration::from_secs(serve.shutdown_timeout),
            request_timeout: Duration::from_secs(serve.request_timeout),
            max_upload_bytes: serve.max_upload_bytes,
            demo_content: !serve.no_demo,
            workers: serve.workers,
            smtp_url: serve.smtp_url.clone(),
            mail_from: serve.mail_from.clone(),
            page_cache: Duration::from_millis(serve.page_cache_ms.min(3_600_000)),
            data_poll: Duration::from_millis(100),
            mail_every: Duration::from_millis(serve.mail_every_ms.clamp(100, 3_600_000)),
            metrics_token: serve.metrics_token.clone().filter(|t| !t.trim().is_empty()),
            api_rate_limit: serve.api_rate_limit,
        })
    }

    /// A configuration for tests: given database, fixed secret, no demo load.
    pub fn for_tests(database_url: &str) -> Self {
        Self {
            database_url: database_url.to_owned(),
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            public_url: "http://localhost:8080".to_owned(),
            secret_key: b"test-secret-key-that-is-long-enough-0123456789".to_vec(),
            static_dir: default_static_dir(),
            secure_cookies: false,
            trust_proxy: false,
            shutdown_timeout: Duration::from_secs(5),
            request_timeout: Duration::from_secs(60),
            max_upload_bytes: 5 * 1024 * 1024,
            demo_content: false,
            workers: Some(1),
            smtp_url: None,
            mail_from: "TechBridge <noreply@techbridge.example.org>".to_owned(),
            // Tests change the database behind the app's back: no cache,
            // except where a test turns it on to check it.
            page_cache: Duration::ZERO,
            // ... and read the data version on every request.
            data_poll: Duration::ZERO,
            mail_every: Duration::from_secs(15),
            metrics_token: None,
            // Far above what a test sends; the test of the limit lowers it.
            api_rate_limit: 10_000,
        }
    }
}

/// The database URL given, or a SQLite file under the data directory.
pub fn database_url(common: &CommonArgs) -> anyhow::Result<String> {
    if let Some(url) = &common.database_url {
        return Ok(url.clone());
    }
    std::fs::create_dir_all(&common.data_dir)
        .with_context(|| format!("cannot create {}", common.data_dir.display()))?;
    Ok(format!(
        "sqlite://{}?mode=rwc",
        common.data_dir.join("techbridge.db").display()
    ))
}

/// `./static` when run from the project, else the folder the binary was built
/// from, so the binary works from any directory.
fn default_static_dir() -> PathBuf {
    let here = PathBuf::from("static");
    if here.join("css").is_dir() {
        return here;
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("static")
}

fn load_or_create_secret(data_dir: &Path) -> anyhow::Result<Vec<u8>> {
    let path = data_dir.join("secret.key");
    if let Ok(existing) = std::fs::read_to_string(&path) {
        let key = existing.trim();
        if key.len() >= 32 {
            return Ok(key.as_bytes().to_vec());
        }
    }
    std::fs::create_dir_all(data_dir)
        .with_context(|| format!("cannot create {}", data_dir.display()))?;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let key = hex::encode(bytes);
    write_private(&path, &key).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(key.into_bytes())
}

#[cfg(unix)]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(contents.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    std::fs::write(path, contents)
}
