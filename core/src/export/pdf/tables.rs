//! Tables (triggers, relief toolkit, treatments, labs): a heading, a header row, one line per
//! row with every cell cut to its column, "+ N more" when rows are left out, and footnotes.

use crate::export::pdf::canvas::{Align, Canvas, Style};
use crate::export::pdf::content::Table;
use crate::export::pdf::heading;
use crate::export::pdf::layout::Rect;
use crate::export::pdf::text::wrap;
use crate::export::pdf::theme::{BODY, GRID, INK, MARKER, MUTED, SMALL, TABLE_HEAD, WHITE, WORSE};

const CELL_GAP: f32 = 5.0;
const MARKER_WIDTH: f32 = 10.0;
const MAX_FOOTNOTE_LINES: usize = 3;
const MAX_EMPTY_LINES: usize = 2;

fn row_height() -> f32 {
    BODY.leading() + 1.0
}

const MAX_HEADER_LINES: usize = 2;

/// Each column's header, wrapped to its width.
fn header_lines(canvas: &Canvas<'_>, table: &Table, width: f32) -> Vec<Vec<String>> {
    let boxes = column_boxes(table, Rect::new(0.0, 0.0, width, 0.0));
    table
        .columns
        .iter()
        .zip(&boxes)
        .map(|(c, &(_, w))| wrap(&canvas.measure(&TABLE_HEAD), &c.header, w, MAX_HEADER_LINES))
        .collect()
}

fn head_height(lines: &[Vec<String>]) -> f32 {
    let n = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
    n as f32 * TABLE_HEAD.leading() + 2.0
}

fn has_markers(table: &Table) -> bool {
    table.rows.iter().any(|r| r.marker.is_some())
}

/// How much of a table to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Fit {
    /// At most this many lines of rows (at least one; a "+ N more" line counts as one).
    pub rows: usize,
    /// Whether the footnotes are printed.
    pub footnotes: bool,
}

/// The rows shown under a cap, and whether a "+ N more" line is needed.
fn shown(table: &Table, max_rows: usize) -> (usize, bool) {
    let n = table.rows.len();
    if n <= max_rows {
        (n, false)
    } else {
        // The "+ N more" line takes the place of one row.
        (max_rows.saturating_sub(1).max(1).min(n), true)
    }
}

fn footnotes(canvas: &Canvas<'_>, table: &Table, width: f32, fit: Fit) -> Vec<String> {
    if !fit.footnotes {
        return Vec::new();
    }
    table
        .footnotes
        .iter()
        .flat_map(|f| wrap(&canvas.measure(&SMALL), f, width, MAX_FOOTNOTE_LINES))
        .collect()
}

fn empty_lines(canvas: &Canvas<'_>, table: &Table, width: f32) -> Vec<String> {
    wrap(
        &canvas.measure(&BODY),
        &table.empty_text,
        width,
        MAX_EMPTY_LINES,
    )
}

/// The height of `table` in a column of `width`, shown as `fit` says.
pub(crate) fn height(canvas: &Canvas<'_>, table: &Table, width: f32, fit: Fit) -> f32 {
    let max_rows = fit.rows;
    let body = if table.rows.is_empty() {
        empty_lines(canvas, table, width).len().max(1) as f32 * BODY.leading()
    } else {
        let (rows, more) = shown(table, max_rows);
        head_height(&header_lines(canvas, table, width))
            + rows as f32 * row_height()
            + if more { SMALL.leading() } else { 0.0 }
    };
    let notes = footnotes(canvas, table, width, fit);
    let notes_h = if notes.is_empty() {
        0.0
    } else {
        2.0 + notes.len() as f32 * SMALL.leading()
    };
    heading::height() + body + notes_h
}

/// The columns' boxes (left edge and width) inside `area`.
fn column_boxes(table: &Table, area: Rect) -> Vec<(f32, f32)> {
    let lead = if has_markers(table) {
        MARKER_WIDTH
    } else {
        0.0
    };
    let weights: Vec<f32> = table.columns.iter().map(|c| c.weight).collect();
    Rect::new(area.x + lead, area.y, area.w - lead, area.h)
        .columns(&weights, CELL_GAP)
        .iter()
        .map(|r| (r.x, r.w))
        .collect()
}

/// Draws `table` at the top of `area`, shown as `fit` says.
pub(crate) fn draw(canvas: &mut Canvas<'_>, area: Rect, table: &Table, fit: Fit) {
    let max_rows = fit.rows;
    let below = heading::draw(canvas, area, &table.title);
    let mut y = below.y;
    if table.rows.is_empty() {
        let style = BODY.with_color(MUTED);
        for line in empty_lines(canvas, table, area.w) {
            canvas.text(area.x, y + BODY.size, area.w, &style, Align::Left, &line);
            y += BODY.leading();
        }
    } else {
        let boxes = column_boxes(table, area);
        let headers = header_lines(canvas, table, area.w);
        let head_h = head_height(&headers);
        for ((column, lines), &(x, w)) in table.columns.iter().zip(&headers).zip(&boxes) {
            let align = if column.numeric {
                Align::Right
            } else {
                Align::Left
            };
            // Headers sit on the rule: a one-line header aligns with the last line of a
            // two-line one.
            let mut line_y = y + head_h - 2.0 - lines.len() as f32 * TABLE_HEAD.leading();
            for line in lines {
                canvas.text(x, line_y + TABLE_HEAD.size, w, &TABLE_HEAD, align, line);
                line_y += TABLE_HEAD.leading();
            }
        }
        y += head_h;
        canvas.line((area.x, y - 1.5), (area.right(), y - 1.5), GRID, 0.5);
        let (rows, more) = shown(table, max_rows);
        for row in table.rows.iter().take(rows) {
            let color = if row.alert { WORSE } else { INK };
            let style = BODY.with_color(color);
            if let Some(marker) = row.marker {
                draw_marker(canvas, (area.x + 4.0, y + BODY.size * 0.62), marker);
            }
            for ((cell, column), &(x, w)) in row.cells.iter().zip(&table.columns).zip(&boxes) {
                let align = if column.numeric {
                    Align::Right
                } else {
                    Align::Left
                };
                canvas.text(x, y + BODY.size, w, &style, align, cell);
            }
            y += row_height();
        }
        if more {
            let hidden = table.rows.len() - rows;
            let style = SMALL.with_color(MUTED);
            let text = format!("+ {hidden} more not shown");
            canvas.text(area.x, y + SMALL.size, area.w, &style, Align::Left, &text);
            y += SMALL.leading();
        }
    }
    let notes = footnotes(canvas, table, area.w, fit);
    if !notes.is_empty() {
        y += 2.0;
        let style = SMALL.with_color(MUTED);
        for line in notes {
            canvas.text(area.x, y + SMALL.size, area.w, &style, Align::Left, &line);
            y += SMALL.leading();
        }
    }
}

/// A treatment marker: a number in a filled circle.
pub(crate) fn draw_marker(canvas: &mut Canvas<'_>, center: (f32, f32), marker: u8) {
    let radius = 3.6;
    canvas.dot(center, radius, MARKER);
    let style = Style::bold(5.2, WHITE);
    let label = marker.to_string();
    canvas.text(
        center.0 - radius,
        center.1 + style.size * 0.36,
        2.0 * radius,
        &style,
        Align::Center,
        &label,
    );
}
