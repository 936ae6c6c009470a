//! Headline figures that cannot be counted from records.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::page::FlashQuery;
use crate::accounts::Role;
use crate::error::AppError;
use crate::settings::{self, FIGURES};
use crate::web::AppState;
use crate::web::client::client_ip;
use crate::web::forms::FieldErrors;
use crate::web::{Html, Translator};

use super::page::AdminPage;
use super::session::Editor;
use super::version::{conflict_message, is_stale, started, theirs_where_different, version_token};
use crate::web::see_other;

#[derive(Template)]
#[template(path = "admin/settings.html")]
pub struct SettingsPage {
    pub page: AdminPage,
    pub figures: Vec<(&'static str, String)>,
    pub errors: FieldErrors,
    /// The version the form started from (`admin::version`).
    pub version: String,
    /// Someone saved since the form was opened: what to tell, and their
    /// value of each figure that differs from the form's.
    pub conflict: Option<(String, Vec<(&'static str, String)>)>,
    /// Whether public pages say they show demo content, for administrators
    /// (who may remove the notice); `None` for other editors.
    pub demo_notice: Option<bool>,
}

impl SettingsPage {
    /// Their value of `key`, where a newer save differs from the form.
    pub fn theirs(&self, key: &str) -> Option<&str> {
        self.conflict
            .as_ref()?
            .1
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// GET /admin/settings
pub async fn page(
    editor: Editor,
    state: web::Data<AppState>,
    q: web::Query<FlashQuery>,
) -> Result<Html, AppError> {
    editor.require(&[Role::Editor])?;
    // The version first, then the values (see `admin::content::edit`).
    let version = settings::version(&state.db).await?;
    let all = settings::all(&state.db).await?;
    let tr = Translator {
        locale: editor.locale,
    };
    let demo_notice = editor.can(&[]).then(|| settings::demo_notice(&all));
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
        version: version.map(version_token).unwrap_or_default(),
        conflict: None,
        demo_notice,
    })
}

#[derive(Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    version: String,
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
        let tr = Translator {
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
            version: form.version.clone(),
            conflict: None,
            demo_notice: notice_for(&state.db, &editor).await?,
        })?
        .unprocessable()
        .into_response(&req));
    }
    let ip = client_ip(&req, &state);
    let txn = crate::db::begin_write(&state.db).await?;
    // Under the write lock: a save made since the form was opened is not
    // overwritten unseen. The form comes back with the editor's figures and
    // theirs beside each that differs; saving it again replaces theirs.
    if let Some(current) = settings::version(&txn).await?
        && is_stale(started(&form.version), current)
    {
        let stored = settings::all(&txn).await?;
        txn.rollback().await?;
        let tr = Translator {
            locale: editor.locale,
        };
        let message = conflict_message(
            &state.db,
            &tr,
            "settings",
            None,
            &tr.t("admin-settings-item"),
            current,
        )
        .await?;
        let theirs = theirs_where_different(figures.iter().cloned(), |k| {
            stored.get(k).cloned().unwrap_or_default()
        });
        let html = Html::render(&SettingsPage {
            page: AdminPage::new(
                &editor,
                state.asset_version.clone(),
                "settings",
                tr.t("admin-settings-title"),
                None,
            ),
            figures,
            errors: FieldErrors::default(),
            version: version_token(current),
            conflict: Some((message, theirs)),
            demo_notice: editor.can(&[]).then(|| settings::demo_notice(&stored)),
        })?;
        let mut res = html.into_response(&req);
        *res.status_mut() = actix_web::http::StatusCode::CONFLICT;
        return Ok(res);
    }
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

async fn notice_for(
    db: &impl sea_orm::ConnectionTrait,
    editor: &Editor,
) -> Result<Option<bool>, AppError> {
    Ok(if editor.can(&[]) {
        Some(settings::demo_notice(&settings::all(db).await?))
    } else {
        None
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DemoNoticeForm {
    csrf: String,
    show: String,
}

/// POST /admin/settings/demo-notice (administrators): removes the notice
/// that the site shows demo content (once the centre's own content is in),
/// or puts it back.
pub async fn demo_notice(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    form: crate::web::forms::Form<DemoNoticeForm>,
) -> Result<HttpResponse, AppError> {
    editor.require(&[])?;
    editor.check_csrf(&form.csrf)?;
    let show = form.show == "on";
    let ip = client_ip(&req, &state);
    let txn = crate::db::begin_write(&state.db).await?;
    settings::set(&txn, settings::DEMO_NOTICE, if show { "on" } else { "" }).await?;
    crate::audit::record(
        &txn,
        &editor.actor(Some(&ip)),
        "update",
        "settings",
        None,
        if show {
            "demo notice shown"
        } else {
            "demo notice removed"
        },
    )
    .await?;
    txn.commit().await?;
    Ok(see_other("/admin/settings?flash=saved"))
}
