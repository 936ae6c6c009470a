//! Messages to applicants (confirmation, more information needed,
//! decision), written in the applicant's language into the `outbox` table
//! in the same transaction as the change they announce. When SMTP is
//! configured a background task sends them; without it they wait in the
//! back office. Either way nothing is lost.

use std::time::Duration;

use fluent_templates::fluent_bundle::FluentValue;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::db::now;
use crate::entities::{application, outbox_message};
use crate::i18n::{self, Args, Locale};

/// Kinds of message, and the Fluent ids of their subject and body.
pub const KINDS: &[&str] = &["confirmation", "more_info", "accepted", "declined"];

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
    args.insert(
        "status_url",
        FluentValue::from(format!("{base_url}/{}/programme/status", locale.tag())),
    );
    args.insert("note", FluentValue::from(note.to_owned()));
    let subject = i18n::message(locale, &format!("mail-{kind}-subject"), Some(&args));
    let body = i18n::message(locale, &format!("mail-{kind}-body"), Some(&args));
    outbox_message::ActiveModel {
        to_email: Set(a.email.clone()),
        lang: Set(locale.tag().to_owned()),
        kind: Set(kind.to_owned()),
        subject: Set(subject),
        body: Set(body),
        related_kind: Set("application".to_owned()),
        related_id: Set(Some(a.id)),
        attempts: Set(0),
        last_error: Set(None),
        created_at: Set(now()),
        sent_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Gives up on a message after this many failed attempts (it stays visible).
pub const MAX_ATTEMPTS: i32 = 5;

/// Sends pending messages by SMTP every `every`, forever. Several instances
/// may run it: each message is claimed by raising its attempt counter from
/// the value read, which only one of them can do.
pub fn spawn_sender(db: DatabaseConnection, smtp_url: String, from: String, every: Duration) {
    actix_web::rt::spawn(async move {
        let transport =
            match lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::from_url(&smtp_url) {
                Ok(b) => b.build(),
                Err(e) => {
                    tracing::error!(error = %e, "SMTP_URL is invalid; messages stay in the outbox");
                    return;
                }
            };
        let Ok(from) = from.parse::<lettre::message::Mailbox>() else {
            tracing::error!("MAIL_FROM is not an address; messages stay in the outbox");
            return;
        };
        loop {
            if let Err(e) = send_pending(&db, &transport, &from).await {
                tracing::warn!(error = %e, "outbox: could not read pending messages");
            }
            tokio::time::sleep(every).await;
        }
    });
}

async fn send_pending(
    db: &DatabaseConnection,
    transport: &lettre::AsyncSmtpTransport<lettre::Tokio1Executor>,
    from: &lettre::message::Mailbox,
) -> Result<(), DbErr> {
    use lettre::AsyncTransport;
    let pending = outbox_message::Entity::find()
        .filter(outbox_message::Column::SentAt.is_null())
        .filter(outbox_message::Column::Attempts.lt(MAX_ATTEMPTS))
        .order_by_asc(outbox_message::Column::Id)
        .limit(20)
        .all(db)
        .await?;
    for m in pending {
        let claimed = outbox_message::Entity::update_many()
            .col_expr(
                outbox_message::Column::Attempts,
                sea_orm::sea_query::Expr::value(m.attempts + 1),
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
        let result = match m.to_email.parse::<lettre::message::Mailbox>() {
            Ok(to) => match lettre::Message::builder()
                .from(from.clone())
                .to(to)
                .subject(m.subject.clone())
                .header(lettre::message::header::ContentType::TEXT_PLAIN)
                .body(m.body.clone())
            {
                Ok(msg) => transport
                    .send(msg)
                    .await
                    .map(|_| ())
                    .map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            },
            Err(e) => Err(e.to_string()),
        };
        let mut a: outbox_message::ActiveModel = m.into();
        match result {
            Ok(()) => a.sent_at = Set(Some(now())),
            Err(e) => a.last_error = Set(Some(e)),
        }
        a.attempts = sea_orm::ActiveValue::NotSet;
        a.update(db).await?;
    }
    Ok(())
}
