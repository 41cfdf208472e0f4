//! `rlsjournal export pdf|csv|backup|text --out PATH`: the core's exports, written to files.
//!
//! Every byte comes from the core (`report_pdf`, `csv_tables`/`csv_zip`,
//! `backup_json`/`backup_zip`, `summary_text`); this module picks the call from the format and
//! the file name, checks that each flag applies to the format, and writes the result with
//! [`files::write_export`] (never over a journal).

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use rlsjournal_core::export::pdf::options::{DEFAULT_REPORT_NIGHTS, MAX_FALLBACK_FONT_BYTES};
use rlsjournal_core::export::pdf::{ReportFont, ReportOptions};
use rlsjournal_core::summary::{NightRange, DEFAULT_NIGHTS};
use rlsjournal_core::Journal;
use rlsjournal_core::JournalError;

use crate::commands::open;
use crate::error::{CliError, CliResult};
use crate::json::{self, ExportJson, TableJson};
use crate::{args, files, Context};

/// What to export.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The one-page clinician report (PDF).
    Pdf,
    /// One CSV table per kind of record: a folder, or a `.zip`.
    Csv,
    /// The lossless backup (JSON, or JSON in a `.zip`), for `rlsjournal import`.
    Backup,
    /// The pattern summary as plain text.
    Text,
}

impl Format {
    /// The name used on the command line.
    fn name(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Csv => "csv",
            Format::Backup => "backup",
            Format::Text => "text",
        }
    }
}

/// `export <FORMAT> --out PATH [--from DATE] [--to DATE] [--paper P] [--notes] [--name N]
/// [--font FILE]...`.
#[derive(Args, Debug)]
pub struct ExportArgs {
    /// pdf (clinician report), csv (tables), backup (everything, for import) or text
    /// (summary).
    #[arg(value_enum)]
    pub format: Format,
    /// Where to write. csv: a folder (created if needed), or a file ending in .zip; backup:
    /// JSON, or a zip if it ends in .zip; text: `-` prints to stdout. An existing file is
    /// replaced; a directory never is.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    /// First night, YYYY-MM-DD (pdf, text) [default: pdf without --to: since the last visit
    /// (the night after it), or 30 nights when there is none or it is under 14 nights ago;
    /// otherwise 30 nights (pdf) or 14 nights (text) before --to].
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last night, YYYY-MM-DD (pdf, text) [default: the last completed night].
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Paper size of the report: a4 or letter (pdf) [default: the journal's setting].
    #[arg(long)]
    pub paper: Option<String>,
    /// Include your own notes (pdf, csv). Off by default: notes can be private.
    #[arg(long)]
    pub notes: bool,
    /// Add page 2 with the detail: relief, where and how, patterns to test, sleep means, every
    /// note in the range (with --notes) and the definitions in a readable size (pdf). Off by
    /// default: page 1 stands alone.
    #[arg(long)]
    pub detail_page: bool,
    /// The patient's name printed in the report's header (pdf).
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// A font file (.ttf, .otf, .ttc) for scripts the report's own font lacks, e.g. a Noto
    /// CJK or Arabic font; repeat to try several in order (pdf).
    #[arg(long = "font", value_name = "FILE")]
    pub fonts: Vec<PathBuf>,
}

/// The formats a flag applies to, and an error for any other.
fn only_for(flag: &str, given: bool, format: Format, allowed: &[Format]) -> CliResult<()> {
    if !given || allowed.contains(&format) {
        return Ok(());
    }
    let names: Vec<&str> = allowed.iter().map(|f| f.name()).collect();
    let why = match format {
        Format::Csv | Format::Backup if flag == "from" || flag == "to" => {
            " (it always holds every record)"
        }
        Format::Backup if flag == "notes" => " (a backup always holds everything)",
        _ => "",
    };
    Err(CliError::invalid(
        flag,
        format!(
            "--{flag} applies to {} only, not to a {} export{why}",
            names.join(" and "),
            format.name()
        ),
    ))
}

/// A `--font` file as the person named it: its file name, at most 60 characters.
fn font_name(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    if name.chars().count() > 60 {
        format!("{}…", name.chars().take(59).collect::<String>())
    } else {
        name
    }
}

/// Reads the `--font` files (each at most the core's limit, checked before reading).
fn read_fonts(paths: &[PathBuf]) -> CliResult<Vec<ReportFont>> {
    paths
        .iter()
        .map(|path| {
            let unreadable = |why: &str| {
                CliError::invalid("font", format!("cannot use {}: {why}", font_name(path)))
            };
            let meta = std::fs::metadata(path).map_err(|_| unreadable("no such file"))?;
            if !meta.is_file() {
                return Err(unreadable("not a file"));
            }
            if meta.len() > MAX_FALLBACK_FONT_BYTES as u64 {
                return Err(unreadable("larger than 64 MB"));
            }
            let data = std::fs::read(path).map_err(|_| unreadable("it could not be read"))?;
            Ok(ReportFont {
                data,
                face_index: 0,
            })
        })
        .collect()
}

/// The core's `fallback_fonts` errors in the person's terms: `--font` and the file's name.
fn font_error(err: JournalError, paths: &[PathBuf]) -> CliError {
    match err {
        JournalError::InvalidInput { field, reason } if field == "fallback_fonts" => {
            let reason = paths.iter().enumerate().fold(reason, |reason, (i, path)| {
                reason.replacen(
                    &format!("font {} of the report's fallback fonts", i + 1),
                    &font_name(path),
                    1,
                )
            });
            CliError::invalid("font", reason)
        }
        other => CliError::Journal(other),
    }
}

/// Whether `path` names a zip file (`.zip`, any case).
fn is_zip_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

/// Runs `export`.
pub fn run(ctx: &Context, a: ExportArgs) -> CliResult<String> {
    use Format::{Backup, Csv, Pdf, Text};
    only_for("from", a.from.is_some(), a.format, &[Pdf, Text])?;
    only_for("to", a.to.is_some(), a.format, &[Pdf, Text])?;
    only_for("paper", a.paper.is_some(), a.format, &[Pdf])?;
    only_for("name", a.name.is_some(), a.format, &[Pdf])?;
    only_for("detail-page", a.detail_page, a.format, &[Pdf])?;
    only_for("notes", a.notes, a.format, &[Pdf, Csv])?;
    only_for("font", !a.fonts.is_empty(), a.format, &[Pdf])?;
    let to_stdout = a.out.as_os_str() == "-";
    if to_stdout && a.format != Text {
        return Err(CliError::invalid(
            "out",
            format!(
                "`-` (stdout) is for text only; write a {} export to a file, e.g. --out {}",
                a.format.name(),
                example_name(a.format)
            ),
        ));
    }
    if to_stdout && ctx.json {
        return Err(CliError::invalid(
            "out",
            "--json and --out - both print to stdout; choose one",
        ));
    }
    let paper = a.paper.as_deref().map(args::paper_size).transpose()?;
    let journal = open(ctx)?;
    let done = match a.format {
        Pdf => {
            // No dates given: the core's "since the last visit" period (30 nights without one).
            let range = if a.from.is_none() && a.to.is_none() {
                journal.visit_period()?.range
            } else {
                range(&journal, &a, DEFAULT_REPORT_NIGHTS)?
            };
            let bytes = journal
                .report_pdf(ReportOptions {
                    range: Some(range),
                    paper_size: paper,
                    include_notes: a.notes,
                    patient_name: a.name.clone(),
                    fallback_fonts: read_fonts(&a.fonts)?,
                    detail_page: a.detail_page,
                })
                .map_err(|e| font_error(e, &a.fonts))?;
            files::write_export(&journal, &a.out, &bytes)?;
            Written::file(&a, bytes.len(), pdf_pages(&bytes), Some(range))
        }
        Text => {
            let range = range(&journal, &a, DEFAULT_NIGHTS)?;
            let text = journal.summary_text(Some(range))?;
            if to_stdout {
                return Ok(text);
            }
            files::write_export(&journal, &a.out, text.as_bytes())?;
            Written::file(&a, text.len(), 0, Some(range))
        }
        Backup => {
            let bytes = if is_zip_name(&a.out) {
                journal.backup_zip()?
            } else {
                journal.backup_json()?.into_bytes()
            };
            files::write_export(&journal, &a.out, &bytes)?;
            Written::file(&a, bytes.len(), 0, None)
        }
        Csv => csv(&journal, &a)?,
    };
    if ctx.json {
        Ok(json::to_text(&done.json)?)
    } else {
        Ok(done.text)
    }
}

/// The nights of a pdf or text export.
///
/// The range is always resolved here, with the core's own default (`NightRange::default_at`
/// and the core's default length), so the message can name the nights the file covers.
fn range(journal: &Journal, a: &ExportArgs, default_nights: i64) -> CliResult<NightRange> {
    args::night_range(
        a.from.as_deref(),
        a.to.as_deref(),
        &journal.settings()?,
        default_nights,
    )
}

/// A file name to suggest for a format.
fn example_name(format: Format) -> &'static str {
    match format {
        Format::Pdf => "report.pdf",
        Format::Csv => "tables.zip",
        Format::Backup => "backup.json",
        Format::Text => "summary.txt",
    }
}

/// What was written: the line for the terminal and the object for `--json`.
struct Written {
    text: String,
    json: ExportJson,
}

impl Written {
    /// One file of `bytes` bytes at `--out`: `pages` pages if it is a PDF (0: not counted),
    /// covering `range` if it has one.
    fn file(a: &ExportArgs, bytes: usize, pages: usize, range: Option<NightRange>) -> Written {
        let mut detail = vec![files::size(bytes)];
        if pages > 0 {
            detail.push(format!("{pages} page{}", if pages == 1 { "" } else { "s" }));
        }
        if let Some(r) = range {
            detail.push(format!("nights {} – {}", r.first, r.last));
        }
        Written {
            text: format!("wrote {} ({})\n", a.out.display(), detail.join(", ")),
            json: ExportJson {
                format: a.format.name(),
                path: a.out.display().to_string(),
                bytes,
                pages: (pages > 0).then_some(pages),
                first_night: range.map(|r| r.first.to_string()),
                last_night: range.map(|r| r.last.to_string()),
                tables: Vec::new(),
            },
        }
    }
}

/// The pages of a PDF: its `/Type /Page` objects (the page tree's `/Type /Pages` excluded).
/// The core writes page objects uncompressed; 0 means they could not be counted.
fn pdf_pages(pdf: &[u8]) -> usize {
    const PAGE: &[u8] = b"/Type /Page";
    pdf.windows(PAGE.len() + 1)
        .filter(|w| w.starts_with(PAGE) && !w[PAGE.len()].is_ascii_alphanumeric())
        .count()
}

/// `export csv`: a zip when `--out` ends in `.zip`, else a folder of `<table>.csv` files.
fn csv(journal: &Journal, a: &ExportArgs) -> CliResult<Written> {
    let tables = journal.csv_tables(a.notes)?;
    let rows: u32 = tables.iter().map(|t| t.rows).sum();
    let listed: Vec<TableJson> = tables
        .iter()
        .map(|t| TableJson {
            file_name: t.file_name.clone(),
            rows: t.rows,
        })
        .collect();
    if is_zip_name(&a.out) {
        let bytes = journal.csv_zip(a.notes)?;
        files::write_export(journal, &a.out, &bytes)?;
        let mut done = Written::file(a, bytes.len(), 0, None);
        done.text = format!(
            "wrote {} ({}, {} tables, {rows} rows)\n",
            a.out.display(),
            files::size(bytes.len()),
            tables.len()
        );
        done.json.tables = listed;
        return Ok(done);
    }
    if a.out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    {
        return Err(CliError::invalid(
            "out",
            format!(
                "a csv export is one file per table: give a folder, or a name ending in .zip \
                 (not {})",
                a.out.display()
            ),
        ));
    }
    files::create_folder(&a.out)?;
    let mut total = 0;
    let mut lines = String::new();
    for table in &tables {
        let name = Path::new(&table.file_name);
        // The core names its tables; a name with a directory part would be a core bug.
        if name.file_name() != Some(name.as_os_str()) {
            return Err(CliError::Other(format!(
                "unexpected table name {:?}",
                table.file_name
            )));
        }
        files::write_export(journal, &a.out.join(name), table.content.as_bytes())?;
        total += table.content.len();
        lines.push_str(&format!(
            "  {:<24} {:>6} rows\n",
            table.file_name, table.rows
        ));
    }
    let mut done = Written::file(a, total, 0, None);
    done.text = format!(
        "wrote {} tables to {} ({}, {rows} rows)\n{lines}",
        tables.len(),
        a.out.display(),
        files::size(total)
    );
    done.json.tables = listed;
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_that_do_not_apply_are_rejected() {
        let err = only_for("from", true, Format::Csv, &[Format::Pdf, Format::Text])
            .expect_err("csv has no range")
            .to_string();
        assert_eq!(
            err,
            "invalid from: --from applies to pdf and text only, not to a csv export \
             (it always holds every record)"
        );
        assert!(only_for("from", false, Format::Csv, &[Format::Pdf]).is_ok());
        assert!(only_for("paper", true, Format::Pdf, &[Format::Pdf]).is_ok());
    }

    #[test]
    fn pages_are_counted_without_the_page_tree() {
        let pdf = b"1 0 obj << /Type /Pages /Kids [2 0 R] >> 2 0 obj << /Type /Page /Parent";
        assert_eq!(pdf_pages(pdf), 1);
        assert_eq!(pdf_pages(b"no pages here"), 0);
    }

    #[test]
    fn zip_names_are_recognised_in_any_case() {
        assert!(is_zip_name(Path::new("out/backup.ZIP")));
        assert!(!is_zip_name(Path::new("backup.json")));
        assert!(!is_zip_name(Path::new("zip")));
    }
}
