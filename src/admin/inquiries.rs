//! The inquiries inbox: what visitors asked about which technology, in
//! which language; status new / answered / closed; replies recorded.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use serde::Deserialize;

use crate::AppState;
use crate::accounts::Role;
use crate::db::now;
use crate::entities::{inquiry, technology};
use crate::error::AppError;
use crate::translation;
use crate::web::client::client_ip;
use crate::web::{Html, Tr};

use super::login::redirect;
use super::page::AdminPage;
use super::session::Editor;

pub const STATUSES: &[&str] = &["new", "answered", "closed"];
const PER_PAGE: u64 = 25;

pub struct Item {
    pub model: inquiry::Model,
    pub technology: String,
    pub technology_slug: String,
}

#[derive(Template)]
#[template(path = "admin/inquiries.html")]
pub struct ListPage {
    pub page: AdminPage,
    pub items: Vec<Item>,
    pub q: String,
    pub status: String,
    pub statuses: &'static [&'static str],
    pub total: u64,
    pub prev_href: Option<String>,
    pub next_href: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    q: String,
    status: String,
    page: String,
    flash: String,
}

async fn items(
    db: &impl sea_orm::ConnectionTrait,
    models: Vec<inquiry::Model>,
    editor: &Editor,
) -> Result<Vec<Item>, AppError> {
    let ids: Vec<i32> = models.iter().map(|m| m.technology_id).collect();
    let techs = technology::Entity::find()
        .filter(technology::Column::Id.is_in(ids.clone()))
        .all(db)
        .await?;
    let texts = translation::load::<crate::entities::technology_translation::Entity>(
        db,
        crate::entities::technology_translation::Column::TechnologyId,
        &ids,
    )
    .await?;
    Ok(models
        .into_iter()
        .map(|m| {
            let t = techs.iter().find(|t| t.id == m.technology_id);
            let title = t
                .and_then(|t| {
                    texts
                        .get(&t.id)
                        .and_then(|r| translation::pick(r, editor.locale, &t.source_lang))
                })
                .map(|p| p.text.title.clone())
                .unwrap_or_default();
            Item {
                technology: title,
                technology_slug: t.map(|t| t.slug.clone()).unwrap_or_default(),
                model: m,
            }
        })
        .collect())
}

/// GET /admin/inquiries
pub async fn list(
    editor: Editor,
    state: web::Data<AppState>,
    q: web::Query<ListQuery>,
) -> Result<Html, AppError> {
    editor.require(&[Role::Editor])?;
    let db = &state.db;
    let status = STATUSES.iter().find(|s| **s == q.status).copied();
    let page_no = crate::web::forms::page_number(&q.page);
    let mut query = inquiry::Entity::find();
    if let Some(s) = status {
        query = query.filter(inquiry::Column::Status.eq(s));
    }
    let words = q.q.trim().chars().take(200).collect::<String>();
    if !words.is_empty() {
        // Anywhere in who wrote, from where, and what (case-insensitive).
        let pattern = super::kinds::like(&words);
        use sea_orm::sea_query::ExprTrait;
        let mut any = sea_orm::Condition::any();
        for col in [
            inquiry::Column::Name,
            inquiry::Column::Organisation,
            inquiry::Column::Email,
            inquiry::Column::Message,
        ] {
            any = any.add(
                sea_orm::sea_query::Expr::expr(sea_orm::sea_query::Func::lower(
                    sea_orm::sea_query::Expr::col(col),
                ))
                .like(sea_orm::sea_query::LikeExpr::new(pattern.clone()).escape('\\')),
            );
        }
        query = query.filter(any);
    }
    let pages = query
        .order_by_desc(inquiry::Column::CreatedAt)
        .paginate(db, PER_PAGE);
    let total = pages.num_items().await?;
    let models = pages.fetch_page(page_no - 1).await?;
    let last = total.div_ceil(PER_PAGE).max(1);
    let link = |p: u64| {
        let mut s = form_urlencoded::Serializer::new(String::new());
        if !words.is_empty() {
            s.append_pair("q", &words);
        }
        s.append_pair("status", status.unwrap_or(""));
        s.append_pair("page", &p.to_string());
        format!("/admin/inquiries?{}", s.finish())
    };
    let tr = Tr {
        locale: editor.locale,
    };
    Html::render(&ListPage {
        page: AdminPage::new(
            &editor,
            state.asset_version.clone(),
            "inquiries",
            tr.t("admin-nav-inquiries"),
            (!q.flash.is_empty()).then_some(q.flash.as_str()),
        ),
        items: items(db, models, &editor).await?,
        q: words.clone(),
        status: status.unwrap_or("").to_owned(),
        statuses: STATUSES,
        total,
        prev_href: (page_no > 1).then(|| link(page_no - 1)),
        next_href: (page_no < last).then(|| link(page_no + 1)),
    })
}

#[derive(Template)]
#[template(path = "admin/inquiry.html")]
pub struct DetailPage {
    pub page: AdminPage,
    pub item: Item,
    pub statuses: &'static [&'static str],
    /// The deal this inquiry became.
    pub deal_id: Option<i32>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FlashQuery {
    flash: String,
}

/// GET /admin/inquiries/{id}
pub async fn detail(
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    q: web::Query<FlashQuery>,
) -> Result<Html, AppError> {
    editor.require(&[Role::Editor])?;
    let m = inquiry::Entity::find_by_id(path.into_inner())
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let item = items(&state.db, vec![m], &editor)
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let tr = Tr {
        locale: editor.locale,
    };
    Html::render(&DetailPage {
        page: AdminPage::new(
            &editor,
            state.asset_version.clone(),
            "inquiries",
            tr.t("admin-inquiry-title"),
            (!q.flash.is_empty()).then_some(q.flash.as_str()),
        ),
        deal_id: crate::entities::deal::Entity::find()
            .filter(crate::entities::deal::Column::InquiryId.eq(item.model.id))
            .one(&state.db)
            .await?
            .map(|d| d.id),
        item,
        statuses: STATUSES,
    })
}

#[derive(Deserialize)]
pub struct UpdateForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    reply: String,
}

/// POST /admin/inquiries/{id}: status and the reply sent.
pub async fn update(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    form: crate::web::forms::Form<UpdateForm>,
) -> Result<HttpResponse, AppError> {
    editor.require(&[Role::Editor])?;
    editor.check_csrf(&form.csrf)?;
    let id = path.into_inner();
    let m = inquiry::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    if !STATUSES.contains(&form.status.as_str()) || form.reply.chars().count() > 20_000 {
        return Err(AppError::BadRequest("error-bad-request-text"));
    }
    let t = now();
    let reply = form.reply.trim().to_owned();
    let mut a: inquiry::ActiveModel = m.clone().into();
    let mut status = form.status.clone();
    if !reply.is_empty() && m.reply.as_deref() != Some(reply.as_str()) {
        a.reply = Set(Some(reply));
        a.replied_at = Set(Some(t));
        a.replied_by = Set(Some(editor.id));
        if status == "new" {
            status = "answered".to_owned();
        }
    }
    a.status = Set(status.clone());
    a.updated_at = Set(t);
    let ip = client_ip(&req, &state);
    let txn = state.db.begin().await?;
    a.update(&txn).await?;
    crate::audit::record(
        &txn,
        &editor.actor(Some(&ip)),
        &format!("status:{status}"),
        "inquiry",
        Some(id),
        "",
    )
    .await?;
    txn.commit().await?;
    Ok(redirect(&format!(
        "/admin/inquiries/{id}?flash=reply-saved"
    )))
}
