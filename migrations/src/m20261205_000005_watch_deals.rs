//! The home and About pages count agreements, answered inquiries,
//! countries and organisations from the deals: a deal's move is a change
//! of what public pages show, so it raises the data version too.

use sea_orm_migration::prelude::*;

use crate::m20261205_000001_data_version::{unwatch, watch};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLES: &[&str] = &["deals"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        for table in TABLES {
            for s in watch(m.get_database_backend(), table) {
                db.execute_unprepared(&s).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        for table in TABLES {
            for s in unwatch(m.get_database_backend(), table) {
                db.execute_unprepared(&s).await?;
            }
        }
        Ok(())
    }
}
