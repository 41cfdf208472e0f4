import RLSJournal
import SwiftUI

/// The sleep diary being filled in. Each time keeps the stored (or drafted) moment, offset
/// included, unless the person changes it.
struct DiaryForm {
    var gotIntoBed: MomentField
    var triedToSleep: MomentField
    var sleepOnsetMinutes: Int32
    var awakenings: Int32
    var wakeAfterSleepOnsetMinutes: Int32
    var finalAwakening: MomentField
    var outOfBed: MomentField
    var quality: Int32
    var note: String

    init(
        gotIntoBed: MomentField,
        triedToSleep: MomentField,
        sleepOnsetMinutes: Int32,
        awakenings: Int32,
        wakeAfterSleepOnsetMinutes: Int32,
        finalAwakening: MomentField,
        outOfBed: MomentField,
        quality: Int32,
        note: String
    ) {
        self.gotIntoBed = gotIntoBed
        self.triedToSleep = triedToSleep
        self.sleepOnsetMinutes = sleepOnsetMinutes
        self.awakenings = awakenings
        self.wakeAfterSleepOnsetMinutes = wakeAfterSleepOnsetMinutes
        self.finalAwakening = finalAwakening
        self.outOfBed = outOfBed
        self.quality = quality
        self.note = note
    }

    /// The form showing a stored diary.
    init(diary: SleepDiaryData) {
        self.init(
            gotIntoBed: MomentField(stored: diary.gotIntoBedAt),
            triedToSleep: MomentField(stored: diary.triedToSleepAt),
            sleepOnsetMinutes: diary.sleepOnsetMinutes,
            awakenings: diary.awakenings,
            wakeAfterSleepOnsetMinutes: diary.wakeAfterSleepOnsetMinutes,
            finalAwakening: MomentField(stored: diary.finalAwakeningAt),
            outOfBed: MomentField(stored: diary.outOfBedAt),
            quality: diary.quality,
            note: diary.note ?? ""
        )
    }

    /// What the core receives for the night of `night`.
    func data(night: LocalDate) -> SleepDiaryData {
        return SleepDiaryData(
            nightOf: night,
            gotIntoBedAt: gotIntoBed.moment(),
            triedToSleepAt: triedToSleep.moment(),
            sleepOnsetMinutes: sleepOnsetMinutes,
            awakenings: awakenings,
            wakeAfterSleepOnsetMinutes: wakeAfterSleepOnsetMinutes,
            finalAwakeningAt: finalAwakening.moment(),
            outOfBedAt: outOfBed.moment(),
            quality: quality,
            note: note.isEmpty ? nil : note
        )
    }
}

/// The morning check-in: last night's sleep diary, prefilled so a usual night takes a few taps.
/// Filled by the core's `prompts()` (its morning check-in prompt names the night), or by
/// `entry(id:)` when editing. Writes: `saveEntry` with the diary, and the one-tap
/// "No symptoms last night" answer `addNoSymptoms` for the same night.
struct CheckInView: View {
    let editId: String?

    @EnvironmentObject private var store: JournalStore
    @Environment(\.dismiss) private var dismiss
    @State private var night: LocalDate?
    @State private var title: String?
    @State private var message: String?
    @State private var form: DiaryForm?
    @State private var nothingDue = false
    @State private var busy = false
    @State private var saved: String?
    @State private var error: String?

    var body: some View {
        Form {
            if let message = message {
                Text(message).font(.body)
            }
            if let error = error {
                MessageView(text: error, isError: true)
            }
            if let saved = saved {
                MessageView(text: saved, isError: false)
            }
            if nothingDue && form == nil {
                Text("Last night's check-in is done. You can change it from History.").font(.body)
            }
            if night != nil && editId == nil {
                // "Any RLS symptoms last night?": a "no" is one tap; symptoms are logged as episodes.
                Section("Any RLS symptoms last night?") {
                    Button("No symptoms last night") { noSymptoms() }
                        .buttonStyle(BigButtonStyle(emphasis: false))
                        .disabled(busy)
                        .accessibilityLabel("Record that you had no RLS symptoms last night")
                }
            }
            if form != nil {
                diaryFields
                Button("Save") { save() }
                    .buttonStyle(BigButtonStyle(emphasis: true))
                    .disabled(busy)
                    .accessibilityLabel("Save the sleep diary")
            }
        }
        .navigationTitle(title ?? "Morning check-in")
        .task { await load() }
    }

    @ViewBuilder
    private var diaryFields: some View {
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
                value: String(form?.awakenings ?? 0),
                onMinus: { edit { $0.awakenings = $0.awakenings > 0 ? $0.awakenings - 1 : 0 } },
                onPlus: { edit { $0.awakenings += 1 } }
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
                selected: form?.quality,
                label: { "\($0) of 5" },
                onSelect: { value in
                    if let value = value {
                        edit { $0.quality = value }
                    }
                }
            )
            TextField("Note (optional)", text: noteBinding, axis: .vertical)
                .accessibilityLabel("Note, optional")
        }
    }

    private func minutesRow(_ label: String, _ path: WritableKeyPath<DiaryForm, Int32>) -> some View {
        let minutes = form?[keyPath: path] ?? 0
        return StepperRow(
            label: label,
            value: "\(minutes) min",
            onMinus: { edit { $0[keyPath: path] = minutes >= 5 ? minutes - 5 : 0 } },
            onPlus: { edit { $0[keyPath: path] = minutes + 5 } }
        )
    }

    private func edit(_ change: (inout DiaryForm) -> Void) {
        guard var current = form else {
            return
        }
        change(&current)
        form = current
        saved = nil
    }

    private func binding(_ path: WritableKeyPath<DiaryForm, MomentField>) -> Binding<MomentField> {
        return Binding(
            get: { form?[keyPath: path] ?? MomentField(new: Date()) },
            set: { value in edit { $0[keyPath: path] = value } }
        )
    }

    private var noteBinding: Binding<String> {
        return Binding(
            get: { form?.note ?? "" },
            set: { value in edit { $0.note = value } }
        )
    }

    private func load() async {
        // `.task` runs again each time the view reappears (a tab switch): a form on screen keeps
        // what the person changed; only with no form is the diary due now looked up again.
        if form != nil {
            return
        }
        do {
            if let id = editId {
                let entry = try await store.read { journal in try journal.entry(id: id) }
                if case Entry.sleepDiary(diary: let diary) = entry {
                    night = diary.data.nightOf
                    title = "Edit sleep diary"
                    form = DiaryForm(diary: diary.data)
                } else {
                    error = "That entry is not a sleep diary, so it cannot be edited here."
                }
            } else {
                let prompts = try await store.read { journal in try journal.prompts(now: nil) }
                if let prompt = prompts.first(where: { $0.kind == PromptKind.morningCheckIn }), let due = prompt.night {
                    night = due
                    title = prompt.title
                    message = prompt.message
                    // The core proposes the diary from the person's usual times (else 23:00-07:00).
                    let draft = try await store.read { journal in try journal.sleepDiaryDraft(night: due) }
                    form = DiaryForm(diary: draft)
                    nothingDue = false
                } else {
                    form = nil
                    nothingDue = true
                }
            }
        } catch {
            self.error = ErrorText.describe(error)
        }
    }

    /// The one-tap answer for the night shown, forwarded to the core (one answer per night; a
    /// night whose morning has not come is refused there).
    private func noSymptoms() {
        guard let night = night else {
            return
        }
        let data = NoSymptomsData(nightOf: night, answeredAt: MomentField(new: Date()).moment())
        busy = true
        error = nil
        Task { @MainActor in
            do {
                _ = try await store.write { journal in try journal.addNoSymptoms(data: data) }
                saved = "Recorded: no symptoms last night."
            } catch {
                self.error = ErrorText.describe(error)
            }
            busy = false
        }
    }

    private func save() {
        guard let form = form, let night = night else {
            return
        }
        let data = form.data(night: night)
        let id = editId
        busy = true
        error = nil
        Task { @MainActor in
            do {
                if let id = id {
                    _ = try await store.write { journal in try journal.saveEntry(id: id, data: EntryData.sleepDiary(data: data)) }
                    dismiss()
                } else {
                    _ = try await store.write { journal in try journal.saveEntry(id: nil, data: EntryData.sleepDiary(data: data)) }
                    saved = "Sleep diary saved."
                    self.form = nil
                    nothingDue = true
                    message = nil
                }
            } catch {
                self.error = ErrorText.describe(error)
            }
            busy = false
        }
    }
}
