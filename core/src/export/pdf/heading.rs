//! Section headings: a bold title over a thin rule.

use crate::export::pdf::canvas::{Align, Canvas};
use crate::export::pdf::layout::Rect;
use crate::export::pdf::theme::{HEADING, HEADING_GAP, RULE};

/// The height a heading takes, including the gap under it.
pub(crate) fn height() -> f32 {
    HEADING.leading() + HEADING_GAP
}

/// Draws a heading at the top of `area` and returns the area under it.
pub(crate) fn draw(canvas: &mut Canvas<'_>, area: Rect, title: &str) -> Rect {
    let baseline = area.y + HEADING.size;
    canvas.text(area.x, baseline, area.w, &HEADING, Align::Left, title);
    let rule_y = area.y + HEADING.leading() - 0.5;
    canvas.line((area.x, rule_y), (area.right(), rule_y), RULE, 0.5);
    area.split_top(height(), 0.0).1
}
