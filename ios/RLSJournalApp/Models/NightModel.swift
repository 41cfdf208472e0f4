import Combine
import Foundation
import RLSJournal

/// One night's full view, mirroring `NightPresenter`: filled by the core's `night(night:)`.
/// Writes: `deleteEntry`, `undoDelete`.
@MainActor
final class NightModel: ObservableObject {
    /// What the night screen shows (the Kotlin `NightState`).
    struct State {
        var night: LocalDate?
        /// The core's `night(night:)` view.
        var view: NightView?
        var deletedId: String?
        var error: Error?

        var errorText: String? { error.map(sentenceOf) }
        /// Whether the "treatments taken" block shows.
        var showsTreatments: Bool { !(view?.activeTreatments.isEmpty ?? true) }
    }

    @Published private(set) var state = State()
    private let openStore: StoreSource

    init(openStore: @escaping StoreSource = appStore) {
        self.openStore = openStore
    }

    func load(night: LocalDate) {
        state.night = night
        call { _ in }
    }

    /// Deletes an entry of the night; the screen offers "Undo".
    func delete(id: String) {
        call { store in
            try await store.deleteEntry(id: id)
            self.state.deletedId = id
        }
    }

    func undo() {
        state.deletedId = nil
        call { store in _ = try await store.undoDelete() }
    }

    func undoOffered() {
        state.deletedId = nil
    }

    /// Runs `body` on the store, then re-reads the night.
    private func call(_ body: @escaping (JournalStore) async throws -> Void) {
        Task { @MainActor in
            let failure = await attempt {
                let store = try await openStore()
                try await body(store)
                if let night = state.night {
                    state.view = try await store.night(night)
                }
            }
            state.error = failure
        }
    }
}
