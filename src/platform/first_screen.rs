//! The static first screen of index.html (`#first-screen`): the overview's
//! form as plain HTML, usable before the app's code has arrived, shown while
//! the root element carries `data-first-screen`. The app lifts it once its
//! own first screen is there, and its form takes over what was done on it:
//! the fields' values, the field that had the focus, and a submit that was
//! waiting for the app.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement};

/// What the user did on the static first screen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Typed {
    /// Each field's value, by the field's id.
    pub values: Vec<(String, String)>,
    /// The field that had the focus.
    pub focus: Option<Focus>,
    /// Whether its form was submitted: the submit waits for the app.
    pub submitted: bool,
}

/// A field that had the focus, and the selection in it (start, end).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Focus {
    pub id: String,
    pub selection: Option<(u32, u32)>,
}

impl Typed {
    /// The value of the field `id`.
    pub fn value(&self, id: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(field, _)| field == id)
            .map(|(_, value)| value.as_str())
    }
}

const SCREEN: &str = "first-screen";
const SHOWN: &str = "data-first-screen";

thread_local! {
    static TYPED: RefCell<Option<Typed>> = const { RefCell::new(None) };
}

/// Lifts the static first screen if it is still there, so the app under it
/// shows. When it was shown, what was done on it is kept for [`take_typed`].
pub fn lift() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(screen) = document.get_element_by_id(SCREEN) else {
        return;
    };
    let root = document.document_element();
    if root.as_ref().is_some_and(|root| root.has_attribute(SHOWN)) {
        let typed = read(&document, &screen);
        TYPED.with_borrow_mut(|kept| *kept = Some(typed));
    }
    screen.remove();
    if let Some(root) = root {
        let _ = root.remove_attribute(SHOWN);
    }
}

/// What was done on the static first screen, once: lifts it first.
pub fn take_typed() -> Option<Typed> {
    lift();
    TYPED.with_borrow_mut(Option::take)
}

/// Gives the focus back to the field the static first screen had it in,
/// now the app's field of the same id, with the same selection.
pub fn refocus(focus: &Focus) {
    let Some(field) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&focus.id))
    else {
        return;
    };
    if let Some(field) = field.dyn_ref::<web_sys::HtmlElement>() {
        let _ = field.focus();
    }
    if let (Some(input), Some((start, end))) =
        (field.dyn_ref::<HtmlInputElement>(), focus.selection)
    {
        let _ = input.set_selection_range(start, end);
    }
}

fn read(document: &Document, screen: &Element) -> Typed {
    let mut values = Vec::new();
    if let Ok(fields) = screen.query_selector_all("input[id], select[id]") {
        for n in 0..fields.length() {
            let Some(field) = fields.item(n) else {
                continue;
            };
            if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
                values.push((input.id(), input.value()));
            } else if let Some(select) = field.dyn_ref::<HtmlSelectElement>() {
                values.push((select.id(), select.value()));
            }
        }
    }
    let focus = document
        .active_element()
        .filter(|active| screen.contains(Some(active)) && !active.id().is_empty())
        .map(|active| Focus {
            selection: active.dyn_ref::<HtmlInputElement>().and_then(|input| {
                Some((input.selection_start().ok()??, input.selection_end().ok()??))
            }),
            id: active.id(),
        });
    let submitted = matches!(screen.query_selector("form[data-pending]"), Ok(Some(_)));
    Typed {
        values,
        focus,
        submitted,
    }
}
