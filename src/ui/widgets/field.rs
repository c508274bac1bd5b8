//! A labelled input, the one view of the app's text, number and date
//! fields and of its checkboxes: like [`Choice`](super::choice::Choice),
//! each use gives its accessors as trait objects, so all of them share one
//! view type and one copy of its code.

use std::sync::Arc;

use leptos::prelude::*;

/// Reads what was typed: `Some(why)` refuses it, and the field keeps the
/// text with the reason beside it instead of writing it.
pub type Refuse = Arc<dyn Fn(&str) -> Option<String> + Send + Sync>;
/// A problem with the value the field holds (a date outside the window),
/// shown beside it.
pub type Problem = Arc<dyn Fn() -> Option<String> + Send + Sync>;

/// A labelled `<input>` of a text, number or date, or a `<textarea>`.
/// A refused value or a problem is said next to it, tied to it by
/// `aria-describedby`, and marks it `aria-invalid`.
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
    pub refuse: Option<Refuse>,
    pub problem: Option<Problem>,
    /// A field for a line of text that takes a row of its own in a list.
    pub wide: bool,
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
            refuse: None,
            problem: None,
            wide: false,
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
            refuse,
            problem,
            wide,
        } = self;
        let narrow = count || numeric;
        // Text typed and refused, with the reason: shown until it is mended.
        let refused = RwSignal::new(None::<(String, String)>);
        let message = std::sync::Arc::new(move || {
            refused
                .with(|r| r.as_ref().map(|(_, why)| why.clone()))
                .or_else(|| problem.as_ref().and_then(|p| p()))
        });
        let shown = move || {
            refused
                .with(|r| r.as_ref().map(|(text, _)| text.clone()))
                .unwrap_or_else(|| value())
        };
        let on_input = move |ev| {
            let text = event_target_value(&ev);
            match refuse.as_ref().and_then(|r| r(&text)) {
                Some(why) => refused.set(Some((text, why))),
                None => {
                    if refused.with_untracked(Option::is_some) {
                        refused.set(None);
                    }
                    changed(text)
                }
            }
        };
        let error_id = format!("{field}-error");
        let described = {
            let (error_id, message) = (error_id.clone(), message.clone());
            move || message().is_some().then(|| error_id.clone())
        };
        let invalid = {
            let message = message.clone();
            move || message().is_some().then_some("true")
        };
        let disabled = move || disabled.is_some_and(|d| d.get());
        let control = if kind == "textarea" {
            view! {
                <textarea
                    id=field.clone()
                    rows="4"
                    disabled=disabled
                    aria-invalid=invalid.clone()
                    aria-describedby=described.clone()
                    prop:value=shown.clone()
                    on:input=on_input.clone()
                ></textarea>
            }
            .into_any()
        } else {
            view! {
                <input
                    id=field.clone()
                    type=kind
                    min=count.then_some("0")
                    inputmode=narrow.then_some("numeric")
                    disabled=disabled
                    aria-invalid=invalid
                    aria-describedby=described
                    prop:value=shown
                    on:input=on_input
                />
            }
            .into_any()
        };
        view! {
            <div class=if narrow { "field field--narrow" } else if wide { "field field--wide" } else { "field" }>
                <label for=field>{label}</label>
                {control}
                <p id=error_id class="field__error field__error--inline" aria-live="polite">
                    {move || message()}
                </p>
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
                <input
                    id=field.clone()
                    type="checkbox"
                    disabled=move || disabled.is_some_and(|d| d.get())
                    prop:checked=move || checked()
                    on:change=move |ev| changed(event_target_checked(&ev))
                />
                <label for=field>{label}</label>
            </div>
        }
        .into_any()
    }
}
