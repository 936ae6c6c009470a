//! Markdown written by editors (and visitors, in needs), rendered by
//! pulldown-cmark and then sanitised by ammonia: whatever was typed, no
//! script, event handler or `javascript:` URL reaches a page.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{Options, Parser, html};

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("noopener noreferrer nofollow"))
        .add_tag_attributes("img", ["loading"])
        .rm_tags(["map", "area"]);
    b
});

/// Markdown to safe HTML.
pub fn render(source: &str) -> String {
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
}
