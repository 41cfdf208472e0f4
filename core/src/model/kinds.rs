//! The journal's closed vocabularies (sides, body areas, triggers, relief methods…).
//!
//! Each value has a stable storage/export code (`snake_case`) and a display name. Vocabularies
//! with an "other" choice carry its label in the variant itself, so an "other" without a label
//! cannot exist. In JSON an "other" is written `"other:<label>"`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{JournalError, Result};
use crate::model::validate::required_text;

/// Longest label for an "other" choice, in characters.
pub const MAX_LABEL_CHARS: usize = 100;

/// Defines a vocabulary without an "other" choice.
macro_rules! plain_vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal, $display:literal;)* }) => {
        $(#[$meta])*
        #[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The stable storage and export code.
            pub fn code(&self) -> &'static str {
                match self { $($name::$variant => $code,)* }
            }

            /// The name shown to a person.
            pub fn display_name(&self) -> String {
                match self { $($name::$variant => $display.to_string(),)* }
            }

            /// Parses a storage code.
            pub fn from_code(code: &str) -> Option<$name> {
                match code { $($code => Some($name::$variant),)* _ => None }
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                let code = String::deserialize(d)?;
                $name::from_code(&code).ok_or_else(|| {
                    serde::de::Error::custom(format!("unknown {} {code:?}", stringify!($name)))
                })
            }
        }
    };
}

/// Defines a vocabulary whose last choice is `Other { label }`.
macro_rules! labelled_vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal, $display:literal;)* }) => {
        $(#[$meta])*
        #[derive(uniffi::Enum, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
            /// Something else, named by the person.
            Other {
                /// What it is, in the person's words (required, at most 100 characters).
                label: String,
            },
        }

        impl $name {
            /// Every value without a label, in display order (`Other` needs a label).
            pub const PLAIN: &'static [$name] = &[$($name::$variant),*];

            /// The stable storage and export code (`other` for `Other`).
            pub fn code(&self) -> &'static str {
                match self { $($name::$variant => $code,)* $name::Other { .. } => "other" }
            }

            /// The label of an `Other`, else `None`.
            pub fn other_label(&self) -> Option<&str> {
                match self { $name::Other { label } => Some(label.as_str()), _ => None }
            }

            /// The name shown to a person (an `Other` shows its label).
            pub fn display_name(&self) -> String {
                match self { $($name::$variant => $display.to_string(),)* $name::Other { label } => label.clone() }
            }

            /// Rebuilds a value from its code and label, as stored.
            pub fn from_code(code: &str, label: Option<String>) -> Option<$name> {
                match code {
                    $($code => Some($name::$variant),)*
                    "other" => label.map(|label| $name::Other { label }),
                    _ => None,
                }
            }

            /// Parses `code` or `other:<label>`, as written in JSON and on the command line.
            pub fn parse(text: &str) -> Option<$name> {
                match text.split_once(':') {
                    Some(("other", label)) => Some($name::Other { label: label.trim().to_string() }),
                    _ => $name::from_code(text.trim(), None),
                }
            }

            /// `code`, or `other:<label>`.
            pub fn to_text(&self) -> String {
                match self {
                    $name::Other { label } => format!("other:{label}"),
                    plain => plain.code().to_string(),
                }
            }

            /// Checks the label of an `Other` and returns the value with its label trimmed.
            pub fn validated(&self, field: &str) -> Result<$name> {
                match self {
                    $name::Other { label } => Ok($name::Other {
                        label: required_text(field, label, MAX_LABEL_CHARS).map_err(|e| match e {
                            // A control character is named as such; empty or too long get the
                            // one sentence that says what a label must be.
                            JournalError::InvalidInput { reason, .. } if reason.starts_with("contains") => {
                                JournalError::invalid(field, format!("the \"other\" label {reason}"))
                            }
                            _ => JournalError::invalid(field, "\"other\" needs a label of 1 to 100 characters"),
                        })?,
                    }),
                    plain => Ok(plain.clone()),
                }
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                s.serialize_str(&self.to_text())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                $name::parse(&text).ok_or_else(|| {
                    serde::de::Error::custom(format!("unknown {} {text:?}", stringify!($name)))
                })
            }
        }
    };
}

plain_vocabulary! {
    /// Which side the symptoms were on.
    Side {
        /// Left leg (or side) only.
        Left = "left", "left";
        /// Right leg only.
        Right = "right", "right";
        /// Both legs at once.
        Both = "both", "both";
        /// Switching between sides.
        Alternating = "alternating", "alternating";
    }
}

plain_vocabulary! {
    /// Where on the body symptoms were felt (an episode has a set of these).
    BodyArea {
        /// Feet.
        Feet = "feet", "feet";
        /// Calves.
        Calves = "calves", "calves";
        /// Knees.
        Knees = "knees", "knees";
        /// Thighs.
        Thighs = "thighs", "thighs";
        /// Hips.
        Hips = "hips", "hips";
        /// Arms: spread to the arms is one of the augmentation signs.
        Arms = "arms", "arms";
        /// Trunk.
        Trunk = "trunk", "trunk";
    }
}

plain_vocabulary! {
    /// The kind of journal entry, for history filters and generic calls.
    EntryKind {
        /// A bout of symptoms.
        Episode = "episode", "Episode";
        /// A morning sleep diary.
        SleepDiary = "sleep", "Sleep diary";
        /// A possible trigger.
        Exposure = "exposure", "Exposure";
        /// A treatment regimen.
        Treatment = "treatment", "Treatment";
        /// One dose of a treatment.
        Dose = "dose", "Dose";
        /// A lab result.
        LabResult = "lab", "Lab result";
        /// An IRLS severity rating.
        SeverityRating = "rating", "Severity rating";
        /// The morning answer "No symptoms last night".
        NoSymptoms = "no_symptoms", "No symptoms";
        /// A clinician visit, past or planned, with the person's question for it.
        Visit = "visit", "Clinician visit";
        /// The weekly drug-safety check-in while on a dopamine agonist or levodopa.
        SafetyCheck = "safety_check", "Drug-safety check-in";
    }
}

plain_vocabulary! {
    /// What the weekly drug-safety check-in asks about (issue 21): the impulse-control problems
    /// and the sudden daytime sleep that the labelling of dopamine agonists and levodopa lists
    /// as adverse effects. The questions are our own plain words, not a licensed instrument's.
    SafetyItem {
        /// New or stronger urges to gamble.
        Gambling = "gambling", "urges to gamble";
        /// New or stronger urges to shop or spend.
        Shopping = "shopping", "urges to shop or spend";
        /// New or stronger urges to eat (binge eating).
        Eating = "eating", "urges to eat";
        /// New or stronger sexual urges.
        Sexual = "sexual", "sexual urges";
        /// Falling asleep without meaning to during the day.
        FallingAsleep = "falling_asleep", "falling asleep unintentionally in the daytime";
    }
}

labelled_vocabulary! {
    /// Where the person was when symptoms began.
    Setting {
        /// Lying in bed.
        InBed = "in_bed", "in bed";
        /// Sitting (sofa, desk, theatre).
        Sitting = "sitting", "sitting";
        /// Travelling (car, train, plane).
        Travelling = "travelling", "travelling";
    }
}

labelled_vocabulary! {
    /// How the symptoms felt (an episode has a set of these).
    Sensation {
        /// Crawling, creeping.
        Crawling = "crawling", "crawling";
        /// Tingling, pins and needles.
        Tingling = "tingling", "tingling";
        /// Burning.
        Burning = "burning", "burning";
        /// Electric, jolting.
        Electric = "electric", "electric";
        /// Aching.
        Aching = "aching", "aching";
        /// Itching (inside the leg).
        Itching = "itching", "itching";
        /// Pulling, tugging.
        Pulling = "pulling", "pulling";
        /// Throbbing.
        Throbbing = "throbbing", "throbbing";
    }
}

labelled_vocabulary! {
    /// What the person tried for relief.
    ReliefMethod {
        /// Walking.
        Walking = "walking", "walking";
        /// Stretching.
        Stretching = "stretching", "stretching";
        /// Massage.
        Massage = "massage", "massage";
        /// Heat (bath, warm pack).
        Heat = "heat", "heat";
        /// Cold (cold pack, cold floor).
        Cold = "cold", "cold";
        /// Compression (socks, wraps, pneumatic device).
        Compression = "compression", "compression";
        /// Magnesium oil or lotion.
        MagnesiumOil = "magnesium_oil", "magnesium oil";
        /// A dose of medication.
        Medication = "medication", "medication";
        /// A weighted blanket.
        WeightedBlanket = "weighted_blanket", "weighted blanket";
        /// A vibration or counter-stimulation device.
        Vibration = "vibration", "vibration device";
    }
}

labelled_vocabulary! {
    /// A possible trigger.
    ExposureKind {
        /// Coffee, tea, cola, energy drinks.
        Caffeine = "caffeine", "caffeine";
        /// Alcohol.
        Alcohol = "alcohol", "alcohol";
        /// Smoking, vaping, nicotine.
        Nicotine = "nicotine", "nicotine";
        /// Exercise.
        Exercise = "exercise", "exercise";
        /// Sitting for a long time (flight, film, desk).
        ProlongedSitting = "prolonged_sitting", "prolonged sitting";
        /// Sugar late in the day.
        LateSugar = "late_sugar", "late sugar";
        /// Screen time late in the day.
        ScreenTime = "screen_time", "screen time";
        /// Stress.
        Stress = "stress", "stress";
        /// Heat (hot weather, hot bath).
        Heat = "heat", "heat";
        /// A sedating antihistamine (e.g. diphenhydramine), known to worsen RLS.
        SedatingAntihistamine = "sedating_antihistamine", "sedating antihistamine";
    }
}

labelled_vocabulary! {
    /// The family a treatment belongs to.
    TreatmentCategory {
        /// Dopamine agonist (pramipexole, ropinirole, rotigotine): watch for augmentation.
        DopamineAgonist = "dopamine_agonist", "dopamine agonist";
        /// Levodopa (with carbidopa or benserazide): the highest augmentation rate; watched
        /// like a dopamine agonist.
        Levodopa = "levodopa", "levodopa";
        /// Alpha-2-delta ligand (gabapentin, pregabalin, gabapentin enacarbil).
        Alpha2DeltaLigand = "alpha2delta_ligand", "alpha-2-delta ligand";
        /// Opioid.
        Opioid = "opioid", "opioid";
        /// Oral iron.
        OralIron = "oral_iron", "oral iron";
        /// Intravenous iron.
        IvIron = "iv_iron", "IV iron";
        /// Magnesium.
        Magnesium = "magnesium", "magnesium";
        /// Another supplement.
        OtherSupplement = "other_supplement", "other supplement";
        /// A device (e.g. tonic motor activation, pneumatic compression).
        Device = "device", "device";
        /// A routine (stretching plan, sleep schedule).
        Routine = "routine", "routine";
        /// Another medicine the person takes that may worsen RLS (issue 15): recorded so the
        /// report can list it under "To discuss" (see `model::worsening`); never advice to stop.
        MayWorsenRls = "may_worsen_rls", "other medicine (may worsen RLS)";
    }
}

impl TreatmentCategory {
    /// Whether the treatment acts on dopamine (a dopamine agonist or levodopa): the augmentation
    /// watch and the total daily dose follow these (MPI criteria, García-Borreguero et al. 2007;
    /// the risk of augmentation rises with the dopaminergic dose, Garcia-Borreguero et al. 2016).
    pub fn is_dopaminergic(&self) -> bool {
        matches!(
            self,
            TreatmentCategory::DopamineAgonist | TreatmentCategory::Levodopa
        )
    }
}

labelled_vocabulary! {
    /// What a lab result measured.
    Analyte {
        /// Serum ferritin (µg/L = ng/mL).
        Ferritin = "ferritin", "ferritin";
        /// Transferrin saturation (%).
        TransferrinSaturation = "transferrin_saturation", "transferrin saturation";
        /// Hemoglobin.
        Hemoglobin = "hemoglobin", "hemoglobin";
        /// Serum iron.
        SerumIron = "serum_iron", "serum iron";
        /// Total iron-binding capacity.
        Tibc = "tibc", "TIBC";
        /// Vitamin D.
        VitaminD = "vitamin_d", "vitamin D";
        /// Magnesium.
        Magnesium = "magnesium", "magnesium";
        /// Creatinine.
        Creatinine = "creatinine", "creatinine";
        /// C-reactive protein (mg/L): ferritin rises with inflammation, so it is read beside
        /// a CRP (issue 15).
        Crp = "crp", "CRP";
    }
}
