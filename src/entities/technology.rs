//! A technology offered for transfer.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "technologies")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub slug: String,
    pub field: String,
    pub trl: i16,
    pub ip_status: String,
    pub coop_modes: i32,
    pub countries: i32,
    pub province: String,
    pub featured: bool,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub website: String,
    pub contact_lang: String,
    pub via_centre: bool,
    pub status: String,
    pub publish_at: Option<DateTimeUtc>,
    pub expires_at: Option<DateTimeUtc>,
    pub source_lang: String,
    /// The provider's own reference, given in an imported spreadsheet:
    /// importing the same reference again updates this record.
    pub provider_ref: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

/// Its text in each language (one statement loads both: see
/// `translation::with_texts`).
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::technology_translation::Entity")]
    Translations,
}

impl Related<super::technology_translation::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Translations.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
