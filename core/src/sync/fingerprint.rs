//! A file's fingerprint: its size and modified time (free to read: an unchanged file is not
//! read again) and the SHA-256 of its bytes (an unchanged content is not merged again, even
//! when a sync tool touched the file's time).

use std::fs::Metadata;
use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::sync::state::FileFingerprint;
use crate::time::Moment;

/// The size and modified time (epoch ms) of a file.
pub fn stamps(meta: &Metadata) -> (u64, i64) {
    let modified = meta
        .modified()
        .map(|t| {
            Moment {
                instant: t,
                offset_minutes: 0,
            }
            .millis()
        })
        .unwrap_or_default();
    (meta.len(), modified)
}

/// Whether `meta` still matches the fingerprint taken when the file was merged.
pub fn same_stamps(meta: &Metadata, known: &FileFingerprint) -> bool {
    stamps(meta) == (known.size, known.modified_ms)
}

/// The SHA-256 of `bytes` in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Reads the whole file at `path`, at most `limit` bytes (`None` when it is larger).
pub fn read_limited(path: &Path, limit: usize) -> std::io::Result<Option<Vec<u8>>> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    file.take(cap).read_to_end(&mut bytes)?;
    Ok((bytes.len() <= limit).then_some(bytes))
}
