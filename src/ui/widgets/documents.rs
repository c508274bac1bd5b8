//! The parts every printed document shares, in the layout of Nghị định
//! 30/2020: the header (issuing body, national name and motto, number,
//! place and date), the type and summary, and the signature block.

use leptos::prelude::*;

use crate::domain::calendar::Date;

/// What a document's header and signature need.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Letterhead {
    pub superior: String,
    pub issuer: String,
    /// The type abbreviation of Appendix III: BC, KH, TTr, BB.
    pub code: &'static str,
    pub place: String,
    pub date: Option<Date>,
    /// "BÁO CÁO", "KẾ HOẠCH"…
    pub type_name: &'static str,
    pub summary: String,
    pub signer_title: String,
    pub signer_name: String,
    pub recipients: Vec<String>,
}

impl Letterhead {
    /// A document of `unit` from the texts its user typed: the issuer is the
    /// unit unless another body is named, dated today, sent to the superior
    /// body, to `also`, and filed ("Lưu: VT.").
    pub fn from_texts(
        texts: &crate::domain::assessment::ReportText,
        unit: &str,
        (code, type_name): (&'static str, &'static str),
        summary: String,
        also: &[&str],
    ) -> Letterhead {
        let issuer = if texts.issuing_body.trim().is_empty() {
            unit.to_owned()
        } else {
            texts.issuing_body.clone()
        };
        let superior = if texts.superior_body.trim().is_empty() {
            "- Cấp trên trực tiếp;".to_owned()
        } else {
            format!("- {};", texts.superior_body.trim())
        };
        let recipients = std::iter::once(superior)
            .chain(also.iter().map(|line| (*line).to_owned()))
            .chain(std::iter::once("- Lưu: VT.".to_owned()))
            .collect();
        Letterhead {
            superior: texts.superior_body.clone(),
            issuer,
            code,
            place: texts.place.clone(),
            date: Some(crate::platform::clock::today_date()),
            type_name,
            summary,
            signer_title: texts.signer_title.clone(),
            signer_name: texts.signer_name.clone(),
            recipients,
        }
    }
}

pub fn header(l: &Letterhead) -> impl IntoView {
    let place_date = match (l.place.trim(), l.date) {
        ("", Some(d)) => d.long_vietnamese(),
        (place, Some(d)) => format!("{place}, {}", d.long_vietnamese()),
        (place, None) => place.to_owned(),
    };
    view! {
        <table class="nd30-header" role="presentation">
            <tr>
                <td class="nd30-header__body">
                    <div class="nd30-superior">{l.superior.to_uppercase()}</div>
                    <div class="nd30-issuer">{l.issuer.to_uppercase()}</div>
                    <div class="nd30-rule" aria-hidden="true"></div>
                    <div class="nd30-number">{format!("Số:        /{}", l.code)}</div>
                </td>
                <td class="nd30-header__nation">
                    <div class="nd30-national">"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"</div>
                    <div class="nd30-motto">"Độc lập - Tự do - Hạnh phúc"</div>
                    <div class="nd30-place-date">{place_date}</div>
                </td>
            </tr>
        </table>
        <p class="nd30-type">{l.type_name}</p>
        <p class="nd30-summary">{l.summary.clone()}</p>
    }
}

pub fn signature(l: &Letterhead) -> impl IntoView {
    let title = if l.signer_title.trim().is_empty() {
        "NGƯỜI ĐẠI DIỆN".to_owned()
    } else {
        l.signer_title.to_uppercase()
    };
    view! {
        <table class="nd30-signature" role="presentation" data-testid="signature-block">
            <tr>
                <td class="nd30-recipients">
                    <p class="nd30-recipients__label">"Nơi nhận:"</p>
                    {l.recipients.iter().map(|line| view! { <p>{line.clone()}</p> }).collect_view()}
                </td>
                <td class="nd30-signer">
                    <p class="nd30-signer__title">{title}</p>
                    <p class="nd30-signer__space" aria-hidden="true"></p>
                    <p class="nd30-signer__name">{l.signer_name.clone()}</p>
                </td>
            </tr>
        </table>
    }
}

/// The signatures of minutes: the secretary's on the left, the chair's (the
/// letterhead's signer) on the right.
pub fn minutes_signature(secretary: &str, l: &Letterhead) -> impl IntoView {
    let chair = if l.signer_title.trim().is_empty() {
        "CHỦ TRÌ".to_owned()
    } else {
        format!("CHỦ TRÌ\n{}", l.signer_title.to_uppercase())
    };
    view! {
        <table class="nd30-signature" role="presentation" data-testid="signature-block">
            <tr>
                <td class="nd30-signer" data-testid="minutes-secretary">
                    <p class="nd30-signer__title">"THƯ KÝ"</p>
                    <p class="nd30-signer__space" aria-hidden="true"></p>
                    <p class="nd30-signer__name">{secretary.to_owned()}</p>
                </td>
                <td class="nd30-signer" data-testid="minutes-chair">
                    <p class="nd30-signer__title nd30-signer__title--lines">{chair}</p>
                    <p class="nd30-signer__space" aria-hidden="true"></p>
                    <p class="nd30-signer__name">{l.signer_name.clone()}</p>
                </td>
            </tr>
        </table>
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
pub fn DocOverlay(#[prop(into)] on_back: Callback<()>, children: Children) -> impl IntoView {
    let i18n = crate::ui::i18n::use_i18n();
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
        <dialog class="doc-overlay" data-testid="doc-preview" aria-label=move || crate::ui::i18n::t_string!(i18n, report_preview_label) node_ref=dialog
            on:cancel=move |ev: web_sys::Event| { ev.prevent_default(); back() }
            on:keydown=move |ev| keep_focus_inside(&ev)>
            <div class="doc-toolbar">
                <button type="button" class="button button--primary" on:click=move |_| { let _ = window().print(); }>{tr!(i18n, report_print)}</button>
                <button type="button" class="button" on:click=move |_| back()>{tr!(i18n, report_back)}</button>
            </div>
            {children()}
        </dialog>
    }
}
