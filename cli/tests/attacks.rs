//! End-to-end tests of the adversarial pass (issue #12) on the real `rlsjournal` binary: what a
//! hostile or unlucky person can type, and what a journal can hold, must neither lose data nor
//! drive the terminal.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

/// Runs the binary with `args` in `dir` (its own home, data and cache), without colour.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    common::rlsjournal_in(dir)
        .args(args)
        .output()
        .expect("run rlsjournal")
}

fn journal_args<'a>(db: &'a Path, args: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec!["--db", db.to_str().expect("utf-8 path")];
    all.extend_from_slice(args);
    all
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("journal.db");
    (dir, db)
}

/// A label or note with escape sequences is refused with a sentence, and the refusal itself
/// does not echo the sequence raw.
#[test]
fn escape_sequences_are_refused_in_labels_and_notes() {
    let (dir, db) = temp();
    let title = "other:\u{1b}]0;owned\u{7}";
    let out = run_in(dir.path(), &journal_args(&db, &["add", "exposure", title]));
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("escape character"), "{err}");
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    let out = run_in(
        dir.path(),
        &journal_args(
            &db,
            &["add", "exposure", "caffeine", "--note", "a\u{1b}[2Jb"],
        ),
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    // Line breaks and tabs in a note are fine.
    let out = run_in(
        dir.path(),
        &journal_args(
            &db,
            &[
                "add",
                "exposure",
                "caffeine",
                "--note",
                "two\r\nlines\tand a tab",
            ],
        ),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// A journal written before the rule (or edited by hand) may hold escape sequences: printing it
/// shows them as symbols instead of letting them set the title or clear the screen.
#[test]
fn escape_sequences_already_in_a_journal_are_shown_not_run() {
    let (dir, db) = temp();
    let out = run_in(
        dir.path(),
        &journal_args(&db, &["add", "exposure", "other:tea", "--note", "calm"]),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    {
        let conn = rusqlite::Connection::open(&db).expect("open");
        let changed = conn
            .execute(
                "UPDATE entries SET data = json_set(json_set(data, '$.note', ?1), '$.kind', ?2)",
                [
                    "\u{1b}]0;owned\u{7}\u{1b}[2J\u{9b}31m",
                    "other:\u{1b}[8mhidden",
                ],
            )
            .expect("update");
        assert_eq!(changed, 1);
    }
    for args in [
        &["history"][..],
        &["summary"][..],
        &["export", "text", "--out", "-"][..],
    ] {
        let out = run_in(dir.path(), &journal_args(&db, args));
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        let shown = text(&out.stdout);
        assert!(
            !shown
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{args:?} printed a control character: {shown:?}"
        );
    }
    let history = text(&run_in(dir.path(), &journal_args(&db, &["history"])).stdout);
    assert!(history.contains("␛[8mhidden"), "{history}");
}

/// An error about a huge argument is a short line, not the argument.
#[test]
fn errors_about_huge_input_are_short() {
    let (dir, db) = temp();
    let huge = "9".repeat(100_000);
    let month = format!("2026-{huge}");
    for args in [
        vec!["calendar", month.as_str()],
        vec!["quick", "5", "--at", huge.as_str()],
        vec!["summary", "--from", huge.as_str()],
    ] {
        let out = run_in(dir.path(), &journal_args(&db, &args));
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
        let err = text(&out.stderr);
        assert!(err.len() < 400, "{} bytes: {}", err.len(), &err[..200]);
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

fn journal_bytes(db: &Path) -> Vec<u8> {
    std::fs::read(db).expect("read journal")
}

/// `export pdf --out j.db` used to print "wrote j.db" and leave a PDF where the journal was;
/// `demo --db e.db --report j.db` did the same to another journal. Every export path now
/// refuses the open journal, its side files, any other journal and anything but a regular
/// file, and leaves them byte for byte as they were.
#[test]
fn exports_never_replace_a_journal_or_a_device() {
    let (dir, db) = temp();
    let d = dir.path();
    let out = run_in(d, &journal_args(&db, &["quick", "6"]));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let wal = d.join("journal.db-wal");
    let link_to_journal = d.join("report.pdf");
    std::os::unix::fs::symlink(&db, &link_to_journal).expect("link");
    let link_to_device = d.join("device.pdf");
    std::os::unix::fs::symlink("/dev/null", &link_to_device).expect("link");
    let other = d.join("other.db");
    let out = run_in(d, &journal_args(&other, &["quick", "3"]));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let before = journal_bytes(&db);
    let other_before = journal_bytes(&other);
    let targets = [
        (db.clone(), "is the journal itself"),
        (wal.clone(), "journal"),
        (link_to_journal.clone(), "is the journal itself"),
        (other.clone(), "is an RLS Journal database"),
        (link_to_device.clone(), "not a regular file"),
    ];
    for (target, why) in &targets {
        let t = target.to_str().expect("utf-8");
        for args in [
            vec!["export", "pdf", "--out", t],
            vec!["export", "text", "--out", t],
            vec!["export", "backup", "--out", t],
        ] {
            let out = run_in(d, &journal_args(&db, &args));
            let err = text(&out.stderr);
            assert!(!out.status.success(), "{args:?} succeeded");
            assert!(err.contains(why), "{args:?}: {err}");
            assert!(err.contains("--out"), "names the flag: {err}");
        }
    }
    // The demo's report may not replace a journal either.
    let demo_db = d.join("demo.db");
    let out = run_in(
        d,
        &[
            "demo",
            "--db",
            demo_db.to_str().expect("utf-8"),
            "--nights",
            "7",
            "--report",
            other.to_str().expect("utf-8"),
        ],
    );
    assert!(
        !out.status.success(),
        "demo wrote its report over a journal"
    );
    assert!(text(&out.stderr).contains("is an RLS Journal database"));
    assert!(std::fs::symlink_metadata(&link_to_device)
        .expect("link")
        .file_type()
        .is_symlink());
    assert_eq!(journal_bytes(&other), other_before);
    // The journal still opens and holds its entry.
    let history = text(&run_in(d, &journal_args(&db, &["history"])).stdout);
    assert!(history.contains("6/10"), "{history}");
    assert!(journal_bytes(&db).starts_with(b"SQLite format 3\0"));
    assert_eq!(journal_bytes(&db).len(), before.len());
}
