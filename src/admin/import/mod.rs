//! Importing technologies and needs from a spreadsheet (CSV or XLSX), in the
//! back office (`/admin/import`: upload, dry run, then the real import) and
//! from the command line (`techbridge import {technologies,needs} FILE`). The
//! code is the same for every kind: what differs is in `kinds`. A dry run
//! lists every problem by row and column and changes nothing; a real import
//! writes every row or none, in one transaction, with one audit entry.

pub mod kinds;
pub mod rows;
pub mod sheet;
pub mod template;

use actix_multipart::Multipart;
use actix_web::{HttpRequest, HttpResponse, http::StatusCode, web};
use askama::Template;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set,
};
use serde::Deserialize;

use self::kinds::{Importable, What};
use self::sheet::Refusal;
use super::page::AdminPage;
use super::session::Editor;
use crate::accounts::Role;
use crate::admin::kinds::needs::Needs;
use crate::admin::kinds::technologies::Technologies;
use crate::db::now;
use crate::entities::import_upload;
use crate::error::AppError;
use crate::web::client::client_ip;
use crate::web::forms::FieldErrors;
use crate::web::upload::{
    DRAIN_CAP, Parts, Read, clean_filename, read_limited, refuse_declared_over,
};
use crate::web::{Html, Translator, see_other};

/// Who may import: those who edit technologies and needs.
const ROLES: &[Role] = &[Role::Editor];

/// How long an uploaded file waits for its real import after the dry run.
const KEEP_FOR: chrono::Duration = chrono::Duration::hours(2);

/// One thing wrong with one cell: its row as the spreadsheet program
/// numbers it, its column's header, and why (a message id with the value
/// or number it names).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub row: usize,
    pub column: String,
    pub message: &'static str,
    pub value: String,
    pub n: i64,
}

impl Problem {
    pub fn new(row: usize, column: &str, message: &'static str, value: &str) -> Self {
        Self {
            row,
            column: column.to_owned(),
            message,
            value: value.to_owned(),
            n: 0,
        }
    }

    pub fn n(row: usize, column: &str, message: &'static str, n: i64) -> Self {
        Self {
            row,
            column: column.to_owned(),
            message,
            value: String::new(),
            n,
        }
    }

    /// The reason in the reader's language.
    pub fn reason(&self, tr: &Translator) -> String {
        tr.tmixed(
            self.message,
            &[("value", &self.value), ("n", &tr.num(self.n))],
            &[("count", self.n)],
        )
    }
}

/// Why a whole file is refused, in the reader's language.
pub fn refusal_text(r: &Refusal, tr: &Translator) -> String {
    tr.ts(r.message, "value", &r.arg)
}

/// What an import would do, or did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub created: usize,
    pub updated: usize,
}

/// Why nothing was (or would be) imported.
#[derive(Debug)]
pub enum Rejected {
    Refused(Refusal),
    Problems(Vec<Problem>),
}

/// Checks a file of `what` without writing anything.
pub async fn dry_run(
    db: &DatabaseConnection,
    what: What,
    bytes: &[u8],
) -> Result<Result<Counts, Rejected>, DbErr> {
    match what {
        What::Technologies => dry_run_of::<Technologies>(db, bytes).await,
        What::Needs => dry_run_of::<Needs>(db, bytes).await,
    }
}

async fn dry_run_of<K: Importable>(
    db: &DatabaseConnection,
    bytes: &[u8],
) -> Result<Result<Counts, Rejected>, DbErr> {
    let sheet = match sheet::read(bytes) {
        Ok(s) => s,
        Err(r) => return Ok(Err(Rejected::Refused(r))),
    };
    Ok(match rows::plan::<K>(db, &sheet).await? {
        Err(r) => Err(Rejected::Refused(r)),
        Ok((_, problems)) if !problems.is_empty() => Err(Rejected::Problems(problems)),
        Ok((planned, _)) => Ok(Counts {
            created: planned.iter().filter(|p| p.id.is_none()).count(),
            updated: planned.iter().filter(|p| p.id.is_some()).count(),
        }),
    })
}

/// Imports a file: checked again inside the transaction (the data may have
/// changed since the dry run), then every row written, or none.
/// `progress(done, total)` is called after each row.
pub async fn run(
    db: &DatabaseConnection,
    what: What,
    bytes: &[u8],
    actor: &crate::audit::Actor<'_>,
    filename: &str,
    progress: impl FnMut(usize, usize),
) -> Result<Result<Counts, Rejected>, DbErr> {
    match what {
        What::Technologies => run_of::<Technologies>(db, bytes, actor, filename, progress).await,
        What::Needs => run_of::<Needs>(db, bytes, actor, filename, progress).await,
    }
}

async fn run_of<K: Importable>(
    db: &DatabaseConnection,
    bytes: &[u8],
    actor: &crate::audit::Actor<'_>,
    filename: &str,
    mut progress: impl FnMut(usize, usize),
) -> Result<Result<Counts, Rejected>, DbErr> {
    let sheet = match sheet::read(bytes) {
        Ok(s) => s,
        Err(r) => return Ok(Err(Rejected::Refused(r))),
    };
    let txn = crate::db::begin_write(db).await?;
    let planned = match rows::plan::<K>(&txn, &sheet).await? {
        Err(r) => return Ok(Err(Rejected::Refused(r))),
        Ok((_, problems)) if !problems.is_empty() => return Ok(Err(Rejected::Problems(problems))),
        Ok((planned, _)) => planned,
    };
    let total = planned.len();
    let mut counts = Counts::default();
    for (i, p) in planned.into_iter().enumerate() {
        if rows::write::<K>(&txn, p).await? {
            counts.created += 1;
        } else {
            counts.updated += 1;
        }
        progress(i + 1, total);
    }
    crate::audit::record(
        &txn,
        actor,
        "import",
        K::NAME,
        None,
        &format!(
            "{filename}: {} new, {} updated",
            counts.created, counts.updated
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(Ok(counts))
}

#[derive(Template)]
#[template(path = "admin/import.html")]
pub struct ImportPage {
    pub page: AdminPage,
    /// What the file holds (chosen by the links above the form).
    pub what: What,
    pub kinds: [What; 2],
    pub errors: FieldErrors,
    /// A refused file's reason, shown at the file field.
    pub refused: Option<String>,
    pub max_mb: usize,
    /// After a dry run: the problems (row, column, reason).
    pub problems: Vec<(usize, String, String)>,
    /// After a clean dry run: what the import will do, and the kept file.
    pub ready: Option<(Counts, i32, String)>,
    /// After the real import.
    pub done: Option<Counts>,
}

impl ImportPage {
    /// Whether `k` is the kind this page imports.
    pub fn current(&self, k: &What) -> bool {
        *k == self.what
    }

    /// "12 new, 3 updated" in the editor's language.
    pub fn counts(&self, id: &str, c: &Counts) -> String {
        counts_text(&self.page, id, *c)
    }
}

/// An import's counts as the message `id` words them.
pub fn counts_text(tr: &Translator, id: &str, c: Counts) -> String {
    let n = |x: usize| i64::try_from(x).unwrap_or(i64::MAX);
    tr.tmixed(
        id,
        &[
            ("new", &tr.num(n(c.created))),
            ("changed", &tr.num(n(c.updated))),
        ],
        &[("created", n(c.created)), ("updated", n(c.updated))],
    )
}

fn page(editor: &Editor, state: &crate::web::AppState, what: What) -> ImportPage {
    let tr = Translator {
        locale: editor.locale,
    };
    ImportPage {
        page: AdminPage::new(
            editor,
            state.asset_version.clone(),
            "import",
            tr.t("admin-import-title"),
            None,
        ),
        what,
        kinds: What::ALL,
        errors: FieldErrors::default(),
        refused: None,
        max_mb: sheet::MAX_BYTES / (1024 * 1024),
        problems: Vec::new(),
        ready: None,
        done: None,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DoneQuery {
    kind: String,
    created: String,
    updated: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct KindQuery {
    kind: String,
}

/// The kind a query names; technologies when it names none (or one that
/// does not exist: the page's links name only real ones).
fn what_of(kind: &str) -> What {
    What::parse(kind).unwrap_or_default()
}

/// GET /admin/import
pub async fn form(
    editor: Editor,
    state: web::Data<crate::web::AppState>,
    q: web::Query<DoneQuery>,
) -> Result<Html, AppError> {
    editor.require(ROLES)?;
    let mut p = page(&editor, &state, what_of(&q.kind));
    if let (Ok(created), Ok(updated)) = (q.created.parse(), q.updated.parse()) {
        p.done = Some(Counts { created, updated });
    }
    Html::render(&p)
}

/// What the upload form posted.
struct Upload {
    what: What,
    file: Option<(String, Vec<u8>)>,
    too_big: bool,
}

/// Reads the upload: the CSRF token first (nothing else is read before it
/// is checked), then the file, cut off past the limit.
async fn read_upload(editor: &Editor, what: What, payload: Multipart) -> Result<Upload, AppError> {
    let mut parts = Parts::new(payload, 8, 4096);
    let Some(mut first) = parts.next().await? else {
        return Err(AppError::Forbidden("error-csrf-text"));
    };
    if first.name() != Some("csrf") {
        return Err(AppError::Forbidden("error-csrf-text"));
    }
    let token = parts.text(&mut first, 256).await?;
    drop(first);
    editor.check_csrf(&token)?;
    let mut upload = Upload {
        what,
        file: None,
        too_big: false,
    };
    while let Some(mut field) = parts.next().await? {
        if field.name() == Some("kind") {
            let kind = parts.text(&mut field, 64).await?;
            upload.what = what_of(&kind);
        } else if field.name() == Some("file") && upload.file.is_none() && !upload.too_big {
            let named = field
                .content_disposition()
                .and_then(|d| d.get_filename())
                .filter(|n| !n.trim().is_empty())
                .map(clean_filename);
            match read_limited(&mut field, sheet::MAX_BYTES).await? {
                // A form sent without choosing a file has an empty, unnamed
                // part: no file, rather than an empty one.
                Read::Whole(bytes) if bytes.is_empty() && named.is_none() => {}
                Read::Whole(bytes) => {
                    upload.file = Some((named.unwrap_or_else(|| "import".to_owned()), bytes));
                }
                Read::TooLarge => {
                    upload.too_big = true;
                    parts.discard(&mut field).await?;
                }
            }
        } else {
            parts.discard(&mut field).await?;
        }
    }
    Ok(upload)
}

fn problems_view(problems: &[Problem], tr: &Translator) -> Vec<(usize, String, String)> {
    problems
        .iter()
        .map(|p| (p.row, p.column.clone(), p.reason(tr)))
        .collect()
}

/// POST /admin/import (multipart: csrf first, then the file): the dry run.
/// A body that declares more than the limit is refused before any of it is
/// read; one that does not is cut off as it passes the limit.
pub async fn upload(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<crate::web::AppState>,
    q: web::Query<KindQuery>,
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    editor.require(ROLES)?;
    let tr = Translator {
        locale: editor.locale,
    };
    // The kind from the form's address, so that a file refused before it
    // is read still comes back to the page it was sent from.
    let mut p = page(&editor, &state, what_of(&q.kind));
    if refuse_declared_over(&req, sheet::MAX_BYTES + DRAIN_CAP).is_err() {
        // Not one byte of it is read; the page still says what is wrong.
        p.refused = Some(tr.tn("import-too-large", p.max_mb));
        return Ok(Html::render(&p)?
            .with_status(StatusCode::PAYLOAD_TOO_LARGE)
            .into_response(&req));
    }
    let Upload {
        what,
        file,
        too_big,
    } = read_upload(&editor, p.what, payload).await?;
    p.what = what;
    let unprocessable = |p: &ImportPage| -> Result<HttpResponse, AppError> {
        Ok(Html::render(p)?.unprocessable().into_response(&req))
    };
    if too_big {
        p.refused = Some(tr.tn("import-too-large", p.max_mb));
        return unprocessable(&p);
    }
    let Some((filename, bytes)) = file else {
        p.errors.add("file", "form-required");
        return unprocessable(&p);
    };
    match dry_run(&state.db, what, &bytes).await? {
        Err(Rejected::Refused(r)) => {
            p.refused = Some(refusal_text(&r, &tr));
            unprocessable(&p)
        }
        Err(Rejected::Problems(problems)) => {
            p.problems = problems_view(&problems, &tr);
            unprocessable(&p)
        }
        Ok(counts) => {
            // Kept in the database between the two steps: the instance
            // that runs the import may not be the one that took the upload.
            import_upload::Entity::delete_many()
                .filter(import_upload::Column::ExpiresAt.lt(now()))
                .exec(&state.db)
                .await?;
            let kept = import_upload::ActiveModel {
                editor_id: Set(editor.id),
                kind: Set(what.name().to_owned()),
                filename: Set(filename.clone()),
                bytes: Set(bytes),
                expires_at: Set(now() + KEEP_FOR),
                ..Default::default()
            }
            .insert(&state.db)
            .await?;
            p.ready = Some((counts, kept.id, filename));
            Ok(Html::render(&p)?.into_response(&req))
        }
    }
}

#[derive(Deserialize)]
pub struct RunForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    upload: String,
}

/// POST /admin/import/run: the real import of a file that passed its dry
/// run (and is checked again).
pub async fn run_upload(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<crate::web::AppState>,
    form: crate::web::forms::Form<RunForm>,
) -> Result<HttpResponse, AppError> {
    editor.require(ROLES)?;
    editor.check_csrf(&form.csrf)?;
    let tr = Translator {
        locale: editor.locale,
    };
    let mut p = page(&editor, &state, What::default());
    let kept = match form.upload.parse::<i32>() {
        Ok(id) => {
            import_upload::Entity::find_by_id(id)
                .filter(import_upload::Column::EditorId.eq(editor.id))
                .filter(import_upload::Column::ExpiresAt.gt(now()))
                .one(&state.db)
                .await?
        }
        Err(_) => None,
    };
    let Some(kept) = kept else {
        p.refused = Some(tr.t("import-expired"));
        return Ok(Html::render(&p)?
            .with_status(StatusCode::NOT_FOUND)
            .into_response(&req));
    };
    let what = what_of(&kept.kind);
    p.what = what;
    let ip = client_ip(&req, &state);
    let actor = editor.actor(Some(&ip));
    match run(
        &state.db,
        what,
        &kept.bytes,
        &actor,
        &kept.filename,
        |_, _| {},
    )
    .await
    {
        Ok(Ok(c)) => {
            import_upload::Entity::delete_by_id(kept.id)
                .exec(&state.db)
                .await?;
            Ok(see_other(&format!(
                "/admin/import?kind={}&created={}&updated={}",
                what.name(),
                c.created,
                c.updated
            )))
        }
        Ok(Err(Rejected::Refused(r))) => {
            p.refused = Some(refusal_text(&r, &tr));
            Ok(Html::render(&p)?.unprocessable().into_response(&req))
        }
        Ok(Err(Rejected::Problems(problems))) => {
            p.problems = problems_view(&problems, &tr);
            Ok(Html::render(&p)?.unprocessable().into_response(&req))
        }
        Err(e) => {
            // Nothing was written (the transaction rolled back): the page
            // says so, and the kept file can be imported again.
            let e = AppError::from(e);
            tracing::error!(error = %e, "import failed");
            p.refused = Some(tr.t("import-failed"));
            Ok(Html::render(&p)?
                .with_status(actix_web::ResponseError::status_code(&e))
                .into_response(&req))
        }
    }
}

/// GET /admin/import/template.xlsx?kind=...
pub async fn template_xlsx(
    editor: Editor,
    q: web::Query<KindQuery>,
) -> Result<HttpResponse, AppError> {
    editor.require(ROLES)?;
    let tr = Translator {
        locale: editor.locale,
    };
    let what = what_of(&q.kind);
    let bytes = match what {
        What::Technologies => template::xlsx::<Technologies>(&tr),
        What::Needs => template::xlsx::<Needs>(&tr),
    }
    .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(download(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &format!("{}-template.xlsx", what.name()),
        bytes,
    ))
}

/// GET /admin/import/template.csv?kind=...
pub async fn template_csv(
    editor: Editor,
    q: web::Query<KindQuery>,
) -> Result<HttpResponse, AppError> {
    editor.require(ROLES)?;
    let what = what_of(&q.kind);
    let bytes = match what {
        What::Technologies => template::csv::<Technologies>(),
        What::Needs => template::csv::<Needs>(),
    }
    .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(download(
        "text/csv; charset=utf-8",
        &format!("{}-template.csv", what.name()),
        bytes,
    ))
}

fn download(mime: &str, name: &str, bytes: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(mime)
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .body(bytes)
}
