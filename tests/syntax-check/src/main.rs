//! `syntax-check [--allow-missing] [--allow-empty] [--min-files N] [PATH...]`
//!
//! Parses every Swift (`.swift`) and Kotlin (`.kt`, `.kts`) source under the
//! given paths with tree-sitter and reports every syntax error.
//!
//! Exit status: 0 if every file parsed cleanly, 1 if there was any syntax or
//! read error (or no files were found and `--allow-empty` was not given, or a
//! path held fewer files than the `--min-files` before it), 2 for usage
//! errors and missing paths (unless `--allow-missing`).

use std::path::PathBuf;
use std::process::ExitCode;

use syntax_check::{check_file, collect_files, Lang, SyntaxError};

const USAGE: &str = "\
usage: syntax-check [OPTIONS] [PATH...]

Parses every Swift (.swift) and Kotlin (.kt, .kts) file under each PATH
(files or directories, walked recursively; build/, .gradle/ and .build/
directories are skipped) and reports every syntax error. PATH defaults to
the current directory.

options:
  --allow-missing  skip PATHs that do not exist instead of failing
  --allow-empty    succeed even if no source files were found
  --min-files N    every PATH after this option must hold at least N
                   source files (a later --min-files applies to the PATHs
                   after it); prints each such PATH's count
  -h, --help       show this help";

struct Options {
    /// Each path with the least number of files it must hold (0: no minimum).
    paths: Vec<(PathBuf, usize)>,
    allow_missing: bool,
    allow_empty: bool,
}

enum Parsed {
    Run(Options),
    Help,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Parsed, String> {
    let mut options = Options {
        paths: Vec::new(),
        allow_missing: false,
        allow_empty: false,
    };
    let mut only_paths = false;
    let mut min_files = 0usize;
    while let Some(arg) = args.next() {
        if only_paths || !arg.starts_with('-') || arg == "-" {
            options.paths.push((PathBuf::from(arg), min_files));
            continue;
        }
        match arg.as_str() {
            "--" => only_paths = true,
            "--allow-missing" => options.allow_missing = true,
            "--allow-empty" => options.allow_empty = true,
            "--min-files" => {
                min_files = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .ok_or("`--min-files` needs a whole number")?;
            }
            "-h" | "--help" => return Ok(Parsed::Help),
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    if options.paths.is_empty() {
        options.paths.push((PathBuf::from("."), min_files));
    }
    Ok(Parsed::Run(options))
}

fn print_error(path: &std::path::Path, error: &SyntaxError) {
    println!("{}:{error}", path.display());
    println!("    {}", error.source_line);
    // A caret under the column; tabs are kept so it lines up in terminals.
    let indent: String = error
        .source_line
        .chars()
        .take(error.column.saturating_sub(1))
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    println!("    {indent}^");
}

fn run(options: &Options) -> ExitCode {
    // Check every path up front so a typo fails before any output.
    let mut existing = Vec::new();
    let mut missing = false;
    for (path, min_files) in &options.paths {
        if path.exists() {
            existing.push((path, *min_files));
        } else if options.allow_missing && *min_files == 0 {
            eprintln!(
                "syntax-check: note: skipping missing path {}",
                path.display()
            );
        } else {
            eprintln!("syntax-check: error: no such path {}", path.display());
            missing = true;
        }
    }
    if missing {
        return ExitCode::from(2);
    }

    let mut swift = 0usize;
    let mut kotlin = 0usize;
    let mut errors = 0usize;
    // Paths holding fewer files than their minimum: an app folder that moved or a walk that
    // skips too much would otherwise parse nothing and pass.
    let mut short = Vec::new();
    for (root, min_files) in existing {
        let files = match collect_files(root) {
            Ok(files) => files,
            Err(err) => {
                println!("{}: error: cannot walk: {err}", root.display());
                errors += 1;
                continue;
            }
        };
        if min_files > 0 {
            let (swift, kotlin) = files.iter().fold((0, 0), |(s, k), (_, lang)| match lang {
                Lang::Swift => (s + 1, k),
                Lang::Kotlin => (s, k + 1),
            });
            println!(
                "syntax-check: {}: {} files ({swift} swift, {kotlin} kotlin), at least {min_files} expected",
                root.display(),
                files.len()
            );
            if files.len() < min_files {
                short.push(format!(
                    "{} holds {} files, fewer than the {min_files} expected",
                    root.display(),
                    files.len()
                ));
            }
        }
        for (path, lang) in files {
            let report = match check_file(&path, lang) {
                Ok(report) => report,
                Err(err) => {
                    println!("{}: error: cannot read: {err}", path.display());
                    errors += 1;
                    continue;
                }
            };
            match lang {
                Lang::Swift => swift += 1,
                Lang::Kotlin => kotlin += 1,
            }
            for error in &report.errors {
                print_error(&report.path, error);
            }
            errors += report.errors.len();
        }
    }

    let total = swift + kotlin;
    println!(
        "syntax-check: {total} files parsed ({swift} swift, {kotlin} kotlin), {errors} errors"
    );
    for message in &short {
        eprintln!("syntax-check: error: {message}");
    }
    if errors > 0 || !short.is_empty() {
        return ExitCode::FAILURE;
    }
    if total == 0 && !options.allow_empty {
        eprintln!("syntax-check: error: no Swift or Kotlin files found (pass --allow-empty to accept that)");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    match parse_args(std::env::args().skip(1)) {
        Ok(Parsed::Run(options)) => run(&options),
        Ok(Parsed::Help) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("syntax-check: error: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
