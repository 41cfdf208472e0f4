//! Opening files: new journals, reopening, and refusing (untouched) what is not ours.

mod common;

use common::*;
use rlsjournal_core::*;

fn open(path: &std::path::Path) -> Result<std::sync::Arc<Journal>, JournalError> {
    Journal::open(path.to_string_lossy().into_owned())
}

#[test]
fn a_new_file_gets_the_schema_and_wal_mode() {
    let (_dir, path, journal) = file_journal();
    journal.quick_log(4, None, None).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(version, store::schema::CURRENT_VERSION);
    assert_eq!(app_id, store::schema::APPLICATION_ID);
    assert_eq!(mode, "wal");
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn close_and_reopen_keeps_everything_including_settings_and_tombstones() {
    let (_dir, path, journal) = file_journal();
    let e = journal.quick_log(6, Some(Side::Left), None).unwrap();
    journal.end_episode(None).unwrap();
    let lab = journal
        .add_lab_result(ferritin("2026-11-01", 30.0))
        .unwrap();
    journal.delete_entry(lab.id.clone()).unwrap();
    let mut s = journal.settings().unwrap();
    s.night_cutover_hour = 15;
    s.paper_size = PaperSize::Letter;
    journal.update_settings(s).unwrap();
    let before = fingerprint(&journal);
    drop(journal);

    let journal = open(&path).unwrap();
    assert_eq!(fingerprint(&journal), before);
    assert_eq!(journal.settings().unwrap(), s);
    assert!(journal.entry(e.id).is_ok());
    // The tombstone survived: the deleted lab can still be restored after reopening.
    assert_eq!(journal.undo_delete().unwrap(), Some(lab.id.clone()));
    assert!(journal.entry(lab.id).is_ok());
}

fn file_bytes(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn a_file_that_is_not_a_database_is_corrupt_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, b"These are my notes, not a database.\n".repeat(200)).unwrap();
    let before = file_bytes(&path);
    assert!(matches!(open(&path), Err(JournalError::Corrupt { .. })));
    assert_eq!(file_bytes(&path), before);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no -wal or -shm files were created");
}

#[test]
fn another_apps_sqlite_database_is_corrupt_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('A');")
            .unwrap();
    }
    let before = file_bytes(&path);
    assert!(matches!(open(&path), Err(JournalError::Corrupt { .. })));
    assert_eq!(file_bytes(&path), before);
}

#[test]
fn a_journal_from_a_newer_version_is_refused_and_untouched() {
    let (_dir, path, journal) = file_journal();
    journal.quick_log(3, None, None).unwrap();
    drop(journal);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        conn.pragma_update(None, "user_version", store::schema::CURRENT_VERSION + 1)
            .unwrap();
    }
    let before = file_bytes(&path);
    match open(&path) {
        Err(JournalError::IncompatibleVersion { found, supported }) => {
            assert_eq!(found, store::schema::CURRENT_VERSION + 1);
            assert_eq!(supported, store::schema::CURRENT_VERSION);
        }
        other => panic!("expected IncompatibleVersion, got {:?}", other.map(|_| ())),
    }
    assert_eq!(file_bytes(&path), before);
}

#[test]
fn a_truncated_journal_is_refused_without_being_overwritten() {
    let (_dir, path, journal) = file_journal();
    for i in 1..=10 {
        journal
            .add_episode(full_episode(
                &format!("2026-11-{i:02}T23:00:00+01:00"),
                &format!("2026-11-{i:02}T23:30:00+01:00"),
                5,
            ))
            .unwrap();
    }
    drop(journal);
    let bytes = file_bytes(&path);
    // Keep the header page only, and scribble over the page that holds the schema.
    let mut damaged = bytes[..4096.min(bytes.len())].to_vec();
    for b in damaged.iter_mut().skip(100).take(3000) {
        *b = 0xA5;
    }
    std::fs::write(&path, &damaged).unwrap();
    let result = open(&path);
    assert!(
        matches!(result, Err(JournalError::Corrupt { .. })),
        "got {:?}",
        result.map(|_| ())
    );
    assert_eq!(file_bytes(&path), damaged);
}

#[test]
fn an_unwritable_location_gives_a_storage_error() {
    let result = Journal::open("/proc/rlsjournal-cannot-be-here/journal.db".into());
    assert!(matches!(result, Err(JournalError::Storage { .. })));
}

#[test]
fn an_empty_existing_file_becomes_a_new_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    std::fs::write(&path, b"").unwrap();
    let journal = open(&path).unwrap();
    journal.quick_log(2, None, None).unwrap();
    assert!(journal.open_episode().unwrap().is_some());
}

#[test]
fn the_journal_is_send_and_sync_and_serves_many_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Journal>();
    let (_dir, _path, journal) = file_journal();
    let treat = journal.add_treatment(treatment("2026-01-01")).unwrap();
    std::thread::scope(|scope| {
        for t in 0..4 {
            let journal = &journal;
            let treat = &treat;
            scope.spawn(move || {
                for i in 0..25 {
                    let minute = t * 25 + i;
                    journal
                        .add_dose(DoseData {
                            treatment_id: treat.id.clone(),
                            at: at(&format!(
                                "2026-11-20T{:02}:{:02}:00+01:00",
                                minute / 60,
                                minute % 60
                            )),
                            amount: None,
                        })
                        .unwrap();
                }
            });
        }
        let journal = &journal;
        scope.spawn(move || {
            for _ in 0..20 {
                journal
                    .history(HistoryQuery {
                        kinds: vec![],
                        cursor: None,
                        limit: 10,
                    })
                    .unwrap();
            }
        });
    });
    assert_eq!(all_history(&journal, vec![EntryKind::Dose], 30).len(), 100);
}

#[test]
fn a_second_handle_on_the_same_file_follows_settings_changed_by_the_first() {
    let (_dir, path, first) = file_journal();
    let second = open(&path).unwrap();
    assert_eq!(second.settings().unwrap().night_cutover_hour, 12);
    let mut changed = first.settings().unwrap();
    changed.night_cutover_hour = 6;
    first.update_settings(changed).unwrap();
    assert_eq!(second.settings().unwrap(), changed);
    // New entries through the second handle are filed under the new cutover: 10:00 is after
    // 06:00, so it belongs to the evening of the same day.
    let late = second
        .add_exposure(ExposureData {
            kind: ExposureKind::Caffeine,
            at: at("2026-11-21T10:00:00+01:00"),
            amount: None,
            unit: None,
            note: None,
        })
        .unwrap();
    assert_eq!(late.night, date("2026-11-21"));
    // And the other way round: the first handle sees what the second changes.
    changed.night_cutover_hour = 12;
    second.update_settings(changed).unwrap();
    assert_eq!(first.settings().unwrap().night_cutover_hour, 12);
    assert_eq!(
        first.night_of(at("2026-11-21T10:00:00+01:00")).unwrap(),
        date("2026-11-20")
    );
}

#[test]
fn the_bundled_sqlite_leaves_out_what_the_journal_never_uses() {
    // .cargo/config.toml builds SQLite without FTS, R-tree, dbstat and extension loading, which
    // keeps the library under its size budget; this fails if that setting stops applying.
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    let options: Vec<String> = conn
        .prepare("PRAGMA compile_options")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for left_out in [
        "ENABLE_FTS5",
        "ENABLE_FTS3",
        "ENABLE_RTREE",
        "ENABLE_DBSTAT_VTAB",
    ] {
        assert!(
            !options.iter().any(|o| o == left_out),
            "{left_out} is compiled in: {options:?}"
        );
    }
    assert!(options.iter().any(|o| o == "OMIT_LOAD_EXTENSION"));
}
