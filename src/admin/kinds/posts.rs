//! Host posts of programme calls in the back office.

use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, Set, TryIntoModel};

use super::{Kind, ListItem, ListQuery};
use crate::accounts::Role;
use crate::admin::form::{self, Choices, Field, Input, Values};
use crate::admin::translation_store::TrTable;
use crate::db::now;
use crate::entities::host_post;
use crate::i18n::Locale;
use crate::taxonomy::FIELDS;

pub struct Posts;

impl Kind for Posts {
    const NAME: &'static str = "posts";
    const TITLE: &'static str = "admin-nav-posts";
    const ITEM: &'static str = "admin-item-post";
    const ROLES: &'static [Role] = &[Role::Editor, Role::Reviewer];
    const TR: TrTable = TrTable {
        table: "host_post_translations",
        parent: "host_post_id",
        fields: &["institution", "lab", "description"],
        headline: "institution",
    };
    const COLUMNS: &'static [&'static str] = &["admin-col-field", "admin-col-supervisor"];
    const STATUSES: &'static [&'static str] = &[];
    const EXPIRES: bool = false;
    const SLUG: bool = false;
    const TABLE: &'static str = "host_posts";
    const LIST_FILTERS: &'static [&'static str] = &["field"];

    fn shared() -> Vec<Field> {
        vec![
            Field::new("call", "admin-field-call", Input::Choice(Choices::Calls)).required(),
            Field::new("field", "admin-field-field", Input::Select(FIELDS, "field")).required(),
            Field::new("supervisor", "admin-field-supervisor", Input::Text(160)).required(),
            Field::new(
                "duration_months",
                "admin-field-duration",
                Input::Number(6, 12),
            )
            .required(),
            Field::new("position", "admin-field-position", Input::Number(0, 999)),
        ]
    }

    fn translated() -> Vec<Field> {
        vec![
            Field::new("institution", "admin-field-institution", Input::Text(200)).required(),
            Field::new("lab", "admin-field-lab", Input::Text(200)).required(),
            Field::new("description", "admin-field-description", Input::Area(4)),
        ]
    }

    fn choices() -> &'static [Choices] {
        &[Choices::Calls]
    }

    async fn load(db: &impl ConnectionTrait, id: i32) -> Result<Option<Values>, DbErr> {
        let Some(p) = host_post::Entity::find_by_id(id).one(db).await? else {
            return Ok(None);
        };
        let mut v = Values::default();
        v.set("call", p.call_id.to_string());
        v.set("field", p.field);
        v.set("supervisor", p.supervisor);
        v.set("duration_months", p.duration_months.to_string());
        v.set("position", p.position.to_string());
        v.set("source_lang", p.source_lang);
        Ok(Some(v))
    }

    async fn save(db: &impl ConnectionTrait, id: Option<i32>, v: &Values) -> Result<i32, DbErr> {
        let t = now();
        let mut m: host_post::ActiveModel = match id {
            Some(id) => host_post::Entity::find_by_id(id)
                .one(db)
                .await?
                .ok_or_else(|| DbErr::RecordNotFound(id.to_string()))?
                .into(),
            None => host_post::ActiveModel {
                created_at: Set(t),
                ..Default::default()
            },
        };
        m.call_id = Set(form::checked(v, "call")?);
        m.field = Set(v.trimmed("field"));
        m.supervisor = Set(v.trimmed("supervisor"));
        m.duration_months = Set(form::checked(v, "duration_months")?);
        // An empty position (optional) sorts first.
        m.position = Set(form::checked_optional(v, "position")?.unwrap_or(0));
        m.source_lang = Set(v.trimmed("source_lang"));
        m.updated_at = Set(t);
        Ok(m.save(db).await?.try_into_model()?.id)
    }

    async fn delete(db: &impl ConnectionTrait, id: i32) -> Result<(), DbErr> {
        host_post::Entity::delete_by_id(id).exec(db).await?;
        Ok(())
    }

    async fn in_use(db: &impl ConnectionTrait, id: i32) -> Result<bool, DbErr> {
        use crate::entities::application;
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
        Ok(application::Entity::find()
            .filter(application::Column::HostPostId.eq(id))
            .count(db)
            .await?
            > 0)
    }

    async fn list(
        db: &impl ConnectionTrait,
        q: &ListQuery,
        locale: Locale,
    ) -> Result<(Vec<ListItem>, u64), DbErr> {
        let tr = crate::web::Translator { locale };
        super::list_rows::<Self>(
            db,
            &["t.field AS field", "t.supervisor AS supervisor"],
            q,
            |r| {
                vec![
                    tr.code(
                        "field",
                        &r.try_get::<String>("", "field").unwrap_or_default(),
                    ),
                    r.try_get::<String>("", "supervisor").unwrap_or_default(),
                ]
            },
        )
        .await
    }
}
