//! The root component: loads the workspace, provides the shared state and
//! lays out the shell (header, navigation, the current section).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::autosave;
use super::header::Header;
use super::nav::Nav;
use super::notices::{
    BackupReminder, LoadProblemBanner, SaveFailedBanner, StorageNotice, UpdateBanner,
};
use super::split::{after_first_paint, not_loaded, show, split, then};
use super::state::{AppState, LoadProblem, SaveStatus};
use crate::domain::{Language, Route, Workspace};
use crate::platform::storage::{Loaded, WorkspaceStore};
use crate::ui::i18n::*;
use crate::ui::sections::SectionView;
use crate::ui::shell::state::{CurrentRoute, UpdateAvailable};

/// The whole app, using the default storage keys. Release builds register
/// the service worker that makes the app work offline, once the first
/// screen is there: its first install fetches every file of the app, which
/// would otherwise share the link with what the first screen needs.
#[component]
pub fn App() -> impl IntoView {
    let update = UpdateAvailable(RwSignal::new(false));
    provide_context(update);
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
/// The language lives in the stored preferences, which drive the texts'
/// locale: Vietnamese unless the user chose English, whatever the browser's
/// own language.
#[component]
pub fn AppProviders(store: WorkspaceStore, children: ChildrenFn) -> impl IntoView {
    let prefs = store.load_prefs();
    let state = AppState::new(store, Workspace::new(), prefs);
    provide_context(state);
    // The workspace is read after the first paint, so the header and the
    // navigation show at once however large it is; the sections wait for it.
    after_first_paint(move || {
        if state.ready.try_get_untracked().is_none() {
            return; // unmounted meanwhile
        }
        // The section opens with what was read; saving follows.
        let saving_follows = move || after_first_paint(move || start_saving_or_say(state));
        // A first run: nothing to read, and the reader's code not needed
        // (index.html does not fetch it either).
        if state.store.with_value(WorkspaceStore::holds_nothing) {
            let revision = state.store.with_value(WorkspaceStore::revision);
            state.remember(revision, Workspace::new());
            state.ready.set(true);
            return saving_follows();
        }
        then(open_workspace(state), move |opened| match opened {
            Ok(()) => saving_follows(),
            Err(_) => state.open_failed.set(true),
        })
    });
    I18n::provide(Signal::derive(move || {
        locale_of(state.prefs.with(|p| p.language))
    }));
    Effect::new(move |_| {
        let tag = state.prefs.with(|p| p.language.tag());
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", tag);
        }
    });
    view! { {children()} }
}

/// When the stored text is not what this version writes (an older schema,
/// a repaired record), the next save rewrites it: the text as it was is
/// kept in IndexedDB, and offered under Dữ liệu. The check waits until after
/// the first paint; the text is held in memory until then.
fn keep_before_migration(state: AppState, raw: String) {
    let archive = state.archive.get_value();
    set_timeout(
        move || {
            // Had the user already changed something, the copy is kept anyway.
            let same = state
                .workspace
                .with_untracked(|ws| crate::format::encode_workspace(ws) == raw);
            if same {
                return;
            }
            wasm_bindgen_futures::spawn_local(async move {
                let _ = archive
                    .put_snapshot(crate::platform::archive::BEFORE_MIGRATION, &raw)
                    .await;
            });
        },
        std::time::Duration::from_millis(50),
    );
}

split!(
    workspace,
    fn open_workspace(state: AppState) -> () {
        load(state);
        state.ready.set(true);
    }
);

/// Starts saving once its code is there. Until it is, a change waits in
/// memory (the first save writes it); if the code cannot be fetched, the
/// shell says so and offers to try again.
fn start_saving_or_say(state: AppState) {
    state.open_failed.set(false);
    then(start_saving(state), move |started| {
        state.open_failed.set(started.is_err());
    });
}

split!(
    saving,
    fn start_saving(state: AppState) -> () {
        autosave::start(state);
        if let Some(raw) = state
            .before_migration
            .try_update_value(Option::take)
            .flatten()
        {
            keep_before_migration(state, raw);
        }
    }
);

/// Reads the workspace into the shared state.
fn load(state: AppState) {
    let (loaded, revision) = state
        .store
        .with_value(|store| (store.load_keeping_text(), store.revision()));
    match loaded {
        Ok((Loaded::Empty, _)) => state.remember(revision, Default::default()),
        Ok((Loaded::Found(decoded), raw)) => {
            state.remember(revision, decoded.workspace.clone());
            state.workspace.set(decoded.workspace);
            state.before_migration.set_value(raw);
        }
        Ok((Loaded::Unreadable { error, raw, kept }, _)) => {
            if !kept {
                state.save.set(SaveStatus::Suspended);
            }
            state
                .load_problem
                .set(Some(LoadProblem { error, raw, kept }));
        }
        Err(err) => state.save.set(SaveStatus::Failed(err)),
    }
}

#[component]
fn Shell() -> impl IntoView {
    let i18n = use_i18n();
    let state = super::state::use_app_state();
    let route = RwSignal::new(current_route());
    provide_context(CurrentRoute(route.read_only()));
    // A section is laid out again when the address names another section,
    // not when it moves within one (Tự đánh giá's assessment and tab).
    let section = Memo::new(move |_| route.with(Route::section));
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(current_route());
    });
    on_cleanup(move || on_hash.remove());
    // The open section's code is fetched as the workspace's is: not before
    // the paint, which it would hold back. What the first screen does not
    // need (the banners, the service worker's install) waits for both.
    let section_fetched = RwSignal::new(false);
    after_first_paint(move || {
        if let Some(section) = section.try_get_untracked() {
            leptos::task::spawn_local(async move {
                crate::ui::sections::prefetch(section).await;
                section_fetched.try_set(true);
            });
        }
    });
    let first_screen = Memo::new(move |_| section_fetched.get() && state.ready.get());
    // index.html's static first screen gives way to the app's (the overview's
    // form has taken it over already when it is there), or to its failure.
    Effect::new(move |_| {
        if first_screen.get() || state.open_failed.get() {
            after_first_paint(crate::platform::first_screen::lift);
        }
    });
    if let Some(update) = use_context::<UpdateAvailable>().filter(|_| !cfg!(debug_assertions)) {
        Effect::new(move |registered: Option<bool>| {
            let first_screen = first_screen.get();
            if first_screen && registered != Some(true) {
                crate::platform::sw::register(move || update.0.set(true));
            }
            first_screen || registered == Some(true)
        });
    }

    // A retry of the saving code runs in the shell's owner: the banner that
    // offers it is gone as soon as it starts.
    let shell = Owner::current();
    view! {
        // The hash belongs to the router, so the skip link moves focus itself.
        <a class="skip-link" href="#main" on:click=skip_to_main>
            {tr!(i18n, skip_to_content)}
        </a>
        <Header />
        <Nav section=section />
        <div class="banners">
            <UpdateBanner />
            {move || first_screen.get().then(|| show(banners))}
            {move || {
                (state.ready.get() && state.open_failed.get())
                    .then(|| {
                        let shell = shell.clone();
                        not_loaded(move || match &shell {
                            Some(shell) => shell.with(|| start_saving_or_say(state)),
                            None => start_saving_or_say(state),
                        })
                    })
            }}
        </div>
        <main id="main" class="main" tabindex="-1">
            {move || {
                if state.ready.get() {
                    view! { <SectionView section=section.get() /> }.into_any()
                } else if state.open_failed.get() {
                    not_loaded(|| {
                        let _ = window().location().reload();
                    })
                } else {
                    // Nothing was read yet: a reload loses nothing.
                    view! {
                        <p class="loading" role="status">
                            {tr!(i18n, loading_data)}
                        </p>
                    }
                        .into_any()
                }
            }}
        </main>
    }
}

split!(
    notices,
    fn banners() -> AnyView {
        view! {
            <LoadProblemBanner />
            <SaveFailedBanner />
            <StorageNotice />
            <BackupReminder />
        }
        .into_any()
    }
);

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
    Route::from_hash(&crate::platform::address::hash())
}
