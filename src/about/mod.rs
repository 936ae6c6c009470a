//! The About page: the centre, the alliance, the network and the bilateral
//! mechanisms, with the network's members.

use askama::Template;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::{network_member, page as page_entity, page_translation};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::settings;
use crate::taxonomy::MEMBER_KINDS;
use crate::translation;
use crate::web::{Ctx, Html, Page, Section};

pub struct MemberView {
    pub name: String,
    pub country: String,
    pub website: String,
}

pub struct MemberGroup {
    pub kind: &'static str,
    pub members: Vec<MemberView>,
}

#[derive(Template)]
#[template(path = "about.html")]
pub struct AboutPage {
    pub page: Page,
    pub title: String,
    pub body_html: String,
    pub groups: Vec<MemberGroup>,
    pub figures: Vec<(&'static str, i64, Option<String>)>,
    /// The figures that count themselves, with how each is made up.
    pub counted: Vec<(&'static str, i64, Option<String>)>,
}

pub async fn members(db: &impl ConnectionTrait, locale: Locale) -> Result<Vec<MemberGroup>, DbErr> {
    let all = network_member::Entity::find()
        .order_by_asc(network_member::Column::Position)
        .order_by_asc(network_member::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i32> = all.iter().map(|m| m.id).collect();
    let texts = translation::load::<crate::entities::network_member_translation::Entity>(
        db,
        crate::entities::network_member_translation::Column::MemberId,
        &ids,
    )
    .await?;
    Ok(MEMBER_KINDS
        .iter()
        .map(|kind| MemberGroup {
            kind,
            members: all
                .iter()
                .filter(|m| m.kind == *kind)
                .filter_map(|m| {
                    let p = translation::pick(texts.get(&m.id)?, locale, &m.source_lang)?;
                    Some(MemberView {
                        name: p.text.name.clone(),
                        country: m.country.clone(),
                        website: m.website.clone(),
                    })
                })
                .collect(),
        })
        .filter(|g| !g.members.is_empty())
        .collect())
}

/// A page of text by its key, in the visitor's language or the nearest one
/// it has.
async fn text_page(ctx: &Ctx, key: &str) -> Result<Shown, AppError> {
    let (p, rows) = translation::with_texts::<page_entity::Entity, page_translation::Entity>(
        ctx.db(),
        page_entity::Entity::find().filter(page_entity::Column::Key.eq(key)),
        None,
    )
    .await?
    .into_iter()
    .next()
    .ok_or(AppError::NotFound)?;
    let picked = translation::pick(&rows, ctx.locale, &p.source_lang).ok_or(AppError::NotFound)?;
    Ok(Shown {
        title: picked.text.title.clone(),
        body_html: crate::markdown::render(&picked.text.body),
        locale: picked.locale,
        outdated: picked.outdated,
    })
}

/// A page's text as shown: the title, the body rendered, and which
/// language it came in.
struct Shown {
    title: String,
    body_html: String,
    locale: Locale,
    outdated: bool,
}

#[derive(Template)]
#[template(path = "text_page.html")]
pub struct TextPage {
    pub page: Page,
    pub title: String,
    pub body_html: String,
}

/// GET /{lang}/privacy: what the portal keeps and for how long; every form
/// links here.
pub async fn privacy(ctx: Ctx) -> Result<Html, AppError> {
    let shown = text_page(&ctx, "privacy").await?;
    let page = ctx
        .page(Section::Other, shown.title.clone())
        .with_description(ctx.t("privacy-description"))
        .with_content(shown.locale, shown.outdated);
    Html::render(&TextPage {
        title: shown.title,
        body_html: shown.body_html,
        page,
    })
}

/// GET /{lang}/about
pub async fn about(ctx: Ctx) -> Result<Html, AppError> {
    let shown = text_page(&ctx, "about").await?;
    let s = settings::kept(ctx.db(), &ctx.state.changes).await?;
    let counted = crate::figures::kept(ctx.db(), &ctx.state.changes, &s.0).await?;
    let page = ctx
        .page(Section::About, shown.title.clone())
        .with_description(ctx.t("about-description"))
        .with_content(shown.locale, shown.outdated);
    let mut page = page;
    page.add_json_ld(page.organization());
    Html::render(&AboutPage {
        title: shown.title,
        body_html: shown.body_html,
        groups: members(ctx.db(), ctx.locale).await?,
        figures: settings::FIGURES
            .iter()
            .map(|k| {
                let value = settings::figure(&s.0, k);
                (
                    *k,
                    value,
                    crate::figures::set_note(&s.0, k, value, ctx.locale),
                )
            })
            .collect(),
        counted: counted
            .figures
            .iter()
            .map(|f| (f.key, f.total(), counted.note(f.key, ctx.locale)))
            .collect(),
        page,
    })
}
