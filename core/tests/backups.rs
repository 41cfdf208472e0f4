//! Encrypted backups (age, passphrase) and automatic backups to a folder (issue 17 items 1, 2),
//! on real journal files and real folders; the `age` tool for interoperability both ways.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::skip::tools_present;
use common::typed_input::age_tool;
use common::*;
use rlsjournal_core::export::auto_backup::{file_name, BackupOccasion};
use rlsjournal_core::*;

const PASS: &str = "correct horse battery";

/// 2026-12-02T12:00:00Z, a Wednesday.
const NOON_MS: i64 = 1_796_212_800_000;
const MINUTE_MS: i64 = 60_000;
const DAY_MS: i64 = 24 * 60 * MINUTE_MS;

fn moment(ms: i64) -> Moment {
    Moment::from_millis(ms, 0)
}

/// A journal file holding a few records.
fn journal_with_records() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    std::sync::Arc<Journal>,
) {
    let (dir, path, journal) = file_journal();
    journal
        .add_episode(full_episode(
            "2026-11-20T23:10:00+01:00",
            "2026-11-21T00:40:00+01:00",
            7,
        ))
        .unwrap();
    journal.add_sleep_diary(diary("2026-11-20")).unwrap();
    (dir, path, journal)
}

/// Everything the journal holds, as its backup at a fixed time (so two can be compared).
fn contents(journal: &Journal) -> String {
    journal.backup_json_at(&moment(NOON_MS)).unwrap()
}

#[test]
fn an_encrypted_backup_restores_the_same_journal_and_hides_its_content() {
    let (_dir, _path, journal) = journal_with_records();
    let sealed = journal.backup_encrypted(PASS.into()).unwrap();
    assert!(sealed.starts_with(b"age-encryption.org/v1\n"));
    // Nothing of the records is readable in the file (the note is in the episode).
    assert!(!sealed.windows(10).any(|w| w == b"long drive"));
    let (_dir2, _path2, fresh) = file_journal();
    let summary = fresh
        .import_backup_with_passphrase(sealed, PASS.into())
        .unwrap();
    assert_eq!(summary.added, 2);
    assert_eq!(contents(&fresh), contents(&journal));
    // A plain backup still imports through the same call, passphrase or not.
    let (_dir3, _path3, other) = file_journal();
    let plain = journal.backup_zip().unwrap();
    assert_eq!(
        other
            .import_backup_with_passphrase(plain, String::new())
            .unwrap()
            .added,
        2
    );
}

#[test]
fn an_encrypted_file_without_a_passphrase_asks_for_one() {
    let (dir, _path, journal) = journal_with_records();
    let sealed = journal.backup_encrypted(PASS.into()).unwrap();
    let (_dir2, _path2, fresh) = file_journal();
    let err = fresh.import_backup(sealed.clone()).unwrap_err();
    assert_eq!(err, JournalError::PassphraseNeeded);
    assert_eq!(
        err.to_string(),
        "this backup is encrypted — a passphrase is needed"
    );
    let file = dir.path().join("backup.zip.age");
    std::fs::write(&file, &sealed).unwrap();
    assert_eq!(
        fresh
            .import_backup_file(file.to_string_lossy().into_owned())
            .unwrap_err(),
        JournalError::PassphraseNeeded
    );
    assert_eq!(
        fresh
            .import_backup_file_with_passphrase(file.to_string_lossy().into_owned(), PASS.into())
            .unwrap()
            .added,
        2
    );
}

#[test]
fn wrong_truncated_or_changed_encrypted_backups_leave_the_journal_unchanged() {
    let (_dir, _path, source) = journal_with_records();
    let sealed = source.backup_encrypted(PASS.into()).unwrap();
    // The target holds a record of its own that a half-done import would disturb.
    let (_dir2, _path2, target) = file_journal();
    target.quick_log(5, None, None).unwrap();
    let before = contents(&target);

    let wrong = target.import_backup_with_passphrase(sealed.clone(), "not the passphrase".into());
    assert_eq!(wrong.unwrap_err(), JournalError::WrongPassphrase);

    // Cut anywhere: in the header, in the first chunk, just before the end.
    for cut in [30, sealed.len() / 2, sealed.len() - 1] {
        let err = target
            .import_backup_with_passphrase(sealed[..cut].to_vec(), PASS.into())
            .unwrap_err();
        assert!(
            matches!(&err, JournalError::ImportRejected { reason } if reason.contains("damaged")),
            "cut at {cut}: {err:?}"
        );
    }
    // One bit flipped in the header's MAC, and in the payload.
    let header_end = sealed.windows(4).position(|w| w == b"\n---").unwrap();
    for at in [header_end + 6, sealed.len() - 20] {
        let mut changed = sealed.clone();
        changed[at] ^= 0x01;
        let err = target
            .import_backup_with_passphrase(changed, PASS.into())
            .unwrap_err();
        assert!(
            matches!(&err, JournalError::ImportRejected { .. }),
            "flip at {at}: {err:?}"
        );
    }
    assert_eq!(contents(&target), before);
}

#[test]
fn the_age_tool_opens_our_backups_and_we_open_its_files() {
    if !tools_present(
        "the_age_tool_opens_our_backups_and_we_open_its_files",
        &["age", "script"],
    ) {
        return;
    }
    let (dir, _path, journal) = journal_with_records();
    // Ours → the age tool: it decrypts to the zip backup_zip would give (same content).
    std::fs::write(
        dir.path().join("ours.age"),
        journal.backup_encrypted(PASS.into()).unwrap(),
    )
    .unwrap();
    age_tool(dir.path(), "-d -o ours.zip ours.age", &format!("{PASS}\n"));
    let opened = std::fs::read(dir.path().join("ours.zip")).unwrap();
    let (_d2, _p2, fresh) = file_journal();
    fresh.import_backup(opened).unwrap();
    assert_eq!(contents(&fresh), contents(&journal));

    // The age tool → ours: a plain JSON backup it encrypted with a passphrase.
    std::fs::write(dir.path().join("theirs.json"), contents(&journal)).unwrap();
    age_tool(
        dir.path(),
        "-e -p -o theirs.age theirs.json",
        &format!("{PASS}\n{PASS}\n"),
    );
    let theirs = dir.path().join("theirs.age");
    let (_d3, _p3, other) = file_journal();
    other
        .import_backup_file_with_passphrase(theirs.to_string_lossy().into_owned(), PASS.into())
        .unwrap();
    assert_eq!(contents(&other), contents(&journal));
}

/// The chunk boundaries of the age payload (64 KiB chunks, a full last chunk flagged last, an
/// empty file one empty chunk) agree with the `age` tool's both ways: our own age v1 code
/// (`export/age_v1/`) replaced the `age` crate, and this is where a boundary slip would show.
#[test]
fn the_age_tool_and_we_agree_on_every_chunk_boundary() {
    if !tools_present(
        "the_age_tool_and_we_agree_on_every_chunk_boundary",
        &["age", "script"],
    ) {
        return;
    }
    use rlsjournal_core::export::encrypt::{decrypt, encrypt};
    const CHUNK: usize = 64 * 1024;
    let dir = tempfile::tempdir().unwrap();
    for len in [0, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK] {
        let plain: Vec<u8> = (0..len).map(|i| (i * 7 % 256) as u8).collect();
        std::fs::write(dir.path().join("ours.age"), encrypt(&plain, PASS).unwrap()).unwrap();
        age_tool(dir.path(), "-d -o ours.out ours.age", &format!("{PASS}\n"));
        // age creates its output file on the first write: none for an empty plain text.
        let opened = match std::fs::read(dir.path().join("ours.out")) {
            Err(e) if len == 0 && e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            other => other.unwrap(),
        };
        assert!(
            opened == plain,
            "{len} bytes: the age tool read ours differently"
        );

        std::fs::write(dir.path().join("plain.bin"), &plain).unwrap();
        age_tool(
            dir.path(),
            "-e -p -o theirs.age plain.bin",
            &format!("{PASS}\n{PASS}\n"),
        );
        let theirs = std::fs::read(dir.path().join("theirs.age")).unwrap();
        assert!(
            decrypt(&theirs[..], PASS, len).unwrap() == plain,
            "{len} bytes: we read the age tool's file differently"
        );
        for name in ["ours.age", "ours.out", "theirs.age", "plain.bin"] {
            let _ = std::fs::remove_file(dir.path().join(name));
        }
    }
}

#[test]
fn automatic_backups_follow_the_debounce_across_restarts() {
    let (dir, path, journal) = journal_with_records();
    let folder = dir.path().join("backups");
    std::fs::create_dir(&folder).unwrap();
    let first = journal
        .auto_backup_at(&folder, None, BackupOccasion::Changed, &moment(NOON_MS))
        .unwrap();
    let device = journal.device_id().unwrap();
    let file_name = |ms, encrypted| file_name(&device, ms, encrypted);
    assert_eq!(first.written, Some(file_name(NOON_MS, false)));
    // 9 minutes later, after a restart of the app: not due.
    drop(journal);
    let journal = Journal::open(path.to_string_lossy().into_owned()).unwrap();
    let soon = journal
        .auto_backup_at(
            &folder,
            None,
            BackupOccasion::Changed,
            &moment(NOON_MS + 9 * MINUTE_MS),
        )
        .unwrap();
    assert_eq!(soon.written, None);
    assert_eq!(
        soon.status.sentence,
        format!(
            "The last backup was written on Wed 2 Dec 2026 at 12:00 \
             (rlsjournal-auto-{device}-20261202T120000Z.zip)."
        )
    );
    assert_eq!(journal.auto_backup_status().unwrap(), soon.status);
    // Going to the background writes at once; 10 minutes after it, a change writes again.
    let background = journal
        .auto_backup_at(
            &folder,
            None,
            BackupOccasion::Background,
            &moment(NOON_MS + 9 * MINUTE_MS),
        )
        .unwrap();
    assert_eq!(
        background.written,
        Some(file_name(NOON_MS + 9 * MINUTE_MS, false))
    );
    let later = journal
        .auto_backup_at(
            &folder,
            None,
            BackupOccasion::Changed,
            &moment(NOON_MS + 19 * MINUTE_MS),
        )
        .unwrap();
    assert!(later.written.is_some());
    // Same day: the newest of the day is kept, the two before it were ours and are removed.
    assert_eq!(
        names(&folder),
        vec![file_name(NOON_MS + 19 * MINUTE_MS, false)]
    );
    // The file is a complete backup.
    let (_d2, _p2, fresh) = file_journal();
    fresh
        .import_backup_file(
            folder
                .join(later.written.unwrap())
                .to_string_lossy()
                .into_owned(),
        )
        .unwrap();
    assert_eq!(contents(&fresh), contents(&journal));
}

#[test]
fn retention_keeps_7_daily_and_4_weekly_and_never_touches_other_files() {
    let (dir, _path, journal) = journal_with_records();
    let folder = dir.path().join("backups");
    std::fs::create_dir(&folder).unwrap();
    let device = journal.device_id().unwrap();
    let file_name = |ms, encrypted| file_name(&device, ms, encrypted);
    // One backup of ours at 03:00Z each day from Sun 1 Nov to Tue 1 Dec 2026, and a second,
    // older one on 1 Dec at 01:00Z.
    let nov_1_3am = NOON_MS - 31 * DAY_MS - 9 * 60 * MINUTE_MS;
    for day in 0..31 {
        std::fs::write(
            folder.join(file_name(nov_1_3am + day * DAY_MS, false)),
            b"x",
        )
        .unwrap();
    }
    std::fs::write(
        folder.join(file_name(
            nov_1_3am + 30 * DAY_MS - 2 * 60 * MINUTE_MS,
            true,
        )),
        b"x",
    )
    .unwrap();
    let others = [
        "notes.txt",
        "rlsjournal-backup.json",
        "rlsjournal-auto-notes.txt",
        "rlsjournal-auto-20261101T030000Z.zip",
        "rlsjournal-auto-garbage.zip",
        "rlsjournal-auto-20201101T030000Z.zip.old",
    ];
    for other in others {
        std::fs::write(folder.join(other), b"not ours").unwrap();
    }
    let out = journal
        .auto_backup_at(&folder, Some(PASS), BackupOccasion::Now, &moment(NOON_MS))
        .unwrap();
    // Kept by day (newest of each of the last 7 days that have one): 2 Dec (the new one),
    // 1 Dec 03:00, 30, 29, 28, 27, 26 Nov. Kept by ISO week (newest of each of the last 4):
    // week of Mon 30 Nov → 2 Dec; Mon 23 Nov → Sun 29 Nov; Mon 16 Nov → Sun 22 Nov;
    // Mon 9 Nov → Sun 15 Nov. Union: 9 of ours; 32 + 1 - 9 = 24 removed.
    let day = |d: i64| file_name(nov_1_3am + (d - 1) * DAY_MS, false);
    let mut expected: Vec<String> = vec![
        file_name(NOON_MS, true),
        day(31),
        day(30),
        day(29),
        day(28),
        day(27),
        day(26),
        day(22),
        day(15),
    ];
    assert!(expected[1].contains("20261201T030000Z"), "{}", expected[1]);
    expected.extend(others.iter().map(|s| s.to_string()));
    expected.sort();
    assert_eq!(names(&folder), expected);
    assert_eq!(out.removed.len(), 24);
}

/// What the 7 + 4 rule keeps of one device's backups written at `written` (epoch ms), worked
/// out here without the core: the newest of each of the 7 latest UTC days that have one, and
/// of each of the 4 latest ISO weeks (Monday to Sunday) that have one.
fn kept_by_the_rule(written: &[i64]) -> BTreeSet<i64> {
    let mut newest_of_day: BTreeMap<i64, i64> = BTreeMap::new();
    let mut newest_of_week: BTreeMap<i64, i64> = BTreeMap::new();
    for &ms in written {
        let day = ms.div_euclid(DAY_MS);
        // 1 Jan 1970 was a Thursday: day + 3 counts from the Monday before it.
        let week = (day + 3).div_euclid(7);
        let d = newest_of_day.entry(day).or_insert(ms);
        *d = (*d).max(ms);
        let w = newest_of_week.entry(week).or_insert(ms);
        *w = (*w).max(ms);
    }
    let days = newest_of_day.values().rev().take(7);
    let weeks = newest_of_week.values().rev().take(4);
    days.chain(weeks).copied().collect()
}

/// One device backing up into the shared folder: its journal, its id, what it wrote.
struct Backer {
    _dir: tempfile::TempDir,
    journal: std::sync::Arc<Journal>,
    device: String,
    written: Vec<i64>,
}

impl Backer {
    fn new() -> Backer {
        let (dir, _path, journal) = journal_with_records();
        let device = journal.device_id().unwrap();
        Backer {
            _dir: dir,
            journal,
            device,
            written: Vec::new(),
        }
    }

    /// A backup now; checks it removed only this device's own files.
    fn back_up(&mut self, folder: &Path, ms: i64) {
        let out = self
            .journal
            .auto_backup_at(folder, None, BackupOccasion::Now, &moment(ms))
            .unwrap();
        assert_eq!(out.written, Some(file_name(&self.device, ms, false)));
        self.written.push(ms);
        let own = format!("rlsjournal-auto-{}-", self.device);
        for removed in &out.removed {
            // Its backups, or its temporary files (`.` + the name being written + ….tmp).
            let name = removed.strip_prefix('.').unwrap_or(removed);
            assert!(name.starts_with(&own), "{removed} is not this device's");
        }
    }

    fn expected_files(&self) -> BTreeSet<String> {
        kept_by_the_rule(&self.written)
            .into_iter()
            .map(|ms| file_name(&self.device, ms, false))
            .collect()
    }
}

#[test]
fn two_devices_backing_up_into_one_folder_for_weeks_each_keep_their_own_7_daily_and_4_weekly() {
    let mut phone = Backer::new();
    let mut tablet = Backer::new();
    assert_ne!(phone.device, tablet.device);
    let shared = tempfile::tempdir().unwrap();
    let folder = shared.path().join("iCloud Drive");
    std::fs::create_dir(&folder).unwrap();
    let start = NOON_MS - 50 * DAY_MS;
    // Already there: backups an earlier app version wrote (no device in the name; one a real
    // backup), an old phone's device-named backups (that phone backs up no more), the person's
    // files, and a sync tool's copy of one of our names.
    let legacy: Vec<String> = (1..=12)
        .map(|d| file_name_legacy(start - d * DAY_MS))
        .collect();
    for name in &legacy {
        std::fs::write(folder.join(name), b"an earlier version's backup").unwrap();
    }
    std::fs::write(folder.join(&legacy[0]), phone.journal.backup_zip().unwrap()).unwrap();
    let old_phone = "0193e4a0-0000-4000-8000-00000000abcd";
    let old_phone_files: Vec<String> = (1..=20)
        .map(|d| file_name(old_phone, start - d * DAY_MS, false))
        .collect();
    let conflict_copy = file_name(&phone.device, start - DAY_MS, false)
        .replace(".zip", ".sync-conflict-20261001-120000-ABCDEFG.zip");
    let mut untouchable: BTreeSet<String> = [
        "rlsjournal-auto-notes.txt".to_string(),
        "notes.txt".to_string(),
        conflict_copy,
    ]
    .into_iter()
    .chain(legacy.iter().cloned())
    .chain(old_phone_files)
    .collect();
    for name in &untouchable {
        if !folder.join(name).exists() {
            std::fs::write(folder.join(name), b"not this device's").unwrap();
        }
    }
    let before: BTreeMap<String, Vec<u8>> = untouchable
        .iter()
        .map(|n| (n.clone(), std::fs::read(folder.join(n)).unwrap()))
        .collect();

    // Seven weeks: the phone backs up at 08:00 and 20:00, the tablet at 09:30 on four days of
    // five; each one's retention runs after every backup.
    for day in 0..50 {
        let midnight = start - 12 * 60 * MINUTE_MS + day * DAY_MS;
        phone.back_up(&folder, midnight + 8 * 60 * MINUTE_MS);
        if day % 5 != 4 {
            tablet.back_up(&folder, midnight + 9 * 60 * MINUTE_MS + 30 * MINUTE_MS);
        }
        phone.back_up(&folder, midnight + 20 * 60 * MINUTE_MS);
        let mut expected = untouchable.clone();
        expected.extend(phone.expected_files());
        expected.extend(tablet.expected_files());
        assert_eq!(
            names(&folder).into_iter().collect::<BTreeSet<_>>(),
            expected,
            "after day {day}"
        );
    }
    // Each device holds its own 7 daily + up to 4 weekly, bounded whatever the weeks.
    assert!((7..=11).contains(&phone.expected_files().len()));
    assert!((7..=11).contains(&tablet.expected_files().len()));
    for (name, bytes) in &before {
        assert_eq!(&std::fs::read(folder.join(name)).unwrap(), bytes, "{name}");
    }

    // Only this device's own temporary files left by a crash go (the folder's clock says they
    // are old: the simulated days lie ahead of this machine's clock).
    let temp = |device: &str| format!(".{}.123-abc.tmp", file_name(device, start, false));
    for name in [temp(&phone.device), temp(&tablet.device)] {
        std::fs::write(folder.join(&name), b"half").unwrap();
    }
    std::fs::write(folder.join(".rlsjournal-auto-123-abc.tmp"), b"half").unwrap();
    untouchable.insert(temp(&tablet.device));
    untouchable.insert(".rlsjournal-auto-123-abc.tmp".to_string());
    let next = start + 60 * DAY_MS;
    phone.back_up(&folder, next);
    let present: BTreeSet<String> = names(&folder).into_iter().collect();
    assert!(!present.contains(&temp(&phone.device)));
    assert!(untouchable.is_subset(&present));

    // The newest backup of either name form restores a new phone.
    for (source, from) in [
        (file_name(&phone.device, next, false), &phone.journal),
        (legacy[0].clone(), &phone.journal),
        (
            file_name(&tablet.device, *tablet.written.last().unwrap(), false),
            &tablet.journal,
        ),
    ] {
        let target = shared.path().join(format!("restored-{source}.db"));
        let restored = Journal::restore_at(&target, &folder.join(&source), None, &moment(next))
            .unwrap_or_else(|e| panic!("{source}: {e:?}"));
        assert_eq!(contents(&restored), contents(from), "{source}");
    }
}

/// An earlier app version's name for a backup written at `ms` (no device).
fn file_name_legacy(ms: i64) -> String {
    let name = file_name("0193e4a0-0000-4000-8000-000000000000", ms, false);
    name.replace("0193e4a0-0000-4000-8000-000000000000-", "")
}

#[test]
fn a_gone_folder_is_a_sentence_and_the_status_keeps_it() {
    let (dir, _path, journal) = journal_with_records();
    let folder = dir.path().join("backups");
    std::fs::create_dir(&folder).unwrap();
    journal
        .auto_backup_at(&folder, None, BackupOccasion::Now, &moment(NOON_MS))
        .unwrap();
    std::fs::remove_dir_all(&folder).unwrap();
    let err = journal
        .auto_backup_at(
            &folder,
            None,
            BackupOccasion::Background,
            &moment(NOON_MS + 60 * MINUTE_MS),
        )
        .unwrap_err();
    let JournalError::BackupFailed { reason } = &err else {
        panic!("{err:?}")
    };
    assert!(reason.contains("the backup folder is gone"), "{reason}");
    let device = journal.device_id().unwrap();
    let status = journal.auto_backup_status().unwrap();
    assert_eq!(status.failure.as_deref(), Some(reason.as_str()));
    assert_eq!(
        status.sentence,
        format!(
            "The backup on Wed 2 Dec 2026 at 13:00 failed: {reason}. The last backup was \
             written on Wed 2 Dec 2026 at 12:00 (rlsjournal-auto-{device}-20261202T120000Z.zip)."
        )
    );
    // A short passphrase is refused before anything is written or recorded.
    assert!(matches!(
        journal.auto_backup_at(
            &folder,
            Some("short"),
            BackupOccasion::Now,
            &moment(NOON_MS)
        ),
        Err(JournalError::InvalidInput { .. })
    ));
}

const CHILD_ENV: &str = "RLSJOURNAL_BACKUP_KILL_CHILD";

/// The child: writes automatic backups forever (a new name each second of its clock), printing
/// `ACK <n>` after each one written.
#[test]
fn kill_child_backup_writer() {
    let Ok(path) = std::env::var(CHILD_ENV) else {
        return; // only does something when started by the parent below
    };
    let journal = Journal::open(path.clone()).unwrap();
    let folder = Path::new(&path).with_file_name("backups");
    let start: i64 = std::env::var("RLSJOURNAL_BACKUP_KILL_START")
        .unwrap()
        .parse()
        .unwrap();
    let mut out = std::io::stdout().lock();
    for n in start.. {
        journal
            .auto_backup_at(
                &folder,
                None,
                BackupOccasion::Now,
                &moment(NOON_MS + n * 1000),
            )
            .unwrap();
        writeln!(out, "ACK {n}").unwrap();
        out.flush().unwrap();
    }
}

/// Whether every backup of ours in `folder` is complete: it imports into a fresh journal.
fn all_complete(folder: &Path) -> usize {
    let mut ours = 0;
    for name in names(folder) {
        if !name.starts_with("rlsjournal-auto-") {
            continue;
        }
        ours += 1;
        let bytes = std::fs::read(folder.join(&name)).unwrap();
        let journal = Journal::open_in_memory().unwrap();
        let imported = journal.import_backup(bytes);
        assert!(
            imported.is_ok(),
            "{name} is not a complete backup: {imported:?}"
        );
    }
    ours
}

#[test]
fn a_backup_killed_midway_leaves_the_previous_one_intact() {
    let (dir, path, journal) = journal_with_records();
    for n in 0..200 {
        journal.quick_log(1 + n % 10, None, None).unwrap();
    }
    drop(journal);
    let folder = dir.path().join("backups");
    std::fs::create_dir(&folder).unwrap();
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    let mut written = 0i64;
    for round in 0..20 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "kill_child_backup_writer",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &path)
            .env("RLSJOURNAL_BACKUP_KILL_START", written.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        // Wait for 1 to 3 acknowledged backups, then kill at a random moment within the next.
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        let wanted = 1 + rng % 3;
        let mut seen = 0;
        while seen < wanted {
            match lines.next() {
                Some(Ok(line)) if line.contains("ACK ") => seen += 1,
                Some(_) => {}
                None => panic!("round {round}: the child stopped after {seen} backups"),
            }
        }
        std::thread::sleep(Duration::from_micros(rng % 20_000));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        written += i64::try_from(seen).unwrap() + 1;
        assert!(all_complete(&folder) >= 1, "round {round}: no backup left");
    }
}
