//! Technology needs in the back office: moderation of what visitors post.

use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, Set, TryIntoModel};

use super::{Kind, ListItem, ListQuery, publication_of, publication_values};
use crate::accounts::Role;
use crate::admin::form::{Field, Input, Values};
use crate::admin::translation_store::TrTable;
use crate::db::now;
use crate::entities::need;
use crate::i18n::Locale;
use crate::taxonomy::{ASEAN, FIELDS};

pub struct Needs;

impl Kind for Needs {
    const NAME: &'static str = "needs";
    const TITLE: &'static str = "admin-nav-needs";
    const ITEM: &'static str = "admin-item-need";
    const ROLES: &'static [Role] = &[Role::Editor];
    const TR: TrTable = TrTable {
        table: "need_translations",
        parent: "need_id",
        fields: &["title", "description"],
        headline: "title",
    };
    const COLUMNS: &'static [&'static str] = &["admin-col-country", "admin-col-organisation"];
    const STATUSES: &'static [&'static str] = &["pending", "published", "rejected"];
    const EXPIRES: bool = true;
    const SLUG: bool = true;
    const TABLE: &'static str = "needs";
    const LIST_FILTERS: &'static [&'static str] = &["field", "country"];

    fn shared() -> Vec<Field> {
        vec![
            Field::new("slug", "admin-field-slug", Input::Slug).hint("admin-hint-slug"),
            Field::new("field", "admin-field-field", Input::Select(FIELDS, "field")).required(),
            Field::new(
                "country",
                "admin-field-country",
                Input::Select(ASEAN, "country"),
            )
            .required(),
            Field::new("organisation", "admin-field-organisation", Input::Text(200)).required(),
            Field::new("contact_name", "admin-field-contact-name", Input::Text(160)).required(),
            Field::new("contact_email", "admin-field-contact-email", Input::Email).required(),
        ]
    }

    fn translated() -> Vec<Field> {
        vec![
            Field::new("title", "admin-field-title", Input::Text(160)).required(),
            Field::new(
                "description",
                "admin-field-description",
                Input::Markdown(10),
            )
            .required(),
        ]
    }

    async fn load(db: &impl ConnectionTrait, id: i32) -> Result<Option<Values>, DbErr> {
        let Some(n) = need::Entity::find_by_id(id).one(db).await? else {
            return Ok(None);
        };
        let mut v = Values::default();
        v.set("slug", n.slug);
        v.set("field", n.field);
        v.set("country", n.country);
        v.set("organisation", n.organisation);
        v.set("contact_name", n.contact_name);
        v.set("contact_email", n.contact_email);
        v.set("source_lang", n.source_lang);
        publication_values(&mut v, &n.status, n.publish_at, n.expires_at);
        Ok(Some(v))
    }

    async fn save(db: &impl ConnectionTrait, id: Option<i32>, v: &Values) -> Result<i32, DbErr> {
        let t = now();
        let (status, publish_at, expires_at) = publication_of(v);
        let mut m: need::ActiveModel = match id {
            Some(id) => need::Entity::find_by_id(id)
                .one(db)
                .await?
                .ok_or_else(|| DbErr::RecordNotFound(id.to_string()))?
                .into(),
            None => need::ActiveModel {
                created_at: Set(t),
                ip_hash: Set(None),
                ..Default::default()
            },
        };
        m.slug = Set(v.trimmed("slug"));
        m.field = Set(v.trimmed("field"));
        m.country = Set(v.trimmed("country"));
        m.organisation = Set(v.trimmed("organisation"));
        m.contact_name = Set(v.trimmed("contact_name"));
        m.contact_email = Set(v.trimmed("contact_email"));
        m.status = Set(status);
        m.publish_at = Set(publish_at);
        m.expires_at = Set(expires_at);
        m.source_lang = Set(v.trimmed("source_lang"));
        m.updated_at = Set(t);
        Ok(m.save(db).await?.try_into_model()?.id)
    }

    async fn delete(db: &impl ConnectionTrait, id: i32) -> Result<(), DbErr> {
        need::Entity::delete_by_id(id).exec(db).await?;
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
            &["t.country AS country", "t.organisation AS organisation"],
            q,
            |r| {
                vec![
                    tr.code(
                        "country",
                        &r.try_get::<String>("", "country").unwrap_or_default(),
                    ),
                    r.try_get::<String>("", "organisation").unwrap_or_default(),
                ]
            },
        )
        .await
    }

    fn public_path(slug: &str) -> Option<String> {
        Some(format!("/needs/{slug}"))
    }
    const PREVIEW: bool = true;
    async fn preview(
        ctx: &crate::web::Ctx,
        id: i32,
        back: String,
    ) -> Result<Option<String>, crate::error::AppError> {
        let t = crate::needs::preview_page(ctx, id).await?;
        super::preview_html(t, |t| &mut t.page, back)
    }
}
