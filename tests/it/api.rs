//! The public JSON API under `/api/v1/`: every path of its OpenAPI
//! document answers as documented; cursor pages walk a whole list once;
//! `lang`, the catalogue's filters and words, `updated_since`; bad
//! parameters named in a JSON 400; ETag and 304; CORS and the preflight;
//! the per-address limit; the page that describes it; and that nothing
//! unpublished, personal or internal ever leaves through it.

use std::collections::BTreeSet;

use actix_web::test::TestRequest;
use chrono::{Duration, SecondsFormat};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::Value;
use techbridge::db::now;
use techbridge::entities::{news, programme_call, technology, technology_translation};

use crate::support::*;

fn body(r: &Resp) -> Value {
    serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", r.body))
}

fn is_json(r: &Resp) -> bool {
    r.header("content-type")
        .is_some_and(|c| c.starts_with("application/json"))
}

/// The ids of a list's records.
fn ids(v: &Value) -> Vec<i64> {
    v["data"]
        .as_array()
        .expect("data")
        .iter()
        .map(|r| r["id"].as_i64().expect("id"))
        .collect()
}

/// The path and query of a `next` link (they are absolute).
fn local(link: &str) -> String {
    let i = link.find("/api/v1/").expect("an API link");
    link[i..].to_owned()
}

/// One published record of each kind: (kind, the key its detail takes).
async fn one_of_each(t: &TestApp) -> Vec<(&'static str, String)> {
    let db = t.conn();
    let tech = TechnologyBuilder::new("solar-grain-dryer").insert(db).await;
    let need = NeedBuilder::new("cold-chain-for-fish").insert(db).await;
    let event = EventBuilder::new("asean-tech-forum")
        .in_days((10, "09:00"), (11, "17:00"))
        .insert(db)
        .await;
    let item = NewsBuilder::new("forum-opens").insert(db).await;
    let call = CallBuilder::new(2027).insert(db).await;
    let fellow = FellowBuilder::new("dr-lim-wei").insert(db).await;
    vec![
        ("technologies", tech.slug),
        ("needs", need.slug),
        ("events", event.slug),
        ("news", item.slug),
        ("calls", call.to_string()),
        ("fellows", fellow.slug),
    ]
}

/// A schema of the document, following a `$ref`.
fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(r) => {
            let name = r.rsplit('/').next().expect("ref name");
            &doc["components"]["schemas"][name]
        }
        None => schema,
    }
}

#[actix_web::test]
async fn every_documented_path_answers_as_documented() {
    let t = TestApp::empty().await;
    let keys = one_of_each(&t).await;
    let app = t.service().await;

    let r = get(&app, "/api/v1/openapi.json").await;
    assert_eq!(r.status, 200);
    assert!(is_json(&r));
    let doc = body(&r);
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
    let paths = doc["paths"].as_object().expect("paths");
    // Every kind, list and detail, and the document itself.
    assert_eq!(paths.len(), 13, "{:?}", paths.keys().collect::<Vec<_>>());

    for (path, item) in paths {
        let op = &item["get"];
        assert!(op.is_object(), "{path} documents GET");
        let kind = path
            .trim_start_matches("/api/v1/")
            .split('/')
            .next()
            .unwrap();
        let key = keys.iter().find(|(k, _)| *k == kind).map(|(_, s)| s);
        let is_detail = path.contains('{');
        let real = match (is_detail, key) {
            (true, Some(key)) => {
                let start = path.find('{').unwrap();
                format!("{}{key}", &path[..start])
            }
            (true, None) => panic!("{path}: no record to fill it with"),
            (false, _) => path.clone(),
        };

        // 200, with the documented content type and the documented fields.
        let ok = &op["responses"]["200"];
        let (ctype, media) = ok["content"]
            .as_object()
            .and_then(|c| c.iter().next())
            .unwrap_or_else(|| panic!("{path}: 200 documents no content"));
        let r = get(&app, &real).await;
        assert_eq!(r.status, 200, "{real}: {}", r.body);
        assert_eq!(r.header("content-type"), Some(ctype.as_str()), "{real}");
        let v = body(&r);
        let schema = resolve(&doc, &media["schema"]);
        for field in schema["required"].as_array().into_iter().flatten() {
            let field = field.as_str().unwrap();
            assert!(v.get(field).is_some(), "{real}: no {field} in {v}");
        }
        if !is_detail && kind != "openapi.json" {
            assert_eq!(ids(&v).len(), 1, "{real}: the one record made");
        }

        // Every documented query parameter is taken (the code reads what
        // the document says), with a value of its kind.
        for param in op["parameters"].as_array().into_iter().flatten() {
            if param["in"] != "query" {
                continue;
            }
            let name = param["name"].as_str().unwrap();
            let value = match name {
                "lang" => "id",
                "limit" => "5",
                "cursor" => continue,
                "updated_since" => "2020-01-01T00:00:00Z",
                "q" => "dryer",
                "field" => "agriculture",
                "country" => "ID",
                "mode" => "licensing",
                "ip" => "open",
                "trl_min" | "trl_max" => "5",
                "kind" => "forum",
                "cohort" => "2025",
                other => panic!("{path}: no sample value for {other}"),
            };
            let r = get(&app, &format!("{real}?{name}={value}")).await;
            assert_eq!(r.status, 200, "{real}?{name}={value}: {}", r.body);
        }

        // 304 with the ETag, as documented.
        if op["responses"]["304"].is_object() {
            let etag = r.header("etag").expect("etag").to_owned();
            let again = send(
                &app,
                TestRequest::get()
                    .uri(&real)
                    .insert_header(("if-none-match", etag)),
            )
            .await;
            assert_eq!(again.status, 304, "{real}");
        }
        // 400 naming the parameter, as documented.
        if op["responses"]["400"].is_object() {
            let r = get(&app, &format!("{real}?lang=fr")).await;
            assert_eq!(r.status, 400, "{real}");
            assert!(is_json(&r));
            assert_eq!(body(&r)["parameter"], "lang");
        }
        // 404 for a record that is not there, as documented.
        if op["responses"]["404"].is_object() {
            let start = path.find('{').unwrap();
            let missing = format!("{}999999", &path[..start]);
            let r = get(&app, &missing).await;
            assert_eq!(r.status, 404, "{missing}");
            assert!(is_json(&r), "{missing}");
            assert_eq!(body(&r)["error"], "not_found");
        }
    }
}

/// A walk through a list while records are added and deleted behind it:
/// the cursor names the last record seen, so no record that stayed from
/// start to end is skipped or given twice, even when the record the cursor
/// names is itself deleted.
#[actix_web::test]
async fn a_walk_skips_and_repeats_nothing_while_records_come_and_go() {
    let t = TestApp::empty().await;
    let db = t.conn();
    let mut news_ids = Vec::new();
    let mut tech_ids = Vec::new();
    for i in 0..6 {
        news_ids.push(i64::from(
            NewsBuilder::new(&format!("walk-{i}")).insert(db).await.id,
        ));
        tech_ids.push(i64::from(
            TechnologyBuilder::new(&format!("walk-tech-{i}"))
                .insert(db)
                .await
                .id,
        ));
    }
    let app = t.service().await;
    for (list, made) in [("news", &news_ids), ("technologies", &tech_ids)] {
        let first = body(&get(&app, &format!("/api/v1/{list}?limit=2")).await);
        let mut seen = ids(&first);
        assert_eq!(seen, made[..2].to_vec(), "{list}");
        // Behind the walk: both records already read go (one is the
        // cursor's own), one not yet read goes, a new one comes.
        let gone = [made[0], made[1], made[3]];
        for id in gone {
            let id = i32::try_from(id).unwrap();
            if list == "news" {
                news::Entity::delete_by_id(id).exec(db).await.unwrap();
            } else {
                technology::Entity::delete_by_id(id).exec(db).await.unwrap();
            }
        }
        let added = if list == "news" {
            NewsBuilder::new("walk-late").insert(db).await.id
        } else {
            TechnologyBuilder::new("walk-tech-late").insert(db).await.id
        };
        let mut next = first["next"].as_str().map(local);
        let mut pages = 1;
        while let Some(path) = next {
            let r = get(&app, &path).await;
            assert_eq!(r.status, 200, "{path}: {}", r.body);
            let v = body(&r);
            seen.extend(ids(&v));
            next = v["next"].as_str().map(local);
            pages += 1;
            assert!(pages <= 10, "no end to {list}");
        }
        let unique: BTreeSet<i64> = seen.iter().copied().collect();
        assert_eq!(unique.len(), seen.len(), "{list}: a record twice: {seen:?}");
        for id in made.iter().filter(|id| !gone.contains(id)) {
            assert!(unique.contains(id), "{list}: {id} skipped: {seen:?}");
        }
        assert!(unique.contains(&i64::from(added)), "{list}: the new one");
        assert!(!unique.contains(&made[3]), "{list}: a deleted one");
    }
}

#[actix_web::test]
async fn cursors_walk_a_whole_list_once() {
    let t = TestApp::empty().await;
    let db = t.conn();
    let mut made = BTreeSet::new();
    for i in 0..7 {
        made.insert(i64::from(
            NewsBuilder::new(&format!("item-{i}")).insert(db).await.id,
        ));
    }
    let mut techs = BTreeSet::new();
    for i in 0..5 {
        techs.insert(i64::from(
            TechnologyBuilder::new(&format!("tech-{i}"))
                .published_days_ago(i + 1)
                .insert(db)
                .await
                .id,
        ));
    }
    let app = t.service().await;

    for (list, limit, expected, pages_expected) in [
        ("/api/v1/news?lang=en", 3, &made, 3),
        ("/api/v1/technologies?lang=id", 2, &techs, 3),
    ] {
        let mut seen = Vec::new();
        let mut pages = 0;
        let mut next = Some(format!("{list}&limit={limit}"));
        while let Some(path) = next {
            let r = get(&app, &path).await;
            assert_eq!(r.status, 200, "{path}: {}", r.body);
            let v = body(&r);
            let page = ids(&v);
            assert!(page.len() <= limit, "{path}");
            seen.extend(page);
            pages += 1;
            next = v["next"].as_str().map(local);
            if let Some(n) = &next {
                // The query goes on with the cursor.
                assert!(n.contains("lang=") && n.contains(&format!("limit={limit}")));
            }
            assert!(pages <= 10, "no end to {list}");
        }
        assert_eq!(pages, pages_expected, "{list}");
        let unique: BTreeSet<i64> = seen.iter().copied().collect();
        assert_eq!(unique.len(), seen.len(), "{list}: a record twice");
        assert_eq!(&unique, expected, "{list}: gaps");
    }

    // The catalogue keeps its order: newest first.
    let v = body(&get(&app, "/api/v1/technologies?limit=100").await);
    let order = ids(&v);
    let mut newest_first: Vec<i64> = techs.iter().copied().collect();
    newest_first.sort();
    assert_eq!(
        order, newest_first,
        "published 1, 2 ... days ago, in that order"
    );

    // A cursor is taken only by the list that gave it, and cannot be made.
    let v = body(&get(&app, "/api/v1/news?limit=3").await);
    let next = local(v["next"].as_str().unwrap());
    let cursor = next.split("cursor=").nth(1).unwrap();
    for bad in [
        format!("/api/v1/events?cursor={cursor}"),
        "/api/v1/news?cursor=MTAwLjA".to_owned(),
        "/api/v1/news?cursor=%25%25".to_owned(),
    ] {
        let r = get(&app, &bad).await;
        assert_eq!(r.status, 400, "{bad}");
        assert_eq!(body(&r)["parameter"], "cursor", "{bad}");
    }
}

#[actix_web::test]
async fn lang_chooses_the_text_and_every_translation_has_its_status() {
    let t = TestApp::empty().await;
    let db = t.conn();
    let rice = TechnologyBuilder::new("hybrid-rice")
        .title("zh-CN", "杂交水稻")
        .title("en", "Hybrid rice")
        .title("id", "Padi hibrida")
        .insert(db)
        .await;
    TechnologyBuilder::new("english-only")
        .only_in(&["en"])
        .insert(db)
        .await;
    // The English source changes after the others were translated.
    technology_translation::Entity::update_many()
        .col_expr(technology_translation::Column::Revision, Expr::value(2))
        .filter(technology_translation::Column::TechnologyId.eq(rice.id))
        .filter(technology_translation::Column::Lang.eq("en"))
        .exec(db)
        .await
        .unwrap();
    let app = t.service().await;

    for (lang, title) in [
        ("zh-CN", "杂交水稻"),
        ("en", "Hybrid rice"),
        ("id", "Padi hibrida"),
    ] {
        let v = body(
            &get(
                &app,
                &format!("/api/v1/technologies/hybrid-rice?lang={lang}"),
            )
            .await,
        );
        assert_eq!(v["lang"], lang);
        assert_eq!(v["text"]["title"], title);
        assert!(
            v["url"]
                .as_str()
                .unwrap()
                .ends_with(&format!("/{lang}/technologies/hybrid-rice"))
        );
        let statuses: Vec<(String, String)> = v["translations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| {
                (
                    x["lang"].as_str().unwrap().to_owned(),
                    x["status"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        assert_eq!(
            statuses,
            vec![
                ("zh-CN".to_owned(), "outdated".to_owned()),
                ("en".to_owned(), "up-to-date".to_owned()),
                ("id".to_owned(), "outdated".to_owned()),
            ]
        );
    }

    // Not translated: the site's fallback, and the missing ones say so.
    let v = body(&get(&app, "/api/v1/technologies/english-only?lang=id").await);
    assert_eq!(v["lang"], "en");
    assert_eq!(v["text"]["lang"], "en");
    let missing: Vec<&str> = v["translations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["status"] == "missing")
        .map(|x| x["lang"].as_str().unwrap())
        .collect();
    assert_eq!(missing, vec!["zh-CN", "id"]);

    // In a list too.
    let v = body(&get(&app, "/api/v1/technologies?lang=zh-CN").await);
    let titles: Vec<&str> = v["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["text"]["title"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&"杂交水稻"), "{titles:?}");
}

#[actix_web::test]
async fn the_catalogue_filters_and_words_and_refusals_naming_the_parameter() {
    let t = TestApp::empty().await;
    let db = t.conn();
    let rice = TechnologyBuilder::new("drought-tolerant-rice")
        .field("agriculture")
        .countries(&["VN"])
        .trl(8)
        .insert(db)
        .await;
    let solar = TechnologyBuilder::new("floating-solar-panels")
        .field("new_energy")
        .countries(&["ID"])
        .trl(5)
        .insert(db)
        .await;
    NeedBuilder::new("fish-cold-chain").insert(db).await;
    let app = t.service().await;

    let only = |path: &'static str| {
        let app = &app;
        async move { ids(&body(&get(app, path).await)) }
    };
    let (r, s) = (i64::from(rice.id), i64::from(solar.id));
    assert_eq!(only("/api/v1/technologies?field=new_energy").await, vec![s]);
    assert_eq!(only("/api/v1/technologies?country=VN").await, vec![r]);
    assert_eq!(only("/api/v1/technologies?trl_min=7").await, vec![r]);
    assert_eq!(only("/api/v1/technologies?q=solar").await, vec![s]);
    assert_eq!(
        only("/api/v1/technologies?field=agriculture&field=new_energy")
            .await
            .len(),
        2
    );
    assert!(only("/api/v1/needs?country=VN").await.is_empty());
    assert_eq!(only("/api/v1/needs?country=ID").await.len(), 1);

    for (query, parameter) in [
        ("/api/v1/technologies?field=nope", "field"),
        ("/api/v1/technologies?trl_min=12", "trl_min"),
        ("/api/v1/technologies?sort=random", "sort"),
        ("/api/v1/technologies?page=2", "page"),
        ("/api/v1/technologies?limit=0", "limit"),
        ("/api/v1/technologies?limit=101", "limit"),
        ("/api/v1/needs?limit=ten", "limit"),
        ("/api/v1/news?lang=fr", "lang"),
        ("/api/v1/news?q=rice", "q"),
        ("/api/v1/events?kind=party", "kind"),
        ("/api/v1/fellows?cohort=next", "cohort"),
        ("/api/v1/calls?updated_since=yesterday", "updated_since"),
        ("/api/v1/news/forum-opens?limit=3", "limit"),
    ] {
        let r = get(&app, query).await;
        assert_eq!(r.status, 400, "{query}");
        assert!(is_json(&r), "{query}: {:?}", r.header("content-type"));
        let v = body(&r);
        assert_eq!(v["error"], "bad_parameter", "{query}");
        assert_eq!(v["parameter"], parameter, "{query}");
        assert!(!v["message"].as_str().unwrap().is_empty());
    }
    let long = format!("/api/v1/technologies?q={}", "a".repeat(201));
    assert_eq!(get(&app, &long).await.status, 400);
    // An unknown address under the API is a JSON 404 too.
    let r = get(&app, "/api/v1/patents").await;
    assert_eq!(r.status, 404);
    assert!(is_json(&r));
}

#[actix_web::test]
async fn updated_since_gives_what_changed() {
    let t = TestApp::empty().await;
    let db = t.conn();
    let old = NewsBuilder::new("old-news").insert(db).await;
    let fresh = NewsBuilder::new("fresh-news").insert(db).await;
    news::Entity::update_many()
        .col_expr(
            news::Column::UpdatedAt,
            Expr::value(now() - Duration::days(10)),
        )
        .filter(news::Column::Id.eq(old.id))
        .exec(db)
        .await
        .unwrap();
    let app = t.service().await;
    let since = (now() - Duration::days(5)).to_rfc3339_opts(SecondsFormat::Secs, true);
    let v = body(&get(&app, &format!("/api/v1/news?updated_since={since}")).await);
    assert_eq!(ids(&v), vec![i64::from(fresh.id)]);
    // With an offset written out (the + encoded).
    let since = (now() - Duration::days(20))
        .with_timezone(&chrono::FixedOffset::east_opt(7 * 3600).unwrap())
        .to_rfc3339_opts(SecondsFormat::Secs, false)
        .replace('+', "%2B");
    let v = body(&get(&app, &format!("/api/v1/news?updated_since={since}")).await);
    assert_eq!(ids(&v).len(), 2);
    // The same for the catalogue.
    TechnologyBuilder::new("just-changed").insert(db).await;
    let future = (now() + Duration::days(1)).to_rfc3339_opts(SecondsFormat::Secs, true);
    let v = body(
        &get(
            &app,
            &format!("/api/v1/technologies?updated_since={future}"),
        )
        .await,
    );
    assert!(ids(&v).is_empty());
}

#[actix_web::test]
async fn etags_cors_and_the_preflight() {
    let t = TestApp::empty().await;
    NewsBuilder::new("forum-opens").insert(t.conn()).await;
    let app = t.service().await;

    let r = send(
        &app,
        TestRequest::get()
            .uri("/api/v1/news")
            .insert_header(("origin", "https://elsewhere.example")),
    )
    .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert!(
        r.header("access-control-expose-headers")
            .unwrap()
            .contains("ETag")
    );
    assert_eq!(r.header("cache-control"), Some("no-cache"));
    let etag = r.header("etag").expect("an ETag").to_owned();

    let again = send(
        &app,
        TestRequest::get()
            .uri("/api/v1/news")
            .insert_header(("if-none-match", etag.clone())),
    )
    .await;
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    assert_eq!(again.header("access-control-allow-origin"), Some("*"));

    // Another language is another answer.
    let other = send(
        &app,
        TestRequest::get()
            .uri("/api/v1/news?lang=id")
            .insert_header(("if-none-match", etag.clone())),
    )
    .await;
    assert_eq!(other.status, 200);
    // A change makes a new one.
    NewsBuilder::new("second-item").insert(t.conn()).await;
    let changed = send(
        &app,
        TestRequest::get()
            .uri("/api/v1/news")
            .insert_header(("if-none-match", etag)),
    )
    .await;
    assert_eq!(changed.status, 200);

    let pre = send(
        &app,
        TestRequest::default()
            .method(actix_web::http::Method::OPTIONS)
            .uri("/api/v1/news/forum-opens")
            .insert_header(("origin", "https://elsewhere.example"))
            .insert_header(("access-control-request-method", "GET"))
            .insert_header(("access-control-request-headers", "if-none-match")),
    )
    .await;
    assert_eq!(pre.status, 204);
    assert_eq!(pre.header("access-control-allow-origin"), Some("*"));
    assert!(
        pre.header("access-control-allow-methods")
            .unwrap()
            .contains("GET")
    );
    assert!(
        pre.header("access-control-allow-headers")
            .unwrap()
            .to_ascii_lowercase()
            .contains("if-none-match")
    );

    // Errors can be read across origins as well.
    let r = get(&app, "/api/v1/news/nothing-here").await;
    assert_eq!(r.status, 404);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
}

#[actix_web::test]
async fn each_address_is_limited_with_429_and_retry_after() {
    let t = TestApp::empty_with(|c| c.api_rate_limit = 3).await;
    let app = t.service().await;
    for _ in 0..3 {
        assert_eq!(get(&app, "/api/v1/news").await.status, 200);
    }
    let r = get(&app, "/api/v1/technologies").await;
    assert_eq!(r.status, 429);
    assert!(is_json(&r));
    assert_eq!(body(&r)["error"], "too_many_requests");
    let wait: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    // Preflights are the browser's, not counted nor refused.
    let pre = send(
        &app,
        TestRequest::default()
            .method(actix_web::http::Method::OPTIONS)
            .uri("/api/v1/news"),
    )
    .await;
    assert_eq!(pre.status, 204);
    // Another address has its own count; the pages are not limited by it.
    let other = send_from(
        &app,
        TestRequest::get().uri("/api/v1/news"),
        "198.51.100.4:5000",
    )
    .await;
    assert_eq!(other.status, 200);
    assert_eq!(get(&app, "/en/api").await.status, 200);
}

#[actix_web::test]
async fn nothing_unpublished_personal_or_internal_leaves() {
    let t = TestApp::empty().await;
    let db = t.conn();
    let keys = one_of_each(&t).await;
    let public = TechnologyBuilder::new("public-tech")
        .contact(
            "Hidden Contact",
            "hidden.contact@provider.example",
            "+86 771 0000",
        )
        .insert(db)
        .await;
    let draft = TechnologyBuilder::new("draft-tech")
        .title("en", "Secretdraft technology")
        .status("draft")
        .insert(db)
        .await;
    let scheduled = TechnologyBuilder::new("scheduled-tech")
        .title("en", "Secretscheduled technology")
        .published_days_ago(-3)
        .insert(db)
        .await;
    let expired = TechnologyBuilder::new("expired-tech")
        .title("en", "Secretexpired technology")
        .published_days_ago(30)
        .expired_days_ago(2)
        .insert(db)
        .await;
    let pending = NeedBuilder::new("pending-need")
        .title("en", "Secretpending need")
        .status("pending")
        .insert(db)
        .await;
    let draft_news = NewsBuilder::new("draft-news")
        .title("en", "Secretdraftnews")
        .status("draft")
        .insert(db)
        .await;
    let later_news = NewsBuilder::new("later-news")
        .title("en", "Secretlaternews")
        .published_days_ago(-2)
        .insert(db)
        .await;
    let draft_call = CallBuilder::new(2031).insert(db).await;
    programme_call::Entity::update_many()
        .col_expr(programme_call::Column::Status, Expr::value("draft"))
        .filter(programme_call::Column::Id.eq(draft_call))
        .exec(db)
        .await
        .unwrap();
    let inquiry = InquiryBuilder::new(public.id)
        .from("Inquirer Secretname", "Secret Trading Co")
        .message("en", "Secretinquiry message")
        .insert(db)
        .await;
    let (call, post) = open_call(db).await;
    let application = ApplicationBuilder::new(call)
        .host_post(post)
        .applicant("Applicant Secretperson", "secret.applicant@mail.example")
        .insert(db)
        .await;
    let app = t.service().await;

    // Everything the API answers: every list in every language, every
    // record of them, the document.
    let mut answers = vec![get(&app, "/api/v1/openapi.json").await.body];
    let mut listed: Vec<(String, i64)> = Vec::new();
    for (kind, _) in &keys {
        for lang in LANGS {
            let r = get(&app, &format!("/api/v1/{kind}?lang={lang}&limit=100")).await;
            assert_eq!(r.status, 200);
            let v = body(&r);
            for rec in v["data"].as_array().unwrap() {
                listed.push(((*kind).to_owned(), rec["id"].as_i64().unwrap()));
                let key = match rec["slug"].as_str() {
                    Some(s) => s.to_owned(),
                    None => rec["id"].to_string(),
                };
                let d = get(&app, &format!("/api/v1/{kind}/{key}?lang={lang}")).await;
                assert_eq!(d.status, 200);
                answers.push(d.body);
            }
            answers.push(r.body);
        }
    }
    let all = answers.join("\n");
    for secret in [
        "Secret",
        "hidden.contact@provider.example",
        "Hidden Contact",
        "+86 771 0000",
        "li.wen@institute.example.cn",
        "siti@koperasi.example.org",
        "Siti Rahmawati",
        "secret.applicant@mail.example",
        &inquiry.email,
        &application.reference,
        "ip_hash",
        "contact",
        "\"status\":\"published\"",
        "\"status\":\"draft\"",
    ] {
        assert!(!all.contains(secret), "{secret} leaked");
    }
    for (kind, id) in [
        ("technologies", draft.id),
        ("technologies", scheduled.id),
        ("technologies", expired.id),
        ("needs", pending.id),
        ("news", draft_news.id),
        ("news", later_news.id),
        ("calls", draft_call),
    ] {
        assert!(
            !listed.contains(&(kind.to_owned(), i64::from(id))),
            "{kind} {id} listed"
        );
    }
    for path in [
        "/api/v1/technologies/draft-tech",
        "/api/v1/technologies/scheduled-tech",
        "/api/v1/technologies/expired-tech",
        "/api/v1/needs/pending-need",
        "/api/v1/news/draft-news",
        "/api/v1/news/later-news",
        &format!("/api/v1/calls/{draft_call}"),
        &format!("/api/v1/inquiries/{}", inquiry.id),
        &format!("/api/v1/applications/{}", application.id),
    ] {
        let r = get(&app, path).await;
        assert_eq!(r.status, 404, "{path}");
        assert!(!r.body.contains("Secret"), "{path}");
    }
    // The public ones were there (the crawl was not empty).
    assert!(listed.contains(&("technologies".to_owned(), i64::from(public.id))));
    assert_eq!(
        listed.iter().filter(|(k, _)| k == "calls").count(),
        2 * LANGS.len(),
        "the seeded call and the open one"
    );
}

#[actix_web::test]
async fn the_api_page_in_each_language() {
    let t = TestApp::empty_with(|c| c.api_rate_limit = 42).await;
    let app = t.service().await;
    for (lang, title) in [
        ("en", "Public API"),
        ("zh-CN", "公开接口"),
        ("id", "API publik"),
    ] {
        let r = get(&app, &format!("/{lang}/api")).await;
        assert_eq!(r.status, 200, "{lang}");
        assert_eq!(r.text("h1"), title);
        assert_eq!(r.attr("html", "lang").as_deref(), Some(lang));
        assert!(
            r.attrs("main a", "href")
                .contains(&"/api/v1/openapi.json".to_owned())
        );
        assert!(
            r.texts("main dt code")
                .iter()
                .any(|c| c == "GET /api/v1/technologies")
        );
        assert_eq!(r.texts("main h2").len(), 7);
        assert!(
            r.texts("main").concat().contains("42"),
            "the limit in force"
        );
        // Linked from every page's footer.
        let home = get(&app, &format!("/{lang}/")).await;
        assert!(
            home.attrs("footer a", "href")
                .contains(&format!("/{lang}/api"))
        );
    }
}
