//! Tests that need an outside tool (poppler's `pdftotext`, `qpdf`, …) and what happens when it
//! is missing: under CI (`CI` set, and not `false` or `0`) the test fails; elsewhere it skips
//! visibly. The skip is written straight to the process's stderr, past the test harness's output
//! capture (which only takes `print!`/`eprint!`), and appended as `test<TAB>tools` to
//! `<target>/tmp/skipped-tests.txt`, which `scripts/test.sh` sums up in its last lines.
//!
//! Shared by the core's and the CLI's integration tests (the CLI includes this file by path).
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::Command;

/// Where skipped tests are listed, one line each (scripts/test.sh empties it before a run);
/// `RLSJOURNAL_SKIP_LOG` names another file (the test of this mechanism uses it).
pub fn skip_log() -> PathBuf {
    match std::env::var_os("RLSJOURNAL_SKIP_LOG") {
        Some(path) => PathBuf::from(path),
        None => PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("skipped-tests.txt"),
    }
}

/// Whether this run is CI, where a missing tool must fail rather than skip.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// The tools of `tools` that cannot be started (each is run with `-v`).
pub fn missing(tools: &[&str]) -> Vec<String> {
    tools
        .iter()
        .filter(|tool| Command::new(tool).arg("-v").output().is_err())
        .map(|tool| tool.to_string())
        .collect()
}

/// Whether `test` can run: true when every tool is installed. Otherwise panics under CI, or
/// records the skip (stderr and the skip log) and returns false.
pub fn tools_present(test: &str, tools: &[&str]) -> bool {
    let missing = missing(tools);
    if missing.is_empty() {
        return true;
    }
    let tools = missing.join(", ");
    assert!(
        !in_ci(),
        "{test}: {tools} not installed, and CI must not skip (scripts/install-deps.sh installs \
         poppler-utils and qpdf)"
    );
    record_skip(test, &tools);
    false
}

/// Tells the person running the tests that `test` skipped, whatever the harness captures.
fn record_skip(test: &str, tools: &str) {
    // Straight to the file descriptor: `eprintln!` would be captured and hidden.
    let _ = writeln!(
        std::io::stderr().lock(),
        "SKIPPED {test}: {tools} not installed (scripts/install-deps.sh installs them)"
    );
    let path = skip_log();
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let line = format!("{test}\t{tools}\n");
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut f| f.write_all(line.as_bytes()));
    assert!(
        written.is_ok(),
        "{test}: could not record its skip in {}",
        path.display()
    );
}
