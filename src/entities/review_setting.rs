//! A call's review settings (blind mode, deadline, reminders, reviewers each).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "review_settings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub call_id: i32,
    pub blind: bool,
    pub review_deadline: Option<DateTimeUtc>,
    pub reminder_days: i32,
    pub reviewers_per_application: i32,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
