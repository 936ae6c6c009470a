//! Back-office accounts.

use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use techbridge::db::now;
use techbridge::entities::*;

/// An active back-office account (an editor, writing in English).
pub struct EditorBuilder {
    email: String,
    name: String,
    role: String,
    password: String,
    ui_lang: String,
    active: bool,
}

impl EditorBuilder {
    pub fn new(email: &str, password: &str) -> Self {
        Self {
            email: email.to_owned(),
            name: "Eddie Editor".to_owned(),
            role: "editor".to_owned(),
            password: password.to_owned(),
            ui_lang: "en".to_owned(),
            active: true,
        }
    }

    pub fn name(mut self, name: &str) -> Self {
        self.name = name.to_owned();
        self
    }

    /// `admin`, `editor`, `reviewer`.
    pub fn role(mut self, role: &str) -> Self {
        self.role = role.to_owned();
        self
    }

    pub async fn insert(self, db: &impl ConnectionTrait) -> i32 {
        let t = now();
        editor::ActiveModel {
            email: Set(self.email),
            display_name: Set(self.name),
            role: Set(self.role),
            password_hash: Set(
                techbridge::accounts::hash_password(&self.password).expect("password hash")
            ),
            ui_lang: Set(self.ui_lang),
            active: Set(self.active),
            created_at: Set(t),
            updated_at: Set(t),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("editor")
        .id
    }
}
