//! The night-by-night heat map: one square per night in week rows (Monday first), coloured by
//! the night's peak intensity, outlined and empty when nothing was logged, with numbered
//! markers where a treatment started, a bar on the left edge of a night a dose changed, and a
//! legend.

use chrono::{Datelike, Duration, NaiveDate};

use crate::export::pdf::canvas::{Align, Canvas, Style};
use crate::export::pdf::content::NightMark;
use crate::export::pdf::heading;
use crate::export::pdf::layout::Rect;
use crate::export::pdf::tables::draw_marker;
use crate::export::pdf::theme::{self, INK, MARKER, MUTED, RULE, SMALL, WHITE};
use crate::summary::SummaryPart;

const MONTH_WIDTH: f32 = 17.0;
const CELL_GAP: f32 = 1.5;
const MAX_CELL: f32 = 24.0;
const LEGEND_SWATCH: f32 = 8.5;

/// The Monday on or before `date`.
fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// Week rows spanned by the nights.
fn week_rows(nights: &[NightMark]) -> usize {
    match (nights.first(), nights.last()) {
        (Some(first), Some(last)) => {
            let days = (monday_of(last.night) - monday_of(first.night)).num_days();
            usize::try_from(days / 7 + 1).unwrap_or(1)
        }
        _ => 1,
    }
}

fn legend_height(dose_line: bool) -> f32 {
    LEGEND_SWATCH + 3.0 + SMALL.leading() + 2.0 + if dose_line { DOSE_LINE } else { 0.0 }
}

/// The height of the legend's dose-change line.
const DOSE_LINE: f32 = LEGEND_SWATCH + 1.5;

/// Whether the legend names the dose-change bar (a line of its own; issue 15 item 4).
fn has_dose_changes(nights: &[NightMark]) -> bool {
    nights.iter().any(|n| n.dose_change)
}

/// Space between the squares and the legend.
const LEGEND_GAP: f32 = 3.0;

/// The fixed part of the height: heading, weekday row and legend.
fn chrome_height(dose_line: bool) -> f32 {
    heading::height() + SMALL.leading() + 2.0 + LEGEND_GAP + legend_height(dose_line)
}

/// How the weeks are laid out: in `groups` side-by-side blocks of `rows_per_group` week rows,
/// with squares of side `cell`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Grid {
    groups: usize,
    rows_per_group: usize,
    cell: f32,
}

/// Space between side-by-side blocks of weeks.
const GROUP_GAP: f32 = 6.0;
/// At most this many side-by-side blocks (a year of nights fits in three or four).
const MAX_GROUPS: usize = 4;

impl Grid {
    /// The width of one block: its month labels and seven squares.
    fn group_width(&self) -> f32 {
        MONTH_WIDTH + 7.0 * self.cell
    }
}

/// The grid with the largest squares that fits `width` and (if given) `height`.
fn grid(rows: usize, width: f32, height: Option<f32>, dose_line: bool) -> Grid {
    let rows = rows.max(1);
    let mut best = Grid {
        groups: 1,
        rows_per_group: rows,
        cell: 0.0,
    };
    for groups in 1..=MAX_GROUPS.min(rows) {
        let rows_per_group = rows.div_ceil(groups);
        let g = groups as f32;
        let by_width = (width - g * MONTH_WIDTH - (g - 1.0) * GROUP_GAP) / (7.0 * g);
        let by_height = match height {
            Some(h) => (h - chrome_height(dose_line)) / rows_per_group as f32,
            None => MAX_CELL,
        };
        let cell = by_width.min(by_height).clamp(0.0, MAX_CELL).floor();
        if cell > best.cell {
            best = Grid {
                groups,
                rows_per_group,
                cell,
            };
        }
        if height.is_none() {
            break;
        }
    }
    best
}

/// The height the calendar wants in a column of `width` (one block of weeks, squares as large
/// as the width allows).
pub(crate) fn natural_height(nights: &[NightMark], width: f32) -> f32 {
    let dose_line = has_dose_changes(nights);
    let g = grid(week_rows(nights), width, None, dose_line);
    chrome_height(dose_line) + g.rows_per_group as f32 * g.cell
}

/// Draws the calendar in `area`.
pub(crate) fn draw(canvas: &mut Canvas<'_>, area: Rect, nights: &[NightMark]) {
    // The severity part's title from the core, as on every other front end.
    // Short: the calendar is the page's narrowest column.
    let title = format!("{}: peak per night", SummaryPart::Severity.title_str());
    let below = heading::draw(canvas, area, &title);
    let Some(first) = nights.first() else {
        return;
    };
    let dose_line = has_dose_changes(nights);
    let g = grid(week_rows(nights), area.w, Some(area.h), dose_line);
    let cell = g.cell;
    if cell < 2.0 {
        return;
    }
    let header_y = below.y;
    let grid_y = header_y + SMALL.leading() + 2.0;
    let group_x = |group: usize| below.x + group as f32 * (g.group_width() + GROUP_GAP);
    let header = Style::regular(SMALL.size.min(cell * 0.8), SMALL.color);
    for group in 0..g.groups {
        let x0 = group_x(group) + MONTH_WIDTH;
        for (i, day) in ["M", "T", "W", "T", "F", "S", "S"].iter().enumerate() {
            let x = x0 + i as f32 * cell;
            canvas.text(
                x,
                header_y + header.size,
                cell - CELL_GAP,
                &header,
                Align::Center,
                day,
            );
        }
    }
    let start = monday_of(first.night);
    let mut current_row: Option<usize> = None;
    let mut last_label: Option<(i32, u32)> = None;
    for night in nights {
        let offset = usize::try_from((night.night - start).num_days()).unwrap_or(0);
        let week = offset / 7;
        let group = week / g.rows_per_group.max(1);
        let row = (week % g.rows_per_group.max(1)) as f32;
        let col = (offset % 7) as f32;
        let r = Rect::new(
            group_x(group) + MONTH_WIDTH + col * cell,
            grid_y + row * cell,
            cell - CELL_GAP,
            cell - CELL_GAP,
        );
        draw_night(canvas, r, night);
        // Each row is labelled with the month of its first night, when that month changes
        // (and at the top of every block).
        if current_row != Some(week) {
            current_row = Some(week);
            let month = (night.night.year(), night.night.month());
            let top_of_block = week % g.rows_per_group.max(1) == 0;
            if last_label != Some(month) || top_of_block {
                last_label = Some(month);
                let label = night.night.format("%b").to_string();
                let style = Style::bold(SMALL.size.min(cell * 0.9).max(4.0), MUTED);
                canvas.text(
                    group_x(group),
                    r.y + (cell - CELL_GAP) / 2.0 + style.size * 0.35,
                    MONTH_WIDTH - 2.0,
                    &style,
                    Align::Left,
                    &label,
                );
            }
        }
    }
    let legend_y = grid_y + g.rows_per_group as f32 * cell + LEGEND_GAP;
    draw_legend(
        canvas,
        Rect::new(below.x, legend_y, below.w, legend_height(dose_line)),
        dose_line,
    );
}

fn draw_night(canvas: &mut Canvas<'_>, r: Rect, night: &NightMark) {
    if night.logged {
        canvas.fill_rect(r, theme::heat(night.peak));
    } else {
        canvas.stroke_rect(r.inset(0.3, 0.3), RULE, 0.6);
    }
    let on_dark = night.logged && theme::light_text_on(night.peak);
    let small = Style::regular(
        (r.w * 0.3).min(SMALL.size),
        if on_dark { WHITE } else { MUTED },
    );
    if r.w >= 9.0 {
        // The 1st of a month also names the month.
        let named = night.night.format("1 %b").to_string();
        let marker_room = if night.treatment_starts.is_empty() {
            0.0
        } else {
            7.5
        };
        let day =
            if night.night.day() == 1 && canvas.width(&small, &named) <= r.w - 2.0 - marker_room {
                named
            } else {
                night.night.day().to_string()
            };
        canvas.text(
            r.x + 1.2,
            r.y + small.size + 0.6,
            r.w,
            &small,
            Align::Left,
            &day,
        );
    }
    if night.logged && night.peak > 0 && r.w >= 10.0 {
        let big = Style::bold(r.w * 0.4, if on_dark { WHITE } else { INK });
        let peak = night.peak.to_string();
        canvas.text(
            r.x,
            r.bottom() - r.h * 0.18,
            r.w - 1.5,
            &big,
            Align::Right,
            &peak,
        );
    }
    // Dose timeline (issue 15 item 4): the new dose applies from this night on.
    if night.dose_change {
        dose_bar(canvas, r);
    }
    if let Some(&marker) = night.treatment_starts.first() {
        let radius = 3.6;
        if r.w >= 12.0 {
            draw_marker(canvas, (r.right() - radius, r.y + radius), marker);
        } else {
            let radius = r.w * 0.22;
            canvas.dot((r.right() - radius, r.y + radius), radius, MARKER);
        }
    }
}

/// The width of the bar that marks a dose change, as a share of the square.
const DOSE_BAR_SHARE: f32 = 0.2;

/// A bar down the left edge of the square `r`.
fn dose_bar(canvas: &mut Canvas<'_>, r: Rect) {
    let w = (r.w * DOSE_BAR_SHARE).max(0.8);
    canvas.fill_rect(Rect::new(r.x, r.y, w, r.h), MARKER);
}

fn draw_legend(canvas: &mut Canvas<'_>, area: Rect, dose_changes: bool) {
    let label = "Peak";
    let label_w = canvas.width(&SMALL, label) + 3.0;
    canvas.text(
        area.x,
        area.y + LEGEND_SWATCH * 0.8,
        label_w,
        &SMALL,
        Align::Left,
        label,
    );
    let room = area.w - label_w;
    let swatch = (room / 11.0).min(LEGEND_SWATCH + 1.0);
    let digits = Style::regular(5.0, INK);
    for peak in 0u8..=10 {
        let x = area.x + label_w + f32::from(peak) * swatch;
        let r = Rect::new(x, area.y, swatch - 1.0, LEGEND_SWATCH);
        canvas.fill_rect(r, theme::heat(peak));
        let color = if theme::light_text_on(peak) {
            WHITE
        } else {
            INK
        };
        let text = peak.to_string();
        canvas.text(
            r.x,
            r.y + LEGEND_SWATCH * 0.72,
            r.w,
            &digits.with_color(color),
            Align::Center,
            &text,
        );
    }
    let y = area.y + LEGEND_SWATCH + 3.0;
    let r = Rect::new(area.x, y, LEGEND_SWATCH - 1.0, LEGEND_SWATCH - 1.0);
    canvas.stroke_rect(r, RULE, 0.6);
    let mut x = r.right() + 2.5;
    let text = "not logged  0 = no symptoms";
    let w = canvas.text(
        x,
        y + SMALL.size,
        area.right() - x,
        &SMALL,
        Align::Left,
        text,
    );
    x += w + 6.0;
    if area.right() - x > 30.0 {
        draw_marker(canvas, (x + 3.6, y + LEGEND_SWATCH * 0.45), 1);
        x += 9.5;
        canvas.text(
            x,
            y + SMALL.size,
            area.right() - x,
            &SMALL,
            Align::Left,
            "treatment start",
        );
    }
    // Dose timeline (issue 15 item 4): the dose-change bar, on a line of its own.
    if dose_changes {
        let y = y + DOSE_LINE;
        let swatch = Rect::new(area.x, y, LEGEND_SWATCH - 1.0, LEGEND_SWATCH - 1.0);
        canvas.stroke_rect(swatch, RULE, 0.6);
        dose_bar(canvas, swatch);
        let x = swatch.right() + 2.5;
        canvas.text(
            x,
            y + SMALL.size,
            area.right() - x,
            &SMALL,
            Align::Left,
            "dose changed from this night on",
        );
    }
}
