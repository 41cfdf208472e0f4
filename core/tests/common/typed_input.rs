//! Child processes that read what a person would type: a passphrase on the `rlsjournal` binary's
//! standard input, and the `age` tool's passphrase prompts on a pseudo-terminal.
//!
//! Shared by the core's and the CLI's integration tests (the CLI includes this file by path), so
//! it uses the standard library only.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Starts `command` with `input` written to its standard input, which is then closed (as at the
/// end of typing), and waits for it. Its standard output and error go where `command` says.
pub fn output_with_input(command: &mut Command, input: &str) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .spawn()
        .expect("start the command");
    child
        .stdin
        .take()
        .expect("the command's standard input")
        .write_all(input.as_bytes())
        .expect("write the command's standard input");
    child.wait_with_output().expect("wait for the command")
}

/// Runs the `age` tool on a pseudo-terminal (`script`) in `dir`, as age reads a passphrase only
/// from a terminal (age 1.1 has no passphrase variable); `answers` are typed into it. Panics
/// when age fails.
pub fn age_tool(dir: &Path, args: &str, answers: &str) {
    let out = output_with_input(
        Command::new("script")
            .args(["-qec", &format!("age {args}"), "/dev/null"])
            .current_dir(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
        answers,
    );
    assert!(out.status.success(), "age {args} failed");
}
