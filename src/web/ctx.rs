//! The request context of a public page: the language from the URL, the
//! application state, and the path, so the page can link to itself in other
//! languages.

use futures_util::future::LocalBoxFuture;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use sea_orm::DatabaseConnection;

use crate::error::AppError;
use crate::i18n::Locale;
use crate::web::AppState;

use super::page::{Page, Section};

pub struct Ctx {
    pub locale: Locale,
    pub state: web::Data<AppState>,
    /// The path after the language segment, e.g. `/technologies/x` (or `/`).
    pub path: String,
    /// The raw query string, without `?`.
    pub query: String,
    /// The site still shows the demo content, and says so on every page
    /// (`settings::DEMO_NOTICE`, removed by an administrator).
    pub demo_notice: bool,
}

impl Ctx {
    pub fn db(&self) -> &DatabaseConnection {
        &self.state.db
    }

    /// The chrome of a page in this context, titled with `title`.
    pub fn page(&self, section: Section, title: impl Into<String>) -> Page {
        let mut page = Page::new(
            self.locale,
            section,
            title.into(),
            self.path.clone(),
            self.query.clone(),
            self.state.base_url.clone(),
            self.state.asset_version.clone(),
        );
        page.demo_notice = self.demo_notice;
        page
    }

    pub fn t(&self, id: &str) -> String {
        crate::i18n::message(self.locale, id, None)
    }

    /// A path inside this language, e.g. `href("/news")` -> `/en/news`.
    pub fn href(&self, path: &str) -> String {
        format!("/{}{}", self.locale.tag(), path)
    }
}

impl FromRequest for Ctx {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let ctx = from_request(req);
        Box::pin(async move {
            let mut ctx = ctx?;
            // Kept in memory between writes: no statement on most requests.
            let settings = crate::settings::kept(ctx.db(), &ctx.state.changes).await?;
            ctx.demo_notice = crate::settings::demo_notice(&settings.0);
            Ok(ctx)
        })
    }
}

fn from_request(req: &HttpRequest) -> Result<Ctx, AppError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| AppError::Internal("application state missing".into()))?;
    let tag = req.match_info().get("lang").ok_or(AppError::NotFound)?;
    let locale = Locale::from_tag(tag).ok_or(AppError::NotFound)?;
    let rest = req.path().get(1 + tag.len()..).unwrap_or("");
    let path = if rest.is_empty() {
        "/".to_owned()
    } else {
        rest.to_owned()
    };
    Ok(Ctx {
        locale,
        state,
        path,
        query: req.query_string().to_owned(),
        demo_notice: false,
    })
}
