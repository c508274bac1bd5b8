//! Text normalisation for names typed by users.

/// Normalises a name as typed: NFC (of Latin text, `domain::latin`), so that "Hiếu" typed with a
/// combining-mark keyboard equals "Hiếu" typed precomposed; surrounding
/// white space trimmed and inner runs of white space folded to one space.
///
/// ```
/// use antq::domain::text::normalise_name;
/// assert_eq!(normalise_name("  Thôn\u{0020}\u{0020}Hie\u{0302}\u{0301}u "), "Thôn Hiếu");
/// ```
pub fn normalise_name(raw: &str) -> String {
    let nfc = super::latin::nfc(raw);
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The longest name a unit may have, in characters. Long enough for
/// "Trường Trung học phổ thông chuyên …" and a district, short enough to print.
pub const MAX_NAME_CHARS: usize = 200;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_and_precomposed_vietnamese_are_equal_after_normalising() {
        let decomposed = "Hie\u{0302}\u{0301}u";
        let precomposed = "Hi\u{1EBF}u";
        assert_ne!(decomposed, precomposed);
        assert_eq!(normalise_name(decomposed), normalise_name(precomposed));
        assert_eq!(normalise_name(decomposed), precomposed);
    }

    #[test]
    fn white_space_is_trimmed_and_folded() {
        assert_eq!(normalise_name("\t Tổ  dân \n phố 5  "), "Tổ dân phố 5");
        assert_eq!(normalise_name("   "), "");
    }
}
