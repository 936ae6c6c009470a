//! Back-office sessions, kept in the database so that every instance behind
//! a load balancer shares them and a logout ends them everywhere. The cookie
//! holds a random token; the table holds only its SHA-256.

use crate::tokens::{constant_time_eq, random_token};
use actix_web::body::{EitherBody, MessageBody};
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, FromRequest, HttpMessage, HttpRequest, HttpResponse, web};
use chrono::Duration;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};
use sha2::{Digest, Sha256};

use crate::accounts::Role;
use crate::db::now;
use crate::entities::{editor, session};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::web::AppState;

pub const COOKIE: &str = "tb_session";
/// A session unused this long ends.
pub const IDLE: Duration = Duration::minutes(30);
/// A session ends this long after login, used or not.
pub const ABSOLUTE: Duration = Duration::hours(12);
/// `last_seen_at` is written at most this often, to spare the database.
const TOUCH_EVERY: Duration = Duration::seconds(60);

/// The signed-in editor of a back-office request.
#[derive(Clone, Debug)]
pub struct Editor {
    pub id: i32,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub locale: Locale,
    pub csrf: String,
    session_id: String,
    /// A translator's languages (empty for other roles).
    pub languages: Vec<Locale>,
}

/// A form that carries nothing but the session's CSRF token (sign out,
/// erase): the action is in the URL.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct CsrfForm {
    pub csrf: String,
}

impl Editor {
    /// Administrators may do everything; others what their role allows.
    pub fn can(&self, roles: &[Role]) -> bool {
        self.role == Role::Admin || roles.contains(&self.role)
    }

    /// Whether this account may change texts in `lang`: a translator only
    /// in the languages given to them, everyone else in all.
    pub fn may_translate(&self, lang: Locale) -> bool {
        self.role != Role::Translator || self.languages.contains(&lang)
    }

    pub fn require(&self, roles: &[Role]) -> Result<(), AppError> {
        if self.can(roles) {
            Ok(())
        } else {
            Err(AppError::Forbidden("error-forbidden-text"))
        }
    }

    /// The form's token must be this session's (compared in constant time).
    pub fn check_csrf(&self, token: &str) -> Result<(), AppError> {
        if constant_time_eq(token.as_bytes(), self.csrf.as_bytes()) {
            Ok(())
        } else {
            Err(AppError::Forbidden("error-csrf-text"))
        }
    }

    pub fn actor<'a>(&'a self, ip: Option<&'a str>) -> crate::audit::Actor<'a> {
        crate::audit::Actor {
            id: Some(self.id),
            email: &self.email,
            ip,
        }
    }
}

fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Starts a session: a new random id every time, so a session id planted
/// before login is never the one used after it.
pub async fn create(
    db: &impl ConnectionTrait,
    editor_id: i32,
    ip: Option<String>,
) -> Result<String, DbErr> {
    let token = random_token();
    let t = now();
    session::ActiveModel {
        id: Set(hash(&token)),
        editor_id: Set(editor_id),
        csrf_token: Set(random_token()),
        created_at: Set(t),
        last_seen_at: Set(t),
        ip: Set(ip),
    }
    .insert(db)
    .await?;
    Ok(token)
}

pub async fn destroy(db: &impl ConnectionTrait, token: &str) -> Result<(), DbErr> {
    session::Entity::delete_by_id(hash(token)).exec(db).await?;
    Ok(())
}

/// Ends every session of an editor (disabled account, password reset).
pub async fn destroy_all(db: &impl ConnectionTrait, editor_id: i32) -> Result<(), DbErr> {
    session::Entity::delete_many()
        .filter(session::Column::EditorId.eq(editor_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every session of an editor but the one given (own password change).
pub async fn destroy_others(
    db: &impl ConnectionTrait,
    editor_id: i32,
    keep: &str,
) -> Result<(), DbErr> {
    session::Entity::delete_many()
        .filter(session::Column::EditorId.eq(editor_id))
        .filter(session::Column::Id.ne(keep))
        .exec(db)
        .await?;
    Ok(())
}

/// The editor of a live session, or `None` (expired sessions are deleted).
pub async fn lookup(db: &impl ConnectionTrait, token: &str) -> Result<Option<Editor>, DbErr> {
    if token.len() > 100 {
        return Ok(None);
    }
    let id = hash(token);
    let Some(s) = session::Entity::find_by_id(id.clone()).one(db).await? else {
        return Ok(None);
    };
    let t = now();
    if t - s.last_seen_at > IDLE || t - s.created_at > ABSOLUTE {
        session::Entity::delete_by_id(id).exec(db).await?;
        return Ok(None);
    }
    let Some(e) = editor::Entity::find_by_id(s.editor_id)
        .filter(editor::Column::Active.eq(true))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(role) = Role::parse(&e.role) else {
        return Ok(None);
    };
    let languages = if role == Role::Translator {
        crate::accounts::languages_of(db, e.id).await?
    } else {
        Vec::new()
    };
    if t - s.last_seen_at > TOUCH_EVERY {
        session::Entity::update_many()
            .col_expr(
                session::Column::LastSeenAt,
                sea_orm::sea_query::Expr::value(t),
            )
            .filter(session::Column::Id.eq(id.clone()))
            .exec(db)
            .await?;
    }
    Ok(Some(Editor {
        id: e.id,
        email: e.email,
        name: e.display_name,
        role,
        locale: Locale::from_tag(&e.ui_lang).unwrap_or_default(),
        csrf: s.csrf_token,
        session_id: id,
        languages,
    }))
}

pub fn cookie(token: &str, secure: bool) -> Cookie<'static> {
    Cookie::build(COOKIE, token.to_owned())
        .path("/admin")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .finish()
}

pub fn removal_cookie(secure: bool) -> Cookie<'static> {
    let mut c = cookie("", secure);
    c.make_removal();
    c
}

/// Paths of the back office reachable without a session.
fn is_public(path: &str) -> bool {
    path == "/admin/login"
}

/// Around the whole back office: nothing is cached, and every request
/// except the login form needs a live session (deny by default). The editor
/// is put in the request for the `Editor` extractor.
pub async fn guard(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, Error> {
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let token = req.cookie(COOKIE).map(|c| c.value().to_owned());
    let editor = match (&state, token) {
        (Some(s), Some(t)) => lookup(&s.db, &t).await.map_err(AppError::from)?,
        _ => None,
    };
    if editor.is_none() && !is_public(req.path()) {
        let res = if req.method() == Method::GET || req.method() == Method::HEAD {
            let next_path = form_urlencoded::Serializer::new(String::new())
                .append_pair(
                    "next",
                    &format!("{}{}", req.path(), query_suffix(req.query_string())),
                )
                .finish();
            HttpResponse::SeeOther()
                .insert_header((header::LOCATION, format!("/admin/login?{next_path}")))
                .insert_header((header::CACHE_CONTROL, "no-store"))
                .finish()
        } else {
            actix_web::ResponseError::error_response(&AppError::Forbidden("error-session-expired"))
        };
        return Ok(req.into_response(res).map_into_right_body());
    }
    if let Some(e) = editor {
        req.extensions_mut().insert(e);
    }
    let mut res = next.call(req).await?;
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res.map_into_left_body())
}

fn query_suffix(q: &str) -> String {
    if q.is_empty() {
        String::new()
    } else {
        format!("?{q}")
    }
}

impl FromRequest for Editor {
    type Error = AppError;
    type Future = std::future::Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(
            req.extensions()
                .get::<Editor>()
                .cloned()
                .ok_or(AppError::Forbidden("error-session-expired")),
        )
    }
}

impl Editor {
    pub fn session_id(&self) -> &str {
        &self.session_id
    }
}
