//! Form handling shared by every form: errors keyed by field, each a
//! Fluent message id shown next to the field that caused it.

#[derive(Default, Debug)]
pub struct FieldErrors(Vec<(String, &'static str)>, Vec<(String, i64)>);

impl FieldErrors {
    pub fn add(&mut self, field: impl Into<String>, message: &'static str) {
        let field = field.into();
        if self.get(&field).is_none() {
            self.0.push((field, message));
        }
    }

    /// An error whose message states a number (`$n`, `$count`), such as a
    /// configured size limit.
    pub fn add_n(&mut self, field: impl Into<String>, message: &'static str, n: i64) {
        let field = field.into();
        if self.get(&field).is_none() {
            self.1.push((field.clone(), n));
            self.0.push((field, message));
        }
    }

    /// The number the error at `field` states (0 when it states none).
    pub fn count_of(&self, field: &str) -> i64 {
        self.1
            .iter()
            .find(|(f, _)| f == field)
            .map_or(0, |(_, n)| *n)
    }

    /// The message id of the error at `field`, if any.
    pub fn get(&self, field: &str) -> Option<&'static str> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, m)| *m)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Fields in error, in the order they were found (for the summary).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &'static str)> + '_ {
        self.0.iter().map(|(f, m)| (f.as_str(), *m))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// A required text, trimmed. Empty: `missing`, the form's own words for
    /// what it needs there; over `max` characters: the limit, stated.
    pub fn text(
        &mut self,
        value: &str,
        field: &'static str,
        missing: &'static str,
        max: usize,
    ) -> String {
        let v = value.trim();
        if v.is_empty() {
            self.add(field, missing);
        } else if v.chars().count() > max {
            self.add_n(
                field,
                "form-too-long-n",
                i64::try_from(max).unwrap_or(i64::MAX),
            );
        }
        v.to_owned()
    }

    /// A required e-mail address, trimmed. Empty: `missing`; not an
    /// address: an example of one.
    pub fn email(&mut self, value: &str, field: &'static str, missing: &'static str) -> String {
        let v = value.trim();
        if v.is_empty() {
            self.add(field, missing);
        } else if !valid_email(v) {
            self.add(field, "form-email-invalid");
        }
        v.to_owned()
    }
}

/// The page number a list was asked for: 1 for anything that is not a
/// positive number, and never so large that `page × page size` could
/// overflow the database's 64-bit offset (a hand-edited `?page=` must give a
/// page, not a panic).
pub fn page_number(raw: &str) -> u64 {
    raw.trim()
        .parse::<u32>()
        .ok()
        .filter(|p| *p >= 1)
        .map_or(1, u64::from)
}

/// Text as a person could have typed it: NUL and the other C0 control
/// characters (tab and line breaks aside) are dropped. PostgreSQL refuses a
/// NUL in text, and none of them means anything in a form.
pub fn clean(text: &str) -> std::borrow::Cow<'_, str> {
    let unwanted = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r') && c < '\u{80}';
    if text.contains(unwanted) {
        text.replace(unwanted, "").into()
    } else {
        text.into()
    }
}

/// A urlencoded form, as `actix_web::web::Form`, with every value passed
/// through [`clean`] before it reaches the handler's struct.
pub struct Form<T>(pub T);

impl<T> Form<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for Form<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Cleans and decodes urlencoded pairs into a form struct.
fn decode<T: serde::de::DeserializeOwned>(
    pairs: &[(String, String)],
) -> Result<T, actix_web::Error> {
    let encoded = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs.iter().map(|(k, v)| (clean(k), clean(v))))
        .finish();
    serde_urlencoded::from_str(&encoded)
        .map_err(|_| crate::error::AppError::BadRequest("error-bad-request-text").into())
}

/// A form with long texts (a message to an applicant, an inquiry reply):
/// as [`Form`], but read under the scope's payload limit instead of the
/// 64 KB form limit, so that the most characters such a field allows fit
/// even in Chinese (nine bytes each, encoded). Only for back-office routes,
/// whose session is checked before any body is read.
pub struct LongForm<T>(pub T);

impl<T> LongForm<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for LongForm<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: serde::de::DeserializeOwned + 'static> actix_web::FromRequest for LongForm<T> {
    type Error = actix_web::Error;
    type Future = futures_util::future::LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(
        req: &actix_web::HttpRequest,
        payload: &mut actix_web::dev::Payload,
    ) -> Self::Future {
        let body = actix_web::web::Bytes::from_request(req, payload);
        Box::pin(async move {
            let body = body.await?;
            let pairs: Vec<(String, String)> = form_urlencoded::parse(&body)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect();
            decode(&pairs).map(LongForm)
        })
    }
}

impl<T: serde::de::DeserializeOwned + 'static> actix_web::FromRequest for Form<T> {
    type Error = actix_web::Error;
    type Future = futures_util::future::LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(
        req: &actix_web::HttpRequest,
        payload: &mut actix_web::dev::Payload,
    ) -> Self::Future {
        let pairs = actix_web::web::Form::<Vec<(String, String)>>::from_request(req, payload);
        Box::pin(async move { decode(&pairs.await?.into_inner()).map(Form) })
    }
}

/// Whether `email` is an address mail can be sent to: RFC 5322 syntax (the
/// `email_address` crate), at most 254 characters, and a domain with a dot
/// (a bare host name is a typing slip on a public form, not an intranet).
pub fn valid_email(email: &str) -> bool {
    email.len() <= 254
        && email
            .parse::<email_address::EmailAddress>()
            .is_ok_and(|e| e.domain().contains('.'))
}
