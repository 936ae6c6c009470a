//! Needs in the database: public lists, one need, a new pending need, and
//! the search index entry.

use chrono::Duration;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};

use crate::db::now;
use crate::entities::{need, need_translation};
use crate::i18n::Locale;
use crate::translation;
use crate::translation::FirstRevision;

/// What a visitor may see of needs: approved, published, not expired.
pub fn visible() -> sea_orm::Condition {
    let t = now();
    sea_orm::Condition::all()
        .add(need::Column::Status.eq("published"))
        .add(need::Column::PublishAt.lte(t))
        .add(
            sea_orm::Condition::any()
                .add(need::Column::ExpiresAt.is_null())
                .add(need::Column::ExpiresAt.gt(t)),
        )
}

/// Visible needs, newest first, optionally of one field or country.
pub async fn list(
    db: &impl ConnectionTrait,
    field: Option<&str>,
    country: Option<&str>,
    page: u64,
    per_page: u64,
) -> Result<(Vec<need::Model>, u64), DbErr> {
    let mut q = need::Entity::find().filter(visible());
    if let Some(f) = field {
        q = q.filter(need::Column::Field.eq(f));
    }
    if let Some(c) = country {
        q = q.filter(need::Column::Country.eq(c));
    }
    let pages = q
        .order_by_desc(need::Column::PublishAt)
        .order_by_desc(need::Column::Id)
        .paginate(db, per_page);
    let total = pages.num_items().await?;
    let items = pages.fetch_page(page.saturating_sub(1)).await?;
    Ok((items, total))
}

pub async fn by_slug(db: &impl ConnectionTrait, slug: &str) -> Result<Option<need::Model>, DbErr> {
    need::Entity::find()
        .filter(visible())
        .filter(need::Column::Slug.eq(slug))
        .one(db)
        .await
}

pub async fn texts(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<std::collections::HashMap<i32, Vec<need_translation::Model>>, DbErr> {
    translation::load::<need_translation::Entity>(db, need_translation::Column::NeedId, ids).await
}

/// Every visible need with its texts, newest first. Needs are few (the
/// centre publishes hundreds, not thousands), so the public pages filter,
/// page and match them in memory from this, kept between writes
/// (`changes::memo`; a need appearing or expiring at its time is a change
/// too).
pub struct Published {
    pub needs: Vec<(need::Model, Vec<need_translation::Model>)>,
    /// The matching words of each need's titles (same order), analysed
    /// once rather than on every technology page.
    pub terms: Vec<Vec<String>>,
}

impl Published {
    async fn load(db: &impl ConnectionTrait) -> Result<Self, DbErr> {
        let needs = translation::with_texts::<need::Entity, need_translation::Entity>(
            db,
            need::Entity::find()
                .filter(visible())
                .order_by_desc(need::Column::PublishAt)
                .order_by_desc(need::Column::Id),
            None,
        )
        .await?;
        let terms = needs
            .iter()
            .map(|(_, rows)| {
                crate::catalog::store::match_terms(rows.iter().map(|t| t.title.as_str()))
            })
            .collect();
        Ok(Self { needs, terms })
    }

    pub fn by_slug(&self, slug: &str) -> Option<&(need::Model, Vec<need_translation::Model>)> {
        self.needs.iter().find(|(n, _)| n.slug == slug)
    }
}

pub async fn published(
    db: &impl ConnectionTrait,
    changes: &crate::changes::Changes,
) -> Result<std::sync::Arc<Published>, DbErr> {
    changes.memo(db, || Published::load(db)).await
}

/// What a visitor posts; becomes public only when an editor approves it.
pub struct NewNeed {
    pub title: String,
    pub description: String,
    pub field: &'static str,
    pub country: &'static str,
    pub organisation: String,
    pub contact_name: String,
    pub contact_email: String,
    pub match_alerts: bool,
}

pub async fn create_pending(
    db: &impl ConnectionTrait,
    n: NewNeed,
    locale: Locale,
    ip_hash: String,
) -> Result<need::Model, DbErr> {
    let t = now();
    let slug = crate::slugs::unique(db, "needs", &crate::slugs::from_title(&n.title)).await?;
    let saved = need::ActiveModel {
        slug: Set(slug),
        field: Set(n.field.to_owned()),
        country: Set(n.country.to_owned()),
        organisation: Set(n.organisation),
        contact_name: Set(n.contact_name),
        contact_email: Set(n.contact_email),
        match_alerts: Set(n.match_alerts),
        ip_hash: Set(Some(ip_hash)),
        status: Set("pending".to_owned()),
        publish_at: Set(None),
        expires_at: Set(Some(t + Duration::days(365))),
        source_lang: Set(locale.tag().to_owned()),
        created_at: Set(t),
        updated_at: Set(t),
        ..Default::default()
    }
    .insert(db)
    .await?;
    need_translation::ActiveModel {
        need_id: Set(saved.id),
        lang: Set(locale.tag().to_owned()),
        title: Set(n.title),
        description: Set(n.description),
        ..Default::default()
    }
    .first_revision(t)
    .insert(db)
    .await?;
    Ok(saved)
}
