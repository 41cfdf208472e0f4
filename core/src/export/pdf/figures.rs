//! The key figures: one tile per figure in a row (label, value, detail, change against the
//! previous period), with a caption saying what the changes compare with.

use crate::export::pdf::canvas::{Align, Canvas, Rgb, Style};
use crate::export::pdf::content::{Direction, KeyFigure, ReportContent, Tone};
use crate::export::pdf::layout::Rect;
use crate::export::pdf::text::wrap;
use crate::export::pdf::theme::{BETTER, FIGURE_LABEL, FIGURE_VALUE, MUTED, SMALL, TILE_BG, WORSE};

const PAD: f32 = 5.0;
const TILE_GAP: f32 = 5.0;
const MAX_LABEL_LINES: usize = 2;
const MAX_CHANGE_LINES: usize = 2;

fn tiles(area: Rect, n: usize) -> Vec<Rect> {
    area.columns(&vec![1.0; n.max(1)], TILE_GAP)
}

/// Wrapped label and change lines per tile, for a row of `width`.
fn lines(
    canvas: &Canvas<'_>,
    figures: &[KeyFigure],
    width: f32,
) -> Vec<(Vec<String>, Vec<String>)> {
    let inner = tiles(Rect::new(0.0, 0.0, width, 0.0), figures.len())
        .first()
        .map(|r| r.w - 2.0 * PAD)
        .unwrap_or(0.0);
    figures
        .iter()
        .map(|f| {
            let label = wrap(
                &canvas.measure(&FIGURE_LABEL),
                &f.label,
                inner,
                MAX_LABEL_LINES,
            );
            let change = match &f.change {
                Some(c) => wrap(
                    &canvas.measure(&SMALL),
                    c,
                    inner - SMALL.size,
                    MAX_CHANGE_LINES,
                ),
                None => Vec::new(),
            };
            (label, change)
        })
        .collect()
}

/// Label lines and change lines every tile reserves (the most any tile needs).
fn line_counts(lines: &[(Vec<String>, Vec<String>)]) -> (usize, usize) {
    let label = lines.iter().map(|l| l.0.len()).max().unwrap_or(1).max(1);
    let change = lines.iter().map(|l| l.1.len()).max().unwrap_or(1).max(1);
    (label, change)
}

fn tile_height(label_lines: usize, change_lines: usize) -> f32 {
    2.0 * PAD
        + label_lines as f32 * FIGURE_LABEL.leading()
        + FIGURE_VALUE.leading()
        + SMALL.leading()
        + change_lines as f32 * SMALL.leading()
}

/// The height of the row of tiles and its caption.
pub(crate) fn height(canvas: &Canvas<'_>, content: &ReportContent, width: f32) -> f32 {
    if content.figures.is_empty() {
        return 0.0;
    }
    let (label, change) = line_counts(&lines(canvas, &content.figures, width));
    tile_height(label, change) + 2.0 + SMALL.leading()
}

/// Draws the tiles and the caption in `area`.
pub(crate) fn draw(canvas: &mut Canvas<'_>, area: Rect, content: &ReportContent) {
    if content.figures.is_empty() {
        return;
    }
    let all_lines = lines(canvas, &content.figures, area.w);
    let (label_lines, change_lines) = line_counts(&all_lines);
    let h = tile_height(label_lines, change_lines);
    for ((figure, (label, change)), tile) in content
        .figures
        .iter()
        .zip(&all_lines)
        .zip(tiles(area.with_height(h), content.figures.len()))
    {
        draw_tile(canvas, tile, figure, label, change, label_lines);
    }
    canvas.text(
        area.x,
        area.y + h + 2.0 + SMALL.size,
        area.w,
        &SMALL,
        Align::Left,
        &content.comparison_text,
    );
}

fn draw_tile(
    canvas: &mut Canvas<'_>,
    tile: Rect,
    figure: &KeyFigure,
    label: &[String],
    change: &[String],
    label_lines: usize,
) {
    canvas.fill_rect(tile, TILE_BG);
    let inner = tile.inset(PAD, PAD);
    let mut y = inner.y;
    for line in label {
        canvas.text(
            inner.x,
            y + FIGURE_LABEL.size,
            inner.w,
            &FIGURE_LABEL,
            Align::Left,
            line,
        );
        y += FIGURE_LABEL.leading();
    }
    y = inner.y + label_lines as f32 * FIGURE_LABEL.leading();
    canvas.text(
        inner.x,
        y + FIGURE_VALUE.size,
        inner.w,
        &FIGURE_VALUE,
        Align::Left,
        &figure.value,
    );
    y += FIGURE_VALUE.leading();
    canvas.text(
        inner.x,
        y + SMALL.size,
        inner.w,
        &SMALL,
        Align::Left,
        &figure.detail,
    );
    y += SMALL.leading();
    let color = match figure.tone {
        Tone::Better => BETTER,
        Tone::Worse => WORSE,
        Tone::Neutral => MUTED,
    };
    let style = Style { color, ..SMALL };
    let arrow = SMALL.size;
    for (i, line) in change.iter().enumerate() {
        if i == 0 {
            let at = (inner.x + arrow * 0.4, y + SMALL.size * 0.62);
            draw_direction(canvas, at, figure.direction, color);
        }
        canvas.text(
            inner.x + arrow,
            y + SMALL.size,
            inner.w - arrow,
            &style,
            Align::Left,
            line,
        );
        y += SMALL.leading();
    }
}

/// A small triangle up or down, or a dash when the figure stayed the same.
fn draw_direction(canvas: &mut Canvas<'_>, at: (f32, f32), direction: Direction, color: Rgb) {
    let size = SMALL.size * 0.75;
    match direction {
        Direction::Up => canvas.triangle(at, size, true, color),
        Direction::Down => canvas.triangle(at, size, false, color),
        Direction::Same => canvas.line(
            (at.0 - size * 0.4, at.1),
            (at.0 + size * 0.4, at.1),
            color,
            0.8,
        ),
    }
}
