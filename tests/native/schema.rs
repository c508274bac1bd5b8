//! Every file the app exports is valid against `docs/file-format.schema.json`,
//! which describes the envelope and every record's shape with no field
//! left open: what another program reads by that schema is what the app
//! writes. The files come from the golden workspace with every field filled.

use antq::catalog::builtin_sets;
use antq::domain::{UnitId, UnitInfo};
use antq::format::exchange::{
    export_assessment, export_criteria_set, export_festival_plan, export_workspace,
};
use antq::format::rollup::export_rollup;
use serde_json::Value;

use super::golden::{every_field_workspace, every_plan};

const AT: &str = "2025-11-20T08:00:00Z";

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(include_str!("../../docs/file-format.schema.json"))
        .expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

/// Every way `text` breaks the schema, with where.
fn errors(validator: &jsonschema::Validator, text: &str) -> Vec<String> {
    let value: Value = serde_json::from_str(text).unwrap();
    validator
        .iter_errors(&value)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// Each kind of file the app exports, from the workspace with every field.
fn every_file() -> Vec<(&'static str, String)> {
    use antq::domain::rollup::{Notice, Recognition, UnitCard};
    use antq::format::exchange::{export_decision, export_unit_card};
    let ws = every_field_workspace();
    let set = ws.criteria_sets()[0].clone();
    let assessment = ws.assessment("a-done").unwrap().clone();
    let unit = UnitInfo::of(ws.units().get(&UnitId::new("u-thon")).unwrap());
    let sender = UnitInfo::of(ws.units().get(&UnitId::new("u-xa")).unwrap());
    let plan = every_plan();
    let mut files = vec![
        ("workspace", export_workspace(&ws, AT, (2025, 11, 20)).text),
        (
            "assessment",
            export_assessment(&ws, &set, &assessment, AT).unwrap().text,
        ),
        (
            "festival plan",
            export_festival_plan(&ws, &plan, AT).unwrap().text,
        ),
        ("criteria set", export_criteria_set(&set, AT).text),
        (
            "roll-up",
            export_rollup(
                &sender,
                2025,
                &[(&unit, &assessment, &set)],
                &[(&unit, &plan)],
                AT,
            )
            .text,
        ),
        (
            "unit card",
            export_unit_card(
                &UnitCard::of(&ws, &UnitId::new("u-thon"), "Công an xã, 0912 345 678").unwrap(),
                AT,
            )
            .text,
        ),
        (
            "decision",
            export_decision(
                &Notice {
                    unit: unit.id.clone(),
                    assessment: assessment.id().to_owned(),
                    set: set.key(),
                    year: 2025,
                    decision: Recognition {
                        recognised: false,
                        number: "15/QĐ-UBND".into(),
                        on: antq::domain::calendar::Date::new(2025, 11, 10).unwrap(),
                        signer: "Chủ tịch UBND xã".into(),
                        note: "Còn vụ việc chưa giải quyết".into(),
                    },
                    from: sender.clone(),
                },
                &unit,
                AT,
            )
            .text,
        ),
    ];
    for builtin in builtin_sets() {
        files.push(("built-in set", export_criteria_set(&builtin, AT).text));
    }
    files
}

#[test]
fn every_exported_file_is_valid_against_the_published_schema() {
    let validator = validator();
    for (kind, text) in every_file() {
        let found = errors(&validator, &text);
        assert!(found.is_empty(), "{kind}: {found:#?}");
    }
}

#[test]
fn a_renamed_or_unknown_field_breaks_the_schema() {
    let validator = validator();
    let (_, text) = every_file().swap_remove(1);
    let renamed = text.replacen("\"superior_body\"", "\"superior\"", 1);
    assert_ne!(renamed, text);
    assert!(!errors(&validator, &renamed).is_empty());
    let answer = text.replacen("\"type\":\"count\"", "\"type\":\"tally\"", 1);
    assert_ne!(answer, text);
    assert!(!errors(&validator, &answer).is_empty());
}
