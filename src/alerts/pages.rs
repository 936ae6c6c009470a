//! The alert pages: subscribe (a form that keeps what was typed when it is
//! refused), the confirmation that it was sent, confirm (double opt-in)
//! and unsubscribe, each from a link in an e-mail. Links show a button
//! and act on POST, so a mail scanner that follows links changes nothing;
//! unsubscribing also answers the mail program's one-click POST and works
//! twice.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::Duration;
use fluent_templates::fluent_bundle::FluentValue;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};
use serde::Deserialize;

use super::{FREQUENCIES, MAX_PER_ADDRESS, NewAlert, Refused, TOPICS};
use crate::db::now;
use crate::entities::alert;
use crate::error::AppError;
use crate::i18n::{self, Args};
use crate::outbox::{self, Mail};
use crate::ratelimit::Limit;
use crate::web::client::{client_key, keyed_hash};
use crate::web::forms::FieldErrors;
use crate::web::see_other;
use crate::web::{Ctx, Html, Page, Section};

/// Subscriptions per client address.
pub const PER_CLIENT: Limit = Limit {
    bucket: "alert",
    max: 5,
    window: Duration::minutes(10),
};
/// Confirmation messages per e-mail address: a form cannot be used to
/// bombard somebody else's mailbox.
pub const PER_ADDRESS: Limit = Limit {
    bucket: "alert_confirm",
    max: 3,
    window: Duration::days(1),
};

#[derive(Deserialize, Default, Clone, Debug)]
#[serde(default)]
pub struct AlertForm {
    pub email: String,
    pub topic: String,
    pub frequency: String,
    pub filters: String,
    /// Honeypot.
    pub website: String,
}

impl AlertForm {
    fn validate(&self) -> Result<NewAlert, FieldErrors> {
        let mut e = FieldErrors::default();
        let email = e.email(&self.email, "email", "alerts-error-email");
        let topic = TOPICS.iter().find(|t| **t == self.topic).copied();
        if topic.is_none() {
            e.add("topic", "alerts-error-topic");
        }
        let frequency = FREQUENCIES.iter().find(|f| **f == self.frequency).copied();
        if frequency.is_none() {
            e.add("frequency", "alerts-error-frequency");
        }
        if self.filters.len() > 450 {
            e.add("topic", "form-too-long");
        }
        match (topic, frequency) {
            (Some(topic), Some(frequency)) if e.is_empty() => Ok(NewAlert {
                email,
                topic,
                frequency,
                filters: super::normalise_filters(topic, &self.filters),
            }),
            _ => Err(e),
        }
    }
}

#[derive(Template)]
#[template(path = "alerts/new.html")]
pub struct NewPage {
    pub page: Page,
    pub form: AlertForm,
    pub errors: FieldErrors,
    /// The page whose news the alert would bring.
    pub followed: String,
}

fn new_page(ctx: &Ctx, form: AlertForm, errors: FieldErrors) -> NewPage {
    let mut page = ctx.page(Section::Other, ctx.t("alerts-title"));
    page.noindex = true;
    let topic = TOPICS
        .iter()
        .find(|t| **t == form.topic)
        .copied()
        .unwrap_or("technologies");
    NewPage {
        followed: super::followed_path(
            ctx.locale.tag(),
            topic,
            &super::normalise_filters(topic, &form.filters),
        ),
        page,
        form,
        errors,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewQuery {
    topic: String,
    filters: String,
}

/// GET /{lang}/alerts
pub async fn form(ctx: Ctx, q: web::Query<NewQuery>) -> Result<Html, AppError> {
    let form = AlertForm {
        topic: TOPICS
            .iter()
            .find(|t| **t == q.topic)
            .map_or("technologies", |t| *t)
            .to_owned(),
        filters: q.filters.chars().take(450).collect(),
        frequency: "weekly".to_owned(),
        ..AlertForm::default()
    };
    Ok(Html::render(&new_page(&ctx, form, FieldErrors::default()))?.private())
}

/// POST /{lang}/alerts
pub async fn subscribe(
    ctx: Ctx,
    req: HttpRequest,
    form: crate::web::forms::Form<AlertForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let sent = ctx.href("/alerts/sent");
    if !form.website.trim().is_empty() {
        return Ok(see_other(&sent));
    }
    let refuse = |errors: FieldErrors, form: AlertForm| -> Result<HttpResponse, AppError> {
        Ok(Html::render(&new_page(&ctx, form, errors))?
            .unprocessable()
            .into_response(&req))
    };
    let input = match form.validate() {
        Ok(i) => i,
        Err(errors) => return refuse(errors, form),
    };
    let key = client_key(&req, &ctx.state);
    PER_CLIENT.take(ctx.db(), &key).await?;
    let address = keyed_hash(&ctx.state.config.secret_key, &input.email.to_lowercase());
    if super::active_for(ctx.db(), &input.email).await? >= MAX_PER_ADDRESS {
        let mut e = FieldErrors::default();
        e.add_n(
            "email",
            "alerts-limit",
            i64::try_from(MAX_PER_ADDRESS).unwrap_or(10),
        );
        return refuse(e, form);
    }
    // Counted here, in one atomic step with the check (`ratelimit`).
    if PER_ADDRESS.hit(ctx.db(), &address).await?.is_none() {
        let mut e = FieldErrors::default();
        e.add("email", "alerts-too-many");
        return refuse(e, form);
    }
    let t = now();
    let txn = ctx.db().begin().await?;
    let a = super::create(&txn, input, ctx.locale, t).await?;
    let secret = &ctx.state.config.secret_key;
    let base = &ctx.state.base_url;
    let stop = super::unsubscribe_url(secret, base, &a);
    let mut args = Args::new();
    args.insert(
        "what",
        FluentValue::from(i18n::message(
            ctx.locale,
            &format!("alerts-topic-{}", a.topic),
            None,
        )),
    );
    args.insert(
        "how",
        FluentValue::from(i18n::message(
            ctx.locale,
            &format!("alerts-frequency-{}", a.frequency),
            None,
        )),
    );
    args.insert(
        "page",
        FluentValue::from(format!(
            "{base}{}",
            super::followed_path(&a.lang, &a.topic, &a.filters)
        )),
    );
    args.insert(
        "confirm",
        FluentValue::from(super::confirm_url(secret, base, &a)),
    );
    args.insert("days", FluentValue::from(super::CONFIRM_DAYS));
    args.insert("stop", FluentValue::from(stop.clone()));
    outbox::queue(
        &txn,
        Mail {
            to: a.email.clone(),
            locale: ctx.locale,
            kind: "alert_confirm",
            subject: i18n::message(ctx.locale, "alerts-mail-confirm-subject", Some(&args)),
            body: i18n::message(ctx.locale, "alerts-mail-confirm-body", Some(&args)),
            related_kind: "alert",
            related_id: Some(a.id),
            headers: super::unsubscribe_headers(&stop),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(see_other(&sent))
}

#[derive(Template)]
#[template(path = "alerts/status.html")]
pub struct StatusPage {
    pub page: Page,
    pub heading: String,
    pub text: String,
    /// A form with one button: (action, label).
    pub button: Option<(String, String)>,
    pub done: bool,
}

fn status(
    ctx: &Ctx,
    req: &HttpRequest,
    code: StatusCode,
    heading: &str,
    text: &str,
    button: Option<(String, &str)>,
) -> Result<HttpResponse, AppError> {
    let mut page = ctx.page(Section::Other, ctx.t(heading));
    page.noindex = true;
    Ok(Html::render(&StatusPage {
        page,
        heading: ctx.t(heading),
        text: ctx.t(text),
        button: button.map(|(a, l)| (a, ctx.t(l))),
        done: code == StatusCode::OK,
    })?
    .private()
    .with_status(code)
    .into_response(req))
}

fn refused(ctx: &Ctx, req: &HttpRequest, why: Refused) -> Result<HttpResponse, AppError> {
    match why {
        Refused::Tampered => status(
            ctx,
            req,
            StatusCode::BAD_REQUEST,
            "alerts-link-title",
            "alerts-link-tampered",
            None,
        ),
        Refused::Expired => status(
            ctx,
            req,
            StatusCode::GONE,
            "alerts-link-title",
            "alerts-link-expired",
            None,
        ),
    }
}

/// GET /{lang}/alerts/sent
pub async fn sent(ctx: Ctx, req: HttpRequest) -> Result<HttpResponse, AppError> {
    status(
        &ctx,
        &req,
        StatusCode::OK,
        "alerts-sent-title",
        "alerts-sent-text",
        None,
    )
}

/// What a signed link in an alert mail is for: its token purpose, its
/// address, the status it leads to and the pages before and after.
struct LinkAction {
    purpose: &'static str,
    path: &'static str,
    /// The alert's status once the action is done.
    done_status: &'static str,
    /// (title, text) once done.
    done: (&'static str, &'static str),
    /// (title, text, button) asking to do it.
    ask: (&'static str, &'static str, &'static str),
}

const CONFIRMING: LinkAction = LinkAction {
    purpose: super::CONFIRM,
    path: "/alerts/confirm/",
    done_status: "confirmed",
    done: ("alerts-confirmed-title", "alerts-confirmed-text"),
    ask: (
        "alerts-confirm-title",
        "alerts-confirm-text",
        "alerts-confirm-button",
    ),
};

const STOPPING: LinkAction = LinkAction {
    purpose: super::STOP,
    path: "/alerts/unsubscribe/",
    done_status: "unsubscribed",
    done: ("alerts-unsubscribed-title", "alerts-unsubscribed-text"),
    ask: (
        "alerts-unsubscribe-title",
        "alerts-unsubscribe-text",
        "alerts-unsubscribe-button",
    ),
};

/// The alert a link's token names, or the page refusing the link.
async fn alert_of_link(
    ctx: &Ctx,
    req: &HttpRequest,
    action: &LinkAction,
    token: &str,
    t: chrono::DateTime<chrono::Utc>,
) -> Result<Result<alert::Model, HttpResponse>, AppError> {
    Ok(
        match super::by_token(
            ctx.db(),
            &ctx.state.config.secret_key,
            action.purpose,
            token,
            t,
        )
        .await?
        {
            Ok(a) => Ok(a),
            Err(why) => Err(refused(ctx, req, why)?),
        },
    )
}

/// The page once an action is done.
fn done_page(ctx: &Ctx, req: &HttpRequest, action: &LinkAction) -> Result<HttpResponse, AppError> {
    let (title, text) = action.done;
    status(ctx, req, StatusCode::OK, title, text, None)
}

/// GET of a link: a page with one button doing the action (a mail
/// scanner following the link changes nothing), or the page saying it is
/// already done.
async fn link_form(
    ctx: Ctx,
    req: HttpRequest,
    token: String,
    action: &LinkAction,
) -> Result<HttpResponse, AppError> {
    let a = match alert_of_link(&ctx, &req, action, &token, now()).await? {
        Ok(a) => a,
        Err(page) => return Ok(page),
    };
    if a.status == action.done_status {
        return done_page(&ctx, &req, action);
    }
    let (title, text, button) = action.ask;
    status(
        &ctx,
        &req,
        StatusCode::OK,
        title,
        text,
        Some((ctx.href(&format!("{}{token}", action.path)), button)),
    )
}

/// GET /{lang}/alerts/confirm/{token}
pub async fn confirm_form(
    ctx: Ctx,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    link_form(ctx, req, path.into_inner().1, &CONFIRMING).await
}

/// POST /{lang}/alerts/confirm/{token}
pub async fn confirm(
    ctx: Ctx,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (_, token) = path.into_inner();
    let t = now();
    let a = match alert_of_link(&ctx, &req, &CONFIRMING, &token, t).await? {
        Ok(a) => a,
        Err(page) => return Ok(page),
    };
    alert::Entity::update_many()
        .col_expr(alert::Column::Status, Expr::value("confirmed"))
        .col_expr(alert::Column::ConfirmedAt, Expr::value(t))
        .col_expr(alert::Column::SeenUntil, Expr::value(t))
        .col_expr(
            alert::Column::DueAt,
            Expr::value(t + super::frequency_span(&a.frequency)),
        )
        .filter(alert::Column::Id.eq(a.id))
        .filter(alert::Column::Status.eq("pending"))
        .exec(ctx.db())
        .await?;
    // Stopped meanwhile (from another mail's link): say so, not "confirmed".
    let now_state = alert::Entity::find_by_id(a.id).one(ctx.db()).await?;
    if now_state.is_some_and(|s| s.status == STOPPING.done_status) {
        return done_page(&ctx, &req, &STOPPING);
    }
    done_page(&ctx, &req, &CONFIRMING)
}

/// GET /{lang}/alerts/unsubscribe/{token}
pub async fn unsubscribe_form(
    ctx: Ctx,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    link_form(ctx, req, path.into_inner().1, &STOPPING).await
}

/// POST /{lang}/alerts/unsubscribe/{token}: from the page, or the mail
/// program's one click (body `List-Unsubscribe=One-Click`).
pub async fn unsubscribe(
    ctx: Ctx,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (_, token) = path.into_inner();
    let t = now();
    let a = match alert_of_link(&ctx, &req, &STOPPING, &token, t).await? {
        Ok(a) => a,
        Err(page) => return Ok(page),
    };
    alert::Entity::update_many()
        .col_expr(alert::Column::Status, Expr::value("unsubscribed"))
        .col_expr(alert::Column::UnsubscribedAt, Expr::value(t))
        .filter(alert::Column::Id.eq(a.id))
        .filter(alert::Column::Status.ne("unsubscribed"))
        .exec(ctx.db())
        .await?;
    done_page(&ctx, &req, &STOPPING)
}
