//! `/{lang}/api`: the API described for people, in the site's languages:
//! its paths, parameters, pages, caching, limits and what it never shows,
//! with the link to the OpenAPI document that describes it for programs.

use askama::Template;

use crate::error::AppError;
use crate::web::{Ctx, Html, Page, Section};

/// A path of the API and the message id that says what it answers.
pub struct Endpoint {
    pub path: String,
    pub what: &'static str,
}

#[derive(Template)]
#[template(path = "api.html")]
pub struct ApiPage {
    pub page: Page,
    pub endpoints: Vec<Endpoint>,
    /// The parameters of lists: name and message id.
    pub params: Vec<(&'static str, &'static str)>,
    /// Requests a minute per address (0: no limit).
    pub rate_limit: u64,
    pub openapi: String,
}

/// GET /{lang}/api
pub async fn page(ctx: Ctx) -> Result<Html, AppError> {
    let base = super::BASE;
    let mut endpoints = Vec::new();
    for (kind, key) in [
        ("technologies", "slug"),
        ("needs", "slug"),
        ("events", "slug"),
        ("news", "slug"),
        ("calls", "id"),
        ("fellows", "slug"),
    ] {
        endpoints.push(Endpoint {
            path: format!("{base}/{kind}"),
            what: "api-endpoint-list",
        });
        endpoints.push(Endpoint {
            path: format!("{base}/{kind}/{{{key}}}"),
            what: "api-endpoint-detail",
        });
    }
    endpoints.push(Endpoint {
        path: format!("{base}/openapi.json"),
        what: "api-endpoint-openapi",
    });
    let page = ctx
        .page(Section::Other, ctx.t("api-title"))
        .with_description(ctx.t("api-description"));
    Html::render(&ApiPage {
        openapi: format!("{base}/openapi.json"),
        endpoints,
        params: vec![
            ("lang", "api-param-lang"),
            ("limit", "api-param-limit"),
            ("cursor", "api-param-cursor"),
            ("updated_since", "api-param-updated-since"),
            (
                "q, field, country, mode, ip, trl_min, trl_max",
                "api-param-catalogue",
            ),
            ("field, country", "api-param-needs"),
            ("kind, country", "api-param-events"),
            ("cohort, field", "api-param-fellows"),
        ],
        rate_limit: ctx.state.config.api_rate_limit,
        page,
    })
}
