//! The fonts of one report — the embedded font, then the platform's fallback fonts in order —
//! and how a line of text is drawn with them: which font draws each character, Arabic joined
//! (`arabic.rs`), right-to-left runs put in visual order (Unicode bidirectional algorithm), and
//! characters no font can draw shown as [`MISSING`].
//!
//! The rule for a character: the embedded font draws it if it has it (Latin, Greek, Cyrillic
//! and the report's symbols); else the first fallback font with a glyph for it (for Arabic
//! letters, a glyph for the joined form); else it is missing. Scripts whose letters must be
//! reordered or combined by a shaping engine (Indic scripts, Khmer, Myanmar, Tibetan, Syriac…)
//! and Arabic letters without presentation forms are missing too: drawn unshaped they would be
//! wrong, which is worse than a visible gap. A missing character is drawn as "□" and the report
//! says that some characters need a font this device did not provide.

use unicode_bidi::{bidi_class, BidiClass, BidiInfo, Level};

use crate::error::{JournalError, Result};
use crate::export::pdf::arabic;
use crate::export::pdf::fallback::FallbackFont;
use crate::export::pdf::fonts::Font;
use crate::export::pdf::options::{ReportFont, MAX_FALLBACK_FONTS, MAX_FALLBACK_FONT_BYTES};

/// What is drawn for a character no font can draw.
pub(crate) const MISSING: char = '\u{25A1}';

/// The line the report adds when it drew [`MISSING`] for some character.
pub(crate) const MISSING_NOTE: &str = "Characters shown as \u{25A1} in names, notes or labels \
    need a font this device did not provide, so they could not be drawn.";

/// Who draws a piece of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    /// The embedded font draws this character.
    Bundled(char),
    /// Fallback font `font` (its index in the list) draws glyph `glyph`.
    Fallback {
        /// The font's index among the fallback fonts.
        font: usize,
        /// The glyph id in that font.
        glyph: u16,
    },
    /// No font can draw it: [`MISSING`] is drawn by the embedded font.
    Missing,
}

/// One glyph of a line, in visual order.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Piece {
    /// Who draws it.
    pub source: Source,
    /// The characters it stands for (logical order), for text extraction.
    pub text: String,
    /// Its advance, 1/1000 em.
    pub advance: f32,
}

/// The report's fonts.
pub(crate) struct FontSet<'a> {
    bundled: Font,
    fallbacks: Vec<FallbackFont<'a>>,
}

/// Invisible formatting characters that are not drawn (bidi controls, joiners, variation
/// selectors, the byte order mark).
fn ignorable(c: char) -> bool {
    matches!(u32::from(c), 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0xFE00..=0xFE0F | 0xFEFF | 0xE0100..=0xE01EF)
}

/// Whether `c` belongs to a script that cannot be drawn correctly without a shaping engine.
fn needs_shaping_engine(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0700..=0x074F // Syriac
            | 0x07C0..=0x07FF // NKo
            | 0x0900..=0x0DFF // Devanagari … Sinhala
            | 0x0F00..=0x0FFF // Tibetan
            | 0x1000..=0x109F // Myanmar
            | 0x1100..=0x11FF // Hangul conjoining jamo
            | 0x1780..=0x18AF // Khmer, Mongolian
            | 0x1A00..=0x1AAF // Buginese, Tai Tham
            | 0x1B00..=0x1C4F // Balinese … Lepcha
            | 0xA800..=0xA82F // Syloti Nagri
            | 0xA8E0..=0xA8FF // Devanagari Extended
            | 0xA960..=0xA97F // Hangul jamo extended
            | 0xA980..=0xA9DF // Javanese
            | 0xAA00..=0xAA5F // Cham
            | 0xD7B0..=0xD7FF // Hangul jamo extended
            | 0x10A00..=0x10A5F // Kharoshthi
            | 0x11000..=0x11FFF // Brahmi and other historic scripts
    )
}

/// Whether `c` is written right to left.
fn is_rtl(c: char) -> bool {
    // Nothing before Hebrew is written right to left (a quick exit for Latin text).
    u32::from(c) >= 0x0590
        && matches!(
            bidi_class(c),
            BidiClass::R | BidiClass::AL | BidiClass::RLE | BidiClass::RLO | BidiClass::RLI
        )
}

impl<'a> FontSet<'a> {
    /// The embedded font and the given fallback fonts.
    ///
    /// Errors: `InvalidInput` (field `fallback_fonts`) for more than 8 fonts, a font over
    /// 64 MB, or a font that cannot be used (see [`FallbackFont::load`]); `Storage` if the
    /// embedded font cannot be read.
    pub fn load(fallbacks: &'a [ReportFont]) -> Result<FontSet<'a>> {
        if fallbacks.len() > MAX_FALLBACK_FONTS {
            return Err(JournalError::invalid(
                "fallback_fonts",
                format!(
                    "a report takes at most {MAX_FALLBACK_FONTS} fallback fonts; {} were given",
                    fallbacks.len()
                ),
            ));
        }
        if let Some(position) = fallbacks
            .iter()
            .position(|f| f.data.len() > MAX_FALLBACK_FONT_BYTES)
        {
            return Err(JournalError::invalid(
                "fallback_fonts",
                format!(
                    "font {} of the report's fallback fonts is larger than {} MB",
                    position + 1,
                    MAX_FALLBACK_FONT_BYTES / (1024 * 1024)
                ),
            ));
        }
        let fallbacks = fallbacks
            .iter()
            .enumerate()
            .map(|(i, f)| FallbackFont::load(f, i + 1))
            .collect::<Result<Vec<_>>>()?;
        Ok(FontSet {
            bundled: Font::load()?,
            fallbacks,
        })
    }

    /// The embedded font alone.
    #[cfg(test)]
    pub fn bundled_only() -> Result<FontSet<'static>> {
        Ok(FontSet {
            bundled: Font::load()?,
            fallbacks: Vec::new(),
        })
    }

    /// The embedded font.
    pub fn bundled(&self) -> &Font {
        &self.bundled
    }

    /// The fallback fonts, in order.
    pub fn fallbacks(&self) -> &[FallbackFont<'a>] {
        &self.fallbacks
    }

    /// Whether the embedded font draws all of `text` left to right as it is (the common case,
    /// measured and drawn character by character).
    pub fn is_simple(&self, text: &str) -> bool {
        text.chars().all(|c| {
            c.is_whitespace()
                || c.is_control()
                || (!ignorable(c) && !is_rtl(c) && self.bundled.has(c))
        })
    }

    /// The width of `text` at `size` points, in points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        if self.is_simple(text) {
            return self.bundled.width(text, size);
        }
        let units: f32 = self.pieces(text).iter().map(|p| p.advance).sum();
        units * size / 1000.0
    }

    /// Who draws a shaped character (`draw`, standing for `original`).
    fn source(&self, draw: char, original: char) -> Source {
        if draw == ' ' {
            return Source::Bundled(' ');
        }
        if needs_shaping_engine(original) || !arabic::can_shape(original) {
            return Source::Missing;
        }
        if draw == original && self.bundled.has(draw) {
            return Source::Bundled(draw);
        }
        self.fallbacks
            .iter()
            .enumerate()
            .find_map(|(font, f)| f.glyph(draw).map(|glyph| Source::Fallback { font, glyph }))
            .unwrap_or(Source::Missing)
    }

    fn advance(&self, source: Source) -> f32 {
        match source {
            Source::Bundled(c) => self.bundled.char_units(c),
            Source::Fallback { font, glyph } => self
                .fallbacks
                .get(font)
                .map(|f| f.advance_units(glyph))
                .unwrap_or(0.0),
            Source::Missing => self.bundled.char_units(MISSING),
        }
    }

    /// The glyphs that draw one line of `text`, in visual order (left to right).
    pub fn pieces(&self, text: &str) -> Vec<Piece> {
        let chars: Vec<char> = text
            .chars()
            .map(|c| {
                if c.is_whitespace() || c.is_control() {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        let levels = bidi_levels(&chars);
        let shaped = arabic::shape(&chars);
        let mut pieces = Vec::with_capacity(shaped.len());
        let mut piece_levels = Vec::with_capacity(shaped.len());
        let mut at = 0;
        for unit in shaped {
            let level = levels.get(at).copied().unwrap_or(0);
            at += unit.text.chars().count();
            let original = unit.text.chars().next().unwrap_or(unit.draw);
            if ignorable(original) {
                continue;
            }
            let source = self.source(unit.draw, original);
            // A ligature drawn right to left stands for its letters right to left: readers
            // spread its text over the glyph's width in that order, then reverse the run.
            let text = if level % 2 == 1 && unit.text.chars().nth(1).is_some() {
                unit.text.chars().rev().collect()
            } else {
                unit.text
            };
            pieces.push(Piece {
                source,
                advance: self.advance(source),
                text,
            });
            piece_levels.push(level);
        }
        reorder(&mut pieces, &piece_levels);
        pieces
    }
}

/// The embedding level of each character of a line laid out left to right (0 everywhere when
/// nothing in it is written right to left).
fn bidi_levels(chars: &[char]) -> Vec<u8> {
    if !chars.iter().any(|&c| is_rtl(c)) {
        return vec![0; chars.len()];
    }
    let text: String = chars.iter().collect();
    let info = BidiInfo::new(&text, Some(Level::ltr()));
    text.char_indices()
        .map(|(byte, _)| info.levels.get(byte).map(|l| l.number()).unwrap_or(0))
        .collect()
}

/// Whether `c` is a combining mark drawn over the character before it.
fn is_mark(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0300..=0x036F
            | 0x0483..=0x0489
            | 0x0591..=0x05BD
            | 0x05BF
            | 0x05C1..=0x05C2
            | 0x05C4..=0x05C5
            | 0x05C7
            | 0x0610..=0x061A
            | 0x064B..=0x065F
            | 0x0670
            | 0x06D6..=0x06DC
            | 0x06DF..=0x06E4
            | 0x06E7..=0x06E8
            | 0x06EA..=0x06ED
            | 0x1AB0..=0x1AFF
            | 0x1DC0..=0x1DFF
            | 0x20D0..=0x20FF
            | 0xFE20..=0xFE2F
    )
}

/// A run of pieces (a character and the marks after it) and its level.
type Cluster = (std::ops::Range<usize>, u8);

/// Rule L2 of the bidirectional algorithm: from the highest level down to the lowest odd
/// level, reverse every run of clusters at that level or higher. A cluster is a character and
/// the marks after it: it keeps its order, so a mark is still drawn after (over) its letter.
fn reorder(pieces: &mut Vec<Piece>, levels: &[u8]) {
    let highest = levels.iter().copied().max().unwrap_or(0);
    let Some(lowest_odd) = levels.iter().copied().filter(|l| l % 2 == 1).min() else {
        return;
    };
    let mut clusters: Vec<Cluster> = Vec::new();
    for (i, piece) in pieces.iter().enumerate() {
        let mark = piece.text.chars().next().is_some_and(is_mark);
        match clusters.last_mut() {
            Some((range, _)) if mark => range.end = i + 1,
            _ => clusters.push((i..i + 1, levels.get(i).copied().unwrap_or(0))),
        }
    }
    for level in (lowest_odd..=highest).rev() {
        let at_level = |c: Option<&Cluster>| c.is_some_and(|c| c.1 >= level);
        let mut i = 0;
        while i < clusters.len() {
            if at_level(clusters.get(i)) {
                let start = i;
                while at_level(clusters.get(i)) {
                    i += 1;
                }
                if let Some(run) = clusters.get_mut(start..i) {
                    run.reverse();
                }
            } else {
                i += 1;
            }
        }
    }
    let original = std::mem::take(pieces);
    for (range, _) in clusters {
        if let Some(cluster) = original.get(range) {
            pieces.extend_from_slice(cluster);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(fonts: &FontSet<'_>, text: &str) -> Vec<Source> {
        fonts.pieces(text).into_iter().map(|p| p.source).collect()
    }

    #[test]
    fn the_embedded_font_draws_latin_greek_cyrillic_and_vietnamese() {
        let fonts = FontSet::bundled_only().expect("fonts");
        for name in ["Σοφία", "Иван", "Nguyễn Thị Ánh", "Łukasz Ștefan", "Ἀθηνᾶ"]
        {
            assert!(fonts.is_simple(name), "{name}");
            assert!(drawn(&fonts, name)
                .iter()
                .all(|s| matches!(s, Source::Bundled(_))));
        }
    }

    #[test]
    fn without_a_fallback_other_scripts_are_missing_not_question_marks() {
        let fonts = FontSet::bundled_only().expect("fonts");
        let pieces = fonts.pieces("李 ab");
        assert_eq!(pieces.first().map(|p| p.source), Some(Source::Missing));
        assert_eq!(pieces.first().map(|p| p.text.as_str()), Some("李"));
        assert!(!fonts.is_simple("李"));
        assert_eq!(
            fonts.width("李", 10.0),
            fonts.bundled().width("\u{25A1}", 10.0)
        );
        // Devanagari needs a shaping engine: missing even if a font had it.
        assert_eq!(drawn(&fonts, "न"), vec![Source::Missing]);
    }

    #[test]
    fn right_to_left_runs_are_reversed_inside_a_left_to_right_line() {
        let fonts = FontSet::bundled_only().expect("fonts");
        // Hebrew letters are missing here, but their order is still visual.
        let pieces = fonts.pieces("ab אבג cd");
        let text: Vec<&str> = pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(text, ["a", "b", " ", "ג", "ב", "א", " ", "c", "d"]);
        // Digits inside right-to-left text keep their own order.
        let pieces = fonts.pieces("א 12 ב");
        let text: String = pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(text, "ב 12 א");
        // A point stays after its letter (drawn over it), the letters still right to left.
        let pieces = fonts.pieces("שָׁלוֹם");
        let text: Vec<&str> = pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            text,
            ["ם", "ו", "\u{05B9}", "ל", "ש", "\u{05B8}", "\u{05C1}"]
        );
    }

    /// Debian's Amiri (`fonts-hosny-amiri`, installed by `scripts/install-deps.sh`).
    const AMIRI: &str = "/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf";

    #[test]
    fn arabic_is_drawn_joined_and_right_to_left_with_a_fallback_font() {
        let Ok(data) = std::fs::read(AMIRI) else {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "{AMIRI} missing: scripts/install-deps.sh installs fonts-hosny-amiri"
            );
            eprintln!("SKIPPED: {AMIRI} missing");
            return;
        };
        let amiri = [ReportFont {
            data,
            face_index: 0,
        }];
        let fonts = FontSet::load(&amiri).expect("fonts");
        let face = crate::export::pdf::truetype::Face::parse(&amiri[0].data).expect("face");
        let glyph = |c: char| face.glyph(c).expect("glyph");
        // محمد, left to right on the page: dal final, meem medial, hah medial, meem initial.
        let drawn: Vec<Source> = drawn(&fonts, "x محمد");
        let expected: Vec<Source> = [Source::Bundled('x'), Source::Bundled(' ')]
            .into_iter()
            .chain(
                ['\u{FEAA}', '\u{FEE4}', '\u{FEA4}', '\u{FEE3}'].map(|c| Source::Fallback {
                    font: 0,
                    glyph: glyph(c),
                }),
            )
            .collect();
        assert_eq!(drawn, expected);
        // The joined forms are other glyphs than the letters alone.
        assert_ne!(glyph('\u{FEE3}'), glyph('\u{0645}'));
        // A lam-alef ligature is one glyph standing for both letters.
        let pieces = fonts.pieces("لا");
        assert_eq!(pieces.len(), 1);
        assert_eq!(
            pieces.first().map(|p| p.source),
            Some(Source::Fallback {
                font: 0,
                glyph: glyph('\u{FEFB}')
            })
        );
    }

    #[test]
    fn too_many_or_unusable_fonts_are_invalid_input() {
        let junk = ReportFont {
            data: b"not a font".to_vec(),
            face_index: 0,
        };
        let err = FontSet::load(std::slice::from_ref(&junk)).err();
        assert!(
            matches!(&err, Some(JournalError::InvalidInput { field, reason })
                if field == "fallback_fonts" && reason.contains("font 1 ")),
            "{err:?}"
        );
        let many = vec![junk; 9];
        assert!(matches!(
            FontSet::load(&many),
            Err(JournalError::InvalidInput { .. })
        ));
    }
}
