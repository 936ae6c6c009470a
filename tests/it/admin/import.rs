//! Spreadsheet import of technologies: the dry run, the real import in one
//! transaction, re-import by provider reference, labels in any language,
//! the refusals, the template, and the command line.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Statement};
use techbridge::entities::{
    audit_entry, import_upload, need, need_translation, technology, technology_translation,
};
use techbridge::i18n::Locale;
use techbridge::web::Translator;

use super::*;
use crate::support::*;

fn tr(tag: &str) -> Translator {
    Translator {
        locale: Locale::from_tag(tag).unwrap(),
    }
}

const HEADER: &str = "provider_ref,source_lang,status,field,trl,ip_status,modes,countries,province,contact_name,contact_email,title.en,title.zh-CN,summary.en,description.en,provider.en";

/// A CSV row under `HEADER`: a published technology with every required
/// text in English.
fn row(reference: &str, title: &str, field: &str, trl: &str, countries: &str) -> String {
    format!(
        "{reference},en,published,{field},{trl},patent_granted,licensing,\"{countries}\",guangxi,Li Wei,liwei@gxaas.example.cn,{title},,Summary of {title},Description of {title}.,Guangxi Academy"
    )
}

fn csv(rows: &[String]) -> Vec<u8> {
    let mut s = HEADER.to_owned();
    for r in rows {
        s.push('\n');
        s.push_str(r);
    }
    s.push('\n');
    s.into_bytes()
}

/// The upload form's body; without a kind, as the form for technologies
/// was first posted (technologies).
fn body(csrf: &str, kind: Option<&str>, filename: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let boundary = "----techbridgeimportboundary";
    let kind = kind.map_or_else(String::new, |k| {
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n{k}\r\n")
    });
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n{kind}--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn upload_file<S, B>(app: &S, b: &Browser, filename: &str, bytes: &[u8]) -> Resp
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    upload_kind(app, b, None, filename, bytes).await
}

async fn upload_kind<S, B>(
    app: &S,
    b: &Browser,
    kind: Option<&str>,
    filename: &str,
    bytes: &[u8],
) -> Resp
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let (ct, body) = body(&b.csrf, kind, filename, bytes);
    send(
        app,
        TestRequest::post()
            .uri("/admin/import")
            .insert_header(("content-type", ct))
            .insert_header(("sec-fetch-site", "same-origin"))
            .insert_header(("cookie", b.header()))
            .set_payload(body),
    )
    .await
}

/// Uploads a file that must pass its dry run, then imports it: the
/// dry run's summary.
async fn import<S, B>(app: &S, b: &mut Browser, filename: &str, bytes: &[u8]) -> String
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    import_kind(app, b, None, filename, bytes).await
}

async fn import_kind<S, B>(
    app: &S,
    b: &mut Browser,
    kind: Option<&str>,
    filename: &str,
    bytes: &[u8],
) -> String
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let r = upload_kind(app, b, kind, filename, bytes).await;
    assert_eq!(
        r.status,
        200,
        "dry run: {:?}",
        r.texts("#problems td, .field-error")
    );
    let summary = r.text("#import-ready");
    let id = r
        .attr("input[name=upload]", "value")
        .expect("the kept upload");
    let done = b
        .post_csrf(app, "/admin/import/run", &[("upload", &id)])
        .await;
    assert_eq!(done.status, 303, "{}", done.text("#file-error"));
    let page = b.get(app, done.location().unwrap()).await;
    assert!(!page.text("#import-done").is_empty());
    summary
}

async fn count(t: &TestApp) -> u64 {
    technology::Entity::find().count(t.conn()).await.unwrap()
}

async fn by_ref(t: &TestApp, reference: &str) -> technology::Model {
    technology::Entity::find()
        .filter(technology::Column::ProviderRef.eq(reference))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no technology {reference}"))
}

async fn title(t: &TestApp, id: i32, lang: &str) -> technology_translation::Model {
    technology_translation::Entity::find()
        .filter(technology_translation::Column::TechnologyId.eq(id))
        .filter(technology_translation::Column::Lang.eq(lang))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
}

/// A download's bytes as sent (a `Resp` holds text).
async fn download<S, B>(app: &S, b: &Browser, path: &str) -> Vec<u8>
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let res = actix_web::test::call_service(
        app,
        TestRequest::get()
            .uri(path)
            .insert_header(("cookie", b.header()))
            .peer_addr(format!("{CLIENT_IP}:40000").parse().unwrap())
            .to_request(),
    )
    .await;
    assert_eq!(res.status(), 200, "{path}");
    let disposition = res.headers().get("content-disposition").unwrap();
    assert!(disposition.to_str().unwrap().contains("attachment"));
    actix_web::test::read_body(res).await.to_vec()
}

fn xlsx(rows: &[&[&str]], change: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, cells) in rows.iter().enumerate() {
        for (c, v) in cells.iter().enumerate() {
            if let Ok(n) = v.parse::<f64>() {
                sheet.write_number(r as u32, c as u16, n).unwrap();
            } else {
                sheet.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    change(sheet);
    book.save_to_buffer().unwrap()
}

const XLSX_HEADER: &[&str] = &[
    "provider_ref",
    "status",
    "field",
    "trl",
    "ip_status",
    "modes",
    "countries",
    "province",
    "contact_name",
    "contact_email",
    "source_lang",
    "title.id",
    "summary.id",
    "description.id",
    "provider.id",
];

#[actix_web::test]
async fn csv_and_xlsx_import_after_a_dry_run_and_reimport_updates() {
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    assert_eq!(b.get(&app, "/admin/import").await.status, 200);
    // Labels in Chinese and Indonesian, country names in any language.
    let (zh, id) = (tr("zh-CN"), tr("id"));
    let countries = format!("{}; Viet Nam", zh.code("country", "ID"));
    let file = csv(&[
        row(
            "GX-001",
            "Quenchwort rice drying",
            &zh.code("field", "agriculture"),
            "7",
            &countries,
        ),
        row(
            "GX-002",
            "Solar mini grids",
            &id.code("field", "new_energy"),
            "5",
            "TH",
        ),
    ]);
    let before = fingerprint(&t).await;
    let r = upload_file(&app, &b, "techs.csv", &file).await;
    assert_eq!(r.status, 200, "{:?}", r.texts("#problems td"));
    assert_eq!(r.text("#import-ready"), "techs.csv: 2 new, 0 updated");
    // The dry run changed nothing but keep the file for the next step.
    let content = |f: Vec<(&'static str, u64)>| -> Vec<(&'static str, u64)> {
        f.into_iter()
            .filter(|(n, _)| *n != "import_upload")
            .collect()
    };
    assert_eq!(content(fingerprint(&t).await), content(before));
    assert_eq!(
        import_upload::Entity::find().count(t.conn()).await.unwrap(),
        1
    );
    assert_eq!(count(&t).await, 0);
    let upload = r.attr("input[name=upload]", "value").unwrap();
    let done = b
        .post_csrf(&app, "/admin/import/run", &[("upload", &upload)])
        .await;
    assert_eq!(done.status, 303);
    let page = b.get(&app, done.location().unwrap()).await;
    assert_eq!(page.text("#import-done"), "Imported: 2 new, 0 updated.");
    assert_eq!(count(&t).await, 2);
    let rice = by_ref(&t, "GX-001").await;
    assert_eq!(rice.field, "agriculture");
    assert_eq!(rice.trl, 7);
    assert_eq!(
        techbridge::taxonomy::unmask(techbridge::taxonomy::ASEAN, rice.countries),
        vec!["ID", "VN"]
    );
    assert_eq!(rice.slug, "quenchwort-rice-drying");
    assert_eq!(by_ref(&t, "GX-002").await.field, "new_energy");
    let en = title(&t, rice.id, "en").await;
    assert_eq!(
        (en.title.as_str(), en.revision),
        ("Quenchwort rice drying", 1)
    );
    // One audit entry for the import, with its counts.
    let entries = audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq("import"))
        .all(t.conn())
        .await
        .unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].summary, "techs.csv: 2 new, 0 updated");
    // The kept file is gone once imported.
    assert_eq!(
        import_upload::Entity::find().count(t.conn()).await.unwrap(),
        0
    );
    // The public catalogue finds it.
    let r = get(&app, "/en/technologies?q=quenchwort").await;
    assert_eq!(
        r.attrs(".tech-card h3 a", "href"),
        vec!["/en/technologies/quenchwort-rice-drying".to_owned()]
    );

    // The same file again, one title changed: updated, not duplicated.
    let file = csv(&[
        row(
            "GX-001",
            "Quenchwort paddy drying",
            "agriculture",
            "8",
            "ID",
        ),
        row("GX-002", "Solar mini grids", "new_energy", "5", "TH"),
    ]);
    assert_eq!(
        import(&app, &mut b, "techs.csv", &file).await,
        "techs.csv: 0 new, 2 updated"
    );
    assert_eq!(count(&t).await, 2);
    let again = by_ref(&t, "GX-001").await;
    assert_eq!((again.id, again.trl), (rice.id, 8));
    // The slug stays; the text moved a revision up.
    assert_eq!(again.slug, "quenchwort-rice-drying");
    let en = title(&t, rice.id, "en").await;
    assert_eq!(
        (en.title.as_str(), en.revision),
        ("Quenchwort paddy drying", 2)
    );
    let r = get(&app, "/en/technologies?q=paddy").await;
    assert_eq!(r.attrs(".tech-card h3 a", "href").len(), 1);

    // An XLSX workbook with Indonesian labels and text; TRL as a number.
    let ip = id.code("ip", "know_how");
    let mode = id.code("mode", "joint_rnd");
    let book = xlsx(
        &[
            XLSX_HEADER,
            &[
                "GX-003",
                "published",
                "Pertanian",
                "6",
                &ip,
                &mode,
                "Indonesia, Malaysia",
                "guangxi",
                "Budi",
                "budi@example.co.id",
                "id",
                "Pengering gabah tenaga surya",
                "Ringkasan",
                "Deskripsi lengkap.",
                "Akademi",
            ],
        ],
        |_| {},
    );
    assert_eq!(
        import(&app, &mut b, "techs.xlsx", &book).await,
        "techs.xlsx: 1 new, 0 updated"
    );
    let dryer = by_ref(&t, "GX-003").await;
    assert_eq!(
        (
            dryer.trl,
            dryer.ip_status.as_str(),
            dryer.source_lang.as_str()
        ),
        (6, "know_how", "id")
    );
    // No English title: the slug comes from the Indonesian one.
    assert_eq!(dryer.slug, "pengering-gabah-tenaga-surya");
    let r = get(&app, "/id/technologies?q=gabah").await;
    assert!(
        r.attrs(".tech-card h3 a", "href")
            .contains(&"/id/technologies/pengering-gabah-tenaga-surya".to_owned())
    );
}

#[actix_web::test]
async fn problems_are_listed_by_row_and_column_in_the_editors_language() {
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    b.get(&app, "/admin/account").await;
    b.post_csrf(
        &app,
        "/admin/account",
        &[("action", "language"), ("ui_lang", "zh-CN")],
    )
    .await;
    b.get(&app, "/admin/import").await;
    let long = "x".repeat(161);
    let file = csv(&[
        row("A-1", "Fine row", "agriculture", "5", "ID"),
        row("A-2", "Bad field", "astrology", "5", "ID"),
        row("A-3", "Bad TRL", "agriculture", "12", "ID"),
        row("A-4", "Bad country", "agriculture", "5", "Atlantis"),
        row("A-5", "", "agriculture", "5", "ID"),
        row("A-6", &long, "agriculture", "5", "ID"),
        row("A-1", "Repeated reference", "agriculture", "5", "ID"),
    ]);
    let before = fingerprint(&t).await;
    let r = upload_file(&app, &b, "bad.csv", &file).await;
    assert_eq!(r.status, 422);
    let cells = r.texts("#problems tbody td");
    let rows: Vec<(String, String, String)> = cells
        .chunks(3)
        .map(|c| (c[0].clone(), c[1].clone(), c[2].clone()))
        .collect();
    let zh = tr("zh-CN");
    let expect = [
        (
            "3",
            "field",
            zh.ts("import-unknown-value", "value", "astrology"),
        ),
        ("4", "trl", zh.t("form-number-range")),
        (
            "5",
            "countries",
            zh.ts("import-unknown-value", "value", "Atlantis"),
        ),
        ("6", "title.en", zh.t("form-required")),
        ("7", "title.en", zh.tn("form-too-long-n", 160)),
        (
            "8",
            "provider_ref",
            zh.ts("import-repeated-ref", "value", "2"),
        ),
    ];
    for (row, column, reason) in &expect {
        assert!(
            rows.iter()
                .any(|(r, c, why)| r == row && c == column && why == reason),
            "row {row} {column}: {reason} not in {rows:?}"
        );
    }
    // The summary row with problems counted is the Chinese one.
    assert!(
        r.text("#problems-title").contains("问题"),
        "{}",
        r.text("#problems-title")
    );
    assert!(
        !rows.iter().any(|(r, _, _)| r == "2"),
        "row 2 is fine: {rows:?}"
    );
    assert!(r.attr("input[name=upload]", "value").is_none());
    assert_eq!(fingerprint(&t).await, before);
    assert_eq!(count(&t).await, 0);
}

#[actix_web::test]
async fn refused_files_change_nothing_and_say_why() {
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    b.get(&app, "/admin/import").await;
    let before = fingerprint(&t).await;
    let en = tr("en");
    // 50 MB declared: refused before the body is read.
    let big = vec![b'a'; 50 * 1024 * 1024];
    let r = upload_file(&app, &b, "huge.csv", &big).await;
    assert_eq!(r.status, 413);
    assert_eq!(r.text("#file-error"), en.tn("import-too-large", 10));
    // Over the limit but within what is drained: the error at the field.
    let mut over = csv(&[row("B-1", "Fine", "agriculture", "5", "ID")]);
    over.resize(11 * 1024 * 1024, b' ');
    let r = upload_file(&app, &b, "big.csv", &over).await;
    assert_eq!(r.status, 422);
    assert_eq!(r.text("#file-error"), en.tn("import-too-large", 10));
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(vec![0u8; 200]);
    let formula = xlsx(&[&["title.en", "trl"], &["Rice", "5"]], |s| {
        s.write_formula(1, 2, "=1+1").unwrap();
    });
    let merged = xlsx(&[&["title.en", "trl"], &["Rice", "5"]], |s| {
        s.merge_range(2, 0, 2, 1, "merged", &rust_xlsxwriter::Format::new())
            .unwrap();
    });
    let random: Vec<u8> = (0..4000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let unknown = format!(
        "{HEADER},colour\n{},blue\n",
        row("B-1", "Fine", "agriculture", "5", "ID")
    );
    let cases: Vec<(&str, Vec<u8>, String)> = vec![
        ("image.csv", png, en.t("import-not-spreadsheet")),
        ("noise.csv", random, en.t("import-not-spreadsheet")),
        ("empty.csv", Vec::new(), en.t("import-empty")),
        ("", Vec::new(), en.t("form-required")),
        ("blank.csv", b"\n\n".to_vec(), en.t("import-empty")),
        (
            "formula.xlsx",
            formula,
            en.ts("import-formulas", "value", "C2"),
        ),
        ("merged.xlsx", merged, en.ts("import-merged", "value", "A3")),
        (
            "unknown.csv",
            unknown.into_bytes(),
            en.ts("import-unknown-column", "value", "colour"),
        ),
        (
            "missing.csv",
            b"title.en,trl\nRice,5\n".to_vec(),
            en.ts(
                "import-missing-columns",
                "value",
                "field, ip_status, modes, countries, province, contact_name, contact_email",
            ),
        ),
        (
            "fake.xlsx",
            b"PK\x03\x04 this is no workbook".to_vec(),
            en.t("import-not-spreadsheet"),
        ),
    ];
    // (An unnamed empty part is a form sent without choosing a file.)
    for (name, bytes, message) in cases {
        let r = upload_file(&app, &b, name, &bytes).await;
        assert_eq!(r.status, 422, "{name}");
        assert_eq!(r.text("#file-error"), message, "{name}");
    }
    assert_eq!(fingerprint(&t).await, before);
    assert_eq!(count(&t).await, 0);
    assert_eq!(
        import_upload::Entity::find().count(t.conn()).await.unwrap(),
        0
    );
    // A kept upload of someone else, or none: nothing to import.
    let r = b
        .post_csrf(&app, "/admin/import/run", &[("upload", "999")])
        .await;
    assert_eq!(r.status, 404);
    assert_eq!(r.text("#file-error"), en.t("import-expired"));
}

#[actix_web::test]
async fn a_failure_midway_imports_nothing() {
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    b.get(&app, "/admin/import").await;
    let file = csv(&[
        row("C-1", "First of three", "agriculture", "5", "ID"),
        row("C-2", "Second of three", "agriculture", "5", "ID"),
        row("C-3", "Third explodes", "agriculture", "5", "ID"),
    ]);
    let r = upload_file(&app, &b, "three.csv", &file).await;
    assert_eq!(r.status, 200);
    let upload = r.attr("input[name=upload]", "value").unwrap();
    // The database refuses the third row's text: the two before it must
    // not stay behind.
    let db = t.conn();
    let backend = db.get_database_backend();
    let sql: &[&str] = match backend {
        sea_orm::DbBackend::Postgres => &[
            "CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN \
             IF NEW.title = 'Third explodes' THEN RAISE EXCEPTION 'boom'; END IF; \
             RETURN NEW; END; $$ LANGUAGE plpgsql",
            "CREATE TRIGGER boom BEFORE INSERT ON technology_translations \
             FOR EACH ROW EXECUTE FUNCTION boom()",
        ],
        _ => &[
            "CREATE TRIGGER boom BEFORE INSERT ON technology_translations \
                WHEN NEW.title = 'Third explodes' BEGIN SELECT RAISE(ABORT, 'boom'); END",
        ],
    };
    for s in sql {
        db.execute_raw(Statement::from_string(backend, *s))
            .await
            .unwrap();
    }
    let before = fingerprint(&t).await;
    let r = b
        .post_csrf(&app, "/admin/import/run", &[("upload", &upload)])
        .await;
    assert_eq!(r.status, 500);
    assert_eq!(r.text("#file-error"), tr("en").t("import-failed"));
    assert_eq!(count(&t).await, 0);
    assert_eq!(fingerprint(&t).await, before);
    // Once the fault is gone, the kept file imports whole.
    let drop_sql: &[&str] = match backend {
        sea_orm::DbBackend::Postgres => &[
            "DROP TRIGGER boom ON technology_translations",
            "DROP FUNCTION boom()",
        ],
        _ => &["DROP TRIGGER boom"],
    };
    for s in drop_sql {
        db.execute_raw(Statement::from_string(backend, *s))
            .await
            .unwrap();
    }
    let r = b
        .post_csrf(&app, "/admin/import/run", &[("upload", &upload)])
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(count(&t).await, 3);
}

#[actix_web::test]
async fn the_templates_import_as_they_are() {
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    b.get(&app, "/admin/import").await;
    let bytes = download(&app, &b, "/admin/import/template.xlsx").await;
    // A second sheet lists the allowed values with their names.
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::Xlsx::new(std::io::Cursor::new(bytes.clone())).unwrap();
    let names = book.sheet_names();
    assert_eq!(names.len(), 2);
    let values = book.worksheet_range(&names[1]).unwrap();
    let listed: Vec<String> = values.rows().map(|r| r[1].to_string()).collect();
    for code in [
        "agriculture",
        "ID",
        "TL",
        "licensing",
        "patent_granted",
        "guangxi",
    ] {
        assert!(listed.iter().any(|c| c == code), "{code} not listed");
    }
    assert!(
        values
            .rows()
            .any(|r| r[1] == "ID" && r[2].to_string() == tr("zh-CN").code("country", "ID"))
    );
    b.get(&app, "/admin/import").await;
    assert_eq!(
        import(&app, &mut b, "technologies-template.xlsx", &bytes).await,
        "technologies-template.xlsx: 1 new, 0 updated"
    );
    let csv_template = download(&app, &b, "/admin/import/template.csv").await;
    assert!(csv_template.starts_with(b"\xef\xbb\xbfprovider_ref,"));
    b.get(&app, "/admin/import").await;
    // The same reference: the CSV template updates what the XLSX made.
    assert_eq!(
        import(&app, &mut b, "technologies-template.csv", &csv_template).await,
        "technologies-template.csv: 0 new, 1 updated"
    );
    assert_eq!(count(&t).await, 1);
    // Reviewers do not import.
    let mut reviewer = login(&app, REVIEWER).await;
    assert_eq!(reviewer.get(&app, "/admin/import").await.status, 403);
    assert_eq!(
        reviewer
            .get(&app, "/admin/import/template.csv")
            .await
            .status,
        403
    );
}

#[actix_web::test]
async fn the_command_line_imports_or_lists_problems() {
    let t = TestApp::empty().await;
    let dir = tempfile::tempdir().unwrap();
    let cli = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_techbridge"))
            .args(["--log-level", "warn", "--data-dir"])
            .arg(dir.path())
            .args(args)
            .env("DATABASE_URL", t.database_url())
            .env("NO_DEMO", "true")
            .output()
            .unwrap()
    };
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        csv(&[
            row("D-1", "Fine", "agriculture", "5", "ID"),
            row("D-2", "Bad", "agriculture", "0", "ID"),
        ]),
    )
    .unwrap();
    let out = cli(&["import", "technologies", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Row 3, trl:"), "{err}");
    assert_eq!(count(&t).await, 0);
    let good = dir.path().join("good.csv");
    std::fs::write(
        &good,
        csv(&[
            row("D-1", "Fine", "agriculture", "5", "ID"),
            row("D-2", "Also fine", "agriculture", "9", "ID"),
        ]),
    )
    .unwrap();
    let out = cli(&[
        "import",
        "technologies",
        good.to_str().unwrap(),
        "--dry-run",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("2 new, 0 updated"));
    assert_eq!(count(&t).await, 0);
    // Not a terminal: one line of summary, no progress bar.
    let out = cli(&["import", "technologies", good.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(
        stdout.starts_with("Imported: 2 new, 0 updated."),
        "{stdout}"
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(count(&t).await, 2);
}

const NEEDS_HEADER: &str = "provider_ref,source_lang,status,field,country,organisation,contact_name,contact_email,title.en,title.id,description.en,description.id";

fn needs_csv(rows: &[&str]) -> Vec<u8> {
    let mut s = NEEDS_HEADER.to_owned();
    for r in rows {
        s.push('\n');
        s.push_str(r);
    }
    s.push('\n');
    s.into_bytes()
}

async fn need_by_ref(t: &TestApp, reference: &str) -> need::Model {
    need::Entity::find()
        .filter(need::Column::ProviderRef.eq(reference))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no need {reference}"))
}

async fn needs_count(t: &TestApp) -> u64 {
    need::Entity::find().count(t.conn()).await.unwrap()
}

#[actix_web::test]
async fn needs_import_like_technologies() {
    let t = TestApp::empty().await.with_accounts().await;
    let app = t.service().await;
    let mut b = login(&app, EDITOR).await;
    let page = b.get(&app, "/admin/import?kind=needs").await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.attr("#import-kinds a[aria-current=page]", "href"),
        Some("/admin/import?kind=needs".to_owned())
    );
    assert_eq!(
        page.attr("form input[name=kind]", "value"),
        Some("needs".to_owned())
    );
    assert_eq!(
        page.attr("form[enctype]", "action"),
        Some("/admin/import?kind=needs".to_owned())
    );

    // The needs template: its own columns, the allowed countries; the XLSX
    // imports as it is and the CSV (same reference) updates it.
    let bytes = download(&app, &b, "/admin/import/template.xlsx?kind=needs").await;
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::Xlsx::new(std::io::Cursor::new(bytes.clone())).unwrap();
    let names = book.sheet_names();
    let header: Vec<String> = book
        .worksheet_range(&names[0])
        .unwrap()
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(header.contains(&"country".to_owned()), "{header:?}");
    assert!(header.contains(&"title.id".to_owned()));
    assert!(!header.contains(&"trl".to_owned()));
    let values = book.worksheet_range(&names[1]).unwrap();
    assert!(values.rows().any(|r| r[0] == "country" && r[1] == "KH"));
    assert!(values.rows().any(|r| r[0] == "status" && r[1] == "pending"));
    b.get(&app, "/admin/import?kind=needs").await;
    assert_eq!(
        import_kind(&app, &mut b, Some("needs"), "needs-template.xlsx", &bytes).await,
        "needs-template.xlsx: 1 new, 0 updated"
    );
    let csv_template = download(&app, &b, "/admin/import/template.csv?kind=needs").await;
    assert!(csv_template.starts_with(b"\xef\xbb\xbfprovider_ref,"));
    b.get(&app, "/admin/import?kind=needs").await;
    assert_eq!(
        import_kind(
            &app,
            &mut b,
            Some("needs"),
            "needs-template.csv",
            &csv_template
        )
        .await,
        "needs-template.csv: 0 new, 1 updated"
    );
    assert_eq!(needs_count(&t).await, 1);
    assert_eq!(count(&t).await, 0, "no technology was made");

    // Labels and country names in any language, a status by its Chinese
    // label; a row without a status starts awaiting moderation.
    let (zh, id) = (tr("zh-CN"), tr("id"));
    let rows = [
        format!(
            "N-1,en,{},{},{},Koperasi Makmur,Siti,siti@example.id,Paddy dryer,Pengering gabah,We need a dryer.,Kami butuh pengering.",
            zh.code("admin-status", "published"),
            id.code("field", "agriculture"),
            zh.code("country", "VN"),
        ),
        "N-2,en,,new_energy,Thailand,Solar Co,Somchai,somchai@example.th,Solar pumps,,Pumps for farms.,".to_owned(),
    ];
    let file = needs_csv(&[&rows[0], &rows[1]]);
    let r = upload_kind(&app, &b, Some("needs"), "needs.csv", &file).await;
    assert_eq!(r.status, 200, "{:?}", r.texts("#problems td"));
    assert_eq!(r.text("#import-ready"), "needs.csv: 2 new, 0 updated");
    // The kept upload remembers its kind: the real import makes needs.
    assert_eq!(needs_count(&t).await, 1);
    let upload = r.attr("input[name=upload]", "value").unwrap();
    let done = b
        .post_csrf(&app, "/admin/import/run", &[("upload", &upload)])
        .await;
    assert_eq!(done.status, 303);
    assert!(done.location().unwrap().contains("kind=needs"));
    assert_eq!(needs_count(&t).await, 3);
    let dryer = need_by_ref(&t, "N-1").await;
    assert_eq!(
        (
            dryer.field.as_str(),
            dryer.country.as_str(),
            dryer.status.as_str()
        ),
        ("agriculture", "VN", "published")
    );
    assert_eq!(dryer.slug, "paddy-dryer");
    let pumps = need_by_ref(&t, "N-2").await;
    assert_eq!(
        (pumps.country.as_str(), pumps.status.as_str()),
        ("TH", "pending")
    );
    let texts = need_translation::Entity::find()
        .filter(need_translation::Column::NeedId.eq(dryer.id))
        .all(t.conn())
        .await
        .unwrap();
    assert_eq!(texts.len(), 2);
    let entries = audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq("import"))
        .filter(audit_entry::Column::EntityKind.eq("needs"))
        .count(t.conn())
        .await
        .unwrap();
    assert_eq!(entries, 3);
    // Published: the public list shows it.
    let r = get(&app, "/en/needs").await;
    assert!(r.body.contains("Paddy dryer"));

    // Problems by row and column in the editor's language (Indonesian),
    // nothing changed, what was typed quoted.
    b.get(&app, "/admin/account").await;
    b.post_csrf(
        &app,
        "/admin/account",
        &[("action", "language"), ("ui_lang", "id")],
    )
    .await;
    b.get(&app, "/admin/import?kind=needs").await;
    let before = fingerprint(&t).await;
    let file = needs_csv(&[
        "N-1,en,published,agriculture,Atlantis,Koperasi Makmur,Siti,siti@example.id,Paddy dryer again,,Text.,",
        "N-3,en,published,agriculture,ID,,Budi,not-an-email,Seeds,,Text.,",
    ]);
    let r = upload_kind(&app, &b, Some("needs"), "bad.csv", &file).await;
    assert_eq!(r.status, 422);
    let cells = r.texts("#problems td");
    let find = |row: &str, column: &str| -> String {
        cells
            .chunks(3)
            .find(|c| c[0] == row && c[1] == column)
            .map(|c| c[2].clone())
            .unwrap_or_else(|| panic!("no problem at {row}/{column}: {cells:?}"))
    };
    assert_eq!(
        find("2", "country"),
        id.ts("import-unknown-value", "value", "Atlantis")
    );
    assert_eq!(find("3", "organisation"), id.t("form-required"));
    assert!(!find("3", "contact_email").is_empty());
    // A technology column is unknown in a file of needs.
    let r = upload_kind(
        &app,
        &b,
        Some("needs"),
        "wrong.csv",
        format!("{NEEDS_HEADER},trl\n").as_bytes(),
    )
    .await;
    assert_eq!(r.status, 422);
    assert_eq!(
        r.text("#file-error"),
        id.ts("import-unknown-column", "value", "trl")
    );
    let content = |f: Vec<(&'static str, u64)>| -> Vec<(&'static str, u64)> {
        f.into_iter()
            .filter(|(n, _)| *n != "import_upload")
            .collect()
    };
    assert_eq!(content(fingerprint(&t).await), content(before));
    assert_eq!(need_by_ref(&t, "N-1").await.updated_at, dryer.updated_at);
}

#[actix_web::test]
async fn the_command_line_imports_needs() {
    let t = TestApp::empty().await;
    let dir = tempfile::tempdir().unwrap();
    let cli = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_techbridge"))
            .args(["--log-level", "warn", "--data-dir"])
            .arg(dir.path())
            .args(args)
            .env("DATABASE_URL", t.database_url())
            .env("NO_DEMO", "true")
            .output()
            .unwrap()
    };
    let file = dir.path().join("needs.csv");
    std::fs::write(
        &file,
        needs_csv(&[
            "C-1,en,published,agriculture,ID,Koperasi,Siti,siti@example.id,Dryer,,Text.,",
            "C-2,en,published,agriculture,Narnia,Koperasi,Siti,siti@example.id,Seeds,,Text.,",
        ]),
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let out = cli(&["import", "needs", path, "--dry-run", "--lang", "zh-CN"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&tr("zh-CN").ts("import-unknown-value", "value", "Narnia")),
        "{err}"
    );
    assert_eq!(needs_count(&t).await, 0);
    std::fs::write(
        &file,
        needs_csv(&["C-1,en,published,agriculture,ID,Koperasi,Siti,siti@example.id,Dryer,,Text.,"]),
    )
    .unwrap();
    let out = cli(&["import", "needs", path]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Imported: 1 new, 0 updated."));
    let out = cli(&["import", "needs", path]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Imported: 0 new, 1 updated."));
    assert_eq!(needs_count(&t).await, 1);
    assert_eq!(count(&t).await, 0);
}
