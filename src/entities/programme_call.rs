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

/// Its text in each language (one statement loads both: see
/// `translation::with_texts`).
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::call_translation::Entity")]
    Translations,
}

impl Related<super::call_translation::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Translations.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
