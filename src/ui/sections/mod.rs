//! One component per section of the navigation.

pub mod assessment;
mod data;
pub mod festival;
mod help;
pub mod overview;
pub mod rollup;

use leptos::prelude::*;

use super::i18n::*;
use crate::domain::Section;
use crate::ui::shell::split::{show, split};

/// The section for a route, with its heading focused for screen readers
/// after navigation. Each section's views are a split point
/// ([`crate::ui::shell::split`]): the release build fetches a section's chunk when
/// it first opens.
#[component]
pub fn SectionView(section: Section) -> impl IntoView {
    let body = match section {
        Section::Overview => show(overview_section),
        Section::SelfAssessment => show(assessment_section),
        Section::Festival => show(festival_section),
        Section::RollUp => show(rollup_section),
        Section::Data => show(data_section),
        Section::Help => show(help_section),
    };
    view! {
        <div class="section" data-section=section.slug()>
            {body}
        </div>
    }
}

/// Fetches the code of `route`'s section, alongside the workspace's, so
/// that the section opening first does not wait for one, then the other.
pub async fn prefetch(section: Section) {
    // A failure shows when the section itself asks for its code.
    let _ = match section {
        Section::Overview => overview_chunk().await,
        Section::SelfAssessment => assessment_chunk().await,
        Section::Festival => festival_chunk().await,
        Section::RollUp => rollup_chunk().await,
        Section::Data => data_chunk().await,
        Section::Help => help_chunk().await,
    };
}

split!(
    overview,
    prefetch overview_chunk,
    fn overview_section() -> AnyView {
        overview::Overview().into_any()
    }
);
split!(
    assessment,
    prefetch assessment_chunk,
    fn assessment_section() -> AnyView {
        let i18n = use_i18n();
        view! {
            <h1 class="screen-only">{tr!(i18n, self_assessment_title)}</h1>
            <p class="lead screen-only">{tr!(i18n, self_assessment_intro)}</p>
            <crate::ui::sections::assessment::AssessmentSection />
            <div class="screen-only">
                <crate::ui::sections::assessment::library::CriteriaLibrary />
            </div>
        }
        .into_any()
    }
);
split!(
    festival,
    prefetch festival_chunk,
    fn festival_section() -> AnyView {
        let i18n = use_i18n();
        view! {
            <h1 class="screen-only">{tr!(i18n, festival_title)}</h1>
            <p class="lead screen-only">{tr!(i18n, festival_intro)}</p>
            <crate::ui::sections::festival::FestivalSection />
        }
        .into_any()
    }
);
split!(
    rollup,
    prefetch rollup_chunk,
    fn rollup_section() -> AnyView {
        crate::ui::sections::rollup::RollUpSection().into_any()
    }
);
split!(
    data,
    prefetch data_chunk,
    fn data_section() -> AnyView {
        data::Data().into_any()
    }
);
split!(
    help,
    prefetch help_chunk,
    fn help_section() -> AnyView {
        help::Help().into_any()
    }
);
