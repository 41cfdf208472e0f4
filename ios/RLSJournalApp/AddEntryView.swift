import RLSJournal
import SwiftUI

/// Add (or, with `editId`, edit) an entry. The fields, their order, their words and when each
/// shows come from the core through `AddModel` (`state.fields`); this view draws each field by
/// its input and forwards every change to the model.
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
                Section {
                    ChoiceChips(
                        choices: Vocabulary.addableKinds,
                        selected: state.form.kind,
                        label: { $0.label() },
                        onSelect: { value in model.edit { $0.kind = value ?? $0.kind } }
                    )
                }
            }
            Section(state.form.kind.label()) {
                ForEach(state.fields, id: \.self) { field in
                    fieldRow(field, state)
                }
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

    /// One field, drawn by its input (the core's `FieldInput`) with the core's words.
    @ViewBuilder
    private func fieldRow(_ field: FormField, _ state: AddModel.State) -> some View {
        let form = state.form
        let label = field.label()
        switch field.input() {
        case FieldInput.momentPicker:
            if let moment = form.momentOf(field) {
                MomentPicker(label, field: Binding(get: { moment }, set: { model.setMoment(field, $0) }))
            }
        case FieldInput.datePicker:
            if let day = form.dateOf(field) {
                DatePicker(label, selection: Binding(get: { day }, set: { model.setDate(field, $0) }), displayedComponents: .date)
            }
        case FieldInput.toggle:
            Toggle(label, isOn: Binding(get: { form.isOn(field) }, set: { model.setToggle(field, on: $0) }))
        case FieldInput.singleChoice(canClear: let canClear, offersOther: _):
            choices(label, state.choices(field), canClear: canClear) { model.choose(field, $0) }
        case FieldInput.intensitySteps(range: _):
            choices(label, state.choices(field), canClear: false) { model.choose(field, $0) }
        case FieldInput.treatmentPicker:
            choices(label, state.choices(field), canClear: true) { model.choose(field, $0) }
        case FieldInput.multiChoice(offersOther: _):
            let all = state.choices(field)
            VStack(alignment: .leading) {
                Text(label).font(.headline)
                MultiChoiceChips(choices: Array(all.indices), selected: all.indices.filter { all[$0].chosen }, label: { all[$0].label }, onChange: { model.chooseAll(field, $0) })
            }
        case FieldInput.text(multiline: let multiline):
            TextField(label, text: Binding(get: { form.textOf(field) }, set: { model.setText(field, $0) }), axis: multiline ? .vertical : .horizontal)
                .accessibilityLabel(label)
        case FieldInput.number:
            TextField(label, text: Binding(get: { form.textOf(field) }, set: { model.setText(field, $0) }))
                .keyboardType(.decimalPad)
                .accessibilityLabel(label)
        case FieldInput.minutes(range: _):
            if let minutes = form.countOf(field) {
                StepperRow(
                    label: label,
                    value: "\(minutes) min",
                    onMinus: { model.setCount(field, Steps.minutes(minutes, steps: -1)) },
                    onPlus: { model.setCount(field, Steps.minutes(minutes, steps: 1)) }
                )
            }
        case FieldInput.irlsSlider(range: let range):
            let total = form.countOf(field) ?? range.min
            VStack(alignment: .leading) {
                Text("\(label): \(total)").font(.headline)
                if let hint = field.hint() {
                    Text(hint).font(.subheadline)
                }
                Slider(value: Binding(get: { Double(total) }, set: { model.setCount(field, Int32($0.rounded())) }), in: Double(range.min)...Double(range.max), step: 1)
                    .accessibilityLabel(label)
                    .accessibilityValue("\(total)")
            }
        case FieldInput.safetyQuestions:
            let questions = state.choices(field)
            ForEach(Array(questions.indices), id: \.self) { index in
                Toggle(questions[index].label, isOn: Binding(get: { questions[index].chosen }, set: { model.setChosen(field, index, chosen: $0) }))
            }
        case FieldInput.plainText:
            Text(label)
        }
    }

    /// A titled row of chips, one per choice; `onChoose` gets the tapped place, or nil when cleared.
    private func choices(_ label: String, _ all: [FieldChoice], canClear: Bool, onChoose: @escaping (Int?) -> Void) -> some View {
        VStack(alignment: .leading) {
            Text(label).font(.headline)
            ChoiceChips(
                choices: Array(all.indices),
                selected: all.firstIndex { $0.chosen },
                label: { all[$0].label },
                onSelect: { index in onChoose(index ?? (canClear ? nil : all.firstIndex { $0.chosen })) }
            )
        }
    }
}
