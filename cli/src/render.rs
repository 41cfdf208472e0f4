//! Terminal text: history lists, a night, the calendar heat map, settings, prompts.
//!
//! Words and numbers come from the core (titles, details, summaries, durations); this file only
//! lays them out. Colours and shading characters are used only on a terminal (`color`), so piped
//! output stays plain ASCII-friendly text.

use std::fmt::Write;

use rlsjournal_core::model::episode::helped_words;
use rlsjournal_core::views::describe::{describe, duration_text};
use rlsjournal_core::{
    CalendarMonth, DamagedRecord, Entry, HistoryItem, NightView, PaperSize, Prompt, Settings,
};

const RESET: &str = "\x1b[0m";
const DIM: &str = "\x1b[2m";
const BOLD: &str = "\x1b[1m";

/// The ANSI colour of an intensity band (mild green, moderate yellow, severe red).
fn band_color(intensity: i32) -> &'static str {
    match intensity {
        0..=3 => "\x1b[32m",
        4..=6 => "\x1b[33m",
        7..=8 => "\x1b[31m",
        _ => "\x1b[1;31m",
    }
}

/// Wraps `text` in an ANSI style when colour is on.
fn paint(color: bool, style: &str, text: &str) -> String {
    if color {
        format!("{style}{text}{RESET}")
    } else {
        text.to_string()
    }
}

/// Pads to `width` characters (not bytes: the text has `–` and `·`).
fn pad(text: &str, width: usize) -> String {
    let len = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(len)))
}

/// One history row: when, title, detail, and the id when asked for.
fn history_line(item: &HistoryItem, color: bool, ids: bool) -> String {
    let title = pad(&item.title, 26);
    let title = match item.intensity {
        Some(i) => paint(color, band_color(i), &title),
        None => title,
    };
    let mut line = format!("{} {} {}", pad(&item.at, 18), title, item.detail);
    if ids {
        line.push_str("  ");
        line.push_str(&paint(color, DIM, &item.id));
    }
    line.trim_end().to_string()
}

/// A list of history rows, newest first.
pub fn history(items: &[HistoryItem], color: bool, ids: bool) -> String {
    let mut out = String::new();
    if items.is_empty() {
        out.push_str("Nothing logged yet.\n");
    }
    for item in items {
        out.push_str(&history_line(item, color, ids));
        out.push('\n');
    }
    out
}

/// The line printed after a write: what was saved, and its id.
pub fn saved(verb: &str, item: &HistoryItem, color: bool) -> String {
    format!(
        "{verb}: {} · {} · {}\n  id {}\n",
        item.at,
        paint(color, BOLD, &item.title),
        item.detail,
        item.id
    )
}

/// Extra episode fields that the one-line detail leaves out.
fn episode_extra(entry: &Entry) -> Option<String> {
    let Entry::Episode { episode } = entry else {
        return None;
    };
    let d = &episode.data;
    let mut parts = Vec::new();
    if let Some(s) = &d.setting {
        parts.push(s.display_name());
    }
    if let Some(l) = d.latency_minutes {
        parts.push(format!(
            "{} at rest before onset",
            duration_text(i64::from(l))
        ));
    }
    if !d.sensations.is_empty() {
        let words: Vec<String> = d.sensations.iter().map(|s| s.display_name()).collect();
        parts.push(words.join(", "));
    }
    for r in &episode.relief {
        if let Some(m) = r.data.minutes_to_relief {
            parts.push(format!(
                "{}: {} after {}",
                r.data.method.display_name(),
                helped_words(r.data.helped),
                duration_text(i64::from(m))
            ));
        }
    }
    if let Some(note) = &d.note {
        parts.push(format!("“{note}”"));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

fn section(out: &mut String, heading: &str, entries: Vec<Entry>, color: bool) {
    if entries.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", paint(color, BOLD, heading));
    for entry in &entries {
        let (title, detail) = describe(entry);
        let title = pad(&title, 26);
        let title = match entry {
            Entry::Episode { episode } => {
                paint(color, band_color(episode.data.peak_intensity), &title)
            }
            _ => title,
        };
        let _ = writeln!(out, "  {title} {detail}");
        if let Some(extra) = episode_extra(entry) {
            let _ = writeln!(out, "  {} {extra}", " ".repeat(26));
        }
        let _ = writeln!(
            out,
            "  {} {}",
            " ".repeat(26),
            paint(color, DIM, entry.id())
        );
    }
}

/// Records that could not be read, one line each (nothing when there are none).
pub fn damaged(records: &[DamagedRecord]) -> String {
    records
        .iter()
        .map(|d| format!("could not read {}\n", d.line()))
        .collect()
}

/// One night, by section.
pub fn night(view: &NightView, color: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", paint(color, BOLD, &view.title));
    let _ = writeln!(out, "{}", view.summary);
    out.push_str(&damaged(&view.damaged));
    if !view.active_treatments.is_empty() {
        let names: Vec<String> = view
            .active_treatments
            .iter()
            .map(|t| {
                describe(&Entry::Treatment {
                    treatment: t.clone(),
                })
                .0
            })
            .collect();
        let _ = writeln!(out, "Treatments: {}", names.join(", "));
    }
    section(
        &mut out,
        "Episodes",
        view.episodes
            .iter()
            .cloned()
            .map(|episode| Entry::Episode { episode })
            .collect(),
        color,
    );
    section(
        &mut out,
        "Sleep diary",
        view.sleep_diary
            .iter()
            .cloned()
            .map(|diary| Entry::SleepDiary { diary })
            .collect(),
        color,
    );
    section(
        &mut out,
        "Morning answer",
        view.no_symptoms
            .iter()
            .cloned()
            .map(|answer| Entry::NoSymptoms { answer })
            .collect(),
        color,
    );
    section(
        &mut out,
        "Exposures",
        view.exposures
            .iter()
            .cloned()
            .map(|exposure| Entry::Exposure { exposure })
            .collect(),
        color,
    );
    section(
        &mut out,
        "Doses",
        view.doses
            .iter()
            .cloned()
            .map(|dose| Entry::Dose { dose })
            .collect(),
        color,
    );
    section(
        &mut out,
        "Lab results",
        view.lab_results
            .iter()
            .cloned()
            .map(|lab| Entry::LabResult { lab })
            .collect(),
        color,
    );
    section(
        &mut out,
        "Severity ratings",
        view.severity_ratings
            .iter()
            .cloned()
            .map(|rating| Entry::SeverityRating { rating })
            .collect(),
        color,
    );
    section(
        &mut out,
        "Treatments started",
        view.treatments_started
            .iter()
            .cloned()
            .map(|treatment| Entry::Treatment { treatment })
            .collect(),
        color,
    );
    out
}

/// The two characters that show a night in the heat map.
fn heat_cell(peak: Option<i32>, logged: bool, color: bool) -> String {
    match (peak, logged, color) {
        (_, false, _) => "  ".to_string(),
        (None, true, true) => paint(true, DIM, "··"),
        (None, true, false) => " .".to_string(),
        (Some(p), _, true) => {
            let shade = match p {
                0..=3 => "░░",
                4..=6 => "▒▒",
                7..=8 => "▓▓",
                _ => "██",
            };
            paint(true, band_color(p), shade)
        }
        (Some(p), _, false) => format!("{p:>2}"),
    }
}

/// A month as a Monday-first grid; each night shows its worst intensity.
pub fn calendar(month: &CalendarMonth, color: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", paint(color, BOLD, &month.title));
    let _ = writeln!(out, " Mo    Tu    We    Th    Fr    Sa    Su");
    let mut column = usize::try_from(month.first_weekday.clamp(1, 7) - 1).unwrap_or(0);
    let mut line = "      ".repeat(column);
    for day in &month.days {
        let number = day.night.format("%e").to_string();
        let _ = write!(
            line,
            "{number} {}",
            heat_cell(day.peak_intensity, day.observed, color)
        );
        column += 1;
        if column == 7 {
            let _ = writeln!(out, "{}", line.trim_end());
            line.clear();
            column = 0;
        } else {
            line.push(' ');
        }
    }
    if !line.trim().is_empty() {
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out
}

/// The key to the heat map.
pub fn calendar_legend(color: bool) -> String {
    if color {
        format!(
            "{} 1–3  {} 4–6  {} 7–8  {} 9–10  {} no symptoms  (blank: not logged)\n",
            paint(true, band_color(2), "░"),
            paint(true, band_color(5), "▒"),
            paint(true, band_color(7), "▓"),
            paint(true, band_color(9), "█"),
            paint(true, DIM, "·"),
        )
    } else {
        "number: worst intensity · .: no symptoms · blank: not logged\n".to_string()
    }
}

/// The code of a paper size, as `--paper` takes it and the settings JSON shows it.
fn paper_code(p: PaperSize) -> &'static str {
    match p {
        PaperSize::A4 => "a4",
        PaperSize::Letter => "letter",
    }
}

/// The settings, one per line.
pub fn settings(s: &Settings) -> String {
    let evening = s
        .evening_reminder_hour
        .map_or_else(|| "none".to_string(), |h| h.to_string());
    format!(
        "night cutover hour     {}\nmorning hour           {}\nevening reminder hour  {}\npaper size             {}\n",
        s.night_cutover_hour,
        s.morning_hour,
        evening,
        paper_code(s.paper_size)
    )
}

/// The prompts due now.
pub fn prompts(list: &[Prompt], color: bool) -> String {
    if list.is_empty() {
        return "Nothing due.\n".to_string();
    }
    let mut out = String::new();
    for p in list {
        let _ = writeln!(out, "• {}: {}", paint(color, BOLD, &p.title), p.message);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rlsjournal_core::{CalendarDay, CalendarMonth};

    #[test]
    fn plain_calendar_shows_peaks_dots_and_blanks() {
        // Night 1: a sleep diary (observed, no symptoms: a dot); night 2: an episode of 7;
        // night 3: an entry that observes nothing (an exposure): blank, not logged.
        let night = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 11, d).expect("date");
        let days = (1..=30)
            .map(|d| {
                let state = rlsjournal_core::NightState::of(u32::from(d == 2), d == 1, false);
                CalendarDay {
                    night: night(d),
                    peak_intensity: (d == 2).then_some(7),
                    episode_count: u32::from(d == 2),
                    has_sleep_diary: d == 1,
                    entry_count: u32::from(d <= 3),
                    has_no_symptoms_answer: false,
                    observed: state != rlsjournal_core::NightState::NotLogged,
                    state,
                }
            })
            .collect();
        let month = CalendarMonth {
            year: 2026,
            month: 11,
            title: "November 2026".into(),
            first_weekday: 7,
            days,
        };
        let text = calendar(&month, false);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "November 2026");
        assert_eq!(lines[2].trim(), "1  .");
        assert!(lines[3].starts_with(" 2  7  3     4"), "{}", lines[3]);
        assert!(!text.contains('\x1b'));
    }
}
