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

    /// Whether the form has a moment field (episodes, exposures, doses) rather than a day.
    var hasMoment: Bool { [EntryKind.episode, EntryKind.exposure, EntryKind.dose].contains(kind) }
    /// Whether the note field shows (a dose has no note).
    var hasNote: Bool { kind != EntryKind.dose }

    /// The label typed for an "other" exposure (empty for the fixed kinds); typing one makes it "other".
    var otherExposure: String {
        get { if case ExposureKind.other(label: let label) = exposureKind { return label } else { return "" } }
        set { exposureKind = ExposureKind.other(label: newValue) }
    }
    /// The label typed for an "other" treatment category.
    var otherCategory: String {
        get { if case TreatmentCategory.other(label: let label) = category { return label } else { return "" } }
        set { category = TreatmentCategory.other(label: newValue) }
    }
    /// The label typed for an "other" lab test.
    var otherAnalyte: String {
        get { if case Analyte.other(label: let label) = analyte { return label } else { return "" } }
        set { analyte = Analyte.other(label: newValue) }
    }

    /// A blank form of `kind` at now.
    static func blank(_ kind: EntryKind) -> AddForm {
        return AddForm(kind: kind)
    }
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
        var needsTreatmentFirst: Bool { form.kind == EntryKind.dose && treatments.isEmpty }
        var finishedEdit: Bool { editingId != nil && notice == Notice.entrySaved }
        var isEditing: Bool { editingId != nil }
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

    /// An end the core's default episode length after the start, or none.
    func setEnded(_ ended: Bool) {
        let end = state.form.at.date.addingTimeInterval(Double(Rules.core.defaultEpisodeMinutes) * 60)
        edit { $0.endAt = ended ? MomentField(new: end) : nil }
    }

    /// The core's default latency to start, or none.
    func setLatencyKnown(_ known: Bool) {
        edit { $0.latencyMinutes = known ? Rules.core.defaultLatencyMinutes : nil }
    }

    /// Stopped today, to start with, or not stopped.
    /// Answers one drug-safety question "yes" or "no".
    func answerSafety(_ item: SafetyItem, yes: Bool) {
        edit { form in
            form.safetyYes = yes ? (form.safetyYes.contains(item) ? form.safetyYes : form.safetyYes + [item]) : form.safetyYes.filter { $0 != item }
        }
    }

    func setStopped(_ stopped: Bool) {
        edit { $0.stopDate = stopped ? Date() : nil }
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
