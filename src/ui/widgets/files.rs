//! The drop zone with its file picker: one file or many, by click or by drag.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::i18n::*;

fn list(files: web_sys::FileList) -> Vec<web_sys::File> {
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

#[component]
pub fn DropZone(
    /// The input's id, for its label.
    id: &'static str,
    testid: &'static str,
    #[prop(into)] on_files: Callback<Vec<web_sys::File>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev.target().expect("an input").unchecked_into();
        if let Some(files) = input.files() {
            on_files.run(list(files));
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            on_files.run(list(files));
        }
    };
    view! {
        <div
            class="drop-zone"
            data-testid=testid
            on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=on_drop
        >
            <label for=id>{tr!(i18n, data_choose)}</label>
            <input id=id type="file" multiple accept=".json,application/json" on:change=on_pick />
            <p>{tr!(i18n, data_drop)}</p>
        </div>
    }
}
