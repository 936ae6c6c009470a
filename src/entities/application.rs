//! An application to the young scientists programme.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "applications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub reference: String,
    pub submission_token: String,
    pub call_id: i32,
    pub host_post_id: Option<i32>,
    pub name: String,
    pub email: String,
    pub nationality: String,
    pub date_of_birth: Date,
    pub degree: String,
    pub research_years: i16,
    pub field: String,
    pub institution: String,
    pub english_level: String,
    pub chinese_level: String,
    pub proposal_title: String,
    #[sea_orm(column_type = "Text")]
    pub proposal: String,
    pub lang: String,
    pub status: String,
    /// Documents a reviewer asked for (one name per line; empty: none).
    #[sea_orm(column_type = "Text")]
    pub requested_documents: String,
    pub consent_at: DateTimeUtc,
    pub submitted_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
