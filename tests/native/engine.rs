//! The evaluation engine: every indicator kind at and around its threshold,
//! the combination rules, and totality on arbitrary input.

use antq::domain::calendar::{Date, MonthDay};
use antq::domain::criteria::*;
use antq::domain::UnitKind;
use proptest::prelude::*;

const YEAR: i32 = 2025;

fn indicator(id: &str, kind: IndicatorKind) -> Indicator {
    Indicator {
        id: id.into(),
        label: Text::vi(id),
        guidance: Text::default(),
        citation: Citation::default(),
        status: Verification::Confirmed,
        na_allowed: false,
        kind,
    }
}

fn set_of(criteria: Vec<Criterion>) -> CriteriaSet {
    CriteriaSet {
        id: "test".into(),
        version: 1,
        title: Text::vi("test"),
        description: Text::default(),
        notice: Text::default(),
        applies_to: vec![UnitKind::Commune],
        period: None,
        recognition_deadline: None,
        classification_deadline: None,
        legal_basis: vec![],
        status: Verification::Confirmed,
        historical: false,
        variant_of: None,
        pass_rule: SetRule::AllCriteria,
        classes: vec![],
        groups: vec![Group {
            id: "g".into(),
            label: Text::vi("g"),
            criteria,
        }],
    }
}

fn criterion(id: &str, rule: CriterionRule, indicators: Vec<Indicator>) -> Criterion {
    Criterion {
        id: id.into(),
        label: Text::vi(id),
        guidance: Text::default(),
        citation: Citation::default(),
        status: Verification::Confirmed,
        rule,
        indicators,
    }
}

/// Evaluates one indicator of `kind` answered with `answer`.
fn check(kind: IndicatorKind, answer: Option<Answer>) -> IndicatorResult {
    check_with(kind, answer, &Context::default())
}

fn check_with(kind: IndicatorKind, answer: Option<Answer>, context: &Context) -> IndicatorResult {
    let set = set_of(vec![criterion(
        "c",
        CriterionRule::All,
        vec![indicator("i", kind)],
    )]);
    let answers = match answer {
        Some(answer) => Answers::new().with("i", answer),
        None => Answers::new(),
    };
    evaluate(&set, &answers, context, YEAR).indicators[&"i".to_owned()].clone()
}

fn status(kind: IndicatorKind, answer: Answer) -> Outcome {
    check(kind, Some(answer)).status
}

fn date(y: i32, m: u32, d: u32) -> Date {
    Date::new(y, m, d).unwrap()
}

const Q1: DateWindow = DateWindow {
    from: MonthDay::new(1, 1),
    to: MonthDay::new(3, 31),
};

fn ratio(numerator: u64, denominator: u64) -> Answer {
    Answer::Ratio {
        numerator,
        denominator,
    }
}

#[test]
fn unanswered_indicators_are_incomplete() {
    let result = check(IndicatorKind::CountZero { escape: None }, None);
    assert_eq!(result.status, Outcome::Incomplete);
    assert_eq!(result.reason, Reason::Unanswered);
}

#[test]
fn yes_no_passes_on_yes_only() {
    let kind = IndicatorKind::YesNo { window: None };
    let yes = Answer::YesNo {
        value: true,
        date: None,
    };
    let no = Answer::YesNo {
        value: false,
        date: None,
    };
    assert_eq!(status(kind.clone(), yes), Outcome::Passed);
    assert_eq!(status(kind, no), Outcome::Failed);
}

#[test]
fn a_first_quarter_date_passes_on_31_march_and_fails_on_1_april() {
    let kind = IndicatorKind::YesNo { window: Some(Q1) };
    let on = |d| Answer::YesNo {
        value: true,
        date: Some(d),
    };
    assert_eq!(status(kind.clone(), on(date(2025, 1, 1))), Outcome::Passed);
    assert_eq!(status(kind.clone(), on(date(2025, 3, 31))), Outcome::Passed);
    let late = check(kind.clone(), Some(on(date(2025, 4, 1))));
    assert_eq!(late.status, Outcome::Failed);
    assert_eq!(
        late.reason,
        Reason::DateOutside {
            date: date(2025, 4, 1),
            from: date(2025, 1, 1),
            to: date(2025, 3, 31)
        }
    );
    assert_eq!(status(kind.clone(), on(date(2024, 3, 1))), Outcome::Failed);
    let undated = check(
        kind,
        Some(Answer::YesNo {
            value: true,
            date: None,
        }),
    );
    assert_eq!(undated.status, Outcome::Incomplete);
}

#[test]
fn a_count_must_be_zero_unless_the_law_escape_is_stated() {
    let strict = IndicatorKind::CountZero { escape: None };
    let count = |count, handled| Answer::Count { count, handled };
    assert_eq!(status(strict.clone(), count(0, false)), Outcome::Passed);
    assert_eq!(status(strict.clone(), count(1, false)), Outcome::Failed);
    // Claiming "handled" where the law gives no escape changes nothing.
    assert_eq!(status(strict, count(1, true)), Outcome::Failed);
    let escape = IndicatorKind::CountZero {
        escape: Some(Escape::Handled),
    };
    assert_eq!(status(escape.clone(), count(2, true)), Outcome::Passed);
    assert_eq!(status(escape, count(2, false)), Outcome::Failed);
}

fn grassroots_rating() -> IndicatorKind {
    IndicatorKind::Rating {
        levels: ["xuất sắc", "tốt", "hoàn thành", "không hoàn thành"]
            .map(Text::vi)
            .to_vec(),
        min_level: 2,
        titles: vec![Text::vi("Tập thể lao động tiên tiến")],
    }
}

#[test]
fn a_rating_passes_at_or_above_its_level_or_with_a_title() {
    let rated = |level: Option<usize>, title: Option<usize>| Answer::Rating { level, title };
    assert_eq!(
        status(grassroots_rating(), rated(Some(2), None)),
        Outcome::Passed
    );
    assert_eq!(
        status(grassroots_rating(), rated(Some(0), None)),
        Outcome::Passed
    );
    assert_eq!(
        status(grassroots_rating(), rated(Some(3), None)),
        Outcome::Failed
    );
    assert_eq!(
        status(grassroots_rating(), rated(Some(3), Some(0))),
        Outcome::Passed
    );
    assert_eq!(
        status(grassroots_rating(), rated(None, None)),
        Outcome::Incomplete
    );
    // An index outside the list counts as not given.
    assert_eq!(
        status(grassroots_rating(), rated(Some(9), None)),
        Outcome::Incomplete
    );
}

#[test]
fn a_number_meets_its_bound_at_the_threshold() {
    let at_least = IndicatorKind::Number {
        bound: Bound::AtLeast,
        threshold: 1,
    };
    assert_eq!(
        status(at_least.clone(), Answer::Number { value: 0 }),
        Outcome::Failed
    );
    assert_eq!(
        status(at_least.clone(), Answer::Number { value: 1 }),
        Outcome::Passed
    );
    assert_eq!(
        status(at_least, Answer::Number { value: 5 }),
        Outcome::Passed
    );
    let at_most = IndicatorKind::Number {
        bound: Bound::AtMost,
        threshold: 3,
    };
    assert_eq!(
        status(at_most.clone(), Answer::Number { value: 3 }),
        Outcome::Passed
    );
    assert_eq!(
        status(at_most, Answer::Number { value: 4 }),
        Outcome::Failed
    );
}

#[test]
fn commune_fails_with_16_of_25_recognised_and_passes_with_18() {
    let kind = IndicatorKind::Percent {
        threshold: 70,
        rounding: Rounding::Up,
    };
    let sixteen = check(kind.clone(), Some(ratio(16, 25)));
    assert_eq!(sixteen.status, Outcome::Failed);
    assert_eq!(
        sixteen.reason,
        Reason::Ratio {
            numerator: 16,
            denominator: 25,
            threshold: 70,
            required: 18,
            rounding: Rounding::Up,
            source: FigureSource::Manual,
            left_out: vec![],
            not_counted: vec![],
        }
    );
    assert_eq!(status(kind.clone(), ratio(17, 25)), Outcome::Failed);
    assert_eq!(status(kind.clone(), ratio(18, 25)), Outcome::Passed);
    assert_eq!(status(kind, ratio(25, 25)), Outcome::Passed);
}

#[test]
fn rounding_down_is_a_stated_alternative() {
    let kind = IndicatorKind::Percent {
        threshold: 70,
        rounding: Rounding::Down,
    };
    assert_eq!(required_count(70, 25, Rounding::Down), 17);
    assert_eq!(status(kind.clone(), ratio(17, 25)), Outcome::Passed);
    assert_eq!(status(kind, ratio(16, 25)), Outcome::Failed);
}

#[test]
fn a_hundred_percent_needs_every_one() {
    let kind = IndicatorKind::Percent {
        threshold: 100,
        rounding: Rounding::Up,
    };
    assert_eq!(status(kind.clone(), ratio(99, 100)), Outcome::Failed);
    assert_eq!(status(kind.clone(), ratio(100, 100)), Outcome::Passed);
    assert_eq!(status(kind.clone(), ratio(0, 0)), Outcome::Incomplete);
    assert_eq!(status(kind, ratio(101, 100)), Outcome::Incomplete);
}

#[test]
fn a_trend_must_fall_below_last_year() {
    let kind = IndicatorKind::Trend {
        allow_equal: false,
        parts: vec![],
    };
    let trend = |current, previous| Answer::trend(current, previous);
    assert_eq!(status(kind.clone(), trend(5, Some(6))), Outcome::Passed);
    assert_eq!(status(kind.clone(), trend(6, Some(6))), Outcome::Failed);
    // Nothing to reduce: zero both years passes even where equal does not
    // (TT 124 Article 4 clause 4 point a sets no strict decrease).
    assert_eq!(status(kind.clone(), trend(0, Some(0))), Outcome::Passed);
    assert_eq!(status(kind.clone(), trend(1, Some(0))), Outcome::Failed);
    assert_eq!(status(kind.clone(), trend(7, Some(6))), Outcome::Failed);
    assert_eq!(status(kind.clone(), trend(7, None)), Outcome::Incomplete);
    let equal_ok = IndicatorKind::Trend {
        allow_equal: true,
        parts: vec![],
    };
    assert_eq!(status(equal_ok, trend(6, Some(6))), Outcome::Passed);
    // Last year's figure comes from last year's assessment when not typed.
    let mut context = Context::default();
    context.previous.insert("i".into(), 9);
    assert_eq!(
        check_with(kind, Some(trend(8, None)), &context).status,
        Outcome::Passed
    );
}

#[test]
fn a_checklist_needs_every_item() {
    let kind = IndicatorKind::Checklist {
        items: ["a", "b", "c"]
            .map(|id| ChecklistItem {
                id: id.into(),
                label: Text::vi(id),
                na_allowed: false,
            })
            .to_vec(),
    };
    let checked = |ids: &[&str]| Answer::Checklist {
        checked: ids.iter().map(|s| s.to_string()).collect(),
        not_applicable: Default::default(),
    };
    assert_eq!(
        status(kind.clone(), checked(&["a", "b", "c"])),
        Outcome::Passed
    );
    let partial = check(kind, Some(checked(&["a", "c"])));
    assert_eq!(partial.status, Outcome::Failed);
    assert_eq!(
        partial.reason,
        Reason::Checklist {
            checked: 2,
            total: 3,
            missing: vec!["b".into()],
            not_applicable: vec![],
        }
    );
}

fn derived_70() -> IndicatorKind {
    IndicatorKind::Derived {
        measure: DerivedMeasure::Recognised,
        threshold: 70,
        rounding: Rounding::Up,
        child_kinds: vec![UnitKind::ResidentialArea],
    }
}

#[test]
fn derived_figures_come_from_child_units_before_manual_ones() {
    let mut context = Context::default();
    context.derived.insert("i".into(), Figures::typed(18, 25));
    let from_children = check_with(derived_70(), Some(ratio(1, 25)), &context);
    assert_eq!(from_children.status, Outcome::Passed);
    assert!(matches!(
        from_children.reason,
        Reason::Ratio {
            source: FigureSource::ChildUnits,
            required: 18,
            ..
        }
    ));
    assert_eq!(status(derived_70(), ratio(16, 25)), Outcome::Failed);
    assert_eq!(check(derived_70(), None).status, Outcome::Incomplete);
}

#[test]
fn not_applicable_counts_only_where_allowed() {
    let allowed = Indicator {
        na_allowed: true,
        ..indicator("i", IndicatorKind::YesNo { window: Some(Q1) })
    };
    let set = set_of(vec![criterion("c", CriterionRule::All, vec![allowed])]);
    let answers = Answers::new().with("i", Answer::NotApplicable);
    let eval = evaluate(&set, &answers, &Context::default(), YEAR);
    assert_eq!(
        eval.indicators[&"i".to_owned()].status,
        Outcome::NotApplicable
    );
    assert_eq!(
        eval.criteria[&"c".to_owned()].status,
        Outcome::NotApplicable
    );
    let refused = check(
        IndicatorKind::YesNo { window: None },
        Some(Answer::NotApplicable),
    );
    assert_eq!(refused.status, Outcome::Incomplete);
    assert_eq!(refused.reason, Reason::NotApplicableRefused);
}

#[test]
fn an_answer_of_another_kind_is_incomplete_not_a_crash() {
    let result = check(IndicatorKind::CountZero { escape: None }, Some(ratio(1, 2)));
    assert_eq!(result.reason, Reason::AnswerKindMismatch);
    assert_eq!(result.status, Outcome::Incomplete);
}

#[test]
fn a_criterion_needs_all_or_any_of_its_indicators() {
    let zero = || IndicatorKind::CountZero { escape: None };
    let all = criterion(
        "all",
        CriterionRule::All,
        vec![indicator("a", zero()), indicator("b", zero())],
    );
    let any = criterion(
        "any",
        CriterionRule::Any,
        vec![indicator("x", zero()), indicator("y", zero())],
    );
    let set = set_of(vec![all, any]);
    let count = |count| Answer::Count {
        count,
        handled: false,
    };
    let answers = Answers::new()
        .with("a", count(0))
        .with("b", count(1))
        .with("x", count(3))
        .with("y", count(0));
    let eval = evaluate(&set, &answers, &Context::default(), YEAR);
    assert_eq!(eval.criteria[&"all".to_owned()].status, Outcome::Failed);
    assert_eq!(
        eval.criteria[&"all".to_owned()].reason,
        CriterionReason::All {
            failed: vec!["b".into()],
            incomplete: vec![]
        }
    );
    assert_eq!(eval.criteria[&"any".to_owned()].status, Outcome::Passed);
    assert_eq!(eval.set.status, Outcome::Failed);
    assert_eq!(
        eval.set.reason,
        SetReason::AllCriteria {
            failed: vec!["all".into()],
            incomplete: vec![]
        }
    );
}

#[test]
fn a_failure_is_known_before_everything_is_answered() {
    let zero = || IndicatorKind::CountZero { escape: None };
    let set = set_of(vec![criterion(
        "c",
        CriterionRule::All,
        vec![indicator("a", zero()), indicator("b", zero())],
    )]);
    let answers = Answers::new().with(
        "a",
        Answer::Count {
            count: 2,
            handled: false,
        },
    );
    let eval = evaluate(&set, &answers, &Context::default(), YEAR);
    assert_eq!(eval.criteria[&"c".to_owned()].status, Outcome::Failed);
    assert_eq!(
        eval.progress,
        Progress {
            answered: 1,
            total: 2
        }
    );
    assert_eq!(
        eval.conformity,
        Progress {
            answered: 0,
            total: 1
        }
    );
}

#[test]
fn points_add_up_and_a_maximum_is_enforced() {
    let points = |max| IndicatorKind::Points { max };
    let c = criterion(
        "c",
        CriterionRule::PointsAtLeast { min: 5 },
        vec![
            indicator("p1", points(Some(3))),
            indicator("p2", points(Some(5))),
        ],
    );
    let mut set = set_of(vec![c]);
    set.pass_rule = SetRule::Points;
    set.classes = vec![
        PointsClass {
            label: Text::vi("xuất sắc"),
            min_points: Some(7),
        },
        PointsClass {
            label: Text::vi("khá"),
            min_points: Some(5),
        },
        PointsClass {
            label: Text::vi("chưa rõ"),
            min_points: None,
        },
    ];
    let answers = Answers::new()
        .with("p1", Answer::Points { points: 3 })
        .with("p2", Answer::Points { points: 3 });
    let eval = evaluate(&set, &answers, &Context::default(), YEAR);
    assert_eq!(eval.criteria[&"c".to_owned()].status, Outcome::Passed);
    assert_eq!(
        eval.set.reason,
        SetReason::Points {
            total: 6,
            class: Some(1),
            incomplete: vec![]
        }
    );
    let too_many = Answers::new()
        .with("p1", Answer::Points { points: 4 })
        .with("p2", Answer::Points { points: 0 });
    let eval = evaluate(&set, &too_many, &Context::default(), YEAR);
    assert_eq!(
        eval.indicators[&"p1".to_owned()].reason,
        Reason::PointsAboveMax { points: 4, max: 3 }
    );
}

#[test]
fn notes_are_not_evaluated_nor_counted_in_progress() {
    let set = set_of(vec![criterion(
        "c",
        CriterionRule::All,
        vec![
            indicator("n", IndicatorKind::Note),
            indicator("z", IndicatorKind::CountZero { escape: None }),
        ],
    )]);
    let answers = Answers::new().with(
        "z",
        Answer::Count {
            count: 0,
            handled: false,
        },
    );
    let eval = evaluate(&set, &answers, &Context::default(), YEAR);
    assert_eq!(
        eval.indicators[&"n".to_owned()].status,
        Outcome::NotEvaluated
    );
    assert_eq!(eval.criteria[&"c".to_owned()].status, Outcome::Passed);
    assert_eq!(
        eval.progress,
        Progress {
            answered: 1,
            total: 1
        }
    );
}

#[test]
fn composites_follow_their_parts_and_survive_a_cycle() {
    let zero = || IndicatorKind::CountZero { escape: None };
    let all_of = |ids: &[&str]| IndicatorKind::Composite {
        all_of: ids.iter().map(|s| s.to_string()).collect(),
    };
    let set = set_of(vec![criterion(
        "c",
        CriterionRule::All,
        vec![
            indicator("a", zero()),
            indicator("both", all_of(&["a"])),
            indicator("x", all_of(&["y"])),
            indicator("y", all_of(&["x"])),
        ],
    )]);
    let answers = Answers::new().with(
        "a",
        Answer::Count {
            count: 0,
            handled: false,
        },
    );
    let eval = evaluate(&set, &answers, &Context::default(), YEAR);
    assert_eq!(eval.indicators[&"both".to_owned()].status, Outcome::Passed);
    assert_eq!(
        eval.indicators[&"x".to_owned()].reason,
        Reason::CompositeCycle
    );
    assert_eq!(eval.indicators[&"y".to_owned()].status, Outcome::Incomplete);
}

#[test]
fn a_set_with_no_criteria_is_incomplete() {
    let mut set = set_of(vec![]);
    set.groups[0].criteria.clear();
    let eval = evaluate(&set, &Answers::new(), &Context::default(), YEAR);
    assert_eq!(eval.set.status, Outcome::Incomplete);
    assert_eq!(eval.set.reason, SetReason::Empty);
}

#[test]
fn the_residential_period_runs_from_1_november_of_the_year_before() {
    let rule = PeriodRule {
        start: MonthDay::new(11, 1),
        end: MonthDay::new(10, 31),
    };
    assert_eq!(rule.period(2025), (date(2024, 11, 1), date(2025, 10, 31)));
    let calendar = PeriodRule {
        start: MonthDay::new(1, 1),
        end: MonthDay::new(12, 31),
    };
    assert_eq!(
        calendar.period(2025),
        (date(2025, 1, 1), date(2025, 12, 31))
    );
}

// Property tests: evaluation is total.

fn text() -> impl Strategy<Value = Text> {
    "[a-zđ ]{0,6}".prop_map(|vi| Text {
        vi,
        en: String::new(),
    })
}

fn id() -> impl Strategy<Value = String> {
    "[a-e]{1,2}"
}

fn month_day() -> impl Strategy<Value = MonthDay> {
    (0u32..14, 0u32..33).prop_map(|(month, day)| MonthDay { month, day })
}

fn kind() -> impl Strategy<Value = IndicatorKind> {
    prop_oneof![
        proptest::option::of(
            (month_day(), month_day()).prop_map(|(from, to)| DateWindow { from, to })
        )
        .prop_map(|window| IndicatorKind::YesNo { window }),
        proptest::option::of(prop_oneof![
            Just(Escape::Handled),
            Just(Escape::ForceMajeure)
        ])
        .prop_map(|escape| IndicatorKind::CountZero { escape }),
        (
            proptest::collection::vec(text(), 0..4),
            0usize..6,
            proptest::collection::vec(text(), 0..2)
        )
            .prop_map(|(levels, min_level, titles)| IndicatorKind::Rating {
                levels,
                min_level,
                titles
            }),
        (any::<i64>(), any::<bool>()).prop_map(|(threshold, most)| IndicatorKind::Number {
            bound: if most { Bound::AtMost } else { Bound::AtLeast },
            threshold
        }),
        (any::<u32>(), any::<bool>()).prop_map(|(threshold, down)| IndicatorKind::Percent {
            threshold,
            rounding: if down { Rounding::Down } else { Rounding::Up }
        }),
        any::<bool>().prop_map(|allow_equal| IndicatorKind::Trend {
            allow_equal,
            parts: vec![]
        }),
        proptest::collection::vec(
            (id(), text()).prop_map(|(id, label)| ChecklistItem {
                id,
                label,
                na_allowed: false
            }),
            0..4
        )
        .prop_map(|items| IndicatorKind::Checklist { items }),
        any::<u32>().prop_map(|threshold| IndicatorKind::Derived {
            measure: DerivedMeasure::Recognised,
            threshold,
            rounding: Rounding::Up,
            child_kinds: vec![]
        }),
        proptest::collection::vec(id(), 0..3)
            .prop_map(|all_of| IndicatorKind::Composite { all_of }),
        proptest::option::of(any::<u32>()).prop_map(|max| IndicatorKind::Points { max }),
        Just(IndicatorKind::Note),
    ]
}

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        Just(Answer::NotApplicable),
        (
            any::<bool>(),
            proptest::option::of((-3i32..3000, 1u32..13, 1u32..29))
        )
            .prop_map(|(value, d)| Answer::YesNo {
                value,
                date: d.and_then(|(y, m, d)| Date::new(y, m, d))
            }),
        (any::<u64>(), any::<bool>()).prop_map(|(count, handled)| Answer::Count { count, handled }),
        (
            proptest::option::of(0usize..8),
            proptest::option::of(0usize..3)
        )
            .prop_map(|(level, title)| Answer::Rating { level, title }),
        any::<i64>().prop_map(|value| Answer::Number { value }),
        (any::<u64>(), any::<u64>()).prop_map(|(numerator, denominator)| Answer::Ratio {
            numerator,
            denominator
        }),
        (any::<u64>(), proptest::option::of(any::<u64>()))
            .prop_map(|(current, previous)| Answer::trend(current, previous)),
        proptest::collection::btree_set(id(), 0..4).prop_map(|checked| Answer::Checklist {
            checked: checked.into_iter().collect(),
            not_applicable: Default::default(),
        }),
        any::<u32>().prop_map(|points| Answer::Points { points }),
    ]
}

fn arbitrary_set() -> impl Strategy<Value = CriteriaSet> {
    let ind = (id(), kind(), any::<bool>()).prop_map(|(id, kind, na)| Indicator {
        na_allowed: na,
        ..indicator(&id, kind)
    });
    let rule = prop_oneof![
        Just(CriterionRule::All),
        Just(CriterionRule::Any),
        any::<u32>().prop_map(|min| CriterionRule::PointsAtLeast { min })
    ];
    let crit = (id(), rule, proptest::collection::vec(ind, 0..5))
        .prop_map(|(id, rule, indicators)| criterion(&id, rule, indicators));
    (
        proptest::collection::vec(crit, 0..4),
        any::<bool>(),
        proptest::collection::vec(proptest::option::of(any::<u32>()), 0..3),
    )
        .prop_map(|(criteria, points, mins)| {
            let mut set = set_of(criteria);
            if points {
                set.pass_rule = SetRule::Points;
            }
            set.classes = mins
                .into_iter()
                .map(|min_points| PointsClass {
                    label: Text::vi("k"),
                    min_points,
                })
                .collect();
            set
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn evaluation_is_total(
        set in arbitrary_set(),
        answers in proptest::collection::btree_map(id(), answer(), 0..8),
        derived in proptest::collection::btree_map(id(), (any::<u64>(), any::<u64>()), 0..3),
        previous in proptest::collection::btree_map(id(), any::<u64>(), 0..3),
        year in any::<i32>(),
    ) {
        let context = Context {
            derived: derived
                .into_iter()
                .map(|(k, (numerator, denominator))| (k, Figures::typed(numerator, denominator)))
                .collect(),
            previous: previous.into_iter().collect(),
        };
        let eval = evaluate(&set, &Answers(answers.into_iter().collect()), &context, year);
        prop_assert!(eval.progress.answered <= eval.progress.total);
        prop_assert!(eval.conformity.answered <= eval.conformity.total);
    }
}

/// A chain of `depth` composites, each naming the next, ending at a
/// count; with `circle`, the last names the first instead.
fn chain(depth: usize, circle: bool) -> CriteriaSet {
    let mut indicators: Vec<Indicator> = (0..depth)
        .map(|n| {
            let next = if n + 1 == depth {
                if circle {
                    "k0".to_owned()
                } else {
                    "end".to_owned()
                }
            } else {
                format!("k{}", n + 1)
            };
            indicator(
                &format!("k{n}"),
                IndicatorKind::Composite { all_of: vec![next] },
            )
        })
        .collect();
    indicators.push(indicator("end", IndicatorKind::CountZero { escape: None }));
    set_of(vec![criterion("c", CriterionRule::All, indicators)])
}

#[test]
fn a_chain_of_a_hundred_thousand_composites_is_checked_and_evaluated_without_deep_recursion() {
    // Run on a thread with a small stack: recursion one level per link would overflow it.
    let worker = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            let started = std::time::Instant::now();
            let set = chain(100_000, false);
            assert!(antq::format::criteria::validate(&set).is_empty());
            let answers = Answers::new().with(
                "end",
                Answer::Count {
                    count: 1,
                    handled: false,
                },
            );
            let evaluation = evaluate(&set, &answers, &Context::default(), YEAR);
            assert_eq!(
                evaluation.indicators[&"k0".to_owned()].status,
                Outcome::Failed
            );
            assert_eq!(evaluation.criteria[&"c".to_owned()].status, Outcome::Failed);
            let circle = chain(100_000, true);
            let problems = antq::format::criteria::validate(&circle);
            assert_eq!(problems.len(), 1);
            let antq::format::ProblemKind::Cycle { ids } = &problems[0].kind else {
                panic!("{problems:?}");
            };
            // The circle is named from its smallest id, shortened for the message.
            assert_eq!(ids.first().map(String::as_str), Some("k0"));
            assert_eq!(ids.last().map(String::as_str), Some("…"));
            let evaluation = evaluate(&circle, &answers, &Context::default(), YEAR);
            assert_eq!(
                evaluation.indicators[&"k500".to_owned()].reason,
                Reason::CompositeCycle
            );
            started.elapsed()
        })
        .unwrap();
    let took = worker.join().expect("no stack overflow");
    // Linear: far below the seconds a scan per link would take (debug build).
    assert!(took < std::time::Duration::from_secs(10), "{took:?}");
}

#[test]
fn every_outcome_reads_back_from_its_code_and_no_two_share_one() {
    for outcome in Outcome::ALL {
        assert_eq!(Outcome::from_code(outcome.code()), Some(outcome));
    }
    let mut codes: Vec<_> = Outcome::ALL.iter().map(|o| o.code()).collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), Outcome::ALL.len());
    assert_eq!(Outcome::from_code("Passed"), None);
    assert_eq!(Outcome::from_code(""), None);
}
