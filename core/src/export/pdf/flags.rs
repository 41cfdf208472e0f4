//! The "to discuss" box: one line-wrapped point per flag (iron, augmentation watch, frequency…)
//! with its topic in a left column, then the notes on the data in small print.

use crate::export::pdf::canvas::{Align, Canvas};
use crate::export::pdf::content::{FlagLevel, ReportContent};
use crate::export::pdf::layout::Rect;
use crate::export::pdf::text::wrap;
use crate::export::pdf::theme::{
    BODY, BODY_BOLD, FLAG_BG, FLAG_INK, FLAG_RULE, HEADING, MUTED, RULE, SMALL,
};

const PAD: f32 = 6.0;
const BULLET: f32 = 8.0;
const MAX_FLAG_LINES: usize = 3;
const MAX_NOTE_LINES: usize = 2;
const MAX_NOTES: usize = 3;
const ITEM_GAP: f32 = 1.5;

/// The flags' wrapped lines and the notes' wrapped lines, for a box of `width`.
struct Lines {
    topic_width: f32,
    flags: Vec<Vec<String>>,
    notes: Vec<Vec<String>>,
}

fn lines(canvas: &Canvas<'_>, content: &ReportContent, width: f32) -> Lines {
    let inner = width - 2.0 * PAD;
    let topic_width = content
        .flags
        .iter()
        .map(|f| canvas.width(&BODY_BOLD, &f.topic))
        .fold(0.0_f32, f32::max)
        .min(inner * 0.25)
        + 8.0;
    let text_width = inner - BULLET - topic_width;
    let flags = content
        .flags
        .iter()
        .map(|f| wrap(&canvas.measure(&BODY), &f.text, text_width, MAX_FLAG_LINES))
        .collect();
    let notes = content
        .data_notes
        .iter()
        .take(MAX_NOTES)
        .map(|n| wrap(&canvas.measure(&SMALL), n, inner, MAX_NOTE_LINES))
        .collect();
    Lines {
        topic_width,
        flags,
        notes,
    }
}

fn notes_height(notes: &[Vec<String>]) -> f32 {
    if notes.is_empty() {
        0.0
    } else {
        3.0 + notes.iter().map(|n| n.len().max(1) as f32).sum::<f32>() * SMALL.leading()
    }
}

/// The height of the box.
pub(crate) fn height(canvas: &Canvas<'_>, content: &ReportContent, width: f32) -> f32 {
    let l = lines(canvas, content, width);
    let flags: f32 = l
        .flags
        .iter()
        .map(|f| f.len().max(1) as f32 * BODY.leading() + ITEM_GAP)
        .sum();
    2.0 * PAD + HEADING.leading() + flags + notes_height(&l.notes)
}

/// Draws the box in `area` (as tall as [`height`]).
pub(crate) fn draw(canvas: &mut Canvas<'_>, area: Rect, content: &ReportContent, title: &str) {
    let l = lines(canvas, content, area.w);
    canvas.fill_rect(area, FLAG_BG);
    canvas.stroke_rect(area, FLAG_RULE, 0.8);
    let inner = area.inset(PAD, PAD);
    let heading = HEADING.with_color(FLAG_INK);
    canvas.text(
        inner.x,
        inner.y + HEADING.size,
        inner.w,
        &heading,
        Align::Left,
        title,
    );
    let mut y = inner.y + HEADING.leading();
    for (flag, text) in content.flags.iter().zip(&l.flags) {
        let color = match flag.level {
            FlagLevel::Discuss => FLAG_RULE,
            FlagLevel::Info => RULE,
        };
        canvas.dot((inner.x + 2.5, y + BODY.size * 0.62), 2.2, color);
        canvas.text(
            inner.x + BULLET,
            y + BODY.size,
            l.topic_width - 6.0,
            &BODY_BOLD,
            Align::Left,
            &flag.topic,
        );
        let x = inner.x + BULLET + l.topic_width;
        for line in text {
            canvas.text(
                x,
                y + BODY.size,
                inner.right() - x,
                &BODY,
                Align::Left,
                line,
            );
            y += BODY.leading();
        }
        if text.is_empty() {
            y += BODY.leading();
        }
        y += ITEM_GAP;
    }
    if !l.notes.is_empty() {
        y += 3.0;
        let style = SMALL.with_color(MUTED);
        for note in &l.notes {
            for line in note {
                canvas.text(inner.x, y + SMALL.size, inner.w, &style, Align::Left, line);
                y += SMALL.leading();
            }
        }
    }
}
