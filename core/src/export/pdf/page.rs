//! Composing the page: measures every block for the paper's width, decides how many table rows
//! fit, gives the charts and the notes what is left, and draws everything in order —
//! header, key figures, points to discuss, charts, tables, notes, and the footer at the bottom.

use crate::export::pdf::canvas::Canvas;
use crate::export::pdf::content::{ReportContent, Table};
use crate::export::pdf::layout::{Page, Rect};
use crate::export::pdf::tables::Fit;
use crate::export::pdf::theme::{COLUMN_GAP, FOOTER, SECTION_GAP};
use crate::export::pdf::{calendar, charts, figures, flags, footer, header, notes, strip, tables};

/// The charts row is never lower than this…
const CHART_MIN: f32 = 120.0;
/// …nor higher than this.
const CHART_MAX: f32 = 210.0;
/// Table row caps tried in turn until the page fits (first with footnotes, then without).
const ROW_CAPS: [usize; 8] = [8, 7, 6, 5, 4, 3, 2, 1];

/// The relative widths of the three charts: calendar, onset, weekly.
const CHART_WEIGHTS: [f32; 3] = [1.0, 1.15, 1.0];

/// Page 1's footer when page 2 is on (page 2 prints the definitions in a readable size).
pub(crate) const DEFINITIONS_ON_PAGE_TWO: &str =
    "Definitions used: on page 2, with the detail (relief, where and how, patterns to test, \
     sleep, all notes).";

/// The tables of the left and the right column, top to bottom: triggers and relief on the
/// left, treatments and labs on the right, then sleep and "where and how", each in the column
/// that is shorter at that point (so the columns end about level). With page 2 on, page 1
/// keeps only treatments and labs (the rest is on page 2).
fn table_columns<'c>(
    canvas: &Canvas<'_>,
    content: &'c ReportContent,
    width: f32,
    fit: Fit,
) -> [Vec<&'c Table>; 2] {
    if content.detail_page {
        return [vec![&content.treatments], vec![&content.labs]];
    }
    let mut columns = [
        vec![&content.triggers, &content.relief],
        vec![&content.treatments, &content.labs],
    ];
    for table in [&content.sleep, &content.where_and_how] {
        let [left, right] = &mut columns;
        if column_height(canvas, content, left, width, fit)
            <= column_height(canvas, content, right, width, fit)
        {
            left.push(table);
        } else {
            right.push(table);
        }
    }
    columns
}

/// Rows the treatments and labs keep, with their footnotes, when the dose–onset strip takes
/// its room on page 1: the drugs and the iron are what the visit decides, so the detail tables
/// give way first.
const KEY_TABLE_ROWS: usize = 3;

/// How much of `table` is shown under `fit`: with the strip on the page, the treatments and
/// labs keep at least [`KEY_TABLE_ROWS`] rows and their footnotes.
fn table_fit(content: &ReportContent, table: &Table, fit: Fit) -> Fit {
    let key = std::ptr::eq(table, &content.treatments) || std::ptr::eq(table, &content.labs);
    if key && content.strip.is_some() {
        Fit {
            rows: fit.rows.max(KEY_TABLE_ROWS),
            footnotes: true,
        }
    } else {
        fit
    }
}

/// The height of a column of tables for a row cap.
fn column_height(
    canvas: &Canvas<'_>,
    content: &ReportContent,
    tables: &[&Table],
    width: f32,
    fit: Fit,
) -> f32 {
    let sum: f32 = tables
        .iter()
        .map(|t| tables::height(canvas, t, width, table_fit(content, t, fit)))
        .sum();
    sum + SECTION_GAP * tables.len().saturating_sub(1) as f32
}

/// One block of the page: the box it was given and the box of what it drew.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Placed {
    /// Which block.
    pub name: &'static str,
    /// The box it was given.
    pub area: Rect,
    /// The box of everything it drew (`None` if it drew nothing).
    pub drawn: Option<Rect>,
}

/// Where each block of the page went (tests check that nothing overlaps and every block drew
/// inside its box).
pub(crate) type Placement = Vec<Placed>;

fn place(placed: &mut Placement, canvas: &mut Canvas<'_>, name: &'static str, area: Rect) {
    placed.push(Placed {
        name,
        area,
        drawn: canvas.take_extent(),
    });
}

/// Tables keep at least this many rows to make room for the patient's notes; below it, the
/// notes give way (the page says how many were left out).
const ROWS_BEFORE_NOTES: usize = 5;
/// Tables keep at least this many rows before their footnotes are dropped.
const MIN_ROWS_WITH_FOOTNOTES: usize = 3;

/// The ways of fitting the tables, most generous first, each with whether the first note must
/// fit too.
fn fits() -> impl Iterator<Item = (Fit, bool)> {
    let with_notes = ROW_CAPS
        .into_iter()
        .filter(|&rows| rows >= ROWS_BEFORE_NOTES)
        .map(|rows| {
            (
                Fit {
                    rows,
                    footnotes: true,
                },
                true,
            )
        });
    // Rows before footnotes: a table cut to one or two rows (the CRP beside a ferritin, a
    // second treatment) says more than its footnotes do.
    let keep_rows = |footnotes: bool| {
        ROW_CAPS
            .into_iter()
            .filter(move |&rows| rows >= MIN_ROWS_WITH_FOOTNOTES || !footnotes)
            .map(move |rows| (Fit { rows, footnotes }, false))
    };
    let last_resort = ROW_CAPS
        .into_iter()
        .filter(|&rows| rows < MIN_ROWS_WITH_FOOTNOTES)
        .map(|rows| {
            (
                Fit {
                    rows,
                    footnotes: true,
                },
                false,
            )
        });
    with_notes
        .chain(keep_rows(true))
        .chain(keep_rows(false))
        .chain(last_resort)
}

/// The heights of the two table columns for a fit.
fn column_heights(canvas: &Canvas<'_>, content: &ReportContent, width: f32, fit: Fit) -> [f32; 2] {
    let [left, right] = table_columns(canvas, content, width, fit);
    [
        column_height(canvas, content, &left, width, fit),
        column_height(canvas, content, &right, width, fit),
    ]
}

/// Draws the whole report on `canvas` and returns where each block went.
///
/// From the top: header, key figures, points to discuss, the three charts, the tables in two
/// columns, and the footer at the bottom. The patient's notes (when included) fill the shorter
/// table column down to the footer. Table rows are cut (then footnotes dropped) until the
/// charts get their minimum height and, while tables keep 5 rows, the first note fits; the
/// charts then grow to their natural height if there is room left.
pub(crate) fn compose(canvas: &mut Canvas<'_>, page: &Page, content: &ReportContent) -> Placement {
    let body = page.body;
    let w = body.w;
    let header_h = header::height(canvas, content, w);
    let figures_h = figures::height(canvas, content, w);
    let flags_h = flags::height(canvas, content, w);
    let footer_text = if content.detail_page {
        vec![DEFINITIONS_ON_PAGE_TWO.to_string()]
    } else {
        content.definitions.clone()
    };
    let footer_h = footer::height(canvas, &footer_text, &FOOTER, w);
    let strip_h = match &content.strip {
        Some(s) => strip::height(canvas, Some(s), w) + SECTION_GAP,
        None => 0.0,
    };
    let table_cols = body.columns(&[1.0, 1.0], COLUMN_GAP);
    let table_w = table_cols.first().map(|r| r.w).unwrap_or(w);
    let chart_cols = body.columns(&CHART_WEIGHTS, COLUMN_GAP);
    let calendar_w = chart_cols.first().map(|r| r.w).unwrap_or(w);
    let chart_want =
        calendar::natural_height(&content.nights, calendar_w).clamp(CHART_MIN, CHART_MAX);
    let has_notes = !content.notes.is_empty();
    let notes_min = notes::min_height(canvas, &content.notes, table_w) + SECTION_GAP;
    let notes_full = notes::full_height(canvas, &content.notes, table_w) + SECTION_GAP;
    let fixed = header_h + figures_h + flags_h + footer_h + strip_h + 5.0 * SECTION_GAP;

    // Fewer table rows (then no footnotes) until the charts and the first note fit. The
    // notes go under the shorter column, so its spare height counts for them.
    let mut fit = Fit {
        rows: 1,
        footnotes: false,
    };
    let mut heights = column_heights(canvas, content, table_w, fit);
    for (f, need_notes) in fits() {
        let h = column_heights(canvas, content, table_w, f);
        let tallest = h[0].max(h[1]);
        let spare = tallest - h[0].min(h[1]);
        let free = body.h - fixed - tallest - CHART_MIN;
        let notes_fit = !has_notes || !need_notes || free + spare >= notes_min;
        if free >= 0.0 && notes_fit {
            fit = f;
            heights = h;
            break;
        }
    }
    let tables_h = heights[0].max(heights[1]);
    let spare = tables_h - heights[0].min(heights[1]);
    let room = (body.h - fixed - tables_h).max(0.0);
    // The charts take what they want unless the notes need it; never less than their minimum
    // (unless the page has no room at all).
    let notes_need = if has_notes {
        (notes_full - spare).max(0.0)
    } else {
        0.0
    };
    let charts_h = (room - notes_need).clamp(CHART_MIN, chart_want).min(room);

    let mut placed = Placement::new();
    let (header_area, rest) = body.split_top(header_h, SECTION_GAP);
    header::draw(canvas, header_area, content);
    place(&mut placed, canvas, "header", header_area);
    let (figures_area, rest) = rest.split_top(figures_h, SECTION_GAP);
    figures::draw(canvas, figures_area, content);
    place(&mut placed, canvas, "figures", figures_area);
    let (flags_area, rest) = rest.split_top(flags_h, SECTION_GAP);
    flags::draw(canvas, flags_area, content, "To discuss");
    place(&mut placed, canvas, "flags", flags_area);
    let (charts_area, rest) = rest.split_top(charts_h, SECTION_GAP);
    let cols = charts_area.columns(&CHART_WEIGHTS, COLUMN_GAP);
    if let [cal, onset, weekly] = cols.as_slice() {
        calendar::draw(canvas, *cal, &content.nights);
        place(&mut placed, canvas, "calendar", *cal);
        charts::draw_onset(canvas, *onset, &content.onset);
        place(&mut placed, canvas, "onset", *onset);
        charts::draw_weekly(canvas, *weekly, &content.weeks);
        place(&mut placed, canvas, "weekly", *weekly);
    }
    let rest = match &content.strip {
        Some(s) => {
            let (strip_area, rest) = rest.split_top(strip_h - SECTION_GAP, SECTION_GAP);
            strip::draw(canvas, strip_area, s);
            place(&mut placed, canvas, "strip", strip_area);
            rest
        }
        None => rest,
    };
    let (footer_area, _) = body.split_bottom(footer_h, 0.0);
    // The tables, and the notes down to the footer.
    let above_footer = Rect::new(
        rest.x,
        rest.y,
        rest.w,
        (footer_area.y - SECTION_GAP - rest.y).max(0.0),
    );
    let (tables_area, _) = above_footer.split_top(tables_h, 0.0);
    let bottoms = draw_tables(canvas, tables_area, content, fit, &mut placed);
    if has_notes {
        let cols = above_footer.columns(&[1.0, 1.0], COLUMN_GAP);
        let shorter = usize::from(bottoms[1] < bottoms[0]);
        if let (Some(col), Some(&bottom)) = (cols.get(shorter), bottoms.get(shorter)) {
            let top = bottom + SECTION_GAP;
            let notes_area = Rect::new(col.x, top, col.w, (above_footer.bottom() - top).max(0.0));
            let rest = if content.detail_page {
                notes::Rest::OnPageTwo
            } else {
                notes::Rest::NotShown
            };
            notes::draw(canvas, notes_area, &content.notes, rest);
            place(&mut placed, canvas, "notes", notes_area);
        }
    }
    footer::draw(canvas, footer_area, &footer_text, &FOOTER);
    place(&mut placed, canvas, "footer", footer_area);
    placed
}

/// Draws the tables in two columns and returns where each column ends.
pub(crate) fn draw_tables(
    canvas: &mut Canvas<'_>,
    area: Rect,
    content: &ReportContent,
    fit: Fit,
    placed: &mut Placement,
) -> [f32; 2] {
    let cols = area.columns(&[1.0, 1.0], COLUMN_GAP);
    let width = cols.first().map(|c| c.w).unwrap_or(area.w);
    let mut bottoms = [area.y, area.y];
    for ((column, list), bottom) in cols
        .iter()
        .zip(table_columns(canvas, content, width, fit))
        .zip(bottoms.iter_mut())
    {
        let mut rest = *column;
        for table in list {
            let fit = table_fit(content, table, fit);
            let h = tables::height(canvas, table, column.w, fit);
            let (this, below) = rest.split_top(h, SECTION_GAP);
            tables::draw(canvas, this, table, fit);
            place(placed, canvas, "table", this);
            *bottom = this.bottom();
            rest = below;
        }
    }
    bottoms
}
