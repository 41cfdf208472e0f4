//! A minimal, panic-free OpenType reader: just what the report needs from its embedded font and
//! from the fonts the platform passes — faces of collections (`.ttc`), the character map
//! (formats 4 and 12), advance widths, units per em, vertical metrics, the bounding box and the
//! outline kind. Every read is bounds-checked; a malformed font gives `None`, never a panic.

/// A parsed font file (borrowing its bytes).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Face<'a> {
    head: &'a [u8],
    hhea: &'a [u8],
    hmtx: &'a [u8],
    cmap: Cmap<'a>,
    /// `loca` and `glyf` (TrueType outlines); `None` for CFF outlines.
    glyf: Option<(&'a [u8], &'a [u8])>,
}

/// A Unicode character map subtable.
#[derive(Clone, Copy, Debug)]
enum Cmap<'a> {
    /// Format 4: the Basic Multilingual Plane in segments.
    Segments(&'a [u8]),
    /// Format 12: every plane in groups.
    Groups(&'a [u8]),
}

/// The tag of a font collection's header.
const COLLECTION_TAG: &[u8; 4] = b"ttcf";

/// The number of faces in `data`: 1 for a single font, the count of a collection.
pub(crate) fn face_count(data: &[u8]) -> u32 {
    if data.get(0..4) == Some(COLLECTION_TAG) {
        u32_at(data, 8).unwrap_or(0)
    } else {
        1
    }
}

/// Where the table directory of face `index` starts (0 for a single font).
fn directory(data: &[u8], index: u32) -> Option<usize> {
    if data.get(0..4) == Some(COLLECTION_TAG) {
        if index >= face_count(data) {
            return None;
        }
        let at = 12usize.checked_add(4 * usize::try_from(index).ok()?)?;
        usize::try_from(u32_at(data, at)?).ok()
    } else {
        (index == 0).then_some(0)
    }
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    let bytes = data.get(at..at.checked_add(2)?)?;
    Some(u16::from_be_bytes([*bytes.first()?, *bytes.get(1)?]))
}

fn i16_at(data: &[u8], at: usize) -> Option<i16> {
    u16_at(data, at).map(|v| v as i16)
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    let hi = u16_at(data, at)?;
    let lo = u16_at(data, at.checked_add(2)?)?;
    Some((u32::from(hi) << 16) | u32::from(lo))
}

/// The bytes of table `tag` of the face whose directory starts at `dir` (table offsets count
/// from the start of the file, also in a collection).
fn table<'a>(data: &'a [u8], dir: usize, tag: &[u8; 4]) -> Option<&'a [u8]> {
    let count = usize::from(u16_at(data, dir.checked_add(4)?)?);
    (0..count).find_map(|i| {
        let record = dir.checked_add(12 + 16 * i)?;
        if data.get(record..record + 4)? != tag {
            return None;
        }
        let offset = usize::try_from(u32_at(data, record + 8)?).ok()?;
        let length = usize::try_from(u32_at(data, record + 12)?).ok()?;
        data.get(offset..offset.checked_add(length)?)
    })
}

/// The best Unicode subtable of the character map: format 12 of (3, 10) or (0, 4) if there is
/// one (it covers every plane), else format 4 of (3, 1) or (0, 3).
fn unicode_cmap(cmap: &[u8]) -> Option<Cmap<'_>> {
    let count = usize::from(u16_at(cmap, 2)?);
    let subtable = |wanted: &[(u16, u16)], format: u16| {
        (0..count).find_map(|i| {
            let record = 4 + 8 * i;
            let platform = u16_at(cmap, record)?;
            let encoding = u16_at(cmap, record + 2)?;
            if !wanted.contains(&(platform, encoding)) {
                return None;
            }
            let offset = usize::try_from(u32_at(cmap, record + 4)?).ok()?;
            let sub = cmap.get(offset..)?;
            (u16_at(sub, 0)? == format).then_some(sub)
        })
    };
    subtable(&[(3, 10), (0, 4), (0, 6)], 12)
        .map(Cmap::Groups)
        .or_else(|| subtable(&[(3, 1), (0, 3), (0, 1), (0, 0)], 4).map(Cmap::Segments))
}

impl<'a> Face<'a> {
    /// Parses the tables the report needs; `None` if one is missing or malformed.
    pub fn parse(data: &'a [u8]) -> Option<Face<'a>> {
        Face::parse_face(data, 0)
    }

    /// Parses face `index` of a collection (0 for a single font); `None` if there is no such
    /// face or a table the report needs is missing or malformed.
    pub fn parse_face(data: &'a [u8], index: u32) -> Option<Face<'a>> {
        let dir = directory(data, index)?;
        let glyf = match (table(data, dir, b"loca"), table(data, dir, b"glyf")) {
            (Some(loca), Some(glyf)) => Some((loca, glyf)),
            _ if table(data, dir, b"CFF ").is_some() => None,
            _ => return None,
        };
        let face = Face {
            head: table(data, dir, b"head")?,
            hhea: table(data, dir, b"hhea")?,
            hmtx: table(data, dir, b"hmtx")?,
            cmap: unicode_cmap(table(data, dir, b"cmap")?)?,
            glyf,
        };
        (face.units_per_em() > 0).then_some(face)
    }

    /// Whether the outlines are CFF (PostScript) rather than TrueType.
    pub fn is_cff(&self) -> bool {
        self.glyf.is_none()
    }

    /// Font units per em.
    pub fn units_per_em(&self) -> u16 {
        u16_at(self.head, 18).unwrap_or(0)
    }

    /// The font's bounding box (x min, y min, x max, y max), font units.
    pub fn bbox(&self) -> [i16; 4] {
        [36, 38, 40, 42].map(|at| i16_at(self.head, at).unwrap_or(0))
    }

    /// Height above the baseline, font units.
    pub fn ascender(&self) -> i16 {
        i16_at(self.hhea, 4).unwrap_or(0)
    }

    /// Depth below the baseline (negative), font units.
    pub fn descender(&self) -> i16 {
        i16_at(self.hhea, 6).unwrap_or(0)
    }

    /// The height of "H" (the cap height), font units.
    pub fn cap_height(&self) -> Option<i16> {
        let (loca, glyf) = self.glyf?;
        let glyph = usize::from(self.glyph('H')?);
        let long = i16_at(self.head, 50)? == 1;
        let start = if long {
            usize::try_from(u32_at(loca, glyph * 4)?).ok()?
        } else {
            usize::from(u16_at(loca, glyph * 2)?) * 2
        };
        // A glyph header: contours, x min, y min, x max, y max.
        i16_at(glyf, start.checked_add(8)?)
    }

    /// The advance width of a glyph, font units.
    pub fn advance(&self, glyph: u16) -> u16 {
        let metrics = u16_at(self.hhea, 34).unwrap_or(0);
        let index = glyph.min(metrics.saturating_sub(1));
        u16_at(self.hmtx, usize::from(index) * 4).unwrap_or(0)
    }

    /// The glyph of a character; `None` if the font has none (or only `.notdef`).
    pub fn glyph(&self, c: char) -> Option<u16> {
        match self.cmap {
            Cmap::Segments(t) => Self::segment_glyph(t, c),
            Cmap::Groups(t) => Self::group_glyph(t, c),
        }
    }

    /// A glyph from a format 12 subtable (sorted groups: start, end, first glyph).
    fn group_glyph(t: &[u8], c: char) -> Option<u16> {
        let code = u32::from(c);
        let groups = usize::try_from(u32_at(t, 12)?).ok()?;
        let (mut low, mut high) = (0usize, groups);
        while low < high {
            let mid = low + (high - low) / 2;
            let at = 16usize.checked_add(mid.checked_mul(12)?)?;
            let start = u32_at(t, at)?;
            let end = u32_at(t, at + 4)?;
            if code < start {
                high = mid;
            } else if code > end {
                low = mid + 1;
            } else {
                let first = u32_at(t, at + 8)?;
                // Glyph ids are 16 bits; 0 is `.notdef` (no glyph).
                let glyph = u16::try_from(first.checked_add(code - start)?).ok()?;
                return (glyph != 0).then_some(glyph);
            }
        }
        None
    }

    /// A glyph from a format 4 subtable.
    fn segment_glyph(t: &[u8], c: char) -> Option<u16> {
        let code = u16::try_from(u32::from(c)).ok()?;
        let segments = usize::from(u16_at(t, 6)? / 2);
        let ends = 14;
        let starts = ends + 2 * segments + 2;
        let deltas = starts + 2 * segments;
        let ranges = deltas + 2 * segments;
        for i in 0..segments {
            let end = u16_at(t, ends + 2 * i)?;
            if code > end {
                continue;
            }
            let start = u16_at(t, starts + 2 * i)?;
            if code < start {
                return None;
            }
            let delta = u16_at(t, deltas + 2 * i)?;
            let range_at = ranges + 2 * i;
            let range = usize::from(u16_at(t, range_at)?);
            let glyph = if range == 0 {
                code.wrapping_add(delta)
            } else {
                let at = range_at + range + 2 * usize::from(code - start);
                match u16_at(t, at)? {
                    0 => 0,
                    g => g.wrapping_add(delta),
                }
            };
            return (glyph != 0).then_some(glyph);
        }
        None
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
        let a = face.glyph('A').expect("A");
        assert_eq!(face.advance(a), 1260);
        assert_eq!(face.advance(face.glyph(' ').expect("space")), 585);
        assert!(face.glyph('≥').is_some());
        assert_eq!(face.glyph('漢'), None);
        assert_eq!(face.glyph('\u{1F600}'), None);
    }

    #[test]
    fn malformed_fonts_are_none_not_panics() {
        assert!(Face::parse(&[]).is_none());
        assert!(Face::parse(&TTF[..100]).is_none());
        let mut broken = TTF.to_vec();
        broken.truncate(TTF.len() / 2);
        if let Some(face) = Face::parse(&broken) {
            let _ = face.glyph('A');
            let _ = face.cap_height();
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
        }
    }
}
