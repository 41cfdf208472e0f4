import RLSJournal
import SwiftUI

/// The morning check-in: last night's sleep diary, prefilled so a usual night takes a few taps.
/// Renders `CheckInModel`'s state and forwards taps to it.
struct CheckInView: View {
    let editId: String?

    @StateObject private var model = CheckInModel()
    @Environment(\.dismiss) private var dismiss

    var body: some View {
        let state = model.state
        Form {
            if let message = state.message {
                Text(message).font(.body)
            }
            if let error = state.errorText {
                MessageView(text: error, isError: true)
            }
            if let notice = state.notice {
                MessageView(text: notice.text, isError: false)
            }
            if state.notADiary {
                Text("That entry is not a sleep diary, so it cannot be edited here.").font(.body)
            }
            if state.showsNothingDue {
                Text("Last night's check-in is done. You can change it from History.").font(.body)
            }
            if state.offersNoSymptoms {
                // "Any RLS symptoms last night?": a "no" is one tap; symptoms are logged as episodes.
                Section("Any RLS symptoms last night?") {
                    Button("No symptoms last night") { model.noSymptoms() }
                        .buttonStyle(BigButtonStyle(emphasis: false))
                        .disabled(state.busy)
                        .accessibilityLabel("Record that you had no RLS symptoms last night")
                }
            }
            if let form = state.form {
                DiaryFields(form: form, edit: model.edit)
                Button("Save") { model.save() }
                    .buttonStyle(BigButtonStyle(emphasis: true))
                    .disabled(state.busy)
                    .accessibilityLabel("Save the sleep diary")
            }
        }
        .navigationTitle(state.isEditing ? "Edit sleep diary" : state.title ?? "Morning check-in")
        .task { model.load(editId: editId) }
        .onChange(of: state.finishedEdit) { finished in
            if finished {
                dismiss()
            }
        }
    }
}

/// The diary's fields: each change goes to the model's `edit`.
private struct DiaryFields: View {
    let form: DiaryForm
    let edit: ((inout DiaryForm) -> Void) -> Void

    var body: some View {
        Section("Going to bed") {
            MomentPicker("Got into bed", field: binding(\.gotIntoBed))
                .accessibilityLabel("Got into bed")
            MomentPicker("Tried to sleep", field: binding(\.triedToSleep))
                .accessibilityLabel("Tried to sleep")
            minutesRow("Time to fall asleep", \.sleepOnsetMinutes)
        }
        Section("During the night") {
            StepperRow(
                label: "Times woken up",
                value: String(form.awakenings),
                onMinus: { edit { $0.awakenings = Steps.awakenings($0.awakenings, steps: -1) } },
                onPlus: { edit { $0.awakenings = Steps.awakenings($0.awakenings, steps: 1) } }
            )
            minutesRow("Time awake during the night", \.wakeAfterSleepOnsetMinutes)
        }
        Section("Getting up") {
            MomentPicker("Woke up for the day", field: binding(\.finalAwakening))
                .accessibilityLabel("Woke up for the day")
            MomentPicker("Got out of bed", field: binding(\.outOfBed))
                .accessibilityLabel("Got out of bed")
        }
        Section("Sleep quality") {
            ChoiceChips(
                choices: Rules.qualities,
                selected: form.quality,
                label: { "\($0) of 5" },
                onSelect: { value in edit { $0.quality = value ?? $0.quality } }
            )
            TextField("Note (optional)", text: binding(\.note), axis: .vertical)
                .accessibilityLabel("Note, optional")
        }
    }

    private func minutesRow(_ label: String, _ path: WritableKeyPath<DiaryForm, Int32>) -> some View {
        return StepperRow(
            label: label,
            value: "\(form[keyPath: path]) min",
            onMinus: { edit { $0[keyPath: path] = Steps.minutes($0[keyPath: path], steps: -1) } },
            onPlus: { edit { $0[keyPath: path] = Steps.minutes($0[keyPath: path], steps: 1) } }
        )
    }

    private func binding<T>(_ path: WritableKeyPath<DiaryForm, T>) -> Binding<T> {
        return Binding(get: { form[keyPath: path] }, set: { value in edit { $0[keyPath: path] = value } })
    }
}
