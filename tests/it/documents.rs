//! Whole documents, compared with snapshots (insta) committed under
//! `tests/it/snapshots/`: the Atom feed, the calendar files, the sitemap and
//! the messages to applicants, each in the three languages where it has
//! them. What changes from run to run or from backend to backend (the base
//! URL, record ids, stamps of the present time, application references) is
//! replaced by a `[placeholder]` before comparing; everything else is
//! pinned, so a change to any of these documents shows up as a diff to
//! review. After an intended change: `INSTA_UPDATE=always cargo test --test
//! it documents::`, read the diff in git, commit it.

use icalendar::Calendar;
use sea_orm::{ColumnTrait, QueryFilter};
use sea_orm::{EntityTrait, QueryOrder};
use techbridge::entities::outbox_message;

use crate::support::*;

/// The placeholders: every snapshot here goes through these.
fn redacted(run: impl FnOnce()) {
    let mut s = insta::Settings::clone_current();
    s.add_filter(r"http://localhost:8080", "[base]");
    s.add_filter(r"localhost:8080", "[host]");
    // Record ids in Atom ids and iCalendar UIDs.
    s.add_filter(r"news-\d+", "news-[id]");
    s.add_filter(r"event-\d+@", "event-[id]@");
    // The time a record was written (the builders write the present).
    s.add_filter(r"(?m)^(DTSTAMP|LAST-MODIFIED):\d{8}T\d{6}Z$", "$1:[now]");
    s.add_filter(r"<lastmod>[^<]+</lastmod>", "<lastmod>[lastmod]</lastmod>");
    // Application references are random by design.
    s.add_filter(r"ATS-(\d{4})-[0-9A-Z]{5}-[0-9A-Z]{5}", "ATS-$1-[reference]");
    s.add_filter(r"status\?key=[A-Za-z0-9_-]{43}", "status?key=[key]");
    s.bind(run);
}

/// One element a line, so that a diff shows which element changed (text
/// inside elements is left as it is).
fn xml_lines(body: &str) -> String {
    body.replace("><", ">\n<")
}

/// iCalendar content lines unfolded (RFC 5545 3.1) and ended by `\n`:
/// folding and CRLF are checked by `feeds::`, the snapshot is for what the
/// lines say.
fn ics_lines(body: &str) -> String {
    let parsed: Result<Calendar, _> = body.parse();
    assert!(parsed.is_ok(), "not iCalendar: {body}");
    body.replace("\r\n ", "").replace("\r\n", "\n")
}

/// Two news items on fixed dates, the first with a Markdown body (a
/// heading, a list, a relative link) and its event, the second without
/// Indonesian text; and a draft, which no feed shows.
async fn news(t: &TestApp) {
    let db = t.conn();
    let forum = EventBuilder::new("10th-china-asean-technology-transfer-forum")
        .at("2022-09-16T09:00", "2022-09-16T17:00")
        .insert(db)
        .await;
    NewsBuilder::new("china-and-asean-launch-special-action-to-transfer-1000-technologies")
        .title(
            "en",
            "China and ASEAN launch special action to transfer 1,000 technologies",
        )
        .title("zh-CN", "中国—东盟启动千项技术转移专项行动")
        .title(
            "id",
            "Tiongkok dan ASEAN luncurkan aksi khusus alih 1.000 teknologi",
        )
        .summary(
            "en",
            "A special action to transfer 1,000 technologies was launched at the 10th forum.",
        )
        .summary("zh-CN", "第十届论坛启动了千项技术转移专项行动。")
        .summary(
            "id",
            "Aksi khusus alih 1.000 teknologi diluncurkan pada forum ke-10.",
        )
        .body(
            "en",
            "## A first alliance\n\nThe alliance will:\n\n- pool resources\n- meet needs\n\n\
             See [the forum](/en/events/10th-china-asean-technology-transfer-forum).",
        )
        .event(forum.id)
        .published("2022-10-25T10:00:00Z")
        .insert(db)
        .await;
    NewsBuilder::new("new-cohort-of-young-scientists-arrives-in-guangxi")
        .title("en", "New cohort of young scientists arrives in Guangxi")
        .title("zh-CN", "新一批东盟青年科学家抵达广西")
        .summary(
            "en",
            "Forty fellows from nine ASEAN countries begin their year.",
        )
        .summary(
            "zh-CN",
            "来自东盟九国的四十名青年科学家开始为期一年的工作。",
        )
        .only_in(&["en", "zh-CN"])
        .published("2024-09-02T01:30:00Z")
        .insert(db)
        .await;
    NewsBuilder::new("draft-announcement")
        .status("draft")
        .published("2024-10-01T00:00:00Z")
        .insert(db)
        .await;
}

#[actix_web::test]
async fn the_atom_feed_in_each_language() {
    let t = TestApp::empty().await;
    news(&t).await;
    let app = t.service().await;
    for lang in LANGS {
        let r = get(&app, &format!("/{lang}/news/feed.xml")).await;
        assert_eq!(r.status, 200);
        redacted(|| insta::assert_snapshot!(format!("atom_feed_{lang}"), xml_lines(&r.body)));
    }
}

/// Events in 2099, so that they stay upcoming; one in the past.
async fn events(t: &TestApp) {
    let db = t.conn();
    EventBuilder::new("14th-china-asean-technology-transfer-forum")
        .title(
            "en",
            "14th China-ASEAN Technology Transfer and Collaborative Innovation Forum",
        )
        .title("zh-CN", "第十四届中国—东盟技术转移与协同创新大会")
        .title(
            "id",
            "Forum Alih Teknologi dan Inovasi Kolaboratif Tiongkok-ASEAN ke-14",
        )
        .summary(
            "en",
            "The forum returns to Nanning; matchmaking, workshops, talks \\ more.",
        )
        .summary("zh-CN", "大会重返南宁：技术对接、专题研讨与报告。")
        .summary(
            "id",
            "Forum kembali ke Nanning: temu bisnis, lokakarya, dan diskusi.",
        )
        .at("2099-09-16T09:00", "2099-09-16T17:00")
        .insert(db)
        .await;
    EventBuilder::new("jakarta-technology-matchmaking")
        .title(
            "en",
            "Jakarta technology matchmaking: agriculture and new energy",
        )
        .title(
            "id",
            "Temu bisnis teknologi Jakarta: pertanian dan energi baru",
        )
        .summary("en", "Chinese providers meet Indonesian buyers.")
        .summary(
            "id",
            "Penyedia teknologi Tiongkok bertemu pembeli Indonesia.",
        )
        .only_in(&["en", "id"])
        .kind("matchmaking")
        .country("ID")
        .timezone("Asia/Jakarta")
        .venue("en", "Jakarta International Expo, Kemayoran", "Jakarta")
        .venue("id", "Jakarta International Expo, Kemayoran", "Jakarta")
        .at("2099-05-20T09:00", "2099-05-21T16:00")
        .insert(db)
        .await;
    EventBuilder::new("training-for-transfer-managers")
        .kind("training")
        .at("2022-05-10T09:00", "2022-05-12T17:00")
        .insert(db)
        .await;
}

#[actix_web::test]
async fn the_calendar_file_of_an_event_in_each_language() {
    let t = TestApp::empty().await;
    events(&t).await;
    let app = t.service().await;
    for lang in LANGS {
        let r = get(
            &app,
            &format!("/{lang}/events/14th-china-asean-technology-transfer-forum.ics"),
        )
        .await;
        assert_eq!(r.status, 200);
        redacted(|| insta::assert_snapshot!(format!("event_ics_{lang}"), ics_lines(&r.body)));
    }
}

#[actix_web::test]
async fn the_calendar_feed_in_each_language() {
    let t = TestApp::empty().await;
    events(&t).await;
    let app = t.service().await;
    for lang in LANGS {
        let r = get(&app, &format!("/{lang}/events/calendar.ics")).await;
        assert_eq!(r.status, 200);
        redacted(|| {
            insta::assert_snapshot!(format!("calendar_feed_{lang}"), ics_lines(&r.body));
        });
    }
}

#[actix_web::test]
async fn the_sitemap() {
    let t = TestApp::empty().await;
    let db = t.conn();
    news(&t).await;
    TechnologyBuilder::new("hybrid-rice-for-tropical-paddies")
        .insert(db)
        .await;
    TechnologyBuilder::new("solar-powered-4g-base-stations")
        .expired_days_ago(3)
        .insert(db)
        .await;
    NeedBuilder::new("high-yield-rice-for-karawang")
        .insert(db)
        .await;
    NeedBuilder::new("cold-storage-for-fishing-villages")
        .status("pending")
        .insert(db)
        .await;
    FellowBuilder::new("nguyen-thi-lan").insert(db).await;
    let app = t.service().await;
    let r = get(&app, "/sitemap.xml").await;
    assert_eq!(r.status, 200);
    redacted(|| insta::assert_snapshot!("sitemap", xml_lines(&r.body)));
}

/// Every kind of message to applicants, in each language: the
/// confirmation of an application sent through the form, then the
/// messages a reviewer's decisions send.
#[actix_web::test]
async fn every_message_to_applicants_in_each_language() {
    let t = TestApp::empty().await.with_accounts().await;
    let (call, post) = open_call(t.conn()).await;
    let app = t.service().await;
    // An administrator: reviewers reach only the applications assigned to them.
    let mut reviewer = login(&app, ADMIN).await;
    let mut decide = async |id: i32, status: &str, message: &str| {
        let page = format!("/admin/applications/{id}");
        reviewer.get(&app, &page).await;
        let r = reviewer
            .post_csrf(
                &app,
                &format!("{page}/status"),
                &[("status", status), ("message", message)],
            )
            .await;
        assert_eq!(r.status, 303, "{status}: {}", r.text(".error-summary"));
    };
    for lang in LANGS {
        let sent =
            submit_application_in(&app, &t, lang, &format!("mai.{lang}@example.edu.vn")).await;
        decide(
            sent.id,
            "more_info",
            "Please add your publication list to the CV.",
        )
        .await;
        let chosen = ApplicationBuilder::new(call)
            .host_post(post)
            .applicant("Tran Van Long", &format!("long.{lang}@example.edu.vn"))
            .lang(lang)
            .status("under_review")
            .insert(t.conn())
            .await;
        decide(
            chosen.id,
            "accepted",
            "Your host laboratory expects you in March.",
        )
        .await;
        let not_chosen = ApplicationBuilder::new(call)
            .host_post(post)
            .applicant("Siti Rahma", &format!("siti.{lang}@example.ac.id"))
            .lang(lang)
            .insert(t.conn())
            .await;
        decide(not_chosen.id, "declined", "").await;
    }
    let messages = outbox_message::Entity::find()
        .filter(outbox_message::Column::Kind.is_in(techbridge::outbox::KINDS.iter().copied()))
        .order_by_asc(outbox_message::Column::Id)
        .all(t.conn())
        .await
        .unwrap();
    assert_eq!(messages.len(), 4 * LANGS.len());
    for kind in techbridge::outbox::KINDS {
        let mut doc = String::new();
        for lang in LANGS {
            let m = messages
                .iter()
                .find(|m| m.kind == *kind && m.lang == lang)
                .unwrap_or_else(|| panic!("no {kind} message in {lang}"));
            assert!(m.sent_at.is_none(), "no SMTP here: waiting in the outbox");
            doc.push_str(&format!(
                "== {lang}\nTo: {}\nSubject: {}\n\n{}\n\n",
                m.to_email, m.subject, m.body
            ));
        }
        redacted(|| insta::assert_snapshot!(format!("message_{kind}"), doc));
    }
}
