//! `rlsjournal backup` and encrypted `import`, end to end on the real binary (issue 17 item 5's
//! backup half): the passphrase from a file or standard input, never from argv; one-line errors.

use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

mod common;

const PASS: &str = "correct horse battery";

fn run_in(dir: &Path, db: &Path, args: &[&str], stdin: &str) -> Output {
    let mut all = vec!["--db", db.to_str().unwrap()];
    all.extend_from_slice(args);
    common::typed_input::output_with_input(
        common::rlsjournal_in(dir)
            .args(&all)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
        stdin,
    )
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn backups(folder: &Path) -> Vec<PathBuf> {
    let mut all: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    all.sort();
    all
}

#[test]
fn an_encrypted_backup_written_by_the_terminal_imports_with_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let folder = dir.path().join("backups");
    std::fs::create_dir(&folder).unwrap();
    let pass_file = dir.path().join("pass.txt");
    std::fs::write(&pass_file, format!("{PASS}\n")).unwrap();
    assert!(run_in(dir.path(), &db, &["quick", "6"], "")
        .status
        .success());

    let folder_arg = folder.to_str().unwrap();
    let out = run_in(
        dir.path(),
        &db,
        &[
            "backup",
            "--folder",
            folder_arg,
            "--encrypt",
            "--passphrase-file",
            pass_file.to_str().unwrap(),
        ],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("Encrypted backup written to "));
    let written = backups(&folder);
    assert_eq!(written.len(), 1);
    let file = written[0].to_str().unwrap();
    assert!(file.ends_with(".zip.age"), "{file}");

    // Into a new journal: the passphrase as one line of standard input (not a terminal).
    let other = dir.path().join("other.db");
    let out = run_in(dir.path(), &other, &["import", file], &format!("{PASS}\n"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("1 records added"),
        "{}",
        text(&out.stdout)
    );

    // A wrong passphrase: one line, status 1, nothing imported and no journal created.
    let third = dir.path().join("third.db");
    let out = run_in(dir.path(), &third, &["import", file], "wrong passphrase\n");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("the passphrase does not open it"), "{err}");
    assert!(!third.exists());

    // A plain backup needs no passphrase.
    let out = run_in(dir.path(), &db, &["backup", "--folder", folder_arg], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn a_backup_into_a_missing_folder_is_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    assert!(run_in(dir.path(), &db, &["quick", "6"], "")
        .status
        .success());
    let gone = dir.path().join("gone");
    let out = run_in(
        dir.path(),
        &db,
        &["backup", "--folder", gone.to_str().unwrap()],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("cannot back up to") && err.contains("the backup folder is gone"),
        "{err}"
    );
    // The passphrase is never an argument: there is no flag for it.
    let out = run_in(
        dir.path(),
        &db,
        &["backup", "--folder", ".", "--encrypt", "--passphrase", PASS],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
}
