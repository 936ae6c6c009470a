//! Deals, through the real stack: an inquiry becomes a deal; an editor
//! forwards it; the provider's e-mail (really sent by SMTP, read back as
//! MIME) carries a signed link to a reply page that works once; the
//! inquirer gets the answer in their language; editors move the deal on,
//! once each when they click together; reminders and the overdue mark come
//! from a periodic job run at chosen dates; bounces stop retries.

use std::time::Duration as StdDuration;

use chrono::Duration;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use techbridge::db::now;
use techbridge::deals::{self, reminders};
use techbridge::entities::{deal, deal_event, deal_link, mail_bounce, outbox_message, technology};

use crate::support::smtp::SmtpSink;
use crate::support::*;

pub const INQUIRER: &str = "budi.santoso@agrotani.example.id";

pub fn indonesian_inquiry() -> Vec<(&'static str, &'static str)> {
    vec![
        ("name", "Budi Santoso"),
        ("organisation", "PT Agro Tani Nusantara"),
        ("country", "ID"),
        ("email", INQUIRER),
        (
            "message",
            "Kami ingin melisensikan varietas padi hibrida ini untuk sawah di Jawa Timur. Berapa hasil per hektar di iklim tropis?",
        ),
        ("consent", "yes"),
        ("website", ""),
    ]
}

/// Sends the Indonesian inquiry about the rice technology; returns its deal.
pub async fn inquire<S, B>(app: &S, t: &TestApp) -> deal::Model
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
        &format!("/id/technologies/{RICE}/inquiry"),
        &indonesian_inquiry(),
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    deal::Entity::find()
        .filter(deal::Column::AskerEmail.eq(INQUIRER))
        .one(t.conn())
        .await
        .unwrap()
        .expect("a deal for the inquiry")
}

pub async fn rice(t: &TestApp) -> technology::Model {
    technology::Entity::find()
        .filter(technology::Column::Slug.eq(RICE))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
}

pub async fn deal_now(t: &TestApp, id: i32) -> deal::Model {
    deal::Entity::find_by_id(id)
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
}

async fn events(t: &TestApp, id: i32, kind: &str) -> u64 {
    deal_event::Entity::find()
        .filter(deal_event::Column::DealId.eq(id))
        .filter(deal_event::Column::Kind.eq(kind))
        .count(t.conn())
        .await
        .unwrap()
}

/// Everything a reply could change, to show that a refused one changed
/// nothing.
async fn deal_state(t: &TestApp) -> String {
    let db = t.conn();
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}",
        deal::Entity::find().all(db).await.unwrap(),
        deal_event::Entity::find().all(db).await.unwrap(),
        deal_link::Entity::find().all(db).await.unwrap(),
        outbox_message::Entity::find().all(db).await.unwrap(),
    )
}

/// Forwards a deal through the back office, as the given editor.
pub async fn forward<S, B>(app: &S, editor: &mut Browser, id: i32, note: &str) -> Resp
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let page = editor.get(app, &format!("/admin/deals/{id}")).await;
    assert_eq!(page.status, 200);
    let version = page
        .attr(
            &format!("form[action='/admin/deals/{id}/forward'] input[name=version]"),
            "value",
        )
        .expect("a forward form");
    editor
        .post_csrf(
            app,
            &format!("/admin/deals/{id}/forward"),
            &[("version", &version), ("note", note)],
        )
        .await
}

#[actix_web::test]
async fn an_inquiry_is_forwarded_answered_by_link_and_the_answer_reaches_the_inquirer() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let sink = SmtpSink::start();
    let d = inquire(&app, &t).await;
    assert_eq!(d.stage, "new");
    assert_eq!(d.asker_lang, "id");
    assert_eq!(d.answerer_lang, "zh-CN", "the provider reads Chinese");
    assert_eq!(d.country, "ID");
    assert_eq!(events(&t, d.id, "received").await, 1);

    // The board shows it, counted under "new".
    let mut editor = login(&app, EDITOR).await;
    let board = editor.get(&app, "/admin/deals").await;
    assert_eq!(board.status, 200);
    assert!(board.shows_text("PT Agro Tani Nusantara"));
    assert!(board.attr("table.deals-table caption", "class").is_none());
    assert!(!board.text("table.deals-table caption").is_empty());

    let r = forward(&app, &mut editor, d.id, "请在两周内答复。").await;
    assert_eq!(r.status, 303);
    assert_eq!(
        r.location(),
        Some(format!("/admin/deals/{}?flash=deal-moved", d.id).as_str())
    );
    let d = deal_now(&t, d.id).await;
    assert_eq!(d.stage, "forwarded");
    assert!(d.forwarded_at.is_some());

    // Really sent, by SMTP, in Chinese, with the inquiry and a note on its language.
    let sent = sink.sender().send_due(t.conn(), now()).await.unwrap();
    assert_eq!(sent, 1);
    let tech = rice(&t).await;
    let mails = sink.to(&tech.contact_email);
    assert_eq!(mails.len(), 1);
    let m = &mails[0];
    assert!(m.subject.contains("咨询"), "{}", m.subject);
    assert!(
        m.subject.contains("PT Agro Tani Nusantara"),
        "{}",
        m.subject
    );
    assert_eq!(m.header("Content-Language").as_deref(), Some("zh-CN"));
    assert_eq!(m.from, "noreply@techbridge.example.org");
    assert_eq!(m.to, tech.contact_email);
    assert!(
        m.text.contains("Kami ingin melisensikan varietas padi"),
        "{}",
        m.text
    );
    assert!(
        m.text.contains("Bahasa Indonesia"),
        "the language note: {}",
        m.text
    );
    assert!(
        m.text.contains("请在两周内答复。"),
        "the editor's note: {}",
        m.text
    );
    assert!(String::from_utf8_lossy(&m.raw).contains("Content-Type: text/plain; charset=utf-8"));

    // The link opens the reply page, in Chinese, without an account.
    let link = m.path_of_link("/reply/");
    assert!(link.starts_with("/zh-CN/reply/"), "{link}");
    let page = get(&app, &link).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.attr("html", "lang").as_deref(), Some("zh-CN"));
    assert!(page.shows_text("Kami ingin melisensikan"));
    assert_eq!(page.header("cache-control"), Some("no-store"));
    assert_eq!(page.attrs("input[name=answer]", "value").len(), 3);
    assert_eq!(page.attrs("select#reason option", "value").len(), 6);

    // "Interested" twice (a double click): one answer recorded.
    let answer = [
        ("answer", "interested"),
        (
            "message",
            "我们很乐意洽谈许可事宜，可提供东爪哇的田间数据。",
        ),
        ("reason", ""),
    ];
    let first = post_form(&app, &link, &answer).await;
    assert_eq!(first.status, 303);
    assert_eq!(first.location(), Some("/zh-CN/reply/done"));
    let second = post_form(&app, &link, &answer).await;
    assert_eq!(second.status, 200);
    assert!(second.shows_text("未重复记录"), "{}", second.body);
    assert_eq!(events(&t, d.id, "answered").await, 1);
    let d = deal_now(&t, d.id).await;
    assert_eq!(d.stage, "answered");
    assert_eq!(d.answer.as_deref(), Some("interested"));
    // The inbox follows: the inquiry is no longer "new".
    let inq = techbridge::entities::inquiry::Entity::find_by_id(d.inquiry_id.unwrap())
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(inq.status, "answered");
    // Used: opening it again says so.
    let again = get(&app, &link).await;
    assert_eq!(again.status, 410);
    assert!(again.shows_text("已通过此链接作出答复"));

    // The inquirer gets the answer in Indonesian.
    sink.sender().send_due(t.conn(), now()).await.unwrap();
    let to_inquirer = sink.to(INQUIRER);
    assert_eq!(to_inquirer.len(), 1);
    let m = &to_inquirer[0];
    assert!(m.subject.starts_with("Jawaban tentang"), "{}", m.subject);
    assert_eq!(m.header("Content-Language").as_deref(), Some("id"));
    assert!(m.text.contains("Kabar baik"), "{}", m.text);
    assert!(m.text.contains("我们很乐意洽谈许可事宜"), "{}", m.text);
    assert!(
        m.text.contains(&tech.contact_email),
        "a provider that is not through the centre gives its address"
    );

    // The centre sees the whole exchange in order.
    let page = editor.get(&app, &format!("/admin/deals/{}", d.id)).await;
    let steps = page.texts("ol.exchange > li .step-head");
    assert_eq!(steps.len(), 3, "{steps:?}");
    assert!(steps[0].starts_with("Inquiry received"));
    assert!(steps[1].starts_with("Forwarded"));
    assert!(steps[2].starts_with("Answered · Interested"));
}

#[actix_web::test]
async fn tampered_expired_and_closed_links_change_nothing_and_say_why() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let sink = SmtpSink::start();
    let d = inquire(&app, &t).await;
    let mut editor = login(&app, EDITOR).await;
    assert_eq!(forward(&app, &mut editor, d.id, "").await.status, 303);
    sink.sender().send_due(t.conn(), now()).await.unwrap();
    let tech = rice(&t).await;
    let link = sink.to(&tech.contact_email)[0].path_of_link("/reply/");
    let before = deal_state(&t).await;

    // Every kind of damage to the token is a clear 400 page in the URL's language.
    let token = link.rsplit('/').next().unwrap().to_owned();
    let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
    let last = parts[3].pop().unwrap();
    parts[3].push(if last == '0' { '1' } else { '0' });
    let damaged = [
        parts.join("."),
        token.replacen(&format!("{}.", d.id), &format!("{}.", d.id + 1), 1),
        token[..token.len() - 10].to_owned(),
        "1.abc.99999999999.00".to_owned(),
        "not-a-token".to_owned(),
    ];
    for bad in &damaged {
        for lang in ["id", "en"] {
            let r = get(&app, &format!("/{lang}/reply/{bad}")).await;
            assert_eq!(r.status, 400, "{bad}");
            assert_eq!(r.attr("html", "lang").as_deref(), Some(lang));
            let post = post_form(
                &app,
                &format!("/{lang}/reply/{bad}"),
                &[("answer", "interested"), ("message", "x")],
            )
            .await;
            assert_eq!(post.status, 400);
        }
    }
    let r = get(&app, &format!("/id/reply/{}", damaged[0])).await;
    assert!(r.shows_text("Tautan ini bukan dari kami"), "{}", r.body);

    // Refused answers keep what was typed, and change nothing.
    let r = post_form(&app, &link, &[("answer", "interested"), ("message", "  ")]).await;
    assert_eq!(r.status, 422);
    assert!(r.attr("#answer-interested", "checked").is_some());
    let r = post_form(
        &app,
        &link,
        &[
            ("answer", "declined"),
            ("reason", "made-up"),
            ("message", "保留这段文字"),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    assert_eq!(r.text("#message"), "保留这段文字");
    assert!(r.texts(".error-summary li").len() == 1);
    assert_eq!(deal_state(&t).await, before);

    // Expired: a link issued 61 days ago.
    let old = {
        use sea_orm::TransactionTrait;
        let txn = t.conn().begin().await.unwrap();
        let token = deals::links::issue(
            &txn,
            &t.state.config.secret_key,
            d.id,
            now() - Duration::days(61),
        )
        .await
        .unwrap();
        txn.commit().await.unwrap();
        token
    };
    let before = deal_state(&t).await;
    let r = get(&app, &format!("/en/reply/{old}")).await;
    assert_eq!(r.status, 410);
    assert!(r.shows_text("This link has expired"));
    let r = post_form(
        &app,
        &format!("/en/reply/{old}"),
        &[("answer", "declined"), ("reason", "capacity")],
    )
    .await;
    assert_eq!(r.status, 410);
    assert_eq!(deal_state(&t).await, before);
    // Issuing it retired the first link: a newer one replaced it.
    assert_eq!(get(&app, &link).await.status, 410);

    // A fresh link to a deal the centre closed meanwhile: refused with the reason.
    assert_eq!(forward(&app, &mut editor, d.id, "").await.status, 303);
    sink.sender().send_due(t.conn(), now()).await.unwrap();
    let fresh = sink
        .to(&tech.contact_email)
        .last()
        .unwrap()
        .path_of_link("/reply/");
    let page = editor.get(&app, &format!("/admin/deals/{}", d.id)).await;
    let version = page
        .attr("form[action$='/close'] input[name=version]", "value")
        .unwrap();
    let r = editor
        .post_csrf(
            &app,
            &format!("/admin/deals/{}/close", d.id),
            &[
                ("version", &version),
                ("reason", "not_pursued"),
                ("note", ""),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    let before = deal_state(&t).await;
    let r = post_form(
        &app,
        &fresh,
        &[("answer", "interested"), ("message", "太晚了吗？")],
    )
    .await;
    assert_eq!(r.status, 409);
    assert!(r.shows_text("咨询方未继续推进"), "{}", r.body);
    assert_eq!(deal_state(&t).await, before);
}

#[actix_web::test]
async fn two_editors_moving_one_deal_at_once_make_one_move() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let d = inquire(&app, &t).await;
    let mut a = login(&app, ADMIN).await;
    let mut b = login(&app, EDITOR).await;
    // Both see the deal at the same version, and both click "forward".
    let version = d.version.to_string();
    a.get(&app, &format!("/admin/deals/{}", d.id)).await;
    b.get(&app, &format!("/admin/deals/{}", d.id)).await;
    let path = format!("/admin/deals/{}/forward", d.id);
    let form = [("version", version.as_str()), ("note", "")];
    let (ra, rb) = tokio::join!(
        a.post_csrf(&app, &path, &form),
        b.post_csrf(&app, &path, &form)
    );
    let mut outcomes = vec![
        ra.location().unwrap().to_owned(),
        rb.location().unwrap().to_owned(),
    ];
    outcomes.sort();
    assert!(outcomes[0].ends_with("flash=deal-moved"), "{outcomes:?}");
    assert!(outcomes[1].ends_with("flash=deal-taken"), "{outcomes:?}");
    assert_eq!(events(&t, d.id, "forwarded").await, 1);
    assert_eq!(
        outbox_message::Entity::find()
            .filter(outbox_message::Column::Kind.eq("deal_forward"))
            .count(t.conn())
            .await
            .unwrap(),
        1,
        "one message to the provider"
    );
    assert_eq!(deal_now(&t, d.id).await.version, d.version + 1);
    // The audit log has the one move, by whoever won.
    let audits = techbridge::entities::audit_entry::Entity::find()
        .filter(techbridge::entities::audit_entry::Column::EntityKind.eq("deal"))
        .all(t.conn())
        .await
        .unwrap();
    assert_eq!(audits.len(), 1);
    assert_eq!(audits[0].action, "stage:forwarded");
}

#[actix_web::test]
async fn editors_record_talks_and_an_agreement_and_bad_moves_are_refused() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let d = inquire(&app, &t).await;
    let mut editor = login(&app, EDITOR).await;
    let path = |a: &str| format!("/admin/deals/{}/{a}", d.id);
    // Signing a deal nobody has answered is not a move the page offers,
    // and posting it anyway changes nothing.
    let r = editor
        .post_csrf(
            &app,
            &path("sign"),
            &[
                ("version", "1"),
                ("signed_on", "2026-11-30"),
                ("kind", "licence"),
            ],
        )
        .await;
    assert_eq!(
        r.location(),
        Some(format!("/admin/deals/{}?flash=deal-taken", d.id).as_str())
    );
    assert_eq!(deal_now(&t, d.id).await.stage, "new");

    // Answered through the link, then talks and a licence.
    assert_eq!(forward(&app, &mut editor, d.id, "").await.status, 303);
    let sink = SmtpSink::start();
    sink.sender().send_due(t.conn(), now()).await.unwrap();
    let link = sink.messages()[0].path_of_link("/reply/");
    assert_eq!(
        post_form(
            &app,
            &link,
            &[("answer", "question"), ("message", "您需要多少公顷？")]
        )
        .await
        .status,
        303
    );
    let v = deal_now(&t, d.id).await.version.to_string();
    // Bad input: kept, at the field, nothing moves.
    let r = editor
        .post_csrf(
            &app,
            &path("talks"),
            &[
                ("version", &v),
                ("meeting", "visit"),
                ("on_date", "31/11/2026"),
                ("note", "Kunjungan ke Nanning"),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    assert_eq!(r.attr("#on_date", "value").as_deref(), Some("31/11/2026"));
    assert_eq!(r.text("#talks-note"), "Kunjungan ke Nanning");
    assert!(!r.text("#on_date-error").is_empty());
    assert_eq!(deal_now(&t, d.id).await.stage, "answered");
    let r = editor
        .post_csrf(
            &app,
            &path("talks"),
            &[
                ("version", &v),
                ("meeting", "visit"),
                ("on_date", "2026-11-20"),
                ("note", "Kunjungan ke Nanning"),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    let v = deal_now(&t, d.id).await.version.to_string();
    let r = editor
        .post_csrf(
            &app,
            &path("sign"),
            &[
                ("version", &v),
                ("signed_on", "2026-11-30"),
                ("kind", "licence"),
                ("value", "1,200,000"),
                ("currency", ""),
            ],
        )
        .await;
    assert_eq!(r.status, 422, "a value needs its currency");
    assert_eq!(r.attr("#value", "value").as_deref(), Some("1,200,000"));
    let r = editor
        .post_csrf(
            &app,
            &path("sign"),
            &[
                ("version", &v),
                ("signed_on", "2026-11-30"),
                ("kind", "licence"),
                ("value", "1,200,000"),
                ("currency", "CNY"),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    let d = deal_now(&t, d.id).await;
    assert_eq!(d.stage, "signed");
    assert_eq!(d.agreement_kind.as_deref(), Some("licence"));
    assert_eq!(d.agreement_value, Some(1_200_000));
    assert_eq!(d.currency.as_deref(), Some("CNY"));
    assert_eq!(
        d.signed_on.map(|x| x.to_string()).as_deref(),
        Some("2026-11-30")
    );
    // Dated and attributed: the events name the editor.
    let page = editor.get(&app, &format!("/admin/deals/{}", d.id)).await;
    let heads = page.texts("ol.exchange > li .step-head");
    assert!(
        heads
            .iter()
            .any(|h| h.starts_with("Talks recorded · Visit")),
        "{heads:?}"
    );
    assert!(
        heads
            .iter()
            .any(|h| h.starts_with("Agreement signed · Licence")),
        "{heads:?}"
    );
    assert!(
        page.texts("ol.exchange > li .muted")
            .iter()
            .any(|m| m.contains("Eddie Editor"))
    );
    // Nothing more is offered on a signed deal.
    assert!(page.attr("form[action$='/close']", "action").is_none());
    // The board counts it under "signed", and filters by month and country.
    let board = editor
        .get(&app, "/admin/deals?stage=signed&country=ID")
        .await;
    assert!(board.shows_text("PT Agro Tani Nusantara"));
    let board = editor.get(&app, "/admin/deals?country=VN").await;
    assert!(!board.shows_text("PT Agro Tani Nusantara"));
}

#[actix_web::test]
async fn reminders_go_once_after_14_days_and_deals_are_overdue_after_28_on_any_number_of_instances()
{
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let d = inquire(&app, &t).await;
    let mut editor = login(&app, EDITOR).await;
    assert_eq!(forward(&app, &mut editor, d.id, "").await.status, 303);
    let secret = t.state.config.secret_key.clone();
    let base = t.state.base_url.to_string();
    let day = |n: i64| now() + Duration::days(n);

    let r = reminders::run(t.conn(), &secret, &base, day(13))
        .await
        .unwrap();
    assert_eq!(r, reminders::Done::default(), "nothing is due at 13 days");
    // Two instances running the job at the same moment: one reminder.
    let (x, y) = tokio::join!(
        reminders::run(t.conn(), &secret, &base, day(15)),
        reminders::run(t.conn(), &secret, &base, day(15)),
    );
    assert_eq!(x.unwrap().reminded + y.unwrap().reminded, 1);
    assert_eq!(
        reminders::run(t.conn(), &secret, &base, day(20))
            .await
            .unwrap()
            .reminded,
        0
    );
    assert_eq!(events(&t, d.id, "reminded").await, 1);

    // The reminder carries the link first sent, and it still works.
    let sink = SmtpSink::start();
    sink.sender().send_due(t.conn(), day(15)).await.unwrap();
    let tech = rice(&t).await;
    let mails = sink.to(&tech.contact_email);
    assert_eq!(mails.len(), 2);
    assert!(mails[1].subject.starts_with("提醒"), "{}", mails[1].subject);
    assert_eq!(
        mails[0].path_of_link("/reply/"),
        mails[1].path_of_link("/reply/")
    );

    // Overdue at 28 days: marked once, and first on the board.
    let other = {
        let r = send_from(
            &app,
            actix_web::test::TestRequest::post()
                .uri(&format!("/en/technologies/{RICE}/inquiry"))
                .insert_header(("content-type", "application/x-www-form-urlencoded"))
                .insert_header(("sec-fetch-site", "same-origin"))
                .set_payload(
                    "name=Mai&organisation=Mekong+Seeds&country=VN&email=mai%40seeds.example.vn&message=Could+we+test+this+variety+in+the+Mekong+delta%3F&consent=yes",
                ),
            "198.51.100.9:5000",
        )
        .await;
        assert_eq!(r.status, 303);
        deal::Entity::find()
            .filter(deal::Column::AskerEmail.eq("mai@seeds.example.vn"))
            .one(t.conn())
            .await
            .unwrap()
            .unwrap()
    };
    let r = reminders::run(t.conn(), &secret, &base, day(29))
        .await
        .unwrap();
    assert_eq!(r.overdue, 1);
    assert_eq!(
        reminders::run(t.conn(), &secret, &base, day(30))
            .await
            .unwrap()
            .overdue,
        0
    );
    assert_eq!(events(&t, d.id, "overdue").await, 1);
    // (The board computes overdue from the dates: 28 days from now it is.)
    deal::ActiveModel {
        id: Set(d.id),
        forwarded_at: Set(Some(now() - Duration::days(29))),
        ..Default::default()
    }
    .update(t.conn())
    .await
    .unwrap();
    let board = editor.get(&app, "/admin/deals").await;
    let rows = board.texts("table.deals-table tbody tr");
    assert!(
        rows[0].contains("PT Agro Tani Nusantara") && rows[0].contains("Overdue"),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.contains("Mekong Seeds") && !r.contains("Overdue"))
    );
    assert!(
        board.text(".stage-tiles").contains("1 Overdue"),
        "{}",
        board.text(".stage-tiles")
    );
    let _ = other;
}

#[actix_web::test]
async fn an_address_that_bounces_is_marked_and_not_retried_and_a_busy_one_is_retried_a_few_times() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let sink = SmtpSink::start();
    let mut tech: technology::ActiveModel = rice(&t).await.into();
    tech.contact_email = Set("bounce-provider@seedlab.example.cn".into());
    tech.update(t.conn()).await.unwrap();
    let d = inquire(&app, &t).await;
    let mut editor = login(&app, EDITOR).await;
    assert_eq!(forward(&app, &mut editor, d.id, "").await.status, 303);
    let sender = sink.sender();
    assert_eq!(sender.send_due(t.conn(), now()).await.unwrap(), 0);
    let m = outbox_message::Entity::find()
        .filter(outbox_message::Column::Kind.eq("deal_forward"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert!(m.failed_at.is_some(), "refused for good: {m:?}");
    assert!(
        m.last_error.as_deref().unwrap_or("").contains("550"),
        "{m:?}"
    );
    assert_eq!(m.attempts, 1);
    assert_eq!(
        mail_bounce::Entity::find().count(t.conn()).await.unwrap(),
        1,
        "the address is marked"
    );
    // Never tried again, however late.
    assert_eq!(
        sender
            .send_due(t.conn(), now() + Duration::days(3))
            .await
            .unwrap(),
        0
    );
    let m = outbox_message::Entity::find_by_id(m.id)
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(m.attempts, 1);
    // A new message to it is held at once.
    assert_eq!(forward(&app, &mut editor, d.id, "").await.status, 303);
    let held = outbox_message::Entity::find()
        .filter(outbox_message::Column::ToEmail.eq("bounce-provider@seedlab.example.cn"))
        .filter(outbox_message::Column::FailedAt.is_null())
        .count(t.conn())
        .await
        .unwrap();
    assert_eq!(held, 0);
    assert!(sink.messages().is_empty());

    // A temporary refusal: retried later, a limited number of times.
    let mut tech: technology::ActiveModel = rice(&t).await.into();
    tech.contact_email = Set("later-provider@seedlab.example.cn".into());
    tech.update(t.conn()).await.unwrap();
    let r = send_from(
        &app,
        actix_web::test::TestRequest::post()
            .uri(&format!("/en/technologies/{RICE}/inquiry"))
            .insert_header(("content-type", "application/x-www-form-urlencoded"))
            .insert_header(("sec-fetch-site", "same-origin"))
            .set_payload("name=Ann&organisation=Ann+Farms&country=TH&email=ann%40farms.example.th&message=Is+this+available+for+Thai+rice+growers+please%3F&consent=yes"),
        "198.51.100.10:5000",
    )
    .await;
    assert_eq!(r.status, 303);
    let d2 = deal::Entity::find()
        .filter(deal::Column::AskerEmail.eq("ann@farms.example.th"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(forward(&app, &mut editor, d2.id, "").await.status, 303);
    let mut at = now();
    let mut tries = 0;
    for _ in 0..20 {
        sender.send_due(t.conn(), at).await.unwrap();
        at += Duration::hours(7);
        tries += 1;
    }
    let m = outbox_message::Entity::find()
        .filter(outbox_message::Column::ToEmail.eq("later-provider@seedlab.example.cn"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        m.attempts,
        techbridge::outbox::MAX_ATTEMPTS,
        "after {tries} runs: {m:?}"
    );
    assert!(m.failed_at.is_some());
    assert!(m.last_error.as_deref().unwrap_or("").contains("451"));
    assert_eq!(
        mail_bounce::Entity::find().count(t.conn()).await.unwrap(),
        1,
        "a busy mailbox is not a bounce"
    );
    let _ = StdDuration::ZERO;
}

#[actix_web::test]
async fn inquiries_forward_themselves_when_the_centre_says_so() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut editor = login(&app, EDITOR).await;
    let board = editor.get(&app, "/admin/deals").await;
    assert!(board.attr("#auto_forward", "checked").is_none());
    let r = editor
        .post_csrf(&app, "/admin/deals/auto-forward", &[("auto_forward", "on")])
        .await;
    assert_eq!(r.location(), Some("/admin/deals?flash=saved"));
    let board = editor.get(&app, "/admin/deals").await;
    assert!(board.attr("#auto_forward", "checked").is_some());
    let d = inquire(&app, &t).await;
    assert_eq!(d.stage, "forwarded");
    assert_eq!(events(&t, d.id, "forwarded").await, 1);
    let sink = SmtpSink::start();
    assert_eq!(sink.sender().send_due(t.conn(), now()).await.unwrap(), 1);
    assert!(
        sink.messages()[0]
            .path_of_link("/reply/")
            .starts_with("/zh-CN/reply/")
    );
    // Off again: the next inquiry waits for an editor.
    editor
        .post_csrf(&app, "/admin/deals/auto-forward", &[])
        .await;
    assert_eq!(
        techbridge::settings::all(t.conn()).await.unwrap()[deals::AUTO_FORWARD],
        "off"
    );
}

#[actix_web::test]
async fn the_deal_screens_are_for_editors_and_every_write_needs_the_token() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let d = inquire(&app, &t).await;
    // The routes of `deal_routes` in src/routes.rs, read from the file.
    let src =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/routes.rs")).unwrap();
    let start = src.find("fn deal_routes").unwrap();
    let body = &src[start..start + src[start..].find("\n}\n").unwrap()];
    let route = regex::Regex::new(r#"\.route\(\s*"([^"]+)",\s*(get|post)\(\)"#).unwrap();
    let routes: Vec<(String, String)> = route
        .captures_iter(body)
        .map(|c| {
            let path = format!("/admin{}", &c[1])
                .replace("{id}", &d.id.to_string())
                .replace("{action}", "close")
                .replace("{format}", "csv");
            (c[2].to_owned(), path)
        })
        .collect();
    assert!(routes.len() >= 3, "{routes:?}");
    let before = deal_state(&t).await;
    let mut reviewer = login(&app, REVIEWER).await;
    let mut editor = login(&app, EDITOR).await;
    let form = [("version", "1"), ("reason", "duplicate"), ("note", "x")];
    for (method, path) in &routes {
        if method == "get" {
            let r = get(&app, path).await;
            assert_eq!(r.status, 303, "anonymous GET {path}");
            assert!(r.location().unwrap().starts_with("/admin/login"));
            assert_eq!(
                reviewer.get(&app, path).await.status,
                403,
                "reviewer GET {path}"
            );
            assert_eq!(
                editor.get(&app, path).await.status,
                200,
                "editor GET {path}"
            );
        } else {
            assert_ne!(
                post_form(&app, path, &form).await.status,
                200,
                "anonymous POST {path}"
            );
            assert_eq!(
                reviewer.post_csrf(&app, path, &form).await.status,
                403,
                "reviewer POST {path}"
            );
            let mut no_token = form.to_vec();
            no_token.push(("csrf", "forged"));
            assert_eq!(
                editor.post(&app, path, &no_token).await.status,
                403,
                "forged POST {path}"
            );
            let r = editor
                .post_with(
                    &app,
                    path,
                    &[
                        ("csrf", &editor.csrf.clone()),
                        ("version", "1"),
                        ("reason", "duplicate"),
                    ],
                    &[("sec-fetch-site", "cross-site")],
                )
                .await;
            assert_eq!(r.status, 403, "cross-site POST {path}");
        }
    }
    assert_eq!(deal_state(&t).await, before);
    // Made-up ids and actions.
    assert_eq!(editor.get(&app, "/admin/deals/999999").await.status, 404);
    let r = editor
        .post_csrf(
            &app,
            &format!("/admin/deals/{}/delete", d.id),
            &[("version", "1")],
        )
        .await;
    assert_eq!(r.status, 404);
    // Hostile text in an inquiry is shown as text on the board and the deal.
    let r = send_from(
        &app,
        actix_web::test::TestRequest::post()
            .uri(&format!("/en/technologies/{RICE}/inquiry"))
            .insert_header(("content-type", "application/x-www-form-urlencoded"))
            .insert_header(("sec-fetch-site", "same-origin"))
            .set_payload("name=%3Cscript%3Ealert(1)%3C%2Fscript%3E&organisation=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E&country=MY&email=x%40evil.example.my&message=%3Cscript%3Ealert(1)%3C%2Fscript%3E+please+tell+me+more&consent=yes"),
        "198.51.100.11:5000",
    )
    .await;
    assert_eq!(r.status, 303);
    let board = editor.get(&app, "/admin/deals").await;
    board.assert_inert("board");
    assert!(board.shows_text("<img src=x onerror=alert(1)>"));
    let id = deal::Entity::find()
        .filter(deal::Column::AskerEmail.eq("x@evil.example.my"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .id;
    editor
        .get(&app, &format!("/admin/deals/{id}"))
        .await
        .assert_inert("deal page");
}

#[actix_web::test]
async fn the_demo_deals_fill_every_stage_and_owe_nobody_a_reminder() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    assert!(techbridge::demo::deals::load(t.conn()).await.unwrap());
    assert!(
        !techbridge::demo::deals::load(t.conn()).await.unwrap(),
        "only once"
    );
    let mut editor = login(&app, EDITOR).await;
    let board = editor.get(&app, "/admin/deals").await;
    let tiles = board.texts(".stage-tiles li");
    assert_eq!(
        tiles,
        [
            "1 New",
            "1 Forwarded",
            "1 Answered",
            "1 In talks",
            "2 Agreement signed",
            "1 Closed",
            "1 Overdue"
        ]
    );
    for o in board.texts("table.deals-table tbody th") {
        assert!(o.contains("(demo)"), "{o}");
    }
    let r = reminders::run(
        t.conn(),
        &t.state.config.secret_key,
        &t.state.base_url,
        now(),
    )
    .await
    .unwrap();
    assert_eq!(r, reminders::Done::default());
    // The technology listed through the centre shows no e-mail or phone.
    let page = get(
        &app,
        "/en/technologies/prefabricated-biogas-digesters-for-households-and-livestock-farms",
    )
    .await;
    assert!(page.attrs("a[href^='mailto:']", "href").is_empty());
    assert!(page.attrs("a[href^='tel:']", "href").is_empty());
    assert!(page.shows_text("Through the China-ASEAN Technology Transfer Center."));
    let other = get(&app, &format!("/en/technologies/{RICE}")).await;
    assert_eq!(other.attrs("a[href^='mailto:']", "href").len(), 1);
    // An inquiry's page in the inbox leads to its deal.
    let d = deal::Entity::find().one(t.conn()).await.unwrap().unwrap();
    let inbox = editor
        .get(&app, &format!("/admin/inquiries/{}", d.inquiry_id.unwrap()))
        .await;
    assert_eq!(
        inbox.attr("a[href^='/admin/deals/']", "href"),
        Some(format!("/admin/deals/{}", d.id))
    );
}

#[actix_web::test]
async fn two_claims_of_one_move_at_the_same_version_make_one() {
    use techbridge::deals::Stage;
    use techbridge::deals::store::{MoveSet, Who, claim_move};
    let t = TestApp::demo().await;
    let app = t.service().await;
    let d = inquire(&app, &t).await;
    let who = Who {
        editor_id: None,
        label: "test",
    };
    let at = now();
    let (a, b) = tokio::join!(
        claim_move(t.conn(), &d, Stage::Closed, who, at, MoveSet::default()),
        claim_move(t.conn(), &d, Stage::Forwarded, who, at, MoveSet::default()),
    );
    assert!(
        a.unwrap() ^ b.unwrap(),
        "exactly one of the two claims wins"
    );
    assert_eq!(deal_now(&t, d.id).await.version, d.version + 1);
}

#[actix_web::test]
async fn the_deals_migration_goes_down_and_up_again() {
    use migration::MigratorTrait;
    let t = TestApp::demo().await;
    let app = t.service().await;
    inquire(&app, &t).await;
    // The deals migration and every one after it (watching the deals, and
    // whatever came later).
    let names: Vec<String> = migration::Migrator::migrations()
        .iter()
        .map(|m| m.name().to_owned())
        .collect();
    let deals_at = names
        .iter()
        .position(|n| n.ends_with("_deals") && !n.contains("watch"))
        .expect("the deals migration");
    let after = u32::try_from(names.len() - deals_at).unwrap();
    migration::Migrator::down(t.conn(), Some(after))
        .await
        .unwrap();
    let pending = migration::Migrator::get_pending_migrations(t.conn())
        .await
        .unwrap();
    assert_eq!(
        pending.len(),
        after as usize,
        "{:?}",
        pending
            .iter()
            .map(|m| m.name().to_owned())
            .collect::<Vec<_>>()
    );
    migration::Migrator::up(t.conn(), None).await.unwrap();
    assert_eq!(deal::Entity::find().count(t.conn()).await.unwrap(), 0);
    // The figures carried over from the typed-in settings survive a round trip.
    let app = t.service().await;
    assert_eq!(get(&app, "/en/").await.status, 200);
    inquire(&app, &t).await;
}
