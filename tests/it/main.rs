//! The integration tests: one binary, through the real HTTP stack, each test
//! on a fresh database built by the real migrations.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot set up should fail loudly"
)]

mod support;

mod admin;
mod alerts;
mod api;
mod backup;
mod budgets;
mod catalog;
mod compression;
mod concurrency;
mod deals;
mod demo_truth;
mod documents;
mod feeds;
mod figures;
mod glossary;
mod hardening;
mod i18n;
mod interests;
mod metrics;
mod pages;
mod programme;
mod programme_apply;
mod punctuation;
mod structured;
