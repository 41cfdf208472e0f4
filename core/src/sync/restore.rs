//! Moving to a new phone in one call: a journal restored from a sync folder (every device's
//! file merged), from a folder of automatic backups only (the newest of them), or from one
//! backup file (plain JSON, zip or age), created only where no journal with records is, and
//! removed again if the restore fails, so nothing is left behind. The
//! restored journal has no device id yet (none travels in a backup): its first sync makes one,
//! so it joins the folder as a new device.

use std::path::Path;
use std::sync::Arc;

use crate::error::{JournalError, Result};
use crate::export::auto_backup;
use crate::journal::Journal;
use crate::store::sync_state;
use crate::sync::round::{device_id, list, merge_all};
use crate::time::Moment;

/// Why a restore with no folder or file to restore from is refused (`InvalidInput` on
/// `source`; the apps show it when the person asks to restore before choosing the folder).
pub const NO_SOURCE_REASON: &str =
    "is not chosen: choose the folder your other phone syncs with first";

fn rejected(reason: impl Into<String>) -> JournalError {
    JournalError::ImportRejected {
        reason: reason.into(),
    }
}

/// Merges every device file of `folder` into the (new) journal; fails if none could be.
fn from_folder(
    journal: &Journal,
    folder: &Path,
    passphrase: Option<&str>,
    now: &Moment,
) -> Result<()> {
    let names = list(folder)?;
    let mut state = journal.read(|conn, _| sync_state::load(conn))?;
    let own_id = device_id(&mut state);
    let round = merge_all(
        journal, folder, &names, &mut state, &own_id, passphrase, now,
    )?;
    if round.merged.is_empty() {
        let why = match round.skipped.first() {
            Some(first) => format!("no device file in the folder could be merged ({first})"),
            None => match newest_backup(&names) {
                // A folder of automatic backups, never synced: the newest one, whichever
                // device wrote it (a device file skipped above is never passed over for it).
                Some(newest) => return from_file(journal, &folder.join(newest), passphrase, now),
                None => {
                    "the folder holds no journal files (rlsjournal-device-… or rlsjournal-auto-…)"
                        .to_string()
                }
            },
        };
        return Err(rejected(why));
    }
    // The restored journal is a new device: its id is made at its first sync, not here.
    state.device_id = None;
    state.last_merged = round.merged;
    state.last_skipped = round.skipped;
    journal.write(|tx, _| sync_state::save(tx, &state, now.millis()))
}

/// The newest automatic backup among `names` (by the time in its name, any device's, either
/// name form; the greater name at an equal time), if any.
fn newest_backup(names: &[String]) -> Option<&String> {
    names
        .iter()
        .filter_map(|name| auto_backup::parse_name(name).map(|parsed| (parsed.time, name)))
        .max()
        .map(|(_, name)| name)
}

/// Imports one backup file (plain, zipped or encrypted) into the (new) journal.
fn from_file(journal: &Journal, file: &Path, passphrase: Option<&str>, now: &Moment) -> Result<()> {
    match passphrase {
        Some(p) => journal.import_backup_file_with_passphrase_at(file, p, now),
        None => journal.import_backup_file_at(file, now),
    }
    .map(|_| ())
}

/// Removes a journal file this restore created, with its side files.
fn remove_created(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(&name);
    }
}

/// Restores into the journal at `path` from `source` (see [`Journal::restore`]).
pub fn restore(
    path: &Path,
    source: &Path,
    passphrase: Option<&str>,
    now: &Moment,
) -> Result<Arc<Journal>> {
    // No folder or file chosen yet (the apps pass none): refused before any journal is made.
    if source.as_os_str().is_empty() {
        return Err(JournalError::invalid("source", NO_SOURCE_REASON));
    }
    let source_meta = std::fs::metadata(source).map_err(|e| {
        rejected(format!(
            "the folder or backup file to restore from could not be read ({e})"
        ))
    })?;
    let created = std::fs::symlink_metadata(path).is_err();
    let journal = Journal::open_path(path)?;
    let restored = journal
        .read(|conn, _| sync_state::has_records(conn))
        .and_then(|has| match has {
            true => Err(JournalError::RestoreRefused {
                path: path.display().to_string(),
            }),
            false if source_meta.is_dir() => from_folder(&journal, source, passphrase, now),
            false => from_file(&journal, source, passphrase, now),
        });
    match restored {
        Ok(()) => Ok(journal),
        Err(e) => {
            drop(journal);
            if created {
                remove_created(path);
            }
            Err(e)
        }
    }
}
