import RLSJournal
import SwiftUI

/// The entry being added or edited: the raw inputs. Amounts are kept as typed; the core checks
/// them (text that is not a number goes to the core as NaN, which it rejects with its reason).
struct AddForm {
    var kind: EntryKind = EntryKind.exposure
    /// When it happened (episode start, exposure, dose): backdating is changing this. When
    /// editing, it keeps the stored moment (offset included) unless the person changes it.
    var at = MomentField(new: Date())
    /// Episode end; nil while it is in progress.
    var endAt: MomentField?
    /// The day (treatment start, lab, rating).
    var day = Date()
    /// Treatment stop day; nil while it is taken.
    var stopDay: Date?
    var intensity: Int32 = 5
    var side: Side?
    var bodyAreas: [BodyArea] = []
    var sensations: [Sensation] = []
    var setting: Setting?
    var latencyMinutes: Int32?
    var wokeFromSleep = false
    var exposureKind: ExposureKind = ExposureKind.caffeine
    var name = ""
    var category: TreatmentCategory = TreatmentCategory.dopamineAgonist
    var treatmentId: String?
    var analyte: Analyte = Analyte.ferritin
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

    /// Blank is "not given"; anything else is passed on as a number, or NaN for the core to reject.
    func typedNumber() -> Double? {
        let text = amount.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        if text.isEmpty {
            return nil
        }
        return Double(text) ?? Double.nan
    }

    var optionalNote: String? {
        return note.isEmpty ? nil : note
    }

    var optionalUnit: String? {
        return unit.isEmpty ? nil : unit
    }
}

/// Add (or, with `editId`, edit) an exposure, treatment, dose, lab result, IRLS total or
/// episode, at any time in the past. Filled by the core's `entry(id:)` when editing (and
/// `treatments()` for the dose picker). Writes: `add…`/`edit…` of that kind.
struct AddEntryView: View {
    let kind: EntryKind?
    let editId: String?

    @EnvironmentObject private var store: JournalStore
    @Environment(\.dismiss) private var dismiss
    @State private var form = AddForm()
    /// Whether the form was filled: `.task` runs again each time the view reappears (a tab
    /// switch), and must not replace what the person typed.
    @State private var loaded = false
    @State private var treatments: [Treatment] = []
    @State private var busy = false
    @State private var saved: String?
    @State private var error: String?

    var body: some View {
        Form {
            if let error = error {
                MessageView(text: error, isError: true)
            }
            if let saved = saved {
                MessageView(text: saved, isError: false)
            }
            if editId == nil {
                Section("What") {
                    ChoiceChips(
                        choices: Vocabulary.addableKinds,
                        selected: form.kind,
                        label: { $0.label() },
                        onSelect: { value in
                            if let value = value {
                                form.kind = value
                            }
                        }
                    )
                }
            }
            fields
            if form.kind != EntryKind.dose {
                TextField("Note (optional)", text: $form.note, axis: .vertical)
                    .accessibilityLabel("Note, optional")
            }
            Button("Save") { save() }
                .buttonStyle(BigButtonStyle(emphasis: true))
                .disabled(busy)
                .accessibilityLabel("Save the \(form.kind.label())")
        }
        .navigationTitle(editId == nil ? "Add" : "Edit \(form.kind.label())")
        .task { await load() }
    }

    @ViewBuilder
    private var fields: some View {
        if form.kind == EntryKind.episode {
            episodeFields
        } else if form.kind == EntryKind.exposure {
            exposureFields
        } else if form.kind == EntryKind.treatment {
            treatmentFields
        } else if form.kind == EntryKind.dose {
            doseFields
        } else if form.kind == EntryKind.labResult {
            labFields
        } else if form.kind == EntryKind.severityRating {
            ratingFields
        } else if form.kind == EntryKind.visit {
            visitFields
        } else if form.kind == EntryKind.safetyCheck {
            safetyFields
        } else {
            Text("Sleep diaries are filled in on the Morning screen.")
        }
    }

    @ViewBuilder
    private var episodeFields: some View {
        Section("When") {
            MomentPicker("Started", field: $form.at)
            Toggle("It has ended", isOn: Binding(
                get: { form.endAt != nil },
                set: { ended in form.endAt = ended ? MomentField(new: form.at.date.addingTimeInterval(Double(Rules.core.defaultEpisodeMinutes) * 60)) : nil }
            ))
            if form.endAt != nil {
                MomentPicker("Ended", field: Binding(
                    get: { form.endAt ?? form.at },
                    set: { form.endAt = $0 }
                ))
            }
        }
        Section("Worst intensity (1–10)") {
            ChoiceChips(
                choices: Rules.intensities,
                selected: form.intensity,
                label: { String($0) },
                onSelect: { value in
                    if let value = value {
                        form.intensity = value
                    }
                }
            )
        }
        Section("Side") {
            ChoiceChips(choices: Vocabulary.sides, selected: form.side, label: { $0.label() }, onSelect: { form.side = $0 })
        }
        Section("Where") {
            MultiChoiceChips(choices: Vocabulary.bodyAreas, selected: form.bodyAreas, label: { $0.label() }, onChange: { form.bodyAreas = $0 })
        }
        Section("How it felt") {
            MultiChoiceChips(choices: Vocabulary.sensations, selected: form.sensations, label: { $0.label() }, onChange: { form.sensations = $0 })
        }
        Section("Where you were when it began") {
            ChoiceChips(choices: Vocabulary.settings, selected: form.setting, label: { $0.label() }, onSelect: { form.setting = $0 })
        }
        Section("Time at rest before it began") {
            Toggle("Record it", isOn: Binding(
                get: { form.latencyMinutes != nil },
                set: { on in form.latencyMinutes = on ? Rules.core.defaultLatencyMinutes : nil }
            ))
            if let latency = form.latencyMinutes {
                StepperRow(
                    label: "Time at rest before it began",
                    value: "\(latency) min",
                    onMinus: { form.latencyMinutes = latency >= 5 ? latency - 5 : 0 },
                    onPlus: { form.latencyMinutes = latency + 5 }
                )
            }
            Toggle("It woke me from sleep", isOn: $form.wokeFromSleep)
        }
    }

    @ViewBuilder
    private var exposureFields: some View {
        Section("When") {
            MomentPicker("When", field: $form.at)
        }
        Section("What") {
            ChoiceChips(
                choices: Vocabulary.exposureKinds,
                selected: form.exposureKind,
                label: { $0.label() },
                sameAs: { a, b in a == b || (a.isOther() && b.isOther()) },
                onSelect: { value in
                    if let value = value {
                        form.exposureKind = value
                    }
                }
            )
            if form.exposureKind.isOther() {
                TextField("What it was", text: Binding(
                    get: { otherLabel(form.exposureKind) },
                    set: { form.exposureKind = ExposureKind.other(label: $0) }
                ))
            }
            TextField("Amount (optional)", text: $form.amount)
                .keyboardType(.decimalPad)
            TextField("Unit (optional)", text: $form.unit)
        }
    }

    @ViewBuilder
    private var treatmentFields: some View {
        Section("Treatment") {
            TextField("Name", text: $form.name)
            ChoiceChips(
                choices: Vocabulary.treatmentCategories,
                selected: form.category,
                label: { $0.label() },
                sameAs: { a, b in a == b || (a.isOther() && b.isOther()) },
                onSelect: { value in
                    if let value = value {
                        form.category = value
                    }
                }
            )
            if form.category.isOther() {
                TextField("What it is", text: Binding(
                    get: { otherLabel(form.category) },
                    set: { form.category = TreatmentCategory.other(label: $0) }
                ))
            }
            TextField("Dose (optional)", text: $form.amount)
                .keyboardType(.decimalPad)
            TextField("Unit (optional)", text: $form.unit)
        }
        Section("Dates") {
            DatePicker("Started on", selection: $form.day, displayedComponents: .date)
            Toggle("It has stopped", isOn: Binding(
                get: { form.stopDay != nil },
                set: { stopped in form.stopDay = stopped ? Date() : nil }
            ))
            if form.stopDay != nil {
                DatePicker("Stopped on", selection: Binding(
                    get: { form.stopDay ?? Date() },
                    set: { form.stopDay = $0 }
                ), displayedComponents: .date)
            }
        }
    }

    @ViewBuilder
    private var doseFields: some View {
        Section("Which treatment") {
            if treatments.isEmpty {
                Text("Add the treatment first (Add, Treatment), then its doses.")
            }
            ChoiceChips(
                choices: treatments.map { $0.id },
                selected: form.treatmentId,
                label: { id in treatments.first(where: { $0.id == id })?.data.name ?? id },
                onSelect: { form.treatmentId = $0 }
            )
        }
        Section("When") {
            MomentPicker("When", field: $form.at)
            TextField("Amount (optional)", text: $form.amount)
                .keyboardType(.decimalPad)
        }
    }

    @ViewBuilder
    private var labFields: some View {
        Section("Lab result") {
            DatePicker("Taken on", selection: $form.day, displayedComponents: .date)
            ChoiceChips(
                choices: Vocabulary.analytes,
                selected: form.analyte,
                label: { $0.label() },
                sameAs: { a, b in a == b || (a.isOther() && b.isOther()) },
                onSelect: { value in
                    if let value = value {
                        form.analyte = value
                    }
                }
            )
            if form.analyte.isOther() {
                TextField("Which test", text: Binding(
                    get: { otherLabel(form.analyte) },
                    set: { form.analyte = Analyte.other(label: $0) }
                ))
            }
            TextField("Value", text: $form.amount)
                .keyboardType(.decimalPad)
            TextField("Unit (e.g. µg/L)", text: $form.unit)
        }
    }

    @ViewBuilder
    private var ratingFields: some View {
        Section("IRLS total: \(Int(form.irlsTotal))") {
            DatePicker("Rated on", selection: $form.day, displayedComponents: .date)
            Text("The total from your clinician's IRLS form (0–40).").font(.subheadline)
            Slider(value: $form.irlsTotal, in: Double(Rules.core.irlsTotal.min)...Double(Rules.core.irlsTotal.max), step: 1)
                .accessibilityLabel("IRLS total")
                .accessibilityValue("\(Int(form.irlsTotal))")
        }
    }

    private var visitFields: some View {
        Section("Clinician visit") {
            DatePicker("Visit date", selection: $form.day, displayedComponents: .date)
            TextField("With (optional)", text: $form.clinician)
            TextField("Your question for this visit (optional)", text: $form.question)
        }
    }

    /// The core's questions (`safetyCheckItems()`, `question()`), each a yes/no toggle.
    private var safetyFields: some View {
        Section("Drug-safety check-in") {
            DatePicker("Check-in date", selection: $form.day, displayedComponents: .date)
            ForEach(safetyCheckItems(), id: \.self) { item in
                Toggle(item.question(), isOn: Binding(
                    get: { form.safetyYes.contains(item) },
                    set: { yes in form.safetyYes = yes ? form.safetyYes + [item] : form.safetyYes.filter { $0 != item } }
                ))
            }
        }
    }

    private func otherLabel(_ kind: ExposureKind) -> String {
        if case ExposureKind.other(label: let label) = kind {
            return label
        }
        return ""
    }

    private func otherLabel(_ category: TreatmentCategory) -> String {
        if case TreatmentCategory.other(label: let label) = category {
            return label
        }
        return ""
    }

    private func otherLabel(_ analyte: Analyte) -> String {
        if case Analyte.other(label: let label) = analyte {
            return label
        }
        return ""
    }

    private func load() async {
        do {
            // The dose picker's treatments are re-read every time; the form only once.
            treatments = try await store.read { journal in try journal.treatments() }
            if loaded {
                return
            }
            loaded = true
            if let kind = kind {
                form.kind = kind
            }
            if let id = editId {
                let entry = try await store.read { journal in try journal.entry(id: id) }
                form = AddEntryView.form(of: entry)
            }
        } catch {
            self.error = ErrorText.describe(error)
        }
    }

    private func save() {
        let current = form
        let id = editId
        busy = true
        error = nil
        saved = nil
        Task { @MainActor in
            do {
                try await AddEntryView.write(current, id: id, store: store)
                if id == nil {
                    saved = "Saved."
                    form = AddForm(kind: current.kind)
                } else {
                    dismiss()
                }
            } catch {
                self.error = ErrorText.describe(error)
            }
            busy = false
        }
    }

    /// The entry's data, saved with the core's one save call (adds without an id, replaces with one).
    private static func write(_ form: AddForm, id: String?, store: JournalStore) async throws {
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
                note: form.optionalNote
            ))
        case EntryKind.exposure:
            entryData = EntryData.exposure(data: ExposureData(
                at: form.at.moment(),
                kind: form.exposureKind,
                amount: form.typedNumber(),
                unit: form.optionalUnit,
                note: form.optionalNote
            ))
        case EntryKind.treatment:
            // The form does not edit dose steps: an edit keeps the stored ones.
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
                dose: form.typedNumber(),
                doseUnit: form.optionalUnit,
                startedOn: LocalDates.localDate(form.day),
                stoppedOn: form.stopDay.map { LocalDates.localDate($0) },
                note: form.optionalNote,
                timesPerDay: stored?.timesPerDay,
                doseChanges: stored?.doseChanges ?? []
            ))
        case EntryKind.dose:
            entryData = EntryData.dose(data: DoseData(
                treatmentId: form.treatmentId ?? "",
                at: form.at.moment(),
                amount: form.typedNumber()
            ))
        case EntryKind.labResult:
            entryData = EntryData.labResult(data: LabResultData(
                takenOn: LocalDates.localDate(form.day),
                analyte: form.analyte,
                value: form.typedNumber() ?? Double.nan,
                unit: form.unit,
                note: form.optionalNote
            ))
        case EntryKind.severityRating:
            entryData = EntryData.severityRating(data: SeverityRatingData(
                ratedOn: LocalDates.localDate(form.day),
                irlsTotal: Int32(form.irlsTotal),
                note: form.optionalNote
            ))
        case EntryKind.visit:
            entryData = EntryData.visit(data: VisitData(
                visitOn: LocalDates.localDate(form.day),
                clinician: form.clinician.isEmpty ? nil : form.clinician,
                question: form.question.isEmpty ? nil : form.question,
                note: form.optionalNote
            ))
        case EntryKind.safetyCheck:
            entryData = EntryData.safetyCheck(data: SafetyCheckData(
                checkedOn: LocalDates.localDate(form.day),
                answeredYes: form.safetyYes,
                note: form.optionalNote
            ))
        case EntryKind.sleepDiary, EntryKind.noSymptoms:
            return
        }
        _ = try await store.write { journal in try journal.saveEntry(id: id, data: entryData) }
    }

    /// The form showing a stored entry.
    private static func form(of entry: Entry) -> AddForm {
        var form = AddForm()
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
            form.day = LocalDates.date(d.startedOn)
            form.stopDay = d.stoppedOn.map { LocalDates.date($0) }
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
            form.day = LocalDates.date(d.takenOn)
            form.analyte = d.analyte
            form.amount = String(d.value)
            form.unit = d.unit
            form.note = d.note ?? ""
        case Entry.severityRating(rating: let rating):
            let d = rating.data
            form.kind = EntryKind.severityRating
            form.day = LocalDates.date(d.ratedOn)
            form.irlsTotal = Double(d.irlsTotal)
            form.note = d.note ?? ""
        case Entry.visit(visit: let visit):
            let d = visit.data
            form.kind = EntryKind.visit
            form.day = LocalDates.date(d.visitOn)
            form.clinician = d.clinician ?? ""
            form.question = d.question ?? ""
            form.note = d.note ?? ""
        case Entry.safetyCheck(check: let check):
            form.kind = EntryKind.safetyCheck
            form.day = LocalDates.date(check.data.checkedOn)
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
