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

/// A document shown over the page, with "In" and "Quay lại"; only the
/// document itself prints.
#[component]
pub fn DocOverlay(#[prop(into)] on_back: Callback<()>, children: Children) -> impl IntoView {
    let i18n = crate::ui::i18n::use_i18n();
    view! {
        <div class="doc-overlay" data-testid="doc-preview">
            <div class="doc-toolbar">
                <button type="button" class="button button--primary" on:click=move |_| { let _ = window().print(); }>{tr!(i18n, rep_print)}</button>
                <button type="button" class="button" on:click=move |_| on_back.run(())>{tr!(i18n, rep_back)}</button>
            </div>
            {children()}
        </div>
    }
}
