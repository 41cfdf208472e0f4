//! The one-page clinician report as PDF, generated in Rust so both apps get the same bytes.
//!
//! - `options.rs`: [`ReportOptions`], the exported options record, and their validation;
//! - `gather.rs`: fills [`ReportContent`] from the journal and its pattern summary;
//! - `content.rs`: [`ReportContent`], what the page shows, already worded;
//! - `page.rs`: the page composition (what goes where, how many rows fit);
//! - `header.rs`, `figures.rs`, `flags.rs`, `calendar.rs`, `charts.rs`, `tables.rs`,
//!   `notes.rs`, `footer.rs`, `heading.rs`: the blocks of the page;
//! - `layout.rs` (geometry), `canvas.rs` (drawing), `text.rs` (fitting text), `fonts.rs`
//!   (the embedded font), `truetype.rs` (reading it), `theme.rs` (colours and sizes);
//! - `document.rs`: writing the PDF file;
//! - `calls.rs`: the exported `Journal::report_pdf` call.

mod calendar;
mod calls;
mod canvas;
mod charts;
pub mod content;
mod document;
mod figures;
mod flags;
mod fonts;
mod footer;
mod gather;
mod header;
mod heading;
mod layout;
mod notes;
pub mod options;
mod page;
mod tables;
#[cfg(test)]
mod tests;
mod text;
mod theme;
mod truetype;

pub use content::ReportContent;
pub use options::ReportOptions;

use crate::error::Result;
use crate::settings::PaperSize;

/// Renders `content` as a one-page PDF on `paper`. The same content always gives the same
/// bytes.
pub fn render_report(content: &ReportContent, paper: PaperSize) -> Result<Vec<u8>> {
    let font = fonts::Font::load()?;
    let page = layout::Page::for_paper(paper);
    let mut canvas = canvas::Canvas::new(&font, page.height);
    // Where the blocks went matters to the layout tests only.
    let _placement = page::compose(&mut canvas, &page, content);
    let (stream, encoding) = canvas.finish();
    document::write(
        &page,
        &font,
        &stream,
        &encoding,
        &document::Info {
            title: &content.title,
            created: content.generated_at,
        },
    )
}
