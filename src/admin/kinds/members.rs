//! Network members and partners in the back office.

use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, Set, TryIntoModel};

use super::{Kind, ListItem, ListQuery};
use crate::accounts::Role;
use crate::admin::form::{self, Field, Input, Values};
use crate::admin::translation_store::TrTable;
use crate::db::now;
use crate::entities::network_member;
use crate::i18n::Locale;
use crate::taxonomy::{EVENT_COUNTRIES, MEMBER_KINDS};

pub struct Members;

impl Kind for Members {
    const NAME: &'static str = "members";
    const TITLE: &'static str = "admin-nav-members";
    const ITEM: &'static str = "admin-item-member";
    const ROLES: &'static [Role] = &[Role::Editor];
    const TR: TrTable = TrTable {
        table: "network_member_translations",
        parent: "member_id",
        fields: &["name", "description"],
        headline: "name",
    };
    const COLUMNS: &'static [&'static str] = &["admin-col-kind", "admin-col-country"];
    const STATUSES: &'static [&'static str] = &[];
    const EXPIRES: bool = false;
    const SLUG: bool = false;
    const TABLE: &'static str = "network_members";
    const LIST_FILTERS: &'static [&'static str] = &["kind", "country"];

    fn shared() -> Vec<Field> {
        vec![
            Field::new(
                "kind",
                "admin-field-member-kind",
                Input::Select(MEMBER_KINDS, "member-kind"),
            )
            .required(),
            Field::new(
                "country",
                "admin-field-country",
                Input::Select(EVENT_COUNTRIES, "country"),
            )
            .required(),
            Field::new("website", "admin-field-website", Input::Url),
            Field::new("position", "admin-field-position", Input::Number(0, 999)),
        ]
    }

    fn translated() -> Vec<Field> {
        vec![
            Field::new("name", "admin-field-member-name", Input::Text(200)).required(),
            Field::new("description", "admin-field-description", Input::Area(3)),
        ]
    }

    async fn load(db: &impl ConnectionTrait, id: i32) -> Result<Option<Values>, DbErr> {
        let Some(m) = network_member::Entity::find_by_id(id).one(db).await? else {
            return Ok(None);
        };
        let mut v = Values::default();
        v.set("kind", m.kind);
        v.set("country", m.country);
        v.set("website", m.website);
        v.set("position", m.position.to_string());
        v.set("source_lang", m.source_lang);
        Ok(Some(v))
    }

    async fn save(db: &impl ConnectionTrait, id: Option<i32>, v: &Values) -> Result<i32, DbErr> {
        let t = now();
        let mut m: network_member::ActiveModel = match id {
            Some(id) => network_member::Entity::find_by_id(id)
                .one(db)
                .await?
                .ok_or_else(|| DbErr::RecordNotFound(id.to_string()))?
                .into(),
            None => network_member::ActiveModel {
                created_at: Set(t),
                ..Default::default()
            },
        };
        m.kind = Set(v.trimmed("kind"));
        m.country = Set(v.trimmed("country"));
        m.website = Set(v.trimmed("website"));
        // An empty position (optional) sorts first.
        m.position = Set(form::checked_optional(v, "position")?.unwrap_or(0));
        m.source_lang = Set(v.trimmed("source_lang"));
        m.updated_at = Set(t);
        Ok(m.save(db).await?.try_into_model()?.id)
    }

    async fn delete(db: &impl ConnectionTrait, id: i32) -> Result<(), DbErr> {
        network_member::Entity::delete_by_id(id).exec(db).await?;
        Ok(())
    }

    async fn list(
        db: &impl ConnectionTrait,
        q: &ListQuery,
        locale: Locale,
    ) -> Result<(Vec<ListItem>, u64), DbErr> {
        let tr = crate::web::Translator { locale };
        super::list_rows::<Self>(db, &["t.kind AS kind", "t.country AS country"], q, |r| {
            vec![
                tr.code(
                    "member-kind",
                    &r.try_get::<String>("", "kind").unwrap_or_default(),
                ),
                tr.code(
                    "country",
                    &r.try_get::<String>("", "country").unwrap_or_default(),
                ),
            ]
        })
        .await
    }
}
