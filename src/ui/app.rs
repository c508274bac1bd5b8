//! The root component: loads the workspace, provides the shared state and
//! lays out the shell (header, navigation, the current section).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::autosave;
use super::header::Header;
use super::i18n::*;
use super::nav::Nav;
use super::notices::{
    BackupReminder, LoadProblemBanner, SaveFailedBanner, StorageNotice, UpdateBanner,
};
use super::sections::Section;
use super::state::{AppState, LoadProblem, SaveStatus};
use crate::domain::{Language, Route, Workspace};
use crate::platform::storage::{Loaded, WorkspaceStore};

/// Whether a new version of the app waits to be loaded.
#[derive(Clone, Copy)]
pub struct UpdateAvailable(pub RwSignal<bool>);

/// The whole app, using the default storage keys. Release builds register
/// the service worker that makes the app work offline.
#[component]
pub fn App() -> impl IntoView {
    let update = UpdateAvailable(RwSignal::new(false));
    provide_context(update);
    if !cfg!(debug_assertions) {
        crate::platform::sw::register(move || update.0.set(true));
    }
    view! { <AppWithStore store=WorkspaceStore::default() /> }
}

/// The app on a given store: tests mount it on keys of their own.
#[component]
pub fn AppWithStore(store: WorkspaceStore) -> impl IntoView {
    view! {
        <AppProviders store=store>
            <Shell />
        </AppProviders>
    }
}

/// Loads the workspace from `store` and provides the shared state, autosave
/// and translations to `children`. Tests mount single components in it.
///
/// The language lives in the stored preferences, which drive leptos_i18n's
/// locale: Vietnamese unless the user chose English, whatever the browser's
/// own language.
#[component]
pub fn AppProviders(store: WorkspaceStore, children: ChildrenFn) -> impl IntoView {
    let state = load(store);
    provide_context(state);
    autosave::start(state);
    let locale = Signal::derive(move || locale_of(state.prefs.with(|p| p.language)));
    Effect::new(move |_| {
        let tag = state.prefs.with(|p| p.language.tag());
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", tag);
        }
    });
    view! {
        <I18nSubContextProvider initial_locale=locale>
            {children()}
        </I18nSubContextProvider>
    }
}

/// When the stored text is not what this version writes (an older schema,
/// a repaired record), the next save rewrites it: the text as it was is
/// kept first in IndexedDB, and offered under Dữ liệu. After the first paint.
fn keep_before_migration(state: AppState) {
    let archive = state.archive.get_value();
    let store = state.store.get_value();
    wasm_bindgen_futures::spawn_local(async move {
        let Some(raw) = store.raw_workspace() else {
            return;
        };
        let unchanged = state
            .workspace
            .with_untracked(|ws| crate::format::encode_workspace(ws) == raw);
        if !unchanged {
            let _ = archive
                .put_snapshot(crate::platform::archive::BEFORE_MIGRATION, &raw)
                .await;
        }
    });
}

/// Reads the preferences and the workspace, and sets up the shared state.
fn load(store: WorkspaceStore) -> AppState {
    let prefs = store.load_prefs();
    let loaded = store.load();
    let revision = store.revision();
    let state = AppState::new(store, Workspace::new(), prefs);
    state.revision.set(revision);
    match loaded {
        Ok(Loaded::Empty) => {}
        Ok(Loaded::Found(decoded)) => {
            state.workspace.set(decoded.workspace);
            keep_before_migration(state);
        }
        Ok(Loaded::Unreadable { error, raw, kept }) => {
            if !kept {
                state.save.set(SaveStatus::Suspended);
            }
            state
                .load_problem
                .set(Some(LoadProblem { error, raw, kept }));
        }
        Err(err) => state.save.set(SaveStatus::Failed(err)),
    }
    state
}

#[component]
fn Shell() -> impl IntoView {
    let i18n = use_i18n();
    let route = RwSignal::new(current_route());
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(current_route());
    });
    on_cleanup(move || on_hash.remove());

    view! {
        // The hash belongs to the router, so the skip link moves focus itself.
        <a class="skip-link" href="#main" on:click=skip_to_main>{t!(i18n, skip_to_content)}</a>
        <Header />
        <Nav route=route />
        <div class="banners">
            <UpdateBanner />
            <LoadProblemBanner />
            <SaveFailedBanner />
            <StorageNotice />
            <BackupReminder />
        </div>
        <main id="main" class="main" tabindex="-1">
            {move || view! { <Section route=route.get() /> }}
        </main>
    }
}

fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

pub fn locale_of(language: Language) -> Locale {
    match language {
        Language::Vi => Locale::vi,
        Language::En => Locale::en,
    }
}

fn current_route() -> Route {
    Route::from_hash(&window().location().hash().unwrap_or_default())
}
