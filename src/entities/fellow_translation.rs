//! A fellow's profile in one language.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "fellow_translations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub fellow_id: i32,
    pub lang: String,
    #[sea_orm(column_type = "Text")]
    pub home_institution: String,
    #[sea_orm(column_type = "Text")]
    pub host_institution: String,
    #[sea_orm(column_type = "Text")]
    pub research: String,
    #[sea_orm(column_type = "Text")]
    pub bio: String,
    pub revision: i32,
    pub source_revision: i32,
    pub updated_at: DateTimeUtc,
    pub reviewed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::fellow::Entity",
        from = "Column::FellowId",
        to = "super::fellow::Column::Id"
    )]
    Parent,
}

impl Related<super::fellow::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Parent.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
