//! The summary's key figures, their change against the previous range of the same length
//! (each threshold just under, at and over) and the points to discuss, against hand-computed
//! values on real SQLite files.

#[path = "support/summary_fixtures.rs"]
mod fixtures;

use fixtures::*;
use rlsjournal_core::summary::changes::{
    MIN_CHANGE_PERCENT, MIN_CHANGE_POINTS, MIN_NIGHTS_EACH_SIDE, ONSET_SHIFT_MINUTES,
};
use rlsjournal_core::summary::*;
use rlsjournal_core::*;

/// The 14 nights summarised; the previous range is 1–14 March.
const FIRST: &str = "2026-03-15";
const LAST: &str = "2026-03-28";
const PREVIOUS_FIRST: &str = "2026-03-01";

/// Logs nights from `first` on: a plain diary on each of the first `logged` nights, and an
/// episode at 22:00 with the next peak of `peaks` on each of the first `peaks.len()` nights.
fn log(j: &Journal, first: &str, logged: i64, peaks: &[i32]) {
    for i in 0..logged {
        add_plain_diary(j, &plus(first, i));
    }
    for (i, &peak) in peaks.iter().enumerate() {
        let night = plus(first, i as i64);
        add_episode(j, episode(&format!("{night}T22:00:00+01:00"), 30, peak));
    }
}

fn figure(s: &Summary, kind: KeyFigureKind) -> &KeyFigure {
    s.key_figures
        .iter()
        .find(|f| f.kind == kind)
        .expect("every key figure is there")
}

fn change(s: &Summary, kind: KeyFigureKind) -> &FigureChange {
    figure(s, kind).change.as_ref().expect("a change")
}

fn summary_of(j: &Journal) -> Summary {
    summarize(j, range(FIRST, LAST))
}

/// `(direction, verdict, text)` of a figure's change.
fn judged(s: &Summary, kind: KeyFigureKind) -> (ChangeDirection, ChangeVerdict, String) {
    let c = change(s, kind);
    (c.direction, c.verdict, c.text.clone())
}

use ChangeDirection::{Down, Same as Flat, Up};
use ChangeVerdict::{Better, Same, Worse};

// ---- symptom nights per week: judged with 5 observed nights a side and a change of 1 a week
// or 30 % (design §4) ----

#[test]
fn nights_per_week_under_1_and_under_30_percent_is_the_same() {
    let (_d, j) = file_journal();
    // Before: 2 of 7 observed × 7 = 2.0; now 5 of 14 × 7 = 2.5: +0.5, 25 % of 2.0.
    log(&j, PREVIOUS_FIRST, 7, &[5; 2]);
    log(&j, FIRST, 14, &[5; 5]);
    let s = summary_of(&j);
    let f = figure(&s, KeyFigureKind::SymptomNightsPerWeek);
    assert_eq!(f.value_text, "2.5");
    assert_eq!(f.detail, "5 of 14 observed nights");
    let c = change(&s, KeyFigureKind::SymptomNightsPerWeek);
    close(c.before, 2.0);
    close(c.delta, 0.5);
    assert_eq!(
        judged(&s, KeyFigureKind::SymptomNightsPerWeek),
        (Flat, Same, "+0.5 (was 2.0)".to_string())
    );
}

#[test]
fn nights_per_week_one_a_week_more_is_worse_and_fewer_is_better() {
    let (_d, j) = file_journal();
    // Before: 2 of 7 × 7 = 2.0; now 6 of 14 × 7 = 3.0: +1.0.
    log(&j, PREVIOUS_FIRST, 7, &[5; 2]);
    log(&j, FIRST, 14, &[5; 6]);
    let s = summary_of(&j);
    assert_eq!(
        judged(&s, KeyFigureKind::SymptomNightsPerWeek),
        (Up, Worse, "+1.0 (was 2.0)".to_string())
    );

    let (_d, j) = file_journal();
    // Before: 6 of 14 × 7 = 3.0; now 2 of 14 × 7 = 1.0: −2.0, fewer is better.
    log(&j, PREVIOUS_FIRST, 14, &[5; 6]);
    log(&j, FIRST, 14, &[5; 2]);
    let s = summary_of(&j);
    assert_eq!(
        judged(&s, KeyFigureKind::SymptomNightsPerWeek),
        (Down, Better, "−2.0 (was 3.0)".to_string())
    );
}

#[test]
fn nights_per_week_30_percent_of_a_low_rate_is_a_change() {
    let (_d, j) = file_journal();
    // Before: 3 of 14 × 7 = 1.5; now 4 of 14 × 7 = 2.0: +0.5 is under a point but 33 % of 1.5.
    log(&j, PREVIOUS_FIRST, 14, &[5; 3]);
    log(&j, FIRST, 14, &[5; 4]);
    let s = summary_of(&j);
    assert_eq!(
        judged(&s, KeyFigureKind::SymptomNightsPerWeek),
        (Up, Worse, "+0.5 (was 1.5)".to_string())
    );
}

#[test]
fn fewer_than_5_observed_nights_on_a_side_are_never_judged() {
    let (_d, j) = file_journal();
    // Before: 4 of 4 observed × 7 = 7.0; now 0 of 14: −7.0, but only 4 nights before.
    log(&j, PREVIOUS_FIRST, 4, &[5; 4]);
    log(&j, FIRST, 14, &[]);
    let s = summary_of(&j);
    assert_eq!(
        judged(&s, KeyFigureKind::SymptomNightsPerWeek),
        (Flat, Same, "−7.0 (was 7.0)".to_string())
    );
    // The same previous range with a fifth observed night: 4 of 5 × 7 = 5.6 → 0.0 is better.
    let (_d, j) = file_journal();
    log(&j, PREVIOUS_FIRST, 5, &[5; 4]);
    log(&j, FIRST, 14, &[]);
    let s = summary_of(&j);
    assert_eq!(
        judged(&s, KeyFigureKind::SymptomNightsPerWeek),
        (Down, Better, "−5.6 (was 5.6)".to_string())
    );
}

// ---- mean nightly peak over observed nights (symptom-free 0): the same rule (issue 21) ----

#[test]
fn the_severity_figure_is_the_mean_nightly_peak_over_observed_nights() {
    let (_d, j) = file_journal();
    // 10 logged nights, symptoms on 2 (peaks 4 and 6): (4 + 6 + 8 × 0) / 10 = 1.0.
    log(&j, FIRST, 10, &[4, 6]);
    let s = summary_of(&j);
    let f = figure(&s, KeyFigureKind::MeanNightlyPeak);
    assert_eq!(f.value, Some(1.0));
    assert_eq!(f.value, s.severity.mean_peak);
    assert_eq!(f.value_text, "1.0");
    assert_eq!(f.label, "Mean nightly peak (0–10)");
    // Nothing logged before: the figure has no change.
    assert_eq!(f.change, None);
}

#[test]
fn mean_nightly_peak_changes_under_and_over_the_threshold() {
    // 5 observed nights on each side. 1.0 (one 5) → 2.0 (4 and 6): +1 point is worse.
    let (_d, j) = file_journal();
    log(&j, PREVIOUS_FIRST, 5, &[5]);
    log(&j, FIRST, 5, &[4, 6]);
    let s = summary_of(&j);
    assert_eq!(
        judged(&s, KeyFigureKind::MeanNightlyPeak),
        (Up, Worse, "+1.0 (was 1.0)".to_string())
    );

    // 0.8 → 1.0: +0.2, 25 % of 0.8 and under a point: the same, neither coloured nor worded.
    let (_d, j) = file_journal();
    log(&j, PREVIOUS_FIRST, 5, &[4]);
    log(&j, FIRST, 5, &[5]);
    let s = summary_of(&j);
    assert_eq!(
        judged(&s, KeyFigureKind::MeanNightlyPeak),
        (Flat, Same, "+0.2 (was 0.8)".to_string())
    );

    // 1.6 → 2.4: +0.8 is 50 % of 1.6: worse.
    let (_d, j) = file_journal();
    log(&j, PREVIOUS_FIRST, 5, &[4, 4]);
    log(&j, FIRST, 5, &[4, 4, 4]);
    let s = summary_of(&j);
    assert_eq!(
        judged(&s, KeyFigureKind::MeanNightlyPeak),
        (Up, Worse, "+0.8 (was 1.6)".to_string())
    );

    // 2.0 → 1.0: −1 point is better.
    let (_d, j) = file_journal();
    log(&j, PREVIOUS_FIRST, 5, &[5, 5]);
    log(&j, FIRST, 5, &[5]);
    let s = summary_of(&j);
    assert_eq!(
        judged(&s, KeyFigureKind::MeanNightlyPeak),
        (Down, Better, "−1.0 (was 2.0)".to_string())
    );

    // 4.0 → 0.6 with a single observed night before: not judged.
    let (_d, j) = file_journal();
    log(&j, PREVIOUS_FIRST, 1, &[4]);
    log(&j, FIRST, 5, &[3]);
    let s = summary_of(&j);
    assert_eq!(
        judged(&s, KeyFigureKind::MeanNightlyPeak),
        (Flat, Same, "−3.4 (was 4.0)".to_string())
    );
}

// ---- median onset: judged from a shift of an hour, with 5 observed nights a side ----

fn onset_journal(before: &str, now: &str) -> Summary {
    let (_d, j) = file_journal();
    log(&j, PREVIOUS_FIRST, 5, &[]);
    log(&j, FIRST, 5, &[]);
    add_episode(&j, episode(before, 30, 5));
    add_episode(&j, episode(now, 30, 5));
    summary_of(&j)
}

#[test]
fn onset_shifts_under_and_at_an_hour() {
    assert_eq!(ONSET_SHIFT_MINUTES, 60);
    // 22:01 → 23:00: 59 min later, shown but not judged.
    let s = onset_journal("2026-03-01T22:01:00+01:00", "2026-03-15T23:00:00+01:00");
    assert_eq!(figure(&s, KeyFigureKind::MedianOnset).value_text, "23:00");
    assert_eq!(
        judged(&s, KeyFigureKind::MedianOnset),
        (Up, Same, "59 min later (was 22:01)".to_string())
    );
    // 22:00 → 23:00: an hour later is better.
    let s = onset_journal("2026-03-01T22:00:00+01:00", "2026-03-15T23:00:00+01:00");
    assert_eq!(
        judged(&s, KeyFigureKind::MedianOnset),
        (Up, Better, "1 h later (was 22:00)".to_string())
    );
    // 00:00 → 23:00 the evening before: an hour earlier (the short way round) is worse.
    let s = onset_journal("2026-03-02T00:00:00+01:00", "2026-03-15T23:00:00+01:00");
    assert_eq!(
        judged(&s, KeyFigureKind::MedianOnset),
        (Down, Worse, "1 h earlier (was 00:00)".to_string())
    );
    // 00:00 → 23:01: 59 min earlier, not judged.
    let s = onset_journal("2026-03-02T00:00:00+01:00", "2026-03-15T23:01:00+01:00");
    assert_eq!(
        judged(&s, KeyFigureKind::MedianOnset),
        (Down, Same, "59 min earlier (was 00:00)".to_string())
    );
    // An hour later with one observed night on each side: not judged.
    let (_d, j) = file_journal();
    add_episode(&j, episode("2026-03-01T22:00:00+01:00", 30, 5));
    add_episode(&j, episode("2026-03-15T23:00:00+01:00", 30, 5));
    let s = summary_of(&j);
    assert_eq!(
        judged(&s, KeyFigureKind::MedianOnset),
        (Flat, Same, "1 h later (was 22:00)".to_string())
    );
}

// ---- mean sleep efficiency: 1 percentage point (or 30 %), 5 diaries a side ----

/// A diary with 256 min in bed (23:00–03:16) and `tst` minutes asleep: SE = tst / 256 × 100,
/// exact in binary.
fn short_night(j: &Journal, night: &str, tst: i32) {
    j.add_sleep_diary(diary(
        night,
        "23:00",
        "23:00",
        10,
        246 - tst,
        "03:16",
        "03:16",
        "+01:00",
    ))
    .expect("diary");
}

/// `nights` identical diaries on each side: the means are the single nights' values.
fn efficiency_over(nights: i64, before_tst: i32, now_tst: i32) -> Summary {
    let (_d, j) = file_journal();
    for i in 0..nights {
        short_night(&j, &plus(PREVIOUS_FIRST, i), before_tst);
        short_night(&j, &plus(FIRST, i), now_tst);
    }
    summary_of(&j)
}

fn efficiency(before_tst: i32, now_tst: i32) -> Summary {
    efficiency_over(5, before_tst, now_tst)
}

#[test]
fn sleep_efficiency_under_and_over_the_threshold() {
    // 225 → 226 min asleep: 87.890625 → 88.28125 %, +0.390625 < 1 point.
    let s = efficiency(225, 226);
    let f = figure(&s, KeyFigureKind::SleepEfficiency);
    assert_eq!(f.value_text, "88 %");
    assert_eq!(f.detail, "0 of 5 nights < 85 %");
    let c = change(&s, KeyFigureKind::SleepEfficiency);
    assert_eq!(c.before, 87.890625);
    assert_eq!(c.delta, 0.390625);
    assert_eq!(
        judged(&s, KeyFigureKind::SleepEfficiency),
        (Flat, Same, "0 points (was 88 %)".to_string())
    );
    // 224 → 226: 87.5 → 88.28125 %, +0.78125: under a point, the same (it was "better" under
    // the old 0.5 threshold).
    let s = efficiency(224, 226);
    let c = change(&s, KeyFigureKind::SleepEfficiency);
    assert_eq!(c.delta, 0.78125);
    assert_eq!((c.direction, c.verdict), (Flat, Same));
    // 224 → 227: 87.5 → 88.671875 %, +1.171875: higher efficiency is better.
    let s = efficiency(224, 227);
    let c = change(&s, KeyFigureKind::SleepEfficiency);
    assert_eq!(c.delta, 1.171875);
    assert_eq!((c.direction, c.verdict), (Up, Better));
    assert!(c.text.starts_with("+1 points (was "), "{}", c.text);
    // 230 → 227: 89.84375 → 88.671875 %, −1.171875: worse.
    let s = efficiency(230, 227);
    assert_eq!(
        judged(&s, KeyFigureKind::SleepEfficiency),
        (Down, Worse, "−1 points (was 90 %)".to_string())
    );
    // The same −1.17 with 4 diaries a side: not judged.
    let s = efficiency_over(4, 230, 227);
    assert_eq!(
        judged(&s, KeyFigureKind::SleepEfficiency),
        (Flat, Same, "−1 points (was 90 %)".to_string())
    );
}

#[test]
fn the_thresholds_are_design_section_4s() {
    assert_eq!(MIN_NIGHTS_EACH_SIDE, 5);
    assert_eq!(MIN_CHANGE_POINTS, 1.0);
    assert_eq!(MIN_CHANGE_PERCENT, 30.0);
}

// ---- IRLS: against the rating before, judged by the threshold studies have used (5 points) ----

fn ratings(before: i32, now: i32) -> Summary {
    let (_d, j) = file_journal();
    add_rating(&j, "2026-03-01", before);
    add_rating(&j, "2026-03-20", now);
    summary_of(&j)
}

#[test]
fn irls_changes_are_judged_from_five_points() {
    let s = ratings(14, 18);
    let f = figure(&s, KeyFigureKind::LatestIrls);
    assert_eq!(f.value_text, "18");
    assert_eq!(f.detail, "moderate · 20 Mar");
    assert_eq!(
        judged(&s, KeyFigureKind::LatestIrls),
        (Up, Same, "+4 since 1 Mar".to_string())
    );
    assert!(!s.discuss.iter().any(|p| p.topic == DiscussTopic::Irls));

    let s = ratings(14, 19);
    assert_eq!(
        judged(&s, KeyFigureKind::LatestIrls),
        (Up, Worse, "+5 since 1 Mar: ≥ 5 points".to_string())
    );
    let irls = s.discuss.iter().find(|p| p.topic == DiscussTopic::Irls);
    assert_eq!(irls.map(|p| p.level), Some(DiscussLevel::Discuss));

    let s = ratings(19, 14);
    assert_eq!(
        judged(&s, KeyFigureKind::LatestIrls),
        (Down, Better, "−5 since 1 Mar: ≥ 5 points".to_string())
    );
    let irls = s.discuss.iter().find(|p| p.topic == DiscussTopic::Irls);
    assert_eq!(irls.map(|p| p.level), Some(DiscussLevel::Info));
}

// ---- the previous period ----

#[test]
fn the_previous_period_says_what_the_changes_compare_with() {
    let (_d, j) = file_journal();
    log(&j, FIRST, 3, &[5]);
    let s = summary_of(&j);
    assert_eq!(s.previous.range, Some(range(PREVIOUS_FIRST, "2026-03-14")));
    assert_eq!(s.previous.nights_logged, 0);
    assert_eq!(
        s.previous.text,
        "Nothing was logged in the previous 14 nights (Sun 1 Mar – Sat 14 Mar 2026), so there \
         are no changes to show."
    );
    assert!(s.key_figures.iter().all(|f| f.change.is_none()));

    add_plain_diary(&j, "2026-03-10");
    let s = summary_of(&j);
    assert_eq!(s.previous.nights_logged, 1);
    assert_eq!(
        s.previous.text,
        "Changes compare with the previous 14 nights, Sun 1 Mar – Sat 14 Mar 2026; IRLS with the \
         rating before."
    );

    let s = summarize(&j, range("1900-01-01", "1900-01-14"));
    assert_eq!(s.previous.range, None);
    assert_eq!(s.previous.text, "No previous period to compare with.");
}

#[test]
fn key_figures_come_in_the_reports_order() {
    let (_d, j) = file_journal();
    let s = summary_of(&j);
    let kinds: Vec<KeyFigureKind> = s.key_figures.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [
            KeyFigureKind::SymptomNightsPerWeek,
            KeyFigureKind::MeanNightlyPeak,
            KeyFigureKind::MedianOnset,
            KeyFigureKind::SleepEfficiency,
            KeyFigureKind::LatestIrls,
        ]
    );
    assert!(s.key_figures.iter().all(|f| f.value_text == "–"));
}

// ---- points to discuss ----

#[test]
fn points_to_discuss_in_order_with_their_levels_and_counts() {
    let (_d, j) = file_journal();
    // 14 logged nights, symptoms on 4 (2.0 a week): nights 1 (peak 3) and 9–11 (6, 7, 8, the
    // first with the arms): the second half is worse.
    for i in 0..14 {
        add_plain_diary(&j, &plus(FIRST, i));
    }
    for (i, peak) in [(0, 3), (8, 6), (9, 7), (10, 8)] {
        let mut e = episode(&format!("{}T22:00:00+01:00", plus(FIRST, i)), 30, peak);
        if i == 8 {
            e.body_areas = vec![BodyArea::Calves, BodyArea::Arms];
        }
        add_episode(&j, e);
    }
    add_lab(&j, "2026-03-10", Analyte::Ferritin, 30.0, "µg/L");
    add_rating(&j, "2026-03-01", 14);
    add_rating(&j, "2026-03-20", 19);
    let s = summary_of(&j);
    let seen: Vec<(DiscussTopic, DiscussLevel, Option<u32>, Option<u32>)> = s
        .discuss
        .iter()
        .map(|p| (p.topic, p.level, p.count, p.out_of))
        .collect();
    use DiscussLevel::{Discuss, Info};
    assert_eq!(
        seen,
        [
            // Iron, then treatment response (the IRLS change), then the rest; frequency is a
            // key figure, not a point (issue 21).
            (DiscussTopic::Iron, Discuss, None, None),
            (DiscussTopic::Irls, Discuss, None, None),
            (DiscussTopic::Arms, Discuss, Some(1), Some(4)),
            (DiscussTopic::Trend, Info, None, None),
        ]
    );
    assert!(s.discuss[0]
        .text
        .starts_with("Ferritin 30 µg/L (10 Mar 2026) ≤ 75 µg/L: iron therapy (oral or IV) indicated per AASM 2024."), "{}", s.discuss[0].text);
    assert_eq!(
        s.discuss[2].text,
        "Arms involved in 1 of 4 episodes: spread beyond the legs."
    );

    // The text export prints the same figures and points. The lab and the first rating fall
    // in the previous range but observe no night (issue 14), so there is no change to show
    // (it was "+2.0 (was 0.0)" while they counted as symptom-free nights).
    let text = j
        .summary_text_at(Some(range(FIRST, LAST)), now())
        .expect("text");
    assert!(
        text.contains("\nKey figures, observed 14 of 14 nights (100 %):\n- Symptom nights per week: 2.0 (4 of 14 observed nights)\n"),
        "{text}"
    );
    assert!(
        text.contains("Nothing was logged in the previous 14 nights"),
        "{text}"
    );
    assert!(
        text.contains("- Latest IRLS (0–40): 19 (moderate · 20 Mar); +5 since 1 Mar: ≥ 5 points\n"),
        "{text}"
    );
    assert!(text.contains(&format!("{}\n", s.previous.text)), "{text}");
    assert!(!text.contains("Frequency:"), "{text}");
    assert!(
        text.contains("\n- Trend: higher in the second half"),
        "{text}"
    );
}

#[test]
fn frequency_is_context_not_a_point() {
    let (_d, j) = file_journal();
    // 3 of 14 logged nights: 1.5 a week. No labs: iron is a point for information.
    log(&j, FIRST, 14, &[5, 5, 5]);
    let s = summary_of(&j);
    let seen: Vec<(DiscussTopic, DiscussLevel, Option<u32>)> = s
        .discuss
        .iter()
        .map(|p| (p.topic, p.level, p.count))
        .collect();
    assert_eq!(seen, [(DiscussTopic::Iron, DiscussLevel::Info, None)]);
    assert_eq!(
        s.discuss[0].text,
        "No ferritin or TSAT on record: iron studies are recommended for every patient with RLS \
         (AASM 2024)."
    );
    // The frequency stays a key figure, with its counts.
    assert_eq!(
        details::key_figure_line(&s.key_figures[0]),
        "Symptom nights per week: 1.5 (3 of 14 observed nights)"
    );
    let text = j
        .summary_text_at(Some(range(FIRST, LAST)), now())
        .expect("text");
    assert!(!text.contains("To discuss:"), "{text}");
    assert!(!text.contains("Frequency:"), "{text}");
}
