//! Pagination of every list, public and back-office: which page is shown,
//! how many there are, the links to the neighbours and, for long lists, a
//! numbered window of pages. Drawn by the `pager` macro in
//! `templates/macros.html`.

/// A numbered link in the window of pages.
pub struct PageLink {
    pub number: u64,
    pub href: String,
    pub current: bool,
}

/// One list's pagination.
pub struct Pager {
    /// The page shown, from 1.
    pub page: u64,
    /// The last page (1 for an empty list).
    pub last: u64,
    /// How many records the whole list has.
    pub total: u64,
    pub prev: Option<String>,
    pub next: Option<String>,
    /// The numbered pages around this one (empty unless `numbered`): the
    /// pager then draws them instead of "page / last".
    pub pages: Vec<PageLink>,
}

impl Pager {
    /// The pagination of page `page` of `total` records, `per_page` a page;
    /// `link` makes the address of a page (its other parameters kept).
    pub fn new(page: u64, total: u64, per_page: u64, link: impl Fn(u64) -> String) -> Self {
        let page = page.max(1);
        let last = total.div_ceil(per_page.max(1)).max(1);
        Self {
            page,
            last,
            total,
            prev: (page > 1).then(|| link((page - 1).min(last))),
            next: (page < last).then(|| link(page + 1)),
            pages: Vec::new(),
        }
    }

    /// The same pagination with numbered links to the first and last pages
    /// and the two on each side of this one: 1 … 4 5 [6] 7 8 … 20.
    pub fn numbered(mut self, link: impl Fn(u64) -> String) -> Self {
        self.pages = window(self.page, self.last)
            .into_iter()
            .map(|n| PageLink {
                number: n,
                href: link(n),
                current: n == self.page,
            })
            .collect();
        self
    }

    /// "page / last", as the numbered pager states it.
    pub fn position(&self) -> String {
        format!("{} / {}", self.page, self.last)
    }

    /// Records to skip to reach this page.
    pub fn offset(&self, per_page: u64) -> u64 {
        (self.page - 1).saturating_mul(per_page)
    }

    /// Whether there is more than one page (the pager is drawn).
    pub fn shown(&self) -> bool {
        self.prev.is_some() || self.next.is_some()
    }
}

/// Page numbers around `current`, with the first and the last.
fn window(current: u64, last: u64) -> Vec<u64> {
    let mut v: Vec<u64> = (current.saturating_sub(2).max(1)..=(current + 2).min(last)).collect();
    if v.first() != Some(&1) {
        v.insert(0, 1);
    }
    if v.last() != Some(&last) {
        v.push(last);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::Pager;

    #[test]
    fn the_window_holds_the_ends_and_two_on_each_side() {
        let numbers = |page, total| -> Vec<u64> {
            Pager::new(page, total, 10, |n| n.to_string())
                .numbered(|n| n.to_string())
                .pages
                .iter()
                .map(|p| p.number)
                .collect()
        };
        assert_eq!(numbers(6, 200), [1, 4, 5, 6, 7, 8, 20]);
        assert_eq!(numbers(1, 200), [1, 2, 3, 20]);
        assert_eq!(numbers(20, 200), [1, 18, 19, 20]);
        assert_eq!(numbers(1, 5), [1]);
        let p = Pager::new(2, 30, 10, |n| n.to_string()).numbered(|n| n.to_string());
        assert!(p.pages.iter().any(|l| l.current && l.number == 2));
        assert_eq!(p.position(), "2 / 3");
    }

    #[test]
    fn neighbours_exist_only_inside_the_list() {
        let p = Pager::new(1, 0, 25, |n| n.to_string());
        assert_eq!((p.page, p.last, p.prev, p.next), (1, 1, None, None));
        let p = Pager::new(2, 51, 25, |n| n.to_string());
        assert_eq!(
            (p.last, p.prev.as_deref(), p.next.as_deref()),
            (3, Some("1"), Some("3"))
        );
        // Past the end: a way back to the last page, none further.
        let p = Pager::new(9, 51, 25, |n| n.to_string());
        assert_eq!((p.prev.as_deref(), p.next.as_deref()), (Some("3"), None));
        assert_eq!(p.offset(25), 200);
    }
}
