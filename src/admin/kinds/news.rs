//! News in the back office.

use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, Set, TryIntoModel};

use super::{Kind, ListItem, ListQuery, publication_of, publication_values};
use crate::accounts::Role;
use crate::admin::form::{Choices, Field, Input, Values};
use crate::admin::translation_store::TrTable;
use crate::db::now;
use crate::entities::news;
use crate::i18n::Locale;

pub struct News;

impl Kind for News {
    const NAME: &'static str = "news";
    const TITLE: &'static str = "admin-nav-news";
    const ITEM: &'static str = "admin-item-news";
    const ROLES: &'static [Role] = &[Role::Editor];
    const TR: TrTable = TrTable {
        table: "news_translations",
        parent: "news_id",
        fields: &["title", "summary", "body"],
        headline: "title",
    };
    const COLUMNS: &'static [&'static str] = &["admin-col-published"];
    const STATUSES: &'static [&'static str] = &["draft", "published"];
    const EXPIRES: bool = false;
    const SLUG: bool = true;
    const TABLE: &'static str = "news";

    fn shared() -> Vec<Field> {
        vec![
            Field::new("slug", "admin-field-slug", Input::Slug).hint("admin-hint-slug"),
            Field::new("cover", "admin-field-cover", Input::Choice(Choices::Media)),
            Field::new("event", "admin-field-event", Input::Choice(Choices::Events)),
        ]
    }

    fn translated() -> Vec<Field> {
        vec![
            Field::new("title", "admin-field-title", Input::Text(200)).required(),
            Field::new("summary", "admin-field-summary", Input::Area(3)).required(),
            Field::new("body", "admin-field-body", Input::Markdown(16)).required(),
        ]
    }

    fn choices() -> &'static [Choices] {
        &[Choices::Media, Choices::Events]
    }

    async fn load(db: &impl ConnectionTrait, id: i32) -> Result<Option<Values>, DbErr> {
        let Some(n) = news::Entity::find_by_id(id).one(db).await? else {
            return Ok(None);
        };
        let mut v = Values::default();
        v.set("slug", n.slug);
        v.set(
            "cover",
            n.cover_id.map(|c| c.to_string()).unwrap_or_default(),
        );
        v.set(
            "event",
            n.event_id.map(|c| c.to_string()).unwrap_or_default(),
        );
        v.set("source_lang", n.source_lang);
        publication_values(&mut v, &n.status, n.publish_at, n.expires_at);
        Ok(Some(v))
    }

    async fn save(db: &impl ConnectionTrait, id: Option<i32>, v: &Values) -> Result<i32, DbErr> {
        let t = now();
        let (status, publish_at, _) = publication_of(v);
        let mut m: news::ActiveModel = match id {
            Some(id) => news::Entity::find_by_id(id)
                .one(db)
                .await?
                .ok_or_else(|| DbErr::RecordNotFound(id.to_string()))?
                .into(),
            None => news::ActiveModel {
                created_at: Set(t),
                expires_at: Set(None),
                ..Default::default()
            },
        };
        m.slug = Set(v.trimmed("slug"));
        m.cover_id = Set(v.get("cover").parse().ok());
        m.event_id = Set(v.get("event").parse().ok());
        m.status = Set(status);
        m.publish_at = Set(publish_at);
        m.source_lang = Set(v.trimmed("source_lang"));
        m.updated_at = Set(t);
        Ok(m.save(db).await?.try_into_model()?.id)
    }

    async fn delete(db: &impl ConnectionTrait, id: i32) -> Result<(), DbErr> {
        news::Entity::delete_by_id(id).exec(db).await?;
        Ok(())
    }

    async fn list(
        db: &impl ConnectionTrait,
        q: &ListQuery,
        locale: Locale,
    ) -> Result<(Vec<ListItem>, u64), DbErr> {
        let tr = crate::web::Translator { locale };
        super::list_rows::<Self>(db, &[], q, |r| {
            vec![
                r.try_get::<Option<chrono::DateTime<chrono::Utc>>>("", "publish_at")
                    .ok()
                    .flatten()
                    .map(|d| q.date_cell(&tr, &d))
                    .unwrap_or_default(),
            ]
        })
        .await
    }

    fn public_path(slug: &str) -> Option<String> {
        Some(format!("/news/{slug}"))
    }
    const PREVIEW: bool = true;
    async fn preview(
        ctx: &crate::web::Ctx,
        id: i32,
        back: String,
    ) -> Result<Option<String>, crate::error::AppError> {
        let t = crate::news::preview_page(ctx, id).await?;
        super::preview_html(t, |t| &mut t.page, back)
    }
}
