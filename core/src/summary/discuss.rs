//! The points to raise with the clinician, drawn from the other parts of the summary and put in
//! the order of what the visit can act on (issue 21): iron first (value, date, threshold,
//! trend, CRP, drawing conditions), then the response to a treatment started in the range and a
//! relevant IRLS change, then drug safety (the augmentation watch, medicines that may worsen
//! RLS), then the rest (spread to the arms, a rising severity trend, exposures associated with
//! worse nights). Symptom frequency is context (a key figure), not a point. Each point is
//! written to the clinician and says how much it matters (`Discuss` or `Info`) and the counts
//! behind it, so the apps, the text export and the report list the same points.

use serde::Serialize;

use crate::summary::anatomy::WhereAndHow;
use crate::summary::augmentation::{AugmentationStatus, AugmentationSummary};
use crate::summary::iron::{self, IronStatus};
use crate::summary::rating::RatingSummary;
use crate::summary::safety::{self, SafetyChecks};
use crate::summary::severity::{Severity, Trend};
use crate::summary::stats::count;
use crate::summary::treatments::TreatmentsSummary;
use crate::summary::triggers::{TriggerVerdict, Triggers};
use crate::summary::worsening::{self, WorseningMedicine};
use crate::summary::SummaryPart;

/// What a point to discuss is about.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiscussTopic {
    /// Ferritin and transferrin saturation against the AASM 2024 thresholds.
    Iron,
    /// How nights changed after a treatment started in the range: the first and the latest
    /// weeks on it against the baseline before it, with confounders named.
    TreatmentResponse,
    /// Signs of augmentation on a dopamine agonist.
    Augmentation,
    /// Symptoms that spread to the arms.
    Arms,
    /// A change of the IRLS total that reaches the threshold studies have used.
    Irls,
    /// Severity rising from the first half of the range to the second.
    Trend,
    /// Exposures associated with worse nights (an effect large enough and Fisher's p < 0.05).
    Triggers,
    /// Medicines active in the range that may worsen RLS (issue 15): a record, not advice.
    MayWorsenRls,
    /// A "yes" in a drug-safety check-in (new urges, falling asleep unintentionally) while on a
    /// dopamine agonist or levodopa (issue 21): labelled adverse effects, a record, not advice.
    DrugSafety,
}

/// How much a point to discuss matters.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiscussLevel {
    /// Worth raising with the clinician.
    Discuss,
    /// For information (nothing of concern, or a check that could not be made).
    Info,
}

/// One point to raise with the clinician.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct DiscussPoint {
    /// What it is about.
    pub topic: DiscussTopic,
    /// The topic as a heading: `Iron`, `Response to pramipexole`, `IRLS`, `Augmentation
    /// watch`, `Medicines that may worsen RLS`, `Arms`, `Trend`, `Possible triggers`.
    pub title: String,
    /// What was found, in one or two sentences.
    pub text: String,
    /// How much it matters.
    pub level: DiscussLevel,
    /// The count behind it: observed nights on the treatment in the first weeks (treatment
    /// response), episodes with arms (arms), signs
    /// found (augmentation watch), the strongest association's symptom nights with the exposure
    /// (triggers), the medicines flagged (medicines that may worsen RLS); `None` where the point rests on a value, not a count.
    pub count: Option<u32>,
    /// What `count` is out of: nights in the first weeks (treatment response), episodes
    /// (arms), observed nights with the exposure (triggers); `None` otherwise.
    pub out_of: Option<u32>,
}

/// The title of the point on a "yes" in a drug-safety check-in.
pub const DRUG_SAFETY_TITLE: &str = "Drug-safety check-ins";

/// The title of the point on medicines that may worsen RLS.
pub const MAY_WORSEN_TITLE: &str = "Medicines that may worsen RLS";

/// The parts of the summary the points are drawn from.
pub(crate) struct Sources<'a> {
    pub iron: &'a IronStatus,
    pub augmentation: &'a AugmentationSummary,
    pub where_and_how: &'a WhereAndHow,
    pub rating: &'a RatingSummary,
    pub severity: &'a Severity,
    pub triggers: &'a Triggers,
    pub may_worsen_rls: &'a [WorseningMedicine],
    pub treatments: &'a TreatmentsSummary,
    pub safety_checks: &'a SafetyChecks,
}

/// The groups of points, in the order a visit acts on them (issue 21).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum DiscussGroup {
    /// Iron: the first decision (AASM 2024 puts iron before any drug).
    Iron,
    /// Whether a treatment works: its before/after and the IRLS change.
    TreatmentResponse,
    /// Drug safety: augmentation, medicines that may worsen RLS, drug-safety check-ins.
    DrugSafety,
    /// Everything else.
    Other,
}

impl DiscussTopic {
    /// The group the topic is listed in; the points are ordered by group, then as built.
    pub(crate) fn group(self) -> DiscussGroup {
        match self {
            DiscussTopic::Iron => DiscussGroup::Iron,
            DiscussTopic::TreatmentResponse | DiscussTopic::Irls => DiscussGroup::TreatmentResponse,
            DiscussTopic::Augmentation | DiscussTopic::MayWorsenRls | DiscussTopic::DrugSafety => {
                DiscussGroup::DrugSafety
            }
            DiscussTopic::Arms | DiscussTopic::Trend | DiscussTopic::Triggers => {
                DiscussGroup::Other
            }
        }
    }
}

fn level(discuss: bool) -> DiscussLevel {
    if discuss {
        DiscussLevel::Discuss
    } else {
        DiscussLevel::Info
    }
}

/// The points in the order of what the visit can act on ([`DiscussGroup`]): iron (always
/// there: no result on record is itself a point), the response to each treatment started in the
/// range and a relevant IRLS change, the augmentation watch and medicines that may worsen RLS,
/// then spread to the arms, a rising trend and exposures associated with worse nights.
pub(crate) fn build(s: &Sources<'_>) -> Vec<DiscussPoint> {
    let mut points = Vec::new();
    points.push(DiscussPoint {
        topic: DiscussTopic::Iron,
        title: "Iron".into(),
        text: iron::clinician_text(s.iron),
        level: level(s.iron.discuss_iron_therapy),
        count: None,
        out_of: None,
    });
    for c in &s.treatments.comparisons {
        points.push(DiscussPoint {
            topic: DiscussTopic::TreatmentResponse,
            title: format!("Response to {}", c.name),
            text: c.text.clone(),
            // A response that can be read is a decision; one too early or too thinly
            // observed is for information.
            level: level(c.comparable || c.latest_comparable),
            count: Some(c.after.nights_logged),
            out_of: Some(c.after.nights),
        });
    }
    let r = s.rating;
    if let (true, Some(text)) = (r.relevant_change, &r.change_text) {
        points.push(DiscussPoint {
            topic: DiscussTopic::Irls,
            title: "IRLS".into(),
            text: format!("IRLS {text}."),
            level: level(r.change.is_some_and(|c| c > 0)),
            count: None,
            out_of: None,
        });
    }
    let aug = s.augmentation;
    if aug.status != AugmentationStatus::NotApplicable {
        points.push(DiscussPoint {
            topic: DiscussTopic::Augmentation,
            title: "Augmentation watch".into(),
            text: aug.text.clone(),
            // Possible signs and "inconclusive — discuss" are both raised.
            level: level(aug.status.to_discuss()),
            count: Some(count(aug.watches.iter().map(|w| w.signs.len()).sum())),
            out_of: None,
        });
    }
    // Medicines that may worsen RLS, with their dates: a record to raise, never advice to stop.
    if !s.may_worsen_rls.is_empty() {
        points.push(DiscussPoint {
            topic: DiscussTopic::MayWorsenRls,
            title: MAY_WORSEN_TITLE.into(),
            text: worsening::discuss_text(s.may_worsen_rls),
            level: DiscussLevel::Discuss,
            count: Some(count(s.may_worsen_rls.len())),
            out_of: None,
        });
    }
    let w = s.where_and_how;
    if let (true, Some(text)) = (w.spread_to_arms, &w.arms_text) {
        points.push(DiscussPoint {
            topic: DiscussTopic::Arms,
            title: "Arms".into(),
            text: format!("{}: spread beyond the legs.", text.trim_end_matches('.')),
            level: DiscussLevel::Discuss,
            count: Some(w.arms_episodes),
            out_of: Some(w.episodes),
        });
    }
    if s.severity.trend.direction == Trend::Higher {
        points.push(DiscussPoint {
            topic: DiscussTopic::Trend,
            title: "Trend".into(),
            text: s.severity.trend.text.clone(),
            level: DiscussLevel::Info,
            count: None,
            out_of: None,
        });
    }
    if let Some(point) = triggers_point(s.triggers) {
        points.push(point);
    }
    // Drug-safety check-ins: raised only on a "yes", with its counts and source.
    if s.safety_checks.any_yes() {
        points.push(DiscussPoint {
            topic: DiscussTopic::DrugSafety,
            title: DRUG_SAFETY_TITLE.into(),
            text: safety::discuss_text(s.safety_checks),
            level: DiscussLevel::Discuss,
            count: Some(count(s.safety_checks.with_yes.len())),
            out_of: Some(s.safety_checks.check_ins),
        });
    }
    // One rule for the order, whatever order the points were built in (a stable sort keeps
    // the order within a group).
    points.sort_by_key(|p| p.topic.group());
    points
}

/// The exposures associated with worse nights, for information (the journal flags, never
/// advises): each with its counts and p, the number compared, and the caveat. The count is the
/// strongest association's symptom nights with the exposure, out of its nights with it.
fn triggers_point(t: &Triggers) -> Option<DiscussPoint> {
    let worse: Vec<String> = t
        .associations
        .iter()
        .filter(|a| a.verdict == TriggerVerdict::Worse)
        .map(|a| {
            format!(
                "{} (symptoms on {} of {} observed nights with it, {} of {} without; {})",
                a.label,
                a.symptom_nights_with,
                a.nights_with,
                a.symptom_nights_without,
                a.nights_without,
                a.p_text
            )
        })
        .collect();
    let strongest = t
        .associations
        .iter()
        .find(|a| t.strongest.first() == Some(&a.key))?;
    Some(DiscussPoint {
        topic: DiscussTopic::Triggers,
        title: SummaryPart::Triggers.title(),
        text: format!(
            "Went with worse nights: {} — of {} compared. Associations in the patient's own data, \
             not proof of a cause.",
            worse.join("; "),
            crate::format::plural(t.exposures_compared, "exposure", "exposures")
        ),
        level: DiscussLevel::Info,
        count: Some(strongest.symptom_nights_with),
        out_of: Some(strongest.nights_with),
    })
}
