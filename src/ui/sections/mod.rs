//! One component per section of the navigation.

mod data;
mod help;
mod overview;

use leptos::prelude::*;

use super::i18n::*;
use crate::domain::Route;
use crate::ui::split::{show, split};

/// The section for a route, with its heading focused for screen readers
/// after navigation. Each section's views are a split point
/// ([`crate::ui::split`]): the release build fetches a section's chunk when
/// it first opens.
#[component]
pub fn Section(route: Route) -> impl IntoView {
    let body = match route {
        Route::Overview => show(overview_section),
        Route::SelfAssessment => show(assessment_section),
        Route::Festival => show(festival_section),
        Route::RollUp => show(rollup_section),
        Route::Data => show(data_section),
        Route::Help => show(help_section),
    };
    view! {
        <div class="section" data-section=route.slug()>
            {body}
        </div>
    }
}

split!(
    overview,
    fn overview_section() -> AnyView {
        overview::Overview().into_any()
    }
);
split!(
    assessment,
    fn assessment_section() -> AnyView {
        let i18n = use_i18n();
        view! {
            <h1 class="screen-only">{tr!(i18n, self_assessment_title)}</h1>
            <p class="lead screen-only">{tr!(i18n, self_assessment_intro)}</p>
            <crate::ui::assessment::AssessmentSection />
            <div class="screen-only">
                <crate::ui::criteria::CriteriaLibrary />
            </div>
        }
        .into_any()
    }
);
split!(
    festival,
    fn festival_section() -> AnyView {
        let i18n = use_i18n();
        view! {
            <h1 class="screen-only">{tr!(i18n, festival_title)}</h1>
            <p class="lead screen-only">{tr!(i18n, festival_intro)}</p>
            <crate::ui::festival::FestivalSection />
        }
        .into_any()
    }
);
split!(
    rollup,
    fn rollup_section() -> AnyView {
        crate::ui::rollup::RollUpSection().into_any()
    }
);
split!(
    data,
    fn data_section() -> AnyView {
        data::Data().into_any()
    }
);
split!(
    help,
    fn help_section() -> AnyView {
        help::Help().into_any()
    }
);
