//! The summary of a range of nights (issue 4, design §4): every part against hand-computed
//! fixtures on real SQLite files, and property tests over random journals.

#[path = "support/summary_fixtures.rs"]
mod fixtures;

use fixtures::*;
use rlsjournal_core::summary::*;
use rlsjournal_core::*;

// ---- range and defaults ----

#[test]
fn a_range_with_no_data_has_counts_of_zero_and_no_numbers() {
    let (_dir, j) = file_journal();
    let s = summarize(&j, range("2026-03-02", "2026-03-15"));
    assert_eq!(s.coverage.nights_in_range, 14);
    assert_eq!(s.coverage.nights_logged, 0);
    assert_eq!(s.coverage.nights_not_logged, 14);
    assert_eq!(s.coverage.symptom_nights_per_week, None);
    assert_eq!(s.coverage.two_or_more_per_week, None);
    assert_eq!(s.timing.onset, None);
    assert_eq!(s.timing.onset_histogram.len(), 24);
    assert!(s.timing.onset_histogram.iter().all(|b| b.count == 0));
    assert_eq!(s.timing.median_duration_minutes, None);
    assert_eq!(s.timing.woke_percent, None);
    assert_eq!(s.severity.nights.len(), 14);
    assert!(s.severity.nights.iter().all(|n| n.peak.is_none()));
    assert_eq!(s.severity.mean_peak, None);
    assert_eq!(s.severity.median_peak, None);
    assert_eq!(s.severity.trend.direction, Trend::Unknown);
    assert_eq!(s.severity.worst_night, None);
    assert_eq!(s.severity.weeks.len(), 2);
    assert!(s.triggers.associations.is_empty());
    assert!(s.relief.methods.is_empty());
    assert_eq!(s.relief.tiers.len(), 3);
    assert_eq!(s.sleep.diaries, 0);
    assert_eq!(s.sleep.mean_sleep_efficiency_percent, None);
    assert!(s.treatments.active.is_empty());
    assert_eq!(s.iron.ferritin, None);
    assert!(!s.iron.discuss_iron_therapy);
    assert_eq!(s.rating.latest, None);
    assert_eq!(s.augmentation.status, AugmentationStatus::NotApplicable);
    assert!(s
        .notes
        .iter()
        .any(|n| n.kind == NoteKind::NotEnoughData && n.section == "coverage"));
    assert!(floats(&s).iter().all(|f| f.is_finite()));
    assert!(s
        .definitions
        .iter()
        .any(|d| d.term == "Sleep efficiency (SE)" && d.text.contains("TST ÷ TIB × 100")));
}

#[test]
fn the_default_range_is_the_14_nights_ending_with_the_last_completed_night() {
    let (_dir, j) = file_journal();
    // 03:00 on the 10th: the night of the 9th is not over (the morning starts at 05:00).
    let s = j
        .summary_at(None, at("2026-03-10T03:00:00+01:00"))
        .expect("summary");
    assert_eq!(s.range, range("2026-02-23", "2026-03-08"));
    // 07:00 on the 10th: the night of the 9th is complete.
    let s = j
        .summary_at(None, at("2026-03-10T07:00:00+01:00"))
        .expect("summary");
    assert_eq!(s.range, range("2026-02-24", "2026-03-09"));
    assert_eq!(s.coverage.nights_in_range, 14);
    assert!(s.title.starts_with("14 nights, Tue 24 Feb"), "{}", s.title);
    // The exported call uses the real clock; it must at least work.
    assert_eq!(
        j.summary(None).expect("summary").coverage.nights_in_range,
        14
    );
}

#[test]
fn last_nights_ends_with_the_default_ranges_last_night() {
    let (_dir, j) = file_journal();
    for now in ["2026-03-10T03:00:00+01:00", "2026-03-10T07:00:00+01:00"] {
        let default = j.summary_at(None, at(now)).expect("summary").range;
        assert_eq!(j.last_nights_at(14, at(now)).expect("14"), default);
        let r = j.last_nights_at(90, at(now)).expect("90");
        assert_eq!(r.last, default.last);
        assert_eq!(r.nights(), 90);
        let one = j.last_nights_at(1, at(now)).expect("1");
        assert_eq!((one.first, one.last), (default.last, default.last));
        // The range is one the summary accepts.
        assert_eq!(j.summary_at(Some(r), at(now)).expect("summary").range, r);
    }
    assert_eq!(
        j.last_nights_at(7_306, at("2026-03-10T07:00:00+01:00"))
            .expect("20 years")
            .nights(),
        7_306
    );
    for bad in [0, -1, 7_307, i32::MAX] {
        let err = j.last_nights(bad).expect_err("out of range");
        assert!(matches!(err, JournalError::InvalidInput { ref field, .. } if field == "nights"));
    }
    assert_eq!(j.last_nights(30).expect("30").nights(), 30);
}

#[test]
fn invalid_ranges_are_rejected_with_the_field() {
    let (_dir, j) = file_journal();
    let err = j
        .summary(Some(range("2026-03-15", "2026-03-02")))
        .expect_err("reversed");
    assert!(matches!(err, JournalError::InvalidInput { ref field, .. } if field == "first"));
    let err = j
        .summary(Some(range("1990-01-01", "2026-03-02")))
        .expect_err("too long");
    assert!(matches!(err, JournalError::InvalidInput { ref field, .. } if field == "last"));
    let err = j
        .summary(Some(range("1800-01-01", "1800-01-02")))
        .expect_err("too old");
    assert!(matches!(err, JournalError::InvalidInput { .. }));
    // One night and exactly 20 years are fine.
    assert!(j.summary(Some(range("2026-03-02", "2026-03-02"))).is_ok());
    assert!(j.summary(Some(range("2006-03-02", "2026-03-02"))).is_ok());
}

// ---- 1. coverage ----

#[test]
fn coverage_counts_logged_and_symptom_nights_with_the_cutover() {
    let (_dir, j) = file_journal();
    // Episodes on the nights of the 2nd, 3rd (at 02:10 on the 4th) and 5th.
    add_episode(&j, episode("2026-03-02T22:00:00+01:00", 30, 5));
    add_episode(&j, episode("2026-03-04T02:10:00+01:00", 30, 6));
    add_episode(&j, episode("2026-03-05T23:00:00+01:00", 30, 4));
    // Diaries on the 2nd, 4th, 6th and 7th; an exposure at 03:30 on the 9th observes no night
    // (issue 14: only episodes, diaries and the "no symptoms" answer do).
    for night in ["2026-03-02", "2026-03-04", "2026-03-06", "2026-03-07"] {
        add_plain_diary(&j, night);
    }
    add_exposure(&j, "2026-03-09T03:30:00+01:00", ExposureKind::Caffeine);
    // Outside the range: an episode at 11:00 on the 2nd belongs to the night of the 1st.
    add_episode(&j, episode("2026-03-02T11:00:00+01:00", 30, 9));

    let s = summarize(&j, range("2026-03-02", "2026-03-15"));
    let c = &s.coverage;
    assert_eq!(c.nights_in_range, 14);
    assert_eq!(c.nights_logged, 6); // observed: 2, 3, 4, 5, 6, 7
    assert_eq!(c.symptom_nights, 3);
    assert_eq!(c.symptom_free_nights, 3); // 4, 6, 7
    assert_eq!(c.nights_not_logged, 8);
    assert_eq!(c.episodes, 3);
    close_some(c.symptom_nights_per_week, 3.5); // 3 ÷ 6 × 7
    assert_eq!(c.per_week_text, "3.5 per week");
    assert_eq!(c.two_or_more_per_week, Some(true));
    // 7 observed nights: "≥ 2 nights a week in this period", no chronic-persistent claim.
    assert!(
        c.text.contains("≥ 2 nights a week in this period"),
        "{}",
        c.text
    );
    assert!(!c.text.contains("chronic-persistent RLS,"), "{}", c.text);
    let logged: Vec<bool> = s.severity.nights.iter().map(|n| n.logged).collect();
    assert_eq!(
        &logged[..8],
        &[true, true, true, true, true, true, false, false]
    );

    // Data quality: too few nights, and the gap of the 8th to the 15th (the exposure night
    // is not observed).
    assert!(s.notes.iter().any(|n| n.kind == NoteKind::FewNights));
    let gap = s
        .notes
        .iter()
        .find(|n| n.kind == NoteKind::Gap)
        .expect("gap note");
    assert!(gap.text.contains("8 nights"), "{}", gap.text);
    assert!(gap.text.contains("Sun 8 Mar"), "{}", gap.text);

    // Below the threshold: 1 symptom night in 4 observed (4–7; the 8th is not) is 1.75 per
    // week.
    let s = summarize(&j, range("2026-03-04", "2026-03-08"));
    close_some(s.coverage.symptom_nights_per_week, 1.0 / 4.0 * 7.0);
    assert_eq!(s.coverage.symptom_nights, 1);
    assert_eq!(s.coverage.two_or_more_per_week, Some(false));
}

// ---- 2. timing ----

#[test]
fn onset_median_wraps_midnight() {
    let (_dir, j) = file_journal();
    add_episode(&j, episode("2026-03-02T23:30:00+01:00", 60, 5));
    add_episode(&j, episode("2026-03-04T00:30:00+01:00", 90, 5)); // night of the 3rd
    let s = summarize(&j, range("2026-03-02", "2026-03-03"));
    let o = s.timing.onset.as_ref().expect("onset");
    assert_eq!(o.median_text, "00:00");
    assert_eq!(o.median_minute, 0);
    assert_eq!(o.q1_text, "23:45");
    assert_eq!(o.q3_text, "00:15");
    assert_eq!(o.iqr_minutes, 30);
    assert_eq!(o.iqr_text, "30 min");
    assert_eq!(s.timing.onset_histogram[23].count, 1);
    assert_eq!(s.timing.onset_histogram[0].count, 1);
    assert_eq!(s.timing.onset_histogram[12].count, 0);
    close_some(s.timing.median_duration_minutes, 75.0);
    assert_eq!(s.timing.median_duration_text.as_deref(), Some("1 h 15 min"));
}

#[test]
fn timing_latency_duration_waking_and_open_episodes() {
    let (_dir, j) = file_journal();
    let mut a = episode("2026-03-02T22:00:00+01:00", 20, 5);
    a.latency_minutes = Some(10);
    a.woke_from_sleep = true;
    let mut b = episode("2026-03-02T23:00:00+01:00", 65, 5);
    b.latency_minutes = Some(30);
    let mut c = episode("2026-03-03T22:30:00+01:00", 40, 5);
    c.latency_minutes = Some(15);
    let mut open = episode("2026-03-04T01:00:00+01:00", 0, 5);
    open.ended_at = None;
    open.woke_from_sleep = true;
    for e in [a, b, c, open] {
        add_episode(&j, e);
    }
    let s = summarize(&j, range("2026-03-02", "2026-03-03"));
    let t = &s.timing;
    assert_eq!(t.episodes, 4);
    assert_eq!(t.latency_episodes, 3);
    close_some(t.median_latency_minutes, 15.0);
    assert_eq!(t.median_latency_text.as_deref(), Some("15 min"));
    assert_eq!(t.ended_episodes, 3);
    assert_eq!(t.open_episodes, 1);
    close_some(t.median_duration_minutes, 40.0);
    assert_eq!(t.woke_from_sleep, 2);
    close_some(t.woke_percent, 50.0);
    // Onsets 22:00, 22:30, 23:00, 01:00: median 22:45.
    assert_eq!(
        t.onset.as_ref().map(|o| o.median_text.as_str()),
        Some("22:45")
    );
    let note = s
        .notes
        .iter()
        .find(|n| n.kind == NoteKind::OpenEpisode)
        .expect("open episode note");
    assert!(note.text.contains("left open"), "{}", note.text);
}

#[test]
fn a_dst_change_keeps_clock_times_and_real_durations() {
    let (_dir, j) = file_journal();
    // Europe/Berlin moves from +01:00 to +02:00 at 02:00 on 29 March 2026.
    add_episode(&j, episode("2026-03-27T23:00:00+01:00", 30, 4));
    add_episode(&j, episode("2026-03-28T23:00:00+01:00", 30, 4));
    add_episode(&j, episode("2026-03-29T23:00:00+02:00", 30, 4));
    add_episode(&j, episode("2026-03-30T23:00:00+02:00", 30, 4));
    // 01:30 CET to 03:30 CEST is one real hour, on the night of the 28th.
    let mut across = episode("2026-03-29T01:30:00+01:00", 0, 6);
    across.ended_at = Some(at("2026-03-29T03:30:00+02:00"));
    add_episode(&j, across);
    // 00:30 CEST on the 31st belongs to the night of the 30th.
    add_episode(&j, episode("2026-03-31T00:30:00+02:00", 30, 7));

    let s = summarize(&j, range("2026-03-27", "2026-03-30"));
    assert_eq!(s.timing.episodes, 6);
    assert_eq!(s.timing.onset_histogram[23].count, 4);
    assert_eq!(s.timing.onset_histogram[1].count, 1);
    assert_eq!(s.timing.onset_histogram[0].count, 1);
    // Onsets 23:00 ×4, 00:30, 01:30 → median 23:00.
    assert_eq!(
        s.timing.onset.as_ref().map(|o| o.median_text.as_str()),
        Some("23:00")
    );
    // Durations 30, 30, 30, 30, 30 and 60 minutes.
    close_some(s.timing.median_duration_minutes, 30.0);
    let peaks: Vec<Option<u8>> = s.severity.nights.iter().map(|n| n.peak).collect();
    assert_eq!(peaks, vec![Some(4), Some(6), Some(4), Some(7)]);
}

// ---- 3. severity ----

#[test]
fn severity_series_means_trend_weeks_and_worst_night() {
    let (_dir, j) = file_journal();
    // Mar 2: peaks 4 and 6; Mar 3: diary only (0); Mar 4: nothing (missing); Mar 5: 8;
    // Mar 6: 2; Mar 7: exposure only (not observed: missing); Mar 8: 3.
    add_episode(&j, episode("2026-03-02T21:00:00+01:00", 30, 4));
    add_episode(&j, episode("2026-03-02T23:00:00+01:00", 30, 6));
    add_plain_diary(&j, "2026-03-03");
    add_episode(&j, episode("2026-03-05T23:00:00+01:00", 30, 8));
    add_episode(&j, episode("2026-03-06T23:00:00+01:00", 30, 2));
    add_exposure(&j, "2026-03-07T20:00:00+01:00", ExposureKind::Alcohol);
    add_episode(&j, episode("2026-03-08T23:00:00+01:00", 30, 3));

    let s = summarize(&j, range("2026-03-02", "2026-03-08"));
    let v = &s.severity;
    let peaks: Vec<Option<u8>> = v.nights.iter().map(|n| n.peak).collect();
    assert_eq!(
        peaks,
        vec![Some(6), Some(0), None, Some(8), Some(2), None, Some(3)]
    );
    assert_eq!(v.nights[0].episodes, 2);
    assert_eq!(v.nights[0].label, "Mon 2 Mar");
    // (6 + 0 + 8 + 2 + 3) ÷ 5 observed nights = 3.8; median of 0, 2, 3, 6, 8 = 3.
    close_some(v.mean_peak, 19.0 / 5.0);
    assert_eq!(v.mean_peak_text, "3.8");
    close_some(v.median_peak, 3.0);
    close_some(v.overall.mean_peak_symptom_nights, 19.0 / 4.0);
    assert_eq!(v.overall.peak_sum, 19);
    // Halves: Mar 2–4 (6, 0) and Mar 6–8 (2, 3; the 7th is missing); the 5th belongs to
    // neither.
    assert_eq!(v.trend.first_half.last, date("2026-03-04"));
    assert_eq!(v.trend.second_half.first, date("2026-03-06"));
    close_some(v.trend.first_half.mean_peak, 3.0);
    close_some(v.trend.second_half.mean_peak, 5.0 / 2.0);
    // 3.0 → 2.5 would be lower, but the halves have 2 and 2 observed nights, under the 5
    // each a trend needs (design §4): no direction is given.
    assert_eq!(v.trend.mean_peak_change, None);
    assert_eq!(v.trend.direction, Trend::Unknown);
    assert!(
        v.trend
            .text
            .contains("needs 5 observed nights in each half; 2 and 2"),
        "{}",
        v.trend.text
    );
    assert_eq!(v.weeks.len(), 1);
    assert_eq!(v.weeks[0].nights_logged, 5);
    assert_eq!(v.weeks[0].symptom_nights, 4);
    let worst = v.worst_night.as_ref().expect("worst night");
    assert_eq!(worst.night, date("2026-03-05"));
    assert_eq!(worst.peak, 8);
    assert!(worst.text.starts_with("Thu 5 Mar 2026: peak 8/10"));

    // Two weeks: the second one is partial.
    let s = summarize(&j, range("2026-03-02", "2026-03-10"));
    assert_eq!(s.severity.weeks.len(), 2);
    assert_eq!(s.severity.weeks[1].nights, 2);
    assert_eq!(s.severity.weeks[1].nights_logged, 0);
    assert_eq!(s.severity.weeks[1].mean_peak, None);
}

// ---- 4. where and how ----

#[test]
fn where_and_how_counts_sides_areas_sensations_and_settings() {
    let (_dir, j) = file_journal();
    let mut a = episode("2026-03-02T22:00:00+01:00", 30, 5);
    a.side = Some(Side::Both);
    a.body_areas = vec![BodyArea::Calves, BodyArea::Thighs];
    a.sensations = vec![Sensation::Crawling];
    a.setting = Some(Setting::InBed);
    let mut b = episode("2026-03-03T22:00:00+01:00", 30, 5);
    b.side = Some(Side::Both);
    b.body_areas = vec![BodyArea::Calves, BodyArea::Arms];
    b.sensations = vec![
        Sensation::Crawling,
        Sensation::Other {
            label: "fizzing".into(),
        },
    ];
    b.setting = Some(Setting::Sitting);
    let mut c = episode("2026-03-04T22:00:00+01:00", 30, 5);
    c.side = Some(Side::Left);
    c.setting = Some(Setting::InBed);
    let d = episode("2026-03-05T22:00:00+01:00", 30, 5);
    for e in [a, b, c, d] {
        add_episode(&j, e);
    }
    let s = summarize(&j, range("2026-03-02", "2026-03-05"));
    let w = &s.where_and_how;
    assert_eq!(w.episodes, 4);
    let items = |b: &Breakdown| -> Vec<(String, u32)> {
        b.items.iter().map(|i| (i.key.clone(), i.count)).collect()
    };
    assert_eq!(
        items(&w.sides),
        vec![("both".to_string(), 2), ("left".to_string(), 1)]
    );
    assert_eq!((w.sides.recorded, w.sides.not_recorded), (3, 1));
    assert_eq!(
        items(&w.body_areas),
        vec![
            ("calves".to_string(), 2),
            ("thighs".to_string(), 1),
            ("arms".to_string(), 1)
        ]
    );
    assert_eq!((w.body_areas.recorded, w.body_areas.not_recorded), (2, 2));
    assert_eq!(
        items(&w.sensations),
        vec![
            ("crawling".to_string(), 2),
            ("other:fizzing".to_string(), 1)
        ]
    );
    assert_eq!(w.sensations.items[1].label, "fizzing");
    assert_eq!(
        items(&w.settings),
        vec![("in_bed".to_string(), 2), ("sitting".to_string(), 1)]
    );
    // Shares are of the episodes that recorded a side (3 of 4): both on 2 of 3 = 66.7 %.
    close(w.sides.items[0].percent, 200.0 / 3.0);
    assert_eq!(w.sides.items[0].percent_text, "67 %");
    // Body areas were recorded on 2 episodes; calves on both: 100 %, arms on 1: 50 %.
    close(w.body_areas.items[0].percent, 100.0);
    close(w.body_areas.items[2].percent, 50.0);
    assert!(
        w.text
            .starts_with("Mostly the calves (2 of 2 episodes that recorded it, 100 %); side: both (2 of 3 episodes that recorded it, 67 %)"),
        "{}",
        w.text
    );
    assert_eq!(w.arms_episodes, 1);
    assert!(w.spread_to_arms);
    assert_eq!(
        w.arms_text.as_deref(),
        Some("Arms involved in 1 of 4 episodes.")
    );
}

// ---- 5. triggers ----

#[test]
fn triggers_count_each_night_once_and_need_five_observed_nights_a_side() {
    let (_dir, j) = file_journal();
    let nights: Vec<String> = (0..10).map(|i| plus("2026-03-02", i)).collect();
    for n in &nights {
        add_plain_diary(&j, n);
    }
    // Symptoms on the 2nd, 3rd, 4th (peaks 6, 5, 7) and the 6th (3).
    for (n, peak) in [(0, 6), (1, 5), (2, 7), (4, 3)] {
        add_episode(
            &j,
            episode(&format!("{}T23:00:00+01:00", nights[n]), 30, peak),
        );
    }
    // Caffeine on the nights of the 2nd–5th; the 5th's at 03:00 on the 6th (before that
    // night's final awakening at 07:00), and a second cup the same night that must not count
    // twice.
    for n in &nights[0..3] {
        add_exposure(&j, &format!("{}T16:00:00+01:00", n), ExposureKind::Caffeine);
    }
    add_exposure(&j, "2026-03-06T03:00:00+01:00", ExposureKind::Caffeine);
    add_exposure(&j, "2026-03-05T20:00:00+01:00", ExposureKind::Caffeine);
    // Exercise on the nights of the 6th–11th (at 12:30: after the cutover, same day).
    for n in &nights[4..10] {
        add_exposure(&j, &format!("{}T12:30:00+01:00", n), ExposureKind::Exercise);
    }
    // Alcohol on two nights only.
    add_exposure(&j, "2026-03-02T20:00:00+01:00", ExposureKind::Alcohol);
    add_exposure(&j, "2026-03-03T20:00:00+01:00", ExposureKind::Alcohol);

    let s = summarize(&j, range("2026-03-02", "2026-03-11"));
    let t = &s.triggers;
    // Caffeine on 4 of the 10 nights (the 11:00 cup for the 5th, the 5th's two cups once),
    // exercise on 6, alcohol on 2: each has fewer than 5 observed nights on one side, so none
    // is compared (issue 14: the old rule of 3 a side compared caffeine and exercise, and the
    // full comparisons are in summary_triggers.rs).
    assert!(t.associations.is_empty());
    assert_eq!(t.exposures_compared, 0);
    let short: Vec<(&str, u32, u32)> = t
        .not_enough_data
        .iter()
        .map(|x| (x.key.as_str(), x.nights_with, x.nights_without))
        .collect();
    assert_eq!(
        short,
        [("caffeine", 4, 6), ("alcohol", 2, 8), ("exercise", 6, 4)]
    );
    assert!(t.text.contains("nothing to compare yet"), "{}", t.text);
}

// ---- 6. relief ----

#[test]
fn relief_toolkit_per_method_and_per_severity_tier() {
    let (_dir, j) = file_journal();
    let a = add_episode(&j, episode("2026-03-02T22:00:00+01:00", 60, 2));
    add_relief(
        &j,
        &a,
        ReliefMethod::Walking,
        2,
        Some(10),
        "2026-03-02T22:10:00+01:00",
    );
    add_relief(
        &j,
        &a,
        ReliefMethod::Stretching,
        1,
        None,
        "2026-03-02T22:20:00+01:00",
    );
    let b = add_episode(&j, episode("2026-03-03T22:00:00+01:00", 60, 3));
    add_relief(
        &j,
        &b,
        ReliefMethod::Walking,
        3,
        Some(5),
        "2026-03-03T22:10:00+01:00",
    );
    add_relief(
        &j,
        &b,
        ReliefMethod::Stretching,
        0,
        None,
        "2026-03-03T22:20:00+01:00",
    );
    let c = add_episode(&j, episode("2026-03-04T22:00:00+01:00", 60, 5));
    add_relief(
        &j,
        &c,
        ReliefMethod::Walking,
        1,
        Some(30),
        "2026-03-04T22:10:00+01:00",
    );
    add_relief(
        &j,
        &c,
        ReliefMethod::Massage,
        2,
        Some(15),
        "2026-03-04T22:20:00+01:00",
    );
    let d = add_episode(&j, episode("2026-03-05T22:00:00+01:00", 60, 6));
    add_relief(
        &j,
        &d,
        ReliefMethod::Massage,
        3,
        None,
        "2026-03-05T22:10:00+01:00",
    );
    add_relief(
        &j,
        &d,
        ReliefMethod::Walking,
        1,
        None,
        "2026-03-05T22:20:00+01:00",
    );
    // A severe episode just before the cutover; its relief comes after it (next night's date)
    // and still belongs to it.
    let e = add_episode(&j, episode("2026-03-07T11:00:00+01:00", 120, 8));
    add_relief(
        &j,
        &e,
        ReliefMethod::Medication,
        3,
        Some(40),
        "2026-03-07T12:30:00+01:00",
    );
    // Outside the range: not counted.
    let out = add_episode(&j, episode("2026-03-09T22:00:00+01:00", 60, 8));
    add_relief(
        &j,
        &out,
        ReliefMethod::Walking,
        0,
        None,
        "2026-03-09T22:10:00+01:00",
    );

    let s = summarize(&j, range("2026-03-02", "2026-03-06"));
    let r = &s.relief;
    assert_eq!(r.attempts, 9);
    let keys: Vec<&str> = r.methods.iter().map(|m| m.key.as_str()).collect();
    assert_eq!(keys, vec!["medication", "massage", "walking", "stretching"]);
    let walking = &r.methods[2];
    assert_eq!(walking.times_used, 4);
    close(walking.median_help, 1.5);
    close(walking.mean_help, 1.75);
    assert_eq!(walking.median_help_text, "some to much");
    assert_eq!(walking.timed_uses, 3);
    close_some(walking.median_minutes_to_relief, 10.0);
    let massage = &r.methods[1];
    close(massage.median_help, 2.5);
    close_some(massage.median_minutes_to_relief, 15.0);
    assert_eq!(r.methods[3].median_help_text, "none to some");

    assert_eq!(r.tiers.len(), 3);
    let mild = &r.tiers[0];
    assert_eq!(mild.tier, SeverityTier::Mild);
    assert_eq!(mild.attempts, 4);
    let names = |t: &TierBest| t.best.iter().map(|m| m.key.clone()).collect::<Vec<_>>();
    // Design §4: a tier's best needs at least 3 uses in that tier. Walking was tried twice in
    // the mild tier (help 2 and 3), massage and walking twice each in the moderate one: none
    // qualifies yet.
    assert_eq!(relief::MIN_USES_PER_TIER, 3);
    assert!(names(mild).is_empty(), "{:?}", names(mild));
    assert!(
        mild.text.contains("no method tried at least 3 times"),
        "{}",
        mild.text
    );
    let moderate = &r.tiers[1];
    assert_eq!(moderate.attempts, 4);
    assert!(names(moderate).is_empty());
    let severe = &r.tiers[2];
    assert_eq!(severe.attempts, 1);
    assert!(severe.best.is_empty()); // tried only once
                                     // "Most helpful" overall also needs 3 uses: medication (1 use, complete) and massage (2
                                     // uses) rank higher but do not qualify; walking (4 uses: help 2, 3, 1, 1 → median 1.5,
                                     // "some to much") does.
    assert_eq!(
        r.text,
        "9 relief attempts with 4 methods; most helpful: walking (some to much, 4 uses)."
    );
}

// ---- 7. sleep ----

#[test]
fn sleep_means_follow_the_consensus_sleep_diary() {
    let (_dir, j) = file_journal();
    // TIB 510, TST (480 − 30 − 45) = 405, SE 79.41 %.
    j.add_sleep_diary(diary(
        "2026-03-02",
        "22:30",
        "22:45",
        30,
        45,
        "06:45",
        "07:00",
        "+01:00",
    ))
    .expect("diary");
    // TIB 480, TST 480 − 10 − 20 = 450, SE 93.75 %.
    j.add_sleep_diary(diary(
        "2026-03-03",
        "23:00",
        "23:00",
        10,
        20,
        "07:00",
        "07:00",
        "+01:00",
    ))
    .expect("diary");
    // Outside the range.
    j.add_sleep_diary(diary(
        "2026-03-05",
        "23:00",
        "23:00",
        100,
        100,
        "07:00",
        "07:00",
        "+01:00",
    ))
    .expect("diary");
    let s = summarize(&j, range("2026-03-02", "2026-03-04"));
    let z = &s.sleep;
    assert_eq!(z.diaries, 2);
    close_some(z.mean_time_in_bed_minutes, 495.0);
    close_some(z.mean_total_sleep_minutes, 427.5);
    close_some(z.mean_sleep_onset_minutes, 20.0);
    close_some(z.mean_wake_after_sleep_onset_minutes, 32.5);
    close_some(
        z.mean_sleep_efficiency_percent,
        (405.0 / 510.0 * 100.0 + 93.75) / 2.0,
    );
    assert_eq!(z.efficiency_nights, 2);
    assert_eq!(z.nights_below_85_percent, 1);
    assert_eq!(z.mean_time_in_bed_text.as_deref(), Some("8 h 15 min"));
    assert_eq!(z.mean_total_sleep_text.as_deref(), Some("7 h 08 min"));
    assert_eq!(z.mean_sleep_efficiency_text.as_deref(), Some("87 %"));
    close_some(z.mean_awakenings, 1.0);
    close_some(z.mean_quality, 3.0);
}

// ---- 8. treatments ----

#[test]
fn a_treatment_started_mid_range_is_compared_before_and_after() {
    let (_dir, j) = file_journal();
    // Every night of March 1–28 has a diary. Before the 15th: symptoms (peak 5) on 10 of 14
    // nights; from the 15th: on 2 of 14 nights (peak 3).
    for i in 0..28 {
        let night = plus("2026-03-01", i);
        add_plain_diary(&j, &night);
        let symptoms = if i < 14 { i < 10 } else { i == 16 || i == 20 };
        if symptoms {
            let peak = if i < 14 { 5 } else { 3 };
            add_episode(&j, episode(&format!("{night}T23:00:00+01:00"), 30, peak));
        }
    }
    // A routine is judged from its start (issue 14: an alpha-2-delta ligand, as this was
    // before, is judged after a titration period; see summary_wording.rs).
    let gaba = add_treatment(
        &j,
        "gabapentin",
        TreatmentCategory::Routine,
        "2026-03-15",
        None,
    );
    add_treatment(
        &j,
        "magnesium",
        TreatmentCategory::Magnesium,
        "2026-03-25",
        None,
    );
    add_treatment(
        &j,
        "old iron",
        TreatmentCategory::OralIron,
        "2025-01-01",
        Some("2025-06-01"),
    );
    add_treatment(
        &j,
        "routine",
        TreatmentCategory::Routine,
        "2026-01-01",
        Some("2026-03-10"),
    );

    let s = summarize(&j, range("2026-03-01", "2026-03-28"));
    let t = &s.treatments;
    let active: Vec<&str> = t.active.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(active, vec!["routine", "gabapentin", "magnesium"]);
    assert!(t.active[1].started_in_range);
    assert!(!t.active[0].started_in_range);
    assert!(t.active[0].stopped_in_range);
    assert_eq!(t.active[1].dose_text.as_deref(), Some("0.25 mg"));
    assert_eq!(t.comparisons.len(), 2);

    let g = &t.comparisons[0];
    assert_eq!(g.treatment_id, gaba);
    assert!(g.comparable);
    assert_eq!(
        (g.before.first, g.before.last),
        (date("2026-03-01"), date("2026-03-14"))
    );
    assert_eq!(
        (g.after.first, g.after.last),
        (date("2026-03-15"), date("2026-03-28"))
    );
    assert_eq!((g.before.nights_logged, g.before.symptom_nights), (14, 10));
    assert_eq!((g.after.nights_logged, g.after.symptom_nights), (14, 2));
    close_some(g.before.symptom_night_percent, 1000.0 / 14.0);
    close_some(g.after.symptom_night_percent, 200.0 / 14.0);
    close_some(g.symptom_percent_change, -800.0 / 14.0);
    close_some(g.before.mean_peak, 50.0 / 14.0);
    close_some(g.after.mean_peak, 6.0 / 14.0);
    close_some(g.mean_peak_change, (6.0 - 50.0) / 14.0);
    assert!(g.text.contains("down 57 points"), "{}", g.text);
    assert!(
        g.text.ends_with("so nights may improve anyway."),
        "{}",
        g.text
    );

    // Magnesium from the 25th: 4 nights after within the range, too few.
    let m = &t.comparisons[1];
    assert!(!m.comparable);
    assert_eq!(m.after.nights_logged, 4);
    assert_eq!(m.symptom_percent_change, None);
    assert!(s
        .notes
        .iter()
        .any(|n| n.section == "treatments" && n.text.contains("magnesium")));
}

// ---- 9. iron ----

#[test]
fn iron_against_the_aasm_thresholds_with_units() {
    let (_dir, j) = file_journal();
    add_lab(&j, "2026-01-10", Analyte::Ferritin, 120.0, "µg/L");
    add_lab(&j, "2026-02-10", Analyte::Ferritin, 45.0, "ug/l");
    add_lab(&j, "2026-02-10", Analyte::TransferrinSaturation, 25.0, "%");
    add_lab(&j, "2026-04-10", Analyte::Ferritin, 30.0, "µg/L"); // after the range
    let s = summarize(&j, range("2026-03-02", "2026-03-15"));
    let f = s.iron.ferritin.as_ref().expect("ferritin");
    assert_eq!(f.taken_on, date("2026-02-10"));
    close(f.value, 45.0);
    assert_eq!(f.check, ThresholdCheck::Low);
    assert_eq!(f.value_text, "45 ug/l");
    let t = s.iron.transferrin_saturation.as_ref().expect("tsat");
    assert_eq!(t.check, ThresholdCheck::NotLow);
    assert!(s.iron.discuss_iron_therapy);
    assert!(s
        .iron
        .text
        .starts_with("Discuss iron therapy with your clinician"));

    // Ferritin 100 ng/mL (= µg/L, not ≤ 75 but in the IV iron range ≤ 100, issue 15) and
    // saturation 18 %: discuss.
    let (_dir2, j2) = file_journal();
    add_lab(&j2, "2026-02-10", Analyte::Ferritin, 100.0, "ng/mL");
    add_lab(&j2, "2026-02-10", Analyte::TransferrinSaturation, 18.0, "%");
    let s = summarize(&j2, range("2026-03-02", "2026-03-15"));
    assert_eq!(
        s.iron.ferritin.as_ref().map(|f| f.check),
        Some(ThresholdCheck::IvIronRange)
    );
    assert_eq!(
        s.iron.transferrin_saturation.as_ref().map(|t| t.check),
        Some(ThresholdCheck::Low)
    );
    assert!(s.iron.discuss_iron_therapy);

    // Exactly 75 µg/L is low; 20 % is not.
    let (_dir3, j3) = file_journal();
    add_lab(&j3, "2026-02-10", Analyte::Ferritin, 75.0, "mcg/L");
    add_lab(&j3, "2026-02-10", Analyte::TransferrinSaturation, 20.0, "%");
    let s = summarize(&j3, range("2026-03-02", "2026-03-15"));
    assert_eq!(
        s.iron.ferritin.as_ref().map(|f| f.check),
        Some(ThresholdCheck::Low)
    );
    assert_eq!(
        s.iron.transferrin_saturation.as_ref().map(|t| t.check),
        Some(ThresholdCheck::NotLow)
    );

    // An unknown unit is said, never compared; an old result is flagged.
    let (_dir4, j4) = file_journal();
    add_lab(&j4, "2024-12-01", Analyte::Ferritin, 30.0, "pmol/L");
    let s = summarize(&j4, range("2026-03-02", "2026-03-15"));
    let f = s.iron.ferritin.as_ref().expect("ferritin");
    assert_eq!(f.check, ThresholdCheck::UnitNotRecognised);
    assert!(f.older_than_a_year);
    assert!(!s.iron.discuss_iron_therapy);
    assert!(s.iron.text.contains("cannot compare"), "{}", s.iron.text);
    assert!(s
        .notes
        .iter()
        .any(|n| n.kind == NoteKind::LabResult && n.text.contains("pmol/L")));
    assert!(s
        .notes
        .iter()
        .any(|n| n.text.contains("more than a year old")));
}

// ---- 10. severity rating ----

#[test]
fn irls_rating_band_and_relevant_change() {
    let (_dir, j) = file_journal();
    add_rating(&j, "2026-02-20", 18);
    add_rating(&j, "2026-03-09", 12);
    add_rating(&j, "2026-04-01", 30); // after the range
    let s = summarize(&j, range("2026-03-02", "2026-03-15"));
    let r = &s.rating;
    let latest = r.latest.as_ref().expect("latest");
    assert_eq!((latest.total, latest.band), (12, IrlsBand::Moderate));
    assert_eq!(latest.band_label, "moderate");
    assert_eq!(r.previous.as_ref().map(|p| p.total), Some(18));
    assert_eq!(r.change, Some(-6));
    assert!(r.relevant_change);
    assert!(
        r.change_text
            .as_deref()
            .is_some_and(|t| t.starts_with("down 6 points")),
        "{:?}",
        r.change_text
    );
    assert_eq!(r.in_range.len(), 1);

    // A change of 3 is not relevant; bands at their edges.
    let (_dir2, j2) = file_journal();
    add_rating(&j2, "2026-03-02", 10);
    add_rating(&j2, "2026-03-09", 13);
    let s = summarize(&j2, range("2026-03-02", "2026-03-15"));
    assert_eq!(s.rating.change, Some(3));
    assert!(!s.rating.relevant_change);
    assert_eq!(
        s.rating.previous.as_ref().map(|p| p.band),
        Some(IrlsBand::Mild)
    );
    assert_eq!(IrlsBand::of(0), IrlsBand::NoSymptoms);
    assert_eq!(IrlsBand::of(21), IrlsBand::Severe);
    assert_eq!(IrlsBand::of(31), IrlsBand::VerySevere);
}

// ---- 11. augmentation watch ----

/// A dopamine agonist started on Jan 1 with nightly doses; the first 14 nights: onset 23:00,
/// latency 30 min, legs only, peak 4, dose at 21:00 (next episode 2 h later). The latest 14
/// nights (Feb 16 – Mar 1) come from `recent`.
fn agonist_journal(
    recent: impl Fn(&str) -> (EpisodeData, &'static str),
) -> (tempfile::TempDir, std::sync::Arc<Journal>, String) {
    let (dir, j) = file_journal();
    let da = add_treatment(
        &j,
        "pramipexole",
        TreatmentCategory::DopamineAgonist,
        "2026-01-01",
        None,
    );
    for i in 0..14 {
        let night = plus("2026-01-01", i);
        let mut e = episode(&format!("{night}T23:00:00+01:00"), 60, 4);
        e.latency_minutes = Some(30);
        e.body_areas = vec![BodyArea::Calves];
        add_episode(&j, e);
        add_dose(&j, &da, &format!("{night}T21:00:00+01:00"));
    }
    for i in 0..14 {
        let night = plus("2026-02-16", i);
        let (e, dose_time) = recent(&night);
        add_episode(&j, e);
        add_dose(&j, &da, &format!("{night}T{dose_time}:00+01:00"));
    }
    (dir, j, da)
}

fn recent_episode(night: &str, time: &str, latency: i32, arms: bool, peak: i32) -> EpisodeData {
    let mut e = episode(&format!("{night}T{time}:00+01:00"), 60, peak);
    e.latency_minutes = Some(latency);
    e.body_areas = if arms {
        vec![BodyArea::Arms, BodyArea::Calves]
    } else {
        vec![BodyArea::Calves]
    };
    e
}

#[test]
fn augmentation_onset_four_hours_earlier_is_a_sign_on_its_own() {
    let (_dir, j, da) = agonist_journal(|n| (recent_episode(n, "18:30", 30, false, 4), "21:00"));
    let s = summarize(&j, range("2026-02-16", "2026-03-01"));
    let a = &s.augmentation;
    assert_eq!(a.status, AugmentationStatus::PossibleSigns);
    let w = &a.watches[0];
    assert_eq!(w.treatment_id, da);
    let baseline = w.baseline.as_ref().expect("baseline");
    assert_eq!(baseline.first, date("2026-01-01"));
    assert_eq!(baseline.nights_logged, 14);
    assert_eq!(w.recent.first, date("2026-02-16"));
    close_some(w.onset_earlier_minutes, 270.0);
    let onset = &w.signs[0];
    assert_eq!(onset.kind, AugmentationSignKind::EarlierOnset);
    assert!(onset.met);
    assert_eq!(
        (onset.baseline_text.as_str(), onset.recent_text.as_str()),
        ("23:00", "18:30")
    );
    close_some(onset.baseline_value, 1380.0);
    close_some(onset.recent_value, 1110.0);
    assert!(
        w.text
            .contains("possible signs of augmentation (MPI criteria's measurable items)"),
        "{}",
        w.text
    );
    assert!(w.text.contains("not a diagnosis"), "{}", w.text);
    assert!(w.text.contains("4 h 30 min earlier"), "{}", w.text);
    // The other measures did not change.
    assert!(w.signs[1..].iter().all(|s| !s.met), "{:?}", w.signs);
}

#[test]
fn augmentation_two_to_four_hours_earlier_needs_another_sign() {
    // 20:00 (3 h earlier), latency 10 min, arms, peak 6, dose at 19:00 (next episode 1 h).
    let (_dir, j, _) = agonist_journal(|n| (recent_episode(n, "20:00", 10, true, 6), "19:00"));
    let s = summarize(&j, range("2026-02-16", "2026-03-01"));
    let w = &s.augmentation.watches[0];
    assert_eq!(w.status, AugmentationStatus::PossibleSigns);
    let by_kind = |k: AugmentationSignKind| {
        w.signs
            .iter()
            .find(|s| s.kind == k)
            .unwrap_or_else(|| panic!("sign {k:?}"))
    };
    let latency = by_kind(AugmentationSignKind::ShorterLatency);
    assert!(latency.met);
    close_some(latency.baseline_value, 30.0);
    close_some(latency.recent_value, 10.0);
    close_some(latency.change, 20.0);
    let arms = by_kind(AugmentationSignKind::SpreadBeyondLegs);
    assert!(arms.met);
    assert_eq!(arms.recent_text, "14 of 14 episodes");
    assert_eq!(arms.baseline_text, "0 of 14 episodes");
    let intensity = by_kind(AugmentationSignKind::HigherIntensity);
    assert!(intensity.met);
    close_some(intensity.change, 2.0);
    let relief = by_kind(AugmentationSignKind::ShorterReliefAfterDose);
    assert!(relief.met);
    close_some(relief.baseline_value, 2.0);
    close_some(relief.recent_value, 1.0);

    // 3 h earlier with nothing else: no signs by the criteria.
    let (_dir2, j2, _) = agonist_journal(|n| (recent_episode(n, "20:00", 30, false, 4), "18:00"));
    let s = summarize(&j2, range("2026-02-16", "2026-03-01"));
    let w = &s.augmentation.watches[0];
    assert_eq!(w.status, AugmentationStatus::NoSigns);
    assert!(w.signs[0].met); // the onset moved 2–4 h: reported with its numbers
    assert_eq!(s.augmentation.status, AugmentationStatus::NoSigns);
}

#[test]
fn augmentation_watch_needs_an_active_agonist_and_enough_nights() {
    // Too early: started 20 nights before the range's end.
    let (_dir, j) = file_journal();
    add_treatment(
        &j,
        "ropinirole",
        TreatmentCategory::DopamineAgonist,
        "2026-03-01",
        None,
    );
    add_treatment(
        &j,
        "pregabalin",
        TreatmentCategory::Alpha2DeltaLigand,
        "2026-01-01",
        None,
    );
    let s = summarize(&j, range("2026-03-07", "2026-03-20"));
    assert_eq!(s.augmentation.watches.len(), 1);
    assert_eq!(s.augmentation.status, AugmentationStatus::TooEarly);
    assert!(s.augmentation.watches[0].signs.is_empty());

    // Stopped before the range's end: not watched.
    let (_dir2, j2) = file_journal();
    add_treatment(
        &j2,
        "ropinirole",
        TreatmentCategory::DopamineAgonist,
        "2025-01-01",
        Some("2026-03-10"),
    );
    let s = summarize(&j2, range("2026-03-07", "2026-03-20"));
    assert_eq!(s.augmentation.status, AugmentationStatus::NotApplicable);
    assert!(s.augmentation.watches.is_empty());

    // Active long enough but nothing logged: not enough data.
    let (_dir3, j3) = file_journal();
    add_treatment(
        &j3,
        "ropinirole",
        TreatmentCategory::DopamineAgonist,
        "2025-01-01",
        None,
    );
    let s = summarize(&j3, range("2026-03-07", "2026-03-20"));
    assert_eq!(s.augmentation.status, AugmentationStatus::NotEnoughData);
}

// ---- 12. notes ----

#[test]
fn notes_flag_few_nights_gaps_and_open_episodes() {
    let (_dir, j) = file_journal();
    for i in [0, 1, 2, 6, 7, 12, 13] {
        add_plain_diary(&j, &plus("2026-03-02", i));
    }
    let mut open = episode("2026-03-15T23:00:00+01:00", 0, 6);
    open.ended_at = None;
    add_episode(&j, open);
    let s = summarize(&j, range("2026-03-02", "2026-03-15"));
    let texts: Vec<&str> = s.notes.iter().map(|n| n.text.as_str()).collect();
    assert!(s.notes[0].kind == NoteKind::FewNights, "{texts:?}");
    let gaps: Vec<&Note> = s.notes.iter().filter(|n| n.kind == NoteKind::Gap).collect();
    assert_eq!(gaps.len(), 2, "{texts:?}");
    assert!(gaps[0].text.contains("4 nights"), "{texts:?}"); // 9–12 March, longest first
    assert!(gaps[1].text.contains("3 nights"), "{texts:?}"); // 5–7 March
    assert!(s.notes.iter().any(|n| n.kind == NoteKind::OpenEpisode));
    // The open episode still counts as a symptom night; its duration does not.
    assert_eq!(s.coverage.symptom_nights, 1);
    assert_eq!(s.timing.median_duration_minutes, None);
    assert!(s
        .notes
        .iter()
        .any(|n| n.kind == NoteKind::NotEnoughData && n.section == "timing"));
}

#[test]
fn an_open_episode_in_progress_is_worded_as_such() {
    let (_dir, j) = file_journal();
    let mut open = episode("2026-03-15T23:00:00+01:00", 0, 6);
    open.ended_at = None;
    add_episode(&j, open);
    let s = j
        .summary_at(
            Some(range("2026-03-15", "2026-03-15")),
            at("2026-03-16T00:30:00+01:00"),
        )
        .expect("summary");
    let note = s
        .notes
        .iter()
        .find(|n| n.kind == NoteKind::OpenEpisode)
        .expect("note");
    assert!(note.text.contains("in progress"), "{}", note.text);
}

#[test]
fn deleted_entries_do_not_count() {
    let (_dir, j) = file_journal();
    let id = add_episode(&j, episode("2026-03-02T23:00:00+01:00", 30, 9));
    add_relief(
        &j,
        &id,
        ReliefMethod::Walking,
        3,
        None,
        "2026-03-02T23:10:00+01:00",
    );
    add_plain_diary(&j, "2026-03-03");
    j.delete_entry(id).expect("delete");
    let s = summarize(&j, range("2026-03-02", "2026-03-03"));
    assert_eq!(s.coverage.nights_logged, 1);
    assert_eq!(s.coverage.episodes, 0);
    assert_eq!(s.relief.attempts, 0);
}

// ---- properties over random journals ----

mod properties {
    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use super::*;

    /// One episode of a random night: minutes after the night's noon, duration (None: open),
    /// peak, side, body-area mask, woke, latency, relief attempts (method, helped, minutes).
    type EpisodePlan = (
        u32,
        Option<u32>,
        i32,
        Option<usize>,
        u8,
        bool,
        Option<i32>,
        Vec<(usize, i32, Option<i32>)>,
    );

    /// One random night: UTC offset (+1 or +2 h), episodes, exposure mask, diary (SOL, WASO).
    type NightPlan = (bool, Vec<EpisodePlan>, u8, Option<(i32, i32)>);

    fn episode_plan() -> impl Strategy<Value = EpisodePlan> {
        (
            0u32..1440,
            prop::option::of(0u32..240),
            1i32..=10,
            prop::option::of(0usize..4),
            any::<u8>(),
            any::<bool>(),
            prop::option::of(0i32..90),
            prop::collection::vec((0usize..10, 0i32..=3, prop::option::of(0i32..60)), 0..3),
        )
    }

    fn night_plan() -> impl Strategy<Value = NightPlan> {
        (
            any::<bool>(),
            prop::collection::vec(episode_plan(), 0..3),
            0u8..8,
            prop::option::weighted(0.5, (0i32..60, 0i32..60)),
        )
    }

    const FIRST: &str = "2026-05-04";

    fn fill(journal: &Journal, plan: &[NightPlan]) {
        for (i, (dst, episodes, exposures, diary_plan)) in plan.iter().enumerate() {
            let night = plus(FIRST, i as i64);
            let offset = if *dst { 120 } else { 60 };
            let noon = at(&format!("{night}T12:00:00+00:00")).millis() - offset * 60_000;
            let moment = |minutes: i64| Moment::from_millis(noon + minutes * 60_000, offset as i32);
            for (start, duration, peak, side, areas, woke, latency, relief) in episodes {
                let started = moment(i64::from(*start));
                let data = EpisodeData {
                    started_at: started,
                    ended_at: duration.map(|d| moment(i64::from(*start + d))),
                    peak_intensity: *peak,
                    latency_minutes: *latency,
                    setting: None,
                    side: side.and_then(|s| Side::ALL.get(s).copied()),
                    body_areas: BodyArea::ALL
                        .iter()
                        .enumerate()
                        .filter(|(b, _)| areas & (1 << b) != 0)
                        .map(|(_, a)| *a)
                        .collect(),
                    sensations: Vec::new(),
                    woke_from_sleep: *woke,
                    note: None,
                };
                let id = add_episode(journal, data);
                for (method, helped, minutes) in relief {
                    journal
                        .add_relief_attempt(
                            id.clone(),
                            ReliefData {
                                method: ReliefMethod::PLAIN[*method].clone(),
                                helped: *helped,
                                minutes_to_relief: *minutes,
                                at: moment(i64::from(*start) + 5),
                            },
                        )
                        .expect("relief");
                }
            }
            let kinds = [
                ExposureKind::Caffeine,
                ExposureKind::Alcohol,
                ExposureKind::Exercise,
            ];
            for (b, kind) in kinds.iter().enumerate() {
                if exposures & (1 << b) != 0 {
                    journal
                        .add_exposure(ExposureData {
                            at: moment(6 * 60 + b as i64),
                            kind: kind.clone(),
                            amount: None,
                            unit: None,
                            note: None,
                        })
                        .expect("exposure");
                }
            }
            if let Some((sol, waso)) = diary_plan {
                let zone = if *dst { "+02:00" } else { "+01:00" };
                journal
                    .add_sleep_diary(diary(
                        &night, "22:30", "22:45", *sol, *waso, "06:45", "07:00", zone,
                    ))
                    .expect("diary");
            }
        }
    }

    /// Checks that the categories and histograms of one summary add up.
    fn check_counts(s: &Summary) {
        let episodes = s.coverage.episodes;
        let c = &s.coverage;
        assert_eq!(c.symptom_nights + c.symptom_free_nights, c.nights_logged);
        assert_eq!(c.nights_logged + c.nights_not_logged, c.nights_in_range);
        assert_eq!(s.severity.nights.len() as u32, c.nights_in_range);
        assert_eq!(
            s.severity
                .nights
                .iter()
                .filter(|n| n.peak.is_some())
                .count() as u32,
            c.nights_logged
        );
        assert_eq!(
            s.severity.nights.iter().map(|n| n.episodes).sum::<u32>(),
            episodes
        );
        let t = &s.timing;
        assert_eq!(t.episodes, episodes);
        assert_eq!(t.onset_histogram.len(), 24);
        assert_eq!(
            t.onset_histogram.iter().map(|b| b.count).sum::<u32>(),
            episodes
        );
        assert_eq!(t.ended_episodes + t.open_episodes, episodes);
        assert!(t.woke_from_sleep <= episodes);
        let weeks = &s.severity.weeks;
        assert_eq!(
            weeks.iter().map(|w| w.nights).sum::<u32>(),
            c.nights_in_range
        );
        assert_eq!(
            weeks.iter().map(|w| w.nights_logged).sum::<u32>(),
            c.nights_logged
        );
        assert_eq!(
            weeks.iter().map(|w| w.symptom_nights).sum::<u32>(),
            c.symptom_nights
        );
        assert_eq!(
            weeks.iter().map(|w| w.peak_sum).sum::<u32>(),
            s.severity.overall.peak_sum
        );
        let w = &s.where_and_how;
        for b in [&w.sides, &w.body_areas, &w.sensations, &w.settings] {
            assert_eq!(b.recorded + b.not_recorded, episodes);
            assert!(b.items.iter().all(|i| i.count <= b.recorded));
        }
        assert_eq!(
            w.sides.items.iter().map(|i| i.count).sum::<u32>(),
            w.sides.recorded
        );
        assert!(w.body_areas.items.iter().map(|i| i.count).sum::<u32>() >= w.body_areas.recorded);
        for a in &s.triggers.associations {
            assert_eq!(a.nights_with + a.nights_without, c.nights_logged);
            assert!(a.symptom_nights_with + a.symptom_nights_without <= c.symptom_nights);
            // The 2×2 table adds up, p is a probability, and "associated" follows the rule.
            assert_eq!(
                a.symptom_nights_with + a.symptom_free_nights_with,
                a.nights_with
            );
            assert_eq!(
                a.symptom_nights_without + a.symptom_free_nights_without,
                a.nights_without
            );
            assert!((0.0..=1.0).contains(&a.fisher_p), "{}", a.fisher_p);
            let large = a.symptom_percent_difference.abs() >= triggers::MIN_PERCENT_DIFFERENCE
                || a.mean_peak_difference.abs() >= triggers::MIN_PEAK_DIFFERENCE;
            assert_eq!(
                a.verdict != TriggerVerdict::NoClearDifference,
                large
                    && a.fisher_p < triggers::SIGNIFICANCE_LEVEL
                    && (a.symptom_percent_difference != 0.0 || a.mean_peak_difference != 0.0)
            );
        }
        assert_eq!(
            s.triggers.exposures_compared as usize,
            s.triggers.associations.len()
        );
        for a in &s.triggers.not_enough_data {
            assert_eq!(a.nights_with + a.nights_without, c.nights_logged);
        }
        let r = &s.relief;
        assert_eq!(
            r.methods.iter().map(|m| m.times_used).sum::<u32>(),
            r.attempts
        );
        assert_eq!(r.tiers.iter().map(|t| t.attempts).sum::<u32>(), r.attempts);
        let z = &s.sleep;
        assert!(z.nights_below_85_percent <= z.efficiency_nights);
        assert!(z.efficiency_nights <= z.diaries);
        for f in floats(s) {
            assert!(f.is_finite(), "a non-finite number in the summary: {f}");
        }
    }

    /// Counts and sums that must add up over adjacent ranges.
    fn additive(s: &Summary) -> BTreeMap<String, f64> {
        let mut m = BTreeMap::new();
        let mut put = |k: String, v: f64| *m.entry(k).or_insert(0.0) += v;
        let c = &s.coverage;
        put("nights".into(), f64::from(c.nights_in_range));
        put("logged".into(), f64::from(c.nights_logged));
        put("symptom".into(), f64::from(c.symptom_nights));
        put("episodes".into(), f64::from(c.episodes));
        put("peak_sum".into(), f64::from(s.severity.overall.peak_sum));
        put("woke".into(), f64::from(s.timing.woke_from_sleep));
        put("ended".into(), f64::from(s.timing.ended_episodes));
        put("latency_n".into(), f64::from(s.timing.latency_episodes));
        for b in &s.timing.onset_histogram {
            put(format!("hour {}", b.hour), f64::from(b.count));
        }
        let w = &s.where_and_how;
        for (name, b) in [("side", &w.sides), ("area", &w.body_areas)] {
            put(format!("{name} recorded"), f64::from(b.recorded));
            for i in &b.items {
                put(format!("{name} {}", i.key), f64::from(i.count));
            }
        }
        put("arms".into(), f64::from(w.arms_episodes));
        put("relief".into(), f64::from(s.relief.attempts));
        for r in &s.relief.methods {
            put(format!("relief {}", r.key), f64::from(r.times_used));
            put(
                format!("relief help {}", r.key),
                r.mean_help * f64::from(r.times_used),
            );
        }
        for t in &s.relief.tiers {
            put(format!("tier {:?}", t.tier), f64::from(t.attempts));
        }
        let z = &s.sleep;
        put("diaries".into(), f64::from(z.diaries));
        put("below 85".into(), f64::from(z.nights_below_85_percent));
        let n = f64::from(z.diaries);
        put("tib".into(), z.mean_time_in_bed_minutes.unwrap_or(0.0) * n);
        put("tst".into(), z.mean_total_sleep_minutes.unwrap_or(0.0) * n);
        put("sol".into(), z.mean_sleep_onset_minutes.unwrap_or(0.0) * n);
        put(
            "waso".into(),
            z.mean_wake_after_sleep_onset_minutes.unwrap_or(0.0) * n,
        );
        let e = f64::from(z.efficiency_nights);
        put(
            "se".into(),
            z.mean_sleep_efficiency_percent.unwrap_or(0.0) * e,
        );
        m
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        #[test]
        fn counts_add_up_values_are_finite_and_adjacent_ranges_sum_to_their_union(
            plan in prop::collection::vec(night_plan(), 2..18),
            split in 1usize..17,
        ) {
            let (_dir, journal) = file_journal();
            fill(&journal, &plan);
            let n = plan.len() as i64;
            let split = (split as i64).min(n - 1);
            let union = range(FIRST, &plus(FIRST, n - 1));
            let a = range(FIRST, &plus(FIRST, split - 1));
            let b = range(&plus(FIRST, split), &plus(FIRST, n - 1));
            let (su, sa, sb) = (summarize(&journal, union), summarize(&journal, a), summarize(&journal, b));
            for s in [&su, &sa, &sb] {
                check_counts(s);
            }
            let mut parts = additive(&sa);
            for (k, v) in additive(&sb) {
                *parts.entry(k).or_insert(0.0) += v;
            }
            let whole = additive(&su);
            prop_assert_eq!(parts.keys().collect::<Vec<_>>(), whole.keys().collect::<Vec<_>>());
            for (k, v) in &whole {
                let p = parts.get(k).copied().unwrap_or(f64::NAN);
                prop_assert!((p - v).abs() < 1e-6, "{}: parts {} vs union {}", k, p, v);
            }
        }
    }
}
