//! Headline figures that cannot be counted from records.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::AppState;
use crate::accounts::Role;
use crate::error::AppError;
use crate::settings::{self, FIGURES};
use crate::web::client::client_ip;
use crate::web::forms::FieldErrors;
use crate::web::{Html, Tr};

use super::page::AdminPage;
use super::session::Editor;
use crate::web::see_other;

#[derive(Template)]
#[template(path = "admin/settings.html")]
pub struct SettingsPage {
    pub page: AdminPage,
    pub figures: Vec<(&'static str, String)>,
    pub errors: FieldErrors,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FlashQuery {
    flash: String,
}

/// GET /admin/settings
pub async fn page(
    editor: Editor,
    state: web::Data<AppState>,
    q: web::Query<FlashQuery>,
) -> Result<Html, AppError> {
    editor.require(&[Role::Editor])?;
    let all = settings::all(&state.db).await?;
    let tr = Tr {
        locale: editor.locale,
    };
    Html::render(&SettingsPage {
        page: AdminPage::new(
            &editor,
            state.asset_version.clone(),
            "settings",
            tr.t("admin-settings-title"),
            (!q.flash.is_empty()).then_some(q.flash.as_str()),
        ),
        figures: FIGURES
            .iter()
            .map(|k| (*k, all.get(*k).cloned().unwrap_or_default()))
            .collect(),
        errors: FieldErrors::default(),
    })
}

#[derive(Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    csrf: String,
    #[serde(flatten)]
    values: std::collections::HashMap<String, String>,
}

/// POST /admin/settings
pub async fn save(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    form: crate::web::forms::Form<SettingsForm>,
) -> Result<HttpResponse, AppError> {
    editor.require(&[Role::Editor])?;
    editor.check_csrf(&form.csrf)?;
    let mut errors = FieldErrors::default();
    let mut figures = Vec::new();
    for k in FIGURES {
        let v = form
            .values
            .get(*k)
            .map(|v| v.trim().to_owned())
            .unwrap_or_default();
        if v.parse::<u64>().map_or(true, |n| n > 1_000_000_000) {
            errors.add(*k, "form-number-range");
        }
        figures.push((*k, v));
    }
    if !errors.is_empty() {
        let tr = Tr {
            locale: editor.locale,
        };
        return Ok(Html::render(&SettingsPage {
            page: AdminPage::new(
                &editor,
                state.asset_version.clone(),
                "settings",
                tr.t("admin-settings-title"),
                None,
            ),
            figures,
            errors,
        })?
        .unprocessable()
        .into_response(&req));
    }
    let ip = client_ip(&req, &state);
    let txn = crate::db::begin_write(&state.db).await?;
    for (k, v) in &figures {
        settings::set(&txn, k, v).await?;
    }
    crate::audit::record(
        &txn,
        &editor.actor(Some(&ip)),
        "update",
        "settings",
        None,
        "figures",
    )
    .await?;
    txn.commit().await?;
    Ok(see_other("/admin/settings?flash=saved"))
}
