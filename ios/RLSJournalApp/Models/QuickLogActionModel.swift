import Foundation
import RLSJournal

/// The "Log N/10" reminder action, mirroring the Kotlin `QuickLogAction`: logs through the core's
/// `quickLog` at the device's now without opening the app, then reports the core's own title of
/// the episode (or the error) to `logged` (iOS: re-plans the reminders).
@MainActor
final class QuickLogActionModel {
    /// The intensities offered as "log symptoms" actions on the evening reminder.
    static let intensities: [Int32] = [3, 5, 8]

    private let openStore: StoreSource
    private let logged: @MainActor (JournalStore?, String?, Error?) async -> Void

    init(
        openStore: @escaping StoreSource = appStore,
        logged: @escaping @MainActor (JournalStore?, String?, Error?) async -> Void
    ) {
        self.openStore = openStore
        self.logged = logged
    }

    /// Logs `intensity`; returns the title reported (nil when it failed or nothing was logged).
    @discardableResult
    func log(intensity: Int32) async -> String? {
        if intensity <= 0 {
            return nil
        }
        var opened: JournalStore?
        var title: String?
        let failure = await attempt {
            let store = try await openStore()
            opened = store
            _ = try await store.quickLog(intensity: intensity, side: nil)
            title = try await store.read { journal in try journal.openEpisodeItem() }?.title
        }
        await logged(opened, title, failure)
        return title
    }
}
