//! The clinician report as PDF, generated in Rust so both apps get the same bytes: page 1
//! stands alone; page 2 (the detail, with every note) is optional.
//!
//! - `options.rs`: [`ReportOptions`], the exported options record, and their validation;
//! - `gather.rs`: fills [`ReportContent`] from the journal and its pattern summary;
//! - `content.rs`: [`ReportContent`], what the page shows, already worded;
//! - `page.rs`: the page composition (what goes where, how many rows fit); `detail.rs`: the
//!   optional page 2 (the detail);
//! - `strip.rs` (drawing) and `strip_content.rs` (words and places): the dose–onset strip;
//! - `header.rs`, `figures.rs`, `flags.rs`, `calendar.rs`, `charts.rs`, `tables.rs`,
//!   `notes.rs`, `footer.rs`, `heading.rs`: the blocks of the page;
//! - `layout.rs` (geometry), `canvas.rs` (drawing), `text.rs` (fitting text), `fonts.rs`
//!   (the embedded font), `fallback.rs` (the platform's fonts for other scripts), `fontset.rs`
//!   (which font draws each character, right-to-left order), `arabic.rs` (Arabic joining),
//!   `truetype.rs` (reading fonts), `theme.rs` (colours and sizes);
//! - `document.rs`: writing the PDF file;
//! - `calls.rs`: the exported `Journal::report_pdf` call.

mod arabic;
mod calendar;
mod calls;
mod canvas;
mod charts;
pub mod content;
mod detail;
mod document;
mod fallback;
mod figures;
mod flags;
mod fonts;
mod fontset;
mod footer;
mod gather;
mod header;
mod heading;
mod layout;
mod notes;
pub mod options;
mod page;
mod strip;
mod strip_content;
mod tables;
#[cfg(test)]
mod tests;
mod text;
mod theme;
mod truetype;
// The visit lines and the person's question (issue 21).
mod visit;

pub use content::ReportContent;
pub use options::{ReportFont, ReportOptions};

use crate::error::Result;
use crate::settings::PaperSize;

/// Renders `content` as a PDF on `paper` (one page, two with `detail_page`, more only when
/// the notes need them) with the embedded font alone. The same
/// content always gives the same bytes.
pub fn render_report(content: &ReportContent, paper: PaperSize) -> Result<Vec<u8>> {
    render_report_with_fonts(content, paper, &[])
}

/// Renders `content` as a one-page PDF on `paper`, drawing characters the embedded font lacks
/// with `fallback_fonts` (see [`ReportOptions::fallback_fonts`]). If some character still
/// cannot be drawn, the page is laid out again with a line in the footer that says so.
///
/// Errors: `InvalidInput` (field `fallback_fonts`) for fonts that cannot be used.
pub fn render_report_with_fonts(
    content: &ReportContent,
    paper: PaperSize,
    fallback_fonts: &[ReportFont],
) -> Result<Vec<u8>> {
    let fonts = fontset::FontSet::load(fallback_fonts)?;
    let page = layout::Page::for_paper(paper);
    let (mut streams, mut encoding) = draw(&fonts, &page, content);
    if encoding.missing() {
        let mut noted = content.clone();
        noted
            .definitions
            .insert(0, fontset::MISSING_NOTE.to_string());
        (streams, encoding) = draw(&fonts, &page, &noted);
    }
    document::write(
        &page,
        &fonts,
        &streams,
        &encoding,
        &document::Info {
            title: &content.title,
            created: content.generated_at,
        },
    )
}

/// Lays out and draws the pages (page 1, and page 2 when asked for): their content streams
/// and what they used of the fonts.
fn draw(
    fonts: &fontset::FontSet<'_>,
    page: &layout::Page,
    content: &ReportContent,
) -> (Vec<Vec<u8>>, canvas::Encoding) {
    let mut canvas = canvas::Canvas::new(fonts, page.height);
    // Where the blocks went matters to the layout tests only.
    let _placement = page::compose(&mut canvas, page, content);
    let mut streams = Vec::new();
    if content.detail_page {
        streams.push(canvas.end_page());
        let (_placement, mut shown) = detail::compose(&mut canvas, page, content);
        // Every note whole: those page 2 cannot hold go on to further pages.
        while shown < content.notes.len() && streams.len() + 1 < detail::MAX_PAGES {
            streams.push(canvas.end_page());
            let drawn =
                detail::continue_notes(&mut canvas, page, content, shown, streams.len() + 1);
            if drawn == 0 {
                break;
            }
            shown += drawn;
        }
    }
    let (last, encoding) = canvas.finish();
    streams.push(last);
    (streams, encoding)
}
