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

    /// Reads "07-01" (month-day, as the window's fields show it); None when
    /// it is not a day of the year.
    pub fn parse(text: &str) -> Option<MonthDay> {
        let (month, day) = text.trim().split_once('-')?;
        let digits = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(month) || !digits(day) {
            return None;
        }
        let md = MonthDay::new(month.parse().ok()?, day.parse().ok()?);
        md.is_valid().then_some(md)
    }

    /// "07-01", as [`MonthDay::parse`] reads it.
    pub fn text(self) -> String {
        format!("{:02}-{:02}", self.month, self.day)
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

/// A calendar date, ordered by time. Its fields are private: a `Date`
/// exists only through [`Date::new`] and what is computed from one, so an
/// impossible date (31/02) cannot be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u32,
    day: u32,
}

impl Date {
    pub fn year(self) -> i32 {
        self.year
    }

    /// 1 to 12.
    pub fn month(self) -> u32 {
        self.month
    }

    /// 1 to the month's last day.
    pub fn day(self) -> u32 {
        self.day
    }

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

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's civil algorithm.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after this one (before, when negative).
    pub fn add_days(self, days: i64) -> Date {
        let z = self.days_since_epoch() + days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Whole days from `self` to `other` (negative when `other` is earlier).
    pub fn days_until(self, other: Date) -> i64 {
        other.days_since_epoch() - self.days_since_epoch()
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
        crate::support::decode::from_text(deserializer, |text| {
            Date::parse_iso(text).ok_or_else(|| format!("not a date (YYYY-MM-DD): {text}"))
        })
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
    fn days_of_the_year_read_as_month_day() {
        assert_eq!(MonthDay::parse("07-01"), Some(MonthDay::new(7, 1)));
        assert_eq!(MonthDay::parse(" 8-19 "), Some(MonthDay::new(8, 19)));
        assert_eq!(MonthDay::parse("02-29"), Some(MonthDay::new(2, 29)));
        assert_eq!(MonthDay::parse("13-45"), None);
        assert_eq!(MonthDay::parse("02-30"), None);
        assert_eq!(MonthDay::parse("07/01"), None);
        assert_eq!(MonthDay::parse("+7-01"), None);
        assert_eq!(MonthDay::new(7, 1).text(), "07-01");
    }

    #[test]
    fn days_are_counted_across_months_and_leap_years() {
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        assert_eq!(d(1970, 1, 1).days_since_epoch(), 0);
        assert_eq!(d(2025, 8, 19).add_days(-45), d(2025, 7, 5));
        assert_eq!(d(2024, 3, 1).add_days(-1), d(2024, 2, 29));
        assert_eq!(d(2025, 12, 31).add_days(1), d(2026, 1, 1));
        assert_eq!(d(2025, 7, 1).days_until(d(2025, 8, 19)), 49);
        for offset in [-800, -1, 0, 1, 365, 1000] {
            assert_eq!(
                d(2025, 2, 28).add_days(offset).days_since_epoch(),
                d(2025, 2, 28).days_since_epoch() + offset
            );
        }
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
