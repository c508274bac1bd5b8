//! Opening an exchange file: its size, the JSON, the envelope, the checksum
//! of its content, and the migration of older versions; then the records,
//! read by `read.rs`, given out only once the checksum matches.

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use super::hash::{checksum, sha256_hex};
use super::read::records_from_text;
use super::{FileKind, Incoming, EXCHANGE_SCHEMA_VERSION, FORMAT, MAX_IMPORT_BYTES};
use crate::domain::criteria::ValidSet;
use crate::domain::unit::UnitInfo;
use crate::format::problem::{deserialize_at, parse_json, problem, LoadError, ProblemKind};

/// An envelope of the current version with its content left as text.
#[derive(Deserialize)]
struct RawEnvelope<'a> {
    format: String,
    schema_version: u64,
    kind: FileKind,
    exported_at: String,
    #[serde(default)]
    unit: Option<UnitInfo>,
    #[serde(default)]
    year: Option<i32>,
    checksum: String,
    #[serde(borrow)]
    content: &'a RawValue,
}

/// The envelope without its content, which is taken out of the parsed
/// document rather than copied.
#[derive(Deserialize)]
pub(crate) struct Head {
    pub(crate) kind: FileKind,
    pub(crate) exported_at: String,
    #[serde(default)]
    pub(crate) unit: Option<UnitInfo>,
    /// The year the envelope states, which the records must have.
    #[serde(default)]
    pub(crate) year: Option<i32>,
    pub(crate) checksum: String,
}

/// The criteria set a file holds: a criteria-set file of any version, or
/// another kind refused as such.
pub fn read_criteria_set_file(text: &str) -> Result<ValidSet, LoadError> {
    let incoming = read_file(text)?;
    match (incoming.kind, incoming.criteria_sets.into_iter().next()) {
        (FileKind::CriteriaSet, Some(set)) => Ok(set),
        (kind, _) => Err(LoadError::WrongKind {
            found: kind.code().to_owned(),
        }),
    }
}

/// Reads any file this app wrote, in any version it knows, or says why not.
/// Total: any bytes give a value or an error, and nothing is stored. The
/// checksum is computed here; the browser's import hashes with its own
/// SHA-256 instead, through [`open_file`] and [`Opened::finish`].
pub fn read_file(text: &str) -> Result<Incoming, LoadError> {
    let opened = open_file(text)?;
    let digest = opened.to_hash().map(sha256_hex);
    opened.finish(digest.as_deref())
}

/// A file whose envelope is read and whose content is not yet checked.
pub struct Opened<'a> {
    head: Head,
    body: Body<'a>,
}

enum Body<'a> {
    /// The content's text in a file of the current version, and where it
    /// starts in the text given to [`open_file`]: its checksum is of these
    /// bytes.
    Text(&'a str, usize),
    /// The content of an older file, migrated, its checksum already checked.
    Checked(Value),
}

/// The first layers of [`read_file`]: size, JSON, envelope, and for older
/// files migration and checksum. Pure and total.
pub fn open_file(text: &str) -> Result<Opened<'_>, LoadError> {
    let given = text;
    if text.len() > MAX_IMPORT_BYTES {
        return Err(LoadError::TooLarge {
            bytes: text.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A file of the current version, well formed: its content stays text.
    let fast_error = match serde_json::from_str::<RawEnvelope<'_>>(text) {
        Ok(raw)
            if raw.format == FORMAT && raw.schema_version == u64::from(EXCHANGE_SCHEMA_VERSION) =>
        {
            return Ok(Opened {
                head: Head {
                    kind: raw.kind,
                    exported_at: raw.exported_at,
                    unit: raw.unit,
                    year: raw.year,
                    checksum: raw.checksum,
                },
                // The content is a part of the text given: where it starts.
                body: Body::Text(
                    raw.content.get(),
                    raw.content.get().as_ptr() as usize - given.as_ptr() as usize,
                ),
            });
        }
        Ok(_) => None,
        Err(err) => Some(err),
    };
    // Anything else is read in layers, to say exactly what is wrong.
    let value = parse_json(text)?;
    debug_assert_eq!(super::migrate::check_table(), Ok(()));
    let format = value
        .get("format")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let (value, written) = match format.as_deref() {
        Some(FORMAT) => match value.get("schema_version").and_then(Value::as_u64) {
            Some(v) if v > u64::from(EXCHANGE_SCHEMA_VERSION) => {
                return Err(LoadError::NewerSchema {
                    found: v,
                    supported: EXCHANGE_SCHEMA_VERSION,
                })
            }
            Some(v) if v >= 1 => (super::migrate::migrate(value, v as u32)?, v as u32),
            _ => {
                return Err(LoadError::Invalid {
                    problems: vec![problem(
                        "schema_version",
                        ProblemKind::WrongType { expected: "number" },
                    )],
                })
            }
        },
        // The first release's files had no envelope: schema version 0.
        Some(
            bare @ (crate::format::workspace::FORMAT_WORKSPACE
            | crate::format::criteria::FORMAT_CRITERIA_SET),
        ) => {
            let supported = if bare == crate::format::workspace::FORMAT_WORKSPACE {
                crate::format::workspace::SCHEMA_VERSION
            } else {
                crate::format::criteria::CRITERIA_SCHEMA_VERSION
            };
            match value.get("schema_version").and_then(Value::as_u64) {
                Some(found) if found > u64::from(supported) => {
                    return Err(LoadError::NewerSchema { found, supported })
                }
                _ => (super::migrate::migrate(value, 0)?, 0),
            }
        }
        _ => return Err(LoadError::NotOurs { found: format }),
    };
    let mut value = value;
    let content = match value.as_object_mut().and_then(|map| map.remove("content")) {
        Some(content) => content,
        None => {
            return Err(LoadError::Invalid {
                problems: vec![problem("content", ProblemKind::Missing)],
            })
        }
    };
    let head: Head =
        deserialize_at(&value, "").map_err(|p| LoadError::Invalid { problems: vec![p] })?;
    if written >= EXCHANGE_SCHEMA_VERSION {
        // A current file the direct reading refused though its envelope
        // reads: a field repeated, or a wrong type beside the head.
        let detail = fast_error.map(|e| e.to_string()).unwrap_or_default();
        return Err(LoadError::Invalid {
            problems: vec![problem("", ProblemKind::Shape { detail })],
        });
    }
    // Versions 0 and 1: the checksum is of the content written canonically.
    if checksum(&content) != head.checksum {
        return Err(LoadError::ChecksumMismatch);
    }
    Ok(Opened {
        head,
        body: Body::Checked(content),
    })
}

impl<'a> Opened<'a> {
    /// The bytes the caller must hash (SHA-256) and pass to
    /// [`finish`](Self::finish); `None` for an older file, already checked.
    pub fn to_hash(&self) -> Option<&'a [u8]> {
        match self.body {
            Body::Text(text, _) => Some(text.as_bytes()),
            Body::Checked(_) => None,
        }
    }

    /// Where [`to_hash`](Self::to_hash)'s bytes lie in the text given to
    /// [`open_file`] (a byte range of it), for a caller that hashes the
    /// bytes it read that text from.
    pub fn hash_range(&self) -> Option<std::ops::Range<usize>> {
        match self.body {
            Body::Text(text, start) => Some(start..start + text.len()),
            Body::Checked(_) => None,
        }
    }

    /// The last layers: the checksum against `digest` (the lower-case hex
    /// SHA-256 of [`to_hash`](Self::to_hash)), then the records, validated.
    pub fn finish(self, digest: Option<&str>) -> Result<Incoming, LoadError> {
        self.decode().verify(digest)
    }

    /// The records, decoded and validated before the checksum is compared,
    /// so that the caller can hash while they are read. Nothing of the
    /// result is given out until [`Unverified::verify`] has compared it.
    pub fn decode(self) -> Unverified {
        let Opened { head, body } = self;
        let year = head.year;
        // One set of record rules for every door a file comes in by.
        let checked = |incoming: Incoming| {
            crate::format::records::check(&incoming, year)?;
            Ok(incoming)
        };
        match body {
            Body::Text(text, _) => Unverified {
                expected: Some(head.checksum.clone()),
                result: records_from_text(head, text).and_then(checked),
            },
            Body::Checked(content) => Unverified {
                expected: None,
                result: records_from_text(head, &content.to_string()).and_then(checked),
            },
        }
    }
}

/// A file's records, read before its checksum was compared.
pub struct Unverified {
    /// The checksum the envelope states, where the caller's digest must
    /// equal it; `None` when it was checked on opening.
    expected: Option<String>,
    result: Result<Incoming, LoadError>,
}

impl Unverified {
    /// The records, once `digest` equals the stated checksum. A damaged
    /// file is named as such whatever its records say.
    pub fn verify(self, digest: Option<&str>) -> Result<Incoming, LoadError> {
        match self.expected {
            Some(expected) if digest != Some(expected.as_str()) => Err(LoadError::ChecksumMismatch),
            _ => self.result,
        }
    }
}
