//! Identifiers for new records.

use crate::domain::UnitId;

/// A new unit id: the time in base 36 and 64 random bits, so ids made in
/// two browsers on the same day still differ when their files meet.
pub fn new_unit_id() -> UnitId {
    UnitId::new(new_id("u"))
}

/// A new record id with a prefix ("a" for assessments, "act" for actions).
pub fn new_id(prefix: &str) -> String {
    let millis = super::clock::now_millis();
    format!("{prefix}-{}-{:016x}", base36(millis), random_u64())
}

/// The id of a save of the workspace: 64 random bits in base 36, letters
/// and digits only (`format::revision`).
pub fn revision_id() -> String {
    base36(random_u64())
}

/// 64 bits from the browser's cryptographic generator
/// (`crypto.getRandomValues`).
fn random_u64() -> u64 {
    let mut bytes = [0u8; 8];
    let crypto = web_sys::window().and_then(|w| w.crypto().ok());
    if let Some(crypto) = crypto {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    u64::from_le_bytes(bytes)
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
