//! A long list shown a page at a time: only the page's rows are laid out,
//! so ten thousand records open, filter and sort as fast as fifty.

use std::ops::Range;

/// The rows of one page of a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Window {
    /// The page shown (from 0), within the list.
    pub page: usize,
    /// How many pages the list has; one when it is empty.
    pub pages: usize,
    /// The rows on the page.
    pub rows: Range<usize>,
}

/// Page `page` of `total` rows, `size` to a page; a page past the end is
/// the last one (a filter left fewer rows than before).
pub fn window(page: usize, size: usize, total: usize) -> Window {
    let size = size.max(1);
    let pages = total.div_ceil(size).max(1);
    let page = page.min(pages - 1);
    let start = page * size;
    Window {
        page,
        pages,
        rows: start..(start + size).min(total),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn an_empty_list_has_one_empty_page() {
        assert_eq!(
            window(3, 50, 0),
            Window {
                page: 0,
                pages: 1,
                rows: 0..0
            }
        );
    }

    #[test]
    fn the_last_page_holds_what_is_left_and_a_page_past_it_is_the_last() {
        assert_eq!(
            window(1, 50, 120),
            Window {
                page: 1,
                pages: 3,
                rows: 50..100
            }
        );
        assert_eq!(
            window(2, 50, 120),
            Window {
                page: 2,
                pages: 3,
                rows: 100..120
            }
        );
        assert_eq!(window(9, 50, 120), window(2, 50, 120));
    }

    proptest! {
        #[test]
        fn the_pages_cover_every_row_once_in_order(total in 0usize..500, size in 1usize..60) {
            let pages = window(0, size, total).pages;
            let rows: Vec<usize> = (0..pages).flat_map(|p| window(p, size, total).rows).collect();
            prop_assert_eq!(rows, (0..total).collect::<Vec<_>>());
            for p in 0..pages {
                prop_assert!(window(p, size, total).rows.len() <= size);
            }
        }
    }
}
