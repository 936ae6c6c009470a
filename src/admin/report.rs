//! The report for editors: the counted figures with their baseline, and
//! deals received, answered and signed by month, country and field, each as
//! a server-drawn SVG chart with the same numbers in a table beside it and
//! a CSV download. The baseline carried over from before the portal is
//! edited here.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use sea_orm::TransactionTrait;
use serde::Deserialize;

use super::page::FlashQuery;
use crate::accounts::Role;
use crate::db::now;
use crate::error::AppError;
use crate::figures::report::{self, DIMENSIONS, Report};
use crate::figures::{self, Baseline, chart};
use crate::web::AppState;
use crate::web::client::client_ip;
use crate::web::forms::FieldErrors;
use crate::web::{Html, Translator};

use super::page::AdminPage;
use super::session::Editor;
use crate::web::see_other;

const ROLES: &[Role] = &[Role::Editor];
/// Months the monthly table covers.
const MONTHS: u32 = 12;

/// One table of the report with its chart.
pub struct Section {
    pub dimension: &'static str,
    pub svg: String,
    pub rows: Vec<report::Row>,
    pub total: report::Row,
}

/// The baseline form, as typed.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct BaselineForm {
    pub csrf: String,
    pub agreements: String,
    pub answered: String,
    pub organisations: String,
    pub countries: String,
    pub as_of: String,
}

impl BaselineForm {
    fn of(b: &Baseline) -> Self {
        Self {
            csrf: String::new(),
            agreements: b.agreements.to_string(),
            answered: b.answered.to_string(),
            organisations: b.organisations.to_string(),
            countries: b.countries.join(" "),
            as_of: b
                .as_of
                .map(|d| d.format("%Y-%m").to_string())
                .unwrap_or_default(),
        }
    }

    fn validate(&self) -> Result<Vec<(&'static str, String)>, FieldErrors> {
        let mut e = FieldErrors::default();
        let mut out = Vec::new();
        for (key, field, v) in [
            (figures::BASELINE_AGREEMENTS, "agreements", &self.agreements),
            (figures::BASELINE_ANSWERED, "answered", &self.answered),
            (
                figures::BASELINE_ORGANISATIONS,
                "organisations",
                &self.organisations,
            ),
        ] {
            match v.trim().parse::<u64>() {
                Ok(n) if n <= 1_000_000_000 => out.push((key, n.to_string())),
                _ => e.add(field, "form-number-range"),
            }
        }
        let words = self
            .countries
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|w| !w.is_empty())
            .count();
        let codes = figures::parse_countries(&self.countries);
        if codes.len() != words {
            e.add("countries", "report-countries-invalid");
        }
        out.push((figures::BASELINE_COUNTRIES, codes.join(" ")));
        if self.as_of.trim().is_empty() {
            out.push((figures::BASELINE_AS_OF, String::new()));
        } else if let Some(m) = figures::parse_month(&self.as_of) {
            out.push((figures::BASELINE_AS_OF, m.format("%Y-%m").to_string()));
        } else {
            e.add("as_of", "report-month-invalid");
        }
        if e.is_empty() { Ok(out) } else { Err(e) }
    }
}

#[derive(Template)]
#[template(path = "admin/report.html")]
pub struct ReportPage {
    pub page: AdminPage,
    /// Each figure with its note ("653 by May 2022, 41 recorded since").
    pub figures: Vec<(figures::Figure, Option<String>)>,
    pub sections: Vec<Section>,
    pub form: BaselineForm,
    pub errors: FieldErrors,
}

impl ReportPage {
    /// The baseline's three numbers, as typed.
    pub fn number_fields(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("agreements", self.form.agreements.as_str()),
            ("answered", self.form.answered.as_str()),
            ("organisations", self.form.organisations.as_str()),
        ]
    }
}

fn sections(r: &Report, tr: &Translator) -> Vec<Section> {
    DIMENSIONS
        .iter()
        .map(|dim| {
            let rows = r.rows(dim).to_vec();
            let total = report::Row {
                key: String::new(),
                label: tr.t("report-total"),
                received: rows.iter().map(|x| x.received).sum(),
                answered: rows.iter().map(|x| x.answered).sum(),
                signed: rows.iter().map(|x| x.signed).sum(),
            };
            let title = tr.code("report-chart", dim);
            Section {
                dimension: dim,
                svg: chart::bars(
                    &format!("chart-{dim}"),
                    &title,
                    &tr.t("report-chart-desc"),
                    &rows,
                    tr,
                ),
                rows,
                total,
            }
        })
        .collect()
}

async fn render(
    editor: &Editor,
    state: &AppState,
    flash: Option<&str>,
    form: Option<BaselineForm>,
    errors: FieldErrors,
) -> Result<ReportPage, AppError> {
    let db = &state.db;
    let s = crate::settings::all(db).await?;
    let baseline = Baseline::from_settings(&s);
    let figures = figures::count(db, &baseline).await?;
    let r = report::build(db, editor.locale, now(), MONTHS).await?;
    let tr = Translator {
        locale: editor.locale,
    };
    Ok(ReportPage {
        page: AdminPage::new(
            editor,
            state.asset_version.clone(),
            "report",
            tr.t("admin-nav-report"),
            flash,
        ),
        figures: figures
            .figures
            .iter()
            .map(|f| (*f, figures.note(f.key, editor.locale)))
            .collect(),
        sections: sections(&r, &tr),
        form: form.unwrap_or_else(|| BaselineForm::of(&baseline)),
        errors,
    })
}

/// GET /admin/report
pub async fn page(
    editor: Editor,
    state: web::Data<AppState>,
    q: web::Query<FlashQuery>,
) -> Result<Html, AppError> {
    editor.require(ROLES)?;
    let flash = (!q.flash.is_empty()).then_some(q.flash.as_str());
    Html::render(&render(&editor, &state, flash, None, FieldErrors::default()).await?)
}

/// GET /admin/report.csv
pub async fn csv(editor: Editor, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    editor.require(ROLES)?;
    let r = report::build(&state.db, editor.locale, now(), MONTHS).await?;
    let tr = Translator {
        locale: editor.locale,
    };
    let body = report::csv(&r, &tr)?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"techbridge-report-{}.csv\"",
                now().format("%Y-%m-%d")
            ),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body))
}

/// POST /admin/report/baseline
pub async fn save_baseline(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    form: crate::web::forms::Form<BaselineForm>,
) -> Result<HttpResponse, AppError> {
    editor.require(ROLES)?;
    editor.check_csrf(&form.csrf)?;
    let form = form.into_inner();
    let values = match form.validate() {
        Ok(v) => v,
        Err(errors) => {
            let page = render(&editor, &state, None, Some(form), errors).await?;
            return Ok(Html::render(&page)?.unprocessable().into_response(&req));
        }
    };
    let ip = client_ip(&req, &state);
    let txn = state.db.begin().await?;
    for (k, v) in &values {
        crate::settings::set(&txn, k, v).await?;
    }
    crate::audit::record(
        &txn,
        &editor.actor(Some(&ip)),
        "update",
        "settings",
        None,
        "baseline",
    )
    .await?;
    txn.commit().await?;
    Ok(see_other("/admin/report?flash=saved"))
}
