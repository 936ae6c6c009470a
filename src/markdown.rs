//! Markdown written by editors (and visitors, in needs), rendered by
//! pulldown-cmark and then sanitised by ammonia: whatever was typed, no
//! script, event handler or `javascript:` URL reaches a page.
//!
//! Sanitising parses the HTML again, which costs more than everything
//! else on a technology page; the result depends on the text alone, so it
//! is kept, by a hash of the text, within a fixed budget of memory.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;
use std::sync::{Arc, LazyLock, Mutex};

use pulldown_cmark::{Options, Parser, html};

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("noopener noreferrer nofollow"))
        .add_tag_attributes("img", ["loading"])
        .rm_tags(["map", "area"]);
    b
});

/// Rendered texts kept, and how many bytes of them at most.
type Kept = HashMap<u64, (Arc<str>, Arc<str>)>;
static RENDERED: LazyLock<Mutex<(Kept, usize)>> = LazyLock::new(|| Mutex::new((HashMap::new(), 0)));
const RENDERED_BUDGET: usize = 4 * 1024 * 1024;

/// Markdown to safe HTML.
pub fn render(source: &str) -> String {
    let key = foldhash::quality::FixedState::with_seed(0).hash_one(source);
    if let Ok(kept) = RENDERED.lock()
        && let Some((text, html)) = kept.0.get(&key)
        && **text == *source
    {
        return html.to_string();
    }
    let html = render_now(source);
    if let Ok(mut kept) = RENDERED.lock() {
        if kept.1 + html.len() > RENDERED_BUDGET {
            // Simplest bound: start again; the texts in use come back.
            kept.0.clear();
            kept.1 = 0;
        }
        kept.1 += source.len() + html.len();
        kept.0
            .insert(key, (Arc::from(source), Arc::from(html.as_str())));
    }
    html
}

fn render_now(source: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut out = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut out, Parser::new_ext(source, options));
    SANITIZER.clean(&out).to_string()
}

/// Markdown to plain text (for summaries, feeds and the search index).
pub fn to_text(source: &str) -> String {
    use pulldown_cmark::{Event, Tag, TagEnd};
    let mut out = String::with_capacity(source.len());
    for ev in Parser::new(source) {
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => out.push('\n'),
            Event::Start(Tag::Item) => {}
            _ => {}
        }
    }
    out.trim().to_owned()
}

/// Markdown as plain text of at most `max_chars` characters, for a card or
/// a page description: cut at the last space before the limit (Chinese has
/// none: there it is cut at the limit), with "…" to say it goes on.
pub fn summary(source: &str, max_chars: usize) -> String {
    let text = to_text(source).replace('\n', " ");
    if text.chars().count() <= max_chars {
        return text;
    }
    let cut: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    let kept = match cut.rfind(' ') {
        Some(i) if i > cut.len() / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!(
        "{}…",
        kept.trim_end_matches([' ', ',', ';', ':', '.', '，', '、'])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_markdown_is_inert() {
        let cases = [
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "[x](javascript:alert(1))",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<iframe src=//evil></iframe>",
            "<svg onload=alert(1)>",
        ];
        for c in cases {
            let out = render(c).to_lowercase();
            assert!(!out.contains("<script"), "{out}");
            assert!(!out.contains("onerror"), "{out}");
            assert!(!out.contains("onload"), "{out}");
            assert!(!out.contains("javascript:"), "{out}");
            assert!(!out.contains("<iframe"), "{out}");
        }
    }

    #[test]
    fn markdown_renders() {
        let out = render("## Title\n\n**bold** and [link](https://example.org)");
        assert!(out.contains("<h2>Title</h2>"));
        assert!(out.contains("<strong>bold</strong>"));
        assert!(out.contains("rel=\"noopener noreferrer nofollow\""));
        assert_eq!(to_text("## A\n\n- b\n- c"), "A\nb\nc");
    }

    #[test]
    fn a_summary_ends_at_a_word_and_says_it_goes_on() {
        let long = "Small farms in the Mekong delta need a pump that runs on sunlight";
        assert_eq!(summary(long, 200), long);
        assert_eq!(summary(long, 30), "Small farms in the Mekong…");
        let zh = "湄公河三角洲的小农场需要一台太阳能水泵";
        assert_eq!(summary(zh, 10), "湄公河三角洲的小农…");
        assert!(summary(&"a".repeat(500), 220).chars().count() <= 220);
    }
}
