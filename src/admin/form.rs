//! The generic editing form: field specifications, the values a form posts
//! (shared fields by name, translated fields as `<lang>.<field>`), checks
//! every field kind needs, and the views templates render.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use sea_orm::DbErr;

use crate::config::centre_zone;
use crate::i18n::Locale;
use crate::web::Translator;
use crate::web::forms::{FieldErrors, clean};

/// Most characters in a multi-line field (the `maxlength` the form states;
/// the server refuses more with an error at the field).
pub const LONG_TEXT_MAX: usize = 50_000;

/// The years a `Year` field accepts; `form-year-invalid` states them.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

#[derive(Clone, Copy, Debug)]
pub enum Input {
    Text(usize),
    Email,
    Url,
    Slug,
    Area(u8),
    Markdown(u8),
    /// One of the codes, named by messages `<prefix>-<code>`.
    Select(&'static [&'static str], &'static str),
    /// Several of the codes.
    Checks(&'static [&'static str], &'static str),
    Number(i64, i64),
    /// A year within `YEARS` (cohorts), refused with a message that names
    /// the range rather than a bare "out of range".
    Year,
    /// A local date and time in the zone named by the field `zone` (or the
    /// centre's zone when there is none).
    DateTime,
    Date,
    Check,
    TimeZone,
    /// A choice among records loaded when the form is shown.
    Choice(Choices),
    ChoiceMulti(Choices),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choices {
    Media,
    Events,
    Calls,
}

#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub name: &'static str,
    pub label: &'static str,
    pub input: Input,
    pub required: bool,
    pub hint: Option<&'static str>,
}

impl Field {
    pub const fn new(name: &'static str, label: &'static str, input: Input) -> Self {
        Self {
            name,
            label,
            input,
            required: false,
            hint: None,
        }
    }

    pub const fn required(mut self) -> Self {
        self.required = true;
        self
    }

    pub const fn hint(mut self, hint: &'static str) -> Self {
        self.hint = Some(hint);
        self
    }
}

/// What a form posted, in order; repeated names are multi-valued.
#[derive(Clone, Debug, Default)]
pub struct Values(Vec<(String, String)>);

impl Values {
    pub fn from_body(body: &[u8]) -> Self {
        Self(
            form_urlencoded::parse(body)
                .map(|(k, v)| (clean(&k).into_owned(), clean(&v).into_owned()))
                .collect(),
        )
    }

    pub fn get(&self, key: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map_or("", |(_, v)| v.as_str())
    }

    pub fn trimmed(&self, key: &str) -> String {
        self.get(key).trim().to_owned()
    }

    pub fn all(&self, key: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    pub fn has(&self, key: &str) -> bool {
        self.0.iter().any(|(k, _)| k == key)
    }

    pub fn set(&mut self, key: &str, value: impl Into<String>) {
        self.0.retain(|(k, _)| k != key);
        self.0.push((key.to_owned(), value.into()));
    }

    pub fn remove(&mut self, key: &str) {
        self.0.retain(|(k, _)| k != key);
    }

    pub fn push(&mut self, key: &str, value: impl Into<String>) {
        self.0.push((key.to_owned(), value.into()));
    }

    pub fn tr(&self, lang: &str, field: &str) -> String {
        self.get(&format!("{lang}.{field}")).trim().to_owned()
    }

    pub fn set_tr(&mut self, lang: &str, field: &str, value: impl Into<String>) {
        self.set(&format!("{lang}.{field}"), value);
    }
}

/// A value the form's checks have already accepted, as its type. `check`
/// refuses what does not parse with an error at the field, so a failure here
/// means a kind saves a field it never checked: a fault to report, never a
/// default to store in place of what the editor typed.
pub fn checked<T: std::str::FromStr>(v: &Values, key: &str) -> Result<T, DbErr> {
    v.get(key).trim().parse().map_err(|_| unchecked(key))
}

/// An optional checked value: `None` when the field was left empty.
pub fn checked_optional<T: std::str::FromStr>(v: &Values, key: &str) -> Result<Option<T>, DbErr> {
    if v.get(key).trim().is_empty() {
        Ok(None)
    } else {
        checked(v, key).map(Some)
    }
}

/// A checked local time in `tz` (see `checked`).
pub fn checked_local(v: &Values, key: &str, tz: Tz) -> Result<DateTime<Utc>, DbErr> {
    parse_local(v.get(key), tz).ok_or_else(|| unchecked(key))
}

fn unchecked(key: &str) -> DbErr {
    DbErr::Custom(format!(
        "form field {key} reached save without being checked"
    ))
}

/// A UTC time as the value of a `datetime-local` input in `tz`.
pub fn local_input(t: Option<DateTime<Utc>>, tz: Tz) -> String {
    t.map(|t| t.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string())
        .unwrap_or_default()
}

/// A `datetime-local` value in `tz` as UTC.
pub fn parse_local(s: &str, tz: Tz) -> Option<DateTime<Utc>> {
    let s = s.trim();
    let naive = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    tz.from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// The zone a form's times are in: its `timezone` field, else the centre's.
pub fn form_zone(v: &Values) -> Tz {
    v.get("timezone").parse().unwrap_or(centre_zone())
}

fn valid_url(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://"))
        && s.len() <= 500
        && !s.contains(char::is_whitespace)
        && s.split("://")
            .nth(1)
            .is_some_and(|rest| rest.split('/').next().is_some_and(|h| h.contains('.')))
}

/// Checks one field's value by its kind; `key` is its name in the form.
pub fn check(field: &Field, key: &str, v: &Values, errors: &mut FieldErrors, required: bool) {
    let value = v.trimmed(key);
    let err_key = key;
    if required
        && value.is_empty()
        && !matches!(
            field.input,
            Input::Checks(..) | Input::Check | Input::ChoiceMulti(_)
        )
    {
        errors.add(err_key, "form-required");
        return;
    }
    if value.is_empty() {
        if required && matches!(field.input, Input::Checks(..)) && v.all(key).is_empty() {
            errors.add(err_key, "form-choose-one-or-more");
        }
        return;
    }
    match field.input {
        Input::Text(max) => {
            if value.chars().count() > max {
                errors.add_n(err_key, "form-too-long-n", max as i64);
            }
        }
        Input::Area(_) | Input::Markdown(_) => {
            if value.chars().count() > LONG_TEXT_MAX {
                errors.add_n(err_key, "form-too-long-n", LONG_TEXT_MAX as i64);
            }
        }
        Input::Email => {
            if !crate::web::forms::valid_email(&value) {
                errors.add(err_key, "form-email-invalid");
            }
        }
        Input::Url => {
            if !valid_url(&value) {
                errors.add(err_key, "form-url-invalid");
            }
        }
        Input::Slug => {
            if !crate::slugs::is_valid(&value) {
                errors.add(err_key, "form-slug-invalid");
            }
        }
        Input::Select(options, _) => {
            if !options.contains(&value.as_str()) {
                errors.add(err_key, "form-choose");
            }
        }
        Input::Checks(options, _) => {
            if v.all(key).iter().any(|x| !options.contains(x)) {
                errors.add(err_key, "form-choose");
            }
        }
        Input::Number(min, max) => match value.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => {}
            _ => errors.add(err_key, "form-number-range"),
        },
        Input::Year => {
            if !value.parse::<i32>().is_ok_and(|y| YEARS.contains(&y)) {
                errors.add(err_key, "form-year-invalid");
            }
        }
        Input::DateTime => {
            if parse_local(&value, form_zone(v)).is_none() {
                errors.add(err_key, "form-datetime-invalid");
            }
        }
        Input::Date => {
            if parse_date(&value).is_none() {
                errors.add(err_key, "form-date-invalid");
            }
        }
        Input::TimeZone => {
            if value.parse::<Tz>().is_err() {
                errors.add(err_key, "form-timezone-invalid");
            }
        }
        Input::Check | Input::Choice(_) | Input::ChoiceMulti(_) => {}
    }
}

/// One input as the template renders it.
pub struct FieldView {
    pub name: String,
    pub id: String,
    pub label: String,
    pub kind: &'static str,
    pub required: bool,
    pub hint: Option<String>,
    pub value: String,
    pub values: Vec<String>,
    pub options: Vec<(String, String)>,
    pub error: Option<String>,
    /// What another editor saved in this field meanwhile, when it differs
    /// from what this form holds (shown under the field after a refused save).
    pub theirs: Option<String>,
    pub rows: u8,
    pub max: usize,
    pub min_n: i64,
    pub max_n: i64,
    pub lang: Option<&'static str>,
    /// An image choice shown as thumbnails: value, label (the alt text),
    /// thumbnail address.
    pub pictures: Vec<(String, String, String)>,
}

impl FieldView {
    pub fn checked(&self, option: &str) -> bool {
        self.values.iter().any(|v| v == option)
    }

    pub fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if self.hint.is_some() {
            ids.push(format!("{}-hint", self.id));
        }
        if self.error.is_some() {
            ids.push(format!("{}-error", self.id));
        }
        ids.join(" ")
    }

    /// Notes what `theirs` holds in this field if it differs from this
    /// form's value: the text itself, or the names of the chosen options.
    pub fn compare_with(&mut self, theirs: &Values) {
        let mine: Vec<&str> = self.values.iter().map(String::as_str).collect();
        let other = theirs.all(&self.name);
        if !crate::admin::version::differs(&mine, &other) {
            return;
        }
        let mut other: Vec<&str> = other
            .into_iter()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect();
        other.sort_unstable();
        let shown: Vec<String> = other
            .iter()
            .map(|v| {
                self.options
                    .iter()
                    .find(|(code, _)| code == v)
                    .map_or_else(|| (*v).to_owned(), |(_, label)| label.clone())
            })
            .collect();
        self.theirs = Some(shown.join(", "));
    }
}

/// Builds the view of a field; `key` is its name in the form.
pub fn view(
    tr: &Translator,
    field: &Field,
    key: &str,
    v: &Values,
    errors: &FieldErrors,
    choices: &[(Choices, Vec<(String, String)>)],
    lang: Option<Locale>,
) -> FieldView {
    let options_of = |c: Choices| -> Vec<(String, String)> {
        choices
            .iter()
            .find(|(k, _)| *k == c)
            .map(|(_, o)| o.clone())
            .unwrap_or_default()
    };
    let (kind, options, rows, max, min_n, max_n) = match field.input {
        Input::Text(max) => ("text", vec![], 0, max, 0, 0),
        Input::Email => ("email", vec![], 0, 254, 0, 0),
        Input::Url => ("url", vec![], 0, 500, 0, 0),
        Input::Slug => ("slug", vec![], 0, 160, 0, 0),
        Input::Area(r) => ("area", vec![], r, LONG_TEXT_MAX, 0, 0),
        Input::Markdown(r) => ("markdown", vec![], r, LONG_TEXT_MAX, 0, 0),
        Input::Select(codes, prefix) | Input::Checks(codes, prefix) => (
            if matches!(field.input, Input::Select(..)) {
                "select"
            } else {
                "checks"
            },
            codes
                .iter()
                .map(|c| ((*c).to_owned(), tr.code(prefix, c)))
                .collect(),
            0,
            0,
            0,
            0,
        ),
        Input::Number(a, b) => ("number", vec![], 0, 0, a, b),
        Input::Year => (
            "number",
            vec![],
            0,
            0,
            i64::from(*YEARS.start()),
            i64::from(*YEARS.end()),
        ),
        Input::DateTime => ("datetime", vec![], 0, 0, 0, 0),
        Input::Date => ("date", vec![], 0, 0, 0, 0),
        Input::Check => ("check", vec![], 0, 0, 0, 0),
        Input::TimeZone => ("timezone", vec![], 0, 64, 0, 0),
        Input::Choice(c) => ("choice", options_of(c), 0, 0, 0, 0),
        Input::ChoiceMulti(c) => ("choices", options_of(c), 0, 0, 0, 0),
    };
    let id = key.replace('.', "-");
    FieldView {
        name: key.to_owned(),
        label: tr.t(field.label),
        kind,
        required: field.required,
        hint: field.hint.map(|h| tr.t(h)),
        value: v.get(key).to_owned(),
        values: v.all(key).into_iter().map(str::to_owned).collect(),
        options,
        error: errors.get(key).map(|m| tr.tn(m, errors.count_of(key))),
        theirs: None,
        rows,
        max,
        min_n,
        max_n,
        lang: lang.map(Locale::tag),
        id,
        pictures: Vec::new(),
    }
}
