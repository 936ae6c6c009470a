//! Reviewing applications: the queue with filters, each application with
//! its documents (reviewers and administrators only, as attachments),
//! rubric scores and comments that the applicant never sees, status changes
//! with their history, messages to the applicant, exports (CSV, XLSX), and
//! erasure on a privacy request. Reviewers see only the applications
//! assigned to them, after declaring their interests, without names and
//! contact details when the call is blind (`review`).

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
    outbox_message, review_assignment, rubric_criterion, rubric_review, rubric_score,
};
use crate::error::AppError;
use crate::programme::lifecycle;
use crate::programme::lifecycle::{STATUSES, next_statuses};
use crate::taxonomy::ASEAN;
use crate::web::AppState;
use crate::web::Pager;
use crate::web::client::client_ip;
use crate::web::forms::FieldErrors;
use crate::web::{Html, Translator};

use super::page::AdminPage;
use super::review::{self, Access};
use super::session::Editor;
use crate::web::see_other;

const ROLES: &[Role] = &[Role::Reviewer];
const PER_PAGE: u64 = 25;

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
    /// The name is hidden from this reviewer (blind call).
    pub blind: bool,
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
    /// Administrators decide in batches (the checkboxes and the form).
    pub is_admin: bool,
    pub decisions: &'static [&'static str],
    /// The batch form as typed (decision, ticked ids), when refused.
    pub decision: String,
    pub ticked: Vec<i32>,
    pub errors: FieldErrors,
}

impl QueuePage {
    pub fn is_ticked(&self, id: &i32) -> bool {
        self.ticked.contains(id)
    }
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

fn filtered(q: &QueueQuery, only: Option<Vec<i32>>) -> sea_orm::Select<application::Entity> {
    let mut cond = Condition::all();
    if let Some(ids) = only {
        cond = cond.add(application::Column::Id.is_in(ids));
    }
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

/// The applications an editor may list: all for administrators, the
/// assigned ones for reviewers.
async fn visible(
    db: &impl sea_orm::ConnectionTrait,
    editor: &Editor,
) -> Result<Option<Vec<i32>>, AppError> {
    Ok(if review::is_admin(editor) {
        None
    } else {
        Some(review::assigned_ids(db, editor.id).await?)
    })
}

/// Calls whose applications this editor sees blind.
async fn blind_calls(
    db: &impl sea_orm::ConnectionTrait,
    editor: &Editor,
    calls: &[(i32, String)],
) -> Result<Vec<i32>, AppError> {
    let mut out = Vec::new();
    for (id, _) in calls {
        if review::blind_for(db, editor, *id).await? {
            out.push(*id);
        }
    }
    Ok(out)
}

/// GET /admin/applications
pub async fn queue(
    editor: Editor,
    state: web::Data<AppState>,
    q: web::Query<QueueQuery>,
) -> Result<Html, AppError> {
    editor.require(ROLES)?;
    render_queue(
        &editor,
        &state,
        q.into_inner(),
        FieldErrors::default(),
        (String::new(), Vec::new()),
    )
    .await
}

/// The queue, with the batch form's errors and what was typed into it.
pub async fn render_queue(
    editor: &Editor,
    state: &AppState,
    q: QueueQuery,
    errors: FieldErrors,
    (decision, ticked): (String, Vec<i32>),
) -> Result<Html, AppError> {
    let db = &state.db;
    let page_no = crate::web::forms::page_number(&q.page);
    let pages = filtered(&q, visible(db, editor).await?)
        .order_by_desc(application::Column::SubmittedAt)
        .paginate(db, PER_PAGE);
    let total = pages.num_items().await?;
    let apps = pages.fetch_page(page_no - 1).await?;
    let posts = post_labels(db, editor, q.call.parse().ok()).await?;
    let means = review::means(db, &apps).await?;
    let calls = call_options(db, editor).await?;
    let blind = blind_calls(db, editor, &calls).await?;
    let rows = apps
        .into_iter()
        .map(|a| Row {
            post: a
                .host_post_id
                .and_then(|p| {
                    posts
                        .iter()
                        .find(|(id, _)| *id == p)
                        .map(|(_, l)| l.clone())
                })
                .unwrap_or_default(),
            score: means.get(&a.id).copied(),
            blind: blind.contains(&a.call_id),
            app: a,
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
            editor,
            state.asset_version.clone(),
            "applications",
            tr.t("admin-nav-applications"),
            (!q.flash.is_empty()).then_some(q.flash.as_str()),
        ),
        rows,
        calls,
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
        is_admin: review::is_admin(editor),
        decisions: crate::programme::lifecycle::DECISIONS,
        decision,
        ticked,
        errors,
        q,
    })
}

/// One scored review as the detail page shows it.
pub struct ReviewView {
    pub editor_name: String,
    pub comment: String,
    /// (criterion id, score)
    pub scores: Vec<(i32, i16)>,
    pub total: Option<f64>,
    pub at: chrono::DateTime<chrono::Utc>,
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
    pub next: &'static [&'static str],
    pub messages: Vec<outbox_message::Model>,
    pub is_admin: bool,
    /// Name, e-mail, institution and file names are hidden (blind call).
    pub blind: bool,
    pub rubric: Vec<rubric_criterion::Model>,
    /// The scored reviews this editor may read (all for administrators,
    /// their own for reviewers), and the single scores of before rubrics.
    pub reviews: Vec<ReviewView>,
    pub old_reviews: Vec<application_review::Model>,
    /// The reviewers assigned (administrators see them).
    pub assigned: Vec<String>,
    /// The status and review forms as typed, when one was refused.
    pub status_form: StatusForm,
    pub review_form: ReviewForm,
    pub errors: FieldErrors,
    pub message_max: usize,
    pub note_max: usize,
    pub requested_max: usize,
}

impl DetailPage {
    pub fn label(&self, c: &rubric_criterion::Model) -> String {
        review::label(c, self.page.locale).to_owned()
    }

    /// The score shown for a criterion in the review form.
    pub fn typed_score(&self, c: &rubric_criterion::Model) -> String {
        self.review_form
            .scores
            .iter()
            .find(|(id, _)| *id == c.id)
            .map(|(_, s)| s.clone())
            .unwrap_or_default()
    }

    pub fn two(&self, x: &Option<f64>) -> String {
        review::two(*x)
    }

    pub fn score_of(&self, r: &ReviewView, c: &rubric_criterion::Model) -> String {
        r.scores
            .iter()
            .find(|(id, _)| *id == c.id)
            .map(|(_, s)| s.to_string())
            .unwrap_or_default()
    }
}

/// Longest message to an applicant (it is e-mailed whole), and longest
/// private review note: the forms' `maxlength`, refused beyond.
pub const MESSAGE_MAX: usize = 5_000;
pub const NOTE_MAX: usize = 10_000;
/// Longest list of requested documents (one name per line).
pub const REQUESTED_MAX: usize = 2_000;

/// GET /admin/applications/{id}
pub async fn detail(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    q: web::Query<FlashQuery>,
) -> Result<HttpResponse, AppError> {
    editor.require(ROLES)?;
    let id = path.into_inner();
    match review::access(&state.db, &editor, id).await? {
        Access::Full => Ok(render_detail(
            &editor,
            &state,
            id,
            Typed::default(),
            FieldErrors::default(),
            &q.flash,
        )
        .await?
        .into_response(&req)),
        Access::Declare => Ok(render_declare(
            &editor,
            &state,
            id,
            DeclareForm::default(),
            FieldErrors::default(),
        )
        .await?
        .into_response(&req)),
        Access::Denied => Err(AppError::NotFound),
    }
}

/// What a reviewer typed into the page's forms, shown again with errors.
#[derive(Default)]
struct Typed {
    status: StatusForm,
    review: ReviewForm,
}

async fn find(state: &AppState, id: i32) -> Result<application::Model, AppError> {
    application::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)
}

/// The application, when this editor may work on it (else not found).
async fn open(state: &AppState, editor: &Editor, id: i32) -> Result<application::Model, AppError> {
    match review::access(&state.db, editor, id).await? {
        Access::Full => find(state, id).await,
        Access::Declare | Access::Denied => Err(AppError::NotFound),
    }
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
    let app = find(state, id).await?;
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
    let is_admin = review::is_admin(editor);
    let rubric = review::rubric(db, app.call_id).await?;
    let mut rq = rubric_review::Entity::find()
        .filter(rubric_review::Column::ApplicationId.eq(app.id))
        .order_by_asc(rubric_review::Column::CreatedAt);
    if !is_admin {
        rq = rq.filter(rubric_review::Column::EditorId.eq(editor.id));
    }
    let rows = rq.all(db).await?;
    let scores = rubric_score::Entity::find()
        .filter(rubric_score::Column::ReviewId.is_in(rows.iter().map(|r| r.id)))
        .all(db)
        .await?;
    let reviews = rows
        .into_iter()
        .map(|r| {
            let mine: Vec<rubric_score::Model> = scores
                .iter()
                .filter(|s| s.review_id == r.id)
                .cloned()
                .collect();
            ReviewView {
                total: review::weighted_total(&rubric, &mine),
                scores: mine.iter().map(|s| (s.criterion_id, s.score)).collect(),
                editor_name: r.editor_name,
                comment: r.comment,
                at: r.updated_at,
            }
        })
        .collect();
    let old_reviews = if is_admin {
        application_review::Entity::find()
            .filter(application_review::Column::ApplicationId.eq(app.id))
            .order_by_asc(application_review::Column::CreatedAt)
            .all(db)
            .await?
    } else {
        Vec::new()
    };
    let assigned = if is_admin {
        let people = review::reviewers(db).await?;
        review_assignment::Entity::find()
            .filter(review_assignment::Column::ApplicationId.eq(app.id))
            .order_by_asc(review_assignment::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .filter_map(|a| {
                people
                    .iter()
                    .find(|(e, _)| e.id == a.editor_id)
                    .map(|(e, _)| e.display_name.clone())
            })
            .collect()
    } else {
        Vec::new()
    };
    // The reviewer's own review fills the form unless they just typed one.
    let mut review_form = typed.review;
    if review_form.scores.is_empty()
        && review_form.comment.is_empty()
        && let Some(mine) = rubric_review::Entity::find()
            .filter(rubric_review::Column::ApplicationId.eq(app.id))
            .filter(rubric_review::Column::EditorId.eq(editor.id))
            .one(db)
            .await?
    {
        review_form.comment = mine.comment;
        review_form.scores = rubric_score::Entity::find()
            .filter(rubric_score::Column::ReviewId.eq(mine.id))
            .all(db)
            .await?
            .into_iter()
            .map(|s| (s.criterion_id, s.score.to_string()))
            .collect();
    }
    let messages = outbox_message::Entity::find()
        .filter(outbox_message::Column::RelatedKind.eq("application"))
        .filter(outbox_message::Column::RelatedId.eq(app.id))
        .filter(outbox_message::Column::ToEmail.eq(app.email.clone()))
        .order_by_asc(outbox_message::Column::Id)
        .all(db)
        .await?;
    let calls = call_options(db, editor).await?;
    let posts = post_labels(db, editor, Some(app.call_id)).await?;
    let blind = review::blind_for(db, editor, app.call_id).await?;
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
        rubric,
        reviews,
        old_reviews,
        assigned,
        messages,
        is_admin,
        blind,
        app,
        status_form: typed.status,
        review_form,
        errors,
        message_max: MESSAGE_MAX,
        note_max: NOTE_MAX,
        requested_max: REQUESTED_MAX,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StatusForm {
    csrf: String,
    pub status: String,
    pub message: String,
    /// With "more information needed": the documents asked for, one a line.
    pub requested_documents: String,
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
    let app = open(&state, &editor, id).await?;
    let message = form.message.trim().to_owned();
    let requested = form
        .requested_documents
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    let mut errors = FieldErrors::default();
    if !next_statuses(&app.status).contains(&form.status.as_str()) {
        errors.add("status", "admin-error-status-transition");
    }
    if form.status == "more_info" && message.is_empty() {
        errors.add("message", "admin-error-more-info-message");
    } else if message.chars().count() > MESSAGE_MAX {
        // Never cut: the end of such a message is what the applicant must send.
        errors.add_n("message", "form-too-long-n", MESSAGE_MAX as i64);
    }
    if requested.chars().count() > REQUESTED_MAX {
        errors.add_n(
            "requested_documents",
            "form-too-long-n",
            REQUESTED_MAX as i64,
        );
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
    let moved = lifecycle::apply(
        &txn,
        &app,
        &form.status,
        lifecycle::By {
            editor_id: Some(editor.id),
            editor_name: &editor.name,
        },
        &message,
        lifecycle::Message::Standard {
            note: &message,
            base_url: &state.base_url,
        },
        t,
    )
    .await?;
    if moved.is_none() {
        // Someone changed it since this page was loaded: show what it is now.
        txn.rollback().await?;
        return Ok(see_other(&format!(
            "/admin/applications/{id}?flash=conflict"
        )));
    }
    if form.status == "more_info" {
        application::Entity::update_many()
            .col_expr(
                application::Column::RequestedDocuments,
                sea_orm::sea_query::Expr::value(requested),
            )
            .filter(application::Column::Id.eq(id))
            .exec(&txn)
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

/// The rubric form as typed: a score per criterion and a comment.
#[derive(Default)]
pub struct ReviewForm {
    /// (criterion id, score as typed)
    pub scores: Vec<(i32, String)>,
    pub comment: String,
}

/// POST /admin/applications/{id}/review: a score (1–5) per criterion of
/// the call's rubric and a comment, one review per reviewer (saved again,
/// it replaces their earlier one).
pub async fn review(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    form: crate::web::forms::LongForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    editor.require(ROLES)?;
    let value = |k: &str| {
        form.iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    editor.check_csrf(&value("csrf"))?;
    let id = path.into_inner();
    let app = open(&state, &editor, id).await?;
    let rubric = review::rubric(&state.db, app.call_id).await?;
    let comment = value("comment");
    let mut errors = FieldErrors::default();
    let mut typed = ReviewForm {
        scores: Vec::new(),
        comment: comment.clone(),
    };
    let mut scores = Vec::new();
    for c in &rubric {
        let raw = value(&format!("score.{}", c.id));
        match raw.parse::<i16>().ok().filter(|s| (1..=5).contains(s)) {
            Some(s) => scores.push((c.id, s)),
            None => errors.add(format!("score-{}", c.id), "review-error-score"),
        }
        typed.scores.push((c.id, raw));
    }
    if comment.chars().count() > NOTE_MAX {
        errors.add_n("comment", "form-too-long-n", NOTE_MAX as i64);
    }
    if !errors.is_empty() {
        let typed = Typed {
            status: StatusForm::default(),
            review: typed,
        };
        return Ok(render_detail(&editor, &state, id, typed, errors, "")
            .await?
            .unprocessable()
            .into_response(&req));
    }
    let ip = client_ip(&req, &state);
    let t = now();
    let txn = crate::db::begin_write(&state.db).await?;
    let existing = rubric_review::Entity::find()
        .filter(rubric_review::Column::ApplicationId.eq(id))
        .filter(rubric_review::Column::EditorId.eq(editor.id))
        .one(&txn)
        .await?;
    let review_id = match existing {
        Some(r) => {
            rubric_review::Entity::update_many()
                .col_expr(
                    rubric_review::Column::Comment,
                    sea_orm::sea_query::Expr::value(comment),
                )
                .col_expr(
                    rubric_review::Column::UpdatedAt,
                    sea_orm::sea_query::Expr::value(t),
                )
                .filter(rubric_review::Column::Id.eq(r.id))
                .exec(&txn)
                .await?;
            rubric_score::Entity::delete_many()
                .filter(rubric_score::Column::ReviewId.eq(r.id))
                .exec(&txn)
                .await?;
            r.id
        }
        None => {
            rubric_review::ActiveModel {
                application_id: Set(id),
                editor_id: Set(editor.id),
                editor_name: Set(editor.name.clone()),
                comment: Set(comment),
                created_at: Set(t),
                updated_at: Set(t),
                ..Default::default()
            }
            .insert(&txn)
            .await?
            .id
        }
    };
    for (criterion, score) in &scores {
        rubric_score::ActiveModel {
            review_id: Set(review_id),
            criterion_id: Set(*criterion),
            score: Set(*score),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    crate::audit::record(
        &txn,
        &editor.actor(Some(&ip)),
        "review",
        "application",
        Some(id),
        &scores
            .iter()
            .map(|(_, s)| s.to_string())
            .collect::<Vec<_>>()
            .join(" "),
    )
    .await?;
    txn.commit().await?;
    Ok(see_other(&format!("/admin/applications/{id}?flash=saved")))
}

#[derive(Template)]
#[template(path = "admin/review/declare.html")]
pub struct DeclarePage {
    pub page: AdminPage,
    pub app: application::Model,
    pub form: DeclareForm,
    pub reasons: &'static [&'static str],
    pub errors: FieldErrors,
    pub note_max: usize,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DeclareForm {
    csrf: String,
    /// `none`, or a reason of `review::CONFLICT_REASONS`.
    pub conflict: String,
    pub note: String,
}

async fn render_declare(
    editor: &Editor,
    state: &AppState,
    id: i32,
    form: DeclareForm,
    errors: FieldErrors,
) -> Result<Html, AppError> {
    let app = find(state, id).await?;
    let tr = Translator {
        locale: editor.locale,
    };
    Html::render(&DeclarePage {
        page: AdminPage::new(
            editor,
            state.asset_version.clone(),
            "applications",
            tr.ts("review-declare-title", "reference", &app.reference),
            None,
        ),
        app,
        form,
        reasons: review::CONFLICT_REASONS,
        errors,
        note_max: NOTE_MAX,
    })
}

/// POST /admin/applications/{id}/declare: an assigned reviewer declares no
/// conflict of interest (the application opens) or one (the assignment
/// goes, and the administrators are told).
pub async fn declare(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    form: crate::web::forms::LongForm<DeclareForm>,
) -> Result<HttpResponse, AppError> {
    editor.require(ROLES)?;
    editor.check_csrf(&form.csrf)?;
    let id = path.into_inner();
    let assignment = review::assignment(&state.db, id, editor.id)
        .await?
        .ok_or(AppError::NotFound)?;
    if assignment.conflict == "none" {
        // Declared already: the application is open to them.
        return Ok(see_other(&format!("/admin/applications/{id}")));
    }
    let note = form.note.trim().to_owned();
    let mut errors = FieldErrors::default();
    let conflict = if form.conflict == "none" {
        None
    } else if let Some(reason) = review::CONFLICT_REASONS
        .iter()
        .find(|r| **r == form.conflict)
    {
        Some(*reason)
    } else {
        errors.add("conflict", "review-error-declare");
        None
    };
    if conflict == Some("other") && note.is_empty() {
        errors.add("note", "review-error-note");
    }
    if note.chars().count() > NOTE_MAX {
        errors.add_n("note", "form-too-long-n", NOTE_MAX as i64);
    }
    if !errors.is_empty() {
        return Ok(
            render_declare(&editor, &state, id, form.into_inner(), errors)
                .await?
                .unprocessable()
                .into_response(&req),
        );
    }
    let ip = client_ip(&req, &state);
    let txn = crate::db::begin_write(&state.db).await?;
    review::declare(
        &txn,
        &assignment,
        &editor,
        conflict.map(|r| (r, note.as_str())),
        &state.base_url,
        now(),
    )
    .await?;
    crate::audit::record(
        &txn,
        &editor.actor(Some(&ip)),
        conflict.map_or("declare:none", |_| "declare:conflict"),
        "application",
        Some(id),
        conflict.unwrap_or("none"),
    )
    .await?;
    txn.commit().await?;
    Ok(match conflict {
        None => see_other(&format!("/admin/applications/{id}")),
        Some(_) => see_other("/admin/applications?flash=saved"),
    })
}

/// GET /admin/applications/{id}/documents/{doc}: the PDF, as a download
/// that no browser renders inline or caches. A blind reviewer gets it
/// under the reference and the kind of document, not the applicant's
/// file name.
pub async fn document(
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<(i32, i32)>,
) -> Result<HttpResponse, AppError> {
    editor.require(ROLES)?;
    let (app_id, doc_id) = path.into_inner();
    let app = open(&state, &editor, app_id).await?;
    let d = application_document::Entity::find_by_id(doc_id)
        .filter(application_document::Column::ApplicationId.eq(app_id))
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let name = if review::blind_for(&state.db, &editor, app.call_id).await? {
        crate::web::upload::clean_filename(&format!("{}-{}", app.reference, d.kind))
    } else {
        crate::web::upload::clean_filename(&d.filename)
    };
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
/// page (call, status, country, host post), every matching application
/// this editor may open, with the columns a selection committee works
/// from (without names and contact details for a blind reviewer).
/// Applications hold personal data, so the export is written to the audit
/// trail.
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
    let only = if review::is_admin(&editor) {
        None
    } else {
        Some(review::cleared_ids(db, editor.id).await?)
    };
    let apps = filtered(&q, only)
        .order_by_desc(application::Column::SubmittedAt)
        .limit(export::MAX_ROWS)
        .all(db)
        .await?;
    let means = review::means(db, &apps).await?;
    let ids: Vec<i32> = apps.iter().map(|a| a.id).collect();
    let reviews = rubric_review::Entity::find()
        .filter(rubric_review::Column::ApplicationId.is_in(ids))
        .all(db)
        .await?;
    let posts = post_labels(db, &editor, None).await?;
    let calls = call_options(db, &editor).await?;
    let blind = blind_calls(db, &editor, &calls).await?;
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
        let hidden = blind.contains(&a.call_id);
        let post = a
            .host_post_id
            .and_then(|p| posts.iter().find(|(id, _)| *id == p))
            .map(|(_, l)| l.clone())
            .unwrap_or_default();
        let (name, email, institution) = if hidden {
            (String::new(), String::new(), String::new())
        } else {
            (a.name, a.email, a.institution)
        };
        table.push(vec![
            a.reference,
            tr.code("app-status", &a.status),
            name,
            email,
            tr.code("country", &a.nationality),
            a.date_of_birth.to_string(),
            tr.code("degree", &a.degree),
            a.research_years.to_string(),
            tr.code("field", &a.field),
            institution,
            post,
            tr.code("level", &a.english_level),
            tr.code("level", &a.chinese_level),
            a.proposal_title,
            tr.language_name(&a.lang),
            export::iso(Some(a.submitted_at)),
            reviews
                .iter()
                .filter(|r| r.application_id == a.id)
                .count()
                .to_string(),
            review::two(means.get(&a.id).copied()),
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
