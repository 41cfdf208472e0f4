//! `core_versions()`: each number is the one a real journal file and a real backup carry, and
//! the one the refusals of newer files and backups name.

use rlsjournal_core::{core_versions, Journal, JournalError};

/// The `version = "..."` line of core/Cargo.toml's `[package]` section.
fn manifest_version() -> String {
    let manifest = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
        .expect("read core/Cargo.toml");
    manifest
        .lines()
        .find_map(|line| line.strip_prefix("version = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .expect("a version line in core/Cargo.toml")
        .to_string()
}

#[test]
fn core_version_is_the_package_version_in_semver_form() {
    let core = core_versions().core;
    assert_eq!(core, manifest_version());
    let parts: Vec<&str> = core.split('.').collect();
    assert_eq!(parts.len(), 3, "major.minor.patch: {core}");
    assert!(parts.iter().all(|p| p.parse::<u32>().is_ok()), "{core}");
}

#[test]
fn schema_version_is_what_a_new_journal_file_carries() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite");
    drop(Journal::open(path.to_string_lossy().into_owned()).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let user_version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(user_version, core_versions().schema);
}

#[test]
fn a_file_one_schema_version_newer_is_refused_naming_both_versions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite");
    drop(Journal::open(path.to_string_lossy().into_owned()).unwrap());
    let newer = core_versions().schema + 1;
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", newer).unwrap();
    drop(conn);
    match Journal::open(path.to_string_lossy().into_owned()) {
        Err(JournalError::IncompatibleVersion { found, supported }) => {
            assert_eq!((found, supported), (newer, core_versions().schema));
        }
        Err(other) => panic!("expected IncompatibleVersion, got {other:?}"),
        Ok(_) => panic!("expected IncompatibleVersion, the newer file opened"),
    }
}

#[test]
fn backup_format_version_is_what_a_backup_carries_and_a_newer_one_is_rejected() {
    let journal = Journal::open_in_memory().unwrap();
    let json = journal.backup_json().unwrap();
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let version = core_versions().backup_format;
    assert_eq!(doc["version"], serde_json::json!(version));

    let mut newer = doc.clone();
    newer["version"] = serde_json::json!(version + 1);
    let bytes = serde_json::to_vec(&newer).unwrap();
    match journal.import_backup(bytes) {
        Err(JournalError::ImportRejected { reason }) => {
            assert!(reason.contains(&format!("{}", version + 1)), "{reason}");
        }
        other => panic!("expected ImportRejected, got {other:?}"),
    }
}
