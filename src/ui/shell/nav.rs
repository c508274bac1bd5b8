//! The navigation between the six sections.

use leptos::prelude::*;

use crate::domain::Section;
use crate::ui::i18n::*;

#[component]
pub fn Nav(section: Memo<Section>) -> impl IntoView {
    let i18n = use_i18n();
    let label = move |r: Section| match r {
        Section::Overview => t_string!(i18n, nav_overview),
        Section::SelfAssessment => t_string!(i18n, nav_self_assessment),
        Section::Festival => t_string!(i18n, nav_festival),
        Section::RollUp => t_string!(i18n, nav_roll_up),
        Section::Data => t_string!(i18n, nav_data),
        Section::Help => t_string!(i18n, nav_help),
    };
    view! {
        <nav class="nav" aria-label=move || t_string!(i18n, nav_label)>
            <ul class="nav__list">
                {Section::ALL
                    .into_iter()
                    .map(|r| {
                        view! {
                            <li>
                                <a
                                    class="nav__link"
                                    href=r.href()
                                    data-route=r.slug()
                                    aria-current=move || (section.get() == r).then_some("page")
                                >
                                    {move || label(r)}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
