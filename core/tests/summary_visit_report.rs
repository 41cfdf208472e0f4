//! Issue 21, the summary side: the points to discuss in the order a visit acts on them (iron,
//! treatment response, drug safety, the rest) and written to the clinician, frequency as context
//! only, the before/after with the latest weeks and confounders, the IRLS series with the
//! pre-treatment rating marked, onset clusters, and partial Monday weeks: on real SQLite files,
//! and in the report's text as poppler reads it.

#[path = "support/summary_fixtures.rs"]
mod fixtures;
#[path = "common/pdf_tools.rs"]
mod pdf_tools;
#[path = "common/skip.rs"]
mod skip;

use fixtures::*;
use rlsjournal_core::export::pdf::ReportOptions;
use rlsjournal_core::summary::*;
use rlsjournal_core::*;

/// The range: Mon 2 Mar – Wed 22 Apr 2026 (52 nights; the last week, Mon 20 – Wed 22 Apr, has
/// 3 nights).
const FIRST: &str = "2026-03-02";
const LAST: &str = "2026-04-22";
/// Pramipexole starts here: baseline 23 Feb – 8 Mar, first weeks (after 14 nights of
/// titration) 23 Mar – 5 Apr, latest weeks 9 – 22 Apr.
const START: &str = "2026-03-09";

/// A diary every night from 16 Feb to 22 Apr; episodes at 21:00 of peak 6 every night before
/// the start, peak 2 every other night at 23:00 in the first weeks, peak 5 every night at 21:00
/// in the latest weeks. Ferritin 45 µg/L on 5 Mar; IRLS 20 on 1 Mar (before the start) and 14
/// on 1 Apr; sertraline (may worsen RLS) from 20 Mar; magnesium from 12 Apr.
fn visit_journal(j: &Journal) -> String {
    for i in 0..66 {
        let night = plus("2026-02-16", i);
        add_plain_diary(j, &night);
        let d = date(&night);
        let (peak, hour) = if d < date(START) {
            (6, 21)
        } else if d >= date("2026-03-23") && d <= date("2026-04-05") {
            if i % 2 == 0 {
                (2, 23)
            } else {
                (0, 0)
            }
        } else if d >= date("2026-04-09") {
            (5, 21)
        } else {
            (0, 0)
        };
        if peak > 0 {
            add_episode(
                j,
                episode(&format!("{night}T{hour:02}:00:00+01:00"), 30, peak),
            );
        }
    }
    add_lab(j, "2026-03-05", Analyte::Ferritin, 45.0, "µg/L");
    add_rating(j, "2026-03-01", 20);
    add_rating(j, "2026-04-01", 14);
    let id = add_treatment(
        j,
        "pramipexole",
        TreatmentCategory::DopamineAgonist,
        START,
        None,
    );
    add_treatment(
        j,
        "sertraline",
        TreatmentCategory::MayWorsenRls,
        "2026-03-20",
        None,
    );
    add_treatment(
        j,
        "magnesium",
        TreatmentCategory::OtherSupplement,
        "2026-04-12",
        None,
    );
    id
}

fn position(points: &[DiscussPoint], topic: DiscussTopic) -> usize {
    points
        .iter()
        .position(|p| p.topic == topic)
        .unwrap_or_else(|| panic!("no {topic:?} point in {points:#?}"))
}

#[test]
fn points_run_iron_then_treatment_response_then_drug_safety_written_to_the_clinician() {
    let (_d, j) = file_journal();
    visit_journal(&j);
    let s = summarize(&j, range(FIRST, LAST));
    let iron = position(&s.discuss, DiscussTopic::Iron);
    let response = position(&s.discuss, DiscussTopic::TreatmentResponse);
    let safety = position(&s.discuss, DiscussTopic::MayWorsenRls);
    assert!(iron < response && response < safety, "{:#?}", s.discuss);
    assert_eq!(iron, 0);
    // The augmentation watch is drug safety too: after the response, before the rest.
    let watch = position(&s.discuss, DiscussTopic::Augmentation);
    assert!(response < watch, "{:#?}", s.discuss);
    // Frequency is context (a key figure), not a point.
    assert!(s.discuss.iter().all(|p| p.title != "Frequency"));
    assert_eq!(s.key_figures[0].kind, KeyFigureKind::SymptomNightsPerWeek);

    // Written to the clinician: value, date, threshold, what AASM 2024 indicates, the drawing
    // conditions; never "discuss with your clinician".
    let text = &s.discuss[iron].text;
    assert!(
        text.starts_with(
            "Ferritin 45 µg/L (5 Mar 2026) ≤ 75 µg/L: iron therapy (oral or IV) indicated per \
             AASM 2024."
        ),
        "{text}"
    );
    assert!(text.contains("No CRP recorded"), "{text}");
    assert!(
        text.contains("Drawing conditions not recorded (AASM 2024 reads morning samples"),
        "{text}"
    );
    for p in &s.discuss {
        assert!(
            !p.text.contains("your clinician"),
            "{}: {}",
            p.title,
            p.text
        );
    }
    assert_eq!(s.discuss[response].title, "Response to pramipexole");
    let worsening = &s.discuss[safety].text;
    assert!(worsening.contains("sertraline"), "{worsening}");
    assert!(
        worsening.contains("the journal flags, it advises no change of treatment"),
        "{worsening}"
    );
}

#[test]
fn before_after_shows_the_latest_weeks_and_names_a_confounding_treatment() {
    let (_d, j) = file_journal();
    visit_journal(&j);
    let s = summarize(&j, range(FIRST, LAST));
    let c = s
        .treatments
        .comparisons
        .iter()
        .find(|c| c.name == "pramipexole")
        .expect("a comparison");
    // Baseline 23 Feb – 8 Mar: 14 observed, peak 6 each night: mean 6.0.
    assert_eq!(
        (c.before.first, c.before.last),
        (date("2026-02-23"), date("2026-03-08"))
    );
    close_some(c.before.mean_peak, 6.0);
    // First weeks 23 Mar – 5 Apr: 7 of 14 nights with peak 2 (every other night): mean 1.0.
    assert_eq!(c.after.first, date("2026-03-23"));
    assert_eq!(c.after.last, date("2026-04-05"));
    close_some(c.after.mean_peak, 1.0);
    close_some(c.mean_peak_change, -5.0);
    // Latest weeks 9 – 22 Apr: peak 5 each night: mean 5.0, a benefit that faded.
    let latest = c.latest.as_ref().expect("latest weeks");
    assert_eq!(
        (latest.first, latest.last),
        (date("2026-04-09"), date("2026-04-22"))
    );
    assert_eq!((latest.nights_logged, latest.symptom_nights), (14, 14));
    close_some(latest.mean_peak, 5.0);
    assert!(c.latest_comparable);
    close_some(c.latest_mean_peak_change, -1.0);
    // Sertraline and magnesium started within the compared nights.
    assert_eq!(
        c.confounders,
        [
            "sertraline started Fri 20 Mar 2026",
            "magnesium started Sun 12 Apr 2026"
        ]
    );
    assert!(
        c.text
            .contains("Latest weeks, Thu 9 Apr – Wed 22 Apr 2026: symptoms on 14 of 14"),
        "{}",
        c.text
    );
    assert!(
        c.text.contains(
            "Started or stopped within the compared nights (confounders): sertraline started \
             Fri 20 Mar 2026; magnesium started Sun 12 Apr 2026."
        ),
        "{}",
        c.text
    );
    assert!(
        c.text.ends_with(treatments::NOT_CONTROLLED_TEXT),
        "{}",
        c.text
    );
}

#[test]
fn the_latest_weeks_are_left_out_while_the_first_window_is_the_latest() {
    let (_d, j) = file_journal();
    visit_journal(&j);
    // The range ends 8 Apr: first weeks 23 Mar – 5 Apr; the latest 14 nights (26 Mar – 8 Apr)
    // would overlap them.
    let s = summarize(&j, range(FIRST, "2026-04-08"));
    let c = &s.treatments.comparisons[0];
    assert!(c.latest.is_none());
    assert!(!c.text.contains("Latest weeks"), "{}", c.text);
    // Magnesium (12 Apr) is after the compared nights; sertraline is within them.
    assert_eq!(c.confounders, ["sertraline started Fri 20 Mar 2026"]);
}

#[test]
fn weeks_start_on_monday_and_a_partial_last_week_is_marked_not_scaled() {
    let (_d, j) = file_journal();
    visit_journal(&j);
    let s = summarize(&j, range(FIRST, LAST));
    let weeks = &s.severity.weeks;
    assert_eq!(weeks.len(), 8);
    assert!(weeks
        .iter()
        .all(|w| chrono::Datelike::weekday(&w.first) == chrono::Weekday::Mon));
    let last = weeks.last().expect("a last week");
    assert_eq!(
        (last.first, last.last, last.nights),
        (date("2026-04-20"), date("2026-04-22"), 3)
    );
    assert!(last.partial_week);
    // 3 symptom nights of 3 observed: not "7.0 per week".
    assert_eq!((last.symptom_nights, last.nights_logged), (3, 3));
    assert_eq!(last.symptom_nights_per_week, None);
    assert!(
        last.text
            .starts_with("partial week (3 of 7 nights in the range, 3 observed): symptoms on 3"),
        "{}",
        last.text
    );
    let full = &weeks[0];
    assert!(!full.partial_week);
    close_some(full.symptom_nights_per_week, 7.0);
    // A range starting on a Wednesday: its first week is cut to Wed – Sun and marked.
    let s = summarize(&j, range("2026-03-04", "2026-03-15"));
    assert_eq!(
        (s.severity.weeks[0].first, s.severity.weeks[0].last),
        (date("2026-03-04"), date("2026-03-08"))
    );
    assert!(s.severity.weeks[0].partial_week);
    assert!(!s.severity.weeks[1].partial_week);
    assert!(s
        .definitions
        .iter()
        .any(|d| d.term == "Week" && d.text.contains("Monday to Sunday (ISO 8601")));
}

#[test]
fn one_severity_measure_and_the_irls_series_with_the_pre_treatment_rating_marked() {
    let (_d, j) = file_journal();
    visit_journal(&j);
    let s = summarize(&j, range(FIRST, LAST));
    let f = &s.key_figures[1];
    assert_eq!(f.kind, KeyFigureKind::MeanNightlyPeak);
    assert_eq!(f.value, s.severity.mean_peak);
    assert!(f.detail.ends_with("52 nights observed"), "{}", f.detail);
    // The series: 1 Mar (before the range, before the start) marked, then 1 Apr.
    let series: Vec<(LocalDate, i32, bool)> = s
        .rating
        .series
        .iter()
        .map(|p| (p.rated_on, p.total, p.before_treatment.is_some()))
        .collect();
    assert_eq!(
        series,
        [
            (date("2026-03-01"), 20, true),
            (date("2026-04-01"), 14, false)
        ]
    );
    assert_eq!(
        s.rating.series_text.as_deref(),
        Some("IRLS 20 (1 Mar 2026, before pramipexole (started Mon 9 Mar 2026)), 14 (1 Apr 2026)")
    );
    let text = j
        .summary_text_at(Some(range(FIRST, LAST)), now())
        .expect("text");
    assert!(
        text.contains("  - Series: IRLS 20 (1 Mar 2026, before pramipexole"),
        "{text}"
    );
}

/// Onsets at `times` (hour, minute), one a night from 2 Mar, each night with a diary.
fn onsets(j: &Journal, times: &[(u32, u32)]) {
    for (i, (h, m)) in times.iter().enumerate() {
        let night = plus(FIRST, i as i64);
        add_plain_diary(j, &night);
        // After midnight the episode belongs to the night before: date it the next day.
        let day = if *h < 12 { plus(&night, 1) } else { night };
        add_episode(j, episode(&format!("{day}T{h:02}:{m:02}:00+01:00"), 20, 5));
    }
}

#[test]
fn bimodal_onsets_give_the_clusters_instead_of_one_median() {
    let (_d, j) = file_journal();
    // 5 onsets 19:00–20:59 and 5 onsets 03:00–04:59: 6 empty hours between.
    onsets(
        &j,
        &[
            (19, 10),
            (3, 20),
            (19, 40),
            (3, 50),
            (20, 5),
            (4, 15),
            (20, 30),
            (4, 40),
            (19, 55),
            (3, 5),
        ],
    );
    let s = summarize(&j, range(FIRST, "2026-03-11"));
    let t = &s.timing;
    assert!(t.bimodal_onsets);
    let clusters: Vec<&str> = t.onset_clusters.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        clusters,
        [
            "19:00–21:00 (5 of 10 onsets, 50 %)",
            "03:00–05:00 (5 of 10 onsets, 50 %)"
        ]
    );
    assert_eq!(t.earliest_onset_text.as_deref(), Some("19:10"));
    assert_eq!(t.latest_onset_text.as_deref(), Some("04:40"));
    assert!(
        t.text.starts_with(
            "Onsets fall into two clusters, 19:00–21:00 (5 of 10 onsets, 50 %) and 03:00–05:00 \
             (5 of 10 onsets, 50 %), so no single median onset is given; earliest 19:10, range \
             19:10–04:40"
        ),
        "{}",
        t.text
    );
    assert!(!t.text.contains("usually"), "{}", t.text);
    let f = &s.key_figures[2];
    assert_eq!(f.kind, KeyFigureKind::MedianOnset);
    assert_eq!(f.value, None);
    assert_eq!(f.value_text, "two clusters");
    assert!(f.change.is_none());
}

#[test]
fn unimodal_onsets_keep_the_median_with_the_earliest_and_the_range() {
    let (_d, j) = file_journal();
    // 10 onsets between 21:30 and 00:40: one cluster (no 3 empty hours inside).
    onsets(
        &j,
        &[
            (21, 30),
            (22, 0),
            (22, 15),
            (22, 30),
            (22, 45),
            (23, 0),
            (23, 15),
            (23, 30),
            (0, 10),
            (0, 40),
        ],
    );
    let s = summarize(&j, range(FIRST, "2026-03-11"));
    let t = &s.timing;
    assert!(!t.bimodal_onsets);
    assert_eq!(t.onset_clusters.len(), 1);
    assert_eq!(t.earliest_onset_text.as_deref(), Some("21:30"));
    assert_eq!(t.latest_onset_text.as_deref(), Some("00:40"));
    assert!(
        t.text.starts_with("Symptoms usually start around"),
        "{}",
        t.text
    );
    assert!(
        t.text.contains("earliest 21:30, range 21:30–00:40"),
        "{}",
        t.text
    );
    let f = &s.key_figures[2];
    assert!(f.value.is_some());
    assert!(f.detail.ends_with("earliest 21:30"), "{}", f.detail);
}

#[test]
fn the_report_lists_iron_before_the_treatment_before_the_safety_point() {
    if !skip::tools_present(
        "the_report_lists_iron_before_the_treatment_before_the_safety_point",
        &["pdftotext"],
    ) {
        return;
    }
    let (dir, j) = file_journal();
    visit_journal(&j);
    let pdf = j
        .report_pdf_at(
            ReportOptions {
                range: Some(range(FIRST, LAST)),
                paper_size: Some(PaperSize::A4),
                ..ReportOptions::default()
            },
            now(),
        )
        .expect("report");
    let text = pdf_tools::pdf_text(&pdf_tools::write_pdf(dir.path(), "visit.pdf", &pdf));
    let find = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in the report: {text}"))
    };
    let iron = find("Ferritin 45 µg/L (5 Mar 2026) ≤ 75 µg/L");
    let response = find("Response to pramipexole");
    let safety = find("Medicines that may worsen RLS");
    assert!(iron < response && response < safety, "{text}");
    assert!(!text.contains("Frequency:"), "{text}");
}
