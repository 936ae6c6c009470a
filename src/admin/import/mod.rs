//! Importing technologies from a spreadsheet (CSV or XLSX), in the back
//! office (`/admin/import`: upload, dry run, then the real import) and from
//! the command line (`techbridge import technologies FILE`). A dry run
//! lists every problem by row and column and changes nothing; a real import
//! writes every row or none, in one transaction, with one audit entry.

pub mod sheet;
pub mod technologies;
pub mod template;

use actix_multipart::Multipart;
use actix_web::{HttpRequest, HttpResponse, http::StatusCode, web};
use askama::Template;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set,
};
use serde::Deserialize;

use self::sheet::Refusal;
use super::page::AdminPage;
use super::session::Editor;
use crate::accounts::Role;
use crate::db::now;
use crate::entities::import_upload;
use crate::error::AppError;
use crate::web::client::client_ip;
use crate::web::forms::FieldErrors;
use crate::web::upload::{
    DRAIN_CAP, Parts, Read, clean_filename, read_limited, refuse_declared_over,
};
use crate::web::{Html, Translator, see_other};

/// Who may import: those who edit technologies.
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

/// Checks a file without writing anything.
pub async fn dry_run(
    db: &DatabaseConnection,
    bytes: &[u8],
) -> Result<Result<Counts, Rejected>, DbErr> {
    let sheet = match sheet::read(bytes) {
        Ok(s) => s,
        Err(r) => return Ok(Err(Rejected::Refused(r))),
    };
    Ok(match technologies::plan(db, &sheet).await? {
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
    let planned = match technologies::plan(&txn, &sheet).await? {
        Err(r) => return Ok(Err(Rejected::Refused(r))),
        Ok((_, problems)) if !problems.is_empty() => return Ok(Err(Rejected::Problems(problems))),
        Ok((planned, _)) => planned,
    };
    let total = planned.len();
    let mut counts = Counts::default();
    for (i, p) in planned.into_iter().enumerate() {
        if technologies::write(&txn, p).await? {
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
        <crate::admin::kinds::technologies::Technologies as crate::admin::kinds::Kind>::NAME,
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

fn page(editor: &Editor, state: &crate::web::AppState) -> ImportPage {
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
    created: String,
    updated: String,
}

/// GET /admin/import
pub async fn form(
    editor: Editor,
    state: web::Data<crate::web::AppState>,
    q: web::Query<DoneQuery>,
) -> Result<Html, AppError> {
    editor.require(ROLES)?;
    let mut p = page(&editor, &state);
    if let (Ok(created), Ok(updated)) = (q.created.parse(), q.updated.parse()) {
        p.done = Some(Counts { created, updated });
    }
    Html::render(&p)
}

/// What the upload form posted.
struct Upload {
    file: Option<(String, Vec<u8>)>,
    too_big: bool,
}

/// Reads the upload: the CSRF token first (nothing else is read before it
/// is checked), then the file, cut off past the limit.
async fn read_upload(editor: &Editor, payload: Multipart) -> Result<Upload, AppError> {
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
        file: None,
        too_big: false,
    };
    while let Some(mut field) = parts.next().await? {
        if field.name() == Some("file") && upload.file.is_none() && !upload.too_big {
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
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    editor.require(ROLES)?;
    let tr = Translator {
        locale: editor.locale,
    };
    let mut p = page(&editor, &state);
    if refuse_declared_over(&req, sheet::MAX_BYTES + DRAIN_CAP).is_err() {
        // Not one byte of it is read; the page still says what is wrong.
        p.refused = Some(tr.tn("import-too-large", p.max_mb));
        return Ok(Html::render(&p)?
            .with_status(StatusCode::PAYLOAD_TOO_LARGE)
            .into_response(&req));
    }
    let Upload { file, too_big } = read_upload(&editor, payload).await?;
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
    match dry_run(&state.db, &bytes).await? {
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
                kind: Set("technologies".to_owned()),
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
    let mut p = page(&editor, &state);
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
    let ip = client_ip(&req, &state);
    let actor = editor.actor(Some(&ip));
    match run(&state.db, &kept.bytes, &actor, &kept.filename, |_, _| {}).await {
        Ok(Ok(c)) => {
            import_upload::Entity::delete_by_id(kept.id)
                .exec(&state.db)
                .await?;
            Ok(see_other(&format!(
                "/admin/import?created={}&updated={}",
                c.created, c.updated
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

/// GET /admin/import/template.xlsx
pub async fn template_xlsx(editor: Editor) -> Result<HttpResponse, AppError> {
    editor.require(ROLES)?;
    let tr = Translator {
        locale: editor.locale,
    };
    let bytes = template::xlsx(&tr).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(download(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "technologies-template.xlsx",
        bytes,
    ))
}

/// GET /admin/import/template.csv
pub async fn template_csv(editor: Editor) -> Result<HttpResponse, AppError> {
    editor.require(ROLES)?;
    let bytes = template::csv().map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(download(
        "text/csv; charset=utf-8",
        "technologies-template.csv",
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
