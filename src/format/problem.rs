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
    /// The value does not fit the expected shape; `detail` is the parser's own words.
    Shape { detail: String },
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

pub(crate) fn problem(path: impl Into<String>, kind: ProblemKind) -> Problem {
    Problem {
        path: path.into(),
        kind,
    }
}

/// Reads a record of type `T` from `value`, naming the path (below
/// `prefix`) of the first field of the wrong shape. The one place serde's
/// errors become problems.
pub(crate) fn deserialize_at<T: serde::de::DeserializeOwned>(
    value: &serde_json::Value,
    prefix: &str,
) -> Result<T, Problem> {
    serde_path_to_error::deserialize::<_, T>(value).map_err(|err| {
        let inner = err.path().to_string();
        let path = match (prefix.is_empty(), inner.as_str()) {
            (true, _) => inner.clone(),
            (false, ".") => prefix.to_owned(),
            (false, _) => format!("{prefix}.{inner}"),
        };
        problem(
            path,
            ProblemKind::Shape {
                detail: err.into_inner().to_string(),
            },
        )
    })
}
