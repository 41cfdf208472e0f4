//! Every exported call reads from one snapshot: a write from another handle on the same file
//! while a call is running never gives a result that mixes the state before and after it.

mod common;

use rlsjournal_core::export::pdf::ReportOptions;
use rlsjournal_core::summary::NightRange;
use rlsjournal_core::*;

use common::*;

/// "Now" for every report here: the morning after the reported range.
const NOW: &str = "2025-10-31T08:00:00+01:00";

/// An episode from 23:00 to 23:45 on the night of `night` with peak `peak` and a note.
fn episode(night: &str, peak: i32, note: &str) -> EpisodeData {
    let mut e = full_episode(
        &format!("{night}T23:00:00+01:00"),
        &format!("{night}T23:45:00+01:00"),
        peak,
    );
    e.note = Some(note.into());
    e
}

fn october_report() -> ReportOptions {
    ReportOptions {
        range: Some(NightRange {
            first: date("2025-10-01"),
            last: date("2025-10-30"),
        }),
        include_notes: true,
        ..ReportOptions::default()
    }
}

#[test]
fn a_write_from_another_handle_during_the_report_does_not_show_in_it() {
    let (_dir, path, reader) = file_journal();
    for night in ["2025-09-10", "2025-09-20", "2025-10-05", "2025-10-15"] {
        reader.add_sleep_diary(diary(night)).expect("diary");
        reader
            .add_episode(episode(night, 5, "before the report"))
            .expect("episode");
    }
    let writer = Journal::open(path.to_string_lossy().into_owned()).expect("second handle");
    let options = october_report();
    let before = reader
        .report_content_at(&options, at(NOW))
        .expect("report before");

    // The other handle writes after the period's summary is built and before the previous
    // period's summary and the notes are read: one into each of those parts.
    let during = reader
        .report_content_pausing(&options, at(NOW), || {
            writer
                .add_episode(episode("2025-09-25", 9, "written in the previous period"))
                .expect("write into the previous period");
            writer
                .add_episode(episode("2025-10-20", 9, "written during the report"))
                .expect("write into the period");
        })
        .expect("report during the write");
    assert_eq!(during, before, "the report mixed two states of the journal");

    // The writes did land, and change the report once it is made again.
    let after = reader
        .report_content_at(&options, at(NOW))
        .expect("report after");
    assert_ne!(after, before);
    let bytes = reader
        .report_pdf_at(options, at(NOW))
        .expect("pdf after the write");
    assert!(bytes.starts_with(b"%PDF-"));
}
