//! The checksum of an exchange file: SHA-256 of its content's bytes as
//! written (schema version 2), or of its content written canonically
//! (versions 0 and 1).

use serde_json::Value;
use sha2::{Digest, Sha256};

/// SHA-256 of some bytes, in lower-case hex: the checksum of a file of
/// schema version 2 or later, over its content's bytes as written.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Lower-case hex of a digest.
pub fn hex(digest: &[u8]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(digest.len() * 2);
    for byte in digest {
        let _ = write!(out, "{byte:02x}");
    }
    out
}

/// The checksum of a schema-version-1 file: SHA-256 of the content written
/// as compact JSON with keys in sorted order, in hex.
pub fn checksum(content: &Value) -> String {
    // Written straight into the hash: no copy of a large content as text.
    struct Hashing(Sha256);
    impl std::io::Write for Hashing {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.update(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut writer = std::io::BufWriter::with_capacity(1 << 16, Hashing(Sha256::new()));
    serde_json::to_writer(&mut writer, content).expect("a JSON value always serialises");
    let hashing = writer
        .into_inner()
        .unwrap_or_else(|_| unreachable!("hashing never fails"));
    hex(&hashing.0.finalize())
}
