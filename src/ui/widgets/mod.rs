//! The pieces every section builds with: labelled inputs and selects that
//! say why they refuse a value, the file drop zone, tabs, focus that follows
//! an action, the printed documents' shared parts, and `<When>`.

pub mod choice;
pub mod document_fields;
pub mod documents;
pub mod fan;
pub mod field;
pub mod files;
pub mod focus;
pub mod pages;
pub mod tabs;

/// Leptos's `<Show>` with its children erased: `children` while `when`
/// holds, else `fallback`. `<Show>` is generic over its children and its
/// condition, so each of its uses compiled its own copy of it; this is one.
#[leptos::component]
pub fn When(
    #[prop(into)] when: leptos::prelude::Signal<bool>,
    children: leptos::prelude::ChildrenFn,
    #[prop(optional, into)] fallback: leptos::prelude::ViewFn,
) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let when = Memo::new(move |_| when.get());
    move || {
        if when.get() {
            children().into_any()
        } else {
            fallback.run().into_any()
        }
    }
}
