//! Decisions for many applications at once (administrators): accepted,
//! waiting list or declined for every application ticked on the queue. The
//! letter to each applicant is written in their language from the
//! decision's template (name, reference, call title, host post) and shown
//! first; nothing is sent before the administrator confirms. Each move is
//! claimed once (`lifecycle::apply`), so recording a decision twice sends
//! nothing twice. An accepted applicant becomes a draft fellow.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use fluent_templates::fluent_bundle::FluentValue;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};

use crate::db::now;
use crate::entities::{
    application, decision_letter, fellow, fellow_translation, host_post, programme_call,
};
use crate::error::AppError;
use crate::i18n::{self, Args, Locale};
use crate::programme::lifecycle::{self, DECISIONS};
use crate::translation::FirstRevision;
use crate::web::client::client_ip;
use crate::web::forms::FieldErrors;
use crate::web::{AppState, Html, Translator, see_other};

use super::super::page::AdminPage;
use super::super::session::Editor;

/// One applicant's letter, as it will be sent.
pub struct Letter {
    pub app: application::Model,
    /// Whether the application may take this decision now (else it is
    /// skipped: already decided, or not at a stage that allows it).
    pub movable: bool,
    pub subject: String,
    pub body: String,
}

#[derive(Template)]
#[template(path = "admin/review/decide.html")]
pub struct PreviewPage {
    pub page: AdminPage,
    pub decision: String,
    pub call: String,
    pub letters: Vec<Letter>,
}

impl PreviewPage {
    /// How many letters will be sent.
    pub fn movable(&self) -> usize {
        self.letters.iter().filter(|l| l.movable).count()
    }
}

/// The letter for `decision` to the applicant of `app`, in their language:
/// the call's own wording when it has one, else the default.
pub async fn letter(
    db: &impl ConnectionTrait,
    app: &application::Model,
    decision: &str,
) -> Result<(String, String), DbErr> {
    let locale = Locale::from_tag(&app.lang).unwrap_or_default();
    let call = programme_call::Entity::find_by_id(app.call_id)
        .one(db)
        .await?;
    let call_title = match &call {
        Some(c) => {
            let texts = crate::programme::store::call_texts(db, c.id).await?;
            crate::translation::pick(&texts, locale, &c.source_lang)
                .map(|p| p.text.title.clone())
                .unwrap_or_else(|| c.cohort_year.to_string())
        }
        None => String::new(),
    };
    let post = host_label(db, app.host_post_id, locale).await?;
    if let Some(own) = decision_letter::Entity::find()
        .filter(decision_letter::Column::CallId.eq(app.call_id))
        .filter(decision_letter::Column::Decision.eq(decision))
        .filter(decision_letter::Column::Lang.eq(locale.tag()))
        .one(db)
        .await?
    {
        let fill = |text: &str| {
            text.replace("{name}", &app.name)
                .replace("{reference}", &app.reference)
                .replace("{call}", &call_title)
                .replace("{post}", post.as_deref().unwrap_or(""))
        };
        return Ok((fill(&own.subject), fill(&own.body)));
    }
    let mut args = Args::new();
    args.insert("name", FluentValue::from(app.name.clone()));
    args.insert("reference", FluentValue::from(app.reference.clone()));
    args.insert("call", FluentValue::from(call_title));
    args.insert("post", FluentValue::from(post.unwrap_or_default()));
    Ok((
        i18n::message(
            locale,
            &format!("review-letter-{decision}-subject"),
            Some(&args),
        ),
        i18n::message(
            locale,
            &format!("review-letter-{decision}-body"),
            Some(&args),
        ),
    ))
}

/// A host post as "institution, lab" in `locale` (or its source language).
async fn host_label(
    db: &impl ConnectionTrait,
    post: Option<i32>,
    locale: Locale,
) -> Result<Option<String>, DbErr> {
    let Some(id) = post else {
        return Ok(None);
    };
    let Some(p) = host_post::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let texts = crate::programme::store::host_post_texts(db, &[id]).await?;
    Ok(texts
        .get(&id)
        .and_then(|rows| crate::translation::pick(rows, locale, &p.source_lang))
        .map(|t| {
            i18n::message(
                locale,
                "review-host-post",
                Some(&{
                    let mut a = Args::new();
                    a.insert("institution", FluentValue::from(t.text.institution.clone()));
                    a.insert("lab", FluentValue::from(t.text.lab.clone()));
                    a
                }),
            )
        }))
}

/// The ticked applications and the decision, read from the queue's form.
struct Batch {
    decision: Option<&'static str>,
    ids: Vec<i32>,
    confirm: bool,
    call: String,
}

fn read(form: &[(String, String)]) -> Batch {
    let value = |k: &str| {
        form.iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    let decision = value("decision");
    let mut ids: Vec<i32> = form
        .iter()
        .filter(|(n, _)| n == "ids")
        .filter_map(|(_, v)| v.trim().parse().ok())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    Batch {
        decision: DECISIONS.iter().find(|d| **d == decision).copied(),
        ids,
        confirm: value("action") == "confirm",
        call: value("call"),
    }
}

/// POST /admin/applications/decide: preview (`action=preview`) or record
/// and send (`action=confirm`).
pub async fn decide(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    form: crate::web::forms::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    editor.require(&[])?;
    let csrf = form
        .iter()
        .find(|(n, _)| n == "csrf")
        .map(|(_, v)| v.as_str())
        .unwrap_or("");
    editor.check_csrf(csrf)?;
    let batch = read(&form);
    let db = &state.db;
    let apps = if batch.ids.is_empty() {
        Vec::new()
    } else {
        application::Entity::find()
            .filter(application::Column::Id.is_in(batch.ids.clone()))
            .all(db)
            .await?
    };
    let mut errors = FieldErrors::default();
    if batch.decision.is_none() {
        errors.add("decision", "review-error-decision");
    }
    if apps.is_empty() {
        errors.add("ids", "review-error-empty-batch");
    }
    let Some(decision) = batch.decision.filter(|_| errors.is_empty()) else {
        let q = super::super::applications::QueueQuery {
            call: batch.call.clone(),
            ..Default::default()
        };
        let typed = (
            form.iter()
                .find(|(n, _)| n == "decision")
                .map(|(_, v)| v.clone())
                .unwrap_or_default(),
            batch.ids.clone(),
        );
        return Ok(
            super::super::applications::render_queue(&editor, &state, q, errors, typed)
                .await?
                .unprocessable()
                .into_response(&req),
        );
    };
    if !batch.confirm {
        let mut letters = Vec::new();
        for app in apps {
            let (subject, body) = letter(db, &app, decision).await?;
            letters.push(Letter {
                movable: lifecycle::can_move(&app.status, decision),
                app,
                subject,
                body,
            });
        }
        let tr = Translator {
            locale: editor.locale,
        };
        return Ok(Html::render(&PreviewPage {
            page: AdminPage::new(
                &editor,
                state.asset_version.clone(),
                "applications",
                tr.ts(
                    "review-decide-title",
                    "decision",
                    &tr.code("app-status", decision),
                ),
                None,
            ),
            decision: decision.to_owned(),
            call: batch.call,
            letters,
        })?
        .into_response(&req));
    }
    let ip = client_ip(&req, &state);
    let t = now();
    let txn = crate::db::begin_write(db).await?;
    let mut moved = 0;
    for app in &apps {
        let (subject, body) = letter(&txn, app, decision).await?;
        let kind = match decision {
            "accepted" => "decision_accepted",
            "waitlisted" => "decision_waitlisted",
            _ => "decision_declined",
        };
        let done = lifecycle::apply(
            &txn,
            app,
            decision,
            lifecycle::By {
                editor_id: Some(editor.id),
                editor_name: &editor.name,
            },
            "",
            lifecycle::Message::Letter {
                kind,
                subject,
                body,
            },
            t,
        )
        .await?;
        let Some(done) = done else {
            continue;
        };
        moved += 1;
        if decision == "accepted" {
            draft_fellow(&txn, &done, t).await?;
        }
        crate::audit::record(
            &txn,
            &editor.actor(Some(&ip)),
            &format!("status:{decision}"),
            "application",
            Some(app.id),
            &app.reference,
        )
        .await?;
    }
    txn.commit().await?;
    tracing::info!(moved, decision, "batch decision");
    let back = if batch.call.is_empty() {
        "/admin/applications?flash=changed".to_owned()
    } else {
        format!(
            "/admin/applications?{}",
            form_urlencoded::Serializer::new(String::new())
                .append_pair("call", &batch.call)
                .append_pair("flash", "changed")
                .finish()
        )
    };
    Ok(see_other(&back))
}

/// An accepted applicant as an unpublished fellow for an editor to
/// complete: name, country, field, cohort, home and host institution and
/// the hosting period, in the applicant's language.
pub async fn draft_fellow(
    db: &impl ConnectionTrait,
    app: &application::Model,
    t: chrono::DateTime<chrono::Utc>,
) -> Result<fellow::Model, DbErr> {
    let locale = Locale::from_tag(&app.lang).unwrap_or_default();
    let call = programme_call::Entity::find_by_id(app.call_id)
        .one(db)
        .await?;
    let cohort = call.as_ref().map_or(0, |c| c.cohort_year);
    let post = match app.host_post_id {
        Some(id) => host_post::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    let host = host_label(db, app.host_post_id, locale)
        .await?
        .unwrap_or_default();
    let base = crate::slugs::from_title(&app.name);
    let base = if base.is_empty() {
        format!("fellow-{}", app.id)
    } else {
        base
    };
    let slug = crate::slugs::unique(db, "fellows", &base).await?;
    let saved = fellow::ActiveModel {
        slug: Set(slug),
        name: Set(app.name.clone()),
        name_zh: Set(String::new()),
        country: Set(app.nationality.clone()),
        cohort_year: Set(cohort),
        field: Set(app.field.clone()),
        photo_id: Set(None),
        status: Set("draft".into()),
        publish_at: Set(None),
        expires_at: Set(None),
        source_lang: Set(locale.tag().to_owned()),
        created_at: Set(t),
        updated_at: Set(t),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let mut args = Args::new();
    args.insert(
        "months",
        FluentValue::from(i64::from(post.as_ref().map_or(0, |p| p.duration_months))),
    );
    args.insert("year", FluentValue::from(cohort.to_string()));
    args.insert("title", FluentValue::from(app.proposal_title.clone()));
    fellow_translation::ActiveModel {
        fellow_id: Set(saved.id),
        lang: Set(locale.tag().to_owned()),
        home_institution: Set(app.institution.clone()),
        host_institution: Set(host),
        research: Set(app.proposal_title.clone()),
        bio: Set(i18n::message(locale, "review-fellow-period", Some(&args))),
        ..Default::default()
    }
    .first_revision(t)
    .insert(db)
    .await?;
    Ok(saved)
}
