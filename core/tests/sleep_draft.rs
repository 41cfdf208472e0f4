//! The proposed morning sleep diary: defaults without history, the person's usual times with it.

mod common;

use common::*;
use rlsjournal_core::*;

/// A diary of `night` with the given local times (`bed` and `up` as RFC 3339) and onset minutes.
fn lived(night: &str, bed: &str, up: &str, onset: i32) -> SleepDiaryData {
    SleepDiaryData {
        night_of: date(night),
        got_into_bed_at: at(bed),
        tried_to_sleep_at: at(bed),
        sleep_onset_minutes: onset,
        awakenings: 1,
        wake_after_sleep_onset_minutes: 10,
        final_awakening_at: at(up),
        out_of_bed_at: at(up),
        quality: 4,
        note: None,
    }
}

#[test]
fn without_history_the_draft_is_the_fixed_defaults() {
    let (_d, _p, journal) = file_journal();
    let draft = journal
        .sleep_diary_draft_at(date("2025-03-10"), at("2025-03-11T08:00:00+01:00"))
        .unwrap();
    assert_eq!(draft.night_of, date("2025-03-10"));
    assert_eq!(draft.got_into_bed_at, at("2025-03-10T23:00:00+01:00"));
    assert_eq!(draft.tried_to_sleep_at, at("2025-03-10T23:00:00+01:00"));
    assert_eq!(draft.final_awakening_at, at("2025-03-11T07:00:00+01:00"));
    assert_eq!(draft.out_of_bed_at, at("2025-03-11T07:00:00+01:00"));
    assert_eq!(draft.sleep_onset_minutes, 15);
    assert_eq!(
        (draft.awakenings, draft.wake_after_sleep_onset_minutes),
        (0, 0)
    );
    assert_eq!(draft.quality, 3);
    // The draft passes validation as it is.
    journal.add_sleep_diary(draft).unwrap();
}

#[test]
fn with_history_the_draft_takes_the_median_times_across_midnight() {
    let (_d, _p, journal) = file_journal();
    for d in [
        lived(
            "2025-03-01",
            "2025-03-01T23:30:00+01:00",
            "2025-03-02T07:00:00+01:00",
            10,
        ),
        lived(
            "2025-03-02",
            "2025-03-03T00:30:00+01:00",
            "2025-03-03T07:30:00+01:00",
            20,
        ),
        lived(
            "2025-03-03",
            "2025-03-03T23:00:00+01:00",
            "2025-03-04T06:45:00+01:00",
            30,
        ),
        lived(
            "2025-03-04",
            "2025-03-05T00:00:00+01:00",
            "2025-03-05T07:15:00+01:00",
            25,
        ),
        lived(
            "2025-03-05",
            "2025-03-05T23:45:00+01:00",
            "2025-03-06T08:00:00+01:00",
            5,
        ),
    ] {
        journal.add_sleep_diary(d).unwrap();
    }
    // A later night's diary and a deleted diary do not count.
    journal
        .add_sleep_diary(lived(
            "2025-03-20",
            "2025-03-20T21:00:00+01:00",
            "2025-03-21T05:00:00+01:00",
            90,
        ))
        .unwrap();
    let deleted = journal
        .add_sleep_diary(lived(
            "2025-03-08",
            "2025-03-08T20:00:00+01:00",
            "2025-03-09T04:00:00+01:00",
            90,
        ))
        .unwrap();
    journal.delete_entry(deleted.id).unwrap();

    let draft = journal
        .sleep_diary_draft_at(date("2025-03-10"), at("2025-03-11T08:00:00+01:00"))
        .unwrap();
    // Bedtimes 23:00, 23:30, 23:45, 00:00, 00:30: the median is 23:45 on the night's date.
    assert_eq!(draft.got_into_bed_at, at("2025-03-10T23:45:00+01:00"));
    assert_eq!(draft.tried_to_sleep_at, at("2025-03-10T23:45:00+01:00"));
    // Up 06:45, 07:00, 07:15, 07:30, 08:00: 07:15 the next morning.
    assert_eq!(draft.final_awakening_at, at("2025-03-11T07:15:00+01:00"));
    assert_eq!(draft.out_of_bed_at, at("2025-03-11T07:15:00+01:00"));
    assert_eq!(draft.sleep_onset_minutes, 20);
    journal.add_sleep_diary(draft).unwrap();

    // Bedtimes mostly after midnight: the median stays after midnight, on the next date.
    let (_d2, _p2, late) = file_journal();
    for (night, bed) in [
        ("2025-03-01", "2025-03-02T00:30:00+01:00"),
        ("2025-03-02", "2025-03-02T23:30:00+01:00"),
        ("2025-03-03", "2025-03-04T00:40:00+01:00"),
    ] {
        let next = date(night) + chrono::Duration::days(1);
        late.add_sleep_diary(lived(night, bed, &format!("{next}T08:00:00+01:00"), 10))
            .unwrap();
    }
    let draft = late
        .sleep_diary_draft_at(date("2025-03-10"), at("2025-03-11T09:00:00+01:00"))
        .unwrap();
    assert_eq!(draft.got_into_bed_at, at("2025-03-11T00:30:00+01:00"));
}

#[test]
fn clock_times_are_read_in_each_diarys_own_offset_and_placed_with_the_devices() {
    let (_d, _p, journal) = file_journal();
    // Summer time diaries at 23:00 local (+02:00), drafted in winter (+01:00): still 23:00 local.
    for night in ["2025-10-20", "2025-10-21", "2025-10-22"] {
        let next = date(night) + chrono::Duration::days(1);
        journal
            .add_sleep_diary(lived(
                night,
                &format!("{night}T23:00:00+02:00"),
                &format!("{next}T07:00:00+02:00"),
                15,
            ))
            .unwrap();
    }
    let draft = journal
        .sleep_diary_draft_at(date("2025-10-27"), at("2025-10-28T08:00:00+01:00"))
        .unwrap();
    assert_eq!(draft.got_into_bed_at, at("2025-10-27T23:00:00+01:00"));
    assert_eq!(draft.got_into_bed_at.offset_minutes, 60);
    assert_eq!(draft.out_of_bed_at, at("2025-10-28T07:00:00+01:00"));
}

#[test]
fn a_night_in_the_far_future_is_refused() {
    let (_d, _p, journal) = file_journal();
    let err = journal
        .sleep_diary_draft_at(date("2025-04-10"), at("2025-03-11T08:00:00+01:00"))
        .unwrap_err();
    assert!(format!("{err:?}").contains("night"), "{err:?}");
}
