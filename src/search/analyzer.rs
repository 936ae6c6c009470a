//! The portal's own text analyser, used both when indexing and when
//! searching, so the two always agree.
//!
//! - Latin-script text is lower-cased and stripped of accents (`Padi`,
//!   `PADI`, `pádi` are one word).
//! - Chinese (and Japanese/Korean) has no spaces: every run of such
//!   characters becomes its single characters and overlapping bigrams, so
//!   `水稻` matches inside `杂交水稻种植` and a two-character query is one term.
//! - Every non-ASCII term is hex-encoded, so each database only ever sees
//!   plain ASCII words and tokenises them identically (FTS5 unicode61 and
//!   PostgreSQL's `simple` parser disagree about CJK otherwise).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Longest Latin word kept; longer runs are truncated (hostile input).
const MAX_WORD: usize = 40;
/// Most terms taken from one query.
pub const MAX_QUERY_TERMS: usize = 12;

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF     // Hiragana, Katakana
        | 0x3400..=0x4DBF   // CJK Extension A
        | 0x4E00..=0x9FFF   // CJK Unified Ideographs
        | 0xAC00..=0xD7AF   // Hangul syllables
        | 0xF900..=0xFAFF   // CJK Compatibility Ideographs
        | 0x20000..=0x2FA1F // CJK Extensions B-F, compatibility supplement
    )
}

/// Lower-cases and removes accents from one character; may yield several.
pub fn fold(c: char) -> impl Iterator<Item = char> {
    std::iter::once(c)
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
}

/// A unit of analysed text.
#[derive(Debug, PartialEq, Eq, Clone)]
pub enum Token {
    /// A word of letters and digits (folded).
    Word(String),
    /// A run of CJK characters.
    Cjk(Vec<char>),
}

/// Splits text into words and CJK runs.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut cjk: Vec<char> = Vec::new();
    let flush_word = |word: &mut String, out: &mut Vec<Token>| {
        if !word.is_empty() {
            out.push(Token::Word(std::mem::take(word)));
        }
    };
    for raw in text.chars() {
        if is_cjk(raw) {
            flush_word(&mut word, &mut out);
            cjk.push(raw);
            continue;
        }
        if !cjk.is_empty() {
            out.push(Token::Cjk(std::mem::take(&mut cjk)));
        }
        for c in fold(raw) {
            if c.is_alphanumeric() {
                if word.chars().count() < MAX_WORD {
                    word.push(c);
                }
            } else {
                flush_word(&mut word, &mut out);
            }
        }
    }
    flush_word(&mut word, &mut out);
    if !cjk.is_empty() {
        out.push(Token::Cjk(cjk));
    }
    out
}

/// The index term for a word or CJK gram: itself when ASCII, else `u` and
/// five hex digits per character.
pub fn term(s: &str) -> String {
    if s.is_ascii() {
        return s.to_owned();
    }
    let mut t = String::with_capacity(1 + s.chars().count() * 5);
    t.push('u');
    for c in s.chars() {
        t.push_str(&format!("{:05x}", c as u32));
    }
    t
}

fn cjk_terms(run: &[char], out: &mut Vec<String>) {
    for c in run {
        out.push(term(&c.to_string()));
    }
    for pair in run.windows(2) {
        out.push(term(&pair.iter().collect::<String>()));
    }
}

/// Index terms of a text, space-separated, appended to `out`.
pub fn index_text(text: &str, out: &mut String) {
    let mut terms = Vec::new();
    for t in tokens(text) {
        match t {
            Token::Word(w) => terms.push(term(&w)),
            Token::Cjk(run) => cjk_terms(&run, &mut terms),
        }
    }
    for t in terms {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&t);
    }
}

/// The terms a query must match, all of them. A CJK run of one character is
/// that character; longer runs are their bigrams (which approximates a
/// phrase). Duplicates and anything past `MAX_QUERY_TERMS` are dropped.
pub fn query_terms(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in tokens(query) {
        let mut terms = Vec::new();
        match t {
            Token::Word(w) => terms.push(term(&w)),
            Token::Cjk(run) if run.len() == 1 => terms.push(term(&run[0].to_string())),
            Token::Cjk(run) => {
                for pair in run.windows(2) {
                    terms.push(term(&pair.iter().collect::<String>()));
                }
            }
        }
        for t in terms {
            if !out.contains(&t) && out.len() < MAX_QUERY_TERMS {
                out.push(t);
            }
        }
    }
    out
}

/// The words to highlight in a snippet: the folded query words and CJK runs
/// (whole, and as bigrams, so a partial phrase still lights up).
pub fn highlight_needles(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in tokens(query).into_iter().take(MAX_QUERY_TERMS * 2) {
        match t {
            Token::Word(w) => out.push(w),
            Token::Cjk(run) => {
                out.push(run.iter().collect());
                if run.len() > 2 {
                    out.extend(run.windows(2).map(|p| p.iter().collect::<String>()));
                }
            }
        }
    }
    out.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indexed(s: &str) -> Vec<String> {
        let mut out = String::new();
        index_text(s, &mut out);
        out.split(' ')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn latin_is_case_and_accent_insensitive() {
        assert_eq!(query_terms("Padi"), query_terms("PADI"));
        assert_eq!(query_terms("pádi"), vec!["padi"]);
        assert_eq!(
            indexed("Teknologi PADI, hibrida!"),
            vec!["teknologi", "padi", "hibrida"]
        );
    }

    #[test]
    fn chinese_two_characters_match_inside_longer_text() {
        let doc = indexed("杂交水稻高产栽培技术");
        for q in query_terms("水稻") {
            assert!(doc.contains(&q));
        }
        assert_eq!(query_terms("水稻").len(), 1);
        assert!(doc.contains(&term("稻")));
        assert!(
            query_terms("光伏")
                .iter()
                .all(|t| !indexed("分布式光伏发电").iter().all(|d| d != t))
        );
    }

    #[test]
    fn mixed_and_hostile_input() {
        assert_eq!(query_terms("' OR 1=1 --"), vec!["or", "1"]);
        assert!(query_terms("%_\\\"*").is_empty());
        assert_eq!(query_terms("NEAR(a b"), vec!["near", "a", "b"]);
        assert!(query_terms(&"x".repeat(10_000))[0].len() <= MAX_WORD);
        assert!(query_terms(&"ab ".repeat(5_000)).len() <= MAX_QUERY_TERMS);
        let mixed = query_terms("solar 光伏 PV");
        assert_eq!(mixed.len(), 3);
        assert!(
            mixed
                .iter()
                .all(|t| t.bytes().all(|b| b.is_ascii_alphanumeric()))
        );
    }
}
