//! The privacy notice (issue 15): every public form links to it, so a new
//! installation has it in the three languages from its first start, not
//! only when the demo content is loaded. Editors own it afterwards (Pages in
//! the back office): the seed goes in only where no page has its key, and
//! rolling back removes it only while no editor has changed it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const KEY: &str = "privacy";
const SEED: &str = include_str!("seed/privacy.toml");
const LANGS: [&str; 3] = ["en", "zh-CN", "id"];

fn texts() -> Result<Vec<(&'static str, String, String)>, DbErr> {
    let seed: toml::Table = SEED
        .parse()
        .map_err(|e| DbErr::Custom(format!("privacy.toml: {e}")))?;
    LANGS
        .iter()
        .map(|lang| {
            let get = |field: &str| {
                seed.get(*lang)
                    .and_then(|t| t.get(field))
                    .and_then(toml::Value::as_str)
                    .map(|s| s.trim().to_owned())
                    .ok_or_else(|| DbErr::Custom(format!("privacy.toml: no {lang}.{field}")))
            };
            Ok((*lang, get("title")?, get("body")?))
        })
        .collect()
}

async fn page_id(
    db: &SchemaManagerConnection<'_>,
    backend: DbBackend,
) -> Result<Option<i32>, DbErr> {
    let select = Query::select()
        .column("id")
        .from("pages")
        .and_where(Expr::col("key").eq(KEY))
        .to_owned();
    Ok(match db.query_one_raw(backend.build(&select)).await? {
        Some(row) => Some(row.try_get::<i32>("", "id")?),
        None => None,
    })
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let backend = m.get_database_backend();
        if page_id(db, backend).await?.is_some() {
            return Ok(());
        }
        let texts = texts()?;
        let insert = Query::insert()
            .into_table("pages")
            .columns(["key", "source_lang", "created_at", "updated_at"])
            .values([
                KEY.into(),
                "en".into(),
                Expr::current_timestamp(),
                Expr::current_timestamp(),
            ])
            .map_err(|e| DbErr::Custom(e.to_string()))?
            .to_owned();
        db.execute_raw(backend.build(&insert)).await?;
        let id = page_id(db, backend)
            .await?
            .ok_or_else(|| DbErr::Custom("the privacy page was not stored".into()))?;
        for (lang, title, body) in texts {
            let insert = Query::insert()
                .into_table("page_translations")
                .columns([
                    "page_id",
                    "lang",
                    "title",
                    "body",
                    "revision",
                    "source_revision",
                    "updated_at",
                ])
                .values([
                    id.into(),
                    lang.into(),
                    title.into(),
                    body.into(),
                    1.into(),
                    1.into(),
                    Expr::current_timestamp(),
                ])
                .map_err(|e| DbErr::Custom(e.to_string()))?
                .to_owned();
            db.execute_raw(backend.build(&insert)).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let backend = m.get_database_backend();
        let Some(id) = page_id(db, backend).await? else {
            return Ok(());
        };
        // An editor's revision is theirs: the seed leaves only untouched.
        let edited = Query::select()
            .expr(Expr::col("id").count())
            .from("page_translations")
            .and_where(Expr::col("page_id").eq(id))
            .and_where(Expr::col("revision").ne(1))
            .to_owned();
        let n: i64 = match db.query_one_raw(backend.build(&edited)).await? {
            Some(row) => row.try_get_by_index(0)?,
            None => 0,
        };
        if n > 0 {
            return Ok(());
        }
        for (table, col) in [("page_translations", "page_id"), ("pages", "id")] {
            let delete = Query::delete()
                .from_table(table)
                .and_where(Expr::col(col).eq(id))
                .to_owned();
            db.execute_raw(backend.build(&delete)).await?;
        }
        Ok(())
    }
}
