//! Reviewing applications: the queue with filters, each application with
//! its documents (reviewers and administrators only, as attachments),
//! scores and notes that the applicant never sees, status changes with
//! their history, messages to the applicant, exports (CSV, XLSX), and erasure on a
//! privacy request.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde::Deserialize;

use super::export::{self, Format, Links, Table};
use super::page::FlashQuery;
use crate::accounts::Role;
use crate::db::now;
use crate::entities::{
    application, application_document, application_history, application_review, host_post,
    outbox_message,
};
use crate::error::AppError;
use crate::programme::status::STATUSES;
use crate::taxonomy::ASEAN;
use crate::web::AppState;
use crate::web::Pager;
use crate::web::client::client_ip;
use crate::web::forms::FieldErrors;
use crate::web::{Html, Translator};

use super::page::AdminPage;
use super::session::Editor;
use crate::web::see_other;

const ROLES: &[Role] = &[Role::Reviewer];
const PER_PAGE: u64 = 25;

/// Where each status may go next.
pub fn next_statuses(from: &str) -> &'static [&'static str] {
    match from {
        "submitted" => &["screening", "under_review", "more_info", "declined"],
        "screening" => &["under_review", "more_info", "declined"],
        "under_review" => &["accepted", "declined", "more_info"],
        "more_info" => &["screening", "declined"],
        _ => &[],
    }
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct QueueQuery {
    pub call: String,
    pub status: String,
    pub country: String,
    pub post: String,
    pub page: String,
    pub flash: String,
}

pub struct Row {
    pub app: application::Model,
    pub post: String,
    pub score: Option<f64>,
}

#[derive(Template)]
#[template(path = "admin/applications.html")]
pub struct QueuePage {
    pub page: AdminPage,
    pub rows: Vec<Row>,
    pub q: QueueQuery,
    pub calls: Vec<(i32, String)>,
    pub posts: Vec<(i32, String)>,
    pub statuses: &'static [&'static str],
    pub countries: &'static [&'static str],
    pub total: u64,
    pub exports: Links,
    pub pager: Pager,
}

async fn call_options(
    db: &impl sea_orm::ConnectionTrait,
    editor: &Editor,
) -> Result<Vec<(i32, String)>, AppError> {
    Ok(crate::programme::store::call_options(db, editor.locale)
        .await?
        .into_iter()
        .filter_map(|(id, title)| id.parse().ok().map(|id| (id, title)))
        .collect())
}

async fn post_labels(
    db: &impl sea_orm::ConnectionTrait,
    editor: &Editor,
    call: Option<i32>,
) -> Result<Vec<(i32, String)>, AppError> {
    let mut q = host_post::Entity::find();
    if let Some(c) = call {
        q = q.filter(host_post::Column::CallId.eq(c));
    }
    let posts = q.order_by_asc(host_post::Column::Position).all(db).await?;
    let ids: Vec<i32> = posts.iter().map(|p| p.id).collect();
    let texts = crate::programme::store::host_post_texts(db, &ids).await?;
    Ok(posts
        .iter()
        .map(|p| {
            let label = texts
                .get(&p.id)
                .and_then(|r| crate::translation::pick(r, editor.locale, &p.source_lang))
                .map(|t| format!("{} — {}", t.text.institution, t.text.lab))
                .unwrap_or_else(|| p.supervisor.clone());
            (p.id, label)
        })
        .collect())
}

fn filtered(q: &QueueQuery) -> sea_orm::Select<application::Entity> {
    let mut cond = Condition::all();
    if let Ok(c) = q.call.parse::<i32>() {
        cond = cond.add(application::Column::CallId.eq(c));
    }
    if STATUSES.contains(&q.status.as_str()) {
        cond = cond.add(application::Column::Status.eq(q.status.clone()));
    }
    if ASEAN.contains(&q.country.as_str()) {
        cond = cond.add(application::Column::Nationality.eq(q.country.clone()));
    }
    if let Ok(p) = q.post.parse::<i32>() {
        cond = cond.add(application::Column::HostPostId.eq(p));
    }
    application::Entity::find().filter(cond)
}

/// GET /admin/applications
pub async fn queue(
    editor: Editor,
    state: web::Data<AppState>,
    q: web::Query<QueueQuery>,
) -> Result<Html, AppError> {
    editor.require(ROLES)?;
    let db = &state.db;
    let page_no = crate::web::forms::page_number(&q.page);
    let pages = filtered(&q)
        .order_by_desc(application::Column::SubmittedAt)
        .paginate(db, PER_PAGE);
    let total = pages.num_items().await?;
    let apps = pages.fetch_page(page_no - 1).await?;
    let posts = post_labels(db, &editor, q.call.parse().ok()).await?;
    let ids: Vec<i32> = apps.iter().map(|a| a.id).collect();
    let reviews = application_review::Entity::find()
        .filter(application_review::Column::ApplicationId.is_in(ids))
        .all(db)
        .await?;
    let rows = apps
        .into_iter()
        .map(|a| {
            let scores: Vec<f64> = reviews
                .iter()
                .filter(|r| r.application_id == a.id)
                .map(|r| f64::from(r.score))
                .collect();
            Row {
                post: a
                    .host_post_id
                    .and_then(|p| {
                        posts
                            .iter()
                            .find(|(id, _)| *id == p)
                            .map(|(_, l)| l.clone())
                    })
                    .unwrap_or_default(),
                score: (!scores.is_empty())
                    .then(|| scores.iter().sum::<f64>() / scores.len() as f64),
                app: a,
            }
        })
        .collect();
    let link = |p: u64| {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("call", &q.call),
            ("status", &q.status),
            ("country", &q.country),
            ("post", &q.post),
        ] {
            if !v.is_empty() {
                s.append_pair(k, v);
            }
        }
        s.append_pair("page", &p.to_string());
        format!("/admin/applications?{}", s.finish())
    };
    let tr = Translator {
        locale: editor.locale,
    };
    Html::render(&QueuePage {
        page: AdminPage::new(
            &editor,
            state.asset_version.clone(),
            "applications",
            tr.t("admin-nav-applications"),
            (!q.flash.is_empty()).then_some(q.flash.as_str()),
        ),
        rows,
        calls: call_options(db, &editor).await?,
        posts,
        statuses: STATUSES,
        countries: ASEAN,
        total,
        exports: Links::new(
            "/admin/applications",
            [
                ("call", q.call.as_str()),
                ("status", q.status.as_str()),
                ("country", q.country.as_str()),
                ("post", q.post.as_str()),
            ],
        ),
        pager: Pager::new(page_no, total, PER_PAGE, link),
        q: q.into_inner(),
    })
}

#[derive(Template)]
#[template(path = "admin/application.html")]
pub struct DetailPage {
    pub page: AdminPage,
    pub app: application::Model,
    pub call: String,
    pub post: String,
    pub documents: Vec<(i32, String, String, i32)>,
    pub history: Vec<application_history::Model>,
    pub reviews: Vec<application_review::Model>,
    pub next: &'static [&'static str],
    pub messages: Vec<outbox_message::Model>,
    pub is_admin: bool,
    /// The status and review forms as typed, when one was refused.
    pub status_form: StatusForm,
    pub review_form: ReviewForm,
    pub errors: FieldErrors,
    pub message_max: usize,
    pub note_max: usize,
}

/// Longest message to an applicant (it is e-mailed whole), and longest
/// private review note: the forms' `maxlength`, refused beyond.
pub const MESSAGE_MAX: usize = 5_000;
pub const NOTE_MAX: usize = 10_000;

/// GET /admin/applications/{id}
pub async fn detail(
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    q: web::Query<FlashQuery>,
) -> Result<Html, AppError> {
    editor.require(ROLES)?;
    render_detail(
        &editor,
        &state,
        path.into_inner(),
        Typed::default(),
        FieldErrors::default(),
        &q.flash,
    )
    .await
}

/// What a reviewer typed into the page's forms, shown again with errors.
#[derive(Default)]
struct Typed {
    status: StatusForm,
    review: ReviewForm,
}

async fn render_detail(
    editor: &Editor,
    state: &AppState,
    id: i32,
    typed: Typed,
    errors: FieldErrors,
    flash: &str,
) -> Result<Html, AppError> {
    let db = &state.db;
    let app = application::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let documents = application_document::Entity::find()
        .select_only()
        .columns([
            application_document::Column::Id,
            application_document::Column::Kind,
            application_document::Column::Filename,
            application_document::Column::Size,
        ])
        .filter(application_document::Column::ApplicationId.eq(app.id))
        .into_tuple()
        .all(db)
        .await?;
    let history = application_history::Entity::find()
        .filter(application_history::Column::ApplicationId.eq(app.id))
        .order_by_asc(application_history::Column::At)
        .order_by_asc(application_history::Column::Id)
        .all(db)
        .await?;
    let reviews = application_review::Entity::find()
        .filter(application_review::Column::ApplicationId.eq(app.id))
        .order_by_asc(application_review::Column::CreatedAt)
        .all(db)
        .await?;
    let messages = outbox_message::Entity::find()
        .filter(outbox_message::Column::RelatedKind.eq("application"))
        .filter(outbox_message::Column::RelatedId.eq(app.id))
        .order_by_asc(outbox_message::Column::Id)
        .all(db)
        .await?;
    let calls = call_options(db, editor).await?;
    let posts = post_labels(db, editor, Some(app.call_id)).await?;
    let tr = Translator {
        locale: editor.locale,
    };
    Html::render(&DetailPage {
        page: AdminPage::new(
            editor,
            state.asset_version.clone(),
            "applications",
            tr.ts("admin-application-title", "reference", &app.reference),
            (!flash.is_empty()).then_some(flash),
        ),
        call: calls
            .iter()
            .find(|(id, _)| *id == app.call_id)
            .map(|(_, t)| t.clone())
            .unwrap_or_default(),
        post: app
            .host_post_id
            .and_then(|p| {
                posts
                    .iter()
                    .find(|(id, _)| *id == p)
                    .map(|(_, l)| l.clone())
            })
            .unwrap_or_default(),
        next: next_statuses(&app.status),
        documents,
        history,
        reviews,
        messages,
        is_admin: editor.role == Role::Admin,
        app,
        status_form: typed.status,
        review_form: typed.review,
        errors,
        message_max: MESSAGE_MAX,
        note_max: NOTE_MAX,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StatusForm {
    csrf: String,
    pub status: String,
    pub message: String,
}

/// POST /admin/applications/{id}/status
pub async fn set_status(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    form: crate::web::forms::LongForm<StatusForm>,
) -> Result<HttpResponse, AppError> {
    editor.require(ROLES)?;
    editor.check_csrf(&form.csrf)?;
    let id = path.into_inner();
    let app = application::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    if !next_statuses(&app.status).contains(&form.status.as_str()) {
        return Err(AppError::BadRequest("admin-error-status-transition"));
    }
    let message = form.message.trim().to_owned();
    let mut errors = FieldErrors::default();
    if form.status == "more_info" && message.is_empty() {
        errors.add("message", "admin-error-more-info-message");
    } else if message.chars().count() > MESSAGE_MAX {
        // Never cut: the end of such a message is what the applicant must send.
        errors.add_n("message", "form-too-long-n", MESSAGE_MAX as i64);
    }
    if !errors.is_empty() {
        let typed = Typed {
            status: form.into_inner(),
            review: ReviewForm::default(),
        };
        return Ok(render_detail(&editor, &state, id, typed, errors, "")
            .await?
            .unprocessable()
            .into_response(&req));
    }
    let t = now();
    let ip = client_ip(&req, &state);
    let txn = crate::db::begin_write(&state.db).await?;
    if !crate::programme::store::claim_status(&txn, id, &app.status, &form.status, t).await? {
        // Someone changed it since this page was loaded: show what it is now.
        txn.rollback().await?;
        return Ok(see_other(&format!(
            "/admin/applications/{id}?flash=conflict"
        )));
    }
    let updated = application::Model {
        status: form.status.clone(),
        updated_at: t,
        ..app.clone()
    };
    application_history::ActiveModel {
        application_id: Set(id),
        from_status: Set(app.status.clone()),
        to_status: Set(form.status.clone()),
        editor_id: Set(Some(editor.id)),
        editor_name: Set(editor.name.clone()),
        message: Set(message.clone()),
        at: Set(t),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    if crate::outbox::KINDS.contains(&form.status.as_str()) {
        crate::outbox::queue_application_message(
            &txn,
            &updated,
            &form.status,
            &message,
            &state.base_url,
        )
        .await?;
    }
    crate::audit::record(
        &txn,
        &editor.actor(Some(&ip)),
        &format!("status:{}", form.status),
        "application",
        Some(id),
        &app.reference,
    )
    .await?;
    txn.commit().await?;
    Ok(see_other(&format!(
        "/admin/applications/{id}?flash=changed"
    )))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReviewForm {
    csrf: String,
    pub score: String,
    pub note: String,
}

/// POST /admin/applications/{id}/review: a score (1–5) and a private note.
pub async fn review(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    form: crate::web::forms::LongForm<ReviewForm>,
) -> Result<HttpResponse, AppError> {
    editor.require(ROLES)?;
    editor.check_csrf(&form.csrf)?;
    let id = path.into_inner();
    application::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let score = form
        .score
        .trim()
        .parse::<i16>()
        .ok()
        .filter(|s| (1..=5).contains(s));
    let note = form.note.trim().to_owned();
    let mut errors = FieldErrors::default();
    if score.is_none() {
        errors.add("score", "form-number-range");
    }
    if note.chars().count() > NOTE_MAX {
        errors.add_n("note", "form-too-long-n", NOTE_MAX as i64);
    }
    let Some(score) = score.filter(|_| errors.is_empty()) else {
        let typed = Typed {
            status: StatusForm::default(),
            review: form.into_inner(),
        };
        return Ok(render_detail(&editor, &state, id, typed, errors, "")
            .await?
            .unprocessable()
            .into_response(&req));
    };
    let ip = client_ip(&req, &state);
    let txn = crate::db::begin_write(&state.db).await?;
    application_review::ActiveModel {
        application_id: Set(id),
        editor_id: Set(Some(editor.id)),
        editor_name: Set(editor.name.clone()),
        score: Set(score),
        note: Set(note),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    crate::audit::record(
        &txn,
        &editor.actor(Some(&ip)),
        "review",
        "application",
        Some(id),
        &format!("score {score}"),
    )
    .await?;
    txn.commit().await?;
    Ok(see_other(&format!("/admin/applications/{id}?flash=saved")))
}

/// GET /admin/applications/{id}/documents/{doc}: the PDF, as a download
/// that no browser renders inline or caches.
pub async fn document(
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<(i32, i32)>,
) -> Result<HttpResponse, AppError> {
    editor.require(ROLES)?;
    let (app_id, doc_id) = path.into_inner();
    let d = application_document::Entity::find_by_id(doc_id)
        .filter(application_document::Column::ApplicationId.eq(app_id))
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let name = crate::web::upload::clean_filename(&d.filename);
    let name = if name.to_lowercase().ends_with(".pdf") {
        name
    } else {
        format!("{name}.pdf")
    };
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}\"", name.replace('"', "")),
        ))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; sandbox",
        ))
        .body(d.bytes))
}

/// GET /admin/applications/export.{format}: the queue as filtered on its
/// page (call, status, country, host post), every matching application,
/// with the columns a selection committee works from. Applications hold
/// personal data, so the export is written to the audit trail.
pub async fn export(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<String>,
    q: web::Query<QueueQuery>,
) -> Result<HttpResponse, AppError> {
    editor.require(ROLES)?;
    let format = Format::parse(&path)?;
    let db = &state.db;
    let apps = filtered(&q)
        .order_by_desc(application::Column::SubmittedAt)
        .limit(export::MAX_ROWS)
        .all(db)
        .await?;
    let ids: Vec<i32> = apps.iter().map(|a| a.id).collect();
    let reviews = application_review::Entity::find()
        .filter(application_review::Column::ApplicationId.is_in(ids))
        .all(db)
        .await?;
    let posts = post_labels(db, &editor, None).await?;
    let tr = Translator {
        locale: editor.locale,
    };
    // The applicant's name stays third, where earlier exports had it.
    let header = [
        "admin-col-reference",
        "admin-field-status",
        "admin-col-name",
        "apply-email",
        "apply-nationality",
        "apply-date-of-birth",
        "apply-degree",
        "apply-research_years",
        "apply-field",
        "apply-institution",
        "apply-host_post",
        "apply-english_level",
        "apply-chinese_level",
        "apply-proposal_title",
        "admin-col-language",
        "admin-col-submitted",
        "admin-col-reviews",
        "admin-col-score",
        "admin-col-id",
    ];
    let mut table = Table::new("applications", header.iter().map(|h| tr.t(h)).collect());
    for a in apps {
        let scores: Vec<f64> = reviews
            .iter()
            .filter(|r| r.application_id == a.id)
            .map(|r| f64::from(r.score))
            .collect();
        let mean = if scores.is_empty() {
            String::new()
        } else {
            format!("{:.2}", scores.iter().sum::<f64>() / scores.len() as f64)
        };
        let post = a
            .host_post_id
            .and_then(|p| posts.iter().find(|(id, _)| *id == p))
            .map(|(_, l)| l.clone())
            .unwrap_or_default();
        table.push(vec![
            a.reference,
            tr.code("app-status", &a.status),
            a.name,
            a.email,
            tr.code("country", &a.nationality),
            a.date_of_birth.to_string(),
            tr.code("degree", &a.degree),
            a.research_years.to_string(),
            tr.code("field", &a.field),
            a.institution,
            post,
            tr.code("level", &a.english_level),
            tr.code("level", &a.chinese_level),
            a.proposal_title,
            tr.language_name(&a.lang),
            export::iso(Some(a.submitted_at)),
            scores.len().to_string(),
            mean,
            a.id.to_string(),
        ]);
    }
    let ip = client_ip(&req, &state);
    crate::audit::record(
        db,
        &editor.actor(Some(&ip)),
        "export",
        "application",
        None,
        &export::summary(table.rows.len(), format, &req),
    )
    .await?;
    table.respond(format)
}

/// POST /admin/applications/{id}/erase (administrators): deletes the
/// applicant's data and documents; the audit log keeps only that it happened.
pub async fn erase(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    form: crate::web::forms::Form<super::session::CsrfForm>,
) -> Result<HttpResponse, AppError> {
    editor.require(&[])?;
    editor.check_csrf(&form.csrf)?;
    let id = path.into_inner();
    application::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let ip = client_ip(&req, &state);
    let txn = crate::db::begin_write(&state.db).await?;
    outbox_message::Entity::delete_many()
        .filter(outbox_message::Column::RelatedKind.eq("application"))
        .filter(outbox_message::Column::RelatedId.eq(id))
        .exec(&txn)
        .await?;
    // Documents, history and reviews go with it (ON DELETE CASCADE).
    application::Entity::delete_by_id(id).exec(&txn).await?;
    crate::audit::record(
        &txn,
        &editor.actor(Some(&ip)),
        "erase",
        "application",
        Some(id),
        "applicant data erased on request",
    )
    .await?;
    txn.commit().await?;
    Ok(see_other("/admin/applications?flash=erased"))
}

#[derive(Template)]
#[template(path = "admin/outbox.html")]
pub struct OutboxPage {
    pub page: AdminPage,
    pub messages: Vec<outbox_message::Model>,
    pub smtp: bool,
    pub gave_up_after: i32,
    pub pager: Pager,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OutboxQuery {
    page: String,
}

/// GET /admin/outbox: messages to applicants, sent, waiting or given up on.
pub async fn outbox(
    editor: Editor,
    state: web::Data<AppState>,
    q: web::Query<OutboxQuery>,
) -> Result<Html, AppError> {
    editor.require(ROLES)?;
    let page_no = crate::web::forms::page_number(&q.page);
    let pages = outbox_message::Entity::find()
        .order_by_desc(outbox_message::Column::Id)
        .paginate(&state.db, PER_PAGE);
    let total = pages.num_items().await?;
    let messages = pages.fetch_page(page_no - 1).await?;
    let tr = Translator {
        locale: editor.locale,
    };
    Html::render(&OutboxPage {
        page: AdminPage::new(
            &editor,
            state.asset_version.clone(),
            "outbox",
            tr.t("admin-nav-outbox"),
            None,
        ),
        messages,
        smtp: state.config.smtp_url.is_some(),
        gave_up_after: crate::outbox::MAX_ATTEMPTS,
        pager: Pager::new(page_no, total, PER_PAGE, |p| {
            format!("/admin/outbox?page={}", p)
        }),
    })
}
