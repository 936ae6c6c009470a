//! The answerer's page, opened from the signed link in their e-mail, with
//! no account: interested (with a message), a question back, or not for
//! us with a reason from a fixed list. A tampered, expired or used link
//! gets a page that says so and changes nothing; a second click on the
//! same answer finds the link used and records nothing more; a deal that
//! was signed or closed meanwhile refuses the answer with its reason.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use sea_orm::TransactionTrait;
use serde::Deserialize;

use super::store::{self, Event, MoveSet, Who};
use super::{ANSWERS, DECLINE_REASONS, ORIGIN_INTEREST, Stage, links, mail};
use crate::db::now;
use crate::entities::deal;
use crate::error::AppError;
use crate::web::forms::FieldErrors;
use crate::web::see_other;
use crate::web::{Ctx, Html, Page, Section};

/// The longest message an answer may carry.
pub const MESSAGE_MAX: usize = 5000;

/// The form as typed, kept verbatim to show it again.
#[derive(Deserialize, Default, Clone, Debug)]
#[serde(default)]
pub struct ReplyForm {
    pub answer: String,
    pub message: String,
    pub reason: String,
}

/// A checked answer.
pub struct Answer {
    pub kind: &'static str,
    pub reason: &'static str,
    pub message: String,
}

impl ReplyForm {
    pub fn validate(&self) -> Result<Answer, FieldErrors> {
        let mut e = FieldErrors::default();
        let kind = ANSWERS.iter().find(|a| **a == self.answer.trim()).copied();
        let message = self.message.trim().to_owned();
        let mut reason = "";
        match kind {
            None => e.add("answer", "reply-error-answer"),
            Some("declined") => match DECLINE_REASONS.iter().find(|r| **r == self.reason.trim()) {
                Some(r) => reason = r,
                None => e.add("reason", "reply-error-reason"),
            },
            Some(_) if message.is_empty() => e.add("message", "reply-error-message"),
            Some(_) => {}
        }
        if message.chars().count() > MESSAGE_MAX {
            e.add_n("message", "form-too-long-n", MESSAGE_MAX as i64);
        }
        match kind {
            Some(kind) if e.is_empty() => Ok(Answer {
                kind,
                reason,
                message,
            }),
            _ => Err(e),
        }
    }
}

#[derive(Template)]
#[template(path = "deals/reply.html")]
pub struct ReplyPage {
    pub page: Page,
    pub action: String,
    pub deal: deal::Model,
    pub title: String,
    pub asked: String,
    pub asked_lang: String,
    pub offered: String,
    pub form: ReplyForm,
    pub errors: FieldErrors,
}

impl ReplyPage {
    pub fn is_interest(&self) -> bool {
        self.deal.origin == ORIGIN_INTEREST
    }
}

#[derive(Template)]
#[template(path = "deals/reply_status.html")]
pub struct StatusPage {
    pub page: Page,
    pub heading: String,
    pub text: String,
    pub done: bool,
}

fn page(ctx: &Ctx, title: String) -> Page {
    let mut p = ctx.page(Section::Other, title);
    p.noindex = true;
    p
}

fn status_page(
    ctx: &Ctx,
    req: &HttpRequest,
    status: StatusCode,
    heading: &str,
    text: String,
) -> Result<HttpResponse, AppError> {
    let done = status == StatusCode::OK;
    Ok(Html::render(&StatusPage {
        page: page(ctx, ctx.t(heading)),
        heading: ctx.t(heading),
        text,
        done,
    })?
    .private()
    .with_status(status)
    .into_response(req))
}

fn refused(ctx: &Ctx, req: &HttpRequest, why: links::Refused) -> Result<HttpResponse, AppError> {
    let status = match why {
        links::Refused::Tampered => StatusCode::BAD_REQUEST,
        links::Refused::Expired | links::Refused::Used => StatusCode::GONE,
    };
    status_page(
        ctx,
        req,
        status,
        "reply-refused-title",
        ctx.t(why.message()),
    )
}

/// The page for a deal that can take no answer any more, with the reason.
fn closed(ctx: &Ctx, req: &HttpRequest, d: &deal::Model) -> Result<HttpResponse, AppError> {
    let text = match (d.stage.as_str(), d.closed_reason.as_deref()) {
        ("signed", _) => ctx.t("reply-deal-signed"),
        (_, Some(reason)) => {
            let r = ctx.t(&format!("deal-close-reason-{reason}"));
            crate::web::Translator { locale: ctx.locale }.ts("reply-deal-closed", "reason", &r)
        }
        _ => ctx.t("reply-link-used"),
    };
    status_page(ctx, req, StatusCode::CONFLICT, "reply-closed-title", text)
}

async fn reply_page(
    ctx: &Ctx,
    token: &str,
    d: deal::Model,
    form: ReplyForm,
    errors: FieldErrors,
) -> Result<ReplyPage, AppError> {
    let db = ctx.db();
    let (title, offered) = if d.origin == ORIGIN_INTEREST {
        let title = match d.need_id {
            Some(id) => crate::translation::need_titles(db, &[id], ctx.locale)
                .await?
                .remove(&id),
            None => None,
        };
        let offered = match d.technology_id {
            Some(id) => crate::translation::technology_titles(db, &[id], ctx.locale)
                .await?
                .remove(&id)
                .unwrap_or_default(),
            None => match d.interest_id {
                Some(id) => {
                    use sea_orm::EntityTrait;
                    crate::entities::interest::Entity::find_by_id(id)
                        .one(db)
                        .await?
                        .map(|i| i.technology_text)
                        .unwrap_or_default()
                }
                None => String::new(),
            },
        };
        (title.unwrap_or_default(), offered)
    } else {
        let title = match d.technology_id {
            Some(id) => crate::translation::technology_titles(db, &[id], ctx.locale)
                .await?
                .remove(&id),
            None => None,
        };
        (title.unwrap_or_default(), String::new())
    };
    let first = store::events(db, d.id).await?.into_iter().next();
    Ok(ReplyPage {
        page: page(ctx, ctx.t("reply-title")),
        action: ctx.href(&format!("/reply/{token}")),
        asked: first.as_ref().map(|e| e.note.clone()).unwrap_or_default(),
        asked_lang: first.map(|e| e.lang).unwrap_or_default(),
        title,
        offered,
        deal: d,
        form,
        errors,
    })
}

/// GET /{lang}/reply/{token}
pub async fn form(
    ctx: Ctx,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (_, token) = path.into_inner();
    let secret = ctx.state.config.secret_key.clone();
    let (_, d) = match links::resolve(ctx.db(), &secret, &token, now()).await? {
        Ok(found) => found,
        Err(why) => return refused(&ctx, &req, why),
    };
    if !Stage::parse(&d.stage).is_some_and(Stage::is_open) {
        return closed(&ctx, &req, &d);
    }
    let page = reply_page(
        &ctx,
        &token,
        d,
        ReplyForm::default(),
        FieldErrors::default(),
    )
    .await?;
    Ok(Html::render(&page)?.private().into_response(&req))
}

/// POST /{lang}/reply/{token}
pub async fn submit(
    ctx: Ctx,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    form: crate::web::forms::Form<ReplyForm>,
) -> Result<HttpResponse, AppError> {
    let (_, token) = path.into_inner();
    let form = form.into_inner();
    let secret = ctx.state.config.secret_key.clone();
    let t = now();
    let (link, d) = match links::resolve(ctx.db(), &secret, &token, t).await? {
        Ok(found) => found,
        Err(links::Refused::Used) => {
            // The second click of a double click lands here: the first
            // one's answer stands, and the page says it was received.
            return status_page(
                &ctx,
                &req,
                StatusCode::OK,
                "reply-done-title",
                ctx.t("reply-already-recorded"),
            );
        }
        Err(why) => return refused(&ctx, &req, why),
    };
    if !Stage::parse(&d.stage).is_some_and(Stage::is_open) {
        return closed(&ctx, &req, &d);
    }
    let answer = match form.validate() {
        Ok(a) => a,
        Err(errors) => {
            let page = reply_page(&ctx, &token, d, form, errors).await?;
            return Ok(Html::render(&page)?.unprocessable().into_response(&req));
        }
    };
    let txn = ctx.db().begin().await?;
    if !links::claim(&txn, link.id, t).await? {
        txn.rollback().await?;
        return status_page(
            &ctx,
            &req,
            StatusCode::OK,
            "reply-done-title",
            ctx.t("reply-already-recorded"),
        );
    }
    // Read again inside the transaction: an editor may have closed it.
    let Some(d) = store::by_id(&txn, d.id).await? else {
        return Err(AppError::NotFound);
    };
    let who = Who {
        editor_id: None,
        label: &d.answerer_email,
    };
    let moved = store::claim_move(
        &txn,
        &d,
        Stage::Answered,
        who,
        t,
        MoveSet {
            answer: Some(answer.kind),
            ..MoveSet::default()
        },
    )
    .await?;
    if !moved {
        txn.rollback().await?;
        return closed(&ctx, &req, &d);
    }
    let detail = if answer.reason.is_empty() {
        answer.kind.to_owned()
    } else {
        format!("{}:{}", answer.kind, answer.reason)
    };
    let mut e = Event::new("answered", who);
    e.stage = Some(Stage::Answered);
    e.detail = &detail;
    e.note = &answer.message;
    e.lang = ctx.locale.tag();
    store::add_event(&txn, d.id, t, e).await?;
    mail::answer(&txn, &d, answer.kind, answer.reason, &answer.message, t).await?;
    store::sync_inquiry(&txn, &d, "answered", t).await?;
    txn.commit().await?;
    Ok(see_other(&ctx.href("/reply/done")))
}

/// GET /{lang}/reply/done
pub async fn done(ctx: Ctx, req: HttpRequest) -> Result<HttpResponse, AppError> {
    status_page(
        &ctx,
        &req,
        StatusCode::OK,
        "reply-done-title",
        ctx.t("reply-done-text"),
    )
}
