//! Programme fellows in the back office.

use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, Set, TryIntoModel};

use super::{Kind, ListItem, ListQuery, publication_of, publication_values};
use crate::accounts::Role;
use crate::admin::form::{self, Choices, Field, Input, Values};
use crate::admin::translation_store::TrTable;
use crate::db::now;
use crate::entities::fellow;
use crate::i18n::Locale;
use crate::taxonomy::{ASEAN, FIELDS};

pub struct Fellows;

impl Kind for Fellows {
    const NAME: &'static str = "fellows";
    const TITLE: &'static str = "admin-nav-fellows";
    const ITEM: &'static str = "admin-item-fellow";
    const ROLES: &'static [Role] = &[Role::Editor];
    const TR: TrTable = TrTable {
        table: "fellow_translations",
        parent: "fellow_id",
        fields: &["home_institution", "host_institution", "research", "bio"],
        headline: "research",
    };
    const COLUMNS: &'static [&'static str] =
        &["admin-col-name", "admin-col-country", "admin-col-cohort"];
    const STATUSES: &'static [&'static str] = &["draft", "published"];
    const EXPIRES: bool = false;
    const SLUG: bool = true;
    const TABLE: &'static str = "fellows";
    const LIST_FILTERS: &'static [&'static str] = &["country", "field"];

    fn shared() -> Vec<Field> {
        vec![
            Field::new("name", "admin-field-name-latin", Input::Text(160)).required(),
            Field::new("name_zh", "admin-field-name-zh", Input::Text(64)),
            Field::new("slug", "admin-field-slug", Input::Slug).hint("admin-hint-slug"),
            Field::new(
                "country",
                "admin-field-country",
                Input::Select(ASEAN, "country"),
            )
            .required(),
            Field::new("cohort_year", "admin-field-cohort", Input::Year).required(),
            Field::new("field", "admin-field-field", Input::Select(FIELDS, "field")).required(),
            Field::new("photo", "admin-field-photo", Input::Choice(Choices::Media)),
        ]
    }

    fn translated() -> Vec<Field> {
        vec![
            Field::new("research", "admin-field-research", Input::Text(200)).required(),
            Field::new(
                "home_institution",
                "admin-field-home-institution",
                Input::Text(200),
            )
            .required(),
            Field::new(
                "host_institution",
                "admin-field-host-institution",
                Input::Text(200),
            )
            .required(),
            Field::new("bio", "admin-field-bio", Input::Markdown(8)),
        ]
    }

    fn choices() -> &'static [Choices] {
        &[Choices::Media]
    }

    async fn load(db: &impl ConnectionTrait, id: i32) -> Result<Option<Values>, DbErr> {
        let Some(f) = fellow::Entity::find_by_id(id).one(db).await? else {
            return Ok(None);
        };
        let mut v = Values::default();
        v.set("name", f.name);
        v.set("name_zh", f.name_zh);
        v.set("slug", f.slug);
        v.set("country", f.country);
        v.set("cohort_year", f.cohort_year.to_string());
        v.set("field", f.field);
        v.set(
            "photo",
            f.photo_id.map(|c| c.to_string()).unwrap_or_default(),
        );
        v.set("source_lang", f.source_lang);
        publication_values(&mut v, &f.status, f.publish_at, f.expires_at);
        Ok(Some(v))
    }

    async fn save(db: &impl ConnectionTrait, id: Option<i32>, v: &Values) -> Result<i32, DbErr> {
        let t = now();
        let (status, publish_at, _) = publication_of(v);
        let mut m: fellow::ActiveModel = match id {
            Some(id) => fellow::Entity::find_by_id(id)
                .one(db)
                .await?
                .ok_or_else(|| DbErr::RecordNotFound(id.to_string()))?
                .into(),
            None => fellow::ActiveModel {
                created_at: Set(t),
                expires_at: Set(None),
                ..Default::default()
            },
        };
        m.name = Set(v.trimmed("name"));
        m.name_zh = Set(v.trimmed("name_zh"));
        m.slug = Set(v.trimmed("slug"));
        m.country = Set(v.trimmed("country"));
        m.cohort_year = Set(form::checked(v, "cohort_year")?);
        m.field = Set(v.trimmed("field"));
        m.photo_id = Set(v.get("photo").parse().ok());
        m.status = Set(status);
        m.publish_at = Set(publish_at);
        m.source_lang = Set(v.trimmed("source_lang"));
        m.updated_at = Set(t);
        Ok(m.save(db).await?.try_into_model()?.id)
    }

    async fn delete(db: &impl ConnectionTrait, id: i32) -> Result<(), DbErr> {
        fellow::Entity::delete_by_id(id).exec(db).await?;
        Ok(())
    }

    async fn list(
        db: &impl ConnectionTrait,
        q: &ListQuery,
        locale: Locale,
    ) -> Result<(Vec<ListItem>, u64), DbErr> {
        let tr = crate::web::Translator { locale };
        super::list_rows::<Self>(
            db,
            &[
                "t.name AS name",
                "t.country AS country",
                "t.cohort_year AS cohort_year",
            ],
            q,
            |r| {
                vec![
                    r.try_get::<String>("", "name").unwrap_or_default(),
                    tr.code(
                        "country",
                        &r.try_get::<String>("", "country").unwrap_or_default(),
                    ),
                    r.try_get::<i32>("", "cohort_year")
                        .map(|n| n.to_string())
                        .unwrap_or_default(),
                ]
            },
        )
        .await
    }

    fn public_path(slug: &str) -> Option<String> {
        Some(format!("/programme/fellows/{slug}"))
    }
}
