//! Terminal rendering of a pattern summary (`rlsjournal summary`).
//!
//! Every word and number comes from the core's `Summary` record (its texts, counts and
//! definitions); this file only lays them out: headings, an onset-hour histogram, per-night (or
//! per-week) bars and small tables. With `color` (a terminal) it uses ANSI colours and block
//! characters; without, plain text with `#` bars, so piped output stays readable anywhere.

use std::fmt::Write;

use rlsjournal_core::summary::details;
use rlsjournal_core::summary::DiscussTopic;
use rlsjournal_core::summary::{
    Breakdown, DiscussLevel, NightPoint, PeriodStats, Summary, SummaryPart, ThresholdCheck,
};

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const YELLOW: &str = "\x1b[33m";
const CYAN: &str = "\x1b[36m";
/// Text is wrapped to this many columns.
const WIDTH: usize = 92;
/// Per-night bars up to this many nights; longer ranges show weeks.
const MAX_NIGHT_ROWS: usize = 31;
/// Weekly bars up to this many weeks; longer ranges show one sparkline row per 52 weeks.
const MAX_WEEK_ROWS: usize = 53;
/// Rows of the onset histogram.
const HISTOGRAM_ROWS: usize = 5;
/// Width of a full bar (a peak of 10, or 100 %).
const BAR_WIDTH: usize = 20;
/// IRLS ratings of the range listed at most.
const MAX_RATINGS: usize = 8;
/// Body areas, sensations… shown per breakdown.
const MAX_ITEMS: usize = 6;

/// The ANSI colour of an intensity band (mild green, moderate yellow, severe red).
fn band_color(intensity: f64) -> &'static str {
    if intensity < 3.5 {
        "\x1b[32m"
    } else if intensity < 6.5 {
        "\x1b[33m"
    } else if intensity < 8.5 {
        "\x1b[31m"
    } else {
        "\x1b[1;31m"
    }
}

fn paint(color: bool, style: &str, text: &str) -> String {
    if color && !text.is_empty() {
        format!("{style}{text}{RESET}")
    } else {
        text.to_string()
    }
}

/// Pads to `width` characters (not bytes).
fn pad(text: &str, width: usize) -> String {
    let len = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(len)))
}

/// Wraps `text` at word boundaries to [`WIDTH`] columns; every line starts with `indent`.
fn wrap(text: &str, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::from(indent);
    let mut empty = true;
    // A unit sign stays with its number (`20 %`, `85 %)`).
    let mut words: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match words.last_mut() {
            Some(last) if word.starts_with('%') => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_string()),
        }
    }
    for word in &words {
        let len = line.chars().count() + word.chars().count() + 1;
        if !empty && len > WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            line = " ".repeat(indent.chars().count() + 2);
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    if !empty {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A horizontal bar of `value / max` of [`BAR_WIDTH`] cells (eighths on a terminal).
fn bar(value: f64, max: f64, color: bool) -> String {
    if !(value.is_finite() && max.is_finite()) || max <= 0.0 || value <= 0.0 {
        return String::new();
    }
    let cells = (value / max).clamp(0.0, 1.0) * BAR_WIDTH as f64;
    if color {
        let eighths = (cells * 8.0).round() as usize;
        let mut s = "█".repeat(eighths / 8);
        const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
        s.push_str(PARTS.get(eighths % 8).copied().unwrap_or(""));
        s
    } else {
        "#".repeat(cells.round().max(1.0) as usize)
    }
}

/// A part's heading: its number in the summary's order and its title, both from the core
/// (the definitions have no number).
fn heading(out: &mut String, part: SummaryPart, color: bool) {
    let number = SummaryPart::ALL
        .iter()
        .position(|p| *p == part)
        .unwrap_or(0)
        + 1;
    let text = if part == SummaryPart::Definitions {
        part.title()
    } else {
        format!("{number}. {}", part.title())
    };
    let _ = writeln!(out, "\n{}", paint(color, BOLD, &text));
}

/// Renders a summary for the terminal.
pub fn render_summary(summary: &Summary, color: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        paint(
            color,
            BOLD,
            &format!("RLS Journal summary: {}", summary.title)
        )
    );
    key_figures(&mut out, summary, color);
    discuss(&mut out, summary, color);
    coverage(&mut out, summary, color);
    timing(&mut out, summary, color);
    severity(&mut out, summary, color);
    where_and_how(&mut out, summary, color);
    triggers(&mut out, summary, color);
    relief(&mut out, summary, color);
    sleep(&mut out, summary, color);
    treatments(&mut out, summary, color);
    iron(&mut out, summary, color);
    rating(&mut out, summary, color);
    augmentation(&mut out, summary, color);
    notes(&mut out, summary, color);
    definitions(&mut out, summary, color);
    out
}

/// The key figures with their changes, under a heading that carries the coverage.
fn key_figures(out: &mut String, s: &Summary, color: bool) {
    let _ = writeln!(
        out,
        "\n{}",
        paint(color, BOLD, &details::key_figures_heading(s))
    );
    for f in &s.key_figures {
        out.push_str(&wrap(&details::key_figure_line(f), "  • "));
    }
    out.push_str(&wrap(&s.previous.text, "  "));
}

/// The points to discuss, then those for information, in the summary's order.
fn discuss(out: &mut String, s: &Summary, color: bool) {
    for level in [DiscussLevel::Discuss, DiscussLevel::Info] {
        let points: Vec<_> = s.discuss.iter().filter(|p| p.level == level).collect();
        if points.is_empty() {
            continue;
        }
        let heading = format!("{}:", details::discuss_heading(level));
        let _ = writeln!(out, "\n{}", paint(color, BOLD, &heading));
        for p in points {
            out.push_str(&wrap(&details::discuss_line(p), "  • "));
        }
    }
}

fn coverage(out: &mut String, s: &Summary, color: bool) {
    heading(out, SummaryPart::Coverage, color);
    let c = &s.coverage;
    let _ = writeln!(out, "  {}", details::coverage_counts(c));
    out.push_str(&wrap(&c.text, "  "));
}

fn timing(out: &mut String, s: &Summary, color: bool) {
    heading(out, SummaryPart::Timing, color);
    let t = &s.timing;
    // Two clusters of onsets: the sentence gives them, not one median (issue 21).
    if let (Some(o), false) = (&t.onset, t.bimodal_onsets) {
        let line = details::onset_spread(o);
        // The median stands out on a terminal.
        let line = line.replacen(&o.median_text, &paint(color, BOLD, &o.median_text), 1);
        let _ = writeln!(out, "  {line}");
    }
    if let Some(medians) = details::timing_medians(t) {
        let _ = writeln!(out, "  {medians}");
    }
    out.push_str(&wrap(&t.text, "  "));
    if t.episodes > 0 {
        histogram(out, s, color);
    }
}

/// The onset-hour histogram, from noon to noon so a night reads left to right.
fn histogram(out: &mut String, s: &Summary, color: bool) {
    let mut bins: Vec<(u8, u32)> = s
        .timing
        .onset_histogram
        .iter()
        .map(|b| (b.hour, b.count))
        .collect();
    bins.sort_by_key(|(hour, _)| (hour + 12) % 24);
    let max = bins.iter().map(|b| b.1).max().unwrap_or(0);
    if max == 0 {
        return;
    }
    let _ = writeln!(out, "\n  Episodes by onset hour (noon to noon)");
    let label_width = max.to_string().len();
    for row in (1..=HISTOGRAM_ROWS).rev() {
        let axis = if row == HISTOGRAM_ROWS {
            format!("{max:>label_width$}")
        } else {
            " ".repeat(label_width)
        };
        let mut line = format!("  {axis} │");
        for (_, count) in &bins {
            let height = f64::from(*count) / f64::from(max) * HISTOGRAM_ROWS as f64;
            let cell = if color {
                let eighths = ((height - (row - 1) as f64) * 8.0).round().clamp(0.0, 8.0) as usize;
                const PARTS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
                let c = PARTS.get(eighths).copied().unwrap_or(" ");
                paint(true, CYAN, &c.repeat(2))
            } else if height.round() as usize >= row {
                "##".to_string()
            } else {
                "  ".to_string()
            };
            line.push_str(&cell);
            line.push(' ');
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    let _ = writeln!(
        out,
        "  {} └{}",
        " ".repeat(label_width),
        "─".repeat(bins.len() * 3)
    );
    let hours: Vec<String> = bins.iter().map(|(h, _)| format!("{h:02}")).collect();
    let _ = writeln!(out, "  {}  {}", " ".repeat(label_width), hours.join(" "));
}

fn severity(out: &mut String, s: &Summary, color: bool) {
    heading(out, SummaryPart::Severity, color);
    let v = &s.severity;
    out.push_str(&wrap(&v.text, "  "));
    if let Some(w) = &v.worst_night {
        let _ = writeln!(out, "  Worst night: {}", w.text);
    }
    if v.overall.nights_logged == 0 {
        return;
    }
    if v.nights.len() <= MAX_NIGHT_ROWS {
        let _ = writeln!(out, "\n  Peak intensity per night (0–10)");
        for n in &v.nights {
            night_row(out, n, color);
        }
    } else if v.weeks.len() <= MAX_WEEK_ROWS {
        let _ = writeln!(out, "\n  Mean nightly peak per week (0–10)");
        for w in &v.weeks {
            week_row(out, w, color);
        }
    } else {
        let _ = writeln!(
            out,
            "\n  Mean nightly peak per week, one row per 52 weeks (blank: nothing logged)"
        );
        sparklines(out, &v.weeks, color);
    }
}

fn night_row(out: &mut String, n: &NightPoint, color: bool) {
    let label = pad(&n.label, 11);
    match n.peak {
        None => {
            let _ = writeln!(out, "  {label} {}", paint(color, DIM, "·  not logged"));
        }
        Some(peak) => {
            let b = pad(&bar(f64::from(peak), 10.0, color), BAR_WIDTH);
            let episodes = match n.episodes {
                0 => String::new(),
                e => format!("  {}", details::episodes_count(e)),
            };
            let _ = writeln!(
                out,
                "  {label} {} {peak:>2}{}",
                paint(color, band_color(f64::from(peak)), &b),
                paint(color, DIM, &episodes)
            );
        }
    }
}

fn week_row(out: &mut String, w: &PeriodStats, color: bool) {
    let label = pad(&details::week_label(w), 12);
    match w.mean_peak {
        None => {
            let _ = writeln!(out, "  {label} {}", paint(color, DIM, "·  not logged"));
        }
        Some(m) => {
            let b = pad(&bar(m, 10.0, color), BAR_WIDTH);
            let _ = writeln!(
                out,
                "  {label} {} {m:>4.1}  {}",
                paint(color, band_color(m), &b),
                paint(color, DIM, &details::week_symptom_nights(w))
            );
        }
    }
}

fn sparklines(out: &mut String, weeks: &[PeriodStats], color: bool) {
    const BLOCKS: [&str; 9] = ["▁", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
    const ASCII: [char; 11] = ['.', '1', '2', '3', '4', '5', '6', '7', '8', '9', '#'];
    for chunk in weeks.chunks(52) {
        let label = chunk
            .first()
            .map(|w| w.first.format("%b %Y").to_string())
            .unwrap_or_default();
        let mut line = format!("  {} ", pad(&label, 9));
        for w in chunk {
            match w.mean_peak {
                None => line.push(' '),
                Some(m) if color => {
                    let i = ((m / 10.0) * 8.0).round().clamp(0.0, 8.0) as usize;
                    line.push_str(&paint(true, band_color(m), BLOCKS.get(i).unwrap_or(&" ")));
                }
                Some(m) => {
                    let i = m.round().clamp(0.0, 10.0) as usize;
                    line.push(ASCII.get(i).copied().unwrap_or('?'));
                }
            }
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

fn breakdown(out: &mut String, title: &str, b: &Breakdown, color: bool) {
    if b.items.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "  {} {}",
        title,
        paint(color, DIM, &details::breakdown_recorded(b))
    );
    for item in b.items.iter().take(MAX_ITEMS) {
        let _ = writeln!(
            out,
            "    {} {} {:>3} ({})",
            pad(&item.label, 18),
            pad(&bar(item.percent, 100.0, color), BAR_WIDTH),
            item.count,
            item.percent_text
        );
    }
    if b.items.len() > MAX_ITEMS {
        let rest: u32 = b.items.iter().skip(MAX_ITEMS).map(|i| i.count).sum();
        let _ = writeln!(out, "    {} {rest:>3}", pad("others", 18 + BAR_WIDTH + 1));
    }
}

fn where_and_how(out: &mut String, s: &Summary, color: bool) {
    heading(out, SummaryPart::WhereAndHow, color);
    let w = &s.where_and_how;
    out.push_str(&wrap(&w.text, "  "));
    breakdown(out, "Body areas", &w.body_areas, color);
    breakdown(out, "Side", &w.sides, color);
    breakdown(out, "Sensations", &w.sensations, color);
    breakdown(out, "Setting at onset", &w.settings, color);
    if let Some(a) = &w.arms_text {
        let _ = writeln!(out, "  {}", paint(color, YELLOW, a));
    }
}

fn triggers(out: &mut String, s: &Summary, color: bool) {
    heading(out, SummaryPart::Triggers, color);
    let t = &s.triggers;
    out.push_str(&wrap(&t.text, "  "));
    if !t.associations.is_empty() {
        let [exposure, symptoms, peak, p, reading] = details::trigger_columns();
        let _ = writeln!(
            out,
            "  {}",
            paint(
                color,
                DIM,
                &format!(
                    "{} {symptoms:>15}  {peak:>11}  {p:>10}  {reading}",
                    pad(exposure, 24)
                )
            )
        );
        for a in &t.associations {
            let [label, symptom_cell, peak_cell, p_cell, reading_cell] = details::trigger_cells(a);
            let line = format!(
                "  {} {symptom_cell:>15}  {peak_cell:>11}  {p_cell:>10}  {reading_cell}",
                pad(&label, 24)
            );
            let worse = a.verdict == rlsjournal_core::summary::TriggerVerdict::Worse;
            let _ = writeln!(
                out,
                "{}",
                if worse {
                    paint(color, YELLOW, &line)
                } else {
                    line
                }
            );
        }
        out.push_str(&wrap(&details::trigger_cells_note(), "  "));
    }
    if let Some(line) = details::shortfalls_line(&t.not_enough_data) {
        out.push_str(&wrap(&line, "  "));
    }
}

fn relief(out: &mut String, s: &Summary, color: bool) {
    heading(out, SummaryPart::Relief, color);
    let r = &s.relief;
    out.push_str(&wrap(&r.text, "  "));
    if r.methods.is_empty() {
        return;
    }
    let [method, uses, helped, time] = details::relief_columns();
    let _ = writeln!(
        out,
        "  {}",
        paint(
            color,
            DIM,
            &format!("{} {uses:>5}  {}  {time}", pad(method, 20), pad(helped, 22))
        )
    );
    for m in &r.methods {
        let _ = writeln!(
            out,
            "  {} {:>5}  {}  {}",
            pad(&m.label, 20),
            m.times_used,
            pad(&details::relief_help_cell(m), 22),
            m.median_minutes_text.as_deref().unwrap_or("–")
        );
    }
    let _ = writeln!(out, "  {}", details::RELIEF_TIERS_HEADING);
    for tier in &r.tiers {
        out.push_str(&wrap(&tier.text, "    "));
    }
}

fn sleep(out: &mut String, s: &Summary, color: bool) {
    heading(out, SummaryPart::Sleep, color);
    let z = &s.sleep;
    if z.diaries > 0 {
        for (name, value) in details::sleep_rows(z) {
            let _ = writeln!(out, "  {} {value}", pad(&name, 22));
        }
    }
    out.push_str(&wrap(&z.text, "  "));
}

fn treatments(out: &mut String, s: &Summary, color: bool) {
    heading(out, SummaryPart::Treatments, color);
    let t = &s.treatments;
    if t.active.is_empty() {
        out.push_str(&wrap(&t.text, "  "));
    }
    for a in &t.active {
        out.push_str(&wrap(&a.text, "  • "));
    }
    for c in &t.comparisons {
        out.push_str(&wrap(&c.text, "  "));
    }
    // Issue 15: medicines that may worsen RLS, as the summary's point to discuss words them.
    for p in s
        .discuss
        .iter()
        .filter(|p| p.topic == DiscussTopic::MayWorsenRls)
    {
        out.push_str(&paint(color, YELLOW, &wrap(&p.text, "  ")));
    }
    // Dose timeline (issue 15 item 4): one line per regimen with a dose.
    if !s.dose_timelines.is_empty() {
        let _ = writeln!(out, "  Doses:");
        for d in &s.dose_timelines {
            out.push_str(&wrap(&d.text, "  • "));
        }
    }
}

fn iron(out: &mut String, s: &Summary, color: bool) {
    heading(out, SummaryPart::Iron, color);
    let i = &s.iron;
    for r in [&i.ferritin, &i.transferrin_saturation]
        .into_iter()
        .flatten()
    {
        let line = wrap(&r.text, "  ");
        out.push_str(&match r.check {
            ThresholdCheck::Low | ThresholdCheck::IvIronRange => paint(color, YELLOW, &line),
            _ => line,
        });
    }
    let advice = wrap(&i.text, "  ");
    out.push_str(&if i.discuss_iron_therapy {
        paint(color, BOLD, &advice)
    } else {
        advice
    });
    // Issue 15: the CRP beside ferritin, the iron trend, the drawing conditions.
    if let Some(crp) = &i.crp_text {
        out.push_str(&wrap(crp, "  "));
    }
    if let Some(trend) = &i.trend_text {
        out.push_str(&wrap(&format!("Trend: {trend}"), "  "));
    }
    out.push_str(&paint(color, DIM, &wrap(&i.drawing_conditions_text, "  ")));
}

fn rating(out: &mut String, s: &Summary, color: bool) {
    heading(out, SummaryPart::Rating, color);
    out.push_str(&wrap(&s.rating.text, "  "));
    if let Some(line) = details::ratings_in_range(&s.rating.series, MAX_RATINGS) {
        out.push_str(&wrap(&line, "  "));
    }
}

fn augmentation(out: &mut String, s: &Summary, color: bool) {
    heading(out, SummaryPart::Augmentation, color);
    let a = &s.augmentation;
    let summary = wrap(&a.text, "  ");
    out.push_str(&if a.status.to_discuss() {
        paint(color, YELLOW, &summary)
    } else {
        summary
    });
    for w in &a.watches {
        out.push_str(&wrap(&w.text, "  "));
        out.push_str(&wrap(&w.baseline_text, "  "));
        out.push_str(&paint(color, DIM, &wrap(&w.scope_text, "  ")));
        if w.signs.is_empty() {
            continue;
        }
        let [measure, first, latest, sign] = details::augmentation_columns();
        let _ = writeln!(
            out,
            "    {}",
            paint(
                color,
                DIM,
                &format!(
                    "{} {} {} {sign}",
                    pad(&measure, 28),
                    pad(&first, 18),
                    pad(&latest, 18)
                )
            )
        );
        for sign in &w.signs {
            let _ = writeln!(
                out,
                "    {} {} {} {}",
                pad(&sign.label, 28),
                pad(&sign.baseline_text, 18),
                pad(&sign.recent_text, 18),
                if sign.met {
                    paint(color, YELLOW, details::sign_met(true))
                } else {
                    details::sign_met(false).to_string()
                }
            );
        }
    }
}

fn notes(out: &mut String, s: &Summary, color: bool) {
    heading(out, SummaryPart::Notes, color);
    if s.notes.is_empty() {
        let _ = writeln!(out, "  {}", details::NO_NOTES);
    }
    for n in &s.notes {
        out.push_str(&wrap(&n.text, "  • "));
    }
}

fn definitions(out: &mut String, s: &Summary, color: bool) {
    heading(out, SummaryPart::Definitions, color);
    for d in &s.definitions {
        let line = wrap(&details::definition_line(d), "  ");
        out.push_str(&paint(color, DIM, &line));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use rlsjournal_core::summary::NightRange;
    use rlsjournal_core::*;

    fn at(text: &str) -> Moment {
        Moment::parse_rfc3339(text).expect("time")
    }

    fn date(text: &str) -> LocalDate {
        rlsjournal_core::time::parse_iso_date(text).expect("date")
    }

    fn episode(start: &str, end: &str, peak: i32) -> EpisodeData {
        EpisodeData {
            started_at: at(start),
            ended_at: Some(at(end)),
            peak_intensity: peak,
            latency_minutes: Some(20),
            setting: Some(Setting::InBed),
            side: Some(Side::Both),
            body_areas: vec![BodyArea::Calves],
            sensations: vec![Sensation::Crawling],
            woke_from_sleep: peak > 5,
            note: None,
        }
    }

    /// A small journal: three symptom nights around midnight, a diary, caffeine, relief,
    /// iron labs and two IRLS ratings.
    fn fixture() -> Summary {
        let j = Journal::open_in_memory().expect("journal");
        let a = j
            .add_episode(episode(
                "2026-03-02T23:30:00+01:00",
                "2026-03-03T00:30:00+01:00",
                6,
            ))
            .expect("episode");
        j.add_relief_attempt(
            a.id,
            ReliefData {
                method: ReliefMethod::Walking,
                helped: 2,
                minutes_to_relief: Some(15),
                at: at("2026-03-02T23:40:00+01:00"),
            },
        )
        .expect("relief");
        j.add_episode(episode(
            "2026-03-04T00:30:00+01:00",
            "2026-03-04T01:05:00+01:00",
            4,
        ))
        .expect("episode");
        j.add_episode(episode(
            "2026-03-05T22:10:00+01:00",
            "2026-03-05T23:00:00+01:00",
            8,
        ))
        .expect("episode");
        j.add_exposure(ExposureData {
            at: at("2026-03-02T16:00:00+01:00"),
            kind: ExposureKind::Caffeine,
            amount: Some(2.0),
            unit: Some("cups".into()),
            note: None,
        })
        .expect("exposure");
        j.add_sleep_diary(SleepDiaryData {
            night_of: date("2026-03-04"),
            got_into_bed_at: at("2026-03-04T22:30:00+01:00"),
            tried_to_sleep_at: at("2026-03-04T22:45:00+01:00"),
            sleep_onset_minutes: 30,
            awakenings: 2,
            wake_after_sleep_onset_minutes: 45,
            final_awakening_at: at("2026-03-05T06:45:00+01:00"),
            out_of_bed_at: at("2026-03-05T07:00:00+01:00"),
            quality: 3,
            note: None,
        })
        .expect("diary");
        for (analyte, value, unit) in [
            (Analyte::Ferritin, 48.0, "µg/L"),
            (Analyte::TransferrinSaturation, 22.0, "%"),
        ] {
            j.add_lab_result(LabResultData {
                taken_on: date("2026-02-20"),
                analyte,
                value,
                unit: unit.into(),
                note: None,
            })
            .expect("lab");
        }
        for (day, total) in [("2026-02-23", 19), ("2026-03-02", 13)] {
            j.add_severity_rating(SeverityRatingData {
                rated_on: date(day),
                irls_total: total,
                note: None,
            })
            .expect("rating");
        }
        j.summary_at(
            Some(NightRange {
                first: date("2026-03-01"),
                last: date("2026-03-07"),
            }),
            at("2026-03-08T09:00:00+01:00"),
        )
        .expect("summary")
    }

    #[test]
    fn dose_timelines_are_listed_under_treatments() {
        let j = Journal::open_in_memory().expect("journal");
        j.add_treatment(TreatmentData {
            name: "pramipexole".into(),
            category: TreatmentCategory::DopamineAgonist,
            dose: Some(0.125),
            dose_unit: Some("mg".into()),
            started_on: date("2026-03-01"),
            stopped_on: None,
            note: None,
            times_per_day: Some(1),
            dose_changes: vec![DoseChange {
                from: date("2026-03-05"),
                dose: 0.25,
                times_per_day: Some(1),
            }],
        })
        .expect("treatment");
        let summary = j
            .summary_at(
                Some(NightRange {
                    first: date("2026-03-01"),
                    last: date("2026-03-07"),
                }),
                at("2026-03-08T09:00:00+01:00"),
            )
            .expect("summary");
        let text = render_summary(&summary, false);
        let treatments = text
            .split(&SummaryPart::Treatments.title())
            .nth(1)
            .and_then(|rest| rest.split(&SummaryPart::Iron.title()).next())
            .expect("treatments part");
        // 4 nights at 0.125 × 1, then 3 at 0.25 × 1.
        assert!(treatments.contains("  Doses:\n"), "{treatments}");
        assert!(
            treatments.contains(
                "  • pramipexole: 0.125 mg once a day from Sun 1 Mar 2026; 0.25 mg once a day"
            ),
            "{treatments}"
        );
        assert!(
            treatments.contains("Total daily dose known on 7 of 7 nights, 0.125–0.25 mg."),
            "{treatments}"
        );
    }

    #[test]
    fn plain_rendering_shows_every_part_without_escape_codes() {
        let text = render_summary(&fixture(), false);
        assert!(!text.contains('\x1b'), "{text}");
        for needle in [
            "RLS Journal summary: 7 nights, Sun 1 Mar – Sat 7 Mar 2026",
            "1. Nights and frequency",
            "Median onset 23:30",
            "Episodes by onset hour (noon to noon)",
            "Peak intensity per night (0–10)",
            "Mon 2 Mar",
            "·  not logged",
            "4. Where and how",
            "calves",
            "6. What helps",
            "walking",
            "9. Iron (AASM 2024)",
            "Discuss iron therapy with your clinician",
            "IRLS 13 (moderate)",
            "down 6 points",
            "11. Augmentation watch",
            "12. Notes on the data",
            "Definitions used",
            "Sleep efficiency (SE): TST ÷ TIB × 100",
        ] {
            assert!(text.contains(needle), "missing {needle:?} in\n{text}");
        }
        assert!(
            text.lines()
                .any(|l| l.trim_start().starts_with("Time in bed (TIB)")
                    && l.ends_with("8 h 30 min")),
            "{text}"
        );
        // Bars: the worst night (8) is longer than a lighter one (4).
        let line = |label: &str| {
            text.lines()
                .find(|l| l.trim_start().starts_with(label))
                .map(|l| l.matches('#').count())
                .unwrap_or(0)
        };
        assert_eq!(line("Thu 5 Mar"), 16);
        assert_eq!(line("Tue 3 Mar"), 8);
        assert!(
            text.lines().all(|l| l.chars().count() <= WIDTH + 4),
            "{text}"
        );
    }

    #[test]
    fn headings_and_sentences_come_from_the_core() {
        let s = fixture();
        let text = render_summary(&s, false);
        for (i, part) in SummaryPart::ALL.iter().enumerate() {
            let heading = if *part == SummaryPart::Definitions {
                part.title()
            } else {
                format!("{}. {}", i + 1, part.title())
            };
            assert!(text.lines().any(|l| l == heading), "{heading:?} in\n{text}");
        }
        assert!(
            text.contains(&details::coverage_counts(&s.coverage)),
            "{text}"
        );
        for a in &s.triggers.associations {
            let cells = details::trigger_cells(a);
            assert!(
                text.lines().any(|l| l.contains(&cells[0])
                    && l.contains(&cells[1])
                    && l.contains(&cells[3])),
                "{cells:?} in\n{text}"
            );
        }
        for (label, value) in details::sleep_rows(&s.sleep) {
            assert!(
                text.lines()
                    .any(|l| l.trim_start().starts_with(&label) && l.ends_with(&value)),
                "{label} {value} in\n{text}"
            );
        }
    }

    #[test]
    fn one_night_and_one_episode_are_singular() {
        let j = Journal::open_in_memory().expect("journal");
        j.add_episode(episode(
            "2026-03-02T23:30:00+01:00",
            "2026-03-03T00:30:00+01:00",
            6,
        ))
        .expect("episode");
        let s = j
            .summary_at(
                Some(NightRange {
                    first: date("2026-03-02"),
                    last: date("2026-03-02"),
                }),
                at("2026-03-08T09:00:00+01:00"),
            )
            .expect("summary");
        let text = render_summary(&s, false);
        assert!(
            text.contains("  1 night in range · 1 observed · 1 with symptoms · 1 episode · "),
            "{text}"
        );
    }

    #[test]
    fn colour_rendering_uses_ansi_and_blocks() {
        let text = render_summary(&fixture(), true);
        assert!(text.contains("\x1b[1m"));
        assert!(text.contains('█'));
    }

    #[test]
    fn an_empty_journal_renders_without_numbers() {
        let j = Journal::open_in_memory().expect("journal");
        let s = j
            .summary_at(None, at("2026-03-08T09:00:00+01:00"))
            .expect("summary");
        let text = render_summary(&s, false);
        assert!(text.contains("0 observed"), "{text}");
        assert!(
            text.contains("Key figures, observed 0 of 14 nights (0 %):"),
            "{text}"
        );
        assert!(!text.contains("Episodes by onset hour"), "{text}");
        assert!(!text.contains("NaN"), "{text}");
    }

    #[test]
    fn long_ranges_switch_to_weeks_then_sparklines() {
        let j = Journal::open_in_memory().expect("journal");
        j.add_episode(episode(
            "2026-03-02T23:30:00+01:00",
            "2026-03-03T00:30:00+01:00",
            6,
        ))
        .expect("episode");
        let summary = |first: &str| {
            j.summary_at(
                Some(NightRange {
                    first: date(first),
                    last: date("2026-03-07"),
                }),
                at("2026-03-08T09:00:00+01:00"),
            )
            .expect("summary")
        };
        let weeks = render_summary(&summary("2026-01-01"), false);
        assert!(
            weeks.contains("Mean nightly peak per week (0–10)"),
            "{weeks}"
        );
        assert!(weeks.contains("1 of 1 nights with symptoms"), "{weeks}");
        let years = render_summary(&summary("2023-01-01"), true);
        assert!(years.contains("one row per 52 weeks"), "{years}");
    }

    #[test]
    fn wrapping_and_bars_behave_at_the_edges() {
        assert_eq!(wrap("", "  "), "");
        assert_eq!(wrap("one two", "  "), "  one two\n");
        let bullet = wrap(&"long words ".repeat(20), "  • ");
        assert_eq!(bullet.matches('•').count(), 1, "{bullet}");
        assert!(bullet
            .lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("      long")));
        let kept = wrap(&format!("{} below 85 %).", "x".repeat(WIDTH - 12)), "  ");
        assert!(
            kept.lines().nth(1).is_some_and(|l| l.trim() == "85 %)."),
            "{kept}"
        );
        let long = "word ".repeat(40);
        assert!(wrap(&long, "  ")
            .lines()
            .all(|l| l.chars().count() <= WIDTH));
        assert_eq!(bar(0.0, 10.0, false), "");
        assert_eq!(bar(5.0, 0.0, true), "");
        assert_eq!(bar(f64::NAN, 10.0, true), "");
        assert_eq!(bar(10.0, 10.0, false).len(), BAR_WIDTH);
        assert_eq!(bar(10.0, 10.0, true).chars().count(), BAR_WIDTH);
    }
}
