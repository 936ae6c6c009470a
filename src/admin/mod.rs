//! The back office under `/admin/`: editors publish and manage everything
//! in three languages. Every route needs a session (`session::guard`) and
//! checks its role; every form carries the session's CSRF token.

pub mod accounts;
pub mod applications;
pub mod audit_log;
pub mod content;
pub mod dashboard;
pub mod deals;
pub mod errors;
pub mod export;
pub mod form;
pub mod import;
pub mod inquiries;
pub mod interests;
pub mod kinds;
pub mod login;
pub mod media;
pub mod page;
pub mod report;
pub mod review;
pub mod revisions;
pub mod session;
pub mod settings;
pub mod translation_store;
pub mod translations;
pub mod version;
pub mod vocabulary;

pub use session::Editor;
