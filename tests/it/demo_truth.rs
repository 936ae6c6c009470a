//! The demo content tells the truth about real organisations: what it says
//! about real bodies, people and events is what the founding article (the
//! 25 October 2022 report on the 10th China-ASEAN Technology Transfer and
//! Collaborative Innovation Forum) says, and everything added to make the
//! demo lively is about fictional organisations and people. These checks
//! read the demo TOML files as text, so a claim slipped into any language of
//! any record is caught before it is loaded.

use std::path::Path;

use regex::Regex;

const FILES: [&str; 2] = ["src/demo/content.toml", "src/demo/technologies.toml"];

/// Each demo file's text without its comment lines: a comment may say what
/// is invented, only the content itself has to be true.
fn files() -> Vec<(&'static str, String)> {
    FILES
        .iter()
        .map(|f| {
            let src =
                std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(f)).unwrap();
            let text: Vec<&str> = src
                .lines()
                .filter(|l| !l.trim_start().starts_with('#'))
                .collect();
            (*f, text.join("\n"))
        })
        .collect()
}

fn content() -> toml::Table {
    files()[0].1.parse().unwrap()
}

/// Lines (of either file) that contain `needle`, ignoring case.
fn lines_with(needle: &str) -> Vec<String> {
    let needle = needle.to_lowercase();
    files()
        .iter()
        .flat_map(|(_, t)| t.lines().map(str::to_owned).collect::<Vec<_>>())
        .filter(|l| l.to_lowercase().contains(&needle))
        .collect()
}

/// Claims the article does not make, in the three languages: invented
/// follow-ups on real projects, mechanisms it does not name, quotes of real
/// bodies, a founding year, results of the real competition, a date and
/// venue for the 10th forum, and real institutions the article never names.
const INVENTED: &[&str] = &[
    // A "China-Brunei mechanism" and other named bilateral bodies: the
    // article names only Thailand and Cambodia among the nine.
    "China-Brunei",
    "China–Brunei",
    "中国—文莱",
    "China-Laos",
    "China–Laos",
    "中国—老挝",
    "China-Indonesia",
    "China–Indonesia",
    "中国—印度尼西亚",
    "中国—印尼",
    "China–Viet Nam",
    "China-Viet Nam",
    "China–Vietnam",
    "China-Vietnam",
    "中国—越南",
    "China–Myanmar",
    "中国—缅甸",
    "China–Malaysia",
    "中国—马来西亚",
    "China–Philippines",
    "China–Filipina",
    "中国—菲律宾",
    // Follow-ups on the Huo-Yan laboratory and the Information Harbor.
    "dengue and influenza",
    "Four years on",
    "smart-city pilots",
    "Konsorsium Kota Cerdas",
    // Quotes attributed to the programme office or a pilot consortium.
    "the programme office said",
    "计划办公室表示",
    "said a consortium coordinator",
    // Results and a founding year of the real competition.
    "Winners of the China-ASEAN",
    "jury of the China-ASEAN",
    "中国—东盟创新创业大赛决赛",
    "中国—东盟创新创业大赛评委会",
    "Pemenang Kompetisi Inovasi dan Kewirausahaan China-ASEAN",
    "founders intended",
    "2022年创办",
    "dicita-citakan sejak 2022",
    // The article gives no date or venue for the 10th forum.
    "19th China-ASEAN Expo",
    "第十九届中国—东盟博览会",
    "Pameran China-ASEAN (CAEXPO) ke-19",
    "Pameran China-ASEAN ke-19",
    // Real institutions the article does not name.
    "Convention and Exhibition Center",
    "会展中心",
    "Jakarta Convention Center",
    "Zhongguancun",
    "中关村",
    "Ministry of Science and Technology",
    "科学技术部",
    "Kementerian Sains",
    "founded in 2013",
    "2013年",
    "pada 2013",
    "Guangxi University",
    "广西大学",
    "Universitas Guangxi",
    "Guangxi Medical University",
    "广西医科大学",
    "Guilin University",
    "桂林电子科技大学",
    "桂林理工大学",
    "Guangxi Academy",
    "广西农业科学院",
    "广西科学院",
    "广西科技大学",
    "Akademi Ilmu",
    "State Key Laboratory",
    "Key Laboratory",
    "重点实验室",
    "Nanyang Technological",
    "南洋理工",
    "Universiti Malaya",
    "Universiti Brunei",
    "Institut Teknologi Bandung",
    "Gadjah Mada",
    "National University of Laos",
    "King Mongkut",
    "Yangon Technological",
    "Vietnam National University",
    "University of the Philippines",
    "Hanoi University",
    "Institute of Technology of Cambodia",
    "Hexiang Seed",
    "禾香种业",
    // The demo's fellows are fictional: no news item has a cohort of the
    // real programme arrive, and no one is presented as its alumnus.
    "cohort has arrived",
    "New cohort of",
    "新一批东盟青年科学家",
    "抵达广西",
    "first cohort of fellows",
    "首批来桂",
    "angkatan pertama peserta",
    "alumn",
    "校友",
];

#[test]
fn the_demo_content_makes_no_claim_the_article_does_not_make() {
    let mut found = Vec::new();
    for (file, text) in files() {
        let lower = text.to_lowercase();
        for claim in INVENTED {
            if lower.contains(&claim.to_lowercase()) {
                found.push(format!("{file}: {claim}"));
            }
        }
    }
    assert!(found.is_empty(), "invented claims: {found:#?}");
}

/// The Huo-Yan laboratory and the Information Harbor are mentioned only as
/// the article mentions them: once per language, in the same sentence as
/// what the article says about them, never as a story of their own.
#[test]
fn the_article_s_examples_appear_only_as_the_article_gives_them() {
    for (names, with, most) in [
        (&["Huo-Yan", "Huo Yan"][..], &["BGI"][..], 2),
        (&["火眼"][..], &["华大"][..], 1),
        (
            &["Information Harbor", "Information Harbour"][..],
            &["Indonesia"][..],
            2,
        ),
        (&["信息港"][..], &["印度尼西亚", "印尼"][..], 1),
    ] {
        let lines: Vec<String> = names.iter().flat_map(|n| lines_with(n)).collect();
        assert!(
            lines.len() <= most,
            "{names:?} appears {} times",
            lines.len()
        );
        for l in &lines {
            assert!(
                with.iter().any(|w| l.contains(w)),
                "{names:?} without {with:?}: {l}"
            );
            assert!(
                !l.starts_with("title") && !l.starts_with("summary"),
                "{names:?} made a story: {l}"
            );
        }
    }
    let news = content()["news"].as_array().unwrap().clone();
    for n in news {
        let slug = n["slug"].as_str().unwrap();
        for word in ["huo-yan", "harbor", "winners"] {
            assert!(!slug.contains(word), "a news item of its own: {slug}");
        }
    }
}

/// The article gives no date or venue for the 10th forum, names no
/// bilateral mechanism but Thailand's and Cambodia's, and names none of the
/// seven working groups: the demo has no event record for the 10th forum and
/// no network member standing for an unnamed mechanism or working group.
#[test]
fn no_event_date_and_no_mechanism_the_article_does_not_give() {
    let c = content();
    for e in c["event"].as_array().unwrap() {
        let slug = e["slug"].as_str().unwrap();
        assert!(!slug.starts_with("10th-"), "a date and venue for {slug}");
    }
    for n in c["news"].as_array().unwrap() {
        assert_ne!(
            n.get("event").and_then(|e| e.as_str()),
            Some("10th-china-asean-technology-transfer-forum")
        );
    }
    let mut mechanisms = Vec::new();
    for m in c["network_member"].as_array().unwrap() {
        let kind = m["kind"].as_str().unwrap();
        let country = m["country"].as_str().unwrap();
        assert_ne!(kind, "working_group", "the article names no working group");
        if kind == "government_mechanism" {
            assert!(["TH", "KH"].contains(&country), "mechanism in {country}");
            mechanisms.push(country);
        }
    }
    mechanisms.sort_unstable();
    assert_eq!(mechanisms, ["KH", "TH"]);
}

/// Every e-mail and web address in the demo is in a reserved example
/// domain, so no real mailbox or site is named or written to.
#[test]
fn every_address_in_the_demo_is_an_example_domain() {
    let email = Regex::new(r"[A-Za-z0-9._%+-]+@([A-Za-z0-9.-]+[A-Za-z0-9])").unwrap();
    let url = Regex::new(r"https?://([A-Za-z0-9.-]+)").unwrap();
    let example =
        Regex::new(r"^(?:[a-z0-9-]+\.)*example\.(?:org|com|net|cn)$|(?:^|\.)example\.").unwrap();
    let mut seen = 0;
    for (file, text) in files() {
        for re in [&email, &url] {
            for c in re.captures_iter(&text) {
                let host = c[1].to_lowercase();
                assert!(example.is_match(&host), "{file}: {}", &c[0]);
                seen += 1;
            }
        }
    }
    assert!(seen >= 20, "only {seen} addresses: the patterns miss them");
    // The check itself refuses a real domain.
    assert!(!example.is_match("gxrice.cn") && !example.is_match("examples.com"));
    let phone = Regex::new(r#"contact_phone = "([^"]*)""#).unwrap();
    for (file, text) in files() {
        for c in phone.captures_iter(&text) {
            assert!(c[1].contains(" 555 01"), "{file}: {}", &c[0]);
        }
    }
}

/// The article's figures are floors and dated: wherever the demo quotes
/// one, it says "more than" ("余", "lebih dari"), and the 653 agreements are
/// "as of May 2022".
#[test]
fn figures_quoted_in_the_demo_carry_their_qualifiers() {
    let floors =
        Regex::new(r"2[,.]?600|7[,.]?800|9[,.]?900|(?:^|[^0-9.,])140(?:[^0-9]|$)").unwrap();
    let sentences = Regex::new(r"[.;]\s|[。；]").unwrap();
    let activity = Regex::new(r"(?i)activit|kegiatan|活动|场").unwrap();
    let qualified = Regex::new(r"(?i)more than|lebih dari|余|超过").unwrap();
    let may = Regex::new(r"May 2022|Mei 2022|2022年5月").unwrap();
    let setting = Regex::new(r"^\s*[a-z_]+ = [0-9]").unwrap();
    let mut checked = 0;
    for (file, text) in files() {
        for line in text.lines() {
            if setting.is_match(line) || line.starts_with("slug") {
                continue;
            }
            // Sentences, not lines: a bullet list under a dated heading is
            // one paragraph per bullet, so each sentence must stand alone.
            for sentence in sentences.split(line) {
                let floor = floors
                    .find_iter(sentence)
                    .any(|m| !m.as_str().contains("140") || activity.is_match(sentence));
                if floor {
                    checked += 1;
                    assert!(qualified.is_match(sentence), "{file}: {sentence}");
                }
                if sentence.contains("653") {
                    checked += 1;
                    assert!(may.is_match(sentence), "{file}: {sentence}");
                }
            }
        }
    }
    assert!(
        checked >= 9,
        "only {checked} figures: the patterns miss them"
    );
}

/// Every string under a language table (`[x.en]`, `[x.zh-CN]`, `[x.id]`) of
/// a parsed demo file, with its language.
fn texts_in(value: &toml::Value, lang: Option<&str>, out: &mut Vec<(String, String)>) {
    match value {
        toml::Value::String(s) => {
            if let Some(l) = lang {
                out.push((l.to_owned(), s.clone()));
            }
        }
        toml::Value::Array(items) => items.iter().for_each(|v| texts_in(v, lang, out)),
        toml::Value::Table(table) => {
            for (key, v) in table {
                let l = ["en", "zh-CN", "id"].contains(&key.as_str());
                texts_in(v, if l { Some(key.as_str()) } else { lang }, out);
            }
        }
        _ => {}
    }
}

fn all_texts() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (_, text) in files() {
        texts_in(&toml::Value::Table(text.parse().unwrap()), None, &mut out);
    }
    out
}

/// The sentence that says a call's terms are the demo's, per language.
fn illustrative(lang: &str) -> &'static str {
    match lang {
        "en" => {
            "The terms of this call are illustrative, written for this demonstration; \
             the centre publishes the actual terms of each call."
        }
        "zh-CN" => "本期申报的各项条件和待遇均为演示示例；各期实际条件以中心发布的申报通知为准。",
        _ => {
            "Ketentuan pendaftaran ini hanyalah contoh untuk demonstrasi; Pusat mengumumkan \
             ketentuan yang sebenarnya untuk setiap periode pendaftaran."
        }
    }
}

/// The article gives no terms for the programme (length of stay, age limit,
/// stipend, accommodation, funding): the demo call says in each language
/// that its terms are illustrative, and any other text that states such a
/// term says so in the same text.
#[test]
fn the_programme_s_terms_are_said_to_be_illustrative() {
    let c = content();
    for lang in ["en", "zh-CN", "id"] {
        let description = c["call"][lang]["description"].as_str().unwrap();
        assert!(
            description.contains(illustrative(lang)),
            "the {lang} call does not say its terms are illustrative"
        );
    }
    let terms = |lang: &str| -> &[&str] {
        match lang {
            "en" => &[
                "stipend",
                "under 45",
                "6 to 12 months",
                "twelve-month",
                "accommodation",
            ],
            "zh-CN" => &["生活补助", "45周岁", "6至12个月", "住宿"],
            _ => &[
                "tunjangan",
                "di bawah 45",
                "6 hingga 12 bulan",
                "dua belas bulan",
                "akomodasi",
            ],
        }
    };
    let mut checked = 0;
    for (lang, text) in all_texts() {
        let lower = text.to_lowercase();
        // Only texts about the programme: an event's own (fictional)
        // accommodation is not a programme term.
        if !["young scientists", "ilmuwan muda", "青年科学家"]
            .iter()
            .any(|p| lower.contains(p))
        {
            continue;
        }
        if terms(&lang).iter().any(|t| lower.contains(t)) {
            checked += 1;
            assert!(
                text.contains(illustrative(&lang)),
                "[{lang}] states programme terms without saying they are illustrative: {}",
                text.chars().take(120).collect::<String>()
            );
        }
    }
    assert!(
        checked >= 6,
        "only {checked} texts state terms: the patterns miss them"
    );
}

/// The fellows are fictional: each profile says so in each of its languages,
/// and a news item that names a fellow says that the person is fictional.
#[test]
fn the_fellows_are_said_to_be_fictional() {
    let c = content();
    let marker = |lang: &str| match lang {
        "en" => "fictional",
        "zh-CN" => "虚构",
        _ => "fiktif",
    };
    let mut names = Vec::new();
    let mut profiles = 0;
    for f in c["fellow"].as_array().unwrap() {
        names.push(f["name"].as_str().unwrap().to_owned());
        if let Some(zh) = f.get("name_zh").and_then(|n| n.as_str()) {
            names.push(zh.to_owned());
        }
        for lang in ["en", "zh-CN", "id"] {
            if let Some(bio) = f.get(lang).map(|t| t["bio"].as_str().unwrap()) {
                profiles += 1;
                assert!(
                    bio.contains(marker(lang)),
                    "{} [{lang}]: the profile does not say it is fictional",
                    f["slug"].as_str().unwrap_or_default()
                );
            }
        }
    }
    assert!(profiles >= 30, "only {profiles} profiles");
    let mut named = 0;
    for n in c["news"].as_array().unwrap() {
        for lang in ["en", "zh-CN", "id"] {
            let Some(t) = n.get(lang) else { continue };
            let text: String = ["title", "summary", "body"]
                .iter()
                .filter_map(|k| t.get(*k).and_then(|v| v.as_str()))
                .collect::<Vec<_>>()
                .join("\n");
            if names.iter().any(|name| text.contains(name.as_str())) {
                named += 1;
                assert!(
                    text.contains(marker(lang)),
                    "{} [{lang}] names a fellow as a real person",
                    n["slug"].as_str().unwrap_or_default()
                );
            }
        }
    }
    assert!(named >= 4, "only {named} news texts name a fellow");
}

/// Where a list of three or more joins its last item with "dan" or "atau",
/// Indonesian puts a comma before the conjunction (PUEBI: "A, B, dan C").
/// Only lists of capitalised names or of numbers are checked: with ordinary
/// words "X, Y dan Z" is often a clause and a pair, not a list of three.
fn missing_serial_commas(text: &str) -> Vec<String> {
    let names =
        Regex::new(r"\b[A-Z][A-Za-z-]*, (?:[A-Z][A-Za-z-]*, )*[A-Z][A-Za-z-]* (?:dan|atau) [A-Z]")
            .unwrap();
    let numbers = Regex::new(r"\b\d+, (?:\d+, )*\d+ (?:dan|atau) \d").unwrap();
    names
        .find_iter(text)
        .chain(numbers.find_iter(text))
        .map(|m| m.as_str().to_owned())
        .collect()
}

#[test]
fn indonesian_lists_take_a_serial_comma() {
    // The check itself: it finds the fault and passes the fixed forms.
    assert_eq!(
        missing_serial_commas("di Filipina, Indonesia dan Malaysia; digester 4, 6, 8 dan 10 m³"),
        ["Filipina, Indonesia dan M", "4, 6, 8 dan 1"]
    );
    assert!(
        missing_serial_commas(
            "di Filipina, Indonesia, dan Malaysia, termasuk Thailand dan Kamboja; 1,2 dan 3 MW"
        )
        .is_empty()
    );
    let mut found = Vec::new();
    let mut checked = 0;
    for (lang, text) in all_texts() {
        if lang == "id" {
            checked += 1;
            found.extend(missing_serial_commas(&text));
        }
    }
    assert!(checked >= 200, "only {checked} Indonesian texts");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/id");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ftl") {
            let src = std::fs::read_to_string(&path).unwrap();
            for line in src.lines().filter(|l| !l.trim_start().starts_with('#')) {
                found.extend(
                    missing_serial_commas(line)
                        .into_iter()
                        .map(|m| format!("{}: {m}", path.display())),
                );
            }
        }
    }
    assert!(found.is_empty(), "no comma before dan/atau: {found:#?}");
}
