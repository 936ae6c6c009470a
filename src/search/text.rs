//! The one matching rule of every search: an inverted index held in memory
//! (built by whoever owns the records, from the database, behind its data
//! version) and the query against it. Words are matched by stem in the
//! language of the text they are in, Chinese by characters and bigrams,
//! compounds by the concatenation of neighbouring words (`waste water` is
//! `wastewater`), and related words through the trilingual vocabulary.
//!
//! Ranking: more query words matched first; then, per word, where it was
//! found (title 3, summary 2, body 1; a related word counts 0.7 of that),
//! and neighbouring query words found side by side (a phrase) add their
//! weight again.

use std::collections::HashMap;

use super::analyzer::{MAX_QUERY_TERMS, Token, tokens};
use super::stem;

/// Where a word was found, as bits of a posting.
pub const BODY: u8 = 1;
pub const SUMMARY: u8 = 2;
pub const TITLE: u8 = 4;

/// Words of a body indexed per translation; the rest is seldom what a
/// record is about, and would cost memory at 100,000 records.
const MAX_BODY_WORDS: usize = 400;
/// What a related word counts, against the word itself.
const RELATED: f32 = 0.7;

/// The language of a text being indexed: which stemmer its words take.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Lang {
    En,
    Id,
    Zh,
}

impl Lang {
    pub fn of_tag(tag: &str) -> Self {
        match tag {
            "id" => Self::Id,
            "zh-CN" => Self::Zh,
            _ => Self::En,
        }
    }
}

fn key(lang: Lang, word: &str) -> String {
    match lang {
        Lang::Id => stem::indonesian(word),
        // Latin words in Chinese text are mostly English terms (PV, TR4).
        Lang::En | Lang::Zh => stem::english(word),
    }
}

/// The keys a query word may have been indexed under: a visitor may type
/// a word of either Latin-script language.
fn query_keys(word: &str) -> Vec<String> {
    let mut v = vec![stem::english(word)];
    let id = stem::indonesian(word);
    if !v.contains(&id) {
        v.push(id);
    }
    v
}

fn weight(mask: u8) -> f32 {
    let best = if mask & TITLE != 0 {
        3.0
    } else if mask & SUMMARY != 0 {
        2.0
    } else if mask & BODY != 0 {
        1.0
    } else {
        return 0.0;
    };
    // Found in more than one part: a little more about it.
    best + 0.25 * (mask.count_ones() as f32 - 1.0)
}

/// The inverted index: per key, the documents (numbered by the owner) with
/// the parts the key is in, as `doc << 3 | mask`.
#[derive(Default)]
pub struct TextIndex {
    vocabulary: Vocabulary,
    postings: HashMap<String, Vec<u32>>,
    /// Folded words with their counts, for "did you mean".
    words: HashMap<String, u32>,
    current: Option<u32>,
    pending: HashMap<String, u8>,
}

impl TextIndex {
    /// An empty index whose queries take related words from `vocabulary`
    /// (and whose long words split into its words).
    pub fn new(vocabulary: Vocabulary) -> Self {
        Self {
            vocabulary,
            ..Self::default()
        }
    }

    /// A query analysed against this index's vocabulary.
    pub fn query(&self, text: &str) -> Query {
        Query::parse(text, &self.vocabulary)
    }

    /// Adds text of document `doc`; all the text of one document must be
    /// added before the next one's.
    pub fn add(&mut self, doc: u32, lang: Lang, part: u8, text: &str) {
        if self.current != Some(doc) {
            self.flush();
            self.current = Some(doc);
        }
        let mut prev: Option<String> = None;
        let mut count = 0;
        for t in tokens(text) {
            match t {
                Token::Word(w) => {
                    count += 1;
                    if part == BODY && count > MAX_BODY_WORDS {
                        break;
                    }
                    self.put(key(lang, &w), part);
                    self.parts_of(lang, &w, part);
                    if let Some(p) = prev.take() {
                        self.put(key(lang, &format!("{p}{w}")), part);
                    }
                    if w.chars().count() >= 3 && !w.chars().any(char::is_numeric) {
                        *self.words.entry(w.clone()).or_default() += 1;
                    }
                    prev = Some(w);
                }
                Token::Cjk(run) => {
                    prev = None;
                    count += run.len() / 2;
                    for c in &run {
                        self.put(c.to_string(), part);
                    }
                    for pair in run.windows(2) {
                        self.put(pair.iter().collect(), part);
                    }
                }
            }
        }
    }

    /// A long word made of a vocabulary word and another (`wastewater`,
    /// `rainwater`) is also indexed under that word.
    fn parts_of(&mut self, lang: Lang, w: &str, part: u8) {
        if w.len() < 8 || !w.is_ascii() {
            return;
        }
        for i in 4..=w.len() - 4 {
            let (a, b) = w.split_at(i);
            for p in [a, b] {
                if self.vocabulary.parts.contains(p) {
                    self.put(key(lang, p), part);
                }
            }
        }
    }

    fn put(&mut self, key: String, part: u8) {
        *self.pending.entry(key).or_default() |= part;
    }

    fn flush(&mut self) {
        if let Some(doc) = self.current.take() {
            for (k, mask) in self.pending.drain() {
                self.postings
                    .entry(k)
                    .or_default()
                    .push(doc << 3 | u32::from(mask));
            }
        }
    }

    /// Ends building.
    pub fn finish(mut self) -> Self {
        self.flush();
        for v in self.postings.values_mut() {
            v.shrink_to_fit();
        }
        self.postings.shrink_to_fit();
        self.words.shrink_to_fit();
        self
    }

    fn docs(&self, keys: &[String]) -> HashMap<u32, u8> {
        let mut out: HashMap<u32, u8> = HashMap::new();
        for k in keys {
            for p in self.postings.get(k).map_or(&[][..], Vec::as_slice) {
                *out.entry(p >> 3).or_default() |= (*p & 7) as u8;
            }
        }
        out
    }

    /// Documents holding every unit of a vocabulary entry, with the parts
    /// all of them are in (at least one part each: the weakest counts).
    fn entry_docs(&self, units: &[Unit]) -> HashMap<u32, f32> {
        let mut acc: Option<HashMap<u32, f32>> = None;
        for u in units {
            let found = self.docs(&u.keys);
            acc = Some(match acc {
                None => found.into_iter().map(|(d, m)| (d, weight(m))).collect(),
                Some(prev) => prev
                    .into_iter()
                    .filter_map(|(d, w)| found.get(&d).map(|m| (d, w.min(weight(*m)))))
                    .collect(),
            });
        }
        acc.unwrap_or_default()
    }

    /// Every document matching at least one word of the query, scored.
    pub fn search(&self, q: &Query) -> Vec<Hit> {
        let n = q.units.len();
        let mut acc: HashMap<u32, ([f32; MAX_QUERY_TERMS], f32)> = HashMap::new();
        let mut raise = |doc: u32, i: usize, w: f32| {
            let a = acc.entry(doc).or_insert(([0.0; MAX_QUERY_TERMS], 0.0));
            if a.0[i] < w {
                a.0[i] = w;
            }
        };
        for (i, u) in q.units.iter().enumerate() {
            for (doc, mask) in self.docs(&u.keys) {
                raise(doc, i, weight(mask));
            }
        }
        // Related words: the span they stand for is matched a bit less.
        for (span, entries) in &q.related {
            for units in entries {
                for (doc, w) in self.entry_docs(units) {
                    for i in span.clone() {
                        raise(doc, i, w * RELATED);
                    }
                }
            }
        }
        // Neighbours: side by side (or written as one word) in a document.
        let mut phrase: HashMap<u32, f32> = HashMap::new();
        for (i, keys) in &q.pairs {
            for (doc, mask) in self.docs(keys) {
                let w = weight(mask);
                raise(doc, *i, w);
                raise(doc, *i + 1, w);
                *phrase.entry(doc).or_default() += w;
            }
        }
        acc.into_iter()
            .map(|(doc, (words, _))| {
                let words = &words[..n];
                Hit {
                    worded: words
                        .iter()
                        .zip(&q.units)
                        .any(|(w, u)| *w > 0.0 && !u.text.chars().all(|c| c.is_ascii_digit())),
                    doc,
                    matched: u8::try_from(words.iter().filter(|w| **w > 0.0).count())
                        .unwrap_or(u8::MAX),
                    score: words.iter().sum::<f32>() + phrase.get(&doc).copied().unwrap_or(0.0),
                }
            })
            .collect()
    }

    /// The query with its unknown words replaced by the closest known word
    /// (one edit for short words, two for longer), when there is one.
    pub fn suggest(&self, q: &Query) -> Option<String> {
        let mut changed = false;
        let mut out: Vec<String> = Vec::new();
        for u in &q.units {
            if u.cjk || self.words.contains_key(&u.text) || u.text.len() < 3 {
                out.push(u.text.clone());
                continue;
            }
            let limit = if u.text.chars().count() <= 5 { 1 } else { 2 };
            let best = self
                .words
                .iter()
                .filter_map(|(w, n)| {
                    let d = distance(&u.text, w);
                    (d <= limit).then_some((d, std::cmp::Reverse(*n), w))
                })
                .min();
            match best {
                Some((_, _, w)) => {
                    changed = true;
                    out.push(w.clone());
                }
                None => out.push(u.text.clone()),
            }
        }
        changed.then(|| out.join(" "))
    }
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 2 {
        return 3;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// A document and how well it matches.
#[derive(Clone, Copy, Debug)]
pub struct Hit {
    pub doc: u32,
    /// How many query words it has (itself, a related word or a compound).
    pub matched: u8,
    pub score: f32,
    /// One of the query words it has is more than a number.
    pub worded: bool,
}

/// One word of a query (a Chinese run gives its bigrams), with the keys it
/// may be indexed under.
#[derive(Clone, Debug)]
pub struct Unit {
    pub text: String,
    keys: Vec<String>,
    cjk: bool,
}

fn units(text: &str) -> Vec<Unit> {
    let mut out = Vec::new();
    for t in tokens(text) {
        match t {
            Token::Word(w) => out.push(Unit {
                keys: query_keys(&w),
                text: w,
                cjk: false,
            }),
            Token::Cjk(run) if run.len() == 1 => out.push(Unit {
                text: run[0].to_string(),
                keys: vec![run[0].to_string()],
                cjk: true,
            }),
            Token::Cjk(run) => {
                for pair in run.windows(2) {
                    let s: String = pair.iter().collect();
                    out.push(Unit {
                        text: s.clone(),
                        keys: vec![s],
                        cjk: true,
                    });
                }
            }
        }
    }
    out
}

/// Words that say nothing about what is searched for; dropped from a
/// query that has others.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "the", "of", "for", "to", "in", "on", "with", "by", "from", "at", "or",
    "dan", "untuk", "yang", "di", "ke", "dari", "dengan", "atau", "pada", "bagi", "的", "和",
];

/// An analysed query.
#[derive(Debug, Default)]
pub struct Query {
    pub units: Vec<Unit>,
    /// Neighbouring Latin words `i`, `i + 1`: the keys of the two as one.
    pairs: Vec<(usize, Vec<String>)>,
    /// Spans of the query that are a vocabulary entry, with the entries of
    /// its group (each a list of units, all needed).
    related: Vec<(std::ops::Range<usize>, Vec<Vec<Unit>>)>,
}

impl Query {
    pub fn parse(text: &str, vocabulary: &Vocabulary) -> Self {
        let mut all = units(text);
        if all.iter().any(|u| !STOPWORDS.contains(&u.text.as_str())) {
            all.retain(|u| !STOPWORDS.contains(&u.text.as_str()));
        }
        let mut seen = Vec::new();
        all.retain(|u| {
            let fresh = !seen.contains(&u.text);
            seen.push(u.text.clone());
            fresh
        });
        all.truncate(MAX_QUERY_TERMS);
        let pairs = all
            .windows(2)
            .enumerate()
            .filter(|(_, w)| !w[0].cjk && !w[1].cjk)
            .map(|(i, w)| (i, query_keys(&format!("{}{}", w[0].text, w[1].text))))
            .collect();
        let mut related = Vec::new();
        for group in &vocabulary.groups {
            for entry in group {
                let n = entry.len();
                if n == 0 || n > all.len() {
                    continue;
                }
                for start in 0..=all.len() - n {
                    let same = entry.iter().zip(&all[start..start + n]).all(|(e, u)| {
                        e.text == u.text || e.keys.iter().any(|k| u.keys.contains(k))
                    });
                    if same {
                        related.push((start..start + n, group.clone()));
                    }
                }
            }
        }
        Self {
            units: all,
            pairs,
            related,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// Whether a record is worth showing: one with every query word always;
    /// one with only some of them when one of those is a word,
    /// not only a number. A record that shares nothing with `default AND
    /// 47=11` but the number 11 is noise, and showing it would make the
    /// page answer differently to numbers the site happens to contain,
    /// which scanners take for an injection.
    pub fn partial_enough(&self, hit: &Hit) -> bool {
        usize::from(hit.matched) >= self.len() || hit.worded
    }
}

/// One group of related words: the catalogue field it belongs to, and
/// words or short phrases per language.
#[derive(serde::Deserialize, Clone, Debug, Default)]
pub struct Group {
    pub field: String,
    #[serde(default)]
    pub en: Vec<String>,
    #[serde(default)]
    pub id: Vec<String>,
    #[serde(default, rename = "zh-CN")]
    pub zh: Vec<String>,
}

#[derive(serde::Deserialize)]
struct VocabularyFile {
    group: Vec<Group>,
}

/// The vocabulary the database was first seeded with (`vocabulary.toml`,
/// read by the migration that made the table); editors extend it in the
/// back office.
pub const SEED_TOML: &str = include_str!("vocabulary.toml");

/// The groups of the seed file.
pub fn seed_groups() -> Result<Vec<Group>, toml::de::Error> {
    toml::from_str::<VocabularyFile>(SEED_TOML).map(|f| f.group)
}

/// Related words, analysed for matching.
#[derive(Default)]
pub struct Vocabulary {
    groups: Vec<Vec<Vec<Unit>>>,
    /// Latin words of four letters or more: the parts compounds split into.
    parts: std::collections::HashSet<String>,
}

impl Vocabulary {
    pub fn new(groups: &[Group]) -> Self {
        let parts = groups
            .iter()
            .flat_map(|g| g.en.iter().chain(&g.id))
            .flat_map(|e| tokens(e))
            .filter_map(|t| match t {
                Token::Word(w) if w.len() >= 4 && w.is_ascii() => Some(w),
                _ => None,
            })
            .collect();
        Self {
            groups: groups
                .iter()
                .map(|g| {
                    g.en.iter()
                        .chain(&g.id)
                        .chain(&g.zh)
                        .map(|e| units(e))
                        .filter(|u| !u.is_empty())
                        .collect()
                })
                .collect(),
            parts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(docs: &[(&str, &str, &str)]) -> TextIndex {
        let groups = seed_groups().unwrap_or_default();
        let mut ix = TextIndex::new(Vocabulary::new(&groups));
        for (doc, (lang, title, body)) in docs.iter().enumerate() {
            let doc = u32::try_from(doc).unwrap_or(0);
            ix.add(doc, Lang::of_tag(lang), TITLE, title);
            ix.add(doc, Lang::of_tag(lang), BODY, body);
        }
        ix.finish()
    }

    fn ranked(ix: &TextIndex, q: &str) -> Vec<(u32, u8)> {
        let q = ix.query(q);
        let mut hits = ix.search(&q);
        hits.sort_by(|a, b| {
            b.matched
                .cmp(&a.matched)
                .then(b.score.total_cmp(&a.score))
                .then(a.doc.cmp(&b.doc))
        });
        hits.into_iter().map(|h| (h.doc, h.matched)).collect()
    }

    #[test]
    fn forms_compounds_and_related_words() {
        let ix = index(&[
            ("en", "Rural wastewater treatment", ""),
            (
                "en",
                "Sugarcane seedlings",
                "a hot-water treatment of setts",
            ),
            ("id", "Stasiun Air Minum Bertenaga Surya", ""),
            ("en", "Hydraulic pumps", ""),
            ("zh-CN", "热带稻区杂交水稻品种", ""),
            ("en", "Rooftop photovoltaic", ""),
        ]);
        assert_eq!(ranked(&ix, "waste water")[0], (0, 2));
        assert_eq!(ranked(&ix, "treat")[0].0, 0);
        assert_eq!(ranked(&ix, "pump")[0].0, 3);
        assert_eq!(ranked(&ix, "tenaga surya")[0], (2, 2));
        assert_eq!(ranked(&ix, "beras")[0].0, 4);
        assert_eq!(ranked(&ix, "rice")[0].0, 4);
        assert_eq!(ranked(&ix, "太阳能")[0].0, 2);
        assert!(ranked(&ix, "光伏").iter().any(|h| h.0 == 5));
        // Water treatment: the title phrase first, the body phrase second.
        let r = ranked(&ix, "water treatment");
        assert_eq!(r[0].0, 0, "{r:?}");
        assert_eq!(r[1].0, 1, "{r:?}");
    }

    #[test]
    fn did_you_mean() {
        let ix = index(&[("en", "Solar mini-grids", ""), ("id", "Padi hibrida", "")]);
        assert_eq!(ix.suggest(&ix.query("solr")).as_deref(), Some("solar"));
        assert_eq!(ix.suggest(&ix.query("padii")).as_deref(), Some("padi"));
        assert_eq!(ix.suggest(&ix.query("solar")), None);
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    #[test]
    fn the_seed_vocabulary_parses() {
        assert!(seed_groups().map(|g| g.len()).unwrap_or(0) > 40);
    }
}
