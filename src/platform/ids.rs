//! Identifiers for new records.

use crate::domain::UnitId;

/// A new unit id: the time in base 36 and 64 random bits, so ids made in
/// two browsers on the same day still differ when their files meet.
pub fn new_unit_id() -> UnitId {
    UnitId::new(new_id("u"))
}

/// A new record id with a prefix ("a" for assessments, "act" for actions).
pub fn new_id(prefix: &str) -> String {
    let millis = js_sys::Date::now() as u64;
    let high = (js_sys::Math::random() * f64::from(u32::MAX)) as u64;
    let low = (js_sys::Math::random() * f64::from(u32::MAX)) as u64;
    format!("{prefix}-{}-{:016x}", base36(millis), (high << 32) | low)
}

/// The id of a save of the workspace: 64 random bits in base 36, letters
/// and digits only (`format::revision`).
pub fn revision_id() -> String {
    let high = (js_sys::Math::random() * f64::from(u32::MAX)) as u64;
    let low = (js_sys::Math::random() * f64::from(u32::MAX)) as u64;
    base36((high << 32) | low)
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII digits")
}
