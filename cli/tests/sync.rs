//! `rlsjournal sync` and `rlsjournal restore` on the real binary (issue 17 §3-§5): devices in
//! step through a folder, the passphrase from a file or standard input and never argv, one-line
//! errors, a restore that never overwrites records, and SIGKILL at random moments of a sync.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Output, Stdio};
use std::time::Duration;

use rlsjournal_core::Journal;

const PASS: &str = "correct horse battery";

fn run(dir: &Path, args: &[&str]) -> Output {
    common::rlsjournal_in(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run rlsjournal")
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn one_line_error(out: &Output) -> String {
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(err.lines().count(), 1, "{err}");
    err
}

/// The ids and change times of every record (deleted ones included) in a journal file.
fn records(db: &Path) -> BTreeSet<String> {
    let journal = Journal::open(db.to_string_lossy().into_owned()).unwrap();
    let backup: serde_json::Value = serde_json::from_str(&journal.backup_json().unwrap()).unwrap();
    backup["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| format!("{} {}", e["id"], e["updated_at"]))
        .collect()
}

#[test]
fn two_journals_sync_and_a_new_one_restores_from_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("shared")).unwrap();
    std::fs::write(d.join("pass"), format!("{PASS}\n")).unwrap();
    ok(
        d,
        &[
            "--db",
            "a.db",
            "quick",
            "6",
            "--at",
            "2026-11-25T23:30:00+01:00",
        ],
    );
    ok(
        d,
        &[
            "--db",
            "b.db",
            "quick",
            "3",
            "--at",
            "2026-11-20T23:30:00+01:00",
        ],
    );
    let first = ok(
        d,
        &[
            "--db",
            "a.db",
            "sync",
            "--folder",
            "shared",
            "--passphrase-file",
            "pass",
        ],
    );
    assert!(first.contains("this device's file was written"), "{first}");
    // The passphrase on standard input.
    let out = common::typed_input::output_with_input(
        common::rlsjournal_in(d)
            .args([
                "--db",
                "b.db",
                "sync",
                "--folder",
                "shared",
                "--passphrase-stdin",
                "--json",
            ])
            .stdout(Stdio::piped()),
        &format!("{PASS}\n"),
    );
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["added"], 1);
    assert!(report["written"].as_str().unwrap().ends_with(".json.age"));
    ok(
        d,
        &[
            "--db",
            "a.db",
            "sync",
            "--folder",
            "shared",
            "--passphrase-file",
            "pass",
        ],
    );
    assert_eq!(records(&d.join("a.db")), records(&d.join("b.db")));
    // Nothing of the journal is readable in the folder.
    for entry in std::fs::read_dir(d.join("shared")).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(bytes.starts_with(b"age-encryption.org/v1\n"));
    }

    // The new phone: one command; then it syncs as a third device.
    let restored = ok(
        d,
        &[
            "--db",
            "new.db",
            "restore",
            "--from",
            "shared",
            "--passphrase-file",
            "pass",
        ],
    );
    assert!(restored.contains("2 device files merged"), "{restored}");
    assert_eq!(records(&d.join("new.db")), records(&d.join("a.db")));
    let joined = ok(
        d,
        &[
            "--db",
            "new.db",
            "sync",
            "--folder",
            "shared",
            "--passphrase-file",
            "pass",
            "--json",
        ],
    );
    let joined: serde_json::Value = serde_json::from_str(&joined).unwrap();
    assert!(joined["written"].is_string());
    assert_eq!(std::fs::read_dir(d.join("shared")).unwrap().count(), 3);

    // Restore never overwrites a journal with records: one line, the journal unchanged.
    let before = records(&d.join("a.db"));
    let refused = run(
        d,
        &[
            "--db",
            "a.db",
            "restore",
            "--from",
            "shared",
            "--passphrase-file",
            "pass",
        ],
    );
    let err = one_line_error(&refused);
    assert!(err.contains("already holds records"), "{err}");
    assert_eq!(records(&d.join("a.db")), before);
}

#[test]
fn the_passphrase_never_comes_from_argv_and_errors_are_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let argv = run(
        d,
        &[
            "--db",
            "a.db",
            "sync",
            "--folder",
            ".",
            "--passphrase",
            PASS,
        ],
    );
    assert!(!argv.status.success());
    assert!(!d.join("a.db").exists());
    let gone = run(d, &["--db", "a.db", "sync", "--folder", "gone"]);
    let err = one_line_error(&gone);
    assert!(err.contains("the sync folder is gone"), "{err}");
    let nothing = run(d, &["--db", "new.db", "restore", "--from", "gone"]);
    one_line_error(&nothing);
    std::fs::create_dir(d.join("empty")).unwrap();
    let empty = run(d, &["--db", "new.db", "restore", "--from", "empty"]);
    let err = one_line_error(&empty);
    assert!(err.contains("no journal files"), "{err}");
    assert!(
        !d.join("new.db").exists(),
        "a failed restore leaves nothing"
    );
}

/// SIGKILL during a sync, 20 rounds at random moments: each round another device has new
/// records in the folder; the journal is then either as before or with all of them, never
/// half, our own file in the folder is whole, and the next sync completes.
#[test]
fn a_sync_killed_at_random_moments_leaves_the_journal_before_or_after() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let folder = d.join("shared");
    std::fs::create_dir(&folder).unwrap();
    let ours = d.join("ours.db");
    ok(d, &["--db", "ours.db", "quick", "5"]);
    ok(d, &["--db", "ours.db", "sync", "--folder", "shared"]);
    let other = Journal::open(d.join("other.db").to_string_lossy().into_owned()).unwrap();
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    let mut kills_mid_way = 0;
    for round in 0..20 {
        // The other device: 40 new records, then its whole snapshot in the folder.
        for n in 0..40 {
            other
                .add_severity_rating(rlsjournal_core::SeverityRatingData {
                    rated_on: rlsjournal_core::time::parse_iso_date(&format!(
                        "2025-{:02}-{:02}",
                        1 + (round % 12),
                        1 + n % 28
                    ))
                    .unwrap(),
                    irls_total: n % 40,
                    note: None,
                })
                .unwrap();
        }
        other
            .sync_folder(folder.to_string_lossy().into_owned(), None)
            .unwrap();
        let before = records(&ours);
        let mut after = before.clone();
        after.extend(records(&d.join("other.db")));

        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        let mut child = common::rlsjournal_in(d)
            .args(["--db", "ours.db", "sync", "--folder", "shared"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng % 100_000));
        let _ = child.kill(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        let now = records(&ours);
        assert!(
            now == before || now == after,
            "round {round}: the journal holds {} records, neither {} nor {}",
            now.len(),
            before.len(),
            after.len()
        );
        if !status.success() && now == after {
            kills_mid_way += 1;
        }
        // Our file in the folder, if written, is a whole snapshot.
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with("rlsjournal-device-") {
                let check = Journal::open_in_memory().unwrap();
                check
                    .import_backup(std::fs::read(&path).unwrap())
                    .unwrap_or_else(|e| panic!("round {round}: {name} is not whole: {e}"));
            }
        }
        let next = ok(
            d,
            &["--db", "ours.db", "sync", "--folder", "shared", "--json"],
        );
        assert!(next.contains("\"device_id\""));
        assert_eq!(
            records(&ours),
            after,
            "round {round}: the next sync completes"
        );
    }
    eprintln!("{kills_mid_way} of 20 kills came after the merge, before the sync ended");
}
