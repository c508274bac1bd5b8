//! A labelled input, the one view of the app's text, number and date
//! fields and of its checkboxes: like [`Choice`](super::choice::Choice),
//! each use gives its accessors as trait objects, so all of them share one
//! view type and one copy of its code.

use std::sync::Arc;

use leptos::prelude::*;

/// A labelled `<input>` of a text, number or date.
pub struct Input {
    /// The input's id, which its label names.
    pub field: String,
    pub label: AnyView,
    /// Its `type`: "text", "number", "date", "tel".
    pub kind: &'static str,
    pub value: Arc<dyn Fn() -> String + Send + Sync>,
    /// What typing a value does.
    pub changed: Arc<dyn Fn(String) + Send + Sync>,
    pub disabled: Option<Signal<bool>>,
    /// A count: a narrow field of whole numbers from 0, with a numeric keypad.
    pub count: bool,
    /// A narrow field with a numeric keypad, of any sign.
    pub numeric: bool,
}

impl Input {
    pub fn new(
        field: impl Into<String>,
        label: impl IntoView + 'static,
        kind: &'static str,
        value: impl Fn() -> String + Send + Sync + 'static,
        changed: impl Fn(String) + Send + Sync + 'static,
    ) -> Self {
        Input {
            field: field.into(),
            label: label.into_any(),
            kind,
            value: Arc::new(value),
            changed: Arc::new(changed),
            disabled: None,
            count: false,
            numeric: false,
        }
    }

    /// A count: `type="number"`, at least 0, a numeric keypad, narrow.
    pub fn count(
        field: impl Into<String>,
        label: impl IntoView + 'static,
        value: impl Fn() -> String + Send + Sync + 'static,
        changed: impl Fn(String) + Send + Sync + 'static,
    ) -> Self {
        Input {
            count: true,
            ..Input::new(field, label, "number", value, changed)
        }
    }

    /// A number of any sign, with a numeric keypad, narrow.
    pub fn numeric(mut self) -> Self {
        self.numeric = true;
        self
    }

    pub fn disabled(mut self, disabled: impl Fn() -> bool + Send + Sync + 'static) -> Self {
        self.disabled = Some(Signal::derive(disabled));
        self
    }

    pub fn view(self) -> AnyView {
        let Input {
            field,
            label,
            kind,
            value,
            changed,
            disabled,
            count,
            numeric,
        } = self;
        let narrow = count || numeric;
        view! {
            <div class=if narrow { "field field--narrow" } else { "field" }>
                <label for=field.clone()>{label}</label>
                <input id=field type=kind
                    min=count.then_some("0")
                    inputmode=narrow.then_some("numeric")
                    disabled=move || disabled.is_some_and(|d| d.get())
                    prop:value=move || value()
                    on:input=move |ev| changed(event_target_value(&ev)) />
            </div>
        }
        .into_any()
    }
}

/// A checkbox and its label, after it.
pub struct Check {
    pub field: String,
    pub label: AnyView,
    pub checked: Arc<dyn Fn() -> bool + Send + Sync>,
    /// What checking or unchecking it does.
    pub changed: Arc<dyn Fn(bool) + Send + Sync>,
    pub disabled: Option<Signal<bool>>,
}

impl Check {
    pub fn new(
        field: impl Into<String>,
        label: impl IntoView + 'static,
        checked: impl Fn() -> bool + Send + Sync + 'static,
        changed: impl Fn(bool) + Send + Sync + 'static,
    ) -> Self {
        Check {
            field: field.into(),
            label: label.into_any(),
            checked: Arc::new(checked),
            changed: Arc::new(changed),
            disabled: None,
        }
    }

    pub fn disabled(mut self, disabled: impl Fn() -> bool + Send + Sync + 'static) -> Self {
        self.disabled = Some(Signal::derive(disabled));
        self
    }

    pub fn view(self) -> AnyView {
        let Check {
            field,
            label,
            checked,
            changed,
            disabled,
        } = self;
        view! {
            <div class="field field--check">
                <input id=field.clone() type="checkbox"
                    disabled=move || disabled.is_some_and(|d| d.get())
                    prop:checked=move || checked()
                    on:change=move |ev| changed(event_target_checked(&ev)) />
                <label for=field>{label}</label>
            </div>
        }
        .into_any()
    }
}
