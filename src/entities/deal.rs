//! One contact carried from first message to agreement (the deals section says how).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "deals")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub origin: String,
    pub inquiry_id: Option<i32>,
    pub interest_id: Option<i32>,
    pub technology_id: Option<i32>,
    pub need_id: Option<i32>,
    pub stage: String,
    pub stage_at: DateTimeUtc,
    pub version: i32,
    pub country: String,
    pub field: String,
    pub organisation: String,
    pub asker_name: String,
    pub asker_email: String,
    pub asker_lang: String,
    pub answerer_name: String,
    pub answerer_email: String,
    pub answerer_lang: String,
    pub editor_id: Option<i32>,
    pub forwarded_at: Option<DateTimeUtc>,
    pub reminded_at: Option<DateTimeUtc>,
    pub overdue_at: Option<DateTimeUtc>,
    pub answered_at: Option<DateTimeUtc>,
    pub answer: Option<String>,
    pub signed_on: Option<Date>,
    pub agreement_kind: Option<String>,
    pub agreement_value: Option<i64>,
    pub currency: Option<String>,
    pub closed_reason: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
