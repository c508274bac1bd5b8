//! The stored preferences of this browser. Unreadable preferences fall back
//! to the defaults: they are a convenience, never data the user would miss.

use serde::{Deserialize, Serialize};

use crate::domain::{Language, Prefs};

#[derive(Serialize, Deserialize, Default)]
struct PrefsV1 {
    #[serde(default)]
    language: String,
    #[serde(default)]
    storage_notice_dismissed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_backup_date: Option<crate::domain::calendar::Date>,
    #[serde(default)]
    last_backup_revision: u64,
}

pub fn encode_prefs(prefs: &Prefs) -> String {
    let stored = PrefsV1 {
        language: prefs.language.tag().to_owned(),
        storage_notice_dismissed: prefs.storage_notice_dismissed,
        last_backup_date: prefs.last_backup.map(|(d, _)| d),
        last_backup_revision: prefs.last_backup.map(|(_, r)| r).unwrap_or(0),
    };
    serde_json::to_string(&stored).expect("preferences always serialise")
}

pub fn decode_prefs(text: &str) -> Prefs {
    let stored: PrefsV1 = serde_json::from_str(text).unwrap_or_default();
    Prefs {
        language: Language::from_tag(&stored.language),
        storage_notice_dismissed: stored.storage_notice_dismissed,
        last_backup: stored
            .last_backup_date
            .map(|d| (d, stored.last_backup_revision)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefs_round_trip_and_garbage_gives_defaults() {
        let prefs = Prefs {
            language: Language::En,
            storage_notice_dismissed: true,
            last_backup: crate::domain::calendar::Date::new(2025, 3, 1).map(|d| (d, 12)),
        };
        assert_eq!(decode_prefs(&encode_prefs(&prefs)), prefs);
        assert_eq!(decode_prefs("not json"), Prefs::default());
        assert_eq!(decode_prefs(r#"{"language":42}"#), Prefs::default());
    }
}
