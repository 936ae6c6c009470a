//! URL slugs: made from a title (transliterated, so Chinese titles work
//! too), unique per table, and never changed after creation.

use sea_orm::{ConnectionTrait, DbErr, FromQueryResult};

use crate::db::stmt;

pub const MAX_LEN: usize = 80;

/// A slug from a title: lower-case ASCII words joined by hyphens.
pub fn from_title(title: &str) -> String {
    let s = slug::slugify(title);
    let mut out = String::new();
    for part in s.split('-') {
        if out.len() + part.len() + 1 > MAX_LEN {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(part);
    }
    if out.is_empty() {
        "item".to_owned()
    } else {
        out
    }
}

/// Whether a slug given by an editor is acceptable as it is.
pub fn is_valid(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 160
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
}

#[derive(FromQueryResult)]
struct Found {
    #[allow(dead_code)]
    n: i64,
}

/// Words that are fixed addresses beside the slugs (`/needs/new`,
/// `/needs/submitted`, `/events/calendar.ics`): a record may not take them.
pub const RESERVED: &[&str] = &["new", "submitted", "calendar", "feed", "apply", "status"];

/// `base`, or `base-2`, `base-3`... whichever is free in `table` (and not a
/// reserved word).
pub async fn unique(
    db: &impl ConnectionTrait,
    table: &'static str,
    base: &str,
) -> Result<String, DbErr> {
    let backend = db.get_database_backend();
    let mut candidate = base.to_owned();
    for n in 2.. {
        let taken = RESERVED.contains(&candidate.as_str())
            || Found::find_by_statement(stmt(
                backend,
                &format!("SELECT 1 AS n FROM {table} WHERE slug = ?"),
                vec![candidate.clone().into()],
            ))
            .one(db)
            .await?
            .is_some();
        if !taken {
            break;
        }
        candidate = format!("{base}-{n}");
    }
    Ok(candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(
            from_title("Hybrid Rice: High-Yield Cultivation!"),
            "hybrid-rice-high-yield-cultivation"
        );
        assert!(is_valid(&from_title("水稻高产栽培")));
        assert!(is_valid(&from_title("Teknologi Padi Hibrida untuk Sawah")));
        assert_eq!(from_title("!!!"), "item");
        assert!(!is_valid("Bad Slug"));
        assert!(!is_valid("-x"));
    }
}
