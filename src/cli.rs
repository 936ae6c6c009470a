//! The `techbridge` command line: serve (the default), migrate, seed-demo,
//! seed-synthetic, create-admin, backup, restore and import.

use std::process::ExitCode;

use actix_web::{HttpServer, web};
use anyhow::Context;
use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;

use crate::config::{CommonArgs, Config, ServeArgs};
use crate::web::AppState;
use crate::{accounts, db, demo};

#[derive(Parser)]
#[command(
    name = "techbridge",
    version,
    about = "The China-ASEAN technology transfer portal",
    long_about = "The China-ASEAN technology transfer portal.\n\nWithout a command it serves the \
                  portal, creating, migrating and filling an embedded SQLite database with demo \
                  content on first start."
)]
struct Cli {
    #[command(flatten)]
    common: CommonArgs,
    #[command(flatten)]
    serve: ServeArgs,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the portal (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load the demo content (technologies, events, news, fellows...) into
    /// an empty database.
    SeedDemo,
    /// Add N synthetic technologies in three languages, for load tests.
    SeedSynthetic {
        /// How many technologies to add.
        n: u32,
    },
    /// Create an administrator account. The password is read from
    /// ADMIN_PASSWORD, or asked for on the terminal.
    CreateAdmin {
        /// Email address to log in with.
        #[arg(long)]
        email: String,
        /// Name shown in the back office and the audit log.
        #[arg(long, default_value = "Administrator")]
        name: String,
    },
    /// Write a consistent copy of the SQLite database to FILE, while the
    /// portal keeps serving (PostgreSQL: use pg_dump, see the README).
    Backup {
        /// Where to write it; must not exist yet.
        file: std::path::PathBuf,
    },
    /// Import records from a spreadsheet (CSV or XLSX): all rows or none.
    /// Problems are listed by row and column, and nothing is changed.
    Import {
        #[command(subcommand)]
        what: ImportKind,
    },
    /// Put a backup in place of the SQLite database (stop the portal
    /// first). Refuses a file that is not a portal backup or that comes
    /// from a newer version; migrates an older one.
    Restore {
        /// The backup to restore.
        file: std::path::PathBuf,
        /// Replace a database that already has content.
        #[arg(long)]
        replace: bool,
    },
}

#[derive(Subcommand)]
enum ImportKind {
    /// Technologies, one per row (columns as in the back office's template).
    Technologies {
        /// The spreadsheet to import.
        file: std::path::PathBuf,
        /// Only check the file: list its problems, change nothing.
        #[arg(long)]
        dry_run: bool,
        /// The language of the messages (zh-CN, en or id).
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Needs, one per row (columns as in the back office's template).
    Needs {
        /// The spreadsheet to import.
        file: std::path::PathBuf,
        /// Only check the file: list its problems, change nothing.
        #[arg(long)]
        dry_run: bool,
        /// The language of the messages (zh-CN, en or id).
        #[arg(long, default_value = "en")]
        lang: String,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing(&cli.common.log_level);
    let result = actix_web::rt::System::new().block_on(run(cli));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing(filter: &str) {
    let filter = EnvFilter::try_new(filter)
        .or_else(|_| EnvFilter::try_new("info"))
        .unwrap_or_default();
    // One line per request when its span closes: method, route, status,
    // request id and the time it took.
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()))
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .init();
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(&cli.common, &cli.serve).await,
        Command::Migrate => {
            let conn = open(&cli.common).await?;
            println!("database is up to date");
            conn.close().await.ok();
            Ok(())
        }
        Command::SeedDemo => {
            let conn = open(&cli.common).await?;
            if demo::load_if_empty(&conn).await? {
                demo::deals::load(&conn).await?;
                println!("demo content loaded");
            } else {
                println!("the database already has content; nothing loaded");
            }
            Ok(())
        }
        Command::SeedSynthetic { n } => {
            let conn = open(&cli.common).await?;
            let started = std::time::Instant::now();
            demo::synthetic::load(&conn, n).await?;
            println!(
                "{n} synthetic technologies added in {:.1?}",
                started.elapsed()
            );
            Ok(())
        }
        Command::Backup { file } => {
            let url = crate::config::database_url(&cli.common)?;
            crate::backup::sqlite_file(&url)?;
            let conn = db::connect(&url)
                .await
                .with_context(|| format!("cannot open the database at {}", redact(&url)))?;
            let summary = crate::backup::backup(&conn, &file).await;
            conn.close().await.ok();
            println!("backup written to {}: {}", file.display(), summary?);
            Ok(())
        }
        Command::Restore { file, replace } => {
            let url = crate::config::database_url(&cli.common)?;
            let summary = crate::backup::restore(&file, &url, replace).await?;
            println!("{} restored: {summary}", file.display());
            Ok(())
        }
        Command::Import { what } => {
            use crate::admin::import::kinds::What;
            let (what, file, dry_run, lang) = match what {
                ImportKind::Technologies {
                    file,
                    dry_run,
                    lang,
                } => (What::Technologies, file, dry_run, lang),
                ImportKind::Needs {
                    file,
                    dry_run,
                    lang,
                } => (What::Needs, file, dry_run, lang),
            };
            let conn = open(&cli.common).await?;
            let outcome = import(&conn, what, &file, dry_run, &lang).await;
            conn.close().await.ok();
            outcome
        }
        Command::CreateAdmin { email, name } => {
            let conn = open(&cli.common).await?;
            let password = match std::env::var("ADMIN_PASSWORD") {
                Ok(p) if !p.is_empty() => p,
                _ => ask_password()?,
            };
            accounts::create_admin(&conn, &email, &name, &password).await?;
            println!("administrator {email} created");
            Ok(())
        }
    }
}

/// `import technologies|needs FILE`: a progress bar on a terminal, one
/// line of summary otherwise; the problems, and a failure, when there are
/// any.
async fn import(
    conn: &sea_orm::DatabaseConnection,
    what: crate::admin::import::kinds::What,
    file: &std::path::Path,
    dry_run: bool,
    lang: &str,
) -> anyhow::Result<()> {
    use crate::admin::import::{self, Rejected};
    use std::io::IsTerminal;
    let tr = crate::web::Translator {
        locale: crate::i18n::Locale::from_tag(lang).unwrap_or_default(),
    };
    let size = std::fs::metadata(file)
        .with_context(|| format!("cannot read {}", file.display()))?
        .len();
    let max = import::sheet::MAX_BYTES;
    anyhow::ensure!(
        size <= max as u64,
        "{}",
        tr.tn("import-too-large", max / (1024 * 1024))
    );
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let started = std::time::Instant::now();
    let outcome = if dry_run {
        import::dry_run(conn, what, &bytes).await?
    } else {
        let name = file
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let actor = crate::audit::Actor {
            id: None,
            email: "command line",
            ip: None,
        };
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new(0);
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            bar
        });
        let outcome = import::run(conn, what, &bytes, &actor, &name, |done, total| {
            if let Some(bar) = &bar {
                bar.set_length(total as u64);
                bar.set_position(done as u64);
            }
        })
        .await?;
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        outcome
    };
    match outcome {
        Ok(counts) => {
            let id = if dry_run {
                "admin-import-ready"
            } else {
                "admin-import-done"
            };
            println!(
                "{} ({:.2} s)",
                import::counts_text(&tr, id, counts),
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Err(Rejected::Refused(r)) => anyhow::bail!("{}", import::refusal_text(&r, &tr)),
        Err(Rejected::Problems(problems)) => {
            for p in &problems {
                eprintln!(
                    "{} {}, {}: {}",
                    tr.t("admin-import-col-row"),
                    p.row,
                    p.column,
                    p.reason(&tr)
                );
            }
            anyhow::bail!(
                "{} {}",
                tr.tn("admin-import-problems", problems.len()),
                tr.t("admin-import-nothing-changed")
            )
        }
    }
}

async fn open(common: &CommonArgs) -> anyhow::Result<sea_orm::DatabaseConnection> {
    let url = crate::config::database_url(common)?;
    let conn = db::connect(&url)
        .await
        .with_context(|| format!("cannot open the database at {}", redact(&url)))?;
    db::migrate(&conn).await.context("migration failed")?;
    Ok(conn)
}

fn ask_password() -> anyhow::Result<String> {
    let first = rpassword::prompt_password("Password (at least 12 characters): ")?;
    let second = rpassword::prompt_password("Repeat the password: ")?;
    anyhow::ensure!(first == second, "the two passwords differ");
    Ok(first)
}

/// A database URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            let user = creds.split(':').next().unwrap_or("");
            format!("{}{}:***{}", &url[..s + 3], user, &url[at..])
        }
        _ => url.to_owned(),
    }
}

async fn serve(common: &CommonArgs, serve: &ServeArgs) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let config = Config::build(common, serve)?;
    let conn = db::connect(&config.database_url).await.with_context(|| {
        format!(
            "cannot open the database at {}",
            redact(&config.database_url)
        )
    })?;
    db::migrate(&conn).await.context("migration failed")?;
    if config.demo_content && demo::load_if_empty(&conn).await? {
        demo::deals::load(&conn).await?;
        tracing::info!("empty database: demo content loaded");
    }
    if let Some(url) = &config.smtp_url {
        crate::outbox::spawn_sender(
            conn.clone(),
            url.clone(),
            config.mail_from.clone(),
            config.mail_every,
        );
    }
    let bind = config.bind;
    let workers = config.workers;
    let shutdown = config.shutdown_timeout;
    let public_url = config.public_url.clone();
    let postgres = config.database_url.starts_with("postgres");
    let state = AppState::new(conn.clone(), config);
    if postgres {
        // Every instance hears of every write at once (`changes`).
        state
            .changes
            .listen(conn.get_postgres_connection_pool().clone());
    }
    // One pool per worker on PostgreSQL (why: `AppState::for_worker`);
    // SQLite connections run on threads of their own and share one pool.
    let worker_count = workers.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get)
    });
    let mut pools = Vec::new();
    if postgres {
        let per_worker = u32::try_from((16 / worker_count).max(4)).unwrap_or(4);
        for _ in 0..worker_count {
            pools.push(db::connect_worker_pool(&state.config.database_url, per_worker).await?);
        }
    }
    let shared = web::Data::new(state);
    crate::periodic::spawn(shared.clone(), std::time::Duration::from_secs(60));
    // The sign-in check for an unknown email verifies against a dummy hash;
    // making it now keeps the first such attempt as slow as any other.
    let checks = shared.password_checks.clone();
    actix_web::rt::spawn(async move {
        let _ = checks.prepare().await;
    });
    let worker_pools = pools.clone();
    let next_pool = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut server = HttpServer::new(move || {
        let state = if pools.is_empty() {
            shared.clone()
        } else {
            let i = next_pool.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % pools.len();
            web::Data::new(shared.for_worker(pools[i].clone()))
        };
        crate::app::app(state)
    })
    // A response written in more than one piece must not wait for the
    // client's delayed ACK before its last piece goes out.
    .tcp_nodelay(true)
    .shutdown_timeout(shutdown.as_secs())
    .client_request_timeout(std::time::Duration::from_secs(10))
    .client_disconnect_timeout(std::time::Duration::from_secs(2));
    server = server.workers(worker_count);
    let server = server
        .bind(bind)
        .with_context(|| format!("cannot listen on {bind}"))?;
    tracing::info!(elapsed_ms = started.elapsed().as_millis() as u64, "ready");
    println!("TechBridge is serving {public_url}/ (listening on http://{bind})");
    server.run().await?;
    tracing::info!("stopped; closing the database");
    // Each connection says goodbye to PostgreSQL rather than vanish.
    for pool in worker_pools {
        pool.close().await.ok();
    }
    conn.close().await.ok();
    Ok(())
}
