//! The report: deals received, answered and signed, by month, by country
//! and by field. Deals are few (thousands, not millions), so one statement
//! reads the columns that matter and the counting is done here, the same
//! way on both databases.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, QuerySelect};

use crate::entities::deal;
use crate::i18n::Locale;
use crate::web::Translator;

/// One line of a table (and one group of bars in its chart).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The month (`2026-05`), the country code or the field code.
    pub key: String,
    /// The same, named in the reader's language.
    pub label: String,
    pub received: i64,
    pub answered: i64,
    pub signed: i64,
}

impl Row {
    fn new(key: String, label: String) -> Self {
        Self {
            key,
            label,
            received: 0,
            answered: 0,
            signed: 0,
        }
    }
}

/// The three tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub by_month: Vec<Row>,
    pub by_country: Vec<Row>,
    pub by_field: Vec<Row>,
}

/// The dimensions, in page order, as the CSV names them.
pub const DIMENSIONS: [&str; 3] = ["month", "country", "field"];

impl Report {
    pub fn rows(&self, dimension: &str) -> &[Row] {
        match dimension {
            "month" => &self.by_month,
            "country" => &self.by_country,
            _ => &self.by_field,
        }
    }
}

fn month_of(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), d.month(), 1).unwrap_or(d)
}

fn months_back(last: NaiveDate, n: u32) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let (mut y, mut m) = (last.year(), last.month());
    for _ in 0..n {
        if let Some(d) = NaiveDate::from_ymd_opt(y, m, 1) {
            out.push(d);
        }
        if m == 1 {
            y -= 1;
            m = 12;
        } else {
            m -= 1;
        }
    }
    out.reverse();
    out
}

type Columns = (
    DateTime<Utc>,
    Option<DateTime<Utc>>,
    Option<NaiveDate>,
    String,
    String,
);

/// The report at `now`, labelled in `locale`: the last `months` months,
/// every country and field with at least one deal.
pub async fn build(
    db: &impl ConnectionTrait,
    locale: Locale,
    now: DateTime<Utc>,
    months: u32,
) -> Result<Report, DbErr> {
    let rows: Vec<Columns> = deal::Entity::find()
        .select_only()
        .column(deal::Column::CreatedAt)
        .column(deal::Column::AnsweredAt)
        .column(deal::Column::SignedOn)
        .column(deal::Column::Country)
        .column(deal::Column::Field)
        .into_tuple()
        .all(db)
        .await?;
    let tr = Translator { locale };
    let span = months_back(month_of(now.date_naive()), months.max(1));
    let mut by_month: BTreeMap<NaiveDate, Row> = span
        .iter()
        .map(|m| {
            (
                *m,
                Row::new(m.format("%Y-%m").to_string(), super::month_name(locale, *m)),
            )
        })
        .collect();
    let mut by_country: BTreeMap<String, Row> = BTreeMap::new();
    let mut by_field: BTreeMap<String, Row> = BTreeMap::new();
    for (created, answered, signed, country, field) in rows {
        let c = by_country
            .entry(country.clone())
            .or_insert_with(|| Row::new(country.clone(), tr.code("country", &country)));
        c.received += 1;
        c.answered += i64::from(answered.is_some());
        c.signed += i64::from(signed.is_some());
        let f = by_field
            .entry(field.clone())
            .or_insert_with(|| Row::new(field.clone(), tr.code("field", &field)));
        f.received += 1;
        f.answered += i64::from(answered.is_some());
        f.signed += i64::from(signed.is_some());
        // By month, each count falls in the month it happened.
        if let Some(r) = by_month.get_mut(&month_of(created.date_naive())) {
            r.received += 1;
        }
        if let Some(r) = answered.and_then(|a| by_month.get_mut(&month_of(a.date_naive()))) {
            r.answered += 1;
        }
        if let Some(r) = signed.and_then(|s| by_month.get_mut(&month_of(s))) {
            r.signed += 1;
        }
    }
    let ranked = |m: BTreeMap<String, Row>| {
        let mut v: Vec<Row> = m.into_values().collect();
        v.sort_by(|a, b| b.received.cmp(&a.received).then(a.label.cmp(&b.label)));
        v
    };
    Ok(Report {
        by_month: by_month.into_values().collect(),
        by_country: ranked(by_country),
        by_field: ranked(by_field),
    })
}

/// A cell that a spreadsheet would take for a formula (`=`, `+`, `-`,
/// `@`, tab or carriage return first) gets a leading apostrophe, so that
/// opening the CSV never runs anything.
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// The report as CSV: one line per row of each table, with its dimension.
pub fn csv(report: &Report, tr: &Translator) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        tr.t("report-col-dimension"),
        tr.t("report-col-key"),
        tr.t("report-col-label"),
        tr.t("report-received"),
        tr.t("report-answered"),
        tr.t("report-signed"),
    ])?;
    for dim in DIMENSIONS {
        for r in report.rows(dim) {
            w.write_record([
                neutralise(&tr.code("report-by", dim)),
                neutralise(&r.key),
                neutralise(&r.label),
                r.received.to_string(),
                r.answered.to_string(),
                r.signed.to_string(),
            ])?;
        }
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised_and_others_kept() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+1"), "'+1");
        assert_eq!(neutralise("-2"), "'-2");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("Indonesia"), "Indonesia");
        assert_eq!(neutralise("2026-05"), "2026-05");
    }

    #[test]
    fn twelve_months_end_with_this_one() {
        let last = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
        let m = months_back(last, 12);
        assert_eq!(m.len(), 12);
        assert_eq!(m[0], NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
        assert_eq!(m[11], last);
    }
}
