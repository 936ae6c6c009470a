//! TechBridge: the portal of the China–ASEAN Technology Transfer Center.
//!
//! The modules, from the ground up, are listed in the README's layout
//! section; `app()` (in `app.rs`) is the one place the web application is
//! assembled, and `AppState` (in `web/state.rs`) what every request shares.

pub mod about;
pub mod accounts;
pub mod admin;
pub mod alerts;
pub mod api;
pub mod app;
pub mod audit;
pub mod backup;
pub mod catalog;
pub mod changes;
pub mod cli;
pub mod config;
pub mod db;
pub mod deals;
pub mod demo;
pub mod entities;
pub mod error;
pub mod events;
pub mod feeds;
pub mod figures;
pub mod health;
pub mod home;
pub mod i18n;
pub mod markdown;
pub mod matching;
pub mod media;
pub mod metrics;
pub mod needs;
pub mod news;
pub mod outbox;
pub mod periodic;
pub mod programme;
pub mod ratelimit;
pub mod routes;
pub mod search;
pub mod settings;
pub mod site_search;
pub mod slugs;
pub mod taxonomy;
pub mod tokens;
pub mod translation;
pub mod web;

pub use app::{FORM_LIMIT, app};
pub use config::Config;
pub use web::AppState;
