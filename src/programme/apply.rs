//! Applying to the programme: the form (only while a call is open), its
//! checks (fields, eligibility, PDF documents by content and size), one
//! application per submission however often it is posted, a reference that
//! cannot be guessed, and a confirmation in the applicant's language.

use actix_multipart::Multipart;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::{Datelike, NaiveDate};
use rand::Rng;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};
use sha2::{Digest, Sha256};

use crate::db::now;
use crate::entities::{
    application, application_document, application_email, application_history, programme_call,
};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::ratelimit;
use crate::taxonomy::{ASEAN, FIELDS};
use crate::web::client::client_key;
use crate::web::forms::FieldErrors;
use crate::web::see_other;
use crate::web::upload::{
    Parts, Read, application_body_max, clean_filename, is_pdf, read_limited, refuse_declared_over,
};
use crate::web::{Ctx, Html, Page, Section};

use super::{CallView, PostView};

pub const DEGREES: &[&str] = &["phd", "master"];
pub const LEVELS: &[&str] = &["none", "basic", "good", "fluent"];
/// Documents an application carries: (form field, stored kind).
pub const DOCUMENTS: &[(&str, &str)] = &[("cv", "cv"), ("degree_file", "degree")];
/// Upload fields of documents reviewers ask for on the amend page, one per
/// requested document, in the order they were named: (form field, kind).
pub const REQUESTED: &[(&str, &str)] = &[
    ("requested_1", "requested_1"),
    ("requested_2", "requested_2"),
    ("requested_3", "requested_3"),
    ("requested_4", "requested_4"),
    ("requested_5", "requested_5"),
    ("requested_6", "requested_6"),
    ("requested_7", "requested_7"),
    ("requested_8", "requested_8"),
    ("requested_9", "requested_9"),
];
/// Applicants must be younger than this on the call's closing date.
pub const MAX_AGE: i32 = 45;
/// All the text fields of one application together, at most.
const TEXT_BUDGET: usize = 256 * 1024;
/// One text field, at most: the proposal's 20,000 characters even if each
/// takes four bytes.
const TEXT_FIELD_MAX: usize = 96 * 1024;
/// Parts of one application body: its 26 fields, two documents and up to
/// nine requested ones, with room for a browser's extras, and no more.
const MAX_PARTS: usize = 60;
/// Languages a referee can be written to in.
pub const REFEREE_LANGS: &[&str] = &["zh-CN", "en", "id"];
/// A master's degree needs this many years of research.
pub const MASTER_YEARS: i16 = 5;

/// The form as typed, kept to show it again (and in a draft, as JSON).
#[derive(Default, Clone, Debug, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ApplyForm {
    pub name: String,
    pub email: String,
    pub nationality: String,
    pub date_of_birth: String,
    pub degree: String,
    pub research_years: String,
    pub field: String,
    pub institution: String,
    pub host_post: String,
    pub english_level: String,
    pub chinese_level: String,
    pub proposal_title: String,
    pub proposal: String,
    pub consent: bool,
    pub submission_token: String,
    pub website: String,
    /// The draft holding what was typed and uploaded before.
    pub draft_token: String,
    /// `save`: keep as a draft and e-mail a link; anything else submits.
    pub intent: String,
    pub referees: [RefereeForm; 2],
}

/// A referee as typed.
#[derive(Default, Clone, Debug, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct RefereeForm {
    pub name: String,
    pub email: String,
    pub institution: String,
    pub lang: String,
}

impl ApplyForm {
    fn set(&mut self, name: &str, value: String) {
        match name {
            "name" => self.name = value,
            "email" => self.email = value,
            "nationality" => self.nationality = value,
            "date_of_birth" => self.date_of_birth = value,
            "degree" => self.degree = value,
            "research_years" => self.research_years = value,
            "field" => self.field = value,
            "institution" => self.institution = value,
            "host_post" => self.host_post = value,
            "english_level" => self.english_level = value,
            "chinese_level" => self.chinese_level = value,
            "proposal_title" => self.proposal_title = value,
            "proposal" => self.proposal = value,
            "consent" => self.consent = !value.is_empty(),
            "submission_token" => self.submission_token = value,
            "website" => self.website = value,
            "draft_token" => self.draft_token = value,
            "intent" => self.intent = value,
            other => {
                let Some((i, part)) = other
                    .strip_prefix("referee")
                    .and_then(|r| r.split_once('_'))
                    .and_then(|(n, part)| Some((n.parse::<usize>().ok()?.checked_sub(1)?, part)))
                else {
                    return;
                };
                let Some(r) = self.referees.get_mut(i) else {
                    return;
                };
                match part {
                    "name" => r.name = value,
                    "email" => r.email = value,
                    "institution" => r.institution = value,
                    "lang" => r.lang = value,
                    _ => {}
                }
            }
        }
    }

    pub fn from_model(a: &application::Model) -> Self {
        Self {
            name: a.name.clone(),
            email: a.email.clone(),
            nationality: a.nationality.clone(),
            date_of_birth: a.date_of_birth.format("%Y-%m-%d").to_string(),
            degree: a.degree.clone(),
            research_years: a.research_years.to_string(),
            field: a.field.clone(),
            institution: a.institution.clone(),
            host_post: a.host_post_id.map(|p| p.to_string()).unwrap_or_default(),
            english_level: a.english_level.clone(),
            chinese_level: a.chinese_level.clone(),
            proposal_title: a.proposal_title.clone(),
            proposal: a.proposal.clone(),
            consent: true,
            submission_token: a.submission_token.clone(),
            ..Self::default()
        }
    }
}

/// An uploaded document that passed every check.
pub struct Document {
    pub kind: &'static str,
    pub filename: String,
    pub bytes: Vec<u8>,
}

/// What a multipart submission held.
pub struct Submission {
    pub form: ApplyForm,
    pub documents: Vec<Document>,
    pub errors: FieldErrors,
}

/// Reads the multipart body: text fields, and the PDFs checked by content
/// and size as they arrive (an oversized file is dropped at its limit).
pub async fn read_submission(payload: Multipart, max_bytes: usize) -> Result<Submission, AppError> {
    let mut form = ApplyForm::default();
    let mut documents = Vec::new();
    let mut errors = FieldErrors::default();
    // What may be read beyond the two documents: a few dozen parts, text
    // fields within their own budget, refused files and repeated fields
    // drained, so no body (chunked or not) makes us hold more than that.
    let mut parts = Parts::new(payload, MAX_PARTS, TEXT_BUDGET);
    while let Some(mut field) = parts.next().await? {
        let name = field.name().unwrap_or("").to_owned();
        if let Some((field_name, kind)) =
            DOCUMENTS.iter().chain(REQUESTED).find(|(f, _)| *f == name)
        {
            if documents.iter().any(|d: &Document| d.kind == *kind)
                || errors.get(field_name).is_some()
            {
                parts.discard(&mut field).await?;
                continue;
            }
            let filename = field
                .content_disposition()
                .and_then(|d| d.get_filename())
                .unwrap_or("")
                .to_owned();
            match read_limited(&mut field, max_bytes).await? {
                Read::TooLarge => {
                    errors.add_n(
                        *field_name,
                        "apply-error-file-too-large",
                        i64::try_from(max_bytes.div_ceil(1024 * 1024)).unwrap_or(i64::MAX),
                    );
                    parts.discard(&mut field).await?;
                }
                Read::Whole(bytes) if bytes.is_empty() && filename.is_empty() => {}
                Read::Whole(bytes) if !is_pdf(&bytes) => {
                    errors.add(*field_name, "apply-error-not-pdf")
                }
                Read::Whole(bytes) => documents.push(Document {
                    kind,
                    filename: clean_filename(&filename),
                    bytes,
                }),
            }
        } else {
            let value = parts.text(&mut field, TEXT_FIELD_MAX).await?;
            form.set(&name, value);
        }
    }
    Ok(Submission {
        form,
        documents,
        errors,
    })
}

/// Age in whole years on a day.
pub fn age_on(born: NaiveDate, day: NaiveDate) -> i32 {
    let mut age = day.year() - born.year();
    if (day.month(), day.day()) < (born.month(), born.day()) {
        age -= 1;
    }
    age
}

/// The validated application.
pub struct Checked {
    pub name: String,
    pub email: String,
    pub nationality: &'static str,
    pub date_of_birth: NaiveDate,
    pub degree: &'static str,
    pub research_years: i16,
    pub field: &'static str,
    pub institution: String,
    pub host_post: i32,
    pub english_level: &'static str,
    pub chinese_level: &'static str,
    pub proposal_title: String,
    pub proposal: String,
}

fn choose(list: &'static [&'static str], v: &str) -> Option<&'static str> {
    list.iter().find(|x| **x == v.trim()).copied()
}

/// Checks every field and the eligibility rules. `needs_documents`: a new
/// application must bring both PDFs; an amended one keeps the old ones
/// unless new ones are sent.
pub fn validate(
    form: &ApplyForm,
    call: &programme_call::Model,
    posts: &[PostView],
    docs: &[Document],
    needs_documents: bool,
    errors: &mut FieldErrors,
) -> Option<Checked> {
    let name = errors.text(&form.name, "name", "apply-error-name", 160);
    let email = errors.email(&form.email, "email", "apply-error-email");
    let nationality = choose(ASEAN, &form.nationality);
    if form.nationality.trim().is_empty() {
        errors.add("nationality", "apply-error-nationality-missing");
    } else if nationality.is_none() {
        errors.add("nationality", "apply-error-nationality");
    }
    let dob = NaiveDate::parse_from_str(form.date_of_birth.trim(), "%Y-%m-%d").ok();
    // The closing day as the centre's calendar has it (a call closing at
    // 23:59 in Nanning closes on that day, not the next one in UTC).
    let closes = call
        .closes_at
        .with_timezone(&crate::config::centre_zone())
        .date_naive();
    match dob {
        None if form.date_of_birth.trim().is_empty() => {
            errors.add("date_of_birth", "apply-error-date-of-birth")
        }
        None => errors.add("date_of_birth", "form-date-invalid"),
        Some(d) if d >= closes || age_on(d, closes) < 16 => {
            errors.add("date_of_birth", "form-date-invalid")
        }
        Some(d) if age_on(d, closes) >= MAX_AGE => errors.add("date_of_birth", "apply-error-age"),
        Some(_) => {}
    }
    let degree = choose(DEGREES, &form.degree);
    if degree.is_none() {
        errors.add("degree", "apply-error-degree-missing");
    }
    let research_years = form
        .research_years
        .trim()
        .parse::<i16>()
        .ok()
        .filter(|n| (0..=60).contains(n));
    if research_years.is_none() {
        errors.add("research_years", "apply-error-research-years");
    }
    if degree == Some("master") && research_years.is_some_and(|n| n < MASTER_YEARS) {
        errors.add("research_years", "apply-error-degree");
    }
    let field = choose(FIELDS, &form.field);
    if field.is_none() {
        errors.add("field", "apply-error-field");
    }
    let institution = errors.text(
        &form.institution,
        "institution",
        "apply-error-institution",
        200,
    );
    let host_post = form
        .host_post
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|id| posts.iter().any(|p| p.id == *id));
    if host_post.is_none() {
        errors.add("host_post", "apply-error-host-post");
    }
    let english_level = choose(LEVELS, &form.english_level);
    if english_level.is_none() {
        errors.add("english_level", "apply-error-english-level");
    }
    let chinese_level = choose(LEVELS, &form.chinese_level);
    if chinese_level.is_none() {
        errors.add("chinese_level", "apply-error-chinese-level");
    }
    if english_level == Some("none") && chinese_level == Some("none") {
        errors.add("english_level", "apply-error-language");
    }
    let proposal_title = errors.text(
        &form.proposal_title,
        "proposal_title",
        "apply-error-proposal-title",
        200,
    );
    let proposal = errors.text(&form.proposal, "proposal", "apply-error-proposal", 20_000);
    if !proposal.is_empty() && proposal.chars().count() < 200 {
        errors.add("proposal", "apply-error-proposal-short");
    }
    if needs_documents {
        for (field_name, kind) in DOCUMENTS {
            if !docs.iter().any(|d| d.kind == *kind) && errors.get(field_name).is_none() {
                errors.add(*field_name, "apply-error-file-required");
            }
        }
    }
    if !form.consent {
        errors.add("consent", "apply-error-consent");
    }
    if !errors.is_empty() {
        return None;
    }
    Some(Checked {
        name,
        email,
        nationality: nationality?,
        date_of_birth: dob?,
        degree: degree?,
        research_years: research_years?,
        field: field?,
        institution,
        host_post: host_post?,
        english_level: english_level?,
        chinese_level: chinese_level?,
        proposal_title,
        proposal,
    })
}

/// A referee, checked.
pub struct CheckedReferee {
    pub name: String,
    pub email: String,
    pub institution: String,
    pub locale: Locale,
}

/// Checks the two referees: each named, with an address (not the
/// applicant's, not the other referee's), an institution and a language.
pub fn validate_referees(form: &ApplyForm, errors: &mut FieldErrors) -> Vec<CheckedReferee> {
    const FIELDS: [[&str; 4]; 2] = [
        [
            "referee1_name",
            "referee1_email",
            "referee1_institution",
            "referee1_lang",
        ],
        [
            "referee2_name",
            "referee2_email",
            "referee2_institution",
            "referee2_lang",
        ],
    ];
    let mut out = Vec::new();
    for (r, [name_f, email_f, inst_f, lang_f]) in form.referees.iter().zip(FIELDS) {
        let name = errors.text(&r.name, name_f, "apply-error-referee-name", 160);
        let email = errors.email(&r.email, email_f, "apply-error-referee-email");
        if errors.get(email_f).is_none() {
            let key = email.to_lowercase();
            if key == form.email.trim().to_lowercase() {
                errors.add(email_f, "apply-error-referee-self");
            } else if out
                .iter()
                .any(|o: &CheckedReferee| o.email.to_lowercase() == key)
            {
                errors.add(email_f, "apply-error-referee-twice");
            }
        }
        let institution = errors.text(
            &r.institution,
            inst_f,
            "apply-error-referee-institution",
            200,
        );
        let locale = REFEREE_LANGS
            .contains(&r.lang.trim())
            .then(|| Locale::from_tag(r.lang.trim()))
            .flatten();
        if locale.is_none() {
            errors.add(lang_f, "apply-error-referee-lang");
        }
        out.push(CheckedReferee {
            name,
            email,
            institution,
            locale: locale.unwrap_or_default(),
        });
    }
    out
}

/// The address as the one-application-per-person rule compares it.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A reference that cannot be guessed: the cohort and 10 random characters
/// of an alphabet without look-alikes (about 50 bits).
pub fn new_reference(cohort: i32) -> String {
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    let mut rng = rand::rng();
    let code: String = (0..10)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect();
    format!("ATS-{cohort}-{}-{}", &code[..5], &code[5..])
}

pub fn new_token() -> String {
    crate::tokens::random_token()
}

/// A document already held (in a draft, or on an application being
/// amended): shown by name, replaced by choosing a new file.
pub struct KeptDocument {
    pub field: String,
    pub filename: String,
}

/// One referee's part of the form.
pub struct RefereeRow {
    pub n: usize,
    pub name_f: String,
    pub email_f: String,
    pub institution_f: String,
    pub lang_f: String,
    pub form: RefereeForm,
}

/// One upload field of the form.
pub struct FileField {
    pub name: String,
    pub label: String,
    pub required: bool,
    pub kept: Option<String>,
}

/// What the amend page adds to the form.
#[derive(Default)]
pub struct Amendment {
    /// The reviewers' latest message asking for more information.
    pub message: String,
    /// The documents the reviewers asked for: (form field, their name).
    pub requested: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "programme/apply.html")]
pub struct ApplyPage {
    pub page: Page,
    pub call: Option<CallView>,
    pub posts: Vec<PostView>,
    pub form: ApplyForm,
    pub errors: FieldErrors,
    pub action: String,
    pub amend: bool,
    pub max_mb: usize,
    pub max_bytes: usize,
    pub files_need_reselect: bool,
    pub kept: Vec<KeptDocument>,
    pub amendment: Amendment,
    /// The status look-up, linked from the "already applied" error.
    pub status_href: String,
}

impl ApplyPage {
    pub fn countries(&self) -> &'static [&'static str] {
        ASEAN
    }
    pub fn fields(&self) -> &'static [&'static str] {
        FIELDS
    }
    pub fn degrees(&self) -> &'static [&'static str] {
        DEGREES
    }
    pub fn levels(&self) -> &'static [&'static str] {
        LEVELS
    }
    pub fn referee_langs(&self) -> &'static [&'static str] {
        REFEREE_LANGS
    }
    /// A host post as a choice: institution, lab, field and length, in
    /// this language's punctuation.
    pub fn post_option(&self, p: &PostView) -> String {
        self.page.targs(
            "apply-host-post-option",
            &[
                ("institution", &p.institution),
                ("lab", &p.lab),
                ("field", &self.page.code("field", &p.field)),
                (
                    "months",
                    &self.page.tn("post-months", i64::from(p.duration_months)),
                ),
            ],
        )
    }
    /// The file kept for a document field, if any.
    pub fn kept_for(&self, field: &str) -> Option<&str> {
        self.kept
            .iter()
            .find(|k| k.field == field)
            .map(|k| k.filename.as_str())
    }
    /// The upload fields: the two documents, then (amending) each one the
    /// reviewers asked for, with the file already held for it.
    pub fn file_fields(&self) -> Vec<FileField> {
        let mut out: Vec<FileField> = [
            ("cv", "apply-cv"),
            ("degree_file", "apply-degree-certificate"),
        ]
        .into_iter()
        .map(|(name, label)| FileField {
            name: name.to_owned(),
            label: self.page.t(label),
            required: !self.amend,
            kept: self.kept_for(name).map(str::to_owned),
        })
        .collect();
        out.extend(
            self.amendment
                .requested
                .iter()
                .map(|(name, label)| FileField {
                    name: name.clone(),
                    label: self.page.ts("apply-requested-document", "name", label),
                    required: true,
                    kept: self.kept_for(name).map(str::to_owned),
                }),
        );
        out
    }
    pub fn email_taken(&self) -> bool {
        self.errors.get("email") == Some("apply-error-email-taken")
    }
    /// The two referees' parts of the form, with their field names.
    pub fn referee_rows(&self) -> Vec<RefereeRow> {
        (1_usize..)
            .zip(&self.form.referees)
            .map(|(n, r)| RefereeRow {
                n,
                name_f: format!("referee{n}_name"),
                email_f: format!("referee{n}_email"),
                institution_f: format!("referee{n}_institution"),
                lang_f: format!("referee{n}_lang"),
                form: r.clone(),
            })
            .collect()
    }
}

/// Documents held in a draft, by form field.
pub fn kept_of(docs: &[Document]) -> Vec<KeptDocument> {
    docs.iter()
        .filter_map(|d| {
            let (field, _) = DOCUMENTS.iter().find(|(_, k)| *k == d.kind)?;
            Some(KeptDocument {
                field: (*field).to_owned(),
                filename: d.filename.clone(),
            })
        })
        .collect()
}

pub async fn open_call(ctx: &Ctx) -> Result<Option<(CallView, Vec<PostView>)>, DbErr> {
    let public = super::store::public(ctx.db(), &ctx.state.changes).await?;
    let Some(call) = super::current_call_view(&public, ctx.locale) else {
        return Ok(None);
    };
    if !call.open {
        return Ok(None);
    }
    Ok(Some((call, super::post_views(&public, ctx.locale))))
}

fn max_mb(ctx: &Ctx) -> usize {
    ctx.state.config.max_upload_bytes.div_ceil(1024 * 1024)
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct FormQuery {
    /// A signed draft link from the "continue later" e-mail.
    draft: String,
}

/// The form page, new or shown again.
fn apply_page(
    ctx: &Ctx,
    call: Option<CallView>,
    posts: Vec<PostView>,
    form: ApplyForm,
    errors: FieldErrors,
    kept: Vec<KeptDocument>,
) -> ApplyPage {
    let mut page = ctx.page(Section::Programme, ctx.t("apply-title"));
    page.noindex = true;
    ApplyPage {
        page,
        call,
        posts,
        form,
        errors,
        action: ctx.href("/programme/apply"),
        amend: false,
        max_mb: max_mb(ctx),
        max_bytes: ctx.state.config.max_upload_bytes,
        files_need_reselect: false,
        kept,
        amendment: Amendment::default(),
        status_href: ctx.href("/programme/status"),
    }
}

/// GET /{lang}/programme/apply, and `?draft=` to resume a saved draft.
pub async fn form(ctx: Ctx, q: web::Query<FormQuery>) -> Result<Html, AppError> {
    let open = open_call(&ctx).await?;
    let closed_call = match &open {
        Some(_) => None,
        None => super::current_call_view(
            &*super::store::public(ctx.db(), &ctx.state.changes).await?,
            ctx.locale,
        ),
    };
    let (call, posts) = match open {
        Some((c, p)) => (Some(c), p),
        None => (closed_call, Vec::new()),
    };
    let open_now = call.as_ref().is_some_and(|c| c.open);
    let mut form = ApplyForm::default();
    let mut kept = Vec::new();
    if !q.draft.is_empty() {
        // A changed link, or a draft gone with its call: say so.
        let claims = crate::web::signed::verify(
            &ctx.state.config.secret_key,
            super::drafts::LINK_PURPOSE,
            &q.draft,
            crate::db::now().timestamp(),
        )
        .map_err(|_| AppError::Forbidden("apply-error-draft-link"))?;
        let found = match call.as_ref().filter(|_| open_now) {
            Some(c) => super::drafts::load(ctx.db(), &claims.nonce, c.call.id)
                .await?
                .filter(|(d, _)| d.id == claims.id),
            None => None,
        };
        let (draft, docs) = found.ok_or(AppError::Forbidden("apply-error-draft-link"))?;
        form = super::drafts::form_of(&draft);
        form.draft_token = draft.token;
        kept = kept_of(&super::drafts::documents_of(docs));
    }
    form.submission_token = new_token();
    let call = if open_now {
        call
    } else {
        call.map(|c| CallView { open: false, ..c })
    };
    let resumed = !q.draft.is_empty();
    Html::render(&apply_page(
        &ctx,
        call,
        posts,
        form,
        FieldErrors::default(),
        kept,
    ))
    // Its submission token is this visitor's alone; a resumed draft
    // holds someone's data as well.
    .map(if resumed {
        Html::personal
    } else {
        Html::private
    })
}

/// POST /{lang}/programme/apply (multipart): submits, or with
/// `intent=save` keeps a draft and e-mails a link to it.
pub async fn submit(
    ctx: Ctx,
    req: HttpRequest,
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    refuse_declared_over(
        &req,
        application_body_max(ctx.state.config.max_upload_bytes),
    )?;
    let Some((call, posts)) = open_call(&ctx).await? else {
        return Err(AppError::BadRequest("apply-error-closed"));
    };
    let sub = read_submission(payload, ctx.state.config.max_upload_bytes).await?;
    let mut errors = sub.errors;
    let mut form = sub.form;
    // A submission already stored (double click, refresh, Back then
    // Submit): show its confirmation.
    if let Some(existing) = by_submission_token(ctx.db(), &form.submission_token).await? {
        return Ok(see_other(&confirmation_href(&ctx, &existing.reference)));
    }
    if !form.website.trim().is_empty() {
        return Ok(see_other(&ctx.href("/programme")));
    }
    // What a draft already holds, with this post's accepted files replacing
    // the ones of the same kind.
    let draft = super::drafts::load(ctx.db(), &form.draft_token, call.call.id).await?;
    let (draft, held) = match draft {
        Some((d, docs)) => (Some(d), super::drafts::documents_of(docs)),
        None => (None, Vec::new()),
    };
    let new_documents = sub.documents;
    let mut documents: Vec<Document> = held
        .into_iter()
        .filter(|h| !new_documents.iter().any(|n| n.kind == h.kind))
        .collect();
    let new_kinds: Vec<&'static str> = new_documents.iter().map(|d| d.kind).collect();
    documents.extend(new_documents);

    if form.intent == "save" {
        let mut save_errors = FieldErrors::default();
        let email = save_errors.email(&form.email, "email", "apply-error-draft-email");
        for (field, message) in errors.iter() {
            if DOCUMENTS.iter().any(|(f, _)| *f == field) {
                save_errors.add(field.to_owned(), message);
            }
        }
        // Each saved draft sends a message: counted like an application.
        if save_errors.is_empty() {
            let key = client_key(&req, &ctx.state);
            ratelimit::APPLICATION.take(ctx.db(), &key).await?;
        }
        let txn = crate::db::begin_write(ctx.db()).await?;
        let fresh: Vec<Document> = documents
            .into_iter()
            .filter(|d| new_kinds.contains(&d.kind))
            .collect();
        let saved_email = save_errors.is_empty().then_some(email.as_str());
        let kept_draft = super::drafts::keep(
            &txn,
            draft.as_ref(),
            &call.call,
            ctx.locale,
            saved_email,
            &form,
            &fresh,
        )
        .await?;
        if save_errors.is_empty() {
            super::drafts::queue_link(
                &txn,
                &kept_draft,
                ctx.locale,
                &ctx.state.config.secret_key,
                &ctx.state.base_url,
            )
            .await?;
        }
        txn.commit().await?;
        if save_errors.is_empty() {
            let mut page = ctx.page(Section::Programme, ctx.t("apply-draft-saved-title"));
            page.noindex = true;
            return Ok(Html::render(&DraftSavedPage { page, email })?
                .personal()
                .into_response(&req));
        }
        let all = super::drafts::load(ctx.db(), &kept_draft.token, call.call.id).await?;
        form.draft_token = kept_draft.token;
        let kept = all
            .map(|(_, docs)| kept_of(&super::drafts::documents_of(docs)))
            .unwrap_or_default();
        return Ok(Html::render(&apply_page(
            &ctx,
            Some(call),
            posts,
            form,
            save_errors,
            kept,
        ))?
        .unprocessable()
        .personal()
        .into_response(&req));
    }

    let checked = validate(&form, &call.call, &posts, &documents, true, &mut errors);
    let referees = validate_referees(&form, &mut errors);
    if errors.get("email").is_none() && email_taken(ctx.db(), call.call.id, &form.email).await? {
        errors.add("email", "apply-error-email-taken");
    }
    let Some(checked) = checked.filter(|_| errors.is_empty() && !form.submission_token.is_empty())
    else {
        return refused(
            &ctx, &req, call, posts, form, errors, draft, documents, &new_kinds,
        )
        .await;
    };
    let key = client_key(&req, &ctx.state);
    ratelimit::APPLICATION.take(ctx.db(), &key).await?;
    match store_application(
        ctx.db(),
        &call.call,
        checked,
        referees,
        documents,
        &form.submission_token,
        draft.as_ref().map(|d| d.id),
        ctx.locale,
        &ctx.state.config.secret_key,
        &ctx.state.base_url,
    )
    .await
    {
        Ok(reference) => Ok(see_other(&confirmation_href(&ctx, &reference))),
        Err(e) => {
            // Two posts of the same form racing: the loser finds the winner's.
            if let Some(existing) = by_submission_token(ctx.db(), &form.submission_token).await? {
                return Ok(see_other(&confirmation_href(&ctx, &existing.reference)));
            }
            // Two different forms from one address racing: the unique
            // index refused the second; it is told so at the field.
            if email_taken(ctx.db(), call.call.id, &form.email).await? {
                let mut errors = FieldErrors::default();
                errors.add("email", "apply-error-email-taken");
                let draft = super::drafts::load(ctx.db(), &form.draft_token, call.call.id)
                    .await?
                    .map(|(d, _)| d);
                return refused(
                    &ctx,
                    &req,
                    call,
                    posts,
                    form,
                    errors,
                    draft,
                    Vec::new(),
                    &[],
                )
                .await;
            }
            Err(e.into())
        }
    }
}

/// The form shown again after a refusal, with the documents that passed
/// their checks kept in a draft (its token in a hidden field) and listed.
#[expect(clippy::too_many_arguments, reason = "the refused submission's parts")]
async fn refused(
    ctx: &Ctx,
    req: &HttpRequest,
    call: CallView,
    posts: Vec<PostView>,
    mut form: ApplyForm,
    errors: FieldErrors,
    draft: Option<crate::entities::application_draft::Model>,
    documents: Vec<Document>,
    new_kinds: &[&'static str],
) -> Result<HttpResponse, AppError> {
    if form.submission_token.is_empty() {
        form.submission_token = new_token();
    }
    let mut kept = kept_of(&documents);
    let fresh: Vec<Document> = documents
        .into_iter()
        .filter(|d| new_kinds.contains(&d.kind))
        .collect();
    if !fresh.is_empty() || draft.is_some() {
        let txn = crate::db::begin_write(ctx.db()).await?;
        let d = super::drafts::keep(
            &txn,
            draft.as_ref(),
            &call.call,
            ctx.locale,
            None,
            &form,
            &fresh,
        )
        .await?;
        txn.commit().await?;
        if kept.is_empty() {
            kept = super::drafts::load(ctx.db(), &d.token, call.call.id)
                .await?
                .map(|(_, docs)| kept_of(&super::drafts::documents_of(docs)))
                .unwrap_or_default();
        }
        form.draft_token = d.token;
    }
    Ok(
        Html::render(&apply_page(ctx, Some(call), posts, form, errors, kept))?
            .unprocessable()
            .personal()
            .into_response(req),
    )
}

async fn by_submission_token(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<application::Model>, DbErr> {
    if token.is_empty() {
        return Ok(None);
    }
    application::Entity::find()
        .filter(application::Column::SubmissionToken.eq(token))
        .one(db)
        .await
}

/// Whether someone already applied to this call from this address.
pub async fn email_taken(
    db: &impl ConnectionTrait,
    call_id: i32,
    email: &str,
) -> Result<bool, DbErr> {
    Ok(application_email::Entity::find()
        .filter(application_email::Column::CallId.eq(call_id))
        .filter(application_email::Column::EmailKey.eq(email_key(email)))
        .one(db)
        .await?
        .is_some())
}

#[derive(Template)]
#[template(path = "programme/draft_saved.html")]
pub struct DraftSavedPage {
    pub page: Page,
    pub email: String,
}

fn confirmation_href(ctx: &Ctx, reference: &str) -> String {
    ctx.href(&format!("/programme/apply/done/{reference}"))
}

/// Stores an application, its documents, its address claim, its referees
/// (each invited by e-mail), its first history entry and the confirmation
/// message, and deletes the draft it came from: all or nothing.
#[expect(clippy::too_many_arguments, reason = "one application's parts")]
async fn store_application(
    db: &sea_orm::DatabaseConnection,
    call: &programme_call::Model,
    c: Checked,
    referees: Vec<CheckedReferee>,
    documents: Vec<Document>,
    token: &str,
    draft_id: Option<i32>,
    locale: Locale,
    secret: &[u8],
    base_url: &str,
) -> Result<String, DbErr> {
    let t = now();
    let txn = crate::db::begin_write(db).await?;
    let reference = new_reference(call.cohort_year);
    let saved = application::ActiveModel {
        reference: Set(reference.clone()),
        submission_token: Set(token.to_owned()),
        call_id: Set(call.id),
        host_post_id: Set(Some(c.host_post)),
        name: Set(c.name.clone()),
        email: Set(c.email.clone()),
        nationality: Set(c.nationality.to_owned()),
        date_of_birth: Set(c.date_of_birth),
        degree: Set(c.degree.to_owned()),
        research_years: Set(c.research_years),
        field: Set(c.field.to_owned()),
        institution: Set(c.institution),
        english_level: Set(c.english_level.to_owned()),
        chinese_level: Set(c.chinese_level.to_owned()),
        proposal_title: Set(c.proposal_title),
        proposal: Set(c.proposal),
        lang: Set(locale.tag().to_owned()),
        status: Set("submitted".to_owned()),
        consent_at: Set(t),
        submitted_at: Set(t),
        created_at: Set(t),
        updated_at: Set(t),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    // The backstop of one application per person and call: a unique index.
    application_email::ActiveModel {
        call_id: Set(call.id),
        email_key: Set(email_key(&c.email)),
        application_id: Set(saved.id),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    save_documents(&txn, saved.id, documents).await?;
    application_history::ActiveModel {
        application_id: Set(saved.id),
        from_status: Set(String::new()),
        to_status: Set("submitted".to_owned()),
        editor_id: Set(None),
        editor_name: Set(String::new()),
        message: Set(String::new()),
        at: Set(t),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    crate::outbox::queue_application_message(&txn, &saved, "confirmation", "", base_url).await?;
    super::referees::invite(&txn, &saved, referees, secret, base_url).await?;
    if let Some(id) = draft_id {
        super::drafts::delete(&txn, id).await?;
    }
    txn.commit().await?;
    Ok(reference)
}

/// Stores documents under random keys, replacing earlier ones of the same
/// kind (but not a referee's letter: each referee has their own); returns
/// their ids.
pub async fn save_documents(
    db: &impl ConnectionTrait,
    application_id: i32,
    documents: Vec<Document>,
) -> Result<Vec<i32>, DbErr> {
    let t = now();
    let mut ids = Vec::new();
    for d in documents {
        if d.kind != super::referees::LETTER {
            application_document::Entity::delete_many()
                .filter(application_document::Column::ApplicationId.eq(application_id))
                .filter(application_document::Column::Kind.eq(d.kind))
                .exec(db)
                .await?;
        }
        let saved = application_document::ActiveModel {
            application_id: Set(application_id),
            kind: Set(d.kind.to_owned()),
            key: Set(new_token()),
            filename: Set(d.filename),
            size: Set(i32::try_from(d.bytes.len()).unwrap_or(i32::MAX)),
            sha256: Set(hex::encode(Sha256::digest(&d.bytes))),
            bytes: Set(d.bytes),
            created_at: Set(t),
            ..Default::default()
        }
        .insert(db)
        .await?;
        ids.push(saved.id);
    }
    Ok(ids)
}

#[derive(Template)]
#[template(path = "programme/done.html")]
pub struct DonePage {
    pub page: Page,
    pub reference: String,
}

/// GET /{lang}/programme/apply/done/{reference}
pub async fn done(ctx: Ctx, path: web::Path<(String, String)>) -> Result<Html, AppError> {
    let (_, reference) = path.into_inner();
    let exists = application::Entity::find()
        .filter(application::Column::Reference.eq(&reference))
        .one(ctx.db())
        .await?
        .is_some();
    if !exists {
        return Err(AppError::NotFound);
    }
    let mut page = ctx.page(Section::Programme, ctx.t("apply-done-title"));
    page.noindex = true;
    // The reference is half of what opens the application's status.
    Html::render(&DonePage { page, reference }).map(Html::personal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_is_counted_in_whole_years() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap_or_default();
        assert_eq!(age_on(d(1982, 3, 1), d(2027, 2, 28)), 44);
        assert_eq!(age_on(d(1982, 3, 1), d(2027, 3, 1)), 45);
    }

    #[test]
    fn references_are_random_and_readable() {
        let a = new_reference(2027);
        let b = new_reference(2027);
        assert_ne!(a, b);
        assert!(a.starts_with("ATS-2027-") && a.len() == "ATS-2027-XXXXX-XXXXX".len());
        let random = &a["ATS-2027-".len()..];
        assert!(!random.contains(['0', 'O', '1', 'I']), "{a}");
    }
}
