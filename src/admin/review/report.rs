//! The programme report of one call (administrators): applications by
//! country, field and status, and each reviewer's progress (assigned,
//! declared, done), as server-drawn SVG bar charts with the same numbers
//! in tables with captions, and as CSV. No script and no inline style in
//! the SVG (the CSP allows neither).

use std::fmt::Write;

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use askama::Template;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use crate::entities::{application, programme_call, review_assignment, rubric_review};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::web::{AppState, Html, Translator};

use super::super::page::AdminPage;
use super::super::session::Editor;

/// One bar: the code, its name in the reader's language, the count.
pub struct Bar {
    pub key: String,
    pub label: String,
    pub count: i64,
}

/// One table of the report and its chart.
pub struct Section {
    /// `country`, `field` or `status`.
    pub dimension: &'static str,
    pub bars: Vec<Bar>,
    pub svg: String,
}

/// A reviewer's progress in the call.
pub struct Progress {
    pub name: String,
    pub assigned: i64,
    pub declared: i64,
    pub done: i64,
}

pub struct Report {
    pub total: i64,
    pub sections: Vec<Section>,
    pub reviewers: Vec<Progress>,
    pub reviewers_svg: String,
}

#[derive(Template)]
#[template(path = "admin/review/report.html")]
pub struct ReportPage {
    pub page: AdminPage,
    pub call_id: i32,
    pub report: Report,
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

const WIDTH: i64 = 640;
const LABEL_W: i64 = 190;
const BAR_H: i64 = 18;
const GAP: i64 = 8;

/// A horizontal bar chart of `(label, count)`, labelled with the numbers;
/// `id` makes its title and description unique on the page.
pub fn chart(
    id: &str,
    title: &str,
    description: &str,
    rows: &[(String, i64)],
    tr: &Translator,
) -> String {
    let n = i64::try_from(rows.len()).unwrap_or(0).max(1);
    let height = n * (BAR_H + GAP) + GAP;
    let max = rows.iter().map(|(_, c)| *c).max().unwrap_or(0).max(1);
    let span = WIDTH - LABEL_W - 48;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" aria-labelledby="{id}-title {id}-desc" font-family="sans-serif" font-size="12">"#
    );
    let _ = write!(
        s,
        r#"<title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        esc(title),
        esc(description)
    );
    for (i, (label, count)) in rows.iter().enumerate() {
        let y = GAP + i64::try_from(i).unwrap_or(0) * (BAR_H + GAP);
        let w = count * span / max;
        let _ = write!(
            s,
            r##"<text x="{}" y="{}" text-anchor="end" fill="#1a202c">{}</text><rect x="{LABEL_W}" y="{y}" width="{w}" height="{BAR_H}" fill="#2b6cb0"/><text x="{}" y="{}" fill="#1a202c">{}</text>"##,
            LABEL_W - 8,
            y + BAR_H - 5,
            esc(label),
            LABEL_W + w + 4,
            y + BAR_H - 5,
            esc(&tr.num(*count))
        );
    }
    s.push_str("</svg>");
    s
}

fn count_by(
    apps: &[application::Model],
    key: impl Fn(&application::Model) -> &str,
) -> Vec<(String, i64)> {
    let mut out: Vec<(String, i64)> = Vec::new();
    for a in apps {
        let k = key(a);
        match out.iter_mut().find(|(x, _)| x == k) {
            Some((_, n)) => *n += 1,
            None => out.push((k.to_owned(), 1)),
        }
    }
    // Most first, then by code: the same order in the chart, table and CSV.
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// The report of call `id` in `locale`.
pub async fn build(db: &impl ConnectionTrait, id: i32, locale: Locale) -> Result<Report, DbErr> {
    let tr = Translator { locale };
    let apps = application::Entity::find()
        .filter(application::Column::CallId.eq(id))
        .all(db)
        .await?;
    let mut sections = Vec::new();
    for (dimension, prefix) in [
        ("country", "country"),
        ("field", "field"),
        ("status", "app-status"),
    ] {
        let counts = count_by(&apps, |a| match dimension {
            "country" => a.nationality.as_str(),
            "field" => a.field.as_str(),
            _ => a.status.as_str(),
        });
        let bars: Vec<Bar> = counts
            .into_iter()
            .map(|(key, count)| Bar {
                label: tr.code(prefix, &key),
                key,
                count,
            })
            .collect();
        let rows: Vec<(String, i64)> = bars.iter().map(|b| (b.label.clone(), b.count)).collect();
        let title = tr.t(&format!("review-report-by-{dimension}"));
        let svg = chart(
            &format!("chart-{dimension}"),
            &title,
            &tr.tn("review-report-chart-desc", apps.len()),
            &rows,
            &tr,
        );
        sections.push(Section {
            dimension,
            bars,
            svg,
        });
    }
    let people = super::reviewers(db).await?;
    let assignments = review_assignment::Entity::find()
        .filter(review_assignment::Column::CallId.eq(id))
        .all(db)
        .await?;
    let ids: Vec<i32> = apps.iter().map(|a| a.id).collect();
    let reviews = rubric_review::Entity::find()
        .filter(rubric_review::Column::ApplicationId.is_in(ids))
        .all(db)
        .await?;
    let reviewers: Vec<Progress> = people
        .iter()
        .map(|(e, _)| {
            let mine: Vec<&review_assignment::Model> =
                assignments.iter().filter(|a| a.editor_id == e.id).collect();
            Progress {
                name: e.display_name.clone(),
                assigned: mine.len() as i64,
                declared: mine.iter().filter(|a| a.conflict == "none").count() as i64,
                done: mine
                    .iter()
                    .filter(|a| {
                        reviews
                            .iter()
                            .any(|r| r.application_id == a.application_id && r.editor_id == e.id)
                    })
                    .count() as i64,
            }
        })
        .filter(|p| p.assigned > 0)
        .collect();
    let rows: Vec<(String, i64)> = reviewers.iter().map(|p| (p.name.clone(), p.done)).collect();
    let reviewers_svg = chart(
        "chart-reviewers",
        &tr.t("review-report-reviewers"),
        &tr.t("review-report-reviewers-desc"),
        &rows,
        &tr,
    );
    Ok(Report {
        total: apps.len() as i64,
        sections,
        reviewers,
        reviewers_svg,
    })
}

async fn call_exists(state: &AppState, id: i32) -> Result<(), AppError> {
    programme_call::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(())
}

/// GET /admin/calls/{id}/report
pub async fn page(
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
) -> Result<Html, AppError> {
    editor.require(&[])?;
    let id = path.into_inner();
    call_exists(&state, id).await?;
    let tr = Translator {
        locale: editor.locale,
    };
    let calls = crate::programme::store::call_options(&state.db, editor.locale).await?;
    let title = calls
        .iter()
        .find(|(c, _)| *c == id.to_string())
        .map(|(_, t)| t.clone())
        .unwrap_or_default();
    Html::render(&ReportPage {
        page: AdminPage::new(
            &editor,
            state.asset_version.clone(),
            "applications",
            tr.ts("review-report-title", "call", &title),
            None,
        ),
        call_id: id,
        report: build(&state.db, id, editor.locale).await?,
    })
}

/// GET /admin/calls/{id}/report.csv: every table of the page, one after
/// another (table, code, name, count; reviewers with their three numbers).
pub async fn csv(
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    editor.require(&[])?;
    let id = path.into_inner();
    call_exists(&state, id).await?;
    let tr = Translator {
        locale: editor.locale,
    };
    let report = build(&state.db, id, editor.locale).await?;
    let mut w = csv::Writer::from_writer(Vec::new());
    let cell = |s: &str| super::super::export::neutralise(s).into_owned();
    let io = |e: csv::Error| AppError::Internal(e.to_string());
    w.write_record([
        tr.t("review-report-col-table"),
        tr.t("review-report-col-code"),
        tr.t("review-report-col-name"),
        tr.t("review-report-col-count"),
        tr.t("review-col-declared"),
        tr.t("review-col-done"),
    ])
    .map_err(io)?;
    for s in &report.sections {
        for b in &s.bars {
            w.write_record([
                s.dimension.to_owned(),
                cell(&b.key),
                cell(&b.label),
                b.count.to_string(),
                String::new(),
                String::new(),
            ])
            .map_err(io)?;
        }
    }
    for p in &report.reviewers {
        w.write_record([
            "reviewer".to_owned(),
            String::new(),
            cell(&p.name),
            p.assigned.to_string(),
            p.declared.to_string(),
            p.done.to_string(),
        ])
        .map_err(io)?;
    }
    let body = w
        .into_inner()
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"call-{id}-report.csv\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body))
}
