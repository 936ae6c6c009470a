//! The inquiry form on a technology page: validated on the server, guarded
//! by a honeypot and a per-address limit, stored with the language used.

use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};
use serde::Deserialize;

use crate::db::now;
use crate::entities::inquiry;
use crate::i18n::Locale;
use crate::web::forms::FieldErrors;

/// The form as typed, kept verbatim to show it again.
#[derive(Deserialize, Default, Clone, Debug)]
#[serde(default)]
pub struct InquiryForm {
    pub name: String,
    pub organisation: String,
    pub country: String,
    pub email: String,
    pub message: String,
    pub consent: Option<String>,
    /// Honeypot: hidden from people, filled by bots.
    pub website: String,
}

pub struct Inquiry {
    name: String,
    organisation: String,
    country: &'static str,
    email: String,
    message: String,
}

pub const MESSAGE_MIN: usize = 20;
pub const MESSAGE_MAX: usize = 5000;

impl InquiryForm {
    pub fn is_spam(&self) -> bool {
        !self.website.trim().is_empty()
    }

    pub fn validate(&self) -> Result<Inquiry, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = errors.text(&self.name, "name", "inquiry-error-name", 160);
        let organisation = errors.text(
            &self.organisation,
            "organisation",
            "inquiry-error-organisation",
            200,
        );
        let country = crate::taxonomy::countries()
            .into_iter()
            .find(|c| *c == self.country.trim());
        if country.is_none() {
            errors.add("country", "inquiry-error-country");
        }
        let email = errors.email(&self.email, "email", "inquiry-error-email");
        let message = self.message.trim().to_owned();
        let len = message.chars().count();
        if len == 0 {
            errors.add("message", "inquiry-error-message");
        } else if len < MESSAGE_MIN {
            errors.add("message", "inquiry-message-short");
        } else if len > MESSAGE_MAX {
            errors.add_n("message", "form-too-long-n", MESSAGE_MAX as i64);
        }
        if self.consent.is_none() {
            errors.add("consent", "inquiry-error-consent");
        }
        match country {
            Some(country) if errors.is_empty() => Ok(Inquiry {
                name,
                organisation,
                country,
                email,
                message,
            }),
            _ => Err(errors),
        }
    }
}

pub async fn store(
    db: &impl ConnectionTrait,
    technology_id: i32,
    input: Inquiry,
    locale: Locale,
    ip_hash: String,
) -> Result<i32, DbErr> {
    let t = now();
    let saved = inquiry::ActiveModel {
        technology_id: Set(technology_id),
        name: Set(input.name),
        organisation: Set(input.organisation),
        country: Set(input.country.to_owned()),
        email: Set(input.email),
        message: Set(input.message),
        lang: Set(locale.tag().to_owned()),
        status: Set("new".to_owned()),
        ip_hash: Set(Some(ip_hash)),
        created_at: Set(t),
        updated_at: Set(t),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(saved.id)
}
