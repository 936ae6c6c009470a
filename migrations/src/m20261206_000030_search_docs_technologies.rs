//! The full-text table keeps technologies only. Needs, events, news and
//! fellows were indexed there too, but nothing read their rows: those kinds
//! are a few hundred records and the site search matches them in memory
//! (`site_search::index`). Their rows are removed (on SQLite the triggers
//! take them out of `search_fts` as well).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.get_connection()
            .execute_unprepared("DELETE FROM search_docs WHERE kind <> 'technology'")
            .await?;
        Ok(())
    }

    /// Nothing to put back: the rows were derived text that nothing read.
    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}
