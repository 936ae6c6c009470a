//! Where an application stands: looked up with its reference and email (the
//! same answer whichever half is wrong, and rate-limited), shown in the
//! visitor's language with its public history. When reviewers ask for more
//! information, the applicant reopens the form from here and resubmits.

use actix_multipart::Multipart;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde::Deserialize;
use sha2::Sha256;

use crate::db::now;
use crate::entities::{
    application, application_document, application_history, application_link, programme_call,
};
use crate::error::AppError;
use crate::ratelimit::{STATUS_LOOKUP, STATUS_REFERENCE};
use crate::tokens::constant_time_eq;
use crate::web::client::{client_key, keyed_hash};
use crate::web::forms::FieldErrors;
use crate::web::see_other;
use crate::web::upload::{application_body_max, refuse_declared_over};
use crate::web::{Ctx, Html, Page, Section};

use super::apply::{
    Amendment, ApplyForm, ApplyPage, DOCUMENTS, KeptDocument, REQUESTED, read_submission,
    save_documents, validate,
};

/// Public statuses, in the order an application moves through them.
pub const STATUSES: &[&str] = &[
    "submitted",
    "screening",
    "under_review",
    "more_info",
    "accepted",
    "declined",
];

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct LookupForm {
    pub reference: String,
    pub email: String,
}

/// A referee as the applicant sees them: name and whether the letter came.
pub struct RefereeLine {
    pub position: i16,
    pub name: String,
    pub arrived: bool,
}

pub struct Step {
    pub status: String,
    pub at: DateTime<Utc>,
    pub message: String,
}

#[derive(Template)]
#[template(path = "programme/status.html")]
pub struct StatusPage {
    pub page: Page,
    pub form: LookupForm,
    pub errors: FieldErrors,
    pub not_found: bool,
    pub found: Option<Found>,
}

pub struct Found {
    /// The key of this page's own address, for the reminder forms.
    pub key: String,
    pub referees: Vec<RefereeLine>,
    /// A reminder just sent (the referee's name), or refused (with when).
    pub reminded: Option<String>,
    pub reminder_refused: Option<String>,
    pub reference: String,
    pub status: String,
    pub submitted_at: DateTime<Utc>,
    pub steps: Vec<Step>,
    pub amend_href: Option<String>,
}

fn page(ctx: &Ctx) -> Page {
    let mut p = ctx.page(Section::Programme, ctx.t("status-title"));
    p.noindex = true;
    p
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StatusQuery {
    pub key: String,
    /// The referee a reminder was just sent to.
    pub reminded: String,
}

/// GET /{lang}/programme/status, and with `?key=` the bookmarkable status
/// of one application (the key comes from the look-up or the e-mails).
pub async fn form(
    ctx: Ctx,
    req: HttpRequest,
    q: web::Query<StatusQuery>,
) -> Result<HttpResponse, AppError> {
    if q.key.is_empty() {
        return Ok(Html::render(&StatusPage {
            page: page(&ctx),
            form: LookupForm::default(),
            errors: FieldErrors::default(),
            not_found: false,
            found: None,
        })?
        .into_response(&req));
    }
    let a = application_by_key(&ctx, &q.key)
        .await?
        .ok_or(AppError::Forbidden("status-error-link"))?;
    let mut found = found(&ctx, &a, &q.key).await?;
    found.reminded = found
        .referees
        .iter()
        .find(|r| r.position.to_string() == q.reminded)
        .map(|r| r.name.clone());
    // The history, the reviewers' messages and the links that act on the
    // application: for this visitor only, and never kept by any cache.
    Ok(Html::render(&StatusPage {
        page: page(&ctx),
        form: LookupForm::default(),
        errors: FieldErrors::default(),
        not_found: false,
        found: Some(found),
    })?
    .personal()
    .into_response(&req))
}

/// The application a status key opens (a malformed or unknown key: none).
pub async fn application_by_key(
    ctx: &Ctx,
    key: &str,
) -> Result<Option<application::Model>, AppError> {
    // Keys are 43 URL-safe characters; anything else is not looked up.
    if key.len() != 43
        || !key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Ok(None);
    }
    let Some(link) = application_link::Entity::find()
        .filter(application_link::Column::Key.eq(key))
        .one(ctx.db())
        .await?
    else {
        return Ok(None);
    };
    Ok(application::Entity::find_by_id(link.application_id)
        .one(ctx.db())
        .await?)
}

/// The status URL of an application (its key made if it had none).
pub async fn status_href(ctx: &Ctx, application_id: i32) -> Result<String, AppError> {
    let key = crate::outbox::application_link_key(ctx.db(), application_id).await?;
    Ok(format!("{}?key={key}", ctx.href("/programme/status")))
}

/// A token that lets the applicant who just proved reference + email amend
/// the application for two hours, without an account.
fn amend_token(secret: &[u8], id: i32, expires: i64) -> String {
    let mut mac = match Hmac::<Sha256>::new_from_slice(secret) {
        Ok(m) => m,
        Err(_) => return String::new(),
    };
    mac.update(format!("amend:{id}:{expires}").as_bytes());
    format!(
        "{id}.{expires}.{}",
        hex::encode(mac.finalize().into_bytes())
    )
}

fn check_amend_token(secret: &[u8], token: &str) -> Option<i32> {
    let mut parts = token.splitn(3, '.');
    let id: i32 = parts.next()?.parse().ok()?;
    let expires: i64 = parts.next()?.parse().ok()?;
    if expires < now().timestamp() {
        return None;
    }
    let expected = amend_token(secret, id, expires);
    constant_time_eq(expected.as_bytes(), token.as_bytes()).then_some(id)
}

/// POST /{lang}/programme/status
pub async fn lookup(
    ctx: Ctx,
    req: HttpRequest,
    form: crate::web::forms::Form<LookupForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let mut errors = FieldErrors::default();
    if form.reference.trim().is_empty() {
        errors.add("reference", "status-error-reference");
    }
    if form.email.trim().is_empty() {
        errors.add("email", "status-error-email");
    }
    if !errors.is_empty() {
        return Ok(Html::render(&StatusPage {
            page: page(&ctx),
            form,
            errors,
            not_found: false,
            found: None,
        })?
        .unprocessable()
        .into_response(&req));
    }
    let reference = form.reference.trim().to_uppercase();
    // Counted per address and per reference, before anything is looked up.
    let key = client_key(&req, &ctx.state);
    let reference_key = keyed_hash(&ctx.state.config.secret_key, &reference);
    STATUS_LOOKUP.take(ctx.db(), &key).await?;
    STATUS_REFERENCE.take(ctx.db(), &reference_key).await?;
    let found = application::Entity::find()
        .filter(application::Column::Reference.eq(&reference))
        .one(ctx.db())
        .await?;
    // Compare the email whether or not the reference exists, so that both
    // wrong halves take the same path and give the same answer.
    let stored = found
        .as_ref()
        .map_or_else(String::new, |a| a.email.to_lowercase());
    let given = form.email.trim().to_lowercase();
    let matches = constant_time_eq(stored.as_bytes(), given.as_bytes()) && found.is_some();
    let Some(a) = found.filter(|_| matches) else {
        return Ok(Html::render(&StatusPage {
            page: page(&ctx),
            form,
            errors,
            not_found: true,
            found: None,
        })?
        .unprocessable()
        .personal()
        .into_response(&req));
    };
    // The answer is a page of its own, with an address to bookmark.
    Ok(see_other(&status_href(&ctx, a.id).await?))
}

pub async fn found(ctx: &Ctx, a: &application::Model, key: &str) -> Result<Found, AppError> {
    let history = application_history::Entity::find()
        .filter(application_history::Column::ApplicationId.eq(a.id))
        .order_by_asc(application_history::Column::At)
        .order_by_asc(application_history::Column::Id)
        .all(ctx.db())
        .await?;
    let amend_href = (a.status == "more_info").then(|| {
        let expires = (now() + Duration::hours(2)).timestamp();
        format!(
            "{}?token={}",
            ctx.href("/programme/status/amend"),
            amend_token(&ctx.state.config.secret_key, a.id, expires)
        )
    });
    let referees = super::referees::for_application(ctx.db(), a.id)
        .await?
        .into_iter()
        .map(|r| RefereeLine {
            position: r.position,
            name: r.name,
            arrived: r.letter_at.is_some(),
        })
        .collect();
    Ok(Found {
        key: key.to_owned(),
        referees,
        reminded: None,
        reminder_refused: None,
        reference: a.reference.clone(),
        status: a.status.clone(),
        submitted_at: a.submitted_at,
        steps: history
            .into_iter()
            .map(|h| Step {
                // Reviewer-facing wording stays in the back office: the
                // applicant sees the message only where it was written to them.
                message: if matches!(h.to_status.as_str(), "more_info" | "accepted" | "declined") {
                    h.message
                } else {
                    String::new()
                },
                status: h.to_status,
                at: h.at,
            })
            .collect(),
        amend_href,
    })
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct RemindForm {
    pub key: String,
    pub position: String,
}

/// POST /{lang}/programme/status/remind: a reminder to one referee whose
/// letter has not arrived, at most once a week.
pub async fn remind(
    ctx: Ctx,
    req: HttpRequest,
    form: crate::web::forms::Form<RemindForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let a = application_by_key(&ctx, &form.key)
        .await?
        .ok_or(AppError::Forbidden("status-error-link"))?;
    let position: i16 = form
        .position
        .parse()
        .map_err(|_| AppError::BadRequest("referee-error-position"))?;
    let t = now();
    match super::referees::remind(
        ctx.db(),
        &a,
        position,
        &ctx.state.config.secret_key,
        &ctx.state.base_url,
        t,
    )
    .await?
    {
        Ok(()) => Ok(see_other(&format!(
            "{}?key={}&reminded={position}",
            ctx.href("/programme/status"),
            form.key
        ))),
        Err(next) => {
            let mut found = found(&ctx, &a, &form.key).await?;
            let p = page(&ctx);
            found.reminder_refused = Some(match next {
                Some(at) => p.ts("referee-reminder-too-soon", "date", &p.date(&at)),
                None => p.t("referee-reminder-not-needed"),
            });
            Ok(Html::render(&StatusPage {
                page: p,
                form: LookupForm::default(),
                errors: FieldErrors::default(),
                not_found: false,
                found: Some(found),
            })?
            .with_status(actix_web::http::StatusCode::TOO_MANY_REQUESTS)
            .personal()
            .into_response(&req))
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AmendQuery {
    token: String,
}

async fn amendable(
    ctx: &Ctx,
    token: &str,
) -> Result<(application::Model, programme_call::Model), AppError> {
    let id = check_amend_token(&ctx.state.config.secret_key, token)
        .ok_or(AppError::Forbidden("apply-error-amend-expired"))?;
    let a = application::Entity::find_by_id(id)
        .one(ctx.db())
        .await?
        .ok_or(AppError::NotFound)?;
    if a.status != "more_info" {
        return Err(AppError::Forbidden("apply-error-amend-expired"));
    }
    let call = programme_call::Entity::find_by_id(a.call_id)
        .one(ctx.db())
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((a, call))
}

/// The reference of an application whose amendment link is genuine but
/// which is no longer waiting for more information: it was resubmitted.
async fn already_resubmitted(ctx: &Ctx, token: &str) -> Result<Option<String>, AppError> {
    let Some(id) = check_amend_token(&ctx.state.config.secret_key, token) else {
        return Ok(None);
    };
    Ok(application::Entity::find_by_id(id)
        .one(ctx.db())
        .await?
        .filter(|a| a.status != "more_info")
        .map(|a| a.reference))
}

/// The documents reviewers asked for (one name per line), as upload fields.
fn requested_of(a: &application::Model) -> Vec<(String, String)> {
    a.requested_documents
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .zip(REQUESTED)
        .map(|(name, (field, _))| ((*field).to_owned(), name.to_owned()))
        .collect()
}

/// The latest message of the move to "more information needed".
async fn reviewer_message(ctx: &Ctx, a: &application::Model) -> Result<String, AppError> {
    Ok(application_history::Entity::find()
        .filter(application_history::Column::ApplicationId.eq(a.id))
        .filter(application_history::Column::ToStatus.eq("more_info"))
        .order_by_desc(application_history::Column::At)
        .order_by_desc(application_history::Column::Id)
        .one(ctx.db())
        .await?
        .map(|h| h.message)
        .unwrap_or_default())
}

/// The application's documents as the applicant may see them: names only,
/// and never a referee's letter.
async fn current_documents(
    ctx: &Ctx,
    a: &application::Model,
) -> Result<Vec<(String, String)>, AppError> {
    Ok(application_document::Entity::find()
        .select_only()
        .column(application_document::Column::Kind)
        .column(application_document::Column::Filename)
        .filter(application_document::Column::ApplicationId.eq(a.id))
        .filter(application_document::Column::Kind.ne(super::referees::LETTER))
        .order_by_asc(application_document::Column::Id)
        .into_tuple::<(String, String)>()
        .all(ctx.db())
        .await?)
}

async fn amend_page(
    ctx: &Ctx,
    a: &application::Model,
    call: &programme_call::Model,
    form: ApplyForm,
    errors: FieldErrors,
    token: &str,
) -> Result<ApplyPage, AppError> {
    let posts = super::post_views_of_call(ctx.db(), call.id, ctx.locale).await?;
    let rows = super::store::call_texts(ctx.db(), call.id).await?;
    let call_view =
        crate::translation::pick(&rows, ctx.locale, &call.source_lang).map(|p| super::CallView {
            title: p.text.title.clone(),
            description_html: String::new(),
            open: true,
            upcoming: false,
            lang: p.locale.tag(),
            fallback: p.locale != ctx.locale,
            call: call.clone(),
        });
    let mut page = ctx.page(Section::Programme, ctx.t("apply-amend-title"));
    page.noindex = true;
    let kept = current_documents(ctx, a)
        .await?
        .into_iter()
        .filter_map(|(kind, filename)| {
            let field = DOCUMENTS
                .iter()
                .chain(REQUESTED)
                .find(|(_, k)| *k == kind)
                .map(|(f, _)| (*f).to_owned())?;
            Some(KeptDocument { field, filename })
        })
        .collect();
    Ok(ApplyPage {
        page,
        call: call_view,
        posts,
        form,
        files_need_reselect: !errors.is_empty(),
        errors,
        action: format!("{}?token={token}", ctx.href("/programme/status/amend")),
        amend: true,
        max_mb: ctx.state.config.max_upload_bytes.div_ceil(1024 * 1024),
        max_bytes: ctx.state.config.max_upload_bytes,
        kept,
        amendment: Amendment {
            message: reviewer_message(ctx, a).await?,
            requested: requested_of(a),
        },
        status_href: ctx.href("/programme/status"),
    })
}

/// GET /{lang}/programme/status/amend?token=
pub async fn amend_form(ctx: Ctx, q: web::Query<AmendQuery>) -> Result<Html, AppError> {
    let (a, call) = amendable(&ctx, &q.token).await?;
    let form = ApplyForm::from_model(&a);
    Html::render(&amend_page(&ctx, &a, &call, form, FieldErrors::default(), &q.token).await?)
        .map(Html::personal)
}

/// POST /{lang}/programme/status/amend?token= (multipart)
pub async fn amend(
    ctx: Ctx,
    req: HttpRequest,
    q: web::Query<AmendQuery>,
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    refuse_declared_over(
        &req,
        application_body_max(ctx.state.config.max_upload_bytes),
    )?;
    if let Some(reference) = already_resubmitted(&ctx, &q.token).await? {
        // The same amendment sent again after it went through.
        return Ok(see_other(
            &ctx.href(&format!("/programme/apply/done/{reference}")),
        ));
    }
    let (a, call) = amendable(&ctx, &q.token).await?;
    let sub = read_submission(payload, ctx.state.config.max_upload_bytes).await?;
    let mut errors = sub.errors;
    let posts = super::post_views_of_call(ctx.db(), call.id, ctx.locale).await?;
    let checked = validate(&sub.form, &call, &posts, &sub.documents, false, &mut errors);
    // Each document the reviewers asked for: sent now, or sent before.
    let held = current_documents(&ctx, &a).await?;
    for (field, _) in requested_of(&a) {
        let sent =
            sub.documents.iter().any(|d| d.kind == field) || held.iter().any(|(k, _)| *k == field);
        if !sent && errors.get(&field).is_none() {
            errors.add(field, "apply-error-file-required");
        }
    }
    let Some(c) = checked.filter(|_| errors.is_empty()) else {
        let page = amend_page(&ctx, &a, &call, sub.form, errors, &q.token).await?;
        return Ok(Html::render(&page)?
            .unprocessable()
            .personal()
            .into_response(&req));
    };
    let t = now();
    let txn = crate::db::begin_write(ctx.db()).await?;
    let done = ctx.href(&format!("/programme/apply/done/{}", a.reference));
    if !super::lifecycle::resubmit(&txn, &a, t).await? {
        // Sent twice (a double click, a refresh): the first one counted.
        txn.rollback().await?;
        return Ok(see_other(&done));
    }
    let mut m: application::ActiveModel = a.clone().into();
    m.name = Set(c.name);
    m.email = Set(c.email);
    m.nationality = Set(c.nationality.to_owned());
    m.date_of_birth = Set(c.date_of_birth);
    m.degree = Set(c.degree.to_owned());
    m.research_years = Set(c.research_years);
    m.field = Set(c.field.to_owned());
    m.institution = Set(c.institution);
    m.host_post_id = Set(Some(c.host_post));
    m.english_level = Set(c.english_level.to_owned());
    m.chinese_level = Set(c.chinese_level.to_owned());
    m.proposal_title = Set(c.proposal_title);
    m.proposal = Set(c.proposal);
    m.status = Set("submitted".to_owned());
    m.submitted_at = Set(t);
    m.updated_at = Set(t);
    m.update(&txn).await?;
    save_documents(&txn, a.id, sub.documents).await?;
    txn.commit().await?;
    Ok(see_other(&done))
}
