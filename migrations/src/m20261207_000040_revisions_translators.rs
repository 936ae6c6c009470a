//! Translation revisions: every save of a translation keeps a copy of its
//! texts (who, when, which revision), so that an editor can compare two and
//! restore one, and a stale translation can show what its source changed
//! since. And the languages a translator may edit (a space-separated list of
//! tags on the account; empty for every other role).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLE: &str = "translation_revisions";
const INDEX: &str = "idx_translation_revisions_record";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(TABLE)
                .if_not_exists()
                .col(pk_auto("id"))
                // The translation table ("news_translations"): names the kind.
                .col(string_len("tr_table", 64))
                .col(integer("record_id"))
                .col(string_len("lang", 16))
                // The translation row's `revision` this copy is of.
                .col(integer("revision"))
                // The translated fields, as a JSON object.
                .col(text("fields"))
                .col(integer_null("editor_id"))
                .col(string_len("editor_name", 120).default(""))
                // The revision this one restored, if it is a restore.
                .col(integer_null("restored_from"))
                .col(timestamp_with_time_zone("created_at"))
                .take(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name(INDEX)
                .table(TABLE)
                .col("tr_table")
                .col("record_id")
                .col("lang")
                .col("revision")
                .if_not_exists()
                .take(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("editors")
                .add_column(string_len("languages", 64).default(""))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("editors")
                .drop_column("languages")
                .to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table(TABLE).to_owned()).await
    }
}
