//! From first contact to signed agreement: every inquiry (and every
//! expression of interest in a need) becomes a deal with dated stages and
//! a history; providers answer through signed single-use links; visitors
//! follow searches by e-mail; the outbox learns headers and bounces.
//! Portable schema helpers only; each added column is its own statement
//! because SQLite alters one column at a time.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLES: &[&str] = &[
    "interests",
    "deals",
    "deal_events",
    "deal_links",
    "need_matches",
    "alerts",
    "mail_bounces",
];

fn ts(name: &'static str) -> ColumnDef {
    timestamp_with_time_zone(name)
}

fn ts_null(name: &'static str) -> ColumnDef {
    timestamp_with_time_zone_null(name)
}

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

/// Columns added to existing tables: (table, column).
fn added_columns() -> Vec<(&'static str, ColumnDef)> {
    vec![
        // The language the provider's contact reads; mail to them uses it.
        (
            "technologies",
            string_len("contact_lang", 16).default("zh-CN").take(),
        ),
        // "Contact through the centre": the page shows no e-mail or phone.
        ("technologies", boolean("via_centre").default(false).take()),
        // The poster asked for a daily digest of newly published matches.
        ("needs", boolean("match_alerts").default(false).take()),
        ("needs", ts_null("matches_sent_at").take()),
        // Extra headers of one message (List-Unsubscribe...), one per line.
        ("outbox", text("headers").default("").take()),
        // Given up: refused for good by the server, or too many attempts.
        ("outbox", ts_null("failed_at").take()),
        // A temporary failure waits until then before the next attempt.
        ("outbox", ts_null("next_attempt_at").take()),
    ]
}

fn tables() -> Vec<TableCreateStatement> {
    use ForeignKeyAction::{Cascade, SetNull};
    vec![
        // An answer to a published need, moderated like an inquiry.
        Table::create()
            .table("interests")
            .if_not_exists()
            .col(pk_auto("id"))
            .col(integer("need_id"))
            .col(string_len("organisation", 200))
            .col(string_len("country", 2))
            .col(string_len("contact_name", 160))
            .col(string_len("email", 254))
            .col(integer_null("technology_id"))
            .col(text("technology_text").default(""))
            .col(text("message"))
            .col(string_len("lang", 16))
            .col(string_len("status", 16))
            .col(string_len_null("ip_hash", 64))
            .col(integer_null("moderated_by"))
            .col(ts_null("moderated_at"))
            .col(ts("created_at"))
            .col(ts("updated_at"))
            .foreign_key(&mut fk("interests", "need_id", "needs", Cascade))
            .foreign_key(&mut fk(
                "interests",
                "technology_id",
                "technologies",
                SetNull,
            ))
            .foreign_key(&mut fk("interests", "moderated_by", "editors", SetNull))
            .take(),
        // One contact carried from first message to agreement. The party
        // who wrote first (inquirer, or the provider answering a need) is
        // the asker; the one who answers through a signed link (the
        // technology's contact, or the need's poster) is the answerer.
        // Country, field and organisation are copied here so that the
        // board and the figures filter one table.
        Table::create()
            .table("deals")
            .if_not_exists()
            .col(pk_auto("id"))
            .col(string_len("origin", 16))
            .col(integer_null("inquiry_id").unique_key())
            .col(integer_null("interest_id").unique_key())
            .col(integer_null("technology_id"))
            .col(integer_null("need_id"))
            .col(string_len("stage", 16))
            .col(ts("stage_at"))
            .col(integer("version").default(1))
            .col(string_len("country", 2))
            .col(string_len("field", 32))
            .col(string_len("organisation", 200))
            .col(string_len("asker_name", 160))
            .col(string_len("asker_email", 254))
            .col(string_len("asker_lang", 16))
            .col(string_len("answerer_name", 160))
            .col(string_len("answerer_email", 254))
            .col(string_len("answerer_lang", 16))
            .col(integer_null("editor_id"))
            .col(ts_null("forwarded_at"))
            .col(ts_null("reminded_at"))
            .col(ts_null("overdue_at"))
            .col(ts_null("answered_at"))
            .col(string_len_null("answer", 16))
            .col(date_null("signed_on"))
            .col(string_len_null("agreement_kind", 32))
            .col(big_integer_null("agreement_value"))
            .col(string_len_null("currency", 3))
            .col(string_len_null("closed_reason", 32))
            .col(ts("created_at"))
            .col(ts("updated_at"))
            .foreign_key(&mut fk("deals", "inquiry_id", "inquiries", Cascade))
            .foreign_key(&mut fk("deals", "interest_id", "interests", Cascade))
            .foreign_key(&mut fk("deals", "technology_id", "technologies", SetNull))
            .foreign_key(&mut fk("deals", "need_id", "needs", SetNull))
            .foreign_key(&mut fk("deals", "editor_id", "editors", SetNull))
            .take(),
        // The whole exchange of a deal, in order: every move, message,
        // answer, meeting and reminder.
        Table::create()
            .table("deal_events")
            .if_not_exists()
            .col(pk_auto("id"))
            .col(integer("deal_id"))
            .col(ts("at"))
            .col(string_len("kind", 32))
            .col(string_len_null("stage", 16))
            .col(integer_null("editor_id"))
            .col(string_len("actor", 254))
            .col(string_len("detail", 64).default(""))
            .col(date_null("on_date"))
            .col(text("note").default(""))
            .col(string_len("lang", 16).default(""))
            .foreign_key(&mut fk("deal_events", "deal_id", "deals", Cascade))
            .foreign_key(&mut fk("deal_events", "editor_id", "editors", SetNull))
            .take(),
        // A signed link sent to an answerer: the token carries this row's
        // id and nonce under the secret key; the row makes it single-use.
        Table::create()
            .table("deal_links")
            .if_not_exists()
            .col(pk_auto("id"))
            .col(integer("deal_id"))
            .col(string_len("nonce", 64).unique_key())
            .col(ts("expires_at"))
            .col(ts_null("used_at"))
            .col(ts("created_at"))
            .foreign_key(&mut fk("deal_links", "deal_id", "deals", Cascade))
            .take(),
        // A technology found to match a need whose poster asked for news.
        Table::create()
            .table("need_matches")
            .if_not_exists()
            .col(pk_auto("id"))
            .col(integer("need_id"))
            .col(integer("technology_id"))
            .col(ts("found_at"))
            .col(ts_null("sent_at"))
            .foreign_key(&mut fk("need_matches", "need_id", "needs", Cascade))
            .foreign_key(&mut fk(
                "need_matches",
                "technology_id",
                "technologies",
                Cascade,
            ))
            .take(),
        // A visitor following a search, needs, calls or events by e-mail.
        // Its links are signed tokens over its id and this random nonce, so
        // that every digest can carry them again.
        Table::create()
            .table("alerts")
            .if_not_exists()
            .col(pk_auto("id"))
            .col(string_len("email", 254))
            .col(string_len("lang", 16))
            .col(string_len("topic", 16))
            .col(string_len("filters", 500).default(""))
            .col(string_len("frequency", 8))
            .col(string_len("nonce", 64).unique_key())
            .col(string_len("status", 16))
            .col(ts("created_at"))
            .col(ts_null("confirmed_at"))
            .col(ts_null("unsubscribed_at"))
            .col(ts_null("due_at"))
            .col(ts("seen_until"))
            .col(ts_null("last_sent_at"))
            .take(),
        // Addresses a server refused for good: nothing more is sent there.
        Table::create()
            .table("mail_bounces")
            .if_not_exists()
            .col(pk_auto("id"))
            .col(string_len("email", 254).unique_key())
            .col(text("reason"))
            .col(ts("at"))
            .take(),
    ]
}

fn index(name: &'static str, table: &'static str, cols: &[&'static str]) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(name).table(table).if_not_exists();
    for c in cols {
        i.col(*c);
    }
    i
}

fn indexes() -> Vec<IndexCreateStatement> {
    let mut matches = index(
        "idx_need_matches_pair",
        "need_matches",
        &["need_id", "technology_id"],
    );
    matches.unique();
    vec![
        index("idx_deals_stage", "deals", &["stage", "forwarded_at"]),
        index("idx_deals_signed", "deals", &["signed_on"]),
        index("idx_deal_events_deal", "deal_events", &["deal_id", "at"]),
        index("idx_deal_links_deal", "deal_links", &["deal_id"]),
        index(
            "idx_interests_status",
            "interests",
            &["status", "created_at"],
        ),
        index("idx_alerts_due", "alerts", &["status", "due_at"]),
        index("idx_alerts_email", "alerts", &["email"]),
        matches,
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (table, mut col) in added_columns() {
            m.alter_table(Table::alter().table(table).add_column(&mut col).to_owned())
                .await?;
        }
        for t in tables() {
            m.create_table(t).await?;
        }
        for i in indexes() {
            m.create_index(i).await?;
        }
        // The figures that used to be typed in become the baseline the
        // counted ones start from (their "as of" month is for an editor
        // to state on the report page).
        let db = m.get_connection();
        for (from, to) in [
            ("agreements", "baseline_agreements"),
            ("companies_served", "baseline_organisations"),
        ] {
            db.execute_unprepared(&format!(
                "INSERT INTO settings (key, value, updated_at) \
                 SELECT '{to}', value, updated_at FROM settings WHERE key = '{from}' \
                 AND NOT EXISTS (SELECT 1 FROM settings WHERE key = '{to}')"
            ))
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in TABLES.iter().rev() {
            m.drop_table(Table::drop().table(*t).if_exists().to_owned())
                .await?;
        }
        for (table, col) in added_columns().into_iter().rev() {
            m.alter_table(
                Table::alter()
                    .table(table)
                    .drop_column(col.get_column_name())
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
