//! Signing in and out of the back office.
//!
//! The same answer, after the same amount of work (one argon2id check), for
//! an unknown email and a wrong password. An attempt first waits its turn
//! at the password checks (a few at a time, `accounts::PasswordChecks`; 503
//! with Retry-After after a short wait), then is counted per account and
//! per address in the database before the password is checked (refused
//! with 429 past the limit); a right password forgets it again.

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use serde::Deserialize;

use crate::accounts::{self, Role};
use crate::db::now;
use crate::entities::editor;
use crate::error::AppError;
use crate::i18n::{self, Locale};
use crate::ratelimit::{LOGIN_ACCOUNT, LOGIN_IP, take_all};
use crate::web::AppState;
use crate::web::client::{client_ip, client_key};
use crate::web::{Html, see_other};

use super::page::AdminPage;
use super::session::{self, Editor};
use crate::tokens::{constant_time_eq, random_token};

/// Double-submit cookie guarding the login form itself.
const LOGIN_CSRF: &str = "tb_login";

#[derive(Template)]
#[template(path = "admin/login.html")]
pub struct LoginPage {
    pub page: AdminPage,
    pub email: String,
    pub next: String,
    pub token: String,
    pub error: Option<&'static str>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginQuery {
    next: String,
    flash: String,
}

fn visitor_locale(req: &HttpRequest) -> Locale {
    let cookie = req.cookie(i18n::LANG_COOKIE);
    let accept = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    i18n::negotiate(cookie.as_ref().map(|c| c.value()), accept)
}

/// Only back-office paths may be returned to after login, written as a
/// clean relative path: printable ASCII only (a browser sends anything else
/// percent-encoded; a CR or LF would otherwise end up in the `Location`
/// header), no `//` anywhere, no backslash, no scheme.
fn safe_next(next: &str) -> String {
    let clean = next.starts_with("/admin/")
        && next.bytes().all(|b| b.is_ascii_graphic())
        && !next.contains("//")
        && !next.contains('\\')
        && !next.contains("://");
    if clean {
        next.to_owned()
    } else {
        "/admin/".to_owned()
    }
}

fn login_cookie(token: &str, secure: bool) -> Cookie<'static> {
    Cookie::build(LOGIN_CSRF, token.to_owned())
        .path("/admin/login")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure)
        .finish()
}

fn render(
    req: &HttpRequest,
    state: &AppState,
    email: String,
    next: String,
    error: Option<&'static str>,
    flash: Option<&str>,
) -> Result<HttpResponse, AppError> {
    let locale = visitor_locale(req);
    let token = random_token();
    let page = AdminPage::anonymous(
        locale,
        state.asset_version.clone(),
        i18n::message(locale, "admin-login-title", None),
        flash,
    );
    let html = Html::render(&LoginPage {
        page,
        email,
        next,
        token: token.clone(),
        error,
    })?;
    let html = if error.is_some() {
        html.unprocessable()
    } else {
        html
    };
    let mut res = html.into_response(req);
    res.add_cookie(&login_cookie(&token, state.config.secure_cookies))?;
    Ok(res)
}

/// GET /admin/login
pub async fn form(
    req: HttpRequest,
    state: web::Data<AppState>,
    q: web::Query<LoginQuery>,
) -> Result<HttpResponse, AppError> {
    if let Some(token) = req.cookie(session::COOKIE)
        && session::lookup(&state.db, token.value()).await?.is_some()
    {
        return Ok(see_other(&safe_next(&q.next)));
    }
    let flash = (!q.flash.is_empty()).then_some(q.flash.as_str());
    render(&req, &state, String::new(), safe_next(&q.next), None, flash)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginForm {
    email: String,
    password: String,
    next: String,
    token: String,
}

/// POST /admin/login
pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: crate::web::forms::Form<LoginForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let cookie_token = req
        .cookie(LOGIN_CSRF)
        .map(|c| c.value().to_owned())
        .unwrap_or_default();
    if form.token.is_empty() || !constant_time_eq(form.token.as_bytes(), cookie_token.as_bytes()) {
        return Err(AppError::Forbidden("error-csrf-text"));
    }
    let email = accounts::normalize_email(&form.email);
    let ip_key = client_key(&req, &state);
    let account_key = crate::web::client::keyed_hash(&state.config.secret_key, &email);
    let db = &state.db;
    // A turn at the password checks first: a burst of sign-ins waits here
    // (or is told to come back) without touching the database.
    let slot = state.password_checks.slot().await?;
    // The attempt counts before the password is checked, per address and
    // per account, in one step: N guesses sent at once cost N.
    let hits = take_all(db, &[(LOGIN_IP, &ip_key), (LOGIN_ACCOUNT, &account_key)]).await?;
    let found = editor::Entity::find()
        .filter(editor::Column::Email.eq(&email))
        .filter(editor::Column::Active.eq(true))
        .one(db)
        .await?;
    // Verify against a real hash either way, so both failures cost the same.
    let hash = found.as_ref().map(|e| e.password_hash.clone());
    let ok = slot.verify(hash, form.password).await?;
    let Some(e) = found.filter(|_| ok) else {
        return render(
            &req,
            &state,
            form.email,
            safe_next(&form.next),
            Some("admin-login-failed"),
            None,
        );
    };
    // Only failures count: this attempt, and the account's earlier ones,
    // are forgotten.
    if let Some(ip_hit) = hits.first() {
        LOGIN_IP.forget(db, *ip_hit).await?;
    }
    LOGIN_ACCOUNT.clear(db, &account_key).await?;
    let ip = client_ip(&req, &state);
    // Any session the browser had is ended: the new one gets a fresh id.
    if let Some(old) = req.cookie(session::COOKIE) {
        session::destroy(db, old.value()).await?;
    }
    let token = session::create(db, e.id, Some(ip.clone())).await?;
    let actor = crate::audit::Actor {
        id: Some(e.id),
        email: &e.email,
        ip: Some(&ip),
    };
    crate::audit::record(db, &actor, "login", "editor", Some(e.id), "").await?;
    let mut active = e.into_active_model();
    active.last_login_at = Set(Some(now()));
    active.update(db).await?;
    let mut res = see_other(&safe_next(&form.next));
    res.add_cookie(&session::cookie(&token, state.config.secure_cookies))?;
    let mut gone = login_cookie("", state.config.secure_cookies);
    gone.make_removal();
    res.add_cookie(&gone)?;
    Ok(res)
}

/// POST /admin/logout
pub async fn logout(
    req: HttpRequest,
    state: web::Data<AppState>,
    editor: Editor,
    form: crate::web::forms::Form<super::session::CsrfForm>,
) -> Result<HttpResponse, AppError> {
    editor.check_csrf(&form.csrf)?;
    if let Some(c) = req.cookie(session::COOKIE) {
        session::destroy(&state.db, c.value()).await?;
    }
    let ip = client_ip(&req, &state);
    crate::audit::record(
        &state.db,
        &editor.actor(Some(&ip)),
        "logout",
        "editor",
        Some(editor.id),
        "",
    )
    .await?;
    let mut res = see_other("/admin/login?flash=logged-out");
    res.add_cookie(&session::removal_cookie(state.config.secure_cookies))?;
    Ok(res)
}

/// Roles shown to administrators when they manage accounts.
pub fn roles() -> &'static [Role] {
    &Role::ALL
}
