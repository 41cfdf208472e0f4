//! Reading a report back as a person's tools see it: poppler's `pdftotext` and `pdfinfo`, and
//! `qpdf --check`. Whether the tools are installed is `skip`'s business, not this file's.
//!
//! Shared by the core's and the CLI's integration tests (the CLI and the summary tests include
//! this file by path), so it uses the standard library only.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `tool` with `args` to the end; panics with its output when it fails.
pub fn run_tool(tool: &str, args: &[&str]) -> Output {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {tool}: {e}"));
    assert!(
        out.status.success(),
        "{tool} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// What `tool` with `args` writes to its standard output (it must succeed).
pub fn tool_stdout(tool: &str, args: &[&str]) -> String {
    String::from_utf8_lossy(&run_tool(tool, args).stdout).into_owned()
}

/// Writes `pdf` to `dir/name` and returns the file's path.
pub fn write_pdf(dir: &Path, name: &str, pdf: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, pdf).expect("write pdf");
    path
}

/// The text of page `page` (1-based; 0 for every page) in drawing order (`pdftotext -raw`, so
/// it does not depend on how poppler groups columns), every run of whitespace as one space.
pub fn page_text(pdf: &Path, page: u32) -> String {
    let page = page.to_string();
    let path = pdf.to_string_lossy();
    let mut args = vec!["-raw"];
    if page != "0" {
        args.extend(["-f", &page, "-l", &page]);
    }
    args.extend([&*path, "-"]);
    tool_stdout("pdftotext", &args)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of every page, as [`page_text`] gives it.
pub fn pdf_text(pdf: &Path) -> String {
    page_text(pdf, 0)
}

/// The value of a field of `pdfinfo`'s output (`Pages`, `Page size`, …), or "" without it.
pub fn info_field(info: &str, field: &str) -> String {
    info.lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .map(|v| v.trim().to_string())
        .unwrap_or_default()
}

/// The number of pages `pdfinfo` reads in `pdf`, as it prints it ("" when it prints none).
pub fn page_count(pdf: &Path) -> String {
    info_field(&tool_stdout("pdfinfo", &[&pdf.to_string_lossy()]), "Pages")
}

/// Asserts that `qpdf --check` finds no error in `pdf`.
pub fn assert_qpdf_clean(pdf: &Path) {
    let out = tool_stdout("qpdf", &["--check", &pdf.to_string_lossy()]);
    assert!(
        out.contains("No syntax or stream encoding errors found"),
        "qpdf: {out}"
    );
}

/// Asserts that `text` holds `wanted`, showing the whole text when it does not.
pub fn assert_has(text: &str, wanted: &str) {
    assert!(text.contains(wanted), "{wanted:?} not found in:\n{text}");
}

/// Asserts that `text` does not hold `unwanted`, showing the whole text when it does.
pub fn assert_lacks(text: &str, unwanted: &str) {
    assert!(!text.contains(unwanted), "{unwanted:?} found in:\n{text}");
}
