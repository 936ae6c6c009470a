//! Fluent messages, compiled into the binary from `locales/`.

use std::collections::HashMap;
use std::sync::{LazyLock, RwLock};

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::static_loader;

use super::Locale;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Names that are the same in every language (brand, acronyms).
        core_locales: "./locales/_shared.ftl",
        // Without this, Fluent wraps every argument in Unicode isolation marks
        // that end up inside the HTML.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// Arguments of a message: name to value.
pub type Args<'a> = HashMap<&'static str, FluentValue<'a>>;

/// Messages without arguments, once formatted, per language: a page calls
/// for a few hundred (every filter option, every country of every card),
/// and formatting each again costs more than the rest of the page. Ids
/// come from the code and the vocabularies, so the table stays small; it
/// is bounded all the same.
type Formatted = RwLock<HashMap<Box<str>, Box<str>>>;
static PLAIN: LazyLock<Vec<Formatted>> =
    LazyLock::new(|| Locale::all().map(|_| RwLock::default()).collect());
const PLAIN_MAX: usize = 20_000;

/// The message `id` in `locale`, falling back along the locale's chain
/// (requested, en, zh-CN, any). A message missing everywhere is a bug that the
/// i18n tests catch; at run time it is logged and shown as a warning sign
/// rather than as a raw id.
pub fn message(locale: Locale, id: &str, args: Option<&Args<'_>>) -> String {
    let Some(table) = args.is_none().then(|| PLAIN.get(locale.index())).flatten() else {
        return format(locale, id, args);
    };
    if let Ok(kept) = table.read()
        && let Some(text) = kept.get(id)
    {
        return text.to_string();
    }
    let text = format(locale, id, None);
    if let Ok(mut kept) = table.write()
        && kept.len() < PLAIN_MAX
    {
        kept.insert(id.into(), text.as_str().into());
    }
    text
}

fn format(locale: Locale, id: &str, args: Option<&Args<'_>>) -> String {
    for l in locale.chain() {
        if let Ok(text) = LOCALES.lookup_single_language(l.langid(), id, args) {
            return text;
        }
    }
    tracing::error!(message_id = id, locale = %locale, "missing message in every locale");
    "\u{26a0}".to_owned()
}

/// Whether `id` exists in `locale` itself (no fallback) and formats without
/// error with the given arguments.
pub fn has_message(locale: Locale, id: &str, args: Option<&Args<'_>>) -> bool {
    LOCALES
        .lookup_single_language(locale.langid(), id, args)
        .is_ok()
}
