//! Calendar dates without a clock: the core compares dates it is given.

use serde::{Deserialize, Serialize};

/// A day of the year, without the year: "15/11".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct MonthDay {
    pub month: u32,
    pub day: u32,
}

impl MonthDay {
    pub const fn new(month: u32, day: u32) -> MonthDay {
        MonthDay { month, day }
    }

    /// True when the day exists in some year (29/02 does).
    pub fn is_valid(self) -> bool {
        (1..=12).contains(&self.month)
            && self.day >= 1
            && self.day <= days_in_month(2024, self.month)
    }

    /// This day in `year`; 29/02 falls back to 28/02 in common years.
    pub fn in_year(self, year: i32) -> Date {
        let day = self.day.min(days_in_month(year, self.month));
        Date {
            year,
            month: self.month,
            day,
        }
    }
}

/// A calendar date, ordered by time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// A date, if it exists.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Reads "YYYY-MM-DD".
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        Date::new(year, month, day)
    }

    /// "YYYY-MM-DD", as stored.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// "ngày 05 tháng 02 năm 2025": Nghị định 30/2020 puts a 0 before days
    /// 1 to 9 and months 1 and 2 only.
    pub fn long_vietnamese(self) -> String {
        let month = if self.month <= 2 {
            format!("{:02}", self.month)
        } else {
            self.month.to_string()
        };
        format!("ngày {:02} tháng {month} năm {}", self.day, self.year)
    }

    /// "dd/mm/yyyy", as Vietnamese documents write dates.
    pub fn vietnamese(self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse_iso(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a date (YYYY-MM-DD): {text}")))
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_validate_and_order() {
        assert_eq!(Date::parse_iso("2025-03-31"), Date::new(2025, 3, 31));
        assert_eq!(Date::parse_iso("2025-02-29"), None);
        assert!(Date::parse_iso("2024-02-29").is_some());
        assert_eq!(Date::parse_iso("31/03/2025"), None);
        assert!(Date::new(2025, 3, 31) < Date::new(2025, 4, 1));
        assert_eq!(Date::new(2025, 3, 9).unwrap().vietnamese(), "09/03/2025");
    }

    #[test]
    fn document_dates_follow_decree_30() {
        assert_eq!(
            Date::new(2025, 2, 5).unwrap().long_vietnamese(),
            "ngày 05 tháng 02 năm 2025"
        );
        assert_eq!(
            Date::new(2025, 11, 28).unwrap().long_vietnamese(),
            "ngày 28 tháng 11 năm 2025"
        );
        assert_eq!(
            Date::new(2025, 3, 1).unwrap().long_vietnamese(),
            "ngày 01 tháng 3 năm 2025"
        );
    }

    #[test]
    fn a_leap_day_falls_back_in_common_years() {
        assert_eq!(
            MonthDay::new(2, 29).in_year(2025),
            Date::new(2025, 2, 28).unwrap()
        );
        assert!(MonthDay::new(2, 29).is_valid());
        assert!(!MonthDay::new(4, 31).is_valid());
    }
}
