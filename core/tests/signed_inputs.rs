//! Issue 20 item 1: every number a person types crosses the FFI as a signed integer, so a wrong
//! number (263, -1, 257, 0) reaches the core's checks and comes back as `InvalidInput` naming the
//! field, with nothing written. (Before, these were `u8`/`u32`: Kotlin's `263.toUByte()` became 7
//! before the core saw it, and `calendarMonth(2026, 257)` became January.)

mod common;

use common::*;
use rlsjournal_core::*;

/// 263 wraps to 7 as a byte, 257 to 1: exactly the values that used to be silently accepted.
const WRONG: [i32; 4] = [263, -1, 257, 0];

/// The field of an `InvalidInput` error; panics on any other outcome.
fn invalid_field<T: std::fmt::Debug>(result: Result<T, JournalError>) -> String {
    match result {
        Err(JournalError::InvalidInput { field, .. }) => field,
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

/// Asserts that `call` is refused as `InvalidInput` on `field` and that the journal is unchanged.
fn refused<T: std::fmt::Debug>(
    journal: &Journal,
    field: &str,
    value: i32,
    call: impl FnOnce() -> Result<T, JournalError>,
) {
    let before = fingerprint(journal);
    assert_eq!(invalid_field(call()), field, "value {value}");
    assert_eq!(
        fingerprint(journal),
        before,
        "{field} = {value} changed the journal"
    );
}

#[test]
fn intensity_out_of_range_is_refused_not_wrapped() {
    let (_dir, _path, j) = file_journal();
    for v in WRONG.into_iter().chain([11]) {
        refused(&j, "peak_intensity", v, || j.quick_log(v, None, None));
        let mut e = full_episode("2026-11-20T22:00:00+01:00", "2026-11-20T23:00:00+01:00", 5);
        e.peak_intensity = v;
        refused(&j, "peak_intensity", v, || j.add_episode(e));
    }
    assert!(all_history(&j, vec![], 200).is_empty());
    // The ends of the range are accepted.
    assert_eq!(j.quick_log(1, None, None).unwrap().data.peak_intensity, 1);
    assert_eq!(j.quick_log(10, None, None).unwrap().data.peak_intensity, 10);
}

#[test]
fn minutes_and_helped_out_of_range_are_refused() {
    let (_dir, _path, j) = file_journal();
    let episode = j
        .add_episode(full_episode(
            "2026-11-20T22:00:00+01:00",
            "2026-11-20T23:00:00+01:00",
            5,
        ))
        .unwrap();
    for v in [-1, 4, 257, 263] {
        refused(&j, "helped", v, || {
            j.add_relief(ReliefMethod::Walking, v, None, None)
        });
    }
    refused(&j, "minutes_to_relief", -1, || {
        j.add_relief_attempt(
            episode.id.clone(),
            ReliefData {
                method: ReliefMethod::Walking,
                helped: 1,
                minutes_to_relief: Some(-1),
                at: at("2026-11-20T22:10:00+01:00"),
            },
        )
    });
    let mut e = full_episode("2026-11-21T22:00:00+01:00", "2026-11-21T23:00:00+01:00", 5);
    e.latency_minutes = Some(-1);
    refused(&j, "latency_minutes", -1, || j.add_episode(e));
}

#[test]
fn sleep_diary_numbers_out_of_range_are_refused() {
    let (_dir, _path, j) = file_journal();
    for v in WRONG {
        let mut d = diary("2026-11-20");
        d.quality = v;
        refused(&j, "quality", v, || j.add_sleep_diary(d));
    }
    for (field, set) in [
        (
            "awakenings",
            (|d: &mut SleepDiaryData| d.awakenings = -1) as fn(&mut _),
        ),
        ("sleep_onset_minutes", |d| d.sleep_onset_minutes = -1),
        ("wake_after_sleep_onset_minutes", |d| {
            d.wake_after_sleep_onset_minutes = -1
        }),
    ] {
        let mut d = diary("2026-11-20");
        set(&mut d);
        refused(&j, field, -1, || j.add_sleep_diary(d));
    }
}

#[test]
fn irls_total_and_times_per_day_out_of_range_are_refused() {
    let (_dir, _path, j) = file_journal();
    for v in [263, -1, 257, 41] {
        refused(&j, "irls_total", v, || {
            j.add_severity_rating(rating("2026-11-20", v))
        });
    }
    for v in [263, -1, 257, 0, 25] {
        let mut t = treatment("2026-11-01");
        t.times_per_day = Some(v);
        refused(&j, "times_per_day", v, || j.add_treatment(t));
    }
}

#[test]
fn month_limit_hours_and_range_out_of_range_are_refused() {
    let (_dir, _path, j) = file_journal();
    for v in [257, -1, 0, 13] {
        refused(&j, "month", v, || j.calendar_month(2026, v));
    }
    for v in [257, -1, 0] {
        let query = HistoryQuery {
            kinds: vec![],
            cursor: None,
            limit: v,
        };
        refused(&j, "limit", v, || j.history(query));
    }
    for v in [263, -1, 24] {
        let s = Settings {
            morning_hour: v,
            ..Settings::default()
        };
        refused(&j, "morning_hour", v, || j.update_settings(s));
        let s = Settings {
            night_cutover_hour: v,
            ..Settings::default()
        };
        refused(&j, "night_cutover_hour", v, || j.update_settings(s));
        let s = Settings {
            evening_reminder_hour: Some(v),
            ..Settings::default()
        };
        refused(&j, "evening_reminder_hour", v, || j.update_settings(s));
    }
    for v in [-1, 0] {
        refused(&j, "nights", v, || j.last_nights(v));
    }
}
