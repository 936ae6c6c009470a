//! An editable page such as About.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pages")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub key: String,
    pub source_lang: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

/// Its text in each language (one statement loads both: see
/// `translation::with_texts`).
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::page_translation::Entity")]
    Translations,
}

impl Related<super::page_translation::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Translations.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
