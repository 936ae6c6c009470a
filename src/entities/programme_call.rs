//! A call for applications to the young scientists programme.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "programme_calls")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub cohort_year: i32,
    pub opens_at: DateTimeUtc,
    pub closes_at: DateTimeUtc,
    pub decisions_at: Option<DateTimeUtc>,
    pub status: String,
    pub source_lang: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
