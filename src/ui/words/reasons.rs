//! Words for criteria sets and evaluation reasons, in the current language.
//! The numbers come from the core; only their wording lives here.

use leptos::prelude::*;

use crate::domain::calendar::{Date, MonthDay};
use crate::domain::criteria::{
    trend_holds, Bound, Citation, Escape, FigureSource, IndicatorKind, LeftOut, NotCounted,
    Pending, Reason, Rounding, Text, Verification,
};
use crate::domain::scope::{EnterpriseSize, Exclusion, SchoolLevel};
use crate::domain::Language;
use crate::support::numbers::{percent_tenths, tenths_text};
use crate::ui::i18n::*;
use crate::ui::shell::state::use_app_state;

use crate::ui::i18n::I18n;

/// Why a unit is not counted, in a few words.
pub fn exclusion(i18n: I18n, why: Exclusion) -> String {
    match why {
        Exclusion::ArmedForces => t_string!(i18n, scope_out_armed),
        Exclusion::SmallEnterprise(EnterpriseSize::Micro) => t_string!(i18n, scope_out_micro),
        Exclusion::SmallEnterprise(_) => t_string!(i18n, scope_out_small),
        Exclusion::SchoolLevel(SchoolLevel::Primary) => t_string!(i18n, scope_out_primary),
        Exclusion::SchoolLevel(_) => t_string!(i18n, scope_out_preschool),
        Exclusion::NotManaged => t_string!(i18n, scope_out_not_managed),
    }
    .to_owned()
}

/// " Không tính 2 đơn vị ngoài phạm vi: A (mầm non, nhà trẻ), B (…).", after
/// the figures it follows; nothing when none is left out.
pub fn left_out_words(i18n: I18n, left_out: &[LeftOut]) -> Option<Signal<String>> {
    if left_out.is_empty() {
        return None;
    }
    let count = left_out.len();
    let names = left_out
        .iter()
        .map(|unit| format!("{} ({})", unit.name, exclusion(i18n, unit.why)))
        .collect::<Vec<_>>()
        .join(", ");
    Some(tp!(i18n, reason_left_out, count, names = names.clone()))
}

/// Why a unit is not counted yet, in words.
pub fn pending(i18n: I18n, why: &Pending) -> String {
    match why {
        Pending::NoAssessment => t_string!(i18n, pending_no_assessment).to_owned(),
        Pending::NoDecision => t_string!(i18n, pending_no_decision).to_owned(),
        Pending::FileProblem { comment } => {
            let comment = comment.clone();
            tp!(i18n, pending_file_problem, comment).get_untracked()
        }
    }
}

/// " Chưa tính 2 đơn vị: A (chưa có quyết định công nhận), B (…)." after
/// the figures: the units between the figure and its threshold; nothing
/// when every unit counts. At most ten are named.
pub fn not_counted_words(i18n: I18n, not_counted: &[NotCounted]) -> Option<Signal<String>> {
    const NAMED: usize = 10;
    if not_counted.is_empty() {
        return None;
    }
    let count = not_counted.len();
    let mut names: Vec<String> = not_counted
        .iter()
        .take(NAMED)
        .map(|unit| format!("{} ({})", unit.name, pending(i18n, &unit.why)))
        .collect();
    if count > NAMED {
        names.push("…".to_owned());
    }
    let names = names.join(", ");
    Some(tp!(i18n, reason_not_counted, count, names = names.clone()))
}

/// The language chosen in this browser, as a reactive value.
pub fn language() -> Language {
    use_app_state().prefs.with(|p| p.language)
}

/// Text of a set in the current language (Vietnamese when no English is given).
pub fn text(value: &Text) -> String {
    value.get(language()).to_owned()
}

fn day_month(day: MonthDay) -> String {
    format!("{:02}/{:02}", day.day, day.month)
}

fn date(date: Date) -> String {
    date.vietnamese()
}

/// "Thông tư 124/2021/TT-BCA, Điều 4, khoản 3, điểm a".
pub fn citation(i18n: I18n, citation: &Citation) -> AnyView {
    let document = citation.document.clone();
    let article = (!citation.article.is_empty()).then(|| {
        let n = citation.article.clone();
        view! {
            ", "
            {tp!(i18n, citation_article, n)}
        }
    });
    let clause = (!citation.clause.is_empty()).then(|| {
        let n = citation.clause.clone();
        view! {
            ", "
            {tp!(i18n, citation_clause, n)}
        }
    });
    let point = (!citation.point.is_empty()).then(|| {
        let n = citation.point.clone();
        view! {
            ", "
            {tp!(i18n, citation_point, n)}
        }
    });
    view! { <cite class="citation">{document} {article} {clause} {point}</cite> }.into_any()
}

/// The badge for items that are not confirmed: words, not only a colour.
pub fn status_badge(i18n: I18n, status: Verification) -> Option<AnyView> {
    match status {
        Verification::Confirmed => None,
        Verification::Partial => Some(
            view! {
                <span class="badge badge--partial" data-status="partial">
                    {tr!(i18n, status_partial)}
                </span>
            }
            .into_any(),
        ),
        Verification::Unconfirmed => Some(
            view! {
                <span class="badge badge--unverified" data-status="unconfirmed">
                    "⚠ "
                    {tr!(i18n, status_unconfirmed)}
                </span>
            }
            .into_any(),
        ),
    }
}

/// How an indicator is measured, with its threshold.
pub fn kind(i18n: I18n, kind: &IndicatorKind) -> AnyView {
    match kind.clone() {
        IndicatorKind::YesNo { window: None } => tr!(i18n, kind_yes_no).into_any(),
        IndicatorKind::YesNo { window: Some(w) } => {
            let from = day_month(w.from);
            let to = day_month(w.to);
            tp!(i18n, kind_yes_no_window, from, to).into_any()
        }
        IndicatorKind::CountZero { escape: None } => tr!(i18n, kind_count_zero).into_any(),
        IndicatorKind::CountZero {
            escape: Some(Escape::Handled),
        } => tr!(i18n, kind_count_zero_handled).into_any(),
        IndicatorKind::CountZero {
            escape: Some(Escape::ForceMajeure),
        } => tr!(i18n, kind_count_zero_force).into_any(),
        IndicatorKind::Rating {
            levels,
            min_level,
            titles,
        } => {
            let level = levels.get(min_level).map(text).unwrap_or_default();
            match titles.first() {
                Some(title) => {
                    let title = text(title);
                    tp!(i18n, kind_rating_title, level, title).into_any()
                }
                None => tp!(i18n, kind_rating, level).into_any(),
            }
        }
        IndicatorKind::Number {
            bound: Bound::AtLeast,
            threshold,
        } => tp!(i18n, kind_number_at_least, threshold).into_any(),
        IndicatorKind::Number {
            bound: Bound::AtMost,
            threshold,
        } => tp!(i18n, kind_number_at_most, threshold).into_any(),
        IndicatorKind::Percent {
            threshold,
            rounding: Rounding::Up,
        } => tp!(i18n, kind_percent, threshold).into_any(),
        IndicatorKind::Percent {
            threshold,
            rounding: Rounding::Down,
        } => tp!(i18n, kind_percent_down, threshold).into_any(),
        IndicatorKind::Trend {
            allow_equal: false, ..
        } => tr!(i18n, kind_trend).into_any(),
        IndicatorKind::Trend {
            allow_equal: true, ..
        } => tr!(i18n, kind_trend_equal).into_any(),
        IndicatorKind::Checklist { items } => {
            let count = items.len();
            view! {
                {tp!(i18n, kind_checklist, count)}
                <ul class="checklist">
                    {items.iter().map(|item| view! { <li>{text(&item.label)}</li> }).collect_view()}
                </ul>
            }
            .into_any()
        }
        IndicatorKind::Derived {
            measure, threshold, ..
        } => match measure {
            crate::domain::criteria::DerivedMeasure::Registered => {
                tp!(i18n, kind_derived_registered, threshold).into_any()
            }
            crate::domain::criteria::DerivedMeasure::Recognised => {
                tp!(i18n, kind_derived_recognised, threshold).into_any()
            }
        },
        IndicatorKind::Composite { all_of } => {
            let ids = all_of.join(", ");
            tp!(i18n, kind_composite, ids).into_any()
        }
        IndicatorKind::Points { max: Some(max) } => tp!(i18n, kind_points, max).into_any(),
        IndicatorKind::Points { max: None } => tr!(i18n, kind_points_unknown).into_any(),
        IndicatorKind::Note => tr!(i18n, kind_note).into_any(),
    }
}

/// A percentage in the current language's notation: "64" or "66,7".
fn percent(numerator: u64, denominator: u64) -> String {
    let decimal = if language() == Language::En { '.' } else { ',' };
    percent_tenths(numerator, denominator)
        .map(|tenths| tenths_text(tenths, decimal))
        .unwrap_or_default()
}

/// Why an indicator has its result, naming the numbers. `levels` and
/// `titles` are the rating's own words, for rating reasons.
/// A part of a reason's sentence, with the test id its words carry on screen.
type Part = (Option<&'static str>, Signal<String>);

fn one(text: Signal<String>) -> Vec<Part> {
    vec![(None, text)]
}

fn owned(text: Signal<&'static str>) -> Signal<String> {
    Signal::derive(move || text.get().to_owned())
}

/// The reason of a result as a sentence with its numbers, following the language.
pub fn reason(i18n: I18n, reason: &Reason, kind: &IndicatorKind) -> AnyView {
    parts(i18n, reason, kind)
        .into_iter()
        .enumerate()
        .map(|(n, (testid, text))| {
            let gap = (n > 0).then_some(" ");
            match testid {
                Some(testid) => view! {
                    {gap}
                    <span data-testid=testid>{text}</span>
                }
                .into_any(),
                None => view! {
                    {gap}
                    {text}
                }
                .into_any(),
            }
        })
        .collect_view()
        .into_any()
}

/// The reason as plain text, in `i18n`'s language now: for documents.
pub fn reason_text(i18n: I18n, reason: &Reason, kind: &IndicatorKind) -> String {
    parts(i18n, reason, kind)
        .into_iter()
        .map(|(_, text)| text.get_untracked())
        .collect::<Vec<_>>()
        .join(" ")
}

fn parts(i18n: I18n, reason: &Reason, kind: &IndicatorKind) -> Vec<Part> {
    let (levels, titles) = match kind {
        IndicatorKind::Rating { levels, titles, .. } => (levels.clone(), titles.clone()),
        _ => (Vec::new(), Vec::new()),
    };
    let level_text = move |index: usize| levels.get(index).map(text).unwrap_or_default();
    match reason.clone() {
        Reason::Unanswered => one(owned(tr!(i18n, reason_unanswered))),
        Reason::NotApplicable => one(owned(tr!(i18n, reason_na))),
        Reason::NotApplicableRefused => one(owned(tr!(i18n, reason_na_refused))),
        Reason::AnswerKindMismatch => one(owned(tr!(i18n, reason_mismatch))),
        Reason::Note => one(owned(tr!(i18n, reason_note))),
        Reason::YesNo { value: true } => one(owned(tr!(i18n, reason_yes))),
        Reason::YesNo { value: false } => one(owned(tr!(i18n, reason_no))),
        Reason::DateMissing { from, to } => {
            let (from, to) = (date(from), date(to));
            one(tp!(i18n, reason_date_missing, from, to))
        }
        Reason::DateWithin { date: d, from, to } => {
            let (date, from, to) = (date(d), date(from), date(to));
            one(tp!(i18n, reason_date_within, date, from, to))
        }
        Reason::DateOutside { date: d, from, to } => {
            let (date, from, to) = (date(d), date(from), date(to));
            one(tp!(i18n, reason_date_outside, date, from, to))
        }
        Reason::Count { count: 0, .. } => one(owned(tr!(i18n, reason_count_zero))),
        Reason::Count {
            count,
            handled: true,
            escape: Some(Escape::ForceMajeure),
        } => one(tp!(i18n, reason_count_force, count)),
        Reason::Count {
            count,
            handled: true,
            ..
        } => one(tp!(i18n, reason_count_handled, count)),
        Reason::Count { count, .. } => one(tp!(i18n, reason_count, count)),
        Reason::Rating {
            title: Some(title), ..
        } => {
            let title = titles.get(title).map(text).unwrap_or_default();
            one(tp!(i18n, reason_rating_title, title))
        }
        Reason::Rating { level: None, .. } => one(owned(tr!(i18n, reason_rating_missing))),
        Reason::Rating {
            level: Some(level),
            min_level,
            ..
        } => {
            let min = level_text(min_level);
            let met = level <= min_level;
            let level = level_text(level);
            if met {
                one(tp!(i18n, reason_rating_met, level, min))
            } else {
                one(tp!(i18n, reason_rating_below, level, min))
            }
        }
        Reason::Number {
            value,
            bound,
            threshold,
        } => {
            let met = match bound {
                Bound::AtLeast => value >= threshold,
                Bound::AtMost => value <= threshold,
            };
            let op = match bound {
                Bound::AtLeast => "≥",
                Bound::AtMost => "≤",
            };
            if met {
                one(tp!(i18n, reason_number_met, value, op, threshold))
            } else {
                one(tp!(i18n, reason_number_not_met, value, op, threshold))
            }
        }
        Reason::Ratio {
            numerator,
            denominator,
            threshold,
            required,
            source,
            ref left_out,
            ref not_counted,
            ..
        } => {
            let percent = percent(numerator, denominator);
            let met = numerator >= required;
            let figures = match (source, met) {
                (FigureSource::ChildUnits, true) => one(tp!(
                    i18n,
                    reason_ratio_units_met,
                    numerator,
                    denominator,
                    percent,
                    threshold,
                    required
                )),
                (FigureSource::ChildUnits, false) => one(tp!(
                    i18n,
                    reason_ratio_units_not_met,
                    numerator,
                    denominator,
                    percent,
                    threshold,
                    required
                )),
                (FigureSource::Manual, true) => one(tp!(
                    i18n,
                    reason_ratio_met,
                    numerator,
                    denominator,
                    percent,
                    threshold,
                    required
                )),
                (FigureSource::Manual, false) => one(tp!(
                    i18n,
                    reason_ratio_not_met,
                    numerator,
                    denominator,
                    percent,
                    threshold,
                    required
                )),
            };
            // A commune's figure typed by hand, with no unit's file behind
            // it, says so wherever the reason is read, on paper too.
            let by_hand = (source == FigureSource::Manual
                && matches!(kind, IndicatorKind::Derived { .. }))
            .then(|| (Some("by-hand"), owned(tr!(i18n, reason_by_hand))));
            figures
                .into_iter()
                .chain(by_hand)
                .chain(left_out_words(i18n, left_out).map(|w| (Some("left-out"), w)))
                .chain(not_counted_words(i18n, not_counted).map(|w| (Some("not-counted"), w)))
                .collect()
        }
        Reason::DenominatorZero { ref left_out, .. } => {
            let mut parts = one(owned(tr!(i18n, reason_denominator_zero)));
            parts.extend(left_out_words(i18n, left_out).map(|w| (Some("left-out"), w)));
            parts
        }
        Reason::NumeratorAboveDenominator {
            numerator,
            denominator,
        } => one(tp!(i18n, reason_numerator_above, numerator, denominator)),
        Reason::Trend {
            current,
            previous,
            allow_equal,
        } => {
            if current == 0 && previous == 0 {
                one(owned(tr!(i18n, reason_trend_zero)))
            } else if current == previous && trend_holds(current, previous, allow_equal) {
                one(tp!(i18n, reason_trend_equal, current))
            } else if trend_holds(current, previous, allow_equal) {
                one(tp!(i18n, reason_trend_met, current, previous))
            } else {
                one(tp!(i18n, reason_trend_not_met, current, previous))
            }
        }
        Reason::PreviousMissing { current } => one(tp!(i18n, reason_previous_missing, current)),
        Reason::Checklist {
            checked,
            total,
            ref not_applicable,
            ..
        } => {
            let na = not_applicable.len();
            if na == 0 {
                one(tp!(i18n, reason_checklist, checked, total))
            } else {
                one(tp!(i18n, reason_checklist_na, checked, total, na))
            }
        }
        Reason::Composite { failed, incomplete } => {
            let (failed, incomplete) = (failed.len(), incomplete.len());
            one(tp!(i18n, reason_composite, failed, incomplete))
        }
        Reason::CompositeCycle => one(owned(tr!(i18n, reason_cycle))),
        Reason::Points { points, .. } => one(tp!(i18n, reason_points, points)),
        Reason::PointsAboveMax { points, max } => one(tp!(i18n, reason_points_above, points, max)),
    }
}

/// The reason of an indicator's result as a sentence: used by the
/// assessment form, and mounted alone by browser tests.
#[component]
pub fn ReasonText(reason: Reason, kind: IndicatorKind) -> impl IntoView {
    let i18n = use_i18n();
    view! { <span class="reason">{move || self::reason(i18n, &reason, &kind)}</span> }
}
