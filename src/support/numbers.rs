//! Numbers written the Vietnamese way: a decimal comma and dots between thousands.

/// `numerator / denominator` as a percentage in tenths, rounded half up
/// (16/25 → 640, that is 64,0%). None when the denominator is zero.
pub fn percent_tenths(numerator: u64, denominator: u64) -> Option<u64> {
    rounded_tenths(u128::from(numerator) * 100, u128::from(denominator))
}

/// `numerator / denominator` in tenths, rounded half up; None over zero.
fn rounded_tenths(numerator: u128, denominator: u128) -> Option<u64> {
    if denominator == 0 {
        return None;
    }
    let tenths = (numerator * 20 + denominator) / (2 * denominator);
    Some(u64::try_from(tenths).unwrap_or(u64::MAX))
}

/// Tenths always with their one decimal, the Vietnamese way: "20,3", "0,0".
/// (Written from integers: formatting a float would bring its own 15 KB
/// of code into the wasm.)
pub fn one_decimal(tenths: u64) -> String {
    format!("{},{}", grouped(tenths / 10, '.'), tenths % 10)
}

/// A size in bytes as megabytes (MiB) with one decimal: "20,3".
pub fn megabytes(bytes: u64) -> String {
    one_decimal(rounded_tenths(u128::from(bytes), 1 << 20).unwrap_or_default())
}

/// `part` of `whole` as a percentage with one decimal: "2,7".
pub fn percent_one_decimal(part: u64, whole: u64) -> String {
    one_decimal(percent_tenths(part, whole).unwrap_or_default())
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

/// An amount in đồng the Vietnamese way: "1.500.000 đ".
pub fn dong(amount: u64) -> String {
    format!("{} đ", grouped(amount, '.'))
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

/// Why a typed whole number (an amount, a count) was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WholeError {
    /// "-5": below zero.
    Negative,
    /// "abc", "1,5", "1.50": not digits in groups of three.
    NotWhole,
    /// More than the field can hold.
    TooLarge,
}

/// Reads a whole number of 0 or more as people type it: "1500000",
/// "1.500.000" or "1 500 000" (a dot, comma or space between groups of
/// three digits). Empty is `None`.
pub fn parse_whole(text: &str) -> Result<Option<u64>, WholeError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if let Some(rest) = text.strip_prefix('-') {
        return match parse_whole(rest) {
            Ok(Some(0)) => Ok(Some(0)),
            Ok(Some(_)) | Err(WholeError::TooLarge) => Err(WholeError::Negative),
            _ => Err(WholeError::NotWhole),
        };
    }
    let groups: Vec<&str> = text.split(['.', ',', ' ', '\u{a0}']).collect();
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let well_grouped = groups.iter().all(|g| digits(g))
        && groups.iter().skip(1).all(|g| g.len() == 3)
        && (groups.len() == 1 || groups[0].len() <= 3);
    if !well_grouped {
        return Err(WholeError::NotWhole);
    }
    groups
        .concat()
        .parse()
        .map(Some)
        .map_err(|_| WholeError::TooLarge)
}

/// "7/10 (70%)", "2/3 (66,7%)": the decimal mark is the language's on
/// screen, ',' on printed documents.
pub fn share(part: usize, whole: usize, decimal: char) -> String {
    match percent_tenths(part as u64, whole as u64) {
        Some(tenths) => format!("{part}/{whole} ({}%)", tenths_text(tenths, decimal)),
        None => format!("{part}/{whole}"),
    }
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
        assert_eq!(megabytes(21 * 1024 * 1024 + 300 * 1024), "21,3");
        assert_eq!(megabytes(0), "0,0");
        assert_eq!(megabytes(1024 * 1024 * 1024 * 2), "2.048,0");
        assert_eq!(percent_one_decimal(143_390, 5_242_880), "2,7");
        assert_eq!(percent_one_decimal(1, 0), "0,0");
        assert_eq!(percent_tenths(u64::MAX, 1), Some(u64::MAX));
    }

    #[test]
    fn numbers_read_the_vietnamese_way() {
        assert_eq!(tenths_text(640, ','), "64");
        assert_eq!(tenths_text(667, ','), "66,7");
        assert_eq!(tenths_text(667, '.'), "66.7");
        assert_eq!(grouped(1_500_000, '.'), "1.500.000");
        assert_eq!(grouped(999, '.'), "999");
        assert_eq!(dong(1_500_000), "1.500.000 đ");
        assert_eq!(tenths_text(123_450, ','), "12.345");
    }

    #[test]
    fn whole_numbers_are_read_as_typed_or_refused_with_a_reason() {
        assert_eq!(parse_whole(""), Ok(None));
        assert_eq!(parse_whole("  "), Ok(None));
        assert_eq!(parse_whole("1500000"), Ok(Some(1_500_000)));
        assert_eq!(parse_whole("1.500.000"), Ok(Some(1_500_000)));
        assert_eq!(parse_whole("1 500 000"), Ok(Some(1_500_000)));
        assert_eq!(parse_whole("-0"), Ok(Some(0)));
        assert_eq!(parse_whole("-5"), Err(WholeError::Negative));
        assert_eq!(parse_whole("-1.000"), Err(WholeError::Negative));
        assert_eq!(parse_whole("abc"), Err(WholeError::NotWhole));
        assert_eq!(parse_whole("1,5"), Err(WholeError::NotWhole));
        assert_eq!(parse_whole("1.50"), Err(WholeError::NotWhole));
        assert_eq!(parse_whole("1500.000"), Err(WholeError::NotWhole));
        assert_eq!(parse_whole("1e5"), Err(WholeError::NotWhole));
        assert_eq!(parse_whole("--5"), Err(WholeError::NotWhole));
        assert_eq!(
            parse_whole("99999999999999999999"),
            Err(WholeError::TooLarge)
        );
    }
}
