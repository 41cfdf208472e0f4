//! The clinician report's pages (issue 21): the dose–onset strip, the optional page 2 and the
//! weekly chart's partial weeks, on real journal files, read back with poppler (`pdftotext`,
//! `pdfinfo`) and checked with `qpdf --check`, on A4 and US Letter.
//!
//! Without the tools these tests fail under `CI=true` and skip visibly elsewhere
//! (`common::skip`).

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rlsjournal_core::export::pdf::ReportOptions;
use rlsjournal_core::model::treatment::DoseData;
use rlsjournal_core::summary::NightRange;
use rlsjournal_core::*;

use common::pdf_tools::*;
use common::*;

const NOW: &str = "2025-11-01T08:00:00+01:00";

fn tools(test: &str) -> bool {
    skip::tools_present(test, &["pdftotext", "pdfinfo", "qpdf"])
}

fn options(paper: PaperSize, detail_page: bool) -> ReportOptions {
    ReportOptions {
        range: Some(NightRange {
            first: date("2025-10-03"),
            last: date("2025-10-31"),
        }),
        paper_size: Some(paper),
        include_notes: true,
        detail_page,
        ..ReportOptions::default()
    }
}

/// September and October 2025: a diary every night, an episode (onset 23:30) every other
/// night, pramipexole from 10 October taken at 21:00 every night, and a note in the diaries of
/// the last `notes` nights, each with its own word `NOTE-n` and a long text.
fn journal(dopaminergic: bool, notes: usize) -> (tempfile::TempDir, PathBuf, Arc<Journal>) {
    let (dir, path, journal) = file_journal();
    for i in 0..61 {
        let night = plus_days("2025-09-01", i);
        let mut d = diary(&night);
        if usize::try_from(61 - i).is_ok_and(|left| left <= notes) {
            d.note = Some(format!(
                "NOTE-{i} legs restless after the evening walk, took a warm bath, read for an \
                 hour before sleep came; this is written out in full on page two"
            ));
        }
        journal.add_sleep_diary(d).expect("diary");
        if i % 2 == 0 {
            let next = plus_days(&night, 1);
            let mut e = full_episode(
                &format!("{night}T23:30:00+01:00"),
                &format!("{next}T00:30:00+01:00"),
                5,
            );
            e.note = None;
            journal.add_episode(e).expect("episode");
        }
    }
    if dopaminergic {
        let t = journal
            .add_treatment(treatment("2025-10-10"))
            .expect("treatment");
        for i in 0..22 {
            let night = plus_days("2025-10-10", i);
            journal
                .add_dose(DoseData {
                    treatment_id: t.id.clone(),
                    at: at(&format!("{night}T21:00:00+01:00")),
                    amount: None,
                })
                .expect("dose");
        }
    }
    (dir, path, journal)
}

#[test]
fn page_two_off_gives_one_page_and_on_gives_two_on_both_papers() {
    if !tools("page_two_off_gives_one_page_and_on_gives_two_on_both_papers") {
        return;
    }
    let (dir, _path, journal) = journal(true, 6);
    for (paper, name) in [(PaperSize::A4, "a4"), (PaperSize::Letter, "letter")] {
        for detail in [false, true] {
            let pdf = journal
                .report_pdf_at(options(paper, detail), at(NOW))
                .expect("report");
            let path = write_pdf(dir.path(), &format!("{name}-{detail}.pdf"), &pdf);
            assert_eq!(page_count(&path), if detail { "2" } else { "1" }, "{name}");
            assert_qpdf_clean(&path);
            let first = page_text(&path, 1);
            assert_has(&first, "RLS symptom report");
            if detail {
                // Page 1 keeps what the visit decides; the detail moved to page 2.
                assert_lacks(&first, "Patterns to test");
                assert_has(&first, "Definitions used: on page 2");
                let second = page_text(&path, 2);
                assert_has(&second, "Page 2: the detail");
                assert_has(&second, "Patterns to test");
                assert_has(&second, "What helps");
                assert_has(&second, "Definitions.");
            } else {
                assert_has(&first, "Patterns to test");
                assert_has(&first, "Definitions.");
            }
        }
    }
}

#[test]
fn the_strip_shows_baseline_first_and_latest_weeks_with_a_dopaminergic_treatment() {
    if !tools("the_strip_shows_baseline_first_and_latest_weeks_with_a_dopaminergic_treatment") {
        return;
    }
    let (dir, _path, journal) = journal(true, 0);
    let content = journal
        .report_content_at(&options(PaperSize::A4, false), at(NOW))
        .expect("content");
    let strip = content.strip.expect("a strip with pramipexole");
    let labels: Vec<&str> = strip.groups.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(labels, ["baseline", "first weeks", "latest weeks"]);
    // Baseline: the 14 nights before 10 October, all observed; first weeks from the start;
    // latest weeks the last 14 nights of the range.
    let [baseline, first, latest] = strip.groups.as_slice() else {
        panic!("three groups");
    };
    assert_has(&baseline.detail, "26 Sep – 9 Oct · 14 of 14 logged");
    assert_has(&first.detail, "10–23 Oct · 14 of 14 logged");
    assert_has(&latest.detail, "24–31 Oct · 8 of 8 logged");
    // No dose before the start; one at 21:00 on each night on it. The default morning hour
    // is 5 (settings): 21:00 is 16 h into the day, 23:30 is 18 h 30 min.
    assert!(baseline.rows.iter().all(|r| r.doses.is_empty()));
    for row in first.rows.iter().chain(&latest.rows) {
        assert_eq!(row.doses.len(), 1, "{row:?}");
        let (place, anchor) = row.doses[0];
        assert!(anchor);
        assert!((place - 16.0 / 24.0).abs() < 1e-4, "{place}");
    }
    let onsets: Vec<f32> = baseline
        .rows
        .iter()
        .flat_map(|r| r.onsets.iter().map(|o| o.0))
        .collect();
    assert_eq!(onsets.len(), 7);
    assert!(onsets.iter().all(|p| (p - 18.5 / 24.0).abs() < 1e-4));

    for paper in [PaperSize::A4, PaperSize::Letter] {
        let pdf = journal
            .report_pdf_at(options(paper, false), at(NOW))
            .expect("report");
        let path = write_pdf(dir.path(), "strip.pdf", &pdf);
        assert_eq!(page_count(&path), "1");
        let text = page_text(&path, 1);
        assert_has(&text, "Doses and onsets, one row a night");
        assert_has(&text, "baseline before pramipexole");
        assert_has(&text, "baseline");
        assert_has(&text, "first weeks");
        assert_has(&text, "latest weeks");
    }
}

#[test]
fn no_strip_without_a_dopaminergic_or_alpha_2_delta_treatment() {
    if !tools("no_strip_without_a_dopaminergic_or_alpha_2_delta_treatment") {
        return;
    }
    let (dir, _path, journal) = journal(false, 0);
    let content = journal
        .report_content_at(&options(PaperSize::A4, false), at(NOW))
        .expect("content");
    assert!(content.strip.is_none());
    let pdf = journal
        .report_pdf_at(options(PaperSize::Letter, true), at(NOW))
        .expect("report");
    let path = write_pdf(dir.path(), "none.pdf", &pdf);
    let text = page_text(&path, 0);
    assert_lacks(&text, "Doses and onsets");
    assert_lacks(&text, "latest weeks");
    assert_lacks(&text, "first weeks");
}

#[test]
fn a_partial_last_week_is_marked_and_not_scaled_up() {
    if !tools("a_partial_last_week_is_marked_and_not_scaled_up") {
        return;
    }
    let (dir, _path, journal) = journal(false, 0);
    // 6–29 October 2025: Monday 6 to Wednesday 29, so the last week has 3 nights.
    let mut o = options(PaperSize::A4, false);
    o.range = Some(NightRange {
        first: date("2025-10-06"),
        last: date("2025-10-29"),
    });
    let content = journal.report_content_at(&o, at(NOW)).expect("content");
    let labels: Vec<&str> = content.weeks.iter().map(|w| w.label.as_str()).collect();
    assert_eq!(
        labels,
        ["6 Oct", "13 Oct", "20 Oct", "27 Oct"],
        "Monday weeks"
    );
    let last = content.weeks.last().expect("weeks");
    assert!(last.partial);
    assert_eq!((last.observed, last.symptom_nights), (3, 2));
    assert!(content.weeks[..3]
        .iter()
        .all(|w| !w.partial && w.observed == 7));
    let pdf = journal.report_pdf_at(o.clone(), at(NOW)).expect("report");
    let path = write_pdf(dir.path(), "partial.pdf", &pdf);
    let text = page_text(&path, 1);
    assert_has(&text, "partial week");
    assert_has(&text, "2/3");

    // Whole weeks only: nothing is marked partial.
    o.range = Some(NightRange {
        first: date("2025-10-06"),
        last: date("2025-10-26"),
    });
    let pdf = journal.report_pdf_at(o, at(NOW)).expect("report");
    let path = write_pdf(dir.path(), "whole.pdf", &pdf);
    assert_lacks(&page_text(&path, 1), "partial week");
}

#[test]
fn every_note_is_on_page_two_and_page_one_says_where_the_rest_are() {
    if !tools("every_note_is_on_page_two_and_page_one_says_where_the_rest_are") {
        return;
    }
    // 12 long notes fit page 2; a long note on each of the 29 nights of the range goes on to
    // a third page, whole, rather than being cut.
    for (notes, want_pages) in [(12, 2), (29, 3)] {
        let (dir, _path, journal) = journal(true, notes);
        let in_range: Vec<String> = (61 - notes..61).map(|i| format!("NOTE-{i}")).collect();
        for paper in [PaperSize::A4, PaperSize::Letter] {
            let pdf = journal
                .report_pdf_at(options(paper, true), at(NOW))
                .expect("report");
            let path = write_pdf(dir.path(), "notes.pdf", &pdf);
            assert_eq!(page_count(&path), want_pages.to_string(), "{notes} notes");
            assert_qpdf_clean(&path);
            let detail: String = (2..=want_pages)
                .map(|p| page_text(&path, p))
                .collect::<Vec<_>>()
                .join(" ");
            for word in &in_range {
                assert_has(&detail, &format!("{word} "));
            }
            assert_has(&detail, "written out in full on page two");
            assert_lacks(&detail, "do not fit");
            if want_pages > 2 {
                assert_has(&page_text(&path, 2), "more notes on the next page");
                assert_has(&page_text(&path, 3), "Page 3: notes, continued");
            }
            assert_has(&page_text(&path, 1), "more notes on page 2");

            let pdf = journal
                .report_pdf_at(options(paper, false), at(NOW))
                .expect("report");
            let path = write_pdf(dir.path(), "notes-off.pdf", &pdf);
            assert_eq!(page_count(&path), "1");
            let first = page_text(&path, 1);
            assert_has(&first, "not shown");
            assert_has(&first, "(page 2 is off)");
        }
    }
}

/// The height of the first word `word` on page `page` (`pdftotext -bbox`), points: about 1.16
/// times the font size.
fn word_height(pdf: &Path, page: u32, word: &str) -> f32 {
    let p = pdf.to_string_lossy();
    let page = page.to_string();
    let html = tool_stdout("pdftotext", &["-bbox", "-f", &page, "-l", &page, &p, "-"]);
    let line = html
        .lines()
        .find(|l| l.contains(&format!(">{word}</word>")))
        .unwrap_or_else(|| panic!("{word} not on page {page}"));
    let attr = |name: &str| -> f32 {
        let start = line.find(&format!("{name}=\"")).expect("attr") + name.len() + 2;
        let rest = &line[start..];
        rest[..rest.find('"').expect("quote")]
            .parse()
            .expect("number")
    };
    attr("yMax") - attr("yMin")
}

#[test]
fn page_two_prints_the_definitions_at_a_readable_size() {
    if !tools("page_two_prints_the_definitions_at_a_readable_size") {
        return;
    }
    let (dir, _path, journal) = journal(true, 0);
    let pdf = journal
        .report_pdf_at(options(PaperSize::A4, true), at(NOW))
        .expect("report");
    let path = write_pdf(dir.path(), "defs.pdf", &pdf);
    // 8 pt type gives a box about 9.3 pt high; page 1's 5.8 pt footer about 6.7.
    let h = word_height(&path, 2, "Definitions.");
    assert!(h >= 8.0 * 1.1, "definitions on page 2 are {h} pt high");
    let pdf = journal
        .report_pdf_at(options(PaperSize::A4, false), at(NOW))
        .expect("report");
    let path = write_pdf(dir.path(), "defs-1.pdf", &pdf);
    assert!(word_height(&path, 1, "Definitions.") < 8.0);
}

#[test]
fn the_demo_journal_gives_one_page_or_two_on_both_papers() {
    if !tools("the_demo_journal_gives_one_page_or_two_on_both_papers") {
        return;
    }
    let (dir, _path, journal) = demo_journal();
    for paper in [PaperSize::A4, PaperSize::Letter] {
        for (include_notes, detail_page) in [(false, false), (true, false), (true, true)] {
            let pdf = journal
                .report_pdf_at(
                    ReportOptions {
                        paper_size: Some(paper),
                        include_notes,
                        detail_page,
                        patient_name: Some("Alex Example".into()),
                        ..ReportOptions::default()
                    },
                    at(DEMO_NOW),
                )
                .expect("report");
            let path = write_pdf(dir.path(), "demo.pdf", &pdf);
            assert_eq!(page_count(&path), if detail_page { "2" } else { "1" });
            assert_qpdf_clean(&path);
            let text = page_text(&path, 1);
            assert_has(&text, "latest weeks");
        }
    }
}

/// Renders the demo journal's two pages to `$RLS_PAGES_OUT` (PNG, 100 dpi) for a person to
/// look at: `RLS_PAGES_OUT=/tmp/pages cargo test -p rlsjournal-core --test report_pages --
/// --ignored pictures`.
#[test]
#[ignore = "writes pictures for a person to look at"]
fn pictures() {
    let out = PathBuf::from(std::env::var("RLS_PAGES_OUT").unwrap_or_else(|_| "/tmp/pages".into()));
    std::fs::create_dir_all(&out).expect("out dir");
    let (_dir, _path, journal) = demo_journal();
    for (paper, name) in [(PaperSize::A4, "a4"), (PaperSize::Letter, "letter")] {
        for detail_page in [false, true] {
            let pdf = journal
                .report_pdf_at(
                    ReportOptions {
                        paper_size: Some(paper),
                        include_notes: true,
                        detail_page,
                        patient_name: Some("Alex Example".into()),
                        ..ReportOptions::default()
                    },
                    at(DEMO_NOW),
                )
                .expect("report");
            let path = write_pdf(&out, &format!("demo-{name}-{detail_page}.pdf"), &pdf);
            let prefix = out.join(format!("demo-{name}-{detail_page}"));
            run_tool(
                "pdftoppm",
                &[
                    "-r",
                    "100",
                    "-png",
                    &path.to_string_lossy(),
                    &prefix.to_string_lossy(),
                ],
            );
        }
    }
}
