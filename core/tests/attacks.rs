//! Attacks from the adversarial pass (issue #12) that are not about files or imports: each test
//! here failed before its fix.

mod common;

use common::*;
use rlsjournal_core::export::pdf::ReportOptions;
use rlsjournal_core::summary::{NightRange, NoteKind};
use rlsjournal_core::*;

fn minutes_from_now(minutes: i64) -> Moment {
    Moment::from_millis(Moment::now().millis() + minutes * 60_000, 60)
}

/// `quick 5 --at <now+20h>`, `quick 6`, `end` used to fail for ever with "ended_at is before
/// started_at": the future episode was "the open episode". Bedside calls now only see episodes
/// that have started by the moment they are about.
#[test]
fn a_future_open_episode_does_not_block_the_bedside() {
    let (_d, _p, journal) = file_journal();
    let future = journal
        .quick_log(5, None, Some(minutes_from_now(20 * 60)))
        .unwrap();
    // Not the bedside episode before it starts.
    assert!(journal.open_episode().unwrap().is_none());
    assert!(journal.open_episode_item().unwrap().is_none());
    // A tap now starts its own episode instead of raising the future one.
    let now = journal.quick_log(6, None, None).unwrap();
    assert_ne!(now.id, future.id);
    assert_eq!(journal.open_episode().unwrap().unwrap().id, now.id);
    // Relief goes to the episode of now.
    let relieved = journal
        .add_relief(ReliefMethod::Walking, 2, None, None)
        .unwrap();
    assert_eq!(relieved.id, now.id);
    // `end` ends it, and a second `end` finds nothing to end instead of failing on the future one.
    let ended = journal.end_episode(None).unwrap();
    assert_eq!(ended.id, now.id);
    assert!(ended.data.ended_at.is_some());
    assert!(matches!(
        journal.end_episode(None),
        Err(JournalError::NotFound { .. })
    ));
    // The future episode is untouched and still open, for the person to edit or delete.
    match journal.entry(future.id.clone()).unwrap() {
        Entry::Episode { episode } => {
            assert_eq!(episode.data, future.data);
            assert!(episode.data.ended_at.is_none());
        }
        other => panic!("expected the episode, got {other:?}"),
    }
    // Ending it at a time after its start works as for any episode.
    let at_its_end = Moment::from_millis(future.data.started_at.millis() + 30 * 60_000, 60);
    let ended_future = journal.end_episode(Some(at_its_end)).unwrap();
    assert_eq!(ended_future.id, future.id);
}

/// Replaces a stored record's data behind the journal's back, as a damaged file, a hand edit or
/// an older version's bug would leave it.
fn damage(path: &std::path::Path, id: &str, sql_expression: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let changed = conn
        .execute(
            &format!("UPDATE entries SET data = {sql_expression} WHERE id = ?1"),
            [id],
        )
        .unwrap();
    assert_eq!(changed, 1);
}

/// An exposure whose stored text is not JSON at all used to fail the whole summary (SQLite's
/// `json_extract` raised "malformed JSON"); one whose kind is not ours was named. Both are now
/// left out and named, and the rest of the window still counts.
#[test]
fn a_damaged_exposure_is_named_not_fatal_to_the_summary() {
    let (_d, path, journal) = file_journal();
    let good = journal
        .add_exposure(exposure(
            "2026-11-20T20:00:00+01:00",
            ExposureKind::Caffeine,
        ))
        .unwrap();
    let garbled = journal
        .add_exposure(exposure("2026-11-21T20:00:00+01:00", ExposureKind::Alcohol))
        .unwrap();
    let foreign = journal
        .add_exposure(exposure("2026-11-22T20:00:00+01:00", ExposureKind::Alcohol))
        .unwrap();
    // The table's CHECK (json_valid) stops this on write; a bit flip or a tool that ignores
    // checks does not.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "ignore_check_constraints", true)
        .unwrap();
    conn.execute(
        "UPDATE entries SET data = 'not json {' WHERE id = ?1",
        [&garbled.id],
    )
    .unwrap();
    drop(conn);
    damage(&path, &foreign.id, "json_set(data, '$.kind', 'moonlight')");
    let range = NightRange {
        first: date("2026-11-14"),
        last: date("2026-11-27"),
    };
    let summary = journal
        .summary_at(Some(range), at("2026-11-28T12:00:00+01:00"))
        .expect("the summary survives a damaged exposure");
    let note = summary
        .notes
        .iter()
        .find(|n| n.kind == NoteKind::DamagedRecord)
        .expect("a note names the damaged records");
    assert!(
        note.text.starts_with("2 records could not be read"),
        "{}",
        note.text
    );
    assert!(note.text.contains(&garbled.id), "{}", note.text);
    assert!(note.text.contains(&foreign.id), "{}", note.text);
    assert!(note.text.contains("unknown kind"), "{}", note.text);
    assert!(!note.text.contains(&good.id), "{}", note.text);
}

/// One record whose data no longer decodes used to make history, the night view, the summary,
/// the CSV tables and the PDF fail without saying which record. Each now leaves it out and
/// says which record and what is wrong; the backup still carries it.
#[test]
fn one_damaged_record_does_not_take_the_views_down() {
    let (_d, path, journal) = file_journal();
    let night = "2026-11-20";
    let bad = journal
        .add_episode(full_episode(
            "2026-11-20T23:10:00+01:00",
            "2026-11-20T23:50:00+01:00",
            7,
        ))
        .unwrap();
    let good = journal
        .add_episode(full_episode(
            "2026-11-21T02:10:00+01:00",
            "2026-11-21T02:40:00+01:00",
            4,
        ))
        .unwrap();
    let relief = journal
        .add_relief_attempt(
            good.id.clone(),
            ReliefData {
                method: ReliefMethod::Walking,
                helped: 2,
                minutes_to_relief: Some(10),
                at: at("2026-11-21T02:20:00+01:00"),
            },
        )
        .unwrap();
    journal.add_sleep_diary(diary(night)).unwrap();
    journal.add_severity_rating(rating(night, 18)).unwrap();
    damage(&path, &bad.id, "json_remove(data, '$.peak_intensity')");
    damage(&path, &relief.id, "json_set(data, '$.helped', 'a lot')");

    // History: the good records are there, the damaged one is named, paging goes on.
    let page = journal
        .history(HistoryQuery {
            kinds: vec![],
            cursor: None,
            limit: 50,
        })
        .unwrap();
    assert!(page.items.iter().any(|i| i.id == good.id));
    assert!(page.items.iter().all(|i| i.id != bad.id));
    assert_eq!(page.damaged.len(), 2, "{:?}", page.damaged);
    let named = page.damaged.iter().find(|d| d.id == bad.id).unwrap();
    assert_eq!(named.kind, "episode");
    assert_eq!(named.night, date(night));
    assert_eq!(named.problem, "the field \"peak_intensity\" is missing");
    let relief_named = page.damaged.iter().find(|d| d.id == relief.id).unwrap();
    assert_eq!(relief_named.kind, "relief attempt");
    assert_eq!(
        relief_named.problem,
        "a value has the wrong type or is out of range"
    );
    // A smaller page still moves past the damaged record.
    assert_eq!(all_history(&journal, vec![], 1).len(), page.items.len());

    // The night view.
    let view = journal.night(date(night)).unwrap();
    assert_eq!(view.episodes.len(), 1);
    assert_eq!(view.episodes[0].id, good.id);
    assert!(view.episodes[0].relief.is_empty());
    assert!(view.damaged.iter().any(|d| d.id == bad.id));
    assert!(view.sleep_diary.is_some());

    // The summary, its text and the report: the damaged record is left out and named.
    let range = NightRange {
        first: date("2026-11-14"),
        last: date("2026-11-27"),
    };
    let now = at("2026-11-28T12:00:00+01:00");
    let summary = journal.summary_at(Some(range), now).unwrap();
    let note = summary
        .notes
        .iter()
        .find(|n| n.kind == NoteKind::DamagedRecord)
        .expect("a note names the damaged records");
    assert!(
        note.text.starts_with("2 records could not be read"),
        "{}",
        note.text
    );
    assert!(note.text.contains(&bad.id), "{}", note.text);
    assert_eq!(
        summary.severity.worst_night.as_ref().map(|w| w.peak),
        Some(4)
    );
    let text = journal.summary_text_at(Some(range), now).unwrap();
    assert!(text.contains(&bad.id), "{text}");
    let pdf = journal
        .report_pdf_at(
            ReportOptions {
                range: Some(range),
                paper_size: None,
                include_notes: false,
                patient_name: None,
                fallback_fonts: vec![],
                detail_page: false,
            },
            now,
        )
        .unwrap();
    assert!(pdf.starts_with(b"%PDF"));

    // CSV: the tables without it, and a table naming it.
    let tables = journal.csv_tables(true).unwrap();
    let episodes = tables
        .iter()
        .find(|t| t.file_name == "episodes.csv")
        .unwrap();
    assert_eq!(episodes.rows, 1);
    let listed = tables
        .iter()
        .find(|t| t.file_name == "damaged_records.csv")
        .expect("damaged records listed");
    assert_eq!(listed.rows, 2);
    assert!(listed.content.contains(&bad.id));

    // Asked for by id, it is an error that says what is wrong, not a panic or a wrong record.
    match journal.entry(bad.id.clone()) {
        Err(JournalError::Corrupt { detail }) => {
            assert_eq!(
                detail,
                "episode could not be read: the field \"peak_intensity\" is missing"
            )
        }
        other => panic!("expected Corrupt, got {other:?}"),
    }
    // The backup still carries it, unchanged, for repair.
    let backup = journal.backup_json().unwrap();
    assert!(backup.contains(&bad.id));
    assert!(backup.contains(&relief.id));
}
