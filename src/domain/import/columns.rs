//! Which columns the mapping step shows at a time.
//!
//! A file can have thousands of columns (a 52 KB header can name 13,000). Drawing a role
//! choice for every one of them froze the page for a minute, and nobody reads 13,000 columns
//! side by side anyway: the step shows a page of [`PAGE_COLUMNS`] columns, filtered by a
//! piece of the column's name, with the position in the whole list.

/// How many columns the mapping step shows at once.
pub const PAGE_COLUMNS: usize = 40;

/// One page of the columns whose name contains the filter.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ColumnPage {
    /// Indexes (into the header row) of the columns shown, in file order.
    pub shown: Vec<usize>,
    /// The page shown, counted from 0 (clamped to the last page).
    pub page: usize,
    /// How many pages the matching columns fill (at least 1).
    pub pages: usize,
    /// How many columns match the filter.
    pub matching: usize,
}

impl ColumnPage {
    /// The 1-based position of the first and last column shown among the matching ones
    /// (`(0, 0)` when none match).
    pub fn range(&self) -> (usize, usize) {
        if self.shown.is_empty() {
            (0, 0)
        } else {
            let first = self.page * PAGE_COLUMNS + 1;
            (first, first + self.shown.len() - 1)
        }
    }

    /// Whether there is a page before this one.
    pub fn has_previous(&self) -> bool {
        self.page > 0
    }

    /// Whether there is a page after this one.
    pub fn has_next(&self) -> bool {
        self.page + 1 < self.pages
    }
}

/// The `page`th page of the columns whose name contains `filter` (ignoring case and the
/// spaces around it; an empty filter matches every column). A page past the end shows the
/// last page.
pub fn column_page(headers: &[String], filter: &str, page: usize) -> ColumnPage {
    let needle = filter.trim().to_lowercase();
    let matching: Vec<usize> = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| needle.is_empty() || h.to_lowercase().contains(&needle))
        .map(|(i, _)| i)
        .collect();
    let pages = matching.len().div_ceil(PAGE_COLUMNS).max(1);
    let page = page.min(pages - 1);
    let shown = matching
        .iter()
        .skip(page * PAGE_COLUMNS)
        .take(PAGE_COLUMNS)
        .copied()
        .collect();
    ColumnPage {
        shown,
        page,
        pages,
        matching: matching.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("col_{i}")).collect()
    }

    #[test]
    fn a_narrow_file_shows_every_column_on_one_page() {
        let p = column_page(&headers(7), "", 0);
        assert_eq!(p.shown, (0..7).collect::<Vec<_>>());
        assert_eq!((p.page, p.pages, p.matching), (0, 1, 7));
        assert_eq!(p.range(), (1, 7));
        assert!(!p.has_previous() && !p.has_next());
    }

    #[test]
    fn thirteen_thousand_columns_are_shown_a_page_at_a_time() {
        let h = headers(13_000);
        let first = column_page(&h, "", 0);
        assert_eq!(first.shown.len(), PAGE_COLUMNS);
        assert_eq!(first.pages, 13_000usize.div_ceil(PAGE_COLUMNS));
        assert!(first.has_next() && !first.has_previous());
        let last = column_page(&h, "", usize::MAX);
        assert_eq!(last.page, last.pages - 1);
        assert_eq!(last.shown.last(), Some(&12_999));
        assert_eq!(last.range().1, 13_000);
        assert!(!last.has_next() && last.has_previous());
        let second = column_page(&h, "", 1);
        assert_eq!(second.shown[0], PAGE_COLUMNS);
        assert_eq!(second.range(), (PAGE_COLUMNS + 1, 2 * PAGE_COLUMNS));
    }

    #[test]
    fn the_filter_matches_part_of_a_name_ignoring_case_and_keeps_file_order() {
        let h: Vec<String> = ["Deal Stage", "owner", "deal_stage_2", "Close Value"]
            .map(String::from)
            .to_vec();
        let p = column_page(&h, "  STAGE ", 0);
        assert_eq!(p.shown, vec![0, 2]);
        assert_eq!(p.matching, 2);
        let p = column_page(&headers(13_000), "col_12999", 0);
        assert_eq!(p.shown, vec![12_999]);
    }

    #[test]
    fn a_filter_that_matches_nothing_shows_an_empty_page() {
        let p = column_page(&headers(5), "zzz", 3);
        assert!(p.shown.is_empty());
        assert_eq!((p.page, p.pages, p.matching), (0, 1, 0));
        assert_eq!(p.range(), (0, 0));
        assert!(!p.has_next());
    }
}
