//! An index on the audit log by record: an editor whose save is refused
//! because someone saved the same record meanwhile is told who and when,
//! from the record's latest audit entry, without scanning the whole log.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const NAME: &str = "idx_audit_entity";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create()
                .name(NAME)
                .table("audit_log")
                .col("entity_kind")
                .col("entity_id")
                .col("id")
                .if_not_exists()
                .take(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name(NAME).table("audit_log").to_owned())
            .await
    }
}
