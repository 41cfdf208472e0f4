//! The footer: the definitions the figures use (design §4), in small print above the bottom
//! margin.

use crate::export::pdf::canvas::{Align, Canvas, Style};
use crate::export::pdf::layout::Rect;
use crate::export::pdf::text::wrap;
use crate::export::pdf::theme::RULE;

const MAX_LINES_EACH: usize = 24;

fn lines(canvas: &Canvas<'_>, paragraphs: &[String], style: &Style, width: f32) -> Vec<String> {
    paragraphs
        .iter()
        .flat_map(|d| wrap(&canvas.measure(style), d, width, MAX_LINES_EACH))
        .collect()
}

/// The height of the footer: `paragraphs` in `style` at `width`.
pub(crate) fn height(canvas: &Canvas<'_>, paragraphs: &[String], style: &Style, width: f32) -> f32 {
    3.0 + lines(canvas, paragraphs, style, width).len() as f32 * style.leading()
}

/// Draws the footer in `area` (as tall as [`height`]).
pub(crate) fn draw(canvas: &mut Canvas<'_>, area: Rect, paragraphs: &[String], style: &Style) {
    canvas.line((area.x, area.y), (area.right(), area.y), RULE, 0.5);
    let mut y = area.y + 3.0;
    for line in lines(canvas, paragraphs, style, area.w) {
        canvas.text(area.x, y + style.size, area.w, style, Align::Left, &line);
        y += style.leading();
    }
}
