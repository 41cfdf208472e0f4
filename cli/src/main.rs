//! `rlsjournal`: the terminal front end of RLS Journal.
//!
//! It calls the same `Journal` API as the phone apps: every rule (validation, nights, display
//! text) comes from the core; this crate parses arguments, picks the journal file and prints.
//! `cli/README.md` documents the commands and the JSON shapes.

mod add;
mod args;
mod backup;
mod commands;
mod demo;
mod error;
mod export;
mod files;
mod import;
mod json;
mod passphrase;
mod paths;
mod render;
mod render_summary;
mod sync;
mod terminal;
mod wording;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::error::CliError;

/// Symptom journal for Restless Legs Syndrome, offline.
#[derive(Parser, Debug)]
#[command(name = "rlsjournal", version, about, long_about = None)]
struct Cli {
    /// The journal file [default: the platform data directory, e.g.
    /// $XDG_DATA_HOME/rlsjournal/journal.db, created on first use].
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Print JSON instead of text (field names in cli/README.md).
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

/// Every command. Times are RFC 3339 with an offset (`2026-11-27T02:10:00+01:00`), default
/// now; dates are `YYYY-MM-DD`.
#[derive(Subcommand, Debug)]
enum Command {
    /// Log symptoms now: peak intensity 1–10 (within 3 h of an open episode, raises its peak).
    Quick {
        /// Peak intensity, 1 (barely) to 10 (worst imaginable).
        #[arg(allow_negative_numbers = true)]
        intensity: i64,
        /// left, right, both or alternating.
        #[arg(long)]
        side: Option<String>,
        /// When symptoms began [default: now].
        #[arg(long)]
        at: Option<String>,
    },
    /// End the open episode.
    End {
        /// When it ended [default: now].
        #[arg(long)]
        at: Option<String>,
    },
    /// Record what you tried for relief (on the open or latest episode).
    Relief {
        /// walking, stretching, massage, heat, cold, compression, magnesium_oil, medication,
        /// weighted_blanket, vibration or other:<label>.
        method: String,
        /// How much it helped: 0 none, 1 some, 2 much, 3 complete.
        #[arg(long, allow_negative_numbers = true)]
        helped: i64,
        /// Minutes until relief came.
        #[arg(long, allow_negative_numbers = true)]
        minutes: Option<i64>,
        /// When it was tried [default: now].
        #[arg(long)]
        at: Option<String>,
    },
    /// Morning check-in: no RLS symptoms last night (one per night; again changes nothing).
    NoSymptoms {
        /// The night, YYYY-MM-DD (the evening's date) [default: last night].
        #[arg(long)]
        night: Option<String>,
        /// When you answered [default: now].
        #[arg(long)]
        at: Option<String>,
    },
    /// Add a complete entry of any kind (backdated entries too).
    #[command(subcommand)]
    Add(add::AddCommand),
    /// History, newest first.
    History {
        /// Items per page, 1–200.
        #[arg(long, default_value_t = 20, allow_negative_numbers = true)]
        limit: i64,
        /// Only these kinds: episode, sleep, exposure, treatment, dose, lab, rating,
        /// no_symptoms (repeat or separate with commas).
        #[arg(long, value_delimiter = ',')]
        kind: Vec<String>,
        /// Continue after a previous page (its `next_cursor`).
        #[arg(long)]
        cursor: Option<String>,
    },
    /// Everything recorded for one night (the evening's date).
    Night {
        /// The night, YYYY-MM-DD.
        date: String,
    },
    /// A month of nights as a heat map of peak intensity.
    Calendar {
        /// The month, YYYY-MM [default: this month].
        month: Option<String>,
    },
    /// Delete an entry or relief attempt (undo brings it back).
    Delete {
        /// The entry id (from `history`).
        id: String,
    },
    /// Restore a deleted entry: the given one, or else the most recently deleted.
    Undo {
        /// The entry id.
        id: Option<String>,
    },
    /// Show or change the settings.
    Settings {
        /// Hour (0–23) at which one night ends and the next begins.
        #[arg(long, allow_negative_numbers = true)]
        cutover: Option<i64>,
        /// Hour (0–23) from which the morning check-in is due.
        #[arg(long, allow_negative_numbers = true)]
        morning_hour: Option<i64>,
        /// Hour (0–23) of the evening reminder, or `none`.
        #[arg(long)]
        evening_hour: Option<String>,
        /// Report paper size: a4 or letter.
        #[arg(long)]
        paper: Option<String>,
    },
    /// What is due now: morning check-in, weekly rating, an open episode.
    Prompts {
        /// As if it were this moment (RFC 3339): a fixed clock for tests, so hidden.
        #[arg(long, hide = true)]
        now: Option<String>,
    },
    /// The pattern summary of a range of nights (default: the last 14).
    Summary {
        /// First night, YYYY-MM-DD (with --to; default: 14 nights before --to).
        #[arg(long)]
        from: Option<String>,
        /// Last night, YYYY-MM-DD (default: the last completed night).
        #[arg(long)]
        to: Option<String>,
    },
    /// Export the clinician report (pdf), CSV tables, a backup or the summary as text.
    Export(export::ExportArgs),
    /// Merge a backup (.json or .zip from `export backup`) into the journal, all or nothing.
    Import {
        /// The backup file.
        file: PathBuf,
        /// For an encrypted backup: read the passphrase from this file's first line
        /// [default: ask for it].
        #[arg(long, value_name = "FILE")]
        passphrase_file: Option<PathBuf>,
    },
    /// Write a backup now into a folder (older ones this app wrote are pruned to 7 daily + 4
    /// weekly; other files are never touched).
    Backup {
        /// The folder.
        #[arg(long, value_name = "DIR")]
        folder: PathBuf,
        /// Encrypt it with a passphrase (the age format; the `age` tool opens it).
        #[arg(long)]
        encrypt: bool,
        /// Read the passphrase from this file's first line [default: ask for it].
        #[arg(long, value_name = "FILE")]
        passphrase_file: Option<PathBuf>,
    },
    /// Sync with a folder your devices share (Syncthing, Google Drive, iCloud Drive): merge
    /// the other devices' files in, then write this device's own file.
    Sync {
        /// The shared folder.
        #[arg(long, value_name = "DIR")]
        folder: PathBuf,
        /// Encrypt this device's file and open the others' with the passphrase on this file's
        /// first line.
        #[arg(long, value_name = "FILE", conflicts_with = "passphrase_stdin")]
        passphrase_file: Option<PathBuf>,
        /// Read that passphrase from standard input (asked for without echo on a terminal).
        #[arg(long)]
        passphrase_stdin: bool,
    },
    /// Restore a journal on a new device from a sync folder or a backup file; refuses a
    /// journal that already holds records.
    Restore {
        /// The sync folder or the backup file (.json, .zip or an encrypted .age).
        #[arg(long, value_name = "PATH")]
        from: PathBuf,
        /// The passphrase on this file's first line [default: asked for when needed].
        #[arg(long, value_name = "FILE", conflicts_with = "passphrase_stdin")]
        passphrase_file: Option<PathBuf>,
        /// Read the passphrase from standard input.
        #[arg(long)]
        passphrase_stdin: bool,
    },
    /// Write a realistic synthetic journal (never your own), its clinician report, and show it.
    Demo {
        /// How many nights, ending last night.
        #[arg(long, default_value_t = 56, allow_negative_numbers = true)]
        nights: i64,
        /// The seed: the same seed writes the same journal.
        #[arg(long, default_value_t = rlsjournal_demo::DEFAULT_SEED)]
        seed: u64,
        /// The last night, YYYY-MM-DD [default: last night].
        #[arg(long)]
        last_night: Option<String>,
        /// Where to write the demo's clinician report (PDF) [default: next to the demo
        /// journal, e.g. rlsjournal-demo-report.pdf].
        #[arg(long, value_name = "PATH")]
        report: Option<PathBuf>,
    },
}

/// What every command needs besides its own arguments.
pub struct Context {
    /// `--db`, if given.
    pub db: Option<PathBuf>,
    /// `--json`.
    pub json: bool,
    /// Whether to use terminal colours and shading (stdout is a terminal and `NO_COLOR` unset).
    pub color: bool,
}

fn dispatch(ctx: &Context, command: Command) -> Result<String, CliError> {
    match command {
        Command::Quick {
            intensity,
            side,
            at,
        } => commands::quick(ctx, intensity, side.as_deref(), at.as_deref()),
        Command::End { at } => commands::end(ctx, at.as_deref()),
        Command::Relief {
            method,
            helped,
            minutes,
            at,
        } => commands::relief(ctx, &method, helped, minutes, at.as_deref()),
        Command::NoSymptoms { night, at } => {
            commands::no_symptoms(ctx, night.as_deref(), at.as_deref())
        }
        Command::Add(add) => add::run(ctx, add),
        Command::History {
            limit,
            kind,
            cursor,
        } => commands::history(ctx, limit, &kind, cursor),
        Command::Night { date } => commands::night(ctx, &date),
        Command::Calendar { month } => commands::calendar(ctx, month.as_deref()),
        Command::Delete { id } => commands::delete(ctx, id),
        Command::Undo { id } => commands::undo(ctx, id),
        Command::Settings {
            cutover,
            morning_hour,
            evening_hour,
            paper,
        } => commands::settings(
            ctx,
            commands::SettingsChange {
                cutover,
                morning_hour,
                evening_hour,
                paper,
            },
        ),
        Command::Prompts { now } => commands::prompts(ctx, now.as_deref()),
        Command::Summary { from, to } => commands::summary(ctx, from.as_deref(), to.as_deref()),
        Command::Export(args) => export::run(ctx, args),
        Command::Import {
            file,
            passphrase_file,
        } => import::run(ctx, &file, passphrase_file.as_deref()),
        Command::Backup {
            folder,
            encrypt,
            passphrase_file,
        } => backup::run(ctx, &folder, encrypt, passphrase_file.as_deref()),
        Command::Sync {
            folder,
            passphrase_file,
            passphrase_stdin,
        } => sync::run_sync(
            ctx,
            &folder,
            &sync::PassphraseFrom {
                file: passphrase_file.as_deref(),
                stdin: passphrase_stdin,
            },
        ),
        Command::Restore {
            from,
            passphrase_file,
            passphrase_stdin,
        } => sync::run_restore(
            ctx,
            &from,
            &sync::PassphraseFrom {
                file: passphrase_file.as_deref(),
                stdin: passphrase_stdin,
            },
        ),
        Command::Demo {
            nights,
            seed,
            last_night,
            report,
        } => demo::run(ctx, nights, seed, last_night.as_deref(), report),
    }
}

/// The command's name in the error-wording table (`quick`, `add sleep`, …).
fn command_name(command: &Command) -> wording::CommandName {
    use add::AddCommand as A;
    wording::CommandName(match command {
        Command::Quick { .. } => "quick",
        Command::End { .. } => "end",
        Command::Relief { .. } => "relief",
        Command::NoSymptoms { .. } => "no-symptoms",
        Command::Add(add) => match add {
            A::Episode { .. } => "add episode",
            A::Relief { .. } => "add relief",
            A::Sleep { .. } => "add sleep",
            A::Exposure { .. } => "add exposure",
            A::Treatment { .. } => "add treatment",
            A::Dose { .. } => "add dose",
            A::Lab { .. } => "add lab",
            A::Rating { .. } => "add rating",
            A::Visit { .. } => "add visit",
            A::SafetyCheck { .. } => "add safety-check",
        },
        Command::History { .. } => "history",
        Command::Night { .. } => "night",
        Command::Calendar { .. } => "calendar",
        Command::Delete { .. } => "delete",
        Command::Undo { .. } => "undo",
        Command::Settings { .. } => "settings",
        Command::Prompts { .. } => "prompts",
        Command::Summary { .. } => "summary",
        Command::Export(_) => "export",
        Command::Import { .. } => "import",
        Command::Backup { .. } => "backup",
        Command::Sync { .. } => "sync",
        Command::Restore { .. } => "restore",
        Command::Demo { .. } => "demo",
    })
}

/// Prints one line on stderr: `rlsjournal: <message>`.
fn complain(message: &str) {
    let one_line = message.split_whitespace().collect::<Vec<_>>().join(" ");
    let shown = terminal::for_terminal(&error::bounded(&one_line), false);
    let _ = writeln!(std::io::stderr(), "rlsjournal: {shown}");
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) if !err.use_stderr() => {
            // --help and --version.
            let _ = err.print();
            return ExitCode::SUCCESS;
        }
        Err(err) => {
            // clap's own report spans several lines; keep its first paragraph (the reason,
            // with any missing arguments listed under it) on one line.
            let text = err.render().to_string();
            let reason = text.split("\n\n").next().unwrap_or("invalid arguments");
            complain(reason.trim_start_matches("error: "));
            return ExitCode::from(2);
        }
    };
    let stdout = std::io::stdout();
    let ctx = Context {
        db: cli.db,
        json: cli.json,
        color: stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let command = command_name(&cli.command);
    match dispatch(&ctx, cli.command) {
        Ok(text) => match stdout
            .lock()
            .write_all(terminal::for_terminal(&text, ctx.color).as_bytes())
        {
            Ok(()) => ExitCode::SUCCESS,
            // A closed pipe (`| head`) is not an error worth reporting.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                complain(&format!("cannot write the output: {e}"));
                ExitCode::FAILURE
            }
        },
        Err(err) => {
            complain(&err.message(command));
            ExitCode::from(err.exit_code())
        }
    }
}
