//! Test support: sample records, and single-node mutations of a JSON
//! document, for the property tests that compare two readings of the same
//! broken input.

use serde_json::{json, Value};

/// Every node of `value`, as the steps from the root to it.
pub fn nodes(value: &Value, at: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(at.clone());
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                at.push(Value::String(key.clone()));
                nodes(item, at, out);
                at.pop();
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                at.push(json!(index));
                nodes(item, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

/// Replaces (or, with `None`, removes) the node at `steps`.
pub fn mutate(value: &mut Value, steps: &[Value], with: Option<Value>) {
    let Some((last, parents)) = steps.split_last() else {
        if let Some(with) = with {
            *value = with;
        }
        return;
    };
    let mut node = value;
    for step in parents {
        node = match step {
            Value::String(key) => &mut node[key.as_str()],
            other => &mut node[other.as_u64().unwrap() as usize],
        };
    }
    match (last, with) {
        (Value::String(key), Some(with)) => node[key.as_str()] = with,
        (Value::String(key), None) => {
            node.as_object_mut().unwrap().remove(key);
        }
        (index, Some(with)) => node[index.as_u64().unwrap() as usize] = with,
        (index, None) => {
            node.as_array_mut()
                .unwrap()
                .remove(index.as_u64().unwrap() as usize);
        }
    }
}

pub fn replacement(choice: usize) -> Option<Value> {
    [
        None,
        Some(Value::Null),
        Some(json!(true)),
        Some(json!(-1)),
        Some(json!(1.5)),
        Some(json!(4_294_967_296_u64)),
        Some(json!("x")),
        Some(json!("31/02")),
        Some(json!([])),
        Some(json!([1, "a"])),
        Some(json!({})),
        Some(json!({"type": "nope"})),
        Some(json!({"type": "count"})),
    ][choice % 13]
        .clone()
}

/// `original` with one node, picked by `node`, replaced as `choice` says.
pub fn mutated(original: &Value, node: &proptest::sample::Index, choice: usize) -> Value {
    let mut all: Vec<Vec<Value>> = Vec::new();
    nodes(original, &mut Vec::new(), &mut all);
    let mut value = original.clone();
    mutate(&mut value, node.get(&all).as_slice(), replacement(choice));
    value
}

/// The assessment of the golden backup, as JSON.
pub fn sample_assessment() -> Value {
    let fixture: Value =
        serde_json::from_str(include_str!("../../tests/fixtures/v2-workspace.json")).unwrap();
    fixture["content"]["assessments"][0].clone()
}

/// A festival plan made from the built-in template, as JSON.
pub fn sample_plan() -> Value {
    use crate::domain::festival::FestivalPlan;
    let unit = crate::domain::UnitId::new("u-thon-dong");
    let mut plan = FestivalPlan::new("p".into(), unit, 2025, "Ngày hội".into());
    let template: crate::domain::festival::FestivalTemplate =
        serde_json::from_str(include_str!("../catalog/festival-template.json")).unwrap();
    template.apply(&mut plan, crate::domain::Language::Vi);
    serde_json::to_value(&plan).unwrap()
}

/// A built-in criteria set's file, as JSON: the catalogue's text, read here
/// without the catalogue, which itself reads through `format`.
pub fn sample_set() -> Value {
    serde_json::from_str(include_str!("../catalog/tt124-khu-dan-cu.json")).unwrap()
}
