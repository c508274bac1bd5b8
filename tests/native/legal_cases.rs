//! The table of legal cases (`tests/legal/cases.json`): each case is a unit,
//! its answers (every other indicator met) or the units under it, and the
//! verdict the law's text gives per criterion, with the clause that decides
//! it. The verdicts were written from TT 124/2021, not from running the app.

use antq::catalog::builtin_sets;
use antq::domain::assessment::Assessment;
use antq::domain::calendar::Date;
use antq::domain::context::{context_from, Child};
use antq::domain::criteria::*;
use antq::domain::{Scope, UnitId, UnitKind};
use serde::Deserialize;

use super::support::all_passing;

const YEAR: i32 = 2025;

#[derive(Deserialize)]
struct Table {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    clause: String,
    set: String,
    #[serde(default)]
    answers: antq::support::map::Map<String, Answer>,
    /// Many units of one kind: so many registered, so many recognised.
    #[serde(default)]
    villages: Vec<Many>,
    #[serde(default)]
    children: Vec<ChildCase>,
    expect: antq::support::map::Map<String, Verdict>,
    #[serde(default)]
    set_result: Option<Verdict>,
    /// The units the figures of an indicator leave out, by name.
    #[serde(default)]
    left_out: antq::support::map::Map<String, Vec<String>>,
    /// An indicator's figures from the units under it: [numerator, denominator].
    #[serde(default)]
    figures: antq::support::map::Map<String, [u64; 2]>,
}

#[derive(Deserialize)]
struct Many {
    count: usize,
    registered: usize,
    recognised: usize,
    kind: UnitKind,
    prefix: String,
}

#[derive(Deserialize)]
struct ChildCase {
    name: String,
    kind: UnitKind,
    #[serde(default)]
    scope: Scope,
    #[serde(default)]
    registered: bool,
    #[serde(default)]
    recognised: bool,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum Verdict {
    Passed,
    Failed,
    Incomplete,
    NotApplicable,
}

impl Verdict {
    fn of(status: Outcome) -> Option<Verdict> {
        match status {
            Outcome::Passed => Some(Verdict::Passed),
            Outcome::Failed => Some(Verdict::Failed),
            Outcome::Incomplete => Some(Verdict::Incomplete),
            Outcome::NotApplicable => Some(Verdict::NotApplicable),
            Outcome::NotEvaluated => None,
        }
    }
}

/// A child unit's assessment of the year: registered, and recognised by a decision.
fn child_assessment(n: usize, recognised: bool) -> Assessment {
    let on = Date::new(YEAR, 11, 10).unwrap();
    let mut assessment = Assessment::new(
        format!("a-{n}"),
        UnitId::new(format!("u-{n}")),
        SetRef {
            id: "tt124-khu-dan-cu".into(),
            version: 2,
        },
        YEAR,
    );
    if recognised {
        assessment.lock("Trưởng thôn", on).unwrap();
        assessment.decide(true, "Quyết định công nhận", on).unwrap();
    }
    assessment
}

fn cases() -> Vec<Case> {
    let text = include_str!("../legal/cases.json");
    serde_json::from_str::<Table>(text)
        .expect("the table of legal cases reads")
        .cases
}

#[test]
fn the_table_has_forty_cases_across_the_four_tt124_sets() {
    let cases = cases();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    for set in [
        "tt124-khu-dan-cu",
        "tt124-xa-phuong",
        "tt124-co-quan-doanh-nghiep",
        "tt124-co-so-giao-duc",
    ] {
        assert!(cases.iter().filter(|c| c.set == set).count() >= 6, "{set}");
    }
    // Every kind of indicator the four sets use is answered by some case.
    let sets = builtin_sets();
    let answered: Vec<&str> = cases
        .iter()
        .flat_map(|c| c.answers.iter().map(|(id, _)| id.as_str()))
        .collect();
    let mut kinds: Vec<&str> = Vec::new();
    for case in &cases {
        let set = latest(&sets, &case.set);
        for id in &answered {
            if let Some(indicator) = set.indicator(id) {
                kinds.push(indicator.kind.code());
            }
        }
        if !case.villages.is_empty() || !case.children.is_empty() {
            kinds.push("derived");
        }
    }
    for kind in [
        "yes_no",
        "count_zero",
        "rating",
        "number",
        "percent",
        "trend",
        "checklist",
        "derived",
    ] {
        assert!(kinds.contains(&kind), "no case answers a {kind} indicator");
    }
}

fn latest<'a>(sets: &'a [CriteriaSet], id: &str) -> &'a CriteriaSet {
    sets.iter()
        .filter(|s| s.id == id)
        .max_by_key(|s| s.version)
        .unwrap_or_else(|| panic!("no built-in set {id}"))
}

#[test]
fn every_case_gets_the_verdict_the_law_gives() {
    let sets = builtin_sets();
    let mut failures = Vec::new();
    for case in cases() {
        let set = latest(&sets, &case.set);
        let mut answers = all_passing(set);
        for (id, answer) in case.answers.iter() {
            assert!(
                set.indicator(id).is_some(),
                "{}: no indicator {id}",
                case.name
            );
            answers.set(id, answer.clone());
        }
        // The units under the assessed one, each with its assessment of the year.
        let mut owned: Vec<(String, UnitKind, Scope, Option<Assessment>)> = Vec::new();
        for many in &case.villages {
            for n in 0..many.count {
                let assessment = (n < many.registered)
                    .then(|| child_assessment(owned.len(), n < many.recognised));
                owned.push((
                    format!("{} {}", many.prefix, n + 1),
                    many.kind,
                    Scope::default(),
                    assessment,
                ));
            }
        }
        for child in &case.children {
            let assessment = (child.registered || child.recognised)
                .then(|| child_assessment(owned.len(), child.recognised));
            owned.push((child.name.clone(), child.kind, child.scope, assessment));
        }
        let children: Vec<Child> = owned
            .iter()
            .map(|(name, kind, scope, assessment)| Child {
                name,
                kind: *kind,
                scope: *scope,
                assessments: assessment.iter().collect(),
            })
            .collect();
        let context = context_from(set, &children, None);
        let evaluation = evaluate(set, &answers, &context, YEAR);
        let mut check = |what: &str, got: Option<Verdict>, want: Verdict| {
            if got != Some(want) {
                failures.push(format!(
                    "{} ({}): {what} is {got:?}, the law gives {want:?}",
                    case.name, case.clause
                ));
            }
        };
        for (criterion, want) in case.expect.iter() {
            let got = evaluation
                .criteria
                .get(criterion)
                .and_then(|r| Verdict::of(r.status));
            check(criterion, got, *want);
        }
        if let Some(want) = case.set_result {
            check("the set", Verdict::of(evaluation.set.status), want);
        }
        for (indicator, [numerator, denominator]) in case.figures.iter() {
            let found = context
                .derived
                .get(indicator)
                .map(|f| [f.numerator, f.denominator]);
            if found != Some([*numerator, *denominator]) {
                failures.push(format!(
                    "{}: {indicator} counts {found:?}, the law counts {numerator}/{denominator}",
                    case.name
                ));
            }
        }
        for (indicator, names) in case.left_out.iter() {
            let found: Vec<&str> = context
                .derived
                .get(indicator)
                .map(|f| f.left_out.iter().map(|l| l.name.as_str()).collect())
                .unwrap_or_default();
            if found != names.iter().map(String::as_str).collect::<Vec<_>>() {
                failures.push(format!(
                    "{}: {indicator} leaves out {found:?}, the law leaves out {names:?}",
                    case.name
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
