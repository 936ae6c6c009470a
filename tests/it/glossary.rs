//! One glossary (locales/glossary.toml): no locale file and no demo content
//! uses a variant the glossary forbids in that language.

use std::path::{Path, PathBuf};

use regex::Regex;
use techbridge::i18n::Locale;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// (language tag, forbidden variant, the term it belongs to)
fn forbidden() -> Vec<(String, String, String)> {
    let src = std::fs::read_to_string(root().join("locales/glossary.toml")).unwrap();
    let glossary: toml::Table = src.parse().unwrap();
    let terms = glossary["term"].as_array().unwrap();
    assert!(terms.len() >= 10, "only {} glossary terms", terms.len());
    let mut out = Vec::new();
    for term in terms {
        let name = term["term"].as_str().unwrap();
        for l in Locale::all() {
            let preferred = term.get(l.tag()).and_then(|v| v.as_str());
            assert!(
                preferred.is_some_and(|p| !p.is_empty()),
                "{name} has no {l:?} form"
            );
            let variants = term["forbidden"].get(l.tag()).and_then(|v| v.as_array());
            for v in variants.into_iter().flatten() {
                out.push((
                    l.tag().to_owned(),
                    v.as_str().unwrap().to_owned(),
                    name.to_owned(),
                ));
            }
        }
    }
    out
}

/// Whether `text` contains `variant`, ignoring case; a variant in Latin
/// letters matches whole words only ("email" is not in "emailed").
fn contains(text: &str, variant: &str) -> bool {
    let text = text.to_lowercase();
    let variant = variant.to_lowercase();
    let wordy = variant
        .chars()
        .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-');
    text.match_indices(&variant).any(|(at, _)| {
        !wordy
            || (!text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !text[at + variant.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric))
    })
}

/// The translatable text of an FTL file: values and attributes, without
/// comments, message ids or single-line placeables.
fn ftl_text(src: &str) -> Vec<(usize, String)> {
    let id = Regex::new(r"^\s*\.?[A-Za-z-][A-Za-z0-9_-]*\s*=").unwrap();
    let placeable = Regex::new(r"\{[^{}\n]*\}").unwrap();
    src.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim_start().starts_with('#'))
        .map(|(n, line)| {
            let value = id.find(line).map_or(line, |m| &line[m.end()..]);
            (n + 1, placeable.replace_all(value, " ").into_owned())
        })
        .collect()
}

/// Every string under a language table (`[x.en]`, `[x.zh-CN]`, `[x.id]`).
fn toml_text<'a>(value: &'a toml::Value, lang: Option<&'a str>, out: &mut Vec<(&'a str, &'a str)>) {
    match value {
        toml::Value::String(s) => {
            if let Some(l) = lang {
                out.push((l, s));
            }
        }
        toml::Value::Array(items) => items.iter().for_each(|v| toml_text(v, lang, out)),
        toml::Value::Table(table) => {
            for (key, v) in table {
                let l = Locale::from_tag(key).map(Locale::tag);
                toml_text(v, l.or(lang), out);
            }
        }
        _ => {}
    }
}

#[test]
fn no_locale_file_uses_a_forbidden_variant() {
    let forbidden = forbidden();
    let mut found = Vec::new();
    for l in Locale::all() {
        let dir = root().join("locales").join(l.tag());
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "ftl") {
                continue;
            }
            let src = std::fs::read_to_string(&path).unwrap();
            for (line, text) in ftl_text(&src) {
                for (tag, variant, term) in &forbidden {
                    if tag == l.tag() && contains(&text, variant) {
                        found.push(format!("{}:{line}: “{variant}” ({term})", path.display()));
                    }
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "forbidden variants:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_demo_content_uses_a_forbidden_variant() {
    let forbidden = forbidden();
    let mut found = Vec::new();
    // The privacy notice is seeded by a migration, not the demo: it is
    // content all the same.
    for (file, least) in [
        ("src/demo/content.toml", 100),
        ("src/demo/technologies.toml", 100),
        ("migrations/src/seed/privacy.toml", 6),
    ] {
        let src = std::fs::read_to_string(root().join(file)).unwrap();
        let value: toml::Value = toml::from_str(&src).unwrap();
        let mut texts = Vec::new();
        toml_text(&value, None, &mut texts);
        assert!(texts.len() >= least, "{file}: only {} texts", texts.len());
        for (lang, text) in texts {
            for (tag, variant, term) in &forbidden {
                if tag == lang && contains(text, variant) {
                    let start: String = text.chars().take(60).collect();
                    found.push(format!(
                        "{file} [{lang}] “{variant}” ({term}) in “{start}…”"
                    ));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "forbidden variants:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_glossary_matches_whole_words_only() {
    assert!(contains("Kirim Email kami", "email"));
    assert!(!contains("emailed", "email"));
    assert!(contains("东盟十国的企业", "东盟十国"));
}
