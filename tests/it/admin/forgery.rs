//! Forged writes: a missing, wrong or foreign CSRF token, or a request
//! from another site, is refused and changes nothing, on every kind of
//! screen.

use actix_web::test::TestRequest;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use techbridge::entities::{news, news_translation};

use super::*;
use crate::support::*;

#[actix_web::test]
async fn csrf_missing_wrong_or_cross_origin_is_refused_and_changes_nothing() {
    let t = TestApp::empty().await.with_accounts().await;
    setting(t.conn(), "projects", "653").await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    let before = b
        .get(&app, "/admin/settings")
        .await
        .attr("#projects", "value");
    assert_eq!(before.as_deref(), Some("653"));
    let form = [
        ("network_members", "1"),
        ("projects", "1"),
        ("bilateral_mechanisms", "1"),
    ];
    assert_eq!(b.post(&app, "/admin/settings", &form).await.status, 403);
    let mut wrong = vec![("csrf", "not-the-token")];
    wrong.extend_from_slice(&form);
    assert_eq!(b.post(&app, "/admin/settings", &wrong).await.status, 403);
    let body = form_urlencoded::Serializer::new(String::new())
        .append_pair("csrf", &b.csrf)
        .extend_pairs(form)
        .finish();
    let r = send(
        &app,
        TestRequest::post()
            .uri("/admin/settings")
            .insert_header(("content-type", "application/x-www-form-urlencoded"))
            .insert_header(("origin", "https://evil.example.com"))
            .insert_header(("cookie", b.header()))
            .set_payload(body),
    )
    .await;
    assert_eq!(r.status, 403);
    assert!(!r.text("h1").is_empty(), "a clear 403 page");
    assert_eq!(
        b.get(&app, "/admin/settings")
            .await
            .attr("#projects", "value"),
        before
    );
    // With the token it works.
    let r = b.post_csrf(&app, "/admin/settings", &form).await;
    assert_eq!(r.status, 303);
}

/// One forged request: what it is, its form, its headers.
type Forgery<'a> = (&'a str, Vec<(&'a str, &'a str)>, Vec<(&'a str, &'a str)>);

/// Sends `form` to `path` as a forger could: without the token, with an
/// empty or made-up one, with another session's, and with the right token
/// but from another site (foreign `Origin`, `Origin: null`,
/// `Sec-Fetch-Site: cross-site` or `same-site`). Each is refused with a
/// 403 page and changes nothing. Then the genuine request goes through
/// (303), so the refusals were not for some other reason.
async fn forgeries_are_refused<S, B>(
    app: &S,
    t: &TestApp,
    b: &mut Browser,
    path: &str,
    form: &[(&str, &str)],
    foreign_token: &str,
) where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    assert_ne!(b.csrf, foreign_token);
    let before = fingerprint(t).await;
    let token = b.csrf.clone();
    let with = |tok: &'static str| {
        let mut f = vec![("csrf", tok)];
        f.extend_from_slice(form);
        f
    };
    let mut foreign = vec![("csrf", foreign_token)];
    foreign.extend_from_slice(form);
    let mut right = vec![("csrf", token.as_str())];
    right.extend_from_slice(form);
    let cases: Vec<Forgery<'_>> = vec![
        (
            "no token",
            form.to_vec(),
            vec![("sec-fetch-site", "same-origin")],
        ),
        (
            "empty token",
            with(""),
            vec![("sec-fetch-site", "same-origin")],
        ),
        (
            "wrong token",
            with("not-the-token"),
            vec![("sec-fetch-site", "same-origin")],
        ),
        (
            "another session's token",
            foreign,
            vec![("sec-fetch-site", "same-origin")],
        ),
        (
            "foreign Origin",
            right.clone(),
            vec![("origin", "https://evil.example.com")],
        ),
        (
            "look-alike Origin",
            right.clone(),
            vec![("origin", "http://localhost:8080.evil.example.com")],
        ),
        ("Origin null", right.clone(), vec![("origin", "null")]),
        (
            "Sec-Fetch-Site cross-site",
            right.clone(),
            vec![("sec-fetch-site", "cross-site")],
        ),
        (
            "Sec-Fetch-Site same-site",
            right.clone(),
            vec![("sec-fetch-site", "same-site")],
        ),
    ];
    for (what, form, headers) in cases {
        let r = b.post_with(app, path, &form, &headers).await;
        assert_eq!(r.status, 403, "{path}, {what}");
        assert!(!r.text("h1").is_empty(), "{path}, {what}: a clear 403 page");
        assert_eq!(fingerprint(t).await, before, "{path}, {what}: data changed");
    }
    // Our own origin, said out loud, is fine.
    let r = b
        .post_with(app, path, &right, &[("origin", "http://localhost:8080")])
        .await;
    assert_eq!(
        r.status,
        303,
        "{path}, genuine: {}",
        r.text(".error-summary")
    );
    assert_ne!(
        fingerprint(t).await,
        before,
        "{path}: the genuine request did nothing"
    );
}

#[actix_web::test]
async fn forged_writes_are_refused_on_every_kind_of_screen() {
    use techbridge::entities::{application, editor, inquiry};
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    let ids = seed(&app, &t).await;
    assign_reviewer(t.conn(), ids.application, REVIEWER.0).await;
    let mut ed = login(&app, EDITOR).await;
    let mut reviewer = login(&app, REVIEWER).await;
    let mut admin = login(&app, ADMIN).await;
    let admins_token = admin.csrf.clone();
    // A content save.
    ed.get(&app, "/admin/news/new").await;
    forgeries_are_refused(
        &app,
        &t,
        &mut ed,
        "/admin/news/new",
        &news_form("Forged announcement", "published", ""),
        &admins_token,
    )
    .await;
    assert_eq!(
        news_translation::Entity::find()
            .filter(news_translation::Column::Title.eq("Forged announcement"))
            .count(t.conn())
            .await
            .unwrap(),
        1,
        "created once, by the genuine request"
    );
    // A status change (unpublishing a published news item).
    let published = news::Entity::find()
        .filter(news::Column::Status.eq("published"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    forgeries_are_refused(
        &app,
        &t,
        &mut ed,
        &format!("/admin/news/{}/status", published.id),
        &[("status", "draft")],
        &admins_token,
    )
    .await;
    // An inquiry reply.
    forgeries_are_refused(
        &app,
        &t,
        &mut ed,
        &format!("/admin/inquiries/{}", ids.inquiry),
        &[("status", "closed"), ("reply", "Sent the price list.")],
        &admins_token,
    )
    .await;
    assert_eq!(
        inquiry::Entity::find_by_id(ids.inquiry)
            .one(t.conn())
            .await
            .unwrap()
            .unwrap()
            .status,
        "closed"
    );
    // An application status change, by a reviewer.
    forgeries_are_refused(
        &app,
        &t,
        &mut reviewer,
        &format!("/admin/applications/{}/status", ids.application),
        &[("status", "screening")],
        &admins_token,
    )
    .await;
    assert_eq!(
        application::Entity::find_by_id(ids.application)
            .one(t.conn())
            .await
            .unwrap()
            .unwrap()
            .status,
        "screening"
    );
    // An image upload (multipart: the token is a part of the body).
    ed.get(&app, "/admin/media").await;
    let before = fingerprint(&t).await;
    for token in ["", "not-the-token", admins_token.as_str()] {
        let forger = Browser {
            cookies: ed.cookies.clone(),
            csrf: token.to_owned(),
        };
        let r = upload(&app, &forger, "rice.png", &png(64, 48)).await;
        assert_eq!(r.status, 403, "upload with token {token:?}");
    }
    assert_eq!(
        fingerprint(&t).await,
        before,
        "a forged upload changed data"
    );
    assert_eq!(
        upload(&app, &ed, "rice.png", &png(64, 48)).await.status,
        303
    );
    // Account creation and management, by an administrator.
    let reviewers_token = reviewer.csrf.clone();
    forgeries_are_refused(
        &app,
        &t,
        &mut admin,
        "/admin/editors",
        &[
            ("email", "forged@centre.example.org"),
            ("name", "Forged Admin"),
            ("role", "admin"),
            ("password", "purple-giraffe-mountain-9"),
            ("ui_lang", "en"),
        ],
        &reviewers_token,
    )
    .await;
    let created = editor::Entity::find()
        .filter(editor::Column::Email.eq("forged@centre.example.org"))
        .one(t.conn())
        .await
        .unwrap()
        .expect("created once, by the genuine request");
    assert_eq!(created.role, "admin");
    forgeries_are_refused(
        &app,
        &t,
        &mut admin,
        &format!("/admin/editors/{}", created.id),
        &[("action", "disable")],
        &reviewers_token,
    )
    .await;
    assert!(
        !editor::Entity::find_by_id(created.id)
            .one(t.conn())
            .await
            .unwrap()
            .unwrap()
            .active
    );
}
