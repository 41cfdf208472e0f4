//! The visit lines at the top of the report (issue 21): "since the last visit" when the report
//! covers that period, the next visit, and the person's question for it; and the label of the
//! exact ranges the changes compare. Only what is set is printed.

use crate::export::pdf::content::ReportContent;
use crate::format::date_text;
use crate::summary::visit_period::{comparison_label, PeriodBasis, VisitPeriod};
use crate::summary::{NightRange, Summary};

/// Fills the visit lines, the question and the comparison label of `content` for a report of
/// `range` made when `period` is the default.
pub(crate) fn fill(
    content: &mut ReportContent,
    period: &VisitPeriod,
    range: &NightRange,
    summary: &Summary,
) {
    if period.basis == PeriodBasis::SinceLastVisit && period.range == *range {
        if let Some(v) = &period.last_visit {
            content.visit_lines.push(format!(
                "Since the last visit on {}{}",
                date_text(v.data.visit_on),
                with(&v.data.clinician)
            ));
        }
    }
    if let Some(v) = &period.next_visit {
        content.visit_lines.push(format!(
            "Visit: {}{}",
            date_text(v.data.visit_on),
            with(&v.data.clinician)
        ));
        content.question = v.data.question.clone();
    }
    let label = comparison_label(range, summary.previous.range.as_ref());
    if !label.is_empty() {
        content.comparison_text = format!("Compared: {label}. {}", content.comparison_text);
    }
}

fn with(clinician: &Option<String>) -> String {
    clinician
        .as_ref()
        .map_or_else(String::new, |who| format!(" with {who}"))
}
