//! Word forms: a word is indexed and searched by its stem, so `pumps`
//! finds `pump` and `penjernihan` finds `jernih`. English uses the Snowball
//! (Porter 2) stemmer; Indonesian the Snowball Indonesian algorithm (after
//! Tala's adaptation of Nazief–Adriani), written out here because no Rust
//! crate carries it. Input is a folded word (lower case, no accents).

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

static ENGLISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// The English stem. Porter 2 keeps `-ment` unless the rest is long
/// (`treatment` stays), yet visitors type `treat` for it: the suffix goes
/// when at least four letters remain.
pub fn english(word: &str) -> String {
    let s = ENGLISH.stem(word);
    match s.strip_suffix("ment") {
        Some(rest) if rest.chars().count() >= 4 => rest.to_owned(),
        _ => s.into_owned(),
    }
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// The Indonesian stem, following the Snowball Indonesian algorithm:
/// particles (`-lah`), possessives (`-nya`), then prefixes and suffixes,
/// each removal only while more than two vowels (syllables) remain.
pub fn indonesian(word: &str) -> String {
    let mut w: Vec<char> = word.chars().collect();
    let mut measure = w.iter().filter(|c| is_vowel(**c)).count();
    if measure <= 2 || !w.iter().all(char::is_ascii_lowercase) {
        return word.to_owned();
    }
    // Which prefix went: 1 di-/meng-/ter-, 2 per-/pe-, 3 ke-/peng-, 4 ber-.
    let mut prefix = 0u8;
    if strip_suffix(&mut w, &["kah", "lah", "pun"]) {
        measure -= 1;
    }
    if measure > 2 && strip_suffix(&mut w, &["nya", "ku", "mu"]) {
        measure -= 1;
    }
    if measure <= 2 {
        return w.into_iter().collect();
    }
    if first_order_prefix(&mut w, &mut prefix) {
        measure -= 1;
        if measure > 2 && suffix(&mut w, prefix) {
            measure -= 1;
        }
        if measure > 2 {
            second_order_prefix(&mut w, &mut prefix);
        }
    } else {
        if second_order_prefix(&mut w, &mut prefix) {
            measure -= 1;
        }
        if measure > 2 {
            suffix(&mut w, prefix);
        }
    }
    w.into_iter().collect()
}

fn starts(w: &[char], p: &str) -> bool {
    w.len() >= p.len() && w.iter().zip(p.chars()).all(|(a, b)| *a == b)
}

fn ends(w: &[char], s: &str) -> bool {
    let n = s.chars().count();
    w.len() >= n && w[w.len() - n..].iter().copied().eq(s.chars())
}

fn strip_suffix(w: &mut Vec<char>, list: &[&str]) -> bool {
    for s in list {
        if ends(w, s) {
            w.truncate(w.len() - s.len());
            return true;
        }
    }
    false
}

/// Replaces the first `n` letters by `with`.
fn replace_prefix(w: &mut Vec<char>, n: usize, with: &str) {
    w.splice(0..n, with.chars());
}

fn first_order_prefix(w: &mut Vec<char>, prefix: &mut u8) -> bool {
    let vowel_at = |i: usize| w.get(i).copied().is_some_and(is_vowel);
    // Longest first, as Snowball's `among` does.
    let (n, with, p) = if starts(w, "meny") && vowel_at(4) {
        (4, "s", 1)
    } else if starts(w, "peny") && vowel_at(4) {
        (4, "s", 3)
    } else if starts(w, "meng") {
        (4, "", 1)
    } else if starts(w, "peng") {
        (4, "", 3)
    } else if starts(w, "mem") {
        (3, if vowel_at(3) { "p" } else { "" }, 1)
    } else if starts(w, "pem") {
        (3, if vowel_at(3) { "p" } else { "" }, 3)
    } else if starts(w, "men") || starts(w, "ter") {
        (3, "", 1)
    } else if starts(w, "pen") {
        (3, "", 3)
    } else if starts(w, "di") || starts(w, "me") {
        (2, "", 1)
    } else if starts(w, "ke") {
        (2, "", 3)
    } else {
        return false;
    };
    replace_prefix(w, n, with);
    *prefix = p;
    true
}

fn second_order_prefix(w: &mut Vec<char>, prefix: &mut u8) -> bool {
    let (n, with, p) = if starts(w, "pelajar") {
        (7, "ajar", 2)
    } else if starts(w, "belajar") {
        (7, "ajar", 4)
    } else if starts(w, "per") {
        (3, "", 2)
    } else if starts(w, "ber") {
        (3, "", 4)
    } else if starts(w, "be")
        && w.get(2).is_some_and(|c| !is_vowel(*c))
        && w.get(3) == Some(&'e')
        && w.get(4) == Some(&'r')
    {
        (2, "", 4)
    } else if starts(w, "pe") {
        (2, "", 2)
    } else {
        return false;
    };
    replace_prefix(w, n, with);
    *prefix = p;
    true
}

/// `-kan` (not after ke-/peng-/per-), `-an` (not after di-/meng-/ter-),
/// `-i` (not after ke-/peng-/ber-, nor after an `s`).
fn suffix(w: &mut Vec<char>, prefix: u8) -> bool {
    let cut = if ends(w, "kan") && prefix != 3 && prefix != 2 {
        3
    } else if ends(w, "an") && prefix != 1 {
        2
    } else if ends(w, "i") && prefix <= 2 && !ends(w, "si") {
        1
    } else {
        return false;
    };
    w.truncate(w.len() - cut);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_affixes() {
        for (word, stem) in [
            ("bertenaga", "tenaga"),
            ("penjernihan", "jernih"),
            ("pengolahan", "olah"),
            ("olahan", "olah"),
            ("dikelola", "kelola"),
            ("membeli", "beli"),
            ("menyapu", "sapu"),
            ("pekerja", "kerja"),
            ("bekerja", "kerja"),
            ("pelajaran", "ajar"),
            ("perkebunan", "kebun"),
            ("bukunya", "buku"),
            ("padi", "padi"),
            ("beras", "beras"),
            ("surya", "surya"),
        ] {
            assert_eq!(indonesian(word), stem, "{word}");
        }
        // Over-stemmed alike, so still found.
        assert_eq!(indonesian("memakai"), indonesian("pakai"));
    }

    #[test]
    fn english_forms() {
        assert_eq!(english("pumps"), english("pump"));
        assert_eq!(english("treatment"), english("treat"));
        assert_eq!(english("treated"), english("treat"));
        assert_eq!(english("villages"), english("village"));
    }
}
