//! One component per section of the navigation.

mod data;
mod help;
mod overview;

use leptos::prelude::*;

use super::i18n::*;
use crate::domain::Route;
use crate::ui::split::{split, then, Loaded, NotLoaded};

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

/// A part of the page from a split function: a loading line until its
/// chunk is there, then the part; if the chunk cannot be fetched, a message
/// and a button that tries again.
#[cfg(feature = "split")]
pub fn show<F: std::future::Future<Output = Loaded<AnyView>> + 'static>(
    part: fn() -> F,
) -> AnyView {
    shown(move |done| then(part(), done))
}

#[cfg(not(feature = "split"))]
pub fn show(part: fn() -> Loaded<AnyView>) -> AnyView {
    shown(move |done| then(part(), done))
}

/// [`show`]'s one view, for either build: `load` hands the part to `done`
/// (at once, or when its chunk has arrived), and is called again on a retry.
pub fn shown(
    load: impl Fn(Box<dyn FnOnce(Loaded<AnyView>)>) + Copy + Send + Sync + 'static,
) -> AnyView {
    let i18n = use_i18n();
    // The part's view, taken out once to be mounted.
    let part = StoredValue::new_local(None::<AnyView>);
    let state = RwSignal::new(Part::Loading);
    // A retry comes from a click, outside the component: the part is built
    // in the component's own owner, where its contexts are.
    let owner = StoredValue::new_local(Owner::current());
    let start = move || {
        state.set(Part::Loading);
        let load = move || {
            load(Box::new(move |loaded| match loaded {
                Ok(view) => {
                    if part.try_set_value(Some(view)).is_none() {
                        state.try_set(Part::Ready);
                    }
                }
                Err(NotLoaded) => {
                    state.try_set(Part::Failed);
                }
            }))
        };
        match owner.try_get_value().flatten() {
            Some(owner) => owner.with(load),
            None => load(),
        }
    };
    start();
    (move || match state.get() {
        Part::Ready => part.try_update_value(Option::take).flatten().unwrap_or_else(|| ().into_any()),
        Part::Loading => view! { <p class="loading" role="status">{tr!(i18n, part_loading)}</p> }.into_any(),
        Part::Failed => view! {
            <div class="banner banner--error" role="alert" data-testid="part-not-loaded">
                <p>{tr!(i18n, part_not_loaded)}</p>
                <button type="button" class="button" on:click=move |_| start()>{tr!(i18n, part_retry)}</button>
            </div>
        }
        .into_any(),
    })
    .into_any()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Loading,
    Ready,
    Failed,
}
