//! Writing the PDF file: one page, its content stream, the embedded font and the subsets of
//! the fallback fonts the page used (each a CID font with a `/ToUnicode` map, so text extracts
//! exactly), and the document information. Everything is derived from the input, so the same
//! report gives the same bytes on every platform: no random ids, the creation date is the
//! report's "generated on" time, and compression is the pure-Rust deflate.

use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};

use chrono::{Datelike, Timelike};
use flate2::write::ZlibEncoder;
use flate2::Compression;
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Date, Filter, Finish, Name, Pdf, Rect as PdfRect, Ref, Str, TextStr};
use subsetter::GlyphRemapper;

use crate::error::{JournalError, Result};
use crate::export::pdf::canvas::{fallback_resource, Encoding, FallbackGlyphs};
use crate::export::pdf::fallback::FallbackFont;
use crate::export::pdf::fonts::{Font, POSTSCRIPT_NAME, RESOURCE_NAME};
use crate::export::pdf::fontset::FontSet;
use crate::export::pdf::layout::Page;
use crate::time::Moment;

/// What goes into the document information dictionary.
pub(crate) struct Info<'a> {
    /// The document title.
    pub title: &'a str,
    /// When the report was made.
    pub created: Moment,
}

/// Allocates object numbers in order.
struct Refs(i32);

impl Refs {
    fn next(&mut self) -> Ref {
        self.0 += 1;
        Ref::new(self.0)
    }
}

fn internal(detail: impl std::fmt::Display) -> JournalError {
    JournalError::Storage {
        detail: format!("the report could not be written: {detail}"),
    }
}

/// Deflates `data` (zlib format, as `/FlateDecode` expects).
fn deflate(data: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(data).map_err(internal)?;
    encoder.finish().map_err(internal)
}

/// The subset tag of the embedded font's name (PDF asks for six capitals before a subset
/// font's name).
const SUBSET_TAG: &str = "RLSJRN";

/// Writes the PDF: one page per content stream in `contents` (page 1, and page 2 when asked
/// for), all of the same size and sharing the fonts.
pub(crate) fn write(
    page: &Page,
    fonts: &FontSet<'_>,
    contents: &[Vec<u8>],
    encoding: &Encoding,
    info: &Info<'_>,
) -> Result<Vec<u8>> {
    let mut pdf = Pdf::new();
    let mut refs = Refs(0);
    let catalog = refs.next();
    let pages = refs.next();
    let page_refs: Vec<(Ref, Ref)> = contents
        .iter()
        .map(|_| (refs.next(), refs.next()))
        .collect();
    let info_ref = refs.next();
    let font_ref = refs.next();
    // The fallback fonts the page used, each with its resource name and object.
    let used: Vec<(usize, &FallbackFont<'_>, &FallbackGlyphs, String, Ref)> = fonts
        .fallbacks()
        .iter()
        .zip(encoding.fallbacks())
        .enumerate()
        .filter(|(_, (_, glyphs))| glyphs.remapper.num_gids() > 1)
        .map(|(i, (font, glyphs))| (i, font, glyphs, fallback_resource(i), refs.next()))
        .collect();

    pdf.catalog(catalog).pages(pages);
    let count = i32::try_from(page_refs.len()).map_err(internal)?;
    pdf.pages(pages)
        .kids(page_refs.iter().map(|(p, _)| *p))
        .count(count);
    for ((page_ref, content_ref), content) in page_refs.iter().zip(contents) {
        {
            let mut p = pdf.page(*page_ref);
            p.media_box(PdfRect::new(0.0, 0.0, page.width, page.height));
            p.parent(pages);
            p.contents(*content_ref);
            {
                let mut resources = p.resources();
                let mut font_dict = resources.fonts();
                font_dict.pair(Name(RESOURCE_NAME), font_ref);
                for (_, _, _, name, r) in &used {
                    font_dict.pair(Name(name.as_bytes()), *r);
                }
            }
            p.finish();
        }
        let stream = deflate(content)?;
        pdf.stream(*content_ref, &stream)
            .filter(Filter::FlateDecode);
    }
    write_font(&mut pdf, &mut refs, fonts.bundled(), encoding, font_ref)?;
    for (i, font, glyphs, _, r) in &used {
        write_fallback(&mut pdf, &mut refs, *i, font, glyphs, *r)?;
    }

    let mut doc_info = pdf.document_info(info_ref);
    doc_info.title(TextStr(info.title));
    doc_info.creator(TextStr("RLS Journal"));
    doc_info.producer(TextStr("RLS Journal core"));
    doc_info.creation_date(pdf_date(&info.created));
    doc_info.finish();
    Ok(pdf.finish())
}

fn pdf_date(m: &Moment) -> Date {
    let local = m.local();
    let offset = m.offset_minutes;
    let clamp8 = |v: u32| u8::try_from(v).unwrap_or(0);
    Date::new(u16::try_from(local.year()).unwrap_or(1970))
        .month(clamp8(local.month()))
        .day(clamp8(local.day()))
        .hour(clamp8(local.hour()))
        .minute(clamp8(local.minute()))
        .second(clamp8(local.second()))
        .utc_offset_hour(i8::try_from(offset / 60).unwrap_or(0))
        .utc_offset_minute(u8::try_from((offset % 60).unsigned_abs()).unwrap_or(0))
}

/// The subset tag of fallback font `index`: six capitals, unique in the file ("RLSJFA", …).
fn fallback_tag(index: usize) -> String {
    let letter = |n: usize| char::from(b'A' + u8::try_from(n % 26).unwrap_or(0));
    format!("RLSJ{}{}", letter(index / 26 + 5), letter(index))
}

/// Writes fallback font `index` cut down to the glyphs the page used, as a CID font whose CIDs
/// are the subset's glyph ids: CIDFontType2 for TrueType outlines, CIDFontType0 with the
/// OpenType file for CFF outlines; widths from the original font; a `/ToUnicode` map from each
/// glyph to the characters it stands for.
fn write_fallback(
    pdf: &mut Pdf,
    refs: &mut Refs,
    index: usize,
    font: &FallbackFont<'_>,
    glyphs: &FallbackGlyphs,
    type0: Ref,
) -> Result<()> {
    let cid_ref = refs.next();
    let descriptor_ref = refs.next();
    let cmap_ref = refs.next();
    let file_ref = refs.next();

    let data = font
        .subset(&glyphs.remapper)
        .ok_or_else(|| internal(format!("fallback font {} could not be cut", index + 1)))?;
    let base = format!("{}+RLSJournalFallback{}", fallback_tag(index), index + 1);
    let base = Name(base.as_bytes());

    pdf.type0_font(type0)
        .base_font(base)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_ref)
        .to_unicode(cmap_ref);

    let old_glyphs: Vec<u16> = glyphs.remapper.remapped_gids().collect();
    {
        let mut cid = pdf.cid_font(cid_ref);
        cid.subtype(if font.is_cff() {
            CidFontType::Type0
        } else {
            CidFontType::Type2
        })
        .base_font(base)
        .system_info(SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"Identity"),
            supplement: 0,
        })
        .font_descriptor(descriptor_ref)
        .default_width(0.0);
        if !font.is_cff() {
            cid.cid_to_gid_map_predefined(Name(b"Identity"));
        }
        cid.widths()
            .consecutive(0, old_glyphs.iter().map(|&g| font.advance_units(g)));
        cid.finish();
    }

    let m = font.metrics();
    let mut descriptor = pdf.font_descriptor(descriptor_ref);
    descriptor
        .name(base)
        .flags(FontFlags::SYMBOLIC)
        .bbox(PdfRect::new(m.bbox[0], m.bbox[1], m.bbox[2], m.bbox[3]))
        .italic_angle(0.0)
        .ascent(m.ascent)
        .descent(m.descent)
        .cap_height(m.cap_height)
        .stem_v(80.0);
    if font.is_cff() {
        descriptor.font_file3(file_ref);
    } else {
        descriptor.font_file2(file_ref);
    }
    descriptor.finish();

    let mut cmap = UnicodeCmap::new(Name(b"Custom"), ucs());
    for (&cid, text) in &glyphs.text {
        cmap.pair_with_multiple(cid, text.chars());
    }
    let cmap = deflate(cmap.finish().as_slice())?;
    let mut cmap_stream = pdf.cmap(cmap_ref, &cmap);
    cmap_stream.name(Name(b"Custom")).system_info(ucs());
    cmap_stream.filter(Filter::FlateDecode);
    cmap_stream.finish();

    let compressed = deflate(&data)?;
    let mut file = pdf.stream(file_ref, &compressed);
    file.filter(Filter::FlateDecode);
    if font.is_cff() {
        file.pair(Name(b"Subtype"), Name(b"OpenType"));
    } else {
        let len = i32::try_from(data.len()).map_err(internal)?;
        file.pair(Name(b"Length1"), len);
    }
    file.finish();
    Ok(())
}

/// The character collection of the `/ToUnicode` maps.
fn ucs() -> SystemInfo<'static> {
    SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"UCS"),
        supplement: 0,
    }
}

/// Writes the embedded font as a CID-keyed TrueType font cut down to the glyphs the page uses:
/// CID n is the n-th character the page uses (CID 0 is `.notdef`), mapped to its glyph in the
/// subset, with its width and its Unicode value.
fn write_font(
    pdf: &mut Pdf,
    refs: &mut Refs,
    font: &Font,
    encoding: &Encoding,
    type0: Ref,
) -> Result<()> {
    let cid_ref = refs.next();
    let descriptor_ref = refs.next();
    let cmap_ref = refs.next();
    let file_ref = refs.next();
    let gid_map_ref = refs.next();

    let chars = encoding.chars();
    let glyphs: Vec<u16> = chars.iter().map(|&c| font.glyph(c)).collect();
    let base = format!("{SUBSET_TAG}+{POSTSCRIPT_NAME}");
    let base = Name(base.as_bytes());

    pdf.type0_font(type0)
        .base_font(base)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_ref)
        .to_unicode(cmap_ref);

    {
        let mut cid = pdf.cid_font(cid_ref);
        cid.subtype(CidFontType::Type2)
            .base_font(base)
            .system_info(SystemInfo {
                registry: Str(b"Adobe"),
                ordering: Str(b"Identity"),
                supplement: 0,
            })
            .font_descriptor(descriptor_ref)
            .default_width(0.0)
            .cid_to_gid_map_stream(gid_map_ref);
        if !glyphs.is_empty() {
            cid.widths()
                .consecutive(1, glyphs.iter().map(|&g| font.advance_units(g)));
        }
        cid.finish();
    }

    let m = font.metrics();
    pdf.font_descriptor(descriptor_ref)
        .name(base)
        .flags(FontFlags::NON_SYMBOLIC)
        .bbox(PdfRect::new(m.bbox[0], m.bbox[1], m.bbox[2], m.bbox[3]))
        .italic_angle(0.0)
        .ascent(m.ascent)
        .descent(m.descent)
        .cap_height(m.cap_height)
        .stem_v(80.0)
        .font_file2(file_ref);

    let mut cmap = UnicodeCmap::new(Name(b"Custom"), ucs());
    for (cid, &c) in (1u16..).zip(chars) {
        cmap.pair(cid, c);
    }
    let cmap = deflate(cmap.finish().as_slice())?;
    let mut cmap_stream = pdf.cmap(cmap_ref, &cmap);
    cmap_stream.name(Name(b"Custom")).system_info(ucs());
    cmap_stream.filter(Filter::FlateDecode);
    cmap_stream.finish();

    // Only the glyphs the page uses (a third of the file's size for a typical page). Should
    // the subsetter refuse, the whole font as stored (already zlib) is embedded instead.
    let mut remapper = GlyphRemapper::new();
    for &g in &glyphs {
        remapper.remap(g);
    }
    let subset = catch_unwind(AssertUnwindSafe(|| {
        subsetter::subset(font.data(), 0, &remapper)
    }))
    .ok()
    .and_then(|r| r.ok());
    let subset_made = subset.is_some();
    let (file, file_len) = match subset {
        Some(data) => (deflate(&data)?, data.len()),
        None => (font.compressed_data().to_vec(), font.data().len()),
    };
    let new_gid = |g: u16| {
        if subset_made {
            remapper.get(g).unwrap_or(0)
        } else {
            g
        }
    };
    let font_len = i32::try_from(file_len).map_err(internal)?;
    pdf.stream(file_ref, &file)
        .filter(Filter::FlateDecode)
        .pair(Name(b"Length1"), font_len);

    let mut gid_map = vec![0u8, 0u8];
    for &g in &glyphs {
        gid_map.extend_from_slice(&new_gid(g).to_be_bytes());
    }
    let gid_map = deflate(&gid_map)?;
    pdf.stream(gid_map_ref, &gid_map)
        .filter(Filter::FlateDecode);
    Ok(())
}
