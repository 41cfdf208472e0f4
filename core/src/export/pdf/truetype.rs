//! The report's view of a font file, read with `ttf-parser` (maintained; bounds-checks every
//! read): which faces a collection (`.ttc`) holds, whether a face has what the report needs —
//! a Unicode character map, advance widths, TrueType or CFF outlines — and its glyphs, advance
//! widths and metrics. A malformed font gives `None`, never a panic.

use ttf_parser::GlyphId;

/// A parsed face of a font file (borrowing its bytes).
#[derive(Clone, Debug)]
pub(crate) struct Face<'a>(ttf_parser::Face<'a>);

/// The number of faces in `data`: 1 for a single font, the count of a collection.
pub(crate) fn face_count(data: &[u8]) -> u32 {
    ttf_parser::fonts_in_collection(data).unwrap_or(1)
}

impl<'a> Face<'a> {
    /// Parses a single font (or the first face of a collection); `None` if a table the report
    /// needs is missing or malformed.
    pub fn parse(data: &'a [u8]) -> Option<Face<'a>> {
        Face::parse_face(data, 0)
    }

    /// Parses face `index` of a collection (0 for a single font); `None` if there is no such
    /// face or a table the report needs is missing or malformed.
    pub fn parse_face(data: &'a [u8], index: u32) -> Option<Face<'a>> {
        let face = ttf_parser::Face::parse(data, index).ok()?;
        let tables = face.tables();
        // Bitmap-only (emoji) and CFF2 (variable) fonts have neither: the PDF cannot embed them.
        let outlines = tables.glyf.is_some() || tables.cff.is_some();
        let unicode_map = tables
            .cmap
            .is_some_and(|cmap| cmap.subtables.into_iter().any(|s| s.is_unicode()));
        (outlines && unicode_map && tables.hmtx.is_some() && tables.head.units_per_em > 0)
            .then_some(Face(face))
    }

    /// Whether the outlines are CFF (PostScript) rather than TrueType.
    pub fn is_cff(&self) -> bool {
        self.0.tables().glyf.is_none()
    }

    /// Font units per em.
    pub fn units_per_em(&self) -> u16 {
        self.0.units_per_em()
    }

    /// The number of glyphs (glyph ids run from 0 to this, exclusive).
    pub fn glyph_count(&self) -> u16 {
        self.0.number_of_glyphs()
    }

    /// The font's bounding box (x min, y min, x max, y max), font units.
    pub fn bbox(&self) -> [i16; 4] {
        let b = self.0.global_bounding_box();
        [b.x_min, b.y_min, b.x_max, b.y_max]
    }

    /// Height above the baseline (the `hhea` table's), font units.
    pub fn ascender(&self) -> i16 {
        self.0.tables().hhea.ascender
    }

    /// Depth below the baseline (negative; the `hhea` table's), font units.
    pub fn descender(&self) -> i16 {
        self.0.tables().hhea.descender
    }

    /// The height of "H" (the cap height), font units; `None` without an "H" outline.
    pub fn cap_height(&self) -> Option<i16> {
        let glyph = self.glyph('H')?;
        self.0.glyph_bounding_box(GlyphId(glyph)).map(|b| b.y_max)
    }

    /// The advance width of a glyph, font units (0 for a glyph the font does not have).
    pub fn advance(&self, glyph: u16) -> u16 {
        self.0.glyph_hor_advance(GlyphId(glyph)).unwrap_or(0)
    }

    /// The glyph of a character; `None` if the font has none (or only `.notdef`).
    pub fn glyph(&self, c: char) -> Option<u16> {
        self.0.glyph_index(c).map(|g| g.0).filter(|g| *g != 0)
    }

    /// Every character the font has a glyph for, with its glyph, sorted by character.
    pub fn mapped_chars(&self) -> Vec<(char, u16)> {
        let mut chars = Vec::new();
        if let Some(cmap) = self.0.tables().cmap {
            for subtable in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
                subtable.codepoints(|code| {
                    if let Some(c) = char::from_u32(code) {
                        chars.push(c);
                    }
                });
            }
        }
        chars.sort_unstable();
        chars.dedup();
        // The glyph as `glyph` finds it, so both agree when subtables overlap.
        chars
            .into_iter()
            .filter_map(|c| self.glyph(c).map(|g| (c, g)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSansCondensed-report.ttf");

    #[test]
    fn reads_the_report_font() {
        let face = Face::parse(TTF).expect("parse");
        assert_eq!(face.units_per_em(), 2048);
        assert_eq!(face.bbox(), [-1881, -948, 3306, 2524]);
        assert_eq!((face.ascender(), face.descender()), (1901, -483));
        assert_eq!(face.cap_height(), Some(1493));
        assert!(!face.is_cff());
        let a = face.glyph('A').expect("A");
        assert_eq!(face.advance(a), 1260);
        assert_eq!(face.advance(face.glyph(' ').expect("space")), 585);
        assert!(face.glyph('≥').is_some());
        assert_eq!(face.glyph('漢'), None);
        assert_eq!(face.glyph('\u{1F600}'), None);
        assert_eq!(face_count(TTF), 1);
        assert!(Face::parse_face(TTF, 1).is_none());
    }

    /// A two-face collection (`.ttc`) of the report font: a `ttcf` header whose two faces share
    /// the font's table directory, moved behind the header (table offsets count from the
    /// start of the collection).
    fn collection_of_two() -> Vec<u8> {
        const HEADER: u32 = 12 + 2 * 4;
        let mut ttc = b"ttcf\x00\x01\x00\x00\x00\x00\x00\x02".to_vec();
        ttc.extend_from_slice(&HEADER.to_be_bytes());
        ttc.extend_from_slice(&HEADER.to_be_bytes());
        let mut font = TTF.to_vec();
        let tables = usize::from(u16::from_be_bytes([font[4], font[5]]));
        for i in 0..tables {
            let at = 12 + 16 * i + 8;
            let offset = u32::from_be_bytes([font[at], font[at + 1], font[at + 2], font[at + 3]]);
            font[at..at + 4].copy_from_slice(&(offset + HEADER).to_be_bytes());
        }
        ttc.extend_from_slice(&font);
        ttc
    }

    #[test]
    fn reads_every_face_of_a_collection() {
        let ttc = collection_of_two();
        assert_eq!(face_count(&ttc), 2);
        let single = Face::parse(TTF).expect("font");
        for index in 0..2 {
            let face = Face::parse_face(&ttc, index).expect("face");
            assert_eq!(face.units_per_em(), 2048);
            assert_eq!(face.glyph('A'), single.glyph('A'));
            assert_eq!(face.cap_height(), Some(1493));
        }
        assert!(Face::parse_face(&ttc, 2).is_none());
    }

    #[test]
    fn mapped_chars_agree_with_glyph() {
        let face = Face::parse(TTF).expect("parse");
        let chars = face.mapped_chars();
        assert!(chars.len() > 500, "{}", chars.len());
        assert!(chars.windows(2).all(|w| w[0].0 < w[1].0));
        for &(c, g) in &chars {
            assert_eq!(face.glyph(c), Some(g), "{c}");
        }
        assert!(chars.iter().any(|&(c, _)| c == '≥'));
        assert!(!chars.iter().any(|&(c, _)| c == '漢'));
    }

    #[test]
    fn malformed_fonts_are_none_not_panics() {
        assert!(Face::parse(&[]).is_none());
        assert!(Face::parse(&TTF[..100]).is_none());
        assert_eq!(face_count(b"ttcf\0\x01\0\0\0\0\0\x07"), 7);
        assert!(Face::parse_face(b"ttcf\0\x01\0\0\0\0\0\x07", 3).is_none());
        let mut broken = TTF.to_vec();
        broken.truncate(TTF.len() / 2);
        if let Some(face) = Face::parse(&broken) {
            let _ = face.glyph('A');
            let _ = face.cap_height();
            let _ = face.mapped_chars();
        }
        let mut garbage = TTF.to_vec();
        for b in garbage.iter_mut().skip(12).step_by(7) {
            *b = 0xff;
        }
        if let Some(face) = Face::parse(&garbage) {
            for c in ['A', 'z', '≥', '\u{ffff}'] {
                let _ = face.glyph(c);
            }
            let _ = face.advance(u16::MAX);
            let _ = face.mapped_chars();
        }
    }
}
