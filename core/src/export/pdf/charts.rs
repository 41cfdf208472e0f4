//! Vector charts: episodes by hour of onset (noon to noon, with the median marked) and the
//! weekly chart (symptom nights per week against the 2-per-week line, sleep efficiency against
//! 85 %).

use crate::export::pdf::canvas::{Align, Canvas};
use crate::export::pdf::content::{OnsetChart, WeekPoint};
use crate::export::pdf::heading;
use crate::export::pdf::layout::Rect;
use crate::export::pdf::text::{fit, wrap};
use crate::export::pdf::theme::{ACCENT, GRID, INK, MUTED, RULE, SLEEP, SMALL, WORSE};
use crate::summary::SummaryPart;

/// How a partial week is named under the weekly chart (pdftotext finds "partial week").
pub(crate) const PARTIAL_LEGEND: &str =
    "Outlined k/n: a partial week (under 7 observed nights), k symptom nights of n observed.";
/// The fill of a partial week's bar: the accent, faint.
const PARTIAL_FILL: crate::export::pdf::canvas::Rgb =
    crate::export::pdf::canvas::Rgb::hex(0xdce6f0);

/// Width of the y-axis labels.
const AXIS_WIDTH: f32 = 13.0;
/// The hour the onset chart starts at (noon), so the night sits in the middle.
const FIRST_HOUR: usize = 12;
const MAX_CAPTION_LINES: usize = 3;

/// A round maximum for an axis of counts.
fn nice_max(max: u32) -> u32 {
    match max {
        0..=4 => 4,
        5..=6 => 6,
        7..=8 => 8,
        9..=10 => 10,
        m => m.div_ceil(5) * 5,
    }
}

fn caption_lines(canvas: &Canvas<'_>, caption: &str, width: f32) -> Vec<String> {
    wrap(&canvas.measure(&SMALL), caption, width, MAX_CAPTION_LINES)
}

/// Draws the onset chart in `area`.
pub(crate) fn draw_onset(canvas: &mut Canvas<'_>, area: Rect, onset: &OnsetChart) {
    // The timing part's title from the core, as on every other front end.
    let title = format!("{}: episodes per hour", SummaryPart::Timing.title_str());
    let below = heading::draw(canvas, area, &title);
    let caption = caption_lines(canvas, &onset.caption, below.w);
    let caption_h = caption.len() as f32 * SMALL.leading() + 2.0;
    let (caption_area, rest) = below.split_bottom(caption_h, 0.0);
    let style = SMALL.with_color(MUTED);
    let mut y = caption_area.y + 2.0;
    for line in &caption {
        canvas.text(
            caption_area.x,
            y + SMALL.size,
            caption_area.w,
            &style,
            Align::Left,
            line,
        );
        y += SMALL.leading();
    }
    // Room at the top for the median label, at the bottom for the hour labels.
    let plot = Rect::new(
        rest.x + AXIS_WIDTH,
        rest.y + SMALL.leading() + 1.0,
        rest.w - AXIS_WIDTH,
        rest.h - 2.0 * SMALL.leading() - 2.0,
    );
    if plot.h < 10.0 || plot.w < 24.0 {
        return;
    }
    let max = nice_max(onset.bins.iter().copied().max().unwrap_or(0));
    draw_count_axis(canvas, plot, max);
    let slot = plot.w / 24.0;
    for i in 0..24 {
        let hour = (FIRST_HOUR + i) % 24;
        let count = onset.bins.get(hour).copied().unwrap_or(0);
        if count > 0 {
            let h = plot.h * count as f32 / max as f32;
            let bar = Rect::new(
                plot.x + i as f32 * slot + slot * 0.12,
                plot.bottom() - h,
                slot * 0.76,
                h,
            );
            canvas.fill_rect(bar, ACCENT);
        }
        if hour.is_multiple_of(3) {
            let label = format!("{hour:02}");
            canvas.text(
                plot.x + i as f32 * slot - slot,
                plot.bottom() + 1.5 + SMALL.size,
                2.0 * slot,
                &SMALL,
                Align::Center,
                &label,
            );
        }
    }
    canvas.line(
        (plot.x, plot.bottom()),
        (plot.right(), plot.bottom()),
        RULE,
        0.6,
    );
    if let Some(median) = onset.median_minute {
        let from_noon = (median as f32 - FIRST_HOUR as f32 * 60.0).rem_euclid(1440.0);
        let x = plot.x + plot.w * from_noon / 1440.0;
        canvas.dashed_line((x, plot.y - 1.0), (x, plot.bottom()), WORSE, 0.8, 2.0);
        let label = format!("median {:02}:{:02}", median / 60, median % 60);
        let style = SMALL.with_color(WORSE);
        let w = canvas.width(&style, &label);
        let left = (x - w / 2.0).clamp(rest.x, rest.right() - w);
        canvas.text(left, plot.y - 2.0, w + 1.0, &style, Align::Left, &label);
    }
}

/// Horizontal gridlines at 0, half and the maximum, with their labels.
fn draw_count_axis(canvas: &mut Canvas<'_>, plot: Rect, max: u32) {
    for value in [0, max / 2, max] {
        let y = plot.bottom() - plot.h * value as f32 / max.max(1) as f32;
        canvas.line((plot.x, y), (plot.right(), y), GRID, 0.4);
        let label = value.to_string();
        canvas.text(
            plot.x - AXIS_WIDTH,
            y + SMALL.size * 0.35,
            AXIS_WIDTH - 2.0,
            &SMALL,
            Align::Right,
            &label,
        );
    }
}

/// Draws the weekly chart in `area`: two panels over the same weeks.
pub(crate) fn draw_weekly(canvas: &mut Canvas<'_>, area: Rect, weeks: &[WeekPoint]) {
    let below = heading::draw(canvas, area, "Week by week (Mon–Sun)");
    // A partial week is named under the chart, so the outline is never read as a whole week.
    let below = if weeks.iter().any(|w| w.partial) {
        let lines = caption_lines(canvas, PARTIAL_LEGEND, below.w);
        let (legend, rest) = below.split_bottom(lines.len() as f32 * SMALL.leading(), 0.0);
        let mut y = legend.y;
        for line in &lines {
            canvas.text(
                legend.x,
                y + SMALL.size,
                legend.w,
                &SMALL.with_color(MUTED),
                Align::Left,
                line,
            );
            y += SMALL.leading();
        }
        rest
    } else {
        below
    };
    let labels_h = SMALL.leading() + 1.5;
    let panel_title_h = SMALL.leading();
    let panels_h = below.h - labels_h - 2.0 * panel_title_h - 6.0;
    if weeks.is_empty() || panels_h < 20.0 {
        return;
    }
    let top_h = panels_h * 0.5;
    let top = Rect::new(
        below.x + AXIS_WIDTH,
        below.y + panel_title_h,
        below.w - AXIS_WIDTH,
        top_h,
    );
    let bottom = Rect::new(
        top.x,
        top.bottom() + 6.0 + panel_title_h,
        top.w,
        panels_h - top_h,
    );
    let slot = top.w / weeks.len() as f32;

    // Symptom nights per week, 0–7, with the 2-per-week line. A complete week (7 observed
    // nights) is a solid bar of its symptom nights; a partial week is drawn as counted, in
    // outline, never scaled up to seven nights (issue 21).
    panel_title(
        canvas,
        top.x,
        top.y,
        top.w,
        "Symptom nights per week",
        ACCENT,
    );
    draw_scale(canvas, top, &[0.0, 2.0, 7.0], 0.0, 7.0);
    for (i, week) in weeks.iter().enumerate() {
        let x = top.x + i as f32 * slot + slot * 0.18;
        let w = slot * 0.64;
        if week.partial {
            if week.observed > 0 {
                let h = top.h * (week.symptom_nights.min(7) as f32 / 7.0);
                let bar = Rect::new(x, top.bottom() - h, w, h);
                canvas.fill_rect(bar, PARTIAL_FILL);
                canvas.stroke_rect(bar.with_height(h.max(0.01)), ACCENT, 0.6);
                // How many of how many observed: the count a partial bar stands for.
                let label = format!("{}/{}", week.symptom_nights, week.observed);
                canvas.text(
                    x - slot * 0.18,
                    top.bottom() - h - 1.0,
                    slot,
                    &SMALL.with_color(ACCENT),
                    Align::Center,
                    &label,
                );
            }
        } else if let Some(v) = week.symptom_nights_per_week {
            let h = top.h * (v.clamp(0.0, 7.0) / 7.0) as f32;
            canvas.fill_rect(Rect::new(x, top.bottom() - h, w, h), ACCENT);
        }
    }
    let two = top.bottom() - top.h * 2.0 / 7.0;
    canvas.dashed_line((top.x, two), (top.right(), two), MUTED, 0.7, 2.0);

    // Sleep efficiency, 50–100 %, with the 85 % line.
    panel_title(
        canvas,
        bottom.x,
        bottom.y,
        bottom.w,
        "Sleep efficiency %",
        SLEEP,
    );
    draw_scale(canvas, bottom, &[50.0, 85.0, 100.0], 50.0, 100.0);
    let se_y = |v: f64| bottom.bottom() - bottom.h * ((v.clamp(50.0, 100.0) - 50.0) / 50.0) as f32;
    let ref_y = se_y(85.0);
    canvas.dashed_line((bottom.x, ref_y), (bottom.right(), ref_y), MUTED, 0.7, 2.0);
    let mut run: Vec<(f32, f32)> = Vec::new();
    for (i, week) in weeks.iter().enumerate() {
        let x = bottom.x + (i as f32 + 0.5) * slot;
        match week.sleep_efficiency {
            Some(se) => run.push((x, se_y(se))),
            None => {
                canvas.polyline(&run, SLEEP, 1.0, None);
                run.clear();
            }
        }
    }
    canvas.polyline(&run, SLEEP, 1.0, None);
    for (i, week) in weeks.iter().enumerate() {
        if let Some(se) = week.sleep_efficiency {
            canvas.dot((bottom.x + (i as f32 + 0.5) * slot, se_y(se)), 1.8, SLEEP);
        }
    }

    // Week labels, thinned so they never overlap, kept inside the chart.
    let widest = weeks
        .iter()
        .map(|w| canvas.width(&SMALL, &w.label))
        .fold(0.0_f32, f32::max);
    let step = ((widest + 3.0) / slot).ceil().max(1.0) as usize;
    let y = bottom.bottom() + 1.5 + SMALL.size;
    let room = (slot * step as f32 - 2.0).min(below.w);
    for (i, week) in weeks.iter().enumerate().step_by(step) {
        let label = fit(&canvas.measure(&SMALL), &week.label, room);
        let w = canvas.width(&SMALL, &label);
        let center = bottom.x + (i as f32 + 0.5) * slot;
        let left = (center - w / 2.0).clamp(below.x, (below.right() - w).max(below.x));
        canvas.text_at(left, y, &SMALL, &label);
    }
}

fn panel_title(
    canvas: &mut Canvas<'_>,
    x: f32,
    top: f32,
    width: f32,
    title: &str,
    color: crate::export::pdf::canvas::Rgb,
) {
    let style = SMALL.with_color(color);
    canvas.text(x, top - 1.5, width, &style, Align::Left, title);
}

/// Gridlines and labels at `ticks` for a panel spanning `lo..hi`.
fn draw_scale(canvas: &mut Canvas<'_>, plot: Rect, ticks: &[f32], lo: f32, hi: f32) {
    for &t in ticks {
        let y = plot.bottom() - plot.h * (t - lo) / (hi - lo);
        canvas.line((plot.x, y), (plot.right(), y), GRID, 0.4);
        let label = format!("{t:.0}");
        canvas.text(
            plot.x - AXIS_WIDTH,
            y + SMALL.size * 0.35,
            AXIS_WIDTH - 2.0,
            &SMALL.with_color(INK),
            Align::Right,
            &label,
        );
    }
}
