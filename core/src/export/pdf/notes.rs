//! The patient's own notes (printed only when they chose to include them): as many as fit the
//! space left on the page, each cut to a few lines, then "+ N more".

use crate::export::pdf::canvas::{Align, Canvas};
use crate::export::pdf::content::NoteLine;
use crate::export::pdf::heading;
use crate::export::pdf::layout::Rect;
use crate::export::pdf::text::wrap;
use crate::export::pdf::theme::{BODY, BODY_BOLD, MUTED, SMALL};

const WHEN_WIDTH: f32 = 62.0;
/// Lines of one note on page 1 (page 2 prints every note whole).
const MAX_LINES: usize = 3;
/// Lines of one note on page 2: the longest note a person can write, at the page's width.
const WHOLE_NOTE_LINES: usize = 200;
const ITEM_GAP: f32 = 1.0;

/// Where the notes that do not fit are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rest {
    /// On page 2, which prints them all.
    OnPageTwo,
    /// Nowhere: page 2 is off (page 1 says how many).
    NotShown,
    /// On the next page: page 2 and the pages after it print every note whole.
    NextPage,
    /// Nowhere: the report's last page is full (see `MAX_PAGES`).
    NoPageLeft,
}

impl Rest {
    fn more_text(self, n: usize) -> String {
        match self {
            Rest::OnPageTwo => format!("+ {n} more notes on page 2"),
            Rest::NotShown => format!("+ {n} more notes not shown (page 2 is off)"),
            Rest::NextPage => format!("+ {n} more notes on the next page"),
            Rest::NoPageLeft => format!("+ {n} more notes do not fit: export the notes as CSV"),
        }
    }

    fn max_lines(self) -> usize {
        match self {
            Rest::NextPage | Rest::NoPageLeft => WHOLE_NOTE_LINES,
            _ => MAX_LINES,
        }
    }
}

fn lines(canvas: &Canvas<'_>, note: &NoteLine, width: f32, max_lines: usize) -> Vec<String> {
    wrap(
        &canvas.measure(&BODY),
        &note.text,
        width - WHEN_WIDTH,
        max_lines,
    )
}

fn note_height(canvas: &Canvas<'_>, note: &NoteLine, width: f32) -> f32 {
    lines(canvas, note, width, MAX_LINES).len().max(1) as f32 * BODY.leading() + ITEM_GAP
}

/// The height that shows every note (0 without notes).
pub(crate) fn full_height(canvas: &Canvas<'_>, notes: &[NoteLine], width: f32) -> f32 {
    if notes.is_empty() {
        return 0.0;
    }
    heading::height()
        + notes
            .iter()
            .map(|n| note_height(canvas, n, width))
            .sum::<f32>()
}

/// The smallest useful height: the heading and one note.
pub(crate) fn min_height(canvas: &Canvas<'_>, notes: &[NoteLine], width: f32) -> f32 {
    match notes.first() {
        None => 0.0,
        Some(n) => heading::height() + note_height(canvas, n, width) + SMALL.leading(),
    }
}

/// Draws as many notes as fit in `area`, then a "+ N more" line saying where the rest are;
/// returns how many were drawn.
pub(crate) fn draw(canvas: &mut Canvas<'_>, area: Rect, notes: &[NoteLine], rest: Rest) -> usize {
    if notes.is_empty() {
        return 0;
    }
    if area.h < heading::height() + BODY.leading() + ITEM_GAP {
        // No room for even one note: say so, if there is room for that.
        if area.h >= SMALL.leading() {
            let style = SMALL.with_color(MUTED);
            let text = match rest {
                Rest::OnPageTwo => format!("{} of the patient's notes: on page 2.", notes.len()),
                Rest::NotShown => format!(
                    "{} of the patient's notes not shown: no room left on the page (page 2 is \
                     off).",
                    notes.len()
                ),
                _ => format!(
                    "{} of the patient's notes not shown: no room left on the page.",
                    notes.len()
                ),
            };
            canvas.text(
                area.x,
                area.y + SMALL.size,
                area.w,
                &style,
                Align::Left,
                &text,
            );
        }
        return 0;
    }
    let below = heading::draw(canvas, area, "Patient's notes");
    let mut y = below.y;
    let mut shown = 0;
    for (i, note) in notes.iter().enumerate() {
        let note_lines = lines(canvas, note, area.w, rest.max_lines());
        let h = note_lines.len().max(1) as f32 * BODY.leading() + ITEM_GAP;
        let remaining = notes.len() - i - 1;
        let reserve = if remaining > 0 { SMALL.leading() } else { 0.0 };
        if y + h + reserve > area.bottom() {
            break;
        }
        canvas.text(
            area.x,
            y + BODY.size,
            WHEN_WIDTH - 4.0,
            &BODY_BOLD,
            Align::Left,
            &note.when,
        );
        for line in note_lines {
            canvas.text(
                area.x + WHEN_WIDTH,
                y + BODY.size,
                area.w - WHEN_WIDTH,
                &BODY,
                Align::Left,
                &line,
            );
            y += BODY.leading();
        }
        y += ITEM_GAP;
        shown += 1;
    }
    if shown < notes.len() {
        let style = SMALL.with_color(MUTED);
        let text = rest.more_text(notes.len() - shown);
        canvas.text(area.x, y + SMALL.size, area.w, &style, Align::Left, &text);
    }
    shown
}
