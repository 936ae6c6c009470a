//! Reviewing a programme call: who reviews what (assignment by hand or
//! balanced by field and load), conflict-of-interest declarations, the
//! call's rubric and the scores against it, blind mode, reminders before
//! the review deadline, and decisions for many applications at once.
//! `applications.rs` asks this module what an editor may see of an
//! application (`access`, `blind_for`).

pub mod call;
pub mod decide;
pub mod report;

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use fluent_templates::fluent_bundle::FluentValue;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

use crate::accounts::Role;
use crate::entities::{
    application, editor, review_assignment, review_conflict, review_setting, reviewer_field,
    rubric_criterion, rubric_review, rubric_score,
};
use crate::i18n::{self, Args, Locale};

use super::session::Editor;

/// Applications in these statuses are still being reviewed (and assigned).
pub const OPEN_STATUSES: &[&str] = &["submitted", "screening", "under_review", "more_info"];

/// Reasons a reviewer may give for a conflict of interest.
pub const CONFLICT_REASONS: &[&str] = &["institution", "collaborator", "other"];

/// The default rubric: key, weight, and its label in Chinese, English and
/// Indonesian (stored with the call, where an administrator may change it).
const DEFAULT_RUBRIC: &[(&str, i32, &str, &str, &str)] = &[
    (
        "merit",
        40,
        "科学价值",
        "Scientific merit",
        "Keunggulan ilmiah",
    ),
    (
        "fit",
        30,
        "与合作岗位的契合度",
        "Fit with the host post",
        "Kesesuaian dengan posisi tuan rumah",
    ),
    (
        "value",
        30,
        "对申请人所在国的价值",
        "Value for the applicant's country",
        "Manfaat bagi negara pelamar",
    ),
];

/// A call's review settings, with their defaults when none were saved.
#[derive(Clone, Debug)]
pub struct Settings {
    pub blind: bool,
    pub review_deadline: Option<DateTime<Utc>>,
    pub reminder_days: i32,
    pub reviewers_per_application: i32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            blind: false,
            review_deadline: None,
            reminder_days: 3,
            reviewers_per_application: 2,
        }
    }
}

pub async fn settings(db: &impl ConnectionTrait, call_id: i32) -> Result<Settings, DbErr> {
    Ok(review_setting::Entity::find_by_id(call_id)
        .one(db)
        .await?
        .map(|s| Settings {
            blind: s.blind,
            review_deadline: s.review_deadline,
            reminder_days: s.reminder_days,
            reviewers_per_application: s.reviewers_per_application,
        })
        .unwrap_or_default())
}

/// A call's rubric, in order; the default one is written the first time.
pub async fn rubric(
    db: &impl ConnectionTrait,
    call_id: i32,
) -> Result<Vec<rubric_criterion::Model>, DbErr> {
    let found = criteria(db, call_id).await?;
    if !found.is_empty() {
        return Ok(found);
    }
    rubric_criterion::Entity::insert_many(DEFAULT_RUBRIC.iter().enumerate().map(
        |(i, (key, weight, zh, en, id))| rubric_criterion::ActiveModel {
            call_id: Set(call_id),
            key: Set((*key).to_owned()),
            weight: Set(*weight),
            label_zh: Set((*zh).to_owned()),
            label_en: Set((*en).to_owned()),
            label_id: Set((*id).to_owned()),
            position: Set(i as i32),
            ..Default::default()
        },
    ))
    .on_conflict(
        OnConflict::columns([
            rubric_criterion::Column::CallId,
            rubric_criterion::Column::Key,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    criteria(db, call_id).await
}

async fn criteria(
    db: &impl ConnectionTrait,
    call_id: i32,
) -> Result<Vec<rubric_criterion::Model>, DbErr> {
    rubric_criterion::Entity::find()
        .filter(rubric_criterion::Column::CallId.eq(call_id))
        .order_by_asc(rubric_criterion::Column::Position)
        .order_by_asc(rubric_criterion::Column::Id)
        .all(db)
        .await
}

/// A criterion's label in `locale`.
pub fn label(c: &rubric_criterion::Model, locale: Locale) -> &str {
    match locale.tag() {
        "zh-CN" => &c.label_zh,
        "id" => &c.label_id,
        _ => &c.label_en,
    }
}

/// What an editor may see of an application.
pub enum Access {
    /// Everything (administrators; reviewers who declared no conflict).
    Full,
    /// Only the declaration of interests (an assigned reviewer who has not
    /// declared yet).
    Declare,
    /// Nothing: not assigned (answered as not found).
    Denied,
}

pub fn is_admin(editor: &Editor) -> bool {
    editor.role == Role::Admin
}

pub async fn access(
    db: &impl ConnectionTrait,
    editor: &Editor,
    app_id: i32,
) -> Result<Access, DbErr> {
    if is_admin(editor) {
        return Ok(Access::Full);
    }
    Ok(
        match assignment(db, app_id, editor.id).await?.map(|a| a.conflict) {
            Some(c) if c == "none" => Access::Full,
            Some(_) => Access::Declare,
            None => Access::Denied,
        },
    )
}

pub async fn assignment(
    db: &impl ConnectionTrait,
    app_id: i32,
    editor_id: i32,
) -> Result<Option<review_assignment::Model>, DbErr> {
    review_assignment::Entity::find()
        .filter(review_assignment::Column::ApplicationId.eq(app_id))
        .filter(review_assignment::Column::EditorId.eq(editor_id))
        .one(db)
        .await
}

/// The applications assigned to a reviewer (declared or not).
pub async fn assigned_ids(db: &impl ConnectionTrait, editor_id: i32) -> Result<Vec<i32>, DbErr> {
    Ok(review_assignment::Entity::find()
        .filter(review_assignment::Column::EditorId.eq(editor_id))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.application_id)
        .collect())
}

/// The applications a reviewer declared no conflict for.
pub async fn cleared_ids(db: &impl ConnectionTrait, editor_id: i32) -> Result<Vec<i32>, DbErr> {
    Ok(review_assignment::Entity::find()
        .filter(review_assignment::Column::EditorId.eq(editor_id))
        .filter(review_assignment::Column::Conflict.eq("none"))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.application_id)
        .collect())
}

/// Whether this editor sees the call's applications without names and
/// contact details: reviewers, when the call is in blind mode.
pub async fn blind_for(
    db: &impl ConnectionTrait,
    editor: &Editor,
    call_id: i32,
) -> Result<bool, DbErr> {
    Ok(!is_admin(editor) && settings(db, call_id).await?.blind)
}

/// Active reviewer accounts with the fields they declared, by name.
pub async fn reviewers(
    db: &impl ConnectionTrait,
) -> Result<Vec<(editor::Model, Vec<String>)>, DbErr> {
    let people = editor::Entity::find()
        .filter(editor::Column::Role.eq("reviewer"))
        .filter(editor::Column::Active.eq(true))
        .order_by_asc(editor::Column::DisplayName)
        .order_by_asc(editor::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i32> = people.iter().map(|e| e.id).collect();
    let fields = reviewer_field::Entity::find()
        .filter(reviewer_field::Column::EditorId.is_in(ids))
        .order_by_asc(reviewer_field::Column::Field)
        .all(db)
        .await?;
    Ok(people
        .into_iter()
        .map(|e| {
            let mine = fields
                .iter()
                .filter(|f| f.editor_id == e.id)
                .map(|f| f.field.clone())
                .collect();
            (e, mine)
        })
        .collect())
}

/// Whether a reviewer declared a conflict with this application before.
async fn conflicted(db: &impl ConnectionTrait, app_id: i32, editor_id: i32) -> Result<bool, DbErr> {
    Ok(review_conflict::Entity::find()
        .filter(review_conflict::Column::ApplicationId.eq(app_id))
        .filter(review_conflict::Column::EditorId.eq(editor_id))
        .one(db)
        .await?
        .is_some())
}

/// Why an assignment was not made.
#[derive(Debug, PartialEq, Eq)]
pub enum NotAssigned {
    Already,
    Conflict,
}

/// Assigns a reviewer to an application by hand.
pub async fn assign(
    db: &impl ConnectionTrait,
    app: &application::Model,
    editor_id: i32,
    by: &str,
    at: DateTime<Utc>,
) -> Result<Result<(), NotAssigned>, DbErr> {
    if conflicted(db, app.id, editor_id).await? {
        return Ok(Err(NotAssigned::Conflict));
    }
    if assignment(db, app.id, editor_id).await?.is_some() {
        return Ok(Err(NotAssigned::Already));
    }
    insert_assignment(db, app, editor_id, by, at).await?;
    Ok(Ok(()))
}

async fn insert_assignment(
    db: &impl ConnectionTrait,
    app: &application::Model,
    editor_id: i32,
    by: &str,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    review_assignment::Entity::insert(review_assignment::ActiveModel {
        call_id: Set(app.call_id),
        application_id: Set(app.id),
        editor_id: Set(editor_id),
        conflict: Set("pending".to_owned()),
        declared_at: Set(None),
        reminded_at: Set(None),
        assigned_by: Set(by.to_owned()),
        assigned_at: Set(at),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            review_assignment::Column::ApplicationId,
            review_assignment::Column::EditorId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Gives every application of the call still under review `per` reviewers,
/// deterministically: for each application (oldest first) the least loaded
/// reviewers in this call, among equals those who declared the
/// application's field, then the earliest account. Never a reviewer who
/// declared a conflict with it. Returns how many assignments were made.
pub async fn auto_assign(
    db: &impl ConnectionTrait,
    call_id: i32,
    per: usize,
    by: &str,
    at: DateTime<Utc>,
) -> Result<usize, DbErr> {
    let apps = application::Entity::find()
        .filter(application::Column::CallId.eq(call_id))
        .filter(application::Column::Status.is_in(OPEN_STATUSES.iter().copied()))
        .order_by_asc(application::Column::SubmittedAt)
        .order_by_asc(application::Column::Id)
        .all(db)
        .await?;
    let people = reviewers(db).await?;
    let existing = review_assignment::Entity::find()
        .filter(review_assignment::Column::CallId.eq(call_id))
        .all(db)
        .await?;
    let conflicts = review_conflict::Entity::find()
        .filter(review_conflict::Column::CallId.eq(call_id))
        .all(db)
        .await?;
    let mut load: HashMap<i32, usize> = HashMap::new();
    for a in &existing {
        *load.entry(a.editor_id).or_default() += 1;
    }
    let mut made = 0;
    for app in &apps {
        let has: Vec<i32> = existing
            .iter()
            .filter(|a| a.application_id == app.id)
            .map(|a| a.editor_id)
            .collect();
        let mut candidates: Vec<&(editor::Model, Vec<String>)> = people
            .iter()
            .filter(|(e, _)| !has.contains(&e.id))
            .filter(|(e, _)| {
                !conflicts
                    .iter()
                    .any(|c| c.application_id == app.id && c.editor_id == Some(e.id))
            })
            .collect();
        candidates.sort_by_key(|(e, fields)| {
            (
                load.get(&e.id).copied().unwrap_or(0),
                !fields.contains(&app.field),
                e.id,
            )
        });
        for (e, _) in candidates.into_iter().take(per.saturating_sub(has.len())) {
            insert_assignment(db, app, e.id, by, at).await?;
            *load.entry(e.id).or_default() += 1;
            made += 1;
        }
    }
    Ok(made)
}

/// One application's place in the ranking: the weighted total of each
/// complete review (on the 1–5 scale), their mean and their spread
/// (lowest and highest total).
pub struct Ranked {
    pub app: application::Model,
    pub totals: Vec<f64>,
    pub mean: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub assigned: usize,
}

/// The weighted total of one review: Σ score × weight / Σ weight, when
/// every criterion was scored.
pub fn weighted_total(
    rubric: &[rubric_criterion::Model],
    scores: &[rubric_score::Model],
) -> Option<f64> {
    let mut sum = 0.0;
    let mut weights = 0.0;
    for c in rubric {
        let s = scores.iter().find(|s| s.criterion_id == c.id)?;
        sum += f64::from(s.score) * f64::from(c.weight);
        weights += f64::from(c.weight);
    }
    (weights > 0.0).then(|| sum / weights)
}

/// The call's applications, best mean first (unscored last, by reference).
pub async fn ranking(db: &impl ConnectionTrait, call_id: i32) -> Result<Vec<Ranked>, DbErr> {
    let rubric = rubric(db, call_id).await?;
    let apps = application::Entity::find()
        .filter(application::Column::CallId.eq(call_id))
        .order_by_asc(application::Column::Reference)
        .all(db)
        .await?;
    let ids: Vec<i32> = apps.iter().map(|a| a.id).collect();
    let reviews = rubric_review::Entity::find()
        .filter(rubric_review::Column::ApplicationId.is_in(ids.clone()))
        .all(db)
        .await?;
    let scores = rubric_score::Entity::find()
        .filter(rubric_score::Column::ReviewId.is_in(reviews.iter().map(|r| r.id)))
        .all(db)
        .await?;
    let assignments = review_assignment::Entity::find()
        .filter(review_assignment::Column::ApplicationId.is_in(ids))
        .all(db)
        .await?;
    let mut out: Vec<Ranked> = apps
        .into_iter()
        .map(|app| {
            let totals: Vec<f64> = reviews
                .iter()
                .filter(|r| r.application_id == app.id)
                .filter_map(|r| {
                    let mine: Vec<rubric_score::Model> = scores
                        .iter()
                        .filter(|s| s.review_id == r.id)
                        .cloned()
                        .collect();
                    weighted_total(&rubric, &mine)
                })
                .collect();
            let mean =
                (!totals.is_empty()).then(|| totals.iter().sum::<f64>() / totals.len() as f64);
            Ranked {
                assigned: assignments
                    .iter()
                    .filter(|a| a.application_id == app.id)
                    .count(),
                min: totals.iter().copied().reduce(f64::min),
                max: totals.iter().copied().reduce(f64::max),
                mean,
                totals,
                app,
            }
        })
        .collect();
    out.sort_by(|a, b| match (a.mean, b.mean) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    Ok(out)
}

/// A score shown with two decimals.
pub fn two(x: Option<f64>) -> String {
    x.map(|x| format!("{x:.2}")).unwrap_or_default()
}

/// Recalls unfinished reviews: each assignment whose reviewer declared no
/// conflict or has not declared yet, without a scored review, in a call
/// whose review deadline is at most `reminder_days` away (and not passed),
/// gets one e-mail in the reviewer's language, once (claimed by setting
/// `reminded_at` only where it is empty). Returns the messages queued.
pub async fn send_reminders(
    db: &impl ConnectionTrait,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<usize, DbErr> {
    let calls = review_setting::Entity::find()
        .filter(review_setting::Column::ReviewDeadline.gt(now))
        .all(db)
        .await?;
    let mut sent = 0;
    for s in calls {
        let Some(deadline) = s.review_deadline else {
            continue;
        };
        if now < deadline - chrono::Duration::days(i64::from(s.reminder_days)) {
            continue;
        }
        let due = review_assignment::Entity::find()
            .filter(review_assignment::Column::CallId.eq(s.call_id))
            .filter(review_assignment::Column::RemindedAt.is_null())
            .all(db)
            .await?;
        for a in due {
            let done = rubric_review::Entity::find()
                .filter(rubric_review::Column::ApplicationId.eq(a.application_id))
                .filter(rubric_review::Column::EditorId.eq(a.editor_id))
                .one(db)
                .await?
                .is_some();
            if done {
                continue;
            }
            let claimed = review_assignment::Entity::update_many()
                .col_expr(review_assignment::Column::RemindedAt, Expr::value(now))
                .filter(review_assignment::Column::Id.eq(a.id))
                .filter(review_assignment::Column::RemindedAt.is_null())
                .exec(db)
                .await?;
            if claimed.rows_affected != 1 {
                continue;
            }
            let (Some(person), Some(app)) = (
                editor::Entity::find_by_id(a.editor_id).one(db).await?,
                application::Entity::find_by_id(a.application_id)
                    .one(db)
                    .await?,
            ) else {
                continue;
            };
            let locale = Locale::from_tag(&person.ui_lang).unwrap_or_default();
            let mut args = Args::new();
            args.insert("name", FluentValue::from(person.display_name.clone()));
            args.insert("reference", FluentValue::from(app.reference.clone()));
            args.insert(
                "deadline",
                FluentValue::from(i18n::format_date(locale, deadline.date_naive())),
            );
            args.insert(
                "url",
                FluentValue::from(format!("{base_url}/admin/applications/{}", app.id)),
            );
            crate::outbox::queue(
                db,
                crate::outbox::Mail {
                    to: person.email.clone(),
                    locale,
                    kind: "review_reminder",
                    subject: i18n::message(locale, "review-reminder-subject", Some(&args)),
                    body: i18n::message(locale, "review-reminder-body", Some(&args)),
                    related_kind: "application",
                    related_id: Some(app.id),
                    headers: Vec::new(),
                },
            )
            .await?;
            sent += 1;
        }
    }
    Ok(sent)
}

/// Records a reviewer's declaration. `None` (no conflict) opens the
/// application to them; a conflict removes the assignment, is recorded and
/// tells every administrator by e-mail, in their language.
pub async fn declare(
    db: &impl ConnectionTrait,
    a: &review_assignment::Model,
    who: &Editor,
    conflict: Option<(&str, &str)>,
    base_url: &str,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    let Some((reason, note)) = conflict else {
        review_assignment::Entity::update_many()
            .col_expr(review_assignment::Column::Conflict, Expr::value("none"))
            .col_expr(review_assignment::Column::DeclaredAt, Expr::value(at))
            .filter(review_assignment::Column::Id.eq(a.id))
            .exec(db)
            .await?;
        return Ok(());
    };
    review_assignment::Entity::delete_by_id(a.id)
        .exec(db)
        .await?;
    review_conflict::ActiveModel {
        call_id: Set(a.call_id),
        application_id: Set(a.application_id),
        editor_id: Set(Some(who.id)),
        editor_name: Set(who.name.clone()),
        reason: Set(reason.to_owned()),
        note: Set(note.to_owned()),
        at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let reference = application::Entity::find_by_id(a.application_id)
        .one(db)
        .await?
        .map(|x| x.reference)
        .unwrap_or_default();
    let admins = editor::Entity::find()
        .filter(editor::Column::Role.eq("admin"))
        .filter(editor::Column::Active.eq(true))
        .all(db)
        .await?;
    for admin in admins {
        let locale = Locale::from_tag(&admin.ui_lang).unwrap_or_default();
        let mut args = Args::new();
        args.insert("reviewer", FluentValue::from(who.name.clone()));
        args.insert("reference", FluentValue::from(reference.clone()));
        args.insert(
            "reason",
            FluentValue::from(i18n::message(
                locale,
                &format!("review-conflict-reason-{reason}"),
                None,
            )),
        );
        args.insert("note", FluentValue::from(note.to_owned()));
        args.insert(
            "url",
            FluentValue::from(format!("{base_url}/admin/calls/{}/review", a.call_id)),
        );
        crate::outbox::queue(
            db,
            crate::outbox::Mail {
                to: admin.email.clone(),
                locale,
                kind: "review_conflict",
                subject: i18n::message(locale, "review-conflict-mail-subject", Some(&args)),
                body: i18n::message(locale, "review-conflict-mail-body", Some(&args)),
                related_kind: "application",
                related_id: Some(a.application_id),
                headers: Vec::new(),
            },
        )
        .await?;
    }
    Ok(())
}

/// The mean weighted total of each of these applications that has at least
/// one complete review (each against its own call's rubric).
pub async fn means(
    db: &impl ConnectionTrait,
    apps: &[application::Model],
) -> Result<HashMap<i32, f64>, DbErr> {
    let ids: Vec<i32> = apps.iter().map(|a| a.id).collect();
    let reviews = rubric_review::Entity::find()
        .filter(rubric_review::Column::ApplicationId.is_in(ids))
        .all(db)
        .await?;
    if reviews.is_empty() {
        return Ok(HashMap::new());
    }
    let scores = rubric_score::Entity::find()
        .filter(rubric_score::Column::ReviewId.is_in(reviews.iter().map(|r| r.id)))
        .all(db)
        .await?;
    let mut rubrics: HashMap<i32, Vec<rubric_criterion::Model>> = HashMap::new();
    let mut out = HashMap::new();
    for app in apps {
        let rubric = match rubrics.entry(app.call_id) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(criteria(db, app.call_id).await?)
            }
        };
        let totals: Vec<f64> = reviews
            .iter()
            .filter(|r| r.application_id == app.id)
            .filter_map(|r| {
                let mine: Vec<rubric_score::Model> = scores
                    .iter()
                    .filter(|s| s.review_id == r.id)
                    .cloned()
                    .collect();
                weighted_total(rubric, &mine)
            })
            .collect();
        if !totals.is_empty() {
            out.insert(app.id, totals.iter().sum::<f64>() / totals.len() as f64);
        }
    }
    Ok(out)
}
