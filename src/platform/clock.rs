//! The wall clock, read from the browser.

/// The local date as (year, month 1–12, day 1–31).
pub fn today() -> (i32, u32, u32) {
    let now = js_sys::Date::new_0();
    (
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
}

/// The local time as "HH:MM", for "Đã lưu lúc HH:MM".
pub fn now_hh_mm() -> String {
    let now = js_sys::Date::new_0();
    format!("{:02}:{:02}", now.get_hours(), now.get_minutes())
}

/// Today's local date.
pub fn today_date() -> crate::domain::calendar::Date {
    let (year, month, day) = today();
    crate::domain::calendar::Date::new(year, month, day).expect("the browser's date exists")
}

/// The present instant in UTC as an iCalendar stamp, "YYYYMMDDTHHMMSSZ".
pub fn utc_stamp() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        now.get_utc_full_year(),
        now.get_utc_month() + 1,
        now.get_utc_date(),
        now.get_utc_hours(),
        now.get_utc_minutes(),
        now.get_utc_seconds()
    )
}

/// Milliseconds since 1970 (UTC), for ids made now.
pub fn now_millis() -> u64 {
    js_sys::Date::now() as u64
}

/// The present instant in UTC as "YYYY-MM-DDTHH:MM:SSZ", the time of an export.
pub fn iso_stamp() -> String {
    let iso = js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default();
    iso.chars().take(19).collect::<String>() + "Z"
}
