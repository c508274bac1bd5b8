//! Split points: the parts of the app that the first paint does not need,
//! each a wasm chunk of its own in the release build.
//!
//! With the `split` feature (the release build, scripts/build-wasm.mjs), a
//! function declared by [`split!`] becomes an async stub whose body
//! wasm-split-cli moves into a chunk, fetched on the first call (and ahead
//! of it by the service worker, for offline use). Without it (tests, `trunk
//! serve`) it is a plain function, called at once. [`then`] runs the rest of
//! the work when the result is there, the same way in both builds, and
//! [`show`] shows a part of the page that a split function builds.

use leptos::prelude::*;

use crate::ui::i18n::*;

/// A split function whose chunk could not be fetched (offline before the
/// service worker ever stored it): the caller says so and offers a retry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotLoaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// What a split function gives: its value, or [`NotLoaded`].
pub type Loaded<T> = Result<T, NotLoaded>;

/// Declares a split function: `split!(chunk, fn name(args) -> T { body })`.
/// Functions with the same `chunk` share one chunk. The body's value is
/// wrapped in `Ok`; the function returns [`Loaded<T>`], and with `split` a
/// future of it. `split!(chunk, prefetch p, fn ...)` also declares
/// `async fn p()`, which fetches the chunk without calling the function (at
/// once done without `split`).
macro_rules! split {
    ($chunk:ident, prefetch $prefetch:ident, $($item:tt)*) => {
        split!(@declare $chunk, [preload($prefetch),] $($item)*);

        #[cfg(not(feature = "split"))]
        async fn $prefetch() -> $crate::ui::shell::split::Loaded<()> {
            Ok(())
        }
    };
    ($chunk:ident, $($item:tt)*) => {
        split!(@declare $chunk, [] $($item)*);
    };
    (@declare $chunk:ident, [$($option:tt)*]
        $(#[$attr:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg_attr(
            feature = "split",
            ::leptos::wasm_split::wasm_split(
                $chunk,
                wasm_split_path = ::leptos::wasm_split,
                $($option)*
                fallible
            )
        )]
        $(#[$attr])*
        $vis fn $name($($arg: $ty),*) -> $crate::ui::shell::split::Loaded<$ret> {
            Ok($body)
        }
    };
}
pub(crate) use split;

/// Hands a split function's result to `done`: when its chunk has arrived
/// with `split`, else at once. The function and `done` run in the current
/// reactive owner (its contexts), untracked, as at once they would; if the
/// owner is cleaned up first (the user has moved to another section), the
/// task ends there and neither runs, since their contexts are gone.
#[cfg(feature = "split")]
pub fn then<T: 'static>(
    loading: impl std::future::Future<Output = Loaded<T>> + 'static,
    done: impl FnOnce(Loaded<T>) + 'static,
) {
    use leptos::reactive::computed::ScopedFuture;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    let gone = Arc::new(AtomicBool::new(false));
    {
        let gone = gone.clone();
        leptos::prelude::on_cleanup(move || gone.store(true, Ordering::SeqCst));
    }
    let task = Box::pin(async move { done(loading.await) });
    leptos::task::spawn_local(ScopedFuture::new_untracked(UntilCleanup { task, gone }));
}

/// A task that stops, unpolled, once its owner is cleaned up.
#[cfg(feature = "split")]
struct UntilCleanup<F> {
    task: std::pin::Pin<Box<F>>,
    gone: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

#[cfg(feature = "split")]
impl<F: std::future::Future<Output = ()>> std::future::Future for UntilCleanup<F> {
    type Output = ();

    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<()> {
        if self.gone.load(std::sync::atomic::Ordering::SeqCst) {
            return std::task::Poll::Ready(());
        }
        self.task.as_mut().poll(cx)
    }
}

#[cfg(not(feature = "split"))]
pub fn then<T>(loaded: Loaded<T>, done: impl FnOnce(Loaded<T>)) {
    done(loaded)
}

/// A split function's result, awaited with `split`: `awaited!(f(x))`. Only
/// the benchmark's entry points, outside any component, await one.
#[cfg(feature = "bench")]
macro_rules! awaited {
    ($call:expr) => {{
        #[cfg(feature = "split")]
        let loaded = $call.await;
        #[cfg(not(feature = "split"))]
        let loaded = $call;
        loaded
    }};
}
#[cfg(feature = "bench")]
pub(crate) use awaited;

/// A part of the page from a split function: a loading line until its
/// chunk is there, then the part; if the chunk cannot be fetched, a message
/// and a button that tries again.
#[cfg(feature = "split")]
pub fn show<F: std::future::Future<Output = Loaded<AnyView>> + 'static>(
    part: fn() -> F,
) -> AnyView {
    shown(move |done| then(part(), done))
}

#[cfg(not(feature = "split"))]
pub fn show(part: fn() -> Loaded<AnyView>) -> AnyView {
    shown(move |done| then(part(), done))
}

/// [`show`]'s one view, for either build: `load` hands the part to `done`
/// (at once, or when its chunk has arrived), and is called again on a retry.
pub fn shown(
    load: impl Fn(Box<dyn FnOnce(Loaded<AnyView>)>) + Copy + Send + Sync + 'static,
) -> AnyView {
    let i18n = use_i18n();
    // The part's view, taken out once to be mounted.
    let part = StoredValue::new_local(None::<AnyView>);
    let state = RwSignal::new(Part::Loading);
    // A retry comes from a click, outside the component: the part is built
    // in the component's own owner, where its contexts are.
    let owner = StoredValue::new_local(Owner::current());
    let start = move || {
        state.set(Part::Loading);
        let load = move || {
            load(Box::new(move |loaded| match loaded {
                Ok(view) => {
                    if part.try_set_value(Some(view)).is_none() {
                        state.try_set(Part::Ready);
                    }
                }
                Err(NotLoaded) => {
                    state.try_set(Part::Failed);
                }
            }))
        };
        match owner.try_get_value().flatten() {
            Some(owner) => owner.with(load),
            None => load(),
        }
    };
    start();
    (move || match state.get() {
        Part::Ready => part
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| ().into_any()),
        Part::Loading => view! {
            <p class="loading" role="status">
                {tr!(i18n, part_loading)}
            </p>
        }
        .into_any(),
        Part::Failed => not_loaded(start),
    })
    .into_any()
}

/// Says that a part of the app could not be fetched, with a button that
/// calls `retry`.
pub fn not_loaded(retry: impl Fn() + Send + Sync + 'static) -> AnyView {
    let i18n = use_i18n();
    view! {
        <div class="banner banner--error" role="alert" data-testid="part-not-loaded">
            <p>{tr!(i18n, part_not_loaded)}</p>
            <button type="button" class="button" on:click=move |_| retry()>
                {tr!(i18n, part_retry)}
            </button>
        </div>
    }
    .into_any()
}

/// Runs `f` just after the first paint (a frame, then a task), in the
/// current reactive owner: what the paint does not need waits for it.
pub fn after_first_paint(f: impl FnOnce() + 'static) {
    let owner = Owner::current();
    request_animation_frame(move || {
        set_timeout(
            move || match owner {
                Some(owner) => owner.with(f),
                None => f(),
            },
            std::time::Duration::ZERO,
        )
    });
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Loading,
    Ready,
    Failed,
}
