//! The back office: access control, sessions, CSRF, content management in
//! three languages, translation status, media, inquiries. One file per
//! concern; the helpers they share are here.

mod access;
mod accounts;
mod audit;
mod content;
mod export;
mod forgery;
mod hostile;
mod import;
mod inquiries;
mod media;
mod publishing;
mod review;
mod revisions;
mod sessions;
mod vocabulary;

use actix_web::test::TestRequest;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Statement};
use techbridge::entities::news_translation;

use crate::support::*;

/// Real ids of one record of each kind the back office addresses, so that
/// every route of the table can be called with a path that exists.
struct Ids {
    /// (kind as in the URL, id of a record of that kind)
    content: Vec<(&'static str, i32)>,
    editor: i32,
    inquiry: i32,
    deal: i32,
    interest: i32,
    application: i32,
    document: i32,
    media: i32,
}

impl Ids {
    fn of(&self, kind: &str) -> i32 {
        self.content
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, id)| *id)
            .unwrap_or_else(|| {
                panic!("no record for /admin/{kind}: add its kind to content_kinds() and seed()")
            })
    }
}

/// Every kind of content of `content_routes`, by type name as written in
/// src/routes.rs, with its URL segment and its table.
fn content_kinds() -> Vec<(&'static str, &'static str, &'static str)> {
    use techbridge::admin::kinds::Kind;
    use techbridge::admin::kinds::{
        calls::Calls, events::Events, fellows::Fellows, members::Members, needs::Needs, news::News,
        pages::Pages, posts::Posts, technologies::Technologies,
    };
    vec![
        ("Technologies", Technologies::NAME, Technologies::TABLE),
        ("Needs", Needs::NAME, Needs::TABLE),
        ("Events", Events::NAME, Events::TABLE),
        ("News", News::NAME, News::TABLE),
        ("Fellows", Fellows::NAME, Fellows::TABLE),
        ("Calls", Calls::NAME, Calls::TABLE),
        ("Posts", Posts::NAME, Posts::TABLE),
        ("Members", Members::NAME, Members::TABLE),
        ("Pages", Pages::NAME, Pages::TABLE),
    ]
}

async fn first_id(t: &TestApp, table: &str) -> i32 {
    t.conn()
        .query_one_raw(Statement::from_string(
            t.conn().get_database_backend(),
            format!("SELECT MIN(id) AS id FROM {table}"),
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i32>("", "id")
        .unwrap_or_else(|e| panic!("no row in {table}: {e}"))
}

/// A visitor's inquiry about the technology `slug`, through the public form.
async fn inquire<S, B>(app: &S, slug: &str, name: &str, organisation: &str, message: &str)
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
        &format!("/en/technologies/{slug}/inquiry"),
        &[
            ("name", name),
            ("organisation", organisation),
            ("country", "ID"),
            ("email", "budi@tanijaya.example.com"),
            ("message", message),
            ("consent", "yes"),
            ("website", ""),
        ],
    )
    .await;
    assert_eq!(
        r.status,
        303,
        "inquiry refused: {}",
        r.text(".error-summary")
    );
}

/// One record of each kind the back office addresses, an inquiry, an
/// application with its documents, an uploaded image.
async fn seed<S, B>(app: &S, t: &TestApp) -> Ids
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    use sea_orm::{ActiveModelTrait, Set};
    use techbridge::entities::{application_document, deal, editor, inquiry, interest, media};
    let db = t.conn();
    let rice = TechnologyBuilder::new("hybrid-rice-for-tropical-paddies")
        .insert(db)
        .await;
    NeedBuilder::new("high-yield-rice-for-karawang")
        .insert(db)
        .await;
    EventBuilder::new("jakarta-technology-matchmaking")
        .insert(db)
        .await;
    NewsBuilder::new("matchmaking-brings-three-agreements")
        .insert(db)
        .await;
    FellowBuilder::new("nguyen-thi-lan").insert(db).await;
    open_call(db).await;
    MemberBuilder::new("Guangxi Academy of Sciences")
        .insert(db)
        .await;
    PageBuilder::new("about").insert(db).await;
    inquire(
        app,
        &rice.slug,
        "Budi Santoso",
        "PT Tani Jaya",
        "Berapa biaya lisensi untuk 100 hektar sawah padi?",
    )
    .await;
    let application = submit_application(app, t, "mai.nguyen@hus.example.edu.vn").await;
    let mut b = login(app, EDITOR).await;
    b.get(app, "/admin/media").await;
    let r = upload(app, &b, "rice.png", &png(64, 48)).await;
    assert_eq!(r.status, 303, "{}", r.text(".error-summary"));
    let mut content = Vec::new();
    for (_, kind, table) in content_kinds() {
        content.push((kind, first_id(t, table).await));
    }
    Ids {
        content,
        editor: editor::Entity::find()
            .filter(editor::Column::Email.eq(EDITOR.0))
            .one(t.conn())
            .await
            .unwrap()
            .unwrap()
            .id,
        inquiry: inquiry::Entity::find()
            .one(t.conn())
            .await
            .unwrap()
            .unwrap()
            .id,
        // An expression of interest waiting for moderation, in the need.
        interest: interest::ActiveModel {
            need_id: Set(first_id(t, "needs").await),
            organisation: Set("Mekong Water Co".into()),
            country: Set("VN".into()),
            contact_name: Set("Linh".into()),
            email: Set("linh@example.org".into()),
            technology_text: Set("Drinking-water station".into()),
            message: Set("We can supply this to the need.".into()),
            lang: Set("en".into()),
            status: Set("pending".into()),
            created_at: Set(techbridge::db::now()),
            updated_at: Set(techbridge::db::now()),
            ..Default::default()
        }
        .insert(t.conn())
        .await
        .unwrap()
        .id,
        // The inquiry's deal (every inquiry is one).
        deal: deal::Entity::find()
            .one(t.conn())
            .await
            .unwrap()
            .unwrap()
            .id,
        document: application_document::Entity::find()
            .filter(application_document::Column::ApplicationId.eq(application.id))
            .one(t.conn())
            .await
            .unwrap()
            .unwrap()
            .id,
        application: application.id,
        media: media::Entity::find()
            .filter(media::Column::Filename.eq("rice.png"))
            .one(t.conn())
            .await
            .unwrap()
            .unwrap()
            .id,
    }
}

/// The values an edit form would send as shown (inputs, textareas, chosen
/// options, ticked boxes), without its CSRF token.
fn edit_form(r: &Resp) -> Vec<(String, String)> {
    let html = r.html();
    let mut form: Vec<(String, String)> = Vec::new();
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    for e in html.select(&sel(
        ".edit-form input:not([type=checkbox]):not([type=submit]):not([type=file])",
    )) {
        if let (Some(n), Some(v)) = (e.value().attr("name"), e.value().attr("value")) {
            form.push((n.to_owned(), v.to_owned()));
        }
    }
    for e in html.select(&sel(".edit-form textarea")) {
        form.push((
            e.value().attr("name").unwrap().to_owned(),
            e.text().collect(),
        ));
    }
    for e in html.select(&sel(".edit-form select")) {
        for o in e.select(&sel("option[selected]")) {
            form.push((
                e.value().attr("name").unwrap().to_owned(),
                o.value().attr("value").unwrap().to_owned(),
            ));
        }
    }
    for e in html.select(&sel(".edit-form input[type=checkbox][checked]")) {
        form.push((
            e.value().attr("name").unwrap().to_owned(),
            e.value().attr("value").unwrap().to_owned(),
        ));
    }
    form.retain(|(k, _)| k != "csrf");
    assert!(!form.is_empty(), "no edit form on the page");
    form
}

/// Sets one value of a scraped form (replacing what it had).
fn set_field(form: &mut Vec<(String, String)>, key: &str, value: &str) {
    form.retain(|(k, _)| k != key);
    form.push((key.to_owned(), value.to_owned()));
}

fn pairs(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

/// Opens an edit screen, changes some values and saves it: the response.
async fn edit_and_save<S, B>(
    app: &S,
    b: &mut Browser,
    screen: &str,
    to: &str,
    changes: &[(&str, &str)],
) -> Resp
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let r = b.get(app, screen).await;
    assert_eq!(r.status, 200, "{screen}");
    let mut form = edit_form(&r);
    for (k, v) in changes {
        set_field(&mut form, k, v);
    }
    set_field(&mut form, "action", "save");
    b.post_csrf(app, to, &pairs(&form)).await
}

fn news_form<'a>(
    title_en: &'a str,
    status: &'a str,
    publish_at: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("source_lang", "en"),
        ("status", status),
        ("publish_at", publish_at),
        ("en.title", title_en),
        (
            "en.summary",
            "Three new cooperation agreements were signed at the matchmaking session.",
        ),
        (
            "en.body",
            "## Results\n\n**Three agreements** on solar power and rice.\n\n- one\n- two",
        ),
        ("zh-CN.title", "对接会签署三项合作协议"),
        ("zh-CN.summary", "对接会上签署了三项新的合作协议。"),
        (
            "zh-CN.body",
            "## 成果\n\n签署**三项协议**，涉及光伏和水稻。",
        ),
        ("action", "save"),
    ]
}

async fn news_id_by_title(t: &TestApp, title: &str) -> i32 {
    news_translation::Entity::find()
        .filter(news_translation::Column::Title.eq(title))
        .one(t.conn())
        .await
        .unwrap()
        .unwrap()
        .news_id
}

fn multipart(csrf: &str, filename: &str, bytes: &[u8], alt: &str) -> (String, Vec<u8>) {
    let boundary = "----techbridgetestboundary";
    let mut body = Vec::new();
    let mut part = |name: &str, value: &str| {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    };
    part("csrf", csrf);
    part("alt.en", alt);
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\nContent-Type: image/png\r\n\r\n").as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 120])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// A PNG whose header claims 60,000 × 60,000 pixels.
fn png_bomb() -> Vec<u8> {
    fn chunk(kind: &[u8], data: &[u8]) -> Vec<u8> {
        let mut c = (data.len() as u32).to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(data);
        let mut crc_input = kind.to_vec();
        crc_input.extend_from_slice(data);
        c.extend_from_slice(&crc32(&crc_input).to_be_bytes());
        c
    }
    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xffff_ffffu32;
        for b in data {
            crc ^= u32::from(*b);
            for _ in 0..8 {
                crc = if crc & 1 != 0 {
                    (crc >> 1) ^ 0xedb8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    let mut ihdr = 60_000u32.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&60_000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &ihdr));
    png.extend(chunk(
        b"IDAT",
        &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    ));
    png.extend(chunk(b"IEND", &[]));
    png
}

async fn upload<S, B>(app: &S, b: &Browser, filename: &str, bytes: &[u8]) -> Resp
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    upload_with(app, b, filename, bytes, "Rice field in Karawang at harvest").await
}

/// Uploads an image with the given English alt text.
async fn upload_with<S, B>(app: &S, b: &Browser, filename: &str, bytes: &[u8], alt: &str) -> Resp
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let (ct, body) = multipart(&b.csrf, filename, bytes, alt);
    send(
        app,
        TestRequest::post()
            .uri("/admin/media")
            .insert_header(("content-type", ct))
            .insert_header(("sec-fetch-site", "same-origin"))
            .insert_header(("cookie", b.header()))
            .set_payload(body),
    )
    .await
}
