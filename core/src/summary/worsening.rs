//! Medicines that may worsen RLS (issue 15 item 3), active in the range: every treatment active
//! at some point in the range whose name holds a generic name of the curated list
//! ([`crate::model::worsening`]), or that the person recorded under "other medicine (may worsen
//! RLS)". The journal records and flags them for the "To discuss" list; it never advises
//! stopping a medicine.

use serde::Serialize;

use crate::format::date_text;
use crate::model::worsening::{self, WorseningMatch};
use crate::summary::treatments::ActiveTreatment;
use crate::time::LocalDate;

/// The wording every flag ends with: a record for the clinician, not advice.
pub const FLAG_TEXT: &str = "Recorded here to mention to your clinician; do not stop or change \
     a medicine without them.";

/// A medicine active in the range that may worsen RLS.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Serialize)]
pub struct WorseningMedicine {
    /// The treatment's id.
    pub treatment_id: String,
    /// Its name as recorded.
    pub name: String,
    /// Why it is flagged: a listed generic name (with its class) or the category.
    pub matched: WorseningMatch,
    /// The first day.
    pub started_on: LocalDate,
    /// The last day, if stopped.
    pub stopped_on: Option<LocalDate>,
    /// `sertraline 50 mg (SSRI), since Mon 2 Feb 2026`.
    pub text: String,
}

/// The definition as the summary states it.
pub(crate) fn definition_text() -> String {
    format!(
        "A treatment active in the range is listed under \"To discuss\" when its name holds \
         one of these generic names (any case, whatever its category): {}; or when it was \
         recorded as \"{}\". A record for the clinician, never advice to stop a medicine. \
         Sources: {}.",
        worsening::list_text(),
        crate::model::kinds::TreatmentCategory::MayWorsenRls.display_name(),
        worsening::SOURCES_TEXT
    )
}

/// The medicines of `active` (the treatments active in the range) that may worsen RLS, in the
/// same order (oldest start first).
pub(crate) fn build(active: &[ActiveTreatment]) -> Vec<WorseningMedicine> {
    active
        .iter()
        .filter_map(|a| {
            let matched = worsening::may_worsen(&a.name, &a.category)?;
            let why = match &matched {
                WorseningMatch::Listed { drug_class, .. } => drug_class.label().to_string(),
                WorseningMatch::Category => "recorded as may worsen RLS".to_string(),
            };
            let mut text = a.name.clone();
            if let Some(dose) = &a.dose_text {
                text.push_str(&format!(" {dose}"));
            }
            text.push_str(&format!(" ({why}), since {}", date_text(a.started_on)));
            if let Some(stop) = a.stopped_on {
                text.push_str(&format!(", stopped {}", date_text(stop)));
            }
            Some(WorseningMedicine {
                treatment_id: a.treatment_id.clone(),
                name: a.name.clone(),
                matched,
                started_on: a.started_on,
                stopped_on: a.stopped_on,
                text,
            })
        })
        .collect()
}

/// The point's sentence, to the clinician: `Taken in this period, on the list of medicines
/// that may worsen RLS: a; b. Recorded by the patient; the journal advises no change.`.
pub(crate) fn discuss_text(medicines: &[WorseningMedicine]) -> String {
    let texts: Vec<String> = medicines.iter().map(|m| m.text.clone()).collect();
    format!(
        "Taken in this period, on the list of medicines that may worsen RLS (see \
         definitions): {}. {CLINICIAN_FLAG_TEXT}",
        texts.join("; ")
    )
}

/// What the point on medicines that may worsen RLS is, said to the clinician who reads it.
pub const CLINICIAN_FLAG_TEXT: &str =
    "Recorded by the patient; the journal flags, it advises no change of treatment.";
