//! The Leptos interface. Components read and change the workspace through
//! [`state::AppState`], ask the core for every rule, and hold none of their own.

pub mod app;
pub mod assessment;
mod autosave;
pub mod criteria;
pub mod documents;
mod export;
pub mod festival;
pub mod files;
mod header;
mod messages;
mod nav;
mod notices;
pub mod rollup;
pub mod sections;
pub mod state;
pub mod units;

pub use app::App;

// The build.rs code generation that leptos_i18n 0.6 prefers pulls ICU's
// networked data exporter into every native build; the macro gives the same
// compile-time-checked keys from `locales/*.json` without it.
#[allow(deprecated)]
mod locales {
    leptos_i18n::load_locales!();
}
pub use locales::i18n;

/// The app on a store of its own, as a view: the entry point of browser tests.
pub fn app_with_store(store: crate::platform::storage::WorkspaceStore) -> impl leptos::IntoView {
    use leptos::prelude::*;
    view! { <app::AppWithStore store=store /> }
}
