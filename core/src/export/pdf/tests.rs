//! Layout tests on made-up content: typical, empty and hostile (very long names and notes,
//! a year of nights, many rows), on both paper sizes — every block stays inside its box, no two
//! boxes overlap, everything is inside the margins, and the bytes are deterministic.

use chrono::{Duration, NaiveDate};

use crate::export::pdf::canvas::Canvas;
use crate::export::pdf::content::*;
use crate::export::pdf::fontset::FontSet;
use crate::export::pdf::layout::{Page, Rect};
use crate::export::pdf::page::{compose, Placement};
use crate::export::pdf::render_report;
use crate::settings::PaperSize;
use crate::time::Moment;

fn table(title: &str, columns: usize, rows: usize, cell: &str, footnotes: usize) -> Table {
    Table {
        title: title.to_string(),
        columns: (0..columns)
            .map(|i| Column {
                header: format!("Column {i} with a rather long header"),
                weight: 1.0 + i as f32 * 0.1,
                numeric: i % 2 == 1,
            })
            .collect(),
        rows: (0..rows)
            .map(|r| Row {
                cells: (0..columns).map(|c| format!("{cell} {r}.{c}")).collect(),
                marker: (r < 12).then(|| u8::try_from(r % 9 + 1).unwrap_or(1)),
                alert: r % 3 == 0,
            })
            .collect(),
        empty_text: format!("Nothing for {title}."),
        footnotes: (0..footnotes)
            .map(|i| format!("Footnote {i}: {}", "a long caveat that goes on ".repeat(12)))
            .collect(),
    }
}

fn content(nights: i64, rows: usize, long: bool) -> ReportContent {
    let first = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    let words = |n: usize| "Lorem ipsum dolor sit amet, consectetur ".repeat(n);
    let text = if long { words(12) } else { "short".to_string() };
    ReportContent {
        title: "RLS symptom report".into(),
        patient_name: Some(if long {
            "Maximiliana-Alexandra Oberhausen-Wittgenstein-Łukasiewicz ".repeat(2)
        } else {
            "Alex Example".into()
        }),
        period_text: "Thu 1 Jan – Thu 31 Dec 2026 (366 nights, 300 logged)".into(),
        generated_text: "Generated on Fri 1 Jan 2027, 08:00".into(),
        generated_at: Moment::from_millis(1_798_700_000_000, 60),
        attribution: format!("Self-reported by the patient. {text}"),
        visit_lines: vec![
            "Since the last visit on Sat 11 Oct 2025".into(),
            format!("Visit: Thu 3 Dec 2026 with Dr Example {text}"),
        ],
        question: Some(format!("Could the evening dose move earlier? {text}")),
        figures: (0..5)
            .map(|i| KeyFigure {
                label: format!("Figure {i} {text}"),
                value: if long {
                    "99.9 / 100.0 %".repeat(3)
                } else {
                    "3.7".into()
                },
                detail: format!("detail {text}"),
                change: Some(format!("+1.0 (was 2.0) {text}")),
                direction: Direction::Up,
                tone: Tone::Worse,
            })
            .collect(),
        comparison_text: format!("Changes compare with the previous period. {text}"),
        flags: (0..6)
            .map(|i| Flag {
                topic: format!("Topic {i} {}", if long { "with a long name" } else { "" }),
                text: format!("Flag {i}: ≥ 2 per week, ferritin ≤ 75 µg/L. {text}"),
                level: if i % 2 == 0 {
                    FlagLevel::Discuss
                } else {
                    FlagLevel::Info
                },
            })
            .collect(),
        data_notes: (0..3).map(|i| format!("Data note {i}: {text}")).collect(),
        nights: (0..nights)
            .map(|i| NightMark {
                night: first + Duration::days(i),
                logged: i % 7 != 3,
                peak: u8::try_from(i % 11).unwrap_or(0),
                treatment_starts: if i % 40 == 5 { vec![7] } else { Vec::new() },
                dose_change: i % 30 == 7,
            })
            .collect(),
        onset: OnsetChart {
            bins: (0..24u32)
                .map(|h| if long { h * 37 } else { h % 5 })
                .collect(),
            median_minute: Some(23 * 60 + 30),
            caption: format!("Caption {text}"),
        },
        weeks: (0..(nights + 6) / 7)
            .map(|i| WeekPoint {
                label: format!("{} Jan", i + 1),
                symptom_nights_per_week: (i % 4 != 0).then_some((i % 8) as f64),
                symptom_nights: (i % 8).min(7) as u32,
                observed: if i % 4 == 0 { 3 } else { 7 },
                partial: i % 4 == 0,
                sleep_efficiency: (i % 5 != 0).then_some(40.0 + (i % 7) as f64 * 10.0),
            })
            .collect(),
        triggers: table("Possible triggers", 4, rows, &text, 2),
        relief: table("Relief toolkit", 4, rows, &text, 1),
        treatments: table("Treatments", 4, rows, &text, 3),
        labs: table("Labs", 5, rows, &text, 1),
        sleep: table("Sleep", 2, rows, &text, 0),
        where_and_how: table("Where and how", 2, rows.min(4), &text, 1),
        notes: (0..if long { 60 } else { 0 })
            .map(|i| NoteLine {
                when: format!("{i} Oct 2026"),
                text: format!("Note {i}: {text}"),
            })
            .collect(),
        definitions: vec![format!(
            "Definitions. {}",
            words(if long { 40 } else { 20 })
        )],
        strip: None,
        detail_page: false,
    }
}

fn layout(content: &ReportContent, paper: PaperSize) -> (Page, Placement) {
    let font = FontSet::bundled_only().expect("font");
    let page = Page::for_paper(paper);
    let mut canvas = Canvas::new(&font, page.height);
    let placed = compose(&mut canvas, &page, content);
    (page, placed)
}

fn inside(inner: &Rect, outer: &Rect, slack: f32) -> bool {
    inner.x >= outer.x - slack
        && inner.y >= outer.y - slack
        && inner.right() <= outer.right() + slack
        && inner.bottom() <= outer.bottom() + slack
}

fn overlap(a: &Rect, b: &Rect) -> bool {
    a.x < b.right() - 0.01
        && b.x < a.right() - 0.01
        && a.y < b.bottom() - 0.01
        && b.y < a.bottom() - 0.01
}

fn check(content: &ReportContent, what: &str) {
    for paper in [PaperSize::A4, PaperSize::Letter] {
        let (page, placed) = layout(content, paper);
        for p in &placed {
            assert!(
                inside(&p.area, &page.body, 0.01),
                "{what} {paper:?}: {} box {:?} leaves the page body {:?}",
                p.name,
                p.area,
                page.body
            );
            if let Some(drawn) = p.drawn {
                assert!(
                    inside(&drawn, &p.area, 1.0),
                    "{what} {paper:?}: {} drew {drawn:?} outside its box {:?}",
                    p.name,
                    p.area
                );
            }
        }
        for (i, a) in placed.iter().enumerate() {
            for b in placed.iter().skip(i + 1) {
                assert!(
                    !overlap(&a.area, &b.area),
                    "{what} {paper:?}: {} {:?} overlaps {} {:?}",
                    a.name,
                    a.area,
                    b.name,
                    b.area
                );
            }
        }
        let names: Vec<&str> = placed.iter().map(|p| p.name).collect();
        for block in [
            "header", "figures", "flags", "calendar", "onset", "weekly", "footer",
        ] {
            assert!(names.contains(&block), "{what} {paper:?}: {block} missing");
        }
        assert_eq!(names.iter().filter(|n| **n == "table").count(), 6);
    }
}

#[test]
fn typical_content_fits_both_papers() {
    check(&content(30, 6, false), "typical");
}

#[test]
fn hostile_content_still_fits() {
    check(&content(366, 20, true), "hostile");
    check(&content(1, 0, true), "one night");
    check(&content(90, 8, true), "three months");
}

#[test]
fn empty_content_fits() {
    let mut c = content(0, 0, false);
    c.figures.clear();
    c.flags.clear();
    c.data_notes.clear();
    c.onset.median_minute = None;
    c.weeks.clear();
    c.definitions.clear();
    check(&c, "empty");
}

#[test]
fn the_same_content_gives_the_same_bytes() {
    let c = content(30, 6, true);
    for paper in [PaperSize::A4, PaperSize::Letter] {
        let a = render_report(&c, paper).expect("render");
        let b = render_report(&c, paper).expect("render");
        assert_eq!(a, b);
        assert!(a.starts_with(b"%PDF-1.7"));
        assert!(a.ends_with(b"%%EOF") || a.ends_with(b"%%EOF\n"));
    }
    let a4 = render_report(&c, PaperSize::A4).expect("render");
    let letter = render_report(&c, PaperSize::Letter).expect("render");
    assert_ne!(a4, letter);
}

/// Writes the made-up reports as PDFs to look at:
/// `cargo test -p rlsjournal-core --lib export::pdf::tests::write_samples -- --ignored`
/// (they go to `$TMPDIR/rlsjournal-report-samples/`).
#[test]
#[ignore = "writes files for a person to look at"]
fn write_samples() {
    let dir = std::env::temp_dir().join("rlsjournal-report-samples");
    std::fs::create_dir_all(&dir).expect("dir");
    for (name, c) in [
        ("typical", content(30, 6, false)),
        ("hostile", content(366, 20, true)),
        ("quarter", content(90, 8, true)),
    ] {
        for (paper, suffix) in [(PaperSize::A4, "a4"), (PaperSize::Letter, "letter")] {
            let pdf = render_report(&c, paper).expect("render");
            std::fs::write(dir.join(format!("{name}-{suffix}.pdf")), pdf).expect("write");
        }
    }
}
