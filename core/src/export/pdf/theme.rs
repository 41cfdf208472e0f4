//! The report's colours, type sizes and spacing, in one place.

use crate::export::pdf::canvas::{Rgb, Style};

/// Body text.
pub(crate) const INK: Rgb = Rgb::hex(0x1a1a1a);
/// Secondary text (captions, units, axis labels).
pub(crate) const MUTED: Rgb = Rgb::hex(0x5f6368);
/// Rules and outlines.
pub(crate) const RULE: Rgb = Rgb::hex(0xc4c7cc);
/// Light gridlines.
pub(crate) const GRID: Rgb = Rgb::hex(0xe3e5e8);
/// The accent of headings and the chart bars.
pub(crate) const ACCENT: Rgb = Rgb::hex(0x2b5c8a);
/// Bad news (worse than before, a value past a threshold).
pub(crate) const WORSE: Rgb = Rgb::hex(0xb3261e);
/// Good news.
pub(crate) const BETTER: Rgb = Rgb::hex(0x1e7b34);
/// Background of the "to discuss" box.
pub(crate) const FLAG_BG: Rgb = Rgb::hex(0xfdf3e7);
/// Outline of the "to discuss" box.
pub(crate) const FLAG_RULE: Rgb = Rgb::hex(0xe8a25a);
/// Heading of the "to discuss" box.
pub(crate) const FLAG_INK: Rgb = Rgb::hex(0x8a4300);
/// Background of the key-figure tiles.
pub(crate) const TILE_BG: Rgb = Rgb::hex(0xf3f5f8);
/// Treatment-start markers.
pub(crate) const MARKER: Rgb = Rgb::hex(0x1f4e9c);
/// Sleep efficiency in the weekly chart.
pub(crate) const SLEEP: Rgb = Rgb::hex(0x6a4c93);
/// White.
pub(crate) const WHITE: Rgb = Rgb::hex(0xffffff);

/// Heat-map colour of a logged night without symptoms.
pub(crate) const NIGHT_FREE: Rgb = Rgb::hex(0xe6f2e6);
/// Heat-map colours of peak intensity 1–10 (a sequential yellow–orange–red scale).
pub(crate) const HEAT: [Rgb; 10] = [
    Rgb::hex(0xfff3b0),
    Rgb::hex(0xffe08a),
    Rgb::hex(0xfec965),
    Rgb::hex(0xfdae4b),
    Rgb::hex(0xfb8d3d),
    Rgb::hex(0xf26b32),
    Rgb::hex(0xe0482a),
    Rgb::hex(0xc62a25),
    Rgb::hex(0xa11523),
    Rgb::hex(0x7a0a1f),
];

/// The heat-map colour of a night's peak (1–10; 0 is a symptom-free night).
pub(crate) fn heat(peak: u8) -> Rgb {
    match peak {
        0 => NIGHT_FREE,
        p => HEAT.get(usize::from(p.min(10)) - 1).copied().unwrap_or(INK),
    }
}

/// Whether text on a heat-map colour should be white.
pub(crate) fn light_text_on(peak: u8) -> bool {
    peak >= 7
}

/// The report title.
pub(crate) const TITLE: Style = Style::bold(15.0, INK);
/// Header lines under the title.
pub(crate) const HEADER: Style = Style::regular(8.0, INK);
/// Section headings.
pub(crate) const HEADING: Style = Style::bold(8.5, ACCENT);
/// Body text.
pub(crate) const BODY: Style = Style::regular(7.3, INK);
/// Bold body text.
pub(crate) const BODY_BOLD: Style = Style::bold(7.3, INK);
/// Table headers.
pub(crate) const TABLE_HEAD: Style = Style::bold(6.6, MUTED);
/// Small captions and axis labels.
pub(crate) const SMALL: Style = Style::regular(6.2, MUTED);
/// Key-figure labels.
pub(crate) const FIGURE_LABEL: Style = Style::regular(6.6, MUTED);
/// Key-figure values.
pub(crate) const FIGURE_VALUE: Style = Style::bold(14.0, INK);
/// The footer's definitions.
pub(crate) const FOOTER: Style = Style::regular(5.8, MUTED);
/// The definitions on page 2, at a readable size (issue 21: at least 8 pt).
pub(crate) const DEFINITIONS: Style = Style::regular(8.0, INK);

/// Space between sections.
pub(crate) const SECTION_GAP: f32 = 9.0;
/// Space between columns.
pub(crate) const COLUMN_GAP: f32 = 14.0;
/// Space under a section heading.
pub(crate) const HEADING_GAP: f32 = 3.0;
