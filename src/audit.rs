//! The audit trail: who changed what, and when. Written in the same
//! transaction as the change it records, so neither exists without the
//! other.

use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};

use crate::db::now;
use crate::entities::audit_entry;

/// Who acted: an editor, or the system (CLI, scheduled work).
pub struct Actor<'a> {
    pub id: Option<i32>,
    pub email: &'a str,
    pub ip: Option<&'a str>,
}

pub async fn record(
    db: &impl ConnectionTrait,
    actor: &Actor<'_>,
    action: &str,
    entity_kind: &str,
    entity_id: Option<i32>,
    summary: &str,
) -> Result<(), DbErr> {
    audit_entry::ActiveModel {
        editor_id: Set(actor.id),
        editor_email: Set(actor.email.to_owned()),
        action: Set(action.to_owned()),
        entity_kind: Set(entity_kind.to_owned()),
        entity_id: Set(entity_id),
        summary: Set(summary.chars().take(500).collect()),
        ip: Set(actor.ip.map(str::to_owned)),
        at: Set(now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The latest change recorded for a record: who made it (their name, or
/// the email the entry keeps when the account is gone) and when.
pub async fn last_change(
    db: &impl ConnectionTrait,
    entity_kind: &str,
    entity_id: Option<i32>,
) -> Result<Option<(String, chrono::DateTime<chrono::Utc>)>, DbErr> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    let entry = audit_entry::Entity::find().filter(audit_entry::Column::EntityKind.eq(entity_kind));
    let entry = match entity_id {
        Some(id) => entry.filter(audit_entry::Column::EntityId.eq(id)),
        None => entry.filter(audit_entry::Column::EntityId.is_null()),
    };
    let Some(entry) = entry.order_by_desc(audit_entry::Column::Id).one(db).await? else {
        return Ok(None);
    };
    let name = match entry.editor_id {
        Some(id) => crate::entities::editor::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|e| e.display_name)
            .filter(|n| !n.trim().is_empty()),
        None => None,
    };
    Ok(Some((name.unwrap_or(entry.editor_email), entry.at)))
}
