//! Merging one other device's file into the journal, in its own transaction (all or nothing
//! for that file): skipped unread when its fingerprint says it is the one already merged;
//! skipped with a sentence (and tried again next round) when it cannot be merged now — cut
//! short, still encrypted with another passphrase, stamps too far ahead.

use std::path::Path;

use rusqlite::Connection;

use crate::error::{JournalError, Result};
use crate::export::archive::BackupSource;
use crate::export::backup::{self, ImportSummary, MAX_BACKUP_BYTES};
use crate::export::encrypt;
use crate::journal::Journal;
use crate::settings::Settings;
use crate::sync::fingerprint::{read_limited, same_stamps, sha256_hex, stamps};
use crate::sync::names::device_words;
use crate::sync::state::FileFingerprint;
use crate::time::Moment;

/// What became of one file.
#[derive(Debug)]
pub enum FileOutcome {
    /// Its content was new and is merged.
    Merged {
        /// What the merge did.
        summary: ImportSummary,
        /// The file as merged.
        fingerprint: FileFingerprint,
    },
    /// The content merged before (perhaps with new file stamps): nothing to do.
    Unchanged {
        /// The file as it is now.
        fingerprint: FileFingerprint,
    },
    /// Not merged this round; the sentence says which file, which device and why.
    Skipped {
        /// A sentence for the person.
        sentence: String,
    },
}

/// The one merge of a device's snapshot into this journal: the sync mode of the import, whose
/// total order makes every device reach the same records (`model/meta.rs`).
fn merge_snapshot(
    tx: &Connection,
    settings: &mut Settings,
    source: BackupSource<'_>,
    now: &Moment,
) -> Result<ImportSummary> {
    backup::import_sync(tx, settings, source, now)
}

/// A file name as shown in a sentence: control characters replaced.
fn shown(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect()
}

fn skipped(name: &str, device: &str, why: &str) -> FileOutcome {
    FileOutcome::Skipped {
        sentence: format!(
            "{} (from {}) was skipped: {why}; it will be tried again at the next sync.",
            shown(name),
            device_words(device)
        ),
    }
}

/// Merges the file `name` in `folder`, written by `device`, unless `known` (its fingerprint
/// when last merged) says it is unchanged. Errors only for the journal's own failures (a full
/// disk, a read-only journal); anything wrong with the file is a [`FileOutcome::Skipped`].
pub fn merge(
    journal: &Journal,
    folder: &Path,
    name: &str,
    device: &str,
    known: Option<&FileFingerprint>,
    passphrase: Option<&str>,
    now: &Moment,
) -> Result<FileOutcome> {
    let path = folder.join(name);
    let meta = match std::fs::metadata(&path) {
        Ok(meta) => meta,
        Err(e) => {
            return Ok(skipped(
                name,
                device,
                &format!("it could not be read ({e})"),
            ))
        }
    };
    if let Some(known) = known.filter(|k| same_stamps(&meta, k)) {
        return Ok(FileOutcome::Unchanged {
            fingerprint: known.clone(),
        });
    }
    let bytes = match read_limited(&path, MAX_BACKUP_BYTES) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Ok(skipped(name, device, "it is larger than any backup may be")),
        Err(e) => {
            return Ok(skipped(
                name,
                device,
                &format!("it could not be read ({e})"),
            ))
        }
    };
    let (size, modified_ms) = stamps(&meta);
    let fingerprint = FileFingerprint {
        size: u64::try_from(bytes.len()).unwrap_or(size),
        modified_ms,
        sha256: sha256_hex(&bytes),
    };
    if known.is_some_and(|k| k.sha256 == fingerprint.sha256) {
        return Ok(FileOutcome::Unchanged { fingerprint });
    }
    if bytes.is_empty() {
        return Ok(skipped(name, device, "it is empty (still being written?)"));
    }
    let plain =
        if encrypt::is_encrypted(&bytes) {
            let Some(passphrase) = passphrase else {
                return Ok(skipped(
                    name,
                    device,
                    "it is encrypted and no passphrase was given",
                ));
            };
            match encrypt::decrypt(bytes.as_slice(), passphrase, MAX_BACKUP_BYTES) {
                Ok(plain) => plain,
                Err(JournalError::WrongPassphrase) => return Ok(skipped(
                    name,
                    device,
                    "the passphrase does not open it (does that device use another passphrase?)",
                )),
                Err(e) => {
                    return Ok(skipped(
                        name,
                        device,
                        &format!("it could not be decrypted ({e}); it may be cut short"),
                    ))
                }
            }
        } else {
            bytes
        };
    let merged = journal
        .write(|tx, settings| merge_snapshot(tx, settings, BackupSource::Bytes(&plain), now));
    match merged {
        Ok(summary) => Ok(FileOutcome::Merged {
            summary,
            fingerprint,
        }),
        Err(JournalError::ImportRejected { reason }) => Ok(skipped(
            name,
            device,
            &format!("it could not be merged ({reason})"),
        )),
        Err(e) => Err(e),
    }
}
