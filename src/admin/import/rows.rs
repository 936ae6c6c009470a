//! Records of any importable kind from a spreadsheet: which columns a file
//! may have, each row turned into the values the kind's edit form would
//! post (taxonomy labels in any language read back to their codes), checked
//! by the very rules of the edit form, and written as the form writes them,
//! all rows in one transaction.

use std::collections::HashMap;

use sea_orm::{ConnectionTrait, DbErr};

use super::Problem;
use super::kinds::{Importable, REF};
use super::sheet::{Refusal, Sheet};
use crate::admin::form::{Field, Input, Values};
use crate::admin::translation_store;
use crate::i18n::Locale;
use crate::web::Translator;

/// Shared fields a file may give, by the edit form's names.
pub fn shared_fields<K: Importable>() -> Vec<Field> {
    K::shared()
        .into_iter()
        .filter(|f| !K::SKIP.contains(&f.name))
        .collect()
}

/// Every column a file may have, in the template's order: the reference,
/// the source language and status, the shared fields, then each translated
/// field in each language (`title.zh-CN`, `title.en`, `title.id`, ...).
pub fn columns<K: Importable>() -> Vec<String> {
    let mut c: Vec<String> = [REF, "source_lang", "status"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    c.extend(shared_fields::<K>().iter().map(|f| f.name.to_owned()));
    for f in K::translated() {
        for l in Locale::all() {
            c.push(format!("{}.{}", f.name, l.tag()));
        }
    }
    c
}

/// Columns a file must have (a title in at least one language besides).
fn required_columns<K: Importable>() -> Vec<&'static str> {
    shared_fields::<K>()
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect()
}

/// What a row becomes: a new record or an update of `id`.
pub struct Planned {
    pub id: Option<i32>,
    pub values: Values,
}

/// Each column's position in the file, after checking the header row.
pub struct Layout {
    position: HashMap<String, usize>,
}

impl Layout {
    /// Refuses an unknown, repeated or missing column.
    pub fn of<K: Importable>(sheet: &Sheet) -> Result<Self, Refusal> {
        let known = columns::<K>();
        let mut position = HashMap::new();
        for (i, h) in sheet.headers.iter().enumerate() {
            if h.is_empty() {
                // A blank header over an empty column is harmless (a
                // spreadsheet program's stray formatting); over data it is
                // a column nobody named.
                if sheet
                    .rows
                    .iter()
                    .any(|(_, r)| !Sheet::cell(r, i).is_empty())
                {
                    return Err(Refusal::with(
                        "import-unknown-column",
                        format!("#{}", i + 1),
                    ));
                }
                continue;
            }
            let Some(name) = known.iter().find(|k| k.eq_ignore_ascii_case(h)) else {
                return Err(Refusal::with("import-unknown-column", h.clone()));
            };
            if position.insert(name.clone(), i).is_some() {
                return Err(Refusal::with("import-repeated-column", h.clone()));
            }
        }
        let mut missing: Vec<String> = required_columns::<K>()
            .into_iter()
            .filter(|c| !position.contains_key(*c))
            .map(str::to_owned)
            .collect();
        let headline = K::TR.headline;
        if !Locale::all().any(|l| position.contains_key(&format!("{headline}.{}", l.tag()))) {
            missing.push(format!("{headline}.en"));
        }
        if !missing.is_empty() {
            return Err(Refusal::with("import-missing-columns", missing.join(", ")));
        }
        Ok(Self { position })
    }

    fn get<'a>(&self, row: &'a [String], column: &str) -> Option<&'a str> {
        self.position.get(column).map(|i| Sheet::cell(row, *i))
    }
}

/// Codes by what a person may write for them: the code itself, and its
/// name in every language, compared without case.
struct Vocabulary(HashMap<&'static str, HashMap<String, &'static str>>);

fn norm(s: &str) -> String {
    s.trim().to_lowercase().replace(['_', '-'], " ")
}

impl Vocabulary {
    fn new<K: Importable>() -> Self {
        let mut lists: Vec<(&'static str, &'static [&'static str], &'static str)> =
            vec![("status", K::STATUSES, "admin-status")];
        for f in shared_fields::<K>() {
            if let Input::Select(codes, prefix) | Input::Checks(codes, prefix) = f.input {
                lists.push((f.name, codes, prefix));
            }
        }
        let mut by_column = HashMap::new();
        for (column, codes, prefix) in lists {
            let mut m = HashMap::new();
            for code in codes {
                m.insert(norm(code), *code);
                for locale in Locale::all() {
                    m.insert(norm(&Translator { locale }.code(prefix, code)), *code);
                }
            }
            by_column.insert(column, m);
        }
        Self(by_column)
    }

    fn code(&self, column: &str, written: &str) -> Option<&'static str> {
        self.0.get(column)?.get(&norm(written)).copied()
    }
}

/// A yes/no cell in any of the three languages.
fn yes_no(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "" | "no" | "n" | "false" | "0" | "否" | "tidak" => Some(false),
        "yes" | "y" | "true" | "1" | "x" | "是" | "ya" => Some(true),
        _ => None,
    }
}

/// Several values in one cell: separated by `;`, `,`, `、`, `，` or lines.
fn several(s: &str) -> Vec<&str> {
    s.split([';', ',', '、', '，', '；', '\n'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect()
}

/// The key of a form value as the column it came from (`en.title` is
/// `title.en`).
fn column_of(key: &str) -> String {
    match key.split_once('.') {
        Some((lang, field)) => format!("{field}.{lang}"),
        None => key.to_owned(),
    }
}

/// A stored record as form values, to which a row's cells are applied: a
/// column the file does not have leaves what is stored as it is.
async fn stored<K: Importable>(db: &impl ConnectionTrait, id: i32) -> Result<Values, DbErr> {
    let mut v = K::load(db, id)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(id.to_string()))?;
    let rows = translation_store::load(db, &K::TR, id).await?;
    translation_store::into_values(&K::TR, &rows, &mut v);
    Ok(v)
}

/// Every row checked: what each would become, and every problem found.
pub async fn plan<K: Importable>(
    db: &impl ConnectionTrait,
    sheet: &Sheet,
) -> Result<Result<(Vec<Planned>, Vec<Problem>), Refusal>, DbErr> {
    let layout = match Layout::of::<K>(sheet) {
        Ok(l) => l,
        Err(r) => return Ok(Err(r)),
    };
    let vocabulary = Vocabulary::new::<K>();
    let refs = K::references(db).await?;
    let fields = shared_fields::<K>();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut planned = Vec::new();
    let mut problems = Vec::new();
    for (line, row) in &sheet.rows {
        let line = *line;
        let mut found: Vec<Problem> = Vec::new();
        let reference = layout.get(row, REF).unwrap_or("").to_owned();
        let id = refs.get(&reference).copied();
        if !reference.is_empty() {
            if let Some(first) = seen.insert(reference.clone(), line) {
                found.push(Problem::new(
                    line,
                    REF,
                    "import-repeated-ref",
                    &first.to_string(),
                ));
            }
            if reference.chars().count() > 100 {
                found.push(Problem::n(line, REF, "form-too-long-n", 100));
            }
        }
        let mut v = match id {
            Some(id) => stored::<K>(db, id).await?,
            None => {
                // As a new record starts in the back office: the first of
                // the kind's states (a draft, a need awaiting moderation).
                let mut v = Values::default();
                v.set("source_lang", "en");
                v.set("status", K::STATUSES.first().copied().unwrap_or("draft"));
                v
            }
        };
        v.set(REF, reference);
        if let Some(s) = layout.get(row, "source_lang").filter(|s| !s.is_empty()) {
            let tag = Locale::all()
                .find(|l| l.tag().eq_ignore_ascii_case(s) || l.native_name() == s)
                .map_or_else(|| s.to_owned(), |l| l.tag().to_owned());
            v.set("source_lang", tag);
        }
        if let Some(s) = layout.get(row, "status").filter(|s| !s.is_empty()) {
            match vocabulary.code("status", s) {
                Some(code) => v.set("status", code),
                None => found.push(Problem::new(line, "status", "import-unknown-value", s)),
            }
        }
        for f in &fields {
            let Some(cell) = layout.get(row, f.name) else {
                continue;
            };
            match f.input {
                Input::Select(..) => {
                    if cell.is_empty() {
                        v.set(f.name, "");
                    } else if let Some(code) = vocabulary.code(f.name, cell) {
                        v.set(f.name, code);
                    } else {
                        found.push(Problem::new(line, f.name, "import-unknown-value", cell));
                    }
                }
                Input::Checks(..) => {
                    v.remove(f.name);
                    for part in several(cell) {
                        match vocabulary.code(f.name, part) {
                            Some(code) => v.push(f.name, code),
                            None => {
                                found.push(Problem::new(
                                    line,
                                    f.name,
                                    "import-unknown-value",
                                    part,
                                ));
                            }
                        }
                    }
                }
                Input::Check => match yes_no(cell) {
                    Some(true) => v.set(f.name, "on"),
                    Some(false) => v.remove(f.name),
                    None => found.push(Problem::new(line, f.name, "import-yes-no", cell)),
                },
                _ => v.set(f.name, cell),
            }
        }
        for f in K::translated() {
            for l in Locale::all() {
                if let Some(cell) = layout.get(row, &format!("{}.{}", f.name, l.tag())) {
                    v.set_tr(l.tag(), f.name, cell);
                }
            }
        }
        // The edit form's own checks, so that a file can hold nothing the
        // form would refuse (lengths, e-mail, TRL 1-9, required texts in
        // the source language); a column already reported is not reported
        // twice.
        let errors = crate::admin::content::validate::<K>(&v);
        for (key, message) in errors.iter() {
            let column = column_of(key);
            if !found.iter().any(|p| p.column == column) {
                found.push(Problem::n(line, &column, message, errors.count_of(key)));
            }
        }
        if found.is_empty() {
            planned.push(Planned { id, values: v });
        }
        problems.extend(found);
    }
    Ok(Ok((planned, problems)))
}

/// Writes one planned row as the edit form would: the record (a new one
/// gets a unique slug from its English title), its translations (new ones
/// at their first revision, changed ones a revision up), its search entry.
/// Returns whether it was new.
pub async fn write<K: Importable>(db: &impl ConnectionTrait, p: Planned) -> Result<bool, DbErr> {
    let Planned { id, mut values } = p;
    let source = values.trimmed("source_lang");
    if id.is_none() && K::SLUG {
        let headline = K::TR.headline;
        let title = [values.tr("en", headline), values.tr(&source, headline)]
            .into_iter()
            .find(|t| !t.is_empty())
            .unwrap_or_default();
        let slug = crate::slugs::unique(db, K::TABLE, &crate::slugs::from_title(&title)).await?;
        values.set("slug", slug);
    }
    let saved = K::save(db, id, &values).await?;
    K::keep_ref(db, saved, values.get(REF)).await?;
    translation_store::save(db, &K::TR, saved, &values, &source, &[], crate::db::now()).await?;
    K::reindex(db, saved).await?;
    Ok(id.is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_people_write_them() {
        assert_eq!(
            several("ID; VN，泰国、 Laos"),
            vec!["ID", "VN", "泰国", "Laos"]
        );
        assert_eq!(yes_no("Ya"), Some(true));
        assert_eq!(yes_no("否"), Some(false));
        assert_eq!(yes_no("maybe"), None);
        assert_eq!(column_of("zh-CN.title"), "title.zh-CN");
        use crate::admin::kinds::needs::Needs;
        use crate::admin::kinds::technologies::Technologies;
        let v = Vocabulary::new::<Technologies>();
        assert_eq!(v.code("countries", "印度尼西亚"), Some("ID"));
        assert_eq!(v.code("countries", "vn"), Some("VN"));
        assert_eq!(v.code("field", "new energy"), Some("new_energy"));
        assert_eq!(v.code("countries", "Atlantis"), None);
        assert!(columns::<Technologies>().contains(&"title.zh-CN".to_owned()));
        let needs = columns::<Needs>();
        assert!(needs.contains(&"country".to_owned()));
        assert!(!needs.contains(&"slug".to_owned()));
        assert_eq!(
            Vocabulary::new::<Needs>().code("status", "Pending"),
            Some("pending")
        );
    }
}
