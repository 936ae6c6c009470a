//! Editable pages (the About text) in the back office.

use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, Set, TryIntoModel};

use super::{Kind, ListItem, ListQuery};
use crate::accounts::Role;
use crate::admin::form::{Field, Input, Values};
use crate::admin::translation_store::TrTable;
use crate::db::now;
use crate::entities::page;
use crate::i18n::Locale;
use crate::web::forms::FieldErrors;

pub struct Pages;

impl Kind for Pages {
    const NAME: &'static str = "pages";
    const TITLE: &'static str = "admin-nav-pages";
    const ITEM: &'static str = "admin-item-page";
    const ROLES: &'static [Role] = &[Role::Editor];
    const TR: TrTable = TrTable {
        table: "page_translations",
        parent: "page_id",
        fields: &["title", "body"],
        headline: "title",
    };
    const COLUMNS: &'static [&'static str] = &["admin-col-key"];
    const STATUSES: &'static [&'static str] = &[];
    const EXPIRES: bool = false;
    const SLUG: bool = false;
    const TABLE: &'static str = "pages";

    fn shared() -> Vec<Field> {
        vec![Field::new("key", "admin-field-page-key", Input::Slug).required()]
    }

    fn translated() -> Vec<Field> {
        vec![
            Field::new("title", "admin-field-title", Input::Text(200)).required(),
            Field::new("body", "admin-field-body", Input::Markdown(20)).required(),
        ]
    }

    fn validate(v: &Values, e: &mut FieldErrors) {
        if v.trimmed("key").len() > 64 {
            e.add("key", "form-too-long");
        }
    }

    async fn load(db: &impl ConnectionTrait, id: i32) -> Result<Option<Values>, DbErr> {
        let Some(p) = page::Entity::find_by_id(id).one(db).await? else {
            return Ok(None);
        };
        let mut v = Values::default();
        v.set("key", p.key);
        v.set("source_lang", p.source_lang);
        Ok(Some(v))
    }

    async fn save(db: &impl ConnectionTrait, id: Option<i32>, v: &Values) -> Result<i32, DbErr> {
        let t = now();
        let mut m: page::ActiveModel = match id {
            Some(id) => page::Entity::find_by_id(id)
                .one(db)
                .await?
                .ok_or_else(|| DbErr::RecordNotFound(id.to_string()))?
                .into(),
            None => page::ActiveModel {
                created_at: Set(t),
                ..Default::default()
            },
        };
        m.key = Set(v.trimmed("key"));
        m.source_lang = Set(v.trimmed("source_lang"));
        m.updated_at = Set(t);
        Ok(m.save(db).await?.try_into_model()?.id)
    }

    async fn delete(db: &impl ConnectionTrait, id: i32) -> Result<(), DbErr> {
        page::Entity::delete_by_id(id).exec(db).await?;
        Ok(())
    }

    async fn list(
        db: &impl ConnectionTrait,
        q: &ListQuery,
        _locale: Locale,
    ) -> Result<(Vec<ListItem>, u64), DbErr> {
        super::list_rows::<Self>(db, &["t.key AS page_key"], q, |r| {
            vec![r.try_get::<String>("", "page_key").unwrap_or_default()]
        })
        .await
    }

    fn public_path(_slug: &str) -> Option<String> {
        Some("/about".to_owned())
    }
}
