//! Peak memory of one heavy call, for docs/performance.md: opens a journal file, runs
//! `summary` (all nights) or `report` (the PDF of the last 30 nights) once, and prints the
//! process's peak resident set size (VmHWM) before and after.
//!
//! `cargo run --release -p rlsjournal-core --example peak_rss -- <journal.db> summary|report`
//!
//! Import is measured in two processes, because building the journal raises the high-water mark
//! the measurement reads: `-- write-backup <out.json> [nights]` writes the backup of the
//! ten-year demo journal (the benchmarks' one: seed 1, 3,650 nights ending 2026-10-31, +01:00),
//! then `-- import <backup file>` imports it into a fresh journal file next to it.

use rlsjournal_core::export::pdf::ReportOptions;
use rlsjournal_core::time::parse_iso_date;
use rlsjournal_core::*;

fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// Writes the demo journal's backup (JSON) to `out`.
fn write_backup(out: &str, nights: u32) {
    let journal = Journal::open_in_memory().expect("open");
    rlsjournal_demo::fill_demo(
        &journal,
        &rlsjournal_demo::DemoOptions {
            nights,
            seed: 1,
            end_night: parse_iso_date("2026-10-31").unwrap(),
            offset_minutes: 60,
        },
    )
    .expect("fill the demo journal");
    let json = journal.backup_json().expect("backup");
    std::fs::write(out, &json).expect("write the backup");
    println!("wrote {out}: {nights} nights, {} bytes", json.len());
}

/// Imports the backup at `path` into a fresh journal file and prints the peak RSS.
fn import(path: &str) {
    let db = format!("{path}.import-target.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{db}{suffix}"));
    }
    let journal = Journal::open(db.clone()).expect("open the target journal");
    let opened = peak_kib();
    let started = std::time::Instant::now();
    let summary = journal
        .import_backup_file(path.to_string())
        .expect("import");
    println!(
        "import: peak RSS {} KiB after opening, {} KiB after the call ({} KiB more); {:.1} ms; {} records added",
        opened,
        peak_kib(),
        peak_kib().saturating_sub(opened),
        started.elapsed().as_secs_f64() * 1e3,
        summary.added
    );
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: peak_rss <journal.db> summary|report");
    match path.as_str() {
        "write-backup" => {
            let out = args
                .next()
                .expect("usage: peak_rss write-backup <out.json> [nights]");
            let nights = args.next().map_or(3_650, |n| n.parse().expect("nights"));
            return write_backup(&out, nights);
        }
        "import" => return import(&args.next().expect("usage: peak_rss import <backup>")),
        _ => {}
    }
    let what = args.next().unwrap_or_else(|| "summary".into());
    let journal = Journal::open(path).expect("open the journal");
    let opened = peak_kib();
    let last = parse_iso_date("2026-10-31").unwrap();
    let now = Moment::parse_rfc3339("2026-11-01T09:00:00+01:00").unwrap();
    let started = std::time::Instant::now();
    let size = match what.as_str() {
        "summary" => {
            let range = summary::NightRange {
                first: last - chrono::Duration::days(3_649),
                last,
            };
            let s = journal.summary_at(Some(range), now).expect("summary");
            s.coverage.nights_logged as usize
        }
        "report" => {
            let options = ReportOptions {
                range: Some(summary::NightRange {
                    first: last - chrono::Duration::days(29),
                    last,
                }),
                paper_size: Some(PaperSize::A4),
                include_notes: false,
                patient_name: None,
                fallback_fonts: Vec::new(),
                detail_page: false,
            };
            journal.report_pdf_at(options, now).expect("report").len()
        }
        other => panic!("unknown measurement {other} (summary or report)"),
    };
    println!(
        "{what}: peak RSS {} KiB after opening, {} KiB after the call ({} KiB more); {:.1} ms; result size {size}",
        opened,
        peak_kib(),
        peak_kib().saturating_sub(opened),
        started.elapsed().as_secs_f64() * 1e3
    );
}
