//! A call's review page (administrators): its review settings, its rubric,
//! the reviewers' fields, who reviews which application (by hand or
//! balanced), the conflicts declared, and the ranking with its export.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::Deserialize;

use crate::db::now;
use crate::entities::{
    application, decision_letter, programme_call, review_assignment, review_conflict,
    review_setting, reviewer_field, rubric_criterion,
};
use crate::error::AppError;
use crate::taxonomy::FIELDS;
use crate::web::client::client_ip;
use crate::web::forms::FieldErrors;
use crate::web::{AppState, Html, Translator, see_other};

use super::super::export::{Format, Links, Table};
use super::super::page::{AdminPage, FlashQuery};
use super::super::session::Editor;
use super::{Ranked, Settings};

/// Most reviewers one application may get, and longest reminder lead.
const MAX_PER_APPLICATION: i32 = 10;
const MAX_REMINDER_DAYS: i32 = 60;
const MAX_WEIGHT: i32 = 100;
const LABEL_MAX: usize = 200;

pub struct AssignmentRow {
    pub app: application::Model,
    /// (assignment id, reviewer name, declared no conflict)
    pub reviewers: Vec<(i32, String, bool)>,
}

/// The settings form as typed.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct SettingsForm {
    csrf: String,
    pub blind: String,
    pub review_deadline: String,
    pub reminder_days: String,
    pub reviewers_per_application: String,
}

impl SettingsForm {
    fn from(s: &Settings) -> Self {
        Self {
            csrf: String::new(),
            blind: if s.blind { "on".into() } else { String::new() },
            review_deadline: s
                .review_deadline
                .map(|d| {
                    d.with_timezone(&crate::config::centre_zone())
                        .date_naive()
                        .to_string()
                })
                .unwrap_or_default(),
            reminder_days: s.reminder_days.to_string(),
            reviewers_per_application: s.reviewers_per_application.to_string(),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/review/call.html")]
pub struct CallReviewPage {
    pub page: AdminPage,
    pub call_id: i32,
    pub form: SettingsForm,
    pub rubric: Vec<rubric_criterion::Model>,
    /// Weights and labels as typed, by criterion id, when refused.
    pub rubric_typed: Vec<(i32, String, [String; 3])>,
    pub reviewers: Vec<(i32, String, Vec<String>, usize)>,
    pub fields: &'static [&'static str],
    pub rows: Vec<AssignmentRow>,
    pub conflicts: Vec<(review_conflict::Model, String)>,
    pub ranking: Vec<Ranked>,
    pub exports: Links,
    pub errors: FieldErrors,
    /// The call's own letters: (decision, language, subject, body), every
    /// decision in every language (empty: the default wording).
    pub letters: Vec<(&'static str, &'static str, String, String)>,
}

impl CallReviewPage {
    /// The weight shown for a criterion (as typed if refused).
    pub fn weight(&self, c: &rubric_criterion::Model) -> String {
        self.rubric_typed
            .iter()
            .find(|(id, _, _)| *id == c.id)
            .map(|(_, w, _)| w.clone())
            .unwrap_or_else(|| c.weight.to_string())
    }

    /// A criterion's label in one of the three languages (as typed if refused).
    pub fn label_in(&self, c: &rubric_criterion::Model, i: &usize) -> String {
        if let Some((_, _, l)) = self.rubric_typed.iter().find(|(id, _, _)| *id == c.id) {
            return l[*i].clone();
        }
        [&c.label_zh, &c.label_en, &c.label_id][*i].clone()
    }

    pub fn label(&self, c: &rubric_criterion::Model) -> String {
        super::label(c, self.page.locale).to_owned()
    }

    pub fn two(&self, x: &Option<f64>) -> String {
        super::two(*x)
    }

    /// Whether a reviewer declared this field.
    pub fn knows(&self, mine: &[String], field: &str) -> bool {
        mine.iter().any(|m| m == field)
    }
}

/// The three languages of rubric labels: (form suffix, language tag).
pub const LABEL_LANGS: [(&str, &str); 3] = [("zh", "zh-CN"), ("en", "en"), ("id", "id")];

async fn call_exists(state: &AppState, id: i32) -> Result<(), AppError> {
    programme_call::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(())
}

/// GET /admin/calls/{id}/review
pub async fn page(
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    q: web::Query<FlashQuery>,
) -> Result<Html, AppError> {
    editor.require(&[])?;
    let id = path.into_inner();
    call_exists(&state, id).await?;
    let s = super::settings(&state.db, id).await?;
    render(
        &editor,
        &state,
        id,
        SettingsForm::from(&s),
        Vec::new(),
        FieldErrors::default(),
        &q.flash,
    )
    .await
}

/// Languages of decision letters.
const LETTER_LANGS: [&str; 3] = ["zh-CN", "en", "id"];
const SUBJECT_MAX: usize = 300;
const BODY_MAX: usize = 10_000;

async fn stored_letters(
    db: &impl sea_orm::ConnectionTrait,
    id: i32,
) -> Result<Vec<(&'static str, &'static str, String, String)>, AppError> {
    let rows = decision_letter::Entity::find()
        .filter(decision_letter::Column::CallId.eq(id))
        .all(db)
        .await?;
    let mut out = Vec::new();
    for d in crate::programme::lifecycle::DECISIONS {
        for l in LETTER_LANGS {
            let own = rows.iter().find(|r| r.decision == *d && r.lang == l);
            out.push((
                *d,
                l,
                own.map(|r| r.subject.clone()).unwrap_or_default(),
                own.map(|r| r.body.clone()).unwrap_or_default(),
            ));
        }
    }
    Ok(out)
}

async fn render(
    editor: &Editor,
    state: &AppState,
    id: i32,
    form: SettingsForm,
    rubric_typed: Vec<(i32, String, [String; 3])>,
    errors: FieldErrors,
    flash: &str,
) -> Result<Html, AppError> {
    let letters = stored_letters(&state.db, id).await?;
    render_with(
        editor,
        state,
        id,
        form,
        rubric_typed,
        errors,
        flash,
        letters,
    )
    .await
}

#[expect(
    clippy::too_many_arguments,
    reason = "the page and what was typed into each of its forms"
)]
async fn render_with(
    editor: &Editor,
    state: &AppState,
    id: i32,
    form: SettingsForm,
    rubric_typed: Vec<(i32, String, [String; 3])>,
    errors: FieldErrors,
    flash: &str,
    letters: Vec<(&'static str, &'static str, String, String)>,
) -> Result<Html, AppError> {
    let db = &state.db;
    let rubric = super::rubric(db, id).await?;
    let people = super::reviewers(db).await?;
    let assignments = review_assignment::Entity::find()
        .filter(review_assignment::Column::CallId.eq(id))
        .order_by_asc(review_assignment::Column::Id)
        .all(db)
        .await?;
    let apps = application::Entity::find()
        .filter(application::Column::CallId.eq(id))
        .order_by_asc(application::Column::Reference)
        .all(db)
        .await?;
    let name_of = |eid: i32| {
        people
            .iter()
            .find(|(e, _)| e.id == eid)
            .map(|(e, _)| e.display_name.clone())
            .unwrap_or_default()
    };
    let rows = apps
        .into_iter()
        .map(|app| AssignmentRow {
            reviewers: assignments
                .iter()
                .filter(|a| a.application_id == app.id)
                .map(|a| (a.id, name_of(a.editor_id), a.conflict == "none"))
                .collect(),
            app,
        })
        .collect::<Vec<_>>();
    let conflicts = review_conflict::Entity::find()
        .filter(review_conflict::Column::CallId.eq(id))
        .order_by_desc(review_conflict::Column::At)
        .all(db)
        .await?
        .into_iter()
        .map(|c| {
            let reference = rows
                .iter()
                .find(|r| r.app.id == c.application_id)
                .map(|r| r.app.reference.clone())
                .unwrap_or_default();
            (c, reference)
        })
        .collect();
    let reviewers = people
        .iter()
        .map(|(e, f)| {
            (
                e.id,
                e.display_name.clone(),
                f.clone(),
                assignments.iter().filter(|a| a.editor_id == e.id).count(),
            )
        })
        .collect();
    let tr = Translator {
        locale: editor.locale,
    };
    let calls = crate::programme::store::call_options(db, editor.locale).await?;
    let title = calls
        .iter()
        .find(|(c, _)| *c == id.to_string())
        .map(|(_, t)| t.clone())
        .unwrap_or_default();
    Html::render(&CallReviewPage {
        page: AdminPage::new(
            editor,
            state.asset_version.clone(),
            "applications",
            tr.ts("review-call-title", "call", &title),
            (!flash.is_empty()).then_some(flash),
        ),
        call_id: id,
        form,
        rubric,
        rubric_typed,
        reviewers,
        fields: FIELDS,
        rows,
        conflicts,
        ranking: super::ranking(db, id).await?,
        exports: Links::new(&format!("/admin/calls/{id}/ranking"), []),
        errors,
        letters,
    })
}

fn parse_in(raw: &str, range: std::ops::RangeInclusive<i32>) -> Option<i32> {
    raw.trim().parse().ok().filter(|n| range.contains(n))
}

/// POST /admin/calls/{id}/review/settings
pub async fn save_settings(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    form: crate::web::forms::Form<SettingsForm>,
) -> Result<HttpResponse, AppError> {
    editor.require(&[])?;
    editor.check_csrf(&form.csrf)?;
    let id = path.into_inner();
    call_exists(&state, id).await?;
    let mut errors = FieldErrors::default();
    let per = parse_in(&form.reviewers_per_application, 1..=MAX_PER_APPLICATION);
    if per.is_none() {
        errors.add("reviewers_per_application", "form-number-range");
    }
    let days = parse_in(&form.reminder_days, 0..=MAX_REMINDER_DAYS);
    if days.is_none() {
        errors.add("reminder_days", "form-number-range");
    }
    let deadline = if form.review_deadline.trim().is_empty() {
        Some(None)
    } else {
        chrono::NaiveDate::parse_from_str(form.review_deadline.trim(), "%Y-%m-%d")
            .ok()
            .and_then(|d| d.and_hms_opt(23, 59, 59))
            .and_then(|d| {
                d.and_local_timezone(crate::config::centre_zone())
                    .single()
                    .map(|d| Some(d.with_timezone(&chrono::Utc)))
            })
    };
    if deadline.is_none() {
        errors.add("review_deadline", "review-error-date");
    }
    let (Some(per), Some(days), Some(deadline)) = (per, days, deadline) else {
        return Ok(render(
            &editor,
            &state,
            id,
            form.into_inner(),
            Vec::new(),
            errors,
            "",
        )
        .await?
        .unprocessable()
        .into_response(&req));
    };
    let ip = client_ip(&req, &state);
    let txn = crate::db::begin_write(&state.db).await?;
    review_setting::Entity::insert(review_setting::ActiveModel {
        call_id: Set(id),
        blind: Set(form.blind == "on"),
        review_deadline: Set(deadline),
        reminder_days: Set(days),
        reviewers_per_application: Set(per),
        updated_at: Set(now()),
    })
    .on_conflict(
        OnConflict::column(review_setting::Column::CallId)
            .update_columns([
                review_setting::Column::Blind,
                review_setting::Column::ReviewDeadline,
                review_setting::Column::ReminderDays,
                review_setting::Column::ReviewersPerApplication,
                review_setting::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    crate::audit::record(
        &txn,
        &editor.actor(Some(&ip)),
        "review-settings",
        "call",
        Some(id),
        &format!("blind {}, per application {per}", form.blind == "on"),
    )
    .await?;
    txn.commit().await?;
    Ok(see_other(&format!("/admin/calls/{id}/review?flash=saved")))
}

/// POST /admin/calls/{id}/review/rubric: weights (0–100, not all zero) and
/// labels in three languages (required) of the call's criteria.
pub async fn save_rubric(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    form: crate::web::forms::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    editor.require(&[])?;
    let value = |k: &str| {
        form.iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    editor.check_csrf(&value("csrf"))?;
    let id = path.into_inner();
    call_exists(&state, id).await?;
    let rubric = super::rubric(&state.db, id).await?;
    let mut errors = FieldErrors::default();
    let mut typed = Vec::new();
    let mut total = 0;
    for c in &rubric {
        let w = value(&format!("weight.{}", c.id));
        match parse_in(&w, 0..=MAX_WEIGHT) {
            Some(n) => total += n,
            None => errors.add(format!("weight-{}", c.id), "form-number-range"),
        }
        let labels = LABEL_LANGS.map(|(suffix, _)| value(&format!("label.{}.{suffix}", c.id)));
        for ((suffix, _), l) in LABEL_LANGS.iter().zip(&labels) {
            if l.is_empty() {
                errors.add(format!("label-{}-{suffix}", c.id), "form-required");
            } else if l.chars().count() > LABEL_MAX {
                errors.add_n(
                    format!("label-{}-{suffix}", c.id),
                    "form-too-long-n",
                    LABEL_MAX as i64,
                );
            }
        }
        typed.push((c.id, w, labels));
    }
    if errors.is_empty()
        && total == 0
        && let Some(c) = rubric.first()
    {
        errors.add(format!("weight-{}", c.id), "review-error-weights-zero");
    }
    if !errors.is_empty() {
        let s = super::settings(&state.db, id).await?;
        return Ok(render(
            &editor,
            &state,
            id,
            SettingsForm::from(&s),
            typed,
            errors,
            "",
        )
        .await?
        .unprocessable()
        .into_response(&req));
    }
    let ip = client_ip(&req, &state);
    let txn = crate::db::begin_write(&state.db).await?;
    for (cid, w, [zh, en, lid]) in typed {
        rubric_criterion::Entity::update_many()
            .col_expr(
                rubric_criterion::Column::Weight,
                sea_orm::sea_query::Expr::value(w.trim().parse::<i32>().unwrap_or(0)),
            )
            .col_expr(
                rubric_criterion::Column::LabelZh,
                sea_orm::sea_query::Expr::value(zh),
            )
            .col_expr(
                rubric_criterion::Column::LabelEn,
                sea_orm::sea_query::Expr::value(en),
            )
            .col_expr(
                rubric_criterion::Column::LabelId,
                sea_orm::sea_query::Expr::value(lid),
            )
            .filter(rubric_criterion::Column::Id.eq(cid))
            .filter(rubric_criterion::Column::CallId.eq(id))
            .exec(&txn)
            .await?;
    }
    crate::audit::record(
        &txn,
        &editor.actor(Some(&ip)),
        "rubric",
        "call",
        Some(id),
        "rubric saved",
    )
    .await?;
    txn.commit().await?;
    Ok(see_other(&format!("/admin/calls/{id}/review?flash=saved")))
}

/// POST /admin/calls/{id}/review/fields: the fields one reviewer knows.
pub async fn save_fields(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    form: crate::web::forms::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    editor.require(&[])?;
    let value = |k: &str| {
        form.iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    editor.check_csrf(&value("csrf"))?;
    let id = path.into_inner();
    call_exists(&state, id).await?;
    let who: i32 = value("reviewer")
        .parse()
        .map_err(|_| AppError::BadRequest("error-bad-request-text"))?;
    if !super::reviewers(&state.db)
        .await?
        .iter()
        .any(|(e, _)| e.id == who)
    {
        return Err(AppError::NotFound);
    }
    let chosen: Vec<&str> = form
        .iter()
        .filter(|(n, _)| n == "field")
        .filter_map(|(_, v)| FIELDS.iter().find(|f| **f == v.as_str()).copied())
        .collect();
    let ip = client_ip(&req, &state);
    let txn = crate::db::begin_write(&state.db).await?;
    reviewer_field::Entity::delete_many()
        .filter(reviewer_field::Column::EditorId.eq(who))
        .exec(&txn)
        .await?;
    for f in &chosen {
        reviewer_field::Entity::insert(reviewer_field::ActiveModel {
            editor_id: Set(who),
            field: Set((*f).to_owned()),
            ..Default::default()
        })
        .on_conflict(
            OnConflict::columns([
                reviewer_field::Column::EditorId,
                reviewer_field::Column::Field,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
    }
    crate::audit::record(
        &txn,
        &editor.actor(Some(&ip)),
        "reviewer-fields",
        "editor",
        Some(who),
        &chosen.join(", "),
    )
    .await?;
    txn.commit().await?;
    Ok(see_other(&format!("/admin/calls/{id}/review?flash=saved")))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AssignForm {
    csrf: String,
    pub application: String,
    pub reviewer: String,
    /// An assignment to remove.
    pub remove: String,
}

/// POST /admin/calls/{id}/review/assign: one reviewer to one application,
/// or an assignment removed.
pub async fn assign(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    form: crate::web::forms::Form<AssignForm>,
) -> Result<HttpResponse, AppError> {
    editor.require(&[])?;
    editor.check_csrf(&form.csrf)?;
    let id = path.into_inner();
    call_exists(&state, id).await?;
    let ip = client_ip(&req, &state);
    if let Ok(remove) = form.remove.parse::<i32>() {
        let txn = crate::db::begin_write(&state.db).await?;
        let gone = review_assignment::Entity::delete_many()
            .filter(review_assignment::Column::Id.eq(remove))
            .filter(review_assignment::Column::CallId.eq(id))
            .exec(&txn)
            .await?;
        if gone.rows_affected == 1 {
            crate::audit::record(
                &txn,
                &editor.actor(Some(&ip)),
                "unassign",
                "call",
                Some(id),
                &format!("assignment {remove}"),
            )
            .await?;
        }
        txn.commit().await?;
        return Ok(see_other(&format!("/admin/calls/{id}/review?flash=saved")));
    }
    let db = &state.db;
    let app = match form.application.parse::<i32>() {
        Ok(a) => {
            application::Entity::find_by_id(a)
                .filter(application::Column::CallId.eq(id))
                .one(db)
                .await?
        }
        Err(_) => None,
    };
    let reviewer = form.reviewer.parse::<i32>().ok().filter(|_| true);
    let people = super::reviewers(db).await?;
    let reviewer = reviewer.filter(|r| people.iter().any(|(e, _)| e.id == *r));
    let mut errors = FieldErrors::default();
    if app.is_none() {
        errors.add("assign-application", "form-required");
    }
    if reviewer.is_none() {
        errors.add("assign-reviewer", "form-required");
    }
    if let (Some(app), Some(reviewer)) = (&app, reviewer) {
        let txn = crate::db::begin_write(db).await?;
        match super::assign(&txn, app, reviewer, &editor.name, now()).await? {
            Ok(()) => {
                crate::audit::record(
                    &txn,
                    &editor.actor(Some(&ip)),
                    "assign",
                    "application",
                    Some(app.id),
                    &format!("reviewer {reviewer}"),
                )
                .await?;
                txn.commit().await?;
                return Ok(see_other(&format!("/admin/calls/{id}/review?flash=saved")));
            }
            Err(super::NotAssigned::Already) => {
                errors.add("assign-reviewer", "review-error-already-assigned")
            }
            Err(super::NotAssigned::Conflict) => {
                errors.add("assign-reviewer", "review-error-conflicted")
            }
        }
        txn.rollback().await?;
    }
    let s = super::settings(db, id).await?;
    Ok(render(
        &editor,
        &state,
        id,
        SettingsForm::from(&s),
        Vec::new(),
        errors,
        "",
    )
    .await?
    .unprocessable()
    .into_response(&req))
}

/// POST /admin/calls/{id}/review/auto: balanced assignment.
pub async fn auto(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    form: crate::web::forms::Form<super::super::session::CsrfForm>,
) -> Result<HttpResponse, AppError> {
    editor.require(&[])?;
    editor.check_csrf(&form.csrf)?;
    let id = path.into_inner();
    call_exists(&state, id).await?;
    let per = super::settings(&state.db, id)
        .await?
        .reviewers_per_application;
    let ip = client_ip(&req, &state);
    let txn = crate::db::begin_write(&state.db).await?;
    let made = super::auto_assign(
        &txn,
        id,
        usize::try_from(per).unwrap_or(2),
        &editor.name,
        now(),
    )
    .await?;
    crate::audit::record(
        &txn,
        &editor.actor(Some(&ip)),
        "auto-assign",
        "call",
        Some(id),
        &format!("{made} assignments"),
    )
    .await?;
    txn.commit().await?;
    Ok(see_other(&format!("/admin/calls/{id}/review?flash=saved")))
}

/// GET /admin/calls/{id}/ranking/export.{format}: the ranking table.
pub async fn export(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<(i32, String)>,
) -> Result<HttpResponse, AppError> {
    editor.require(&[])?;
    let (id, format) = path.into_inner();
    let format = Format::parse(&format)?;
    call_exists(&state, id).await?;
    let db = &state.db;
    let ranking = super::ranking(db, id).await?;
    let tr = Translator {
        locale: editor.locale,
    };
    let header = [
        "review-col-rank",
        "admin-col-reference",
        "admin-col-name",
        "admin-field-country",
        "apply-field",
        "admin-field-status",
        "review-col-assigned",
        "review-col-reviews",
        "review-col-mean",
        "review-col-min",
        "review-col-max",
    ];
    let mut table = Table::new("ranking", header.iter().map(|h| tr.t(h)).collect());
    for (i, r) in ranking.iter().enumerate() {
        table.push(vec![
            (i + 1).to_string(),
            r.app.reference.clone(),
            r.app.name.clone(),
            tr.code("country", &r.app.nationality),
            tr.code("field", &r.app.field),
            tr.code("app-status", &r.app.status),
            r.assigned.to_string(),
            r.totals.len().to_string(),
            super::two(r.mean),
            super::two(r.min),
            super::two(r.max),
        ]);
    }
    let ip = client_ip(&req, &state);
    crate::audit::record(
        db,
        &editor.actor(Some(&ip)),
        "export",
        "call",
        Some(id),
        &super::super::export::summary(table.rows.len(), format, &req),
    )
    .await?;
    table.respond(format)
}

/// POST /admin/calls/{id}/review/letters: the call's own wording of each
/// decision letter in each language; both empty: the default wording.
pub async fn save_letters(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    form: crate::web::forms::LongForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    editor.require(&[])?;
    let value = |k: &str| {
        form.iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    editor.check_csrf(&value("csrf"))?;
    let id = path.into_inner();
    call_exists(&state, id).await?;
    let mut errors = FieldErrors::default();
    let mut typed = Vec::new();
    for d in crate::programme::lifecycle::DECISIONS {
        for l in LETTER_LANGS {
            let subject = value(&format!("subject.{d}.{l}"));
            let body = value(&format!("body.{d}.{l}"));
            let key = |what: &str| format!("letter-{what}-{d}-{l}");
            if subject.is_empty() != body.is_empty() {
                let what = if subject.is_empty() {
                    "subject"
                } else {
                    "body"
                };
                errors.add(key(what), "form-required");
            }
            if subject.chars().count() > SUBJECT_MAX {
                errors.add_n(key("subject"), "form-too-long-n", SUBJECT_MAX as i64);
            }
            if body.chars().count() > BODY_MAX {
                errors.add_n(key("body"), "form-too-long-n", BODY_MAX as i64);
            }
            typed.push((*d, l, subject, body));
        }
    }
    if !errors.is_empty() {
        let s = super::settings(&state.db, id).await?;
        return Ok(render_with(
            &editor,
            &state,
            id,
            SettingsForm::from(&s),
            Vec::new(),
            errors,
            "",
            typed,
        )
        .await?
        .unprocessable()
        .into_response(&req));
    }
    let ip = client_ip(&req, &state);
    let t = now();
    let txn = crate::db::begin_write(&state.db).await?;
    decision_letter::Entity::delete_many()
        .filter(decision_letter::Column::CallId.eq(id))
        .exec(&txn)
        .await?;
    for (d, l, subject, body) in typed.into_iter().filter(|x| !x.2.is_empty()) {
        decision_letter::Entity::insert(decision_letter::ActiveModel {
            call_id: Set(id),
            decision: Set(d.to_owned()),
            lang: Set(l.to_owned()),
            subject: Set(subject),
            body: Set(body),
            updated_at: Set(t),
            ..Default::default()
        })
        .exec_without_returning(&txn)
        .await?;
    }
    crate::audit::record(
        &txn,
        &editor.actor(Some(&ip)),
        "letters",
        "call",
        Some(id),
        "decision letters saved",
    )
    .await?;
    txn.commit().await?;
    Ok(see_other(&format!("/admin/calls/{id}/review?flash=saved")))
}
