//! The footer: the definitions the figures use (design §4), in small print above the bottom
//! margin.

use crate::export::pdf::canvas::{Align, Canvas};
use crate::export::pdf::content::ReportContent;
use crate::export::pdf::layout::Rect;
use crate::export::pdf::text::wrap;
use crate::export::pdf::theme::{FOOTER, RULE};

const MAX_LINES_EACH: usize = 24;

fn lines(canvas: &Canvas<'_>, content: &ReportContent, width: f32) -> Vec<String> {
    content
        .definitions
        .iter()
        .flat_map(|d| wrap(&canvas.measure(&FOOTER), d, width, MAX_LINES_EACH))
        .collect()
}

/// The height of the footer.
pub(crate) fn height(canvas: &Canvas<'_>, content: &ReportContent, width: f32) -> f32 {
    3.0 + lines(canvas, content, width).len() as f32 * FOOTER.leading()
}

/// Draws the footer in `area` (as tall as [`height`]).
pub(crate) fn draw(canvas: &mut Canvas<'_>, area: Rect, content: &ReportContent) {
    canvas.line((area.x, area.y), (area.right(), area.y), RULE, 0.5);
    let mut y = area.y + 3.0;
    for line in lines(canvas, content, area.w) {
        canvas.text(area.x, y + FOOTER.size, area.w, &FOOTER, Align::Left, &line);
        y += FOOTER.leading();
    }
}
