//! Focus that follows the action: after a row is added or a view opens,
//! focus goes to its first field or its heading, once the page shows it.

use leptos::prelude::*;

/// Focuses the element with this id and scrolls it into view; false when
/// the page has no such element.
pub fn focus_id(id: &str) -> bool {
    let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    else {
        return false;
    };
    element.scroll_into_view_with_bool(false);
    element.focus().is_ok()
}

/// Focuses the element with this id after the next frame, when a change
/// just made has been drawn.
pub fn focus_id_soon(id: String) {
    request_animation_frame(move || {
        focus_id(&id);
    });
}
