//! Preferences of this browser, kept apart from the workspace: they are not
//! exported with the data and never travel to another unit.

/// The language of the interface. Vietnamese comes first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Language {
    #[default]
    Vi,
    En,
}

impl Language {
    /// The BCP 47 tag, as used for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Language::Vi => "vi",
            Language::En => "en",
        }
    }

    /// Reads a tag; anything but English is Vietnamese.
    pub fn from_tag(tag: &str) -> Language {
        if tag.trim().eq_ignore_ascii_case("en")
            || tag.trim().to_ascii_lowercase().starts_with("en-")
        {
            Language::En
        } else {
            Language::Vi
        }
    }

    /// The other language, for the switch in the header.
    pub fn other(self) -> Language {
        match self {
            Language::Vi => Language::En,
            Language::En => Language::Vi,
        }
    }
}

/// What this browser remembers besides the workspace.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prefs {
    pub language: Language,
    /// The one-line notice that data lives only in this browser was dismissed.
    pub storage_notice_dismissed: bool,
    /// The last whole-workspace backup: its day and the revision it held.
    pub last_backup: Option<(crate::domain::calendar::Date, u64)>,
}

/// Whether to remind the user to back up: the data changed since the last
/// backup, and either a week has passed since it, or there never was one and
/// the data has been saved twenty times.
pub fn needs_backup_reminder(
    revision: u64,
    last_backup: Option<(crate::domain::calendar::Date, u64)>,
    today: crate::domain::calendar::Date,
) -> bool {
    match last_backup {
        None => revision >= 20,
        Some((day, saved)) => revision > saved && day.days_until(today) >= 7,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backup_reminder_waits_for_changes_and_a_week() {
        let day = |d| crate::domain::calendar::Date::new(2025, 11, d).unwrap();
        assert!(!needs_backup_reminder(19, None, day(1)));
        assert!(needs_backup_reminder(20, None, day(1)));
        assert!(!needs_backup_reminder(30, Some((day(1), 30)), day(20)));
        assert!(!needs_backup_reminder(31, Some((day(1), 30)), day(7)));
        assert!(needs_backup_reminder(31, Some((day(1), 30)), day(8)));
    }

    #[test]
    fn tags_round_trip_and_default_to_vietnamese() {
        for lang in [Language::Vi, Language::En] {
            assert_eq!(Language::from_tag(lang.tag()), lang);
        }
        assert_eq!(Language::from_tag("EN-gb"), Language::En);
        assert_eq!(Language::from_tag("fr"), Language::Vi);
        assert_eq!(Language::from_tag(""), Language::Vi);
        assert_eq!(Language::Vi.other().other(), Language::Vi);
    }
}
