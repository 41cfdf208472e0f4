//! Night attribution, the bedside flow, history paging, night view, calendar, prompts, undo.

mod common;

use std::collections::HashSet;

use common::*;
use rlsjournal_core::*;

#[test]
fn nights_follow_the_cutover_across_midnight() {
    let (_d, _p, journal) = file_journal();
    let night = |t: &str| journal.night_of(at(t)).unwrap();
    assert_eq!(night("2026-11-27T02:10:00+01:00"), date("2026-11-26"));
    assert_eq!(night("2026-11-26T23:59:00+01:00"), date("2026-11-26"));
    assert_eq!(night("2026-11-27T11:59:00+01:00"), date("2026-11-26"));
    assert_eq!(night("2026-11-27T12:00:00+01:00"), date("2026-11-27"));
    // The same instant seen from another offset is another local time, so maybe another night.
    assert_eq!(night("2026-11-27T12:30:00+01:00"), date("2026-11-27"));
    assert_eq!(night("2026-11-27T06:30:00-05:00"), date("2026-11-26"));
}

#[test]
fn nights_use_each_entrys_own_offset_across_dst_and_travel() {
    let (_d, _p, journal) = file_journal();
    // Europe/Berlin leaves DST on 2026-10-25 at 03:00 (+02:00 → +01:00).
    let before = journal
        .add_episode(full_episode(
            "2026-10-25T02:30:00+02:00",
            "2026-10-25T02:50:00+02:00",
            5,
        ))
        .unwrap();
    let after = journal
        .add_episode(full_episode(
            "2026-10-25T02:30:00+01:00",
            "2026-10-25T02:50:00+01:00",
            6,
        ))
        .unwrap();
    assert_eq!(before.night, date("2026-10-24"));
    assert_eq!(after.night, date("2026-10-24"));
    assert_eq!(after.data.started_at.clock(), "02:30");
    // Travel: logged in New York at 23:30 local; stays 23:30 and the night of the 20th at home.
    let travel = journal
        .add_episode(full_episode(
            "2026-11-20T23:30:00-05:00",
            "2026-11-21T00:10:00-05:00",
            7,
        ))
        .unwrap();
    assert_eq!(travel.night, date("2026-11-20"));
    let item = &all_history(&journal, vec![EntryKind::Episode], 50)[0];
    assert!(item.at.contains("23:30"), "{}", item.at);
    let view = journal.night(date("2026-10-24")).unwrap();
    assert_eq!(view.episodes.len(), 2);
    assert_eq!(view.peak_intensity, Some(6));
}

#[test]
fn changing_the_cutover_reattributes_timed_entries() {
    let (_d, _p, journal) = file_journal();
    let e = journal
        .add_episode(full_episode(
            "2026-11-27T13:00:00+01:00",
            "2026-11-27T13:20:00+01:00",
            4,
        ))
        .unwrap();
    assert_eq!(e.night, date("2026-11-27"));
    let mut s = journal.settings().unwrap();
    s.night_cutover_hour = 18;
    journal.update_settings(s).unwrap();
    let Entry::Episode { episode } = journal.entry(e.id).unwrap() else {
        panic!()
    };
    assert_eq!(episode.night, date("2026-11-26"));
    assert_eq!(journal.night(date("2026-11-26")).unwrap().episodes.len(), 1);
    assert!(journal
        .night(date("2026-11-27"))
        .unwrap()
        .episodes
        .is_empty());
}

#[test]
fn bedside_flow_quick_log_relief_end() {
    let (_d, _p, journal) = file_journal();
    assert!(journal.open_episode().unwrap().is_none());
    assert!(matches!(
        journal.end_episode(None),
        Err(JournalError::NotFound { .. })
    ));
    let start = Moment::from_millis(Moment::now().millis() - 40 * 60_000, 60);
    let e = journal.quick_log(5, None, Some(start)).unwrap();
    assert_eq!(journal.open_episode().unwrap().unwrap().id, e.id);
    // The open episode's item is the history's item for it.
    let item = journal.open_episode_item().unwrap().unwrap();
    assert_eq!(item.id, e.id);
    assert_eq!(item, all_history(&journal, vec![EntryKind::Episode], 50)[0]);
    // What quick log returns (built without reading back) is exactly what is stored.
    assert_eq!(
        journal.entry(e.id.clone()).unwrap(),
        Entry::Episode { episode: e.clone() }
    );
    // A second tap within 3 hours raises the same episode's peak and sets the side.
    let again = Moment::from_millis(start.millis() + 10 * 60_000, 60);
    let same = journal
        .quick_log(8, Some(Side::Right), Some(again))
        .unwrap();
    assert_eq!(same.id, e.id);
    assert_eq!(same.data.peak_intensity, 8);
    assert_eq!(same.data.side, Some(Side::Right));
    let lower = journal.quick_log(3, None, Some(again)).unwrap();
    assert_eq!(lower.data.peak_intensity, 8);
    let with_relief = journal
        .add_relief(ReliefMethod::Walking, 2, Some(10), None)
        .unwrap();
    assert_eq!(with_relief.relief.len(), 1);
    let open = journal.open_episode_item().unwrap().unwrap();
    assert_eq!(open, all_history(&journal, vec![EntryKind::Episode], 50)[0]);
    assert_eq!(open.intensity, Some(8));
    let ended = journal.end_episode(None).unwrap();
    assert!(ended.data.ended_at.is_some());
    assert!(journal.open_episode().unwrap().is_none());
    assert!(journal.open_episode_item().unwrap().is_none());
    // After the episode ended, bedside relief still goes to it (within 12 hours).
    let later = journal
        .add_relief(ReliefMethod::Stretching, 1, None, None)
        .unwrap();
    assert_eq!(later.id, e.id);
    assert_eq!(later.relief.len(), 2);
    // Ending before the start is refused.
    let e2 = journal.quick_log(4, None, None).unwrap();
    let before_start = Moment::from_millis(e2.data.started_at.millis() - 60_000, 60);
    assert!(matches!(
        journal.end_episode(Some(before_start)),
        Err(JournalError::InvalidInput { .. })
    ));
}

#[test]
fn relief_with_no_recent_episode_is_not_found() {
    let (_d, _p, journal) = file_journal();
    assert!(matches!(
        journal.add_relief(ReliefMethod::Walking, 2, None, None),
        Err(JournalError::NotFound { .. })
    ));
}

fn fill_many(journal: &Journal) -> Vec<(EntryKind, String)> {
    let mut ids = Vec::new();
    let t = journal.add_treatment(treatment("2026-09-01")).unwrap();
    ids.push((EntryKind::Treatment, t.id.clone()));
    for day in 1..=30u32 {
        let d = format!("2026-10-{day:02}");
        // Two entries at the same instant exercise the cursor's id tie-break.
        let ep = journal
            .add_episode(full_episode(
                &format!("{d}T23:00:00+01:00"),
                &format!("{d}T23:40:00+01:00"),
                (day % 10 + 1) as i32,
            ))
            .unwrap();
        ids.push((EntryKind::Episode, ep.id));
        ids.push((
            EntryKind::Exposure,
            journal
                .add_exposure(exposure(
                    &format!("{d}T23:00:00+01:00"),
                    ExposureKind::Alcohol,
                ))
                .unwrap()
                .id,
        ));
        ids.push((
            EntryKind::Dose,
            journal
                .add_dose(DoseData {
                    treatment_id: t.id.clone(),
                    at: at(&format!("{d}T21:00:00+01:00")),
                    amount: None,
                })
                .unwrap()
                .id,
        ));
        if day % 3 == 0 {
            ids.push((
                EntryKind::SleepDiary,
                journal.add_sleep_diary(diary(&d)).unwrap().id,
            ));
        }
        if day % 7 == 0 {
            ids.push((
                EntryKind::SeverityRating,
                journal.add_severity_rating(rating(&d, 15)).unwrap().id,
            ));
            ids.push((
                EntryKind::LabResult,
                journal.add_lab_result(ferritin(&d, 50.0)).unwrap().id,
            ));
        }
    }
    ids
}

#[test]
fn history_pages_return_every_live_record_exactly_once_newest_first() {
    let (_d, _p, journal) = file_journal();
    let mut ids = fill_many(&journal);
    // Tombstones never appear, nor the doses of a deleted treatment.
    let deleted: Vec<(EntryKind, String)> = ids.iter().skip(5).step_by(9).cloned().collect();
    for (_, id) in &deleted {
        journal.delete_entry(id.clone()).unwrap();
    }
    ids.retain(|id| !deleted.contains(id));
    let count = |kinds: &[EntryKind]| ids.iter().filter(|(k, _)| kinds.contains(k)).count();
    for limit in [1, 7, 50, 200] {
        let items = all_history(&journal, vec![], limit);
        let seen: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
        let unique: HashSet<&str> = seen.iter().copied().collect();
        assert_eq!(seen.len(), unique.len(), "duplicates with limit {limit}");
        assert_eq!(
            unique,
            ids.iter().map(|(_, id)| id.as_str()).collect(),
            "limit {limit}"
        );
        let keys: Vec<_> = items.iter().map(|i| i.night).collect();
        let mut sorted = keys.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(keys, sorted, "newest night first");
    }
    let episodes = all_history(&journal, vec![EntryKind::Episode], 4);
    assert!(episodes
        .iter()
        .all(|i| i.kind == EntryKind::Episode && i.intensity.is_some()));
    assert_eq!(episodes.len(), count(&[EntryKind::Episode]));
    let two = all_history(
        &journal,
        vec![EntryKind::LabResult, EntryKind::SeverityRating],
        2,
    );
    assert!(two
        .iter()
        .all(|i| matches!(i.kind, EntryKind::LabResult | EntryKind::SeverityRating)));
    assert_eq!(
        two.len(),
        count(&[EntryKind::LabResult, EntryKind::SeverityRating])
    );

    let treatment_id = ids[0].1.clone();
    let doses = count(&[EntryKind::Dose]);
    assert!(doses > 20);
    journal.delete_entry(treatment_id).unwrap();
    assert!(all_history(&journal, vec![EntryKind::Dose], 50).is_empty());
    journal.undo_delete().unwrap();
    assert_eq!(
        all_history(&journal, vec![EntryKind::Dose], 50).len(),
        doses
    );
}

#[test]
fn bad_cursors_and_limits_are_invalid_input() {
    let (_d, _p, journal) = file_journal();
    for cursor in ["", "abc", "12", "x:y", "12:"] {
        let r = journal.history(HistoryQuery {
            kinds: vec![],
            cursor: Some(cursor.into()),
            limit: 10,
        });
        assert!(
            matches!(r, Err(JournalError::InvalidInput { ref field, .. }) if field == "cursor"),
            "{cursor}: {r:?}"
        );
    }
    for limit in [0, 201] {
        let r = journal.history(HistoryQuery {
            kinds: vec![],
            cursor: None,
            limit,
        });
        assert!(matches!(r, Err(JournalError::InvalidInput { ref field, .. }) if field == "limit"));
    }
}

#[test]
fn the_night_view_gathers_everything_of_the_night() {
    let (_d, _p, journal) = file_journal();
    let t = journal.add_treatment(treatment("2026-11-26")).unwrap();
    journal
        .add_episode(full_episode(
            "2026-11-26T23:00:00+01:00",
            "2026-11-26T23:30:00+01:00",
            4,
        ))
        .unwrap();
    let late = journal
        .add_episode(full_episode(
            "2026-11-27T03:00:00+01:00",
            "2026-11-27T03:45:00+01:00",
            8,
        ))
        .unwrap();
    journal
        .add_exposure(exposure(
            "2026-11-26T19:00:00+01:00",
            ExposureKind::Caffeine,
        ))
        .unwrap();
    // 04:00 the next morning (still up: the diary's final awakening is 06:45) still counts for
    // the night of the 26th; 13:00 does not.
    journal
        .add_exposure(exposure("2026-11-27T04:00:00+01:00", ExposureKind::Stress))
        .unwrap();
    journal
        .add_exposure(exposure(
            "2026-11-27T13:00:00+01:00",
            ExposureKind::Exercise,
        ))
        .unwrap();
    journal
        .add_dose(DoseData {
            treatment_id: t.id.clone(),
            at: at("2026-11-26T21:00:00+01:00"),
            amount: None,
        })
        .unwrap();
    journal.add_sleep_diary(diary("2026-11-26")).unwrap();
    journal
        .add_relief_attempt(
            late.id.clone(),
            ReliefData {
                method: ReliefMethod::Walking,
                helped: 3,
                minutes_to_relief: Some(20),
                at: at("2026-11-27T03:10:00+01:00"),
            },
        )
        .unwrap();

    let view = journal.night(date("2026-11-26")).unwrap();
    assert_eq!(view.episodes.len(), 2);
    assert_eq!(view.episodes[1].relief.len(), 1);
    assert_eq!(view.peak_intensity, Some(8));
    assert_eq!(view.symptom_minutes, 75);
    assert_eq!(view.exposures.len(), 2);
    assert_eq!(view.doses.len(), 1);
    assert!(view.sleep_diary.is_some());
    assert_eq!(view.treatments_started.len(), 1);
    assert_eq!(view.active_treatments.len(), 1);
    assert!(
        view.summary.contains("2 episodes, worst 8/10"),
        "{}",
        view.summary
    );
    assert!(view.title.contains("26 Nov 2026"));

    // The display lines are the history's own items of that night, oldest first.
    let mut history: Vec<NightLine> = journal
        .history(HistoryQuery {
            kinds: vec![],
            cursor: None,
            limit: 200,
        })
        .unwrap()
        .items
        .into_iter()
        .filter(|item| item.night == date("2026-11-26"))
        .map(NightLine::from)
        .collect();
    history.reverse();
    assert_eq!(view.items, history);
    assert_eq!(view.items.len(), 7);
    let titles: Vec<&str> = view.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles[..5],
        [
            "pramipexole 0.125 mg",
            "Caffeine",
            "pramipexole",
            "Symptoms 4/10",
            "Symptoms 8/10"
        ]
    );
    assert!(view
        .items
        .iter()
        .any(|i| i.title == "Symptoms 8/10" && i.detail.contains("walking (complete relief)")));
    let empty = journal.night(date("2026-11-20")).unwrap();
    assert!(empty.episodes.is_empty() && empty.peak_intensity.is_none());
    assert_eq!(empty.active_treatments.len(), 0);
    assert!(empty.items.is_empty());
}

#[test]
fn the_calendar_shows_peak_count_and_diary_per_night() {
    let (_d, _p, journal) = file_journal();
    journal
        .add_episode(full_episode(
            "2026-10-03T23:00:00+01:00",
            "2026-10-03T23:30:00+01:00",
            3,
        ))
        .unwrap();
    journal
        .add_episode(full_episode(
            "2026-10-04T01:00:00+01:00",
            "2026-10-04T01:30:00+01:00",
            9,
        ))
        .unwrap();
    let gone = journal
        .add_episode(full_episode(
            "2026-10-10T23:00:00+01:00",
            "2026-10-10T23:30:00+01:00",
            10,
        ))
        .unwrap();
    journal.delete_entry(gone.id).unwrap();
    journal.add_sleep_diary(diary("2026-10-05")).unwrap();
    // 1 November, 02:00 belongs to the night of 31 October.
    journal
        .add_episode(full_episode(
            "2026-11-01T02:00:00+01:00",
            "2026-11-01T02:30:00+01:00",
            6,
        ))
        .unwrap();
    let month = journal.calendar_month(2026, 10).unwrap();
    assert_eq!(month.days.len(), 31);
    assert_eq!(month.title, "October 2026");
    assert_eq!(month.first_weekday, 4); // 1 Oct 2026 is a Thursday
    let day = |d: u32| &month.days[(d - 1) as usize];
    assert_eq!((day(3).peak_intensity, day(3).episode_count), (Some(9), 2));
    assert!(day(5).has_sleep_diary && day(5).episode_count == 0 && day(5).peak_intensity.is_none());
    assert_eq!(day(10).episode_count, 0);
    assert_eq!(day(31).peak_intensity, Some(6));
    assert_eq!(journal.calendar_month(2027, 2).unwrap().days.len(), 28);
    assert!(matches!(
        journal.calendar_month(2026, 13),
        Err(JournalError::InvalidInput { .. })
    ));
    assert!(matches!(
        journal.calendar_month(-5, 1),
        Err(JournalError::InvalidInput { .. })
    ));
}

#[test]
fn prompts_follow_what_is_missing() {
    let (_d, _p, journal) = file_journal();
    let kinds = |now: &str| -> Vec<PromptKind> {
        journal
            .prompts(Some(at(now)))
            .unwrap()
            .into_iter()
            .map(|p| p.kind)
            .collect()
    };
    // 07:30 on the 27th: last night is the 26th, no diary, never rated.
    let p = journal
        .prompts(Some(at("2026-10-27T07:30:00+01:00")))
        .unwrap();
    assert_eq!(
        p.iter()
            .find(|p| p.kind == PromptKind::MorningCheckIn)
            .unwrap()
            .night,
        Some(date("2026-10-26"))
    );
    assert!(kinds("2026-10-27T07:30:00+01:00").contains(&PromptKind::SeverityRating));
    // At 03:00 the morning of the 27th has not begun: the due diary is still the 25th's.
    let p = journal
        .prompts(Some(at("2026-10-27T03:00:00+01:00")))
        .unwrap();
    assert_eq!(
        p.iter()
            .find(|p| p.kind == PromptKind::MorningCheckIn)
            .unwrap()
            .night,
        Some(date("2026-10-25"))
    );

    journal.add_sleep_diary(diary("2026-10-26")).unwrap();
    journal
        .add_severity_rating(rating("2026-10-24", 18))
        .unwrap();
    assert!(kinds("2026-10-27T07:30:00+01:00").is_empty());
    // A week after the rating it is due again.
    assert!(kinds("2026-10-31T20:00:00+01:00").contains(&PromptKind::SeverityRating));

    // An episode open for more than 3 hours is flagged; one open for 1 hour is not.
    let e = journal
        .quick_log(5, None, Some(at("2026-10-27T01:00:00+01:00")))
        .unwrap();
    assert!(!kinds("2026-10-27T02:00:00+01:00").contains(&PromptKind::OpenEpisode));
    let p = journal
        .prompts(Some(at("2026-10-27T07:30:00+01:00")))
        .unwrap();
    let open = p
        .iter()
        .find(|p| p.kind == PromptKind::OpenEpisode)
        .unwrap();
    assert_eq!(open.episode_id.as_deref(), Some(e.id.as_str()));

    // The evening check-in only when enabled, after its hour, and when nothing is logged tonight.
    let mut s = journal.settings().unwrap();
    s.evening_reminder_hour = Some(21);
    journal.update_settings(s).unwrap();
    assert!(kinds("2026-10-28T21:30:00+01:00").contains(&PromptKind::EveningCheckIn));
    assert!(!kinds("2026-10-28T20:30:00+01:00").contains(&PromptKind::EveningCheckIn));
    journal
        .add_exposure(exposure("2026-10-28T19:00:00+01:00", ExposureKind::Alcohol))
        .unwrap();
    assert!(!kinds("2026-10-28T21:30:00+01:00").contains(&PromptKind::EveningCheckIn));
}

#[test]
fn delete_restore_and_undo() {
    let (_d, _p, journal) = file_journal();
    let a = journal
        .add_lab_result(ferritin("2026-11-01", 30.0))
        .unwrap();
    let b = journal
        .add_severity_rating(rating("2026-11-02", 12))
        .unwrap();
    let before = content(&journal);
    journal.delete_entry(a.id.clone()).unwrap();
    journal.delete_entry(b.id.clone()).unwrap();
    assert!(matches!(
        journal.entry(a.id.clone()),
        Err(JournalError::NotFound { .. })
    ));
    assert!(matches!(
        journal.delete_entry(a.id.clone()),
        Err(JournalError::NotFound { .. })
    ));
    assert!(matches!(
        journal.edit_lab_result(a.id.clone(), ferritin("2026-11-01", 31.0)),
        Err(JournalError::NotFound { .. })
    ));
    assert_eq!(journal.undo_delete().unwrap(), Some(b.id.clone()));
    assert_eq!(journal.undo_delete().unwrap(), Some(a.id.clone()));
    assert_eq!(journal.undo_delete().unwrap(), None);
    assert_eq!(content(&journal), before);
    assert!(matches!(
        journal.restore_entry(a.id),
        Err(JournalError::NotFound { .. })
    ));

    // Deleting a relief attempt removes it from its episode; undo brings it back.
    let e = journal
        .add_episode(full_episode(
            "2026-11-05T23:00:00+01:00",
            "2026-11-05T23:30:00+01:00",
            5,
        ))
        .unwrap();
    let r = journal
        .add_relief_attempt(
            e.id.clone(),
            ReliefData {
                method: ReliefMethod::Massage,
                helped: 1,
                minutes_to_relief: None,
                at: at("2026-11-05T23:10:00+01:00"),
            },
        )
        .unwrap();
    journal.delete_entry(r.id.clone()).unwrap();
    let Entry::Episode { episode } = journal.entry(e.id.clone()).unwrap() else {
        panic!()
    };
    assert!(episode.relief.is_empty());
    journal.undo_delete().unwrap();
    let Entry::Episode { episode } = journal.entry(e.id).unwrap() else {
        panic!()
    };
    assert_eq!(episode.relief.len(), 1);
}

/// What a person sees: ids, titles and details (not the change times, which undo advances).
fn content(journal: &Journal) -> Vec<(String, String, String)> {
    all_history(journal, vec![], 100)
        .into_iter()
        .map(|i| (i.id, i.title, i.detail))
        .collect()
}

#[test]
fn undo_restores_in_reverse_order_of_deletion_even_within_one_millisecond() {
    let (_d, _p, journal) = file_journal();
    let ids: Vec<String> = (0..30)
        .map(|i| {
            journal
                .add_severity_rating(rating("2026-10-01", i))
                .unwrap()
                .id
        })
        .collect();
    // Delete newest-created first, as fast as possible.
    for id in ids.iter().rev() {
        journal.delete_entry(id.clone()).unwrap();
    }
    for id in &ids {
        assert_eq!(journal.undo_delete().unwrap().as_ref(), Some(id));
    }
}

#[test]
fn lookups_refuse_moments_outside_the_calendar_instead_of_inventing_a_date() {
    let (_d, _p, journal) = file_journal();
    let far = std::time::UNIX_EPOCH + std::time::Duration::from_secs(400_000_000_000);
    let before = std::time::UNIX_EPOCH - std::time::Duration::from_secs(70_000_000_000);
    for (instant, offset) in [(far, 60), (before, -60), (std::time::UNIX_EPOCH, 19 * 60)] {
        let moment = Moment {
            instant,
            offset_minutes: offset,
        };
        assert!(
            matches!(journal.night_of(moment), Err(JournalError::InvalidInput { field, .. }) if field == "at"),
            "night_of({moment:?})"
        );
        assert!(
            matches!(journal.prompts(Some(moment)), Err(JournalError::InvalidInput { field, .. }) if field == "now"),
            "prompts({moment:?})"
        );
    }
    // The edges of the calendar still work.
    assert_eq!(
        journal.night_of(at("9999-12-31T23:00:00+00:00")).unwrap(),
        date("9999-12-31")
    );
    assert_eq!(
        journal.night_of(at("0001-01-01T13:00:00+00:00")).unwrap(),
        date("0001-01-01")
    );
}

/// The one-tap "no symptoms last night" answer completes the morning check-in like a diary:
/// the person is not asked again about a night they told us about.
#[test]
fn the_no_symptoms_answer_completes_the_morning_check_in() {
    let (_d, _p, journal) = file_journal();
    let now = at("2026-10-27T07:30:00+01:00");
    let due =
        |journal: &Journal| -> bool {
            journal.prompts(Some(now)).unwrap().iter().any(|p| {
                p.kind == PromptKind::MorningCheckIn && p.night == Some(date("2026-10-26"))
            })
        };
    assert!(due(&journal));
    journal
        .add_no_symptoms(NoSymptomsData {
            night_of: date("2026-10-26"),
            answered_at: at("2026-10-27T07:00:00+01:00"),
        })
        .unwrap();
    assert!(!due(&journal));
}
