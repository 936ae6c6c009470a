//! Signing in and out: failed logins limited per account and per address,
//! session ids renewed at login, idle and absolute timeouts.

use actix_web::test::TestRequest;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::support::*;

#[actix_web::test]
async fn login_failures_look_alike_and_are_limited() {
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    let attempt = |email: &'static str, password: &'static str| {
        let app = &app;
        async move {
            let mut b = Browser::default();
            let f = b.get(app, "/admin/login").await;
            let token = f.attr("input[name=token]", "value").unwrap();
            b.post(
                app,
                "/admin/login",
                &[("email", email), ("password", password), ("token", &token)],
            )
            .await
        }
    };
    let unknown = attempt("nobody@centre.example.org", "whatever-password-1").await;
    let wrong = attempt(EDITOR.0, "wrong-password-123").await;
    assert_eq!(unknown.status, 422);
    assert_eq!(wrong.status, 422);
    assert_eq!(unknown.text(".error-summary"), wrong.text(".error-summary"));
    for _ in 0..8 {
        assert_eq!(attempt(EDITOR.0, "wrong-password-123").await.status, 422);
    }
    // Ten failures from this address: the eleventh attempt is refused, even
    // with the right password.
    let r = attempt(EDITOR.0, EDITOR.1).await;
    assert_eq!(r.status, 429);
    assert!(r.header("retry-after").is_some());
}

/// One login attempt through the form, posted from the client address
/// `peer` (the form itself is fetched from the usual test address), with
/// extra headers.
async fn login_from<S, B>(
    app: &S,
    (email, password): (&str, &str),
    peer: &str,
    headers: &[(&str, &str)],
) -> Resp
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let mut b = Browser::default();
    let f = b.get(app, "/admin/login").await;
    let token = f.attr("input[name=token]", "value").unwrap();
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs([
            ("email", email),
            ("password", password),
            ("token", &token),
            ("next", "/admin/"),
        ])
        .finish();
    let mut req = TestRequest::post()
        .uri("/admin/login")
        .insert_header(("content-type", "application/x-www-form-urlencoded"))
        .insert_header(("sec-fetch-site", "same-origin"))
        .insert_header(("cookie", b.header()));
    for (k, v) in headers {
        req = req.insert_header((k.to_string(), v.to_string()));
    }
    send_from(app, req.set_payload(body), &format!("{peer}:41000")).await
}

async fn sessions_of(t: &TestApp, email: &str) -> u64 {
    use techbridge::entities::{editor, session};
    let id = editor::Entity::find()
        .filter(editor::Column::Email.eq(email))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .id;
    session::Entity::find()
        .filter(session::Column::EditorId.eq(id))
        .count(t.conn())
        .await
        .unwrap()
}

#[actix_web::test]
async fn ten_failures_for_one_account_lock_it_whatever_the_address() {
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    // One failure from each of ten addresses: no address reaches its own
    // limit, so only a count per account can stop the eleventh try.
    for n in 1..=10 {
        let r = login_from(
            &app,
            (EDITOR.0, "wrong-password-123"),
            &format!("198.51.100.{n}"),
            &[],
        )
        .await;
        assert_eq!(r.status, 422, "failure {n}");
    }
    // The right password, from an address never seen: refused.
    let r = login_from(&app, EDITOR, "198.51.100.200", &[]).await;
    assert_eq!(r.status, 429, "the account is locked");
    assert!(
        r.header("retry-after")
            .and_then(|s| s.parse::<u64>().ok())
            .is_some_and(|s| s > 0)
    );
    assert!(
        r.header("set-cookie")
            .is_none_or(|c| !c.starts_with("tb_session="))
    );
    // The same account written differently is the same account.
    let shouted = EDITOR.0.to_uppercase();
    let r = login_from(&app, (&shouted, EDITOR.1), "198.51.100.201", &[]).await;
    assert_eq!(r.status, 429);
    assert_eq!(sessions_of(&t, EDITOR.0).await, 0);
    // Not a lock of everything: another account signs in from a fresh
    // address and from one of the addresses that failed.
    assert_eq!(
        login_from(&app, ADMIN, "198.51.100.202", &[]).await.status,
        303
    );
    assert_eq!(
        login_from(&app, REVIEWER, "198.51.100.1", &[]).await.status,
        303
    );
    // The window passes: the account opens again.
    let old = techbridge::db::now() - chrono::Duration::minutes(4);
    use sea_orm::sea_query::Expr;
    techbridge::entities::rate_event::Entity::update_many()
        .col_expr(
            techbridge::entities::rate_event::Column::At,
            Expr::value(old),
        )
        .exec(t.conn())
        .await
        .unwrap();
    assert_eq!(
        login_from(&app, EDITOR, "198.51.100.203", &[]).await.status,
        303
    );
}

#[actix_web::test]
async fn ten_failures_from_one_address_lock_it_whatever_the_account() {
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    let ip = "192.0.2.50";
    // Ten accounts, one failure each (three real, seven unknown): no account
    // reaches its own limit, so only a count per address can stop this.
    let mut emails: Vec<String> = vec![ADMIN.0.into(), EDITOR.0.into(), REVIEWER.0.into()];
    emails.extend((1..=7).map(|n| format!("guess{n}@centre.example.org")));
    for (n, email) in emails.iter().enumerate() {
        // A forwarded-for header does not make the address another one: the
        // app does not trust a proxy here.
        let xff = format!("10.0.0.{n}");
        let r = login_from(
            &app,
            (email, "wrong-password-123"),
            ip,
            &[("x-forwarded-for", &xff)],
        )
        .await;
        assert_eq!(r.status, 422, "failure {n} ({email})");
    }
    let r = login_from(&app, ADMIN, ip, &[]).await;
    assert_eq!(r.status, 429, "the address is locked");
    assert!(r.header("retry-after").is_some());
    let r = login_from(&app, ADMIN, ip, &[("x-forwarded-for", "10.99.0.1")]).await;
    assert_eq!(r.status, 429, "still locked behind a made-up forwarded-for");
    assert_eq!(sessions_of(&t, ADMIN.0).await, 0);
    // Every account still signs in from elsewhere: only the address is locked.
    for who in [ADMIN, EDITOR, REVIEWER] {
        assert_eq!(
            login_from(&app, who, "192.0.2.51", &[]).await.status,
            303,
            "{} from another address",
            who.0
        );
    }
}

#[actix_web::test]
async fn login_form_needs_its_own_token() {
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    let r = post_form(
        &app,
        "/admin/login",
        &[
            ("email", ADMIN.0),
            ("password", ADMIN.1),
            ("token", "forged"),
        ],
    )
    .await;
    assert_eq!(r.status, 403);
}

#[actix_web::test]
async fn session_id_changes_at_login_and_logout_ends_it() {
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    // A session id planted before login is not the one used after it.
    let mut b = Browser {
        cookies: vec![("tb_session".into(), "planted-by-attacker".into())],
        csrf: String::new(),
    };
    let f = b.get(&app, "/admin/login").await;
    let token = f.attr("input[name=token]", "value").unwrap();
    let r = b
        .post(
            &app,
            "/admin/login",
            &[("email", ADMIN.0), ("password", ADMIN.1), ("token", &token)],
        )
        .await;
    assert_eq!(r.status, 303);
    let cookie = r.header("set-cookie").unwrap_or("").to_owned();
    let all: Vec<String> = r
        .headers
        .get_all("set-cookie")
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect();
    let session_cookie = all.iter().find(|c| c.starts_with("tb_session=")).unwrap();
    assert!(session_cookie.contains("HttpOnly"), "{cookie}");
    assert!(session_cookie.contains("SameSite=Lax"));
    assert!(session_cookie.contains("Path=/admin"));
    let session = b.session().unwrap();
    assert_ne!(session, "planted-by-attacker");
    assert_eq!(b.get(&app, "/admin/").await.status, 200);
    let old = b.clone();
    let r = b.post_csrf(&app, "/admin/logout", &[]).await;
    assert_eq!(r.status, 303);
    assert!(b.session().is_none());
    // Replaying the old cookie fails.
    let mut replay = old;
    let r = replay.get(&app, "/admin/").await;
    assert_eq!(r.status, 303);
    assert!(r.location().unwrap().starts_with("/admin/login"));
}

#[actix_web::test]
async fn idle_and_absolute_timeouts_end_sessions() {
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, ADMIN).await;
    let old = techbridge::db::now() - chrono::Duration::minutes(31);
    use sea_orm::sea_query::Expr;
    techbridge::entities::session::Entity::update_many()
        .col_expr(
            techbridge::entities::session::Column::LastSeenAt,
            Expr::value(old),
        )
        .exec(t.conn())
        .await
        .unwrap();
    assert_eq!(b.get(&app, "/admin/").await.status, 303);
    let mut b = login(&app, ADMIN).await;
    let old = techbridge::db::now() - chrono::Duration::hours(13);
    techbridge::entities::session::Entity::update_many()
        .col_expr(
            techbridge::entities::session::Column::CreatedAt,
            Expr::value(old),
        )
        .exec(t.conn())
        .await
        .unwrap();
    assert_eq!(b.get(&app, "/admin/").await.status, 303);
}
