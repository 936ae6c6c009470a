//! The audit log, for administrators.

use actix_web::web;
use askama::Template;
use sea_orm::{EntityTrait, PaginatorTrait, QueryOrder};
use serde::Deserialize;

use crate::entities::audit_entry;
use crate::error::AppError;
use crate::web::AppState;
use crate::web::Pager;
use crate::web::{Html, Translator};

use super::page::AdminPage;
use super::session::Editor;

const PER_PAGE: u64 = 50;

#[derive(Template)]
#[template(path = "admin/audit.html")]
pub struct AuditPage {
    pub page: AdminPage,
    pub entries: Vec<audit_entry::Model>,
    pub pager: Pager,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PageQuery {
    page: String,
}

/// GET /admin/audit
pub async fn list(
    editor: Editor,
    state: web::Data<AppState>,
    q: web::Query<PageQuery>,
) -> Result<Html, AppError> {
    editor.require(&[])?;
    let page_no = crate::web::forms::page_number(&q.page);
    let pages = audit_entry::Entity::find()
        .order_by_desc(audit_entry::Column::At)
        .order_by_desc(audit_entry::Column::Id)
        .paginate(&state.db, PER_PAGE);
    let total = pages.num_items().await?;
    let entries = pages.fetch_page(page_no - 1).await?;
    let tr = Translator {
        locale: editor.locale,
    };
    Html::render(&AuditPage {
        page: AdminPage::new(
            &editor,
            state.asset_version.clone(),
            "audit",
            tr.t("admin-nav-audit"),
            None,
        ),
        entries,
        pager: Pager::new(page_no, total, PER_PAGE, |p| {
            format!("/admin/audit?page={}", p)
        }),
    })
}
