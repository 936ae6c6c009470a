//! The dashboard: what waits for an editor or reviewer.

use actix_web::web;
use askama::Template;
use chrono::Duration;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::accounts::Role;
use crate::db::now;
use crate::entities::{application, audit_entry, inquiry, need, outbox_message, technology};
use crate::error::AppError;
use crate::web::AppState;
use crate::web::Html;

use super::page::AdminPage;
use super::session::Editor;

pub struct Tile {
    pub label: &'static str,
    pub count: u64,
    pub href: &'static str,
}

#[derive(Template)]
#[template(path = "admin/dashboard.html")]
pub struct DashboardPage {
    pub page: AdminPage,
    pub tiles: Vec<Tile>,
    pub recent: Vec<audit_entry::Model>,
    pub translations: Vec<(&'static str, u64, u64)>,
}

/// GET /admin/
pub async fn dashboard(editor: Editor, state: web::Data<AppState>) -> Result<Html, AppError> {
    let db = &state.db;
    let t = now();
    let mut tiles = Vec::new();
    if editor.can(&[Role::Editor]) {
        tiles.push(Tile {
            label: "admin-tile-new-inquiries",
            count: inquiry::Entity::find()
                .filter(inquiry::Column::Status.eq("new"))
                .count(db)
                .await?,
            href: "/admin/inquiries?status=new",
        });
        tiles.push(Tile {
            label: "admin-tile-pending-needs",
            count: need::Entity::find()
                .filter(need::Column::Status.eq("pending"))
                .count(db)
                .await?,
            href: "/admin/needs?state=pending",
        });
        tiles.push(Tile {
            label: "admin-tile-expiring",
            count: technology::Entity::find()
                .filter(technology::Column::Status.eq("published"))
                .filter(technology::Column::ExpiresAt.lte(t + Duration::days(30)))
                .count(db)
                .await?,
            href: "/admin/technologies?state=expired",
        });
    }
    if editor.can(&[Role::Reviewer]) {
        tiles.push(Tile {
            label: "admin-tile-new-applications",
            count: application::Entity::find()
                .filter(application::Column::Status.eq("submitted"))
                .count(db)
                .await?,
            href: "/admin/applications?status=submitted",
        });
        tiles.push(Tile {
            label: "admin-tile-outbox",
            count: outbox_message::Entity::find()
                .filter(outbox_message::Column::SentAt.is_null())
                .count(db)
                .await?,
            href: "/admin/outbox",
        });
    }
    let translations = if editor.can(&[Role::Editor]) {
        super::translations::summary(db).await?
    } else {
        Vec::new()
    };
    let recent = if editor.role == Role::Admin {
        audit_entry::Entity::find()
            .order_by_desc(audit_entry::Column::At)
            .limit(10)
            .all(db)
            .await?
    } else {
        Vec::new()
    };
    let tr = crate::web::Translator {
        locale: editor.locale,
    };
    Html::render(&DashboardPage {
        page: AdminPage::new(
            &editor,
            state.asset_version.clone(),
            "",
            tr.t("admin-nav-dashboard"),
            None,
        ),
        tiles,
        recent,
        translations,
    })
}
