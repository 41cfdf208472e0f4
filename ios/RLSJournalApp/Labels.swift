import Foundation
import RLSJournal

/// The core's closed vocabularies: which values exist, their order and their display names all
/// come from the core's `vocabularies()`. The app adds only the "other" chip (an "other" value
/// needs the person's label, so the core does not list it) and its word "Other".
enum Vocabulary {
    /// The core's vocabularies with their display names (fixed data: read once).
    static let core: Vocabularies = vocabularies()

    static let sides: [Side] = core.sides.map { $0.value }

    static let reliefMethods: [ReliefMethod] = core.reliefMethods.map { $0.value }

    /// How much a relief attempt helped: 0 did not help, 1 some, 2 much, 3 complete relief.
    static let helpedLevels: [Int32] = core.helped.map { $0.value }

    static let exposureKinds: [ExposureKind] =
        core.exposureKinds.map { $0.value } + [ExposureKind.other(label: "")]

    static let treatmentCategories: [TreatmentCategory] =
        core.treatmentCategories.map { $0.value } + [TreatmentCategory.other(label: "")]

    static let analytes: [Analyte] = core.analytes.map { $0.value } + [Analyte.other(label: "")]

    static let bodyAreas: [BodyArea] = core.bodyAreas.map { $0.value }

    static let sensations: [Sensation] = core.sensations.map { $0.value }

    static let settings: [Setting] = core.settings.map { $0.value }

    /// The entry kinds the Add screen records (sleep diaries and the "no symptoms" answer are on
    /// the Morning screen).
    static let addableKinds: [EntryKind] = Rules.core.addKinds

    static let paperSizes: [PaperSize] = core.paperSizes.map { $0.value }

    // MARK: labels (the core's display names)

    /// An "other" value's own label, or "Other" while it has none yet.
    private static func otherLabel(_ label: String) -> String {
        return label.isEmpty ? "Other" : label
    }

    static func label(_ side: Side) -> String {
        return core.sides.first { $0.value == side }?.label ?? ""
    }

    static func label(_ method: ReliefMethod) -> String {
        if case ReliefMethod.other(label: let label) = method {
            return otherLabel(label)
        }
        return core.reliefMethods.first { $0.value == method }?.label ?? ""
    }

    /// The chip text of a "helped" score (`Helped some`).
    static func helpedLabel(_ helped: Int32) -> String {
        return core.helped.first { $0.value == helped }?.label ?? String(helped)
    }

    /// The words of a "helped" score inside a sentence (`helped some`).
    static func helpedName(_ helped: Int32) -> String {
        return core.helped.first { $0.value == helped }?.name ?? String(helped)
    }

    static func label(_ kind: ExposureKind) -> String {
        if case ExposureKind.other(label: let label) = kind {
            return otherLabel(label)
        }
        return core.exposureKinds.first { $0.value == kind }?.label ?? ""
    }

    static func label(_ category: TreatmentCategory) -> String {
        if case TreatmentCategory.other(label: let label) = category {
            return otherLabel(label)
        }
        return core.treatmentCategories.first { $0.value == category }?.label ?? ""
    }

    static func label(_ analyte: Analyte) -> String {
        if case Analyte.other(label: let label) = analyte {
            return otherLabel(label)
        }
        return core.analytes.first { $0.value == analyte }?.label ?? ""
    }

    static func label(_ area: BodyArea) -> String {
        return core.bodyAreas.first { $0.value == area }?.label ?? ""
    }

    static func label(_ sensation: Sensation) -> String {
        if case Sensation.other(label: let label) = sensation {
            return otherLabel(label)
        }
        return core.sensations.first { $0.value == sensation }?.label ?? ""
    }

    static func label(_ setting: Setting) -> String {
        if case Setting.other(label: let label) = setting {
            return otherLabel(label)
        }
        return core.settings.first { $0.value == setting }?.label ?? ""
    }

    static func label(_ kind: EntryKind) -> String {
        return core.entryKinds.first { $0.value == kind }?.label ?? ""
    }

    static func label(_ size: PaperSize) -> String {
        return core.paperSizes.first { $0.value == size }?.label ?? ""
    }

    // MARK: "other" choices

    static func isOther(_ kind: ExposureKind) -> Bool {
        if case ExposureKind.other = kind {
            return true
        }
        return false
    }

    static func isOther(_ category: TreatmentCategory) -> Bool {
        if case TreatmentCategory.other = category {
            return true
        }
        return false
    }

    static func isOther(_ analyte: Analyte) -> Bool {
        if case Analyte.other = analyte {
            return true
        }
        return false
    }

    /// Two choices are the same chip: equal, or both "other" whatever their labels.
    static func sameExposure(_ a: ExposureKind, _ b: ExposureKind) -> Bool {
        return a == b || (isOther(a) && isOther(b))
    }

    static func sameCategory(_ a: TreatmentCategory, _ b: TreatmentCategory) -> Bool {
        return a == b || (isOther(a) && isOther(b))
    }

    static func sameAnalyte(_ a: Analyte, _ b: Analyte) -> Bool {
        return a == b || (isOther(a) && isOther(b))
    }
}
