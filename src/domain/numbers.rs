//! Numbers written the Vietnamese way: a decimal comma and dots between thousands.

/// `numerator / denominator` as a percentage in tenths, rounded half up
/// (16/25 → 640, that is 64,0%). None when the denominator is zero.
pub fn percent_tenths(numerator: u64, denominator: u64) -> Option<u64> {
    if denominator == 0 {
        return None;
    }
    let tenths =
        (u128::from(numerator) * 2000 + u128::from(denominator)) / (2 * u128::from(denominator));
    Some(u64::try_from(tenths).unwrap_or(u64::MAX))
}

/// "64" or "64,5" (Vietnamese) / "64.5" (English): tenths without a useless ",0".
pub fn tenths_text(tenths: u64, decimal: char) -> String {
    let whole = tenths / 10;
    match tenths % 10 {
        0 => grouped(whole, if decimal == ',' { '.' } else { ',' }),
        fraction => format!(
            "{}{decimal}{fraction}",
            grouped(whole, if decimal == ',' { '.' } else { ',' })
        ),
    }
}

/// A whole number with a separator every three digits: 1.500.000.
pub fn grouped(value: u64, separator: char) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_are_rounded_to_tenths() {
        assert_eq!(percent_tenths(16, 25), Some(640));
        assert_eq!(percent_tenths(2, 3), Some(667));
        assert_eq!(percent_tenths(1, 8), Some(125));
        assert_eq!(percent_tenths(1, 0), None);
        assert_eq!(percent_tenths(u64::MAX, 1), Some(u64::MAX));
    }

    #[test]
    fn numbers_read_the_vietnamese_way() {
        assert_eq!(tenths_text(640, ','), "64");
        assert_eq!(tenths_text(667, ','), "66,7");
        assert_eq!(tenths_text(667, '.'), "66.7");
        assert_eq!(grouped(1_500_000, '.'), "1.500.000");
        assert_eq!(grouped(999, '.'), "999");
        assert_eq!(tenths_text(123_450, ','), "12.345");
    }
}
