//! The `--json` output: only what the terminal adds to the core's records and views.
//!
//! Records and views (`HistoryPage`, `NightView`, `CalendarMonth`, `Prompt`, `Settings`,
//! `Summary`, …) serialize themselves in the core, with the field names `cli/README.md`
//! documents, so every front end reads one contract; `tests/golden.rs` freezes it. What stays
//! here is what only this tool reports: the result of `delete`/`undo`, `demo`, `export` and
//! `import`, and the one list that needs an object around it (`prompts`).

use rlsjournal_core::export::backup::ImportSummary;
use rlsjournal_core::Prompt;
use rlsjournal_demo::DemoReport;
use serde::Serialize;

/// The prompts due now, in the core's order.
#[derive(Serialize)]
pub struct PromptsJson<'a> {
    /// The prompts.
    pub prompts: &'a [Prompt],
}

/// `delete` and `undo`.
#[derive(Serialize)]
pub struct ChangeJson {
    /// `deleted` or `restored`.
    pub action: String,
    /// The entry; null when `undo` had nothing to restore.
    pub id: Option<String>,
}

/// What `demo` wrote.
#[derive(Serialize)]
pub struct DemoJson<'a> {
    /// The demo journal file.
    pub path: String,
    /// The seed.
    pub seed: u64,
    /// What the generator wrote (its nights and counts), field for field.
    #[serde(flatten)]
    pub written: &'a DemoReport,
    /// The demo's clinician report (PDF).
    pub report: String,
}

/// `export`: what was written.
#[derive(Serialize)]
pub struct ExportJson {
    /// `pdf`, `csv`, `backup` or `text`.
    pub format: &'static str,
    /// The file or folder written (as given to `--out`).
    pub path: String,
    /// Bytes written (for a csv folder: all its tables together).
    pub bytes: usize,
    /// Pages of a PDF; `null` for other formats.
    pub pages: Option<usize>,
    /// The first night covered (pdf, text); `null` for csv and backup, which hold everything.
    pub first_night: Option<String>,
    /// The last night covered (pdf, text).
    pub last_night: Option<String>,
    /// The CSV tables (csv only; empty otherwise).
    pub tables: Vec<TableJson>,
}

/// One CSV table of an export.
#[derive(Serialize)]
pub struct TableJson {
    /// Its file name, e.g. `episodes.csv`.
    pub file_name: String,
    /// Data rows, not counting the header.
    pub rows: u32,
}

/// `import`: the backup file read, then what the import did (the core's summary).
#[derive(Serialize)]
pub struct ImportJson<'a> {
    /// The backup file read.
    pub path: String,
    /// Added, updated, unchanged, settings updated.
    #[serde(flatten)]
    pub summary: &'a ImportSummary,
}

/// Pretty JSON with a final newline.
pub fn to_text<T: Serialize>(value: &T) -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    Ok(text)
}
