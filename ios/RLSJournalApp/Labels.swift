import Foundation
import RLSJournal

/// The names of the core's closed vocabularies, as chip labels. The core exports the values but
/// not their display names, so the app keeps one label per value here. These are labels only:
/// which values exist, and what they mean, is the core's. tests/app-api-check verifies every value
/// named here still exists in the generated bindings.
enum Vocabulary {
    static let sides: [Side] = [Side.left, Side.right, Side.both, Side.alternating]

    static let reliefMethods: [ReliefMethod] = [
        ReliefMethod.walking,
        ReliefMethod.stretching,
        ReliefMethod.massage,
        ReliefMethod.heat,
        ReliefMethod.cold,
        ReliefMethod.compression,
        ReliefMethod.magnesiumOil,
        ReliefMethod.medication,
        ReliefMethod.weightedBlanket,
        ReliefMethod.vibration,
    ]

    /// How much a relief attempt helped: 0 none, 1 some, 2 much, 3 complete.
    static let helpedLevels: [UInt8] = [0, 1, 2, 3]

    static let exposureKinds: [ExposureKind] = [
        ExposureKind.caffeine,
        ExposureKind.alcohol,
        ExposureKind.nicotine,
        ExposureKind.exercise,
        ExposureKind.prolongedSitting,
        ExposureKind.lateSugar,
        ExposureKind.screenTime,
        ExposureKind.stress,
        ExposureKind.heat,
        ExposureKind.sedatingAntihistamine,
        ExposureKind.other(label: ""),
    ]

    static let treatmentCategories: [TreatmentCategory] = [
        TreatmentCategory.dopamineAgonist,
        TreatmentCategory.alpha2DeltaLigand,
        TreatmentCategory.opioid,
        TreatmentCategory.oralIron,
        TreatmentCategory.ivIron,
        TreatmentCategory.magnesium,
        TreatmentCategory.otherSupplement,
        TreatmentCategory.device,
        TreatmentCategory.routine,
        TreatmentCategory.other(label: ""),
    ]

    static let analytes: [Analyte] = [
        Analyte.ferritin,
        Analyte.transferrinSaturation,
        Analyte.hemoglobin,
        Analyte.serumIron,
        Analyte.tibc,
        Analyte.vitaminD,
        Analyte.magnesium,
        Analyte.creatinine,
        Analyte.other(label: ""),
    ]

    static let bodyAreas: [BodyArea] = [
        BodyArea.feet,
        BodyArea.calves,
        BodyArea.knees,
        BodyArea.thighs,
        BodyArea.hips,
        BodyArea.arms,
        BodyArea.trunk,
    ]

    static let sensations: [Sensation] = [
        Sensation.crawling,
        Sensation.tingling,
        Sensation.burning,
        Sensation.electric,
        Sensation.aching,
        Sensation.itching,
        Sensation.pulling,
        Sensation.throbbing,
    ]

    static let settings: [Setting] = [Setting.inBed, Setting.sitting, Setting.travelling]

    /// The entry kinds the Add screen records (sleep diaries are on the Morning screen).
    static let addableKinds: [EntryKind] = [
        EntryKind.episode,
        EntryKind.exposure,
        EntryKind.treatment,
        EntryKind.dose,
        EntryKind.labResult,
        EntryKind.severityRating,
    ]

    static let paperSizes: [PaperSize] = [PaperSize.a4, PaperSize.letter]

    // MARK: labels

    static func label(_ side: Side) -> String {
        switch side {
        case Side.left: return "Left"
        case Side.right: return "Right"
        case Side.both: return "Both"
        case Side.alternating: return "Alternating"
        }
    }

    static func label(_ method: ReliefMethod) -> String {
        switch method {
        case ReliefMethod.walking: return "Walking"
        case ReliefMethod.stretching: return "Stretching"
        case ReliefMethod.massage: return "Massage"
        case ReliefMethod.heat: return "Heat"
        case ReliefMethod.cold: return "Cold"
        case ReliefMethod.compression: return "Compression"
        case ReliefMethod.magnesiumOil: return "Magnesium oil"
        case ReliefMethod.medication: return "Medication"
        case ReliefMethod.weightedBlanket: return "Weighted blanket"
        case ReliefMethod.vibration: return "Vibration device"
        case ReliefMethod.other(label: let label): return label.isEmpty ? "Other" : label
        }
    }

    static func helpedLabel(_ helped: UInt8) -> String {
        switch helped {
        case 0: return "None"
        case 1: return "Some"
        case 2: return "Much"
        default: return "Fully"
        }
    }

    static func label(_ kind: ExposureKind) -> String {
        switch kind {
        case ExposureKind.caffeine: return "Caffeine"
        case ExposureKind.alcohol: return "Alcohol"
        case ExposureKind.nicotine: return "Nicotine"
        case ExposureKind.exercise: return "Exercise"
        case ExposureKind.prolongedSitting: return "Long sitting"
        case ExposureKind.lateSugar: return "Late sugar"
        case ExposureKind.screenTime: return "Screen time"
        case ExposureKind.stress: return "Stress"
        case ExposureKind.heat: return "Heat"
        case ExposureKind.sedatingAntihistamine: return "Sedating antihistamine"
        case ExposureKind.other(label: let label): return label.isEmpty ? "Other" : label
        }
    }

    static func label(_ category: TreatmentCategory) -> String {
        switch category {
        case TreatmentCategory.dopamineAgonist: return "Dopamine agonist"
        case TreatmentCategory.alpha2DeltaLigand: return "Alpha-2-delta ligand"
        case TreatmentCategory.opioid: return "Opioid"
        case TreatmentCategory.oralIron: return "Oral iron"
        case TreatmentCategory.ivIron: return "IV iron"
        case TreatmentCategory.magnesium: return "Magnesium"
        case TreatmentCategory.otherSupplement: return "Other supplement"
        case TreatmentCategory.device: return "Device"
        case TreatmentCategory.routine: return "Routine"
        case TreatmentCategory.other(label: let label): return label.isEmpty ? "Other" : label
        }
    }

    static func label(_ analyte: Analyte) -> String {
        switch analyte {
        case Analyte.ferritin: return "Ferritin"
        case Analyte.transferrinSaturation: return "Transferrin saturation"
        case Analyte.hemoglobin: return "Hemoglobin"
        case Analyte.serumIron: return "Serum iron"
        case Analyte.tibc: return "TIBC"
        case Analyte.vitaminD: return "Vitamin D"
        case Analyte.magnesium: return "Magnesium"
        case Analyte.creatinine: return "Creatinine"
        case Analyte.other(label: let label): return label.isEmpty ? "Other" : label
        }
    }

    static func label(_ area: BodyArea) -> String {
        switch area {
        case BodyArea.feet: return "Feet"
        case BodyArea.calves: return "Calves"
        case BodyArea.knees: return "Knees"
        case BodyArea.thighs: return "Thighs"
        case BodyArea.hips: return "Hips"
        case BodyArea.arms: return "Arms"
        case BodyArea.trunk: return "Trunk"
        }
    }

    static func label(_ sensation: Sensation) -> String {
        switch sensation {
        case Sensation.crawling: return "Crawling"
        case Sensation.tingling: return "Tingling"
        case Sensation.burning: return "Burning"
        case Sensation.electric: return "Electric"
        case Sensation.aching: return "Aching"
        case Sensation.itching: return "Itching"
        case Sensation.pulling: return "Pulling"
        case Sensation.throbbing: return "Throbbing"
        case Sensation.other(label: let label): return label.isEmpty ? "Other" : label
        }
    }

    static func label(_ setting: Setting) -> String {
        switch setting {
        case Setting.inBed: return "In bed"
        case Setting.sitting: return "Sitting"
        case Setting.travelling: return "Travelling"
        case Setting.other(label: let label): return label.isEmpty ? "Other" : label
        }
    }

    static func label(_ kind: EntryKind) -> String {
        switch kind {
        case EntryKind.episode: return "Episode"
        case EntryKind.sleepDiary: return "Sleep diary"
        case EntryKind.exposure: return "Exposure"
        case EntryKind.treatment: return "Treatment"
        case EntryKind.dose: return "Dose"
        case EntryKind.labResult: return "Lab result"
        case EntryKind.severityRating: return "IRLS total"
        }
    }

    static func label(_ size: PaperSize) -> String {
        switch size {
        case PaperSize.a4: return "A4"
        case PaperSize.letter: return "US Letter"
        }
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
