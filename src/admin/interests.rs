//! Moderation of expressions of interest in needs: an editor approves one
//! (it goes to the need's poster in the poster's language, with a signed
//! link to answer, and becomes a deal) or rejects it. Each decision is
//! claimed once and audited.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, EntityTrait, Order, PaginatorTrait, QueryFilter, QueryOrder, TransactionTrait,
};
use serde::Deserialize;

use crate::accounts::Role;
use crate::db::now;
use crate::deals::{self, store::Who};
use crate::entities::{interest, need};
use crate::error::AppError;
use crate::web::AppState;
use crate::web::Pager;
use crate::web::client::client_ip;
use crate::web::{Html, Translator};

use super::page::AdminPage;
use super::session::Editor;
use crate::web::see_other;

const ROLES: &[Role] = &[Role::Editor];
const PER_PAGE: u64 = 30;

pub struct Item {
    pub model: interest::Model,
    pub need_title: String,
    pub technology: String,
    pub deal_id: Option<i32>,
}

#[derive(Template)]
#[template(path = "admin/interests.html")]
pub struct ListPage {
    pub page: AdminPage,
    pub items: Vec<Item>,
    pub total: u64,
    pub pager: Pager,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    page: String,
    flash: String,
}

/// GET /admin/interests: waiting ones first, then the newest.
pub async fn list(
    editor: Editor,
    state: web::Data<AppState>,
    q: web::Query<ListQuery>,
) -> Result<Html, AppError> {
    editor.require(ROLES)?;
    let db = &state.db;
    let page_no = crate::web::forms::page_number(&q.page);
    let waiting = Expr::case(interest::Column::Status.eq("pending"), 0).finally(1);
    let pages = interest::Entity::find()
        .order_by(Into::<Expr>::into(waiting), Order::Asc)
        .order_by_desc(interest::Column::CreatedAt)
        .paginate(db, PER_PAGE);
    let total = pages.num_items().await?;
    let models = pages.fetch_page(page_no - 1).await?;
    let need_ids: Vec<i32> = models.iter().map(|m| m.need_id).collect();
    let tech_ids: Vec<i32> = models.iter().filter_map(|m| m.technology_id).collect();
    let needs = crate::translation::need_titles(db, &need_ids, editor.locale).await?;
    let techs = crate::translation::technology_titles(db, &tech_ids, editor.locale).await?;
    let ids: Vec<i32> = models.iter().map(|m| m.id).collect();
    let deal_of: Vec<(Option<i32>, i32)> = crate::entities::deal::Entity::find()
        .filter(crate::entities::deal::Column::InterestId.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.interest_id, d.id))
        .collect();
    let items = models
        .into_iter()
        .map(|m| Item {
            need_title: needs.get(&m.need_id).cloned().unwrap_or_default(),
            technology: m
                .technology_id
                .and_then(|t| techs.get(&t).cloned())
                .unwrap_or_else(|| m.technology_text.clone()),
            deal_id: deal_of
                .iter()
                .find(|(i, _)| *i == Some(m.id))
                .map(|(_, d)| *d),
            model: m,
        })
        .collect();
    let tr = Translator {
        locale: editor.locale,
    };
    Html::render(&ListPage {
        page: AdminPage::new(
            &editor,
            state.asset_version.clone(),
            "interests",
            tr.t("admin-nav-interests"),
            (!q.flash.is_empty()).then_some(q.flash.as_str()),
        ),
        items,
        total,
        pager: Pager::new(page_no, total, PER_PAGE, |p| {
            format!("/admin/interests?page={}", p)
        }),
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DecisionForm {
    csrf: String,
    decision: String,
}

/// POST /admin/interests/{id}: approve (send it on, open its deal) or reject.
pub async fn decide(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    form: crate::web::forms::Form<DecisionForm>,
) -> Result<HttpResponse, AppError> {
    editor.require(ROLES)?;
    editor.check_csrf(&form.csrf)?;
    let id = path.into_inner();
    let status = match form.decision.as_str() {
        "approve" => "approved",
        "reject" => "rejected",
        _ => return Err(AppError::BadRequest("error-bad-request-text")),
    };
    let i = interest::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let t = now();
    let ip = client_ip(&req, &state);
    let txn = state.db.begin().await?;
    let claimed = interest::Entity::update_many()
        .col_expr(interest::Column::Status, Expr::value(status))
        .col_expr(interest::Column::ModeratedBy, Expr::value(editor.id))
        .col_expr(interest::Column::ModeratedAt, Expr::value(t))
        .col_expr(interest::Column::UpdatedAt, Expr::value(t))
        .filter(interest::Column::Id.eq(id))
        .filter(interest::Column::Status.eq("pending"))
        .exec(&txn)
        .await?
        .rows_affected
        == 1;
    if !claimed {
        txn.rollback().await?;
        return Ok(see_other("/admin/interests?flash=deal-taken"));
    }
    if status == "approved" {
        let n = need::Entity::find_by_id(i.need_id)
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound)?;
        let d = deals::store::open_for_interest(&txn, &i, &n, t).await?;
        let who = Who {
            editor_id: Some(editor.id),
            label: &editor.email,
        };
        deals::forward(
            &txn,
            &state.config.secret_key,
            &state.base_url,
            &d,
            who,
            "",
            t,
        )
        .await?;
    }
    crate::audit::record(
        &txn,
        &editor.actor(Some(&ip)),
        &format!("status:{status}"),
        "interest",
        Some(id),
        &i.organisation,
    )
    .await?;
    txn.commit().await?;
    let flash = if status == "approved" {
        "approved"
    } else {
        "rejected"
    };
    Ok(see_other(&format!("/admin/interests?flash={flash}")))
}
