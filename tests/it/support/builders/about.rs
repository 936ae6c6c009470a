//! The about page, the network's members, the home page's headline figures.

use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use techbridge::db::now;
use techbridge::entities::*;

use super::*;

#[derive(Clone)]
pub struct PageText {
    pub title: String,
    pub body: String,
}

impl Sample for PageText {
    fn sample(name: &str, lang: &str) -> Self {
        let title = in_lang(name, lang);
        Self {
            body: format!("{title}: who we are."),
            title,
        }
    }
}

/// An editable page (`about`), with texts in the three languages.
pub struct PageBuilder {
    key: String,
    texts: Texts<PageText>,
}

impl PageBuilder {
    pub fn new(key: &str) -> Self {
        Self {
            key: key.to_owned(),
            texts: Texts::every_language(&name_of(key)),
        }
    }

    pub async fn insert(self, db: &impl ConnectionTrait) -> i32 {
        let t = now();
        let saved = page::ActiveModel {
            key: Set(self.key),
            source_lang: Set(self.texts.source()),
            created_at: Set(t),
            updated_at: Set(t),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("page");
        for (lang, x) in self.texts.by_lang {
            page_translation::ActiveModel {
                page_id: Set(saved.id),
                lang: Set(lang.to_owned()),
                title: Set(x.title),
                body: Set(x.body),
                revision: Set(1),
                source_revision: Set(1),
                updated_at: Set(t),
                ..Default::default()
            }
            .insert(db)
            .await
            .expect("page text");
        }
        saved.id
    }
}

#[derive(Clone)]
pub struct MemberText {
    pub name: String,
    pub description: String,
}

impl Sample for MemberText {
    fn sample(name: &str, lang: &str) -> Self {
        Self {
            name: in_lang(name, lang),
            description: String::new(),
        }
    }
}

/// A member of the technology transfer network (an alliance member in
/// Indonesia), named in the three languages.
pub struct MemberBuilder {
    country: String,
    kind: String,
    website: String,
    position: i32,
    texts: Texts<MemberText>,
}

impl MemberBuilder {
    pub fn new(name: &str) -> Self {
        Self {
            country: "ID".to_owned(),
            kind: "alliance_member".to_owned(),
            website: String::new(),
            position: 0,
            texts: Texts::every_language(name),
        }
    }

    pub async fn insert(self, db: &impl ConnectionTrait) -> i32 {
        let t = now();
        let saved = network_member::ActiveModel {
            country: Set(self.country),
            kind: Set(self.kind),
            website: Set(self.website),
            position: Set(self.position),
            source_lang: Set(self.texts.source()),
            created_at: Set(t),
            updated_at: Set(t),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("network member");
        for (lang, x) in self.texts.by_lang {
            network_member_translation::ActiveModel {
                member_id: Set(saved.id),
                lang: Set(lang.to_owned()),
                name: Set(x.name),
                description: Set(x.description),
                revision: Set(1),
                source_revision: Set(1),
                updated_at: Set(t),
                ..Default::default()
            }
            .insert(db)
            .await
            .expect("network member text");
        }
        saved.id
    }
}

/// A headline figure of the home page (`network_members`, `agreements`...).
pub async fn setting(db: &impl ConnectionTrait, key: &str, value: &str) {
    techbridge::settings::set(db, key, value)
        .await
        .expect("setting");
}
