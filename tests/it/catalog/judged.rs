//! The judged set (`judged.toml`): sixty queries as visitors type them, twenty
//! per language, each with the demo technologies that should come first,
//! run through the catalogue page. Prints success@3 per language.

use serde::Deserialize;

use crate::support::*;

#[derive(Deserialize)]
struct Judged {
    query: Vec<Judgement>,
}

#[derive(Deserialize)]
struct Judgement {
    lang: String,
    q: String,
    first: Vec<String>,
}

/// The share of queries per language whose expected technology is in the
/// first three results, and the queries that missed.
async fn success_at_3() -> Vec<(String, f64, Vec<String>)> {
    let judged: Judged = toml::from_str(include_str!("judged.toml")).expect("judged.toml");
    let t = TestApp::demo().await;
    let app = t.service().await;
    let mut out: Vec<(String, f64, Vec<String>)> = Vec::new();
    for lang in LANGS {
        let mut hits = 0;
        let mut missed = Vec::new();
        let set: Vec<&Judgement> = judged.query.iter().filter(|j| j.lang == *lang).collect();
        for j in &set {
            let q: String = form_urlencoded::Serializer::new(String::new())
                .append_pair("q", &j.q)
                .finish();
            let r = get(&app, &format!("/{lang}/technologies?{q}")).await;
            assert_eq!(r.status, 200, "{}", j.q);
            let top: Vec<String> = r
                .attrs(".tech-card h3 a", "href")
                .into_iter()
                .take(3)
                .map(|h| h.rsplit('/').next().unwrap_or_default().to_owned())
                .collect();
            if top.iter().any(|s| j.first.contains(s)) {
                hits += 1;
            } else {
                missed.push(format!("{}: {top:?}", j.q));
            }
        }
        let share = f64::from(hits) / set.len().max(1) as f64;
        eprintln!(
            "judged set {lang}: success@3 {hits}/{} = {:.0}%",
            set.len(),
            share * 100.0
        );
        for m in &missed {
            eprintln!("  missed {m}");
        }
        out.push(((*lang).to_owned(), share, missed));
    }
    out
}

#[actix_web::test]
async fn success_at_3_is_at_least_ninety_percent_in_every_language() {
    let judged: Judged = toml::from_str(include_str!("judged.toml")).expect("judged.toml");
    for lang in LANGS {
        assert!(judged.query.iter().filter(|j| j.lang == *lang).count() >= 20);
    }
    let figures = success_at_3().await;
    assert_eq!(figures.len(), LANGS.len());
    for (lang, share, missed) in figures {
        assert!(
            share >= 0.9,
            "{lang}: success@3 {share:.2}, missed {missed:#?}"
        );
    }
}
