//! The plain-text summary, for pasting into a message to a clinician: one line per part of the
//! summary, labelled with the part's title ([`SummaryPart::title`]), in the core's own words,
//! the key figures with their changes, the points to discuss, and the notes that qualify them.

use crate::error::Result;
use crate::journal::Journal;
use crate::summary::augmentation::AugmentationStatus;
use crate::summary::{details, DiscussLevel, NightRange, Summary, SummaryPart};
use crate::time::Moment;

/// Renders a summary as plain text (UTF-8, `\n` line ends, no markup).
pub fn summary_text(summary: &Summary) -> String {
    let mut out = format!(
        "RLS Journal summary: {}\nSelf-reported by the patient.\n\n",
        summary.title
    );
    let mut line = |part: SummaryPart, text: &str| {
        if !text.trim().is_empty() {
            out.push_str(&format!("{}: {}\n", part.title_str(), text.trim()));
        }
    };
    line(SummaryPart::Coverage, &summary.coverage.text);
    line(SummaryPart::Timing, &summary.timing.text);
    line(SummaryPart::Severity, &summary.severity.text);
    line(SummaryPart::WhereAndHow, &summary.where_and_how.text);
    line(SummaryPart::Triggers, &triggers_text(summary));
    line(SummaryPart::Relief, &summary.relief.text);
    line(SummaryPart::Sleep, &summary.sleep.text);
    line(SummaryPart::Treatments, &treatments_text(summary));
    let readings = [&summary.iron.ferritin, &summary.iron.transferrin_saturation];
    let mut iron: Vec<&str> = readings
        .iter()
        .filter_map(|r| r.as_ref().map(|r| r.text.as_str()))
        .collect();
    iron.push(&summary.iron.text);
    // Issue 15: the CRP beside ferritin, the drawing conditions and the iron trend.
    iron.extend(summary.iron.crp_text.as_deref());
    iron.push(&summary.iron.drawing_conditions_text);
    let mut iron = iron.join(" ");
    if let Some(trend) = &summary.iron.trend_text {
        iron.push_str(&format!("\n  - Iron trend: {trend}"));
    }
    line(SummaryPart::Iron, &iron);
    let mut rating = summary.rating.text.clone();
    if let Some(series) = &summary.rating.series_text {
        rating.push_str(&format!("\n  - Series: {series}"));
    }
    line(SummaryPart::Rating, &rating);
    if summary.augmentation.status != AugmentationStatus::NotApplicable {
        line(SummaryPart::Augmentation, &summary.augmentation.text);
    }
    key_figures(&mut out, summary);
    discuss(&mut out, summary);
    if !summary.notes.is_empty() {
        out.push_str(&format!("\n{}:\n", SummaryPart::Notes.title_str()));
        for note in &summary.notes {
            out.push_str(&format!("- {}\n", note.text.trim()));
        }
    }
    out
}

/// The triggers part: its sentence, then each comparison with its counts, mean peaks and
/// Fisher's p (indented lines), then the exposures not compared.
fn triggers_text(summary: &Summary) -> String {
    let t = &summary.triggers;
    let mut text = t.text.trim().to_string();
    for a in &t.associations {
        text.push_str(&format!("\n  - {}", a.text.trim()));
    }
    if let Some(line) = details::shortfalls_line(&t.not_enough_data) {
        text.push_str(&format!("\n  - {line}"));
    }
    text
}

/// The treatments part: its sentence, then each before/after comparison with its counts
/// (indented lines).
fn treatments_text(summary: &Summary) -> String {
    let t = &summary.treatments;
    let mut text = t.text.trim().to_string();
    for c in &t.comparisons {
        text.push_str(&format!("\n  - {}", c.text.trim()));
    }
    // Dose timeline (issue 15 item 4).
    for d in &summary.dose_timelines {
        text.push_str(&format!("\n  - {}", d.text.trim()));
    }
    text
}

/// The key figures, each with its change, and what the changes compare with.
fn key_figures(out: &mut String, summary: &Summary) {
    out.push_str(&format!("\n{}\n", details::key_figures_heading(summary)));
    for f in &summary.key_figures {
        out.push_str(&format!("- {}\n", details::key_figure_line(f)));
    }
    out.push_str(&format!("{}\n", summary.previous.text));
}

/// The points to discuss, then those for information, each in the summary's order.
fn discuss(out: &mut String, summary: &Summary) {
    for level in [DiscussLevel::Discuss, DiscussLevel::Info] {
        let heading = details::discuss_heading(level);
        let points: Vec<_> = summary
            .discuss
            .iter()
            .filter(|p| p.level == level)
            .collect();
        if points.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{heading}:\n"));
        for p in points {
            out.push_str(&format!("- {}\n", details::discuss_line(p)));
        }
    }
}

impl Journal {
    /// [`Journal::summary_text`] as if it were `now` (tests).
    pub fn summary_text_at(&self, range: Option<NightRange>, now: Moment) -> Result<String> {
        Ok(summary_text(&self.summary_at(range, now)?))
    }
}

#[uniffi::export]
impl Journal {
    /// The summary of a range of nights (default: the last 14) as plain text, for pasting into a
    /// message.
    #[uniffi::method(default(range = None))]
    pub fn summary_text(&self, range: Option<NightRange>) -> Result<String> {
        self.summary_text_at(range, Moment::now())
    }
}
