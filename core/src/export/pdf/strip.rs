//! Drawing the dose–onset strip (issue 21): its groups side by side (baseline, first weeks,
//! latest weeks), each one row a night on the same day clock, doses as triangles and onsets as
//! dots coloured by the episode's peak, as paper RLS diaries keep them.

use crate::export::pdf::canvas::{Align, Canvas};
use crate::export::pdf::content::{DoseOnsetStrip, StripGroupView};
use crate::export::pdf::heading;
use crate::export::pdf::layout::Rect;
use crate::export::pdf::text::wrap;
use crate::export::pdf::theme::{
    heat, BODY_BOLD, COLUMN_GAP, GRID, INK, MARKER, MUTED, RULE, SLEEP, SMALL,
};

/// The height of one night's row.
const ROW_H: f32 = 3.4;
/// The width of the row labels (`Mon 6`).
const LABEL_W: f32 = 26.0;
/// The most legend lines.
const LEGEND_LINES: usize = 2;

fn legend_lines(canvas: &Canvas<'_>, strip: &DoseOnsetStrip, width: f32) -> Vec<String> {
    wrap(&canvas.measure(&SMALL), &strip.legend, width, LEGEND_LINES)
}

fn rows_of(strip: &DoseOnsetStrip) -> usize {
    strip.groups.iter().map(|g| g.rows.len()).max().unwrap_or(0)
}

/// The height of the strip at `width` (0 without a strip).
pub(crate) fn height(canvas: &Canvas<'_>, strip: Option<&DoseOnsetStrip>, width: f32) -> f32 {
    let Some(strip) = strip else {
        return 0.0;
    };
    heading::height()
        + legend_lines(canvas, strip, width).len() as f32 * SMALL.leading()
        + 1.0
        + panel_height(rows_of(strip))
}

/// A group's panel: its label line, the rows and the clock labels under them.
fn panel_height(rows: usize) -> f32 {
    BODY_BOLD.leading() + rows as f32 * ROW_H + SMALL.leading() + 1.0
}

/// Draws the strip in `area` (as tall as [`height`]).
pub(crate) fn draw(canvas: &mut Canvas<'_>, area: Rect, strip: &DoseOnsetStrip) {
    let below = heading::draw(canvas, area, &strip.title);
    let mut y = below.y;
    let style = SMALL.with_color(MUTED);
    for line in legend_lines(canvas, strip, below.w) {
        canvas.text(below.x, y + SMALL.size, below.w, &style, Align::Left, &line);
        y += SMALL.leading();
    }
    let panels = Rect::new(below.x, y + 1.0, below.w, panel_height(rows_of(strip)));
    let weights = vec![1.0; strip.groups.len()];
    for (group, col) in strip
        .groups
        .iter()
        .zip(panels.columns(&weights, COLUMN_GAP))
    {
        draw_group(canvas, col, group, &strip.ticks);
    }
}

fn draw_group(
    canvas: &mut Canvas<'_>,
    area: Rect,
    group: &StripGroupView,
    ticks: &[(f32, String)],
) {
    let label_w = canvas.width(&BODY_BOLD, &group.label) + 4.0;
    canvas.text(
        area.x,
        area.y + BODY_BOLD.size,
        area.w,
        &BODY_BOLD,
        Align::Left,
        &group.label,
    );
    canvas.text(
        area.x + label_w,
        area.y + BODY_BOLD.size,
        (area.w - label_w).max(0.0),
        &SMALL.with_color(MUTED),
        Align::Left,
        &group.detail,
    );
    let top = area.y + BODY_BOLD.leading();
    let plot = Rect::new(
        area.x + LABEL_W,
        top,
        (area.w - LABEL_W).max(0.0),
        group.rows.len() as f32 * ROW_H,
    );
    if plot.w < 24.0 {
        return;
    }
    let x_of = |place: f32| plot.x + plot.w * place.clamp(0.0, 1.0);
    // Unobserved nights shaded: missing, not calm.
    for (i, row) in group.rows.iter().enumerate() {
        let y = top + i as f32 * ROW_H;
        if !row.observed {
            canvas.fill_rect(Rect::new(plot.x, y, plot.w, ROW_H), GRID);
        }
        if !row.label.is_empty() {
            canvas.text(
                area.x,
                y + ROW_H / 2.0 + SMALL.size * 0.35,
                LABEL_W - 2.0,
                &SMALL.with_color(INK),
                Align::Left,
                &row.label,
            );
            canvas.line((plot.x, y), (plot.right(), y), RULE, 0.3);
        }
    }
    for (place, label) in ticks {
        let x = x_of(*place);
        canvas.line((x, plot.y), (x, plot.bottom()), RULE, 0.3);
        canvas.text(
            x - 8.0,
            plot.bottom() + 1.0 + SMALL.size,
            16.0,
            &SMALL,
            Align::Center,
            label,
        );
    }
    canvas.stroke_rect(plot, RULE, 0.4);
    for (i, row) in group.rows.iter().enumerate() {
        let cy = top + (i as f32 + 0.5) * ROW_H;
        for &(place, anchor) in &row.doses {
            let x = x_of(place);
            if anchor {
                canvas.triangle((x, cy), ROW_H * 0.9, true, MARKER);
            } else {
                let s = ROW_H * 0.6;
                canvas.fill_rect(Rect::new(x - s / 2.0, cy - s / 2.0, s, s), SLEEP);
            }
        }
        for &(place, peak) in &row.onsets {
            let x = x_of(place);
            // A dark rim keeps the light colours of mild peaks visible.
            canvas.dot((x, cy), ROW_H * 0.42, INK);
            canvas.dot((x, cy), ROW_H * 0.3, heat(peak));
        }
    }
}
