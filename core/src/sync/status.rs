//! The sync's sentences: one for a round ([`SyncReport`]) and one for the settings screen
//! ([`SyncStatus`]), filled from counts, the device and the files skipped.

use crate::export::auto_backup::when;
use crate::format::plural;
use crate::sync::state::{SyncState, SyncStatus};
use crate::time::Moment;

/// One round in a sentence: what was merged, whether our file was written, how many files
/// were skipped (each has its own sentence in the report).
pub fn round_sentence(
    merged: usize,
    added: u32,
    updated: u32,
    written: bool,
    skipped: usize,
) -> String {
    let merged = match merged {
        0 => "Nothing new from other devices".to_string(),
        n => format!(
            "Merged {} from other devices ({} added, {} updated)",
            plural(i64::try_from(n).unwrap_or(i64::MAX), "file", "files"),
            plural(added, "record", "records"),
            updated
        ),
    };
    let written = if written {
        "this device's file was written"
    } else {
        "this device's file was already up to date"
    };
    let skipped = match skipped {
        0 => String::new(),
        n => format!(
            "; {} skipped for now",
            plural(i64::try_from(n).unwrap_or(i64::MAX), "file", "files")
        ),
    };
    format!("{merged}; {written}{skipped}.")
}

/// The status the apps show, from the stored state.
pub fn status(state: &SyncState) -> SyncStatus {
    let sentence = match (state.synced_ms, &state.failure) {
        (None, None) => "This journal has not synced with a folder yet.".to_string(),
        (None, Some(why)) => format!("The sync did not run: {why}."),
        (Some(ms), Some(why)) => format!(
            "The last sync, on {}, did not run: {why}.",
            when(ms, state.synced_offset)
        ),
        (Some(ms), None) => {
            let skipped = match state.last_skipped.len() {
                0 => String::new(),
                n => format!(
                    "; {} skipped for now",
                    plural(i64::try_from(n).unwrap_or(i64::MAX), "file", "files")
                ),
            };
            format!(
                "Last synced on {}: {} merged{skipped}.",
                when(ms, state.synced_offset),
                plural(
                    i64::try_from(state.last_merged.len()).unwrap_or(i64::MAX),
                    "file",
                    "files"
                )
            )
        }
    };
    SyncStatus {
        device_id: state.device_id.clone(),
        last_sync: state
            .synced_ms
            .map(|ms| Moment::from_millis(ms, state.synced_offset)),
        last_written_file: state.written_file.clone(),
        merged: state.last_merged.clone(),
        skipped: state.last_skipped.clone(),
        failure: state.failure.clone(),
        sentence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_carry_the_counts() {
        assert_eq!(
            round_sentence(2, 5, 1, true, 1),
            "Merged 2 files from other devices (5 records added, 1 updated); this device's file \
             was written; 1 file skipped for now."
        );
        assert_eq!(
            round_sentence(0, 0, 0, false, 0),
            "Nothing new from other devices; this device's file was already up to date."
        );
        assert_eq!(
            status(&SyncState::default()).sentence,
            "This journal has not synced with a folder yet."
        );
        let state = SyncState {
            synced_ms: Some(1_796_212_800_000), // 2026-12-02T12:00Z, shown at +01:00
            synced_offset: 60,
            last_merged: vec!["a".into()],
            last_skipped: vec!["b".into(), "c".into()],
            ..SyncState::default()
        };
        assert_eq!(
            status(&state).sentence,
            "Last synced on Wed 2 Dec 2026 at 13:00: 1 file merged; 2 files skipped for now."
        );
    }
}
