//! The catalogue's state as a URL: search words, filters, sort and page.
//! Parsed leniently (unknown values are dropped, bad numbers fall back), so
//! any shared or hand-edited link gives a sensible page.

use crate::taxonomy::{self, ASEAN, FIELDS, IP_STATUSES, MODES};

pub const DEFAULT_PER_PAGE: u32 = 20;
pub const MAX_PER_PAGE: u32 = 50;
pub const MIN_PER_PAGE: u32 = 5;
/// Longest query kept (characters); the analyser caps terms as well.
pub const MAX_QUERY_CHARS: usize = 200;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Sort {
    Relevance,
    Newest,
    Title,
}

impl Sort {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Relevance => "relevance",
            Self::Newest => "newest",
            Self::Title => "title",
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct CatalogQuery {
    pub q: String,
    pub fields: Vec<&'static str>,
    pub countries: Vec<&'static str>,
    pub modes: Vec<&'static str>,
    pub ip: Vec<&'static str>,
    pub trl_min: Option<i16>,
    pub trl_max: Option<i16>,
    sort: Option<Sort>,
    pub page: u32,
    pub per_page: u32,
    /// The words were longer than `MAX_QUERY_CHARS`: only the start was
    /// searched, and the page says so.
    pub shortened: bool,
}

fn push_code(list: &'static [&'static str], v: &str, into: &mut Vec<&'static str>) {
    if let Some(code) = list.iter().find(|c| **c == v)
        && !into.contains(code)
    {
        into.push(code);
    }
}

/// A number from a query parameter: `None` for anything that is not one.
fn number<T: std::str::FromStr>(v: &str) -> Option<T> {
    v.trim().parse().ok()
}

impl CatalogQuery {
    /// Parses a raw query string; invalid UTF-8 is replaced, not refused.
    pub fn parse(raw: &str) -> Self {
        let mut q = Self {
            page: 1,
            per_page: DEFAULT_PER_PAGE,
            ..Self::default()
        };
        for (k, v) in form_urlencoded::parse(raw.as_bytes()) {
            match k.as_ref() {
                "q" => {
                    let words = v.trim();
                    q.shortened = words.chars().count() > MAX_QUERY_CHARS;
                    q.q = words.chars().take(MAX_QUERY_CHARS).collect();
                }
                "field" => push_code(FIELDS, &v, &mut q.fields),
                "country" => push_code(ASEAN, &v, &mut q.countries),
                "mode" => push_code(MODES, &v, &mut q.modes),
                "ip" => push_code(IP_STATUSES, &v, &mut q.ip),
                "trl_min" => {
                    q.trl_min = number::<i16>(&v).filter(|n| taxonomy::TRL_RANGE.contains(n))
                }
                "trl_max" => {
                    q.trl_max = number::<i16>(&v).filter(|n| taxonomy::TRL_RANGE.contains(n))
                }
                "sort" => {
                    q.sort = match v.as_ref() {
                        "relevance" => Some(Sort::Relevance),
                        "newest" => Some(Sort::Newest),
                        "title" => Some(Sort::Title),
                        _ => None,
                    }
                }
                "page" => q.page = number::<u32>(&v).filter(|n| *n >= 1).unwrap_or(1),
                "per_page" => {
                    q.per_page = number::<u32>(&v)
                        .map(|n| n.clamp(MIN_PER_PAGE, MAX_PER_PAGE))
                        .unwrap_or(DEFAULT_PER_PAGE)
                }
                _ => {}
            }
        }
        if let (Some(a), Some(b)) = (q.trl_min, q.trl_max)
            && a > b
        {
            q.trl_min = Some(b);
            q.trl_max = Some(a);
        }
        q
    }

    /// Relevance when there are search words, else newest first, unless
    /// the visitor chose.
    pub fn sort(&self) -> Sort {
        match self.sort {
            Some(Sort::Relevance) if self.q.is_empty() => Sort::Newest,
            Some(s) => s,
            None if self.q.is_empty() => Sort::Newest,
            None => Sort::Relevance,
        }
    }

    pub fn has_filters(&self) -> bool {
        !self.fields.is_empty()
            || !self.countries.is_empty()
            || !self.modes.is_empty()
            || !self.ip.is_empty()
            || self.trl_min.is_some()
            || self.trl_max.is_some()
    }

    /// How many filter values are chosen (a TRL range counts once).
    pub fn active_filters(&self) -> usize {
        self.fields.len()
            + self.countries.len()
            + self.modes.len()
            + self.ip.len()
            + usize::from(self.trl_min.is_some() || self.trl_max.is_some())
    }

    pub fn trl_bounds(&self) -> (i16, i16) {
        (self.trl_min.unwrap_or(1), self.trl_max.unwrap_or(9))
    }

    /// The query string of this state (without `?`), page included when > 1.
    pub fn to_query(&self) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        if !self.q.is_empty() {
            s.append_pair("q", &self.q);
        }
        for f in &self.fields {
            s.append_pair("field", f);
        }
        for c in &self.countries {
            s.append_pair("country", c);
        }
        for m in &self.modes {
            s.append_pair("mode", m);
        }
        for i in &self.ip {
            s.append_pair("ip", i);
        }
        if let Some(n) = self.trl_min {
            s.append_pair("trl_min", &n.to_string());
        }
        if let Some(n) = self.trl_max {
            s.append_pair("trl_max", &n.to_string());
        }
        if let Some(sort) = self.sort {
            s.append_pair("sort", sort.as_str());
        }
        if self.per_page != DEFAULT_PER_PAGE {
            s.append_pair("per_page", &self.per_page.to_string());
        }
        if self.page > 1 {
            s.append_pair("page", &self.page.to_string());
        }
        s.finish()
    }

    /// This state on another page.
    pub fn with_page(&self, page: u32) -> Self {
        Self {
            page,
            ..self.clone()
        }
    }

    /// This state with one filter value added or removed (back to page 1).
    pub fn toggled(&self, dim: &str, code: &'static str) -> Self {
        let mut q = self.clone();
        q.page = 1;
        let list = match dim {
            "field" => &mut q.fields,
            "country" => &mut q.countries,
            "mode" => &mut q.modes,
            "ip" => &mut q.ip,
            _ => return q,
        };
        if let Some(i) = list.iter().position(|c| *c == code) {
            list.remove(i);
        } else {
            list.push(code);
        }
        q
    }

    pub fn without_trl(&self) -> Self {
        Self {
            trl_min: None,
            trl_max: None,
            page: 1,
            ..self.clone()
        }
    }

    /// This state with other search words (back to page 1).
    pub fn with_words(&self, q: String) -> Self {
        Self {
            q,
            page: 1,
            ..self.clone()
        }
    }

    pub fn without_q(&self) -> Self {
        Self {
            q: String::new(),
            page: 1,
            ..self.clone()
        }
    }

    pub fn cleared(&self) -> Self {
        Self {
            q: self.q.clone(),
            page: 1,
            per_page: self.per_page,
            sort: self.sort,
            ..Self::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_parsing() {
        let q = CatalogQuery::parse(
            "q=%20padi%20&field=agriculture&field=nope&country=ID&country=ID&page=abc&per_page=1000&trl_min=9&trl_max=3&sort=zzz",
        );
        assert_eq!(q.q, "padi");
        assert_eq!(q.fields, vec!["agriculture"]);
        assert_eq!(q.countries, vec!["ID"]);
        assert_eq!(q.page, 1);
        assert_eq!(q.per_page, MAX_PER_PAGE);
        assert_eq!((q.trl_min, q.trl_max), (Some(3), Some(9)));
        assert_eq!(q.sort(), Sort::Relevance);
        for bad in [
            "page=0",
            "page=-1",
            "page=99999999999999",
            "page=",
            "q=%FF%FE",
            "%%%",
            "q",
        ] {
            let q = CatalogQuery::parse(bad);
            assert!(q.page >= 1, "{bad}");
        }
    }

    #[test]
    fn round_trips_through_the_url() {
        let q = CatalogQuery::parse("q=水稻&field=agriculture&country=ID&mode=licensing&page=2");
        let again = CatalogQuery::parse(&q.to_query());
        assert_eq!(again.to_query(), q.to_query());
        assert_eq!(again.q, "水稻");
        assert!(!q.toggled("country", "ID").to_query().contains("country"));
        assert!(!q.with_page(1).to_query().contains("page"));
    }
}
