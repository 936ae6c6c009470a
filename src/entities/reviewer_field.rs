//! A field (taxonomy code) a reviewer knows.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reviewer_fields")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub editor_id: i32,
    pub field: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
