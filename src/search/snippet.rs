//! Snippets with the matched words highlighted. Matching is done on folded
//! text (lower case, no accents) and mapped back to the original characters;
//! everything is HTML-escaped before `<mark>` is added.

use super::analyzer::{fold, highlight_needles};

/// The text with every occurrence of a query word marked, cut to about
/// `max_chars` around the first match (or the start). Returns safe HTML.
pub fn highlight(text: &str, query: &str, max_chars: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    // folded[i] is the folded form of chars[origin[i]].
    let mut folded: Vec<char> = Vec::with_capacity(chars.len());
    let mut origin: Vec<usize> = Vec::with_capacity(chars.len());
    for (i, c) in chars.iter().enumerate() {
        for f in fold(*c) {
            folded.push(f);
            origin.push(i);
        }
    }
    let needles: Vec<Vec<char>> = highlight_needles(query)
        .into_iter()
        .map(|n| n.chars().collect())
        .filter(|n: &Vec<char>| !n.is_empty())
        .collect();
    let mut marked = vec![false; chars.len()];
    let mut first: Option<usize> = None;
    for n in &needles {
        let mut i = 0;
        while i + n.len() <= folded.len() {
            if folded[i..i + n.len()] == n[..] && is_boundary(&folded, i, n.len()) {
                for k in i..i + n.len() {
                    marked[origin[k]] = true;
                }
                first = Some(first.map_or(origin[i], |f| f.min(origin[i])));
                i += n.len();
            } else {
                i += 1;
            }
        }
    }
    let (start, end) = window(&chars, first, max_chars);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut open = false;
    for (i, c) in chars.iter().enumerate().take(end).skip(start) {
        if marked[i] && !open {
            out.push_str("<mark>");
            open = true;
        } else if !marked[i] && open {
            out.push_str("</mark>");
            open = false;
        }
        escape_char(*c, &mut out);
    }
    if open {
        out.push_str("</mark>");
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}

/// A snippet from the first of `texts` (Markdown or plain) in which a query
/// word appears, so a hit deep in a description shows where it is; the
/// first text, unmarked, when none has one.
pub fn best(texts: &[&str], query: &str, max_chars: usize) -> String {
    for (i, t) in texts.iter().enumerate() {
        let plain = if i == 0 {
            (*t).to_owned()
        } else {
            crate::markdown::to_text(t)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        let h = highlight(&plain, query, max_chars);
        // Text is escaped before marking: a `<mark>` here is ours.
        if h.contains("<mark>") {
            return h;
        }
    }
    highlight(texts.first().copied().unwrap_or(""), query, max_chars)
}

/// Latin words match at word starts only ("padi" not inside "kompadia");
/// CJK matches anywhere.
fn is_boundary(folded: &[char], at: usize, len: usize) -> bool {
    let first = folded[at];
    if !first.is_ascii_alphanumeric() {
        return true;
    }
    let before_ok = at == 0 || !folded[at - 1].is_alphanumeric();
    let _ = len;
    before_ok
}

/// Where a cut may fall: before a word (after a space) or after a Chinese
/// sentence or clause.
fn cut_ok(chars: &[char], at: usize) -> bool {
    at == 0
        || at == chars.len()
        || chars[at - 1].is_whitespace()
        || matches!(chars[at - 1], '。' | '！' | '？' | '；' | '，' | '、')
}

/// The part of the text shown: about `max` characters from a little before
/// the first match, its ends moved to word (or Chinese sentence) boundaries
/// so no word is cut in two.
fn window(chars: &[char], first: Option<usize>, max: usize) -> (usize, usize) {
    let len = chars.len();
    if len <= max {
        return (0, len);
    }
    let start = first.map_or(0, |f| f.saturating_sub(max / 4));
    let mut start = start.min(len - max);
    let mut end = start + max;
    if start > 0 {
        let limit = first.unwrap_or(end).min(start + max / 4);
        if let Some(s) = (start..=limit).find(|i| cut_ok(chars, *i)) {
            start = s;
        }
    }
    if end < len
        && let Some(e) = (start + max / 2..=end).rev().find(|i| cut_ok(chars, *i))
    {
        end = e;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    (start, end)
}

pub fn escape_char(c: char, out: &mut String) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_case_and_accent_insensitively_and_escapes() {
        assert_eq!(
            highlight("Benih PADI <b>", "padi", 100),
            "Benih <mark>PADI</mark> &lt;b&gt;"
        );
        assert_eq!(
            highlight("杂交水稻技术", "水稻", 100),
            "杂交<mark>水稻</mark>技术"
        );
        assert_eq!(highlight("Café", "cafe", 100), "<mark>Café</mark>");
        assert_eq!(
            highlight("x\"><script>", "script", 100),
            "x&quot;&gt;&lt;<mark>script</mark>&gt;"
        );
    }

    #[test]
    fn the_snippet_comes_from_where_the_words_are() {
        let summary = "Seeds for tropical paddies.";
        let description = "## Method\n\nA **drone** sprays the rows at dawn.";
        assert_eq!(
            best(&[summary, description], "drone", 100),
            "Method A <mark>drone</mark> sprays the rows at dawn."
        );
        assert_eq!(
            best(&[summary, description], "seeds", 100),
            "<mark>Seeds</mark> for tropical paddies."
        );
        assert_eq!(best(&[summary, description], "absent", 100), summary);
    }

    #[test]
    fn windows_around_the_first_match() {
        let text = format!("{} padi {}", "a ".repeat(200), "b ".repeat(200));
        let out = highlight(&text, "padi", 80);
        assert!(out.starts_with('…') && out.ends_with('…'));
        assert!(out.contains("<mark>padi</mark>"));
    }

    #[test]
    fn cuts_between_words_and_chinese_sentences() {
        let text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda";
        let out = highlight(text, "", 30);
        assert_eq!(out, "alpha beta gamma delta…");
        let out = highlight(text, "kappa", 30);
        assert!(out.starts_with("…"), "{out}");
        let words: Vec<&str> = out.trim_matches('…').split(' ').collect();
        assert!(
            words.iter().all(|w| text.split(' ').any(|t| w.contains(t))),
            "{out}"
        );
        let zh = "第一句话很长很长。第二句话也很长很长。第三句话同样很长。";
        assert_eq!(
            highlight(zh, "", 20),
            "第一句话很长很长。第二句话也很长很长。…"
        );
    }
}
