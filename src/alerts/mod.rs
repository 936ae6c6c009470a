//! Alerts for visitors, by e-mail only and with no account: follow a
//! catalogue search (its filters as they are in the URL), new needs,
//! programme calls or events, in one's language, daily or weekly. Double
//! opt-in (nothing but the confirmation goes to an unconfirmed address), a
//! limit per address, a one-click unsubscribe link and `List-Unsubscribe`
//! header (RFC 8058) in every message. The pages are `pages`, the periodic
//! digests `digest`.
//!
//! Links carry a token signed over the alert's id and a random nonce kept
//! with it (`web::signed`), so each digest can carry them again; confirming
//! expires after `CONFIRM_DAYS`, unsubscribing never.

pub mod digest;
pub mod pages;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, Set,
};

use crate::entities::alert;
use crate::i18n::Locale;
use crate::web::signed;

/// What can be followed.
pub const TOPICS: &[&str] = &["technologies", "needs", "calls", "events"];
/// How often.
pub const FREQUENCIES: &[&str] = &["daily", "weekly"];
/// Active alerts (waiting or confirmed) one address may have.
pub const MAX_PER_ADDRESS: u64 = 10;
/// A confirmation link works this long.
pub const CONFIRM_DAYS: i64 = 7;

const CONFIRM: &str = "alert:confirm";
const STOP: &str = "alert:stop";

pub fn frequency_span(frequency: &str) -> Duration {
    if frequency == "weekly" {
        Duration::days(7)
    } else {
        Duration::days(1)
    }
}

/// The filters kept for a topic: for the catalogue, its query string
/// normalised (words, fields, countries, modes, IP, TRL; no page, size or
/// order); for needs, field and country; nothing for calls and events.
pub fn normalise_filters(topic: &str, raw: &str) -> String {
    match topic {
        "technologies" => {
            let kept: String = form_urlencoded::parse(raw.as_bytes())
                .filter(|(k, _)| !matches!(k.as_ref(), "sort" | "page" | "per_page"))
                .fold(
                    form_urlencoded::Serializer::new(String::new()),
                    |mut s, (k, v)| {
                        s.append_pair(&k, &v);
                        s
                    },
                )
                .finish();
            crate::search::catalog_query::CatalogQuery::parse(&kept).to_query()
        }
        "needs" => {
            let mut s = form_urlencoded::Serializer::new(String::new());
            for (k, v) in form_urlencoded::parse(raw.as_bytes()) {
                let ok = match k.as_ref() {
                    "field" => crate::taxonomy::FIELDS.contains(&v.as_ref()),
                    "country" => crate::taxonomy::ASEAN.contains(&v.as_ref()),
                    _ => false,
                };
                if ok {
                    s.append_pair(&k, &v);
                }
            }
            s.finish()
        }
        _ => String::new(),
    }
}

/// The page that shows what an alert follows, in its language.
pub fn followed_path(lang: &str, topic: &str, filters: &str) -> String {
    let base = match topic {
        "technologies" => "/technologies",
        "needs" => "/needs",
        "calls" => "/programme",
        _ => "/events",
    };
    if filters.is_empty() {
        format!("/{lang}{base}")
    } else {
        format!("/{lang}{base}?{filters}")
    }
}

/// The subscription form for a topic and the filters of the page it is
/// linked from (what list pages link to).
pub fn follow_href(lang: &str, topic: &str, filters: &str) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    s.append_pair("topic", topic);
    let f = normalise_filters(topic, filters);
    if !f.is_empty() {
        s.append_pair("filters", &f);
    }
    format!("/{lang}/alerts?{}", s.finish())
}

pub fn confirm_url(secret: &[u8], base_url: &str, a: &alert::Model) -> String {
    let expires = (a.created_at + Duration::days(CONFIRM_DAYS)).timestamp();
    let token = signed::sign(secret, CONFIRM, a.id, &a.nonce, expires);
    format!("{base_url}/{}/alerts/confirm/{token}", a.lang)
}

pub fn unsubscribe_url(secret: &[u8], base_url: &str, a: &alert::Model) -> String {
    let token = signed::sign(secret, STOP, a.id, &a.nonce, i64::MAX / 2);
    format!("{base_url}/{}/alerts/unsubscribe/{token}", a.lang)
}

/// The headers every alert message carries (RFC 2369, RFC 8058).
pub fn unsubscribe_headers(url: &str) -> Vec<(&'static str, String)> {
    vec![
        ("List-Unsubscribe", format!("<{url}>")),
        (
            "List-Unsubscribe-Post",
            "List-Unsubscribe=One-Click".to_owned(),
        ),
    ]
}

/// Why a link opened nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    Tampered,
    Expired,
}

/// The alert a link names, if the link is good for `purpose` at `now`.
async fn by_token(
    db: &impl ConnectionTrait,
    secret: &[u8],
    purpose: &str,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Result<alert::Model, Refused>, DbErr> {
    let claims = match signed::verify(secret, purpose, token, now.timestamp()) {
        Ok(c) => c,
        Err(signed::Invalid::Expired) => return Ok(Err(Refused::Expired)),
        Err(signed::Invalid::Tampered) => return Ok(Err(Refused::Tampered)),
    };
    Ok(alert::Entity::find_by_id(claims.id)
        .one(db)
        .await?
        .filter(|a| a.nonce == claims.nonce)
        .ok_or(Refused::Tampered))
}

/// How many alerts (waiting or confirmed) an address has.
pub async fn active_for(db: &impl ConnectionTrait, email: &str) -> Result<u64, DbErr> {
    alert::Entity::find()
        .filter(alert::Column::Email.eq(email.to_lowercase()))
        .filter(alert::Column::Status.is_in(["pending", "confirmed"]))
        .count(db)
        .await
}

/// A checked subscription.
pub struct NewAlert {
    pub email: String,
    pub topic: &'static str,
    pub frequency: &'static str,
    pub filters: String,
}

pub async fn create(
    db: &impl ConnectionTrait,
    n: NewAlert,
    locale: Locale,
    now: DateTime<Utc>,
) -> Result<alert::Model, DbErr> {
    use base64::Engine;
    use rand::RngCore;
    let mut bytes = [0u8; 18];
    rand::rng().fill_bytes(&mut bytes);
    alert::ActiveModel {
        email: Set(n.email.to_lowercase()),
        lang: Set(locale.tag().to_owned()),
        topic: Set(n.topic.to_owned()),
        filters: Set(n.filters),
        frequency: Set(n.frequency.to_owned()),
        nonce: Set(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)),
        status: Set("pending".to_owned()),
        created_at: Set(now),
        confirmed_at: Set(None),
        unsubscribed_at: Set(None),
        due_at: Set(None),
        seen_until: Set(now),
        last_sent_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await
}
