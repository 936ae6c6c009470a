//! The lifecycle of an application, in one place: its statuses, the moves
//! allowed between them, claiming a move once (a conditional update on the
//! current status, so two clicks or two instances make one change), the
//! history row each move writes and the message it queues. The back office
//! (a single status change, a batch decision) and the public pages call it.

use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};

use crate::entities::{application, application_history};

/// Every status an application can be in, in the order of the process.
pub const STATUSES: &[&str] = &[
    "submitted",
    "screening",
    "under_review",
    "more_info",
    "waitlisted",
    "accepted",
    "declined",
];

/// The decisions an administrator records for many applications at once.
pub const DECISIONS: &[&str] = &["accepted", "waitlisted", "declined"];

/// Where each status may go next.
pub fn next_statuses(from: &str) -> &'static [&'static str] {
    match from {
        "submitted" => &["screening", "under_review", "more_info", "declined"],
        "screening" => &["under_review", "more_info", "declined"],
        "under_review" => &["accepted", "waitlisted", "declined", "more_info"],
        "waitlisted" => &["accepted", "declined"],
        "more_info" => &["screening", "declined"],
        _ => &[],
    }
}

pub fn can_move(from: &str, to: &str) -> bool {
    next_statuses(from).contains(&to)
}

/// Who made a move: an editor (id and name) or the applicant (`None`).
pub struct By<'a> {
    pub editor_id: Option<i32>,
    pub editor_name: &'a str,
}

/// What a move sends the applicant.
pub enum Message<'a> {
    /// Nothing.
    None,
    /// The standard message of the new status (`outbox::KINDS`), with the
    /// reviewer's note.
    Standard { note: &'a str, base_url: &'a str },
    /// A letter written for this move (a batch decision's).
    Letter {
        kind: &'static str,
        subject: String,
        body: String,
    },
}

/// Moves `app` to `to` if it is still in the status it was read in and the
/// move is allowed: the status, the history row and the message, all on
/// `db` (call it inside a transaction). `Ok(None)` when the move is not
/// allowed or someone else moved it first: nothing was written.
pub async fn apply(
    db: &impl ConnectionTrait,
    app: &application::Model,
    to: &str,
    by: By<'_>,
    history_note: &str,
    message: Message<'_>,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<Option<application::Model>, DbErr> {
    if !can_move(&app.status, to) || !claim(db, app.id, &app.status, to, at).await? {
        return Ok(None);
    }
    let updated = application::Model {
        status: to.to_owned(),
        updated_at: at,
        ..app.clone()
    };
    application_history::ActiveModel {
        application_id: Set(app.id),
        from_status: Set(app.status.clone()),
        to_status: Set(to.to_owned()),
        editor_id: Set(by.editor_id),
        editor_name: Set(by.editor_name.to_owned()),
        message: Set(history_note.to_owned()),
        at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    match message {
        Message::None => {}
        Message::Standard { note, base_url } => {
            if crate::outbox::KINDS.contains(&to) {
                crate::outbox::queue_application_message(db, &updated, to, note, base_url).await?;
            }
        }
        Message::Letter {
            kind,
            subject,
            body,
        } => {
            crate::outbox::queue(
                db,
                crate::outbox::Mail {
                    to: updated.email.clone(),
                    locale: crate::i18n::Locale::from_tag(&updated.lang).unwrap_or_default(),
                    kind,
                    subject,
                    body,
                    related_kind: "application",
                    related_id: Some(updated.id),
                    headers: Vec::new(),
                },
            )
            .await?;
        }
    }
    Ok(Some(updated))
}

/// The applicant's own move: an amended application goes back from
/// `more_info` to `submitted`, once (a double click or a refresh makes one
/// change), with its history row. Not a back-office choice, so it is not in
/// `next_statuses`. `false` when it was not waiting for more information or
/// someone was first; nothing was written then.
pub async fn resubmit(
    db: &impl ConnectionTrait,
    app: &application::Model,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<bool, DbErr> {
    if app.status != "more_info" || !claim(db, app.id, "more_info", "submitted", at).await? {
        return Ok(false);
    }
    application_history::ActiveModel {
        application_id: Set(app.id),
        from_status: Set("more_info".to_owned()),
        to_status: Set("submitted".to_owned()),
        editor_id: Set(None),
        editor_name: Set(String::new()),
        message: Set(String::new()),
        at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(true)
}

/// Moves an application from one status to another only if it is still in
/// the first. `false` when someone else was first.
pub async fn claim(
    db: &impl ConnectionTrait,
    id: i32,
    from: &str,
    to: &str,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<bool, DbErr> {
    let done = application::Entity::update_many()
        .col_expr(application::Column::Status, Expr::value(to))
        .col_expr(application::Column::UpdatedAt, Expr::value(at))
        .filter(application::Column::Id.eq(id))
        .filter(application::Column::Status.eq(from))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}
