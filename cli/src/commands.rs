//! The commands other than `add` and `demo`: bedside logging, the read views, delete and undo,
//! settings and prompts. Each opens the journal, makes one or two calls and renders the result.

use std::path::PathBuf;
use std::sync::Arc;

use rlsjournal_core::store::file_access;
use rlsjournal_core::views::history::item as history_item;
use rlsjournal_core::{Entry, HistoryQuery, Journal, LocalDate, NoSymptomsData, Settings};

use crate::error::{quoted, CliError, CliResult};
use crate::json::{self, ChangeJson};
use crate::{args, paths, render, Context};

/// Opens the journal of `--db` or the default one.
pub fn open(ctx: &Context) -> CliResult<Arc<Journal>> {
    let path = paths::journal(ctx.db.as_ref())?;
    Ok(Journal::open_path(&path)?)
}

/// A journal opened by [`open_existing_or_new`], knowing whether that open created its file.
pub struct OpenedJournal {
    journal: Arc<Journal>,
    /// The journal's path if this open created the file (it did not exist before).
    created: Option<PathBuf>,
}

/// Opens the journal of `--db` or the default one like [`open`], and remembers whether the
/// file was created by this call, so that a command whose first call fails (an import the core
/// rejects) can leave no new file behind: see [`OpenedJournal::run_or_discard`].
pub fn open_existing_or_new(ctx: &Context) -> CliResult<OpenedJournal> {
    let path = paths::journal(ctx.db.as_ref())?;
    // Creating the (empty, 0600) file here tells us for certain that it is ours: a file that
    // another process created a moment ago is never removed.
    let created = file_access::create_private(&path)?;
    let journal = match Journal::open_path(&path) {
        Ok(journal) => journal,
        Err(e) => {
            if created {
                paths::remove_journal_files(&path)?;
            }
            return Err(e.into());
        }
    };
    Ok(OpenedJournal {
        journal,
        created: created.then_some(path),
    })
}

impl OpenedJournal {
    /// Whether this open created the journal file.
    #[cfg(test)]
    pub fn created(&self) -> bool {
        self.created.is_some()
    }

    /// Runs the command on the journal. If it fails and the journal file was created by this
    /// open, the journal is closed and the new file and its `-wal`/`-shm` are removed: a failed
    /// command on a path that held nothing leaves nothing there.
    pub fn run_or_discard<T>(self, f: impl FnOnce(&Journal) -> CliResult<T>) -> CliResult<T> {
        let OpenedJournal { journal, created } = self;
        let result = f(&journal);
        if let (Err(_), Some(path)) = (&result, created) {
            drop(journal);
            paths::remove_journal_files(&path)?;
        }
        result
    }
}

/// The night an entry belongs to (date-only entries: their date).
fn night_of(entry: &Entry) -> LocalDate {
    match entry {
        Entry::Episode { episode } => episode.night,
        Entry::SleepDiary { diary } => diary.data.night_of,
        Entry::Exposure { exposure } => exposure.night,
        Entry::Treatment { treatment } => treatment.data.started_on,
        Entry::Dose { dose } => dose.night,
        Entry::LabResult { lab } => lab.data.taken_on,
        Entry::SeverityRating { rating } => rating.data.rated_on,
        Entry::NoSymptoms { answer } => answer.data.night_of,
        Entry::Visit { visit } => visit.data.visit_on,
        Entry::SafetyCheck { check } => check.data.checked_on,
    }
}

/// The output of a write: the saved entry as a history row (text) or item (JSON).
pub fn saved(ctx: &Context, verb: &str, entry: Entry) -> CliResult<String> {
    let night = night_of(&entry);
    let item = history_item(entry, night);
    if ctx.json {
        Ok(json::to_text(&item)?)
    } else {
        Ok(render::saved(verb, &item, ctx.color))
    }
}

/// `quick <INTENSITY> [--side S] [--at TIME]`.
pub fn quick(
    ctx: &Context,
    intensity: i64,
    side: Option<&str>,
    at: Option<&str>,
) -> CliResult<String> {
    let intensity = args::number("peak_intensity", intensity)?;
    let side = side.map(args::side).transpose()?;
    let at = args::moment("started_at", at)?;
    let episode = open(ctx)?.quick_log(intensity, side, at)?;
    saved(ctx, "Logged", Entry::Episode { episode })
}

/// `end [--at TIME]`.
pub fn end(ctx: &Context, at: Option<&str>) -> CliResult<String> {
    let at = args::moment("ended_at", at)?;
    let episode = open(ctx)?.end_episode(at)?;
    saved(ctx, "Ended", Entry::Episode { episode })
}

/// `no-symptoms [--night DATE] [--at TIME]`: the morning's "no symptoms last night" answer.
pub fn no_symptoms(ctx: &Context, night: Option<&str>, at: Option<&str>) -> CliResult<String> {
    let answered_at = args::moment_or_now("answered_at", at)?;
    let mut data = NoSymptomsData::last_night(&answered_at);
    if let Some(night) = night {
        data.night_of = args::date("night_of", night)?;
    }
    let answer = open(ctx)?.add_no_symptoms(data)?;
    saved(ctx, "Recorded", Entry::NoSymptoms { answer })
}

/// `relief <METHOD> --helped N [--minutes N] [--at TIME]`.
pub fn relief(
    ctx: &Context,
    method: &str,
    helped: i64,
    minutes: Option<i64>,
    at: Option<&str>,
) -> CliResult<String> {
    let method = args::relief_method(method)?;
    let helped = args::number("helped", helped)?;
    let minutes = args::optional_number("minutes_to_relief", minutes)?;
    let at = args::moment("at", at)?;
    let episode = open(ctx)?.add_relief(method, helped, minutes, at)?;
    saved(ctx, "Relief added to", Entry::Episode { episode })
}

/// `history [--limit N] [--kind K]… [--cursor C]`.
pub fn history(
    ctx: &Context,
    limit: i64,
    kinds: &[String],
    cursor: Option<String>,
) -> CliResult<String> {
    let query = HistoryQuery {
        kinds: kinds
            .iter()
            .map(|k| args::entry_kind(k))
            .collect::<CliResult<Vec<_>>>()?,
        cursor,
        limit: args::number("limit", limit)?,
    };
    let page = open(ctx)?.history(query)?;
    if ctx.json {
        return Ok(json::to_text(&page)?);
    }
    let mut out = render::history(&page.items, ctx.color, true);
    out.push_str(&render::damaged(&page.damaged));
    if let Some(next) = page.next_cursor {
        out.push_str(&format!("more: rlsjournal history --cursor {next}\n"));
    }
    Ok(out)
}

/// `night <DATE>`.
pub fn night(ctx: &Context, date: &str) -> CliResult<String> {
    let date = args::date("night", date)?;
    let view = open(ctx)?.night(date)?;
    if ctx.json {
        Ok(json::to_text(&view)?)
    } else {
        Ok(render::night(&view, ctx.color))
    }
}

/// `calendar [YYYY-MM]`.
pub fn calendar(ctx: &Context, month: Option<&str>) -> CliResult<String> {
    let (year, month) = args::month(month)?;
    let cal = open(ctx)?.calendar_month(year, i32::from(month))?;
    if ctx.json {
        Ok(json::to_text(&cal)?)
    } else {
        Ok(render::calendar(&cal, ctx.color) + &render::calendar_legend(ctx.color))
    }
}

/// `delete <ID>`.
pub fn delete(ctx: &Context, id: String) -> CliResult<String> {
    open(ctx)?.delete_entry(id.clone())?;
    if ctx.json {
        return Ok(json::to_text(&ChangeJson {
            action: "deleted".into(),
            id: Some(id),
        })?);
    }
    Ok(format!("Deleted {id} (rlsjournal undo brings it back)\n"))
}

/// `undo [ID]`: restores that entry, or the most recently deleted one.
pub fn undo(ctx: &Context, id: Option<String>) -> CliResult<String> {
    let journal = open(ctx)?;
    let restored = match id {
        Some(id) => {
            journal.restore_entry(id.clone())?;
            Some(id)
        }
        None => journal.undo_delete()?,
    };
    if ctx.json {
        return Ok(json::to_text(&ChangeJson {
            action: "restored".into(),
            id: restored,
        })?);
    }
    Ok(match restored {
        Some(id) => format!("Restored {id}\n"),
        None => "Nothing to undo.\n".to_string(),
    })
}

/// The changes `settings` was asked to make.
pub struct SettingsChange {
    /// `--cutover`.
    pub cutover: Option<i64>,
    /// `--morning-hour`.
    pub morning_hour: Option<i64>,
    /// `--evening-hour` (`none` clears it).
    pub evening_hour: Option<String>,
    /// `--paper`.
    pub paper: Option<String>,
}

impl SettingsChange {
    fn is_empty(&self) -> bool {
        self.cutover.is_none()
            && self.morning_hour.is_none()
            && self.evening_hour.is_none()
            && self.paper.is_none()
    }

    fn apply(&self, mut s: Settings) -> CliResult<Settings> {
        if let Some(h) = self.cutover {
            s.night_cutover_hour = args::number("night_cutover_hour", h)?;
        }
        if let Some(h) = self.morning_hour {
            s.morning_hour = args::number("morning_hour", h)?;
        }
        if let Some(text) = &self.evening_hour {
            s.evening_reminder_hour = match text.trim() {
                "none" | "off" => None,
                t => Some(t.parse::<i32>().map_err(|_| {
                    CliError::invalid(
                        "evening_reminder_hour",
                        format!("{} is not an hour 0–23 or none", quoted(t)),
                    )
                })?),
            };
        }
        if let Some(p) = &self.paper {
            s.paper_size = args::paper_size(p)?;
        }
        Ok(s)
    }
}

/// `settings [--cutover H] [--morning-hour H] [--evening-hour H|none] [--paper a4|letter]`.
pub fn settings(ctx: &Context, change: SettingsChange) -> CliResult<String> {
    let journal = open(ctx)?;
    let mut current = journal.settings()?;
    if !change.is_empty() {
        current = journal.update_settings(change.apply(current)?)?;
    }
    if ctx.json {
        Ok(json::to_text(&current)?)
    } else {
        Ok(render::settings(&current))
    }
}

/// `prompts` (the hidden `--now` fixes the clock for tests).
pub fn prompts(ctx: &Context, now: Option<&str>) -> CliResult<String> {
    let now = args::moment("now", now)?;
    let list = open(ctx)?.prompts(now)?;
    if ctx.json {
        Ok(json::to_text(&json::PromptsJson { prompts: &list })?)
    } else {
        Ok(render::prompts(&list, ctx.color))
    }
}

/// `summary [--from DATE] [--to DATE]`: the pattern summary, drawn for the terminal or as JSON.
pub fn summary(ctx: &Context, from: Option<&str>, to: Option<&str>) -> CliResult<String> {
    let journal = open(ctx)?;
    let range = match (from, to) {
        (None, None) => None,
        (from, to) => Some(args::night_range(
            from,
            to,
            &journal.settings()?,
            rlsjournal_core::summary::DEFAULT_NIGHTS,
        )?),
    };
    let summary = journal.summary(range)?;
    if ctx.json {
        Ok(json::to_text(&summary)?)
    } else {
        Ok(crate::render_summary::render_summary(&summary, ctx.color))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context(db: &std::path::Path) -> Context {
        Context {
            db: Some(db.to_path_buf()),
            json: false,
            color: false,
        }
    }

    fn names(dir: &std::path::Path) -> Vec<String> {
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_rejected_import_into_a_new_path_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("new.db");
        let opened = open_existing_or_new(&context(&db)).unwrap();
        assert!(opened.created());
        let result = opened.run_or_discard(|journal| {
            Ok(journal.import_backup(b"{\"not\": \"a backup\"}".to_vec())?)
        });
        assert!(matches!(
            result,
            Err(CliError::Journal(
                rlsjournal_core::JournalError::ImportRejected { .. }
            ))
        ));
        assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
    }

    #[test]
    fn a_failed_command_on_an_existing_journal_keeps_it() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("journal.db");
        open(&context(&db))
            .unwrap()
            .quick_log(4, None, None)
            .unwrap();
        let opened = open_existing_or_new(&context(&db)).unwrap();
        assert!(!opened.created());
        let result = opened.run_or_discard(|journal| Ok(journal.import_backup(vec![0; 8])?));
        assert!(result.is_err());
        assert_eq!(names(dir.path()), vec!["journal.db".to_string()]);
        assert!(open(&context(&db))
            .unwrap()
            .open_episode()
            .unwrap()
            .is_some());
    }

    #[test]
    fn a_successful_command_on_a_new_path_keeps_the_journal() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("new.db");
        let opened = open_existing_or_new(&context(&db)).unwrap();
        assert!(opened.created());
        opened
            .run_or_discard(|journal| Ok(journal.quick_log(5, None, None)?))
            .unwrap();
        assert!(open(&context(&db))
            .unwrap()
            .open_episode()
            .unwrap()
            .is_some());
    }
}
