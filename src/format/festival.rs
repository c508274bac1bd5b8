//! The festival template's file (`catalog/festival-template.json`), read as
//! every other document is: each problem named at its JSON path.

use super::problem::{problem, LoadError, ProblemKind};
use crate::domain::festival::FestivalTemplate;

/// The festival template from its JSON text, its steps' and tasks' ids
/// each used once (a plan's items and tasks are made under them).
pub fn decode_festival_template(text: &str) -> Result<FestivalTemplate, LoadError> {
    let template: FestivalTemplate = super::problem::record(text, "")?;
    let lists = [
        (
            "ceremony",
            template.ceremony.iter().map(|i| &i.id).collect::<Vec<_>>(),
        ),
        (
            "festivity",
            template.festivity.iter().map(|i| &i.id).collect(),
        ),
        ("tasks", template.tasks.iter().map(|t| &t.id).collect()),
    ];
    let mut problems = Vec::new();
    for (list, ids) in lists {
        for (index, id) in ids.iter().enumerate() {
            if ids[..index].contains(id) {
                problems.push(problem(
                    format!("{list}[{index}].id"),
                    ProblemKind::DuplicateId { id: (*id).clone() },
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(template)
    } else {
        Err(LoadError::Invalid { problems })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::problem::Problem;
    use serde_json::{json, Value};

    fn template() -> Value {
        json!({
            "id": "t", "version": 1, "title": {"vi": "Mẫu", "en": "Template"},
            "ceremony": [{"id": "a", "label": {"vi": "Khai mạc", "en": "Opening"}, "minutes": 5}],
            "festivity": [],
            "tasks": [{"id": "k", "label": {"vi": "Kế hoạch", "en": "Plan"}, "days_before": 30}]
        })
    }

    #[test]
    fn a_template_is_read_and_its_problems_named_at_their_paths() {
        let read = decode_festival_template(&template().to_string()).unwrap();
        assert_eq!(read.ceremony[0].minutes, 5);

        let mut wrong = template();
        wrong["tasks"][0]["days_before"] = json!("ba mươi");
        let Err(LoadError::Invalid { problems }) = decode_festival_template(&wrong.to_string())
        else {
            panic!("a text for a number is refused");
        };
        assert_eq!(problems[0].path, "tasks[0].days_before");

        let mut twice = template();
        twice["tasks"] = json!([twice["tasks"][0].clone(), twice["tasks"][0].clone()]);
        let Err(LoadError::Invalid { problems }) = decode_festival_template(&twice.to_string())
        else {
            panic!("a task id used twice is refused");
        };
        assert_eq!(
            problems,
            vec![Problem {
                path: "tasks[1].id".into(),
                kind: ProblemKind::DuplicateId { id: "k".into() }
            }]
        );
    }
}
