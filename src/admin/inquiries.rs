//! The inquiries inbox: what visitors asked about which technology, in
//! which language; status new / answered / closed; replies recorded.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde::Deserialize;

use super::export::{self, Format, Links, Table};
use super::page::FlashQuery;
use crate::accounts::Role;
use crate::db::now;
use crate::entities::{inquiry, technology};
use crate::error::AppError;
use crate::translation;
use crate::web::AppState;
use crate::web::Pager;
use crate::web::client::client_ip;
use crate::web::forms::FieldErrors;
use crate::web::{Html, Translator};

use super::page::AdminPage;
use super::session::Editor;
use crate::web::see_other;

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
    /// The search text was longer than `SEARCH_MAX`: the message at the field.
    pub q_error: Option<String>,
    pub status: String,
    pub statuses: &'static [&'static str],
    pub total: u64,
    pub pager: Pager,
    pub exports: Links,
}

/// The longest search text (the field's `maxlength`).
pub const SEARCH_MAX: usize = 200;

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

/// The inbox narrowed by status and by words anywhere in who wrote, from
/// where, and what (case-insensitive), newest first: the page and its
/// export share it.
fn filtered(status: Option<&str>, words: &str) -> sea_orm::Select<inquiry::Entity> {
    let mut query = inquiry::Entity::find();
    if let Some(s) = status {
        query = query.filter(inquiry::Column::Status.eq(s));
    }
    if !words.is_empty() {
        let pattern = super::kinds::like(words);
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
    query.order_by_desc(inquiry::Column::CreatedAt)
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
    let words = q.q.trim().to_owned();
    // Refused with a message rather than cut: what is searched is what was typed.
    let too_long = words.chars().count() > SEARCH_MAX;
    let query = filtered(status, &words);
    let pages = query.paginate(db, PER_PAGE);
    let (total, models) = if too_long {
        (0, Vec::new())
    } else {
        (
            pages.num_items().await?,
            pages.fetch_page(page_no - 1).await?,
        )
    };
    let link = |p: u64| {
        let mut s = form_urlencoded::Serializer::new(String::new());
        if !words.is_empty() {
            s.append_pair("q", &words);
        }
        s.append_pair("status", status.unwrap_or(""));
        s.append_pair("page", &p.to_string());
        format!("/admin/inquiries?{}", s.finish())
    };
    let tr = Translator {
        locale: editor.locale,
    };
    let html = Html::render(&ListPage {
        page: AdminPage::new(
            &editor,
            state.asset_version.clone(),
            "inquiries",
            tr.t("admin-nav-inquiries"),
            (!q.flash.is_empty()).then_some(q.flash.as_str()),
        ),
        items: items(db, models, &editor).await?,
        q: words.clone(),
        q_error: too_long.then(|| tr.tn("admin-search-too-long", SEARCH_MAX)),
        status: status.unwrap_or("").to_owned(),
        statuses: STATUSES,
        total,
        pager: Pager::new(page_no, total, PER_PAGE, link),
        exports: Links::new(
            "/admin/inquiries",
            [("q", words.as_str()), ("status", status.unwrap_or(""))],
        ),
    })?;
    Ok(if too_long { html.unprocessable() } else { html })
}

/// GET /admin/inquiries/export.{format}: the inbox as filtered on its
/// page, every matching inquiry. Inquiries hold personal data, so the
/// export is written to the audit trail.
pub async fn export(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<String>,
    q: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    editor.require(&[Role::Editor])?;
    let format = Format::parse(&path)?;
    let db = &state.db;
    let status = STATUSES.iter().find(|s| **s == q.status).copied();
    let words = q.q.trim().to_owned();
    let tr = Translator {
        locale: editor.locale,
    };
    if format == Format::Csv {
        return stream_export(req, editor, state, status, words).await;
    }
    let models = if words.chars().count() > SEARCH_MAX {
        Vec::new()
    } else {
        filtered(status, &words)
            .limit(export::MAX_ROWS)
            .all(db)
            .await?
    };
    let mut table = Table::new("inquiries", export_header(&tr));
    for i in items(db, models, &editor).await? {
        table.push(export_row(&tr, i));
    }
    let ip = client_ip(&req, &state);
    crate::audit::record(
        db,
        &editor.actor(Some(&ip)),
        "export",
        "inquiry",
        None,
        &export::summary(table.rows.len(), format, &req),
    )
    .await?;
    table.respond(format)
}

const EXPORT_HEADER: &[&str] = &[
    "admin-col-id",
    "admin-col-received",
    "admin-col-name",
    "admin-col-organisation",
    "admin-col-country",
    "admin-field-contact-email",
    "admin-col-technology",
    "admin-field-slug",
    "admin-col-language",
    "admin-field-status",
    "admin-col-message",
    "admin-col-reply",
    "admin-col-replied",
];

fn export_header(tr: &Translator) -> Vec<String> {
    EXPORT_HEADER.iter().map(|h| tr.t(h)).collect()
}

fn export_row(tr: &Translator, i: Item) -> Vec<String> {
    let m = i.model;
    vec![
        m.id.to_string(),
        export::iso(Some(m.created_at)),
        m.name,
        m.organisation,
        tr.code("country", &m.country),
        m.email,
        i.technology,
        i.technology_slug,
        tr.language_name(&m.lang),
        tr.code("inquiry-status", &m.status),
        m.message,
        m.reply.unwrap_or_default(),
        export::iso(m.replied_at),
    ]
}

/// The CSV export, streamed: every matching inquiry, `PAGE_ROWS` at a
/// time, newest first, each page after the last one's (received, id), so
/// that an inquiry arriving meanwhile shifts none into a second page. The
/// audit entry, written before the first byte, counts the matching rows.
async fn stream_export(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    status: Option<&'static str>,
    words: String,
) -> Result<HttpResponse, AppError> {
    use sea_orm::PaginatorTrait;
    let tr = Translator {
        locale: editor.locale,
    };
    let too_long = words.chars().count() > SEARCH_MAX;
    let total = if too_long {
        0
    } else {
        filtered(status, &words).count(&state.db).await?
    };
    let ip = client_ip(&req, &state);
    crate::audit::record(
        &state.db,
        &editor.actor(Some(&ip)),
        "export",
        "inquiry",
        None,
        &export::summary(
            usize::try_from(total).unwrap_or(usize::MAX),
            Format::Csv,
            &req,
        ),
    )
    .await?;
    let db = state.db.clone();
    // The key after which the next page starts; None once all are read.
    type After = Option<(chrono::DateTime<chrono::Utc>, i32)>;
    let first: Option<After> = (!too_long).then_some(None);
    let pages = futures_util::stream::unfold(first, move |after: Option<After>| {
        let (db, editor, words) = (db.clone(), editor.clone(), words.clone());
        async move {
            let after = after?;
            let mut q = filtered(status, &words).order_by_desc(inquiry::Column::Id);
            if let Some((at, id)) = after {
                q = q.filter(
                    sea_orm::Condition::any()
                        .add(inquiry::Column::CreatedAt.lt(at))
                        .add(
                            sea_orm::Condition::all()
                                .add(inquiry::Column::CreatedAt.eq(at))
                                .add(inquiry::Column::Id.lt(id)),
                        ),
                );
            }
            let page = async {
                let models = q.limit(export::PAGE_ROWS).all(&db).await?;
                let next = (u64::try_from(models.len()).unwrap_or(u64::MAX) == export::PAGE_ROWS)
                    .then(|| models.last().map(|m| (m.created_at, m.id)));
                let rows = items(&db, models, &editor)
                    .await?
                    .into_iter()
                    .map(|i| export_row(&tr, i))
                    .collect::<Vec<_>>();
                Ok::<_, AppError>((rows, next))
            }
            .await;
            Some(match page {
                Ok((rows, next)) => (Ok(rows), next),
                Err(e) => (Err(e), None),
            })
        }
    });
    Ok(export::stream_csv("inquiries", export_header(&tr), pages))
}

#[derive(Template)]
#[template(path = "admin/inquiry.html")]
pub struct DetailPage {
    pub page: AdminPage,
    pub item: Item,
    pub statuses: &'static [&'static str],
    /// The deal this inquiry became.
    pub deal_id: Option<i32>,
    /// The form as shown: the stored status and reply, or what the editor
    /// typed when the save was refused.
    pub form: UpdateForm,
    pub errors: FieldErrors,
    /// A refused save: who saved meanwhile, and what (status, reply).
    pub conflict: Option<String>,
    pub theirs: Option<(String, String)>,
    pub save_failed: bool,
    pub reply_max: usize,
}

/// Longest reply recorded (the form's `maxlength`).
pub const REPLY_MAX: usize = 20_000;

/// What the detail page shows besides the inquiry.
#[derive(Default)]
struct Shown {
    flash: String,
    errors: FieldErrors,
    conflict: Option<String>,
    theirs: Option<(String, String)>,
    save_failed: bool,
}

async fn render(
    editor: &Editor,
    state: &AppState,
    m: inquiry::Model,
    form: UpdateForm,
    shown: Shown,
) -> Result<Html, AppError> {
    let item = items(&state.db, vec![m], editor)
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let tr = Translator {
        locale: editor.locale,
    };
    let deal_id = crate::entities::deal::Entity::find()
        .filter(crate::entities::deal::Column::InquiryId.eq(item.model.id))
        .one(&state.db)
        .await?
        .map(|d| d.id);
    Html::render(&DetailPage {
        page: AdminPage::new(
            editor,
            state.asset_version.clone(),
            "inquiries",
            tr.t("admin-inquiry-title"),
            (!shown.flash.is_empty()).then_some(shown.flash.as_str()),
        ),
        item,
        deal_id,
        statuses: STATUSES,
        form,
        errors: shown.errors,
        conflict: shown.conflict,
        theirs: shown.theirs,
        save_failed: shown.save_failed,
        reply_max: REPLY_MAX,
    })
}

/// The form filled from the stored inquiry.
fn stored_form(m: &inquiry::Model) -> UpdateForm {
    UpdateForm {
        csrf: String::new(),
        status: m.status.clone(),
        reply: m.reply.clone().unwrap_or_default(),
        version: crate::admin::version::version_token(m.updated_at),
    }
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
    let form = stored_form(&m);
    render(
        &editor,
        &state,
        m,
        form,
        Shown {
            flash: q.into_inner().flash,
            ..Shown::default()
        },
    )
    .await
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct UpdateForm {
    csrf: String,
    pub status: String,
    pub reply: String,
    /// The version the form was opened at (see `admin::version`).
    pub version: String,
}

/// How a save went.
enum Saved {
    Done,
    /// Someone saved the inquiry after this form was opened.
    Conflict(Box<inquiry::Model>),
}

/// POST /admin/inquiries/{id}: status and the reply sent. An emptied reply
/// is stored empty; a reply longer than the form allows is refused at the
/// field, with the text kept.
pub async fn update(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    form: crate::web::forms::LongForm<UpdateForm>,
) -> Result<HttpResponse, AppError> {
    editor.require(&[Role::Editor])?;
    editor.check_csrf(&form.csrf)?;
    let id = path.into_inner();
    let form = form.into_inner();
    let m = inquiry::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    if !STATUSES.contains(&form.status.as_str()) {
        return Err(AppError::BadRequest("error-bad-request-text"));
    }
    let reply = form.reply.trim().to_owned();
    if reply.chars().count() > REPLY_MAX {
        let mut errors = FieldErrors::default();
        errors.add_n("reply", "form-too-long-n", REPLY_MAX as i64);
        let shown = Shown {
            errors,
            ..Shown::default()
        };
        return Ok(render(&editor, &state, m, form, shown)
            .await?
            .unprocessable()
            .into_response(&req));
    }
    let ip = client_ip(&req, &state);
    match save(&state.db, &editor, &ip, id, &form, reply).await {
        Ok(Saved::Done) => Ok(see_other(&format!(
            "/admin/inquiries/{id}?flash=reply-saved"
        ))),
        Ok(Saved::Conflict(now_stored)) => {
            let tr = Translator {
                locale: editor.locale,
            };
            let conflict = crate::admin::version::conflict_message(
                &state.db,
                &tr,
                "inquiry",
                Some(id),
                &tr.t("admin-inquiry-title"),
                now_stored.updated_at,
            )
            .await?;
            let theirs = (
                now_stored.status.clone(),
                now_stored.reply.clone().unwrap_or_default(),
            );
            // Saving again (now from the version just seen) replaces theirs.
            let form = UpdateForm {
                version: crate::admin::version::version_token(now_stored.updated_at),
                ..form
            };
            let shown = Shown {
                conflict: Some(conflict),
                theirs: Some(theirs),
                ..Shown::default()
            };
            Ok(render(&editor, &state, *now_stored, form, shown)
                .await?
                .with_status(StatusCode::CONFLICT)
                .into_response(&req))
        }
        Err(e) => {
            let e = AppError::from(e);
            tracing::error!(error = %e, "inquiry not saved");
            let status = actix_web::ResponseError::status_code(&e);
            let shown = Shown {
                save_failed: true,
                ..Shown::default()
            };
            Ok(render(&editor, &state, m, form, shown)
                .await?
                .with_status(status)
                .into_response(&req))
        }
    }
}

async fn save(
    db: &sea_orm::DatabaseConnection,
    editor: &Editor,
    ip: &str,
    id: i32,
    form: &UpdateForm,
    reply: String,
) -> Result<Saved, DbErr> {
    let txn = crate::db::begin_write(db).await?;
    // Under the write lock: nobody saves between this read and the write.
    if crate::admin::version::locked_version(&txn, "inquiries", id)
        .await?
        .is_none()
    {
        return Err(DbErr::RecordNotFound(format!("inquiry {id}")));
    }
    let Some(m) = inquiry::Entity::find_by_id(id).one(&txn).await? else {
        return Err(DbErr::RecordNotFound(format!("inquiry {id}")));
    };
    let started = crate::admin::version::started(&form.version);
    if crate::admin::version::is_stale(started, m.updated_at) {
        txn.rollback().await?;
        return Ok(Saved::Conflict(Box::new(m)));
    }
    let t = now();
    let mut a: inquiry::ActiveModel = m.clone().into();
    let mut status = form.status.clone();
    if reply.is_empty() {
        // Cleared on purpose: no reply is recorded any more.
        a.reply = Set(None);
        a.replied_at = Set(None);
        a.replied_by = Set(None);
    } else if m.reply.as_deref() != Some(reply.as_str()) {
        a.reply = Set(Some(reply));
        a.replied_at = Set(Some(t));
        a.replied_by = Set(Some(editor.id));
        if status == "new" {
            status = "answered".to_owned();
        }
    }
    a.status = Set(status.clone());
    a.updated_at = Set(t);
    a.update(&txn).await?;
    crate::audit::record(
        &txn,
        &editor.actor(Some(ip)),
        &format!("status:{status}"),
        "inquiry",
        Some(id),
        "",
    )
    .await?;
    txn.commit().await?;
    Ok(Saved::Done)
}
