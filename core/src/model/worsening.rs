//! Medicines that may worsen RLS (issue 15 item 3): a curated list of generic names, each with
//! its drug class, matched case-insensitively as a whole word in any treatment's name whatever
//! its category; and the category [`TreatmentCategory::MayWorsenRls`] a person can choose for a
//! medicine the list does not name.
//!
//! Sources (see [`SOURCES_TEXT`]): the AASM 2024 guideline (Winkelman et al., J Clin Sleep Med
//! 2025;21(1):137–152) names antihistaminergic, serotonergic and antidopaminergic medicines
//! among the factors that worsen RLS; Silber et al., Mayo Clin Proc 2021;96(7):1921–1937 list
//! sedating antihistamines, antidepressants (SSRIs, SNRIs, tricyclics, mirtazapine),
//! antipsychotics and dopamine-blocking antiemetics such as metoclopramide; Hoque & Chesson, J
//! Clin Sleep Med 2010;6(1):79–83 review the reports drug by drug (mirtazapine, the SSRIs,
//! venlafaxine, olanzapine, lithium among them).
//!
//! The journal records and flags: a match says "may worsen RLS, worth a word with the
//! clinician", never "stop it". Brand names are not listed (they differ by country); a person
//! records such a medicine under the category instead.

use crate::model::kinds::TreatmentCategory;

/// The drug classes of the list, each named as the report says it.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WorseningClass {
    /// Sedating (first-generation) antihistamines, e.g. diphenhydramine.
    SedatingAntihistamine,
    /// Selective serotonin reuptake inhibitors.
    Ssri,
    /// Serotonin–noradrenaline reuptake inhibitors.
    Snri,
    /// Mirtazapine.
    Mirtazapine,
    /// Tricyclic antidepressants.
    Tricyclic,
    /// Antipsychotics (dopamine antagonists).
    Antipsychotic,
    /// Dopamine-blocking antiemetics, e.g. metoclopramide.
    DopamineAntagonistAntiemetic,
    /// Lithium.
    Lithium,
}

impl WorseningClass {
    /// `sedating antihistamine`, `SSRI`… as a sentence says it.
    pub fn label(self) -> &'static str {
        match self {
            WorseningClass::SedatingAntihistamine => "sedating antihistamine",
            WorseningClass::Ssri => "SSRI",
            WorseningClass::Snri => "SNRI",
            WorseningClass::Mirtazapine => "mirtazapine",
            WorseningClass::Tricyclic => "tricyclic antidepressant",
            WorseningClass::Antipsychotic => "antipsychotic",
            WorseningClass::DopamineAntagonistAntiemetic => "dopamine-blocking antiemetic",
            WorseningClass::Lithium => "lithium",
        }
    }
}

/// The curated list: generic name (lower case, one word) and class.
pub const MAY_WORSEN_RLS: &[(&str, WorseningClass)] = &[
    ("diphenhydramine", WorseningClass::SedatingAntihistamine),
    ("doxylamine", WorseningClass::SedatingAntihistamine),
    ("dimenhydrinate", WorseningClass::SedatingAntihistamine),
    ("hydroxyzine", WorseningClass::SedatingAntihistamine),
    ("chlorphenamine", WorseningClass::SedatingAntihistamine),
    ("chlorpheniramine", WorseningClass::SedatingAntihistamine),
    ("promethazine", WorseningClass::SedatingAntihistamine),
    ("cyproheptadine", WorseningClass::SedatingAntihistamine),
    ("fluoxetine", WorseningClass::Ssri),
    ("sertraline", WorseningClass::Ssri),
    ("paroxetine", WorseningClass::Ssri),
    ("citalopram", WorseningClass::Ssri),
    ("escitalopram", WorseningClass::Ssri),
    ("fluvoxamine", WorseningClass::Ssri),
    ("venlafaxine", WorseningClass::Snri),
    ("desvenlafaxine", WorseningClass::Snri),
    ("duloxetine", WorseningClass::Snri),
    ("mirtazapine", WorseningClass::Mirtazapine),
    ("amitriptyline", WorseningClass::Tricyclic),
    ("nortriptyline", WorseningClass::Tricyclic),
    ("imipramine", WorseningClass::Tricyclic),
    ("clomipramine", WorseningClass::Tricyclic),
    ("haloperidol", WorseningClass::Antipsychotic),
    ("chlorpromazine", WorseningClass::Antipsychotic),
    ("olanzapine", WorseningClass::Antipsychotic),
    ("quetiapine", WorseningClass::Antipsychotic),
    ("risperidone", WorseningClass::Antipsychotic),
    (
        "metoclopramide",
        WorseningClass::DopamineAntagonistAntiemetic,
    ),
    (
        "prochlorperazine",
        WorseningClass::DopamineAntagonistAntiemetic,
    ),
    ("droperidol", WorseningClass::DopamineAntagonistAntiemetic),
    ("lithium", WorseningClass::Lithium),
];

/// Where the list and the category come from, as the definitions state it.
pub const SOURCES_TEXT: &str = "the AASM 2024 guideline, Winkelman et al., J Clin Sleep Med \
     2025 (antihistaminergic, serotonergic and antidopaminergic medicines); Silber et al., Mayo \
     Clin Proc 2021; Hoque & Chesson, J Clin Sleep Med 2010";

/// Why a treatment is flagged as possibly worsening RLS.
#[derive(uniffi::Enum, Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "by")]
pub enum WorseningMatch {
    /// Its name contains a generic name of the list.
    Listed {
        /// The generic name found (lower case).
        generic: String,
        /// Its drug class.
        drug_class: WorseningClass,
    },
    /// The person recorded it under "other medicine (may worsen RLS)".
    Category,
}

/// The listed generic name in `name`, if any: compared case-insensitively, word by word (a word
/// is a run of letters), so `Sertraline 50 mg` and `SERTRALINE` match and `sertralinex` does
/// not.
pub fn listed_in(name: &str) -> Option<(&'static str, WorseningClass)> {
    let lower = name.to_lowercase();
    lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .find_map(|word| MAY_WORSEN_RLS.iter().find(|(g, _)| *g == word).copied())
}

/// Whether a treatment with this name and category may worsen RLS, and why: the list first (it
/// names the class), else the category.
pub fn may_worsen(name: &str, category: &TreatmentCategory) -> Option<WorseningMatch> {
    match listed_in(name) {
        Some((generic, class)) => Some(WorseningMatch::Listed {
            generic: generic.to_string(),
            drug_class: class,
        }),
        None => (*category == TreatmentCategory::MayWorsenRls).then_some(WorseningMatch::Category),
    }
}

/// The classes of the list in order, each with its generic names: `sedating antihistamine
/// (diphenhydramine, …)`, for the definitions.
pub fn list_text() -> String {
    let mut classes: Vec<WorseningClass> = Vec::new();
    for (_, class) in MAY_WORSEN_RLS {
        if !classes.contains(class) {
            classes.push(*class);
        }
    }
    classes
        .iter()
        .map(|class| {
            let names: Vec<&str> = MAY_WORSEN_RLS
                .iter()
                .filter(|(_, c)| c == class)
                .map(|(g, _)| *g)
                .collect();
            if names == [class.label()] {
                class.label().to_string()
            } else {
                format!("{} ({})", class.label(), names.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_whole_words_whatever_the_case_and_category() {
        assert_eq!(
            listed_in("Sertraline 50 mg"),
            Some(("sertraline", WorseningClass::Ssri))
        );
        assert_eq!(
            listed_in("DIPHENHYDRAMINE (sleep aid)"),
            Some(("diphenhydramine", WorseningClass::SedatingAntihistamine))
        );
        assert_eq!(
            listed_in("metoclopramide/paracetamol"),
            Some((
                "metoclopramide",
                WorseningClass::DopamineAntagonistAntiemetic
            ))
        );
        // A word that only contains a listed name is not it; escitalopram is its own entry.
        assert_eq!(listed_in("sertralinex"), None);
        assert_eq!(
            listed_in("escitalopram"),
            Some(("escitalopram", WorseningClass::Ssri))
        );
        assert_eq!(listed_in("pramipexole"), None);
        assert_eq!(listed_in(""), None);
        // The category flags a name the list does not know; the list wins when both apply.
        assert_eq!(
            may_worsen("Brandname", &TreatmentCategory::MayWorsenRls),
            Some(WorseningMatch::Category)
        );
        assert_eq!(
            may_worsen(
                "Mirtazapine",
                &TreatmentCategory::Other { label: "x".into() }
            ),
            Some(WorseningMatch::Listed {
                generic: "mirtazapine".into(),
                drug_class: WorseningClass::Mirtazapine
            })
        );
        assert_eq!(
            may_worsen("gabapentin", &TreatmentCategory::Alpha2DeltaLigand),
            None
        );
    }

    #[test]
    fn every_listed_name_is_one_lower_case_word_listed_once() {
        for (i, (g, _)) in MAY_WORSEN_RLS.iter().enumerate() {
            assert!(g.chars().all(|c| c.is_ascii_lowercase()), "{g}");
            assert!(
                MAY_WORSEN_RLS.iter().skip(i + 1).all(|(h, _)| h != g),
                "{g} twice"
            );
        }
        let text = list_text();
        assert!(text.starts_with("sedating antihistamine (diphenhydramine, doxylamine"));
        assert!(text.contains("; mirtazapine; "), "{text}");
        assert!(text.ends_with("; lithium"), "{text}");
    }
}
