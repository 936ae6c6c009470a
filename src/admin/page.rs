//! The chrome of back-office pages (`templates/admin/base.html`): the
//! editor's language, navigation by role, the CSRF token every form carries,
//! and a flash message after a redirect.

use std::sync::Arc;

use crate::accounts::Role;
use crate::i18n::Locale;
use crate::web::Translator;

use super::session::Editor;

/// `?flash=` on a page reached by a redirect: the message to show, if it is
/// one of `FLASHES`.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct FlashQuery {
    pub flash: String,
}

/// Messages that may be flashed through `?flash=` after a redirect.
const FLASHES: &[&str] = &[
    "saved",
    "conflict",
    "in-use",
    "deleted",
    "published",
    "unpublished",
    "approved",
    "rejected",
    "uploaded",
    "logged-out",
    "pw-changed",
    "created",
    "disabled",
    "enabled",
    "reviewed",
    "changed",
    "reply-saved",
    "erased",
    "deal-moved",
    "deal-taken",
];

pub struct NavItem {
    pub path: &'static str,
    pub label: &'static str,
    pub current: bool,
}

pub struct AdminPage {
    tr: Translator,
    pub title: String,
    pub section: &'static str,
    pub editor_name: String,
    pub editor_role: &'static str,
    pub csrf: String,
    pub flash: Option<&'static str>,
    pub nav: Vec<NavItem>,
    asset_version: Arc<str>,
}

impl std::ops::Deref for AdminPage {
    type Target = Translator;
    fn deref(&self) -> &Translator {
        &self.tr
    }
}

/// Back-office sections: path, label, who may see them.
const SECTIONS: &[(&str, &str, &[Role])] = &[
    (
        "/admin/",
        "admin-nav-dashboard",
        &[Role::Editor, Role::Reviewer],
    ),
    (
        "/admin/technologies",
        "admin-nav-technologies",
        &[Role::Editor],
    ),
    ("/admin/needs", "admin-nav-needs", &[Role::Editor]),
    ("/admin/import", "admin-nav-import", &[Role::Editor]),
    ("/admin/inquiries", "admin-nav-inquiries", &[Role::Editor]),
    ("/admin/deals", "admin-nav-deals", &[Role::Editor]),
    ("/admin/interests", "admin-nav-interests", &[Role::Editor]),
    ("/admin/report", "admin-nav-report", &[Role::Editor]),
    ("/admin/events", "admin-nav-events", &[Role::Editor]),
    ("/admin/news", "admin-nav-news", &[Role::Editor]),
    ("/admin/fellows", "admin-nav-fellows", &[Role::Editor]),
    (
        "/admin/calls",
        "admin-nav-calls",
        &[Role::Editor, Role::Reviewer],
    ),
    (
        "/admin/posts",
        "admin-nav-posts",
        &[Role::Editor, Role::Reviewer],
    ),
    (
        "/admin/applications",
        "admin-nav-applications",
        &[Role::Reviewer],
    ),
    ("/admin/members", "admin-nav-members", &[Role::Editor]),
    ("/admin/pages", "admin-nav-pages", &[Role::Editor]),
    ("/admin/media", "admin-nav-media", &[Role::Editor]),
    ("/admin/settings", "admin-settings-title", &[Role::Editor]),
    (
        "/admin/vocabulary",
        "admin-vocabulary-title",
        &[Role::Editor],
    ),
    (
        "/admin/translations",
        "admin-nav-translations",
        &[Role::Editor],
    ),
    ("/admin/editors", "admin-nav-editors", &[]),
    ("/admin/audit", "admin-nav-audit", &[]),
    ("/admin/outbox", "admin-nav-outbox", &[Role::Reviewer]),
];

/// The sections whose records a translator opens (their texts only).
const TRANSLATED: &[&str] = &[
    "/admin/technologies",
    "/admin/needs",
    "/admin/events",
    "/admin/news",
    "/admin/fellows",
    "/admin/calls",
    "/admin/posts",
    "/admin/members",
    "/admin/pages",
];

impl AdminPage {
    pub fn new(
        editor: &Editor,
        asset_version: Arc<str>,
        section: &'static str,
        title: String,
        flash: Option<&str>,
    ) -> Self {
        let nav = SECTIONS
            .iter()
            .filter(|(path, _, roles)| {
                editor.can(roles) || (editor.role == Role::Translator && TRANSLATED.contains(path))
            })
            .map(|(path, label, _)| NavItem {
                path,
                label,
                current: path.trim_end_matches('/')
                    == format!("/admin/{section}").trim_end_matches('/')
                    || (*path == "/admin/" && section.is_empty()),
            })
            .collect();
        Self {
            tr: Translator {
                locale: editor.locale,
            },
            title,
            section,
            editor_name: editor.name.clone(),
            editor_role: editor.role.as_str(),
            csrf: editor.csrf.clone(),
            flash: flash.and_then(|f| FLASHES.iter().find(|x| **x == f).copied()),
            nav,
            asset_version,
        }
    }

    /// The login page: no editor yet.
    pub fn anonymous(
        locale: Locale,
        asset_version: Arc<str>,
        title: String,
        flash: Option<&str>,
    ) -> Self {
        Self {
            tr: Translator { locale },
            title,
            section: "login",
            editor_name: String::new(),
            editor_role: "",
            csrf: String::new(),
            flash: flash.and_then(|f| FLASHES.iter().find(|x| **x == f).copied()),
            nav: Vec::new(),
            asset_version,
        }
    }

    pub fn lang(&self) -> &'static str {
        self.tr.locale.tag()
    }

    pub fn asset(&self, path: &str) -> String {
        format!("/static/{path}?v={}", self.asset_version)
    }

    pub fn flash_text(&self) -> Option<String> {
        self.flash.map(|f| self.t(&format!("admin-flash-{f}")))
    }

    pub fn signed_in(&self) -> bool {
        !self.editor_name.is_empty()
    }

    pub fn locales(&self) -> Vec<Locale> {
        Locale::all().collect()
    }
}
