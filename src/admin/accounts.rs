//! Accounts: administrators create editors and reviewers, reset their
//! passwords and disable them; everyone changes their own password and
//! back-office language.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::Deserialize;

use super::page::FlashQuery;
use crate::accounts::{self, Role};
use crate::db::now;
use crate::entities::editor;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::web::AppState;
use crate::web::client::client_ip;
use crate::web::forms::FieldErrors;
use crate::web::{Html, Translator};

use super::page::AdminPage;
use super::session::{self, Editor};
use crate::web::see_other;

#[derive(Template)]
#[template(path = "admin/editors.html")]
pub struct EditorsPage {
    pub page: AdminPage,
    pub editors: Vec<editor::Model>,
    pub form: NewEditorForm,
    pub errors: FieldErrors,
    pub roles: Vec<&'static str>,
    pub locales: Vec<(&'static str, &'static str)>,
    /// Each translator's languages, by account id.
    pub languages: std::collections::HashMap<i32, String>,
}

impl EditorsPage {
    /// The error of the password reset in the row of account `id`.
    pub fn reset_error(&self, id: &i32) -> Option<&'static str> {
        self.errors.get(&format!("pw-{id}"))
    }

    /// The error of the role change in the row of account `id`.
    pub fn role_error(&self, id: &i32) -> Option<&'static str> {
        self.errors.get(&format!("role-{id}"))
    }

    /// Whether account `e` is a translator of `lang`.
    pub fn translates(&self, e: &editor::Model, lang: &str) -> bool {
        self.languages
            .get(&e.id)
            .is_some_and(|l| l.split_whitespace().any(|l| l == lang))
    }
}

/// The languages ticked on a form (`lang-en=on`...), as stored: known tags,
/// in the configured order, separated by spaces.
fn ticked_languages(extra: &std::collections::HashMap<String, String>) -> String {
    Locale::all()
        .filter(|l| extra.contains_key(&format!("lang-{}", l.tag())))
        .map(Locale::tag)
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct NewEditorForm {
    pub csrf: String,
    pub email: String,
    pub name: String,
    pub role: String,
    pub password: String,
    pub ui_lang: String,
    /// A translator's languages, ticked (`lang-{tag}`).
    #[serde(flatten)]
    pub extra: std::collections::HashMap<String, String>,
}

impl NewEditorForm {
    pub fn ticked(&self, lang: &str) -> bool {
        self.extra.contains_key(&format!("lang-{lang}"))
    }
}

async fn render(
    editor: &Editor,
    state: &AppState,
    form: NewEditorForm,
    errors: FieldErrors,
    flash: &str,
) -> Result<Html, AppError> {
    let tr = Translator {
        locale: editor.locale,
    };
    let editors = editor::Entity::find()
        .order_by_asc(editor::Column::Email)
        .all(&state.db)
        .await?;
    Html::render(&EditorsPage {
        page: AdminPage::new(
            editor,
            state.asset_version.clone(),
            "editors",
            tr.t("admin-nav-editors"),
            (!flash.is_empty()).then_some(flash),
        ),
        editors,
        form,
        errors,
        roles: Role::ALL.iter().map(|r| r.as_str()).collect(),
        locales: Locale::all().map(|l| (l.tag(), l.native_name())).collect(),
        languages: accounts::all_languages(&state.db).await?,
    })
}

/// GET /admin/editors (administrators)
pub async fn list(
    editor: Editor,
    state: web::Data<AppState>,
    q: web::Query<FlashQuery>,
) -> Result<Html, AppError> {
    editor.require(&[])?;
    render(
        &editor,
        &state,
        NewEditorForm {
            role: "editor".into(),
            ui_lang: "en".into(),
            ..Default::default()
        },
        FieldErrors::default(),
        &q.flash,
    )
    .await
}

/// POST /admin/editors: create an account.
pub async fn create(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    form: crate::web::forms::Form<NewEditorForm>,
) -> Result<HttpResponse, AppError> {
    editor.require(&[])?;
    editor.check_csrf(&form.csrf)?;
    let mut form = form.into_inner();
    let mut errors = FieldErrors::default();
    let email = accounts::normalize_email(&form.email);
    if email.is_empty() {
        errors.add("email", "form-required");
    } else if !crate::web::forms::valid_email(&email) {
        errors.add("email", "form-email-invalid");
    } else if editor::Entity::find()
        .filter(editor::Column::Email.eq(&email))
        .one(&state.db)
        .await?
        .is_some()
    {
        errors.add("email", "admin-error-email-taken");
    }
    if form.name.trim().is_empty() {
        errors.add("name", "form-required");
    } else if form.name.trim().chars().count() > 120 {
        errors.add("name", "form-too-long");
    }
    let role = Role::parse(&form.role);
    if role.is_none() {
        errors.add("role", "form-choose");
    }
    let languages = match role {
        Some(Role::Translator) => ticked_languages(&form.extra),
        _ => String::new(),
    };
    if role == Some(Role::Translator) && languages.is_empty() {
        errors.add("languages", "form-translator-languages");
    }
    let lang = Locale::from_tag(&form.ui_lang);
    if lang.is_none() {
        errors.add("ui_lang", "form-choose");
    }
    if let Err(m) = accounts::check_password_policy(&form.password, &email) {
        errors.add("password", m);
    }
    let (Some(role), Some(lang)) = (role.filter(|_| errors.is_empty()), lang) else {
        form.password.clear();
        return Ok(render(&editor, &state, form, errors, "")
            .await?
            .unprocessable()
            .into_response(&req));
    };
    let password = form.password.clone();
    let hash = state.password_checks.hash(password).await?;
    let t = now();
    let ip = client_ip(&req, &state);
    let txn = crate::db::begin_write(&state.db).await?;
    let saved = editor::ActiveModel {
        email: Set(email.clone()),
        display_name: Set(form.name.trim().to_owned()),
        role: Set(role.as_str().to_owned()),
        password_hash: Set(hash),
        ui_lang: Set(lang.tag().to_owned()),
        active: Set(true),
        created_at: Set(t),
        updated_at: Set(t),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    accounts::set_languages(&txn, saved.id, &languages).await?;
    crate::audit::record(
        &txn,
        &editor.actor(Some(&ip)),
        "create",
        "editor",
        Some(saved.id),
        &role_summary(&email, role, &languages),
    )
    .await?;
    txn.commit().await?;
    Ok(see_other("/admin/editors?flash=created"))
}

/// What the audit log says of an account's role: "a@b (translator: en id)".
fn role_summary(email: &str, role: Role, languages: &str) -> String {
    if languages.is_empty() {
        format!("{email} ({})", role.as_str())
    } else {
        format!("{email} ({}: {languages})", role.as_str())
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ManageForm {
    csrf: String,
    action: String,
    role: String,
    password: String,
    #[serde(flatten)]
    extra: std::collections::HashMap<String, String>,
}

/// The accounts page again with an error in one row (422).
async fn row_error(
    req: &HttpRequest,
    editor: &Editor,
    state: &AppState,
    key: String,
    message: &'static str,
) -> Result<HttpResponse, AppError> {
    let mut errors = FieldErrors::default();
    errors.add(key, message);
    let blank = NewEditorForm {
        role: "editor".into(),
        ui_lang: "en".into(),
        ..Default::default()
    };
    Ok(render(editor, state, blank, errors, "")
        .await?
        .unprocessable()
        .into_response(req))
}

/// POST /admin/editors/{id}: change role, reset password, disable, enable.
pub async fn manage(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    form: crate::web::forms::Form<ManageForm>,
) -> Result<HttpResponse, AppError> {
    editor.require(&[])?;
    editor.check_csrf(&form.csrf)?;
    let id = path.into_inner();
    let target = editor::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let ip = client_ip(&req, &state);
    let mut a: editor::ActiveModel = target.clone().into();
    a.updated_at = Set(now());
    let (action, flash) = match form.action.as_str() {
        "role" => {
            let role =
                Role::parse(&form.role).ok_or(AppError::BadRequest("error-bad-request-text"))?;
            if id == editor.id {
                return Err(AppError::BadRequest("admin-error-own-account"));
            }
            let languages = match role {
                Role::Translator => ticked_languages(&form.extra),
                _ => String::new(),
            };
            if role == Role::Translator && languages.is_empty() {
                return row_error(
                    &req,
                    &editor,
                    &state,
                    format!("role-{id}"),
                    "form-translator-languages",
                )
                .await;
            }
            a.role = Set(role.as_str().to_owned());
            (format!("role:{}", role.as_str()), "saved")
        }
        "password" => {
            if let Err(m) = accounts::check_password_policy(&form.password, &target.email) {
                let mut errors = FieldErrors::default();
                errors.add(format!("pw-{id}"), m);
                let blank = NewEditorForm {
                    role: "editor".into(),
                    ui_lang: "en".into(),
                    ..Default::default()
                };
                return Ok(render(&editor, &state, blank, errors, "")
                    .await?
                    .unprocessable()
                    .into_response(&req));
            }
            let password = form.password.clone();
            let hash = state.password_checks.hash(password).await?;
            a.password_hash = Set(hash);
            ("reset_password".to_owned(), "pw-changed")
        }
        "disable" => {
            if id == editor.id {
                return Err(AppError::BadRequest("admin-error-own-account"));
            }
            a.active = Set(false);
            ("disable".to_owned(), "disabled")
        }
        "enable" => {
            a.active = Set(true);
            ("enable".to_owned(), "enabled")
        }
        _ => return Err(AppError::BadRequest("error-bad-request-text")),
    };
    let txn = crate::db::begin_write(&state.db).await?;
    a.update(&txn).await?;
    if form.action == "role" {
        let languages = match Role::parse(&form.role) {
            Some(Role::Translator) => ticked_languages(&form.extra),
            _ => String::new(),
        };
        accounts::set_languages(&txn, id, &languages).await?;
    }
    if matches!(form.action.as_str(), "password" | "disable" | "role") {
        session::destroy_all(&txn, id).await?;
    }
    let summary = match (form.action.as_str(), Role::parse(&form.role)) {
        ("role", Some(Role::Translator)) => role_summary(
            &target.email,
            Role::Translator,
            &ticked_languages(&form.extra),
        ),
        ("role", Some(role)) => role_summary(&target.email, role, ""),
        _ => target.email.clone(),
    };
    crate::audit::record(
        &txn,
        &editor.actor(Some(&ip)),
        &action,
        "editor",
        Some(id),
        &summary,
    )
    .await?;
    txn.commit().await?;
    Ok(see_other(&format!("/admin/editors?flash={flash}")))
}

#[derive(Template)]
#[template(path = "admin/account.html")]
pub struct AccountPage {
    pub page: AdminPage,
    pub errors: FieldErrors,
    pub locales: Vec<(&'static str, &'static str)>,
    pub current_lang: &'static str,
}

/// GET /admin/account
pub async fn account(
    editor: Editor,
    state: web::Data<AppState>,
    q: web::Query<FlashQuery>,
) -> Result<Html, AppError> {
    let tr = Translator {
        locale: editor.locale,
    };
    Html::render(&AccountPage {
        page: AdminPage::new(
            &editor,
            state.asset_version.clone(),
            "account",
            tr.t("admin-account-title"),
            (!q.flash.is_empty()).then_some(q.flash.as_str()),
        ),
        errors: FieldErrors::default(),
        locales: Locale::all().map(|l| (l.tag(), l.native_name())).collect(),
        current_lang: editor.locale.tag(),
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AccountForm {
    csrf: String,
    action: String,
    ui_lang: String,
    current: String,
    password: String,
}

/// POST /admin/account: back-office language, or own password.
pub async fn update_account(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    form: crate::web::forms::Form<AccountForm>,
) -> Result<HttpResponse, AppError> {
    editor.check_csrf(&form.csrf)?;
    let me = editor::Entity::find_by_id(editor.id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let ip = client_ip(&req, &state);
    let mut a: editor::ActiveModel = me.clone().into();
    a.updated_at = Set(now());
    if form.action == "language" {
        let l = Locale::from_tag(&form.ui_lang)
            .ok_or(AppError::BadRequest("error-bad-request-text"))?;
        a.ui_lang = Set(l.tag().to_owned());
        a.update(&state.db).await?;
        crate::audit::record(
            &state.db,
            &editor.actor(Some(&ip)),
            "language",
            "editor",
            Some(editor.id),
            l.tag(),
        )
        .await?;
        return Ok(see_other("/admin/account?flash=saved"));
    }
    let mut errors = FieldErrors::default();
    let (hash, current) = (me.password_hash.clone(), form.current.clone());
    let ok = state.password_checks.verify(Some(hash), current).await?;
    if !ok {
        errors.add("current", "admin-error-wrong-password");
    }
    if let Err(m) = accounts::check_password_policy(&form.password, &me.email) {
        errors.add("password", m);
    }
    if !errors.is_empty() {
        let tr = Translator {
            locale: editor.locale,
        };
        return Ok(Html::render(&AccountPage {
            page: AdminPage::new(
                &editor,
                state.asset_version.clone(),
                "account",
                tr.t("admin-account-title"),
                None,
            ),
            errors,
            locales: Locale::all().map(|l| (l.tag(), l.native_name())).collect(),
            current_lang: editor.locale.tag(),
        })?
        .unprocessable()
        .into_response(&req));
    }
    let password = form.password.clone();
    let hash = state.password_checks.hash(password).await?;
    a.password_hash = Set(hash);
    let txn = crate::db::begin_write(&state.db).await?;
    a.update(&txn).await?;
    // Other sessions of this account end; this one goes on.
    session::destroy_others(&txn, editor.id, editor.session_id()).await?;
    crate::audit::record(
        &txn,
        &editor.actor(Some(&ip)),
        "change_password",
        "editor",
        Some(editor.id),
        "",
    )
    .await?;
    txn.commit().await?;
    Ok(see_other("/admin/account?flash=pw-changed"))
}
