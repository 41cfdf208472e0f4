import Foundation
import RLSJournal

/// The core's closed vocabularies, read once. Which values exist, their order, the flagged
/// "other" choice and every label come from the core: a chip shows `value.label()`.
enum Vocabulary {
    /// The core's vocabularies (fixed data: read once).
    static let core: Vocabularies = vocabularies()

    static let sides: [Side] = core.sides.map { $0.value }

    /// The Tonight screen has no field for an "other" label, so it offers the fixed methods.
    static let reliefMethods: [ReliefMethod] = core.reliefMethods.filter { !$0.isOther }.map { $0.value }

    /// How much a relief attempt helped, with the core's words for each step.
    static let helped: [HelpedChoice] = core.helped

    static let exposureKinds: [ExposureKind] = core.exposureKinds.map { $0.value }

    static let treatmentCategories: [TreatmentCategory] = core.treatmentCategories.map { $0.value }

    static let analytes: [Analyte] = core.analytes.map { $0.value }

    static let bodyAreas: [BodyArea] = core.bodyAreas.map { $0.value }

    /// The episode form has no field for an "other" sensation's label: the fixed ones.
    static let sensations: [Sensation] = core.sensations.filter { !$0.isOther }.map { $0.value }

    /// The episode form has no field for an "other" setting's label: the fixed ones.
    static let settings: [Setting] = core.settings.filter { !$0.isOther }.map { $0.value }

    /// The entry kinds the Add screen records (sleep diaries and the "no symptoms" answer are on
    /// the Morning screen).
    static let addableKinds: [EntryKind] = Rules.core.addKinds

    static let paperSizes: [PaperSize] = core.paperSizes.map { $0.value }
}
