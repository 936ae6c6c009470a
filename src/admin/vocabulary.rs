//! The related words of search: editors list the groups of words that mean
//! the same across the three languages, add groups and change them. A save
//! raises the catalogue version (by trigger), so every instance's search
//! uses the new words at its next request.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::accounts::Role;
use crate::error::AppError;
use crate::search::text::Group;
use crate::search::vocabulary::{self, MAX_WORD_CHARS, MAX_WORDS, Stored};
use crate::taxonomy::FIELDS;
use crate::web::AppState;
use crate::web::client::client_ip;
use crate::web::forms::FieldErrors;
use crate::web::{Html, Translator};

use super::page::AdminPage;
use super::session::Editor;
use crate::web::see_other;

#[derive(Template)]
#[template(path = "admin/vocabulary.html")]
pub struct VocabularyPage {
    pub page: AdminPage,
    pub groups: Vec<Stored>,
    pub form: VocabularyForm,
    pub errors: FieldErrors,
    pub fields: &'static [&'static str],
}

impl VocabularyPage {
    /// The words inputs: name, label, value.
    pub fn inputs(&self) -> [(&'static str, &'static str, &str); 3] {
        [
            ("words_en", "admin-vocabulary-words-en", &self.form.words_en),
            ("words_id", "admin-vocabulary-words-id", &self.form.words_id),
            ("words_zh", "admin-vocabulary-words-zh", &self.form.words_zh),
        ]
    }
}

/// The form as typed: each language's words comma-separated; `id` empty
/// for a new group.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct VocabularyForm {
    pub csrf: String,
    pub id: String,
    pub field: String,
    pub words_en: String,
    pub words_id: String,
    pub words_zh: String,
}

impl VocabularyForm {
    fn of(s: &Stored) -> Self {
        Self {
            id: s.id.to_string(),
            field: s.group.field.clone(),
            words_en: vocabulary::join(&s.group.en),
            words_id: vocabulary::join(&s.group.id),
            words_zh: vocabulary::join(&s.group.zh),
            ..Self::default()
        }
    }

    /// The group to save, and the id of the one it replaces.
    fn validate(&self) -> Result<(Option<i32>, Group), FieldErrors> {
        let mut errors = FieldErrors::default();
        let id = match self.id.trim() {
            "" => None,
            s => s.parse::<i32>().ok().or_else(|| {
                errors.add("id", "form-required");
                None
            }),
        };
        if !FIELDS.contains(&self.field.as_str()) {
            errors.add("field", "form-choose");
        }
        let mut words = |name: &'static str, raw: &str| {
            let list = vocabulary::split(raw);
            if list.len() > MAX_WORDS {
                errors.add_n(name, "admin-vocabulary-too-many", MAX_WORDS as i64);
            } else if list.iter().any(|w| w.chars().count() > MAX_WORD_CHARS) {
                errors.add_n(name, "form-too-long-n", MAX_WORD_CHARS as i64);
            }
            list
        };
        let group = Group {
            field: self.field.clone(),
            en: words("words_en", &self.words_en),
            id: words("words_id", &self.words_id),
            zh: words("words_zh", &self.words_zh),
        };
        // A group relates words: one alone finds nothing more.
        if group.en.len() + group.id.len() + group.zh.len() < 2 {
            errors.add("words_en", "admin-vocabulary-two-words");
        }
        if errors.is_empty() {
            Ok((id, group))
        } else {
            Err(errors)
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PageQuery {
    flash: String,
    edit: String,
}

fn render(
    editor: &Editor,
    state: &AppState,
    groups: Vec<Stored>,
    form: VocabularyForm,
    errors: FieldErrors,
    flash: Option<&str>,
) -> Result<Html, AppError> {
    let tr = Translator {
        locale: editor.locale,
    };
    Html::render(&VocabularyPage {
        page: AdminPage::new(
            editor,
            state.asset_version.clone(),
            "vocabulary",
            tr.t("admin-vocabulary-title"),
            flash,
        ),
        groups,
        form,
        errors,
        fields: FIELDS,
    })
}

/// GET /admin/vocabulary[?edit=ID]
pub async fn page(
    editor: Editor,
    state: web::Data<AppState>,
    q: web::Query<PageQuery>,
) -> Result<Html, AppError> {
    editor.require(&[Role::Editor])?;
    let groups = vocabulary::all(&state.db).await?;
    let form = q
        .edit
        .parse::<i32>()
        .ok()
        .and_then(|id| groups.iter().find(|g| g.id == id))
        .map(VocabularyForm::of)
        .unwrap_or_default();
    render(
        &editor,
        &state,
        groups,
        form,
        FieldErrors::default(),
        (!q.flash.is_empty()).then_some(q.flash.as_str()),
    )
}

/// POST /admin/vocabulary
pub async fn save(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    form: crate::web::forms::Form<VocabularyForm>,
) -> Result<HttpResponse, AppError> {
    editor.require(&[Role::Editor])?;
    editor.check_csrf(&form.csrf)?;
    let form = form.into_inner();
    let (id, group) = match form.validate() {
        Ok(v) => v,
        Err(errors) => {
            let groups = vocabulary::all(&state.db).await?;
            return Ok(render(&editor, &state, groups, form, errors, None)?
                .unprocessable()
                .into_response(&req));
        }
    };
    let ip = client_ip(&req, &state);
    let txn = crate::db::begin_write(&state.db).await?;
    let saved = vocabulary::save(&txn, id, &group)
        .await?
        .ok_or(AppError::NotFound)?;
    let summary = [&group.en, &group.id, &group.zh]
        .iter()
        .flat_map(|l| l.iter())
        .take(4)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    crate::audit::record(
        &txn,
        &editor.actor(Some(&ip)),
        if id.is_some() { "update" } else { "create" },
        "search_vocabulary",
        Some(saved),
        &summary,
    )
    .await?;
    txn.commit().await?;
    Ok(see_other("/admin/vocabulary?flash=saved"))
}
