//! Technologies in the back office.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set, TryIntoModel,
};

use super::{Kind, ListItem, ListQuery, publication_of, publication_values};
use crate::accounts::Role;
use crate::admin::form::{self, Choices, Field, Input, Values};
use crate::admin::translation_store::TrTable;
use crate::db::now;
use crate::entities::{technology, technology_image};
use crate::i18n::Locale;
use crate::taxonomy::{self, ASEAN, FIELDS, IP_STATUSES, MODES, PROVINCES};

pub struct Technologies;

impl Kind for Technologies {
    const NAME: &'static str = "technologies";
    const TITLE: &'static str = "admin-nav-technologies";
    const ITEM: &'static str = "admin-item-technology";
    const ROLES: &'static [Role] = &[Role::Editor];
    const TR: TrTable = TrTable {
        table: "technology_translations",
        parent: "technology_id",
        fields: &["title", "summary", "description", "scenarios", "provider"],
        headline: "title",
    };
    const COLUMNS: &'static [&'static str] = &["admin-col-field", "admin-col-trl"];
    const STATUSES: &'static [&'static str] = &["draft", "published"];
    const EXPIRES: bool = true;
    const SLUG: bool = true;
    const TABLE: &'static str = "technologies";
    const LIST_FILTERS: &'static [&'static str] = &["field"];

    fn shared() -> Vec<Field> {
        vec![
            Field::new("slug", "admin-field-slug", Input::Slug).hint("admin-hint-slug"),
            Field::new("field", "admin-field-field", Input::Select(FIELDS, "field")).required(),
            Field::new("trl", "admin-field-trl", Input::Number(1, 9))
                .required()
                .hint("admin-hint-trl"),
            Field::new(
                "ip_status",
                "admin-field-ip",
                Input::Select(IP_STATUSES, "ip"),
            )
            .required(),
            Field::new("modes", "admin-field-modes", Input::Checks(MODES, "mode")).required(),
            Field::new(
                "countries",
                "admin-field-countries",
                Input::Checks(ASEAN, "country"),
            )
            .required(),
            Field::new(
                "province",
                "admin-field-province",
                Input::Select(PROVINCES, "province"),
            )
            .required(),
            Field::new("contact_name", "admin-field-contact-name", Input::Text(160)).required(),
            Field::new("contact_email", "admin-field-contact-email", Input::Email).required(),
            Field::new(
                "contact_phone",
                "admin-field-contact-phone",
                Input::Text(64),
            ),
            Field::new("contact_lang", "admin-field-contact-lang", Input::Text(16))
                .hint("admin-hint-contact-lang"),
            Field::new("via_centre", "admin-field-via-centre", Input::Check)
                .hint("admin-hint-via-centre"),
            Field::new("website", "admin-field-website", Input::Url),
            Field::new(
                "images",
                "admin-field-images",
                Input::ChoiceMulti(Choices::Media),
            )
            .hint("admin-hint-images"),
            Field::new("featured", "admin-field-featured", Input::Check),
        ]
    }

    fn translated() -> Vec<Field> {
        vec![
            Field::new("title", "admin-field-title", Input::Text(160)).required(),
            Field::new("summary", "admin-field-summary", Input::Area(3)).required(),
            Field::new(
                "description",
                "admin-field-description",
                Input::Markdown(12),
            )
            .required(),
            Field::new("scenarios", "admin-field-scenarios", Input::Markdown(6)),
            Field::new("provider", "admin-field-provider", Input::Text(200)).required(),
        ]
    }

    /// The contact's language must be one the portal writes mail in.
    fn validate(v: &Values, e: &mut crate::web::forms::FieldErrors) {
        if !v.get("contact_lang").trim().is_empty()
            && Locale::from_tag(v.get("contact_lang").trim()).is_none()
        {
            e.add("contact_lang", "form-choose");
        }
    }

    fn choices() -> &'static [Choices] {
        &[Choices::Media]
    }

    async fn load(db: &impl ConnectionTrait, id: i32) -> Result<Option<Values>, DbErr> {
        let Some(t) = technology::Entity::find_by_id(id).one(db).await? else {
            return Ok(None);
        };
        let mut v = Values::default();
        v.set("slug", t.slug);
        v.set("field", t.field);
        v.set("trl", t.trl.to_string());
        v.set("ip_status", t.ip_status);
        for m in taxonomy::unmask(MODES, t.coop_modes) {
            v.push("modes", m);
        }
        for c in taxonomy::unmask(ASEAN, t.countries) {
            v.push("countries", c);
        }
        v.set("province", t.province);
        v.set("contact_name", t.contact_name);
        v.set("contact_email", t.contact_email);
        v.set("contact_phone", t.contact_phone);
        v.set("website", t.website);
        v.set("contact_lang", t.contact_lang);
        if t.via_centre {
            v.set("via_centre", "on");
        }
        if t.featured {
            v.set("featured", "on");
        }
        let images = technology_image::Entity::find()
            .filter(technology_image::Column::TechnologyId.eq(id))
            .order_by_asc(technology_image::Column::Position)
            .all(db)
            .await?;
        for i in images {
            v.push("images", i.media_id.to_string());
        }
        v.set("source_lang", t.source_lang);
        publication_values(&mut v, &t.status, t.publish_at, t.expires_at);
        Ok(Some(v))
    }

    async fn save(db: &impl ConnectionTrait, id: Option<i32>, v: &Values) -> Result<i32, DbErr> {
        let t = now();
        let (status, publish_at, expires_at) = publication_of(v);
        let mut m = match id {
            Some(id) => technology::Entity::find_by_id(id)
                .one(db)
                .await?
                .ok_or_else(|| DbErr::RecordNotFound(id.to_string()))?
                .into(),
            None => technology::ActiveModel {
                created_at: Set(t),
                ..Default::default()
            },
        };
        m.slug = Set(v.trimmed("slug"));
        m.field = Set(v.trimmed("field"));
        m.trl = Set(form::checked(v, "trl")?);
        m.ip_status = Set(v.trimmed("ip_status"));
        m.coop_modes = Set(taxonomy::mask(MODES, v.all("modes")));
        m.countries = Set(taxonomy::mask(ASEAN, v.all("countries")));
        m.province = Set(v.trimmed("province"));
        m.featured = Set(v.has("featured"));
        m.contact_name = Set(v.trimmed("contact_name"));
        m.contact_email = Set(v.trimmed("contact_email"));
        m.contact_phone = Set(v.trimmed("contact_phone"));
        m.website = Set(v.trimmed("website"));
        m.contact_lang = Set(Locale::from_tag(v.get("contact_lang").trim())
            .map_or_else(|| v.trimmed("source_lang"), |l| l.tag().to_owned()));
        m.via_centre = Set(v.has("via_centre"));
        m.status = Set(status);
        m.publish_at = Set(publish_at);
        m.expires_at = Set(expires_at);
        m.source_lang = Set(v.trimmed("source_lang"));
        m.updated_at = Set(t);
        // Only a spreadsheet import gives the provider's reference; the edit
        // form has no such field and leaves a stored one as it is.
        if v.has("provider_ref") {
            m.provider_ref = Set(Some(v.trimmed("provider_ref")).filter(|r| !r.is_empty()));
        }
        let id = m.save(db).await?.try_into_model()?.id;
        technology_image::Entity::delete_many()
            .filter(technology_image::Column::TechnologyId.eq(id))
            .exec(db)
            .await?;
        for (pos, media) in v
            .all("images")
            .iter()
            .filter_map(|m| m.parse::<i32>().ok())
            .enumerate()
        {
            technology_image::ActiveModel {
                technology_id: Set(id),
                media_id: Set(media),
                position: Set(i32::try_from(pos).unwrap_or(0)),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
        Ok(id)
    }

    async fn delete(db: &impl ConnectionTrait, id: i32) -> Result<(), DbErr> {
        super::unindex(db, crate::search::index::TECHNOLOGY, id).await?;
        technology::Entity::delete_by_id(id).exec(db).await?;
        Ok(())
    }

    async fn reindex(db: &impl ConnectionTrait, id: i32) -> Result<(), DbErr> {
        crate::catalog::store::reindex(db, id).await
    }

    async fn list(
        db: &impl ConnectionTrait,
        q: &ListQuery,
        locale: Locale,
    ) -> Result<(Vec<ListItem>, u64), DbErr> {
        let tr = crate::web::Translator { locale };
        super::list_rows::<Self>(db, &["t.field AS field", "t.trl AS trl"], q, |r| {
            vec![
                tr.code(
                    "field",
                    &r.try_get::<String>("", "field").unwrap_or_default(),
                ),
                r.try_get::<i16>("", "trl")
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
            ]
        })
        .await
    }

    fn public_path(slug: &str) -> Option<String> {
        Some(format!("/technologies/{slug}"))
    }
    const PREVIEW: bool = true;
    async fn preview(
        ctx: &crate::web::Ctx,
        id: i32,
        back: String,
    ) -> Result<Option<String>, crate::error::AppError> {
        let t = crate::catalog::preview_page(ctx, id).await?;
        super::preview_html(t, |t| &mut t.page, back)
    }
}
