import RLSJournal
import SwiftUI

/// Add (or, with `editId`, edit) an exposure, treatment, dose, lab result, IRLS total or
/// episode, at any time in the past. Renders `AddModel`'s state and forwards every change to it.
struct AddEntryView: View {
    let kind: EntryKind?
    let editId: String?

    @StateObject private var model = AddModel()
    @Environment(\.dismiss) private var dismiss

    var body: some View {
        let state = model.state
        Form {
            if let error = state.errorText {
                MessageView(text: error, isError: true)
            }
            if let notice = state.notice {
                MessageView(text: notice.text, isError: false)
            }
            if state.offersKindPicker {
                Section("What") {
                    ChoiceChips(
                        choices: Vocabulary.addableKinds,
                        selected: state.form.kind,
                        label: { $0.label() },
                        onSelect: { value in model.edit { $0.kind = value ?? $0.kind } }
                    )
                }
            }
            fields(state)
            if state.form.hasNote {
                TextField("Note (optional)", text: field(\.note), axis: .vertical)
                    .accessibilityLabel("Note, optional")
            }
            Button("Save") { model.save() }
                .buttonStyle(BigButtonStyle(emphasis: true))
                .disabled(state.busy)
                .accessibilityLabel("Save the \(state.form.kind.label())")
        }
        .navigationTitle(state.isEditing ? "Edit \(state.form.kind.label())" : "Add")
        .task { model.load(kind: kind, editId: editId) }
        .onChange(of: state.finishedEdit) { finished in
            if finished {
                dismiss()
            }
        }
    }

    /// The form's value at `path`, changed through the model.
    private func field<T>(_ path: WritableKeyPath<AddForm, T>) -> Binding<T> {
        return Binding(get: { model.state.form[keyPath: path] }, set: { value in model.edit { $0[keyPath: path] = value } })
    }

    @ViewBuilder
    private func fields(_ state: AddModel.State) -> some View {
        switch state.form.kind {
        case EntryKind.episode: episodeFields(state.form)
        case EntryKind.exposure: exposureFields(state.form)
        case EntryKind.treatment: treatmentFields(state.form)
        case EntryKind.dose: doseFields(state)
        case EntryKind.labResult: labFields(state.form)
        case EntryKind.severityRating: ratingFields(state.form)
        case EntryKind.sleepDiary, EntryKind.noSymptoms: Text("Sleep diaries are filled in on the Morning screen.")
        case EntryKind.visit: visitFields(state.form)
        case EntryKind.safetyCheck: safetyFields(state.form)
        }
    }

    @ViewBuilder
    private func episodeFields(_ form: AddForm) -> some View {
        Section("When") {
            MomentPicker("Started", field: field(\.at))
            Toggle("It has ended", isOn: Binding(get: { form.endAt != nil }, set: { model.setEnded($0) }))
            if let end = form.endAt {
                MomentPicker("Ended", field: Binding(get: { end }, set: { value in model.edit { $0.endAt = value } }))
            }
        }
        Section("Worst intensity (1–10)") {
            ChoiceChips(
                choices: Rules.intensities,
                selected: form.intensity,
                label: { String($0) },
                onSelect: { value in model.edit { $0.intensity = value ?? $0.intensity } }
            )
        }
        Section("Side") {
            ChoiceChips(choices: Vocabulary.sides, selected: form.side, label: { $0.label() }, onSelect: { value in model.edit { $0.side = value } })
        }
        Section("Where") {
            MultiChoiceChips(choices: Vocabulary.bodyAreas, selected: form.bodyAreas, label: { $0.label() }, onChange: { value in model.edit { $0.bodyAreas = value } })
        }
        Section("How it felt") {
            MultiChoiceChips(choices: Vocabulary.sensations, selected: form.sensations, label: { $0.label() }, onChange: { value in model.edit { $0.sensations = value } })
        }
        Section("Where you were when it began") {
            ChoiceChips(choices: Vocabulary.settings, selected: form.setting, label: { $0.label() }, onSelect: { value in model.edit { $0.setting = value } })
        }
        Section("Time at rest before it began") {
            Toggle("Record it", isOn: Binding(get: { form.latencyMinutes != nil }, set: { model.setLatencyKnown($0) }))
            if let latency = form.latencyMinutes {
                StepperRow(
                    label: "Time at rest before it began",
                    value: "\(latency) min",
                    onMinus: { model.edit { $0.latencyMinutes = Steps.minutes(latency, steps: -1) } },
                    onPlus: { model.edit { $0.latencyMinutes = Steps.minutes(latency, steps: 1) } }
                )
            }
            Toggle("It woke me from sleep", isOn: field(\.wokeFromSleep))
        }
    }

    @ViewBuilder
    private func exposureFields(_ form: AddForm) -> some View {
        Section("When") {
            MomentPicker("When", field: field(\.at))
        }
        Section("What") {
            ChoiceChips(
                choices: Vocabulary.exposureKinds,
                selected: form.exposureKind,
                label: { $0.label() },
                sameAs: { a, b in a == b || (a.isOther() && b.isOther()) },
                onSelect: { value in model.edit { $0.exposureKind = value ?? $0.exposureKind } }
            )
            if form.exposureKind.isOther() {
                TextField("What it was", text: field(\.otherExposure))
            }
            TextField("Amount (optional)", text: field(\.amount))
                .keyboardType(.decimalPad)
            TextField("Unit (optional)", text: field(\.unit))
        }
    }

    @ViewBuilder
    private func treatmentFields(_ form: AddForm) -> some View {
        Section("Treatment") {
            TextField("Name", text: field(\.name))
            ChoiceChips(
                choices: Vocabulary.treatmentCategories,
                selected: form.category,
                label: { $0.label() },
                sameAs: { a, b in a == b || (a.isOther() && b.isOther()) },
                onSelect: { value in model.edit { $0.category = value ?? $0.category } }
            )
            if form.category.isOther() {
                TextField("What it is", text: field(\.otherCategory))
            }
            TextField("Dose (optional)", text: field(\.amount))
                .keyboardType(.decimalPad)
            TextField("Unit (optional)", text: field(\.unit))
        }
        Section("Dates") {
            DatePicker("Started on", selection: field(\.date), displayedComponents: .date)
            Toggle("It has stopped", isOn: Binding(get: { form.stopDate != nil }, set: { model.setStopped($0) }))
            if let stop = form.stopDate {
                DatePicker("Stopped on", selection: Binding(get: { stop }, set: { value in model.edit { $0.stopDate = value } }), displayedComponents: .date)
            }
        }
    }

    @ViewBuilder
    private func doseFields(_ state: AddModel.State) -> some View {
        Section("Which treatment") {
            if state.needsTreatmentFirst {
                Text("Add the treatment first (Add, Treatment), then its doses.")
            }
            ChoiceChips(
                choices: state.treatments.map { $0.id },
                selected: state.form.treatmentId,
                label: { id in state.treatments.first(where: { $0.id == id })?.data.name ?? id },
                onSelect: { value in model.edit { $0.treatmentId = value } }
            )
        }
        Section("When") {
            MomentPicker("When", field: field(\.at))
            TextField("Amount (optional)", text: field(\.amount))
                .keyboardType(.decimalPad)
        }
    }

    @ViewBuilder
    private func labFields(_ form: AddForm) -> some View {
        Section("Lab result") {
            DatePicker("Taken on", selection: field(\.date), displayedComponents: .date)
            ChoiceChips(
                choices: Vocabulary.analytes,
                selected: form.analyte,
                label: { $0.label() },
                sameAs: { a, b in a == b || (a.isOther() && b.isOther()) },
                onSelect: { value in model.edit { $0.analyte = value ?? $0.analyte } }
            )
            if form.analyte.isOther() {
                TextField("Which test", text: field(\.otherAnalyte))
            }
            TextField("Value", text: field(\.amount))
                .keyboardType(.decimalPad)
            TextField("Unit (e.g. µg/L)", text: field(\.unit))
        }
    }

    @ViewBuilder
    private func ratingFields(_ form: AddForm) -> some View {
        Section("IRLS total: \(Int(form.irlsTotal))") {
            DatePicker("Rated on", selection: field(\.date), displayedComponents: .date)
            Text("The total from your clinician's IRLS form (0–40).").font(.subheadline)
            Slider(value: field(\.irlsTotal), in: Double(Rules.core.irlsTotal.min)...Double(Rules.core.irlsTotal.max), step: 1)
                .accessibilityLabel("IRLS total")
                .accessibilityValue("\(Int(form.irlsTotal))")
        }
    }

    @ViewBuilder
    private func visitFields(_ form: AddForm) -> some View {
        Section("Clinician visit") {
            DatePicker("Visit date", selection: field(\.date), displayedComponents: .date)
            TextField("With (optional)", text: field(\.clinician))
            TextField("Your question for this visit (optional)", text: field(\.question))
        }
    }

    /// The core's questions (`safetyCheckItems()`, `question()`), each a yes/no toggle.
    @ViewBuilder
    private func safetyFields(_ form: AddForm) -> some View {
        Section("Drug-safety check-in") {
            DatePicker("Check-in date", selection: field(\.date), displayedComponents: .date)
            ForEach(safetyCheckItems(), id: \.self) { item in
                Toggle(item.question(), isOn: Binding(get: { form.safetyYes.contains(item) }, set: { model.answerSafety(item, yes: $0) }))
            }
        }
    }
}
