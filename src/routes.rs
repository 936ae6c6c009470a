//! The whole URL table of the portal, in one place.

use actix_web::http::Method;
use actix_web::middleware::from_fn;
use actix_web::web::{self, ServiceConfig, get, post};

use crate::admin::content;
use crate::admin::kinds::Kind;
use crate::admin::kinds::{
    calls::Calls, events::Events, fellows::Fellows, members::Members, needs::Needs, news::News,
    pages::Pages, posts::Posts, technologies::Technologies,
};
use crate::i18n::Locale;
use crate::web::middleware::{drop_empty_params, remember_language};
use crate::{
    about, admin, alerts, api, catalog, deals, events, feeds, health, home, media, needs, news,
    programme, site_search,
};

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.route("/", get().to(home::root))
        .route("/healthz", get().to(health::healthz))
        .route("/metrics", get().to(crate::health::metrics))
        .route("/robots.txt", get().to(health::robots))
        .route("/sitemap.xml", get().to(feeds::sitemap))
        .route("/sitemap-{n}.xml", get().to(feeds::sitemap_part))
        .route("/media/{key}", get().to(media::serve))
        .route("/static/{path:.*}", get().to(crate::web::assets::serve));

    cfg.route(
        "/admin",
        get().to(|| async { crate::web::see_other("/admin/") }),
    )
    .service(
        web::scope("/admin")
            // Inside the session guard, so that an error page knows the editor.
            .wrap(admin::errors::middleware())
            .wrap(from_fn(admin::session::guard))
            .app_data(web::PayloadConfig::default().limit(content::edit_limit()))
            .route("/", get().to(admin::dashboard::dashboard))
            .route("/login", get().to(admin::login::form))
            .route("/login", post().to(admin::login::submit))
            .route("/logout", post().to(admin::login::logout))
            .route("/account", get().to(admin::accounts::account))
            .route("/account", post().to(admin::accounts::update_account))
            .route("/editors", get().to(admin::accounts::list))
            .route("/editors", post().to(admin::accounts::create))
            .route("/editors/{id}", post().to(admin::accounts::manage))
            .route("/audit", get().to(admin::audit_log::list))
            .route("/settings", get().to(admin::settings::page))
            .route("/settings", post().to(admin::settings::save))
            .route(
                "/settings/demo-notice",
                post().to(admin::settings::demo_notice),
            )
            .route("/vocabulary", get().to(admin::vocabulary::page))
            .route("/vocabulary", post().to(admin::vocabulary::save))
            .route("/translations", get().to(admin::translations::page))
            .route("/import", get().to(admin::import::form))
            .route("/import", post().to(admin::import::upload))
            .route("/import/run", post().to(admin::import::run_upload))
            .route(
                "/import/template.xlsx",
                get().to(admin::import::template_xlsx),
            )
            .route(
                "/import/template.csv",
                get().to(admin::import::template_csv),
            )
            .route("/media", get().to(admin::media::list))
            .route("/media", post().to(admin::media::upload))
            .route("/media/{id}", post().to(admin::media::update_alts))
            .route("/applications", get().to(admin::applications::queue))
            .route(
                "/applications/export.{format}",
                get().to(admin::applications::export),
            )
            .route("/applications/{id}", get().to(admin::applications::detail))
            .route(
                "/applications/{id}/status",
                post().to(admin::applications::set_status),
            )
            .route(
                "/applications/{id}/review",
                post().to(admin::applications::review),
            )
            .route(
                "/applications/{id}/erase",
                post().to(admin::applications::erase),
            )
            .route(
                "/applications/{id}/documents/{doc}",
                get().to(admin::applications::document),
            )
            .route(
                "/applications/decide",
                post().to(admin::review::decide::decide),
            )
            .route(
                "/applications/{id}/declare",
                post().to(admin::applications::declare),
            )
            .route("/calls/{id}/review", get().to(admin::review::call::page))
            .route(
                "/calls/{id}/review/settings",
                post().to(admin::review::call::save_settings),
            )
            .route(
                "/calls/{id}/review/rubric",
                post().to(admin::review::call::save_rubric),
            )
            .route(
                "/calls/{id}/review/fields",
                post().to(admin::review::call::save_fields),
            )
            .route(
                "/calls/{id}/review/assign",
                post().to(admin::review::call::assign),
            )
            .route(
                "/calls/{id}/review/auto",
                post().to(admin::review::call::auto),
            )
            .route(
                "/calls/{id}/review/letters",
                post().to(admin::review::call::save_letters),
            )
            .route(
                "/calls/{id}/ranking/export.{format}",
                get().to(admin::review::call::export),
            )
            .route("/calls/{id}/report", get().to(admin::review::report::page))
            .route(
                "/calls/{id}/report.csv",
                get().to(admin::review::report::csv),
            )
            .route("/outbox", get().to(admin::applications::outbox))
            .route("/inquiries", get().to(admin::inquiries::list))
            .route(
                "/inquiries/export.{format}",
                get().to(admin::inquiries::export),
            )
            .route("/inquiries/{id}", get().to(admin::inquiries::detail))
            .route("/inquiries/{id}", post().to(admin::inquiries::update))
            .configure(deal_routes)
            .configure(content_routes::<Technologies>)
            .configure(content_routes::<Needs>)
            .configure(content_routes::<Events>)
            .configure(content_routes::<News>)
            .configure(content_routes::<Fellows>)
            .configure(content_routes::<Calls>)
            .configure(content_routes::<Posts>)
            .configure(content_routes::<Members>)
            .configure(content_routes::<Pages>),
    );

    // The JSON API: before `/{lang}`, which would take "api" for a language.
    cfg.service(
        web::scope(api::BASE)
            .wrap(from_fn(api::guard))
            .configure(api::routes)
            .route(
                "/{tail:.*}",
                web::route().method(Method::OPTIONS).to(api::preflight),
            )
            .default_service(web::to(api::not_found)),
    );

    // Short aliases (/zh/...) redirect to the full tag (/zh-CN/...).
    for (alias, _) in Locale::aliases() {
        cfg.route(&format!("/{alias}"), get().to(home::alias))
            .route(&format!("/{alias}/{{tail:.*}}"), get().to(home::alias));
    }

    cfg.service(
        web::scope("/{lang}")
            .wrap(from_fn(crate::web::page_cache::middleware))
            .wrap(from_fn(remember_language))
            .wrap(from_fn(drop_empty_params))
            .route("", get().to(home::slash))
            .route("/", get().to(home::home))
            .route("/about", get().to(about::about))
            .route("/privacy", get().to(about::privacy))
            .route("/api", get().to(api::page::page))
            .route("/search", get().to(site_search::search_page))
            // catalogue
            .route("/technologies", get().to(catalog::list))
            .route("/technologies/{slug}", get().to(catalog::detail))
            .route("/technologies/{slug}/inquiry", post().to(catalog::inquire))
            .route(
                "/technologies/{slug}/inquiry/sent",
                get().to(catalog::inquiry_sent),
            )
            // answers to deals, from the signed link in an e-mail
            .route("/reply/done", get().to(deals::reply::done))
            .route("/reply/{token}", get().to(deals::reply::form))
            .route("/reply/{token}", post().to(deals::reply::submit))
            // alerts by e-mail
            .route("/alerts", get().to(alerts::pages::form))
            .route("/alerts", post().to(alerts::pages::subscribe))
            .route("/alerts/sent", get().to(alerts::pages::sent))
            .route(
                "/alerts/confirm/{token}",
                get().to(alerts::pages::confirm_form),
            )
            .route("/alerts/confirm/{token}", post().to(alerts::pages::confirm))
            .route(
                "/alerts/unsubscribe/{token}",
                get().to(alerts::pages::unsubscribe_form),
            )
            .route(
                "/alerts/unsubscribe/{token}",
                post().to(alerts::pages::unsubscribe),
            )
            .route("/matches/stop/{token}", get().to(needs::matches::stop_form))
            .route("/matches/stop/{token}", post().to(needs::matches::stop))
            // needs
            .route("/needs", get().to(needs::list))
            .route("/needs/new", get().to(needs::new_form))
            .route("/needs/new", post().to(needs::submit))
            .route("/needs/submitted", get().to(needs::submitted))
            .route("/needs/{slug}", get().to(needs::detail))
            .route("/needs/{slug}/interest", get().to(needs::interest::form))
            .route("/needs/{slug}/interest", post().to(needs::interest::submit))
            .route(
                "/needs/{slug}/interest/sent",
                get().to(needs::interest::sent),
            )
            // events and news
            .route("/events", get().to(events::list))
            .route("/events/calendar.ics", get().to(feeds::events_calendar))
            .route("/events/{slug}.ics", get().to(feeds::event_ics))
            .route("/events/{slug}", get().to(events::detail))
            .route("/news", get().to(news::list))
            .route("/news/feed.xml", get().to(feeds::news_feed))
            .route("/news/{slug}", get().to(news::detail))
            // programme
            .route("/programme", get().to(programme::index))
            .route("/programme/fellows", get().to(programme::fellows))
            .route("/programme/fellows/{slug}", get().to(programme::fellow))
            .route("/programme/apply", get().to(programme::apply::form))
            .route("/programme/apply", post().to(programme::apply::submit))
            .route(
                "/programme/apply/done/{reference}",
                get().to(programme::apply::done),
            )
            .route("/programme/status", get().to(programme::status::form))
            .route("/programme/status", post().to(programme::status::lookup))
            .route(
                "/programme/status/remind",
                post().to(programme::status::remind),
            )
            .route("/programme/referee", get().to(programme::referees::form))
            .route("/programme/referee", post().to(programme::referees::upload))
            .route(
                "/programme/status/amend",
                get().to(programme::status::amend_form),
            )
            .route(
                "/programme/status/amend",
                post().to(programme::status::amend),
            ),
    );
}

/// The back office of deals: the board, each deal's page and its moves.
fn deal_routes(cfg: &mut ServiceConfig) {
    cfg.route("/deals", get().to(admin::deals::board))
        .route("/deals/export.{format}", get().to(admin::deals::export))
        .route("/deals/auto-forward", post().to(admin::deals::auto_forward))
        .route("/deals/{id}", get().to(admin::deals::detail))
        .route("/deals/{id}/{action}", post().to(admin::deals::act))
        .route("/interests", get().to(admin::interests::list))
        .route("/interests/{id}", post().to(admin::interests::decide))
        .route("/report", get().to(admin::report::page))
        .route("/report.csv", get().to(admin::report::csv))
        .route("/report/baseline", post().to(admin::report::save_baseline));
}

/// The screens of one kind of content: list, new, edit, delete, status.
fn content_routes<K: Kind>(cfg: &mut ServiceConfig) {
    let base = format!("/{}", K::NAME);
    cfg.route(&base, get().to(content::list::<K>))
        .route(
            &format!("{base}/export.{{format}}"),
            get().to(content::export::<K>),
        )
        .route(&format!("{base}/new"), get().to(content::new::<K>))
        .route(&format!("{base}/new"), post().to(content::create::<K>))
        .route(&format!("{base}/{{id}}"), get().to(content::edit::<K>))
        .route(&format!("{base}/{{id}}"), post().to(content::update::<K>))
        .route(
            &format!("{base}/{{id}}/delete"),
            post().to(content::delete::<K>),
        )
        .route(
            &format!("{base}/{{id}}/status"),
            post().to(content::set_status::<K>),
        )
        .route(
            &format!("{base}/{{id}}/preview/{{lang}}"),
            get().to(content::preview::<K>),
        )
        .route(
            &format!("{base}/{{id}}/revisions/{{lang}}"),
            get().to(admin::revisions::history::<K>),
        )
        .route(
            &format!("{base}/{{id}}/revisions/{{lang}}/{{revision}}/restore"),
            post().to(admin::revisions::restore::<K>),
        );
}
