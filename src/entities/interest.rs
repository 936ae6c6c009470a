//! An expression of interest in a published need; moderated before it is sent.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "interests")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub need_id: i32,
    pub organisation: String,
    pub country: String,
    pub contact_name: String,
    pub email: String,
    pub technology_id: Option<i32>,
    #[sea_orm(column_type = "Text")]
    pub technology_text: String,
    #[sea_orm(column_type = "Text")]
    pub message: String,
    pub lang: String,
    pub status: String,
    pub ip_hash: Option<String>,
    pub moderated_by: Option<i32>,
    pub moderated_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
