//! The page's drawing surface: rectangles, lines, dots and text in points from the top-left
//! corner (y grows downwards), written as one PDF content stream.
//!
//! Text in the embedded font is encoded with our own character ids (CIDs), one per distinct
//! character in order of first use, so the same input always gives the same bytes and every
//! character maps back to exactly itself when the text is extracted. Text in a fallback font
//! is encoded by glyph: the CID is the glyph's id in the subset font (in order of first use)
//! and maps back to the characters it stands for (both letters of a lam-alef ligature, the
//! letter of a joined Arabic form). Bold text is the same font filled and outlined in its own
//! colour (text rendering mode 2), so one font serves both weights.

use std::collections::BTreeMap;

use pdf_writer::types::TextRenderingMode;
use pdf_writer::{Content, Name, Str};
use subsetter::GlyphRemapper;

use crate::export::pdf::fonts::{Weight, RESOURCE_NAME};
use crate::export::pdf::fontset::{FontSet, Piece, Source, MISSING};
use crate::export::pdf::layout::Rect;
use crate::export::pdf::text::{fit, Measure};

/// An RGB colour, each channel 0–1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rgb(pub f32, pub f32, pub f32);

impl Rgb {
    /// A colour from `0xRRGGBB`.
    pub const fn hex(rgb: u32) -> Rgb {
        Rgb(
            ((rgb >> 16) & 0xff) as f32 / 255.0,
            ((rgb >> 8) & 0xff) as f32 / 255.0,
            (rgb & 0xff) as f32 / 255.0,
        )
    }
}

/// Horizontal alignment of text in its box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Align {
    /// Flush left.
    Left,
    /// Centred.
    Center,
    /// Flush right.
    Right,
}

/// How a piece of text looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Style {
    /// Regular or bold.
    pub weight: Weight,
    /// Size in points.
    pub size: f32,
    /// Colour.
    pub color: Rgb,
}

impl Style {
    /// Regular text of `size` in `color`.
    pub const fn regular(size: f32, color: Rgb) -> Style {
        Style {
            weight: Weight::Regular,
            size,
            color,
        }
    }

    /// Bold text of `size` in `color`.
    pub const fn bold(size: f32, color: Rgb) -> Style {
        Style {
            weight: Weight::Bold,
            size,
            color,
        }
    }

    /// The distance between baselines of consecutive lines.
    pub fn leading(&self) -> f32 {
        self.size * 1.22
    }

    /// The same style in another colour.
    pub fn with_color(self, color: Rgb) -> Style {
        Style { color, ..self }
    }
}

/// The outline width of bold text, as a share of the font size.
const BOLD_STROKE: f32 = 0.04;
/// The extra space after each character of bold text, as a share of the font size (the outline
/// makes each glyph that much wider).
const BOLD_TRACKING: f32 = 0.04;

/// The characters the page uses, each with its character id (1, 2, … in order of first use;
/// 0 is the font's `.notdef`), the glyphs it uses of each fallback font, and whether some
/// character could not be drawn.
#[derive(Clone, Debug, Default)]
pub(crate) struct Encoding {
    cids: BTreeMap<char, u16>,
    order: Vec<char>,
    fallbacks: Vec<FallbackGlyphs>,
    missing: bool,
}

/// The glyphs of one fallback font the page uses: the subset's glyph ids (CIDs) and the text
/// each stands for.
#[derive(Clone, Debug)]
pub(crate) struct FallbackGlyphs {
    /// Old glyph id → subset glyph id, in order of first use (0 is `.notdef`).
    pub remapper: GlyphRemapper,
    /// The text each subset glyph id stands for (the first text it was drawn for).
    pub text: BTreeMap<u16, String>,
}

impl Default for FallbackGlyphs {
    fn default() -> Self {
        FallbackGlyphs {
            remapper: GlyphRemapper::new(),
            text: BTreeMap::new(),
        }
    }
}

/// The resource name of fallback font `index` (`F2`, `F3`, …; `F1` is the embedded font).
pub(crate) fn fallback_resource(index: usize) -> String {
    format!("F{}", index + 2)
}

impl Encoding {
    /// The character id of `c`, assigning the next one on first use.
    fn cid(&mut self, c: char) -> u16 {
        if let Some(&cid) = self.cids.get(&c) {
            return cid;
        }
        let cid = u16::try_from(self.order.len() + 1).unwrap_or(0);
        self.cids.insert(c, cid);
        self.order.push(c);
        cid
    }

    /// The characters used, by character id (the first has id 1).
    pub fn chars(&self) -> &[char] {
        &self.order
    }

    /// The subset glyph id of glyph `glyph` of fallback font `font`, remembering `text`.
    fn fallback_cid(&mut self, font: usize, glyph: u16, text: &str) -> u16 {
        if self.fallbacks.len() <= font {
            self.fallbacks
                .resize_with(font + 1, FallbackGlyphs::default);
        }
        let Some(used) = self.fallbacks.get_mut(font) else {
            return 0;
        };
        let cid = used.remapper.remap(glyph);
        used.text.entry(cid).or_insert_with(|| text.to_string());
        cid
    }

    /// The glyphs used of each fallback font, by the font's index (empty for unused fonts).
    pub fn fallbacks(&self) -> &[FallbackGlyphs] {
        &self.fallbacks
    }

    /// Whether some character could not be drawn (and [`MISSING`] was drawn instead).
    pub fn missing(&self) -> bool {
        self.missing
    }
}

/// The drawing surface of one page.
pub(crate) struct Canvas<'f> {
    font: &'f FontSet<'f>,
    content: Content,
    page_height: f32,
    encoding: Encoding,
    extent: Option<Rect>,
}

impl<'f> Canvas<'f> {
    /// An empty page of the given height (points).
    pub fn new(font: &'f FontSet<'f>, page_height: f32) -> Canvas<'f> {
        Canvas {
            font,
            content: Content::new(),
            page_height,
            encoding: Encoding::default(),
            extent: None,
        }
    }

    /// Grows the extent of what was drawn to include `r`.
    fn touch(&mut self, r: Rect) {
        self.extent = Some(match self.extent {
            None => r,
            Some(e) => {
                let x = e.x.min(r.x);
                let y = e.y.min(r.y);
                Rect::new(
                    x,
                    y,
                    e.right().max(r.right()) - x,
                    e.bottom().max(r.bottom()) - y,
                )
            }
        });
    }

    /// The smallest box holding everything drawn since the last call (text by its ascent and
    /// descent); `None` if nothing was drawn.
    pub fn take_extent(&mut self) -> Option<Rect> {
        self.extent.take()
    }

    /// How text in `style` is measured.
    pub fn measure(&self, style: &Style) -> Measure<'f> {
        Measure {
            font: self.font,
            size: style.size,
            tracking: match style.weight {
                Weight::Regular => 0.0,
                Weight::Bold => style.size * BOLD_TRACKING,
            },
        }
    }

    /// The width of `text` in `style`, points.
    pub fn width(&self, style: &Style, text: &str) -> f32 {
        self.measure(style).width(text)
    }

    fn y(&self, y: f32) -> f32 {
        self.page_height - y
    }

    /// Fills a rectangle.
    pub fn fill_rect(&mut self, r: Rect, color: Rgb) {
        if r.w <= 0.0 || r.h <= 0.0 {
            return;
        }
        self.touch(r);
        let y = self.y(r.y + r.h);
        self.content
            .set_fill_rgb(color.0, color.1, color.2)
            .rect(r.x, y, r.w, r.h)
            .fill_nonzero();
    }

    /// Strokes the outline of a rectangle.
    pub fn stroke_rect(&mut self, r: Rect, color: Rgb, width: f32) {
        self.touch(r.inset(-width / 2.0, -width / 2.0));
        let y = self.y(r.y + r.h);
        self.content
            .set_stroke_rgb(color.0, color.1, color.2)
            .set_line_width(width)
            .set_dash_pattern([], 0.0)
            .rect(r.x, y, r.w, r.h)
            .stroke();
    }

    /// A straight line.
    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), color: Rgb, width: f32) {
        self.polyline(&[from, to], color, width, None);
    }

    /// A dashed straight line (dash and gap `dash` points).
    pub fn dashed_line(
        &mut self,
        from: (f32, f32),
        to: (f32, f32),
        color: Rgb,
        width: f32,
        dash: f32,
    ) {
        self.polyline(&[from, to], color, width, Some(dash));
    }

    /// Connected line segments through `points`, optionally dashed.
    pub fn polyline(&mut self, points: &[(f32, f32)], color: Rgb, width: f32, dash: Option<f32>) {
        let Some((&(x0, y0), rest)) = points.split_first() else {
            return;
        };
        if rest.is_empty() {
            return;
        }
        for &(x, y) in points {
            self.touch(Rect::new(x - width / 2.0, y - width / 2.0, width, width));
        }
        let y0 = self.y(y0);
        self.content
            .set_stroke_rgb(color.0, color.1, color.2)
            .set_line_width(width);
        match dash {
            Some(d) => self.content.set_dash_pattern([d, d], 0.0),
            None => self.content.set_dash_pattern([], 0.0),
        };
        self.content.move_to(x0, y0);
        for &(x, y) in rest {
            let y = self.y(y);
            self.content.line_to(x, y);
        }
        self.content.stroke();
    }

    /// A filled circle.
    pub fn dot(&mut self, center: (f32, f32), radius: f32, color: Rgb) {
        // Four Bézier quarter circles.
        const K: f32 = 0.552_284_8;
        self.touch(Rect::new(
            center.0 - radius,
            center.1 - radius,
            2.0 * radius,
            2.0 * radius,
        ));
        let (cx, cy) = (center.0, self.y(center.1));
        let (r, k) = (radius, radius * K);
        self.content
            .set_fill_rgb(color.0, color.1, color.2)
            .move_to(cx + r, cy)
            .cubic_to(cx + r, cy + k, cx + k, cy + r, cx, cy + r)
            .cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, cy)
            .cubic_to(cx - r, cy - k, cx - k, cy - r, cx, cy - r)
            .cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy)
            .close_path()
            .fill_nonzero();
    }

    /// A filled triangle pointing up or down (for changes and markers).
    pub fn triangle(&mut self, center: (f32, f32), size: f32, up: bool, color: Rgb) {
        let h = size * 0.5;
        self.touch(Rect::new(center.0 - h, center.1 - h, size, size));
        let (cx, cy) = (center.0, self.y(center.1));
        let (tip, base) = if up {
            (cy + h, cy - h)
        } else {
            (cy - h, cy + h)
        };
        self.content
            .set_fill_rgb(color.0, color.1, color.2)
            .move_to(cx, tip)
            .line_to(cx + h, base)
            .line_to(cx - h, base)
            .close_path()
            .fill_nonzero();
    }

    /// Draws text that has already been fitted, with its baseline at `baseline` and its left
    /// edge at `x`. Returns its width.
    #[inline(never)]
    pub fn text_at(&mut self, x: f32, baseline: f32, style: &Style, text: &str) -> f32 {
        if text.is_empty() {
            return 0.0;
        }
        let font = self.font;
        // Runs of one font each: the resource name and the CIDs.
        let mut runs: Vec<(String, Vec<u8>)> = Vec::new();
        if font.is_simple(text) {
            let mut bytes = Vec::with_capacity(text.len() * 2);
            for c in text.chars() {
                let cid = self.encoding.cid(font.bundled().printable(c));
                bytes.extend_from_slice(&cid.to_be_bytes());
            }
            runs.push((String::new(), bytes));
        } else {
            for piece in font.pieces(text) {
                let (resource, cid) = self.piece_cid(&piece);
                match runs.last_mut() {
                    Some((last, bytes)) if *last == resource => {
                        bytes.extend_from_slice(&cid.to_be_bytes())
                    }
                    _ => runs.push((resource, cid.to_be_bytes().to_vec())),
                }
            }
        }
        let measure = self.measure(style);
        let width = measure.width(text);
        let m = font.bundled().metrics();
        let ascent = m.ascent * style.size / 1000.0;
        let descent = -m.descent * style.size / 1000.0;
        self.touch(Rect::new(x, baseline - ascent, width, ascent + descent));
        let y = self.page_height - baseline;
        let c = style.color;
        self.content.begin_text().set_fill_rgb(c.0, c.1, c.2);
        if style.weight == Weight::Bold {
            self.content
                .set_stroke_rgb(c.0, c.1, c.2)
                .set_line_width(style.size * BOLD_STROKE)
                .set_char_spacing(measure.tracking)
                .set_text_rendering_mode(TextRenderingMode::FillStroke);
        }
        self.content.next_line(x, y);
        for (resource, bytes) in &runs {
            let name = if resource.is_empty() {
                RESOURCE_NAME
            } else {
                resource.as_bytes()
            };
            self.content
                .set_font(Name(name), style.size)
                .show(Str(bytes));
        }
        if style.weight == Weight::Bold {
            self.content
                .set_char_spacing(0.0)
                .set_text_rendering_mode(TextRenderingMode::Fill);
        }
        self.content.end_text();
        width
    }

    /// The resource name (empty for the embedded font) and CID of a piece of text.
    fn piece_cid(&mut self, piece: &Piece) -> (String, u16) {
        match piece.source {
            Source::Bundled(c) => (String::new(), self.encoding.cid(c)),
            Source::Missing => {
                self.encoding.missing = true;
                (String::new(), self.encoding.cid(MISSING))
            }
            Source::Fallback { font, glyph } => (
                fallback_resource(font),
                self.encoding.fallback_cid(font, glyph, &piece.text),
            ),
        }
    }

    /// Draws one line of text in the box `x..x + width`, cut with "…" if it does not fit, with
    /// its baseline at `baseline`. Returns the width drawn.
    #[inline(never)]
    pub fn text(
        &mut self,
        x: f32,
        baseline: f32,
        width: f32,
        style: &Style,
        align: Align,
        text: &str,
    ) -> f32 {
        let measure = self.measure(style);
        let shown = fit(&measure, text, width.max(0.0));
        let w = measure.width(&shown);
        let left = match align {
            Align::Left => x,
            Align::Center => x + (width - w) / 2.0,
            Align::Right => x + width - w,
        };
        self.text_at(left, baseline, style, &shown)
    }

    /// Ends the page drawn so far and returns its content stream; drawing goes on on a new
    /// page of the same height, with the same fonts and character ids (one encoding for the
    /// whole document).
    pub fn end_page(&mut self) -> Vec<u8> {
        self.extent = None;
        std::mem::replace(&mut self.content, Content::new())
            .finish()
            .into_vec()
    }

    /// The finished content stream and the characters it uses.
    pub fn finish(self) -> (Vec<u8>, Encoding) {
        (self.content.finish().into_vec(), self.encoding)
    }
}
