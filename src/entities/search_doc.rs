//! The analysed words of one searchable record, in all its languages.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "search_docs")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub kind: String,
    pub entity_id: i32,
    #[sea_orm(column_type = "Text")]
    pub title_terms: String,
    #[sea_orm(column_type = "Text")]
    pub summary_terms: String,
    #[sea_orm(column_type = "Text")]
    pub body_terms: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
