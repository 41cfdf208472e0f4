//! Every released schema version opens, upgrades and keeps its content; an upgraded schema
//! equals a freshly created one.

mod common;

use common::*;
use rlsjournal_core::*;

/// Copies a committed fixture database into a temp dir (tests never touch the fixture itself).
fn fixture_copy(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::copy(source, &path).unwrap();
    (dir, path)
}

fn schema_of(path: &std::path::Path) -> Vec<(String, String, Option<String>)> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn a_version_1_journal_opens_with_its_content() {
    let (_d, path) = fixture_copy("journal-v1.db");
    let journal = Journal::open(path.to_string_lossy().into_owned()).unwrap();
    let items = all_history(&journal, vec![], 200);
    assert_eq!(items.len(), 22);
    let night = journal.night(date("2026-10-09")).unwrap();
    assert_eq!(night.episodes.len(), 1);
    assert_eq!(night.episodes[0].data.peak_intensity, 5);
    assert_eq!(night.episodes[0].relief.len(), 1);
    assert!(night.sleep_diary.is_some());
    let labs = all_history(&journal, vec![EntryKind::LabResult], 10);
    assert!(labs.iter().any(|l| l.title == "Ferritin 42 µg/L"));
    // Its deleted rating is still a tombstone that can be restored.
    assert!(journal.undo_delete().unwrap().is_some());
    drop(journal);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, store::schema::CURRENT_VERSION);
}

#[test]
fn an_upgraded_schema_equals_a_fresh_one() {
    let (_d, upgraded) = fixture_copy("journal-v1.db");
    Journal::open(upgraded.to_string_lossy().into_owned()).unwrap();
    let (_d2, fresh, journal) = file_journal();
    drop(journal);
    assert_eq!(schema_of(&upgraded), schema_of(&fresh));
}
