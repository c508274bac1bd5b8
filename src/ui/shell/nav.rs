//! The navigation between the six sections.

use leptos::prelude::*;

use crate::domain::Route;
use crate::ui::i18n::*;

#[component]
pub fn Nav(route: RwSignal<Route>) -> impl IntoView {
    let i18n = use_i18n();
    let label = move |r: Route| match r {
        Route::Overview => t_string!(i18n, nav_overview),
        Route::SelfAssessment => t_string!(i18n, nav_self_assessment),
        Route::Festival => t_string!(i18n, nav_festival),
        Route::RollUp => t_string!(i18n, nav_roll_up),
        Route::Data => t_string!(i18n, nav_data),
        Route::Help => t_string!(i18n, nav_help),
    };
    view! {
        <nav class="nav" aria-label=move || t_string!(i18n, nav_label)>
            <ul class="nav__list">
                {Route::ALL
                    .into_iter()
                    .map(|r| {
                        view! {
                            <li>
                                <a
                                    class="nav__link"
                                    href=r.href()
                                    data-route=r.slug()
                                    aria-current=move || (route.get() == r).then_some("page")
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
