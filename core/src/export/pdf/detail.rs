//! The optional page 2, the detail (issue 21): the header again, the tables page 1 leaves out
//! when page 2 is on (patterns to test and the relief toolkit on the left, the sleep diary
//! means and where and how on the right, every row and footnote), every one of the patient's
//! notes in the range, whole, and the definitions at a readable size at the bottom. Notes that
//! do not fit go on to further pages (`continue_notes`), never cut.

use crate::export::pdf::canvas::Canvas;
use crate::export::pdf::content::{ReportContent, Table};
use crate::export::pdf::layout::{Page, Rect};
use crate::export::pdf::page::{Placed, Placement};
use crate::export::pdf::tables::{self, Fit};
use crate::export::pdf::theme::{DEFINITIONS, SECTION_GAP};
use crate::export::pdf::{footer, header, notes};

/// The title of page 2.
pub(crate) const DETAIL_TITLE: &str = "Page 2: the detail";

/// Every row the tables offer (gather caps them) and their footnotes.
const ALL_ROWS: Fit = Fit {
    rows: usize::MAX,
    footnotes: true,
};

fn place(placed: &mut Placement, canvas: &mut Canvas<'_>, name: &'static str, area: Rect) {
    placed.push(Placed {
        name,
        area,
        drawn: canvas.take_extent(),
    });
}

/// Draws a column of tables from the top of `area`; returns where it ends.
fn draw_column(
    canvas: &mut Canvas<'_>,
    area: Rect,
    list: &[&Table],
    placed: &mut Placement,
) -> f32 {
    let mut rest = area;
    let mut bottom = area.y;
    for table in list {
        let h = tables::height(canvas, table, area.w, ALL_ROWS);
        let (this, below) = rest.split_top(h, SECTION_GAP);
        tables::draw(canvas, this, table, ALL_ROWS);
        place(placed, canvas, "table", this);
        bottom = this.bottom();
        rest = below;
    }
    bottom
}

/// The most pages a report has: page 1, page 2 and at most this many minus two pages of notes
/// continued (a year of long notes fits well within).
pub(crate) const MAX_PAGES: usize = 24;

/// Where the notes a page cannot hold go: the next page, unless `page_number` is the last
/// one a report may have.
fn rest_after(page_number: usize) -> notes::Rest {
    if page_number < MAX_PAGES {
        notes::Rest::NextPage
    } else {
        notes::Rest::NoPageLeft
    }
}

/// Draws page `page_number` (3, 4, …) on `canvas`: the patient's notes from `from` on, under
/// the header; returns how many it drew.
pub(crate) fn continue_notes(
    canvas: &mut Canvas<'_>,
    page: &Page,
    content: &ReportContent,
    from: usize,
    page_number: usize,
) -> usize {
    let body = page.body;
    let mut titled = content.clone();
    titled.title = format!("Page {page_number}: notes, continued");
    let header_h = header::height(canvas, &titled, body.w);
    let (header_area, rest) = body.split_top(header_h, SECTION_GAP);
    header::draw(canvas, header_area, &titled);
    let notes = content.notes.get(from..).unwrap_or(&[]);
    notes::draw(canvas, rest, notes, rest_after(page_number))
}

/// Draws page 2 on `canvas` (a fresh page); returns where each block went and how many of
/// the patient's notes it drew.
pub(crate) fn compose(
    canvas: &mut Canvas<'_>,
    page: &Page,
    content: &ReportContent,
) -> (Placement, usize) {
    let body = page.body;
    let mut placed = Placement::new();
    let mut titled = content.clone();
    titled.title = DETAIL_TITLE.to_string();
    let header_h = header::height(canvas, &titled, body.w);
    let (header_area, rest) = body.split_top(header_h, SECTION_GAP);
    header::draw(canvas, header_area, &titled);
    place(&mut placed, canvas, "header", header_area);

    let footer_h = footer::height(canvas, &content.definitions, &DEFINITIONS, body.w);
    let (footer_area, above) = rest.split_bottom(footer_h, SECTION_GAP);

    let cols = above.columns(&[1.0, 1.0], crate::export::pdf::theme::COLUMN_GAP);
    let mut bottom = above.y;
    if let [left, right] = cols.as_slice() {
        let l = draw_column(
            canvas,
            *left,
            &[&content.triggers, &content.relief],
            &mut placed,
        );
        let r = draw_column(
            canvas,
            *right,
            &[&content.sleep, &content.where_and_how],
            &mut placed,
        );
        bottom = l.max(r);
    }
    let mut shown = 0;
    if !content.notes.is_empty() {
        let top = bottom + SECTION_GAP;
        let notes_area = Rect::new(above.x, top, above.w, (above.bottom() - top).max(0.0));
        shown = notes::draw(canvas, notes_area, &content.notes, rest_after(2));
        place(&mut placed, canvas, "notes", notes_area);
    }
    footer::draw(canvas, footer_area, &content.definitions, &DEFINITIONS);
    place(&mut placed, canvas, "footer", footer_area);
    (placed, shown)
}
