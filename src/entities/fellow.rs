//! A fellow of the young scientists programme.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "fellows")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub slug: String,
    pub name: String,
    pub name_zh: String,
    pub country: String,
    pub cohort_year: i32,
    pub field: String,
    pub photo_id: Option<i32>,
    pub status: String,
    pub publish_at: Option<DateTimeUtc>,
    pub expires_at: Option<DateTimeUtc>,
    pub source_lang: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

/// Its text in each language (one statement loads both: see
/// `translation::with_texts`).
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::fellow_translation::Entity")]
    Translations,
}

impl Related<super::fellow_translation::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Translations.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
