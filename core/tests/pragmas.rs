//! The connection's effective pragmas, as SQLite reports them, on every way a journal file is
//! opened: new, existing, read-only. A change that weakens durability (`synchronous` below
//! FULL, a journal mode other than WAL) or drops a protection fails here.

#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use rlsjournal_core::*;

/// Every pragma, as `effective_pragmas` names them, with the value a writable file must have.
const WRITABLE: &[(&str, &str)] = &[
    ("journal_mode", "wal"),
    ("synchronous", "2"), // FULL
    ("foreign_keys", "1"),
    ("busy_timeout", "5000"),
    ("temp_store", "2"),     // MEMORY
    ("cache_size", "-8192"), // 8 MiB: a ten-year journal's records stay cached
    ("trusted_schema", "0"),
    ("defensive", "1"),
    ("read_only", "0"),
];

fn pragmas_of(path: &Path) -> Vec<(String, String)> {
    Journal::open_path(path)
        .unwrap()
        .effective_pragmas()
        .unwrap()
}

fn expected(overrides: &[(&str, &str)]) -> Vec<(String, String)> {
    WRITABLE
        .iter()
        .map(|(name, value)| {
            let value = overrides
                .iter()
                .find(|(n, _)| n == name)
                .map_or(*value, |(_, v)| *v);
            (name.to_string(), value.to_string())
        })
        .collect()
}

#[test]
fn a_new_journal_file_has_every_pragma() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(pragmas_of(&dir.path().join("new.db")), expected(&[]));
}

#[test]
fn an_existing_journal_file_has_every_pragma() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("existing.db");
    drop(Journal::open_path(&path).unwrap());
    assert_eq!(pragmas_of(&path), expected(&[]));
}

#[test]
fn an_empty_file_made_into_a_journal_has_every_pragma() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    std::fs::write(&path, b"").unwrap();
    assert_eq!(pragmas_of(&path), expected(&[]));
}

#[test]
fn a_read_only_journal_file_has_every_pragma_but_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("read-only.db");
    drop(Journal::open_path(&path).unwrap());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).unwrap();
    // Read as it is (immutable, its WAL empty): SQLite reports the rollback journal mode of a
    // file it will never write; everything else as for a writable file.
    let read_only = pragmas_of(&path);
    assert_eq!(
        read_only,
        expected(&[("journal_mode", "delete"), ("read_only", "1")]),
    );
}

#[test]
fn the_in_memory_journal_has_every_pragma_but_wal() {
    let journal = Journal::open_in_memory().unwrap();
    assert_eq!(
        journal.effective_pragmas().unwrap(),
        expected(&[("journal_mode", "memory")])
    );
}
