//! The related-words vocabulary of search (issue 15): one row per group of
//! words and phrases that mean the same across the three languages, seeded
//! from `src/search/vocabulary.toml` and extended by editors. It is part of
//! the catalogue's in-memory index, so a write raises the catalogue version
//! and the data version, like a write to technologies.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::DbBackend;

use crate::m20261205_000001_data_version::{unwatch, watch};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLE: &str = "search_vocabulary";
const SEED: &str = include_str!("../../src/search/vocabulary.toml");

fn catalog_triggers(backend: DbBackend) -> Vec<String> {
    match backend {
        DbBackend::Postgres => vec![format!(
            "CREATE TRIGGER {TABLE}_version AFTER INSERT OR UPDATE OR DELETE ON {TABLE} \
             FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version()"
        )],
        _ => [("INSERT", "ai"), ("UPDATE", "au"), ("DELETE", "ad")]
            .iter()
            .map(|(ev, name)| {
                format!(
                    "CREATE TRIGGER {TABLE}_version_{name} AFTER {ev} ON {TABLE} BEGIN \
                     UPDATE catalog_state SET version = version + 1 WHERE id = 1; END"
                )
            })
            .collect(),
    }
}

fn drop_catalog_triggers(backend: DbBackend) -> Vec<String> {
    match backend {
        DbBackend::Postgres => vec![format!("DROP TRIGGER IF EXISTS {TABLE}_version ON {TABLE}")],
        _ => ["ai", "au", "ad"]
            .iter()
            .map(|n| format!("DROP TRIGGER IF EXISTS {TABLE}_version_{n}"))
            .collect(),
    }
}

/// Words of one language of a seed group, as stored: comma-separated.
fn words(group: &toml::Table, lang: &str) -> String {
    group
        .get(lang)
        .and_then(toml::Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(toml::Value::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(TABLE)
                .if_not_exists()
                .col(pk_auto("id"))
                .col(string("field"))
                .col(text("words_en"))
                .col(text("words_id"))
                .col(text("words_zh"))
                .to_owned(),
        )
        .await?;
        let seed: toml::Table = SEED
            .parse()
            .map_err(|e| DbErr::Custom(format!("vocabulary.toml: {e}")))?;
        let groups = seed
            .get("group")
            .and_then(toml::Value::as_array)
            .cloned()
            .unwrap_or_default();
        let db = m.get_connection();
        let backend = m.get_database_backend();
        for g in groups.iter().filter_map(toml::Value::as_table) {
            let field = g.get("field").and_then(toml::Value::as_str).unwrap_or("");
            let insert = Query::insert()
                .into_table(TABLE)
                .columns(["field", "words_en", "words_id", "words_zh"])
                .values([
                    field.into(),
                    words(g, "en").into(),
                    words(g, "id").into(),
                    words(g, "zh-CN").into(),
                ])
                .map_err(|e| DbErr::Custom(e.to_string()))?
                .to_owned();
            db.execute_raw(backend.build(&insert)).await?;
        }
        for s in catalog_triggers(backend)
            .into_iter()
            .chain(watch(backend, TABLE))
        {
            db.execute_unprepared(&s).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let backend = m.get_database_backend();
        for s in drop_catalog_triggers(backend)
            .into_iter()
            .chain(unwatch(backend, TABLE))
        {
            db.execute_unprepared(&s).await?;
        }
        m.drop_table(Table::drop().table(TABLE).if_exists().to_owned())
            .await
    }
}
