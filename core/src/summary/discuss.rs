//! The points to raise with the clinician, drawn from the other parts of the summary: symptom
//! frequency, iron, the augmentation watch, spread to the arms, a relevant IRLS change, a
//! rising severity trend, exposures associated with worse nights and medicines that may worsen
//! RLS. Each says how much it
//! matters (`Discuss` or `Info`) and the counts behind it, so the apps, the text export and the
//! report list the same points.

use serde::Serialize;

use crate::format::one_decimal;
use crate::summary::anatomy::WhereAndHow;
use crate::summary::augmentation::{AugmentationStatus, AugmentationSummary};
use crate::summary::coverage::{self, Coverage};
use crate::summary::iron::IronStatus;
use crate::summary::rating::RatingSummary;
use crate::summary::safety::{self, SafetyChecks};
use crate::summary::severity::{Severity, Trend};
use crate::summary::stats::count;
use crate::summary::triggers::{TriggerVerdict, Triggers};
use crate::summary::worsening::{self, WorseningMedicine};
use crate::summary::SummaryPart;

/// What a point to discuss is about.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiscussTopic {
    /// Symptom nights per week in this period; compared with the 2 a week of
    /// chronic-persistent RLS only with enough observed nights (`coverage`).
    Frequency,
    /// Ferritin and transferrin saturation against the AASM 2024 thresholds.
    Iron,
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
    /// The topic as a heading: `Frequency`, `Iron`, `Augmentation watch`, `Arms`, `IRLS`,
    /// `Trend`, `Possible triggers`, `Medicines that may worsen RLS`.
    pub title: String,
    /// What was found, in one or two sentences.
    pub text: String,
    /// How much it matters.
    pub level: DiscussLevel,
    /// The count behind it: symptom nights (frequency), episodes with arms (arms), signs
    /// found (augmentation watch), the strongest association's symptom nights with the exposure
    /// (triggers), the medicines flagged (medicines that may worsen RLS); `None` where the point rests on a value, not a count.
    pub count: Option<u32>,
    /// What `count` is out of: observed nights (frequency), episodes (arms), observed nights
    /// with the exposure (triggers); `None` otherwise.
    pub out_of: Option<u32>,
}

/// The title of the point on a "yes" in a drug-safety check-in.
pub const DRUG_SAFETY_TITLE: &str = "Drug-safety check-ins";

/// The title of the point on medicines that may worsen RLS.
pub const MAY_WORSEN_TITLE: &str = "Medicines that may worsen RLS";

/// The parts of the summary the points are drawn from.
pub(crate) struct Sources<'a> {
    pub coverage: &'a Coverage,
    pub iron: &'a IronStatus,
    pub augmentation: &'a AugmentationSummary,
    pub where_and_how: &'a WhereAndHow,
    pub rating: &'a RatingSummary,
    pub severity: &'a Severity,
    pub triggers: &'a Triggers,
    pub may_worsen_rls: &'a [WorseningMedicine],
    pub safety_checks: &'a SafetyChecks,
}

fn level(discuss: bool) -> DiscussLevel {
    if discuss {
        DiscussLevel::Discuss
    } else {
        DiscussLevel::Info
    }
}

/// The points, in a fixed order: frequency, iron, augmentation watch, arms, IRLS, trend,
/// triggers, medicines that may worsen RLS. Iron
/// is always there (no result on record is itself a point); the others only when they apply.
pub(crate) fn build(s: &Sources<'_>) -> Vec<DiscussPoint> {
    let mut points = Vec::new();
    let c = s.coverage;
    if let (Some(per_week), Some(reaches)) = (c.symptom_nights_per_week, c.two_or_more_per_week) {
        let counts = format!(
            "{} of {} observed nights",
            c.symptom_nights, c.nights_logged
        );
        let clause = coverage::frequency_clause(reaches, c.nights_logged, c.nights_in_range);
        points.push(DiscussPoint {
            topic: DiscussTopic::Frequency,
            title: "Frequency".into(),
            text: format!(
                "Symptoms on {} nights per week ({counts}): {clause}.",
                one_decimal(per_week)
            ),
            // Raised for discussion only when the range may be compared with
            // chronic-persistent RLS (design §4); otherwise for information.
            level: level(c.matches_chronic_persistent_frequency()),
            count: Some(c.symptom_nights),
            out_of: Some(c.nights_logged),
        });
    }
    points.push(DiscussPoint {
        topic: DiscussTopic::Iron,
        title: "Iron".into(),
        // The trend belongs with the reading whenever there is more than the latest value to
        // see (a second result, or IV iron): a clinician decides iron on its course.
        text: match &s.iron.trend_text {
            Some(trend) if s.iron.trend.len() > 1 || !s.iron.iv_iron.is_empty() => {
                format!("{} Trend: {trend}", s.iron.text)
            }
            _ => s.iron.text.clone(),
        },
        level: level(s.iron.discuss_iron_therapy),
        count: None,
        out_of: None,
    });
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
    let w = s.where_and_how;
    if let (true, Some(text)) = (w.spread_to_arms, &w.arms_text) {
        points.push(DiscussPoint {
            topic: DiscussTopic::Arms,
            title: "Arms".into(),
            text: format!("{text} Spread beyond the legs is worth mentioning."),
            level: DiscussLevel::Discuss,
            count: Some(w.arms_episodes),
            out_of: Some(w.episodes),
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
