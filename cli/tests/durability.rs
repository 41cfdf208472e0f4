//! Durability: every acknowledged write reaches the disk before `rlsjournal` says so. SIGKILL
//! keeps the page cache (the crash test cannot see a missing fsync), so this test counts the
//! real `fsync`/`fdatasync` calls on the journal's WAL with `strace` (scripts/install-deps.sh
//! installs it; a missing `strace` fails the test, it does not skip).
//!
//! Another connection holds the journal open meanwhile, so the CLI's close does not checkpoint:
//! a checkpoint syncs even with `synchronous=NORMAL`, which would hide the regression. With
//! `synchronous=FULL` each commit syncs the WAL; with NORMAL or OFF, no sync happens and the
//! test fails.

#![cfg(target_os = "linux")]

use std::path::Path;
use std::process::Command;

/// Runs `rlsjournal --db <db> <args>` under strace; returns the sync calls on the `-wal` file.
fn wal_syncs(dir: &Path, db: &Path, args: &[&str]) -> usize {
    let log = dir.join("strace.log");
    let out = Command::new("strace")
        .args(["-f", "-qq", "-y", "-e", "trace=fsync,fdatasync", "-o"])
        .arg(&log)
        .arg(env!("CARGO_BIN_EXE_rlsjournal"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| panic!("this test needs strace (scripts/install-deps.sh): {e}"));
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let trace = std::fs::read_to_string(&log).expect("strace log");
    trace
        .lines()
        .filter(|line| {
            (line.contains("fsync(") || line.contains("fdatasync(")) && line.contains("-wal>")
        })
        .count()
}

#[test]
fn every_acknowledged_write_syncs_the_wal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("journal.db");
    let holder = rlsjournal_core::Journal::open_path(&db).expect("open");

    // A read syncs nothing: the count below is of the writes.
    assert_eq!(wal_syncs(dir.path(), &db, &["history"]), 0);
    for (n, at) in [
        "2026-03-01T23:00:00+01:00",
        "2026-03-02T23:00:00+01:00",
        "2026-03-03T23:00:00+01:00",
    ]
    .iter()
    .enumerate()
    {
        let syncs = wal_syncs(dir.path(), &db, &["quick", "5", "--at", at]);
        assert!(
            syncs >= 1,
            "write {n} was acknowledged after {syncs} WAL syncs"
        );
    }
    // All three are there, seen through the connection that stayed open.
    let page = holder
        .history(rlsjournal_core::HistoryQuery {
            kinds: vec![],
            cursor: None,
            limit: 10,
        })
        .expect("history");
    assert_eq!(page.items.len(), 3);
}
