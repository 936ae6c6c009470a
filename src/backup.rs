//! Backups of the embedded SQLite database, taken while the portal serves
//! and writes, and restores that refuse what would break it.
//!
//! `VACUUM INTO` copies the database as one read transaction sees it: a
//! consistent snapshot, whatever commits meanwhile (WAL readers do not
//! block writers), into a new, compacted file. The copy is then opened and
//! checked before it is called a backup. A restore checks the file the
//! same way, refuses one that is not a portal database or that was made by
//! a newer version (its schema has migrations this binary does not know),
//! replaces the database file in one rename, and migrates an older backup
//! up to the current schema. PostgreSQL has its own tools (`pg_dump`,
//! `pg_restore`; see the README), so both refuse a PostgreSQL URL.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail, ensure};
use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};

/// What a backup holds, as checked after writing it or before restoring it.
#[derive(Debug)]
pub struct Summary {
    /// The newest migration in it: the schema version.
    pub schema: String,
    pub technologies: i64,
    pub inquiries: i64,
    pub applications: i64,
    pub documents: i64,
    pub bytes: u64,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} bytes, schema {}: {} technologies, {} inquiries, {} applications with {} documents",
            self.bytes,
            self.schema,
            self.technologies,
            self.inquiries,
            self.applications,
            self.documents
        )
    }
}

/// The file behind a SQLite URL (`sqlite://data/techbridge.db?mode=rwc`).
pub fn sqlite_file(url: &str) -> anyhow::Result<PathBuf> {
    ensure!(
        url.starts_with("sqlite:"),
        "backup and restore work on the embedded SQLite database; for PostgreSQL use \
         pg_dump and pg_restore (see the README, \"Backups\")"
    );
    crate::db::sqlite_path(url).ok_or_else(|| anyhow::anyhow!("the database {url} is not a file"))
}

fn sqlite_url(path: &Path, mode: &str) -> String {
    format!("sqlite://{}?mode={mode}", path.display())
}

/// Writes a consistent copy of the database behind `db` to `to`, which
/// must not exist yet, and checks it.
pub async fn backup(db: &DatabaseConnection, to: &Path) -> anyhow::Result<Summary> {
    ensure!(
        db.get_database_backend() == DbBackend::Sqlite,
        "backup works on the embedded SQLite database; for PostgreSQL use pg_dump (see the \
         README, \"Backups\")"
    );
    ensure!(
        !to.exists(),
        "{} already exists: a backup never overwrites a file",
        to.display()
    );
    if let Some(dir) = to.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let target = to.to_str().context("the backup path is not valid UTF-8")?;
    db.execute_raw(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "VACUUM INTO ?",
        [target.into()],
    ))
    .await
    .with_context(|| format!("cannot write the backup to {}", to.display()))?;
    inspect(to).await.with_context(|| {
        format!(
            "the backup at {} was written but does not check out",
            to.display()
        )
    })
}

/// Checks that `file` is a portal database this binary can run on, and
/// says what it holds.
pub async fn inspect(file: &Path) -> anyhow::Result<Summary> {
    let bytes = std::fs::metadata(file)
        .with_context(|| format!("cannot read {}", file.display()))?
        .len();
    let mut head = [0u8; 16];
    let n = std::io::Read::read(
        &mut std::fs::File::open(file)
            .with_context(|| format!("cannot open {}", file.display()))?,
        &mut head,
    )?;
    ensure!(
        n == 16 && &head == b"SQLite format 3\0",
        "{} is not a SQLite database, so not a portal backup",
        file.display()
    );
    let mut options = sea_orm::ConnectOptions::new(sqlite_url(file, "ro"));
    options.sqlx_logging(false);
    let db = sea_orm::Database::connect(options)
        .await
        .with_context(|| format!("cannot open {}", file.display()))?;
    let result = check(&db, bytes).await;
    db.close().await.ok();
    result
}

async fn one_i64(db: &DatabaseConnection, sql: &str) -> anyhow::Result<i64> {
    let row = db
        .query_one_raw(Statement::from_string(DbBackend::Sqlite, sql))
        .await?
        .context("no row")?;
    Ok(row.try_get_by_index::<i64>(0)?)
}

async fn check(db: &DatabaseConnection, bytes: u64) -> anyhow::Result<Summary> {
    let has_migrations = one_i64(
        db,
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'seaql_migrations'",
    )
    .await?;
    ensure!(
        has_migrations == 1,
        "not a portal backup: it has no record of the portal's migrations"
    );
    let applied: Vec<String> = db
        .query_all_raw(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT version FROM seaql_migrations ORDER BY version",
        ))
        .await?
        .iter()
        .map(|r| r.try_get::<String>("", "version"))
        .collect::<Result<_, _>>()?;
    let known: Vec<String> = Migrator::migrations()
        .iter()
        .map(|m| m.name().to_owned())
        .collect();
    ensure!(
        known.first().is_some_and(|first| applied.contains(first)),
        "not a portal backup: the portal's first migration is not in it"
    );
    if let Some(unknown) = applied.iter().find(|v| !known.contains(v)) {
        bail!(
            "this backup comes from a newer version of the portal (its schema has migration \
             {unknown}, which this binary does not know): restore it with that version or a later one"
        );
    }
    let integrity: String = db
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            "PRAGMA integrity_check",
        ))
        .await?
        .context("no integrity answer")?
        .try_get_by_index(0)?;
    ensure!(integrity == "ok", "the database is damaged: {integrity}");
    Ok(Summary {
        schema: applied.last().cloned().unwrap_or_default(),
        technologies: one_i64(db, "SELECT COUNT(*) FROM technologies").await?,
        inquiries: one_i64(db, "SELECT COUNT(*) FROM inquiries").await?,
        applications: one_i64(db, "SELECT COUNT(*) FROM applications").await?,
        documents: one_i64(db, "SELECT COUNT(*) FROM application_documents").await?,
        bytes,
    })
}

/// Puts the backup `from` in place of the database at `database_url`.
/// The portal must be stopped. An existing database with content is
/// replaced only when `replace` says so; the backup is checked first, and
/// the switch is one rename, so a refused or failed restore leaves the
/// database as it was.
pub async fn restore(from: &Path, database_url: &str, replace: bool) -> anyhow::Result<Summary> {
    let target = sqlite_file(database_url)?;
    inspect(from).await?;
    let occupied = std::fs::metadata(&target).is_ok_and(|m| m.len() > 0);
    ensure!(
        !occupied || replace,
        "{} already holds a database: stop the portal and run restore with --replace to put \
         the backup in its place",
        target.display()
    );
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let staging = target.with_extension("restoring");
    std::fs::copy(from, &staging)
        .with_context(|| format!("cannot copy the backup to {}", staging.display()))?;
    std::fs::File::open(&staging)?.sync_all()?;
    // The old database's write-ahead log belongs to it, not to the backup:
    // left beside the new file, SQLite would replay it into the backup.
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", target.display()));
        if side.exists() {
            std::fs::remove_file(&side)
                .with_context(|| format!("cannot remove {}", side.display()))?;
        }
    }
    std::fs::rename(&staging, &target)
        .with_context(|| format!("cannot move the backup to {}", target.display()))?;
    // An older backup is brought up to this version's schema.
    let db = crate::db::connect(&sqlite_url(&target, "rw")).await?;
    crate::db::migrate(&db)
        .await
        .context("migrating the restored database")?;
    db.close().await.ok();
    inspect(&target).await
}
