//! The real `rlsjournal` binary on odd journal paths: a name starting with `file:`, a FIFO, a
//! device, a read-only journal, a full disk, and the modes of what it creates.
//!
//! The tests run as root, whom permission bits do not stop: a full disk is a real 2 MB tmpfs
//! mounted by the test (a test that cannot mount fails and says why), and a read-only journal
//! is a file without write bits, which the core treats as read-only even for root.

#![cfg(unix)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn rlsjournal(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = common::rlsjournal_in(dir);
    cmd.args(args).stdin(Stdio::null());
    cmd
}

/// Runs to the end; a run that never ends is killed after a generous bound and reported (the
/// bound only keeps a regression from hanging the suite; nothing here measures time).
fn run(dir: &Path, args: &[&str]) -> Output {
    let mut child = rlsjournal(dir, args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run rlsjournal");
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > Duration::from_secs(120) {
            child.kill().expect("kill");
            panic!("rlsjournal {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn fails(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(!out.status.success(), "{args:?} succeeded");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(err.len() < 400, "an error of {} bytes: {err}", err.len());
    err
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_db_path_starting_with_file_colon_is_a_file_of_that_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    ok(dir.path(), &["--db", "file:x.db?mode=memory", "quick", "5"]);
    ok(dir.path(), &["--db", "file:x.db?mode=memory", "history"]);
    assert_eq!(names(dir.path()), vec!["file:x.db?mode=memory".to_string()]);
    let text = ok(dir.path(), &["--db", "file:x.db?mode=memory", "history"]);
    assert!(text.contains("Symptoms 5/10"), "{text}");
}

#[test]
fn a_fifo_as_db_is_refused_with_a_sentence() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert!(Command::new("mkfifo")
        .arg(dir.path().join("pipe"))
        .status()
        .expect("mkfifo")
        .success());
    let err = fails(dir.path(), &["--db", "pipe", "history"]);
    assert!(err.contains("pipe") && err.contains("named pipe"), "{err}");
}

#[test]
fn dev_null_as_db_is_refused_and_nothing_is_created_in_dev() {
    let dir = tempfile::tempdir().expect("temp dir");
    let err = fails(dir.path(), &["--db", "/dev/null", "quick", "5"]);
    assert!(
        err.contains("/dev/null") && err.contains("a device"),
        "{err}"
    );
    assert!(!err.contains("disk I/O"), "{err}");
    for suffix in ["-journal", "-wal", "-shm"] {
        assert!(
            !Path::new(&format!("/dev/null{suffix}")).exists(),
            "{suffix}"
        );
    }
}

#[test]
fn the_default_journal_and_its_folder_are_private_under_umask_022() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bin = env!("CARGO_BIN_EXE_rlsjournal");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("umask 022 && exec '{bin}' quick 5"))
        .current_dir(dir.path())
        .env("HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .output()
        .expect("sh");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let app = dir.path().join("data").join("rlsjournal");
    assert_eq!(mode(&app), 0o700);
    assert_eq!(mode(&app.join("journal.db")), 0o600);
    // A folder an older version left open to others is tightened.
    std::fs::set_permissions(&app, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    ok(dir.path(), &["history"]);
    assert_eq!(mode(&app), 0o700);
}

#[test]
fn a_read_only_journal_is_read_and_a_write_says_it_is_read_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    ok(dir.path(), &["--db", "j.db", "quick", "6"]);
    let db = dir.path().join("j.db");
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o400)).expect("chmod");
    let text = ok(dir.path(), &["--db", "j.db", "history"]);
    assert!(text.contains("Symptoms 6/10"), "{text}");
    let summary = ok(
        dir.path(),
        &["--db", "j.db", "export", "text", "--out", "-"],
    );
    assert!(!summary.is_empty());
    let err = fails(dir.path(), &["--db", "j.db", "quick", "7"]);
    assert!(err.contains("j.db") && err.contains("read-only"), "{err}");
    assert_eq!(names(dir.path()), vec!["j.db".to_string()]);
}

/// A tmpfs mounted by the test, unmounted (lazily) when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(dir: &Path) -> Tmpfs {
        std::fs::create_dir_all(dir).expect("mkdir");
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs"])
            .arg(dir)
            .output()
            .expect("run mount");
        assert!(
            out.status.success(),
            "this test needs root allowed to mount a tmpfs: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Tmpfs(dir.to_path_buf())
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_still_shows_history_and_exports_to_another_disk() {
    let dir = tempfile::tempdir().expect("temp dir");
    let disk = dir.path().join("disk");
    let _tmpfs = Tmpfs::mount(&disk);
    let db = disk.join("journal.db");
    let db = db.to_str().expect("utf-8");
    for (n, intensity) in ["3", "5", "8"].iter().enumerate() {
        let at = format!("2026-03-0{}T23:00:00+01:00", n + 1);
        ok(dir.path(), &["--db", db, "quick", intensity, "--at", &at]);
    }
    // Fill the disk to the last byte.
    {
        use std::io::Write;
        let mut filler = std::fs::File::create(disk.join("filler")).expect("filler");
        while filler.write_all(&[0u8; 4096]).is_ok() {}
        while filler.write_all(&[0u8; 1]).is_ok() {}
    }
    let text = ok(dir.path(), &["--db", db, "history"]);
    assert_eq!(text.matches("Symptoms").count(), 3, "{text}");
    let summary = ok(dir.path(), &["--db", db, "export", "text", "--out", "-"]);
    assert!(!summary.is_empty());
    let rescue = dir.path().join("rescue.json");
    ok(
        dir.path(),
        &[
            "--db",
            db,
            "export",
            "backup",
            "--out",
            rescue.to_str().expect("utf-8"),
        ],
    );
    let backup = std::fs::read_to_string(&rescue).expect("backup");
    assert_eq!(backup.matches("\"episode\"").count(), 3, "{backup}");
    let err = fails(
        dir.path(),
        &[
            "--db",
            db,
            "quick",
            "9",
            "--at",
            "2026-03-05T23:00:00+01:00",
        ],
    );
    assert!(err.contains("full"), "{err}");
}

#[test]
fn a_journal_in_a_folder_its_owner_cannot_write_is_read_as_that_user() {
    // Run as `nobody` (setpriv, util-linux), so that permissions really stop the writes: the
    // journal belongs to nobody, its folder to root (0755), so no -wal/-shm can be created.
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    ok(dir.path(), &["--db", "j.db", "quick", "4"]);
    let db = dir.path().join("j.db");
    std::os::unix::fs::chown(&db, Some(65534), Some(65534)).expect("chown");
    let as_nobody = |args: &[&str]| {
        Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_rlsjournal"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .output()
            .expect("this test needs setpriv (util-linux)")
    };
    let out = as_nobody(&["history"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Symptoms 4/10"));
    let out = as_nobody(&["quick", "6"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("j.db") && err.contains("read-only"), "{err}");
    assert_eq!(names(dir.path()), vec!["j.db".to_string()]);
}
