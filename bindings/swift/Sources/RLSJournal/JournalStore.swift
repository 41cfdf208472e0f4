import Combine
import Foundation

// The thin layer the SwiftUI app uses on top of the generated bindings.
//
// It holds no rules: validation, night attribution and display text all come from the core.
// It only moves core calls off the main actor and publishes what the start screen and the
// history list show, refreshed after every write made through it.
//
// `ObservableObject` (not the iOS 17 `@Observable` macro) keeps the package on iOS 16.

/// What the store publishes, read in one trip to the worker.
struct JournalSnapshot: Sendable {
    /// Increases with every read, so a store never replaces newer state with older.
    let sequence: UInt64
    let openEpisode: Episode?
    let historyPage: HistoryPage
    let prompts: [Prompt]
}

/// Runs core calls off the main actor, one at a time, in the order they were made.
///
/// The generated `Journal` is `@unchecked Sendable` and thread-safe (the core serializes on a
/// mutex), so the actor is not there for memory safety: it keeps blocking SQLite work off the
/// main thread, and it keeps each write and the re-read after it together, in call order.
actor JournalWorker {
    let journal: Journal
    private var reads: UInt64 = 0

    init(journal: Journal) {
        self.journal = journal
    }

    /// Runs `body` with the journal on the worker.
    func run<T: Sendable>(_ body: @Sendable (Journal) throws -> T) throws -> T {
        return try body(journal)
    }

    /// Runs a write, then re-reads what the store publishes. The write's error is thrown; if only
    /// the re-read fails, the write still happened, so its value is returned with the re-read's
    /// error instead of a snapshot.
    func write<T: Sendable>(
        _ body: @Sendable (Journal) throws -> T,
        historyQuery: HistoryQuery
    ) throws -> (value: T, snapshot: Result<JournalSnapshot, any Error>) {
        let value = try body(journal)
        let snapshot: Result<JournalSnapshot, any Error>
        do {
            snapshot = .success(try read(historyQuery: historyQuery))
        } catch {
            snapshot = .failure(error)
        }
        return (value: value, snapshot: snapshot)
    }

    /// The open episode, the first history page and the prompts due now.
    func read(historyQuery: HistoryQuery) throws -> JournalSnapshot {
        let openEpisode = try journal.openEpisode()
        let historyPage = try journal.history(query: historyQuery)
        let prompts = try journal.prompts(now: nil)
        reads += 1
        return JournalSnapshot(
            sequence: reads,
            openEpisode: openEpisode,
            historyPage: historyPage,
            prompts: prompts
        )
    }
}

/// A journal for SwiftUI: publishes the open episode, the history list (first page, then more on
/// demand) and the prompts due now, and refreshes them after each write made through it.
///
/// Every core call runs off the main actor. Errors are the core's typed `JournalError`s
/// (e.g. `.InvalidInput(field:reason:)`), thrown to the caller unchanged; a rejected call leaves
/// the journal and the published state as they were.
@MainActor
public final class JournalStore: ObservableObject {
    /// The episode in progress, if any (the Tonight screen's state).
    @Published public private(set) var openEpisode: Episode?
    /// History items loaded so far, newest first: the first page after each refresh, plus the
    /// pages `olderHistory()` appended.
    @Published public private(set) var history: [HistoryItem] = []
    /// Where the next history page starts; `nil` when the list is complete.
    @Published public private(set) var historyCursor: String?
    /// The entry kinds the history list shows; empty for all kinds. Change it with
    /// `setHistoryFilter(kinds:)`.
    @Published public private(set) var historyFilter: [EntryKind] = []
    /// Prompts due now (morning check-in, weekly rating, open episode, evening check-in).
    @Published public private(set) var prompts: [Prompt] = []
    /// Whether the published state has been read at least once.
    @Published public private(set) var isLoaded: Bool = false
    /// Set when a re-read after a successful write failed (the write itself happened); cleared by
    /// the next successful refresh.
    @Published public private(set) var refreshFailure: (any Error)?

    /// How many writes through this store have succeeded (0 after opening): it rises after each
    /// `write` that did not throw. The automatic backup watches it to know the journal changed;
    /// writes through another handle do not count.
    @Published public private(set) var writeCount: UInt64 = 0

    /// Items per history page.
    public let historyPageSize: Int32

    private let worker: JournalWorker
    /// The sequence number of the snapshot on display.
    private var appliedSequence: UInt64 = 0

    /// A store over an open journal. Call `refresh()` to load the published state.
    public init(journal: Journal, historyPageSize: Int32 = 50) {
        self.worker = JournalWorker(journal: journal)
        self.historyPageSize = historyPageSize
    }

    /// Opens (or creates) the journal file at `path` off the main actor and loads the published
    /// state. Throws `JournalError.Corrupt`, `.IncompatibleVersion` or `.Storage` as the core does.
    public static func open(path: String, historyPageSize: Int32 = 50) async throws -> JournalStore {
        let journal = try await Task.detached(priority: .userInitiated) {
            return try Journal.open(path: path)
        }.value
        let store = JournalStore(journal: journal, historyPageSize: historyPageSize)
        try await store.refresh()
        return store
    }

    // MARK: reading

    /// Re-reads the open episode, the first history page and the prompts.
    public func refresh() async throws {
        let snapshot = try await worker.read(historyQuery: firstPageQuery(kinds: historyFilter))
        apply(snapshot)
    }

    /// Appends the next page of history (older items) to `history`; does nothing when the list
    /// is complete. (Kotlin's `olderHistory(cursor)` returns the page instead: a `StateFlow`
    /// holds one page, a SwiftUI list the items loaded so far.)
    public func olderHistory() async throws {
        guard let cursor = historyCursor else {
            return
        }
        let query = HistoryQuery(kinds: historyFilter, cursor: cursor, limit: historyPageSize)
        let page = try await worker.run { journal in
            return try journal.history(query: query)
        }
        // A refresh while this page was read replaced the list; this page belongs to the old one.
        guard historyCursor == cursor else {
            return
        }
        history.append(contentsOf: page.items)
        historyCursor = page.nextCursor
    }

    /// Shows only these kinds in the history list (empty for all) and reloads it. If the reload
    /// fails, the list and its filter stay as they were.
    public func setHistoryFilter(kinds: [EntryKind]) async throws {
        let snapshot = try await worker.read(historyQuery: firstPageQuery(kinds: kinds))
        historyFilter = kinds
        apply(snapshot)
    }

    /// Any read that does not change the published state (a night, a month, treatments,
    /// settings), run off the main actor.
    public func read<T: Sendable>(_ body: @Sendable (Journal) throws -> T) async throws -> T {
        return try await worker.run(body)
    }

    /// Everything recorded for one night, read off the main actor.
    public func night(_ night: LocalDate) async throws -> NightView {
        return try await worker.run { journal in
            return try journal.night(night: night)
        }
    }

    // MARK: writing

    /// Any write (add or edit of any entry, settings), run off the main actor; then the
    /// published state is refreshed. Returns what the core returned.
    @discardableResult
    public func write<T: Sendable>(_ body: @Sendable (Journal) throws -> T) async throws -> T {
        let result = try await worker.write(body, historyQuery: firstPageQuery(kinds: historyFilter))
        writeCount += 1
        switch result.snapshot {
        case .success(let snapshot):
            apply(snapshot)
        case .failure(let error):
            refreshFailure = error
        }
        return result.value
    }

    /// Logs symptoms now with a peak intensity 1–10 and an optional side (bedside, one tap).
    /// Within 3 hours of an open episode's start, the core raises that episode's peak instead.
    @discardableResult
    public func quickLog(intensity: Int32, side: Side? = nil) async throws -> Episode {
        return try await write { journal in
            return try journal.quickLog(intensity: intensity, side: side, at: nil)
        }
    }

    /// Ends the open episode now. `JournalError.NotFound` if none is open.
    @discardableResult
    public func endEpisode() async throws -> Episode {
        return try await write { journal in
            return try journal.endEpisode(at: nil)
        }
    }

    /// Records what helped (0 none, 1 some, 2 much, 3 complete) on the open or latest episode.
    @discardableResult
    public func addRelief(
        method: ReliefMethod,
        helped: Int32,
        minutesToRelief: Int32? = nil
    ) async throws -> Episode {
        return try await write { journal in
            return try journal.addRelief(
                method: method,
                helped: helped,
                minutesToRelief: minutesToRelief,
                at: nil
            )
        }
    }

    /// Deletes an entry (a tombstone: `undoDelete()` or `restoreEntry(id:)` brings it back).
    public func deleteEntry(id: String) async throws {
        try await write { journal in
            try journal.deleteEntry(id: id)
        }
    }

    /// Restores a deleted entry.
    public func restoreEntry(id: String) async throws {
        try await write { journal in
            try journal.restoreEntry(id: id)
        }
    }

    /// Restores the most recently deleted entry; returns its id, or `nil` if nothing was deleted.
    @discardableResult
    public func undoDelete() async throws -> String? {
        return try await write { journal in
            return try journal.undoDelete()
        }
    }

    // MARK: private

    private func firstPageQuery(kinds: [EntryKind]) -> HistoryQuery {
        return HistoryQuery(kinds: kinds, cursor: nil, limit: historyPageSize)
    }

    /// Publishes a snapshot unless a newer one is already shown (reads finish on the worker in
    /// order, but their results may reach the main actor out of order).
    private func apply(_ snapshot: JournalSnapshot) {
        guard snapshot.sequence > appliedSequence else {
            return
        }
        appliedSequence = snapshot.sequence
        openEpisode = snapshot.openEpisode
        history = snapshot.historyPage.items
        historyCursor = snapshot.historyPage.nextCursor
        prompts = snapshot.prompts
        refreshFailure = nil
        isLoaded = true
    }
}
