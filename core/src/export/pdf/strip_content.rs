//! Words and places of the dose–onset strip: maps the summary's [`DoseOnset`] to the report's
//! [`DoseOnsetStrip`] (labels, dates, counts, places on the day clock). Decides nothing about
//! what the marks mean.

use crate::export::pdf::content::{DoseOnsetStrip, StripGroupView, StripRowView};
use crate::format::{and_list, day_month};
use crate::summary::dose_onset::{DoseOnset, StripGroup, StripGroupKind};
use crate::summary::timing::DAY_MINUTES;
use crate::time::weekday_abbr;
use chrono::{Datelike, Weekday};

/// The label of a group, as the clinician reads it on the page.
pub(crate) fn group_label(kind: StripGroupKind) -> &'static str {
    match kind {
        StripGroupKind::Baseline => "baseline",
        StripGroupKind::FirstWeeks => "first weeks",
        StripGroupKind::LatestWeeks => "latest weeks",
    }
}

/// `1–14 Oct` or `25 Sep – 8 Oct`.
fn span_text(group: &StripGroup) -> String {
    if group.first.month() == group.last.month() && group.first.year() == group.last.year() {
        format!("{}–{}", group.first.day(), day_month(group.last))
    } else {
        format!("{} – {}", day_month(group.first), day_month(group.last))
    }
}

fn place(minutes: u32) -> f32 {
    (f64::from(minutes) / DAY_MINUTES).clamp(0.0, 1.0) as f32
}

/// The clock ticks of the day clock starting at `morning_hour`: every 6 hours on the round
/// hours 00, 06, 12 and 18, each at its place.
fn ticks(morning_hour: i32) -> Vec<(f32, String)> {
    let mut ticks: Vec<(f32, String)> = (0..24)
        .step_by(6)
        .map(|hour: i32| {
            let since = (hour - morning_hour).rem_euclid(24);
            (since as f32 / 24.0, format!("{hour:02}"))
        })
        .collect();
    ticks.sort_by(|a, b| a.0.total_cmp(&b.0));
    ticks
}

fn row_label(night: chrono::NaiveDate, index: usize) -> String {
    // Every Monday, and the first row unless a Monday follows it: enough to read the dates
    // without two labels on neighbouring rows.
    let first = index == 0 && night.weekday() != Weekday::Sun;
    if first || night.weekday() == Weekday::Mon {
        format!("{} {}", weekday_abbr(night), night.day())
    } else {
        String::new()
    }
}

/// The strip as the page draws it.
pub(crate) fn strip(d: &DoseOnset) -> DoseOnsetStrip {
    let groups = d
        .groups
        .iter()
        .map(|g| {
            let label = group_label(g.kind).to_string();
            StripGroupView {
                label,
                detail: format!(
                    "{} · {} of {} logged",
                    span_text(g),
                    g.observed(),
                    g.nights.len()
                ),
                rows: g
                    .nights
                    .iter()
                    .enumerate()
                    .map(|(i, n)| StripRowView {
                        label: row_label(n.night, i),
                        observed: n.observed,
                        onsets: n
                            .onsets
                            .iter()
                            .map(|o| (place(o.minutes), o.peak))
                            .collect(),
                        doses: n
                            .doses
                            .iter()
                            .map(|x| (place(x.minutes), x.anchor))
                            .collect(),
                    })
                    .collect(),
            }
        })
        .collect();
    let others = if d.other_names.is_empty() {
        String::new()
    } else {
        format!(", ■ {} dose", and_list(&d.other_names))
    };
    DoseOnsetStrip {
        title: format!(
            "Doses and onsets, one row a night: baseline before {} (since {}), first and \
             latest weeks on it",
            d.anchor_name,
            day_month(d.anchor_started_on)
        ),
        legend: format!(
            "▲ {} dose{others}; ● episode onset (colour: peak); shaded row: night not logged. \
             Day from {:02}:00.",
            d.anchor_name, d.morning_hour
        ),
        ticks: ticks(d.morning_hour),
        groups,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_hours_in_day_clock_order() {
        // Morning hour 05:00: 06 is 1 h in, 12 7 h, 18 13 h, 00 19 h.
        let t = ticks(5);
        let labels: Vec<&str> = t.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, ["06", "12", "18", "00"]);
        assert!((t[0].0 - 1.0 / 24.0).abs() < 1e-6);
        assert!((t[3].0 - 19.0 / 24.0).abs() < 1e-6);
    }
}
