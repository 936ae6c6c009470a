//! The history of a translation: every kept revision, two compared side by
//! side with the differences marked (by word; Chinese, Japanese and Korean
//! by character), and a restore, which is itself a new revision and is
//! audited. Also the source's changes a stale translation has not followed.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use similar::{Algorithm, DiffTag};

use crate::error::AppError;
use crate::i18n::Locale;
use crate::web::client::client_ip;
use crate::web::{AppState, Html, Translator, see_other};

use super::content::{Written, stored, write};
use super::kinds::Kind;
use super::page::AdminPage;
use super::session::Editor;
use super::translation_store::{self, Revision, TrTable};

/// A run of text on one side of a comparison: unchanged, removed or added.
pub struct Seg {
    pub kind: &'static str,
    pub text: String,
}

/// Splits a text into the units a diff compares: words (letters and digits
/// together), each CJK character alone, each space run and each other sign.
fn tokens(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<(usize, u8)> = None;
    for (i, c) in s.char_indices() {
        let class = if is_cjk(c) {
            0
        } else if c.is_alphanumeric() || c == '_' {
            1
        } else if c.is_whitespace() {
            2
        } else {
            3
        };
        if let Some((st, cl)) = start {
            if cl == class && (class == 1 || class == 2) {
                continue;
            }
            out.push(&s[st..i]);
        }
        start = Some((i, class));
    }
    if let Some((st, _)) = start {
        out.push(&s[st..]);
    }
    out
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x2FA1F)
}

fn push(v: &mut Vec<Seg>, kind: &'static str, text: &str) {
    match v.last_mut() {
        Some(last) if last.kind == kind => last.text.push_str(text),
        _ => v.push(Seg {
            kind,
            text: text.to_owned(),
        }),
    }
}

/// The two sides of a comparison: the old text with what was removed
/// marked `del`, the new with what was added marked `ins`.
pub fn diff(old: &str, new: &str) -> (Vec<Seg>, Vec<Seg>) {
    let a = tokens(old);
    let b = tokens(new);
    let mut left = Vec::new();
    let mut right = Vec::new();
    for op in similar::capture_diff_slices(Algorithm::Myers, &a, &b) {
        let (tag, ar, br) = op.as_tag_tuple();
        let old_text = a[ar].concat();
        let new_text = b[br].concat();
        match tag {
            DiffTag::Equal => {
                push(&mut left, "same", &old_text);
                push(&mut right, "same", &new_text);
            }
            DiffTag::Delete => push(&mut left, "del", &old_text),
            DiffTag::Insert => push(&mut right, "ins", &new_text),
            DiffTag::Replace => {
                push(&mut left, "del", &old_text);
                push(&mut right, "ins", &new_text);
            }
        }
    }
    (left, right)
}

/// One translated field compared.
pub struct FieldDiff {
    pub label: String,
    pub left: Vec<Seg>,
    pub right: Vec<Seg>,
    pub changed: bool,
}

/// Each translated field of `t`, compared between two sets of texts.
pub fn compare(
    tr: &Translator,
    fields: &[super::form::Field],
    t: &TrTable,
    old: &dyn Fn(&str) -> String,
    new: &dyn Fn(&str) -> String,
) -> Vec<FieldDiff> {
    t.fields
        .iter()
        .map(|f| {
            let (o, n) = (old(f), new(f));
            let (left, right) = diff(&o, &n);
            FieldDiff {
                label: fields
                    .iter()
                    .find(|x| x.name == *f)
                    .map_or_else(|| (*f).to_owned(), |x| tr.t(x.label)),
                changed: o != n,
                left,
                right,
            }
        })
        .collect()
}

/// The source's changes since a stale translation was last brought up to
/// date: the source as it was at `since` against its text now (`None` when
/// that revision was not kept, e.g. written before revisions were).
pub async fn source_changes<K: Kind>(
    db: &impl sea_orm::ConnectionTrait,
    tr: &Translator,
    id: i32,
    source_lang: &str,
    since: i32,
    now: &translation_store::TrRow,
) -> Result<Option<Vec<FieldDiff>>, sea_orm::DbErr> {
    let Some(old) = translation_store::revision_at(db, &K::TR, id, source_lang, since).await?
    else {
        return Ok(None);
    };
    let fields = K::translated();
    let diffs = compare(
        tr,
        &fields,
        &K::TR,
        &|f| old.fields.get(f).cloned().unwrap_or_default(),
        &|f| now.text.get(f).cloned().unwrap_or_default(),
    );
    Ok(Some(diffs.into_iter().filter(|d| d.changed).collect()))
}

pub struct RevisionView {
    pub id: i32,
    /// "Revision 3"
    pub label: String,
    pub when: String,
    pub who: String,
    /// "Restores revision 1"
    pub note: String,
}

#[derive(Template)]
#[template(path = "admin/revisions.html")]
pub struct HistoryPage {
    pub page: AdminPage,
    pub heading: String,
    pub back: String,
    pub base: String,
    pub language: &'static str,
    pub lang: &'static str,
    pub revisions: Vec<RevisionView>,
    pub a: i32,
    pub b: i32,
    /// The comparison asked for: its heading and each field.
    pub compared: Option<(String, Vec<FieldDiff>)>,
    pub can_restore: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CompareQuery {
    a: String,
    b: String,
    flash: String,
}

fn language(tag: &str) -> Result<Locale, AppError> {
    Locale::from_tag(tag).ok_or(AppError::NotFound)
}

/// GET /admin/{kind}/{id}/revisions/{lang}
pub async fn history<K: Kind>(
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<(i32, String)>,
    q: web::Query<CompareQuery>,
) -> Result<Html, AppError> {
    super::content::require_open::<K>(&editor)?;
    let (id, tag) = path.into_inner();
    let lang = language(&tag)?;
    K::load(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let tr = Translator {
        locale: editor.locale,
    };
    let revisions = translation_store::revisions(&state.db, &K::TR, id, lang.tag()).await?;
    let find = |s: &str| -> Option<&Revision> {
        let n: i32 = s.trim().parse().ok()?;
        revisions.iter().find(|r| r.id == n)
    };
    // By default the two newest, older on the left.
    let (a, b) = match (find(&q.a), find(&q.b)) {
        (Some(a), Some(b)) => (Some(a), Some(b)),
        _ => (revisions.get(1), revisions.first()),
    };
    let fields = K::translated();
    let compared = match (a, b) {
        (Some(a), Some(b)) => Some((
            tr.tmixed(
                "admin-revisions-compared",
                &[],
                &[("a", a.revision.into()), ("b", b.revision.into())],
            ),
            compare(
                &tr,
                &fields,
                &K::TR,
                &|f| a.fields.get(f).cloned().unwrap_or_default(),
                &|f| b.fields.get(f).cloned().unwrap_or_default(),
            ),
        )),
        _ => None,
    };
    let heading = tr.targs(
        "admin-revisions-heading",
        &[("item", &tr.t(K::ITEM)), ("language", lang.native_name())],
    );
    let flash = (!q.flash.is_empty()).then_some(q.flash.as_str());
    Html::render(&HistoryPage {
        page: AdminPage::new(
            &editor,
            state.asset_version.clone(),
            K::NAME,
            heading.clone(),
            flash,
        ),
        heading,
        back: format!("/admin/{}/{id}", K::NAME),
        base: format!("/admin/{}/{id}/revisions/{}", K::NAME, lang.tag()),
        language: lang.native_name(),
        lang: lang.tag(),
        a: a.map_or(0, |r| r.id),
        b: b.map_or(0, |r| r.id),
        revisions: revisions
            .iter()
            .map(|r| RevisionView {
                id: r.id,
                label: tr.tmixed("admin-revisions-number", &[], &[("n", r.revision.into())]),
                when: tr.stamp(&r.created_at),
                who: if r.editor_name.is_empty() {
                    tr.t("admin-revisions-nobody")
                } else {
                    r.editor_name.clone()
                },
                note: r
                    .restored_from
                    .map(|n| tr.tmixed("admin-revisions-restores", &[], &[("n", n.into())]))
                    .unwrap_or_default(),
            })
            .collect(),
        compared,
        can_restore: super::content::may_edit_language::<K>(&editor, lang),
    })
}

#[derive(Deserialize)]
pub struct RestoreForm {
    #[serde(default)]
    csrf: String,
}

/// POST /admin/{kind}/{id}/revisions/{lang}/{revision}/restore: the kept
/// texts become the translation again, through the same write as a save
/// (version, revision, search entry), audited as a restore.
pub async fn restore<K: Kind>(
    req: HttpRequest,
    editor: Editor,
    state: web::Data<AppState>,
    path: web::Path<(i32, String, i32)>,
    form: crate::web::forms::Form<RestoreForm>,
) -> Result<HttpResponse, AppError> {
    super::content::require_open::<K>(&editor)?;
    editor.check_csrf(&form.csrf)?;
    let (id, tag, rev_id) = path.into_inner();
    let lang = language(&tag)?;
    if !super::content::may_edit_language::<K>(&editor, lang) {
        return Err(AppError::Forbidden("error-forbidden-text"));
    }
    let revisions = translation_store::revisions(&state.db, &K::TR, id, lang.tag()).await?;
    let rev = revisions
        .iter()
        .find(|r| r.id == rev_id)
        .ok_or(AppError::NotFound)?;
    let mut v = stored::<K>(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    for f in K::TR.fields {
        v.set_tr(
            lang.tag(),
            f,
            rev.fields.get(*f).cloned().unwrap_or_default(),
        );
    }
    let ip = client_ip(&req, &state);
    match write::<K>(&state.db, &editor, &ip, Some(id), &v, Some(rev.revision)).await? {
        Written::Saved(_) => Ok(see_other(&format!(
            "/admin/{}/{id}/revisions/{}?flash=saved",
            K::NAME,
            lang.tag()
        ))),
        Written::Gone => Err(AppError::NotFound),
        Written::Conflict(_) => Ok(see_other(&format!(
            "/admin/{}/{id}?flash=conflict",
            K::NAME
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(v: &[Seg], kind: &str) -> Vec<String> {
        v.iter()
            .filter(|s| s.kind == kind)
            .map(|s| s.text.clone())
            .collect()
    }

    #[test]
    fn words_and_characters() {
        let (l, r) = diff("The quick fox", "The slow fox");
        assert_eq!(marked(&l, "del"), ["quick"]);
        assert_eq!(marked(&r, "ins"), ["slow"]);
        let (l, r) = diff("杂交水稻技术", "杂交玉米技术");
        assert_eq!(marked(&l, "del"), ["水稻"]);
        assert_eq!(marked(&r, "ins"), ["玉米"]);
        let (l, r) = diff("same", "same");
        assert!(marked(&l, "del").is_empty() && marked(&r, "ins").is_empty());
    }
}
