//! The figures that count themselves: the home and About pages add what is
//! recorded to the baseline and say so; the report page draws the same
//! numbers as its tables; the CSV carries them; the baseline is edited
//! with its errors at the field.

use sea_orm::EntityTrait;
use techbridge::db::now;

use crate::deals::{deal_now, forward, inquire};
use crate::support::smtp::SmtpSink;
use crate::support::*;

/// Takes the Indonesian inquiry from first contact to a signed licence,
/// through the HTTP stack and the provider's e-mail link.
pub async fn sign_a_licence<S, B>(app: &S, t: &TestApp, editor: &mut Browser) -> i32
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let sink = SmtpSink::start();
    let d = inquire(app, t).await;
    assert_eq!(forward(app, editor, d.id, "").await.status, 303);
    sink.sender().send_due(t.conn(), now()).await.unwrap();
    let link = sink.messages()[0].path_of_link("/reply/");
    let r = post_form(
        app,
        &link,
        &[("answer", "interested"), ("message", "欢迎洽谈。")],
    )
    .await;
    assert_eq!(r.status, 303);
    for (action, form) in [
        (
            "talks",
            vec![("meeting", "meeting"), ("on_date", "2026-11-10")],
        ),
        (
            "sign",
            vec![("signed_on", "2026-11-28"), ("kind", "licence")],
        ),
    ] {
        let v = deal_now(t, d.id).await.version.to_string();
        let mut all = vec![("version", v.as_str())];
        all.extend(form);
        let r = editor
            .post_csrf(app, &format!("/admin/deals/{}/{action}", d.id), &all)
            .await;
        assert_eq!(r.status, 303, "{action}");
    }
    assert_eq!(deal_now(t, d.id).await.stage, "signed");
    d.id
}

fn figure(r: &Resp, label: &str) -> String {
    r.texts(".figure-list li")
        .into_iter()
        .find(|f| f.contains(label))
        .unwrap_or_else(|| panic!("no figure {label}: {:?}", r.texts(".figure-list li")))
}

#[actix_web::test]
async fn the_agreements_figure_counts_signed_deals_on_top_of_the_baseline() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let before = figure(&get(&app, "/en/").await, "cooperation agreements");
    assert_eq!(
        before,
        "653 cooperation agreements 653 by May 2022, 0 recorded since"
    );
    let zh = figure(&get(&app, "/zh-CN/").await, "份合作协议");
    assert!(zh.contains("截至2022年5月为 653"), "{zh}");
    let mut editor = login(&app, EDITOR).await;
    sign_a_licence(&app, &t, &mut editor).await;
    let after = get(&app, "/en/").await;
    assert_eq!(
        figure(&after, "cooperation agreements"),
        "654 cooperation agreements 653 by May 2022, 1 recorded since"
    );
    assert!(figure(&after, "inquiries answered").starts_with("1 inquiries answered"));
    let id = figure(&get(&app, "/id/").await, "perjanjian kerja sama");
    assert_eq!(
        id,
        "654 perjanjian kerja sama 653 hingga Mei 2022, 1 tercatat sejak itu"
    );
    // About: the four counted figures; Indonesia was in the baseline's
    // countries already, the organisation is new.
    let about = get(&app, "/en/about").await;
    assert!(figure(&about, "countries reached").starts_with("10 countries reached"));
    assert!(figure(&about, "organisations served").starts_with("9,901 organisations served"));
    assert!(
        figure(&about, "organisations served")
            .contains("more than 9,900 by May 2022, 1 recorded since")
    );
}

/// The source gives floors and a date: the figures say "more than" and
/// "as of" in each language.
#[actix_web::test]
async fn headline_figures_carry_their_qualifier_and_date() {
    let t = TestApp::demo().await;
    let app = t.service().await;
    let en = figure(&get(&app, "/en/").await, "members of the transfer network");
    assert!(en.contains("more than 2,600, as of October 2022"), "{en}");
    let zh = figure(&get(&app, "/zh-CN/").await, "家技术转移协作网络成员");
    assert!(zh.contains("截至2022年10月为2,600余"), "{zh}");
    let id = figure(
        &get(&app, "/id/").await,
        "anggota jaringan transfer teknologi",
    );
    assert!(id.contains("lebih dari 2.600, per Oktober 2022"), "{id}");
    let about = get(&app, "/en/about").await;
    assert!(figure(&about, "projects presented").contains("more than 7,800"));
    // An exact figure stays exact.
    assert!(figure(&about, "cooperation agreements").contains(" 653 by May 2022"));
    let id = figure(&get(&app, "/id/about").await, "organisasi terlayani");
    assert!(id.contains("lebih dari 9.900 hingga Mei 2022"), "{id}");
}

#[actix_web::test]
async fn the_report_draws_the_numbers_of_its_tables_and_exports_them() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut editor = login(&app, EDITOR).await;
    sign_a_licence(&app, &t, &mut editor).await;
    let r = editor.get(&app, "/admin/report").await;
    assert_eq!(r.status, 200);
    // Three charts, each an image with a title and a description, each
    // next to a table with a caption and the same numbers.
    let svgs = r.attrs("figure.report-chart svg", "role");
    assert_eq!(svgs, ["img", "img", "img"]);
    for dim in ["month", "country", "field"] {
        let caption = r.text(&format!("#table-{dim} caption"));
        assert!(!caption.is_empty());
        let title = r.text(&format!("#chart-{dim}-title"));
        assert_eq!(title, caption, "{dim}");
    }
    let row = r.texts("#table-country tbody tr:first-child > *");
    assert_eq!(row, ["Indonesia", "1", "1", "1"]);
    // The SVG's text for Indonesia and its three numbers.
    let html = r.html();
    let texts: Vec<String> = html
        .select(&scraper::Selector::parse("#table-country").unwrap())
        .next()
        .map(|_| {
            html.select(&scraper::Selector::parse("figure.report-chart svg").unwrap())
                .nth(1)
                .unwrap()
                .text()
                .map(str::to_owned)
                .collect()
        })
        .unwrap();
    let at = texts.iter().position(|t| t == "Indonesia").unwrap();
    assert_eq!(&texts[at + 1..at + 4], ["1", "1", "1"]);
    let month = now().format("%Y-%m").to_string();
    let this_month = r.texts("#table-month tbody tr:last-child > *");
    // Received and answered this month; signed on the date the editor
    // gave (2026-11-28), which is in this table only in November 2026.
    let signed = if month == "2026-11" { "1" } else { "0" };
    assert_eq!(this_month[1..], ["1", "1", signed], "{this_month:?}");

    // The CSV: same numbers, a header, a download.
    let csv = editor.get(&app, "/admin/report.csv").await;
    assert_eq!(csv.status, 200);
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    assert!(
        csv.header("content-disposition")
            .unwrap()
            .starts_with("attachment;")
    );
    let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["Table", "Code", "Name", "Received", "Answered", "Signed"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let id = rows
        .iter()
        .find(|r| &r[0] == "By country" && &r[1] == "ID")
        .unwrap();
    assert_eq!((&id[3], &id[4], &id[5]), ("1", "1", "1"));
    assert_eq!(rows.iter().filter(|r| &r[0] == "By month").count(), 12);
    // Reviewers and strangers get neither.
    let mut reviewer = login(&app, REVIEWER).await;
    assert_eq!(reviewer.get(&app, "/admin/report").await.status, 403);
    assert_eq!(reviewer.get(&app, "/admin/report.csv").await.status, 403);
    assert_eq!(get(&app, "/admin/report.csv").await.status, 303);
}

#[actix_web::test]
async fn the_baseline_is_edited_with_errors_at_the_field_and_moves_the_figures() {
    let t = TestApp::demo().await.with_accounts().await;
    let app = t.service().await;
    let mut editor = login(&app, EDITOR).await;
    editor.get(&app, "/admin/report").await;
    let bad = [
        ("agreements", "six hundred"),
        ("answered", "12"),
        ("organisations", "9900"),
        ("countries", "ID VN XY"),
        ("as_of", "May 2022"),
    ];
    let before = techbridge::entities::setting::Entity::find()
        .all(t.conn())
        .await
        .unwrap();
    let r = editor.post_csrf(&app, "/admin/report/baseline", &bad).await;
    assert_eq!(r.status, 422);
    assert_eq!(
        r.attr("#b-agreements", "value").as_deref(),
        Some("six hundred")
    );
    assert_eq!(r.attr("#b-countries", "value").as_deref(), Some("ID VN XY"));
    assert_eq!(r.attr("#b-as_of", "value").as_deref(), Some("May 2022"));
    for f in ["b-agreements", "b-countries", "b-as_of"] {
        assert!(!r.text(&format!("#{f}-error")).is_empty(), "{f}");
    }
    assert_eq!(
        techbridge::entities::setting::Entity::find()
            .all(t.conn())
            .await
            .unwrap(),
        before
    );
    let good = [
        ("agreements", "700"),
        ("answered", "12"),
        ("organisations", "9900"),
        ("countries", "id vn"),
        ("as_of", "2023-01"),
    ];
    let r = editor
        .post_csrf(&app, "/admin/report/baseline", &good)
        .await;
    assert_eq!(r.status, 303);
    let home = get(&app, "/en/").await;
    assert_eq!(
        figure(&home, "cooperation agreements"),
        "700 cooperation agreements 700 by January 2023, 0 recorded since"
    );
    assert!(figure(&get(&app, "/en/about").await, "countries reached").starts_with("2 countries"));
    // Without a month, the figures carry no note.
    let r = editor
        .post_csrf(
            &app,
            "/admin/report/baseline",
            &[
                ("agreements", "700"),
                ("answered", "0"),
                ("organisations", "0"),
                ("countries", ""),
                ("as_of", ""),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        figure(&get(&app, "/en/").await, "cooperation agreements"),
        "700 cooperation agreements"
    );
}
