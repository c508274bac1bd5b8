//! A labelled select, the one view of every choice in the app: each use
//! gives its values and their words, what is chosen and what a change does,
//! as trait objects, so all of them share one view type and one copy of its
//! code rather than compiling their own `<select>` and options each.

use std::sync::Arc;

use leptos::prelude::*;

use crate::support::decode::Named;

/// The options of a choice as (value, words) pairs, read again when what
/// they read changes (the language, a list of the workspace).
pub type Options = Arc<dyn Fn() -> Vec<(String, String)> + Send + Sync>;

/// A labelled select.
pub struct Choice {
    /// The select's id, which its label names.
    pub field: String,
    pub label: AnyView,
    /// The value of the option chosen; `""` for none.
    pub value: Arc<dyn Fn() -> String + Send + Sync>,
    pub options: Options,
    /// What choosing the option of this value does.
    pub changed: Arc<dyn Fn(String) + Send + Sync>,
    /// Whether the select is disabled (a locked assessment); never, when none.
    pub disabled: Option<Signal<bool>>,
    /// The `data-testid` of the select, where a journey needs one.
    pub testid: Option<&'static str>,
}

/// An option pair from a value and its words.
pub fn option(value: impl Into<String>, words: impl Into<String>) -> (String, String) {
    (value.into(), words.into())
}

/// The options of a [`Named`] enum, each valued by the name files use for
/// its variant, with `words` for each.
pub fn named_options<T: Named>(words: impl Fn(T) -> String) -> Vec<(String, String)> {
    T::ALL
        .iter()
        .zip(T::NAMES)
        .map(|(&variant, name)| option(*name, words(variant)))
        .collect()
}

/// The value of `variant`'s option in [`named_options`].
pub fn named_value<T: Named + PartialEq>(variant: T) -> String {
    T::ALL
        .iter()
        .zip(T::NAMES)
        .find(|(v, _)| **v == variant)
        .map(|(_, name)| (*name).to_owned())
        .unwrap_or_default()
}

/// The variant an option of [`named_options`] stands for.
pub fn named_variant<T: Named>(value: &str) -> Option<T> {
    T::NAMES
        .iter()
        .position(|name| *name == value)
        .map(|at| T::ALL[at])
}

impl Choice {
    /// A choice of `field` with these accessors; not disabled, no test id.
    pub fn new(
        field: impl Into<String>,
        label: impl IntoView + 'static,
        value: impl Fn() -> String + Send + Sync + 'static,
        options: impl Fn() -> Vec<(String, String)> + Send + Sync + 'static,
        changed: impl Fn(String) + Send + Sync + 'static,
    ) -> Self {
        Choice {
            field: field.into(),
            label: label.into_any(),
            value: Arc::new(value),
            options: Arc::new(options),
            changed: Arc::new(changed),
            disabled: None,
            testid: None,
        }
    }

    pub fn disabled(mut self, disabled: impl Fn() -> bool + Send + Sync + 'static) -> Self {
        self.disabled = Some(Signal::derive(disabled));
        self
    }

    pub fn testid(mut self, testid: &'static str) -> Self {
        self.testid = Some(testid);
        self
    }

    /// The field: its label, and the select with its options, the chosen
    /// one marked both as the select's value and as `selected`, so it is
    /// shown chosen however the options came after the value.
    pub fn view(self) -> AnyView {
        let Choice {
            field,
            label,
            value,
            options,
            changed,
            disabled,
            testid,
        } = self;
        let current = value.clone();
        view! {
            <div class="field">
                <label for=field.clone()>{label}</label>
                <select
                    id=field
                    disabled=move || disabled.is_some_and(|d| d.get())
                    data-testid=testid
                    prop:value=move || value()
                    on:change=move |ev| changed(event_target_value(&ev))
                >
                    {move || {
                        let chosen = untrack(|| current());
                        options()
                            .into_iter()
                            .map(|(value, words)| {
                                let selected = value == chosen;
                                // Untracked: the select's value follows a change itself.
                                view! {
                                    <option value=value selected=selected>
                                        {words}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
        }
        .into_any()
    }
}
