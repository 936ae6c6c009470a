//! A provider's own reference for a technology (`provider_ref`), unique when
//! given, so that importing the same spreadsheet again updates the rows it
//! made instead of adding them twice; and the table that keeps an uploaded
//! spreadsheet between its dry run and the real import.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const REF_INDEX: &str = "idx_technologies_provider_ref";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("technologies")
                .add_column(string_len_null("provider_ref", 100))
                .to_owned(),
        )
        .await?;
        // NULLs are distinct in a unique index on both backends: records
        // entered by hand, without a reference, never collide.
        m.create_index(
            Index::create()
                .name(REF_INDEX)
                .table("technologies")
                .col("provider_ref")
                .unique()
                .to_owned(),
        )
        .await?;
        // In the database, not on disk: several instances serve behind one
        // address, and the dry run and the import may reach different ones.
        m.create_table(
            Table::create()
                .table("import_uploads")
                .if_not_exists()
                .col(pk_auto("id"))
                .col(integer("editor_id"))
                .col(string_len("kind", 32))
                .col(string_len("filename", 255))
                .col(blob("bytes"))
                .col(timestamp_with_time_zone("expires_at"))
                .foreign_key(
                    ForeignKey::create()
                        .from("import_uploads", "editor_id")
                        .to("editors", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("import_uploads").to_owned())
            .await?;
        m.drop_index(
            Index::drop()
                .name(REF_INDEX)
                .table("technologies")
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("technologies")
                .drop_column("provider_ref")
                .to_owned(),
        )
        .await
    }
}
