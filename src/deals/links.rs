//! The signed link an answerer gets by e-mail: its token (see
//! `web::signed`) names a `deal_links` row, whose `used_at` makes it
//! single-use. Forwarding a deal again retires its older links.

use base64::Engine;
use chrono::{DateTime, Duration, TimeZone, Utc};
use rand::RngCore;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};

use super::LINK_DAYS;
use crate::entities::{deal, deal_link};
use crate::web::signed::{self, Invalid};

const PURPOSE: &str = "deal-reply";

/// Why a link opens no reply form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Not a link we made, or changed since.
    Tampered,
    /// Past its time.
    Expired,
    /// Already answered through (or replaced by a newer link).
    Used,
}

impl Refused {
    /// The Fluent id of the explanation shown.
    pub fn message(self) -> &'static str {
        match self {
            Self::Tampered => "reply-link-tampered",
            Self::Expired => "reply-link-expired",
            Self::Used => "reply-link-used",
        }
    }
}

fn nonce() -> String {
    let mut bytes = [0u8; 18];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The token of a stored link (the same every time it is asked for, so a
/// reminder can carry the link first sent).
pub fn token(secret: &[u8], link: &deal_link::Model) -> String {
    signed::sign(
        secret,
        PURPOSE,
        link.id,
        &link.nonce,
        link.expires_at.timestamp(),
    )
}

/// A new link for a deal; older unused ones stop working.
pub async fn issue(
    db: &impl ConnectionTrait,
    secret: &[u8],
    deal_id: i32,
    now: DateTime<Utc>,
) -> Result<String, DbErr> {
    deal_link::Entity::update_many()
        .col_expr(deal_link::Column::UsedAt, Expr::value(now))
        .filter(deal_link::Column::DealId.eq(deal_id))
        .filter(deal_link::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    // Whole seconds: the token carries the expiry as a Unix time.
    let expires = Utc
        .timestamp_opt((now + Duration::days(LINK_DAYS)).timestamp(), 0)
        .single()
        .unwrap_or(now);
    let link = deal_link::ActiveModel {
        deal_id: Set(deal_id),
        nonce: Set(nonce()),
        expires_at: Set(expires),
        used_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token(secret, &link))
}

/// The newest unused link of a deal, if any (for the reminder).
pub async fn current(
    db: &impl ConnectionTrait,
    deal_id: i32,
    now: DateTime<Utc>,
) -> Result<Option<deal_link::Model>, DbErr> {
    use sea_orm::QueryOrder;
    deal_link::Entity::find()
        .filter(deal_link::Column::DealId.eq(deal_id))
        .filter(deal_link::Column::UsedAt.is_null())
        .filter(deal_link::Column::ExpiresAt.gt(now))
        .order_by_desc(deal_link::Column::Id)
        .one(db)
        .await
}

/// The link and deal a token opens, or why it opens nothing.
pub async fn resolve(
    db: &impl ConnectionTrait,
    secret: &[u8],
    token: &str,
    now: DateTime<Utc>,
) -> Result<Result<(deal_link::Model, deal::Model), Refused>, DbErr> {
    let claims = match signed::verify(secret, PURPOSE, token, now.timestamp()) {
        Ok(c) => c,
        Err(Invalid::Tampered) => return Ok(Err(Refused::Tampered)),
        Err(Invalid::Expired) => return Ok(Err(Refused::Expired)),
    };
    let Some(link) = deal_link::Entity::find_by_id(claims.id).one(db).await? else {
        return Ok(Err(Refused::Tampered));
    };
    if link.nonce != claims.nonce {
        return Ok(Err(Refused::Tampered));
    }
    if link.used_at.is_some() {
        return Ok(Err(Refused::Used));
    }
    let Some(d) = deal::Entity::find_by_id(link.deal_id).one(db).await? else {
        return Ok(Err(Refused::Tampered));
    };
    Ok(Ok((link, d)))
}

/// Uses a link up: `true` for the one request that does.
pub async fn claim(
    db: &impl ConnectionTrait,
    link_id: i32,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    Ok(deal_link::Entity::update_many()
        .col_expr(deal_link::Column::UsedAt, Expr::value(now))
        .filter(deal_link::Column::Id.eq(link_id))
        .filter(deal_link::Column::UsedAt.is_null())
        .exec(db)
        .await?
        .rows_affected
        == 1)
}

/// The reply page of a token, in the answerer's language.
pub fn url(base_url: &str, lang: &str, token: &str) -> String {
    format!("{base_url}/{lang}/reply/{token}")
}
