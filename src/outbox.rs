//! Messages to people outside the centre (applicants, providers,
//! inquirers, need posters, alert subscribers), written in the recipient's
//! language into the `outbox` table in the same transaction as the change
//! they announce. When SMTP is configured a background task sends them;
//! without it they wait in the back office. Either way nothing is lost.
//!
//! Delivery: a server's permanent refusal (5xx, a bounce at the SMTP stage)
//! fails the message at once and marks the address, so nothing more is
//! sent to it; a temporary one (4xx, no connection) is tried again later,
//! with growing pauses, at most `MAX_ATTEMPTS` times in all.

use std::time::Duration;

use chrono::{DateTime, Utc};
use fluent_templates::fluent_bundle::FluentValue;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::db::now;
use crate::entities::{application, mail_bounce, outbox_message};
use crate::i18n::{self, Args, Locale};

/// Kinds of message, and the Fluent ids of their subject and body.
pub const KINDS: &[&str] = &["confirmation", "more_info", "accepted", "declined"];

/// One message to queue.
pub struct Mail {
    pub to: String,
    pub locale: Locale,
    /// What it is (`confirmation`, `deal_forward`, `alert_digest`...).
    pub kind: &'static str,
    pub subject: String,
    pub body: String,
    /// The record it is about, for the back office.
    pub related_kind: &'static str,
    pub related_id: Option<i32>,
    /// Extra headers, such as `List-Unsubscribe`.
    pub headers: Vec<(&'static str, String)>,
}

/// Writes a message to the outbox. A message to an address that bounced
/// before is kept (the back office shows it) but never sent.
pub async fn queue(db: &impl ConnectionTrait, mail: Mail) -> Result<(), DbErr> {
    let t = now();
    let bounced = mail_bounce::Entity::find()
        .filter(mail_bounce::Column::Email.eq(mail.to.to_lowercase()))
        .one(db)
        .await?;
    let headers = mail
        .headers
        .iter()
        .map(|(k, v)| format!("{k}: {}", v.replace(['\r', '\n'], " ")))
        .collect::<Vec<_>>()
        .join("\n");
    outbox_message::ActiveModel {
        to_email: Set(mail.to),
        lang: Set(mail.locale.tag().to_owned()),
        kind: Set(mail.kind.to_owned()),
        subject: Set(mail.subject),
        body: Set(mail.body),
        related_kind: Set(mail.related_kind.to_owned()),
        related_id: Set(mail.related_id),
        attempts: Set(0),
        last_error: Set(bounced
            .as_ref()
            .map(|b| format!("bounced before: {}", b.reason))),
        created_at: Set(t),
        sent_at: Set(None),
        headers: Set(headers),
        failed_at: Set(bounced.map(|_| t)),
        next_attempt_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Writes the message announcing `kind` to an applicant.
pub async fn queue_application_message(
    db: &impl ConnectionTrait,
    a: &application::Model,
    kind: &str,
    note: &str,
    base_url: &str,
) -> Result<(), DbErr> {
    let locale = Locale::from_tag(&a.lang).unwrap_or_default();
    let mut args = Args::new();
    args.insert("name", FluentValue::from(a.name.clone()));
    args.insert("reference", FluentValue::from(a.reference.clone()));
    let key = application_link_key(db, a.id).await?;
    args.insert(
        "status_url",
        FluentValue::from(format!(
            "{base_url}/{}/programme/status?key={key}",
            locale.tag()
        )),
    );
    args.insert("note", FluentValue::from(note.to_owned()));
    let kind = KINDS
        .iter()
        .find(|k| **k == kind)
        .copied()
        .unwrap_or("confirmation");
    queue(
        db,
        Mail {
            to: a.email.clone(),
            locale,
            kind,
            subject: i18n::message(locale, &format!("mail-{kind}-subject"), Some(&args)),
            body: i18n::message(locale, &format!("mail-{kind}-body"), Some(&args)),
            related_kind: "application",
            related_id: Some(a.id),
            headers: Vec::new(),
        },
    )
    .await
}

/// The key of an application's bookmarkable status link, made the first
/// time a message (or the status look-up) needs it. Two makers at once
/// agree: the second insert does nothing and both read the first's key.
pub async fn application_link_key(
    db: &impl ConnectionTrait,
    application_id: i32,
) -> Result<String, DbErr> {
    use crate::entities::application_link;
    let found = |db| {
        application_link::Entity::find()
            .filter(application_link::Column::ApplicationId.eq(application_id))
            .one(db)
    };
    if let Some(l) = found(db).await? {
        return Ok(l.key);
    }
    application_link::Entity::insert(application_link::ActiveModel {
        application_id: Set(application_id),
        key: Set(crate::tokens::random_token()),
        created_at: Set(now()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(application_link::Column::ApplicationId)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    found(db)
        .await?
        .map(|l| l.key)
        .ok_or_else(|| DbErr::RecordNotFound("application link".to_owned()))
}

/// Gives up on a message after this many failed attempts (it stays visible).
pub const MAX_ATTEMPTS: i32 = 5;

/// The pause before attempt `n + 1` after `n` temporary failures.
fn backoff(attempts: i32) -> chrono::Duration {
    match attempts {
        ..=1 => chrono::Duration::minutes(1),
        2 => chrono::Duration::minutes(10),
        3 => chrono::Duration::hours(1),
        _ => chrono::Duration::hours(6),
    }
}

type Transport = lettre::AsyncSmtpTransport<lettre::Tokio1Executor>;

/// The SMTP client and the sender address.
pub struct Sender {
    transport: Transport,
    from: lettre::message::Mailbox,
}

impl Sender {
    /// From `SMTP_URL` (`smtp://user:pass@host:587`, `smtps://...`, or
    /// plain `smtp://host:port` for a relay on the same machine) and
    /// `MAIL_FROM`.
    pub fn new(smtp_url: &str, from: &str) -> Result<Self, String> {
        let transport = Transport::from_url(smtp_url)
            .map_err(|e| format!("SMTP_URL is invalid: {e}"))?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from = from
            .parse::<lettre::message::Mailbox>()
            .map_err(|e| format!("MAIL_FROM is not an address: {e}"))?;
        Ok(Self { transport, from })
    }

    /// Sends every message that is due at `now`; returns how many went.
    /// Several instances may run this at once: each message is claimed by
    /// raising its attempt counter from the value read, which only one of
    /// them can do.
    pub async fn send_due(
        &self,
        db: &DatabaseConnection,
        now: DateTime<Utc>,
    ) -> Result<usize, DbErr> {
        let pending = outbox_message::Entity::find()
            .filter(outbox_message::Column::SentAt.is_null())
            .filter(outbox_message::Column::FailedAt.is_null())
            .filter(outbox_message::Column::Attempts.lt(MAX_ATTEMPTS))
            .filter(
                Condition::any()
                    .add(outbox_message::Column::NextAttemptAt.is_null())
                    .add(outbox_message::Column::NextAttemptAt.lte(now)),
            )
            .order_by_asc(outbox_message::Column::Id)
            .limit(50)
            .all(db)
            .await?;
        let mut sent = 0;
        for m in pending {
            let claimed = outbox_message::Entity::update_many()
                .col_expr(
                    outbox_message::Column::Attempts,
                    Expr::value(m.attempts + 1),
                )
                .filter(outbox_message::Column::Id.eq(m.id))
                .filter(outbox_message::Column::Attempts.eq(m.attempts))
                .filter(outbox_message::Column::SentAt.is_null())
                .exec(db)
                .await?
                .rows_affected
                == 1;
            if !claimed {
                continue;
            }
            let attempts = m.attempts + 1;
            let outcome = self.deliver(&m).await;
            let mut a: outbox_message::ActiveModel = m.clone().into();
            a.attempts = sea_orm::ActiveValue::NotSet;
            match outcome {
                Ok(()) => {
                    a.sent_at = Set(Some(now));
                    a.last_error = Set(None);
                    sent += 1;
                }
                Err(Failure::Permanent(e)) => {
                    tracing::warn!(to = %m.to_email, error = %e, "outbox: refused for good");
                    a.failed_at = Set(Some(now));
                    a.last_error = Set(Some(e.clone()));
                    mark_bounced(db, &m.to_email, &e, now).await?;
                }
                Err(Failure::Temporary(e)) => {
                    tracing::info!(to = %m.to_email, error = %e, attempts, "outbox: will retry");
                    a.last_error = Set(Some(e));
                    if attempts >= MAX_ATTEMPTS {
                        a.failed_at = Set(Some(now));
                    } else {
                        a.next_attempt_at = Set(Some(now + backoff(attempts)));
                    }
                }
            }
            a.update(db).await?;
        }
        Ok(sent)
    }

    async fn deliver(&self, m: &outbox_message::Model) -> Result<(), Failure> {
        use lettre::AsyncTransport;
        use lettre::message::header::{HeaderName, HeaderValue};
        let to = m
            .to_email
            .parse::<lettre::message::Mailbox>()
            .map_err(|e| Failure::Permanent(format!("not an address: {e}")))?;
        let mut builder = lettre::Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(m.subject.clone())
            .header(lettre::message::header::ContentType::TEXT_PLAIN);
        let extra = std::iter::once(("Content-Language", m.lang.as_str()))
            .chain(m.headers.lines().filter_map(|l| l.split_once(": ")));
        for (name, value) in extra {
            let name = HeaderName::new_from_ascii(name.to_owned())
                .map_err(|e| Failure::Permanent(format!("bad header {name}: {e}")))?;
            builder = builder.raw_header(HeaderValue::new(name, value.to_owned()));
        }
        let msg = builder
            .body(m.body.clone())
            .map_err(|e| Failure::Permanent(e.to_string()))?;
        match self.transport.send(msg).await {
            Ok(_) => Ok(()),
            Err(e) if e.is_permanent() => Err(Failure::Permanent(e.to_string())),
            Err(e) => Err(Failure::Temporary(e.to_string())),
        }
    }
}

enum Failure {
    Permanent(String),
    Temporary(String),
}

/// Remembers an address that a server refused for good, and fails the
/// other messages still waiting for it.
async fn mark_bounced(
    db: &impl ConnectionTrait,
    email: &str,
    reason: &str,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    let email = email.to_lowercase();
    mail_bounce::Entity::insert(mail_bounce::ActiveModel {
        email: Set(email.clone()),
        reason: Set(reason.chars().take(500).collect()),
        at: Set(at),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(mail_bounce::Column::Email)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    outbox_message::Entity::update_many()
        .col_expr(outbox_message::Column::FailedAt, Expr::value(at))
        .col_expr(
            outbox_message::Column::LastError,
            Expr::value(format!("bounced before: {reason}")),
        )
        .filter(
            Expr::expr(sea_orm::sea_query::Func::lower(Expr::col(
                outbox_message::Column::ToEmail,
            )))
            .eq(Expr::value(email)),
        )
        .filter(outbox_message::Column::SentAt.is_null())
        .filter(outbox_message::Column::FailedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Whether an address bounced before.
pub async fn has_bounced(db: &impl ConnectionTrait, email: &str) -> Result<bool, DbErr> {
    Ok(mail_bounce::Entity::find()
        .filter(mail_bounce::Column::Email.eq(email.to_lowercase()))
        .one(db)
        .await?
        .is_some())
}

/// Sends due messages every `every`, forever.
pub fn spawn_sender(db: DatabaseConnection, smtp_url: String, from: String, every: Duration) {
    actix_web::rt::spawn(async move {
        let sender = match Sender::new(&smtp_url, &from) {
            Ok(s) => s,
            Err(e) => {
                tracing::error!(error = %e, "messages stay in the outbox");
                return;
            }
        };
        loop {
            if let Err(e) = sender.send_due(&db, now()).await {
                tracing::warn!(error = %e, "outbox: could not read pending messages");
            }
            tokio::time::sleep(every).await;
        }
    });
}
