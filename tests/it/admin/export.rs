//! Exports of the back-office lists: the same rows as the filtered page
//! (all of them, not one page), in CSV and XLSX, headers and codes in the
//! editor's language, formula-like cells neutralised, the list's own role
//! checks, personal data exports in the audit trail.

use std::io::Read;

use actix_web::test::TestRequest;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use techbridge::entities::{audit_entry, technology};

use crate::support::*;

/// A download read whole, as bytes (the test client's `Resp` keeps text).
struct Download {
    status: u16,
    headers: actix_web::http::header::HeaderMap,
    bytes: Vec<u8>,
}

impl Download {
    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

async fn download<S, B>(app: &S, b: &Browser, path: &str) -> Download
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let req = TestRequest::get()
        .uri(path)
        .insert_header(("cookie", b.header()))
        .peer_addr(format!("{CLIENT_IP}:40000").parse().unwrap())
        .to_request();
    let res = actix_web::test::call_service(app, req).await;
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let bytes = actix_web::test::read_body(res).await.to_vec();
    Download {
        status,
        headers,
        bytes,
    }
}

/// The CSV as rows of cells, header first; it must start with a UTF-8 BOM.
fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "no byte-order mark");
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[3..]);
    r.records()
        .map(|rec| rec.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// The first sheet of an XLSX as rows of cells, header first, read from
/// the zip with the shared strings resolved; every cell must be a string,
/// none a formula.
fn xlsx_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut read = |name: &str| {
        let mut s = String::new();
        zip.by_name(name)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .read_to_string(&mut s)
            .unwrap();
        s
    };
    let sheet = read("xl/worksheets/sheet1.xml");
    let shared = read("xl/sharedStrings.xml");
    let shared = roxmltree::Document::parse(&shared).unwrap();
    let strings: Vec<String> = shared
        .descendants()
        .filter(|n| n.has_tag_name("si"))
        .map(|si| {
            si.descendants()
                .filter(|n| n.has_tag_name("t"))
                .filter_map(|t| t.text())
                .collect()
        })
        .collect();
    let doc = roxmltree::Document::parse(&sheet).unwrap();
    assert!(
        !doc.descendants().any(|n| n.has_tag_name("f")),
        "a formula in the sheet"
    );
    let mut rows: Vec<Vec<String>> = Vec::new();
    for row in doc.descendants().filter(|n| n.has_tag_name("row")) {
        let mut cells = Vec::new();
        for c in row.children().filter(|n| n.has_tag_name("c")) {
            assert_eq!(c.attribute("t"), Some("s"), "a cell that is no string");
            let r = c.attribute("r").unwrap();
            let col = r
                .chars()
                .take_while(char::is_ascii_alphabetic)
                .fold(0usize, |n, ch| n * 26 + (ch as usize - 'A' as usize + 1))
                - 1;
            let v: usize = c
                .children()
                .find(|n| n.has_tag_name("v"))
                .and_then(|v| v.text())
                .unwrap()
                .parse()
                .unwrap();
            cells.resize(col, String::new());
            cells.push(strings[v].clone());
        }
        rows.push(cells);
    }
    // Empty cells are not written to a sheet: trailing ones come back as
    // empty strings, as in the CSV.
    let width = rows.first().map_or(0, Vec::len);
    for r in &mut rows {
        r.resize(width.max(r.len()), String::new());
    }
    rows
}

/// Both exports of a list page, through the links the page shows: their
/// rows, which must be the same cells in both formats.
async fn both<S, B>(app: &S, b: &mut Browser, page: &str) -> (Resp, Vec<Vec<String>>)
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let r = b.get(app, page).await;
    assert_eq!(r.status, 200, "{page}");
    let csv_href = r
        .attr(".export-links a[href*='/export.csv']", "href")
        .unwrap_or_else(|| panic!("{page}: no CSV export link"));
    let xlsx_href = r
        .attr(".export-links a[href*='/export.xlsx']", "href")
        .unwrap_or_else(|| panic!("{page}: no XLSX export link"));
    let c = download(app, b, &csv_href).await;
    assert_eq!(c.status, 200, "{csv_href}");
    assert_eq!(c.header("content-type"), "text/csv; charset=utf-8");
    assert_eq!(c.header("cache-control"), "no-store");
    let x = download(app, b, &xlsx_href).await;
    assert_eq!(x.status, 200, "{xlsx_href}");
    assert_eq!(
        x.header("content-type"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert_eq!(x.header("cache-control"), "no-store");
    let today = techbridge::db::now().format("%Y-%m-%d").to_string();
    let stem = csv_href
        .trim_start_matches("/admin/")
        .split('/')
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(
        c.header("content-disposition"),
        format!("attachment; filename=\"{stem}-{today}.csv\"")
    );
    assert_eq!(
        x.header("content-disposition"),
        format!("attachment; filename=\"{stem}-{today}.xlsx\"")
    );
    let rows = csv_rows(&c.bytes);
    assert_eq!(xlsx_rows(&x.bytes), rows, "{page}: XLSX and CSV differ");
    (r, rows)
}

/// The ids of the rows a list page shows (from the links to each record).
fn page_ids(r: &Resp, kind: &str) -> Vec<i32> {
    let prefix = format!("/admin/{kind}/");
    let mut ids: Vec<i32> = r
        .attrs(".data-table tbody a", "href")
        .iter()
        .filter_map(|h| h.strip_prefix(&prefix)?.parse().ok())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The ids in an export (the column headed `id_header`), sorted.
fn export_ids(rows: &[Vec<String>], id_header: &str) -> Vec<i32> {
    let col = rows[0]
        .iter()
        .position(|h| h == id_header)
        .unwrap_or_else(|| panic!("no {id_header} column in {:?}", rows[0]));
    let mut ids: Vec<i32> = rows[1..].iter().map(|r| r[col].parse().unwrap()).collect();
    ids.sort_unstable();
    ids
}

fn cell<'a>(rows: &'a [Vec<String>], header: &str, id: i32) -> &'a str {
    let col = rows[0].iter().position(|h| h == header).unwrap();
    let id_col = rows[0].iter().position(|h| h == "ID").unwrap();
    let row = rows[1..]
        .iter()
        .find(|r| r[id_col] == id.to_string())
        .unwrap_or_else(|| panic!("no row {id}"));
    &row[col]
}

/// For each list, the page filtered and its export give the same records,
/// and the filter really narrows (some records are left out).
#[actix_web::test]
async fn every_list_exports_exactly_its_filtered_view() {
    let t = TestApp::empty().await.with_accounts().await;
    let db = t.conn();
    let rice = TechnologyBuilder::new("hybrid-rice").insert(db).await;
    let solar = TechnologyBuilder::new("solar-pumps")
        .field("new_energy")
        .insert(db)
        .await;
    TechnologyBuilder::new("drip-irrigation").insert(db).await;
    NeedBuilder::new("rice-seed-need")
        .status("pending")
        .insert(db)
        .await;
    NeedBuilder::new("cold-storage-need").insert(db).await;
    EventBuilder::new("jakarta-matchmaking")
        .kind("matchmaking")
        .insert(db)
        .await;
    EventBuilder::new("nanning-forum").insert(db).await;
    NewsBuilder::new("three-agreements-signed")
        .title("en", "Three agreements signed")
        .insert(db)
        .await;
    NewsBuilder::new("forum-opens").insert(db).await;
    MemberBuilder::new("Guangxi Academy of Sciences")
        .insert(db)
        .await;
    MemberBuilder::new("Mekong Water Institute")
        .insert(db)
        .await;
    for (tech, name) in [(&rice, "Budi Santoso"), (&solar, "Dewi Lestari")] {
        let inq = InquiryBuilder::new(tech.id)
            .from(name, "PT Tani Jaya")
            .insert(db)
            .await;
        let model = technology::Entity::find_by_id(tech.id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        techbridge::deals::store::open_for_inquiry(db, &inq, &model)
            .await
            .unwrap();
    }
    let (call, post) = open_call(db).await;
    let mai = ApplicationBuilder::new(call)
        .host_post(post)
        .applicant("Nguyen Thi Mai", "mai@hus.example.edu.vn")
        .insert(db)
        .await;
    let somchai = ApplicationBuilder::new(call)
        .applicant("Somchai Jaidee", "somchai@ku.example.ac.th")
        .nationality("TH")
        .insert(db)
        .await;
    // A reviewer's lists hold what is assigned to them.
    assign_reviewer(db, mai.id, REVIEWER.0).await;
    assign_reviewer(db, somchai.id, REVIEWER.0).await;
    let app = t.service().await;
    let mut editor = login(&app, EDITOR).await;
    let mut reviewer = login(&app, REVIEWER).await;
    for (kind, filtered, all) in [
        ("technologies", "/admin/technologies?field=agriculture", 3),
        ("needs", "/admin/needs?state=pending", 2),
        ("events", "/admin/events?kind=matchmaking", 2),
        ("news", "/admin/news?q=agreements", 2),
        ("members", "/admin/members?q=mekong", 2),
        ("inquiries", "/admin/inquiries?q=dewi", 2),
        ("deals", "/admin/deals?field=agriculture", 2),
        ("applications", "/admin/applications?country=VN", 2),
    ] {
        // Applications are the reviewers' list; the others the editors'.
        let b = if kind == "applications" {
            &mut reviewer
        } else {
            &mut editor
        };
        let (page, rows) = both(&app, b, filtered).await;
        let shown = page_ids(&page, kind);
        assert!(!shown.is_empty(), "{filtered}: the filter matched nothing");
        assert!(shown.len() < all, "{filtered}: the filter left nothing out");
        assert_eq!(export_ids(&rows, "ID"), shown, "{filtered}");
        // Unfiltered, the export has every record.
        let base = filtered.split('?').next().unwrap();
        let (_, rows) = both(&app, b, base).await;
        assert_eq!(rows.len() - 1, all, "{base}");
    }
}

/// An export is every matching row, not the page the editor is on.
#[actix_web::test]
async fn an_export_holds_every_row_not_one_page() {
    let t = TestApp::empty().await.with_accounts().await;
    for i in 0..30 {
        MemberBuilder::new(&format!("Member number {i:02}"))
            .insert(t.conn())
            .await;
    }
    let app = t.service().await;
    let mut editor = login(&app, EDITOR).await;
    let (page, rows) = both(&app, &mut editor, "/admin/members?page=2").await;
    assert_eq!(page_ids(&page, "members").len(), 5);
    assert_eq!(rows.len() - 1, 30);
    assert!(
        !page
            .attr(".export-links a", "href")
            .unwrap()
            .contains("page="),
        "the export link keeps the page number"
    );
}

/// Headers and coded values come in the editor's language; dates in ISO.
#[actix_web::test]
async fn an_editor_reading_chinese_exports_in_chinese() {
    let t = TestApp::empty().await.with_accounts().await;
    let rice = TechnologyBuilder::new("hybrid-rice")
        .title("zh-CN", "杂交水稻")
        .insert(t.conn())
        .await;
    InquiryBuilder::new(rice.id).insert(t.conn()).await;
    let draft = TechnologyBuilder::new("unfinished-draft")
        .status("draft")
        .insert(t.conn())
        .await;
    let app = t.service().await;
    let mut editor = login(&app, EDITOR).await;
    editor.get(&app, "/admin/account").await;
    let r = editor
        .post_csrf(
            &app,
            "/admin/account",
            &[("action", "language"), ("ui_lang", "zh-CN")],
        )
        .await;
    assert_eq!(r.status, 303);
    let (page, rows) = both(&app, &mut editor, "/admin/technologies").await;
    assert_eq!(page.attr("html", "lang").as_deref(), Some("zh-CN"));
    assert_eq!(
        page.texts(".export-links a"),
        vec!["导出 CSV".to_owned(), "导出 XLSX".to_owned()]
    );
    assert_eq!(&rows[0][..2], ["编号", "标题"]);
    for h in ["状态", "公开页面"] {
        assert!(rows[0].iter().any(|c| c == h), "{h} in {:?}", rows[0]);
    }
    // A draft has no public page to link to.
    let public = rows[0].iter().position(|h| h == "公开页面").unwrap();
    let draft_row = rows.iter().find(|r| r[0] == draft.id.to_string()).unwrap();
    assert_eq!(draft_row[public], "");
    let row = rows.iter().find(|r| r[0] == rice.id.to_string()).unwrap();
    assert_eq!(row[1], "杂交水稻");
    assert!(row.iter().any(|c| c == "农业"), "{row:?}");
    assert!(row.iter().any(|c| c == "已发布"), "{row:?}");
    assert!(
        row.iter()
            .any(|c| c.ends_with("/zh-CN/technologies/hybrid-rice")),
        "{row:?}"
    );
    // Times as ISO 8601 in UTC, which a spreadsheet sorts.
    let published = row[rows[0].iter().position(|h| h == "发布时间").unwrap()].clone();
    assert!(
        chrono::DateTime::parse_from_rfc3339(&published).is_ok(),
        "{published}"
    );
    let (_, rows) = both(&app, &mut editor, "/admin/inquiries").await;
    assert_eq!(rows[0][0], "编号");
    assert!(rows[1].iter().any(|c| c == "印度尼西亚"), "{:?}", rows[1]);
    assert!(rows[1].iter().any(|c| c == "新咨询"), "{:?}", rows[1]);
}

/// Cells that a spreadsheet would run as formulas come out as text in both
/// formats, whatever blank or full-width sign they hide behind.
#[actix_web::test]
async fn formula_cells_are_neutralised_in_both_formats() {
    let t = TestApp::empty().await.with_accounts().await;
    let hostile = [
        "=HYPERLINK(\"http://evil.example/\",\"click\")",
        " +1",
        "＝SUM(A1)",
    ];
    let mut ids = Vec::new();
    for (i, title) in hostile.iter().enumerate() {
        let made = TechnologyBuilder::new(&format!("hostile-{i}"))
            .title("en", title)
            .insert(t.conn())
            .await;
        ids.push(made.id);
    }
    let calm = TechnologyBuilder::new("plain-title")
        .title("en", "Plain title")
        .insert(t.conn())
        .await;
    InquiryBuilder::new(calm.id)
        .from("@cmd|' /C calc'!A0", "-2+3")
        .insert(t.conn())
        .await;
    let app = t.service().await;
    let mut editor = login(&app, EDITOR).await;
    let (_, rows) = both(&app, &mut editor, "/admin/technologies").await;
    for (id, title) in ids.iter().zip(hostile) {
        assert_eq!(cell(&rows, "Title", *id), format!("'{title}"));
    }
    assert_eq!(cell(&rows, "Title", calm.id), "Plain title");
    let (_, rows) = both(&app, &mut editor, "/admin/inquiries").await;
    assert_eq!(
        rows[1][rows[0].iter().position(|h| h == "Name").unwrap()],
        "'@cmd|' /C calc'!A0"
    );
    assert_eq!(
        rows[1][rows[0].iter().position(|h| h == "Organisation").unwrap()],
        "'-2+3"
    );
}

/// An export is refused to whoever may not see its list; anonymous
/// visitors are sent to sign in; an unknown format is not found.
#[actix_web::test]
async fn exports_follow_the_lists_role_checks() {
    let t = TestApp::empty().await.with_accounts().await;
    TechnologyBuilder::new("hybrid-rice").insert(t.conn()).await;
    let app = t.service().await;
    let reviewer = login(&app, REVIEWER).await;
    let editor = login(&app, EDITOR).await;
    for p in [
        "/admin/technologies/export.csv",
        "/admin/technologies/export.xlsx",
        "/admin/needs/export.csv",
        "/admin/members/export.xlsx",
        "/admin/inquiries/export.csv",
        "/admin/deals/export.xlsx",
    ] {
        let r = download(&app, &reviewer, p).await;
        assert_eq!(r.status, 403, "reviewer {p}");
        assert!(!r.header("content-type").starts_with("text/csv"), "{p}");
    }
    for p in [
        "/admin/applications/export.csv",
        "/admin/applications/export.xlsx",
    ] {
        assert_eq!(download(&app, &editor, p).await.status, 403, "editor {p}");
        assert_eq!(download(&app, &reviewer, p).await.status, 200, "{p}");
    }
    for p in [
        "/admin/technologies/export.csv",
        "/admin/inquiries/export.xlsx",
        "/admin/applications/export.csv?country=VN",
    ] {
        let r = download(&app, &Browser::default(), p).await;
        assert_eq!(r.status, 303, "{p}");
        assert!(
            r.header("location").starts_with("/admin/login?next="),
            "{p}: {}",
            r.header("location")
        );
    }
    for p in [
        "/admin/technologies/export.pdf",
        "/admin/inquiries/export.html",
        "/admin/deals/export.",
    ] {
        assert_eq!(download(&app, &editor, p).await.status, 404, "{p}");
    }
}

/// Exports of personal data (inquiries, deals, applications) are in the
/// audit trail; those of published content are not.
#[actix_web::test]
async fn personal_data_exports_are_audited() {
    let t = TestApp::empty().await.with_accounts().await;
    TechnologyBuilder::new("hybrid-rice").insert(t.conn()).await;
    let app = t.service().await;
    let editor = login(&app, EDITOR).await;
    let reviewer = login(&app, REVIEWER).await;
    let exports = || {
        audit_entry::Entity::find()
            .filter(audit_entry::Column::Action.eq("export"))
            .count(t.conn())
    };
    assert_eq!(exports().await.unwrap(), 0);
    download(&app, &editor, "/admin/technologies/export.csv").await;
    assert_eq!(exports().await.unwrap(), 0);
    for (b, p, kind) in [
        (&editor, "/admin/inquiries/export.csv?status=new", "inquiry"),
        (&editor, "/admin/deals/export.xlsx", "deal"),
        (&reviewer, "/admin/applications/export.csv", "application"),
    ] {
        assert_eq!(download(&app, b, p).await.status, 200, "{p}");
        let e = audit_entry::Entity::find()
            .filter(audit_entry::Column::Action.eq("export"))
            .filter(audit_entry::Column::EntityKind.eq(kind))
            .one(t.conn())
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("{p}: not audited"));
        assert_eq!(e.ip.as_deref(), Some(CLIENT_IP), "{p}");
        let query = p.split_once('?').map_or("", |(_, q)| q);
        assert!(
            e.summary.ends_with(&format!("?{query}")),
            "{p}: {}",
            e.summary
        );
    }
    assert_eq!(exports().await.unwrap(), 3);
}

/// The inquiries' CSV is streamed a page at a time (`export::PAGE_ROWS`):
/// more rows than two pages hold come out each once, newest first, with the
/// byte-order mark and the header once, and the audit counts them all.
#[actix_web::test]
async fn a_streamed_csv_holds_every_row_once_across_pages() {
    use sea_orm::Set;
    use techbridge::entities::inquiry;
    let t = TestApp::empty().await.with_accounts().await;
    let tech = TechnologyBuilder::new("hybrid-rice").insert(t.conn()).await;
    let per_page = usize::try_from(techbridge::admin::export::PAGE_ROWS).unwrap();
    let n = per_page * 2 + 7;
    // Several share a time, so the pages must go on by (time, id).
    let start = techbridge::db::now();
    let rows = (0..n).map(|i| inquiry::ActiveModel {
        technology_id: Set(tech.id),
        name: Set(format!("Visitor {i}")),
        organisation: Set("=cmd|' /C calc'!A0".to_owned()),
        country: Set("ID".to_owned()),
        email: Set(format!("v{i}@example.id")),
        message: Set("Berapa biaya lisensi?".to_owned()),
        lang: Set("id".to_owned()),
        status: Set("new".to_owned()),
        created_at: Set(start + chrono::Duration::seconds(i64::try_from(i / 3).unwrap())),
        updated_at: Set(start),
        ..Default::default()
    });
    inquiry::Entity::insert_many(rows)
        .exec(t.conn())
        .await
        .unwrap();
    let app = t.service().await;
    let editor = login(&app, EDITOR).await;
    let d = download(&app, &editor, "/admin/inquiries/export.csv").await;
    assert_eq!(d.status, 200);
    assert!(d.header("content-disposition").contains("inquiries-"));
    assert!(d.bytes.starts_with(b"\xEF\xBB\xBF"));
    assert_eq!(
        d.bytes.windows(3).filter(|w| *w == b"\xEF\xBB\xBF").count(),
        1
    );
    let table = csv_rows(&d.bytes);
    assert_eq!(table.len(), n + 1);
    let ids: Vec<i32> = table[1..].iter().map(|r| r[0].parse().unwrap()).collect();
    let unique: std::collections::BTreeSet<i32> = ids.iter().copied().collect();
    assert_eq!(unique.len(), n, "a row twice");
    // Newest first: the names count down in steps of three.
    let first: usize = table[1][2].trim_start_matches("Visitor ").parse().unwrap();
    let last: usize = table[n][2].trim_start_matches("Visitor ").parse().unwrap();
    assert!(first >= n - 3 && last < 3, "{first} .. {last}");
    assert!(table[1..].iter().all(|r| r[3].starts_with("'=")));
    let e = audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq("export"))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap();
    assert!(
        e.summary.starts_with(&format!("{n} (csv)")),
        "{}",
        e.summary
    );
    // The XLSX export, built in memory, holds the same rows.
    let x = download(&app, &editor, "/admin/inquiries/export.xlsx").await;
    assert_eq!(xlsx_rows(&x.bytes).len(), n + 1);
}
