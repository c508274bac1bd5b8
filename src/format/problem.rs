//! Errors found while reading a document, as data: the UI words them.

/// One thing wrong at one place in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// A JSON path such as `units[3].name`.
    pub path: String,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// A required field is absent.
    Missing,
    /// The value has the wrong JSON type; `expected` is "text", "number", "list"…
    WrongType { expected: &'static str },
    /// A text field is empty where a value is required.
    Empty,
    /// A unit kind code that this version does not know.
    UnknownUnitKind { code: String },
    /// Two records share one identifier.
    DuplicateId { id: String },
    /// The value does not fit the expected shape; `detail` is the parser's
    /// own words, for what [`from_serde`] cannot put in the user's.
    Shape { detail: String },
    /// A name the field does not know ("daycare" for a school level), and
    /// those it does.
    UnknownName { found: String, allowed: String },
    /// A field given twice in one object.
    DuplicateField { field: String },
    /// A percentage above 100.
    PercentAbove100 { value: u32 },
    /// A number outside what the field allows.
    OutOfRange,
    /// A day and month that do not exist.
    InvalidDate,
    /// A reference to an indicator that is not in the set.
    UnknownReference { id: String },
    /// Composite indicators that name each other in a circle.
    Cycle { ids: Vec<String> },
    /// An assessment made with a set that is not for its unit's kind.
    SetNotForKind { set: String, kind: &'static str },
    /// An answer of another kind than its indicator (`expected`: the indicator's).
    AnswerKindMismatch { expected: &'static str },
    /// The envelope says one year, the record another.
    YearMismatch { envelope: i32, content: i32 },
    /// A year outside `format::records::YEARS`.
    YearOutOfRange { year: i32 },
}

/// Why a whole document could not be read. Stored data is left untouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The text is not JSON at all.
    NotJson { line: usize, column: usize },
    /// It is JSON, but not a document of this app (or of another kind).
    NotOurs { found: Option<String> },
    /// It was written by a newer version of the app.
    NewerSchema { found: u64, supported: u32 },
    /// A document of this app, but of another kind (a criteria set given as a workspace).
    WrongKind { found: String },
    /// Larger than the import limit; the size in bytes.
    TooLarge { bytes: usize, limit: usize },
    /// The content does not match the checksum the file carries.
    ChecksumMismatch,
    /// It is ours, but some records are broken.
    Invalid { problems: Vec<Problem> },
}

/// Any text as JSON, or where it stops being JSON.
pub(crate) fn parse_json(text: &str) -> Result<serde_json::Value, LoadError> {
    serde_json::from_str(text).map_err(|err| LoadError::NotJson {
        line: err.line(),
        column: err.column(),
    })
}

/// A document whose record at `path` names `id`, which it does not hold.
pub(crate) fn unknown_reference(path: impl Into<String>, id: impl Into<String>) -> LoadError {
    LoadError::Invalid {
        problems: vec![problem(
            path,
            ProblemKind::UnknownReference { id: id.into() },
        )],
    }
}

/// The path `inner` below `prefix`: `content` and `units[0]` give
/// `content.units[0]`; an empty prefix leaves `inner` as it is, and an empty
/// or whole-document (`.`) `inner` is the prefix itself.
pub(crate) fn joined_path(prefix: &str, inner: &str) -> String {
    match (prefix.is_empty(), inner) {
        (true, _) => inner.to_owned(),
        (false, "" | ".") => prefix.to_owned(),
        (false, _) => format!("{prefix}.{inner}"),
    }
}

/// `problems` found in a part of a document, named from the document's root.
pub(crate) fn under(prefix: &str, problems: Vec<Problem>) -> Vec<Problem> {
    problems
        .into_iter()
        .map(|p| Problem {
            path: joined_path(prefix, &p.path),
            kind: p.kind,
        })
        .collect()
}

pub(crate) fn problem(path: impl Into<String>, kind: ProblemKind) -> Problem {
    Problem {
        path: path.into(),
        kind,
    }
}

/// Reads a record of type `T` from `value`, naming the path (below
/// `prefix`) of the first field of the wrong shape. The one place serde's
/// errors become problems.
///
/// The record is decoded from its compact text by the same decoder as the
/// direct reading of a document, so each record type has one decoder in
/// the wasm rather than one per reading (and none through a path-tracking
/// wrapper). The path is then found from where the decoder stopped:
/// serde_json names the byte it stopped at, and the innermost value of the
/// text that spans it is the one at fault (a test checks these paths
/// against serde_path_to_error's).
pub(crate) fn deserialize_at<T: serde::de::DeserializeOwned>(
    value: &serde_json::Value,
    prefix: &str,
) -> Result<T, Problem> {
    deserialize_text(&value.to_string(), prefix)
}

/// Reads a record of type `T` from its own slice of a document's `text`
/// (well-formed JSON), naming the path below `prefix` of the first field
/// of the wrong shape, as [`deserialize_at`] does.
pub(crate) fn deserialize_text<'de, T: serde::Deserialize<'de>>(
    text: &'de str,
    prefix: &str,
) -> Result<T, Problem> {
    serde_json::from_str::<T>(text).map_err(|err| {
        let words = err.to_string();
        let inner = byte_at(text, err.line(), err.column())
            .map_or_else(|| ".".to_owned(), |at| path_at(text, at, &words));
        let path = joined_path(prefix, &inner);
        let suffix = format!(" at line {} column {}", err.line(), err.column());
        from_serde(path, words.strip_suffix(&suffix).unwrap_or(&words))
    })
}

/// The byte of `text` at serde_json's line and column (both from 1; column
/// 0 is before the line's first byte, which names no byte).
fn byte_at(text: &str, line: usize, column: usize) -> Option<usize> {
    if line == 0 || column == 0 {
        return None;
    }
    let start: usize = text.split('\n').take(line - 1).map(|l| l.len() + 1).sum();
    let at = start + column - 1;
    (at < text.len()).then_some(at)
}

/// `error`'s problems, below `prefix`.
pub(crate) fn prefixed(prefix: &str, error: LoadError) -> LoadError {
    match error {
        LoadError::Invalid { problems } => LoadError::Invalid {
            problems: under(prefix, problems),
        },
        other => other,
    }
}

/// A record of type `T` from its slice `text`, at `path`.
pub(crate) fn record<'de, T: serde::Deserialize<'de>>(
    text: &'de str,
    path: &str,
) -> Result<T, LoadError> {
    deserialize_text::<T>(text, path).map_err(|p| LoadError::Invalid { problems: vec![p] })
}

/// A field the content must have, as its slice of the text.
pub(crate) fn required<'a>(
    field: Option<&'a serde_json::value::RawValue>,
    path: &str,
) -> Result<&'a str, LoadError> {
    field
        .map(serde_json::value::RawValue::get)
        .ok_or_else(|| LoadError::Invalid {
            problems: vec![problem(path, ProblemKind::Missing)],
        })
}

/// A problem at `path` from serde's words `detail`, put as data the UI words
/// in the user's language: a missing field (at the field's own path), a
/// wrong type, an unknown name, a value out of range, a repeated field;
/// anything else keeps serde's words.
pub(crate) fn from_serde(path: String, detail: &str) -> Problem {
    let quoted = |prefix: &str| {
        let rest = detail.strip_prefix(prefix)?;
        Some(rest[..rest.find('`')?].to_owned())
    };
    if let Some(field) = quoted("missing field `") {
        return problem(joined_path(&path, &field), ProblemKind::Missing);
    }
    if let Some(field) = quoted("duplicate field `") {
        return problem(path, ProblemKind::DuplicateField { field });
    }
    if let Some(found) = quoted("unknown variant `") {
        let allowed = detail
            .split_once("expected ")
            .map(|(_, names)| {
                names
                    .trim_start_matches("one of ")
                    .replace(" or ", ", ")
                    .replace('`', "")
            })
            .unwrap_or_default();
        return problem(path, ProblemKind::UnknownName { found, allowed });
    }
    if let Some(code) = detail.strip_prefix("unknown unit kind: ") {
        return problem(
            path,
            ProblemKind::UnknownUnitKind {
                code: code.to_owned(),
            },
        );
    }
    if let Some((_, expected)) = detail
        .strip_prefix("invalid type: ")
        .and_then(|rest| rest.split_once(", expected "))
    {
        return problem(
            path,
            ProblemKind::WrongType {
                expected: type_code(expected),
            },
        );
    }
    if detail.starts_with("invalid value: ") || detail.starts_with("number out of range") {
        return problem(path, ProblemKind::OutOfRange);
    }
    problem(
        path,
        ProblemKind::Shape {
            detail: detail.to_owned(),
        },
    )
}

/// The app's code for what serde expected ("a string" → "text").
fn type_code(expected: &str) -> &'static str {
    let has = |word: &str| expected.contains(word);
    if has("boolean or an integer") {
        "yes_no_or_number"
    } else if has("bool") {
        "yes_no"
    } else if has("string") || has("char") {
        "text"
    } else if [
        "u8", "u16", "u32", "u64", "usize", "i32", "i64", "integer", "number", "f64",
    ]
    .iter()
    .any(|word| has(word))
    {
        "number"
    } else if has("sequence") || has("tuple") {
        "list"
    } else {
        "object"
    }
}

/// The path (`units[3].name`; `.` for the whole) of the innermost value of
/// `text`, well-formed JSON, that spans the byte at `at`, where serde_json
/// stopped with the error `words`.
pub(crate) fn path_at(text: &str, at: usize, words: &str) -> String {
    let bytes = text.as_bytes();
    let next = (at + 1..bytes.len()).find(|&i| !bytes[i].is_ascii_whitespace());
    let follows = match (bytes.get(at), next) {
        // A value of the wrong type is reported at the byte before it…
        (Some(b':' | b','), Some(next)) => Some(next),
        // …which for a list's first item is the list's `[`; but an enum
        // given something else ("expected value"), and a value read as any
        // type given a list, stop on the list's own `[`.
        (Some(b'['), Some(next))
            if !words.starts_with("expected value")
                && (!words.starts_with("invalid type: sequence") || bytes[next] == b'[') =>
        {
            Some(next)
        }
        _ => None,
    };
    let at = follows.unwrap_or(at);
    let mut scan = Scan {
        bytes: text.as_bytes(),
        text,
        pos: 0,
        at,
        path: Vec::new(),
    };
    match scan.value() {
        Err(found) => found,
        Ok(()) => ".".to_owned(),
    }
}

enum Segment {
    Key(String),
    Index(usize),
}

/// A walk over well-formed JSON that stops at the innermost value spanning
/// `at`, giving its path as the error.
struct Scan<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
    at: usize,
    path: Vec<Segment>,
}

impl Scan<'_> {
    fn peek(&mut self) -> u8 {
        while self
            .bytes
            .get(self.pos)
            .is_some_and(u8::is_ascii_whitespace)
        {
            self.pos += 1;
        }
        self.bytes.get(self.pos).copied().unwrap_or(0)
    }

    fn value(&mut self) -> Result<(), String> {
        let first = self.peek();
        let start = self.pos;
        match first {
            b'{' => {
                self.pos += 1;
                while self.peek() != b'}' && self.pos < self.bytes.len() {
                    let from = self.pos;
                    self.string();
                    let key = serde_json::from_str::<String>(&self.text[from..self.pos])
                        .unwrap_or_default();
                    self.peek();
                    self.pos += 1; // ':'
                    self.path.push(Segment::Key(key));
                    self.value()?;
                    self.path.pop();
                    if self.peek() == b',' {
                        self.pos += 1;
                    }
                }
                self.pos += 1;
            }
            b'[' => {
                self.pos += 1;
                let mut index = 0;
                while self.peek() != b']' && self.pos < self.bytes.len() {
                    self.path.push(Segment::Index(index));
                    self.value()?;
                    self.path.pop();
                    index += 1;
                    if self.peek() == b',' {
                        self.pos += 1;
                    }
                }
                self.pos += 1;
            }
            b'"' => self.string(),
            _ => {
                while self
                    .bytes
                    .get(self.pos)
                    .is_some_and(|b| !matches!(b, b',' | b']' | b'}') && !b.is_ascii_whitespace())
                {
                    self.pos += 1;
                }
            }
        }
        if (start..self.pos).contains(&self.at) {
            return Err(self.written());
        }
        Ok(())
    }

    /// Past a string, escapes included.
    fn string(&mut self) {
        self.pos += 1;
        while let Some(&b) = self.bytes.get(self.pos) {
            self.pos += 1;
            match b {
                b'\\' => self.pos += 1,
                b'"' => return,
                _ => {}
            }
        }
    }

    /// The path as serde_path_to_error writes it.
    fn written(&self) -> String {
        if self.path.is_empty() {
            return ".".to_owned();
        }
        let mut out = String::new();
        for (i, segment) in self.path.iter().enumerate() {
            match segment {
                Segment::Index(index) => out.push_str(&format!("[{index}]")),
                Segment::Key(key) => {
                    if i > 0 {
                        out.push('.');
                    }
                    out.push_str(key);
                }
            }
        }
        out
    }
}

// Native only: proptest and the oracle are native dev-dependencies.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;
    use serde::de::DeserializeOwned;
    use serde_json::{json, Value};

    use super::*;
    use crate::domain::assessment::Assessment;
    use crate::domain::criteria::CriteriaSet;
    use crate::domain::festival::FestivalPlan;
    use crate::domain::rollup::Received;
    use crate::domain::UnitInfo;
    use crate::format::mutations::{mutated, sample_assessment, sample_plan, sample_set};

    /// What serde_path_to_error, walking the value itself, says of it: the
    /// oracle for the paths found from where the decoder stopped.
    fn oracle<T: DeserializeOwned>(value: &Value, prefix: &str) -> Result<T, Problem> {
        serde_path_to_error::deserialize::<_, T>(value).map_err(|err| {
            from_serde(
                joined_path(prefix, &err.path().to_string()),
                &err.into_inner().to_string(),
            )
        })
    }

    fn samples() -> Vec<(&'static str, Value)> {
        let mut out = vec![
            ("assessment", sample_assessment()),
            ("plan", sample_plan()),
            (
                "unit",
                json!({"id": "u", "name": "Thôn \"Đông\"", "kind": "khu-dan-cu", "above": "Xã"}),
            ),
        ];
        let unit = json!({"id": "u", "name": "Thôn \"Đông\"", "kind": "khu-dan-cu", "above": "Xã"});
        let set = sample_set();
        out.push((
            "received",
            json!({"id": "r1", "file_name": "a.json", "exported_at": "2025-11-20T08:00:00Z",
                "received_at": "2025-11-21T08:00:00Z", "unit": unit.clone(),
                "review": {"state": "problem", "comment": "Thiếu minh chứng"},
                "body": {"type": "assessment", "assessment": out[0].1.clone(), "criteria_set": set}}),
        ));
        out.push((
            "received",
            json!({"id": "r2", "file_name": "b.json", "exported_at": "2025-11-20T08:00:00Z",
                "received_at": "2025-11-21T08:00:00Z", "unit": unit.clone(), "via": unit,
                "review": {"state": "accepted"},
                "body": {"type": "festival", "festival_plan": out[1].1.clone()}}),
        ));
        for text in [
            include_str!("../catalog/tt124-khu-dan-cu.json"),
            include_str!("../catalog/tt124-xa-phuong.json"),
            include_str!("../catalog/tt124-co-quan-doanh-nghiep.json"),
        ] {
            out.push(("set", serde_json::from_str(text).unwrap()));
        }
        out
    }

    fn same<T: DeserializeOwned + PartialEq + std::fmt::Debug>(value: &Value) {
        let ours = deserialize_at::<T>(value, "content");
        let theirs = oracle::<T>(value, "content");
        match (ours, theirs) {
            (Ok(a), Ok(b)) => assert_eq!(a, b),
            (Err(a), Err(b)) => {
                assert_eq!(a.path, b.path, "in {value}");
                // The one wording of its own of serde_json's reader from
                // text: an enum given neither text nor an object.
                let worded_apart = a.kind
                    == ProblemKind::Shape {
                        detail: "expected value".into(),
                    };
                if !worded_apart {
                    assert_eq!(a.kind, b.kind, "in {value}");
                }
            }
            (a, b) => panic!("ours {a:?}, theirs {b:?}"),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn a_broken_record_is_named_at_the_path_serde_path_to_error_gives(
            sample in 0usize..8,
            node in any::<prop::sample::Index>(),
            choice in 0usize..13,
        ) {
            let samples = samples();
            let (kind, original) = &samples[sample];
            let value = mutated(original, &node, choice);
            match *kind {
                "assessment" => same::<Assessment>(&value),
                "plan" => same::<FestivalPlan>(&value),
                "unit" => same::<UnitInfo>(&value),
                "received" => same::<Received>(&value),
                _ => same::<CriteriaSet>(&value),
            }
        }
    }

    proptest! {
        #[test]
        fn any_byte_of_any_record_has_a_path(sample in 0usize..8, at in any::<prop::sample::Index>(), words in "[a-z :`]{0,30}") {
            let text = samples()[sample].1.to_string();
            let path = path_at(&text, at.index(text.len() + 2), &words);
            prop_assert!(!path.is_empty());
        }
    }

    #[test]
    fn a_path_is_the_innermost_value_spanning_the_byte() {
        let text = r#"{"a":[1,{"b\"c":"xy"}],"d":{}}"#;
        let wrong = "invalid type: integer `1`, expected a string";
        assert_eq!(path_at(text, 0, wrong), ".");
        assert_eq!(path_at(text, 6, wrong), "a[0]");
        assert_eq!(path_at(text, 4, wrong), "a", "the `:` before a value");
        assert_eq!(
            path_at(text, 5, wrong),
            "a[0]",
            "a list's `[` before its first item"
        );
        assert_eq!(
            path_at(text, 5, "invalid type: sequence, expected u32"),
            "a",
            "a list's own first byte"
        );
        assert_eq!(path_at(text, 5, "expected value"), "a");
        assert_eq!(path_at(text, 7, wrong), "a[1]", "the `,` before an object");
        assert_eq!(path_at(text, 17, wrong), "a[1].b\"c");
        assert_eq!(path_at(text, 20, wrong), "a[1]");
        assert_eq!(path_at(text, 28, wrong), "d");
        assert_eq!(path_at(text, 99, wrong), ".");
    }
}
