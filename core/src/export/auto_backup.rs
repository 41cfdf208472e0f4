//! Automatic backups to a folder the person chose: when one is due (the debounce policy), the
//! file names it writes, which of its own files it keeps (7 daily + 4 weekly), and the status
//! sentence the apps show. The apps call [`Journal::auto_backup`] after changes and when they
//! go to the background; the terminal's `backup` command asks for one now.
//!
//! Several devices of one person may back up into one shared folder (iCloud Drive, Syncthing),
//! so every name carries the id of the device that wrote it (the folder sync's device id), and
//! the retention only ever removes this device's files. Names without a device, which earlier
//! versions wrote, are never removed: nobody can tell which device wrote them, a device still
//! on an earlier version may rely on them, and this version never adds to them.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::{DateTime, Datelike, NaiveDateTime, Timelike, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{JournalError, Result};
use crate::export::archive;
use crate::export::backup::{self, BACKUP_FILE_NAME};
use crate::export::backup_folder;
use crate::export::encrypt;
use crate::format::{clock_text, date_text};
use crate::journal::Journal;
use crate::store::backup_state;
use crate::time::{Moment, MINUTE_MS};

/// The debounce: after a change, at most one automatic backup every this many minutes.
pub const MIN_MINUTES_BETWEEN_BACKUPS: i64 = 10;

/// How many days keep their newest automatic backup.
pub const KEEP_DAILY: usize = 7;

/// How many weeks (ISO weeks, Monday to Sunday) keep their newest automatic backup.
pub const KEEP_WEEKLY: usize = 4;

/// The first part of every automatic backup's name. This version writes
/// `rlsjournal-auto-<device id>-YYYYMMDDTHHMMSSZ.zip` (or `….zip.age`, encrypted) and removes
/// only such files with its own device id; earlier versions wrote
/// `rlsjournal-auto-YYYYMMDDTHHMMSSZ.zip`, which their parsers (exactly 16 characters between
/// prefix and suffix) never mistake for a device-named file.
pub const FILE_PREFIX: &str = "rlsjournal-auto-";

/// The end of a plain automatic backup's name (a zip holding the JSON backup).
pub const PLAIN_SUFFIX: &str = ".zip";

/// The end of an encrypted automatic backup's name (that zip in an age file).
pub const ENCRYPTED_SUFFIX: &str = ".zip.age";

/// The UTC time in a backup's name.
const STAMP_FORMAT: &str = "%Y%m%dT%H%M%SZ";

/// The length of that time (`YYYYMMDDTHHMMSSZ`).
const STAMP_CHARS: usize = 16;

/// The length of a device id in a name (a hyphenated UUID).
const DEVICE_CHARS: usize = 36;

/// The debounce policy in words, filled from its constant.
pub fn policy_text() -> String {
    format!(
        "at most once every {MIN_MINUTES_BETWEEN_BACKUPS} minutes after a change, and whenever \
         the app goes to the background"
    )
}

/// The retention in words, filled from its constants.
pub fn retention_text() -> String {
    format!(
        "keeps the newest backup of each of the last {KEEP_DAILY} days and of each of the last \
         {KEEP_WEEKLY} weeks, and removes only older backups this device wrote itself; other \
         devices' backups and those of earlier app versions are never removed"
    )
}

/// Why an automatic backup is asked for.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupOccasion {
    /// Something in the journal changed: written only if none was written in the last
    /// [`MIN_MINUTES_BETWEEN_BACKUPS`] minutes.
    Changed,
    /// The app is going to the background: always written.
    Background,
    /// The person asked for one (the terminal's `backup` command, a "back up now" button).
    Now,
}

/// What the automatic backup remembers between calls and app restarts (in the journal file).
#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq, Eq)]
pub struct AutoBackupState {
    /// When the last backup was written (epoch ms) and the device's UTC offset then.
    pub written_ms: Option<i64>,
    /// The offset in minutes at `written_ms`.
    #[serde(default)]
    pub written_offset: i32,
    /// The last backup's file name.
    pub written_file: Option<String>,
    /// When the last failed attempt was (epoch ms), if the last attempt failed.
    pub failed_ms: Option<i64>,
    /// The offset in minutes at `failed_ms`.
    #[serde(default)]
    pub failed_offset: i32,
    /// Why the last attempt failed, if it did.
    pub failure: Option<String>,
}

/// The automatic backup's status, for the apps' settings screen.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq)]
pub struct AutoBackupStatus {
    /// When the last backup was written, if ever.
    pub last_written: Option<Moment>,
    /// Its file name in the folder.
    pub last_file: Option<String>,
    /// Why the last attempt failed, if it did (a sentence; `None` once a backup succeeds).
    pub failure: Option<String>,
    /// The status in one sentence, to show as it is.
    pub sentence: String,
    /// The debounce policy in words.
    pub policy: String,
}

/// What one `auto_backup` call did.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq)]
pub struct AutoBackupOutcome {
    /// The file written, or `None` when none was due (the debounce).
    pub written: Option<String>,
    /// Older automatic backups removed by the retention rule.
    pub removed: Vec<String>,
    /// The status after this call.
    pub status: AutoBackupStatus,
}

/// Who wrote an automatic backup, as its name says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Writer {
    /// The device with this id (a hyphenated lower-case UUID).
    Device(String),
    /// An earlier version of the app, whose names carry no device.
    Unnamed,
}

/// An automatic backup's name, read: who wrote it and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupName {
    /// The device that wrote it, if its name says.
    pub writer: Writer,
    /// When it was written (UTC).
    pub time: NaiveDateTime,
}

/// The file name of an automatic backup that the device `device` writes at `ms`.
pub fn file_name(device: &str, ms: i64, encrypted: bool) -> String {
    let stamp = DateTime::<Utc>::from_timestamp_millis(ms)
        .unwrap_or_default()
        .format(STAMP_FORMAT);
    let suffix = if encrypted {
        ENCRYPTED_SUFFIX
    } else {
        PLAIN_SUFFIX
    };
    format!("{FILE_PREFIX}{device}-{stamp}{suffix}")
}

/// The device id as it appears in names (hyphenated, lower case), or `None` if `id` is not
/// one: then no name could be read back, and the retention could never remove its files.
fn device_in_name(id: &str) -> Option<String> {
    let uuid = uuid::Uuid::try_parse(id).ok()?;
    let canonical = uuid.hyphenated().to_string();
    (canonical == id).then_some(canonical)
}

/// `YYYYMMDDTHHMMSSZ` read as a time; `None` for any other shape.
fn stamp_time(stamp: &str) -> Option<NaiveDateTime> {
    // Exactly `YYYYMMDDTHHMMSSZ`: chrono alone would accept other widths.
    let shape_ok = stamp.len() == STAMP_CHARS
        && stamp.bytes().enumerate().all(|(i, b)| match i {
            8 => b == b'T',
            15 => b == b'Z',
            _ => b.is_ascii_digit(),
        });
    if !shape_ok {
        return None;
    }
    NaiveDateTime::parse_from_str(stamp, STAMP_FORMAT).ok()
}

/// What an automatic backup's name says, in either form (with a device, or an earlier
/// version's without one); `None` for any other file, copies a sync tool made included.
pub fn parse_name(name: &str) -> Option<BackupName> {
    let rest = name.strip_prefix(FILE_PREFIX)?;
    let middle = rest
        .strip_suffix(ENCRYPTED_SUFFIX)
        .or_else(|| rest.strip_suffix(PLAIN_SUFFIX))?;
    if middle.len() == STAMP_CHARS {
        return Some(BackupName {
            writer: Writer::Unnamed,
            time: stamp_time(middle)?,
        });
    }
    let device = middle.get(..DEVICE_CHARS)?;
    let stamp = middle.get(DEVICE_CHARS..)?.strip_prefix('-')?;
    Some(BackupName {
        writer: Writer::Device(device_in_name(device)?),
        time: stamp_time(stamp)?,
    })
}

/// The time in the name of one of `device`'s own backups, or `None` for any other file
/// (another device's, an earlier version's, anything else).
pub fn own_file_time(name: &str, device: &str) -> Option<NaiveDateTime> {
    parse_name(name)
        .filter(|n| matches!(&n.writer, Writer::Device(d) if d == device))
        .map(|n| n.time)
}

/// Which of `device`'s own backups to keep: the newest of each of the last [`KEEP_DAILY`] UTC
/// days that have one, and the newest of each of the last [`KEEP_WEEKLY`] ISO weeks that have
/// one. Returns the names to remove; only `device`'s own names are ever among them.
pub fn to_remove(names: &[String], device: &str) -> Vec<String> {
    let mut own: Vec<(NaiveDateTime, &String)> = names
        .iter()
        .filter_map(|n| own_file_time(n, device).map(|t| (t, n)))
        .collect();
    // Newest first; the name breaks ties so the choice does not depend on the listing order.
    own.sort_by(|a, b| b.cmp(a));
    let mut keep: BTreeSet<&String> = BTreeSet::new();
    let mut days = BTreeSet::new();
    let mut weeks = BTreeSet::new();
    for (time, name) in &own {
        let day = time.date();
        // The first (newest) backup of a day not seen yet, while fewer than KEEP_DAILY days are.
        if days.len() < KEEP_DAILY && days.insert(day) {
            keep.insert(name);
        }
        let week = (day.iso_week().year(), day.iso_week().week());
        if weeks.len() < KEEP_WEEKLY && weeks.insert(week) {
            keep.insert(name);
        }
    }
    own.iter()
        .filter(|(_, n)| !keep.contains(n))
        .map(|(_, n)| (*n).clone())
        .collect()
}

/// Whether a backup is due now for `occasion`, given the state.
pub fn is_due(state: &AutoBackupState, occasion: BackupOccasion, now_ms: i64) -> bool {
    match (occasion, state.written_ms) {
        (BackupOccasion::Changed, Some(last)) => {
            // A clock set back (now before the last backup) makes one due rather than none
            // for as long as the clock is behind.
            let since = now_ms - last;
            !(0..MIN_MINUTES_BETWEEN_BACKUPS * MINUTE_MS).contains(&since)
        }
        _ => true,
    }
}

/// `Wed 2 Dec 2026 at 13:00`: an epoch-ms time shown at the device's offset then.
pub(crate) fn when(ms: i64, offset: i32) -> String {
    let local = ms + i64::from(offset) * MINUTE_MS;
    match DateTime::<Utc>::from_timestamp_millis(local) {
        Some(t) => {
            let minute = f64::from(t.time().num_seconds_from_midnight() / 60);
            format!("{} at {}", date_text(t.date_naive()), clock_text(minute))
        }
        None => "an unknown time".to_string(),
    }
}

/// The status the apps show, from the stored state.
pub fn status(state: &AutoBackupState) -> AutoBackupStatus {
    let last = match (state.written_ms, &state.written_file) {
        (Some(ms), Some(file)) => Some(format!(
            "The last backup was written on {} ({file}).",
            when(ms, state.written_offset)
        )),
        _ => None,
    };
    let sentence = match (&state.failure, state.failed_ms, &last) {
        (Some(why), Some(ms), Some(last)) => format!(
            "The backup on {} failed: {why}. {last}",
            when(ms, state.failed_offset)
        ),
        (Some(why), Some(ms), None) => format!(
            "The backup on {} failed: {why}. No backup has been written yet.",
            when(ms, state.failed_offset)
        ),
        (_, _, Some(last)) => last.clone(),
        _ => "No automatic backup has been written yet.".to_string(),
    };
    AutoBackupStatus {
        last_written: state
            .written_ms
            .map(|ms| Moment::from_millis(ms, state.written_offset)),
        last_file: state.written_file.clone(),
        failure: state.failure.clone(),
        sentence,
        policy: policy_text(),
    }
}

/// Runs one automatic backup of `journal` into `folder` (see [`Journal::auto_backup`]).
pub fn run(
    journal: &Journal,
    folder: &Path,
    passphrase: Option<&str>,
    occasion: BackupOccasion,
    now: &Moment,
) -> Result<AutoBackupOutcome> {
    if let Some(p) = passphrase {
        encrypt::check_new_passphrase(p)?;
    }
    let now_ms = now.millis();
    let device = own_device(journal)?;
    let state = journal.read(|conn, _| backup_state::load(conn))?;
    if !is_due(&state, occasion, now_ms) {
        return Ok(AutoBackupOutcome {
            written: None,
            removed: Vec::new(),
            status: status(&state),
        });
    }
    let json = journal.read(|conn, settings| backup::export_json(conn, settings, now))?;
    let zip = archive::write_zip(&[(BACKUP_FILE_NAME, json.as_bytes())])?;
    drop(json);
    let bytes = match passphrase {
        Some(p) => encrypt::encrypt(&zip, p)?,
        None => zip,
    };
    let name = file_name(&device, now_ms, passphrase.is_some());
    let mut state = state;
    let written = backup_folder::write_atomically(folder, &name, &bytes);
    if let Err(err) = written {
        let reason = backup_folder::failure_sentence(&err);
        state.failed_ms = Some(now_ms);
        state.failed_offset = now.offset_minutes;
        state.failure = Some(reason.clone());
        journal.write(|tx, _| backup_state::save(tx, &state, now_ms))?;
        return Err(JournalError::BackupFailed { reason });
    }
    state.written_ms = Some(now_ms);
    state.written_offset = now.offset_minutes;
    state.written_file = Some(name.clone());
    state.failed_ms = None;
    state.failure = None;
    journal.write(|tx, _| backup_state::save(tx, &state, now_ms))?;
    let removed = prune(folder, &device, now_ms);
    Ok(AutoBackupOutcome {
        written: Some(name),
        removed,
        status: status(&state),
    })
}

/// This device's id (the folder sync's, made on first use), as it goes into names.
fn own_device(journal: &Journal) -> Result<String> {
    let id = journal.device_id()?;
    device_in_name(&id).ok_or_else(|| JournalError::Corrupt {
        detail: format!("this device's stored id {id:?} is not a UUID"),
    })
}

/// Removes `device`'s own backups the retention rule no longer keeps, and its stale temporary
/// files; returns the names removed. A file that cannot be removed stays (the next backup tries
/// again): retention never makes a written backup fail.
fn prune(folder: &Path, device: &str, now_ms: i64) -> Vec<String> {
    let Ok(names) = backup_folder::file_names(folder) else {
        return Vec::new();
    };
    let mut doomed = to_remove(&names, device);
    // Our own device's temporary files a crash left (their names start with the name written).
    let now = std::time::UNIX_EPOCH
        + std::time::Duration::from_millis(u64::try_from(now_ms).unwrap_or(0));
    doomed.extend(backup_folder::stale_temps(
        folder,
        &names,
        &format!("{FILE_PREFIX}{device}-"),
        now,
    ));
    doomed
        .into_iter()
        .filter(|n| std::fs::remove_file(folder.join(n)).is_ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const OURS: &str = "0193e4a0-0000-4000-8000-000000000001";
    const THEIRS: &str = "0193e4a0-0000-4000-8000-0000000000ff";

    #[test]
    fn only_our_exact_names_are_ours() {
        let ms = 1_796_212_800_000; // 2026-12-02T12:00:00Z
        assert_eq!(
            file_name(OURS, ms, false),
            format!("rlsjournal-auto-{OURS}-20261202T120000Z.zip")
        );
        assert_eq!(
            file_name(OURS, ms, true),
            format!("rlsjournal-auto-{OURS}-20261202T120000Z.zip.age")
        );
        let time = own_file_time(&file_name(OURS, ms, true), OURS);
        assert_eq!(time.map(|t| t.and_utc().timestamp_millis()), Some(ms));
        assert_eq!(own_file_time(&file_name(THEIRS, ms, false), OURS), None);
        // An earlier version's name is read (a backup), but is no device's own.
        let legacy = parse_name("rlsjournal-auto-20261202T120000Z.zip").unwrap();
        assert_eq!(legacy.writer, Writer::Unnamed);
        assert_eq!(
            own_file_time("rlsjournal-auto-20261202T120000Z.zip", OURS),
            None
        );
        for other in [
            "rlsjournal-auto-20261202T120000Z.json".to_string(),
            "rlsjournal-auto-2026120T120000Z.zip".to_string(),
            "rlsjournal-auto-20261202T120000Z.zip.bak".to_string(),
            "rlsjournal-auto-20261302T120000Z.zip".to_string(),
            "rlsjournal-auto-+2026122T120000Z.zip".to_string(),
            "my-rlsjournal-auto-20261202T120000Z.zip".to_string(),
            "rlsjournal-backup.json".to_string(),
            "rlsjournal-auto-notes.txt".to_string(),
            format!("rlsjournal-auto-{OURS}-20261202T120000Z 2.zip"),
            format!("rlsjournal-auto-{OURS}-20261202T120000Z.sync-conflict-x.zip"),
            format!("rlsjournal-auto-{OURS}20261202T120000Z.zip"),
            format!(
                "rlsjournal-auto-{}-20261202T120000Z.zip",
                OURS.to_uppercase()
            ),
            format!("rlsjournal-auto-{OURS}-20261202T1200Z.zip"),
            "rlsjournal-auto-not-a-uuid-at-all-but-36-chars-long-20261202T120000Z.zip".to_string(),
        ] {
            assert_eq!(parse_name(&other), None, "{other}");
        }
    }

    #[test]
    fn the_names_old_versions_parse_never_include_a_device_named_one() {
        // Earlier versions took exactly 16 characters between prefix and suffix as their own.
        let name = file_name(OURS, 1_796_212_800_000, false);
        let middle = &name[FILE_PREFIX.len()..name.len() - PLAIN_SUFFIX.len()];
        assert_ne!(middle.len(), 16);
    }

    #[test]
    fn retention_removes_only_the_given_devices_names() {
        let day = 86_400_000;
        let start = 1_796_212_800_000;
        let mut names: Vec<String> = (0..40)
            .flat_map(|d| {
                [
                    file_name(OURS, start + d * day, false),
                    file_name(THEIRS, start + d * day + 1000, false),
                ]
            })
            .collect();
        names.push("rlsjournal-auto-20261202T120000Z.zip".into());
        let doomed = to_remove(&names, OURS);
        assert!(!doomed.is_empty());
        assert!(doomed.iter().all(|n| n.contains(OURS)), "{doomed:?}");
        assert!(to_remove(&names, THEIRS).iter().all(|n| n.contains(THEIRS)));
        assert_eq!(device_in_name(&OURS.to_uppercase()), None);
        assert_eq!(device_in_name(OURS).as_deref(), Some(OURS));
    }

    #[test]
    fn the_debounce_allows_one_backup_per_ten_minutes_after_changes() {
        let last = 1_000_000_000;
        let state = AutoBackupState {
            written_ms: Some(last),
            ..AutoBackupState::default()
        };
        let minute = MINUTE_MS;
        assert!(!is_due(&state, BackupOccasion::Changed, last + 9 * minute));
        assert!(is_due(&state, BackupOccasion::Changed, last + 10 * minute));
        assert!(is_due(&state, BackupOccasion::Background, last + minute));
        assert!(is_due(&state, BackupOccasion::Now, last));
        // A clock set back an hour: due, not blocked for an hour.
        assert!(is_due(&state, BackupOccasion::Changed, last - 60 * minute));
        assert!(is_due(
            &AutoBackupState::default(),
            BackupOccasion::Changed,
            last
        ));
    }

    #[test]
    fn the_status_says_when_or_why() {
        let never = status(&AutoBackupState::default());
        assert_eq!(never.sentence, "No automatic backup has been written yet.");
        let state = AutoBackupState {
            written_ms: Some(1_796_212_800_000), // 2026-12-02T12:00Z, shown at +01:00
            written_offset: 60,
            written_file: Some("rlsjournal-auto-20261202T120000Z.zip".into()),
            ..AutoBackupState::default()
        };
        assert_eq!(
            status(&state).sentence,
            "The last backup was written on Wed 2 Dec 2026 at 13:00 \
             (rlsjournal-auto-20261202T120000Z.zip)."
        );
        let failed = AutoBackupState {
            failed_ms: Some(1_796_216_400_000), // one hour later
            failed_offset: 60,
            failure: Some("the backup folder is gone".into()),
            ..state
        };
        assert_eq!(
            status(&failed).sentence,
            "The backup on Wed 2 Dec 2026 at 14:00 failed: the backup folder is gone. The last \
             backup was written on Wed 2 Dec 2026 at 13:00 (rlsjournal-auto-20261202T120000Z.zip)."
        );
        assert!(status(&failed).policy.contains("10 minutes"));
    }
}
