//! One sync round with a folder: merge every other device's file in (each in its own
//! transaction, unchanged ones skipped by fingerprint, unreadable ones skipped with a sentence),
//! then write this device's own file if the journal changed. Only a folder that cannot be read
//! or written, or a journal that cannot be written, fails the round; a bad file never does.

use std::path::Path;

use crate::error::{JournalError, Result};
use crate::export::backup_folder;
use crate::export::encrypt;
use crate::journal::Journal;
use crate::store::sync_state;
use crate::sync::merge_file::{self, FileOutcome};
use crate::sync::names::{classify, device_words, FolderFile};
use crate::sync::state::{SyncReport, SyncState};
use crate::sync::status::round_sentence;
use crate::sync::write_own::{folder_failure, write_if_changed};
use crate::time::Moment;

/// What merging the folder's files did.
#[derive(Default, Debug)]
pub struct MergeRound {
    /// Files whose new content was merged.
    pub merged: Vec<String>,
    /// Files already merged and unchanged.
    pub unchanged: u32,
    /// Sentences for the files skipped.
    pub skipped: Vec<String>,
    /// Records added.
    pub added: u32,
    /// Records updated.
    pub updated: u32,
}

/// A new random device id (a version 4 UUID).
fn new_device_id() -> String {
    let mut bytes = [0u8; 16];
    match getrandom::fill(&mut bytes) {
        Ok(()) => uuid::Builder::from_random_bytes(bytes)
            .into_uuid()
            .hyphenated()
            .to_string(),
        // No OS randomness: a version 7 UUID still carries 74 random bits.
        Err(_) => uuid::Uuid::now_v7().hyphenated().to_string(),
    }
}

/// This journal's device id, made (and kept in `state`) on the first call.
pub fn device_id(state: &mut SyncState) -> String {
    state.device_id.get_or_insert_with(new_device_id).clone()
}

/// The regular files in `folder`, or `SyncFailed` with a sentence.
pub fn list(folder: &Path) -> Result<Vec<String>> {
    let meta = std::fs::metadata(folder).map_err(|e| folder_failure(&e))?;
    if !meta.is_dir() {
        return Err(folder_failure(&std::io::Error::from(
            std::io::ErrorKind::NotADirectory,
        )));
    }
    let mut names = backup_folder::file_names(folder).map_err(|e| folder_failure(&e))?;
    names.sort();
    Ok(names)
}

/// Merges every device file in `names` that is not ours into `journal`, remembering each
/// merged file's fingerprint in `state` (and forgetting those of files no longer there).
pub fn merge_all(
    journal: &Journal,
    folder: &Path,
    names: &[String],
    state: &mut SyncState,
    own_id: &str,
    passphrase: Option<&str>,
    now: &Moment,
) -> Result<MergeRound> {
    let mut round = MergeRound::default();
    state.merged.retain(|name, _| names.contains(name));
    for name in names {
        let device = match classify(name, own_id) {
            FolderFile::Snapshot { device } => device,
            FolderFile::NotDownloaded { device } => {
                round.skipped.push(format!(
                    "A file from {} is not downloaded to this device yet; it will be merged once \
                     it is.",
                    device_words(&device)
                ));
                continue;
            }
            FolderFile::Own | FolderFile::Other => continue,
        };
        let known = state.merged.get(name);
        match merge_file::merge(journal, folder, name, &device, known, passphrase, now)? {
            FileOutcome::Merged {
                summary,
                fingerprint,
            } => {
                round.added += summary.added;
                round.updated += summary.updated;
                round.merged.push(name.clone());
                state.merged.insert(name.clone(), fingerprint);
            }
            FileOutcome::Unchanged { fingerprint } => {
                round.unchanged += 1;
                state.merged.insert(name.clone(), fingerprint);
            }
            FileOutcome::Skipped { sentence } => round.skipped.push(sentence),
        }
    }
    Ok(round)
}

/// Records a failed round in the journal (for `sync_status`) and returns its error.
fn failed(
    journal: &Journal,
    mut state: SyncState,
    now: &Moment,
    err: JournalError,
) -> JournalError {
    if let JournalError::SyncFailed { reason } = &err {
        state.synced_ms = Some(now.millis());
        state.synced_offset = now.offset_minutes;
        state.failure = Some(reason.clone());
        // The round's own error matters more than a failure to record it.
        let _ = journal.write(|tx, _| sync_state::save(tx, &state, now.millis()));
    }
    err
}

/// Runs one sync round of `journal` with `folder` (see [`Journal::sync_folder`]).
pub fn run(
    journal: &Journal,
    folder: &Path,
    passphrase: Option<&str>,
    now: &Moment,
) -> Result<SyncReport> {
    if let Some(p) = passphrase {
        encrypt::check_new_passphrase(p)?;
    }
    let mut state = journal.read(|conn, _| sync_state::load(conn))?;
    let own_id = device_id(&mut state);
    let names = match list(folder) {
        Ok(names) => names,
        Err(e) => return Err(failed(journal, state, now, e)),
    };
    let round = match merge_all(
        journal, folder, &names, &mut state, &own_id, passphrase, now,
    ) {
        Ok(round) => round,
        Err(e) => return Err(failed(journal, state, now, e)),
    };
    let written = match write_if_changed(journal, folder, &mut state, &own_id, passphrase, now) {
        Ok(written) => written,
        Err(e) => return Err(failed(journal, state, now, e)),
    };
    state.synced_ms = Some(now.millis());
    state.synced_offset = now.offset_minutes;
    state.failure = None;
    state.last_merged = round.merged.clone();
    state.last_skipped = round.skipped.clone();
    journal.write(|tx, _| sync_state::save(tx, &state, now.millis()))?;
    Ok(SyncReport {
        device_id: own_id,
        sentence: round_sentence(
            round.merged.len(),
            round.added,
            round.updated,
            written.is_some(),
            round.skipped.len(),
        ),
        written,
        merged: round.merged,
        unchanged: round.unchanged,
        skipped: round.skipped,
        added: round.added,
        updated: round.updated,
    })
}
