//! The official documents on screen and on paper, in the layout of Nghị
//! định 30/2020: a [`Document`] of the core rendered as HTML (the header,
//! the type and summary, the body, the signature block), shown in the
//! print preview dialog, which also offers it as a Word file.

use leptos::prelude::*;

use crate::domain::document::{Block, Closing, Document, Line, Row, MOTTO, NATION};
use crate::ui::i18n::*;
use crate::ui::shell::split::{split, then, Loaded, NotLoaded};

fn line(l: &Line) -> impl IntoView {
    l.iter()
        .map(|s| {
            if s.strong {
                view! { <strong>{s.text.clone()}</strong> }.into_any()
            } else {
                s.text.clone().into_any()
            }
        })
        .collect_view()
}

fn cell(lines: &[Line]) -> impl IntoView {
    lines
        .iter()
        .enumerate()
        .map(|(n, l)| {
            view! {
                {(n > 0).then(|| view! { <br /> })}
                {line(l)}
            }
        })
        .collect_view()
}

fn row(r: &Row) -> impl IntoView {
    view! {
        <tr class:nd30-table__criterion=r
            .group>{r.cells.iter().map(|c| view! { <td>{cell(c)}</td> }).collect_view()}</tr>
    }
}

fn block(b: &Block) -> AnyView {
    match b {
        Block::Heading(text) => view! { <h2 class="nd30-heading">{text.clone()}</h2> }.into_any(),
        Block::Para(l) => view! { <p class="nd30-para">{line(l)}</p> }.into_any(),
        Block::To(text) => view! { <p class="nd30-to">{text.clone()}</p> }.into_any(),
        Block::List { items, tag } => {
            let items = items.iter().map(|l| view! { <li>{line(l)}</li> }).collect_view();
            view! { <ul data-testid=*tag>{items}</ul> }.into_any()
        }
        Block::Table(t) => view! {
            <table class="nd30-table" data-testid=t.tag>
                // Widths by what each column holds, as in the Word file.
                <colgroup>
                    {t.columns.iter().map(|c| view! { <col style:width=format!("{}%", c.width) /> }).collect_view()}
                </colgroup>
                <thead>
                    <tr>{t.columns.iter().map(|c| view! { <th scope="col">{c.title}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{t.rows.iter().map(row).collect_view()}</tbody>
                {t.foot.as_ref().map(|f| view! { <tfoot>{row(f)}</tfoot> })}
            </table>
        }
        .into_any(),
    }
}

/// `doc` as the printed page shows it.
pub fn render(doc: &Document) -> impl IntoView {
    let l = &doc.letterhead;
    let header = (!doc.working_paper).then(|| {
        view! {
            <table class="nd30-header" role="presentation">
                <tr>
                    <td class="nd30-header__body">
                        <div class="nd30-superior">{l.superior.to_uppercase()}</div>
                        <div class="nd30-issuer">{l.issuer.to_uppercase()}</div>
                        <div class="nd30-rule" aria-hidden="true"></div>
                        <div class="nd30-number">{l.number()}</div>
                    </td>
                    <td class="nd30-header__nation">
                        <div class="nd30-national">{NATION}</div>
                        <div class="nd30-motto">{MOTTO}</div>
                        <div class="nd30-place-date">{l.place_date()}</div>
                    </td>
                </tr>
            </table>
        }
    });
    let signer = |testid: &'static str, titles: Vec<String>, name: String| {
        view! {
            <td class="nd30-signer" data-testid=testid>
                {titles.into_iter().map(|t| view! { <p class="nd30-signer__title">{t}</p> }).collect_view()}
                <p class="nd30-signer__space" aria-hidden="true"></p>
                <p class="nd30-signer__name">{name}</p>
            </td>
        }
    };
    let closing = match &doc.closing {
        Closing::None => None,
        Closing::Signature => Some(
            view! {
                <td class="nd30-recipients">
                    <p class="nd30-recipients__label">"Nơi nhận:"</p>
                    {l.recipients.iter().map(|line| view! { <p>{line.clone()}</p> }).collect_view()}
                </td>
                {signer("signer", vec![l.signer()], l.signer_name.clone())}
            }
            .into_any(),
        ),
        Closing::Minutes { secretary } => Some(
            view! {
                {signer("minutes-secretary", vec!["THƯ KÝ".to_owned()], secretary.clone())}
                {signer("minutes-chair", l.chair(), l.signer_name.clone())}
            }
            .into_any(),
        ),
    };
    view! {
        <article class="print-doc" lang="vi">
            {header}
            <p class="nd30-type">{l.type_name}</p>
            <p class="nd30-summary">{l.summary.clone()}</p>
            {doc.body.iter().map(block).collect_view()}
            {closing
                .map(|cells| {
                    view! {
                        <table class="nd30-signature" role="presentation" data-testid="signature-block">
                            <tr>{cells}</tr>
                        </table>
                    }
                })}
        </article>
    }
}

split!(
    word,
    fn word_file(doc: Document) -> Result<Vec<u8>, String> {
        Ok(crate::format::office::docx::docx(&doc))
    }
);

/// The MIME types of the office files.
pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Offers `doc` as a Word file; `failed` is set when it could not be made
/// or downloaded, and cleared when it was.
pub fn download_word(doc: Document, failed: RwSignal<bool>) {
    let name = format!("{}.docx", doc.name);
    then(word_file(doc), offer_made(name, DOCX, failed));
}

/// What to do with an office file made in its split chunk: download it as
/// `name`; `failed` says whether it could not be made, fetched or downloaded.
pub fn offer_made(
    name: String,
    mime: &'static str,
    failed: RwSignal<bool>,
) -> impl FnOnce(Loaded<Result<Vec<u8>, String>>) {
    move |loaded| {
        let done = match loaded {
            Ok(Ok(bytes)) => crate::platform::download::download_bytes(&name, mime, &bytes).is_ok(),
            Ok(Err(_)) | Err(NotLoaded) => false,
        };
        failed.set(!done);
    }
}

/// Tab from the dialog's last control goes to its first, Shift+Tab from the
/// first to the last: focus never leaves an open modal dialog for the
/// browser's own controls.
fn keep_focus_inside(ev: &leptos::ev::KeyboardEvent) {
    if ev.key() != "Tab" {
        return;
    }
    let Some(dialog) = ev
        .current_target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
    else {
        return;
    };
    let Ok(controls) =
        dialog.query_selector_all("button, a[href], input, select, textarea, [tabindex='0']")
    else {
        return;
    };
    let (Some(first), Some(last)) = (
        controls.get(0),
        controls.get(controls.length().saturating_sub(1)),
    ) else {
        return;
    };
    let active: Option<web_sys::Node> = document().active_element().map(Into::into);
    let (from, to) = if ev.shift_key() {
        (first, last)
    } else {
        (last, first)
    };
    if active.as_ref() == Some(&from) {
        if let Ok(to) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(to) {
            ev.prevent_default();
            let _ = to.focus();
        }
    }
}

/// A document shown over the page, with "In" and "Quay lại", as a modal
/// dialog: the page behind is inert, Esc goes back, and going back returns
/// focus to what opened it. Only the document itself prints.
#[component]
pub fn DocOverlay(#[prop(into)] on_back: Callback<()>, doc: Document) -> impl IntoView {
    let i18n = use_i18n();
    let word_failed = RwSignal::new(false);
    let page = render(&doc);
    let doc = StoredValue::new(doc);
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // What had focus when the document opened: the button that opened it.
    let opener = StoredValue::new_local(document().active_element());
    Effect::new(move || {
        if let Some(dialog) = dialog.get() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        }
    });
    let back = move || {
        // Closed first: while it is open the page behind is inert and
        // cannot take focus.
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
        on_back.run(());
        if let Some(opener) = opener.get_value() {
            if opener.is_connected() {
                if let Ok(opener) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(opener) {
                    let _ = opener.focus();
                }
            }
        }
    };
    view! {
        <dialog
            class="doc-overlay"
            data-testid="doc-preview"
            aria-label=move || t_string!(i18n, report_preview_label)
            node_ref=dialog
            on:cancel=move |ev: web_sys::Event| {
                ev.prevent_default();
                back()
            }
            on:keydown=move |ev| keep_focus_inside(&ev)
        >
            <div class="doc-toolbar">
                <button
                    type="button"
                    class="button button--primary"
                    on:click=move |_| {
                        let _ = window().print();
                    }
                >
                    {tr!(i18n, report_print)}
                </button>
                <button
                    type="button"
                    class="button"
                    data-testid="doc-word"
                    on:click=move |_| download_word(doc.get_value(), word_failed)
                >
                    {tr!(i18n, report_word)}
                </button>
                <button type="button" class="button" on:click=move |_| back()>
                    {tr!(i18n, report_back)}
                </button>
            </div>
            {move || {
                word_failed
                    .get()
                    .then(|| {
                        view! {
                            <p class="field__error" role="alert">
                                {tr!(i18n, report_word_failed)}
                            </p>
                        }
                    })
            }}
            {page}
        </dialog>
    }
}
