//! One step of a deal's exchange: a move, a message, an answer, a meeting.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "deal_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub deal_id: i32,
    pub at: DateTimeUtc,
    pub kind: String,
    pub stage: Option<String>,
    pub editor_id: Option<i32>,
    pub actor: String,
    pub detail: String,
    pub on_date: Option<Date>,
    #[sea_orm(column_type = "Text")]
    pub note: String,
    pub lang: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
