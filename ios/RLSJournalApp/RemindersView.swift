import RLSJournal
import SwiftUI

/// Reminders (morning check-in, optional evening) and the report's paper size: filled by the
/// core's `settings()`, saved with `updateSettings(settings:)`; then the reminders are re-planned.
struct RemindersView: View {
    @EnvironmentObject private var store: JournalStore
    // `RLSJournal.Settings`: SwiftUI has a type of the same name.
    @State private var settings: RLSJournal.Settings?
    @State private var busy = false
    @State private var saved: String?
    @State private var error: String?

    var body: some View {
        Form {
            Text("A reminder appears only when the entry is not done yet.").font(.body)
            if let error = error {
                MessageView(text: error, isError: true)
            }
            if let saved = saved {
                MessageView(text: saved, isError: false)
            }
            NotificationStatusView()
            if let current = settings {
                Section("Morning check-in") {
                    StepperRow(
                        label: "Morning reminder at",
                        value: hourText(Int(current.morningHour)),
                        onMinus: { setMorning(Int(current.morningHour) + 23) },
                        onPlus: { setMorning(Int(current.morningHour) + 1) }
                    )
                }
                Section("Evening check-in") {
                    Toggle("Remind me in the evening", isOn: Binding(
                        get: { settings?.eveningReminderHour != nil },
                        set: { on in
                            if on {
                                Task { await Reminders.askIfNeverAsked() }
                            }
                            setEvening(on ? 21 : nil)
                        }
                    ))
                    if let evening = current.eveningReminderHour {
                        StepperRow(
                            label: "Evening reminder at",
                            value: hourText(Int(evening)),
                            onMinus: { setEvening(Int(evening) + 23) },
                            onPlus: { setEvening(Int(evening) + 1) }
                        )
                    }
                }
                Section("Report paper size") {
                    ChoiceChips(
                        choices: Vocabulary.paperSizes,
                        selected: current.paperSize,
                        label: { $0.label() },
                        onSelect: { value in
                            if let value = value {
                                update { old in
                                    RLSJournal.Settings(
                                        nightCutoverHour: old.nightCutoverHour,
                                        morningHour: old.morningHour,
                                        eveningReminderHour: old.eveningReminderHour,
                                        paperSize: value
                                    )
                                }
                            }
                        }
                    )
                }
                Button("Save") { save() }
                    .buttonStyle(BigButtonStyle(emphasis: true))
                    .disabled(busy)
                    .accessibilityLabel("Save the reminder times and paper size")
            }
        }
        .navigationTitle("Reminders and settings")
        .task { await load() }
    }

    /// An hour of the day as the system writes times (the input value of an hour stepper).
    private func hourText(_ hour: Int) -> String {
        let date = Calendar.current.date(bySettingHour: hour, minute: 0, second: 0, of: Date()) ?? Date()
        return DateFormatter.localizedString(from: date, dateStyle: .none, timeStyle: .short)
    }

    private func setMorning(_ hour: Int) {
        update { old in
            RLSJournal.Settings(
                nightCutoverHour: old.nightCutoverHour,
                morningHour: Int32(hour % 24),
                eveningReminderHour: old.eveningReminderHour,
                paperSize: old.paperSize
            )
        }
    }

    private func setEvening(_ hour: Int?) {
        update { old in
            RLSJournal.Settings(
                nightCutoverHour: old.nightCutoverHour,
                morningHour: old.morningHour,
                eveningReminderHour: hour.map { Int32($0 % 24) },
                paperSize: old.paperSize
            )
        }
    }

    private func update(_ change: (RLSJournal.Settings) -> RLSJournal.Settings) {
        guard let current = settings else {
            return
        }
        settings = change(current)
        saved = nil
    }

    private func load() async {
        do {
            settings = try await store.read { journal in try journal.settings() }
        } catch {
            self.error = ErrorText.describe(error)
        }
    }

    private func save() {
        guard let current = settings else {
            return
        }
        busy = true
        error = nil
        Task { @MainActor in
            do {
                settings = try await store.write { journal in try journal.updateSettings(settings: current) }
                await Reminders.reschedule(store: store)
                saved = "Saved. Reminders are set."
            } catch {
                self.error = ErrorText.describe(error)
            }
            busy = false
        }
    }
}
