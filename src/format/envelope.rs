//! The head every document of the app begins with, `format` and
//! `schema_version`, checked once for all of them: the stored workspace, a
//! criteria-set file, a received record and an exchange file.

use serde_json::{Map, Value};

use super::problem::{problem, LoadError, ProblemKind};

/// The root object of `value`, once its `format` is `format` and its
/// `schema_version` one this build reads (1 to `supported`), with that
/// version. Another document of the app is of the wrong kind; anything else
/// is not the app's.
pub(crate) fn check<'a>(
    value: &'a Value,
    format: &str,
    supported: u32,
) -> Result<(&'a Map<String, Value>, u32), LoadError> {
    let Some(root) = value.as_object() else {
        return Err(LoadError::NotOurs { found: None });
    };
    match root.get("format").and_then(Value::as_str) {
        Some(found) if found == format => {}
        Some(other) if other == "antq" || other.starts_with("antq.") => {
            return Err(LoadError::WrongKind {
                found: other.to_owned(),
            })
        }
        other => {
            return Err(LoadError::NotOurs {
                found: other.map(str::to_owned),
            })
        }
    }
    match root.get("schema_version").and_then(Value::as_u64) {
        Some(version) if version > u64::from(supported) => Err(LoadError::NewerSchema {
            found: version,
            supported,
        }),
        Some(version) if version >= 1 => Ok((root, version as u32)),
        _ => Err(LoadError::Invalid {
            problems: vec![problem(
                "schema_version",
                ProblemKind::WrongType { expected: "number" },
            )],
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_head_says_whose_what_and_which_version() {
        let doc = json!({"format": "antq.workspace", "schema_version": 1});
        assert_eq!(check(&doc, "antq.workspace", 1).map(|(_, v)| v), Ok(1));
        assert_eq!(
            check(&doc, "antq.criteria-set", 1).err(),
            Some(LoadError::WrongKind {
                found: "antq.workspace".into()
            })
        );
        assert_eq!(
            check(&json!({"type": "excalidraw"}), "antq.workspace", 1).err(),
            Some(LoadError::NotOurs { found: None })
        );
        assert_eq!(
            check(
                &json!({"format": "antq.workspace", "schema_version": 9}),
                "antq.workspace",
                1
            )
            .err(),
            Some(LoadError::NewerSchema {
                found: 9,
                supported: 1
            })
        );
        assert!(matches!(
            check(&json!({"format": "antq.workspace"}), "antq.workspace", 1),
            Err(LoadError::Invalid { .. })
        ));
    }
}
