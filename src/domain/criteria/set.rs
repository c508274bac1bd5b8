//! The shape of a criteria set: groups → criteria → indicators.

use crate::support::decode::named_enum;
use serde::{Deserialize, Serialize};

use crate::domain::calendar::{Date, MonthDay};
use crate::domain::{Language, UnitKind};
use crate::support::decode::{deserialize_tagged, required, Tagged};

/// The Circular whose standard is "An toàn về an ninh, trật tự".
pub const TT124: &str = "Thông tư 124/2021/TT-BCA";

/// Text in Vietnamese, with an optional English rendering.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub vi: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub en: String,
}

impl Text {
    pub fn vi(text: &str) -> Text {
        Text {
            vi: text.to_owned(),
            en: String::new(),
        }
    }

    /// The text in `language`, falling back to Vietnamese.
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::En if !self.en.trim().is_empty() => &self.en,
            _ => &self.vi,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.vi.trim().is_empty()
    }
}

named_enum! {
    /// How sure we are that an item says what the law says (BRIEF §0).
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum Verification {
        /// Seen in the legal text or a close quote of it.
        #[default]
        Confirmed = "confirmed",
        /// Part of it was seen; the rest is described.
        Partial = "partial",
        /// Not seen in any source: shown with a "chưa xác minh" badge.
        Unconfirmed = "unconfirmed",
    }
}

/// Where an item comes from: document, article, clause, point.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    pub document: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub article: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub clause: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub point: String,
}

/// A legal document the set rests on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalBasis {
    pub document: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub note: Text,
}

/// The evaluation period: from `start` to `end`, ending in the assessment
/// year; when `start` comes after `end` in the calendar, it begins the year
/// before (residential areas: 01/11 of the previous year to 31/10).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodRule {
    pub start: MonthDay,
    pub end: MonthDay,
}

impl PeriodRule {
    /// The first and last day of the period assessed in `year`.
    pub fn period(&self, year: i32) -> (Date, Date) {
        let start_year = if self.start > self.end {
            year - 1
        } else {
            year
        };
        (self.start.in_year(start_year), self.end.in_year(year))
    }
}

/// Points out a set by id and version, as a local variant does its source.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SetRef {
    pub id: String,
    pub version: u32,
}

/// When a whole set passes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum SetRule {
    /// Every criterion passes ("đạt đủ", TT 124).
    #[default]
    AllCriteria,
    /// A points total, as in scored instruments; `classes` classify it.
    Points,
}

/// A class of a scored instrument ("xuất sắc", "khá"…). A missing minimum
/// means the cut-off is not known: nothing is classified by a guess.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointsClass {
    pub label: Text,
    #[serde(default)]
    pub min_points: Option<u32>,
}

/// A criteria set: versioned data with its citations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriteriaSet {
    pub id: String,
    pub version: u32,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    /// A notice shown with the set wherever it is used: what changed in the
    /// law around it and is not verified (TT 48/2025 amending TT 124's procedure).
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub notice: Text,
    pub applies_to: Vec<UnitKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<PeriodRule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recognition_deadline: Option<MonthDay>,
    /// For a scored instrument: the movement's classification is due before
    /// this day (QĐ 510, Regulation Art 11 cl 3), which is not a recognition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classification_deadline: Option<MonthDay>,
    pub legal_basis: Vec<LegalBasis>,
    #[serde(default)]
    pub status: Verification,
    /// A set of an earlier framework, kept for past years (QĐ 318: 2021–2025).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub historical: bool,
    /// The set this local variant was copied from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant_of: Option<SetRef>,
    #[serde(default)]
    pub pass_rule: SetRule,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub classes: Vec<PointsClass>,
    pub groups: Vec<Group>,
}

impl CriteriaSet {
    pub fn key(&self) -> SetRef {
        SetRef {
            id: self.id.clone(),
            version: self.version,
        }
    }

    pub fn criteria(&self) -> impl Iterator<Item = &Criterion> {
        self.groups.iter().flat_map(|group| group.criteria.iter())
    }

    pub fn indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.criteria()
            .flat_map(|criterion| criterion.indicators.iter())
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators().find(|indicator| indicator.id == id)
    }

    /// True when the set offers itself to units of this kind.
    pub fn applies_to_kind(&self, kind: UnitKind) -> bool {
        self.applies_to.contains(&kind)
    }

    /// True when the set is TT 124's standard, or a variant of it: its legal
    /// basis names the Circular.
    pub fn rests_on_tt124(&self) -> bool {
        self.legal_basis
            .iter()
            .any(|basis| basis.document.starts_with(TT124))
    }

    /// How many items are not confirmed, for the badge on the library.
    pub fn unverified_count(&self) -> usize {
        self.criteria()
            .map(|c| c.status)
            .chain(self.indicators().map(|i| i.status))
            .filter(|status| *status != Verification::Confirmed)
            .count()
    }
}

/// A group of criteria, usually one article of the law.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub id: String,
    pub label: Text,
    #[serde(default)]
    pub criteria: Vec<Criterion>,
}

/// How a criterion's indicators combine.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum CriterionRule {
    /// Every indicator passes.
    #[default]
    All,
    /// One indicator suffices.
    Any,
    /// The points of its indicators reach `min`.
    PointsAtLeast { min: u32 },
}

/// A criterion: usually one clause of an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub id: String,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub guidance: Text,
    pub citation: Citation,
    #[serde(default)]
    pub status: Verification,
    #[serde(default)]
    pub rule: CriterionRule,
    pub indicators: Vec<Indicator>,
}

/// A measurable requirement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: String,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub guidance: Text,
    pub citation: Citation,
    #[serde(default)]
    pub status: Verification,
    /// "Không áp dụng" is allowed (no Party organisation in an enterprise).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub na_allowed: bool,
    pub kind: IndicatorKind,
}

/// Days of the assessment year within which a date must fall (Q1: 01/01–31/03).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateWindow {
    pub from: MonthDay,
    pub to: MonthDay,
}

named_enum! {
    /// The law's way out of a "must be zero" rule.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Escape {
        /// "Or, if one happened, it was detected and handled at once and reported"
        /// (TT 124 Article 4 clause 4 point b).
        Handled = "handled",
        /// "Except by force majeure" (TT 124 Article 4 clause 4 point d).
        ForceMajeure = "force_majeure",
    }
}

named_enum! {
    /// At least or at most a threshold.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Bound {
        AtLeast = "at_least",
        AtMost = "at_most",
    }
}

named_enum! {
    /// How a percentage threshold becomes a whole number of units.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    pub enum Rounding {
        /// Needed ≥ ceil(threshold × total): 70% of 25 needs 18.
        #[default]
        Up = "up",
        /// Needed ≥ floor(threshold × total): 70% of 25 needs 17.
        Down = "down",
    }
}

named_enum! {
    /// What a derived indicator counts among the child units.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum DerivedMeasure {
        /// Units that registered to reach the standard.
        Registered = "registered",
        /// Units recognised as meeting it.
        Recognised = "recognised",
    }
}

/// One item of a checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistItem {
    pub id: String,
    pub label: Text,
    /// The item may be marked "không áp dụng", with a reason (a State-secrets
    /// rule where the unit holds no State secrets).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub na_allowed: bool,
}

/// How an indicator is measured, with its threshold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum IndicatorKind {
    /// Done or not; optionally on a date within a window of the year.
    YesNo {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        window: Option<DateWindow>,
    },
    /// A count that must be zero, optionally with the law's escape.
    CountZero {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        escape: Option<Escape>,
    },
    /// A rating at least `levels[min_level]` (levels best first), or any of `titles`.
    Rating {
        levels: Vec<Text>,
        min_level: usize,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        titles: Vec<Text>,
    },
    /// A number at least (or at most) a threshold.
    Number { bound: Bound, threshold: i64 },
    /// A numerator over a denominator, at least `threshold` percent.
    Percent {
        threshold: u32,
        #[serde(default)]
        rounding: Rounding,
    },
    /// This period's count below the previous period's ("kiềm chế, kéo
    /// giảm … so với năm trước", TT 124 Article 4 clause 4 point a). Zero in
    /// both periods always passes: there is nothing to reduce.
    Trend {
        /// Whether an equal non-zero count passes: a local reading ([U]).
        #[serde(default)]
        allow_equal: bool,
        /// The categories entered apart and added up (crime, social evils,
        /// other violations); none when one total is entered.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        parts: Vec<Text>,
    },
    /// Every item required.
    Checklist { items: Vec<ChecklistItem> },
    /// The share of child units (of `child_kinds`) registered or recognised.
    Derived {
        measure: DerivedMeasure,
        threshold: u32,
        #[serde(default)]
        rounding: Rounding,
        child_kinds: Vec<UnitKind>,
    },
    /// Passes when all the named indicators pass.
    Composite { all_of: Vec<String> },
    /// Points awarded, out of `max` where the maximum is known.
    Points {
        #[serde(default)]
        max: Option<u32>,
    },
    /// A note only, not evaluated.
    Note,
}

impl IndicatorKind {
    /// The stable code of the kind, as in files.
    pub fn code(&self) -> &'static str {
        match self {
            IndicatorKind::YesNo { .. } => "yes_no",
            IndicatorKind::CountZero { .. } => "count_zero",
            IndicatorKind::Rating { .. } => "rating",
            IndicatorKind::Number { .. } => "number",
            IndicatorKind::Percent { .. } => "percent",
            IndicatorKind::Trend { .. } => "trend",
            IndicatorKind::Checklist { .. } => "checklist",
            IndicatorKind::Derived { .. } => "derived",
            IndicatorKind::Composite { .. } => "composite",
            IndicatorKind::Points { .. } => "points",
            IndicatorKind::Note => "note",
        }
    }
}

// The tagged enums of a set, read without buffering (see `support::decode`).

named_enum! {
    #[derive(Clone, Copy, Debug, PartialEq)]
    pub(crate) enum SetRuleTag {
        AllCriteria = "all_criteria",
        Points = "points",
    }
}

#[derive(Deserialize)]
pub struct SetRuleFields {
    #[serde(rename = "type")]
    tag: Option<SetRuleTag>,
}

impl Tagged for SetRule {
    type Fields = SetRuleFields;
    const EXPECTING: &'static str = "internally tagged enum SetRule";

    fn from_fields<E: serde::de::Error>(f: SetRuleFields) -> Result<SetRule, E> {
        Ok(match required(f.tag, "type")? {
            SetRuleTag::AllCriteria => SetRule::AllCriteria,
            SetRuleTag::Points => SetRule::Points,
        })
    }
}

named_enum! {
    #[derive(Clone, Copy, Debug, PartialEq)]
    pub(crate) enum CriterionRuleTag {
        All = "all",
        Any = "any",
        PointsAtLeast = "points_at_least",
    }
}

#[derive(Deserialize)]
pub struct CriterionRuleFields {
    #[serde(rename = "type")]
    tag: Option<CriterionRuleTag>,
    min: Option<u32>,
}

impl Tagged for CriterionRule {
    type Fields = CriterionRuleFields;
    const EXPECTING: &'static str = "internally tagged enum CriterionRule";

    fn from_fields<E: serde::de::Error>(f: CriterionRuleFields) -> Result<CriterionRule, E> {
        Ok(match required(f.tag, "type")? {
            CriterionRuleTag::All => CriterionRule::All,
            CriterionRuleTag::Any => CriterionRule::Any,
            CriterionRuleTag::PointsAtLeast => CriterionRule::PointsAtLeast {
                min: required(f.min, "min")?,
            },
        })
    }
}

named_enum! {
    #[derive(Clone, Copy, Debug, PartialEq)]
    pub(crate) enum IndicatorTag {
        YesNo = "yes_no",
        CountZero = "count_zero",
        Rating = "rating",
        Number = "number",
        Percent = "percent",
        Trend = "trend",
        Checklist = "checklist",
        Derived = "derived",
        Composite = "composite",
        Points = "points",
        Note = "note",
    }
}

#[derive(Deserialize)]
pub struct IndicatorFields {
    #[serde(rename = "type")]
    tag: Option<IndicatorTag>,
    window: Option<DateWindow>,
    escape: Option<Escape>,
    levels: Option<Vec<Text>>,
    min_level: Option<usize>,
    titles: Option<Vec<Text>>,
    bound: Option<Bound>,
    /// A signed number for `number`, a percentage for `percent` and `derived`.
    threshold: Option<i64>,
    rounding: Option<Rounding>,
    allow_equal: Option<bool>,
    parts: Option<Vec<Text>>,
    items: Option<Vec<ChecklistItem>>,
    measure: Option<DerivedMeasure>,
    child_kinds: Option<Vec<UnitKind>>,
    all_of: Option<Vec<String>>,
    max: Option<u32>,
}

/// A percentage threshold: a `u32`, with serde's own words otherwise.
fn percent<E: serde::de::Error>(threshold: Option<i64>) -> Result<u32, E> {
    let value = required(threshold, "threshold")?;
    u32::try_from(value).map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(value), &"u32"))
}

impl Tagged for IndicatorKind {
    type Fields = IndicatorFields;
    const EXPECTING: &'static str = "internally tagged enum IndicatorKind";

    fn from_fields<E: serde::de::Error>(f: IndicatorFields) -> Result<IndicatorKind, E> {
        Ok(match required(f.tag, "type")? {
            IndicatorTag::YesNo => IndicatorKind::YesNo { window: f.window },
            IndicatorTag::CountZero => IndicatorKind::CountZero { escape: f.escape },
            IndicatorTag::Rating => IndicatorKind::Rating {
                levels: required(f.levels, "levels")?,
                min_level: required(f.min_level, "min_level")?,
                titles: f.titles.unwrap_or_default(),
            },
            IndicatorTag::Number => IndicatorKind::Number {
                bound: required(f.bound, "bound")?,
                threshold: required(f.threshold, "threshold")?,
            },
            IndicatorTag::Percent => IndicatorKind::Percent {
                threshold: percent(f.threshold)?,
                rounding: f.rounding.unwrap_or_default(),
            },
            IndicatorTag::Trend => IndicatorKind::Trend {
                allow_equal: f.allow_equal.unwrap_or_default(),
                parts: f.parts.unwrap_or_default(),
            },
            IndicatorTag::Checklist => IndicatorKind::Checklist {
                items: required(f.items, "items")?,
            },
            IndicatorTag::Derived => IndicatorKind::Derived {
                measure: required(f.measure, "measure")?,
                threshold: percent(f.threshold)?,
                rounding: f.rounding.unwrap_or_default(),
                child_kinds: required(f.child_kinds, "child_kinds")?,
            },
            IndicatorTag::Composite => IndicatorKind::Composite {
                all_of: required(f.all_of, "all_of")?,
            },
            IndicatorTag::Points => IndicatorKind::Points { max: f.max },
            IndicatorTag::Note => IndicatorKind::Note,
        })
    }
}

deserialize_tagged!(SetRule, CriterionRule, IndicatorKind);

/// A set that passed every check of `format::criteria::validate`: the only
/// kind the workspace stores, so an unchecked set can never be saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidSet(CriteriaSet);

impl ValidSet {
    /// Only the validator makes these.
    pub(crate) fn assume_valid(set: CriteriaSet) -> ValidSet {
        ValidSet(set)
    }

    pub fn into_inner(self) -> CriteriaSet {
        self.0
    }
}

impl std::ops::Deref for ValidSet {
    type Target = CriteriaSet;

    fn deref(&self) -> &CriteriaSet {
        &self.0
    }
}
