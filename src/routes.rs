//! The whole URL table of the portal, in one place.

use std::path::Path;

use actix_files::Files;
use actix_web::middleware::from_fn;
use actix_web::web::{self, ServiceConfig, get, post};

use crate::i18n::Locale;
use crate::web::middleware::{remember_language, static_cache};
use crate::{about, catalog, events, health, home, media, needs, news, programme, search};

pub fn routes(cfg: &mut ServiceConfig, static_dir: &Path) {
    cfg.route("/", get().to(home::root))
        .route("/healthz", get().to(health::healthz))
        .route("/robots.txt", get().to(health::robots))
        .route("/media/{key}", get().to(media::serve))
        .service(
            web::scope("/static").wrap(from_fn(static_cache)).service(
                Files::new("", static_dir)
                    .use_etag(true)
                    .use_last_modified(true),
            ),
        );

    // Short aliases (/zh/...) redirect to the full tag (/zh-CN/...).
    for (alias, _) in Locale::aliases() {
        cfg.route(&format!("/{alias}"), get().to(home::alias))
            .route(&format!("/{alias}/{{tail:.*}}"), get().to(home::alias));
    }

    cfg.service(
        web::scope("/{lang}")
            .wrap(from_fn(remember_language))
            .route("", get().to(home::slash))
            .route("/", get().to(home::home))
            .route("/about", get().to(about::about))
            .route("/search", get().to(search::search_page))
            // catalogue
            .route("/technologies", get().to(catalog::list))
            .route("/technologies/{slug}", get().to(catalog::detail))
            .route("/technologies/{slug}/inquiry", post().to(catalog::inquire))
            .route(
                "/technologies/{slug}/inquiry/sent",
                get().to(catalog::inquiry_sent),
            )
            // needs
            .route("/needs", get().to(needs::list))
            .route("/needs/new", get().to(needs::new_form))
            .route("/needs/new", post().to(needs::submit))
            .route("/needs/submitted", get().to(needs::submitted))
            .route("/needs/{slug}", get().to(needs::detail))
            // events and news
            .route("/events", get().to(events::list))
            .route("/events/{slug}", get().to(events::detail))
            .route("/news", get().to(news::list))
            .route("/news/{slug}", get().to(news::detail))
            // programme
            .route("/programme", get().to(programme::index))
            .route("/programme/fellows", get().to(programme::fellows))
            .route("/programme/fellows/{slug}", get().to(programme::fellow)),
    );
}
