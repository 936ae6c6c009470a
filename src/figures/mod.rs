//! The figures that count themselves: agreements signed, inquiries
//! answered, countries reached and organisations served, counted from the
//! deals plus a baseline carried over from before the portal, whose "as
//! of" month is shown as such ("653 by May 2022, 41 recorded since"). The
//! baseline lives in settings, edited on the report page. The monthly,
//! per-country and per-field report is `report`; its chart is `chart`.
//!
//! What counts: an agreement is a deal at the stage "signed"; an inquiry
//! answered is a deal whose answerer answered (whatever the answer); a
//! country reached and an organisation served are those of deals that
//! were answered. Organisations are counted once whatever their case;
//! countries are counted once, those of the baseline included.

pub mod chart;
pub mod report;

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use sea_orm::{ConnectionTrait, DbErr};

use crate::i18n::Locale;
use crate::web::Translator;

/// Setting keys of the baseline.
pub const BASELINE_AGREEMENTS: &str = "baseline_agreements";
pub const BASELINE_ANSWERED: &str = "baseline_answered";
pub const BASELINE_ORGANISATIONS: &str = "baseline_organisations";
/// Country codes, separated by spaces.
pub const BASELINE_COUNTRIES: &str = "baseline_countries";
/// The month the baseline counts up to, `YYYY-MM`.
pub const BASELINE_AS_OF: &str = "baseline_as_of";
/// Keys of the figures whose source gives a floor ("more than 2,600"),
/// separated by spaces: the note says "more than" before the number.
pub const MORE_THAN: &str = "figures_more_than";
/// The month the editor-set figures (`settings::FIGURES`) were reported,
/// `YYYY-MM`; they are shown "as of" it.
pub const SET_AS_OF: &str = "figures_as_of";

/// The four figures, in display order.
pub const KEYS: [&str; 4] = ["agreements", "answered", "countries", "organisations"];

/// What was counted before the portal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    pub agreements: i64,
    pub answered: i64,
    pub organisations: i64,
    pub countries: Vec<String>,
    /// The first day of the month it counts up to.
    pub as_of: Option<NaiveDate>,
    /// Keys whose baseline is a floor ("more than").
    pub more_than: Vec<String>,
}

impl Baseline {
    /// From the settings (`settings::all`); missing or bad values count 0.
    pub fn from_settings(s: &HashMap<String, String>) -> Self {
        let n = |k: &str| {
            s.get(k)
                .and_then(|v| v.trim().parse::<i64>().ok())
                .filter(|v| *v >= 0)
                .unwrap_or(0)
        };
        Self {
            agreements: n(BASELINE_AGREEMENTS),
            answered: n(BASELINE_ANSWERED),
            organisations: n(BASELINE_ORGANISATIONS),
            countries: parse_countries(s.get(BASELINE_COUNTRIES).map_or("", String::as_str)),
            as_of: s.get(BASELINE_AS_OF).and_then(|v| parse_month(v)),
            more_than: more_than(s),
        }
    }
}

/// Country codes from text such as "ID VN, th": known codes, upper case,
/// each once, in order.
pub fn parse_countries(text: &str) -> Vec<String> {
    let known = crate::taxonomy::countries();
    let mut out: Vec<String> = Vec::new();
    for code in text.split(|c: char| c == ',' || c.is_whitespace()) {
        let code = code.trim().to_uppercase();
        if known.contains(&code.as_str()) && !out.contains(&code) {
            out.push(code);
        }
    }
    out
}

/// The keys of `MORE_THAN`.
fn more_than(s: &HashMap<String, String>) -> Vec<String> {
    s.get(MORE_THAN)
        .map(|v| v.split_whitespace().map(str::to_owned).collect())
        .unwrap_or_default()
}

/// The note of an editor-set figure: "more than 2,600, as of October 2022"
/// when the settings say it is a floor and when it was reported; `None`
/// when they say neither.
pub fn set_note(
    s: &HashMap<String, String>,
    key: &str,
    value: i64,
    locale: Locale,
) -> Option<String> {
    let more = more_than(s).iter().any(|k| k == key);
    let as_of = s.get(SET_AS_OF).and_then(|v| parse_month(v));
    if !more && as_of.is_none() {
        return None;
    }
    let tr = Translator { locale };
    let mut args = crate::i18n::Args::new();
    use fluent_templates::fluent_bundle::FluentValue;
    args.insert("value", FluentValue::from(tr.num(value)));
    args.insert("more", FluentValue::from(if more { "yes" } else { "no" }));
    args.insert(
        "month",
        FluentValue::from(as_of.map_or_else(String::new, |m| month_name(locale, m))),
    );
    args.insert(
        "dated",
        FluentValue::from(if as_of.is_some() { "yes" } else { "no" }),
    );
    Some(crate::i18n::message(locale, "figure-set-note", Some(&args)))
}

/// A month written `YYYY-MM`, as its first day.
pub fn parse_month(v: &str) -> Option<NaiveDate> {
    let (y, m) = v.trim().split_once('-')?;
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1)
}

/// One figure: what the baseline says and what was recorded since.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    pub key: &'static str,
    pub baseline: i64,
    pub recorded: i64,
}

impl Figure {
    pub fn total(&self) -> i64 {
        self.baseline + self.recorded
    }
}

/// The four figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    pub figures: [Figure; 4],
    pub as_of: Option<NaiveDate>,
    /// Keys whose baseline is a floor ("more than").
    pub more_than: Vec<String>,
}

impl Figures {
    pub fn get(&self, key: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.key == key)
    }

    /// "653 by May 2022, 41 recorded since", in `locale`; `None` when
    /// there is no baseline to speak of.
    pub fn note(&self, key: &str, locale: Locale) -> Option<String> {
        let f = self.get(key)?;
        let as_of = self.as_of?;
        if f.baseline == 0 {
            return None;
        }
        let tr = Translator { locale };
        let mut args = crate::i18n::Args::new();
        use fluent_templates::fluent_bundle::FluentValue;
        args.insert("baseline", FluentValue::from(tr.num(f.baseline)));
        args.insert("recorded", FluentValue::from(tr.num(f.recorded)));
        args.insert("count", FluentValue::from(f.recorded));
        let more = self.more_than.iter().any(|k| k == key);
        args.insert("more", FluentValue::from(if more { "yes" } else { "no" }));
        args.insert("month", FluentValue::from(month_name(locale, as_of)));
        Some(crate::i18n::message(locale, "figure-note", Some(&args)))
    }
}

/// "May 2022" in the language's own way.
pub fn month_name(locale: Locale, first: NaiveDate) -> String {
    let mut args = crate::i18n::Args::new();
    use fluent_templates::fluent_bundle::FluentValue;
    args.insert(
        "month",
        FluentValue::from(crate::i18n::message(
            locale,
            &format!("month-{}", first.month()),
            None,
        )),
    );
    args.insert("year", FluentValue::from(first.year().to_string()));
    crate::i18n::message(locale, "figure-month", Some(&args))
}

/// Counts the figures: one statement over the deals, on top of the
/// baseline given.
/// The figures for the current data generation, kept between writes (a
/// deal's move raises the data version like any public change).
pub async fn kept(
    db: &impl ConnectionTrait,
    changes: &crate::changes::Changes,
    settings: &HashMap<String, String>,
) -> Result<std::sync::Arc<Figures>, DbErr> {
    changes
        .memo(db, || async {
            count(db, &Baseline::from_settings(settings)).await
        })
        .await
}

pub async fn count(db: &impl ConnectionTrait, baseline: &Baseline) -> Result<Figures, DbErr> {
    let backend = db.get_database_backend();
    // Countries the baseline already has are not new; an empty list
    // still needs a valid SQL list.
    let mut placeholders = vec!["?"; baseline.countries.len()].join(", ");
    let mut values: Vec<sea_orm::Value> = baseline
        .countries
        .iter()
        .map(|c| c.clone().into())
        .collect();
    if values.is_empty() {
        placeholders = "?".to_owned();
        values.push("".into());
    }
    let sql = format!(
        "SELECT \
           COALESCE(SUM(CASE WHEN stage = 'signed' THEN 1 ELSE 0 END), 0) AS agreements, \
           COALESCE(SUM(CASE WHEN answered_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS answered, \
           COUNT(DISTINCT CASE WHEN answered_at IS NOT NULL AND country NOT IN ({placeholders}) \
             THEN country END) AS countries, \
           COUNT(DISTINCT CASE WHEN answered_at IS NOT NULL THEN LOWER(organisation) END) \
             AS organisations \
         FROM deals"
    );
    let row = db
        .query_one_raw(crate::db::stmt(backend, &sql, values))
        .await?;
    let get = |name: &str| -> i64 {
        row.as_ref()
            .and_then(|r| r.try_get::<i64>("", name).ok())
            .unwrap_or(0)
    };
    let countries_base = i64::try_from(baseline.countries.len()).unwrap_or(0);
    Ok(Figures {
        figures: [
            Figure {
                key: "agreements",
                baseline: baseline.agreements,
                recorded: get("agreements"),
            },
            Figure {
                key: "answered",
                baseline: baseline.answered,
                recorded: get("answered"),
            },
            Figure {
                key: "countries",
                baseline: countries_base,
                recorded: get("countries"),
            },
            Figure {
                key: "organisations",
                baseline: baseline.organisations,
                recorded: get("organisations"),
            },
        ],
        as_of: baseline.as_of,
        more_than: baseline.more_than.clone(),
    })
}

/// The baseline from settings and the figures, in two statements.
pub async fn current(db: &impl ConnectionTrait) -> Result<Figures, DbErr> {
    let s = crate::settings::all(db).await?;
    count(db, &Baseline::from_settings(&s)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baseline_values_are_read_leniently() {
        let mut s = HashMap::new();
        s.insert(BASELINE_AGREEMENTS.to_owned(), " 653 ".to_owned());
        s.insert(BASELINE_ANSWERED.to_owned(), "-4".to_owned());
        s.insert(BASELINE_COUNTRIES.to_owned(), "id, VN vn zz th".to_owned());
        s.insert(BASELINE_AS_OF.to_owned(), "2022-05".to_owned());
        let b = Baseline::from_settings(&s);
        assert_eq!(b.agreements, 653);
        assert_eq!(b.answered, 0);
        assert_eq!(b.countries, ["ID", "VN", "TH"]);
        assert_eq!(b.as_of, NaiveDate::from_ymd_opt(2022, 5, 1));
        assert_eq!(parse_month("2022-13"), None);
    }
}
