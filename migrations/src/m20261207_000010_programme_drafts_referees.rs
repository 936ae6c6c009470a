//! What the applicant side of the programme keeps besides the application:
//! drafts (the typed fields and the PDFs already accepted, for "save and
//! continue later" and for a refused submission), the one-application-per-
//! person-and-call claim (its unique index is the backstop against a race),
//! the key of the applicant's bookmarkable status link,
//! and the two referees with their letters and reminders.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn fk(table: &'static str, col: &'static str, to: &'static str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, col)
        .to(to, "id")
        .on_delete(ForeignKeyAction::Cascade)
        .take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("application_emails")
                .if_not_exists()
                .col(pk_auto("id"))
                .col(integer("call_id"))
                .col(string_len("email_key", 254))
                .col(integer("application_id"))
                .foreign_key(&mut fk(
                    "application_emails",
                    "application_id",
                    "applications",
                ))
                .take(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("application_emails_call_email")
                .table("application_emails")
                .col("call_id")
                .col("email_key")
                .unique()
                .take(),
        )
        .await?;
        // Applications already there claim their address, the first of any
        // duplicates only (a later one stays, unclaimed).
        m.get_connection()
            .execute_unprepared(
                "INSERT INTO application_emails (call_id, email_key, application_id) \
                 SELECT call_id, LOWER(TRIM(email)), MIN(id) FROM applications \
                 WHERE TRIM(email) <> '' GROUP BY call_id, LOWER(TRIM(email))",
            )
            .await?;

        // The key in an applicant's bookmarkable status link: random, kept
        // here so that every message about the application (whoever queues
        // it) can carry the same link, and so that it can be revoked.
        m.create_table(
            Table::create()
                .table("application_links")
                .if_not_exists()
                .col(pk_auto("id"))
                .col(integer_uniq("application_id"))
                .col(string_len_uniq("key", 64))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk(
                    "application_links",
                    "application_id",
                    "applications",
                ))
                .take(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("application_drafts")
                .if_not_exists()
                .col(pk_auto("id"))
                .col(string_len_uniq("token", 64))
                .col(integer("call_id"))
                .col(string_len("email", 254).default(""))
                .col(string_len("lang", 8))
                .col(text("fields"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .col(timestamp_with_time_zone("expires_at"))
                .foreign_key(&mut fk("application_drafts", "call_id", "programme_calls"))
                .take(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("application_drafts_expires")
                .table("application_drafts")
                .col("expires_at")
                .take(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("draft_documents")
                .if_not_exists()
                .col(pk_auto("id"))
                .col(integer("draft_id"))
                .col(string_len("kind", 16))
                .col(string_len("filename", 255))
                .col(integer("size"))
                .col(string_len("sha256", 64))
                .col(blob("bytes"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("draft_documents", "draft_id", "application_drafts"))
                .take(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("application_referees")
                .if_not_exists()
                .col(pk_auto("id"))
                .col(integer("application_id"))
                .col(small_integer("position"))
                .col(string_len("name", 160))
                .col(string_len("email", 254))
                .col(string_len("institution", 200))
                .col(string_len("lang", 8))
                .col(integer_null("letter_document_id"))
                .col(timestamp_with_time_zone_null("letter_at"))
                .col(timestamp_with_time_zone_null("reminded_at"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk(
                    "application_referees",
                    "application_id",
                    "applications",
                ))
                .take(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("application_referees_application")
                .table("application_referees")
                .col("application_id")
                .col("position")
                .unique()
                .take(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "application_referees",
            "draft_documents",
            "application_drafts",
            "application_links",
            "application_emails",
        ] {
            m.drop_table(Table::drop().table(t).if_exists().take())
                .await?;
        }
        Ok(())
    }
}
