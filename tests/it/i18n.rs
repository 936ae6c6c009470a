//! Every message exists in every language, parses, and no page shows a raw
//! message id.

use std::collections::BTreeSet;
use std::path::Path;

use regex::Regex;
use techbridge::i18n::{Locale, has_message};
use techbridge::taxonomy;

use crate::support::*;

fn ftl_ids(dir: &Path) -> BTreeSet<String> {
    let re = Regex::new(r"(?m)^([A-Za-z][A-Za-z0-9_-]*)\s*=").unwrap();
    let mut ids = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ftl") {
            let src = std::fs::read_to_string(&path).unwrap();
            if let Err((_, errors)) =
                fluent_templates::fluent_bundle::FluentResource::try_new(src.clone())
            {
                panic!("{} does not parse: {errors:?}", path.display());
            }
            for c in re.captures_iter(&src) {
                ids.insert(c[1].to_owned());
            }
        }
    }
    ids
}

fn locales_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

#[test]
fn every_locale_has_the_same_message_ids() {
    let en = ftl_ids(&locales_dir().join("en"));
    assert!(en.len() > 200, "only {} English messages", en.len());
    for l in Locale::all() {
        let ids = ftl_ids(&locales_dir().join(l.tag()));
        let missing: Vec<_> = en.difference(&ids).collect();
        let extra: Vec<_> = ids.difference(&en).collect();
        assert!(missing.is_empty(), "{l}: missing {missing:?}");
        assert!(extra.is_empty(), "{l}: not in English {extra:?}");
    }
}

/// Ids referenced from templates and code, found by pattern.
fn referenced_ids() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let call = Regex::new(r#"\.(?:t|tn|ts)\("([a-z0-9-]+)""#).unwrap();
    let lit = Regex::new(r#""((?:error|form|inquiry|need|password|notice|status|apply|admin|login|account|app)-[a-z0-9_-]+)""#).unwrap();
    let mut ids = BTreeSet::new();
    let mut stack = vec![root.join("templates"), root.join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "html" || e == "rs") {
                let src = std::fs::read_to_string(&p).unwrap();
                for c in call.captures_iter(&src) {
                    ids.insert(c[1].to_owned());
                }
                // Message ids written as string literals in Rust code.
                if p.extension().is_some_and(|e| e == "rs") {
                    for c in lit.captures_iter(&src) {
                        ids.insert(c[1].to_owned());
                    }
                }
            }
        }
    }
    ids
}

#[test]
fn every_referenced_message_exists_in_every_locale() {
    let ids = referenced_ids();
    assert!(ids.len() > 100);
    for l in Locale::all() {
        let have = ftl_ids(&locales_dir().join(l.tag()));
        // A literal that only starts other ids is a vocabulary prefix
        // (`code("admin-state", ...)`), not a message.
        let missing: Vec<_> = ids
            .difference(&have)
            .filter(|id| !have.iter().any(|h| h.starts_with(&format!("{id}-"))))
            .collect();
        assert!(
            missing.is_empty(),
            "{l}: referenced but missing {missing:?}"
        );
    }
}

#[test]
fn every_code_of_every_vocabulary_is_named_in_every_locale() {
    let lists: &[(&str, &[&str])] = &[
        ("field", taxonomy::FIELDS),
        ("country", taxonomy::EVENT_COUNTRIES),
        ("mode", taxonomy::MODES),
        ("ip", taxonomy::IP_STATUSES),
        ("province", taxonomy::PROVINCES),
        ("event-kind", taxonomy::EVENT_KINDS),
        ("member-kind", taxonomy::MEMBER_KINDS),
    ];
    for l in Locale::all() {
        for (prefix, codes) in lists {
            for c in *codes {
                assert!(
                    has_message(l, &format!("{prefix}-{c}"), None),
                    "{l}: {prefix}-{c}"
                );
            }
        }
        for n in 1..=12 {
            assert!(
                has_message(l, &format!("month-{n}"), None),
                "{l}: month-{n}"
            );
        }
        for n in 1..=9 {
            assert!(has_message(l, &format!("trl-{n}"), None), "{l}: trl-{n}");
        }
    }
}

#[test]
fn dates_and_numbers_follow_the_locale() {
    use chrono::NaiveDate;
    use techbridge::i18n::{format_date, format_number};
    let d = NaiveDate::from_ymd_opt(2022, 10, 25).unwrap();
    let l = |t: &str| Locale::from_tag(t).unwrap();
    assert_eq!(format_date(l("en"), d), "25 October 2022");
    assert_eq!(format_date(l("zh-CN"), d), "2022年10月25日");
    assert_eq!(format_date(l("id"), d), "25 Oktober 2022");
    assert_eq!(format_number(l("en"), 2600), "2,600");
    assert_eq!(format_number(l("id"), 1234567), "1.234.567");
    assert_eq!(format_number(l("zh-CN"), 653), "653");
}

#[actix_web::test]
async fn no_page_shows_a_raw_message_id_or_the_missing_marker() {
    // A sweep over the pages with the whole demo content, so that every
    // message a filled page can show is shown.
    let t = TestApp::demo().await;
    let app = t.service().await;
    let ids = ftl_ids(&locales_dir().join("en"));
    let paths = [
        "/",
        "/technologies",
        "/technologies?q=padi",
        &format!("/technologies/{RICE}"),
        "/needs",
        "/needs/new",
        "/events",
        "/news",
        "/programme",
        "/programme/fellows",
        "/about",
        "/search?q=solar",
        "/search?q=zzzzqqq",
        "/nope",
    ];
    for lang in LANGS {
        for p in paths {
            let r = get(&app, &format!("/{lang}{p}")).await;
            let text = r.html().root_element().text().collect::<Vec<_>>().join(" ");
            for word in text.split_whitespace() {
                let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
                assert!(
                    !(w.contains('-') && ids.contains(w) && w.len() > 6),
                    "{lang}{p}: raw id {w}"
                );
            }
            assert!(!text.contains("Unknown localization key"), "{lang}{p}");
            assert!(
                !r.body.contains('\u{26a0}'),
                "{lang}{p}: a message is missing everywhere"
            );
        }
    }
}

/// Each public form says, at each field, what it needs there in its own
/// words: the inquiry's e-mail address is where the provider answers, the
/// status look-up's is the one the scientist applied with.
#[actix_web::test]
async fn each_form_says_in_its_own_words_what_a_field_needs() {
    let t = TestApp::demo().await;
    let app = t.service().await;
    let need = "high-yield-rice-varieties-for-irrigated-paddy-fields-in-karawang";
    let ids = ftl_ids(&locales_dir().join("en"));
    for lang in LANGS {
        let forms = [
            (format!("/{lang}/technologies/{RICE}/inquiry"), "email"),
            (format!("/{lang}/needs/new"), "contact_email"),
            (format!("/{lang}/needs/{need}/interest"), "email"),
            (format!("/{lang}/alerts"), "email"),
            (format!("/{lang}/programme/status"), "email"),
        ];
        let mut said = Vec::new();
        for (path, email) in &forms {
            let r = post_form(&app, path, &[("website", "")]).await;
            assert_eq!(r.status, 422, "{path}");
            let errors = r.texts(".field-error");
            assert!(errors.len() >= 2, "{path}: {errors:?}");
            for e in &errors {
                assert!(
                    !ids.contains(e.as_str()) && !e.contains('\u{26a0}'),
                    "{path}: {e}"
                );
            }
            said.push(r.text(&format!("#{email}-error")));
            if path.contains("/inquiry")
                || path.contains("/needs/new")
                || path.contains("/interest")
            {
                let consent = r.text("#consent-error");
                assert!(!consent.is_empty(), "{path}");
                said.push(consent);
            }
        }
        // No two forms say the same thing about their e-mail address or
        // their consent box.
        let mut distinct = said.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), said.len(), "{lang}: {said:#?}");
    }
    let r = post_form(
        &app,
        &format!("/en/technologies/{RICE}/inquiry"),
        &[("website", "")],
    )
    .await;
    assert_eq!(
        r.text("#email-error"),
        "Enter your e-mail address: the provider's answer is sent there."
    );
    let r = post_form(&app, "/en/programme/status", &[("reference", "ATS-1")]).await;
    assert_eq!(
        r.text("#email-error"),
        "Enter the e-mail address you applied with."
    );
}
