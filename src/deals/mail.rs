//! The messages a deal sends, each in its reader's language: the inquiry
//! (or expression of interest) forwarded to the answerer with a signed
//! link, the reminder, and the answer passed on to the one who asked.
//! All go through the outbox, in the transaction of the change they tell.

use chrono::{DateTime, Utc};
use fluent_templates::fluent_bundle::FluentValue;
use sea_orm::{ConnectionTrait, DbErr, EntityTrait};

use super::{ORIGIN_INTEREST, store};
use crate::entities::{deal, interest, technology};
use crate::i18n::{self, Args, Locale};
use crate::outbox::{self, Mail};

fn args<'a>(pairs: &[(&'static str, &str)]) -> Args<'a> {
    let mut a = Args::new();
    for (k, v) in pairs {
        a.insert(*k, FluentValue::from((*v).to_owned()));
    }
    a
}

fn msg(l: Locale, id: &str, a: &Args<'_>) -> String {
    i18n::message(l, id, Some(a))
}

/// What the deal is about, in `l`: the technology's title, or the need's.
async fn subject_title(
    db: &impl ConnectionTrait,
    d: &deal::Model,
    l: Locale,
) -> Result<String, DbErr> {
    if d.origin == ORIGIN_INTEREST {
        if let Some(id) = d.need_id {
            return Ok(crate::translation::need_titles(db, &[id], l)
                .await?
                .remove(&id)
                .unwrap_or_default());
        }
    } else if let Some(id) = d.technology_id {
        return Ok(crate::translation::technology_titles(db, &[id], l)
            .await?
            .remove(&id)
            .unwrap_or_default());
    }
    Ok(String::new())
}

/// The first message of the deal (the inquiry, or the expression of
/// interest), as written.
async fn first_message(db: &impl ConnectionTrait, d: &deal::Model) -> Result<String, DbErr> {
    Ok(store::events(db, d.id)
        .await?
        .into_iter()
        .next()
        .map(|e| e.note)
        .unwrap_or_default())
}

fn locale(tag: &str) -> Locale {
    Locale::from_tag(tag).unwrap_or_default()
}

/// The inquiry (or expression of interest) to its answerer, with the link
/// to the reply page.
pub async fn forward(
    db: &impl ConnectionTrait,
    d: &deal::Model,
    link: &str,
    centre_note: &str,
) -> Result<(), DbErr> {
    let l = locale(&d.answerer_lang);
    let title = subject_title(db, d, l).await?;
    let message = first_message(db, d).await?;
    let country = i18n::message(l, &format!("country-{}", d.country), None);
    let wrote_in = locale(&d.asker_lang);
    let days = super::LINK_DAYS.to_string();
    let mut offered = String::new();
    if d.origin == ORIGIN_INTEREST
        && let Some(i) = match d.interest_id {
            Some(id) => interest::Entity::find_by_id(id).one(db).await?,
            None => None,
        }
    {
        offered = match i.technology_id {
            Some(t) => crate::translation::technology_titles(db, &[t], l)
                .await?
                .remove(&t)
                .unwrap_or_default(),
            None => i.technology_text.clone(),
        };
    }
    let a = args(&[
        ("name", &d.answerer_name),
        ("title", &title),
        ("organisation", &d.organisation),
        ("asker", &d.asker_name),
        ("country", &country),
        ("message", &message),
        ("language", wrote_in.native_name()),
        ("link", link),
        ("days", &days),
        ("note", centre_note),
        ("offered", &offered),
    ]);
    let kind = if d.origin == ORIGIN_INTEREST {
        "interest"
    } else {
        "forward"
    };
    let mut body = vec![msg(l, &format!("deal-mail-{kind}-body"), &a)];
    if wrote_in != l {
        body.push(msg(l, "deal-mail-other-language", &a));
    }
    if !centre_note.trim().is_empty() {
        body.push(msg(l, "deal-mail-centre-note", &a));
    }
    body.push(msg(l, "deal-mail-reply-link", &a));
    body.push(msg(l, "deal-mail-signature", &a));
    outbox::queue(
        db,
        Mail {
            to: d.answerer_email.clone(),
            locale: l,
            kind: if kind == "interest" {
                "deal_interest"
            } else {
                "deal_forward"
            },
            subject: msg(l, &format!("deal-mail-{kind}-subject"), &a),
            body: body.join("\n\n"),
            related_kind: "deal",
            related_id: Some(d.id),
            headers: Vec::new(),
        },
    )
    .await
}

/// The one reminder to an answerer who has not answered.
pub async fn reminder(db: &impl ConnectionTrait, d: &deal::Model, link: &str) -> Result<(), DbErr> {
    let l = locale(&d.answerer_lang);
    let title = subject_title(db, d, l).await?;
    let days = super::LINK_DAYS.to_string();
    let a = args(&[
        ("name", &d.answerer_name),
        ("title", &title),
        ("organisation", &d.organisation),
        ("link", link),
        ("days", &days),
    ]);
    let body = [
        msg(l, "deal-mail-reminder-body", &a),
        msg(l, "deal-mail-reply-link", &a),
        msg(l, "deal-mail-signature", &a),
    ];
    outbox::queue(
        db,
        Mail {
            to: d.answerer_email.clone(),
            locale: l,
            kind: "deal_reminder",
            subject: msg(l, "deal-mail-reminder-subject", &a),
            body: body.join("\n\n"),
            related_kind: "deal",
            related_id: Some(d.id),
            headers: Vec::new(),
        },
    )
    .await
}

/// The answer, passed on to the one who asked, in their language.
pub async fn answer(
    db: &impl ConnectionTrait,
    d: &deal::Model,
    answer: &str,
    reason: &str,
    message: &str,
    _at: DateTime<Utc>,
) -> Result<(), DbErr> {
    let l = locale(&d.asker_lang);
    let title = subject_title(db, d, l).await?;
    let reason_text = if reason.is_empty() {
        String::new()
    } else {
        i18n::message(l, &format!("reply-reason-{reason}"), None)
    };
    // A technology listed "through the centre" never shows its contact;
    // otherwise an interested provider's address is passed on.
    let mut contact = String::new();
    if answer == "interested" && d.origin != ORIGIN_INTEREST {
        if let Some(t) = match d.technology_id {
            Some(id) => technology::Entity::find_by_id(id).one(db).await?,
            None => None,
        } && !t.via_centre
        {
            contact = t.contact_email;
        }
    } else if answer == "interested" {
        contact = d.answerer_email.clone();
    }
    let a = args(&[
        ("name", &d.asker_name),
        ("title", &title),
        ("message", message),
        ("reason", &reason_text),
        ("contact", &contact),
    ]);
    let mut body = vec![msg(l, &format!("deal-mail-answer-{answer}"), &a)];
    if !reason_text.is_empty() {
        body.push(msg(l, "deal-mail-answer-reason", &a));
    }
    if !message.trim().is_empty() {
        body.push(msg(l, "deal-mail-answer-message", &a));
    }
    body.push(if contact.is_empty() {
        msg(l, "deal-mail-answer-through-centre", &a)
    } else {
        msg(l, "deal-mail-answer-contact", &a)
    });
    body.push(msg(l, "deal-mail-signature", &a));
    outbox::queue(
        db,
        Mail {
            to: d.asker_email.clone(),
            locale: l,
            kind: "deal_answer",
            subject: msg(l, "deal-mail-answer-subject", &a),
            body: body.join("\n\n"),
            related_kind: "deal",
            related_id: Some(d.id),
            headers: Vec::new(),
        },
    )
    .await
}
