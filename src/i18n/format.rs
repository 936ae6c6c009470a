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

/// A time of day in the language's way: 09:00, or 09.00 in Indonesian.
fn format_hm<T: Timelike>(locale: Locale, t: &T) -> String {
    let mut args = Args::new();
    args.insert("h", FluentValue::from(format!("{:02}", t.hour())));
    args.insert("m", FluentValue::from(format!("{:02}", t.minute())));
    message(locale, "fmt-time", Some(&args))
}

/// A date and time in the given zone, with the time as `fmt-time`.
pub fn format_date_time(locale: Locale, at: DateTime<Utc>, tz: Tz) -> String {
    let local = at.with_timezone(&tz);
    let mut args = Args::new();
    args.insert(
        "date",
        FluentValue::from(format_date(locale, local.date_naive())),
    );
    args.insert("time", FluentValue::from(format_hm(locale, &local)));
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

/// When an event runs, in its own zone: one day with two times
/// (10 March 2027, 09:00–17:00) or a date and time at each end when it runs
/// over several days.
pub fn format_time_span(
    locale: Locale,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    tz: Tz,
) -> String {
    let (from, to) = (start.with_timezone(&tz), end.with_timezone(&tz));
    let hm = |t: &DateTime<Tz>| format_hm(locale, t);
    let mut args = Args::new();
    if from.date_naive() == to.date_naive() {
        args.insert(
            "date",
            FluentValue::from(format_date(locale, from.date_naive())),
        );
        args.insert("from", FluentValue::from(hm(&from)));
        args.insert("to", FluentValue::from(hm(&to)));
        message(locale, "fmt-time-span-day", Some(&args))
    } else {
        args.insert(
            "from",
            FluentValue::from(format_date_time(locale, start, tz)),
        );
        args.insert("to", FluentValue::from(format_date_time(locale, end, tz)));
        message(locale, "fmt-time-span", Some(&args))
    }
}

/// A time zone named in the visitor's language with its offset at `at`:
/// "China Standard Time (UTC+08:00)", "北京时间（UTC+08:00）". Zones the
/// locales do not name (`zone-Asia-Jakarta`, ...) keep their IANA name, which
/// every calendar application understands.
pub fn format_zone(locale: Locale, tz: Tz, at: DateTime<Utc>) -> String {
    use chrono::Offset;
    let secs = at.with_timezone(&tz).offset().fix().local_minus_utc();
    let sign = if secs < 0 { '-' } else { '+' };
    let secs = secs.abs();
    let offset = format!("{sign}{:02}:{:02}", secs / 3600, secs % 3600 / 60);
    let id = format!("zone-{}", tz.name().replace('/', "-"));
    let name = if locale
        .chain()
        .iter()
        .any(|l| super::has_message(*l, &id, None))
    {
        message(locale, &id, None)
    } else {
        tz.name().replace('_', " ")
    };
    let mut args = Args::new();
    args.insert("zone", FluentValue::from(name));
    args.insert("offset", FluentValue::from(offset));
    message(locale, "fmt-zone", Some(&args))
}
