//! What needs translating: per record and language, missing / up to date /
//! older than its source, across every kind of content.

use actix_web::web;
use askama::Template;
use sea_orm::{ConnectionTrait, DbErr, Value};

use crate::accounts::Role;
use crate::db::stmt;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::web::AppState;
use crate::web::{Html, Translator};

use super::kinds::Kind;
use super::kinds::{
    calls::Calls, events::Events, fellows::Fellows, members::Members, needs::Needs, news::News,
    pages::Pages, posts::Posts, technologies::Technologies,
};
use super::page::AdminPage;
use super::session::Editor;
use super::translation_store::{self, TrTable};

struct KindInfo {
    name: &'static str,
    title: &'static str,
    table: &'static str,
    tr: TrTable,
}

fn info<K: Kind>() -> KindInfo {
    KindInfo {
        name: K::NAME,
        title: K::TITLE,
        table: K::TABLE,
        tr: K::TR,
    }
}

fn kinds() -> Vec<KindInfo> {
    vec![
        info::<Technologies>(),
        info::<Needs>(),
        info::<Events>(),
        info::<News>(),
        info::<Fellows>(),
        info::<Calls>(),
        info::<Posts>(),
        info::<Members>(),
        info::<Pages>(),
    ]
}

fn missing_sql(k: &KindInfo) -> String {
    format!(
        "NOT EXISTS (SELECT 1 FROM {tt} x WHERE x.{parent} = p.id AND x.lang = ? AND x.{head} <> '')",
        tt = k.tr.table,
        parent = k.tr.parent,
        head = k.tr.headline
    )
}

fn outdated_sql(k: &KindInfo) -> String {
    format!(
        "EXISTS (SELECT 1 FROM {tt} x JOIN {tt} s ON s.{parent} = x.{parent} AND s.lang = p.source_lang \
         WHERE x.{parent} = p.id AND x.lang = ? AND x.lang <> p.source_lang AND s.revision > x.source_revision)",
        tt = k.tr.table,
        parent = k.tr.parent
    )
}

async fn count(db: &impl ConnectionTrait, sql: &str, values: Vec<Value>) -> Result<u64, DbErr> {
    let row = db
        .query_one_raw(stmt(db.get_database_backend(), sql, values))
        .await?;
    Ok(row
        .and_then(|r| r.try_get::<i64>("", "n").ok())
        .and_then(|n| u64::try_from(n).ok())
        .unwrap_or(0))
}

/// Per language: how many records miss it, and how many have it out of date.
pub async fn summary(db: &impl ConnectionTrait) -> Result<Vec<(&'static str, u64, u64)>, DbErr> {
    let mut out = Vec::new();
    for l in Locale::all() {
        let (mut missing, mut outdated) = (0, 0);
        for k in kinds() {
            missing += count(
                db,
                &format!(
                    "SELECT COUNT(*) AS n FROM {} p WHERE {}",
                    k.table,
                    missing_sql(&k)
                ),
                vec![l.tag().into()],
            )
            .await?;
            outdated += count(
                db,
                &format!(
                    "SELECT COUNT(*) AS n FROM {} p WHERE {}",
                    k.table,
                    outdated_sql(&k)
                ),
                vec![l.tag().into()],
            )
            .await?;
        }
        out.push((l.tag(), missing, outdated));
    }
    Ok(out)
}

pub struct Row {
    pub kind: String,
    pub title: String,
    pub href: String,
    pub statuses: Vec<(&'static str, &'static str)>,
}

#[derive(Template)]
#[template(path = "admin/translations.html")]
pub struct TranslationsPage {
    pub page: AdminPage,
    pub summary: Vec<(&'static str, u64, u64)>,
    pub rows: Vec<Row>,
    pub locales: Vec<&'static str>,
}

/// Records needing work shown per kind.
const PER_KIND: i64 = 100;

/// GET /admin/translations
pub async fn page(editor: Editor, state: web::Data<AppState>) -> Result<Html, AppError> {
    editor.require(&[Role::Editor])?;
    let db = &state.db;
    let tr = Translator {
        locale: editor.locale,
    };
    let mut rows = Vec::new();
    for k in kinds() {
        let mut conds = Vec::new();
        let mut values: Vec<Value> = Vec::new();
        for l in Locale::all() {
            conds.push(missing_sql(&k));
            values.push(l.tag().into());
            conds.push(outdated_sql(&k));
            values.push(l.tag().into());
        }
        values.push(PER_KIND.into());
        let sql = format!(
            "SELECT p.id AS id, p.source_lang AS source_lang FROM {} p WHERE {} ORDER BY p.updated_at DESC LIMIT ?",
            k.table,
            conds.join(" OR ")
        );
        let found = db
            .query_all_raw(stmt(db.get_database_backend(), &sql, values))
            .await?;
        let ids: Vec<(i32, String)> = found
            .iter()
            .filter_map(|r| {
                Some((
                    r.try_get("", "id").ok()?,
                    r.try_get("", "source_lang").ok()?,
                ))
            })
            .collect();
        let only_ids: Vec<i32> = ids.iter().map(|(i, _)| *i).collect();
        let by_id = translation_store::load_many(db, &k.tr, &only_ids).await?;
        for (id, source) in ids {
            let tr_rows = by_id.get(&id).map(Vec::as_slice).unwrap_or(&[]);
            rows.push(Row {
                kind: tr.t(k.title),
                title: translation_store::headline(&k.tr, tr_rows, editor.locale),
                href: format!("/admin/{}/{id}", k.name),
                statuses: translation_store::statuses(&k.tr, tr_rows, &source)
                    .into_iter()
                    .map(|(l, s)| (l.tag(), s.as_str()))
                    .collect(),
            });
        }
    }
    Html::render(&TranslationsPage {
        page: AdminPage::new(
            &editor,
            state.asset_version.clone(),
            "translations",
            tr.t("admin-nav-translations"),
            None,
        ),
        summary: summary(db).await?,
        rows,
        locales: Locale::all().map(Locale::tag).collect(),
    })
}
