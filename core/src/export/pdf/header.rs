//! The page header: title and attribution on the left; patient, period and date of generation
//! on the right.

use crate::export::pdf::canvas::{Align, Canvas, Style};
use crate::export::pdf::content::ReportContent;
use crate::export::pdf::layout::Rect;
use crate::export::pdf::text::wrap;
use crate::export::pdf::theme::{HEADER, INK, MUTED, RULE, TITLE};

/// The lines of the right-hand block, with their styles.
fn right_lines(content: &ReportContent) -> Vec<(Style, String)> {
    let mut lines = Vec::new();
    if let Some(name) = &content.patient_name {
        lines.push((Style::bold(9.0, INK), format!("Patient: {name}")));
    }
    lines.push((Style::bold(HEADER.size, INK), content.period_text.clone()));
    for line in &content.visit_lines {
        lines.push((Style::bold(HEADER.size, INK), line.clone()));
    }
    lines.push((HEADER.with_color(MUTED), content.generated_text.clone()));
    lines
}

/// The attribution, wrapped to at most two lines of the left block.
fn attribution(canvas: &Canvas<'_>, content: &ReportContent, width: f32) -> Vec<String> {
    let style = HEADER.with_color(MUTED);
    wrap(&canvas.measure(&style), &content.attribution, width, 2)
}

/// The most lines the person's question takes on the page.
const MAX_QUESTION_LINES: usize = 3;

/// The person's question for the visit, wrapped to at most three lines of the left block.
fn question(canvas: &Canvas<'_>, content: &ReportContent, width: f32) -> Vec<String> {
    content.question.as_ref().map_or_else(Vec::new, |q| {
        let style = Style::bold(HEADER.size, INK);
        let text = format!("Patient's question for this visit: {q}");
        wrap(&canvas.measure(&style), &text, width, MAX_QUESTION_LINES)
    })
}

fn split(area: Rect) -> (Rect, Rect) {
    let cols = area.columns(&[1.0, 1.0], 12.0);
    let left = cols.first().copied().unwrap_or(area);
    let right = cols.get(1).copied().unwrap_or(area);
    (left, right)
}

/// The height of the header for a page body of `width`.
pub(crate) fn height(canvas: &Canvas<'_>, content: &ReportContent, width: f32) -> f32 {
    let (left, _) = split(Rect::new(0.0, 0.0, width, 0.0));
    let left_lines =
        attribution(canvas, content, left.w).len() + question(canvas, content, left.w).len();
    let left_h = TITLE.leading() + left_lines as f32 * HEADER.leading();
    let right_h: f32 = right_lines(content).iter().map(|(s, _)| s.leading()).sum();
    left_h.max(right_h) + 4.0
}

/// Draws the header at the top of `area` (as tall as [`height`]).
pub(crate) fn draw(canvas: &mut Canvas<'_>, area: Rect, content: &ReportContent) {
    let (left, right) = split(area);
    let mut y = left.y + TITLE.size;
    canvas.text(left.x, y, left.w, &TITLE, Align::Left, &content.title);
    y += TITLE.leading() - TITLE.size + HEADER.size;
    let style = HEADER.with_color(MUTED);
    for line in attribution(canvas, content, left.w) {
        canvas.text(left.x, y, left.w, &style, Align::Left, &line);
        y += HEADER.leading();
    }
    let bold = Style::bold(HEADER.size, INK);
    for line in question(canvas, content, left.w) {
        canvas.text(left.x, y, left.w, &bold, Align::Left, &line);
        y += HEADER.leading();
    }
    let mut y = right.y;
    for (style, line) in right_lines(content) {
        canvas.text(
            right.x,
            y + style.size,
            right.w,
            &style,
            Align::Right,
            &line,
        );
        y += style.leading();
    }
    let rule_y = area.bottom() - 1.0;
    canvas.line((area.x, rule_y), (area.right(), rule_y), RULE, 0.8);
}
