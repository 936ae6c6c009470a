//! A catalogue version that every write to technologies or their texts
//! raises, by trigger, so that each instance's in-memory catalogue index
//! knows it is stale however the write was made. One branch per backend.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLES: &[&str] = &["technologies", "technology_translations"];

fn sqlite_up() -> Vec<String> {
    let mut v = Vec::new();
    for t in TABLES {
        for (ev, name) in [("INSERT", "ai"), ("UPDATE", "au"), ("DELETE", "ad")] {
            v.push(format!(
                "CREATE TRIGGER {t}_version_{name} AFTER {ev} ON {t} BEGIN \
                 UPDATE catalog_state SET version = version + 1 WHERE id = 1; END"
            ));
        }
    }
    v
}

fn sqlite_down() -> Vec<String> {
    let mut v = Vec::new();
    for t in TABLES {
        for name in ["ai", "au", "ad"] {
            v.push(format!("DROP TRIGGER IF EXISTS {t}_version_{name}"));
        }
    }
    v
}

fn postgres_up() -> Vec<String> {
    // Statement-level: a bulk insert raises the version once.
    let mut v = vec![
        "CREATE OR REPLACE FUNCTION bump_catalog_version() RETURNS trigger AS $$ \
         BEGIN UPDATE catalog_state SET version = version + 1 WHERE id = 1; RETURN NULL; END \
         $$ LANGUAGE plpgsql"
            .to_owned(),
    ];
    for t in TABLES {
        v.push(format!(
            "CREATE TRIGGER {t}_version AFTER INSERT OR UPDATE OR DELETE ON {t} \
             FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version()"
        ));
    }
    v
}

fn postgres_down() -> Vec<String> {
    let mut v: Vec<String> = TABLES
        .iter()
        .map(|t| format!("DROP TRIGGER IF EXISTS {t}_version ON {t}"))
        .collect();
    v.push("DROP FUNCTION IF EXISTS bump_catalog_version()".to_owned());
    v
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("catalog_state")
                .if_not_exists()
                .col(integer("id").primary_key())
                .col(big_integer("version"))
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        db.execute_unprepared("INSERT INTO catalog_state (id, version) VALUES (1, 1)")
            .await?;
        let statements = match m.get_database_backend() {
            DbBackend::Postgres => postgres_up(),
            _ => sqlite_up(),
        };
        for sql in statements {
            db.execute_unprepared(&sql).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let statements = match m.get_database_backend() {
            DbBackend::Postgres => postgres_down(),
            _ => sqlite_down(),
        };
        let db = m.get_connection();
        for sql in statements {
            db.execute_unprepared(&sql).await?;
        }
        m.drop_table(Table::drop().table("catalog_state").if_exists().to_owned())
            .await
    }
}
