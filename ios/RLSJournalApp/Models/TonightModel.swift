import Combine
import Foundation
import RLSJournal

/// The bedside screen, mirroring `TonightPresenter` (android/presenters, whose docs hold for
/// both): the core's `openEpisode()` (the store publishes it, re-read after every write) and its
/// display text `openEpisodeItem()`. Writes: `quickLog`, `endEpisode`, `addRelief`, at now.
@MainActor
final class TonightModel: ObservableObject {
    /// What the Tonight screen shows (the Kotlin `TonightState`).
    struct State {
        var loading = true
        var openEpisode: Episode?
        var openTitle: String?
        var openDetail: String?
        var side: Side?
        /// The relief method whose "how much did it help" buttons are showing.
        var reliefMethod: ReliefMethod?
        var busy = false
        var notice: Notice?
        var error: Error?

        var errorText: String? { error.map(sentenceOf) }
        /// The last action logged symptoms (the moment to ask for notification permission).
        var justLogged: Bool { notice == Notice.logged }
        var hasOpenEpisode: Bool { openEpisode != nil }
    }

    @Published private(set) var state = State()
    private let openStore: StoreSource
    private var watching: AnyCancellable?

    init(openStore: @escaping StoreSource = appStore) {
        self.openStore = openStore
    }

    /// Re-reads the open episode (the screen appeared), and follows the store's from then on.
    func refresh() {
        act(done: nil) { store in try await store.refresh() }
    }

    func chooseSide(_ side: Side?) {
        state.side = side
    }

    /// Shows the "how much did it help" buttons for `method` (nil hides them).
    func chooseRelief(_ method: ReliefMethod?) {
        state.reliefMethod = method
    }

    /// Logs symptoms now at `intensity` with the chosen side (the core merges a tap into an open episode).
    func log(intensity: Int32) {
        let side = state.side
        act(done: Notice.logged) { store in _ = try await store.quickLog(intensity: intensity, side: side) }
    }

    func end() {
        act(done: Notice.episodeEnded) { store in _ = try await store.endEpisode() }
    }

    /// Records how much the chosen method helped; nothing without a method.
    func relief(helped: Int32) {
        guard let method = state.reliefMethod else {
            return
        }
        state.reliefMethod = nil
        act(done: Notice.reliefSaved) { store in
            _ = try await store.addRelief(method: method, helped: helped, minutesToRelief: nil)
        }
    }

    func dismissMessage() {
        state.notice = nil
        state.error = nil
    }

    private func reload(_ store: JournalStore) async {
        let episode = store.openEpisode
        let item = episode == nil ? nil : try? await store.read { journal in try journal.openEpisodeItem() }
        state.loading = false
        state.openEpisode = episode
        state.openTitle = item?.title
        state.openDetail = item?.detail
    }

    private func act(done: Notice?, _ body: @escaping (JournalStore) async throws -> Void) {
        state.busy = true
        state.error = nil
        state.notice = nil
        Task { @MainActor in
            let failure = await attempt {
                let store = try await openStore()
                follow(store)
                try await body(store)
                await reload(store)
            }
            state.busy = false
            state.loading = false
            state.error = failure
            state.notice = failure == nil ? done : nil
        }
    }

    /// Re-reads whenever the store publishes another open episode (a write through any screen).
    private func follow(_ store: JournalStore) {
        if watching == nil {
            watching = store.$openEpisode.dropFirst().sink { [weak self] _ in
                Task { @MainActor in await self?.reload(store) }
            }
        }
    }
}
