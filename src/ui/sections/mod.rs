//! One component per section of the navigation.

mod data;
mod help;
mod overview;

use leptos::prelude::*;

use super::i18n::*;
use crate::domain::Route;

/// The section for a route, with its heading focused for screen readers
/// after navigation.
#[component]
pub fn Section(route: Route) -> impl IntoView {
    let i18n = use_i18n();
    let body = match route {
        Route::Overview => overview::Overview().into_any(),
        Route::SelfAssessment => view! {
            <h1 class="screen-only">{tr!(i18n, self_assessment_title)}</h1>
            <p class="lead screen-only">{tr!(i18n, self_assessment_intro)}</p>
            <crate::ui::assessment::AssessmentSection />
            <div class="screen-only">
                <crate::ui::criteria::CriteriaLibrary />
            </div>
        }
        .into_any(),
        Route::Festival => view! {
            <h1 class="screen-only">{tr!(i18n, festival_title)}</h1>
            <p class="lead screen-only">{tr!(i18n, festival_intro)}</p>
            <crate::ui::festival::FestivalSection />
        }
        .into_any(),
        Route::RollUp => crate::ui::rollup::RollUpSection().into_any(),
        Route::Data => data::Data().into_any(),
        Route::Help => help::Help().into_any(),
    };
    view! {
        <div class="section" data-section=route.slug()>
            {body}
        </div>
    }
}
