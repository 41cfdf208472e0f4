//! The Add/Edit form of each entry kind, described by the core (issue 16): which inputs a kind
//! has, in which order, with which words, what kind of input each is, and when one shows only
//! after another is answered. The apps loop over the list and draw each input by its
//! [`FieldInput`]; neither app keeps a per-kind rule or a label of its own.
//!
//! Every range comes from [`form_rules`] (the validation constants), so a form cannot offer a
//! value the core then refuses.

use crate::model::kinds::EntryKind;
use crate::views::form_rules::{form_rules, InputRange};

/// One input of the Add/Edit form. Each names the form value it edits, so a renderer needs no
/// per-kind rule: the same field (e.g. [`FormField::Note`]) means the same input in every kind.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormField {
    /// When an episode began (a date and time).
    StartedAt,
    /// Whether the episode has ended (a toggle; on, [`FormField::EndedAt`] shows).
    HasEnded,
    /// When the episode ended.
    EndedAt,
    /// The episode's worst intensity.
    PeakIntensity,
    /// Which side (optional).
    Side,
    /// Where on the body (any number).
    BodyAreas,
    /// How it felt (any number).
    Sensations,
    /// Where the person was when it began (optional).
    SettingAtOnset,
    /// Whether the time at rest before it began is recorded (a toggle).
    LatencyKnown,
    /// The minutes at rest before it began.
    LatencyMinutes,
    /// Whether the symptoms woke the person from sleep.
    WokeFromSleep,
    /// When an exposure happened or a dose was taken (a date and time).
    At,
    /// What an exposure was.
    ExposureKind,
    /// The person's own words for an "other" exposure.
    OtherExposureLabel,
    /// How much of an exposure or a dose (a number, optional).
    Amount,
    /// The unit of that amount or of a treatment's dose (optional).
    Unit,
    /// A treatment's name.
    TreatmentName,
    /// A treatment's category.
    TreatmentCategory,
    /// The person's own words for an "other" treatment category.
    OtherCategoryLabel,
    /// A treatment's dose per intake (a number, optional).
    Dose,
    /// The day a treatment started.
    StartedOn,
    /// Whether the treatment has stopped (a toggle; on, [`FormField::StoppedOn`] shows).
    HasStopped,
    /// The day the treatment stopped.
    StoppedOn,
    /// Which recorded treatment a dose is of.
    WhichTreatment,
    /// The words shown instead of a choice when no treatment is recorded yet.
    NoTreatmentsYet,
    /// The day a lab sample was taken.
    LabDate,
    /// What the lab measured.
    Analyte,
    /// The person's own words for an "other" lab test.
    OtherAnalyteLabel,
    /// The lab value (a number).
    LabValue,
    /// The lab value's unit, as on the report.
    LabUnit,
    /// The day of a clinician visit.
    VisitDate,
    /// Who the visit is with (optional).
    VisitWith,
    /// The person's question for the visit (optional).
    VisitQuestion,
    /// The day of a drug-safety check-in.
    CheckInDate,
    /// The check-in's yes/no questions (`safety_check_items()`, in the core's words).
    SafetyQuestions,
    /// The day of an IRLS rating.
    RatingDate,
    /// The IRLS total.
    IrlsTotal,
    /// A free note (optional).
    Note,
    /// The words shown for kinds recorded on the morning check-in (sleep diary, "no symptoms").
    OnMorningCheckIn,
}

/// How a renderer draws a [`FormField`]: one widget per input, never a rule per kind.
#[derive(uniffi::Enum, Clone, Debug, PartialEq, Eq)]
pub enum FieldInput {
    /// A date and a time (a moment of the device's zone).
    MomentPicker,
    /// A day.
    DatePicker,
    /// An on/off switch.
    Toggle,
    /// One value of a vocabulary.
    SingleChoice {
        /// Whether tapping the chosen value clears it (the field is optional).
        can_clear: bool,
        /// Whether the vocabulary's "other" choice is offered (then a label field follows it).
        offers_other: bool,
    },
    /// Any number of values of a vocabulary.
    MultiChoice {
        /// Whether the vocabulary's "other" choice is offered.
        offers_other: bool,
    },
    /// A line of text (or, for the note, several lines).
    Text {
        /// Whether the input takes several lines.
        multiline: bool,
    },
    /// A number as typed (the core checks it when saving).
    Number,
    /// A number of minutes, in steps.
    Minutes {
        /// The accepted minutes.
        range: InputRange,
    },
    /// One button per whole number of the range (the worst intensity).
    IntensitySteps {
        /// The accepted values.
        range: InputRange,
    },
    /// A slider over the IRLS total's range.
    IrlsSlider {
        /// The accepted totals.
        range: InputRange,
    },
    /// One of the recorded treatments.
    TreatmentPicker,
    /// One yes/no switch per drug-safety question.
    SafetyQuestions,
    /// Words only, no input.
    PlainText,
}

/// When a [`FormField`] shows.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShownWhen {
    /// Always.
    Always,
    /// Only while that toggle is on.
    ToggleOn {
        /// The toggle.
        toggle: FormField,
    },
    /// Only while that choice holds its "other" value.
    OtherChosen {
        /// The choice.
        choice: FormField,
    },
    /// Only while that picker has nothing to choose from.
    NoChoices {
        /// The picker.
        picker: FormField,
    },
}

/// The inputs of the Add/Edit form of `kind`, in display order (all of them, whatever is shown
/// now: [`FormField::shown_when`] says when each shows).
#[uniffi::export]
pub fn entry_form_fields(kind: EntryKind) -> Vec<FormField> {
    use FormField as F;
    match kind {
        EntryKind::Episode => vec![
            F::StartedAt,
            F::HasEnded,
            F::EndedAt,
            F::PeakIntensity,
            F::Side,
            F::BodyAreas,
            F::Sensations,
            F::SettingAtOnset,
            F::LatencyKnown,
            F::LatencyMinutes,
            F::WokeFromSleep,
            F::Note,
        ],
        EntryKind::Exposure => vec![
            F::At,
            F::ExposureKind,
            F::OtherExposureLabel,
            F::Amount,
            F::Unit,
            F::Note,
        ],
        EntryKind::Treatment => vec![
            F::TreatmentName,
            F::TreatmentCategory,
            F::OtherCategoryLabel,
            F::Dose,
            F::Unit,
            F::StartedOn,
            F::HasStopped,
            F::StoppedOn,
            F::Note,
        ],
        // A dose has no note (`DoseData` holds none).
        EntryKind::Dose => vec![F::WhichTreatment, F::NoTreatmentsYet, F::At, F::Amount],
        EntryKind::LabResult => vec![
            F::LabDate,
            F::Analyte,
            F::OtherAnalyteLabel,
            F::LabValue,
            F::LabUnit,
            F::Note,
        ],
        EntryKind::SeverityRating => vec![F::RatingDate, F::IrlsTotal, F::Note],
        EntryKind::Visit => vec![F::VisitDate, F::VisitWith, F::VisitQuestion, F::Note],
        EntryKind::SafetyCheck => vec![F::CheckInDate, F::SafetyQuestions, F::Note],
        EntryKind::SleepDiary | EntryKind::NoSymptoms => vec![F::OnMorningCheckIn],
    }
}

#[uniffi::export]
impl FormField {
    /// The words the form shows for this input (its label, or for plain text the text itself).
    pub fn label(&self) -> String {
        let rules = form_rules();
        match self {
            FormField::StartedAt => "Started".into(),
            FormField::HasEnded => "It has ended".into(),
            FormField::EndedAt => "Ended".into(),
            FormField::PeakIntensity => format!(
                "Worst intensity ({}–{})",
                rules.intensity.min, rules.intensity.max
            ),
            FormField::Side => "Side (optional)".into(),
            FormField::BodyAreas => "Where".into(),
            FormField::Sensations => "How it felt".into(),
            FormField::SettingAtOnset => "Where you were when it began".into(),
            FormField::LatencyKnown => "Record the time at rest before it began".into(),
            FormField::LatencyMinutes => "Time at rest before it began".into(),
            FormField::WokeFromSleep => "It woke me from sleep".into(),
            FormField::At => "When".into(),
            FormField::ExposureKind => "What".into(),
            FormField::OtherExposureLabel => "What it was".into(),
            FormField::Amount => "Amount (optional)".into(),
            FormField::Unit => "Unit (optional)".into(),
            FormField::TreatmentName => "Name".into(),
            FormField::TreatmentCategory => "Kind of treatment".into(),
            FormField::OtherCategoryLabel => "What it is".into(),
            FormField::Dose => "Dose (optional)".into(),
            FormField::StartedOn => "Started on".into(),
            FormField::HasStopped => "It has stopped".into(),
            FormField::StoppedOn => "Stopped on".into(),
            FormField::WhichTreatment => "Which treatment".into(),
            FormField::NoTreatmentsYet => {
                "Add the treatment first (Add, Treatment), then its doses.".into()
            }
            FormField::LabDate => "Taken on".into(),
            FormField::Analyte => "Test".into(),
            FormField::OtherAnalyteLabel => "Which test".into(),
            FormField::LabValue => "Value".into(),
            FormField::LabUnit => "Unit (e.g. µg/L)".into(),
            FormField::VisitDate => "Visit date".into(),
            FormField::VisitWith => "With (optional)".into(),
            FormField::VisitQuestion => "Your question for this visit (optional)".into(),
            FormField::CheckInDate => "Check-in date".into(),
            FormField::SafetyQuestions => "Drug-safety check-in".into(),
            FormField::RatingDate => "Rated on".into(),
            FormField::IrlsTotal => "IRLS total".into(),
            FormField::Note => "Note (optional)".into(),
            FormField::OnMorningCheckIn => {
                "Sleep diaries are filled in on the Morning screen.".into()
            }
        }
    }

    /// A line of help under the input, when it needs one (the IRLS total's range and source).
    pub fn hint(&self) -> Option<String> {
        match self {
            FormField::IrlsTotal => {
                let range = form_rules().irls_total;
                Some(format!(
                    "The total from your clinician's IRLS form ({}–{}).",
                    range.min, range.max
                ))
            }
            _ => None,
        }
    }

    /// How a renderer draws this input.
    pub fn input(&self) -> FieldInput {
        let rules = form_rules();
        match self {
            FormField::StartedAt | FormField::EndedAt | FormField::At => FieldInput::MomentPicker,
            FormField::StartedOn
            | FormField::StoppedOn
            | FormField::LabDate
            | FormField::VisitDate
            | FormField::CheckInDate
            | FormField::RatingDate => FieldInput::DatePicker,
            FormField::HasEnded
            | FormField::LatencyKnown
            | FormField::WokeFromSleep
            | FormField::HasStopped => FieldInput::Toggle,
            FormField::PeakIntensity => FieldInput::IntensitySteps {
                range: rules.intensity,
            },
            // The episode form has no label field for an "other" setting or sensation.
            FormField::Side | FormField::SettingAtOnset => FieldInput::SingleChoice {
                can_clear: true,
                offers_other: false,
            },
            FormField::ExposureKind | FormField::TreatmentCategory | FormField::Analyte => {
                FieldInput::SingleChoice {
                    can_clear: false,
                    offers_other: true,
                }
            }
            FormField::BodyAreas | FormField::Sensations => FieldInput::MultiChoice {
                offers_other: false,
            },
            FormField::LatencyMinutes => FieldInput::Minutes {
                range: rules.minutes,
            },
            FormField::Amount | FormField::Dose | FormField::LabValue => FieldInput::Number,
            FormField::OtherExposureLabel
            | FormField::Unit
            | FormField::TreatmentName
            | FormField::OtherCategoryLabel
            | FormField::OtherAnalyteLabel
            | FormField::LabUnit
            | FormField::VisitWith
            | FormField::VisitQuestion => FieldInput::Text { multiline: false },
            FormField::Note => FieldInput::Text { multiline: true },
            FormField::WhichTreatment => FieldInput::TreatmentPicker,
            FormField::SafetyQuestions => FieldInput::SafetyQuestions,
            FormField::IrlsTotal => FieldInput::IrlsSlider {
                range: rules.irls_total,
            },
            FormField::NoTreatmentsYet | FormField::OnMorningCheckIn => FieldInput::PlainText,
        }
    }

    /// When this input shows: always, or only after another input is answered.
    pub fn shown_when(&self) -> ShownWhen {
        match self {
            FormField::EndedAt => ShownWhen::ToggleOn {
                toggle: FormField::HasEnded,
            },
            FormField::LatencyMinutes => ShownWhen::ToggleOn {
                toggle: FormField::LatencyKnown,
            },
            FormField::StoppedOn => ShownWhen::ToggleOn {
                toggle: FormField::HasStopped,
            },
            FormField::OtherExposureLabel => ShownWhen::OtherChosen {
                choice: FormField::ExposureKind,
            },
            FormField::OtherCategoryLabel => ShownWhen::OtherChosen {
                choice: FormField::TreatmentCategory,
            },
            FormField::OtherAnalyteLabel => ShownWhen::OtherChosen {
                choice: FormField::Analyte,
            },
            FormField::NoTreatmentsYet => ShownWhen::NoChoices {
                picker: FormField::WhichTreatment,
            },
            _ => ShownWhen::Always,
        }
    }
}

impl FormField {
    /// The fields of the kind's saved data (`EntryData`, by their API names) this input fills;
    /// empty for a toggle or words that only steer the form.
    pub fn fills(&self, kind: EntryKind) -> &'static [&'static str] {
        match self {
            FormField::StartedAt => &["started_at"],
            FormField::EndedAt => &["ended_at"],
            FormField::PeakIntensity => &["peak_intensity"],
            FormField::Side => &["side"],
            FormField::BodyAreas => &["body_areas"],
            FormField::Sensations => &["sensations"],
            FormField::SettingAtOnset => &["setting"],
            FormField::LatencyMinutes => &["latency_minutes"],
            FormField::WokeFromSleep => &["woke_from_sleep"],
            FormField::At => &["at"],
            FormField::ExposureKind | FormField::OtherExposureLabel => &["kind"],
            FormField::Amount => &["amount"],
            FormField::Unit if kind == EntryKind::Treatment => &["dose_unit"],
            FormField::Unit => &["unit"],
            FormField::TreatmentName => &["name"],
            FormField::TreatmentCategory | FormField::OtherCategoryLabel => &["category"],
            FormField::Dose => &["dose"],
            FormField::StartedOn => &["started_on"],
            FormField::StoppedOn => &["stopped_on"],
            FormField::WhichTreatment => &["treatment_id"],
            FormField::LabDate => &["taken_on"],
            FormField::Analyte | FormField::OtherAnalyteLabel => &["analyte"],
            FormField::LabValue => &["value"],
            FormField::LabUnit => &["unit"],
            FormField::VisitDate => &["visit_on"],
            FormField::VisitWith => &["clinician"],
            FormField::VisitQuestion => &["question"],
            FormField::CheckInDate => &["checked_on"],
            FormField::SafetyQuestions => &["answered_yes"],
            FormField::RatingDate => &["rated_on"],
            FormField::IrlsTotal => &["irls_total"],
            FormField::Note => &["note"],
            FormField::HasEnded
            | FormField::LatencyKnown
            | FormField::HasStopped
            | FormField::NoTreatmentsYet
            | FormField::OnMorningCheckIn => &[],
        }
    }
}
