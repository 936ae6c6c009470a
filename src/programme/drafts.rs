//! Applications not yet submitted, kept in the database (so any instance
//! finds them): "save and continue later" with a signed link by e-mail, and
//! the PDFs of a refused submission that passed their checks, so nobody
//! uploads them twice. A draft lives until its call closes, then goes with
//! its files (`expire`, run by the clock).

use chrono::{DateTime, Utc};
use fluent_templates::fluent_bundle::FluentValue;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use sha2::{Digest, Sha256};

use crate::db::now;
use crate::entities::{application_draft, draft_document, programme_call};
use crate::i18n::{self, Args, Locale};

use super::apply::{ApplyForm, DOCUMENTS, Document};

/// What the link in the e-mail is signed for (`web::signed`).
pub const LINK_PURPOSE: &str = "programme-draft";

/// The signed link's token: the draft's id and its random token as the
/// nonce, valid until the call closes.
pub fn link_token(secret: &[u8], draft: &application_draft::Model) -> String {
    crate::web::signed::sign(
        secret,
        LINK_PURPOSE,
        draft.id,
        &draft.token,
        draft.expires_at.timestamp(),
    )
}

/// A draft with its documents, if it exists, belongs to `call_id` and has
/// not expired.
pub async fn load(
    db: &impl ConnectionTrait,
    token: &str,
    call_id: i32,
) -> Result<Option<(application_draft::Model, Vec<draft_document::Model>)>, DbErr> {
    if token.is_empty() || token.len() > 64 {
        return Ok(None);
    }
    let Some(d) = application_draft::Entity::find()
        .filter(application_draft::Column::Token.eq(token))
        .filter(application_draft::Column::CallId.eq(call_id))
        .filter(application_draft::Column::ExpiresAt.gt(now()))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let docs = draft_document::Entity::find()
        .filter(draft_document::Column::DraftId.eq(d.id))
        .order_by_asc(draft_document::Column::Id)
        .all(db)
        .await?;
    Ok(Some((d, docs)))
}

/// The form as it was typed (a draft whose fields no longer parse gives an
/// empty form rather than an error).
pub fn form_of(d: &application_draft::Model) -> ApplyForm {
    serde_json::from_str(&d.fields).unwrap_or_default()
}

/// A draft's documents as if they had just been uploaded.
pub fn documents_of(docs: Vec<draft_document::Model>) -> Vec<Document> {
    docs.into_iter()
        .filter_map(|d| {
            let kind = DOCUMENTS.iter().map(|(_, k)| *k).find(|k| *k == d.kind)?;
            Some(Document {
                kind,
                filename: d.filename,
                bytes: d.bytes,
            })
        })
        .collect()
}

/// Keeps the form and the documents: into the draft `existing` if given,
/// else a new one. A document replaces the draft's one of the same kind.
/// `email` is kept only when given (saving to continue later). Returns the
/// draft's token.
pub async fn keep(
    db: &impl ConnectionTrait,
    existing: Option<&application_draft::Model>,
    call: &programme_call::Model,
    locale: Locale,
    email: Option<&str>,
    form: &ApplyForm,
    documents: &[Document],
) -> Result<application_draft::Model, DbErr> {
    let t = now();
    let mut form = form.clone();
    // Neither the one-use submission token nor the consent carry over.
    form.submission_token = String::new();
    form.consent = false;
    form.draft_token = String::new();
    form.intent = String::new();
    let fields = serde_json::to_string(&form).unwrap_or_default();
    let draft = match existing {
        Some(d) => {
            let mut m: application_draft::ActiveModel = d.clone().into();
            m.fields = Set(fields);
            m.lang = Set(locale.tag().to_owned());
            if let Some(e) = email {
                m.email = Set(e.to_owned());
            }
            m.updated_at = Set(t);
            m.update(db).await?
        }
        None => {
            application_draft::ActiveModel {
                token: Set(crate::tokens::random_token()),
                call_id: Set(call.id),
                email: Set(email.unwrap_or_default().to_owned()),
                lang: Set(locale.tag().to_owned()),
                fields: Set(fields),
                created_at: Set(t),
                updated_at: Set(t),
                expires_at: Set(call.closes_at),
                ..Default::default()
            }
            .insert(db)
            .await?
        }
    };
    for d in documents {
        draft_document::Entity::delete_many()
            .filter(draft_document::Column::DraftId.eq(draft.id))
            .filter(draft_document::Column::Kind.eq(d.kind))
            .exec(db)
            .await?;
        draft_document::ActiveModel {
            draft_id: Set(draft.id),
            kind: Set(d.kind.to_owned()),
            filename: Set(d.filename.clone()),
            size: Set(i32::try_from(d.bytes.len()).unwrap_or(i32::MAX)),
            sha256: Set(hex::encode(Sha256::digest(&d.bytes))),
            bytes: Set(d.bytes.clone()),
            created_at: Set(t),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(draft)
}

/// Deletes a draft and its documents.
pub async fn delete(db: &impl ConnectionTrait, id: i32) -> Result<(), DbErr> {
    draft_document::Entity::delete_many()
        .filter(draft_document::Column::DraftId.eq(id))
        .exec(db)
        .await?;
    application_draft::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}

/// Deletes every draft whose call has closed by `now`, with its documents;
/// returns how many went. Safe on several instances at once (deleting
/// twice deletes nothing more).
pub async fn expire(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<u64, DbErr> {
    let ids: Vec<i32> = application_draft::Entity::find()
        .filter(application_draft::Column::ExpiresAt.lte(now))
        .all(db)
        .await?
        .into_iter()
        .map(|d| d.id)
        .collect();
    if ids.is_empty() {
        return Ok(0);
    }
    draft_document::Entity::delete_many()
        .filter(draft_document::Column::DraftId.is_in(ids.clone()))
        .exec(db)
        .await?;
    Ok(application_draft::Entity::delete_many()
        .filter(application_draft::Column::Id.is_in(ids))
        .exec(db)
        .await?
        .rows_affected)
}

/// Queues the e-mail with the signed link that reopens the draft, in the
/// applicant's language.
pub async fn queue_link(
    db: &impl ConnectionTrait,
    draft: &application_draft::Model,
    locale: Locale,
    secret: &[u8],
    base_url: &str,
) -> Result<(), DbErr> {
    let link = format!(
        "{base_url}/{}/programme/apply?draft={}",
        locale.tag(),
        link_token(secret, draft)
    );
    let closes = draft
        .expires_at
        .with_timezone(&crate::config::centre_zone())
        .date_naive();
    let mut args = Args::new();
    args.insert("link", FluentValue::from(link));
    args.insert("date", FluentValue::from(i18n::format_date(locale, closes)));
    crate::outbox::queue(
        db,
        crate::outbox::Mail {
            to: draft.email.clone(),
            locale,
            kind: "application_draft",
            subject: i18n::message(locale, "mail-draft-subject", Some(&args)),
            body: i18n::message(locale, "mail-draft-body", Some(&args)),
            related_kind: "application_draft",
            related_id: Some(draft.id),
            headers: Vec::new(),
        },
    )
    .await
}
