//! A reviewer assigned to an application, with their conflict declaration.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "review_assignments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub call_id: i32,
    pub application_id: i32,
    pub editor_id: i32,
    /// `pending` until declared, then `none`.
    pub conflict: String,
    pub declared_at: Option<DateTimeUtc>,
    pub reminded_at: Option<DateTimeUtc>,
    pub assigned_by: String,
    pub assigned_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
