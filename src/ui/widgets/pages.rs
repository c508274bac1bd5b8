//! A long list's page controls: the page shown, its rows and the way to the
//! pages before and after it ([`crate::support::paging`]). Only the page's
//! rows are in the document.

use leptos::prelude::*;

use crate::support::paging::{window, Window};
use crate::ui::i18n::*;

/// How many rows a page holds: about two screens.
pub const PAGE_SIZE: usize = 50;

/// The page of a list shown now (from 0).
#[derive(Clone, Copy)]
pub struct Pages {
    pub page: RwSignal<usize>,
}

impl Pages {
    pub fn new() -> Self {
        Pages {
            page: RwSignal::new(0),
        }
    }

    /// The page of `total` rows shown now (tracked).
    pub fn window(&self, total: usize) -> Window {
        window(self.page.get(), PAGE_SIZE, total)
    }

    /// The controls, for a list of `total` rows; nothing for one page.
    /// Each button stays in the Tab order at either end (`aria-disabled`),
    /// so focus never falls out of the list.
    pub fn nav(self, prefix: &'static str, total: Signal<usize>) -> impl IntoView {
        let i18n = use_i18n();
        let page = self.page;
        let shown = move || window(page.get(), PAGE_SIZE, total.get());
        let go = move |step: isize| {
            let now = shown();
            let to = now.page.saturating_add_signed(step).min(now.pages - 1);
            page.set(to);
        };
        let first = move || shown().page == 0;
        let last = move || {
            let w = shown();
            w.page + 1 == w.pages
        };
        move || {
            (shown().pages > 1).then(|| {
                let status = move || {
                    let w = shown();
                    let (page, pages, total) = (w.page + 1, w.pages, total.get());
                    let (from, to) = (w.rows.start + 1, w.rows.end);
                    tp!(i18n, pages_status, page, pages, from, to, total)
                };
                view! {
                    <nav class="pages" aria-label=move || t_string!(i18n, pages_label)>
                        <button
                            type="button"
                            class="button button--small"
                            data-testid=format!("{prefix}-previous")
                            aria-disabled=move || first().then_some("true")
                            on:click=move |_| go(-1)
                        >
                            "← "
                            {tr!(i18n, pages_previous)}
                        </button>
                        <span role="status" data-testid=format!("{prefix}-page")>
                            {status}
                        </span>
                        <button
                            type="button"
                            class="button button--small"
                            data-testid=format!("{prefix}-next")
                            aria-disabled=move || last().then_some("true")
                            on:click=move |_| go(1)
                        >
                            {tr!(i18n, pages_next)}
                            " →"
                        </button>
                    </nav>
                }
            })
        }
    }
}

impl Default for Pages {
    fn default() -> Self {
        Pages::new()
    }
}
