//! A technology an ASEAN organisation is looking for.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "needs")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub slug: String,
    pub field: String,
    pub country: String,
    pub organisation: String,
    pub contact_name: String,
    pub contact_email: String,
    pub ip_hash: Option<String>,
    pub status: String,
    pub publish_at: Option<DateTimeUtc>,
    pub expires_at: Option<DateTimeUtc>,
    pub source_lang: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub match_alerts: bool,
    pub matches_sent_at: Option<DateTimeUtc>,
    /// The provider's own reference, from a spreadsheet import.
    pub provider_ref: Option<String>,
}

/// Its text in each language (one statement loads both: see
/// `translation::with_texts`).
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::need_translation::Entity")]
    Translations,
}

impl Related<super::need_translation::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Translations.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
