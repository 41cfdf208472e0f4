//! Devices in step through a shared folder, and the new phone's restore (issue 17 §3-§4), on
//! real journal files and a real temporary folder: convergence of two and three devices, what
//! synced folders really deliver (late, twice, cut short, conflict copies, iCloud duplicates
//! and placeholders, foreign files, another passphrase, clocks far ahead), fingerprints that
//! make a re-sync cheap, and `age` interoperability of the device files.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use common::skip::tools_present;
use common::typed_input::age_tool;
use common::*;
use rlsjournal_core::export::auto_backup::BackupOccasion;
use rlsjournal_core::*;

const PASS: &str = "correct horse battery";

/// 2026-12-02T12:00:00Z: the fixed export time that makes two journals' backups comparable.
const NOON_MS: i64 = 1_796_212_800_000;

/// Everything a journal holds (records with their stamps, tombstones, settings).
fn contents(journal: &Journal) -> String {
    journal
        .backup_json_at(&Moment::from_millis(NOON_MS, 0))
        .unwrap()
}

/// A device: a journal file of its own.
struct Device {
    _dir: tempfile::TempDir,
    path: PathBuf,
    journal: Arc<Journal>,
}

fn device() -> Device {
    let (dir, path, journal) = file_journal();
    Device {
        _dir: dir,
        path,
        journal,
    }
}

fn sync(device: &Device, folder: &Path) -> SyncReport {
    device
        .journal
        .sync_folder(folder.to_string_lossy().into_owned(), None)
        .unwrap()
}

fn sync_with(device: &Device, folder: &Path, pass: &str) -> SyncReport {
    device
        .journal
        .sync_folder(folder.to_string_lossy().into_owned(), Some(pass.into()))
        .unwrap()
}

/// An episode on `night` (November 2026) from 23:00 to 23:40, peak `peak`.
fn episode_on(day: u32, peak: i32) -> EpisodeData {
    full_episode(
        &format!("2026-11-{day:02}T23:00:00+01:00"),
        &format!("2026-11-{day:02}T23:40:00+01:00"),
        peak,
    )
}

fn own_file(device: &Device) -> String {
    format!(
        "rlsjournal-device-{}.json",
        device.journal.device_id().unwrap()
    )
}

#[test]
fn two_devices_converge_and_deletes_and_undo_travel() {
    let folder = tempfile::tempdir().unwrap();
    let (a, b) = (device(), device());
    let episode = a.journal.add_episode(episode_on(10, 6)).unwrap();
    b.journal.add_sleep_diary(diary("2026-11-11")).unwrap();

    let first = sync(&a, folder.path());
    assert_eq!(first.written.as_deref(), Some(own_file(&a).as_str()));
    assert!(first.merged.is_empty());
    let second = sync(&b, folder.path());
    assert_eq!(second.merged, vec![own_file(&a)]);
    assert_eq!(second.added, 1);
    sync(&a, folder.path());
    assert_eq!(contents(&a.journal), contents(&b.journal));
    assert_ne!(
        a.journal.device_id().unwrap(),
        b.journal.device_id().unwrap()
    );

    // A delete on B travels to A; B's undo of it travels too.
    b.journal.delete_entry(episode.id.clone()).unwrap();
    sync(&b, folder.path());
    sync(&a, folder.path());
    assert!(a.journal.entry(episode.id.clone()).is_err());
    assert_eq!(contents(&a.journal), contents(&b.journal));
    b.journal.undo_delete().unwrap();
    sync(&b, folder.path());
    sync(&a, folder.path());
    assert!(a.journal.entry(episode.id.clone()).is_ok());
    assert_eq!(contents(&a.journal), contents(&b.journal));

    // B reads A's last file (nothing new in it, so B writes nothing); then a round changes
    // nothing, reads nothing and writes nothing.
    let settle = sync(&b, folder.path());
    assert_eq!((settle.added, settle.updated, settle.written), (0, 0, None));
    for d in [&a, &b] {
        let again = sync(d, folder.path());
        assert_eq!(again.written, None, "{}", again.sentence);
        assert!(again.merged.is_empty());
        assert_eq!(again.unchanged, 1);
    }
    // The device id is the journal's own: no backup carries it.
    let id = a.journal.device_id().unwrap();
    assert!(!a.journal.backup_json().unwrap().contains(&id));
}

#[test]
fn three_devices_converge_and_a_new_phone_restores_from_the_folder_and_joins() {
    let folder = tempfile::tempdir().unwrap();
    let devices = [device(), device(), device()];
    for (n, d) in devices.iter().enumerate() {
        let day = 3 + u32::try_from(n).unwrap() * 2;
        d.journal.add_episode(episode_on(day, 4)).unwrap();
        d.journal
            .add_sleep_diary(diary(&format!("2026-11-{day:02}")))
            .unwrap();
    }
    // An edit on one device of a record another device made.
    sync(&devices[0], folder.path());
    sync(&devices[1], folder.path());
    let from_a = all_history(&devices[1].journal, vec![EntryKind::Episode], 10)
        .into_iter()
        .find(|item| item.night == date("2026-11-03"))
        .unwrap();
    devices[1]
        .journal
        .edit_episode(from_a.id.clone(), episode_on(3, 9))
        .unwrap();
    for _ in 0..2 {
        for d in &devices {
            sync(d, folder.path());
        }
    }
    let reference = contents(&devices[0].journal);
    for d in &devices {
        assert_eq!(contents(&d.journal), reference);
    }
    let edited = devices[2].journal.entry(from_a.id.clone()).unwrap();
    assert!(
        format!("{edited:?}").contains("peak_intensity: 9"),
        "{edited:?}"
    );

    // The new phone: one call, from the folder.
    let phone_dir = tempfile::tempdir().unwrap();
    let phone_path = phone_dir.path().join("journal.db");
    let phone = Journal::restore(
        phone_path.to_string_lossy().into_owned(),
        folder.path().to_string_lossy().into_owned(),
        None,
    )
    .unwrap();
    assert_eq!(contents(&phone), reference);
    assert_eq!(phone.sync_status().unwrap().merged.len(), 3);
    let phone = Device {
        _dir: phone_dir,
        path: phone_path,
        journal: phone,
    };
    let ids: Vec<String> = devices
        .iter()
        .map(|d| d.journal.device_id().unwrap())
        .collect();
    let joined = sync(&phone, folder.path());
    assert!(
        !ids.contains(&joined.device_id),
        "the phone is a new device"
    );
    assert_eq!(joined.written.as_deref(), Some(own_file(&phone).as_str()));
    phone.journal.add_episode(episode_on(20, 8)).unwrap();
    sync(&phone, folder.path());
    let seen = sync(&devices[0], folder.path());
    assert_eq!(seen.added, 1, "{}", seen.sentence);
    assert_eq!(contents(&devices[0].journal), contents(&phone.journal));
    assert!(phone.path.exists());
}

#[test]
fn odd_files_are_merged_or_skipped_with_a_sentence_and_the_rest_completes() {
    let folder = tempfile::tempdir().unwrap();
    let f = folder.path();
    let (a, b) = (device(), device());
    b.journal.add_episode(episode_on(5, 5)).unwrap();
    sync_with(&b, f, PASS);
    let b_id = b.journal.device_id().unwrap();
    let b_name = format!("rlsjournal-device-{b_id}.json.age");
    let b_old = std::fs::read(f.join(&b_name)).unwrap();
    b.journal.add_episode(episode_on(6, 6)).unwrap();
    sync_with(&b, f, PASS);
    let b_new = std::fs::read(f.join(&b_name)).unwrap();

    // A foreign file, a writer's temporary file, an iCloud placeholder, a Syncthing conflict
    // copy holding B's older version, an iCloud duplicate, a copy cut short, and a device
    // that uses another passphrase.
    std::fs::write(f.join("notes.txt"), b"mine, not the journal's").unwrap();
    std::fs::write(f.join(format!(".syncthing.{b_name}.tmp")), &b_new[..10]).unwrap();
    let ghost = "0193e4a0-0000-4000-8000-00000000abcd";
    std::fs::write(
        f.join(format!(".rlsjournal-device-{ghost}.json.icloud")),
        b"",
    )
    .unwrap();
    let conflict =
        format!("rlsjournal-device-{b_id}.json.sync-conflict-20261202-120000-ABCDEFG.age");
    std::fs::write(f.join(&conflict), &b_old).unwrap();
    let duplicate = format!("rlsjournal-device-{b_id} 2.json.age");
    std::fs::write(f.join(&duplicate), &b_new).unwrap();
    let cut = format!("rlsjournal-device-{b_id} 3.json.age");
    std::fs::write(f.join(&cut), &b_new[..b_new.len() / 2]).unwrap();
    let stranger = device();
    stranger.journal.add_episode(episode_on(7, 7)).unwrap();
    sync_with(&stranger, f, "another passphrase");

    let report = sync_with(&a, f, PASS);
    assert_eq!(report.merged, {
        let mut m = vec![b_name.clone(), duplicate.clone(), conflict.clone()];
        m.sort();
        m
    });
    assert_eq!(report.added, 2, "{}", report.sentence);
    assert_eq!(report.skipped.len(), 3, "{:?}", report.skipped);
    let skipped = report.skipped.join("\n");
    assert!(
        skipped.contains("not downloaded to this device yet"),
        "{skipped}"
    );
    assert!(
        skipped.contains(&format!("{cut} (from device {}", &b_id[..8])),
        "{skipped}"
    );
    assert!(skipped.contains("passphrase does not open it"), "{skipped}");
    assert!(report.written.is_some());
    let status = a.journal.sync_status().unwrap();
    assert_eq!(status.skipped, report.skipped);
    assert!(
        status.sentence.contains("3 files skipped"),
        "{}",
        status.sentence
    );
    assert_eq!(
        std::fs::read(f.join("notes.txt")).unwrap(),
        b"mine, not the journal's"
    );
    assert!(f.join(format!(".syncthing.{b_name}.tmp")).exists());

    // The cut copy arrives whole later: merged then; files delivered twice change nothing.
    std::fs::write(f.join(&cut), &b_new).unwrap();
    std::fs::write(f.join(&duplicate), &b_new).unwrap(); // rewritten: new time, same bytes
    let later = sync_with(&a, f, PASS);
    assert_eq!(later.merged, vec![cut.clone()]);
    assert_eq!(later.added + later.updated, 0);
    assert_eq!(later.written, None, "nothing changed: {}", later.sentence);
    let a_entries = contents(&a.journal);
    assert_eq!(a_entries, {
        let b_sees = sync_with(&b, f, PASS);
        assert_eq!(b_sees.added, 0);
        contents(&b.journal)
    });
}

#[test]
fn a_file_from_a_clock_far_ahead_is_skipped_naming_the_device() {
    let folder = tempfile::tempdir().unwrap();
    let (a, b) = (device(), device());
    b.journal.add_episode(episode_on(5, 5)).unwrap();
    sync(&b, folder.path());
    let b_id = b.journal.device_id().unwrap();
    let file = folder.path().join(format!("rlsjournal-device-{b_id}.json"));
    // The record claims a change three days from now.
    let text = std::fs::read_to_string(&file).unwrap();
    let ahead = chrono::Utc::now() + chrono::Duration::days(3);
    let stamp = ahead.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string();
    let mut changed = String::new();
    for line in text.lines() {
        if line.trim_start().starts_with("\"updated_at\"") {
            changed.push_str(&format!("      \"updated_at\": \"{stamp}\",\n"));
        } else {
            changed.push_str(line);
            changed.push('\n');
        }
    }
    assert_ne!(changed, text);
    std::fs::write(&file, changed).unwrap();
    let report = sync(&a, folder.path());
    assert!(report.merged.is_empty());
    let why = report.skipped.join("\n");
    assert!(why.contains(&format!("device {}", &b_id[..8])), "{why}");
    assert!(why.contains("24 hours ahead"), "{why}");
    assert!(report.written.is_some(), "the rest of the sync completes");
}

#[test]
fn a_resync_with_nothing_new_reads_and_writes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let devices: Vec<Device> = (0..3).map(|_| device()).collect();
    for (n, d) in devices.iter().enumerate() {
        for day in 1..=28 {
            let peak = 1 + i32::try_from((day + n as u32) % 10).unwrap();
            d.journal
                .add_episode(full_episode(
                    &format!("2026-{:02}-{day:02}T23:00:00+01:00", 8 + n),
                    &format!("2026-{:02}-{day:02}T23:30:00+01:00", 8 + n),
                    peak,
                ))
                .unwrap();
        }
    }
    // Three rounds: the last devices' files of round two are read once more in round three.
    for _ in 0..3 {
        for d in &devices {
            sync(d, folder.path());
        }
    }
    let own = folder.path().join(own_file(&devices[0]));
    let modified = std::fs::metadata(&own).unwrap().modified().unwrap();
    let started = Instant::now();
    let report = sync(&devices[0], folder.path());
    let took = started.elapsed();
    assert_eq!(report.written, None);
    assert!(report.merged.is_empty());
    assert_eq!(report.unchanged, 2);
    assert_eq!(
        std::fs::metadata(&own).unwrap().modified().unwrap(),
        modified
    );
    eprintln!("re-sync with nothing new (3 devices, 84 episodes): {took:?}");
    // A sync tool touching a file's time makes it re-read (hash) but not merged again.
    let other = folder.path().join(own_file(&devices[1]));
    let bytes = std::fs::read(&other).unwrap();
    std::fs::write(&other, &bytes).unwrap();
    let touched = sync(&devices[0], folder.path());
    assert!(touched.merged.is_empty());
    assert_eq!(touched.unchanged, 2);
}

#[test]
fn a_gone_folder_is_a_sentence_and_the_status_keeps_it() {
    let a = device();
    let gone = a._dir.path().join("gone");
    let err = a
        .journal
        .sync_folder(gone.to_string_lossy().into_owned(), None)
        .unwrap_err();
    let JournalError::SyncFailed { reason } = &err else {
        panic!("{err:?}");
    };
    assert!(reason.contains("sync folder is gone"), "{reason}");
    let status = a.journal.sync_status().unwrap();
    assert_eq!(status.failure.as_deref(), Some(reason.as_str()));
    assert!(
        status.sentence.contains("did not run"),
        "{}",
        status.sentence
    );
    assert!(error_message(err).contains("intact"));
    // A short passphrase is refused before anything happens.
    std::fs::create_dir(&gone).unwrap();
    let short = a
        .journal
        .sync_folder(gone.to_string_lossy().into_owned(), Some("short".into()));
    assert!(matches!(short, Err(JournalError::InvalidInput { .. })));
    assert!(names(&gone).is_empty());
    sync(&a, &gone);
    assert_eq!(a.journal.sync_status().unwrap().failure, None);
}

#[test]
fn restore_is_all_or_nothing_and_never_overwrites_records() {
    let folder = tempfile::tempdir().unwrap();
    let a = device();
    a.journal.add_episode(episode_on(5, 5)).unwrap();
    // Into a journal with records: refused, the journal unchanged.
    let b = device();
    b.journal.add_sleep_diary(diary("2026-11-02")).unwrap();
    let before = contents(&b.journal);
    std::fs::write(
        folder.path().join("backup.json"),
        a.journal.backup_json().unwrap(),
    )
    .unwrap();
    let err = Journal::restore(
        b.path.to_string_lossy().into_owned(),
        folder
            .path()
            .join("backup.json")
            .to_string_lossy()
            .into_owned(),
        None,
    )
    .err()
    .unwrap();
    assert!(
        matches!(err, JournalError::RestoreRefused { .. }),
        "{err:?}"
    );
    assert_eq!(contents(&b.journal), before);

    // From a folder where nothing can be merged: an error, and no journal file left behind.
    let empty = tempfile::tempdir().unwrap();
    let id = "0193e4a0-0000-4000-8000-000000000077";
    std::fs::write(
        empty.path().join(format!("rlsjournal-device-{id}.json")),
        b"{\"format\"",
    )
    .unwrap();
    let target = tempfile::tempdir().unwrap();
    let path = target.path().join("new.db");
    let err = Journal::restore(
        path.to_string_lossy().into_owned(),
        empty.path().to_string_lossy().into_owned(),
        None,
    )
    .err()
    .unwrap();
    assert!(
        matches!(err, JournalError::ImportRejected { .. }),
        "{err:?}"
    );
    assert!(
        names(target.path()).is_empty(),
        "{:?}",
        names(target.path())
    );

    // From an encrypted backup file, with its passphrase (a wrong one leaves nothing).
    let sealed = folder.path().join("backup.zip.age");
    std::fs::write(&sealed, a.journal.backup_encrypted(PASS.into()).unwrap()).unwrap();
    let wrong = Journal::restore(
        path.to_string_lossy().into_owned(),
        sealed.to_string_lossy().into_owned(),
        Some("not the passphrase".into()),
    );
    assert!(matches!(wrong, Err(JournalError::WrongPassphrase)));
    assert!(names(target.path()).is_empty());
    let restored = Journal::restore(
        path.to_string_lossy().into_owned(),
        sealed.to_string_lossy().into_owned(),
        Some(PASS.into()),
    )
    .unwrap();
    assert_eq!(contents(&restored), contents(&a.journal));
}

#[test]
fn a_restore_with_no_folder_chosen_says_so_in_the_cores_words_and_creates_nothing() {
    let target = tempfile::tempdir().unwrap();
    let path = target.path().join("new.db");
    let err = Journal::restore(path.to_string_lossy().into_owned(), String::new(), None)
        .err()
        .unwrap();
    assert!(
        matches!(&err, JournalError::InvalidInput { field, .. } if field == "source"),
        "{err:?}"
    );
    assert_eq!(
        error_message(err),
        "The folder or backup file to restore from is not chosen: choose the folder your other \
         phone syncs with first."
    );
    assert!(
        names(target.path()).is_empty(),
        "{:?}",
        names(target.path())
    );
}

#[test]
fn the_age_tool_opens_our_device_file_and_its_snapshot_merges() {
    if !tools_present(
        "the_age_tool_opens_our_device_file_and_its_snapshot_merges",
        &["age", "script"],
    ) {
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let a = device();
    a.journal.add_episode(episode_on(5, 5)).unwrap();
    let written = sync_with(&a, folder.path(), PASS).written.unwrap();
    assert!(written.ends_with(".json.age"));
    std::fs::copy(folder.path().join(&written), work.path().join("ours.age")).unwrap();
    age_tool(
        work.path(),
        "-d -o ours.json ours.age",
        &format!("{PASS}\n"),
    );
    let opened = std::fs::read_to_string(work.path().join("ours.json")).unwrap();
    assert!(opened.contains("\"format\": \"rlsjournal-backup\""));

    // A snapshot the age tool encrypted, dropped in the folder as another device's file.
    let b = device();
    b.journal.add_sleep_diary(diary("2026-11-09")).unwrap();
    std::fs::write(
        work.path().join("theirs.json"),
        b.journal.backup_json().unwrap(),
    )
    .unwrap();
    age_tool(
        work.path(),
        "-e -p -o theirs.age theirs.json",
        &format!("{PASS}\n{PASS}\n"),
    );
    let id = "0193e4a0-0000-4000-8000-0000000000bb";
    std::fs::copy(
        work.path().join("theirs.age"),
        folder
            .path()
            .join(format!("rlsjournal-device-{id}.json.age")),
    )
    .unwrap();
    let report = sync_with(&a, folder.path(), PASS);
    assert_eq!(report.added, 1, "{}", report.sentence);
    assert!(a
        .journal
        .night(date("2026-11-09"))
        .unwrap()
        .sleep_diary
        .is_some());
    // Our plain file, had there been one, is gone once the passphrase is used.
    assert!(names(folder.path())
        .iter()
        .all(|n| !n.ends_with(".json") || n.contains(id)));
}

/// Sets `name`'s modified time `hours` ago.
fn age_file(folder: &Path, name: &str, hours: u64) {
    let file = std::fs::File::options()
        .write(true)
        .open(folder.join(name))
        .unwrap();
    let then = std::time::SystemTime::now() - std::time::Duration::from_secs(hours * 3600);
    file.set_modified(then).unwrap();
}

#[test]
fn a_sync_removes_only_its_own_temporary_files_a_crash_left() {
    let folder = tempfile::tempdir().unwrap();
    let phone = device();
    let other = device();
    sync(&phone, folder.path());
    sync(&other, folder.path());
    let own = own_file(&phone);
    let other_own = own_file(&other);
    // What a crash mid-write leaves (backup_folder::temp_name): ours an hour and more old, ours
    // just written by another handle, the other device's old one, and a file of the person's.
    let stale = format!(".{own}.1234-0000.tmp");
    let stale_encrypted = format!(".{own}.age.1234-0001.tmp");
    let fresh = format!(".{own}.1234-0002.tmp");
    let theirs = format!(".{other_own}.99-0003.tmp");
    let person = ".notes.tmp".to_string();
    for name in [&stale, &stale_encrypted, &fresh, &theirs, &person] {
        std::fs::write(folder.path().join(name), b"partial").unwrap();
    }
    for name in [&stale, &stale_encrypted, &theirs, &person] {
        age_file(folder.path(), name, 3);
    }

    phone.journal.add_episode(episode_on(3, 5)).unwrap();
    sync(&phone, folder.path());

    let left = names(folder.path());
    assert!(
        !left.contains(&stale),
        "our crash leftover is removed: {left:?}"
    );
    assert!(!left.contains(&stale_encrypted), "in either form: {left:?}");
    for kept in [&fresh, &theirs, &person, &own, &other_own] {
        assert!(left.contains(kept), "{kept} stays: {left:?}");
    }
}

#[test]
fn a_new_phone_restores_the_newest_automatic_backup_from_a_folder_that_was_never_synced() {
    let folder = tempfile::tempdir().unwrap();
    let old_phone = device();
    old_phone.journal.add_episode(episode_on(4, 4)).unwrap();
    let back_up = || {
        old_phone
            .journal
            .auto_backup(
                folder.path().to_string_lossy().into_owned(),
                Some(PASS.into()),
                BackupOccasion::Background,
            )
            .unwrap()
    };
    let first = back_up();
    // A second later (the backup time, to the second, is in the name), with one more entry.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    old_phone.journal.add_episode(episode_on(6, 7)).unwrap();
    let second = back_up();
    assert!(first.written.is_some() && second.written.is_some());
    assert_ne!(
        first.written, second.written,
        "two backups: {first:?} {second:?}"
    );
    std::fs::write(folder.path().join("notes.txt"), b"the person's").unwrap();

    let target = tempfile::tempdir().unwrap();
    let path = target.path().join("new.db");
    let wrong = Journal::restore(
        path.to_string_lossy().into_owned(),
        folder.path().to_string_lossy().into_owned(),
        Some("not the passphrase".into()),
    );
    assert!(
        matches!(wrong, Err(JournalError::WrongPassphrase)),
        "{:?}",
        wrong.err()
    );
    assert!(names(target.path()).is_empty(), "nothing left behind");

    let phone = Journal::restore(
        path.to_string_lossy().into_owned(),
        folder.path().to_string_lossy().into_owned(),
        Some(PASS.into()),
    )
    .unwrap();
    assert_eq!(
        contents(&phone),
        contents(&old_phone.journal),
        "the newest backup, with both episodes"
    );
    assert_eq!(
        std::fs::read(folder.path().join("notes.txt")).unwrap(),
        b"the person's"
    );
}
