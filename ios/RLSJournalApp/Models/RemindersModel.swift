import Combine
import Foundation
import RLSJournal

/// Reminders and settings, mirroring `RemindersPresenter`: filled by the core's `settings()`;
/// saving is `updateSettings(settings:)`, then the reminders are re-planned from what the core
/// stored (`Reminders.reschedule`, the iOS counterpart of the Kotlin `ReminderPlanner`).
@MainActor
final class RemindersModel: ObservableObject {
    /// Hours on the clock face the hour steppers go round.
    static let hoursPerDay: Int32 = 24

    /// What the Reminders and settings screen shows (the Kotlin `RemindersState`).
    struct State {
        /// The core's settings as edited (nil until loaded).
        var settings: RLSJournal.Settings?
        var busy = false
        var notice: Notice?
        var error: Error?

        var errorText: String? { error.map(sentenceOf) }
        var eveningOn: Bool { settings?.eveningReminderHour != nil }
        var morningHour: Int32? { settings?.morningHour }
        var eveningHour: Int32? { settings?.eveningReminderHour }
    }

    @Published private(set) var state = State()
    private let openStore: StoreSource
    private let reschedule: @MainActor (JournalStore) async -> Void

    init(
        openStore: @escaping StoreSource = appStore,
        reschedule: @escaping @MainActor (JournalStore) async -> Void = appReschedule
    ) {
        self.openStore = openStore
        self.reschedule = reschedule
    }

    func load() {
        Task { @MainActor in
            let failure = await attempt {
                let store = try await openStore()
                state.settings = try await store.read { journal in try journal.settings() }
            }
            state.error = failure
        }
    }

    /// Changes the settings being edited: `morningHour`, `eveningHour` (nil: off) and `paperSize`
    /// replace the current values when given.
    func edit(morningHour: Int32? = nil, eveningHour: Int32?? = nil, paperSize: PaperSize? = nil) {
        guard let old = state.settings else {
            return
        }
        state.settings = RLSJournal.Settings(
            nightCutoverHour: old.nightCutoverHour,
            morningHour: morningHour ?? old.morningHour,
            eveningReminderHour: eveningHour ?? old.eveningReminderHour,
            paperSize: paperSize ?? old.paperSize
        )
        state.notice = nil
    }

    /// Turns the evening reminder on (at the core's default evening hour) or off.
    func setEvening(_ on: Bool) {
        edit(eveningHour: .some(on ? Rules.core.defaultEveningHour : nil))
    }

    /// Sets an hour (`morning` or evening) from the picker.
    func setHour(morning: Bool, hour: Int32) {
        if morning {
            edit(morningHour: hour)
        } else {
            edit(eveningHour: .some(hour))
        }
    }

    /// Moves the morning (or evening) hour by `delta` hours, round the clock (23 + 1 is 0).
    func stepHour(morning: Bool, delta: Int32) {
        guard let current = morning ? state.morningHour : state.eveningHour else {
            return
        }
        let hours = RemindersModel.hoursPerDay
        setHour(morning: morning, hour: ((current + delta) % hours + hours) % hours)
    }

    /// Saves through the core and re-plans the reminders from what it stored.
    func save() {
        guard let settings = state.settings else {
            return
        }
        state.busy = true
        state.error = nil
        state.notice = nil
        Task { @MainActor in
            let failure = await attempt {
                let store = try await openStore()
                state.settings = try await store.write { journal in try journal.updateSettings(settings: settings) }
                await reschedule(store)
                state.notice = Notice.settingsSaved
            }
            state.busy = false
            state.error = failure
        }
    }
}
