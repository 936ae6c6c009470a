//! The applicant's two referees: invited by e-mail in the language chosen
//! for each, with a signed link to a page (no account) where they upload a
//! letter, the same PDF checks as the application's documents. The letter
//! is an application document of kind `referee_letter`, listed for the
//! back office with the others and never shown to the applicant, who sees
//! only whether it arrived and may send a reminder once a week.

use actix_multipart::Multipart;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::{DateTime, Duration, Utc};
use fluent_templates::fluent_bundle::FluentValue;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use serde::Deserialize;

use crate::db::now;
use crate::entities::{application, application_document, application_referee};
use crate::error::AppError;
use crate::i18n::{self, Args, Locale};
use crate::web::forms::FieldErrors;
use crate::web::see_other;
use crate::web::upload::{Parts, Read, clean_filename, is_pdf, read_limited, refuse_declared_over};
use crate::web::{Ctx, Html, Page, Section};

use super::apply::{CheckedReferee, Document, save_documents};

/// What a referee's link is signed for (`web::signed`).
pub const LINK_PURPOSE: &str = "programme-referee";
/// How long a referee's link works.
const LINK_DAYS: i64 = 365;
/// The document kind of a letter.
pub const LETTER: &str = "referee_letter";
/// The shortest time between two reminders to one referee.
pub fn reminder_interval() -> Duration {
    Duration::days(7)
}

/// An application's referees in order, for the back office and the status
/// page (`letter_document_id` names the letter among the application's
/// documents once it has arrived).
pub async fn for_application(
    db: &impl ConnectionTrait,
    application_id: i32,
) -> Result<Vec<application_referee::Model>, DbErr> {
    application_referee::Entity::find()
        .filter(application_referee::Column::ApplicationId.eq(application_id))
        .order_by_asc(application_referee::Column::Position)
        .all(db)
        .await
}

fn link(secret: &[u8], base_url: &str, r: &application_referee::Model) -> String {
    format!(
        "{base_url}/{}/programme/referee?token={}",
        r.lang,
        crate::web::signed::sign(
            secret,
            LINK_PURPOSE,
            r.id,
            "letter",
            (r.created_at + Duration::days(LINK_DAYS)).timestamp(),
        )
    )
}

async fn queue_mail(
    db: &impl ConnectionTrait,
    a: &application::Model,
    r: &application_referee::Model,
    reminder: bool,
    secret: &[u8],
    base_url: &str,
) -> Result<(), DbErr> {
    let locale = Locale::from_tag(&r.lang).unwrap_or_default();
    let mut args = Args::new();
    args.insert("referee", FluentValue::from(r.name.clone()));
    args.insert("applicant", FluentValue::from(a.name.clone()));
    args.insert("link", FluentValue::from(link(secret, base_url, r)));
    let (kind, id) = if reminder {
        ("referee_reminder", "mail-referee-reminder")
    } else {
        ("referee_invitation", "mail-referee")
    };
    crate::outbox::queue(
        db,
        crate::outbox::Mail {
            to: r.email.clone(),
            locale,
            kind,
            subject: i18n::message(locale, &format!("{id}-subject"), Some(&args)),
            body: i18n::message(locale, &format!("{id}-body"), Some(&args)),
            related_kind: "application",
            related_id: Some(a.id),
            headers: Vec::new(),
        },
    )
    .await
}

/// Stores the referees of a new application and queues their invitations.
pub async fn invite(
    db: &impl ConnectionTrait,
    a: &application::Model,
    referees: Vec<CheckedReferee>,
    secret: &[u8],
    base_url: &str,
) -> Result<(), DbErr> {
    let t = now();
    for (position, r) in (1_i16..).zip(referees) {
        let saved = application_referee::ActiveModel {
            application_id: Set(a.id),
            position: Set(position),
            name: Set(r.name),
            email: Set(r.email),
            institution: Set(r.institution),
            lang: Set(r.locale.tag().to_owned()),
            letter_document_id: Set(None),
            letter_at: Set(None),
            reminded_at: Set(None),
            created_at: Set(t),
            ..Default::default()
        }
        .insert(db)
        .await?;
        queue_mail(db, a, &saved, false, secret, base_url).await?;
    }
    Ok(())
}

/// When a reminder to this referee may be sent next (`None`: now).
pub fn next_reminder(r: &application_referee::Model, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
    r.reminded_at
        .map(|last| last + reminder_interval())
        .filter(|next| *next > at)
}

/// Sends a reminder to the referee at `position` if none went in the last
/// week (claimed with a conditional update, so two clicks send one).
/// `Err(next)`: refused, with the date from which it is allowed.
pub async fn remind(
    db: &sea_orm::DatabaseConnection,
    a: &application::Model,
    position: i16,
    secret: &[u8],
    base_url: &str,
    at: DateTime<Utc>,
) -> Result<Result<(), Option<DateTime<Utc>>>, DbErr> {
    let Some(r) = application_referee::Entity::find()
        .filter(application_referee::Column::ApplicationId.eq(a.id))
        .filter(application_referee::Column::Position.eq(position))
        .one(db)
        .await?
    else {
        return Ok(Err(None));
    };
    if r.letter_at.is_some() {
        return Ok(Err(None));
    }
    let txn = crate::db::begin_write(db).await?;
    let claimed = application_referee::Entity::update_many()
        .col_expr(application_referee::Column::RemindedAt, Expr::value(at))
        .filter(application_referee::Column::Id.eq(r.id))
        .filter(
            Condition::any()
                .add(application_referee::Column::RemindedAt.is_null())
                .add(application_referee::Column::RemindedAt.lte(at - reminder_interval())),
        )
        .exec(&txn)
        .await?
        .rows_affected
        == 1;
    if !claimed {
        txn.rollback().await?;
        return Ok(Err(next_reminder(&r, at).or(Some(at + reminder_interval()))));
    }
    queue_mail(&txn, a, &r, true, secret, base_url).await?;
    txn.commit().await?;
    Ok(Ok(()))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RefereeQuery {
    token: String,
    received: String,
}

#[derive(Template)]
#[template(path = "programme/referee.html")]
pub struct RefereePage {
    pub page: Page,
    pub referee: String,
    pub applicant: String,
    pub letter_at: Option<DateTime<Utc>>,
    pub received: bool,
    pub errors: FieldErrors,
    pub action: String,
    pub max_mb: usize,
    pub max_bytes: usize,
}

impl RefereePage {
    pub fn intro(&self) -> String {
        self.page.targs(
            "referee-intro",
            &[("referee", &self.referee), ("applicant", &self.applicant)],
        )
    }
}

async fn referee_of(
    ctx: &Ctx,
    token: &str,
) -> Result<(application_referee::Model, application::Model), AppError> {
    let id = crate::web::signed::verify(
        &ctx.state.config.secret_key,
        LINK_PURPOSE,
        token,
        now().timestamp(),
    )
    .map_err(|_| AppError::Forbidden("referee-error-link"))?
    .id;
    let r = application_referee::Entity::find_by_id(id)
        .one(ctx.db())
        .await?
        .ok_or(AppError::Forbidden("referee-error-link"))?;
    let a = application::Entity::find_by_id(r.application_id)
        .one(ctx.db())
        .await?
        .ok_or(AppError::Forbidden("referee-error-link"))?;
    Ok((r, a))
}

fn referee_page(
    ctx: &Ctx,
    r: &application_referee::Model,
    a: &application::Model,
    token: &str,
    errors: FieldErrors,
    received: bool,
) -> RefereePage {
    let mut page = ctx.page(Section::Programme, ctx.t("referee-title"));
    page.noindex = true;
    RefereePage {
        page,
        referee: r.name.clone(),
        applicant: a.name.clone(),
        letter_at: r.letter_at,
        received,
        errors,
        action: format!("{}?token={token}", ctx.href("/programme/referee")),
        max_mb: ctx.state.config.max_upload_bytes.div_ceil(1024 * 1024),
        max_bytes: ctx.state.config.max_upload_bytes,
    }
}

/// GET /{lang}/programme/referee?token=
pub async fn form(ctx: Ctx, q: web::Query<RefereeQuery>) -> Result<Html, AppError> {
    let (r, a) = referee_of(&ctx, &q.token).await?;
    Html::render(&referee_page(
        &ctx,
        &r,
        &a,
        &q.token,
        FieldErrors::default(),
        q.received == "1",
    ))
    .map(Html::personal)
}

/// POST /{lang}/programme/referee?token= (multipart: `letter`)
pub async fn upload(
    ctx: Ctx,
    req: HttpRequest,
    q: web::Query<RefereeQuery>,
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    let max = ctx.state.config.max_upload_bytes;
    refuse_declared_over(&req, crate::web::upload::application_body_max(max))?;
    let (r, a) = referee_of(&ctx, &q.token).await?;
    let mut errors = FieldErrors::default();
    let mut letter = None;
    let mut parts = Parts::new(payload, 8, 16 * 1024);
    while let Some(mut field) = parts.next().await? {
        if field.name() != Some("letter") || letter.is_some() || errors.get("letter").is_some() {
            parts.discard(&mut field).await?;
            continue;
        }
        let filename = field
            .content_disposition()
            .and_then(|d| d.get_filename())
            .unwrap_or("")
            .to_owned();
        match read_limited(&mut field, max).await? {
            Read::TooLarge => {
                errors.add_n(
                    "letter",
                    "apply-error-file-too-large",
                    i64::try_from(max.div_ceil(1024 * 1024)).unwrap_or(i64::MAX),
                );
                parts.discard(&mut field).await?;
            }
            Read::Whole(bytes) if bytes.is_empty() && filename.is_empty() => {}
            Read::Whole(bytes) if !is_pdf(&bytes) => errors.add("letter", "apply-error-not-pdf"),
            Read::Whole(bytes) => {
                letter = Some(Document {
                    kind: LETTER,
                    filename: clean_filename(&filename),
                    bytes,
                })
            }
        }
    }
    let Some(letter) = letter.filter(|_| errors.is_empty()) else {
        if errors.is_empty() {
            errors.add("letter", "referee-error-letter-required");
        }
        return Ok(
            Html::render(&referee_page(&ctx, &r, &a, &q.token, errors, false))?
                .unprocessable()
                .personal()
                .into_response(&req),
        );
    };
    let t = now();
    let txn = crate::db::begin_write(ctx.db()).await?;
    // A second letter replaces this referee's first; the other referee's stays.
    if let Some(old) = r.letter_document_id {
        application_document::Entity::delete_by_id(old)
            .exec(&txn)
            .await?;
    }
    let id = save_documents(&txn, a.id, vec![letter]).await?;
    let mut m: application_referee::ActiveModel = r.clone().into();
    m.letter_document_id = Set(id.first().copied());
    m.letter_at = Set(Some(t));
    m.update(&txn).await?;
    txn.commit().await?;
    Ok(see_other(&format!(
        "{}?token={}&received=1",
        ctx.href("/programme/referee"),
        q.token
    )))
}
