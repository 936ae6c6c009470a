//! Errors inside the back office are back-office pages: the editor's
//! language, the back-office header and navigation, a way back to the
//! dashboard, instead of the public site's error page. Without a session
//! (the sign-in page's own errors) the public error page stays.

use actix_web::HttpMessage;
use actix_web::body::MessageBody;
use actix_web::middleware::ErrorHandlers;
use actix_web::web;
use askama::Template;

use super::page::AdminPage;
use super::session::Editor;
use crate::error::messages_for;
use crate::web::AppState;
use crate::web::error_pages::replace_page;

#[derive(Template)]
#[template(path = "admin/error.html")]
struct ErrorPage {
    page: AdminPage,
    status: u16,
    text: String,
}

pub fn middleware<B: MessageBody + 'static>() -> ErrorHandlers<B> {
    ErrorHandlers::new().default_handler(|res| {
        replace_page(res, |req, status, message| {
            let editor = req.extensions().get::<Editor>().cloned()?;
            let assets = req
                .app_data::<web::Data<AppState>>()
                .map_or_else(|| "0".into(), |s| s.asset_version.clone());
            let tr = crate::web::Translator {
                locale: editor.locale,
            };
            let page = AdminPage::new(&editor, assets, "", tr.t(messages_for(status).0), None);
            ErrorPage {
                text: tr.t(message),
                page,
                status,
            }
            .render()
            .inspect_err(|e| tracing::error!(error = %e, "back-office error page failed to render"))
            .ok()
        })
    })
}
