//! Reviewing the young scientists programme: reviewers assigned to
//! applications (with their conflict-of-interest declaration), the
//! declared conflicts, a rubric per call with weighted criteria, each
//! reviewer's scores against it, and the call's review settings (blind
//! mode, review deadline, reminder lead, reviewers per application) and
//! the fields each reviewer knows. New tables only; portable helpers only.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLES: &[&str] = &[
    "decision_letters",
    "review_settings",
    "reviewer_fields",
    "review_assignments",
    "review_conflicts",
    "rubric_criteria",
    "rubric_reviews",
    "rubric_scores",
];

fn fk(
    table: &'static str,
    col: &'static str,
    to: &'static str,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, col)
        .to(to, "id")
        .on_delete(on_delete)
        .take()
}

fn tables() -> Vec<TableCreateStatement> {
    use ForeignKeyAction::{Cascade, SetNull};
    vec![
        // A call's review settings (a row of its own, so that the calls'
        // table and its editor stay as they are): blind mode, the review
        // deadline, the days before it when unfinished reviews are recalled,
        // and how many reviewers each application gets.
        Table::create()
            .table("review_settings")
            .if_not_exists()
            .col(integer("call_id").primary_key())
            .col(boolean("blind").default(false))
            .col(timestamp_with_time_zone_null("review_deadline"))
            .col(integer("reminder_days").default(3))
            .col(integer("reviewers_per_application").default(2))
            .col(timestamp_with_time_zone("updated_at"))
            .foreign_key(&mut fk(
                "review_settings",
                "call_id",
                "programme_calls",
                Cascade,
            ))
            .take(),
        // A call's own wording of a decision letter in one language (else
        // the default from the messages); `{name}`, `{reference}`, `{call}`
        // and `{post}` are filled in for each applicant.
        Table::create()
            .table("decision_letters")
            .if_not_exists()
            .col(pk_auto("id"))
            .col(integer("call_id"))
            .col(string_len("decision", 16))
            .col(string_len("lang", 16))
            .col(string_len("subject", 300))
            .col(text("body"))
            .col(timestamp_with_time_zone("updated_at"))
            .foreign_key(&mut fk(
                "decision_letters",
                "call_id",
                "programme_calls",
                Cascade,
            ))
            .take(),
        // The fields a reviewer knows (taxonomy codes), for balancing.
        Table::create()
            .table("reviewer_fields")
            .if_not_exists()
            .col(pk_auto("id"))
            .col(integer("editor_id"))
            .col(string_len("field", 64))
            .foreign_key(&mut fk("reviewer_fields", "editor_id", "editors", Cascade))
            .take(),
        // A reviewer assigned to an application; `conflict` is `pending`
        // until they declare, `none` after declaring no conflict (a declared
        // conflict deletes the row and writes `review_conflicts`).
        Table::create()
            .table("review_assignments")
            .if_not_exists()
            .col(pk_auto("id"))
            .col(integer("call_id"))
            .col(integer("application_id"))
            .col(integer("editor_id"))
            .col(string_len("conflict", 16).default("pending"))
            .col(timestamp_with_time_zone_null("declared_at"))
            .col(timestamp_with_time_zone_null("reminded_at"))
            .col(string_len("assigned_by", 160).default(""))
            .col(timestamp_with_time_zone("assigned_at"))
            .foreign_key(&mut fk(
                "review_assignments",
                "call_id",
                "programme_calls",
                Cascade,
            ))
            .foreign_key(&mut fk(
                "review_assignments",
                "application_id",
                "applications",
                Cascade,
            ))
            .foreign_key(&mut fk(
                "review_assignments",
                "editor_id",
                "editors",
                Cascade,
            ))
            .take(),
        Table::create()
            .table("review_conflicts")
            .if_not_exists()
            .col(pk_auto("id"))
            .col(integer("call_id"))
            .col(integer("application_id"))
            .col(integer_null("editor_id"))
            .col(string_len("editor_name", 160))
            .col(string_len("reason", 32))
            .col(text("note").default(""))
            .col(timestamp_with_time_zone("at"))
            .foreign_key(&mut fk(
                "review_conflicts",
                "call_id",
                "programme_calls",
                Cascade,
            ))
            .foreign_key(&mut fk(
                "review_conflicts",
                "application_id",
                "applications",
                Cascade,
            ))
            .foreign_key(&mut fk("review_conflicts", "editor_id", "editors", SetNull))
            .take(),
        Table::create()
            .table("rubric_criteria")
            .if_not_exists()
            .col(pk_auto("id"))
            .col(integer("call_id"))
            .col(string_len("key", 64))
            .col(integer("weight"))
            .col(string_len("label_zh", 200))
            .col(string_len("label_en", 200))
            .col(string_len("label_id", 200))
            .col(integer("position").default(0))
            .foreign_key(&mut fk(
                "rubric_criteria",
                "call_id",
                "programme_calls",
                Cascade,
            ))
            .take(),
        // One reviewer's scored review of one application (its comment);
        // the scores per criterion are in `rubric_scores`.
        Table::create()
            .table("rubric_reviews")
            .if_not_exists()
            .col(pk_auto("id"))
            .col(integer("application_id"))
            .col(integer("editor_id"))
            .col(string_len("editor_name", 160))
            .col(text("comment").default(""))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .foreign_key(&mut fk(
                "rubric_reviews",
                "application_id",
                "applications",
                Cascade,
            ))
            .foreign_key(&mut fk("rubric_reviews", "editor_id", "editors", Cascade))
            .take(),
        Table::create()
            .table("rubric_scores")
            .if_not_exists()
            .col(pk_auto("id"))
            .col(integer("review_id"))
            .col(integer("criterion_id"))
            .col(small_integer("score"))
            .foreign_key(&mut fk(
                "rubric_scores",
                "review_id",
                "rubric_reviews",
                Cascade,
            ))
            .foreign_key(&mut fk(
                "rubric_scores",
                "criterion_id",
                "rubric_criteria",
                Cascade,
            ))
            .take(),
    ]
}

fn index(
    name: &'static str,
    table: &'static str,
    cols: &[&'static str],
    unique: bool,
) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(name).table(table);
    for c in cols {
        i.col(*c);
    }
    if unique {
        i.unique();
    }
    i.take()
}

fn indexes() -> Vec<IndexCreateStatement> {
    vec![
        index(
            "idx_review_assignments_pair",
            "review_assignments",
            &["application_id", "editor_id"],
            true,
        ),
        index(
            "idx_decision_letters_key",
            "decision_letters",
            &["call_id", "decision", "lang"],
            true,
        ),
        index(
            "idx_reviewer_fields_pair",
            "reviewer_fields",
            &["editor_id", "field"],
            true,
        ),
        index(
            "idx_review_assignments_editor",
            "review_assignments",
            &["editor_id", "call_id"],
            false,
        ),
        index(
            "idx_review_conflicts_call",
            "review_conflicts",
            &["call_id", "at"],
            false,
        ),
        index(
            "idx_rubric_criteria_key",
            "rubric_criteria",
            &["call_id", "key"],
            true,
        ),
        index(
            "idx_rubric_reviews_pair",
            "rubric_reviews",
            &["application_id", "editor_id"],
            true,
        ),
        index(
            "idx_rubric_scores_pair",
            "rubric_scores",
            &["review_id", "criterion_id"],
            true,
        ),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in tables() {
            m.create_table(t).await?;
        }
        for i in indexes() {
            m.create_index(i).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in TABLES.iter().rev() {
            m.drop_table(Table::drop().table(*t).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}
