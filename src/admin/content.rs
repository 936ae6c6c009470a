//! Managing every kind of content through one set of screens: a list with
//! search, filters and pagination; an edit form with one tab per language,
//! preview, validation at the field; publish, unpublish and delete. Each
//! kind (`kinds/`) says what its fields are and how its record is stored.

use std::collections::HashMap;

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use sea_orm::{ConnectionTrait, DbErr};
use serde::Deserialize;

use super::page::FlashQuery;
use crate::db::now;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::translation::Status;
use crate::web::AppState;
use crate::web::Pager;
use crate::web::client::client_ip;
use crate::web::forms::FieldErrors;
use crate::web::{Html, Translator};

use super::export::{self, Format, Links, Table};
use super::form::{self, Choices, Field, FieldView, Input, Values};
use super::kinds::{Kind, ListQuery, PER_PAGE};
use super::page::AdminPage;
use super::session::Editor;
use super::translation_store;
use super::version::{VERSION, locked_version, version_of, version_token};
use crate::web::see_other;

/// Largest edit form accepted: every text at its longest in every
/// language must fit, so that a long text gets its field error (or is
/// saved) instead of a bare 413 that loses the form. The worst kind has
/// three long fields and a dozen short ones per language; a Chinese
/// character is three bytes, nine once percent-encoded.
pub fn edit_limit() -> usize {
    Locale::all().count() * (3 * form::LONG_TEXT_MAX + 12 * 200) * 9 + 64 * 1024
}

/// Publication fields every publishable kind shares.
fn publication<K: Kind>() -> Vec<Field> {
    let mut v = Vec::new();
    if !K::STATUSES.is_empty() {
        v.push(
            Field::new(
                "status",
                "admin-field-status",
                Input::Select(K::STATUSES, "admin-status"),
            )
            .required(),
        );
        v.push(
            Field::new("publish_at", "admin-field-publish-at", Input::DateTime)
                .hint("admin-hint-publish-at"),
        );
    }
    if K::EXPIRES {
        v.push(
            Field::new("expires_at", "admin-field-expires-at", Input::DateTime)
                .hint("admin-hint-expires-at"),
        );
    }
    v
}

fn source_field() -> Field {
    Field::new("source_lang", "admin-field-source-lang", Input::Text(16)).required()
}

pub struct Column {
    pub label: String,
}

pub struct RowView {
    pub href: String,
    pub cells: Vec<String>,
    pub state: &'static str,
    pub scheduled_for: Option<chrono::DateTime<chrono::Utc>>,
    pub statuses: Vec<(&'static str, &'static str)>,
    pub public: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/list.html")]
pub struct ListPage {
    pub page: AdminPage,
    pub name: &'static str,
    pub heading: String,
    pub columns: Vec<Column>,
    pub rows: Vec<RowView>,
    pub total: u64,
    pub q: ListQuery,
    pub states: Vec<(&'static str, String)>,
    pub pager: Pager,
    pub locales: Vec<&'static str>,
    pub filters: Vec<ListFilter>,
    pub exports: Links,
}

/// A select above the list: a shared field and its named options.
pub struct ListFilter {
    pub name: &'static str,
    pub label: String,
    pub chosen: &'static str,
    pub options: Vec<(&'static str, String)>,
}

fn page_for<K: Kind>(editor: &Editor, state: &AppState, title: String, flash: &str) -> AdminPage {
    AdminPage::new(
        editor,
        state.asset_version.clone(),
        K::NAME,
        title,
        (!flash.is_empty()).then_some(flash),
    )
}

/// GET /admin/{kind}
pub async fn list<K: Kind>(
    editor: Editor,
    state: web::Data<AppState>,
    q: web::Query<ListQuery>,
) -> Result<Html, AppError> {
    require_open::<K>(&editor)?;
    let tr = Translator {
        locale: editor.locale,
    };
    let (items, total) = K::list(&state.db, &q, editor.locale).await?;
    let ids: Vec<i32> = items.iter().map(|i| i.id).collect();
    let rows_by_id = translation_store::load_many(&state.db, &K::TR, &ids).await?;
    let rows = items
        .into_iter()
        .map(|i| {
            let tr_rows = rows_by_id.get(&i.id).map(Vec::as_slice).unwrap_or(&[]);
            let mut cells = vec![translation_store::headline(&K::TR, tr_rows, editor.locale)];
            if cells[0].is_empty() {
                cells[0] = tr.t("admin-untitled");
            }
            cells.extend(i.cells);
            RowView {
                href: format!("/admin/{}/{}", K::NAME, i.id),
                cells,
                state: i.state,
                scheduled_for: i.scheduled_for,
                statuses: translation_store::statuses(&K::TR, tr_rows, &i.source_lang)
                    .into_iter()
                    .map(|(l, s)| (l.tag(), s.as_str()))
                    .collect(),
                public: i
                    .slug
                    .as_deref()
                    .and_then(K::public_path)
                    .map(|p| format!("/{}{p}", editor.locale.tag())),
            }
        })
        .collect();
    let page_no = q.page();
    let link = |p: u64| {
        let mut s = form_urlencoded::Serializer::new(String::new());
        if !q.q.is_empty() {
            s.append_pair("q", &q.q);
        }
        if !q.state.is_empty() {
            s.append_pair("state", &q.state);
        }
        for name in K::LIST_FILTERS {
            if let Some(v) = q.chosen::<K>(name) {
                s.append_pair(name, v);
            }
        }
        s.append_pair("page", &p.to_string());
        format!("/admin/{}?{}", K::NAME, s.finish())
    };
    let mut states = Vec::new();
    if !K::STATUSES.is_empty() {
        let all: &[&str] = if K::STATUSES.contains(&"pending") {
            &["pending", "published", "rejected", "expired"]
        } else if K::EXPIRES {
            &["draft", "scheduled", "published", "expired"]
        } else {
            &["draft", "scheduled", "published"]
        };
        states = all
            .iter()
            .map(|s| (*s, tr.code("admin-state", s)))
            .collect();
    }
    let filters = K::shared()
        .into_iter()
        .filter(|f| K::LIST_FILTERS.contains(&f.name))
        .filter_map(|f| match f.input {
            Input::Select(options, prefix) => Some(ListFilter {
                name: f.name,
                label: tr.t(f.label),
                chosen: q.chosen::<K>(f.name).unwrap_or(""),
                options: options.iter().map(|o| (*o, tr.code(prefix, o))).collect(),
            }),
            _ => None,
        })
        .collect();
    let exports = Links::new(&format!("/admin/{}", K::NAME), q.pairs::<K>());
    Html::render(&ListPage {
        exports,
        filters,
        page: page_for::<K>(&editor, &state, tr.t(K::TITLE), &q.flash),
        name: K::NAME,
        heading: tr.t(K::TITLE),
        columns: std::iter::once("admin-col-title")
            .chain(K::COLUMNS.iter().copied())
            .map(|c| Column { label: tr.t(c) })
            .collect(),
        rows,
        total,
        pager: Pager::new(page_no, total, PER_PAGE, link),
        states,
        q: q.into_inner(),
        locales: Locale::all().map(Locale::tag).collect(),
    })
}

/// GET /admin/{kind}/export.{format}: the list as filtered on its page
/// (search, state, filters, order), every matching row, with the columns
/// a spreadsheet needs besides those shown.
pub async fn export<K: Kind>(
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<String>,
    q: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    editor.require(K::ROLES)?;
    let format = Format::parse(&path)?;
    let tr = Translator {
        locale: editor.locale,
    };
    let mut q = q.into_inner();
    q.export = true;
    let (items, _) = K::list(&state.db, &q, editor.locale).await?;
    let ids: Vec<i32> = items.iter().map(|i| i.id).collect();
    let rows_by_id = translation_store::load_many(&state.db, &K::TR, &ids).await?;
    let publishable = !K::STATUSES.is_empty();
    let mut header = vec!["admin-col-id", "admin-col-title"];
    header.extend(K::COLUMNS);
    if publishable {
        header.push("admin-field-status");
    }
    if K::SLUG {
        header.push("admin-field-slug");
    }
    header.push("admin-field-source-lang");
    if publishable {
        header.push("admin-field-publish-at");
    }
    if K::EXPIRES {
        header.push("admin-field-expires-at");
    }
    header.extend(["admin-col-updated", "admin-col-public-url"]);
    let mut table = Table::new(K::NAME, header.iter().map(|h| tr.t(h)).collect());
    for i in items {
        let tr_rows = rows_by_id.get(&i.id).map(Vec::as_slice).unwrap_or(&[]);
        let mut row = vec![
            i.id.to_string(),
            translation_store::headline(&K::TR, tr_rows, editor.locale),
        ];
        row.extend(i.cells);
        if publishable {
            row.push(tr.code("admin-state", i.state));
        }
        if K::SLUG {
            row.push(i.slug.clone().unwrap_or_default());
        }
        row.push(i.source_lang);
        if publishable {
            row.push(export::iso(i.publish_at));
        }
        if K::EXPIRES {
            row.push(export::iso(i.expires_at));
        }
        row.push(export::iso(Some(i.updated_at)));
        // Only a record the public can see has a public address (as on the
        // edit screen): a draft's or a scheduled item's would answer 404.
        row.push(
            i.slug
                .as_deref()
                .filter(|_| !publishable || i.state == "published")
                .and_then(K::public_path)
                .map(|p| format!("{}/{}{p}", state.base_url, editor.locale.tag()))
                .unwrap_or_default(),
        );
        table.push(row);
    }
    table.respond(format)
}

/// One language tab of the form.
pub struct LangTab {
    pub tag: &'static str,
    pub name: &'static str,
    pub fields: Vec<FieldView>,
    pub status: &'static str,
    pub is_source: bool,
    pub can_mark_reviewed: bool,
    pub previews: Vec<(String, String)>,
    /// An outdated translation: what its source changed since it was last
    /// brought up to date (`None` inside when that text was not kept).
    pub source_changes: Option<Option<Vec<super::revisions::FieldDiff>>>,
    /// The history of this translation (an existing record's).
    pub history: Option<String>,
    /// The public page as saved, in this language (an existing record of
    /// a kind with a public page).
    pub preview_page: Option<(String, String)>,
    /// Whether this editor may change these texts (a translator only in
    /// their languages): the fields are shown disabled otherwise.
    pub editable: bool,
}

/// Whether this editor may change the texts in `lang` (a translator only
/// those of the languages given to them).
pub(super) fn may_edit_language<K: Kind>(editor: &Editor, lang: Locale) -> bool {
    may_open::<K>(editor) && editor.may_translate(lang)
}

/// Whether this editor may open a record's editor: the kind's roles, and
/// translators (for their languages' texts).
pub(super) fn may_open<K: Kind>(editor: &Editor) -> bool {
    editor.can(K::ROLES) || editor.role == crate::accounts::Role::Translator
}

/// `may_open`, or 403.
pub(super) fn require_open<K: Kind>(editor: &Editor) -> Result<(), AppError> {
    if may_open::<K>(editor) {
        Ok(())
    } else {
        Err(AppError::Forbidden("error-forbidden-text"))
    }
}

#[derive(Template)]
#[template(path = "admin/edit.html")]
pub struct EditPage {
    pub page: AdminPage,
    pub name: &'static str,
    pub id: Option<i32>,
    pub heading: String,
    pub action: String,
    pub shared: Vec<FieldView>,
    pub source_options: Vec<(&'static str, &'static str)>,
    pub source_lang: String,
    pub tabs: Vec<LangTab>,
    pub errors: FieldErrors,
    /// The error summary: each field's anchor, its label in the editor's
    /// language (with the text's language for a translated field), and the
    /// message.
    pub error_items: Vec<(String, String, String)>,
    pub public: Option<String>,
    pub preview: bool,
    /// The version the form started from (the record's `updated_at`, in
    /// microseconds), sent back with the save.
    pub version: String,
    /// Set when the save was refused because someone saved meanwhile: who
    /// and when, in words.
    pub conflict: Option<String>,
    /// A save that could not be made (the database stayed busy).
    pub save_failed: bool,
    /// Whether this editor may change the shared fields, publish and
    /// delete (not a translator).
    pub can_manage: bool,
}

/// What the form is shown with besides the values and errors.
#[derive(Default)]
struct Shown<'a> {
    preview: bool,
    flash: &'a str,
    /// A refused save: the message, and the record as it is now, to show
    /// next to each field that differs.
    conflict: Option<(String, Values)>,
    save_failed: bool,
}

async fn choice_options(
    db: &impl ConnectionTrait,
    kinds: &[Choices],
    locale: Locale,
) -> Result<Vec<(Choices, Vec<(String, String)>)>, DbErr> {
    let mut out = Vec::new();
    for k in kinds {
        let options = match k {
            Choices::Media => super::media::options(db, locale).await?,
            Choices::Events => crate::events::store::options(db, locale).await?,
            Choices::Calls => crate::programme::store::call_options(db, locale).await?,
        };
        out.push((*k, options));
    }
    Ok(out)
}

async fn render_form<K: Kind>(
    editor: &Editor,
    state: &AppState,
    id: Option<i32>,
    v: &Values,
    errors: FieldErrors,
    shown: Shown<'_>,
) -> Result<EditPage, AppError> {
    let Shown {
        preview,
        flash,
        conflict,
        save_failed,
    } = shown;
    let (conflict, theirs) = match conflict {
        Some((message, theirs)) => (Some(message), Some(theirs)),
        None => (None, None),
    };
    let compared = |mut f: FieldView| {
        if let Some(t) = &theirs {
            f.compare_with(t);
        }
        f
    };
    let tr = Translator {
        locale: editor.locale,
    };
    let choices = choice_options(&state.db, K::choices(), editor.locale).await?;
    let mut shared_fields = K::shared();
    shared_fields.extend(publication::<K>());
    let thumbs = if K::choices().contains(&Choices::Media) {
        super::media::thumbnails(&state.db).await?
    } else {
        HashMap::new()
    };
    let shared: Vec<FieldView> = shared_fields
        .iter()
        .map(|f| {
            let mut view = compared(form::view(&tr, f, f.name, v, &errors, &choices, None));
            // Images are chosen by their thumbnails, labelled by alt text.
            if matches!(
                f.input,
                Input::Choice(Choices::Media) | Input::ChoiceMulti(Choices::Media)
            ) {
                view.pictures = view
                    .options
                    .iter()
                    .filter_map(|(id, label)| {
                        thumbs
                            .get(id)
                            .map(|src| (id.clone(), label.clone(), src.clone()))
                    })
                    .collect();
            }
            view
        })
        .collect();
    let source_lang = v.get("source_lang").to_owned();
    let rows = match id {
        Some(id) => translation_store::load(&state.db, &K::TR, id).await?,
        None => Vec::new(),
    };
    let statuses: HashMap<&'static str, Status> =
        translation_store::statuses(&K::TR, &rows, &source_lang)
            .into_iter()
            .map(|(l, s)| (l.tag(), s))
            .collect();
    // What each outdated translation's source changed since.
    let mut changes: HashMap<&'static str, Option<Vec<super::revisions::FieldDiff>>> =
        HashMap::new();
    if let (Some(id), Some(source_row)) = (id, rows.iter().find(|r| r.lang == source_lang)) {
        for r in &rows {
            if statuses.get(r.lang.as_str()) == Some(&Status::Outdated) {
                let Some(l) = Locale::from_tag(&r.lang) else {
                    continue;
                };
                let diff = super::revisions::source_changes::<K>(
                    &state.db,
                    &tr,
                    id,
                    &source_lang,
                    r.source_revision,
                    source_row,
                )
                .await?;
                changes.insert(l.tag(), diff);
            }
        }
    }
    let tabs: Vec<LangTab> = Locale::all()
        .map(|l| {
            let fields: Vec<FieldView> = K::translated()
                .iter()
                .map(|f| {
                    compared(form::view(
                        &tr,
                        f,
                        &format!("{}.{}", l.tag(), f.name),
                        v,
                        &errors,
                        &choices,
                        Some(l),
                    ))
                })
                .collect();
            let status = statuses.get(l.tag()).copied().unwrap_or(Status::Missing);
            let previews = if preview {
                K::translated()
                    .iter()
                    .filter(|f| matches!(f.input, Input::Markdown(_)))
                    .map(|f| {
                        (
                            tr.t(f.label),
                            crate::markdown::render(&v.tr(l.tag(), f.name)),
                        )
                    })
                    .filter(|(_, html)| !html.is_empty())
                    .collect()
            } else {
                Vec::new()
            };
            LangTab {
                tag: l.tag(),
                name: l.native_name(),
                fields,
                status: status.as_str(),
                is_source: l.tag() == source_lang,
                can_mark_reviewed: status == Status::Outdated,
                previews,
                source_changes: changes.remove(l.tag()),
                history: id.map(|id| format!("/admin/{}/{id}/revisions/{}", K::NAME, l.tag())),
                preview_page: id.filter(|_| K::PREVIEW).map(|id| {
                    (
                        format!("/admin/{}/{id}/preview/{}", K::NAME, l.tag()),
                        tr.ts("admin-preview-link", "language", l.native_name()),
                    )
                }),
                editable: editor.may_translate(l),
            }
        })
        .collect();
    let heading = match id {
        Some(_) => tr.ts("admin-edit-heading", "item", &tr.t(K::ITEM)),
        None => tr.ts("admin-new-heading", "item", &tr.t(K::ITEM)),
    };
    // Only a record the public can see has a public page to link to: a
    // draft's or a scheduled item's address would answer 404.
    let is_public = K::STATUSES.is_empty() || {
        let (status, publish_at, expires_at) = super::kinds::publication_of(v);
        super::kinds::state_of(&status, publish_at, expires_at) == "published"
    };
    let public = (K::SLUG && id.is_some() && is_public)
        .then(|| v.get("slug"))
        .and_then(K::public_path)
        .map(|p| format!("/{}{p}", editor.locale.tag()));
    let error_items = error_items(&tr, &errors, &shared, &tabs);
    Ok(EditPage {
        page: page_for::<K>(editor, state, heading.clone(), flash),
        name: K::NAME,
        id,
        heading,
        action: match id {
            Some(id) => format!("/admin/{}/{id}", K::NAME),
            None => format!("/admin/{}/new", K::NAME),
        },
        shared,
        source_options: Locale::all().map(|l| (l.tag(), l.native_name())).collect(),
        source_lang,
        tabs,
        errors,
        error_items,
        public,
        preview,
        version: v.get(VERSION).to_owned(),
        conflict,
        save_failed,
        can_manage: editor.can(K::ROLES),
    })
}

/// The error summary's lines, in the order of the errors: a field is named
/// by its label, never by its form name (`id.summary`).
fn error_items(
    tr: &Translator,
    errors: &FieldErrors,
    shared: &[FieldView],
    tabs: &[LangTab],
) -> Vec<(String, String, String)> {
    errors
        .iter()
        .map(|(key, msg)| {
            let label = shared
                .iter()
                .find(|f| f.name == key)
                .map(|f| f.label.clone())
                .or_else(|| {
                    tabs.iter().find_map(|t| {
                        t.fields.iter().find(|f| f.name == key).map(|f| {
                            tr.targs(
                                "admin-field-in-language",
                                &[("field", &f.label), ("language", t.name)],
                            )
                        })
                    })
                })
                .unwrap_or_else(|| match key {
                    "source_lang" => tr.t("admin-field-source-lang"),
                    // Every field the form checks is one of the above.
                    _ => key.to_owned(),
                });
            (
                key.replace('.', "-"),
                label,
                tr.tn(msg, errors.count_of(key)),
            )
        })
        .collect()
}

/// The stored record as form values: its own row and its translations.
pub(super) async fn stored<K: Kind>(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<Values>, DbErr> {
    let Some(mut v) = K::load(db, id).await? else {
        return Ok(None);
    };
    let rows = translation_store::load(db, &K::TR, id).await?;
    translation_store::into_values(&K::TR, &rows, &mut v);
    Ok(Some(v))
}

/// GET /admin/{kind}/new
pub async fn new<K: Kind>(editor: Editor, state: web::Data<AppState>) -> Result<Html, AppError> {
    editor.require(K::ROLES)?;
    let mut v = Values::default();
    v.set("source_lang", "en");
    if let Some(first) = K::STATUSES.first() {
        v.set("status", *first);
    }
    Html::render(
        &render_form::<K>(
            &editor,
            &state,
            None,
            &v,
            FieldErrors::default(),
            Shown::default(),
        )
        .await?,
    )
}

/// GET /admin/{kind}/{id}
pub async fn edit<K: Kind>(
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    q: web::Query<FlashQuery>,
) -> Result<Html, AppError> {
    require_open::<K>(&editor)?;
    let id = path.into_inner();
    // The version first, then the values: a save in between makes the
    // version look older than the text (a needless conflict later), never
    // the other way round (a save that would pass over it).
    let version = version_of(&state.db, K::TABLE, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut v = stored::<K>(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    v.set(VERSION, version_token(version));
    Html::render(
        &render_form::<K>(
            &editor,
            &state,
            Some(id),
            &v,
            FieldErrors::default(),
            Shown {
                flash: &q.flash,
                ..Shown::default()
            },
        )
        .await?,
    )
}

pub(super) fn validate<K: Kind>(v: &Values) -> FieldErrors {
    let mut e = FieldErrors::default();
    let mut shared = K::shared();
    shared.extend(publication::<K>());
    shared.push(source_field());
    for f in &shared {
        form::check(f, f.name, v, &mut e, f.required);
    }
    let source = v.get("source_lang");
    if Locale::from_tag(source).is_none() {
        e.add("source_lang", "form-choose");
    }
    for l in Locale::all() {
        let fields = K::translated();
        let any = fields.iter().any(|f| !v.tr(l.tag(), f.name).is_empty());
        let is_source = l.tag() == source;
        for f in &fields {
            let key = format!("{}.{}", l.tag(), f.name);
            form::check(f, &key, v, &mut e, f.required && (is_source || any));
        }
    }
    K::validate(v, &mut e);
    e
}

/// A translator's save: what is not theirs to change (the shared fields,
/// the publication, the other languages' texts) is taken from the record
/// as stored when the form left it out (disabled fields are not sent), and
/// refused at the field when a forged form changed it.
fn keep_what_a_translator_cannot_change<K: Kind>(
    editor: &Editor,
    current: &Values,
    v: &mut Values,
    errors: &mut FieldErrors,
) {
    let mut shared: Vec<&'static str> = K::shared().iter().map(|f| f.name).collect();
    shared.extend(publication::<K>().iter().map(|f| f.name));
    shared.push("source_lang");
    let mut keys: Vec<(String, &'static str)> = shared
        .into_iter()
        .map(|n| (n.to_owned(), "form-translator-fixed"))
        .collect();
    for l in Locale::all().filter(|l| !editor.may_translate(*l)) {
        keys.extend(
            K::translated()
                .iter()
                .map(|f| (format!("{}.{}", l.tag(), f.name), "form-not-your-language")),
        );
    }
    for (key, msg) in keys {
        let theirs: Vec<String> = current.all(&key).into_iter().map(str::to_owned).collect();
        if v.has(&key) {
            let mut sent: Vec<&str> = v.all(&key).into_iter().map(str::trim).collect();
            let mut kept: Vec<&str> = theirs.iter().map(|s| s.trim()).collect();
            sent.sort_unstable();
            kept.sort_unstable();
            if sent != kept {
                errors.add(key, msg);
            }
        } else {
            v.remove(&key);
            for t in theirs {
                v.push(&key, t);
            }
        }
    }
    // Marking another language's text as checked is changing it too.
    let reviewed: Vec<String> = v
        .all("reviewed")
        .into_iter()
        .filter(|l| Locale::from_tag(l).is_some_and(|l| editor.may_translate(l)))
        .map(str::to_owned)
        .collect();
    v.remove("reviewed");
    for r in reviewed {
        v.push("reviewed", r);
    }
}

/// Resolves the slug: kept when editing unless changed; on creation made
/// from the English title (else the source's), unique in the table.
async fn resolve_slug<K: Kind>(
    db: &impl ConnectionTrait,
    id: Option<i32>,
    v: &mut Values,
    errors: &mut FieldErrors,
) -> Result<(), DbErr> {
    if !K::SLUG {
        return Ok(());
    }
    let given = v.trimmed("slug");
    let current = match id {
        Some(id) => K::load(db, id).await?.map(|old| old.get("slug").to_owned()),
        None => None,
    };
    if given.is_empty() {
        if let Some(c) = current {
            v.set("slug", c);
        } else {
            let title = [
                v.tr("en", K::TR.headline),
                v.tr(v.get("source_lang"), K::TR.headline),
            ]
            .into_iter()
            .find(|t| !t.is_empty())
            .unwrap_or_default();
            let slug =
                crate::slugs::unique(db, K::TABLE, &crate::slugs::from_title(&title)).await?;
            v.set("slug", slug);
        }
    } else if current.as_deref() != Some(given.as_str()) {
        let free = crate::slugs::unique(db, K::TABLE, &given).await?;
        if free != given {
            errors.add("slug", "form-slug-taken");
        }
    }
    Ok(())
}

/// A chosen image, event or call must be one the form offered: a made-up
/// id would otherwise reach the database as a broken reference.
async fn check_choices<K: Kind>(
    db: &impl ConnectionTrait,
    v: &Values,
    locale: Locale,
    errors: &mut FieldErrors,
) -> Result<(), DbErr> {
    let mut fields: Vec<(String, Field)> = K::shared()
        .into_iter()
        .map(|f| (f.name.to_owned(), f))
        .collect();
    for l in Locale::all() {
        fields.extend(
            K::translated()
                .into_iter()
                .map(|f| (format!("{}.{}", l.tag(), f.name), f)),
        );
    }
    let mut loaded: Vec<(Choices, Vec<(String, String)>)> = Vec::new();
    for (key, f) in fields {
        let (kind, chosen) = match f.input {
            Input::Choice(k) => (k, vec![v.get(&key)]),
            Input::ChoiceMulti(k) => (k, v.all(&key)),
            _ => continue,
        };
        if !loaded.iter().any(|(k, _)| *k == kind) {
            loaded.extend(choice_options(db, &[kind], locale).await?);
        }
        let offered = loaded
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, o)| o.as_slice())
            .unwrap_or(&[]);
        let unknown = chosen
            .iter()
            .any(|c| !c.trim().is_empty() && !offered.iter().any(|(id, _)| id == c.trim()));
        if unknown {
            errors.add(key, "form-choose");
        }
    }
    Ok(())
}

async fn save<K: Kind>(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    id: Option<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    // Translators change existing records' texts only.
    if id.is_some() {
        require_open::<K>(&editor)?;
    } else {
        editor.require(K::ROLES)?;
    }
    let mut v = Values::from_body(&body);
    editor.check_csrf(v.get("csrf"))?;
    if let Some(id) = id {
        K::load(&state.db, id).await?.ok_or(AppError::NotFound)?;
    }
    let preview = v.get("action") == "preview";
    let mut fixed = FieldErrors::default();
    if let (Some(id), false) = (id, editor.can(K::ROLES)) {
        let current = stored::<K>(&state.db, id)
            .await?
            .ok_or(AppError::NotFound)?;
        keep_what_a_translator_cannot_change::<K>(&editor, &current, &mut v, &mut fixed);
    }
    // A forged change to what a translator cannot change is all they are
    // told about.
    let mut errors = if fixed.is_empty() {
        validate::<K>(&v)
    } else {
        fixed
    };
    check_choices::<K>(&state.db, &v, editor.locale, &mut errors).await?;
    if errors.is_empty() {
        resolve_slug::<K>(&state.db, id, &mut v, &mut errors).await?;
    }
    if preview || !errors.is_empty() {
        let page = render_form::<K>(
            &editor,
            &state,
            id,
            &v,
            errors,
            Shown {
                preview,
                ..Shown::default()
            },
        )
        .await?;
        let html = Html::render(&page)?;
        let html = if page.errors.is_empty() {
            html
        } else {
            html.unprocessable()
        };
        return Ok(html.into_response(&req));
    }
    let ip = client_ip(&req, &state);
    let outcome = write::<K>(&state.db, &editor, &ip, id, &v, None).await;
    let (status, shown) = match outcome {
        Ok(Written::Saved(saved)) => {
            return Ok(see_other(&format!(
                "/admin/{}/{saved}?flash=saved",
                K::NAME
            )));
        }
        Ok(Written::Gone) => return Err(AppError::NotFound),
        Ok(Written::Conflict(version)) => {
            let Some(id) = id else {
                return Err(AppError::NotFound);
            };
            // The editor's text stays in the form; the record as it is now
            // is shown beside each field that differs; saving again (with
            // the version they have now seen) replaces it.
            let theirs = stored::<K>(&state.db, id)
                .await?
                .ok_or(AppError::NotFound)?;
            let tr = Translator {
                locale: editor.locale,
            };
            let message = super::version::conflict_message(
                &state.db,
                &tr,
                K::NAME,
                Some(id),
                &tr.t(K::ITEM),
                version,
            )
            .await?;
            v.set(VERSION, version_token(version));
            (
                actix_web::http::StatusCode::CONFLICT,
                Shown {
                    conflict: Some((message, theirs)),
                    ..Shown::default()
                },
            )
        }
        Err(e) => {
            // Still not saved past the busy timeout (or a fault): the form
            // comes back with the editor's text rather than an error page.
            let e = AppError::from(e);
            tracing::error!(error = %e, kind = K::NAME, "save failed");
            (
                actix_web::ResponseError::status_code(&e),
                Shown {
                    save_failed: true,
                    ..Shown::default()
                },
            )
        }
    };
    let page = render_form::<K>(&editor, &state, id, &v, FieldErrors::default(), shown).await?;
    let mut res = Html::render(&page)?.with_status(status).into_response(&req);
    if status == actix_web::http::StatusCode::SERVICE_UNAVAILABLE {
        res.headers_mut().insert(
            actix_web::http::header::RETRY_AFTER,
            actix_web::http::header::HeaderValue::from_static("5"),
        );
    }
    Ok(res)
}

/// How a save went.
pub(super) enum Written {
    Saved(i32),
    /// Someone saved the record after this edit started: it is now at
    /// this version, and nothing was written.
    Conflict(chrono::DateTime<chrono::Utc>),
    /// The record was deleted meanwhile.
    Gone,
}

/// Writes a record, its translations, search entry and audit entry in one
/// transaction, unless the version the edit started from (when the form
/// sent one) is no longer the record's.
/// `restored_from`: the revision a restore brings back (audited as such).
pub(super) async fn write<K: Kind>(
    db: &sea_orm::DatabaseConnection,
    editor: &Editor,
    ip: &str,
    id: Option<i32>,
    v: &Values,
    restored_from: Option<i32>,
) -> Result<Written, DbErr> {
    let reviewed: Vec<String> = v.all("reviewed").into_iter().map(str::to_owned).collect();
    let source = v.get("source_lang").to_owned();
    let started = super::version::started(v.get(VERSION));
    let txn = crate::db::begin_write(db).await?;
    if let Some(id) = id {
        let Some(current) = locked_version(&txn, K::TABLE, id).await? else {
            txn.rollback().await?;
            return Ok(Written::Gone);
        };
        if super::version::is_stale(started, current) {
            txn.rollback().await?;
            return Ok(Written::Conflict(current));
        }
    }
    let saved = K::save(&txn, id, v).await?;
    let author = translation_store::Author {
        id: Some(editor.id),
        name: &editor.name,
        restored_from,
    };
    translation_store::save_by(&txn, &K::TR, saved, v, &source, &reviewed, now(), &author).await?;
    K::reindex(&txn, saved).await?;
    let title = v.tr(&source, K::TR.headline);
    let action = match (restored_from, id) {
        (Some(_), _) => "restore",
        (None, Some(_)) => "update",
        (None, None) => "create",
    };
    crate::audit::record(
        &txn,
        &editor.actor(Some(ip)),
        action,
        K::NAME,
        Some(saved),
        &title,
    )
    .await?;
    txn.commit().await?;
    Ok(Written::Saved(saved))
}

/// POST /admin/{kind}/new
pub async fn create<K: Kind>(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    save::<K>(req, editor, state, None, body).await
}

/// POST /admin/{kind}/{id}
pub async fn update<K: Kind>(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    save::<K>(req, editor, state, Some(path.into_inner()), body).await
}

#[derive(Deserialize)]
pub struct ActionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    status: String,
}

/// POST /admin/{kind}/{id}/delete
pub async fn delete<K: Kind>(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    form: crate::web::forms::Form<ActionForm>,
) -> Result<HttpResponse, AppError> {
    editor.require(K::ROLES)?;
    editor.check_csrf(&form.csrf)?;
    let id = path.into_inner();
    K::load(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let ip = client_ip(&req, &state);
    let txn = crate::db::begin_write(&state.db).await?;
    if K::in_use(&txn, id).await? {
        txn.rollback().await?;
        return Ok(see_other(&format!("/admin/{}/{id}?flash=in-use", K::NAME)));
    }
    K::delete(&txn, id).await?;
    crate::audit::record(
        &txn,
        &editor.actor(Some(&ip)),
        "delete",
        K::NAME,
        Some(id),
        "",
    )
    .await?;
    txn.commit().await?;
    Ok(see_other(&format!("/admin/{}?flash=deleted", K::NAME)))
}

/// POST /admin/{kind}/{id}/status: publish, unpublish, approve, reject in
/// one click from the list or the form.
pub async fn set_status<K: Kind>(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<i32>,
    form: crate::web::forms::Form<ActionForm>,
) -> Result<HttpResponse, AppError> {
    editor.require(K::ROLES)?;
    editor.check_csrf(&form.csrf)?;
    let id = path.into_inner();
    if !K::STATUSES.contains(&form.status.as_str()) {
        return Err(AppError::BadRequest("error-bad-request-text"));
    }
    let ip = client_ip(&req, &state);
    let txn = crate::db::begin_write(&state.db).await?;
    // Read under the write lock: a save made meanwhile is kept, only the
    // status changes.
    if locked_version(&txn, K::TABLE, id).await?.is_none() {
        return Err(AppError::NotFound);
    }
    let mut v = stored::<K>(&txn, id).await?.ok_or(AppError::NotFound)?;
    v.set("status", form.status.clone());
    if form.status == "published" && v.get("publish_at").is_empty() {
        v.set(
            "publish_at",
            form::local_input(Some(now()), form::form_zone(&v)),
        );
    }
    K::save(&txn, Some(id), &v).await?;
    crate::audit::record(
        &txn,
        &editor.actor(Some(&ip)),
        &format!("status:{}", form.status),
        K::NAME,
        Some(id),
        "",
    )
    .await?;
    txn.commit().await?;
    let flash = match form.status.as_str() {
        "published" => "published",
        "rejected" => "rejected",
        "draft" | "pending" => "unpublished",
        _ => "saved",
    };
    Ok(see_other(&format!("/admin/{}/{id}?flash={flash}", K::NAME)))
}

/// GET /admin/{kind}/{id}/preview/{lang}: the record's public page as
/// saved (a draft, a scheduled item), in that language, with a banner that
/// says it is not public. Only for signed-in editors (the back office's
/// guard), never cached (`no-store`), never indexed.
pub async fn preview<K: Kind>(
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<(i32, String)>,
) -> Result<HttpResponse, AppError> {
    require_open::<K>(&editor)?;
    let (id, tag) = path.into_inner();
    let locale = Locale::from_tag(&tag).ok_or(AppError::NotFound)?;
    let v = K::load(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let public = K::public_path(v.get("slug")).ok_or(AppError::NotFound)?;
    let settings = crate::settings::kept(&state.db, &state.changes).await?;
    let ctx = crate::web::Ctx {
        locale,
        state: state.clone(),
        path: public,
        query: String::new(),
        demo_notice: crate::settings::demo_notice(&settings.0),
    };
    let html = K::preview(&ctx, id, format!("/admin/{}/{id}", K::NAME))
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .insert_header(("X-Robots-Tag", "noindex"))
        .body(html))
}
