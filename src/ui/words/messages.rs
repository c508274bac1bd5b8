//! Words for the core's errors and codes, in the current language.

use leptos::prelude::*;

use crate::domain::assessment::ActionStatus;
use crate::domain::assessment::{AssessmentError, Stage};
use crate::domain::criteria::Outcome;
use crate::domain::scope::{EnterpriseSize, SchoolLevel};
use crate::domain::timeline::Step;
use crate::domain::{UnitError, UnitKind};
use crate::format::merge::Decision;
use crate::format::{LoadError, Problem, ProblemKind};
use crate::platform::files::ReadError;
use crate::platform::storage::StoreError;
use crate::support::numbers::{grouped, WholeError};
use crate::ui::i18n::*;

pub use crate::ui::i18n::I18n;

pub fn unit_kind(i18n: I18n, kind: UnitKind) -> String {
    match kind {
        UnitKind::ResidentialArea => t_string!(i18n, kind_khu_dan_cu),
        UnitKind::Commune => t_string!(i18n, kind_xa),
        UnitKind::Ward => t_string!(i18n, kind_phuong),
        UnitKind::Town => t_string!(i18n, kind_thi_tran),
        UnitKind::SpecialZone => t_string!(i18n, kind_dac_khu),
        UnitKind::Agency => t_string!(i18n, kind_co_quan),
        UnitKind::Enterprise => t_string!(i18n, kind_doanh_nghiep),
        UnitKind::School => t_string!(i18n, kind_co_so_giao_duc),
    }
    .to_string()
}

// Messages with values are views (`tp!`): filled in as they render, and
// again when the language changes.

/// The unit kinds a set applies to, as one line: "Xã, Phường, Thị trấn".
pub fn unit_kinds(i18n: I18n, kinds: &[UnitKind]) -> String {
    kinds
        .iter()
        .map(|kind| unit_kind(i18n, *kind))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn unit_error(i18n: I18n, error: &UnitError) -> AnyView {
    match error.clone() {
        UnitError::EmptyName => tr!(i18n, error_empty_name).into_any(),
        UnitError::NameTooLong { chars } => tp!(i18n, error_name_too_long, chars).into_any(),
        UnitError::DuplicateName { name } => tp!(i18n, error_duplicate_name, name).into_any(),
        UnitError::DuplicateId => tr!(i18n, error_duplicate_id).into_any(),
        UnitError::UnknownUnit => tr!(i18n, error_unknown_unit).into_any(),
        UnitError::UnknownParent => tr!(i18n, error_unknown_parent).into_any(),
        UnitError::ParentCycle => tr!(i18n, error_parent_cycle).into_any(),
    }
}

pub fn store_error(i18n: I18n, error: &StoreError) -> AnyView {
    match error.clone() {
        StoreError::Quota => tr!(i18n, save_failed_quota).into_any(),
        StoreError::Unavailable => tr!(i18n, save_failed_unavailable).into_any(),
        StoreError::Conflict => tr!(i18n, save_failed_conflict).into_any(),
        StoreError::ReadBackDiffers => tr!(i18n, save_failed_read_back).into_any(),
        StoreError::Other(detail) => tp!(i18n, save_failed_other, detail).into_any(),
    }
}

/// Why a picked file was not read, as a line beside its name.
pub fn read_error(error: ReadError) -> String {
    match error {
        ReadError::TooLarge { megabytes } => format!("{megabytes} MB > 20 MB"),
        ReadError::Failed(detail) => detail,
    }
}

/// A file that could not be read, named, with why: the banner both import
/// doors show (`testid` tells them apart).
pub fn load_error_banner(
    i18n: I18n,
    name: String,
    error: &LoadError,
    testid: &'static str,
) -> AnyView {
    let (headline, lines) = load_error(i18n, error);
    view! {
        <div class="banner banner--error" role="alert" data-testid=testid>
            <p class="banner__title">{tp!(i18n, import_failed, name)} " " {headline}</p>
            <ul class="banner__list">
                {lines.into_iter().take(30).map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
        </div>
    }
    .into_any()
}

/// The headline of a load error, and one line per problem.
pub fn load_error(i18n: I18n, error: &LoadError) -> (AnyView, Vec<AnyView>) {
    match error.clone() {
        LoadError::NotJson { line, column } => (
            tp!(i18n, problem_not_json, line, column).into_any(),
            Vec::new(),
        ),
        LoadError::NotOurs { .. } => (tr!(i18n, problem_not_ours).into_any(), Vec::new()),
        LoadError::WrongKind { found } => match found.as_str() {
            "rollup" => (tr!(i18n, problem_kind_rollup).into_any(), Vec::new()),
            "workspace" | "criteria_set" => (tr!(i18n, problem_kind_data).into_any(), Vec::new()),
            "decision" | "unit_card" => (tr!(i18n, problem_kind_for_unit).into_any(), Vec::new()),
            _ => (tp!(i18n, problem_wrong_kind, found).into_any(), Vec::new()),
        },
        LoadError::TooLarge { bytes, .. } => {
            let size = crate::support::numbers::megabytes(bytes as u64);
            (tp!(i18n, problem_too_large, size).into_any(), Vec::new())
        }
        LoadError::ChecksumMismatch => (tr!(i18n, problem_checksum).into_any(), Vec::new()),
        LoadError::NewerSchema { found, supported } => (
            tp!(i18n, problem_newer, found, supported).into_any(),
            Vec::new(),
        ),
        LoadError::Invalid { problems } => (
            {
                let count = problems.len();
                tp!(i18n, problem_invalid, count).into_any()
            },
            problems.iter().map(|p| problem(i18n, p)).collect(),
        ),
    }
}

/// What a field should hold, by the format layer's code ("text"…).
fn type_word(i18n: I18n, code: &str) -> String {
    match code {
        "text" => t_string!(i18n, type_text),
        "number" => t_string!(i18n, type_number),
        "list" => t_string!(i18n, type_list),
        "yes_no" => t_string!(i18n, type_yes_no),
        "yes_no_or_number" => t_string!(i18n, type_yes_no_or_number),
        _ => t_string!(i18n, type_object),
    }
    .to_owned()
}

/// One problem of a document, with its path.
pub fn problem(i18n: I18n, problem: &Problem) -> AnyView {
    let path = problem.path.clone();
    match problem.kind.clone() {
        ProblemKind::Missing => tp!(i18n, problem_missing, path).into_any(),
        ProblemKind::WrongType { expected } => {
            let expected = type_word(i18n, expected);
            tp!(i18n, problem_wrong_type, path, expected).into_any()
        }
        ProblemKind::UnknownName { found, allowed } => {
            tp!(i18n, problem_unknown_name, path, found, allowed).into_any()
        }
        ProblemKind::DuplicateField { field } => {
            tp!(i18n, problem_duplicate_field, path, field).into_any()
        }
        ProblemKind::Empty => tp!(i18n, problem_empty, path).into_any(),
        ProblemKind::UnknownUnitKind { code } => {
            tp!(i18n, problem_unknown_kind, path, code).into_any()
        }
        ProblemKind::DuplicateId { id } => tp!(i18n, problem_duplicate_id, path, id).into_any(),
        ProblemKind::Shape { detail } => tp!(i18n, problem_shape, path, detail).into_any(),
        ProblemKind::PercentAbove100 { value } => {
            tp!(i18n, problem_percent_above_100, path, value).into_any()
        }
        ProblemKind::OutOfRange => tp!(i18n, problem_out_of_range, path).into_any(),
        ProblemKind::InvalidDate => tp!(i18n, problem_invalid_date, path).into_any(),
        ProblemKind::UnknownReference { id } => {
            tp!(i18n, problem_unknown_reference, path, id).into_any()
        }
        ProblemKind::Cycle { ids } => {
            let ids = ids.join(" → ");
            tp!(i18n, problem_cycle, path, ids).into_any()
        }
        ProblemKind::SetNotForKind { set, kind } => {
            let kind =
                UnitKind::from_code(kind).map_or_else(|| kind.to_owned(), |k| unit_kind(i18n, k));
            tp!(i18n, problem_set_not_for_kind, path, set, kind).into_any()
        }
        ProblemKind::AnswerKindMismatch { expected } => {
            tp!(i18n, problem_answer_kind, path, expected).into_any()
        }
        ProblemKind::YearMismatch { envelope, content } => {
            tp!(i18n, problem_year_mismatch, path, envelope, content).into_any()
        }
        ProblemKind::YearOutOfRange { year } => {
            let (from, to) = (
                *crate::format::records::YEARS.start(),
                *crate::format::records::YEARS.end(),
            );
            tp!(i18n, problem_year_range, path, year, from, to).into_any()
        }
    }
}

pub fn assessment_error(i18n: I18n, error: &AssessmentError) -> AnyView {
    match error.clone() {
        AssessmentError::AlreadyExists { .. } => tr!(i18n, assessment_wrong_step).into_any(),
        AssessmentError::UnknownUnit => tr!(i18n, error_unknown_unit).into_any(),
        AssessmentError::UnknownAssessment => tr!(i18n, assessment_unknown).into_any(),
        AssessmentError::SetNotForKind => tr!(i18n, assessment_set_not_for_kind).into_any(),
        AssessmentError::Locked => tr!(i18n, assessment_locked_error).into_any(),
        AssessmentError::WrongStep => tr!(i18n, assessment_wrong_step).into_any(),
        AssessmentError::NameRequired => tr!(i18n, assessment_name_required).into_any(),
        AssessmentError::DecisionDateRequired => {
            tr!(i18n, assessment_decision_date_required).into_any()
        }
    }
}

/// A result in words (never a colour alone), following the language.
pub fn result(i18n: I18n, status: Outcome) -> AnyView {
    Signal::derive(move || result_text(i18n, status)).into_any()
}

/// A result in words, as text (CSV, titles).
pub fn result_string(i18n: I18n, status: Outcome) -> String {
    result_text(i18n, status).to_owned()
}

fn result_text(i18n: I18n, status: Outcome) -> &'static str {
    match status {
        Outcome::Passed => t_string!(i18n, result_passed),
        Outcome::Failed => t_string!(i18n, result_failed),
        Outcome::Incomplete => t_string!(i18n, result_incomplete),
        Outcome::NotApplicable => t_string!(i18n, result_na),
        Outcome::NotEvaluated => t_string!(i18n, result_not_evaluated),
    }
}

pub fn result_class(status: Outcome) -> &'static str {
    match status {
        Outcome::Passed => "result result--passed",
        Outcome::Failed => "result result--failed",
        Outcome::Incomplete => "result result--incomplete",
        _ => "result",
    }
}

/// The status of an assessment by its code.
pub fn assessment_status(i18n: I18n, stage: Stage) -> AnyView {
    match stage {
        Stage::Draft => tr!(i18n, status_draft).into_any(),
        Stage::SelfAssessed => tr!(i18n, status_self_assessed).into_any(),
        Stage::Submitted => tr!(i18n, status_submitted).into_any(),
        Stage::Recognised => tr!(i18n, status_recognised).into_any(),
        Stage::NotRecognised => tr!(i18n, status_not_recognised).into_any(),
    }
}

/// A school's level, for its choice.
pub fn school_level(i18n: I18n, level: SchoolLevel) -> String {
    match level {
        SchoolLevel::Preschool => t_string!(i18n, school_preschool),
        SchoolLevel::Primary => t_string!(i18n, school_primary),
        SchoolLevel::LowerSecondary => t_string!(i18n, school_lower_secondary),
        SchoolLevel::UpperSecondary => t_string!(i18n, school_upper_secondary),
        SchoolLevel::MultiLevel => t_string!(i18n, school_multi_level),
        SchoolLevel::Other => t_string!(i18n, school_other),
    }
    .into()
}

/// An enterprise's size class, for its choice.
pub fn enterprise_size(i18n: I18n, size: EnterpriseSize) -> String {
    match size {
        EnterpriseSize::Micro => t_string!(i18n, size_micro),
        EnterpriseSize::Small => t_string!(i18n, size_small),
        EnterpriseSize::Medium => t_string!(i18n, size_medium),
        EnterpriseSize::Large => t_string!(i18n, size_large),
    }
    .into()
}

pub fn step(i18n: I18n, step: Step) -> AnyView {
    match step {
        Step::Registration => tr!(i18n, step_registration).into_any(),
        Step::FestivalOpens => tr!(i18n, step_festival_opens).into_any(),
        Step::FestivalDay => tr!(i18n, step_festival_day).into_any(),
        Step::PeriodEnds => tr!(i18n, step_period_ends).into_any(),
        Step::Recognition => tr!(i18n, step_recognition).into_any(),
        Step::Classification => tr!(i18n, step_classification).into_any(),
    }
}

/// The options of an action's or a task's progress: to do, doing, done.
pub fn progress_options(i18n: I18n) -> Vec<(String, String)> {
    crate::ui::widgets::choice::named_options(|status| {
        match status {
            ActionStatus::Todo => t_string!(i18n, action_todo),
            ActionStatus::Doing => t_string!(i18n, action_doing),
            ActionStatus::Done => t_string!(i18n, action_done),
        }
        .into()
    })
}

/// Why a typed whole number (an amount, a count) was refused.
pub fn whole_refused(i18n: I18n, value: &str, error: WholeError) -> String {
    let value = value.trim().to_owned();
    match error {
        WholeError::Negative => tp!(i18n, field_negative, value),
        WholeError::NotWhole => tp!(i18n, field_not_whole, value),
        WholeError::TooLarge => tp!(i18n, field_too_large, value),
    }
    .get_untracked()
}

/// Why a typed time of day was refused.
pub fn time_refused(i18n: I18n, value: &str) -> String {
    let value = value.trim().to_owned();
    tp!(i18n, field_time_refused, value).get_untracked()
}

/// Why a typed day of the year ("07-01") was refused.
pub fn month_day_refused(i18n: I18n, value: &str) -> String {
    let value = value.trim().to_owned();
    tp!(i18n, field_month_day_refused, value).get_untracked()
}

/// The decimal mark of the language in use: "87,5" in Vietnamese, "87.5"
/// in English.
pub fn decimal_mark(i18n: I18n) -> char {
    match i18n.get_locale() {
        Locale::en => '.',
        Locale::vi => ',',
    }
}

/// A whole number with the language's thousands mark: "1.500" in
/// Vietnamese, "1,500" in English.
pub fn number(i18n: I18n, value: u64) -> String {
    grouped(value, if decimal_mark(i18n) == ',' { '.' } else { ',' })
}

/// An amount of money on screen, in the language in use: "1.500.000 đ",
/// "1,500,000 VND". (Printed documents stay Vietnamese.)
pub fn money(i18n: I18n, amount: u64) -> String {
    match i18n.get_locale() {
        Locale::en => format!("{} VND", number(i18n, amount)),
        Locale::vi => crate::support::numbers::dong(amount),
    }
}

/// What an import decided for a record, in words.
pub fn decision(i18n: I18n, decision: Decision) -> AnyView {
    match decision {
        Decision::New => tr!(i18n, decision_new).into_any(),
        Decision::Identical => tr!(i18n, decision_identical).into_any(),
        Decision::Newer => tr!(i18n, decision_newer).into_any(),
        Decision::Older => tr!(i18n, decision_older).into_any(),
        Decision::Conflicting => tr!(i18n, decision_conflicting).into_any(),
        Decision::LocalVariant => tr!(i18n, decision_local_variant).into_any(),
        Decision::NoAssessment => tr!(i18n, decision_no_assessment).into_any(),
        Decision::SameUnit => tr!(i18n, decision_same_unit).into_any(),
    }
}
