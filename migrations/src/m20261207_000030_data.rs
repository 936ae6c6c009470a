//! A provider's own reference for a need (`provider_ref`), unique when
//! given, as technologies have: importing the same spreadsheet of needs
//! again updates the rows it made instead of adding them twice.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const REF_INDEX: &str = "idx_needs_provider_ref";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("needs")
                .add_column(string_len_null("provider_ref", 100))
                .to_owned(),
        )
        .await?;
        // NULLs are distinct in a unique index on both backends: needs
        // posted by visitors, without a reference, never collide.
        m.create_index(
            Index::create()
                .name(REF_INDEX)
                .table("needs")
                .col("provider_ref")
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name(REF_INDEX).table("needs").to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table("needs")
                .drop_column("provider_ref")
                .to_owned(),
        )
        .await
    }
}
