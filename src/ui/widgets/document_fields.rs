//! The fields a unit's official documents share (who issues them, its
//! abbreviation, under whom, where, who signs), typed once on any of its
//! documents' forms and kept with the unit; and a document's date.

use leptos::prelude::*;

use super::field::Input;
use crate::domain::assessment::ReportText;
use crate::domain::calendar::Date;
use crate::domain::document::Fields;
use crate::domain::UnitId;
use crate::ui::i18n::*;
use crate::ui::shell::state::{use_app_state, AppState};

/// The unit's documents' fields as its documents print them: its own, each
/// empty one from `legacy` (what a document's form held before).
fn shown(state: AppState, unit: &UnitId, legacy: &ReportText) -> Fields {
    state.workspace.with(|ws| {
        ws.units()
            .get(unit)
            .map(|u| u.document.or(legacy))
            .unwrap_or_default()
    })
}

/// The fields of `unit`'s documents, `prefix` naming their inputs;
/// `legacy` gives what a document's own form held before the fields were
/// the unit's, shown until they are typed here.
pub fn unit_fields(
    prefix: &'static str,
    unit: Signal<Option<UnitId>>,
    legacy: Signal<ReportText>,
    disabled: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let field = move |key: &'static str,
                      label: AnyView,
                      get: fn(&Fields) -> String,
                      put: fn(&mut Fields, String)| {
        let value = move || {
            unit.get()
                .map(|u| get(&shown(state, &u, &legacy.get())))
                .unwrap_or_default()
        };
        let changed = move |v: String| {
            let Some(u) = unit.get_untracked() else {
                return;
            };
            let mut fields = shown(state, &u, &legacy.get_untracked());
            put(&mut fields, v);
            let _ = state.edit(|ws| ws.set_unit_document(&u, fields));
        };
        Input::new(format!("{prefix}-{key}"), label, "text", value, changed)
            .disabled(move || disabled.get() || unit.with(Option::is_none))
            .view()
    };
    view! {
        <p class="field__hint" id=format!("{prefix}-shared")>
            {tr!(i18n, document_fields_shared)}
        </p>
        {field("issuer", tr!(i18n, report_issuer).into_any(), |f| f.issuing_body.clone(), |f, v| f.issuing_body = v)}
        {field(
            "abbreviation",
            tr!(i18n, document_abbreviation).into_any(),
            |f| f.abbreviation.clone(),
            |f, v| f.abbreviation = v,
        )}
        {field(
            "superior",
            tr!(i18n, report_superior).into_any(),
            |f| f.superior_body.clone(),
            |f, v| f.superior_body = v,
        )}
        {field("place", tr!(i18n, report_place).into_any(), |f| f.place.clone(), |f, v| f.place = v)}
        {field(
            "signer-title",
            tr!(i18n, report_signer_title).into_any(),
            |f| f.signer_title.clone(),
            |f, v| f.signer_title = v,
        )}
        {field(
            "signer-name",
            tr!(i18n, report_signer_name).into_any(),
            |f| f.signer_name.clone(),
            |f, v| f.signer_name = v,
        )}
    }
}

/// A document's date: `date` shows the date it prints (set, or the day its
/// work was done); typing one sets it, clearing it goes back to that day.
pub fn date_field(
    field: &'static str,
    date: impl Fn() -> Date + Send + Sync + 'static,
    set: impl Fn(Option<Date>) + Send + Sync + 'static,
    disabled: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {Input::new(
                field,
                tr!(i18n, document_date),
                "date",
                move || date().iso(),
                move |v: String| set(Date::parse_iso(&v)),
            )
            .disabled(move || disabled.get())
            .view()}
        <p class="field__hint">{tr!(i18n, document_date_hint)}</p>
    }
}
