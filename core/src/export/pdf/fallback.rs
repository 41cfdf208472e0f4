//! Fonts the platform passes for scripts the report's own font lacks
//! ([`ReportOptions::fallback_fonts`](crate::export::pdf::ReportOptions)): checked when the
//! report starts, asked for glyphs while it is laid out, and cut down to the glyphs it used
//! (typst's `subsetter`) when the PDF is written.

use std::panic::{catch_unwind, AssertUnwindSafe};

use subsetter::GlyphRemapper;

use crate::error::{JournalError, Result};
use crate::export::pdf::fonts::FontMetrics;
use crate::export::pdf::options::ReportFont;
use crate::export::pdf::truetype::{face_count, Face};

/// A usable fallback font, parsed once.
pub(crate) struct FallbackFont<'a> {
    data: &'a [u8],
    index: u32,
    face: Face<'a>,
    units_per_em: f32,
    metrics: FontMetrics,
}

/// The error for the `position`-th font (counting from 1), as a sentence.
fn unusable(position: usize, why: &str) -> JournalError {
    JournalError::invalid(
        "fallback_fonts",
        format!("font {position} of the report's fallback fonts {why}"),
    )
}

/// Cuts `data` down to the glyphs of `remapper`; `None` if the font cannot be cut (a font the
/// subsetter does not support, or a malformed one: a panic in it is caught, never passed on).
fn subset(data: &[u8], index: u32, remapper: &GlyphRemapper) -> Option<Vec<u8>> {
    catch_unwind(AssertUnwindSafe(|| {
        subsetter::subset(data, index, remapper)
    }))
    .ok()?
    .ok()
}

impl<'a> FallbackFont<'a> {
    /// Checks and parses `font`, the `position`-th fallback font (from 1).
    ///
    /// Errors: `InvalidInput` (field `fallback_fonts`) for a file that is not a TrueType or
    /// OpenType font or collection, a face index past the collection's last face, or a font
    /// that cannot be embedded (variable CFF2 fonts, bitmap-only emoji fonts).
    pub fn load(font: &'a ReportFont, position: usize) -> Result<FallbackFont<'a>> {
        let count = face_count(&font.data);
        if count > 1 && font.face_index >= count {
            return Err(unusable(
                position,
                &format!(
                    "has {count} faces; face {} does not exist (the first is 0)",
                    font.face_index
                ),
            ));
        }
        let face = Face::parse_face(&font.data, font.face_index).ok_or_else(|| {
            unusable(
                position,
                "is not a TrueType or OpenType font with a Unicode character map",
            )
        })?;
        // Fail now, with a clear sentence, rather than when the PDF is written.
        subset(&font.data, font.face_index, &GlyphRemapper::new())
            .ok_or_else(|| unusable(position, "cannot be embedded in a PDF"))?;
        Ok(FallbackFont {
            data: &font.data,
            index: font.face_index,
            units_per_em: f32::from(face.units_per_em().max(1)),
            metrics: FontMetrics::of(&face),
            face,
        })
    }

    /// The glyph of `c`, if the font has one.
    pub fn glyph(&self, c: char) -> Option<u16> {
        self.face.glyph(c)
    }

    /// The advance width of a glyph, 1/1000 em.
    pub fn advance_units(&self, glyph: u16) -> f32 {
        f32::from(self.face.advance(glyph)) * 1000.0 / self.units_per_em
    }

    /// Ascent, descent, cap height and bounding box, 1/1000 em.
    pub fn metrics(&self) -> FontMetrics {
        self.metrics
    }

    /// Whether the outlines are CFF (embedded as an OpenType font file) rather than TrueType.
    pub fn is_cff(&self) -> bool {
        self.face.is_cff()
    }

    /// The font cut down to the glyphs of `remapper` (new glyph id = the remapper's id).
    pub fn subset(&self, remapper: &GlyphRemapper) -> Option<Vec<u8>> {
        subset(self.data, self.index, remapper)
    }
}
