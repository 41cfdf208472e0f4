//! Issue 14 item 2 (design §4): an exposure or a dose counts for the night it can still affect.
//! Once the person's night is over (after that night's final awakening in its sleep diary, or
//! without a diary from the morning hour) it counts for the coming night; episodes keep the
//! cutover rule. Every case runs on a real SQLite file through the public API, and the stored
//! night is read back (so re-attribution after diary changes is what is tested).

#[path = "support/summary_fixtures.rs"]
mod fixtures;

use fixtures::*;
use rlsjournal_core::*;

/// A diary for `night` whose final awakening is `woke` (an RFC 3339 time, any offset); in bed
/// and trying to sleep at 23:00 +01:00 on the night's date, out of bed 5 minutes after waking.
fn diary_waking(night: &str, woke: &str) -> SleepDiaryData {
    let woke = at(woke);
    SleepDiaryData {
        night_of: date(night),
        got_into_bed_at: at(&format!("{night}T23:00:00+01:00")),
        tried_to_sleep_at: at(&format!("{night}T23:00:00+01:00")),
        sleep_onset_minutes: 10,
        awakenings: 1,
        wake_after_sleep_onset_minutes: 20,
        final_awakening_at: woke,
        out_of_bed_at: Moment::from_millis(woke.millis() + 5 * 60_000, woke.offset_minutes),
        quality: 3,
        note: None,
    }
}

/// Adds a caffeine exposure at `when` and returns its id.
fn coffee(journal: &Journal, when: &str) -> String {
    journal
        .add_exposure(ExposureData {
            at: at(when),
            kind: ExposureKind::Caffeine,
            amount: None,
            unit: None,
            note: None,
        })
        .expect("add exposure")
        .id
}

/// The stored night of the live exposure or dose `id`, as `YYYY-MM-DD`.
fn night_of(journal: &Journal, id: &str) -> String {
    match journal.entry(id.to_string()).expect("entry") {
        Entry::Exposure { exposure } => exposure.night.to_string(),
        Entry::Dose { dose } => dose.night.to_string(),
        other => panic!("not an exposure or dose: {other:?}"),
    }
}

/// Adds a dose of `treatment` at `when` and returns its id.
fn dose(journal: &Journal, treatment: &str, when: &str) -> String {
    journal
        .add_dose(DoseData {
            treatment_id: treatment.to_string(),
            at: at(when),
            amount: None,
        })
        .expect("add dose")
        .id
}

#[test]
fn with_a_diary_the_final_awakening_ends_the_night() {
    let (_dir, j) = file_journal();
    // The night of 2 March ends with the final awakening at 07:00 on the 3rd (+01:00).
    j.add_sleep_diary(diary_waking("2026-03-02", "2026-03-03T07:00:00+01:00"))
        .unwrap();
    // Exactly at the final awakening the person is up: the night is over, so it counts for the
    // coming night (the diary's final awakening is the end of sleep, Consensus Sleep Diary).
    let exactly = coffee(&j, "2026-03-03T07:00:00+01:00");
    let before = coffee(&j, "2026-03-03T06:59:00+01:00");
    let after = coffee(&j, "2026-03-03T07:01:00+01:00");
    // Alcohol at 01:30 while still up belongs to the night in progress; an evening cup on the
    // 2nd to the night of the 2nd; 11:59 on the 3rd (before the cutover) to the coming night.
    let late = coffee(&j, "2026-03-03T01:30:00+01:00");
    let evening = coffee(&j, "2026-03-02T20:00:00+01:00");
    let noon = coffee(&j, "2026-03-03T11:59:00+01:00");
    assert_eq!(night_of(&j, &exactly), "2026-03-03");
    assert_eq!(night_of(&j, &before), "2026-03-02");
    assert_eq!(night_of(&j, &after), "2026-03-03");
    assert_eq!(night_of(&j, &late), "2026-03-02");
    assert_eq!(night_of(&j, &evening), "2026-03-02");
    assert_eq!(night_of(&j, &noon), "2026-03-03");
    // An episode at 08:00 keeps the cutover rule: it belongs to the night of the 2nd.
    let episode = add_episode(&j, episode("2026-03-03T08:00:00+01:00", 20, 4));
    match j.entry(episode).unwrap() {
        Entry::Episode { episode } => assert_eq!(episode.night.to_string(), "2026-03-02"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn without_a_diary_the_morning_hour_ends_the_night() {
    let (_dir, j) = file_journal();
    assert_eq!(j.settings().unwrap().morning_hour, 5);
    let before = coffee(&j, "2026-03-03T04:59:00+01:00");
    // Exactly at the morning hour the morning has begun (as the morning check-in is due from
    // it): the coming night.
    let exactly = coffee(&j, "2026-03-03T05:00:00+01:00");
    let after = coffee(&j, "2026-03-03T05:01:00+01:00");
    let late_morning = coffee(&j, "2026-03-03T11:30:00+01:00");
    assert_eq!(night_of(&j, &before), "2026-03-02");
    assert_eq!(night_of(&j, &exactly), "2026-03-03");
    assert_eq!(night_of(&j, &after), "2026-03-03");
    assert_eq!(night_of(&j, &late_morning), "2026-03-03");

    // A later morning hour (08) re-attributes the stored rows: 05:00 and 05:01 are night again.
    let mut settings = j.settings().unwrap();
    settings.morning_hour = 8;
    j.update_settings(settings).unwrap();
    assert_eq!(night_of(&j, &exactly), "2026-03-02");
    assert_eq!(night_of(&j, &after), "2026-03-02");
    assert_eq!(night_of(&j, &late_morning), "2026-03-03");

    // A new cutover hour (06) re-attributes under both rules: 04:59 and 05:00 are before the
    // cutover and before the morning hour (08), so the night of the 2nd.
    settings.night_cutover_hour = 6;
    j.update_settings(settings).unwrap();
    assert_eq!(night_of(&j, &before), "2026-03-02");
    assert_eq!(night_of(&j, &exactly), "2026-03-02");
    settings.night_cutover_hour = 5;
    j.update_settings(settings).unwrap();
    // Cutover 05: 04:59 is the night of the 2nd, 05:00 the night of the 3rd by the cutover.
    assert_eq!(night_of(&j, &before), "2026-03-02");
    assert_eq!(night_of(&j, &exactly), "2026-03-03");
}

#[test]
fn a_diary_entered_later_moves_the_boundary_and_delete_and_undo_move_it_back() {
    let (_dir, j) = file_journal();
    // No diary yet: 08:00 is after the morning hour (05), 04:30 before it.
    let eight = coffee(&j, "2026-03-03T08:00:00+01:00");
    let half_four = coffee(&j, "2026-03-03T04:30:00+01:00");
    assert_eq!(night_of(&j, &eight), "2026-03-03");
    assert_eq!(night_of(&j, &half_four), "2026-03-02");

    // The diary says the person slept until 09:30: 08:00 was still that night.
    let diary = j
        .add_sleep_diary(diary_waking("2026-03-02", "2026-03-03T09:30:00+01:00"))
        .unwrap();
    assert_eq!(night_of(&j, &eight), "2026-03-02");
    assert_eq!(night_of(&j, &half_four), "2026-03-02");

    // Edited: the final awakening was at 04:00, so both are after it.
    j.edit_sleep_diary(
        diary.id.clone(),
        diary_waking("2026-03-02", "2026-03-03T04:00:00+01:00"),
    )
    .unwrap();
    assert_eq!(night_of(&j, &eight), "2026-03-03");
    assert_eq!(night_of(&j, &half_four), "2026-03-03");

    // Deleted: the morning hour decides again.
    j.delete_entry(diary.id.clone()).unwrap();
    assert_eq!(night_of(&j, &eight), "2026-03-03");
    assert_eq!(night_of(&j, &half_four), "2026-03-02");

    // Undone: the diary's 04:00 decides again.
    assert_eq!(j.undo_delete().unwrap(), Some(diary.id.clone()));
    assert_eq!(night_of(&j, &half_four), "2026-03-03");

    // Moved to another night (the 3rd, waking 09:30 on the 4th): the night of the 2nd has no
    // diary any more, so 04:30 on the 3rd is back on the 2nd.
    j.edit_sleep_diary(
        diary.id.clone(),
        diary_waking("2026-03-03", "2026-03-04T09:30:00+01:00"),
    )
    .unwrap();
    assert_eq!(night_of(&j, &half_four), "2026-03-02");
    assert_eq!(night_of(&j, &eight), "2026-03-03");
}

#[test]
fn a_restored_exposure_takes_the_night_the_diaries_give_now() {
    let (_dir, j) = file_journal();
    let eight = coffee(&j, "2026-03-03T08:00:00+01:00");
    j.delete_entry(eight.clone()).unwrap();
    // While it is deleted, a diary says the night lasted until 09:30.
    j.add_sleep_diary(diary_waking("2026-03-02", "2026-03-03T09:30:00+01:00"))
        .unwrap();
    j.restore_entry(eight.clone()).unwrap();
    assert_eq!(night_of(&j, &eight), "2026-03-02");
}

#[test]
fn dst_morning_uses_each_moment_s_own_offset() {
    let (_dir, j) = file_journal();
    // Europe/Berlin, Sunday 29 March 2026: clocks go from 02:00 +01:00 to 03:00 +02:00.
    // No diary: 04:30 +02:00 is 02:30 UTC (03:30 had the clock stayed at +01:00), before the
    // morning hour either way; 05:30 +02:00 is 03:30 UTC, which would read 04:30 at +01:00 (the
    // night) but is 05:30 on the device: the morning.
    let early = coffee(&j, "2026-03-29T04:30:00+02:00");
    let morning = coffee(&j, "2026-03-29T05:30:00+02:00");
    assert_eq!(night_of(&j, &early), "2026-03-28");
    assert_eq!(night_of(&j, &morning), "2026-03-29");
    // Alcohol at 01:30 +01:00 (before the change) is the night in progress.
    let alcohol = coffee(&j, "2026-03-29T01:30:00+01:00");
    assert_eq!(night_of(&j, &alcohol), "2026-03-28");

    // A diary on the same night: in bed at 23:00 +01:00, final awakening 07:00 +02:00 (05:00
    // UTC). 06:59 +02:00 is before it, 07:00 +02:00 exactly at it; 06:30 +01:00 (a device still
    // on winter time, 05:30 UTC) is after it although its clock reads earlier than 07:00.
    j.add_sleep_diary(diary_waking("2026-03-28", "2026-03-29T07:00:00+02:00"))
        .unwrap();
    let before = coffee(&j, "2026-03-29T06:59:00+02:00");
    let exactly = coffee(&j, "2026-03-29T07:00:00+02:00");
    let stale_clock = coffee(&j, "2026-03-29T06:30:00+01:00");
    assert_eq!(night_of(&j, &before), "2026-03-28");
    assert_eq!(night_of(&j, &exactly), "2026-03-29");
    assert_eq!(night_of(&j, &stale_clock), "2026-03-29");
    // And the diary re-attributed the 05:30 +02:00 cup: still asleep, so the night of the 28th.
    assert_eq!(night_of(&j, &morning), "2026-03-28");
}

#[test]
fn doses_follow_the_same_rule() {
    let (_dir, j) = file_journal();
    let t = add_treatment(
        &j,
        "pramipexole",
        TreatmentCategory::DopamineAgonist,
        "2026-03-01",
        None,
    );
    j.add_sleep_diary(diary_waking("2026-03-02", "2026-03-03T07:00:00+01:00"))
        .unwrap();
    let evening = dose(&j, &t, "2026-03-02T21:00:00+01:00");
    let in_the_night = dose(&j, &t, "2026-03-03T06:00:00+01:00");
    let morning = dose(&j, &t, "2026-03-03T07:30:00+01:00");
    assert_eq!(night_of(&j, &evening), "2026-03-02");
    assert_eq!(night_of(&j, &in_the_night), "2026-03-02");
    assert_eq!(night_of(&j, &morning), "2026-03-03");
    // Edited to 06:30: before the final awakening again.
    j.edit_dose(
        morning.clone(),
        DoseData {
            treatment_id: t.clone(),
            at: at("2026-03-03T06:30:00+01:00"),
            amount: None,
        },
    )
    .unwrap();
    assert_eq!(night_of(&j, &morning), "2026-03-02");
    // The diary deleted: 06:00 and 06:30 are after the morning hour (05).
    let diary_id = match j.night(date("2026-03-02")).unwrap().sleep_diary {
        Some(d) => d.id,
        None => panic!("no diary"),
    };
    j.delete_entry(diary_id).unwrap();
    assert_eq!(night_of(&j, &in_the_night), "2026-03-03");
    assert_eq!(night_of(&j, &morning), "2026-03-03");
    assert_eq!(night_of(&j, &evening), "2026-03-02");
}

#[test]
fn an_imported_diary_re_attributes_exposures_written_before_it() {
    let (_dir, source) = file_journal();
    let eight = coffee(&source, "2026-03-03T08:00:00+01:00");
    source
        .add_sleep_diary(diary_waking("2026-03-02", "2026-03-03T09:30:00+01:00"))
        .unwrap();
    assert_eq!(night_of(&source, &eight), "2026-03-02");
    // Put the diary last in the document, so the import writes the exposure first (when no
    // diary is there and the morning hour would put it on the 3rd).
    let mut doc: serde_json::Value = serde_json::from_str(&source.backup_json().unwrap()).unwrap();
    let entries = doc["entries"].as_array_mut().expect("entries");
    entries.sort_by_key(|e| e["kind"] == "sleep");
    assert_eq!(entries.last().unwrap()["kind"], "sleep");

    let (_dir2, copy) = file_journal();
    copy.import_backup(serde_json::to_vec(&doc).unwrap())
        .unwrap();
    assert_eq!(night_of(&copy, &eight), "2026-03-02");
}

#[test]
fn the_summary_counts_morning_coffee_for_the_coming_night() {
    let (_dir, j) = file_journal();
    // Twelve nights, 1–12 March, each with a diary (final awakening 07:00 the next morning).
    // Symptoms (an episode at 23:00) on the odd nights 1, 3, 5, 7, 9, 11; coffee at 08:00 the
    // morning after each of them, i.e. on the 2nd, 4th, …, 12th.
    for day in 1..=12 {
        let night = format!("2026-03-{day:02}");
        add_plain_diary(&j, &night);
        if day % 2 == 1 {
            add_episode(&j, episode(&format!("{night}T23:00:00+01:00"), 30, 6));
            coffee(&j, &format!("2026-03-{:02}T08:00:00+01:00", day + 1));
        }
    }
    let s = summarize(&j, range("2026-03-01", "2026-03-12"));
    let caffeine = s
        .triggers
        .associations
        .iter()
        .find(|a| a.key == "caffeine")
        .expect("caffeine compared");
    // Hand count: 08:00 is after the 07:00 final awakening, so the coffee counts for the coming
    // (even) nights: with = {2, 4, 6, 8, 10, 12}, none with symptoms; without = {1, 3, 5, 7, 9,
    // 11}, all six with symptoms. The old cutover rule gave with = the six odd nights, 6 of 6.
    assert_eq!((caffeine.nights_with, caffeine.nights_without), (6, 6));
    assert_eq!(
        (
            caffeine.symptom_nights_with,
            caffeine.symptom_nights_without
        ),
        (0, 6)
    );
    // Mean peak: 0 on the coffee nights, 6 on the others.
    close(caffeine.mean_peak_with, 0.0);
    close(caffeine.mean_peak_without, 6.0);
    // The definitions state the rule with the morning hour.
    let rule = s
        .definitions
        .iter()
        .find(|d| d.term == "Night of an exposure or dose")
        .expect("definition");
    assert!(rule.text.contains("final awakening"), "{}", rule.text);
    assert!(rule.text.contains("05:00"), "{}", rule.text);
    assert!(rule.text.contains("Consensus Sleep Diary"), "{}", rule.text);
}

#[test]
fn rows_filed_by_the_old_rule_are_re_attributed_by_the_upgrade_call() {
    let (dir, j) = file_journal();
    j.add_sleep_diary(diary_waking("2026-03-02", "2026-03-03T07:00:00+01:00"))
        .unwrap();
    let coffee_id = coffee(&j, "2026-03-03T08:00:00+01:00");
    let deleted = coffee(&j, "2026-03-03T09:00:00+01:00");
    j.delete_entry(deleted.clone()).unwrap();
    drop(j);
    // What a v1 journal stored: both filed under the night of the 2nd (cutover rule only).
    let path = dir.path().join("journal.db");
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE entries SET night = '2026-03-02' WHERE kind = 'exposure'",
        [],
    )
    .unwrap();
    let tx = conn.transaction().unwrap();
    rlsjournal_core::store::trigger_nights::reattribute_stored(&tx).unwrap();
    tx.commit().unwrap();
    let night = |id: &str| -> String {
        conn.query_row("SELECT night FROM entries WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap()
    };
    // 08:00 and 09:00 are after the 07:00 final awakening: the night of the 3rd, deleted or not.
    assert_eq!(night(&coffee_id), "2026-03-03");
    assert_eq!(night(&deleted), "2026-03-03");
}

#[test]
fn a_damaged_exposure_does_not_block_a_diary() {
    let (dir, j) = file_journal();
    let damaged = coffee(&j, "2026-03-03T08:00:00+01:00");
    let fine = coffee(&j, "2026-03-03T08:30:00+01:00");
    // The stored time of one exposure no longer reads (written by something else).
    let conn = rusqlite::Connection::open(dir.path().join("journal.db")).unwrap();
    conn.execute(
        "UPDATE entries SET data = json_set(data, '$.at', 'not a time') WHERE id = ?1",
        [&damaged],
    )
    .unwrap();
    drop(conn);
    // The diary is written and re-attributes the readable one; the damaged one keeps its night.
    j.add_sleep_diary(diary_waking("2026-03-02", "2026-03-03T09:30:00+01:00"))
        .unwrap();
    assert_eq!(night_of(&j, &fine), "2026-03-02");
    let stored: String = rusqlite::Connection::open(dir.path().join("journal.db"))
        .unwrap()
        .query_row("SELECT night FROM entries WHERE id = ?1", [&damaged], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(stored, "2026-03-03");

    // Nor a new morning hour, nor an import (both re-attribute every exposure and dose).
    let mut settings = j.settings().unwrap();
    settings.morning_hour = 10;
    j.update_settings(settings).unwrap();
    let (_dir2, other) = file_journal();
    coffee(&other, "2026-03-04T08:00:00+01:00");
    j.import_backup(other.backup_json().unwrap().into_bytes())
        .unwrap();
    assert_eq!(night_of(&j, &fine), "2026-03-02");
}
