import RLSJournal
import SwiftUI

/// Reminders (morning check-in, optional evening) and the report's paper size: renders
/// `RemindersModel`'s state and forwards taps to it.
struct RemindersView: View {
    @StateObject private var model = RemindersModel()

    var body: some View {
        let state = model.state
        Form {
            Text("A reminder appears only when the entry is not done yet.").font(.body)
            if let error = state.errorText {
                MessageView(text: error, isError: true)
            }
            if let notice = state.notice {
                MessageView(text: notice.text, isError: false)
            }
            NotificationStatusView()
            if let settings = state.settings {
                Section("Morning check-in") {
                    StepperRow(
                        label: "Morning reminder at",
                        value: hourText(settings.morningHour),
                        onMinus: { model.stepHour(morning: true, delta: -1) },
                        onPlus: { model.stepHour(morning: true, delta: 1) }
                    )
                }
                Section("Evening check-in") {
                    Toggle("Remind me in the evening", isOn: Binding(
                        get: { state.eveningOn },
                        set: { on in
                            // Turning a reminder on is a moment to ask for permission (once).
                            if on {
                                Task { await Reminders.askIfNeverAsked() }
                            }
                            model.setEvening(on)
                        }
                    ))
                    if let evening = state.eveningHour {
                        StepperRow(
                            label: "Evening reminder at",
                            value: hourText(evening),
                            onMinus: { model.stepHour(morning: false, delta: -1) },
                            onPlus: { model.stepHour(morning: false, delta: 1) }
                        )
                    }
                }
                Section("Report paper size") {
                    ChoiceChips(
                        choices: Vocabulary.paperSizes,
                        selected: settings.paperSize,
                        label: { $0.label() },
                        onSelect: { value in model.edit(paperSize: value) }
                    )
                }
                Button("Save") { model.save() }
                    .buttonStyle(BigButtonStyle(emphasis: true))
                    .disabled(state.busy)
                    .accessibilityLabel("Save the reminder times and paper size")
            }
        }
        .navigationTitle("Reminders and settings")
        .task { model.load() }
    }

    /// An hour of the day as the system writes times (the input value of an hour stepper).
    private func hourText(_ hour: Int32) -> String {
        let date = Calendar.current.date(bySettingHour: Int(hour), minute: 0, second: 0, of: Date()) ?? Date()
        return DateFormatter.localizedString(from: date, dateStyle: .none, timeStyle: .short)
    }
}
