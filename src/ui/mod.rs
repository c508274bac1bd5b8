//! The Leptos interface. Components read and change the workspace through
//! [`state::AppState`], ask the core for every rule, and hold none of their own.

/// A translated text without parameters, as a view that follows the
/// language: `tr!(i18n, key)`. It is a `Signal<&'static str>`, one type for
/// every key, so the rendering code exists once; leptos_i18n's own `t!` is a
/// closure of its own type at each of its 445 uses, each with its own copy.
/// Each key is a plain function of the locale, and [`translated`] the one
/// closure that follows the language. Texts with parameters use `tp!`.
macro_rules! tr {
    ($i18n:expr, $($key:tt)+) => {{
        fn text(locale: $crate::ui::i18n::Locale) -> &'static str {
            ::leptos_i18n::td_string!(locale, $($key)+)
        }
        $crate::ui::translated($i18n, text)
    }};
}

/// A translated text with parameters, as a view that follows the language
/// and its arguments: `tp!(i18n, key, a, b = value)`. Each key's text is a
/// plain function of the locale, its `{a}` placeholders filled by
/// `support::text::fill` in [`interpolated`]: a `Signal<String>`, one type
/// and one closure for every key, where leptos_i18n's `t!` builds a view
/// type of its own for each key and each set of argument types. The
/// arguments are read inside the signal, so a signal read in one is
/// followed; a tidy test checks that every use names its key's placeholders.
macro_rules! tp {
    ($i18n:expr, $key:ident $(, $arg:ident $(= $value:expr)?)* $(,)?) => {{
        fn text(locale: $crate::ui::i18n::Locale) -> &'static str {
            ::leptos_i18n::td_string!(locale, $key)
        }
        $crate::ui::interpolated(
            $i18n,
            text,
            ::std::sync::Arc::new(move || {
                vec![$((stringify!($arg), ::std::string::ToString::to_string(&tp!(@value $arg $(= $value)?)))),*]
            }),
        )
    }};
    (@value $arg:ident = $value:expr) => { $value };
    (@value $arg:ident) => { $arg };
}

/// The arguments of a text with parameters, by name.
pub type Arguments = std::sync::Arc<dyn Fn() -> Vec<(&'static str, String)> + Send + Sync>;

/// The text of `text` in the language in use with its placeholders filled
/// from `args`, following both: one closure for every text with parameters.
pub fn interpolated(
    i18n: i18n::I18n,
    text: fn(i18n::Locale) -> &'static str,
    args: Arguments,
) -> leptos::prelude::Signal<String> {
    leptos::prelude::Signal::derive(move || {
        crate::support::text::fill(text(i18n.get_locale()), &args())
    })
}

/// The text of `text` in the language in use, following it.
pub fn translated(
    i18n: i18n::I18n,
    text: fn(i18n::Locale) -> &'static str,
) -> leptos::prelude::Signal<&'static str> {
    leptos::prelude::Signal::derive(move || text(i18n.get_locale()))
}

pub mod sections;
pub mod shell;
pub mod widgets;
pub mod words;

pub use shell::app::App;

// The build.rs code generation that leptos_i18n 0.6 prefers pulls ICU's
// networked data exporter into every native build; the macro gives the same
// compile-time-checked keys from `locales/*.json` without it.
#[allow(deprecated)]
mod locales {
    leptos_i18n::load_locales!();
}

/// The texts of both languages, from `locales/*.json`, and the language in
/// use. leptos_i18n gives the texts; the language is the app's own signal,
/// from the preferences, where leptos_i18n's context would also read the
/// browser's languages, parse them with ICU, listen for their change and
/// keep cookie state of its own: 2.9% of the wasm, for nothing the app uses.
pub mod i18n {
    pub use super::locales::i18n::{td_string, Locale};
    use leptos::prelude::{expect_context, Get, Signal};

    /// The language in use, as every text reads it.
    #[derive(Clone, Copy)]
    pub struct I18n(Signal<Locale>);

    impl I18n {
        /// Provided once, by the app's providers, from the preferences.
        pub fn provide(locale: Signal<Locale>) {
            leptos::prelude::provide_context(I18n(locale));
        }

        /// Vietnamese whatever the screen's language: the official documents'.
        pub fn vietnamese() -> I18n {
            I18n(Signal::stored(Locale::vi))
        }

        /// The language in use, followed by the reactive code that reads it.
        pub fn get_locale(self) -> Locale {
            self.0.get()
        }
    }

    /// The language in use, from the app's providers.
    pub fn use_i18n() -> I18n {
        expect_context::<I18n>()
    }

    /// The text of a key without parameters in the language in use, as a
    /// string, following the language where it is read reactively.
    macro_rules! t_string {
        ($i18n:expr, $($key:tt)+) => {
            $crate::ui::i18n::td_string!($i18n.get_locale(), $($key)+)
        };
    }
    pub(crate) use t_string;
}

/// The app on a store of its own, as a view: the entry point of browser tests.
pub fn app_with_store(store: crate::platform::storage::WorkspaceStore) -> impl leptos::IntoView {
    use leptos::prelude::*;
    view! { <shell::app::AppWithStore store=store /> }
}
