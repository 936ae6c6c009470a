//! Choosing a language for a visitor who has not put one in the URL.

use fluent_langneg::{NegotiationStrategy, accepted_languages, negotiate_languages};
use unic_langid::LanguageIdentifier;

use super::Locale;

/// Cookie that remembers the visitor's last chosen language.
pub const LANG_COOKIE: &str = "lang";

/// The remembered choice first, then the best match for Accept-Language,
/// then the configured default.
pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> Locale {
    if let Some(l) = cookie.and_then(Locale::from_tag) {
        return l;
    }
    if let Some(header) = accept_language {
        let requested = accepted_languages::parse(header);
        let available: Vec<&'static LanguageIdentifier> =
            Locale::all().map(Locale::langid).collect();
        let chosen = negotiate_languages(&requested, &available, None, NegotiationStrategy::Lookup);
        if let Some(l) = chosen.first().and_then(|id| Locale::from_langid(id)) {
            return l;
        }
    }
    Locale::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(cookie: Option<&str>, accept: Option<&str>) -> &'static str {
        negotiate(cookie, accept).tag()
    }

    #[test]
    fn cookie_then_header_then_default() {
        assert_eq!(tag(Some("zh-CN"), Some("id")), "zh-CN");
        assert_eq!(tag(Some("bogus"), Some("id-ID,id;q=0.9,en;q=0.8")), "id");
        assert_eq!(tag(None, Some("zh-CN,zh;q=0.9")), "zh-CN");
        assert_eq!(tag(None, Some("zh")), "zh-CN");
        assert_eq!(tag(None, Some("fr-FR,fr;q=0.9")), "en");
        assert_eq!(tag(None, Some("fr;q=0.9, id;q=0.5")), "id");
        assert_eq!(tag(None, None), "en");
        assert_eq!(tag(None, Some("\u{0}garbage;;q=x")), "en");
    }
}
