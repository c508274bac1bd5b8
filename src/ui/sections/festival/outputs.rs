//! The festival's papers (`domain::document::festival`: the plan, the
//! after-festival report, the run-sheet), previewed, printed and downloaded
//! as Word files, and the calendar file.

use leptos::prelude::*;

use super::{text_input, PlanMemo};
use crate::domain::calendar::Date;
use crate::domain::document::{self, festival::Paper};
use crate::domain::festival::to_ics;
use crate::platform::{clock, download};
use crate::support::text::slug;
use crate::ui::i18n::*;
use crate::ui::shell::state::use_app_state;
use crate::ui::widgets::document_fields::unit_fields;
use crate::ui::widgets::documents::DocOverlay;

#[component]
pub fn Outputs(plan: PlanMemo) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let preview = RwSignal::new(None::<Paper>);
    let id = plan.get_untracked().map(|p| p.id).unwrap_or_default();
    let unit = Signal::derive(move || plan.with(|p| p.as_ref().map(|p| p.unit.clone())));
    let legacy = Signal::derive(move || {
        plan.with(|p| p.as_ref().map(|p| p.document.clone()).unwrap_or_default())
    });
    let ics = move |_| {
        let Some(p) = plan.get_untracked() else {
            return;
        };
        let unit = state.workspace.with_untracked(|ws| {
            ws.units()
                .get(&p.unit)
                .map(|u| u.name.clone())
                .unwrap_or_default()
        });
        let stamp = clock::utc_stamp();
        let name = format!("{}_{}_ngay-hoi.ics", p.year, slug(&unit));
        let _ = download::download_text(
            &name,
            "text/calendar;charset=utf-8",
            &to_ics(&p, &unit, &stamp),
        );
    };
    view! {
        <div class="report-tab">
            <form class="report-fields" on:submit=|ev| ev.prevent_default()>
                <h3>{tr!(i18n, festival_doc_fields)}</h3>
                {unit_fields("festival-doc", unit, legacy, Signal::stored(false))}
                {text_input(
                    id.clone(),
                    plan,
                    "festival-doc-date".into(),
                    tr!(i18n, document_date).into_any(),
                    |p| document::date_of(&p.document, None, clock::today_date()).iso(),
                    |p, v| p.document.date = Date::parse_iso(&v),
                    "date",
                )}
                <p class="field__hint">{tr!(i18n, document_date_hint)}</p>
            </form>
            <div class="report-actions">
                <button type="button" class="button button--primary" on:click=move |_| preview.set(Some(Paper::Plan))>
                    {tr!(i18n, festival_print_plan)}
                </button>
                <button type="button" class="button" on:click=move |_| preview.set(Some(Paper::Report))>
                    {tr!(i18n, festival_print_report)}
                </button>
                <button type="button" class="button" on:click=move |_| preview.set(Some(Paper::RunSheet))>
                    {tr!(i18n, festival_print_runsheet)}
                </button>
                <button type="button" class="button" on:click=ics data-testid="ics">
                    {tr!(i18n, festival_ics)}
                </button>
            </div>
            {move || {
                preview
                    .get()
                    .zip(plan.get())
                    .map(|(paper, p)| {
                        let (name, fields) = state
                            .workspace
                            .with_untracked(|ws| {
                                ws.units()
                                    .get(&p.unit)
                                    .map(|u| (u.name.clone(), u.document.clone()))
                                    .unwrap_or_default()
                            });
                        let doc = document::festival::paper(paper, &p, &name, &fields, clock::today_date());
                        view! { <DocOverlay on_back=move || preview.set(None) doc=doc /> }
                    })
            }}
        </div>
    }
}
