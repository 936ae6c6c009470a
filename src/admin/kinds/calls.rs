//! Programme calls in the back office.

use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, Set, TryIntoModel};

use super::{Kind, ListItem, ListQuery};
use crate::accounts::Role;
use crate::admin::form::{self, Field, Input, Values};
use crate::admin::translation_store::TrTable;
use crate::config::centre_zone;
use crate::db::now;
use crate::entities::programme_call;
use crate::i18n::Locale;
use crate::web::forms::FieldErrors;

pub struct Calls;

const CALL_STATUSES: &[&str] = &["draft", "published"];

impl Kind for Calls {
    const NAME: &'static str = "calls";
    const TITLE: &'static str = "admin-nav-calls";
    const ITEM: &'static str = "admin-item-call";
    const ROLES: &'static [Role] = &[Role::Editor, Role::Reviewer];
    const TR: TrTable = TrTable {
        table: "call_translations",
        parent: "call_id",
        fields: &["title", "description"],
        headline: "title",
    };
    const COLUMNS: &'static [&'static str] = &["admin-col-cohort", "admin-col-closes"];
    const STATUSES: &'static [&'static str] = &[];
    const EXPIRES: bool = false;
    const SLUG: bool = false;
    const TABLE: &'static str = "programme_calls";

    fn shared() -> Vec<Field> {
        vec![
            Field::new("cohort_year", "admin-field-cohort", Input::Year).required(),
            Field::new("opens_at", "admin-field-opens-at", Input::DateTime)
                .required()
                .hint("admin-hint-centre-time"),
            Field::new("closes_at", "admin-field-closes-at", Input::DateTime).required(),
            Field::new("decisions_at", "admin-field-decisions-at", Input::DateTime),
            Field::new(
                "status",
                "admin-field-status",
                Input::Select(CALL_STATUSES, "admin-status"),
            )
            .required(),
        ]
    }

    fn translated() -> Vec<Field> {
        vec![
            Field::new("title", "admin-field-title", Input::Text(200)).required(),
            Field::new(
                "description",
                "admin-field-description",
                Input::Markdown(14),
            )
            .required(),
        ]
    }

    fn validate(v: &Values, e: &mut FieldErrors) {
        if let (Some(a), Some(b)) = (
            form::parse_local(v.get("opens_at"), centre_zone()),
            form::parse_local(v.get("closes_at"), centre_zone()),
        ) && b <= a
        {
            e.add("closes_at", "admin-error-closes-before-opens");
        }
    }

    async fn load(db: &impl ConnectionTrait, id: i32) -> Result<Option<Values>, DbErr> {
        let Some(c) = programme_call::Entity::find_by_id(id).one(db).await? else {
            return Ok(None);
        };
        let mut v = Values::default();
        v.set("cohort_year", c.cohort_year.to_string());
        v.set(
            "opens_at",
            form::local_input(Some(c.opens_at), centre_zone()),
        );
        v.set(
            "closes_at",
            form::local_input(Some(c.closes_at), centre_zone()),
        );
        v.set(
            "decisions_at",
            form::local_input(c.decisions_at, centre_zone()),
        );
        v.set("status", c.status);
        v.set("source_lang", c.source_lang);
        Ok(Some(v))
    }

    async fn save(db: &impl ConnectionTrait, id: Option<i32>, v: &Values) -> Result<i32, DbErr> {
        let t = now();
        let mut m: programme_call::ActiveModel = match id {
            Some(id) => programme_call::Entity::find_by_id(id)
                .one(db)
                .await?
                .ok_or_else(|| DbErr::RecordNotFound(id.to_string()))?
                .into(),
            None => programme_call::ActiveModel {
                created_at: Set(t),
                ..Default::default()
            },
        };
        m.cohort_year = Set(form::checked(v, "cohort_year")?);
        m.opens_at = Set(form::checked_local(v, "opens_at", centre_zone())?);
        m.closes_at = Set(form::checked_local(v, "closes_at", centre_zone())?);
        m.decisions_at = Set(form::parse_local(v.get("decisions_at"), centre_zone()));
        m.status = Set(v.trimmed("status"));
        m.source_lang = Set(v.trimmed("source_lang"));
        m.updated_at = Set(t);
        Ok(m.save(db).await?.try_into_model()?.id)
    }

    async fn delete(db: &impl ConnectionTrait, id: i32) -> Result<(), DbErr> {
        programme_call::Entity::delete_by_id(id).exec(db).await?;
        Ok(())
    }

    async fn in_use(db: &impl ConnectionTrait, id: i32) -> Result<bool, DbErr> {
        use crate::entities::application;
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
        Ok(application::Entity::find()
            .filter(application::Column::CallId.eq(id))
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
            &["t.cohort_year AS cohort_year", "t.closes_at AS closes_at"],
            q,
            |r| {
                vec![
                    r.try_get::<i32>("", "cohort_year")
                        .map(|n| n.to_string())
                        .unwrap_or_default(),
                    r.try_get::<chrono::DateTime<chrono::Utc>>("", "closes_at")
                        .map(|d| q.date_cell(&tr, &d))
                        .unwrap_or_default(),
                ]
            },
        )
        .await
    }
}
