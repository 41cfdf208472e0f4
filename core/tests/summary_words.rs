//! The summary's words are written once: dates and ranges from one formatting module, every
//! threshold a sentence states filled from its named constant, and each part's title from the
//! core, used alike by the text export and the report (issue 13).

mod common;

use rlsjournal_core::export::pdf::ReportOptions;
use rlsjournal_core::summary::{
    augmentation, changes, coverage, iron, rating, sleep, NightRange, SummaryPart,
};
use rlsjournal_core::*;

use common::*;

const NOW: &str = "2026-01-12T09:00:00+01:00";

/// A range across New Year: 20 December 2025 to 10 January 2026.
fn new_year() -> NightRange {
    NightRange {
        first: date("2025-12-20"),
        last: date("2026-01-10"),
    }
}

fn journal_with_a_few_nights() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    std::sync::Arc<Journal>,
) {
    let (dir, path, journal) = file_journal();
    for (night, next) in [("2025-12-22", "2025-12-23"), ("2026-01-03", "2026-01-04")] {
        journal
            .add_episode(full_episode(
                &format!("{night}T23:00:00+01:00"),
                &format!("{next}T00:10:00+01:00"),
                6,
            ))
            .expect("episode");
        journal.add_sleep_diary(diary(night)).expect("diary");
    }
    (dir, path, journal)
}

#[test]
fn a_range_across_new_year_names_both_years_everywhere() {
    let (dir, _path, journal) = journal_with_a_few_nights();
    let both = "Sat 20 Dec 2025 – Sat 10 Jan 2026";
    let s = journal
        .summary_at(Some(new_year()), at(NOW))
        .expect("summary");
    assert_eq!(s.title, format!("22 nights, {both}"));
    let text = journal
        .summary_text_at(Some(new_year()), at(NOW))
        .expect("text");
    assert!(text.contains(both), "{text}");
    // The report's header says the same (read back with poppler where it is installed).
    if !skip::tools_present(
        "a_range_across_new_year_names_both_years_everywhere",
        &["pdftotext"],
    ) {
        return;
    }
    let pdf = journal
        .report_pdf_at(
            ReportOptions {
                range: Some(new_year()),
                ..ReportOptions::default()
            },
            at(NOW),
        )
        .expect("report");
    let page = pdf_tools::pdf_text(&pdf_tools::write_pdf(dir.path(), "report.pdf", &pdf));
    assert!(page.contains(both), "{page}");
}

#[test]
fn thresholds_in_sentences_come_from_their_constants() {
    let (_dir, _path, journal) = journal_with_a_few_nights();
    let s = journal
        .summary_at(Some(new_year()), at(NOW))
        .expect("summary");
    // 2 symptom nights of 2 logged: 7 per week, above the chronic-persistent frequency.
    assert!(
        s.coverage
            .text
            .contains(&coverage::chronic_persistent_text()),
        "{}",
        s.coverage.text
    );
    assert_eq!(
        coverage::chronic_persistent_text(),
        format!("≥ {} nights a week", coverage::CHRONIC_PERSISTENT_PER_WEEK)
    );
    let definition = |term: &str| {
        s.definitions
            .iter()
            .find(|d| d.term == term)
            .map(|d| d.text.clone())
            .unwrap_or_default()
    };
    assert!(definition("Frequency per week").contains(&coverage::chronic_persistent_text()));
    assert!(definition("Iron (AASM 2024)").contains(&iron::ferritin_threshold_text()));
    assert!(definition("Iron (AASM 2024)").contains(&iron::saturation_threshold_text()));
    assert_eq!(iron::ferritin_threshold_text(), "≤ 75 µg/L");
    assert_eq!(iron::saturation_threshold_text(), "< 20 %");
    assert!(definition("Trend").contains(&changes::change_rule_text()));
    assert_eq!(
        changes::change_rule_text(),
        format!(
            "at least {} observed nights on each side and a change of at least {} point or {} %",
            changes::MIN_NIGHTS_EACH_SIDE,
            changes::MIN_CHANGE_POINTS,
            changes::MIN_CHANGE_PERCENT
        )
    );
    // The baseline rule changed (issue 15): before the start when it can, else on the drug.
    let watch = definition("Augmentation watch");
    assert!(
        watch.contains(&format!(
            "the latest {n} nights are compared with a baseline: the {n} observed nights before \
             the start (looked for in the {lookback} nights before it)",
            n = augmentation::WATCH_NIGHTS,
            lookback = augmentation::BASELINE_LOOKBACK_NIGHTS
        )),
        "{watch}"
    );
    assert!(watch.contains(&format!(
        "{}:00–{}:00",
        "05",
        augmentation::DAYTIME_END_HOUR
    )));
    assert!(definition("Relief toolkit").contains("mild 1–3, moderate 4–6, severe 7–10"));
    let bands = definition("IRLS bands");
    assert!(
        bands.starts_with(&rlsjournal_core::model::lab::irls_bands_text()),
        "{bands}"
    );
    assert!(
        bands.contains(&format!("{} points or more", rating::RELEVANT_CHANGE)),
        "{bands}"
    );
    assert!(
        s.sleep
            .text
            .contains(&format!("below {} %", sleep::LOW_EFFICIENCY_PERCENT)),
        "{}",
        s.sleep.text
    );
}

#[test]
fn every_part_has_one_title_that_the_text_export_uses() {
    let (_dir, _path, journal) = journal_with_a_few_nights();
    let text = journal
        .summary_text_at(Some(new_year()), at(NOW))
        .expect("text");
    let titles: Vec<String> = SummaryPart::ALL.iter().map(|p| p.title()).collect();
    let mut seen = std::collections::HashSet::new();
    assert!(titles.iter().all(|t| seen.insert(t.clone())), "{titles:?}");
    // The parts with a sentence in this journal are labelled with their titles.
    for part in [
        SummaryPart::Coverage,
        SummaryPart::Timing,
        SummaryPart::Severity,
        SummaryPart::Sleep,
        SummaryPart::Iron,
        SummaryPart::Rating,
    ] {
        assert!(
            text.contains(&format!("\n{}: ", part.title())),
            "{} missing in\n{text}",
            part.title()
        );
    }
    assert!(
        text.contains("Nights and frequency: Symptoms on 2 of 2 nights observed"),
        "{text}"
    );
}
