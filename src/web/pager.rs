//! Pagination of every list, public and back-office: which page is shown,
//! how many there are, and the links to the neighbours. Drawn by the
//! `pager` macro in `templates/macros.html`.

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
        }
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

#[cfg(test)]
mod tests {
    use super::Pager;

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
