//! The embedded report font (DejaVu Sans Condensed, pre-subset at dev time: see
//! `core/assets/fonts/README.md`): Latin (Vietnamese included), Greek, Cyrillic and the
//! report's symbols; mapping text to glyphs and measuring it.
//!
//! One font file keeps the library small; bold text is the same glyphs drawn with a thin
//! outline of their own colour (see `canvas.rs`), so both weights measure the same. Every
//! string the report prints is measured before it is placed, so no text overflows its box.
//! Characters this font lacks go to the platform's fallback fonts (`fontset.rs`); only text
//! the font has whole reaches [`Font::width`] and the canvas's direct path.

use std::io::Read;

use flate2::read::ZlibDecoder;

use crate::error::{JournalError, Result};
use crate::export::pdf::truetype::Face;

/// The font file, zlib-compressed (the same bytes a PDF's `/FlateDecode` stream holds).
static FONT_ZLIB: &[u8] =
    include_bytes!("../../../assets/fonts/DejaVuSansCondensed-report.ttf.zlib");

/// Characters below this have their glyph and advance in a table indexed by code point
/// (Latin: nearly everything a report prints).
const TABLE_CHARS: u32 = 0x0250;

/// How text is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Weight {
    /// The font as it is.
    Regular,
    /// The font filled and outlined, for headings and figures.
    Bold,
}

/// The PostScript name of the font.
pub(crate) const POSTSCRIPT_NAME: &str = "DejaVuSansCondensed";
/// The resource name of the font in the page's content stream.
pub(crate) const RESOURCE_NAME: &[u8] = b"F1";

/// The parsed report font. Every lookup is answered from tables built when it loads, so the
/// font file is parsed once per report.
pub(crate) struct Font {
    data: Vec<u8>,
    fallback: u16,
    /// Glyph and advance (1/1000 em) of the characters below [`TABLE_CHARS`], by code point.
    table: Vec<(u16, f32)>,
    /// The font's other characters and their glyphs, sorted by character.
    others: Vec<(char, u16)>,
    /// The advance of every glyph, 1/1000 em, by glyph id.
    advances: Vec<f32>,
    metrics: FontMetrics,
}

fn unreadable(detail: impl std::fmt::Display) -> JournalError {
    JournalError::Storage {
        detail: format!("the embedded report font could not be read: {detail}"),
    }
}

impl Font {
    /// Inflates and parses the embedded font.
    pub fn load() -> Result<Font> {
        let mut data = Vec::new();
        ZlibDecoder::new(FONT_ZLIB)
            .read_to_end(&mut data)
            .map_err(unreadable)?;
        let face = Face::parse(&data).ok_or_else(|| unreadable("not a TrueType font"))?;
        let metrics = FontMetrics::of(&face);
        let units_per_em = f32::from(face.units_per_em().max(1));
        let advances: Vec<f32> = (0..face.glyph_count())
            .map(|g| f32::from(face.advance(g)) * 1000.0 / units_per_em)
            .collect();
        let fallback = face.glyph('?').unwrap_or(0);
        let advance = |g: u16| advances.get(usize::from(g)).copied().unwrap_or(0.0);
        let table = (0..TABLE_CHARS)
            .map(|code| {
                let glyph = char::from_u32(code)
                    .and_then(|c| face.glyph(c))
                    .unwrap_or(fallback);
                (glyph, advance(glyph))
            })
            .collect();
        let others = face
            .mapped_chars()
            .into_iter()
            .filter(|&(c, _)| u32::from(c) >= TABLE_CHARS)
            .collect();
        Ok(Font {
            fallback,
            table,
            others,
            advances,
            metrics,
            data,
        })
    }

    /// The font file (to embed).
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// The font file as stored: zlib-compressed, ready for a `/FlateDecode` stream.
    pub fn compressed_data(&self) -> &'static [u8] {
        FONT_ZLIB
    }

    /// The glyph of `c` looked up in the font (`None` if it has none).
    fn lookup(&self, c: char) -> Option<u16> {
        match self.table.get(c as usize) {
            Some(&(glyph, _)) => (glyph != self.fallback || c == '?').then_some(glyph),
            None => self
                .others
                .binary_search_by_key(&c, |o| o.0)
                .ok()
                .and_then(|i| self.others.get(i))
                .map(|&(_, glyph)| glyph),
        }
    }

    /// Whether the font has a glyph for `c`.
    pub fn has(&self, c: char) -> bool {
        self.lookup(c).is_some()
    }

    /// The character as it will print: itself if the font has it, a space for whitespace and
    /// control characters, `?` otherwise.
    pub fn printable(&self, c: char) -> char {
        if c.is_whitespace() || c.is_control() {
            ' '
        } else if self.lookup(c).is_some() {
            c
        } else {
            '?'
        }
    }

    /// The glyph a character prints with (see [`Font::printable`]).
    pub fn glyph(&self, c: char) -> u16 {
        let c = if c.is_whitespace() || c.is_control() {
            ' '
        } else {
            c
        };
        match self.table.get(c as usize) {
            Some(&(glyph, _)) => glyph,
            None => self.lookup(self.printable(c)).unwrap_or(self.fallback),
        }
    }

    /// The advance width of a glyph in text space units (1/1000 of the font size).
    pub fn advance_units(&self, glyph: u16) -> f32 {
        self.advances
            .get(usize::from(glyph))
            .copied()
            .unwrap_or(0.0)
    }

    /// The advance of the character as it prints, 1/1000 em.
    pub fn char_units(&self, c: char) -> f32 {
        let c = if c.is_whitespace() || c.is_control() {
            ' '
        } else {
            c
        };
        match self.table.get(c as usize) {
            Some(&(_, advance)) => advance,
            None => self.advance_units(self.glyph(c)),
        }
    }

    /// The width of `text` at `size` points, in points.
    #[inline(never)]
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: f32 = text.chars().map(|c| self.char_units(c)).sum();
        units * size / 1000.0
    }

    /// Ascent, descent (negative), cap height and the bounding box, in 1/1000 em.
    pub fn metrics(&self) -> FontMetrics {
        self.metrics
    }
}

/// Vertical metrics of a font in 1/1000 em.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FontMetrics {
    /// Height above the baseline.
    pub ascent: f32,
    /// Depth below the baseline (negative).
    pub descent: f32,
    /// Height of capital letters.
    pub cap_height: f32,
    /// The font's bounding box: x min, y min, x max, y max.
    pub bbox: [f32; 4],
}

impl FontMetrics {
    /// The metrics of `face` (the one rule for the embedded font and every fallback font): the
    /// `hhea` ascent and descent, the height of "H" as the cap height (the ascent without
    /// one), and the font's bounding box, scaled from font units to 1/1000 em.
    pub fn of(face: &Face<'_>) -> FontMetrics {
        let units_per_em = f32::from(face.units_per_em().max(1));
        let scale = |v: i16| f32::from(v) * 1000.0 / units_per_em;
        FontMetrics {
            ascent: scale(face.ascender()),
            descent: scale(face.descender()),
            cap_height: scale(face.cap_height().unwrap_or(face.ascender())),
            bbox: face.bbox().map(scale),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stored_font_is_the_committed_font() {
        let font = Font::load().expect("font");
        let ttf: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSansCondensed-report.ttf");
        assert_eq!(font.data(), ttf);
    }

    #[test]
    fn every_report_symbol_has_a_glyph() {
        let font = Font::load().expect("font");
        for c in "µ≥≤–—·×…−→←↑↓▲▼●■□°≈ÄéßŁțșΔμ€‘’“”•ЖΣễƯἀ".chars()
        {
            assert_eq!(font.printable(c), c, "{c} missing");
            assert_ne!(font.glyph(c), 0, "{c}");
            assert_ne!(font.glyph(c), font.glyph('?'), "{c}");
        }
        for c in ['漢', 'م', '\u{1F600}'] {
            assert_eq!(font.printable(c), '?');
            assert_eq!(font.glyph(c), font.glyph('?'));
        }
        assert_eq!(font.printable('\n'), ' ');
        assert_eq!(font.printable('\u{a0}'), ' ');
    }

    #[test]
    fn widths_match_the_font() {
        let font = Font::load().expect("font");
        // DejaVu Sans Condensed: 2048 units per em; "A" advances 1260 units, space 585.
        assert!((font.width("A", 1000.0) - 1260.0 * 1000.0 / 2048.0).abs() < 0.01);
        assert!((font.width(" ", 1000.0) - 585.0 * 1000.0 / 2048.0).abs() < 0.01);
        assert_eq!(font.width("", 10.0), 0.0);
        let a = font.width("Ferritin", 10.0);
        assert!((font.width("Ferritin", 20.0) - 2.0 * a).abs() < 0.01);
        assert_eq!(font.width("漢", 10.0), font.width("?", 10.0));
        let m = font.metrics();
        assert!(m.ascent > 700.0 && m.descent < -150.0 && m.cap_height > 600.0);
    }

    #[test]
    fn metrics_are_the_faces_in_thousandths_of_an_em() {
        let font = Font::load().expect("font");
        let face = Face::parse(font.data()).expect("face");
        let m = FontMetrics::of(&face);
        // DejaVu Sans Condensed: hhea 1901 / -483, "H" 1493 high, 2048 units per em.
        let em = |v: f32| v * 1000.0 / 2048.0;
        assert_eq!((m.ascent, m.descent), (em(1901.0), em(-483.0)));
        assert_eq!(m.cap_height, em(1493.0));
        assert_eq!(m.bbox, [-1881.0, -948.0, 3306.0, 2524.0].map(em));
        let loaded = font.metrics();
        assert_eq!(
            (
                loaded.ascent,
                loaded.descent,
                loaded.cap_height,
                loaded.bbox
            ),
            (m.ascent, m.descent, m.cap_height, m.bbox)
        );
    }
}
