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

fn text(value: &str, field: &'static str, max: usize, errors: &mut FieldErrors) -> String {
    let v = value.trim();
    if v.is_empty() {
        errors.add(field, "form-required");
    } else if v.chars().count() > max {
        errors.add(field, "form-too-long");
    }
    v.to_owned()
}

impl InquiryForm {
    pub fn is_spam(&self) -> bool {
        !self.website.trim().is_empty()
    }

    pub fn validate(&self) -> Result<Inquiry, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = text(&self.name, "name", 160, &mut errors);
        let organisation = text(&self.organisation, "organisation", 200, &mut errors);
        let country = crate::taxonomy::countries()
            .into_iter()
            .find(|c| *c == self.country.trim());
        if country.is_none() {
            errors.add("country", "form-choose");
        }
        let email = self.email.trim().to_owned();
        if email.is_empty() {
            errors.add("email", "form-required");
        } else if !crate::web::forms::valid_email(&email) {
            errors.add("email", "form-email-invalid");
        }
        let message = self.message.trim().to_owned();
        let len = message.chars().count();
        if len == 0 {
            errors.add("message", "form-required");
        } else if len < MESSAGE_MIN {
            errors.add("message", "inquiry-message-short");
        } else if len > MESSAGE_MAX {
            errors.add("message", "form-too-long");
        }
        if self.consent.is_none() {
            errors.add("consent", "form-consent-required");
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
