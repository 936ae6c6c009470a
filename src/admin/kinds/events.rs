//! Events in the back office. Times are entered in the event's own zone.

use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, Set, TryIntoModel};

use super::{Kind, ListItem, ListQuery, publication_of, publication_values};
use crate::accounts::Role;
use crate::admin::form::{self, Choices, Field, Input, Values};
use crate::admin::translation_store::TrTable;
use crate::db::now;
use crate::entities::event;
use crate::i18n::Locale;
use crate::taxonomy::{EVENT_COUNTRIES, EVENT_KINDS};
use crate::web::forms::FieldErrors;

pub struct Events;

impl Kind for Events {
    const NAME: &'static str = "events";
    const TITLE: &'static str = "admin-nav-events";
    const ITEM: &'static str = "admin-item-event";
    const ROLES: &'static [Role] = &[Role::Editor];
    const TR: TrTable = TrTable {
        table: "event_translations",
        parent: "event_id",
        fields: &["title", "summary", "body", "venue", "city"],
        headline: "title",
    };
    const COLUMNS: &'static [&'static str] = &["admin-col-kind", "admin-col-starts"];
    const STATUSES: &'static [&'static str] = &["draft", "published"];
    const EXPIRES: bool = false;
    const SLUG: bool = true;
    const TABLE: &'static str = "events";
    const LIST_FILTERS: &'static [&'static str] = &["kind", "country"];

    fn shared() -> Vec<Field> {
        vec![
            Field::new("slug", "admin-field-slug", Input::Slug).hint("admin-hint-slug"),
            Field::new(
                "kind",
                "admin-field-kind",
                Input::Select(EVENT_KINDS, "event-kind"),
            )
            .required(),
            Field::new("timezone", "admin-field-timezone", Input::TimeZone)
                .required()
                .hint("admin-hint-timezone"),
            Field::new("starts_at", "admin-field-starts-at", Input::DateTime)
                .required()
                .hint("admin-hint-event-time"),
            Field::new("ends_at", "admin-field-ends-at", Input::DateTime).required(),
            Field::new(
                "country",
                "admin-field-country",
                Input::Select(EVENT_COUNTRIES, "country"),
            )
            .required(),
            Field::new(
                "registration_url",
                "admin-field-registration-url",
                Input::Url,
            ),
            Field::new(
                "registration_closes_at",
                "admin-field-registration-closes",
                Input::DateTime,
            ),
            Field::new("cover", "admin-field-cover", Input::Choice(Choices::Media)),
        ]
    }

    fn translated() -> Vec<Field> {
        vec![
            Field::new("title", "admin-field-title", Input::Text(160)).required(),
            Field::new("summary", "admin-field-summary", Input::Area(3)).required(),
            Field::new("body", "admin-field-body", Input::Markdown(12)).required(),
            Field::new("venue", "admin-field-venue", Input::Text(200)).required(),
            Field::new("city", "admin-field-city", Input::Text(100)).required(),
        ]
    }

    fn choices() -> &'static [Choices] {
        &[Choices::Media]
    }

    fn validate(v: &Values, e: &mut FieldErrors) {
        let zone = form::form_zone(v);
        if let (Some(a), Some(b)) = (
            form::parse_local(v.get("starts_at"), zone),
            form::parse_local(v.get("ends_at"), zone),
        ) && b < a
        {
            e.add("ends_at", "admin-error-ends-before-starts");
        }
    }

    async fn load(db: &impl ConnectionTrait, id: i32) -> Result<Option<Values>, DbErr> {
        let Some(x) = event::Entity::find_by_id(id).one(db).await? else {
            return Ok(None);
        };
        let tz = crate::events::tz_of(&x);
        let mut v = Values::default();
        v.set("slug", x.slug);
        v.set("kind", x.kind);
        v.set("timezone", x.timezone);
        v.set("starts_at", form::local_input(Some(x.starts_at), tz));
        v.set("ends_at", form::local_input(Some(x.ends_at), tz));
        v.set("country", x.country);
        v.set("registration_url", x.registration_url);
        v.set(
            "registration_closes_at",
            form::local_input(x.registration_closes_at, tz),
        );
        v.set(
            "cover",
            x.cover_id.map(|c| c.to_string()).unwrap_or_default(),
        );
        v.set("source_lang", x.source_lang);
        publication_values(&mut v, &x.status, x.publish_at, x.expires_at);
        Ok(Some(v))
    }

    async fn save(db: &impl ConnectionTrait, id: Option<i32>, v: &Values) -> Result<i32, DbErr> {
        let t = now();
        let zone = form::form_zone(v);
        let (status, publish_at, _) = publication_of(v);
        let mut m: event::ActiveModel = match id {
            Some(id) => event::Entity::find_by_id(id)
                .one(db)
                .await?
                .ok_or_else(|| DbErr::RecordNotFound(id.to_string()))?
                .into(),
            None => event::ActiveModel {
                created_at: Set(t),
                expires_at: Set(None),
                ..Default::default()
            },
        };
        m.slug = Set(v.trimmed("slug"));
        m.kind = Set(v.trimmed("kind"));
        m.timezone = Set(v.trimmed("timezone"));
        m.starts_at = Set(form::checked_local(v, "starts_at", zone)?);
        m.ends_at = Set(form::checked_local(v, "ends_at", zone)?);
        m.country = Set(v.trimmed("country"));
        m.registration_url = Set(v.trimmed("registration_url"));
        m.registration_closes_at = Set(form::parse_local(v.get("registration_closes_at"), zone));
        m.cover_id = Set(v.get("cover").parse().ok());
        m.status = Set(status);
        m.publish_at = Set(publish_at);
        m.source_lang = Set(v.trimmed("source_lang"));
        m.updated_at = Set(t);
        Ok(m.save(db).await?.try_into_model()?.id)
    }

    async fn delete(db: &impl ConnectionTrait, id: i32) -> Result<(), DbErr> {
        event::Entity::delete_by_id(id).exec(db).await?;
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
            &["t.kind AS kind", "t.starts_at AS starts_at"],
            q,
            |r| {
                vec![
                    tr.code(
                        "event-kind",
                        &r.try_get::<String>("", "kind").unwrap_or_default(),
                    ),
                    r.try_get::<chrono::DateTime<chrono::Utc>>("", "starts_at")
                        .map(|d| q.date_cell(&tr, &d))
                        .unwrap_or_default(),
                ]
            },
        )
        .await
    }

    fn public_path(slug: &str) -> Option<String> {
        Some(format!("/events/{slug}"))
    }
    const PREVIEW: bool = true;
    async fn preview(
        ctx: &crate::web::Ctx,
        id: i32,
        back: String,
    ) -> Result<Option<String>, crate::error::AppError> {
        let t = crate::events::preview_page(ctx, id).await?;
        super::preview_html(t, |t| &mut t.page, back)
    }
}
