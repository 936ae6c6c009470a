//! The deals board and each deal's page: deals by stage with counts,
//! filters by country, field, technology, month and editor, overdue ones
//! first; the whole exchange of one deal in order, and the moves an editor
//! makes (forward, record a meeting or visit, sign, close). Every move is
//! claimed once (see `deals::store::claim_move`), dated, attributed and
//! written to the audit log in the same transaction.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::NaiveDate;
use sea_orm::{EntityTrait, QueryOrder, TransactionTrait};
use serde::Deserialize;

use super::export::{self, Format, Links, Table};
use super::page::FlashQuery;
use crate::accounts::Role;
use crate::db::now;
use crate::deals::store::{self, BoardFilter, Event, MoveSet, Who};
use crate::deals::{self, AGREEMENT_KINDS, CLOSE_REASONS, CURRENCIES, ORIGIN_INTEREST, Stage};
use crate::entities::{deal, deal_event, editor};
use crate::error::AppError;
use crate::taxonomy::FIELDS;
use crate::web::AppState;
use crate::web::Pager;
use crate::web::client::client_ip;
use crate::web::forms::FieldErrors;
use crate::web::{Html, Translator};

use super::page::AdminPage;
use super::session::Editor;
use crate::web::see_other;

const PER_PAGE: u64 = 30;
const ROLES: &[Role] = &[Role::Editor];

/// A deal as a board row.
pub struct Row {
    pub deal: deal::Model,
    pub title: String,
    pub overdue: bool,
    pub editor: String,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct BoardQuery {
    pub stage: String,
    pub country: String,
    pub field: String,
    pub technology: String,
    pub month: String,
    pub editor: String,
    pub page: String,
    pub flash: String,
}

impl BoardQuery {
    /// The filters, each kept only when it is one the form offers.
    fn filter(
        &self,
        months: &[NaiveDate],
        techs: &[i32],
        editors: &[editor::Model],
    ) -> BoardFilter {
        BoardFilter {
            stage: Stage::parse(&self.stage),
            country: crate::taxonomy::countries()
                .into_iter()
                .find(|c| *c == self.country)
                .map(str::to_owned),
            field: FIELDS
                .iter()
                .find(|f| **f == self.field)
                .map(|f| (*f).to_owned()),
            technology_id: self.technology.parse().ok().filter(|id| techs.contains(id)),
            month: months
                .iter()
                .find(|m| m.format("%Y-%m").to_string() == self.month)
                .copied(),
            editor_id: self
                .editor
                .parse()
                .ok()
                .filter(|id| editors.iter().any(|e| e.id == *id)),
        }
    }

    /// The export links, with this query's filters.
    fn exports(&self) -> Links {
        Links::new(
            "/admin/deals",
            [
                ("stage", self.stage.as_str()),
                ("country", self.country.as_str()),
                ("field", self.field.as_str()),
                ("technology", self.technology.as_str()),
                ("month", self.month.as_str()),
                ("editor", self.editor.as_str()),
            ],
        )
    }

    /// This query with `stage` replaced (the stage counts link to these).
    fn with_stage(&self, stage: &str) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("stage", stage),
            ("country", &self.country),
            ("field", &self.field),
            ("technology", &self.technology),
            ("month", &self.month),
            ("editor", &self.editor),
        ] {
            if !v.is_empty() {
                s.append_pair(k, v);
            }
        }
        let q = s.finish();
        if q.is_empty() {
            "/admin/deals".to_owned()
        } else {
            format!("/admin/deals?{q}")
        }
    }
}

pub struct StageCount {
    pub stage: &'static str,
    pub count: i64,
    pub href: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "admin/deals.html")]
pub struct BoardPage {
    pub page: AdminPage,
    pub q: BoardQuery,
    pub rows: Vec<Row>,
    pub counts: Vec<StageCount>,
    pub overdue: i64,
    pub total: u64,
    pub countries: Vec<&'static str>,
    pub techs: Vec<(i32, String)>,
    pub months: Vec<String>,
    pub editors: Vec<(i32, String)>,
    pub pager: Pager,
    /// Whether new inquiries forward themselves (`deals::AUTO_FORWARD`).
    pub auto_forward: bool,
    pub exports: Links,
}

/// GET /admin/deals
pub async fn board(
    editor: Editor,
    state: web::Data<AppState>,
    q: web::Query<BoardQuery>,
) -> Result<Html, AppError> {
    editor.require(ROLES)?;
    let db = &state.db;
    let t = now();
    let months = store::months(db).await?;
    let tech_ids = store::technology_ids(db).await?;
    let editors = editor::Entity::find()
        .order_by_asc(editor::Column::DisplayName)
        .all(db)
        .await?;
    let filter = q.filter(&months, &tech_ids, &editors);
    let page_no = crate::web::forms::page_number(&q.page);
    let (deals, total) = store::board(db, &filter, t, page_no, PER_PAGE).await?;
    let (by_stage, overdue) = store::stage_counts(db, &filter, t).await?;
    let auto_forward = crate::settings::all(db)
        .await?
        .get(deals::AUTO_FORWARD)
        .is_some_and(|v| v == "on");
    let mut tech_titles =
        crate::translation::technology_titles(db, &tech_ids, editor.locale).await?;
    let need_ids: Vec<i32> = deals.iter().filter_map(|d| d.need_id).collect();
    let need_titles = crate::translation::need_titles(db, &need_ids, editor.locale).await?;
    let rows = deals
        .into_iter()
        .map(|d| Row {
            title: title_of(&d, &tech_titles, &need_titles),
            overdue: store::is_overdue(&d, t),
            editor: d
                .editor_id
                .and_then(|id| editors.iter().find(|e| e.id == id))
                .map(|e| e.display_name.clone())
                .unwrap_or_default(),
            deal: d,
        })
        .collect();
    let link = |p: u64| {
        let base = q.with_stage(&q.stage);
        let sep = if base.contains('?') { '&' } else { '?' };
        format!("{base}{sep}page={p}")
    };
    let tr = Translator {
        locale: editor.locale,
    };
    let mut techs: Vec<(i32, String)> = tech_ids
        .iter()
        .map(|id| (*id, tech_titles.remove(id).unwrap_or_default()))
        .collect();
    techs.sort_by(|a, b| a.1.cmp(&b.1));
    Html::render(&BoardPage {
        page: AdminPage::new(
            &editor,
            state.asset_version.clone(),
            "deals",
            tr.t("admin-nav-deals"),
            (!q.flash.is_empty()).then_some(q.flash.as_str()),
        ),
        auto_forward,
        counts: Stage::ALL
            .iter()
            .map(|s| StageCount {
                stage: s.as_str(),
                count: by_stage.get(s.as_str()).copied().unwrap_or(0),
                href: q.with_stage(s.as_str()),
                current: filter.stage == Some(*s),
            })
            .collect(),
        overdue,
        rows,
        total,
        countries: crate::taxonomy::countries(),
        techs,
        months: months
            .iter()
            .map(|m| m.format("%Y-%m").to_string())
            .collect(),
        editors: editors
            .iter()
            .map(|e| (e.id, e.display_name.clone()))
            .collect(),
        pager: Pager::new(page_no, total, PER_PAGE, link),
        exports: q.exports(),
        q: q.into_inner(),
    })
}

/// GET /admin/deals/export.{format}: the board as filtered on its page, in
/// its order (overdue first), every matching deal. Deals hold the names
/// and addresses of both sides, so the export is written to the audit
/// trail.
pub async fn export(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<String>,
    q: web::Query<BoardQuery>,
) -> Result<HttpResponse, AppError> {
    editor.require(ROLES)?;
    let format = Format::parse(&path)?;
    let db = &state.db;
    let t = now();
    let months = store::months(db).await?;
    let tech_ids = store::technology_ids(db).await?;
    let editors = editor::Entity::find().all(db).await?;
    let filter = q.filter(&months, &tech_ids, &editors);
    let (deals, _) = store::board(db, &filter, t, 1, export::MAX_ROWS).await?;
    let techs = crate::translation::technology_titles(db, &tech_ids, editor.locale).await?;
    let need_ids: Vec<i32> = deals.iter().filter_map(|d| d.need_id).collect();
    let needs = crate::translation::need_titles(db, &need_ids, editor.locale).await?;
    let tr = Translator {
        locale: editor.locale,
    };
    let header = [
        "admin-col-id",
        "admin-deals-about",
        "admin-deals-stage",
        "admin-col-origin",
        "admin-deals-who",
        "admin-col-country",
        "admin-col-field",
        "admin-deal-asker",
        "admin-col-asker-email",
        "admin-deal-answerer",
        "admin-col-answerer-email",
        "admin-deals-editor",
        "admin-col-opened",
        "admin-deals-since",
        "deal-overdue",
        "admin-col-forwarded",
        "admin-col-answered",
        "admin-deal-signed-on",
        "admin-deal-kind",
        "admin-col-value",
        "admin-deal-currency",
        "admin-deal-closed-reason",
    ];
    let mut table = Table::new("deals", header.iter().map(|h| tr.t(h)).collect());
    for d in deals {
        let overdue = store::is_overdue(&d, t);
        table.push(vec![
            d.id.to_string(),
            title_of(&d, &techs, &needs),
            tr.code("deal-stage", &d.stage),
            tr.code("deal-origin", &d.origin),
            d.organisation.clone(),
            tr.code("country", &d.country),
            tr.code("field", &d.field),
            d.asker_name.clone(),
            d.asker_email.clone(),
            d.answerer_name.clone(),
            d.answerer_email.clone(),
            d.editor_id
                .and_then(|id| editors.iter().find(|e| e.id == id))
                .map(|e| e.display_name.clone())
                .unwrap_or_default(),
            export::iso(Some(d.created_at)),
            export::iso(Some(d.stage_at)),
            if overdue {
                tr.t("deal-overdue")
            } else {
                String::new()
            },
            export::iso(d.forwarded_at),
            export::iso(d.answered_at),
            d.signed_on.map(|s| s.to_string()).unwrap_or_default(),
            d.agreement_kind
                .as_deref()
                .map(|k| tr.code("deal-kind", k))
                .unwrap_or_default(),
            d.agreement_value.map(|v| v.to_string()).unwrap_or_default(),
            d.currency.clone().unwrap_or_default(),
            d.closed_reason
                .as_deref()
                .map(|r| tr.code("deal-close-reason", r))
                .unwrap_or_default(),
        ]);
    }
    let ip = client_ip(&req, &state);
    crate::audit::record(
        db,
        &editor.actor(Some(&ip)),
        "export",
        "deal",
        None,
        &export::summary(table.rows.len(), format, &req),
    )
    .await?;
    table.respond(format)
}

fn title_of(
    d: &deal::Model,
    techs: &std::collections::HashMap<i32, String>,
    needs: &std::collections::HashMap<i32, String>,
) -> String {
    if d.origin == ORIGIN_INTEREST {
        d.need_id.and_then(|id| needs.get(&id).cloned())
    } else {
        d.technology_id.and_then(|id| techs.get(&id).cloned())
    }
    .unwrap_or_default()
}

/// What any of the four move forms may carry; kept as typed to show again.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct MoveForm {
    pub csrf: String,
    pub version: String,
    pub note: String,
    pub on_date: String,
    pub meeting: String,
    pub signed_on: String,
    pub kind: String,
    pub value: String,
    pub currency: String,
    pub reason: String,
}

/// Meetings and visits, the two ways talks are recorded.
pub const MEETINGS: &[&str] = &["meeting", "visit"];

/// A move, checked.
enum Move {
    Forward {
        note: String,
    },
    Talks {
        on: NaiveDate,
        meeting: &'static str,
        note: String,
    },
    Sign {
        on: NaiveDate,
        kind: &'static str,
        value: Option<i64>,
        currency: Option<&'static str>,
        note: String,
    },
    Close {
        reason: &'static str,
        note: String,
    },
}

fn date(v: &str, field: &'static str, e: &mut FieldErrors) -> Option<NaiveDate> {
    let v = v.trim();
    if v.is_empty() {
        e.add(field, "form-required");
        return None;
    }
    let d = NaiveDate::parse_from_str(v, "%Y-%m-%d").ok();
    if d.is_none() {
        e.add(field, "form-date-invalid");
    }
    d
}

impl MoveForm {
    fn validate(&self, action: &str) -> Result<Move, FieldErrors> {
        let mut e = FieldErrors::default();
        let note = self.note.trim().to_owned();
        if note.chars().count() > 5000 {
            e.add("note", "form-too-long");
        }
        let m = match action {
            "forward" => Some(Move::Forward { note: note.clone() }),
            "talks" => {
                let on = date(&self.on_date, "on_date", &mut e);
                let meeting = MEETINGS.iter().find(|m| **m == self.meeting).copied();
                if meeting.is_none() {
                    e.add("meeting", "form-choose");
                }
                match (on, meeting) {
                    (Some(on), Some(meeting)) => Some(Move::Talks {
                        on,
                        meeting,
                        note: note.clone(),
                    }),
                    _ => None,
                }
            }
            "sign" => {
                let on = date(&self.signed_on, "signed_on", &mut e);
                let kind = AGREEMENT_KINDS.iter().find(|k| **k == self.kind).copied();
                if kind.is_none() {
                    e.add("kind", "form-choose");
                }
                let digits: String = self
                    .value
                    .chars()
                    .filter(|c| !matches!(c, ',' | ' ' | '.' | '\u{a0}'))
                    .collect();
                let value = if digits.is_empty() {
                    None
                } else {
                    match digits.parse::<i64>() {
                        Ok(v) if (0..=1_000_000_000_000_000).contains(&v) => Some(v),
                        _ => {
                            e.add("value", "form-number-range");
                            None
                        }
                    }
                };
                let currency = CURRENCIES.iter().find(|c| **c == self.currency).copied();
                if value.is_some() && currency.is_none() {
                    e.add("currency", "form-choose");
                }
                match (on, kind) {
                    (Some(on), Some(kind)) => Some(Move::Sign {
                        on,
                        kind,
                        value,
                        currency: value.and(currency),
                        note: note.clone(),
                    }),
                    _ => None,
                }
            }
            "close" => {
                let reason = CLOSE_REASONS.iter().find(|r| **r == self.reason).copied();
                match reason {
                    Some(reason) => Some(Move::Close {
                        reason,
                        note: note.clone(),
                    }),
                    None => {
                        e.add("reason", "form-choose");
                        None
                    }
                }
            }
            _ => None,
        };
        match m {
            Some(m) if e.is_empty() => Ok(m),
            _ => Err(e),
        }
    }
}

/// A step of the exchange as the page shows it.
pub struct Step {
    pub event: deal_event::Model,
    pub editor: Option<String>,
    /// The event's detail in words (an answer and its reason, a kind of
    /// agreement...), or the address it went to.
    pub detail: String,
}

fn detail_text(tr: &Translator, e: &deal_event::Model) -> String {
    match e.kind.as_str() {
        "answered" => {
            let (a, r) = e.detail.split_once(':').unwrap_or((&e.detail, ""));
            let mut s = tr.code("reply-answer", a);
            if !r.is_empty() {
                s.push_str(" — ");
                s.push_str(&tr.code("reply-reason", r));
            }
            s
        }
        "meeting" => tr.code("deal-meeting", &e.detail),
        "signed" => tr.code("deal-kind", &e.detail),
        "closed" => tr.code("deal-close-reason", &e.detail),
        _ => e.detail.clone(),
    }
}

#[derive(Template)]
#[template(path = "admin/deal.html")]
pub struct DealPage {
    pub page: AdminPage,
    pub deal: deal::Model,
    pub title: String,
    pub title_href: String,
    pub technology: Option<(String, String)>,
    pub steps: Vec<Step>,
    pub overdue: bool,
    pub form: MoveForm,
    pub errors: FieldErrors,
    /// Which form the errors belong to.
    pub failed: String,
}

impl DealPage {
    pub fn can(&self, to: &str) -> bool {
        match (Stage::parse(&self.deal.stage), Stage::parse(to)) {
            (Some(from), Some(to)) => from.can_move_to(to),
            _ => false,
        }
    }

    /// The typed value of a form when it is the one that failed, else "".
    pub fn typed<'a>(&'a self, action: &str, value: &'a str) -> &'a str {
        if self.failed == action { value } else { "" }
    }

    pub fn is_interest(&self) -> bool {
        self.deal.origin == ORIGIN_INTEREST
    }
}

async fn deal_page(
    editor: &Editor,
    state: &AppState,
    id: i32,
    flash: Option<&str>,
    form: MoveForm,
    errors: FieldErrors,
    failed: &str,
) -> Result<DealPage, AppError> {
    let db = &state.db;
    let d = store::by_id(db, id).await?.ok_or(AppError::NotFound)?;
    let events = store::events(db, id).await?;
    let editor_ids: Vec<i32> = events.iter().filter_map(|e| e.editor_id).collect();
    let editors = if editor_ids.is_empty() {
        Vec::new()
    } else {
        use sea_orm::{ColumnTrait, QueryFilter};
        editor::Entity::find()
            .filter(editor::Column::Id.is_in(editor_ids))
            .all(db)
            .await?
    };
    let techs = match d.technology_id {
        Some(t) => crate::translation::technology_titles(db, &[t], editor.locale).await?,
        None => Default::default(),
    };
    let needs = match d.need_id {
        Some(n) => crate::translation::need_titles(db, &[n], editor.locale).await?,
        None => Default::default(),
    };
    let (title_href, technology) = if d.origin == ORIGIN_INTEREST {
        (
            d.need_id
                .map(|n| format!("/admin/needs/{n}"))
                .unwrap_or_default(),
            d.technology_id.and_then(|t| {
                techs
                    .get(&t)
                    .map(|title| (title.clone(), format!("/admin/technologies/{t}")))
            }),
        )
    } else {
        (
            d.technology_id
                .map(|t| format!("/admin/technologies/{t}"))
                .unwrap_or_default(),
            None,
        )
    };
    let tr = Translator {
        locale: editor.locale,
    };
    Ok(DealPage {
        page: AdminPage::new(
            editor,
            state.asset_version.clone(),
            "deals",
            tr.tn("admin-deal-title", i64::from(d.id)),
            flash,
        ),
        title: title_of(&d, &techs, &needs),
        title_href,
        technology,
        overdue: store::is_overdue(&d, now()),
        steps: events
            .into_iter()
            .map(|e| Step {
                detail: detail_text(&tr, &e),
                editor: e
                    .editor_id
                    .and_then(|id| editors.iter().find(|x| x.id == id))
                    .map(|x| x.display_name.clone()),
                event: e,
            })
            .collect(),
        deal: d,
        form,
        errors,
        failed: failed.to_owned(),
    })
}

/// GET /admin/deals/{id}
pub async fn detail(
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    q: web::Query<FlashQuery>,
) -> Result<Html, AppError> {
    editor.require(ROLES)?;
    let page = deal_page(
        &editor,
        &state,
        path.into_inner(),
        (!q.flash.is_empty()).then_some(q.flash.as_str()),
        MoveForm::default(),
        FieldErrors::default(),
        "",
    )
    .await?;
    Html::render(&page)
}

/// POST /admin/deals/{id}/{action}: forward, talks, sign or close.
pub async fn act(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<(i32, String)>,
    form: crate::web::forms::Form<MoveForm>,
) -> Result<HttpResponse, AppError> {
    editor.require(ROLES)?;
    editor.check_csrf(&form.csrf)?;
    let (id, action) = path.into_inner();
    let form = form.into_inner();
    if !matches!(action.as_str(), "forward" | "talks" | "sign" | "close") {
        return Err(AppError::NotFound);
    }
    let d = store::by_id(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mv = match form.validate(&action) {
        Ok(m) => m,
        Err(errors) => {
            let page = deal_page(&editor, &state, id, None, form, errors, &action).await?;
            return Ok(Html::render(&page)?.unprocessable().into_response(&req));
        }
    };
    // The version the editor saw: a deal moved since is not moved again
    // on the strength of an old page.
    let seen: i32 = form.version.trim().parse().unwrap_or(-1);
    let conflict = see_other(&format!("/admin/deals/{id}?flash=deal-taken"));
    if seen != d.version {
        return Ok(conflict);
    }
    let t = now();
    let ip = client_ip(&req, &state);
    let who = Who {
        editor_id: Some(editor.id),
        label: &editor.email,
    };
    let txn = state.db.begin().await?;
    let (moved, audit) = match &mv {
        Move::Forward { note } => (
            deals::forward(
                &txn,
                &state.config.secret_key,
                &state.base_url,
                &d,
                who,
                note,
                t,
            )
            .await?,
            "stage:forwarded".to_owned(),
        ),
        Move::Talks { on, meeting, note } => {
            let moved =
                store::claim_move(&txn, &d, Stage::Talks, who, t, MoveSet::default()).await?;
            if moved {
                let mut e = Event::new("meeting", who);
                e.stage = Some(Stage::Talks);
                e.detail = meeting;
                e.on_date = Some(*on);
                e.note = note;
                store::add_event(&txn, id, t, e).await?;
            }
            (moved, format!("stage:talks:{meeting}"))
        }
        Move::Sign {
            on,
            kind,
            value,
            currency,
            note,
        } => {
            let moved = store::claim_move(
                &txn,
                &d,
                Stage::Signed,
                who,
                t,
                MoveSet {
                    signed: Some((*on, kind, *value, *currency)),
                    ..MoveSet::default()
                },
            )
            .await?;
            if moved {
                let mut e = Event::new("signed", who);
                e.stage = Some(Stage::Signed);
                e.detail = kind;
                e.on_date = Some(*on);
                e.note = note;
                store::add_event(&txn, id, t, e).await?;
            }
            (moved, format!("stage:signed:{kind}"))
        }
        Move::Close { reason, note } => {
            let moved = store::claim_move(
                &txn,
                &d,
                Stage::Closed,
                who,
                t,
                MoveSet {
                    closed_reason: Some(reason),
                    ..MoveSet::default()
                },
            )
            .await?;
            if moved {
                let mut e = Event::new("closed", who);
                e.stage = Some(Stage::Closed);
                e.detail = reason;
                e.note = note;
                store::add_event(&txn, id, t, e).await?;
            }
            (moved, format!("stage:closed:{reason}"))
        }
    };
    if !moved {
        txn.rollback().await?;
        return Ok(conflict);
    }
    if matches!(mv, Move::Sign { .. } | Move::Close { .. }) {
        store::sync_inquiry(&txn, &d, "closed", t).await?;
    }
    crate::audit::record(
        &txn,
        &editor.actor(Some(&ip)),
        &audit,
        "deal",
        Some(id),
        &d.organisation,
    )
    .await?;
    txn.commit().await?;
    Ok(see_other(&format!("/admin/deals/{id}?flash=deal-moved")))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AutoForwardForm {
    csrf: String,
    auto_forward: Option<String>,
}

/// POST /admin/deals/auto-forward: whether new inquiries forward
/// themselves to the provider once they pass the form's checks.
pub async fn auto_forward(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    form: crate::web::forms::Form<AutoForwardForm>,
) -> Result<HttpResponse, AppError> {
    editor.require(ROLES)?;
    editor.check_csrf(&form.csrf)?;
    let on = form.auto_forward.is_some();
    let ip = client_ip(&req, &state);
    let txn = state.db.begin().await?;
    crate::settings::set(&txn, deals::AUTO_FORWARD, if on { "on" } else { "off" }).await?;
    crate::audit::record(
        &txn,
        &editor.actor(Some(&ip)),
        "update",
        "settings",
        None,
        if on {
            "auto-forward on"
        } else {
            "auto-forward off"
        },
    )
    .await?;
    txn.commit().await?;
    Ok(see_other("/admin/deals?flash=saved"))
}
