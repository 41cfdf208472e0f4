//! Opening a journal file safely: file modes whatever the umask, paths that are not regular
//! files, read-only journals and folders, and a full disk.
//!
//! The tests run as root, whom permission bits do not stop. Read-only folders and full disks
//! are therefore real: a read-only bind mount and a 2 MB tmpfs, mounted by the test (root in
//! this container may mount; a test that cannot mount fails and says why, it does not skip).
//! A read-only journal *file* is one without write permission bits (0444): the core treats
//! such a file as read-only even for root, which is what this test checks.

#![cfg(unix)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use common::*;
use rlsjournal_core::*;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn companion(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn exposure(n: i64, note_len: usize) -> ExposureData {
    ExposureData {
        at: Moment::from_millis(1_790_000_000_000 + n * 60_000, 60),
        kind: ExposureKind::Caffeine,
        amount: Some(1.0),
        unit: None,
        note: Some("x".repeat(note_len)),
    }
}

fn count(journal: &Journal) -> usize {
    journal
        .history(HistoryQuery {
            kinds: vec![],
            cursor: None,
            limit: 200,
        })
        .unwrap()
        .items
        .len()
}

fn storage_detail(err: JournalError) -> String {
    match err {
        JournalError::Storage { detail } => detail,
        other => panic!("expected a storage error, got {other:?}"),
    }
}

/// A mount made by a test, undone (lazily, so an open file cannot keep it) when dropped.
struct Mount(PathBuf);

impl Mount {
    fn run(args: &[&str]) {
        let out = Command::new("mount")
            .args(args)
            .output()
            .expect("run mount");
        assert!(
            out.status.success(),
            "this test needs root allowed to mount (mount {args:?}): {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// A tmpfs of `size` (e.g. `2m`) at `dir`.
    fn tmpfs(dir: &Path, size: &str) -> Mount {
        std::fs::create_dir_all(dir).unwrap();
        Mount::run(&[
            "-t",
            "tmpfs",
            "-o",
            &format!("size={size},mode=0700"),
            "tmpfs",
            dir.to_str().unwrap(),
        ]);
        Mount(dir.to_path_buf())
    }

    /// `dir` again at `at`, read-only.
    fn read_only_bind(dir: &Path, at: &Path) -> Mount {
        std::fs::create_dir_all(at).unwrap();
        Mount::run(&["--bind", dir.to_str().unwrap(), at.to_str().unwrap()]);
        let mount = Mount(at.to_path_buf());
        Mount::run(&["-o", "remount,ro,bind", at.to_str().unwrap()]);
        mount
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

/// Fills the file system holding `dir` to the last byte.
fn fill_disk(dir: &Path) -> PathBuf {
    let filler = dir.join("filler");
    let mut file = std::fs::File::create(&filler).unwrap();
    let block = vec![0u8; 4096];
    loop {
        use std::io::Write;
        if file.write_all(&block).is_err() {
            break;
        }
    }
    // Smaller writes take what is left.
    loop {
        use std::io::Write;
        if file.write_all(&[0u8; 1]).is_err() {
            break;
        }
    }
    filler
}

// ---- modes ----

#[test]
fn a_new_journal_and_its_wal_files_are_private_under_umask_022() {
    // SAFETY: umask has no preconditions; 022 is the usual umask that made files 0644.
    unsafe { libc::umask(0o022) };
    let (dir, path, journal) = file_journal();
    journal.add_exposure(exposure(1, 10)).unwrap();
    // While the journal is open its WAL files exist.
    for file in [
        path.clone(),
        companion(&path, "-wal"),
        companion(&path, "-shm"),
    ] {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
    drop(journal);
    drop(dir);
}

#[test]
fn an_existing_journal_with_loose_modes_is_tightened_on_open() {
    let (dir, path, journal) = file_journal();
    journal.add_exposure(exposure(1, 10)).unwrap();
    drop(journal);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let journal = Journal::open_path(&path).unwrap();
    assert_eq!(count(&journal), 1);
    for file in [
        path.clone(),
        companion(&path, "-wal"),
        companion(&path, "-shm"),
    ] {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
    drop(journal);
    drop(dir);
}

// ---- paths that are not regular files ----

#[test]
fn a_fifo_is_refused_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.db");
    let status = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(status.success());
    // Before the fix the open blocked for ever; a thread keeps a regression from hanging the
    // suite (the bound is a guard, not a timing assertion).
    let (send, receive) = std::sync::mpsc::channel();
    let path = fifo.clone();
    std::thread::spawn(move || {
        let _ = send.send(Journal::open_path(&path).map(|_| ()));
    });
    let result = receive
        .recv_timeout(std::time::Duration::from_secs(120))
        .expect("opening a FIFO hung");
    let detail = storage_detail(result.unwrap_err());
    assert!(
        detail.contains("pipe.db") && detail.contains("named pipe"),
        "{detail}"
    );
}

#[test]
fn a_device_or_folder_is_refused_and_nothing_is_created_beside_it() {
    let err = Journal::open_path(Path::new("/dev/null")).err().unwrap();
    let detail = storage_detail(err);
    assert!(
        detail.contains("/dev/null") && detail.contains("a device"),
        "{detail}"
    );
    for suffix in ["-journal", "-wal", "-shm"] {
        assert!(
            !companion(Path::new("/dev/null"), suffix).exists(),
            "{suffix}"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let detail = storage_detail(Journal::open_path(dir.path()).err().unwrap());
    assert!(detail.contains("a folder"), "{detail}");
}

#[test]
fn a_path_with_uri_characters_is_a_plain_file_name() {
    let dir = tempfile::tempdir().unwrap();
    // Absolute, so SQLite never sees "file:" first; the name keeps '?', '#' and '%'.
    let path = dir.path().join("file:odd?mode=ro#x%41.db");
    let journal = Journal::open_path(&path).unwrap();
    journal.add_exposure(exposure(1, 10)).unwrap();
    drop(journal);
    assert!(path.is_file());
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, vec!["file:odd?mode=ro#x%41.db".to_string()]);
    // Read-only, it is opened through an immutable URI: the name must survive the encoding.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).unwrap();
    assert_eq!(count(&Journal::open_path(&path).unwrap()), 1);
}

// ---- read-only ----

#[test]
fn a_read_only_journal_file_is_read_and_refuses_writes_without_leaving_files() {
    let (dir, path, journal) = file_journal();
    journal.add_exposure(exposure(1, 10)).unwrap();
    drop(journal);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).unwrap();

    let journal = Journal::open_path(&path).unwrap();
    assert_eq!(count(&journal), 1);
    assert!(journal.backup_json().unwrap().contains("caffeine"));
    let detail = storage_detail(journal.add_exposure(exposure(2, 10)).unwrap_err());
    assert!(
        detail.contains("read-only") && detail.contains("journal.db"),
        "{detail}"
    );
    drop(journal);
    // No -shm carrying the file's read-only mode was left to break later writes.
    assert!(!companion(&path, "-shm").exists());
    assert!(!companion(&path, "-wal").exists());

    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let journal = Journal::open_path(&path).unwrap();
    journal.add_exposure(exposure(3, 10)).unwrap();
    assert_eq!(count(&journal), 2);
    drop(journal);
    drop(dir);
}

#[test]
fn a_journal_in_a_read_only_folder_can_be_read_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source");
    std::fs::create_dir(&source).unwrap();
    let journal = Journal::open_path(&source.join("journal.db")).unwrap();
    for n in 0..5 {
        journal.add_exposure(exposure(n, 10)).unwrap();
    }
    drop(journal);
    let view = dir.path().join("view");
    let _mount = Mount::read_only_bind(&source, &view);
    let path = view.join("journal.db");

    let journal = Journal::open_path(&path).unwrap();
    assert_eq!(count(&journal), 5);
    assert!(!journal.backup_zip().unwrap().is_empty());
    let detail = storage_detail(journal.add_exposure(exposure(9, 10)).unwrap_err());
    assert!(
        detail.contains("read-only") && detail.contains("journal.db"),
        "{detail}"
    );
    let pragmas = journal.effective_pragmas().unwrap();
    assert!(
        pragmas.contains(&("read_only".into(), "1".into())),
        "{pragmas:?}"
    );

    // A new journal in a read-only folder: a sentence naming it, nothing else.
    let detail = storage_detail(Journal::open_path(&view.join("new.db")).err().unwrap());
    assert!(
        detail.contains("new.db") && detail.contains("read-only"),
        "{detail}"
    );
}

// ---- full disk ----

#[test]
fn a_journal_on_a_full_disk_can_still_be_read_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    let disk = dir.path().join("disk");
    let _mount = Mount::tmpfs(&disk, "2m");
    let path = disk.join("journal.db");
    let journal = Journal::open_path(&path).unwrap();
    for n in 0..30 {
        journal.add_exposure(exposure(n, 200)).unwrap();
    }
    drop(journal);
    let filler = fill_disk(&disk);

    // A new process reading the journal: history, a backup to another disk, the summary.
    let journal: Arc<Journal> = Journal::open_path(&path).unwrap();
    assert_eq!(count(&journal), 30);
    // Still WAL and fully durable (the WAL index is kept in memory instead of the `-shm`).
    let pragmas = journal.effective_pragmas().unwrap();
    for expected in [
        ("journal_mode", "wal"),
        ("synchronous", "2"),
        ("read_only", "0"),
    ] {
        let expected = (expected.0.to_string(), expected.1.to_string());
        assert!(pragmas.contains(&expected), "{pragmas:?}");
    }
    let backup = journal.backup_json().unwrap();
    std::fs::write(dir.path().join("rescue.json"), &backup).unwrap();
    journal.summary(None).unwrap();
    // Writing says the disk is full and changes nothing. A write may still fit in space SQLite
    // already holds (a write-ahead log left at its old size, the last page of a file), as it did
    // once on a loaded CI machine: keep writing until the disk refuses, then every write that
    // was reported done must be there and the refused one must not.
    let mut written = 0;
    let err = loop {
        match journal.add_exposure(exposure(99 + written as i64, 4_000)) {
            Ok(_) => written += 1,
            Err(err) => break err,
        }
        assert!(
            written < 100,
            "100 writes of 4 kB fitted on a full 2 MB disk"
        );
    };
    assert!(storage_detail(err).contains("full"));
    assert_eq!(count(&journal), 30 + written);
    drop(journal);

    // Space returns: writes work again, nothing was lost.
    std::fs::remove_file(filler).unwrap();
    let journal = Journal::open_path(&path).unwrap();
    assert_eq!(count(&journal), 30 + written);
    journal.add_exposure(exposure(200, 10)).unwrap();
    assert_eq!(count(&journal), 31 + written);
}
