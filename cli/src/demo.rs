//! `rlsjournal demo`: writes a synthetic journal and shows its recent history and heat map.
//!
//! Without `--db` the demo goes to its own file in the cache directory, replaced on each run, so
//! it can never touch the person's journal; with `--db` it fills that file only if it is new or
//! empty.

use std::io::Write;
use std::time::Instant;

use chrono::{Datelike, Months};
use rlsjournal_core::demo::{fill_demo, last_complete_night, DemoOptions, DemoReport};
use rlsjournal_core::{HistoryQuery, Journal, Moment};

use crate::error::{CliError, CliResult};
use crate::json::{self, DemoJson};
use crate::{args, paths, render, Context};

/// History rows shown after the demo is written.
const RECENT_ITEMS: u32 = 15;

/// Runs `demo [--nights N] [--seed S] [--last-night DATE]`.
pub fn run(ctx: &Context, nights: i64, seed: u64, last_night: Option<&str>) -> CliResult<String> {
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
    let journal = Journal::open_path(&path)?;
    let started = Instant::now();
    let report = fill_through_memory(&journal, &options)?;
    // Timing goes to stderr so that stdout stays the same for the same seed.
    let _ = writeln!(
        std::io::stderr(),
        "rlsjournal: wrote {} nights in {:.2} s",
        report.nights,
        started.elapsed().as_secs_f64()
    );
    if ctx.json {
        return Ok(json::to_text(&DemoJson::of(&path, seed, &report))?);
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

    let last = report.last_night.unwrap_or(options.end_night);
    let months = [
        last.checked_sub_months(Months::new(1))
            .ok_or_else(|| CliError::invalid("end_night", "is out of range"))?,
        last,
    ];
    for m in months {
        let cal = journal.calendar_month(m.year(), m.month() as u8)?;
        out.push_str(&render::calendar(&cal, ctx.color));
        out.push('\n');
    }
    out.push_str(&render::calendar_legend(ctx.color));
    out.push_str(&format!(
        "\nWritten to {}\nExplore it: rlsjournal --db {} history\n",
        path.display(),
        shell_quoted(&path.display().to_string())
    ));
    Ok(out)
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
