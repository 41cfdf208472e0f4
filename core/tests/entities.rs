//! Every entity round-trips every field through a real SQLite file; every validation rule
//! rejects with a typed error naming the field, and leaves the journal unchanged.

mod common;

use common::*;
use rlsjournal_core::*;

#[test]
fn every_entity_round_trips_every_field_through_a_reopened_file() {
    let (_dir, path, journal) = file_journal();
    let episode = journal
        .add_episode(full_episode(
            "2026-11-26T23:40:00+01:00",
            "2026-11-27T00:25:00+01:00",
            7,
        ))
        .unwrap();
    let relief = journal
        .add_relief_attempt(
            episode.id.clone(),
            ReliefData {
                method: ReliefMethod::Other {
                    label: "cold shower".into(),
                },
                helped: 2,
                minutes_to_relief: Some(15),
                at: at("2026-11-26T23:50:00+01:00"),
            },
        )
        .unwrap();
    let sleep = journal.add_sleep_diary(diary("2026-11-26")).unwrap();
    let exp = journal
        .add_exposure(exposure(
            "2026-11-26T20:00:00+01:00",
            ExposureKind::Other {
                label: "chocolate".into(),
            },
        ))
        .unwrap();
    let treat = journal.add_treatment(treatment("2026-11-01")).unwrap();
    let dose = journal
        .add_dose(DoseData {
            treatment_id: treat.id.clone(),
            at: at("2026-11-26T21:00:00+01:00"),
            amount: Some(0.125),
        })
        .unwrap();
    let lab = journal
        .add_lab_result(ferritin("2026-11-20", 48.5))
        .unwrap();
    let rate = journal
        .add_severity_rating(rating("2026-11-25", 22))
        .unwrap();
    drop(journal);

    let journal = Journal::open(path.to_string_lossy().into_owned()).unwrap();
    let Entry::Episode { episode: back } = journal.entry(episode.id.clone()).unwrap() else {
        panic!("not an episode")
    };
    assert_eq!(back.data.peak_intensity, 7);
    assert_eq!(back.data.latency_minutes, Some(20));
    assert_eq!(
        back.data.setting,
        Some(Setting::Other {
            label: "cinema".into()
        })
    );
    assert_eq!(back.data.side, Some(Side::Both));
    assert_eq!(
        back.data.body_areas,
        vec![BodyArea::Calves, BodyArea::Thighs]
    );
    assert_eq!(back.data.sensations.len(), 2);
    assert!(back.data.woke_from_sleep);
    assert_eq!(back.data.note.as_deref(), Some("after a long drive"));
    assert_eq!(back.data.started_at, at("2026-11-26T23:40:00+01:00"));
    assert_eq!(back.data.started_at.offset_minutes, 60);
    assert_eq!(back.night, date("2026-11-26"));
    assert_eq!(back.relief, vec![relief.clone()]);
    assert_eq!(back, episode_with_relief(episode, relief));

    for (id, expected) in [
        (sleep.id.clone(), Entry::SleepDiary { diary: sleep }),
        (exp.id.clone(), Entry::Exposure { exposure: exp }),
        (treat.id.clone(), Entry::Treatment { treatment: treat }),
        (dose.id.clone(), Entry::Dose { dose: dose.clone() }),
        (lab.id.clone(), Entry::LabResult { lab }),
        (rate.id.clone(), Entry::SeverityRating { rating: rate }),
    ] {
        assert_eq!(journal.entry(id).unwrap(), expected);
    }
    assert_eq!(dose.treatment_name, "pramipexole");
}

fn episode_with_relief(mut episode: Episode, relief: ReliefAttempt) -> Episode {
    episode.relief = vec![relief];
    episode
}

/// Asserts that `result` is an InvalidInput naming `field`, and that nothing changed.
fn assert_rejected<T: std::fmt::Debug>(
    journal: &Journal,
    before: &str,
    result: Result<T, JournalError>,
    field: &str,
) {
    match result {
        Err(JournalError::InvalidInput { field: f, reason }) => {
            assert_eq!(f, field, "wrong field (reason: {reason})");
            assert!(!reason.is_empty());
        }
        other => panic!("expected InvalidInput for {field}, got {other:?}"),
    }
    assert_eq!(
        fingerprint(journal),
        before,
        "journal changed after rejecting {field}"
    );
}

#[test]
fn each_validation_rule_rejects_with_the_field_and_changes_nothing() {
    let (_dir, _path, journal) = file_journal();
    let treat = journal.add_treatment(treatment("2026-11-01")).unwrap();
    let ep = journal
        .add_episode(full_episode(
            "2026-11-20T23:00:00+01:00",
            "2026-11-20T23:30:00+01:00",
            5,
        ))
        .unwrap();
    let before = fingerprint(&journal);
    let good = full_episode("2026-11-21T23:00:00+01:00", "2026-11-21T23:30:00+01:00", 5);

    for bad_peak in [0, 11] {
        let mut e = good.clone();
        e.peak_intensity = bad_peak;
        assert_rejected(&journal, &before, journal.add_episode(e), "peak_intensity");
    }
    assert_rejected(
        &journal,
        &before,
        journal.quick_log(11, None, None),
        "peak_intensity",
    );
    let mut e = good.clone();
    e.ended_at = Some(at("2026-11-21T22:59:00+01:00"));
    assert_rejected(&journal, &before, journal.add_episode(e), "ended_at");
    let mut e = good.clone();
    let future = Moment::from_millis(Moment::now().millis() + 25 * 3_600_000, 60);
    e.started_at = future;
    e.ended_at = None;
    assert_rejected(&journal, &before, journal.add_episode(e), "started_at");
    let mut e = good.clone();
    e.started_at.offset_minutes = 19 * 60;
    assert_rejected(&journal, &before, journal.add_episode(e), "started_at");
    let mut e = good.clone();
    e.note = Some("x".repeat(4_001));
    assert_rejected(&journal, &before, journal.add_episode(e), "note");
    let mut e = good.clone();
    e.sensations = vec![Sensation::Other { label: "  ".into() }];
    assert_rejected(&journal, &before, journal.add_episode(e), "sensations");
    let mut e = good.clone();
    e.setting = Some(Setting::Other {
        label: String::new(),
    });
    assert_rejected(&journal, &before, journal.add_episode(e), "setting");
    // Editing: same rules, and an unknown id is NotFound.
    let mut e = good.clone();
    e.peak_intensity = 12;
    assert_rejected(
        &journal,
        &before,
        journal.edit_episode(ep.id.clone(), e),
        "peak_intensity",
    );
    assert!(matches!(
        journal.edit_episode("no-such-id".into(), good.clone()),
        Err(JournalError::NotFound { .. })
    ));

    let relief = |helped: i32, method: ReliefMethod| ReliefData {
        method,
        helped,
        minutes_to_relief: None,
        at: at("2026-11-20T23:10:00+01:00"),
    };
    assert_rejected(
        &journal,
        &before,
        journal.add_relief_attempt(ep.id.clone(), relief(4, ReliefMethod::Walking)),
        "helped",
    );
    assert_rejected(
        &journal,
        &before,
        journal.add_relief_attempt(
            ep.id.clone(),
            relief(1, ReliefMethod::Other { label: "".into() }),
        ),
        "method",
    );
    assert!(matches!(
        journal.add_relief_attempt("missing".into(), relief(1, ReliefMethod::Walking)),
        Err(JournalError::NotFound { .. })
    ));
    // Relief is tried during an episode: not before it started (22:59 < 23:00).
    let mut early = relief(2, ReliefMethod::Walking);
    early.at = at("2026-11-20T22:59:00+01:00");
    assert_rejected(
        &journal,
        &before,
        journal.add_relief_attempt(ep.id.clone(), early),
        "at",
    );

    for (field, edit) in [
        (
            "quality",
            Box::new(|d: &mut SleepDiaryData| d.quality = 0) as Box<dyn Fn(&mut SleepDiaryData)>,
        ),
        ("quality", Box::new(|d: &mut SleepDiaryData| d.quality = 6)),
        (
            "tried_to_sleep_at",
            Box::new(|d: &mut SleepDiaryData| {
                d.tried_to_sleep_at = at("2026-11-21T22:00:00+01:00")
            }),
        ),
        (
            "out_of_bed_at",
            Box::new(|d: &mut SleepDiaryData| d.out_of_bed_at = at("2026-11-22T06:00:00+01:00")),
        ),
        (
            "wake_after_sleep_onset_minutes",
            Box::new(|d: &mut SleepDiaryData| d.wake_after_sleep_onset_minutes = 600),
        ),
        (
            "got_into_bed_at",
            Box::new(|d: &mut SleepDiaryData| d.night_of = date("2026-11-10")),
        ),
    ] {
        let mut d = diary("2026-11-21");
        edit(&mut d);
        assert_rejected(&journal, &before, journal.add_sleep_diary(d), field);
    }

    let mut x = exposure("2026-11-21T20:00:00+01:00", ExposureKind::Caffeine);
    x.amount = Some(f64::NAN);
    assert_rejected(&journal, &before, journal.add_exposure(x), "amount");
    let mut x = exposure("2026-11-21T20:00:00+01:00", ExposureKind::Caffeine);
    x.amount = None;
    assert_rejected(&journal, &before, journal.add_exposure(x), "unit");
    let x = exposure(
        "2026-11-21T20:00:00+01:00",
        ExposureKind::Other { label: "".into() },
    );
    assert_rejected(&journal, &before, journal.add_exposure(x), "kind");

    let mut t = treatment("2026-11-01");
    t.name = "   ".into();
    assert_rejected(&journal, &before, journal.add_treatment(t), "name");
    let mut t = treatment("2026-11-01");
    t.stopped_on = Some(date("2026-10-01"));
    assert_rejected(&journal, &before, journal.add_treatment(t), "stopped_on");
    let mut t = treatment("2026-11-01");
    t.dose = Some(-1.0);
    assert_rejected(&journal, &before, journal.add_treatment(t), "dose");
    let mut t = treatment("2026-11-01");
    t.started_on = date("2099-01-01");
    assert_rejected(&journal, &before, journal.add_treatment(t), "started_on");

    let dose = |id: &str| DoseData {
        treatment_id: id.into(),
        at: at("2026-11-21T21:00:00+01:00"),
        amount: None,
    };
    assert!(matches!(
        journal.add_dose(dose("unknown")),
        Err(JournalError::NotFound { .. })
    ));
    // A dose must point at a treatment, not at another kind of entry.
    assert!(matches!(
        journal.add_dose(dose(&ep.id)),
        Err(JournalError::NotFound { .. })
    ));
    let mut d = dose(&treat.id);
    d.amount = Some(f64::INFINITY);
    assert_rejected(&journal, &before, journal.add_dose(d), "amount");

    for bad in [f64::NAN, f64::INFINITY, 0.0, -3.0] {
        assert_rejected(
            &journal,
            &before,
            journal.add_lab_result(ferritin("2026-11-20", bad)),
            "value",
        );
    }
    let mut l = ferritin("2026-11-20", 40.0);
    l.unit = String::new();
    assert_rejected(&journal, &before, journal.add_lab_result(l), "unit");
    let mut l = ferritin("2026-11-20", 40.0);
    l.analyte = Analyte::Other { label: "".into() };
    assert_rejected(&journal, &before, journal.add_lab_result(l), "analyte");

    assert_rejected(
        &journal,
        &before,
        journal.add_severity_rating(rating("2026-11-20", 41)),
        "irls_total",
    );
    let mut s = journal.settings().unwrap();
    s.night_cutover_hour = 24;
    assert_rejected(
        &journal,
        &before,
        journal.update_settings(s),
        "night_cutover_hour",
    );

    assert_eq!(fingerprint(&journal), before);
}

#[test]
fn a_second_sleep_diary_for_the_same_night_is_rejected() {
    let (_dir, _path, journal) = file_journal();
    let first = journal.add_sleep_diary(diary("2026-11-21")).unwrap();
    let before = fingerprint(&journal);
    assert_rejected(
        &journal,
        &before,
        journal.add_sleep_diary(diary("2026-11-21")),
        "night_of",
    );
    // After deleting the first, a new one is fine; restoring the old one then is refused.
    journal.delete_entry(first.id.clone()).unwrap();
    journal.add_sleep_diary(diary("2026-11-21")).unwrap();
    assert!(matches!(
        journal.restore_entry(first.id),
        Err(JournalError::InvalidInput { .. })
    ));
}

#[test]
fn editing_keeps_the_id_and_creation_time_and_advances_updated_at() {
    let (_dir, _path, journal) = file_journal();
    let lab = journal
        .add_lab_result(ferritin("2026-11-20", 40.0))
        .unwrap();
    let edited = journal
        .edit_lab_result(lab.id.clone(), ferritin("2026-11-20", 80.0))
        .unwrap();
    assert_eq!(edited.id, lab.id);
    assert_eq!(edited.data.value, 80.0);
    assert_eq!(edited.meta.created_at, lab.meta.created_at);
    assert!(edited.meta.updated_at > lab.meta.updated_at);
}

#[test]
fn relief_stays_inside_its_episode_on_every_path() {
    let (_dir, _path, journal) = file_journal();
    let ep = journal
        .add_episode(full_episode(
            "2026-11-20T23:00:00+01:00",
            "2026-11-20T23:40:00+01:00",
            6,
        ))
        .unwrap();
    let attempt = journal
        .add_relief_attempt(
            ep.id.clone(),
            ReliefData {
                method: ReliefMethod::Stretching,
                helped: 2,
                minutes_to_relief: Some(10),
                at: at("2026-11-20T23:00:00+01:00"),
            },
        )
        .unwrap();
    let before = fingerprint(&journal);
    // Moving the attempt before the start is refused…
    let mut moved = attempt.data.clone();
    moved.at = at("2026-11-20T22:30:00+01:00");
    assert_rejected(
        &journal,
        &before,
        journal.edit_relief_attempt(attempt.id.clone(), moved),
        "at",
    );
    // …and so is moving the episode's start after the attempt.
    let mut later = ep.data.clone();
    later.started_at = at("2026-11-20T23:05:00+01:00");
    assert_rejected(
        &journal,
        &before,
        journal.edit_episode(ep.id.clone(), later),
        "started_at",
    );
    // Bedside relief with a time before the episode it would attach to is refused too.
    let open = journal
        .quick_log(5, None, Some(at("2026-11-21T02:00:00+01:00")))
        .unwrap();
    let before = fingerprint(&journal);
    assert_rejected(
        &journal,
        &before,
        journal.add_relief(
            ReliefMethod::Walking,
            1,
            None,
            Some(at("2026-11-21T01:50:00+01:00")),
        ),
        "at",
    );
    // A start moved earlier keeps the attempt valid.
    let mut earlier = ep.data.clone();
    earlier.started_at = at("2026-11-20T22:50:00+01:00");
    let edited = journal.edit_episode(ep.id.clone(), earlier).unwrap();
    assert_eq!(edited.relief.len(), 1);
    assert!(journal.open_episode().unwrap().map(|e| e.id) == Some(open.id));
}
