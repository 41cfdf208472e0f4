//! Storage failure tests that need the journal's own connection: a full disk.

use crate::journal::Journal;
use crate::model::exposure::ExposureData;
use crate::model::kinds::ExposureKind;
use crate::time::Moment;
use crate::JournalError;

fn exposure(n: i64, note_len: usize) -> ExposureData {
    ExposureData {
        at: Moment::from_millis(1_790_000_000_000 + n * 60_000, 60),
        kind: ExposureKind::Caffeine,
        amount: Some(1.0),
        unit: None,
        note: Some("x".repeat(note_len)),
    }
}

#[test]
fn a_full_disk_gives_a_storage_error_keeps_earlier_entries_and_recovers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    let journal = Journal::open_path(&path).unwrap();
    let mut saved = Vec::new();
    for n in 0..20 {
        saved.push(journal.add_exposure(exposure(n, 100)).unwrap().id);
    }
    // Simulate a full disk: the database may not grow past its current size (+ a little).
    let pages: i64 = journal
        .read(|conn, _| {
            let count: i64 = conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
            conn.pragma_update(None, "max_page_count", count + 2)?;
            Ok(count)
        })
        .unwrap();
    let mut failure = None;
    for n in 20..400 {
        match journal.add_exposure(exposure(n, 3_000)) {
            Ok(e) => saved.push(e.id),
            Err(e) => {
                failure = Some(e);
                break;
            }
        }
    }
    let failure = failure.expect("the journal never filled up");
    assert!(
        matches!(&failure, JournalError::Storage { detail } if detail.contains("full")),
        "{failure:?}"
    );
    // Everything acknowledged before is intact and readable; reads still work.
    for id in &saved {
        assert!(journal.entry(id.clone()).is_ok());
    }
    assert!(journal.open_episode().unwrap().is_none());
    // Space returns: writes work again.
    journal
        .read(|conn, _| {
            conn.pragma_update(None, "max_page_count", pages * 1000)?;
            Ok(())
        })
        .unwrap();
    let after = journal.add_exposure(exposure(999, 3_000)).unwrap();
    assert!(journal.entry(after.id).is_ok());
    drop(journal);
    let reopened = Journal::open_path(&path).unwrap();
    assert_eq!(
        reopened
            .history(crate::HistoryQuery {
                kinds: vec![],
                cursor: None,
                limit: 200
            })
            .unwrap()
            .items
            .len(),
        saved.len() + 1
    );
}
