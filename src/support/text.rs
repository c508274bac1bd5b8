//! Text normalisation for names typed by users.

/// Normalises a name as typed: NFC (of Latin text, `support::latin`), so that "Hiếu" typed with a
/// combining-mark keyboard equals "Hiếu" typed precomposed; zero-width
/// characters taken out; surrounding white space trimmed and inner runs of
/// white space folded to one space.
///
/// ```
/// use antq::support::text::normalise_name;
/// assert_eq!(normalise_name("  Thôn\u{0020}\u{0020}Hie\u{0302}\u{0301}u "), "Thôn Hiếu");
/// ```
pub fn normalise_name(raw: &str) -> String {
    let nfc = super::latin::nfc(raw);
    // Invisible characters would make two names that look alike differ.
    let visible: String = nfc.chars().filter(|c| !is_zero_width(*c)).collect();
    visible.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Zero-width spaces and joiners, and the byte-order mark inside text.
fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// A text with its `{name}` placeholders filled from `args`; a placeholder
/// without an argument is left as it is. `{name|one|other}` is the word
/// for a count: `one` when `name` is 1, else `other` (English plurals).
///
/// ```
/// use antq::support::text::fill;
/// assert_eq!(fill("{count} đơn vị, {name}", &[("count", "3".into()), ("name", "Thôn {A}".into())]), "3 đơn vị, Thôn {A}");
/// assert_eq!(fill("{n} {n|unit|units}", &[("n", "1".into())]), "1 unit");
/// assert_eq!(fill("{n} {n|unit|units}", &[("n", "0".into())]), "0 units");
/// ```
pub fn fill(template: &str, args: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let mut parts = after[..close].split('|');
            let name = parts.next().unwrap_or_default();
            let (one, other) = (parts.next(), parts.next());
            let value = args.iter().find(|(arg, _)| *arg == name)?.1.as_str();
            match (one, other) {
                (Some(one), Some(other)) => {
                    let word = if value.trim() == "1" { one } else { other };
                    Some((close, word, false))
                }
                _ => Some((close, value, true)),
            }
        });
        match value {
            Some((close, value, isolated)) => {
                if isolated {
                    push_isolated(&mut out, value);
                } else {
                    out.push_str(value);
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Appends `value`, a user's text inside a sentence of the app; one that
/// holds right-to-left letters or direction controls (a right-to-left
/// override) is isolated between FSI and PDI, so it cannot turn the words
/// around it. Other text goes in as it is.
fn push_isolated(out: &mut String, value: &str) {
    if value.chars().any(turns_direction) {
        out.push('\u{2068}');
        out.push_str(value);
        out.push('\u{2069}');
    } else {
        out.push_str(value);
    }
}

/// Right-to-left letters (Hebrew to Arabic, and their presentation forms)
/// and the Unicode direction controls.
fn turns_direction(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}'
        | '\u{FB1D}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}'
        | '\u{200E}' | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}')
}

/// The longest name a unit may have, in characters. Long enough for
/// "Trường Trung học phổ thông chuyên …" and a district, short enough to print.
pub const MAX_NAME_CHARS: usize = 200;

/// The key that sorts names in Vietnamese alphabetical order: a ă â b c d
/// đ e ê g … o ô ơ … u ư …, letter by letter with case and tones set aside,
/// then by tone (ngang, huyền, hỏi, ngã, sắc, nặng), then as written. Every
/// list of units sorts by it.
///
/// ```
/// use antq::support::{order, text::sort_key};
/// let mut names = vec!["Thôn Tây", "Thôn Đông", "thôn Dừa", "Thôn Ân"];
/// order::sort_by_key(&mut names, |n| sort_key(n));
/// assert_eq!(names, ["Thôn Ân", "thôn Dừa", "Thôn Đông", "Thôn Tây"]);
/// ```
pub fn sort_key(name: &str) -> (Vec<u32>, Vec<u8>, String) {
    let decomposed = super::latin::nfd(&name.to_lowercase());
    let mut letters: Vec<u32> = Vec::with_capacity(decomposed.len());
    let mut tones: Vec<u8> = Vec::new();
    for c in decomposed.chars() {
        let tone = match c {
            '\u{0300}' => Some(1),
            '\u{0309}' => Some(2),
            '\u{0303}' => Some(3),
            '\u{0301}' => Some(4),
            '\u{0323}' => Some(5),
            _ => None,
        };
        if let Some(tone) = tone {
            if let Some(last) = tones.last_mut() {
                *last = tone;
            }
            continue;
        }
        let modifier = match c {
            '\u{0306}' => Some(1),
            '\u{0302}' => Some(2),
            '\u{031B}' => Some(3),
            _ => None,
        };
        match (modifier, letters.last_mut()) {
            (Some(m), Some(last)) => {
                // â after ă; ô before ơ: the circumflex of o ranks first.
                let base = char::from_u32(*last / 4).unwrap_or(' ');
                *last += match (base, m) {
                    ('o', 2) => 1,
                    ('o', 3) => 2,
                    ('u', 3) | ('e', 2) => 1,
                    _ => m,
                };
            }
            _ => {
                letters.push(match c {
                    'đ' => ('d' as u32) * 4 + 1,
                    c => (c as u32) * 4,
                });
                tones.push(0);
            }
        }
    }
    (letters, tones, name.to_owned())
}

/// An ASCII file-name part: "Xã Tân Lập" → "xa-tan-lap".
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in crate::support::latin::nfd(name).chars() {
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if (c.is_whitespace() || c == '-' || c == '_')
            && !out.ends_with('-')
            && !out.is_empty()
        {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
}

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
    fn placeholders_are_filled_once_each_and_values_are_not_read_again() {
        let args = [("a", "{b}".to_owned()), ("b", "2".to_owned())];
        assert_eq!(fill("{a}-{b}-{c}-{", &args), "{b}-2-{c}-{");
        assert_eq!(fill("", &args), "");
        assert_eq!(fill("Không có gì", &[]), "Không có gì");
    }

    #[test]
    fn a_value_that_could_turn_the_sentence_around_is_isolated() {
        let args = [("name", "Thôn \u{202E}gnôĐ".to_owned())];
        assert_eq!(
            fill("Đã thêm «{name}».", &args),
            "Đã thêm «\u{2068}Thôn \u{202E}gnôĐ\u{2069}»."
        );
        // Vietnamese goes in untouched.
        assert_eq!(
            fill("«{name}»", &[("name", "Thôn Đồng".into())]),
            "«Thôn Đồng»"
        );
    }

    #[test]
    fn zero_width_characters_are_taken_out_of_names() {
        assert_eq!(normalise_name("Thôn\u{200B} Đồng\u{FEFF}"), "Thôn Đồng");
        assert_eq!(normalise_name("\u{200D}"), "");
    }

    #[test]
    fn white_space_is_trimmed_and_folded() {
        assert_eq!(normalise_name("\t Tổ  dân \n phố 5  "), "Tổ dân phố 5");
        assert_eq!(normalise_name("   "), "");
    }
}
