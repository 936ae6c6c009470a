//! Needs get answers: a provider answers a published need with an
//! expression of interest; after moderation the poster gets it by e-mail in
//! their language, answers through the signed link, and the contact is a
//! deal like an inquiry. Posters who asked get at most one digest a day of
//! newly published technologies that match, and can stop it in one click.

use chrono::Duration;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use techbridge::db::now;
use techbridge::entities::{deal, interest, need, need_match, outbox_message, technology};

use crate::support::smtp::SmtpSink;
use crate::support::*;

pub const POSTER: &str = "sari.dewi@airbersih.example.id";
pub const PROVIDER: &str = "li.wei@membrane.example.cn";

/// Posts a need in Indonesian (asking for match digests) and has an editor
/// publish it; returns it.
pub async fn posted_need<S, B>(app: &S, t: &TestApp, editor: &mut Browser) -> need::Model
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let r = post_form(
        app,
        "/id/needs/new",
        &[
            ("title", "Pengolahan air bersih untuk desa pesisir"),
            (
                "description",
                "Kami mencari teknologi pengolahan air payau menjadi air minum untuk 5.000 warga desa pesisir di Nusa Tenggara Barat, dengan biaya operasi rendah.",
            ),
            ("field", "environment_water"),
            ("country", "ID"),
            ("organisation", "Koperasi Air Bersih Lombok"),
            ("contact_name", "Sari Dewi"),
            ("contact_email", POSTER),
            ("consent", "yes"),
            ("match_alerts", "yes"),
            ("website", ""),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let n = need::Entity::find()
        .filter(need::Column::ContactEmail.eq(POSTER))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert!(n.match_alerts);
    editor.get(app, &format!("/admin/needs/{}", n.id)).await;
    let r = editor
        .post_csrf(
            app,
            &format!("/admin/needs/{}/status", n.id),
            &[("status", "published")],
        )
        .await;
    assert_eq!(r.status, 303);
    need::Entity::find_by_id(n.id)
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
}

#[actix_web::test]
async fn a_provider_answers_a_need_and_after_moderation_the_poster_gets_it_in_their_language() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let sink = SmtpSink::start();
    let mut editor = login(&app, EDITOR).await;
    let n = posted_need(&app, &t, &mut editor).await;
    assert_eq!(n.status, "published");

    // The need's page offers the answer form, in Chinese for this provider.
    let page = get(&app, &format!("/zh-CN/needs/{}", n.slug)).await;
    let href = page
        .attr("a[href$='/interest']", "href")
        .expect("a link to answer the need");
    let form = get(&app, &href).await;
    assert_eq!(form.status, 200);
    let offered = form.attrs("select#technology option", "value");
    assert!(
        offered.len() > 1,
        "matching technologies are offered: {offered:?}"
    );
    let tech_slug = offered[1].clone();

    // Refused with everything kept, nothing stored.
    let bad = [
        ("organisation", "广西膜分离科技有限公司"),
        ("country", "CN"),
        ("contact_name", "李伟"),
        ("email", "not-an-address"),
        ("technology", "made-up-technology"),
        ("technology_text", ""),
        ("message", "太短"),
        ("website", ""),
    ];
    let r = post_form(&app, &href, &bad).await;
    assert_eq!(r.status, 422);
    assert_eq!(
        r.attr("#organisation", "value").as_deref(),
        Some("广西膜分离科技有限公司")
    );
    assert_eq!(r.text("#message"), "太短");
    for f in ["email", "technology", "message", "consent"] {
        assert!(!r.text(&format!("#{f}-error")).is_empty(), "{f}");
    }
    assert_eq!(interest::Entity::find().count(t.conn()).await.unwrap(), 0);
    // Neither a technology nor a description: refused at the description.
    let mut none = bad.to_vec();
    none.retain(|(k, _)| !matches!(*k, "technology" | "email" | "message"));
    none.extend([
        ("email", PROVIDER),
        ("technology", ""),
        ("message", "我们的反渗透设备适合沿海村庄的苦咸水处理。"),
        ("consent", "yes"),
    ]);
    let r = post_form(&app, &href, &none).await;
    assert_eq!(r.status, 422);
    assert!(!r.text("#technology_text-error").is_empty());

    let good = [
        ("organisation", "广西膜分离科技有限公司"),
        ("country", "CN"),
        ("contact_name", "李伟"),
        ("email", PROVIDER),
        ("technology", tech_slug.as_str()),
        ("technology_text", ""),
        (
            "message",
            "我们的反渗透设备适合沿海村庄的苦咸水处理，日产水量可达五百吨。",
        ),
        ("consent", "yes"),
        ("website", ""),
    ];
    let r = post_form(&app, &href, &good).await;
    assert_eq!(r.status, 303);
    assert_eq!(
        r.location(),
        Some(format!("/zh-CN/needs/{}/interest/sent", n.slug).as_str())
    );
    let i = interest::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(i.status, "pending");
    assert_eq!(i.lang, "zh-CN");
    // Moderated first: nothing is sent, no deal yet.
    sink.sender().send_due(t.conn(), now()).await.unwrap();
    assert!(sink.to(POSTER).is_empty());
    assert_eq!(deal::Entity::find().count(t.conn()).await.unwrap(), 0);

    let list = editor.get(&app, "/admin/interests").await;
    assert!(list.shows_text("广西膜分离科技有限公司"));
    let r = editor
        .post_csrf(
            &app,
            &format!("/admin/interests/{}", i.id),
            &[("decision", "approve")],
        )
        .await;
    assert_eq!(r.location(), Some("/admin/interests?flash=approved"));
    // Approving twice does nothing more.
    let r = editor
        .post_csrf(
            &app,
            &format!("/admin/interests/{}", i.id),
            &[("decision", "approve")],
        )
        .await;
    assert_eq!(r.location(), Some("/admin/interests?flash=deal-taken"));
    let d = deal::Entity::find().one(t.conn()).await.unwrap().unwrap();
    assert_eq!(
        (d.origin.as_str(), d.stage.as_str()),
        ("interest", "forwarded")
    );
    assert_eq!(
        (d.asker_lang.as_str(), d.answerer_lang.as_str()),
        ("zh-CN", "id")
    );
    assert_eq!(d.country, "ID");

    // The poster gets it in Indonesian, with a note that it was written in Chinese.
    sink.sender().send_due(t.conn(), now()).await.unwrap();
    let mails = sink.to(POSTER);
    assert_eq!(mails.len(), 1);
    let m = &mails[0];
    assert!(
        m.subject
            .starts_with("Seorang penyedia menanggapi kebutuhan Anda"),
        "{}",
        m.subject
    );
    assert_eq!(m.header("Content-Language").as_deref(), Some("id"));
    assert!(m.text.contains("反渗透设备"), "{}", m.text);
    assert!(m.text.contains("中文"), "the language note: {}", m.text);
    let link = m.path_of_link("/reply/");
    assert!(link.starts_with("/id/reply/"));
    let page = get(&app, &link).await;
    assert_eq!(page.status, 200);
    assert!(page.shows_text("Tanggapan atas kebutuhan Anda"));
    let r = post_form(
        &app,
        &link,
        &[
            ("answer", "interested"),
            (
                "message",
                "Kami tertarik. Bisakah tim Anda berkunjung ke Lombok bulan depan?",
            ),
        ],
    )
    .await;
    assert_eq!(r.status, 303);

    // The provider gets the answer in Chinese, with the poster's address.
    sink.sender().send_due(t.conn(), now()).await.unwrap();
    let back = sink.to(PROVIDER);
    assert_eq!(back.len(), 1);
    assert!(back[0].subject.starts_with("关于"), "{}", back[0].subject);
    assert_eq!(back[0].header("Content-Language").as_deref(), Some("zh-CN"));
    assert!(back[0].text.contains("Bisakah tim Anda berkunjung"));
    assert!(back[0].text.contains(POSTER));
    // And it is a deal on the board like any inquiry.
    let board = editor.get(&app, "/admin/deals?stage=answered").await;
    assert!(board.shows_text("Koperasi Air Bersih Lombok"));
    assert!(board.shows_text("answer to a need"));
}

#[actix_web::test]
async fn a_rejected_answer_goes_nowhere_and_moderation_is_for_editors() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut editor = login(&app, EDITOR).await;
    let n = posted_need(&app, &t, &mut editor).await;
    let r = post_form(
        &app,
        &format!("/en/needs/{}/interest", n.slug),
        &[
            ("organisation", "Spam Ltd"),
            ("country", "XX"),
            ("contact_name", "Spammer"),
            ("email", "spam@spam.example.com"),
            ("technology_text", "Cheap watches of every kind"),
            ("message", "Buy our watches today, best prices anywhere!"),
            ("consent", "yes"),
        ],
    )
    .await;
    assert_eq!(r.status, 303);
    let i = interest::Entity::find()
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    let mut reviewer = login(&app, REVIEWER).await;
    let r = reviewer
        .post_csrf(
            &app,
            &format!("/admin/interests/{}", i.id),
            &[("decision", "approve")],
        )
        .await;
    assert_eq!(r.status, 403);
    let r = editor
        .post(
            &app,
            &format!("/admin/interests/{}", i.id),
            &[("csrf", "forged"), ("decision", "approve")],
        )
        .await;
    assert_eq!(r.status, 403);
    let r = editor
        .post_csrf(
            &app,
            &format!("/admin/interests/{}", i.id),
            &[("decision", "reject")],
        )
        .await;
    assert_eq!(r.location(), Some("/admin/interests?flash=rejected"));
    assert_eq!(deal::Entity::find().count(t.conn()).await.unwrap(), 0);
    assert_eq!(
        outbox_message::Entity::find()
            .count(t.conn())
            .await
            .unwrap(),
        0
    );
    // A bot filling the honeypot is told "thank you" and stores nothing.
    let r = post_form(
        &app,
        &format!("/en/needs/{}/interest", n.slug),
        &[
            ("organisation", "Bot"),
            ("website", "http://spam.example.com"),
        ],
    )
    .await;
    assert_eq!(r.status, 303);
    assert_eq!(interest::Entity::find().count(t.conn()).await.unwrap(), 1);
    // An unpublished or unknown need has no answer form.
    assert_eq!(
        get(&app, "/en/needs/no-such-need/interest").await.status,
        404
    );
}

#[actix_web::test]
async fn new_matching_technologies_reach_the_poster_at_most_once_a_day_and_stop_in_one_click() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut editor = login(&app, EDITOR).await;
    let n = posted_need(&app, &t, &mut editor).await;
    let secret = t.state.config.secret_key.clone();
    let base = t.state.base_url.to_string();
    let run = |at| techbridge::needs::matches::run(t.conn(), &secret, &base, at);

    // Nothing was published after the need: nothing to say.
    assert_eq!(run(now()).await.unwrap(), 0);

    // The need was posted three days ago; two environment technologies
    // were published the day after.
    let mut a: need::ActiveModel = n.clone().into();
    a.publish_at = Set(Some(now() - Duration::days(3)));
    a.update(t.conn()).await.unwrap();
    let envs = technology::Entity::find()
        .filter(technology::Column::Field.eq("environment_water"))
        .all(t.conn())
        .await
        .unwrap();
    assert!(envs.len() >= 3);
    for tech in &envs[..2] {
        let mut a: technology::ActiveModel = tech.clone().into();
        a.publish_at = Set(Some(now() - Duration::days(2)));
        a.update(t.conn()).await.unwrap();
    }
    // Older technologies are not news.
    for tech in &envs[3..] {
        let mut a: technology::ActiveModel = tech.clone().into();
        a.publish_at = Set(Some(now() - Duration::days(30)));
        a.update(t.conn()).await.unwrap();
    }
    let later = now();
    // Two instances at the same moment: one digest.
    let (x, y) = tokio::join!(run(later), run(later));
    assert_eq!(x.unwrap() + y.unwrap(), 1);
    assert_eq!(
        need_match::Entity::find()
            .filter(need_match::Column::NeedId.eq(n.id))
            .count(t.conn())
            .await
            .unwrap(),
        2
    );
    // A third one, published now, waits for the day to pass.
    let mut a: technology::ActiveModel = envs[2].clone().into();
    a.publish_at = Set(Some(later));
    a.update(t.conn()).await.unwrap();
    assert_eq!(run(later + Duration::hours(1)).await.unwrap(), 0);
    assert_eq!(run(later + Duration::hours(23)).await.unwrap(), 0);
    assert_eq!(run(later + Duration::hours(25)).await.unwrap(), 1);
    assert_eq!(
        run(later + Duration::hours(50)).await.unwrap(),
        0,
        "nothing new"
    );

    let sink = SmtpSink::start();
    sink.sender()
        .send_due(t.conn(), later + Duration::hours(25))
        .await
        .unwrap();
    let mails = sink.to(POSTER);
    assert_eq!(mails.len(), 2);
    let first = &mails[0];
    assert!(
        first.subject.starts_with("2 teknologi baru cocok"),
        "{}",
        first.subject
    );
    assert!(
        mails[1].subject.starts_with("1 teknologi baru cocok"),
        "{}",
        mails[1].subject
    );
    assert_eq!(first.header("Content-Language").as_deref(), Some("id"));
    assert!(first.text.contains("/id/technologies/"));
    let unsubscribe = first.header("List-Unsubscribe").expect("List-Unsubscribe");
    assert!(
        unsubscribe.starts_with("<http://localhost:8080/id/matches/stop/"),
        "{unsubscribe}"
    );
    assert_eq!(
        first.header("List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    // Every technology link works.
    for l in first
        .links()
        .iter()
        .filter(|l| l.contains("/technologies/"))
    {
        let path = &l["http://localhost:8080".len()..];
        assert_eq!(get(&app, path).await.status, 200, "{path}");
    }
    // One click, as a mail program does it (RFC 8058), then again.
    let stop = unsubscribe.trim_matches(['<', '>'])["http://localhost:8080".len()..].to_owned();
    assert_eq!(get(&app, &stop).await.status, 200);
    assert!(
        need::Entity::find_by_id(n.id)
            .one(t.conn())
            .await
            .unwrap()
            .unwrap()
            .match_alerts,
        "a GET stops nothing"
    );
    for _ in 0..2 {
        let r = send(
            &app,
            actix_web::test::TestRequest::post()
                .uri(&stop)
                .insert_header(("content-type", "application/x-www-form-urlencoded"))
                .set_payload("List-Unsubscribe=One-Click"),
        )
        .await;
        assert_eq!(r.status, 200);
    }
    assert!(
        !need::Entity::find_by_id(n.id)
            .one(t.conn())
            .await
            .unwrap()
            .unwrap()
            .match_alerts
    );
    let tampered = stop.replace("/stop/", "/stop/9");
    assert_eq!(get(&app, &tampered).await.status, 400);
}
