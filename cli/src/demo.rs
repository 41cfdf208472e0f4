//! `rlsjournal demo`: writes a synthetic journal and shows its recent history and heat map.
//!
//! Without `--db` the demo goes to its own file in the cache directory, replaced on each run, so
//! it can never touch the person's journal; with `--db` it fills that file only if it is new or
//! empty. It also writes the demo's clinician report: a PDF next to the journal
//! (`<journal name>-report.pdf`), or at `--report PATH`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{Datelike, Months};
use rlsjournal_core::export::pdf::options::DEFAULT_REPORT_NIGHTS;
use rlsjournal_core::export::pdf::ReportOptions;
use rlsjournal_core::summary::NightRange;
use rlsjournal_core::{HistoryQuery, Journal, LocalDate, Moment};
use rlsjournal_demo::{fill_demo, last_complete_night, DemoOptions, DemoReport};

use crate::error::{CliError, CliResult};
use crate::json::{self, DemoJson};
use crate::{args, files, paths, render, Context};

/// History rows shown after the demo is written.
const RECENT_ITEMS: i32 = 15;

/// The name printed in the demo report's header, so nobody takes it for a real patient's.
const REPORT_NAME: &str = "Demo (synthetic data)";

/// Runs `demo [--nights N] [--seed S] [--last-night DATE] [--report PATH]`.
pub fn run(
    ctx: &Context,
    nights: i64,
    seed: u64,
    last_night: Option<&str>,
    report_path: Option<PathBuf>,
) -> CliResult<String> {
    let now = Moment::now();
    let options = DemoOptions {
        nights: args::number("nights", nights)?,
        seed,
        end_night: match last_night {
            Some(d) => args::date("end_night", d)?,
            None => last_complete_night(&now),
        },
        offset_minutes: now.offset_minutes,
    };
    let path = match &ctx.db {
        Some(p) => p.clone(),
        None => {
            let p = paths::demo()?;
            paths::remove_demo(&p)?;
            p
        }
    };
    let report_path = match report_path {
        Some(p) => p,
        None => report_next_to(&path)?,
    };
    let journal = Journal::open_path(&path)?;
    let started = Instant::now();
    let report = fill_through_memory(&journal, &options)?;
    let last = report.last_night.unwrap_or(options.end_night);
    let pdf = journal.report_pdf(ReportOptions {
        range: Some(report_range(report.first_night, last)),
        paper_size: None,
        // Synthetic notes: nothing private, and the report shows its notes section.
        include_notes: true,
        patient_name: Some(REPORT_NAME.into()),
        fallback_fonts: Vec::new(),
        detail_page: false,
    })?;
    files::write_export(&journal, &report_path, &pdf)?;
    // Timing and size go to stderr so that stdout stays the same for the same seed.
    let _ = writeln!(
        std::io::stderr(),
        "rlsjournal: wrote {} nights and the report ({}) in {:.2} s",
        report.nights,
        files::size(pdf.len()),
        started.elapsed().as_secs_f64()
    );
    if ctx.json {
        return Ok(json::to_text(&DemoJson {
            path: path.display().to_string(),
            seed,
            written: &report,
            report: report_path.display().to_string(),
        })?);
    }

    let mut out = format!(
        "Demo journal: {} nights ({} to {}), seed {seed}\n\
         {} symptom nights of {} logged · {} episodes · {} relief attempts · {} sleep diaries · \
         {} exposures · {} treatments · {} doses · {} lab results · {} IRLS ratings\n\n",
        report.nights,
        report
            .first_night
            .map(|d| d.to_string())
            .unwrap_or_default(),
        report.last_night.map(|d| d.to_string()).unwrap_or_default(),
        report.symptom_nights,
        report.nights_logged,
        report.episodes,
        report.relief_attempts,
        report.sleep_diaries,
        report.exposures,
        report.treatments,
        report.doses,
        report.lab_results,
        report.severity_ratings,
    );
    let page = journal.history(HistoryQuery {
        kinds: Vec::new(),
        cursor: None,
        limit: RECENT_ITEMS,
    })?;
    out.push_str("Recent history\n");
    out.push_str(&render::history(&page.items, ctx.color, false));
    out.push('\n');

    let months = [
        last.checked_sub_months(Months::new(1))
            .ok_or_else(|| CliError::invalid("end_night", "is out of range"))?,
        last,
    ];
    for m in months {
        let cal = journal.calendar_month(m.year(), m.month() as i32)?;
        out.push_str(&render::calendar(&cal, ctx.color));
        out.push('\n');
    }
    out.push_str(&render::calendar_legend(ctx.color));
    out.push_str(&format!(
        "\nWritten to {}\nClinician report: {}\nExplore it: rlsjournal --db {} history\n",
        path.display(),
        report_path.display(),
        shell_quoted(&path.display().to_string())
    ));
    Ok(out)
}

/// The demo report's default path: `<journal name without extension>-report.pdf` in the
/// journal's directory (`rlsjournal-demo.db` → `rlsjournal-demo-report.pdf`).
fn report_next_to(journal: &Path) -> CliResult<PathBuf> {
    let stem = journal
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| !s.is_empty())
        .ok_or_else(|| {
            CliError::invalid(
                "report",
                format!(
                    "cannot name a report after {}; pass --report PATH",
                    journal.display()
                ),
            )
        })?;
    Ok(journal.with_file_name(format!("{stem}-report.pdf")))
}

/// The nights the demo report covers: the report's usual length (30 nights) ending with the
/// demo's last night, or the whole demo if it is shorter.
fn report_range(first: Option<LocalDate>, last: LocalDate) -> NightRange {
    let usual = last - chrono::Duration::days(DEFAULT_REPORT_NIGHTS - 1);
    NightRange {
        first: first.map_or(usual, |f| f.max(usual)),
        last,
    }
}

/// Fills `journal` (which must be empty) with the demo.
///
/// The generator writes one durable transaction per record; on a file that is ~25,000 commits
/// for ten years. Generating in memory and bringing the result over with one backup import
/// (one transaction, all or nothing) gives the same journal in a fraction of the time, and a
/// failure leaves the file as it was.
fn fill_through_memory(journal: &Journal, options: &DemoOptions) -> CliResult<DemoReport> {
    let has_entries = !journal
        .history(HistoryQuery {
            kinds: Vec::new(),
            cursor: None,
            limit: 1,
        })?
        .items
        .is_empty();
    if has_entries {
        return Err(CliError::invalid(
            "journal",
            "already has entries; the demo only fills a new journal",
        ));
    }
    let memory = Journal::open_in_memory()?;
    // The same settings, so entries fall on the same nights as they will in the file.
    memory.update_settings(journal.settings()?)?;
    let report = fill_demo(&memory, options)?;
    journal.import_backup(memory.backup_json()?.into_bytes())?;
    Ok(report)
}

/// Quotes a path for copy-and-paste into a POSIX shell when it needs it.
fn shell_quoted(text: &str) -> String {
    let plain = text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+:@%".contains(c));
    if plain {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_sits_next_to_the_journal() {
        assert_eq!(
            report_next_to(Path::new("/tmp/x/rlsjournal-demo.db")).expect("path"),
            PathBuf::from("/tmp/x/rlsjournal-demo-report.pdf")
        );
        assert_eq!(
            report_next_to(Path::new("a.db")).expect("path"),
            PathBuf::from("a-report.pdf")
        );
    }

    #[test]
    fn the_report_covers_at_most_30_demo_nights() {
        let d = |s: &str| args::date("night", s).expect("date");
        let long = report_range(Some(d("2025-01-01")), d("2025-10-31"));
        assert_eq!((long.first, long.nights()), (d("2025-10-02"), 30));
        let short = report_range(Some(d("2025-10-18")), d("2025-10-31"));
        assert_eq!(short.nights(), 14);
    }
}
