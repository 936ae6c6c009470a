//! Editable settings: the headline figures that cannot be counted from
//! records (network members, agreements...).

use std::collections::HashMap;

use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, Set};

use crate::db::now;
use crate::entities::setting;

/// Headline figures an editor sets, in display order. Agreements and the
/// organisations served count themselves (`figures`) on top of a baseline.
pub const FIGURES: &[&str] = &["network_members", "projects", "bilateral_mechanisms"];

/// Set ("on") while the site shows the demo content it was started with:
/// every public page says so until an administrator removes the notice.
pub const DEMO_NOTICE: &str = "demo_notice";

pub fn demo_notice(all: &HashMap<String, String>) -> bool {
    all.get(DEMO_NOTICE).is_some_and(|v| v == "on")
}

pub async fn all(db: &impl ConnectionTrait) -> Result<HashMap<String, String>, DbErr> {
    Ok(setting::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.key, s.value))
        .collect())
}

/// The settings, kept between writes (`changes::memo`).
pub struct Kept(pub HashMap<String, String>);

pub async fn kept(
    db: &impl ConnectionTrait,
    changes: &crate::changes::Changes,
) -> Result<std::sync::Arc<Kept>, DbErr> {
    changes
        .memo(db, || async { Ok(Kept(all(db).await?)) })
        .await
}

pub async fn set(db: &impl ConnectionTrait, key: &str, value: &str) -> Result<(), DbErr> {
    let model = setting::ActiveModel {
        key: Set(key.to_owned()),
        value: Set(value.to_owned()),
        updated_at: Set(now()),
    };
    if setting::Entity::find_by_id(key.to_owned())
        .one(db)
        .await?
        .is_some()
    {
        model.update(db).await?;
    } else {
        model.insert(db).await?;
    }
    Ok(())
}

/// The version of the editable figures: when any of them was last saved
/// (`None` before the first save). An edit carries it (`admin::version`).
pub async fn version(
    db: &impl ConnectionTrait,
) -> Result<Option<chrono::DateTime<chrono::Utc>>, DbErr> {
    use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
    // One value from the database, not every row to compare here.
    let latest: Option<Option<chrono::DateTime<chrono::Utc>>> = setting::Entity::find()
        .select_only()
        .column_as(setting::Column::UpdatedAt.max(), "latest")
        .filter(setting::Column::Key.is_in(FIGURES.iter().copied()))
        .into_tuple()
        .one(db)
        .await?;
    Ok(latest.flatten())
}

/// A figure as a number (0 when unset or not a number).
pub fn figure(all: &HashMap<String, String>, key: &str) -> i64 {
    all.get(key)
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0)
}
