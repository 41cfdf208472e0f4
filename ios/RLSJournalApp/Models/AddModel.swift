import Combine
import Foundation
import RLSJournal

/// The entry being added or edited (the Kotlin `AddForm`): the raw inputs. Amounts are kept as
/// typed; the core checks them (text that is not a number goes to the core as NaN, which it
/// rejects with its reason).
struct AddForm {
    var kind: EntryKind
    /// When it happened (episode start, exposure, dose); an edit keeps the stored moment unless changed.
    /// A new entry starts at now, to the minute (the pickers show minutes), as the Kotlin `AddForm`.
    var at = MomentField(new: Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 60).rounded(.down) * 60))
    /// Episode end; nil while it is in progress.
    var endAt: MomentField?
    /// The day (treatment start, lab, rating).
    var date = Date()
    /// Treatment stop day; nil while it is taken.
    var stopDate: Date?
    var intensity: Int32 = Rules.core.defaultIntensity
    var side: Side?
    var bodyAreas: [BodyArea] = []
    var sensations: [Sensation] = []
    var setting: Setting?
    var latencyMinutes: Int32?
    var wokeFromSleep = false
    var exposureKind = ExposureKind.caffeine
    var name = ""
    var category = TreatmentCategory.dopamineAgonist
    var treatmentId: String?
    var analyte = Analyte.ferritin
    var irlsTotal: Double = 0
    /// Amount, dose or lab value, as typed.
    var amount = ""
    /// Its unit.
    var unit = ""
    var note = ""
    /// Who a clinician visit is with, as typed.
    var clinician = ""
    /// The person's question for a clinician visit, as typed.
    var question = ""
    /// The drug-safety check-in's questions answered "yes" (the others are "no").
    var safetyYes: [SafetyItem] = []

    /// Whether toggle `field` is on (has ended, latency recorded, has stopped, woke from sleep).
    func isOn(_ field: FormField) -> Bool {
        switch field {
        case FormField.hasEnded: return endAt != nil
        case FormField.latencyKnown: return latencyMinutes != nil
        case FormField.hasStopped: return stopDate != nil
        case FormField.wokeFromSleep: return wokeFromSleep
        default: return false
        }
    }

    /// Whether choice `field` holds its "other" value (then its label field shows).
    func isOtherChosen(_ field: FormField) -> Bool {
        switch field {
        case FormField.exposureKind: return exposureKind.isOther()
        case FormField.treatmentCategory: return category.isOther()
        case FormField.analyte: return analyte.isOther()
        default: return false
        }
    }

    /// The text typed into text or number `field` ("" for any other field).
    func textOf(_ field: FormField) -> String {
        switch field {
        case FormField.otherExposureLabel:
            if case ExposureKind.other(label: let label) = exposureKind { return label } else { return "" }
        case FormField.otherCategoryLabel:
            if case TreatmentCategory.other(label: let label) = category { return label } else { return "" }
        case FormField.otherAnalyteLabel:
            if case Analyte.other(label: let label) = analyte { return label } else { return "" }
        case FormField.amount, FormField.dose, FormField.labValue: return amount
        case FormField.unit, FormField.labUnit: return unit
        case FormField.treatmentName: return name
        case FormField.visitWith: return clinician
        case FormField.visitQuestion: return question
        case FormField.note: return note
        default: return ""
        }
    }

    /// The moment of date-and-time `field` (nil for an episode still in progress).
    func momentOf(_ field: FormField) -> MomentField? {
        switch field {
        case FormField.startedAt, FormField.at: return at
        case FormField.endedAt: return endAt
        default: return nil
        }
    }

    /// The day of date `field` (nil while the treatment is taken).
    func dateOf(_ field: FormField) -> Date? {
        return field == FormField.stoppedOn ? stopDate : date
    }

    /// The whole number of `field`: the latency minutes or the IRLS total.
    func countOf(_ field: FormField) -> Int32? {
        switch field {
        case FormField.latencyMinutes: return latencyMinutes
        case FormField.irlsTotal: return Int32(irlsTotal)
        default: return nil
        }
    }

    /// A blank form of `kind` at now.
    static func blank(_ kind: EntryKind) -> AddForm {
        return AddForm(kind: kind)
    }
}

/// One choice of a choice field, as a chip or a switch shows it (the Kotlin `FieldChoice`).
struct FieldChoice: Hashable {
    let label: String
    let chosen: Bool
}

/// The core's vocabularies (fixed data: read once).
private let vocabulary: Vocabularies = vocabularies()

/// Whether choice `field` offers the vocabulary's "other" value (the core's form says).
private func offersOther(_ field: FormField) -> Bool {
    switch field.input() {
    case FieldInput.singleChoice(canClear: _, offersOther: let offers): return offers
    case FieldInput.multiChoice(offersOther: let offers): return offers
    default: return false
    }
}

/// The values of `field`'s vocabulary the form offers, in the core's order.
private func offered<T>(_ field: FormField, _ values: [T], isOther: (T) -> Bool) -> [T] {
    return offersOther(field) ? values : values.filter { !isOther($0) }
}

private let sides: [Side] = vocabulary.sides.map { $0.value }
private let bodyAreas: [BodyArea] = vocabulary.bodyAreas.map { $0.value }
private func settings(_ field: FormField) -> [Setting] { offered(field, vocabulary.settings.map { $0.value }) { $0.isOther() } }
private func exposureKinds(_ field: FormField) -> [ExposureKind] { offered(field, vocabulary.exposureKinds.map { $0.value }) { $0.isOther() } }
private func categories(_ field: FormField) -> [TreatmentCategory] { offered(field, vocabulary.treatmentCategories.map { $0.value }) { $0.isOther() } }
private func analytes(_ field: FormField) -> [Analyte] { offered(field, vocabulary.analytes.map { $0.value }) { $0.isOther() } }
private func sensations(_ field: FormField) -> [Sensation] { offered(field, vocabulary.sensations.map { $0.value }) { $0.isOther() } }

/// The whole numbers of a steps `field`, from the core's range.
private func steps(_ field: FormField) -> [Int32] {
    if case FieldInput.intensitySteps(range: let range) = field.input() {
        return Array(range.min...range.max)
    }
    return []
}

/// `value` chosen again: an "other" keeps the label already typed.
private func keepOther<T>(_ current: T, _ value: T, isOther: (T) -> Bool) -> T {
    return isOther(current) && isOther(value) ? current : value
}

/// The value at `index` of `values`, or nil (no index, or one not offered).
private func pick<T>(_ values: [T], _ index: Int?) -> T? {
    guard let index = index, values.indices.contains(index) else { return nil }
    return values[index]
}

/// Add or edit an exposure, treatment, dose, lab result, IRLS total or episode, mirroring
/// `AddPresenter` (whose docs hold for both): `entry(id:)` when editing, `treatments()` for the
/// dose picker. Writes: `saveEntry` (no id: add; an id: replace).
@MainActor
final class AddModel: ObservableObject {
    /// What the Add screen shows (the Kotlin `AddState`).
    struct State {
        var form = AddForm.blank(EntryKind.exposure)
        var editingId: String?
        /// Treatments to pick from for a dose (the core's `treatments()`).
        var treatments: [Treatment] = []
        var loading = false
        var busy = false
        var notice: Notice?
        var error: Error?

        var errorText: String? { error.map(sentenceOf) }
        var offersKindPicker: Bool { editingId == nil }
        /// The inputs shown now, in the core's order for the form's kind (`entryFormFields`).
        var fields: [FormField] {
            entryFormFields(kind: form.kind).filter { field in
                switch field.shownWhen() {
                case ShownWhen.always: return true
                case ShownWhen.toggleOn(toggle: let toggle): return form.isOn(toggle)
                case ShownWhen.otherChosen(choice: let choice): return form.isOtherChosen(choice)
                case ShownWhen.noChoices(picker: let picker): return choices(picker).isEmpty
                }
            }
        }
        var finishedEdit: Bool { editingId != nil && notice == Notice.entrySaved }
        var isEditing: Bool { editingId != nil }

        /// The choices of choice, steps, picker or questions `field`, in order, with the core's words.
        func choices(_ field: FormField) -> [FieldChoice] {
            switch field {
            case FormField.peakIntensity: return steps(field).map { FieldChoice(label: String($0), chosen: $0 == form.intensity) }
            case FormField.side: return sides.map { FieldChoice(label: $0.label(), chosen: $0 == form.side) }
            case FormField.settingAtOnset: return settings(field).map { FieldChoice(label: $0.label(), chosen: $0 == form.setting) }
            case FormField.bodyAreas: return bodyAreas.map { FieldChoice(label: $0.label(), chosen: form.bodyAreas.contains($0)) }
            case FormField.sensations: return sensations(field).map { FieldChoice(label: $0.label(), chosen: form.sensations.contains($0)) }
            case FormField.exposureKind:
                return exposureKinds(field).map { FieldChoice(label: $0.label(), chosen: $0 == form.exposureKind || ($0.isOther() && form.exposureKind.isOther())) }
            case FormField.treatmentCategory:
                return categories(field).map { FieldChoice(label: $0.label(), chosen: $0 == form.category || ($0.isOther() && form.category.isOther())) }
            case FormField.analyte:
                return analytes(field).map { FieldChoice(label: $0.label(), chosen: $0 == form.analyte || ($0.isOther() && form.analyte.isOther())) }
            case FormField.whichTreatment: return treatments.map { FieldChoice(label: $0.data.name, chosen: $0.id == form.treatmentId) }
            case FormField.safetyQuestions: return safetyCheckItems().map { FieldChoice(label: $0.question(), chosen: form.safetyYes.contains($0)) }
            default: return []
            }
        }
    }

    @Published private(set) var state = State()
    private let openStore: StoreSource
    private var loadedFor: String?

    init(openStore: @escaping StoreSource = appStore) {
        self.openStore = openStore
    }

    /// Starts a new entry of `kind`, or loads entry `editId`; again for the same kind and id (the
    /// view reappearing), it keeps the form and re-reads only the treatments.
    func load(kind: EntryKind?, editId: String?) {
        let key = "\(String(describing: kind))|\(editId ?? "")"
        let fresh = loadedFor != key
        if fresh {
            loadedFor = key
            state = State(form: AddForm.blank(kind ?? EntryKind.exposure), editingId: editId, loading: true)
        }
        Task { @MainActor in
            let failure = await attempt {
                let store = try await openStore()
                state.treatments = try await store.read { journal in try journal.treatments() }
                if fresh, let id = editId {
                    state.form = AddModel.form(of: try await store.read { journal in try journal.entry(id: id) })
                }
            }
            state.loading = false
            state.error = failure
        }
    }

    func edit(_ change: (inout AddForm) -> Void) {
        change(&state.form)
        state.notice = nil
    }

    /// Turns toggle `field` on or off: an end the core's default episode length after the start,
    /// the core's default latency, or stopped today, to start with (off: none).
    func setToggle(_ field: FormField, on: Bool) {
        let end = state.form.at.date.addingTimeInterval(Double(Rules.core.defaultEpisodeMinutes) * 60)
        edit { form in
            switch field {
            case FormField.hasEnded: form.endAt = on ? MomentField(new: end) : nil
            case FormField.latencyKnown: form.latencyMinutes = on ? Rules.core.defaultLatencyMinutes : nil
            case FormField.hasStopped: form.stopDate = on ? Date() : nil
            case FormField.wokeFromSleep: form.wokeFromSleep = on
            default: break
            }
        }
    }

    /// Types `text` into text or number `field` (an "other" label makes its choice that "other").
    func setText(_ field: FormField, _ text: String) {
        edit { form in
            switch field {
            case FormField.otherExposureLabel: form.exposureKind = ExposureKind.other(label: text)
            case FormField.otherCategoryLabel: form.category = TreatmentCategory.other(label: text)
            case FormField.otherAnalyteLabel: form.analyte = Analyte.other(label: text)
            case FormField.amount, FormField.dose, FormField.labValue: form.amount = text
            case FormField.unit, FormField.labUnit: form.unit = text
            case FormField.treatmentName: form.name = text
            case FormField.visitWith: form.clinician = text
            case FormField.visitQuestion: form.question = text
            case FormField.note: form.note = text
            default: break
            }
        }
    }

    /// Sets date-and-time `field`.
    func setMoment(_ field: FormField, _ value: MomentField) {
        edit { form in
            switch field {
            case FormField.startedAt, FormField.at: form.at = value
            case FormField.endedAt: form.endAt = value
            default: break
            }
        }
    }

    /// Sets date `field`.
    func setDate(_ field: FormField, _ value: Date) {
        edit { form in
            if field == FormField.stoppedOn { form.stopDate = value } else { form.date = value }
        }
    }

    /// Sets the whole number of `field`: the latency minutes or the IRLS total.
    func setCount(_ field: FormField, _ value: Int32) {
        edit { form in
            switch field {
            case FormField.latencyMinutes: form.latencyMinutes = value
            case FormField.irlsTotal: form.irlsTotal = Double(value)
            default: break
            }
        }
    }

    /// Chooses choice `index` (its place in `State.choices`) of single choice, steps or picker
    /// `field`; nil clears an optional one. An index that is not offered changes nothing.
    func choose(_ field: FormField, _ index: Int?) {
        let treatments = state.treatments
        edit { form in
            switch field {
            case FormField.peakIntensity: form.intensity = pick(steps(field), index) ?? form.intensity
            case FormField.side: form.side = pick(sides, index)
            case FormField.settingAtOnset: form.setting = pick(settings(field), index)
            case FormField.exposureKind:
                if let value = pick(exposureKinds(field), index) { form.exposureKind = keepOther(form.exposureKind, value) { $0.isOther() } }
            case FormField.treatmentCategory:
                if let value = pick(categories(field), index) { form.category = keepOther(form.category, value) { $0.isOther() } }
            case FormField.analyte:
                if let value = pick(analytes(field), index) { form.analyte = keepOther(form.analyte, value) { $0.isOther() } }
            case FormField.whichTreatment: form.treatmentId = pick(treatments, index)?.id
            default: break
            }
        }
    }

    /// Chooses exactly choices `indices` of multiple choice or questions `field` (as chips report them).
    func chooseAll(_ field: FormField, _ indices: [Int]) {
        func picked<T: Hashable>(_ values: [T]) -> [T] {
            var chosen: [T] = []
            for value in indices.compactMap({ pick(values, $0) }) where !chosen.contains(value) {
                chosen.append(value)
            }
            return chosen
        }
        edit { form in
            switch field {
            case FormField.bodyAreas: form.bodyAreas = picked(bodyAreas)
            case FormField.sensations: form.sensations = picked(sensations(field))
            case FormField.safetyQuestions: form.safetyYes = picked(safetyCheckItems())
            default: break
            }
        }
    }

    /// Chooses or unchooses choice `index` of multiple choice or questions `field` (as a switch reports it).
    func setChosen(_ field: FormField, _ index: Int, chosen: Bool) {
        let choices = state.choices(field)
        let now = choices.indices.filter { choices[$0].chosen }
        chooseAll(field, chosen ? now + [index] : now.filter { $0 != index })
    }

    /// Saves through the core, which validates everything; a new form of the same kind follows an add.
    func save() {
        let form = state.form
        let id = state.editingId
        state.busy = true
        state.error = nil
        state.notice = nil
        Task { @MainActor in
            let failure = await attempt { try await AddModel.saveThroughCore(try await openStore(), form: form, id: id) }
            state.busy = false
            state.error = failure
            state.notice = failure == nil ? Notice.entrySaved : nil
            state.form = failure == nil && id == nil ? AddForm.blank(form.kind) : state.form
        }
    }

    /// The form as the core's `EntryData`, saved with its one call (no id: add; an id: replace).
    private static func saveThroughCore(_ store: JournalStore, form: AddForm, id: String?) async throws {
        let note = form.note.isEmpty ? nil : form.note
        let unit = form.unit.isEmpty ? nil : form.unit
        let entryData: EntryData
        switch form.kind {
        case EntryKind.episode:
            entryData = EntryData.episode(data: EpisodeData(
                startedAt: form.at.moment(),
                endedAt: form.endAt.map { $0.moment() },
                peakIntensity: form.intensity,
                latencyMinutes: form.latencyMinutes,
                setting: form.setting,
                side: form.side,
                bodyAreas: form.bodyAreas,
                sensations: form.sensations,
                wokeFromSleep: form.wokeFromSleep,
                note: note
            ))
        case EntryKind.exposure:
            entryData = EntryData.exposure(data: ExposureData(
                at: form.at.moment(), kind: form.exposureKind, amount: typedNumber(form.amount), unit: unit, note: note
            ))
        case EntryKind.treatment:
            // The form does not edit dose steps or times a day: an edit keeps the stored ones.
            var stored: TreatmentData?
            if let id = id {
                let entry = try await store.read { journal in try journal.entry(id: id) }
                if case Entry.treatment(treatment: let t) = entry {
                    stored = t.data
                }
            }
            entryData = EntryData.treatment(data: TreatmentData(
                name: form.name,
                category: form.category,
                dose: typedNumber(form.amount),
                doseUnit: unit,
                startedOn: LocalDates.localDate(form.date),
                stoppedOn: form.stopDate.map { LocalDates.localDate($0) },
                note: note,
                timesPerDay: stored?.timesPerDay,
                doseChanges: stored?.doseChanges ?? []
            ))
        case EntryKind.dose:
            entryData = EntryData.dose(data: DoseData(
                treatmentId: form.treatmentId ?? "", at: form.at.moment(), amount: typedNumber(form.amount)
            ))
        case EntryKind.labResult:
            entryData = EntryData.labResult(data: LabResultData(
                takenOn: LocalDates.localDate(form.date),
                analyte: form.analyte,
                value: typedNumber(form.amount) ?? Double.nan,
                unit: form.unit,
                note: note
            ))
        case EntryKind.severityRating:
            entryData = EntryData.severityRating(data: SeverityRatingData(
                ratedOn: LocalDates.localDate(form.date), irlsTotal: Int32(form.irlsTotal), note: note
            ))
        case EntryKind.visit:
            entryData = EntryData.visit(data: VisitData(
                visitOn: LocalDates.localDate(form.date),
                clinician: form.clinician.isEmpty ? nil : form.clinician,
                question: form.question.isEmpty ? nil : form.question,
                note: note
            ))
        case EntryKind.safetyCheck:
            entryData = EntryData.safetyCheck(data: SafetyCheckData(
                checkedOn: LocalDates.localDate(form.date), answeredYes: form.safetyYes, note: note
            ))
        case EntryKind.sleepDiary, EntryKind.noSymptoms:
            return
        }
        _ = try await store.write { journal in try journal.saveEntry(id: id, data: entryData) }
    }

    /// Blank is "not given"; anything else is passed on as a number, or NaN for the core to reject.
    private static func typedNumber(_ amount: String) -> Double? {
        let text = amount.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        return text.isEmpty ? nil : Double(text) ?? Double.nan
    }

    /// The form showing a stored entry.
    private static func form(of entry: Entry) -> AddForm {
        var form = AddForm.blank(EntryKind.exposure)
        switch entry {
        case Entry.episode(episode: let episode):
            let d = episode.data
            form.kind = EntryKind.episode
            form.at = MomentField(stored: d.startedAt)
            form.endAt = d.endedAt.map { MomentField(stored: $0) }
            form.intensity = d.peakIntensity
            form.side = d.side
            form.bodyAreas = d.bodyAreas
            form.sensations = d.sensations
            form.setting = d.setting
            form.latencyMinutes = d.latencyMinutes
            form.wokeFromSleep = d.wokeFromSleep
            form.note = d.note ?? ""
        case Entry.exposure(exposure: let exposure):
            let d = exposure.data
            form.kind = EntryKind.exposure
            form.at = MomentField(stored: d.at)
            form.exposureKind = d.kind
            form.amount = d.amount.map { String($0) } ?? ""
            form.unit = d.unit ?? ""
            form.note = d.note ?? ""
        case Entry.treatment(treatment: let treatment):
            let d = treatment.data
            form.kind = EntryKind.treatment
            form.name = d.name
            form.category = d.category
            form.amount = d.dose.map { String($0) } ?? ""
            form.unit = d.doseUnit ?? ""
            form.date = LocalDates.date(d.startedOn)
            form.stopDate = d.stoppedOn.map { LocalDates.date($0) }
            form.note = d.note ?? ""
        case Entry.dose(dose: let dose):
            let d = dose.data
            form.kind = EntryKind.dose
            form.treatmentId = d.treatmentId
            form.at = MomentField(stored: d.at)
            form.amount = d.amount.map { String($0) } ?? ""
        case Entry.labResult(lab: let lab):
            let d = lab.data
            form.kind = EntryKind.labResult
            form.date = LocalDates.date(d.takenOn)
            form.analyte = d.analyte
            form.amount = String(d.value)
            form.unit = d.unit
            form.note = d.note ?? ""
        case Entry.severityRating(rating: let rating):
            let d = rating.data
            form.kind = EntryKind.severityRating
            form.date = LocalDates.date(d.ratedOn)
            form.irlsTotal = Double(d.irlsTotal)
            form.note = d.note ?? ""
        case Entry.visit(visit: let visit):
            let d = visit.data
            form.kind = EntryKind.visit
            form.date = LocalDates.date(d.visitOn)
            form.clinician = d.clinician ?? ""
            form.question = d.question ?? ""
            form.note = d.note ?? ""
        case Entry.safetyCheck(check: let check):
            form.kind = EntryKind.safetyCheck
            form.date = LocalDates.date(check.data.checkedOn)
            form.safetyYes = check.data.answeredYes
            form.note = check.data.note ?? ""
        case Entry.sleepDiary:
            form.kind = EntryKind.sleepDiary
        case Entry.noSymptoms:
            form.kind = EntryKind.noSymptoms
        }
        return form
    }
}
