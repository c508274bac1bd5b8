//! Criteria-set files: what is refused, with which path.

use antq::catalog::FILES;
use antq::format::criteria::{decode_criteria_set, encode_criteria_set, validate};
use antq::format::{LoadError, ProblemKind};

fn commune() -> serde_json::Value {
    serde_json::from_str(FILES[1].1).unwrap()
}

fn problems(value: serde_json::Value) -> Vec<(String, ProblemKind)> {
    match decode_criteria_set(&value.to_string()) {
        Err(LoadError::Invalid { problems }) => {
            problems.into_iter().map(|p| (p.path, p.kind)).collect()
        }
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn a_set_round_trips_through_its_file() {
    for (name, text) in FILES {
        let set = decode_criteria_set(text).unwrap();
        let again = decode_criteria_set(&encode_criteria_set(&set)).unwrap();
        assert_eq!(again, set, "{name}");
        assert!(validate(&set).is_empty());
    }
}

#[test]
fn a_duplicate_id_is_named_with_its_path() {
    let mut value = commune();
    value["groups"][0]["criteria"][1]["indicators"][0]["id"] = "xa-1a".into();
    assert_eq!(
        problems(value),
        vec![(
            "groups[0].criteria[1].indicators[0].id".into(),
            ProblemKind::DuplicateId { id: "xa-1a".into() }
        )]
    );
}

#[test]
fn an_empty_label_and_a_percentage_above_100_are_refused() {
    let mut value = commune();
    value["groups"][0]["criteria"][0]["indicators"][2]["label"]["vi"] = "  ".into();
    value["groups"][0]["criteria"][3]["indicators"][1]["kind"]["threshold"] = 170.into();
    assert_eq!(
        problems(value),
        vec![
            (
                "groups[0].criteria[0].indicators[2].label.vi".into(),
                ProblemKind::Empty
            ),
            (
                "groups[0].criteria[3].indicators[1].kind.threshold".into(),
                ProblemKind::PercentAbove100 { value: 170 }
            ),
        ]
    );
}

#[test]
fn a_cycle_among_composite_indicators_is_refused() {
    let mut value = commune();
    let indicators = value["groups"][0]["criteria"][2]["indicators"]
        .as_array_mut()
        .unwrap();
    indicators[0]["kind"] = serde_json::json!({"type": "composite", "all_of": ["xa-3b"]});
    indicators[1]["kind"] = serde_json::json!({"type": "composite", "all_of": ["xa-3a"]});
    assert_eq!(
        problems(value),
        vec![(
            "groups[0].criteria[2].indicators[0].kind.all_of".into(),
            ProblemKind::Cycle {
                ids: vec!["xa-3a".into(), "xa-3b".into()]
            }
        )]
    );
}

#[test]
fn a_wrong_type_names_its_path() {
    let mut value = commune();
    value["groups"][0]["criteria"][0]["indicators"][2]["kind"]["threshold"] = "bảy mươi".into();
    let found = problems(value);
    assert_eq!(found.len(), 1);
    // Tagged kinds are read field by field (support::decode), so the path
    // goes into the kind, to the field at fault.
    assert_eq!(
        found[0].0,
        "groups[0].criteria[0].indicators[2].kind.threshold"
    );
    // Said as data the UI words in the user's language, not in serde's English.
    assert_eq!(found[0].1, ProblemKind::WrongType { expected: "number" });
}

#[test]
fn serde_refusals_become_problems_in_the_users_words() {
    let mut value = commune();
    value["groups"][0]["criteria"][0]["indicators"][2]["kind"]["rounding"] = "sideways".into();
    let found = problems(value);
    assert_eq!(
        found,
        vec![(
            "groups[0].criteria[0].indicators[2].kind.rounding".into(),
            ProblemKind::UnknownName {
                found: "sideways".into(),
                allowed: "up, down".into()
            }
        )]
    );
    let mut value = commune();
    value["groups"][0]["criteria"][0]
        .as_object_mut()
        .unwrap()
        .remove("label");
    assert_eq!(
        problems(value),
        vec![("groups[0].criteria[0].label".into(), ProblemKind::Missing)]
    );
}

#[test]
fn envelopes_tell_other_files_apart() {
    assert!(matches!(
        decode_criteria_set(r#"{"format":"antq.workspace","schema_version":1}"#),
        Err(LoadError::WrongKind { .. })
    ));
    assert!(matches!(
        decode_criteria_set(r#"{"type":"excalidraw"}"#),
        Err(LoadError::NotOurs { found: None })
    ));
    assert!(matches!(
        decode_criteria_set(r#"{"format":"antq.criteria-set","schema_version":2}"#),
        Err(LoadError::NewerSchema {
            found: 2,
            supported: 1
        })
    ));
    assert!(matches!(
        decode_criteria_set("{"),
        Err(LoadError::NotJson { .. })
    ));
}
