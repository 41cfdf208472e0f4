//! What every end-to-end test of the `rlsjournal` binary shares.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

/// Reading the report back with poppler and qpdf (shared with the core's tests).
#[path = "../../../core/tests/common/pdf_tools.rs"]
pub mod pdf_tools;
/// A child fed typed input: a passphrase on the binary's standard input (shared with the core).
#[path = "../../../core/tests/common/typed_input.rs"]
pub mod typed_input;

/// The real binary, run in `dir` as its own home (data and cache inside it, so no test touches
/// a real journal), without colour.
pub fn rlsjournal_in(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rlsjournal"));
    cmd.current_dir(dir)
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .env("NO_COLOR", "1");
    cmd
}
