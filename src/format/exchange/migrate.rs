//! Migrations of exchange files, one table of steps from each schema
//! version to the next. The table checks itself: its steps must be ordered,
//! contiguous, and end at the version this build writes.

use serde_json::{json, Value};

use super::{checksum, EXCHANGE_SCHEMA_VERSION, FORMAT};
use crate::format::problem::{problem, LoadError, ProblemKind};

/// One step, from `from` to `from + 1`.
pub struct Migration {
    pub from: u32,
    pub title: &'static str,
    pub description: &'static str,
    pub apply: fn(Value) -> Result<Value, LoadError>,
}

/// Every step, in order. Version 0 is the first release's files, which had
/// no envelope: a bare workspace or criteria-set document.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        from: 0,
        title: "Bọc tệp của phiên bản đầu trong phong bì",
        description: "A bare antq.workspace or antq.criteria-set document becomes the content of an envelope of the matching kind, with its checksum.",
        apply: wrap_first_release,
    },
    Migration {
        from: 1,
        title: "Mã kiểm tra tính trên đúng các byte của nội dung",
        description: "Version 1's checksum is of the content written canonically (sorted keys, no spaces) and is checked when the file is opened; from version 2 it is of the content's bytes as the file holds them. The records are unchanged.",
        apply: checksum_of_bytes,
    },
];

fn checksum_of_bytes(mut value: Value) -> Result<Value, LoadError> {
    match value.as_object_mut() {
        Some(map) => {
            map.insert("schema_version".to_owned(), json!(2));
            Ok(value)
        }
        None => Err(LoadError::NotOurs { found: None }),
    }
}

fn wrap_first_release(value: Value) -> Result<Value, LoadError> {
    let kind = match value.get("format").and_then(Value::as_str) {
        Some(crate::format::workspace::FORMAT_WORKSPACE) => "workspace",
        Some(crate::format::criteria::FORMAT_CRITERIA_SET) => "criteria_set",
        other => {
            return Err(LoadError::NotOurs {
                found: other.map(str::to_owned),
            })
        }
    };
    Ok(json!({
        "format": FORMAT,
        "kind": kind,
        "schema_version": 1,
        "app_version": "",
        "exported_at": "",
        "checksum": checksum(&value),
        "content": value,
    }))
}

/// Checks the table: ordered and contiguous from 0 to the current version.
pub fn check_table() -> Result<(), String> {
    for (index, step) in MIGRATIONS.iter().enumerate() {
        if step.from != index as u32 {
            return Err(format!(
                "step {index} migrates from {}, expected {index}",
                step.from
            ));
        }
    }
    if MIGRATIONS.len() as u32 != EXCHANGE_SCHEMA_VERSION {
        return Err(format!(
            "{} steps reach version {}, but this build writes {}",
            MIGRATIONS.len(),
            MIGRATIONS.len(),
            EXCHANGE_SCHEMA_VERSION
        ));
    }
    Ok(())
}

/// Runs every step from `version` up to the current one.
pub fn migrate(mut value: Value, version: u32) -> Result<Value, LoadError> {
    for step in MIGRATIONS.iter().skip(version as usize) {
        value = (step.apply)(value)?;
    }
    if value.get("schema_version").and_then(Value::as_u64)
        != Some(u64::from(EXCHANGE_SCHEMA_VERSION))
    {
        return Err(LoadError::Invalid {
            problems: vec![problem("schema_version", ProblemKind::OutOfRange)],
        });
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_ordered_contiguous_and_complete() {
        assert_eq!(check_table(), Ok(()));
        assert!(MIGRATIONS
            .iter()
            .all(|m| !m.title.is_empty() && !m.description.is_empty()));
    }

    #[test]
    fn a_first_release_workspace_becomes_an_envelope() {
        let bare = json!({"format": "antq.workspace", "schema_version": 1, "units": []});
        let wrapped = migrate(bare.clone(), 0).unwrap();
        assert_eq!(wrapped["kind"], "workspace");
        assert_eq!(wrapped["schema_version"], EXCHANGE_SCHEMA_VERSION);
        assert_eq!(wrapped["content"], bare);
        assert_eq!(wrapped["checksum"], checksum(&bare));
    }
}
