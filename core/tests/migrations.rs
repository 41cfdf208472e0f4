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

/// One committed fixture per released schema version, `journal-v<N>.db` for every N from 1 to
/// `CURRENT_VERSION`, each holding the version its name says. A new schema version without its
/// fixture fails here, loudly: the upgrade from the previous version would otherwise go
/// untested (commit a journal written by the previous release as that version's fixture first).
#[test]
fn every_released_schema_version_has_its_fixture() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut versions: Vec<u32> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.strip_prefix("journal-v")?
                .strip_suffix(".db")?
                .parse()
                .ok()
        })
        .collect();
    versions.sort_unstable();
    let expected: Vec<u32> = (1..=store::schema::CURRENT_VERSION).collect();
    assert_eq!(
        versions,
        expected,
        "schema version {} needs one committed fixture per released version in {}",
        store::schema::CURRENT_VERSION,
        dir.display()
    );
    for version in versions {
        let path = dir.join(format!("journal-v{version}.db"));
        let conn = rusqlite::Connection::open_with_flags(
            &path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .unwrap();
        let stored: u32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(stored, version, "{} holds another version", path.display());
    }
}
