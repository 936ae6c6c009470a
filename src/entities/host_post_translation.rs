//! A host post's text in one language.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "host_post_translations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub host_post_id: i32,
    pub lang: String,
    #[sea_orm(column_type = "Text")]
    pub institution: String,
    #[sea_orm(column_type = "Text")]
    pub lab: String,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    pub revision: i32,
    pub source_revision: i32,
    pub updated_at: DateTimeUtc,
    pub reviewed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::host_post::Entity",
        from = "Column::HostPostId",
        to = "super::host_post::Column::Id"
    )]
    Parent,
}

impl Related<super::host_post::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Parent.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
