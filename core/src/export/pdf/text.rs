//! Fitting text into boxes: truncation with "…" and word wrapping, measured with the real font
//! metrics, so no string can overflow the width it was given.

use crate::export::pdf::fontset::FontSet;

/// How wide text is in one style: the fonts, the size, and the extra space after each
/// character (bold text is spaced a little wider).
#[derive(Clone, Copy)]
pub(crate) struct Measure<'f> {
    /// The report's fonts.
    pub font: &'f FontSet<'f>,
    /// The size, points.
    pub size: f32,
    /// Extra space after every character, points.
    pub tracking: f32,
}

impl Measure<'_> {
    /// The width of `text`, points.
    pub fn width(&self, text: &str) -> f32 {
        self.font.width(text, self.size) + self.tracking * text.chars().count() as f32
    }
}

/// The ellipsis that ends a cut string.
pub(crate) const ELLIPSIS: &str = "…";

/// `text` as it fits in `max_width` points at `size`: whole if it fits, else cut at a
/// character and ended with "…" (empty if not even "…" fits).
#[inline(never)]
pub(crate) fn fit(m: &Measure<'_>, text: &str, max_width: f32) -> String {
    let text = text.trim();
    if m.width(text) <= max_width {
        return text.to_string();
    }
    cut(m, text, max_width)
}

/// Cuts `text` to the longest prefix that, followed by "…", fits `max_width`.
fn cut(m: &Measure<'_>, text: &str, max_width: f32) -> String {
    let room = max_width - m.width(ELLIPSIS);
    if room < 0.0 {
        return String::new();
    }
    let mut used = 0.0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        let w = m.width(c.encode_utf8(&mut [0; 4]));
        if used + w > room {
            break;
        }
        used += w;
        end = i + c.len_utf8();
    }
    let head = text.get(..end).unwrap_or("").trim_end();
    format!("{head}{ELLIPSIS}")
}

/// Wraps `text` into at most `max_lines` lines of at most `width` points at `size`, breaking
/// at spaces (and inside words longer than a line). If text remains after the last line, that
/// line ends in "…". Explicit line breaks in `text` are kept.
#[inline(never)]
pub(crate) fn wrap(m: &Measure<'_>, text: &str, width: f32, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    if max_lines == 0 {
        return lines;
    }
    let mut overflow = false;
    'paragraphs: for paragraph in text.trim().lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if m.width(&candidate) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                if lines.len() + 1 >= max_lines {
                    lines.push(line);
                    overflow = true;
                    break 'paragraphs;
                }
                lines.push(std::mem::take(&mut line));
            }
            // The word alone: break it if it is wider than a line.
            let mut rest = word.to_string();
            while m.width(&rest) > width {
                let (head, tail) = split_at_width(m, &rest, width);
                if head.is_empty() {
                    break;
                }
                if lines.len() + 1 >= max_lines {
                    lines.push(head);
                    overflow = true;
                    break 'paragraphs;
                }
                lines.push(head);
                rest = tail;
            }
            line = rest;
        }
        if lines.len() >= max_lines {
            overflow = true;
            break;
        }
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        overflow = true;
    }
    if overflow {
        if let Some(last) = lines.last_mut() {
            let fitted = fit(m, &format!("{last}{ELLIPSIS}"), width);
            *last = if fitted.ends_with(ELLIPSIS) {
                fitted
            } else {
                cut(m, &format!("{last} "), width)
            };
        }
    }
    lines
}

/// Splits `text` where it stops fitting `width`: the longest fitting prefix and the rest.
fn split_at_width(m: &Measure<'_>, text: &str, width: f32) -> (String, String) {
    let mut used = 0.0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        let w = m.width(c.encode_utf8(&mut [0; 4]));
        if used + w > width {
            break;
        }
        used += w;
        end = i + c.len_utf8();
    }
    let head = text.get(..end).unwrap_or("").to_string();
    let tail = text.get(end..).unwrap_or("").to_string();
    (head, tail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::pdf::fontset::FontSet;

    fn font() -> FontSet<'static> {
        FontSet::bundled_only().expect("font")
    }

    fn at8<'f>(font: &'f FontSet<'f>) -> Measure<'f> {
        Measure {
            font,
            size: 8.0,
            tracking: 0.0,
        }
    }

    #[test]
    fn fit_keeps_short_text_and_cuts_long_text() {
        let font = font();
        let f = at8(&font);
        assert_eq!(fit(&f, "ferritin", 100.0), "ferritin");
        let cut = fit(&f, "a very long treatment name indeed", 40.0);
        assert!(cut.ends_with(ELLIPSIS), "{cut}");
        assert!(f.width(&cut) <= 40.0);
        assert_eq!(fit(&f, "anything", 1.0), "");
    }

    #[test]
    fn wrap_respects_width_and_line_count() {
        let font = font();
        let f = at8(&font);
        let text = "Ferritin 38 µg/L on 2 Oct 2026 is at or below 75 µg/L: discuss iron therapy \
                    with your clinician.";
        let lines = wrap(&f, text, 120.0, 10);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| f.width(l) <= 120.0));
        assert_eq!(lines.join(" "), text);
        let two = wrap(&f, text, 120.0, 2);
        assert_eq!(two.len(), 2);
        assert!(two[1].ends_with(ELLIPSIS), "{two:?}");
        assert!(two.iter().all(|l| f.width(l) <= 120.0));
    }

    #[test]
    fn wrap_breaks_words_longer_than_a_line() {
        let font = font();
        let f = at8(&font);
        let lines = wrap(&f, "Supercalifragilisticexpialidocious", 30.0, 10);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| f.width(l) <= 30.0));
        assert_eq!(lines.concat(), "Supercalifragilisticexpialidocious");
        assert!(wrap(&f, "x", 30.0, 0).is_empty());
    }
}
