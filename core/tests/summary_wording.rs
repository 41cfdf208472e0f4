//! Issue 14 items 4 and 6: wording that does not overclaim (frequency against chronic-persistent
//! RLS, the IRLS change, the severity trend and the key figures' colours, treatment windows)
//! and the sleep specialist's measures, on real SQLite files against hand-computed values.

#[path = "support/summary_fixtures.rs"]
mod fixtures;

use fixtures::*;
use rlsjournal_core::summary::*;
use rlsjournal_core::summary::{details, treatments};
use rlsjournal_core::*;

/// A plain diary on each of `observed` nights from `first`, and an episode (peak `peak`) at
/// 22:00 on each of the first `symptoms` of them.
fn observe(j: &Journal, first: &str, observed: i64, symptoms: i64, peak: i32) {
    for i in 0..observed {
        add_plain_diary(j, &plus(first, i));
    }
    for i in 0..symptoms {
        let night = plus(first, i);
        add_episode(j, episode(&format!("{night}T22:00:00+01:00"), 30, peak));
    }
}

/// Frequency is context (a key figure), never a point to discuss (issue 21).
fn assert_frequency_not_a_point(s: &Summary) {
    assert!(
        s.discuss.iter().all(|p| p.title != "Frequency"),
        "{:?}",
        s.discuss
    );
}

// ---- 1. frequency: "≥ 2 nights a week in this period"; chronic-persistent only with 28
// observed nights at ≥ 70 % coverage ----

#[test]
fn frequency_matches_chronic_persistent_only_with_28_observed_nights_at_70_percent() {
    let (_d, j) = file_journal();
    // 28 nights, all observed (100 %), 8 with symptoms: 8 ÷ 28 × 7 = 2.0 a week.
    observe(&j, "2026-03-01", 28, 8, 5);
    let s = summarize(&j, range("2026-03-01", "2026-03-28"));
    close_some(s.coverage.symptom_nights_per_week, 2.0);
    assert!(s.coverage.matches_chronic_persistent_frequency());
    assert!(
        s.coverage.text.contains(
            "symptoms on ≥ 2 nights a week in this period, which matches the frequency of \
             chronic-persistent RLS (IRLSSG 2014, which refers to untreated symptoms averaged \
             over the past year)."
        ),
        "{}",
        s.coverage.text
    );
    assert_frequency_not_a_point(&s);

    // The last 27 of those nights: 27 observed (100 %) but fewer than 28. Symptom nights are
    // the first 8, so 7 of them fall in: 7 ÷ 27 × 7 = 1.81 < 2 (no claim either way).
    let s = summarize(&j, range("2026-03-02", "2026-03-28"));
    assert!(!s.coverage.matches_chronic_persistent_frequency());
    assert!(
        s.coverage
            .text
            .contains("fewer than 2 nights a week in this period"),
        "{}",
        s.coverage.text
    );
    assert_frequency_not_a_point(&s);
}

#[test]
fn frequency_reaching_two_a_week_with_too_few_observed_nights_makes_no_claim() {
    let (_d, j) = file_journal();
    // 14 nights observed, 6 with symptoms: 6 ÷ 14 × 7 = 3.0 a week, but only 14 < 28.
    observe(&j, "2026-03-01", 14, 6, 5);
    let s = summarize(&j, range("2026-03-01", "2026-03-14"));
    assert_eq!(s.coverage.two_or_more_per_week, Some(true));
    assert!(!s.coverage.matches_chronic_persistent_frequency());
    assert!(
        s.coverage.text.contains(
            "symptoms on ≥ 2 nights a week in this period (comparing with chronic-persistent \
             RLS needs 28 observed nights with ≥ 70 % coverage)."
        ),
        "{}",
        s.coverage.text
    );
    assert!(!s.coverage.text.contains("matches"), "{}", s.coverage.text);
    assert_frequency_not_a_point(&s);
}

#[test]
fn coverage_of_exactly_70_percent_is_enough_and_just_under_is_not() {
    let (_d, j) = file_journal();
    // 28 observed nights from 1 March, 10 with symptoms: 10 ÷ 28 × 7 = 2.5 a week.
    observe(&j, "2026-03-01", 28, 10, 5);
    // 40 nights (1 Mar – 9 Apr): 28 ÷ 40 = 70 % exactly → the comparison may be made.
    let s = summarize(&j, range("2026-03-01", "2026-04-09"));
    assert_eq!(
        (s.coverage.nights_logged, s.coverage.nights_in_range),
        (28, 40)
    );
    assert!(s.coverage.matches_chronic_persistent_frequency());
    assert_frequency_not_a_point(&s);
    // 41 nights: 28 ÷ 41 = 68.3 % < 70 % → no comparison.
    let s = summarize(&j, range("2026-03-01", "2026-04-10"));
    assert!(!s.coverage.matches_chronic_persistent_frequency());
    assert_frequency_not_a_point(&s);
    assert!(coverage::enough_for_chronic_comparison(28, 40));
    assert!(!coverage::enough_for_chronic_comparison(28, 41));
    assert!(!coverage::enough_for_chronic_comparison(27, 27));
}

#[test]
fn the_frequency_definition_says_what_irlssg_2014_means() {
    let (_d, j) = file_journal();
    let s = summarize(&j, range("2026-03-01", "2026-03-14"));
    let d = s
        .definitions
        .iter()
        .find(|d| d.term == "Frequency per week")
        .expect("definition");
    assert!(
        d.text.contains("28 observed nights with ≥ 70 % coverage"),
        "{}",
        d.text
    );
    assert!(
        d.text
            .contains("untreated symptoms averaged over the past year"),
        "{}",
        d.text
    );
}

// ---- 2. IRLS change: since the previous rating and since the first in the range; the 5
// points are "a threshold studies have used", never "clinically relevant" ----

#[test]
fn irls_change_since_previous_and_since_first_in_range() {
    let (_d, j) = file_journal();
    add_rating(&j, "2026-02-20", 25); // before the range
    add_rating(&j, "2026-03-02", 20); // first in the range
    add_rating(&j, "2026-03-09", 17); // previous
    add_rating(&j, "2026-03-14", 22); // latest
    let s = summarize(&j, range("2026-03-02", "2026-03-15"));
    let r = &s.rating;
    // Latest 22 − previous 17 = +5: reaches the 5 points studies have used.
    assert_eq!(r.change, Some(5));
    assert!(r.relevant_change);
    assert_eq!(
        r.change_text.as_deref(),
        Some("up 5 points since Mon 9 Mar 2026: 5 points or more, a threshold studies have used")
    );
    // Latest 22 − first in range 20 = +2.
    assert_eq!(r.first_in_range.as_ref().map(|f| f.total), Some(20));
    assert_eq!(r.change_since_first, Some(2));
    assert_eq!(
        r.text,
        "IRLS 22 (severe) on Sat 14 Mar 2026; up 5 points since Mon 9 Mar 2026: 5 points or \
         more, a threshold studies have used; up 2 points since the first rating in this range \
         (Mon 2 Mar 2026)."
    );
    assert!(!r.text.contains("clinically relevant"), "{}", r.text);
    // The key figure and the point to discuss follow the same words.
    let irls = s
        .key_figures
        .iter()
        .find(|f| f.kind == KeyFigureKind::LatestIrls)
        .and_then(|f| f.change.as_ref())
        .expect("IRLS change");
    assert_eq!(irls.text, "+5 since 9 Mar: ≥ 5 points");
    let d = s
        .definitions
        .iter()
        .find(|d| d.term == "IRLS bands")
        .expect("definition");
    assert!(
        d.text.contains("range from about 3 to 9 points"),
        "{}",
        d.text
    );
    assert!(
        d.text.contains("a threshold studies have used"),
        "{}",
        d.text
    );
    assert!(!d.text.contains("clinically relevant"), "{}", d.text);

    // A −4 change (21 → 17) is under the threshold; with only two ratings in the range the
    // first of them is the previous one, so there is no separate "since the first".
    let (_d2, j2) = file_journal();
    add_rating(&j2, "2026-03-02", 21);
    add_rating(&j2, "2026-03-09", 17);
    let s = summarize(&j2, range("2026-03-02", "2026-03-15"));
    assert_eq!(s.rating.change, Some(-4));
    assert!(!s.rating.relevant_change);
    assert_eq!(s.rating.change_since_first, None);
    assert_eq!(
        s.rating.text,
        "IRLS 17 (moderate) on Mon 9 Mar 2026; down 4 points since Mon 2 Mar 2026: less than \
         the 5 points studies have used."
    );
}

// ---- 3. severity trend: 5 observed nights in each half and 1 point or 30 % ----

fn trend_of(first_half: (i64, i64, i32), second_half: (i64, i64, i32)) -> HalfTrend {
    let (_d, j) = file_journal();
    observe(&j, "2026-03-01", first_half.0, first_half.1, first_half.2);
    observe(
        &j,
        "2026-03-08",
        second_half.0,
        second_half.1,
        second_half.2,
    );
    summarize(&j, range("2026-03-01", "2026-03-14"))
        .severity
        .trend
}

#[test]
fn severity_trend_needs_5_nights_a_half_and_1_point_or_30_percent() {
    // 7 observed nights a half. Peak 4 on 5 nights: 20 ÷ 7 = 2.857; peak 5 on 5: 25 ÷ 7 =
    // 3.571. +0.714 is 25 % of 2.857 and under a point: about the same.
    let t = trend_of((7, 5, 4), (7, 5, 5));
    close_some(t.mean_peak_change, 5.0 / 7.0);
    assert_eq!(t.direction, Trend::Similar);
    assert_eq!(
        t.text,
        "about the same in the second half (2.9 → 3.6, 7 and 7 observed nights)."
    );
    // Peak 6 on 5: 30 ÷ 7 = 4.286, +1.43 ≥ 1 point: higher.
    let t = trend_of((7, 5, 4), (7, 5, 6));
    assert_eq!(t.direction, Trend::Higher);
    // The other way round: lower.
    let t = trend_of((7, 5, 6), (7, 5, 4));
    assert_eq!(t.direction, Trend::Lower);
    // Peak 2 on 5 (10 ÷ 7 = 1.43) → peak 2 on 7 (2.0): +0.57 is 40 % of 1.43: higher.
    let t = trend_of((7, 5, 2), (7, 7, 2));
    assert_eq!(t.direction, Trend::Higher);
    // Peak 2 on 5 → peak 3 on 4 (12 ÷ 7 = 1.71): +0.29 is 20 %: about the same.
    let t = trend_of((7, 5, 2), (7, 4, 3));
    assert_eq!(t.direction, Trend::Similar);
    // 4 observed nights in the first half: no trend, however large the change.
    let t = trend_of((4, 0, 1), (7, 7, 9));
    assert_eq!(t.direction, Trend::Unknown);
    assert_eq!(t.mean_peak_change, None);
    assert_eq!(
        t.text,
        "not enough data for a trend (needs 5 observed nights in each half; 4 and 7)."
    );
    // Exactly 5 a half is enough: 0 → peak 9 on 5 of 5.
    let t = trend_of((5, 0, 1), (5, 5, 9));
    assert_eq!(t.direction, Trend::Higher);
}

// ---- 7. what a sleep specialist also wants: nights woken by RLS, total sleep on symptom
// nights against symptom-free nights ----

#[test]
fn nights_woken_by_rls_and_total_sleep_with_and_without_symptoms() {
    let (_d, j) = file_journal();
    let woke = |start: &str| {
        let mut e = episode(start, 30, 6);
        e.woke_from_sleep = true;
        e
    };
    // The 2nd: diary (23:00–07:00, SOL 10, WASO 20: TST 480 − 30 = 450) and an episode that woke.
    add_plain_diary(&j, "2026-03-02");
    add_episode(&j, woke("2026-03-03T02:00:00+01:00"));
    // The 3rd: diary (450) and an episode that did not wake.
    add_plain_diary(&j, "2026-03-03");
    add_episode(&j, episode("2026-03-03T22:00:00+01:00", 30, 4));
    // The 4th: diary without symptoms, SOL 30, WASO 60: TST 480 − 90 = 390.
    j.add_sleep_diary(diary(
        "2026-03-04",
        "23:00",
        "23:00",
        30,
        60,
        "07:00",
        "07:00",
        "+01:00",
    ))
    .expect("diary");
    // The 5th: an episode that woke, no diary. The 6th: nothing. The 7th: diary (450), no
    // symptoms. Observed: 2, 3, 4, 5, 7 = 5 nights; woken: 2 and 5.
    add_episode(&j, woke("2026-03-06T01:00:00+01:00"));
    add_plain_diary(&j, "2026-03-07");
    let s = summarize(&j, range("2026-03-02", "2026-03-08"));
    let z = &s.sleep;
    assert_eq!((z.nights_woken_by_rls, z.observed_nights), (2, 5));
    assert_eq!(
        z.nights_woken_text.as_deref(),
        Some("2 of 5 observed nights (40 %)")
    );
    // Symptom nights with a diary: 2nd and 3rd, (450 + 450) / 2 = 450 = 7 h 30 min.
    assert_eq!(z.symptom_night_diaries, 2);
    close_some(z.mean_total_sleep_symptom_nights_minutes, 450.0);
    // Symptom-free diary nights: 4th and 7th, (390 + 450) / 2 = 420 = 7 h.
    assert_eq!(z.symptom_free_night_diaries, 2);
    close_some(z.mean_total_sleep_symptom_free_minutes, 420.0);
    assert_eq!(
        z.symptom_night_sleep_text.as_deref(),
        Some("total sleep 7 h 30 min on 2 nights with symptoms, 7 h on 2 nights without")
    );
    assert!(
        z.text.ends_with(
            "; total sleep 7 h 30 min on 2 nights with symptoms, 7 h on 2 nights without. \
             Woken by RLS on 2 of 5 observed nights (40 %)."
        ),
        "{}",
        z.text
    );
    // The terminal's and the report's rows.
    let rows = details::sleep_specialist_rows(z);
    assert_eq!(
        rows,
        vec![
            (
                "Nights woken by RLS".to_string(),
                "2 of 5 observed nights (40 %)".to_string()
            ),
            (
                "Total sleep, symptom nights".to_string(),
                "7 h 30 min (2 nights)".to_string()
            ),
            (
                "Total sleep, symptom-free nights".to_string(),
                "7 h (2 nights)".to_string()
            ),
        ]
    );
    // The text export carries them in the sleep line.
    let text = j
        .summary_text_at(Some(range("2026-03-02", "2026-03-08")), now())
        .expect("text");
    assert!(
        text.contains("Woken by RLS on 2 of 5 observed nights (40 %)."),
        "{text}"
    );
    assert!(text.contains("7 h on 2 nights without"), "{text}");
}

// ---- 4. treatment before/after: a window per category, observed nights, not controlled ----

/// A diary every night from 1 Jan 2026 for `nights` nights, with an episode (peak 5) on the
/// first `symptom_until` of them and on every 7th night after.
fn long_journal(j: &Journal, nights: i64, symptom_until: i64) {
    for i in 0..nights {
        let night = plus("2026-01-01", i);
        add_plain_diary(j, &night);
        if i < symptom_until || i % 7 == 0 {
            add_episode(j, episode(&format!("{night}T23:00:00+01:00"), 30, 5));
        }
    }
}

#[test]
fn oral_iron_is_judged_about_12_weeks_after_the_start() {
    let (_d, j) = file_journal();
    // Nights 1 Jan – 30 Apr (120). Iron from 15 Jan (night 14): before = 1–14 Jan; the after
    // window is nights 70–83 after the start: 26 Mar – 8 Apr.
    long_journal(&j, 120, 14);
    add_treatment(
        &j,
        "ferrous sulfate",
        TreatmentCategory::OralIron,
        "2026-01-15",
        None,
    );
    let s = summarize(&j, range("2026-01-01", "2026-04-30"));
    let c = &s.treatments.comparisons[0];
    assert_eq!(c.settle_nights, 70);
    assert_eq!(c.judged_from, date("2026-03-26"));
    assert_eq!(
        (c.after.first, c.after.last),
        (date("2026-03-26"), date("2026-04-08"))
    );
    assert!(c.comparable);
    // Before: all 14 with symptoms (100 %). After: 26 Mar – 8 Apr are nights 84–97 from
    // 1 Jan; multiples of 7 among them: 84 and 91 → 2 of 14 (14.29 %).
    assert_eq!((c.before.symptom_nights, c.after.symptom_nights), (14, 2));
    close_some(c.symptom_percent_change, 200.0 / 14.0 - 100.0);
    assert!(
        c.text
            .contains("oral iron is judged about 12 weeks after the start"),
        "{}",
        c.text
    );
    assert!(
        c.text.ends_with(treatments::NOT_CONTROLLED_TEXT),
        "{}",
        c.text
    );

    // A range ending 8 weeks after the start: too early to compare.
    let s = summarize(&j, range("2026-01-01", "2026-03-12"));
    let c = &s.treatments.comparisons[0];
    assert!(!c.comparable);
    assert_eq!(c.after.nights, 0);
    assert_eq!(c.symptom_percent_change, None);
    assert_eq!(
        c.text,
        "ferrous sulfate from Thu 15 Jan 2026: too early to compare (oral iron is judged about \
         12 weeks after the start, from Thu 26 Mar 2026)."
    );
}

#[test]
fn iv_iron_titrated_drugs_and_routines_have_their_own_windows() {
    let (_d, j) = file_journal();
    long_journal(&j, 120, 14);
    add_treatment(
        &j,
        "ferric carboxymaltose",
        TreatmentCategory::IvIron,
        "2026-01-15",
        None,
    );
    add_treatment(
        &j,
        "pregabalin",
        TreatmentCategory::Alpha2DeltaLigand,
        "2026-01-15",
        None,
    );
    add_treatment(
        &j,
        "pramipexole",
        TreatmentCategory::DopamineAgonist,
        "2026-01-15",
        None,
    );
    add_treatment(
        &j,
        "stretching",
        TreatmentCategory::Routine,
        "2026-01-15",
        None,
    );
    add_treatment(
        &j,
        "magnesium",
        TreatmentCategory::Magnesium,
        "2026-01-15",
        None,
    );
    let s = summarize(&j, range("2026-01-01", "2026-04-30"));
    let from: Vec<(String, u32, LocalDate)> = s
        .treatments
        .comparisons
        .iter()
        .map(|c| (c.name.clone(), c.settle_nights, c.judged_from))
        .collect();
    assert_eq!(
        from,
        vec![
            // IV iron: weeks 5–6, from night 28 (15 Jan + 28 = 12 Feb).
            ("ferric carboxymaltose".to_string(), 28, date("2026-02-12")),
            // Titration: 14 nights (15 Jan + 14 = 29 Jan).
            ("pregabalin".to_string(), 14, date("2026-01-29")),
            ("pramipexole".to_string(), 14, date("2026-01-29")),
            // Routines and supplements: from the start.
            ("stretching".to_string(), 0, date("2026-01-15")),
            ("magnesium".to_string(), 0, date("2026-01-15")),
        ]
    );
    assert!(s.treatments.comparisons.iter().all(|c| c.comparable));
    let d = s
        .definitions
        .iter()
        .find(|d| d.term == "Treatment before/after")
        .expect("definition");
    for words in [
        "oral iron about 12 weeks",
        "IV iron 4–6 weeks",
        "titration period",
        "AASM 2024",
        "Not a controlled comparison",
    ] {
        assert!(d.text.contains(words), "{words}: {}", d.text);
    }
}

#[test]
fn the_text_export_carries_the_treatment_comparison_and_its_caveat() {
    let (_d, j) = file_journal();
    long_journal(&j, 60, 14);
    add_treatment(
        &j,
        "stretching",
        TreatmentCategory::Routine,
        "2026-01-15",
        None,
    );
    let text = j
        .summary_text_at(Some(range("2026-01-01", "2026-03-01")), now())
        .expect("text");
    // The part's line, then one "  - " line per comparison.
    let heading = format!("{}: ", SummaryPart::Treatments.title_str());
    let mut lines = text.lines().skip_while(|l| !l.starts_with(&heading));
    let line = lines.next().expect("treatments line");
    let comparison = lines.next().expect("a comparison line");
    // Before: 1–14 Jan, all with symptoms; after: 15–28 Jan = nights 14–27, multiples of 7:
    // 14 and 21 → 2 of 14.
    assert!(line.contains("Active in this range: stretching."), "{line}");
    assert!(comparison.starts_with("  - "), "{comparison}");
    assert!(
        comparison.contains("symptoms on 2 of 14 nights"),
        "{comparison}"
    );
    assert!(
        comparison.ends_with(treatments::NOT_CONTROLLED_TEXT),
        "{comparison}"
    );
}
