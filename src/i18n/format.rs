//! Dates and numbers in the visitor's language. The patterns and month names
//! are Fluent messages (`fmt-*`, `month-*`), so a new language brings its own.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use chrono_tz::Tz;
use fluent_templates::fluent_bundle::FluentValue;

use super::{Args, Locale, message};

/// 25 October 2022 / 2022年10月25日 / 25 Oktober 2022.
pub fn format_date(locale: Locale, date: NaiveDate) -> String {
    let month_name = message(locale, &format!("month-{}", date.month()), None);
    let mut args = Args::new();
    args.insert("day", FluentValue::from(date.day().to_string()));
    args.insert("month", FluentValue::from(date.month().to_string()));
    args.insert("monthname", FluentValue::from(month_name));
    args.insert("year", FluentValue::from(date.year().to_string()));
    message(locale, "fmt-date", Some(&args))
}

/// A date and time in the given zone, with the time as HH:MM.
pub fn format_date_time(locale: Locale, at: DateTime<Utc>, tz: Tz) -> String {
    let local = at.with_timezone(&tz);
    let mut args = Args::new();
    args.insert(
        "date",
        FluentValue::from(format_date(locale, local.date_naive())),
    );
    args.insert(
        "time",
        FluentValue::from(format!("{:02}:{:02}", local.hour(), local.minute())),
    );
    message(locale, "fmt-date-time", Some(&args))
}

/// An integer with the language's digit grouping (2,600 / 2.600).
pub fn format_number(locale: Locale, n: i64) -> String {
    let sep = message(locale, "fmt-group-separator", None);
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sep.len() + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(&sep);
        }
        out.push(c);
    }
    out
}
