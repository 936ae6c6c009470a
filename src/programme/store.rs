//! Programme calls, host posts and fellows in the database.

use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
};

use crate::db::now;
use crate::entities::{
    call_translation, fellow, fellow_translation, host_post, host_post_translation, programme_call,
};
use crate::translation;

/// The call to show: the open one, else the next to open, else the last one.
pub async fn current_call(
    db: &impl ConnectionTrait,
) -> Result<Option<programme_call::Model>, DbErr> {
    let t = now();
    let published = programme_call::Column::Status.eq("published");
    if let Some(open) = programme_call::Entity::find()
        .filter(published.clone())
        .filter(programme_call::Column::OpensAt.lte(t))
        .filter(programme_call::Column::ClosesAt.gt(t))
        .order_by_asc(programme_call::Column::ClosesAt)
        .one(db)
        .await?
    {
        return Ok(Some(open));
    }
    if let Some(next) = programme_call::Entity::find()
        .filter(published.clone())
        .filter(programme_call::Column::OpensAt.gt(t))
        .order_by_asc(programme_call::Column::OpensAt)
        .one(db)
        .await?
    {
        return Ok(Some(next));
    }
    programme_call::Entity::find()
        .filter(published)
        .order_by_desc(programme_call::Column::ClosesAt)
        .one(db)
        .await
}

/// What the programme's public pages show, kept between writes
/// (`changes::memo`; a call opening or closing is a change too): the
/// current call with its host posts, and every public fellow, all with
/// their texts. Fellows number in the tens a year, posts in the tens a
/// call.
pub struct Public {
    pub call: Option<(programme_call::Model, Vec<call_translation::Model>)>,
    pub posts: Vec<(host_post::Model, Vec<host_post_translation::Model>)>,
    /// Newest cohort first, then by name.
    pub fellows: Vec<(fellow::Model, Vec<fellow_translation::Model>)>,
}

impl Public {
    async fn load(db: &impl ConnectionTrait) -> Result<Self, DbErr> {
        let call = match current_call(db).await? {
            Some(c) => {
                let texts = call_texts(db, c.id).await?;
                Some((c, texts))
            }
            None => None,
        };
        let posts = match &call {
            Some((c, _)) => host_posts_with_texts(db, c.id).await?,
            None => Vec::new(),
        };
        let fellows = translation::with_texts(
            db,
            fellow::Entity::find()
                .filter(fellow_visible())
                .order_by_desc(fellow::Column::CohortYear)
                .order_by_asc(fellow::Column::Name),
            None,
        )
        .await?;
        Ok(Self {
            call,
            posts,
            fellows,
        })
    }

    /// Cohort years with fellows, newest first.
    pub fn cohorts(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self.fellows.iter().map(|(f, _)| f.cohort_year).collect();
        years.dedup();
        years
    }
}

pub async fn public(
    db: &impl ConnectionTrait,
    changes: &crate::changes::Changes,
) -> Result<std::sync::Arc<Public>, DbErr> {
    changes.memo(db, || Public::load(db)).await
}

pub fn is_open(call: &programme_call::Model) -> bool {
    let t = now();
    call.status == "published" && call.opens_at <= t && call.closes_at > t
}

pub async fn call_texts(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Vec<call_translation::Model>, DbErr> {
    call_translation::Entity::find()
        .filter(call_translation::Column::CallId.eq(id))
        .all(db)
        .await
}

/// A call's host posts in order, with their texts.
pub async fn host_posts_with_texts(
    db: &impl ConnectionTrait,
    call_id: i32,
) -> Result<Vec<(host_post::Model, Vec<host_post_translation::Model>)>, DbErr> {
    translation::with_texts(
        db,
        host_post::Entity::find()
            .filter(host_post::Column::CallId.eq(call_id))
            .order_by_asc(host_post::Column::Position)
            .order_by_asc(host_post::Column::Id),
        None,
    )
    .await
}

pub async fn host_post_texts(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<std::collections::HashMap<i32, Vec<host_post_translation::Model>>, DbErr> {
    translation::load::<host_post_translation::Entity>(
        db,
        host_post_translation::Column::HostPostId,
        ids,
    )
    .await
}

/// Calls a visitor may see: published ones (a call has no schedule of its
/// own; its dates say when it opens).
pub fn call_visible() -> Condition {
    Condition::all().add(programme_call::Column::Status.eq("published"))
}

pub fn fellow_visible() -> Condition {
    Condition::all()
        .add(fellow::Column::Status.eq("published"))
        .add(fellow::Column::PublishAt.lte(now()))
}

/// Every programme call as a choice for the back office (latest closing
/// first): id and title in `locale`.
pub async fn call_options(
    db: &impl ConnectionTrait,
    locale: crate::i18n::Locale,
) -> Result<Vec<(String, String)>, DbErr> {
    let all = programme_call::Entity::find()
        .order_by_desc(programme_call::Column::ClosesAt)
        .all(db)
        .await?;
    let mut out = Vec::new();
    for c in all {
        let rows = call_texts(db, c.id).await?;
        let title = crate::translation::pick(&rows, locale, &c.source_lang)
            .map(|p| p.text.title.clone())
            .unwrap_or_else(|| c.cohort_year.to_string());
        out.push((c.id.to_string(), title));
    }
    Ok(out)
}
