//! The related-words vocabulary as stored: one `search_vocabulary` row per
//! group, each language's words comma-separated. Seeded from
//! `vocabulary.toml` by its migration; editors add and change groups in
//! the back office. Whoever keeps a text index loads it from here.

use futures_util::StreamExt;
use sea_orm::{ConnectionTrait, DbErr, StreamTrait, Value};

use super::text::Group;
use crate::db::stmt;

pub const LOAD_SQL: &str =
    "SELECT id, field, words_en, words_id, words_zh FROM search_vocabulary ORDER BY id";

/// Most words or phrases per language in a group, and characters per word.
pub const MAX_WORDS: usize = 20;
pub const MAX_WORD_CHARS: usize = 60;

/// A group as stored, with its row id.
pub struct Stored {
    pub id: i32,
    pub group: Group,
}

/// Words from their stored (or typed) form: comma-separated, trimmed,
/// empty ones dropped.
pub fn split(s: &str) -> Vec<String> {
    s.split([',', '，', '、'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

pub fn join(words: &[String]) -> String {
    words.join(", ")
}

/// Every group, oldest first.
pub async fn all<C: ConnectionTrait + StreamTrait>(db: &C) -> Result<Vec<Stored>, DbErr> {
    let backend = ConnectionTrait::get_database_backend(db);
    let mut rows = Box::pin(db.stream_raw(stmt(backend, LOAD_SQL, vec![])).await?);
    let mut out = Vec::new();
    while let Some(r) = rows.next().await {
        let r = r?;
        out.push(Stored {
            id: r.try_get("", "id")?,
            group: Group {
                field: r.try_get("", "field")?,
                en: split(&r.try_get::<String>("", "words_en")?),
                id: split(&r.try_get::<String>("", "words_id")?),
                zh: split(&r.try_get::<String>("", "words_zh")?),
            },
        });
    }
    Ok(out)
}

/// Adds a group (`id` None) or replaces one; its id, or None when the
/// group to replace is gone.
pub async fn save(
    db: &impl ConnectionTrait,
    id: Option<i32>,
    g: &Group,
) -> Result<Option<i32>, DbErr> {
    let backend = db.get_database_backend();
    let values: Vec<Value> = vec![
        g.field.clone().into(),
        join(&g.en).into(),
        join(&g.id).into(),
        join(&g.zh).into(),
    ];
    match id {
        None => {
            let row = db
                .query_one_raw(stmt(
                    backend,
                    "INSERT INTO search_vocabulary (field, words_en, words_id, words_zh) \
                     VALUES (?, ?, ?, ?) RETURNING id",
                    values,
                ))
                .await?;
            row.map(|r| r.try_get::<i32>("", "id")).transpose()
        }
        Some(id) => {
            let mut values = values;
            values.push(id.into());
            let done = db
                .execute_raw(stmt(
                    backend,
                    "UPDATE search_vocabulary SET field = ?, words_en = ?, words_id = ?, \
                     words_zh = ? WHERE id = ?",
                    values,
                ))
                .await?;
            Ok((done.rows_affected() > 0).then_some(id))
        }
    }
}

/// An empty text index that knows the stored vocabulary: where every
/// index over the portal's texts starts.
pub async fn empty_index<C: ConnectionTrait + StreamTrait>(
    db: &C,
) -> Result<super::text::TextIndex, DbErr> {
    let groups: Vec<_> = all(db).await?.into_iter().map(|s| s.group).collect();
    Ok(super::text::TextIndex::new(super::text::Vocabulary::new(
        &groups,
    )))
}
