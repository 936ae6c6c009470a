//! The `Locale` type: one of the configured languages, by index.

use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use serde::Deserialize;
use unic_langid::LanguageIdentifier;

#[derive(Deserialize)]
struct LanguagesFile {
    default: String,
    fallback: Vec<String>,
    language: Vec<LanguageEntry>,
}

#[derive(Deserialize)]
struct LanguageEntry {
    tag: String,
    alias: Option<String>,
    name: String,
    og: String,
}

pub(super) struct Language {
    pub tag: String,
    pub alias: Option<String>,
    pub name: String,
    pub og: String,
    pub id: LanguageIdentifier,
}

pub(super) struct Registry {
    pub langs: Vec<Language>,
    default: usize,
    /// For each language: itself, the configured fallbacks, then every other
    /// language, so some text is always found.
    chains: Vec<Vec<Locale>>,
}

const LANGUAGES_TOML: &str = include_str!("../../locales/languages.toml");

impl Registry {
    fn parse(src: &str) -> Result<Self, String> {
        let file: LanguagesFile = toml::from_str(src).map_err(|e| e.to_string())?;
        if file.language.is_empty() || file.language.len() > usize::from(u8::MAX) {
            return Err("languages.toml must list between 1 and 255 languages".into());
        }
        let mut langs = Vec::new();
        for l in file.language {
            let id = l
                .tag
                .parse::<LanguageIdentifier>()
                .map_err(|e| format!("{}: {e}", l.tag))?;
            langs.push(Language {
                tag: l.tag,
                alias: l.alias,
                name: l.name,
                og: l.og,
                id,
            });
        }
        let index = |tag: &str| {
            langs
                .iter()
                .position(|l| l.tag == tag)
                .ok_or_else(|| format!("{tag} is not a configured language"))
        };
        let default = index(&file.default)?;
        let fallback = file
            .fallback
            .iter()
            .map(|t| index(t))
            .collect::<Result<Vec<_>, _>>()?;
        let chains = (0..langs.len())
            .map(|i| {
                let mut chain = vec![i];
                for &f in fallback.iter().chain(std::iter::once(&default)) {
                    if !chain.contains(&f) {
                        chain.push(f);
                    }
                }
                for j in 0..langs.len() {
                    if !chain.contains(&j) {
                        chain.push(j);
                    }
                }
                chain.into_iter().map(Locale::from_index).collect()
            })
            .collect();
        Ok(Self {
            langs,
            default,
            chains,
        })
    }
}

#[expect(
    clippy::expect_used,
    reason = "the file is compiled in and checked by the i18n tests; a broken one must stop start-up"
)]
pub(super) static REGISTRY: LazyLock<Registry> =
    LazyLock::new(|| Registry::parse(LANGUAGES_TOML).expect("locales/languages.toml is invalid"));

/// One of the configured languages. Cheap to copy; parsed from the first path
/// segment with its full BCP-47 tag (`zh-CN`).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Locale(u8);

impl Locale {
    fn from_index(i: usize) -> Self {
        // The registry refuses more than 255 languages.
        Self(u8::try_from(i).unwrap_or(u8::MAX))
    }

    fn lang(self) -> &'static Language {
        &REGISTRY.langs[usize::from(self.0)]
    }

    /// Every configured language, in switcher order.
    /// Its position among the configured languages (for per-language tables).
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    pub fn all() -> impl Iterator<Item = Locale> {
        (0..REGISTRY.langs.len()).map(Self::from_index)
    }

    /// The exact tag (case-insensitive), as used in URLs and the database.
    pub fn from_tag(tag: &str) -> Option<Self> {
        REGISTRY
            .langs
            .iter()
            .position(|l| l.tag.eq_ignore_ascii_case(tag))
            .map(Self::from_index)
    }

    /// A short path alias such as `zh`, which redirects to the full tag.
    pub fn from_alias(alias: &str) -> Option<Self> {
        REGISTRY
            .langs
            .iter()
            .position(|l| {
                l.alias
                    .as_deref()
                    .is_some_and(|a| a.eq_ignore_ascii_case(alias))
            })
            .map(Self::from_index)
    }

    pub fn aliases() -> impl Iterator<Item = (&'static str, Locale)> {
        Self::all().filter_map(|l| l.lang().alias.as_deref().map(|a| (a, l)))
    }

    pub fn from_langid(id: &LanguageIdentifier) -> Option<Self> {
        REGISTRY
            .langs
            .iter()
            .position(|l| &l.id == id)
            .map(Self::from_index)
    }

    pub fn tag(self) -> &'static str {
        &self.lang().tag
    }

    /// The language's name in itself ("中文", "Bahasa Indonesia").
    pub fn native_name(self) -> &'static str {
        &self.lang().name
    }

    pub fn og_locale(self) -> &'static str {
        &self.lang().og
    }

    pub fn langid(self) -> &'static LanguageIdentifier {
        &self.lang().id
    }

    /// Where to look for text missing in this language: itself first.
    pub fn chain(self) -> &'static [Locale] {
        &REGISTRY.chains[usize::from(self.0)]
    }
}

impl Default for Locale {
    fn default() -> Self {
        Self::from_index(REGISTRY.default)
    }
}

impl FromStr for Locale {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Self::from_tag(s).ok_or(())
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl fmt::Debug for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Locale({})", self.tag())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_parses_and_chains_end_with_every_language() {
        let n = Locale::all().count();
        assert!(n >= 3);
        for l in Locale::all() {
            assert_eq!(l.chain()[0], l);
            assert_eq!(l.chain().len(), n);
            assert_eq!(Locale::from_tag(l.tag()), Some(l));
        }
        assert_eq!(Locale::from_alias("zh").map(Locale::tag), Some("zh-CN"));
        assert_eq!(Locale::from_tag("ZH-cn").map(Locale::tag), Some("zh-CN"));
        assert!(Locale::from_tag("xx").is_none());
    }

    #[test]
    fn fallback_goes_requested_then_en_then_zh() {
        let id =
            Locale::from_tag("id").map(|l| l.chain().iter().map(|l| l.tag()).collect::<Vec<_>>());
        assert_eq!(id, Some(vec!["id", "en", "zh-CN"]));
    }
}
