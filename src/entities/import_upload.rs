//! A spreadsheet kept between its dry run and the real import.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "import_uploads")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub editor_id: i32,
    pub kind: String,
    pub filename: String,
    #[sea_orm(column_type = "Blob")]
    pub bytes: Vec<u8>,
    pub expires_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
