//! The short lines a detailed front end (the terminal) shows under a part's sentence: counts,
//! medians, table headings and cells, built from the part's record in the core's words, so that
//! a front end only lays them out. Every threshold they state comes from its named constant.

use crate::format::{
    capitalized, day_month_year, nights_text, one_decimal, percent_text, plural, trimmed_decimal,
};
use crate::summary::{
    augmentation, sleep, triggers, Breakdown, ClockSpread, Coverage, DiscussLevel, DiscussPoint,
    KeyFigure, PeriodStats, RatingPoint, ReliefMethodStats, SleepSummary, Summary, Timing,
    TriggerAssociation, TriggerShortfall,
};

/// `14 nights in range · 12 observed · 5 with symptoms · 6 episodes · 2.9 per week`.
pub fn coverage_counts(c: &Coverage) -> String {
    format!(
        "{} in range · {} observed · {} with symptoms · {} · {}",
        nights_text(c.nights_in_range),
        c.nights_logged,
        c.symptom_nights,
        plural(c.episodes, "episode", "episodes"),
        c.per_week_text
    )
}

/// `Key figures, observed 28 of 30 nights (93 %):`: the key figures' heading carries the
/// coverage, so no rate is read without the nights behind it.
pub fn key_figures_heading(s: &Summary) -> String {
    format!("Key figures, {}:", s.coverage.coverage_text)
}

/// `Symptom nights per week: 2.0 (4 of 14 observed nights); +0.5 (was 1.5)`.
pub fn key_figure_line(f: &KeyFigure) -> String {
    let mut line = format!("{}: {} ({})", f.label, f.value_text, f.detail);
    if let Some(change) = &f.change {
        line.push_str(&format!("; {}", change.text));
    }
    line
}

/// The heading of the points at one level: `To discuss`, `Also noted`.
pub fn discuss_heading(level: DiscussLevel) -> &'static str {
    match level {
        DiscussLevel::Discuss => "To discuss",
        DiscussLevel::Info => "Also noted",
    }
}

/// `Iron: Ferritin 38 µg/L on 5 Nov 2026 …`: one point to discuss or for information.
pub fn discuss_line(p: &DiscussPoint) -> String {
    format!("{}: {}", p.title, p.text.trim())
}

/// `Median onset 23:30 · middle half 23:00–00:15 (IQR 1 h 15 min)`.
pub fn onset_spread(o: &ClockSpread) -> String {
    format!(
        "Median onset {} · middle half {}–{} (IQR {})",
        o.median_text, o.q1_text, o.q3_text, o.iqr_text
    )
}

/// `Medians: latency at rest 20 min · duration 55 min · woke from sleep 2 of 3 (67 %)`; `None`
/// when none of them is known.
pub fn timing_medians(t: &Timing) -> Option<String> {
    let mut facts = Vec::new();
    if let Some(l) = &t.median_latency_text {
        facts.push(format!("latency at rest {l}"));
    }
    if let Some(d) = &t.median_duration_text {
        facts.push(format!("duration {d}"));
    }
    if let Some(w) = t.woke_percent {
        facts.push(format!(
            "woke from sleep {} of {} ({})",
            t.woke_from_sleep,
            t.episodes,
            percent_text(w)
        ));
    }
    (!facts.is_empty()).then(|| format!("Medians: {}", facts.join(" · ")))
}

/// `1 episode`, `3 episodes`: the episodes of one night.
pub fn episodes_count(episodes: u32) -> String {
    plural(episodes, "episode", "episodes")
}

/// `5 Oct 2026`: a week's label, by its first night.
pub fn week_label(w: &PeriodStats) -> String {
    day_month_year(w.first)
}

/// `3 of 5 nights with symptoms`: a week's symptom nights of its logged nights, with
/// `, partial week` when fewer than 7 of its nights were observed (Monday weeks).
pub fn week_symptom_nights(w: &PeriodStats) -> String {
    format!(
        "{} of {} nights with symptoms{}",
        w.symptom_nights,
        w.nights_logged,
        if w.partial_week { ", partial week" } else { "" }
    )
}

/// `(12 recorded, 3 not)`.
pub fn breakdown_recorded(b: &Breakdown) -> String {
    format!("({} recorded, {} not)", b.recorded, b.not_recorded)
}

/// The trigger table's column headings; the counts and means read "with vs without" the
/// exposure ([`TRIGGER_CELLS_NOTE`]).
pub fn trigger_columns() -> [&'static str; 5] {
    [
        "exposure",
        "symptom nights",
        "mean peak",
        "p (Fisher)",
        "reading",
    ]
}

/// What the trigger table's cells read, for a footnote under it.
pub const TRIGGER_CELLS_NOTE: &str = "Nights with vs without the exposure";

/// The line under the terminal's trigger table: what the cells read and the rule, filled from
/// the constants.
pub fn trigger_cells_note() -> String {
    format!(
        "{TRIGGER_CELLS_NOTE}, at least {} observed nights each; mean peak counts symptom-free \
         nights as 0. An association needs {}.",
        triggers::MIN_NIGHTS_EACH_SIDE,
        triggers::rule_text()
    )
}

/// A trigger comparison's cells, under [`trigger_columns`]: `Caffeine`, `5/6 vs 1/8`,
/// `5.0 vs 0.4`, `0.026`, `worse`.
pub fn trigger_cells(a: &TriggerAssociation) -> [String; 5] {
    [
        capitalized(&a.label),
        format!(
            "{}/{} vs {}/{}",
            a.symptom_nights_with, a.nights_with, a.symptom_nights_without, a.nights_without
        ),
        format!(
            "{} vs {}",
            one_decimal(a.mean_peak_with),
            one_decimal(a.mean_peak_without)
        ),
        a.p_text
            .trim_start_matches("p ")
            .trim_start_matches("= ")
            .to_string(),
        a.verdict.short_text().to_string(),
    ]
}

/// The exposures not compared, on one line: `Not compared (needs 5 observed nights with and 5
/// without): stress (2 with, 18 without).`; `None` when every exposure was compared.
pub fn shortfalls_line(shortfalls: &[TriggerShortfall]) -> Option<String> {
    if shortfalls.is_empty() {
        return None;
    }
    let names: Vec<String> = shortfalls
        .iter()
        .map(|x| {
            format!(
                "{} ({} with, {} without)",
                x.label, x.nights_with, x.nights_without
            )
        })
        .collect();
    Some(format!(
        "Not compared (needs {n} observed nights with and {n} without): {}.",
        names.join(", "),
        n = triggers::MIN_NIGHTS_EACH_SIDE
    ))
}

/// The relief table's column headings.
pub fn relief_columns() -> [&'static str; 4] {
    ["method", "uses", "helped (median)", "time to relief"]
}

/// `much (2/3)`: how much a method helped, in words and on the 0–3 scale.
pub fn relief_help_cell(m: &ReliefMethodStats) -> String {
    format!(
        "{} ({}/3)",
        m.median_help_text,
        trimmed_decimal(m.median_help)
    )
}

/// The heading over the best methods per severity tier.
pub const RELIEF_TIERS_HEADING: &str = "Best by severity of the episode:";

/// The sleep table's rows: a label and the value, for the measures the diaries give.
pub fn sleep_rows(z: &SleepSummary) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = [
        ("Time in bed (TIB)", &z.mean_time_in_bed_text),
        ("Total sleep (TST)", &z.mean_total_sleep_text),
        ("To fall asleep (SOL)", &z.mean_sleep_onset_text),
        ("Awake after (WASO)", &z.mean_wake_after_sleep_onset_text),
        ("Efficiency (SE)", &z.mean_sleep_efficiency_text),
    ]
    .into_iter()
    .filter_map(|(label, value)| value.as_ref().map(|v| (label.to_string(), v.clone())))
    .collect();
    rows.push((
        format!(
            "Nights with SE < {}",
            percent_text(sleep::LOW_EFFICIENCY_PERCENT)
        ),
        format!("{} of {}", z.nights_below_85_percent, z.efficiency_nights),
    ));
    rows.extend(sleep_specialist_rows(z));
    rows
}

/// The rows a sleep specialist asks for next (issue 14 item 6), for the terminal and the
/// report: nights woken by RLS of the observed nights, and the mean total sleep of symptom
/// nights and of symptom-free nights (diary nights), each with its count.
pub fn sleep_specialist_rows(z: &SleepSummary) -> Vec<(String, String)> {
    let mut rows = Vec::new();
    if let Some(w) = &z.nights_woken_text {
        rows.push(("Nights woken by RLS".to_string(), w.clone()));
    }
    let tst =
        |text: &Option<String>, n: u32| text.as_ref().map(|t| format!("{t} ({})", nights_text(n)));
    if let Some(v) = tst(
        &z.mean_total_sleep_symptom_nights_text,
        z.symptom_night_diaries,
    ) {
        rows.push(("Total sleep, symptom nights".to_string(), v));
    }
    if let Some(v) = tst(
        &z.mean_total_sleep_symptom_free_text,
        z.symptom_free_night_diaries,
    ) {
        rows.push(("Total sleep, symptom-free nights".to_string(), v));
    }
    rows
}

/// `IRLS series: 19 (23 Feb 2026, before pramipexole (started …)) · 13 (2 Mar 2026).`, or
/// with more than `max` ratings `12 ratings; the latest 8: …`; `None` for fewer than two
/// ratings. Pass [`crate::summary::RatingSummary::series`]: the pre-treatment rating is marked.
pub fn ratings_in_range(ratings: &[RatingPoint], max: usize) -> Option<String> {
    if ratings.len() < 2 {
        return None;
    }
    let shown = ratings.len().min(max.max(1));
    let points: Vec<String> = ratings
        .iter()
        .skip(ratings.len() - shown)
        .map(|p| match &p.before_treatment {
            Some(b) => format!("{} ({}, {b})", p.total, day_month_year(p.rated_on)),
            None => format!("{} ({})", p.total, day_month_year(p.rated_on)),
        })
        .collect();
    let lead = if shown < ratings.len() {
        format!("{} ratings; the latest {shown}", ratings.len())
    } else {
        "IRLS series".to_string()
    };
    Some(format!("{lead}: {}.", points.join(" · ")))
}

/// The augmentation table's column headings (`baseline`, `latest 14`).
pub fn augmentation_columns() -> [String; 4] {
    [
        "measure".to_string(),
        "baseline".to_string(),
        format!("latest {}", augmentation::WATCH_NIGHTS),
        "sign?".to_string(),
    ]
}

/// `yes` or `no`: whether a sign is met.
pub fn sign_met(met: bool) -> &'static str {
    if met {
        "yes"
    } else {
        "no"
    }
}

/// What the notes part says when there is no note.
pub const NO_NOTES: &str = "No gaps, open episodes or missing measures.";

/// `Sleep efficiency (SE): TST ÷ TIB × 100; …`: a definition on one line.
pub fn definition_line(d: &crate::summary::Definition) -> String {
    format!("{}: {}", d.term, d.text)
}
