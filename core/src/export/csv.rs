//! CSV tables, one per entity, RFC 4180: a header row, CRLF line ends, quoted fields where
//! needed, UTF-8 with a byte-order mark so spreadsheets read µ and accents right. Every time has
//! a local-time column and a UTC-offset column; timed records have a night column.

use rusqlite::Connection;

use crate::error::Result;
use crate::model::damaged::DamagedRecord;
use crate::model::entry::Entry;
use crate::model::episode::helped_words;
use crate::model::kinds::SafetyItem;
use crate::model::lab::irls_band;
use crate::store::entries::RowKind;
use crate::store::{queries, records};
use crate::time::{hh_mm, iso_date, LocalDate, Moment, MINUTE_MS};

/// One CSV file.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq)]
pub struct CsvTable {
    /// The file name, e.g. `episodes.csv`.
    pub file_name: String,
    /// The file content (UTF-8 with a byte-order mark, CRLF line ends).
    pub content: String,
    /// Data rows, not counting the header.
    pub rows: u32,
}

/// A table being built.
struct Table {
    file_name: &'static str,
    lines: Vec<String>,
}

impl Table {
    fn new(file_name: &'static str, header: &[&str]) -> Table {
        Table {
            file_name,
            lines: vec![header.join(",")],
        }
    }

    fn push(&mut self, cells: Vec<String>) {
        let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
        self.lines.push(line.join(","));
    }

    fn finish(self) -> CsvTable {
        let rows = u32::try_from(self.lines.len().saturating_sub(1)).unwrap_or(u32::MAX);
        let mut content = String::from("\u{feff}");
        for line in &self.lines {
            content.push_str(line);
            content.push_str("\r\n");
        }
        CsvTable {
            file_name: self.file_name.to_string(),
            content,
            rows,
        }
    }
}

/// Quotes a field when RFC 4180 requires it. Text that a spreadsheet would run as a formula
/// (`=`, `+`, `-`, `@` first) gets a leading apostrophe: a note must never become a formula.
fn field(value: &str) -> String {
    let guarded = match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') if !is_number_or_offset(value) => {
            format!("'{value}")
        }
        _ => value.to_string(),
    };
    if guarded.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// Negative numbers and UTC offsets (`-05:00`) are data, not formulas.
fn is_number_or_offset(value: &str) -> bool {
    value.parse::<f64>().is_ok()
        || (value.len() == 6
            && value.starts_with(['+', '-'])
            && value
                .chars()
                .skip(1)
                .all(|c| c.is_ascii_digit() || c == ':'))
}

fn local(m: &Moment) -> String {
    let local = m.local();
    format!("{} {}", iso_date(local.date()), hh_mm(local))
}

fn offset(m: &Moment) -> String {
    let sign = if m.offset_minutes < 0 { '-' } else { '+' };
    let abs = m.offset_minutes.unsigned_abs();
    format!("{sign}{:02}:{:02}", abs / 60, abs % 60)
}

fn opt_local(m: &Option<Moment>) -> String {
    m.as_ref().map(local).unwrap_or_default()
}

fn opt_offset(m: &Option<Moment>) -> String {
    m.as_ref().map(offset).unwrap_or_default()
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

fn num(v: f64) -> String {
    crate::views::describe::number_text(v)
}

fn date(d: LocalDate) -> String {
    crate::time::iso_date(d)
}

/// A regimen's dose steps in one cell, oldest first, as the terminal takes them:
/// `2026-03-08=0.25x2; 2026-04-01=0.5` (`xN` only when the intakes a day are known).
fn dose_changes_cell(changes: &[crate::model::treatment::DoseChange]) -> String {
    changes
        .iter()
        .map(|c| match c.times_per_day {
            Some(n) => format!("{}={}x{n}", date(c.from), num(c.dose)),
            None => format!("{}={}", date(c.from), num(c.dose)),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The table listing records that could not be read (only when there are any).
pub const DAMAGED_TABLE: &str = "damaged_records.csv";

/// Every live record of one kind, in time order; records that no longer decode are added to
/// `damaged` instead.
fn live_entries(
    conn: &Connection,
    kind: RowKind,
    damaged: &mut Vec<DamagedRecord>,
) -> Result<Vec<Entry>> {
    let rows = queries::rows_of_kind(conn, kind)?;
    let decoded = records::entries_from(conn, &rows)?;
    damaged.extend(decoded.damaged);
    Ok(decoded.entries)
}

/// Builds every table from the live journal, optionally with free-text notes.
pub fn tables(conn: &Connection, include_notes: bool) -> Result<Vec<CsvTable>> {
    let note = |n: &Option<String>| {
        if include_notes {
            opt(n)
        } else {
            String::new()
        }
    };
    let mut damaged = Vec::new();
    let mut episodes = Table::new(
        "episodes.csv",
        &[
            "id",
            "night",
            "started_local",
            "started_utc_offset",
            "ended_local",
            "ended_utc_offset",
            "duration_minutes",
            "peak_intensity",
            "latency_minutes",
            "setting",
            "side",
            "body_areas",
            "sensations",
            "woke_from_sleep",
            "note",
        ],
    );
    let mut relief = Table::new(
        "relief_attempts.csv",
        &[
            "id",
            "episode_id",
            "night",
            "at_local",
            "at_utc_offset",
            "method",
            "helped",
            "helped_words",
            "minutes_to_relief",
        ],
    );
    for entry in live_entries(conn, RowKind::Episode, &mut damaged)? {
        let Entry::Episode { episode } = entry else {
            continue;
        };
        let d = &episode.data;
        let duration = d
            .ended_at
            .map(|end| ((end.millis() - d.started_at.millis()) / MINUTE_MS).to_string())
            .unwrap_or_default();
        episodes.push(vec![
            episode.id.clone(),
            date(episode.night),
            local(&d.started_at),
            offset(&d.started_at),
            opt_local(&d.ended_at),
            opt_offset(&d.ended_at),
            duration,
            d.peak_intensity.to_string(),
            opt(&d.latency_minutes),
            d.setting
                .as_ref()
                .map(|s| s.display_name())
                .unwrap_or_default(),
            d.side.map(|s| s.display_name()).unwrap_or_default(),
            d.body_areas
                .iter()
                .map(|a| a.display_name())
                .collect::<Vec<_>>()
                .join("; "),
            d.sensations
                .iter()
                .map(|s| s.display_name())
                .collect::<Vec<_>>()
                .join("; "),
            if d.woke_from_sleep { "yes" } else { "no" }.to_string(),
            note(&d.note),
        ]);
        for r in &episode.relief {
            relief.push(vec![
                r.id.clone(),
                episode.id.clone(),
                date(episode.night),
                local(&r.data.at),
                offset(&r.data.at),
                r.data.method.display_name(),
                r.data.helped.to_string(),
                helped_words(r.data.helped).to_string(),
                opt(&r.data.minutes_to_relief),
            ]);
        }
    }

    let mut sleep = Table::new(
        "sleep_diary.csv",
        &[
            "id",
            "night",
            "got_into_bed_local",
            "got_into_bed_utc_offset",
            "tried_to_sleep_local",
            "tried_to_sleep_utc_offset",
            "sleep_onset_minutes",
            "awakenings",
            "wake_after_sleep_onset_minutes",
            "final_awakening_local",
            "final_awakening_utc_offset",
            "out_of_bed_local",
            "out_of_bed_utc_offset",
            "time_in_bed_minutes",
            "total_sleep_minutes",
            "sleep_efficiency_percent",
            "quality",
            "note",
        ],
    );
    for entry in live_entries(conn, RowKind::Sleep, &mut damaged)? {
        let Entry::SleepDiary { diary } = entry else {
            continue;
        };
        let d = &diary.data;
        sleep.push(vec![
            diary.id.clone(),
            date(d.night_of),
            local(&d.got_into_bed_at),
            offset(&d.got_into_bed_at),
            local(&d.tried_to_sleep_at),
            offset(&d.tried_to_sleep_at),
            d.sleep_onset_minutes.to_string(),
            d.awakenings.to_string(),
            d.wake_after_sleep_onset_minutes.to_string(),
            local(&d.final_awakening_at),
            offset(&d.final_awakening_at),
            local(&d.out_of_bed_at),
            offset(&d.out_of_bed_at),
            d.time_in_bed_minutes().to_string(),
            d.total_sleep_minutes().to_string(),
            d.sleep_efficiency_percent()
                .map(|p| format!("{p:.1}"))
                .unwrap_or_default(),
            d.quality.to_string(),
            note(&d.note),
        ]);
    }

    let mut exposures = Table::new(
        "exposures.csv",
        &[
            "id",
            "night",
            "at_local",
            "at_utc_offset",
            "kind",
            "amount",
            "unit",
            "note",
        ],
    );
    for entry in live_entries(conn, RowKind::Exposure, &mut damaged)? {
        let Entry::Exposure { exposure } = entry else {
            continue;
        };
        let d = &exposure.data;
        exposures.push(vec![
            exposure.id.clone(),
            date(exposure.night),
            local(&d.at),
            offset(&d.at),
            d.kind.display_name(),
            d.amount.map(num).unwrap_or_default(),
            opt(&d.unit),
            note(&d.note),
        ]);
    }

    let mut treatments = Table::new(
        "treatments.csv",
        &[
            "id",
            "name",
            "category",
            "dose",
            "dose_unit",
            "started_on",
            "stopped_on",
            "note",
            // Dose timeline (issue 15 item 4): appended, so readers by position keep working.
            "times_per_day",
            "dose_changes",
        ],
    );
    for entry in live_entries(conn, RowKind::Treatment, &mut damaged)? {
        let Entry::Treatment { treatment } = entry else {
            continue;
        };
        let d = &treatment.data;
        treatments.push(vec![
            treatment.id.clone(),
            d.name.clone(),
            d.category.display_name(),
            d.dose.map(num).unwrap_or_default(),
            opt(&d.dose_unit),
            date(d.started_on),
            d.stopped_on.map(date).unwrap_or_default(),
            note(&d.note),
            opt(&d.times_per_day),
            dose_changes_cell(&d.dose_changes),
        ]);
    }

    let mut doses = Table::new(
        "doses.csv",
        &[
            "id",
            "night",
            "treatment_id",
            "treatment_name",
            "at_local",
            "at_utc_offset",
            "amount",
        ],
    );
    for entry in live_entries(conn, RowKind::Dose, &mut damaged)? {
        let Entry::Dose { dose } = entry else {
            continue;
        };
        doses.push(vec![
            dose.id.clone(),
            date(dose.night),
            dose.data.treatment_id.clone(),
            dose.treatment_name.clone(),
            local(&dose.data.at),
            offset(&dose.data.at),
            dose.data.amount.map(num).unwrap_or_default(),
        ]);
    }

    let mut labs = Table::new(
        "lab_results.csv",
        &["id", "taken_on", "analyte", "value", "unit", "note"],
    );
    for entry in live_entries(conn, RowKind::Lab, &mut damaged)? {
        let Entry::LabResult { lab } = entry else {
            continue;
        };
        let d = &lab.data;
        labs.push(vec![
            lab.id.clone(),
            date(d.taken_on),
            d.analyte.display_name(),
            num(d.value),
            d.unit.clone(),
            note(&d.note),
        ]);
    }

    let mut ratings = Table::new(
        "severity_ratings.csv",
        &["id", "rated_on", "irls_total", "band", "note"],
    );
    for entry in live_entries(conn, RowKind::Rating, &mut damaged)? {
        let Entry::SeverityRating { rating } = entry else {
            continue;
        };
        let d = &rating.data;
        ratings.push(vec![
            rating.id.clone(),
            date(d.rated_on),
            d.irls_total.to_string(),
            irls_band(d.irls_total).to_string(),
            note(&d.note),
        ]);
    }

    // The morning's "no symptoms" answers: with episodes and diaries, they say which nights
    // were observed (the CSV has no per-night table; a night in none of these is not logged).
    let mut answers = Table::new(
        "no_symptoms.csv",
        &["id", "night_of", "answered_local", "answered_utc_offset"],
    );
    for entry in live_entries(conn, RowKind::NoSymptoms, &mut damaged)? {
        let Entry::NoSymptoms { answer } = entry else {
            continue;
        };
        let d = &answer.data;
        answers.push(vec![
            answer.id.clone(),
            date(d.night_of),
            local(&d.answered_at),
            offset(&d.answered_at),
        ]);
    }

    // Clinician visits; the person's question is private text like a note.
    let mut visits = Table::new(
        "visits.csv",
        &["id", "visit_on", "clinician", "question", "note"],
    );
    for entry in live_entries(conn, RowKind::Visit, &mut damaged)? {
        let Entry::Visit { visit } = entry else {
            continue;
        };
        let d = &visit.data;
        visits.push(vec![
            visit.id.clone(),
            date(d.visit_on),
            d.clinician.clone().unwrap_or_default(),
            note(&d.question),
            note(&d.note),
        ]);
    }

    // Drug-safety check-ins: one yes/no column per question, in the order they are asked.
    let mut header = vec!["id", "checked_on"];
    header.extend(SafetyItem::ALL.iter().map(|i| i.code()));
    header.push("note");
    let mut checks = Table::new("safety_checks.csv", &header);
    for entry in live_entries(conn, RowKind::SafetyCheck, &mut damaged)? {
        let Entry::SafetyCheck { check } = entry else {
            continue;
        };
        let d = &check.data;
        let mut cells = vec![check.id.clone(), date(d.checked_on)];
        cells.extend(SafetyItem::ALL.iter().map(|i| {
            if d.answered_yes.contains(i) {
                "yes"
            } else {
                "no"
            }
            .to_string()
        }));
        cells.push(note(&d.note));
        checks.push(cells);
    }

    let mut all = vec![
        episodes.finish(),
        relief.finish(),
        sleep.finish(),
        exposures.finish(),
        treatments.finish(),
        doses.finish(),
        labs.finish(),
        ratings.finish(),
        answers.finish(),
        visits.finish(),
        checks.finish(),
    ];
    // Records that could not be read are listed, not silently missing from the tables.
    if !damaged.is_empty() {
        let mut table = Table::new(DAMAGED_TABLE, &["id", "kind", "night", "problem"]);
        for bad in damaged {
            table.push(vec![bad.id, bad.kind, date(bad.night), bad.problem]);
        }
        all.push(table.finish());
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_guarded_as_rfc_4180_and_spreadsheets_need() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-05:00"), "-05:00");
        assert_eq!(field("-3.5"), "-3.5");
        assert_eq!(field("@home"), "'@home");
    }
}
