//! The full-text index behind catalogue and site search.
//!
//! `search_docs` is portable: one row per searchable record holding the text of
//! all its translations, already analysed by the portal (lower-cased, accents
//! removed, Chinese split into bigrams, non-ASCII tokens hex-encoded), so both
//! backends only ever see space-separated ASCII words. Each backend then
//! indexes those words its own way, in the two branches below.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const SQLITE_UP: &[&str] = &[
    // External-content FTS5: the words live once, in search_docs; triggers keep
    // the index in step inside the writer's transaction.
    "CREATE VIRTUAL TABLE search_fts USING fts5(title_terms, summary_terms, body_terms, \
     content='search_docs', content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN \
     INSERT INTO search_fts(rowid, title_terms, summary_terms, body_terms) \
     VALUES (new.id, new.title_terms, new.summary_terms, new.body_terms); END",
    "CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN \
     INSERT INTO search_fts(search_fts, rowid, title_terms, summary_terms, body_terms) \
     VALUES ('delete', old.id, old.title_terms, old.summary_terms, old.body_terms); END",
    "CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN \
     INSERT INTO search_fts(search_fts, rowid, title_terms, summary_terms, body_terms) \
     VALUES ('delete', old.id, old.title_terms, old.summary_terms, old.body_terms); \
     INSERT INTO search_fts(rowid, title_terms, summary_terms, body_terms) \
     VALUES (new.id, new.title_terms, new.summary_terms, new.body_terms); END",
];

const SQLITE_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS search_docs_au",
    "DROP TRIGGER IF EXISTS search_docs_ad",
    "DROP TRIGGER IF EXISTS search_docs_ai",
    "DROP TABLE IF EXISTS search_fts",
];

const POSTGRES_UP: &[&str] = &[
    // Weights A/B/C rank a title hit above a summary hit above a body hit.
    "ALTER TABLE search_docs ADD COLUMN tsv tsvector GENERATED ALWAYS AS ( \
     setweight(to_tsvector('simple', title_terms), 'A') || \
     setweight(to_tsvector('simple', summary_terms), 'B') || \
     setweight(to_tsvector('simple', body_terms), 'C')) STORED",
    "CREATE INDEX idx_search_docs_tsv ON search_docs USING GIN (tsv)",
];

const POSTGRES_DOWN: &[&str] = &["DROP INDEX IF EXISTS idx_search_docs_tsv"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("search_docs")
                .if_not_exists()
                .col(big_pk_auto("id"))
                .col(string_len("kind", 16))
                .col(integer("entity_id"))
                .col(text("title_terms"))
                .col(text("summary_terms"))
                .col(text("body_terms"))
                .col(timestamp_with_time_zone("updated_at"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("uq_search_docs_entity")
                .table("search_docs")
                .col("kind")
                .col("entity_id")
                .unique()
                .to_owned(),
        )
        .await?;
        run(m, backend_sql(m, SQLITE_UP, POSTGRES_UP)).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        run(m, backend_sql(m, SQLITE_DOWN, POSTGRES_DOWN)).await?;
        m.drop_table(Table::drop().table("search_docs").if_exists().to_owned())
            .await
    }
}

fn backend_sql(
    m: &SchemaManager,
    sqlite: &'static [&'static str],
    postgres: &'static [&'static str],
) -> &'static [&'static str] {
    match m.get_database_backend() {
        DbBackend::Postgres => postgres,
        _ => sqlite,
    }
}

async fn run(m: &SchemaManager<'_>, statements: &[&str]) -> Result<(), DbErr> {
    let db = m.get_connection();
    for sql in statements {
        db.execute_unprepared(sql).await?;
    }
    Ok(())
}
