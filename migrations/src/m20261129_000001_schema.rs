//! The whole content model of `PRODUCT.md`. Every visitor-facing text lives in
//! a `*_translations` table (one row per record and language) that carries the
//! revision counters from which translation status is derived.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Tables in creation order; dropped in reverse.
const TABLES: &[&str] = &[
    "editors",
    "sessions",
    "rate_events",
    "audit_log",
    "media",
    "media_variants",
    "media_translations",
    "technologies",
    "technology_translations",
    "technology_images",
    "needs",
    "need_translations",
    "inquiries",
    "events",
    "event_translations",
    "news",
    "news_translations",
    "fellows",
    "fellow_translations",
    "programme_calls",
    "call_translations",
    "host_posts",
    "host_post_translations",
    "applications",
    "application_documents",
    "application_history",
    "application_reviews",
    "network_members",
    "network_member_translations",
    "pages",
    "page_translations",
    "settings",
    "outbox",
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

/// The columns every translatable parent record has: which language its
/// source text is written in, and when it was created and changed.
fn translatable(t: &mut TableCreateStatement) -> &mut TableCreateStatement {
    t.col(string_len("source_lang", 16))
        .col(ts("created_at"))
        .col(ts("updated_at"))
}

/// Publication columns shared by everything that can be scheduled or expire.
fn publishable(t: &mut TableCreateStatement) -> &mut TableCreateStatement {
    t.col(string_len("status", 16))
        .col(ts_null("publish_at"))
        .col(ts_null("expires_at"))
}

/// One translation table: a row per (record, language). `revision` counts
/// edits of this text; `source_revision` is the revision of the source
/// language text it was last translated from or reviewed against, so a
/// translation is out of date when the source's `revision` is greater.
fn translation_table(
    table: &'static str,
    parent: &'static str,
    parent_col: &'static str,
    fields: &[&'static str],
) -> TableCreateStatement {
    let mut t = Table::create();
    t.table(table)
        .if_not_exists()
        .col(pk_auto("id"))
        .col(integer(parent_col))
        .col(string_len("lang", 16));
    for f in fields {
        t.col(text(*f).default(""));
    }
    t.col(integer("revision").default(1))
        .col(integer("source_revision").default(0))
        .col(ts("updated_at"))
        .col(ts_null("reviewed_at"))
        .foreign_key(&mut fk(
            table,
            parent_col,
            parent,
            ForeignKeyAction::Cascade,
        ));
    t
}

fn unique_index(
    name: &'static str,
    table: &'static str,
    cols: &[&'static str],
) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(name).table(table).unique().if_not_exists();
    for c in cols {
        i.col(*c);
    }
    i
}

fn index(name: &'static str, table: &'static str, cols: &[&'static str]) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(name).table(table).if_not_exists();
    for c in cols {
        i.col(*c);
    }
    i
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

#[expect(
    clippy::vec_init_then_push,
    reason = "one table per push reads as a schema"
)]
fn tables() -> Vec<TableCreateStatement> {
    use ForeignKeyAction::{Cascade, SetNull};
    let mut v = Vec::new();

    // --- people and access -------------------------------------------------
    v.push(
        Table::create()
            .table("editors")
            .if_not_exists()
            .col(pk_auto("id"))
            .col(string_len_uniq("email", 254))
            .col(string_len("display_name", 120))
            .col(string_len("role", 16))
            .col(string("password_hash"))
            .col(string_len("ui_lang", 16))
            .col(boolean("active").default(true))
            .col(ts("created_at"))
            .col(ts("updated_at"))
            .col(ts_null("last_login_at"))
            .take(),
    );
    // The cookie holds a random token; only its SHA-256 is stored, so a leaked
    // database does not hand out live sessions.
    v.push(
        Table::create()
            .table("sessions")
            .if_not_exists()
            .col(string_len("id", 64).primary_key())
            .col(integer("editor_id"))
            .col(string_len("csrf_token", 64))
            .col(ts("created_at"))
            .col(ts("last_seen_at"))
            .col(string_len_null("ip", 64))
            .foreign_key(&mut fk("sessions", "editor_id", "editors", Cascade))
            .take(),
    );
    // Counted events for rate limits (failed logins, inquiries, status
    // look-ups): shared by every instance because they live here.
    v.push(
        Table::create()
            .table("rate_events")
            .if_not_exists()
            .col(big_pk_auto("id"))
            .col(string_len("bucket", 32))
            .col(string_len("key", 128))
            .col(ts("at"))
            .take(),
    );
    v.push(
        Table::create()
            .table("audit_log")
            .if_not_exists()
            .col(big_pk_auto("id"))
            .col(integer_null("editor_id"))
            .col(string_len("editor_email", 254))
            .col(string_len("action", 48))
            .col(string_len("entity_kind", 32))
            .col(integer_null("entity_id"))
            .col(text("summary"))
            .col(string_len_null("ip", 64))
            .col(ts("at"))
            .foreign_key(&mut fk("audit_log", "editor_id", "editors", SetNull))
            .take(),
    );

    // --- media (in the database so every instance serves the same files) ---
    v.push(
        Table::create()
            .table("media")
            .if_not_exists()
            .col(pk_auto("id"))
            .col(string_len_uniq("key", 64))
            .col(string_len("mime", 64))
            .col(integer("width"))
            .col(integer("height"))
            .col(integer("size"))
            .col(string_len("sha256", 64))
            .col(blob("bytes"))
            .col(string_len("filename", 255))
            .col(string_len("source_lang", 16))
            .col(integer_null("created_by"))
            .col(ts("created_at"))
            .col(ts("updated_at"))
            .foreign_key(&mut fk("media", "created_by", "editors", SetNull))
            .take(),
    );
    v.push(
        Table::create()
            .table("media_variants")
            .if_not_exists()
            .col(pk_auto("id"))
            .col(integer("media_id"))
            .col(integer("width"))
            .col(integer("height"))
            .col(string_len("mime", 64))
            .col(blob("bytes"))
            .foreign_key(&mut fk("media_variants", "media_id", "media", Cascade))
            .take(),
    );
    v.push(translation_table(
        "media_translations",
        "media",
        "media_id",
        &["alt"],
    ));

    // --- catalogue ------------------------------------------------------------
    // Target countries and cooperation modes are small fixed sets stored as
    // bit masks: one row per technology keeps filtering and facet counting a
    // single indexed scan at 100,000 listings, on both backends.
    let mut tech = Table::create();
    tech.table("technologies")
        .if_not_exists()
        .col(pk_auto("id"))
        .col(string_len_uniq("slug", 160))
        .col(string_len("field", 32))
        .col(small_integer("trl"))
        .col(string_len("ip_status", 32))
        .col(integer("coop_modes"))
        .col(integer("countries"))
        .col(string_len("province", 32))
        .col(boolean("featured").default(false))
        .col(string_len("contact_name", 160))
        .col(string_len("contact_email", 254))
        .col(string_len("contact_phone", 64).default(""))
        .col(string_len("website", 500).default(""));
    publishable(&mut tech);
    translatable(&mut tech);
    v.push(tech.take());
    v.push(translation_table(
        "technology_translations",
        "technologies",
        "technology_id",
        &["title", "summary", "description", "scenarios", "provider"],
    ));
    v.push(
        Table::create()
            .table("technology_images")
            .if_not_exists()
            .col(pk_auto("id"))
            .col(integer("technology_id"))
            .col(integer("media_id"))
            .col(integer("position").default(0))
            .foreign_key(&mut fk(
                "technology_images",
                "technology_id",
                "technologies",
                Cascade,
            ))
            .foreign_key(&mut fk("technology_images", "media_id", "media", Cascade))
            .take(),
    );

    let mut need = Table::create();
    need.table("needs")
        .if_not_exists()
        .col(pk_auto("id"))
        .col(string_len_uniq("slug", 160))
        .col(string_len("field", 32))
        .col(string_len("country", 2))
        .col(string_len("organisation", 200))
        .col(string_len("contact_name", 160))
        .col(string_len("contact_email", 254))
        .col(string_len_null("ip_hash", 64));
    publishable(&mut need);
    translatable(&mut need);
    v.push(need.take());
    v.push(translation_table(
        "need_translations",
        "needs",
        "need_id",
        &["title", "description"],
    ));

    v.push(
        Table::create()
            .table("inquiries")
            .if_not_exists()
            .col(pk_auto("id"))
            .col(integer("technology_id"))
            .col(string_len("name", 160))
            .col(string_len("organisation", 200))
            .col(string_len("country", 2))
            .col(string_len("email", 254))
            .col(text("message"))
            .col(string_len("lang", 16))
            .col(string_len("status", 16))
            .col(text_null("reply"))
            .col(ts_null("replied_at"))
            .col(integer_null("replied_by"))
            .col(string_len_null("ip_hash", 64))
            .col(ts("created_at"))
            .col(ts("updated_at"))
            .foreign_key(&mut fk(
                "inquiries",
                "technology_id",
                "technologies",
                Cascade,
            ))
            .foreign_key(&mut fk("inquiries", "replied_by", "editors", SetNull))
            .take(),
    );

    // --- events and news ------------------------------------------------------
    let mut event = Table::create();
    event
        .table("events")
        .if_not_exists()
        .col(pk_auto("id"))
        .col(string_len_uniq("slug", 160))
        .col(string_len("kind", 32))
        .col(ts("starts_at"))
        .col(ts("ends_at"))
        .col(string_len("timezone", 64))
        .col(string_len("country", 2))
        .col(string_len("registration_url", 500).default(""))
        .col(ts_null("registration_closes_at"))
        .col(integer_null("cover_id"))
        .foreign_key(&mut fk("events", "cover_id", "media", SetNull));
    publishable(&mut event);
    translatable(&mut event);
    v.push(event.take());
    v.push(translation_table(
        "event_translations",
        "events",
        "event_id",
        &["title", "summary", "body", "venue", "city"],
    ));

    let mut news = Table::create();
    news.table("news")
        .if_not_exists()
        .col(pk_auto("id"))
        .col(string_len_uniq("slug", 160))
        .col(integer_null("event_id"))
        .col(integer_null("cover_id"))
        .foreign_key(&mut fk("news", "event_id", "events", SetNull))
        .foreign_key(&mut fk("news", "cover_id", "media", SetNull));
    publishable(&mut news);
    translatable(&mut news);
    v.push(news.take());
    v.push(translation_table(
        "news_translations",
        "news",
        "news_id",
        &["title", "summary", "body"],
    ));

    // --- programme ------------------------------------------------------------
    let mut fellow = Table::create();
    fellow
        .table("fellows")
        .if_not_exists()
        .col(pk_auto("id"))
        .col(string_len_uniq("slug", 160))
        .col(string_len("name", 160))
        .col(string_len("name_zh", 64).default(""))
        .col(string_len("country", 2))
        .col(integer("cohort_year"))
        .col(string_len("field", 32))
        .col(integer_null("photo_id"))
        .foreign_key(&mut fk("fellows", "photo_id", "media", SetNull));
    publishable(&mut fellow);
    translatable(&mut fellow);
    v.push(fellow.take());
    v.push(translation_table(
        "fellow_translations",
        "fellows",
        "fellow_id",
        &["home_institution", "host_institution", "research", "bio"],
    ));

    let mut call = Table::create();
    call.table("programme_calls")
        .if_not_exists()
        .col(pk_auto("id"))
        .col(integer("cohort_year"))
        .col(ts("opens_at"))
        .col(ts("closes_at"))
        .col(ts_null("decisions_at"))
        .col(string_len("status", 16));
    translatable(&mut call);
    v.push(call.take());
    v.push(translation_table(
        "call_translations",
        "programme_calls",
        "call_id",
        &["title", "description"],
    ));

    let mut post = Table::create();
    post.table("host_posts")
        .if_not_exists()
        .col(pk_auto("id"))
        .col(integer("call_id"))
        .col(string_len("field", 32))
        .col(string_len("supervisor", 160))
        .col(small_integer("duration_months"))
        .col(integer("position").default(0))
        .foreign_key(&mut fk("host_posts", "call_id", "programme_calls", Cascade));
    translatable(&mut post);
    v.push(post.take());
    v.push(translation_table(
        "host_post_translations",
        "host_posts",
        "host_post_id",
        &["institution", "lab", "description"],
    ));

    // The reference is random (not the id) so it cannot be guessed; the
    // submission token makes a double-posted form create one application.
    v.push(
        Table::create()
            .table("applications")
            .if_not_exists()
            .col(pk_auto("id"))
            .col(string_len_uniq("reference", 32))
            .col(string_len_uniq("submission_token", 64))
            .col(integer("call_id"))
            .col(integer_null("host_post_id"))
            .col(string_len("name", 160))
            .col(string_len("email", 254))
            .col(string_len("nationality", 2))
            .col(date("date_of_birth"))
            .col(string_len("degree", 16))
            .col(small_integer("research_years"))
            .col(string_len("field", 32))
            .col(string_len("institution", 200))
            .col(string_len("english_level", 16))
            .col(string_len("chinese_level", 16))
            .col(string_len("proposal_title", 200))
            .col(text("proposal"))
            .col(string_len("lang", 16))
            .col(string_len("status", 24))
            .col(ts("consent_at"))
            .col(ts("submitted_at"))
            .col(ts("created_at"))
            .col(ts("updated_at"))
            .foreign_key(&mut fk(
                "applications",
                "call_id",
                "programme_calls",
                Cascade,
            ))
            .foreign_key(&mut fk(
                "applications",
                "host_post_id",
                "host_posts",
                SetNull,
            ))
            .take(),
    );
    // Documents are stored in the database under a random key: never inside
    // a served folder, and visible to every instance.
    v.push(
        Table::create()
            .table("application_documents")
            .if_not_exists()
            .col(pk_auto("id"))
            .col(integer("application_id"))
            .col(string_len("kind", 16))
            .col(string_len_uniq("key", 64))
            .col(string_len("filename", 255))
            .col(integer("size"))
            .col(string_len("sha256", 64))
            .col(blob("bytes"))
            .col(ts("created_at"))
            .foreign_key(&mut fk(
                "application_documents",
                "application_id",
                "applications",
                Cascade,
            ))
            .take(),
    );
    v.push(
        Table::create()
            .table("application_history")
            .if_not_exists()
            .col(pk_auto("id"))
            .col(integer("application_id"))
            .col(string_len("from_status", 24))
            .col(string_len("to_status", 24))
            .col(integer_null("editor_id"))
            .col(string_len("editor_name", 160).default(""))
            .col(text("message").default(""))
            .col(ts("at"))
            .foreign_key(&mut fk(
                "application_history",
                "application_id",
                "applications",
                Cascade,
            ))
            .foreign_key(&mut fk(
                "application_history",
                "editor_id",
                "editors",
                SetNull,
            ))
            .take(),
    );
    v.push(
        Table::create()
            .table("application_reviews")
            .if_not_exists()
            .col(pk_auto("id"))
            .col(integer("application_id"))
            .col(integer_null("editor_id"))
            .col(string_len("editor_name", 160).default(""))
            .col(small_integer("score"))
            .col(text("note").default(""))
            .col(ts("created_at"))
            .foreign_key(&mut fk(
                "application_reviews",
                "application_id",
                "applications",
                Cascade,
            ))
            .foreign_key(&mut fk(
                "application_reviews",
                "editor_id",
                "editors",
                SetNull,
            ))
            .take(),
    );

    // --- the centre -------------------------------------------------------------
    let mut member = Table::create();
    member
        .table("network_members")
        .if_not_exists()
        .col(pk_auto("id"))
        .col(string_len("country", 2))
        .col(string_len("kind", 32))
        .col(string_len("website", 500).default(""))
        .col(integer("position").default(0));
    translatable(&mut member);
    v.push(member.take());
    v.push(translation_table(
        "network_member_translations",
        "network_members",
        "member_id",
        &["name", "description"],
    ));

    let mut page = Table::create();
    page.table("pages")
        .if_not_exists()
        .col(pk_auto("id"))
        .col(string_len_uniq("key", 64));
    translatable(&mut page);
    v.push(page.take());
    v.push(translation_table(
        "page_translations",
        "pages",
        "page_id",
        &["title", "body"],
    ));

    v.push(
        Table::create()
            .table("settings")
            .if_not_exists()
            .col(string_len("key", 64).primary_key())
            .col(text("value"))
            .col(ts("updated_at"))
            .take(),
    );
    // Messages to people outside (applicants): written here first, sent by
    // SMTP when configured, so nothing is lost when mail is down or absent.
    v.push(
        Table::create()
            .table("outbox")
            .if_not_exists()
            .col(pk_auto("id"))
            .col(string_len("to_email", 254))
            .col(string_len("lang", 16))
            .col(string_len("kind", 32))
            .col(string("subject"))
            .col(text("body"))
            .col(string_len("related_kind", 32).default(""))
            .col(integer_null("related_id"))
            .col(integer("attempts").default(0))
            .col(text_null("last_error"))
            .col(ts("created_at"))
            .col(ts_null("sent_at"))
            .take(),
    );
    v
}

fn indexes() -> Vec<IndexCreateStatement> {
    vec![
        index("idx_sessions_editor", "sessions", &["editor_id"]),
        index(
            "idx_rate_events_lookup",
            "rate_events",
            &["bucket", "key", "at"],
        ),
        index("idx_audit_at", "audit_log", &["at"]),
        index(
            "idx_media_variants_media",
            "media_variants",
            &["media_id", "width"],
        ),
        unique_index("uq_media_tr", "media_translations", &["media_id", "lang"]),
        index(
            "idx_tech_status_publish",
            "technologies",
            &["status", "publish_at"],
        ),
        index("idx_tech_field", "technologies", &["field", "trl"]),
        index("idx_tech_publish", "technologies", &["publish_at"]),
        unique_index(
            "uq_tech_tr",
            "technology_translations",
            &["technology_id", "lang"],
        ),
        index(
            "idx_tech_tr_title",
            "technology_translations",
            &["lang", "title"],
        ),
        index(
            "idx_tech_images",
            "technology_images",
            &["technology_id", "position"],
        ),
        index("idx_needs_status", "needs", &["status", "publish_at"]),
        unique_index("uq_need_tr", "need_translations", &["need_id", "lang"]),
        index(
            "idx_inquiries_status",
            "inquiries",
            &["status", "created_at"],
        ),
        index("idx_inquiries_tech", "inquiries", &["technology_id"]),
        index("idx_events_starts", "events", &["status", "starts_at"]),
        unique_index("uq_event_tr", "event_translations", &["event_id", "lang"]),
        index("idx_news_publish", "news", &["status", "publish_at"]),
        index("idx_news_event", "news", &["event_id"]),
        unique_index("uq_news_tr", "news_translations", &["news_id", "lang"]),
        index("idx_fellows_cohort", "fellows", &["cohort_year", "country"]),
        unique_index(
            "uq_fellow_tr",
            "fellow_translations",
            &["fellow_id", "lang"],
        ),
        unique_index("uq_call_tr", "call_translations", &["call_id", "lang"]),
        index(
            "idx_host_posts_call",
            "host_posts",
            &["call_id", "position"],
        ),
        unique_index(
            "uq_host_post_tr",
            "host_post_translations",
            &["host_post_id", "lang"],
        ),
        index(
            "idx_applications_call",
            "applications",
            &["call_id", "status"],
        ),
        index(
            "idx_app_docs_app",
            "application_documents",
            &["application_id"],
        ),
        index(
            "idx_app_history_app",
            "application_history",
            &["application_id", "at"],
        ),
        index(
            "idx_app_reviews_app",
            "application_reviews",
            &["application_id"],
        ),
        unique_index(
            "uq_member_tr",
            "network_member_translations",
            &["member_id", "lang"],
        ),
        unique_index("uq_page_tr", "page_translations", &["page_id", "lang"]),
        index("idx_outbox_pending", "outbox", &["sent_at", "created_at"]),
    ]
}
