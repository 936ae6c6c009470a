//! Back-office accounts: roles, password rules and hashing. (Sessions and the
//! login flow live in `admin`.)

pub mod password_checks;

pub use password_checks::PasswordChecks;

use std::sync::LazyLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Version};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::db::now;
use crate::entities::editor;

/// What an account may do.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Role {
    /// Accounts, settings, and everything editors and reviewers do.
    Admin,
    /// Content: catalogue, needs, events, news, fellows, pages, inquiries.
    Editor,
    /// Programme applications only.
    Reviewer,
    /// The translations of the languages given to them, in any content
    /// record; never publishes, creates or deletes.
    Translator,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Editor => "editor",
            Self::Reviewer => "reviewer",
            Self::Translator => "translator",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "admin" => Some(Self::Admin),
            "editor" => Some(Self::Editor),
            "reviewer" => Some(Self::Reviewer),
            "translator" => Some(Self::Translator),
            _ => None,
        }
    }

    pub const ALL: [Role; 4] = [Self::Admin, Self::Editor, Self::Reviewer, Self::Translator];
}

/// A translator's languages (`editors.languages`, kept out of the entity so
/// that code writing accounts need not know of it; empty by default).
pub async fn languages_of(
    db: &impl ConnectionTrait,
    editor_id: i32,
) -> Result<Vec<crate::i18n::Locale>, sea_orm::DbErr> {
    let row = db
        .query_one_raw(crate::db::stmt(
            db.get_database_backend(),
            "SELECT languages FROM editors WHERE id = ?",
            vec![editor_id.into()],
        ))
        .await?;
    Ok(match row {
        Some(r) => languages(&r.try_get::<String>("", "languages")?),
        None => Vec::new(),
    })
}

/// Sets a translator's languages (stored as `"en id"`).
pub async fn set_languages(
    db: &impl ConnectionTrait,
    editor_id: i32,
    stored: &str,
) -> Result<(), sea_orm::DbErr> {
    db.execute_raw(crate::db::stmt(
        db.get_database_backend(),
        "UPDATE editors SET languages = ? WHERE id = ?",
        vec![stored.into(), editor_id.into()],
    ))
    .await?;
    Ok(())
}

/// Every account's languages, by id (the accounts page).
pub async fn all_languages(
    db: &impl ConnectionTrait,
) -> Result<std::collections::HashMap<i32, String>, sea_orm::DbErr> {
    let rows = db
        .query_all_raw(crate::db::stmt(
            db.get_database_backend(),
            "SELECT id, languages FROM editors",
            vec![],
        ))
        .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("", "id")?, r.try_get("", "languages")?)))
        .collect()
}

/// A translator's languages as stored (`"en id"`), known tags only.
pub fn languages(stored: &str) -> Vec<crate::i18n::Locale> {
    stored
        .split_whitespace()
        .filter_map(crate::i18n::Locale::from_tag)
        .collect()
}

pub const MIN_PASSWORD_LEN: usize = 12;

const COMMON_PASSWORDS: &str = include_str!("common_passwords.txt");

fn is_common(candidate: &str) -> bool {
    static LIST: LazyLock<std::collections::HashSet<&'static str>> = LazyLock::new(|| {
        COMMON_PASSWORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    });
    LIST.contains(candidate)
}

/// Checks a new password; the error is a Fluent message id.
pub fn check_password_policy(password: &str, email: &str) -> Result<(), &'static str> {
    if password.chars().count() < MIN_PASSWORD_LEN {
        return Err("password-too-short");
    }
    let lower = password.trim().to_lowercase();
    // "Password2024!" is "password" with decoration: look the core up too.
    let core = lower.trim_matches(|c: char| !c.is_alphabetic());
    let common = core.is_empty() || is_common(&lower) || is_common(core);
    let one_char = lower.chars().all(|c| lower.starts_with(c));
    let is_email = !email.is_empty() && lower.contains(&email.to_lowercase());
    if common || one_char || is_email {
        return Err("password-too-common");
    }
    Ok(())
}

/// Argon2id with the OWASP-recommended parameters (19 MiB, 2 passes, 1 lane).
fn hasher() -> Argon2<'static> {
    Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        password_checks::params(),
    )
}

/// Hashes a password. CPU- and memory-heavy: request paths go through
/// `PasswordChecks`, which bounds how many run at once; this is for the
/// command line.
pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    Ok(hasher()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// Checks a password against a stored hash. Heavy, as above.
pub fn verify_password(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash)
        .map(|h| hasher().verify_password(password.as_bytes(), &h).is_ok())
        .unwrap_or(false)
}

pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Creates (or re-activates with a new password) an administrator.
pub async fn create_admin(
    db: &impl ConnectionTrait,
    email: &str,
    name: &str,
    password: &str,
) -> anyhow::Result<()> {
    let email = normalize_email(email);
    anyhow::ensure!(
        email.contains('@') && email.len() <= 254,
        "{email} is not an email address"
    );
    if let Err(id) = check_password_policy(password, &email) {
        anyhow::bail!(
            "{}",
            crate::i18n::message(crate::i18n::Locale::default(), id, None)
        );
    }
    let hash = hash_password(password).map_err(|e| anyhow::anyhow!("cannot hash: {e}"))?;
    let t = now();
    let existing = editor::Entity::find()
        .filter(editor::Column::Email.eq(&email))
        .one(db)
        .await?;
    let mut model = match existing {
        Some(m) => m.into(),
        None => editor::ActiveModel {
            email: Set(email.clone()),
            created_at: Set(t),
            ui_lang: Set(crate::i18n::Locale::default().tag().to_owned()),
            ..Default::default()
        },
    };
    model.display_name = Set(name.to_owned());
    model.role = Set(Role::Admin.as_str().to_owned());
    model.password_hash = Set(hash);
    model.active = Set(true);
    model.updated_at = Set(t);
    let saved = sea_orm::TryIntoModel::try_into_model(model.save(db).await?)?;
    // Made from the command line: the audit trail names no signed-in actor.
    crate::audit::record(
        db,
        &crate::audit::Actor {
            id: None,
            email: "create-admin (command line)",
            ip: None,
        },
        "create-admin",
        "editor",
        Some(saved.id),
        &saved.email,
    )
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_policy() {
        assert_eq!(
            check_password_policy("short", ""),
            Err("password-too-short")
        );
        assert_eq!(
            check_password_policy("Password1234", ""),
            Err("password-too-common")
        );
        assert_eq!(
            check_password_policy("aaaaaaaaaaaaaa", ""),
            Err("password-too-common")
        );
        assert_eq!(
            check_password_policy("mei.ling@centre.org!", "mei.ling@centre.org"),
            Err("password-too-common")
        );
        for weak in [
            "iloveyou2024!",
            "!!monkey123456",
            "Sunshine12345",
            "123456789012",
            "2024-12-01-!!",
            "qwertyuiop123",
        ] {
            assert_eq!(
                check_password_policy(weak, ""),
                Err("password-too-common"),
                "{weak}"
            );
        }
        assert_eq!(
            check_password_policy("violet-harbour-kettle-42", "x@y.z"),
            Ok(())
        );
        assert_eq!(check_password_policy("Nanning tea at dawn 7", ""), Ok(()));
    }

    #[test]
    fn hash_round_trip() {
        let h = hash_password("violet-harbour-kettle-42").unwrap_or_default();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify_password(&h, "violet-harbour-kettle-42"));
        assert!(!verify_password(&h, "violet-harbour-kettle-43"));
    }
}
