//! What the folder sync remembers between rounds and app restarts (stored by
//! `store/sync_state.rs`), and what a round reports: [`SyncReport`] for one call,
//! [`SyncStatus`] for the settings screen, both with sentences to show as they are.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::time::Moment;

/// What a merged file looked like: re-reading it is skipped while its name, size and modified
/// time are the same, and its merge is skipped while its content hash is the same.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct FileFingerprint {
    /// Its size in bytes.
    pub size: u64,
    /// Its modified time (epoch ms) as the file system reports it.
    pub modified_ms: i64,
    /// The SHA-256 of its bytes, in hex.
    pub sha256: String,
}

/// The sync's state in the journal (never in a backup).
#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq, Eq)]
pub struct SyncState {
    /// This device's id (a random UUID), made on the first sync.
    pub device_id: Option<String>,
    /// The journal's change mark when our file was last written (`store::sync_state`).
    pub written_mark: Option<String>,
    /// The name of our file as last written.
    pub written_file: Option<String>,
    /// When our file was last written (epoch ms).
    pub written_ms: Option<i64>,
    /// The files merged, by name.
    #[serde(default)]
    pub merged: BTreeMap<String, FileFingerprint>,
    /// When the last round ran (epoch ms) and the offset then.
    pub synced_ms: Option<i64>,
    /// The UTC offset in minutes at `synced_ms`.
    #[serde(default)]
    pub synced_offset: i32,
    /// The files the last round merged (new content).
    #[serde(default)]
    pub last_merged: Vec<String>,
    /// The last round's skipped files, one sentence each.
    #[serde(default)]
    pub last_skipped: Vec<String>,
    /// Why the last round failed as a whole (folder gone, permission, disk full), if it did.
    pub failure: Option<String>,
}

/// What one `sync_folder` call did.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    /// This device's id (its file is `rlsjournal-device-<id>.json`, or `.json.age`).
    pub device_id: String,
    /// Our file, if this round wrote it (`None`: the journal had not changed since it was last
    /// written).
    pub written: Option<String>,
    /// The other devices' files merged in this round (their content was new).
    pub merged: Vec<String>,
    /// How many device files were already merged and unchanged (not read again).
    pub unchanged: u32,
    /// Files not merged this round, one sentence each (not downloaded yet, cut short, a wrong
    /// passphrase, clocks too far ahead); they are tried again at the next sync.
    pub skipped: Vec<String>,
    /// Records new to this journal.
    pub added: u32,
    /// Records that replaced an older version here.
    pub updated: u32,
    /// The round in one sentence, to show as it is.
    pub sentence: String,
}

/// The sync's status, for the apps' settings screen.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SyncStatus {
    /// This device's id, once it has synced.
    pub device_id: Option<String>,
    /// When the last sync ran, if ever.
    pub last_sync: Option<Moment>,
    /// Our file in the folder as last written.
    pub last_written_file: Option<String>,
    /// The files the last sync merged.
    pub merged: Vec<String>,
    /// The files the last sync skipped, one sentence each.
    pub skipped: Vec<String>,
    /// Why the last sync failed as a whole, if it did (a sentence; `None` once one succeeds).
    pub failure: Option<String>,
    /// The status in one sentence, to show as it is.
    pub sentence: String,
}
