//! Tabs as the ARIA pattern has them: a `tablist` of `tab` buttons, the
//! selected one in the Tab order and the others reached with the arrow keys
//! (Home and End for the ends), each choice selecting its tab; the panel
//! is named by the selected tab.

use leptos::prelude::*;

/// The tabs of one view: `prefix` makes their ids (`{prefix}-tab-{n}`,
/// `{prefix}-panel`).
#[derive(Clone)]
pub struct Tabs<T: Copy + PartialEq + Send + Sync + 'static> {
    pub prefix: &'static str,
    pub selected: RwSignal<T>,
    pub all: Vec<T>,
}

impl<T: Copy + PartialEq + Send + Sync + 'static> Tabs<T> {
    fn tab_id(prefix: &str, n: usize) -> String {
        format!("{prefix}-tab-{n}")
    }

    /// The `tablist`, one tab per label, in the order of `all`.
    pub fn list(&self, class: &'static str, labels: Vec<AnyView>) -> AnyView {
        let (prefix, selected) = (self.prefix, self.selected);
        let all = std::sync::Arc::new(self.all.clone());
        let tabs = labels
            .into_iter()
            .enumerate()
            .map(|(n, label)| {
                let which = all[n];
                let all = all.clone();
                let on_key = move |ev: leptos::ev::KeyboardEvent| {
                    let last = all.len() - 1;
                    let to = match ev.key().as_str() {
                        "ArrowRight" => (n + 1) % all.len(),
                        "ArrowLeft" => n.checked_sub(1).unwrap_or(last),
                        "Home" => 0,
                        "End" => last,
                        _ => return,
                    };
                    ev.prevent_default();
                    selected.set(all[to]);
                    crate::ui::widgets::focus::focus_id(&Self::tab_id(prefix, to));
                };
                let is_selected = move || selected.get() == which;
                view! {
                    <button
                        type="button"
                        role="tab"
                        class="tabs__tab"
                        id=Self::tab_id(prefix, n)
                        aria-controls=format!("{prefix}-panel")
                        aria-selected=move || if is_selected() { "true" } else { "false" }
                        tabindex=move || if is_selected() { "0" } else { "-1" }
                        on:click=move |_| selected.set(which)
                        on:keydown=on_key
                    >
                        {label}
                    </button>
                }
            })
            .collect_view();
        view! {
            <div class=class role="tablist">
                {tabs}
            </div>
        }
        .into_any()
    }

    /// The id of the selected tab, which names the panel.
    pub fn panel_label(&self) -> impl Fn() -> String + Send + Sync + Copy + 'static {
        let (prefix, selected) = (self.prefix, self.selected);
        let all = StoredValue::new(self.all.clone());
        move || {
            let n = all.with_value(|all| {
                let now = selected.get();
                all.iter().position(|t| *t == now).unwrap_or(0)
            });
            Self::tab_id(prefix, n)
        }
    }
}
