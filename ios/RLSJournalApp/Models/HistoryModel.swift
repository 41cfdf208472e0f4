import Combine
import Foundation
import RLSJournal

/// History, mirroring `HistoryPresenter` (whose docs hold for both): the store's pages of the
/// core's `history(query:)`, `olderHistory()`, the month heat map `calendarMonth`. Writes:
/// `deleteEntry` and `undoDelete`.
@MainActor
final class HistoryModel: ObservableObject {
    /// What the History screen shows (the Kotlin `HistoryState`).
    struct State {
        var items: [HistoryItem] = []
        var nextCursor: String?
        var loadingMore = false
        var showCalendar = false
        var month = Calendar(identifier: .gregorian).dateComponents([.year, .month], from: Date())
        var calendar: CalendarMonth?
        /// The kinds shown (empty: all).
        var filter: [EntryKind] = []
        /// Set after a delete, for the "Undo" offer.
        var deletedId: String?
        var error: Error?

        var errorText: String? { error.map(sentenceOf) }
        var hasMore: Bool { nextCursor != nil }
        var isEmpty: Bool { items.isEmpty }
        /// The calendar as weeks of seven cells, Monday first, nil outside the month (the core's
        /// `firstWeekday`, 1 = Monday). Empty until loaded.
        var weeks: [[CalendarDay?]] {
            guard let month = calendar else {
                return []
            }
            let cells: [CalendarDay?] = Array(repeating: nil, count: max(0, min(6, Int(month.firstWeekday) - 1))) + month.days.map { Optional($0) }
            return stride(from: 0, to: cells.count, by: 7).map { start in
                Array(cells[start..<min(start + 7, cells.count)]) + Array(repeating: nil, count: max(0, start + 7 - cells.count))
            }
        }
    }

    @Published private(set) var state = State()
    private let openStore: StoreSource

    init(openStore: @escaping StoreSource = appStore) {
        self.openStore = openStore
    }

    /// Re-reads the first page (the screen became visible, or another handle wrote).
    func refresh() {
        call { store in
            try await store.refresh()
            try await self.reloadMonth(store)
        }
    }

    /// Loads the next page (the list was scrolled to its end); nothing when there is none or one is loading.
    func loadMore() {
        if !state.hasMore || state.loadingMore {
            return
        }
        state.loadingMore = true
        call { store in try await store.olderHistory() }
    }

    /// Shows only `kinds` (empty: all) and reloads the first page.
    func filter(kinds: [EntryKind]) {
        state.filter = kinds
        call { store in try await store.setHistoryFilter(kinds: kinds) }
    }

    func showCalendar(_ show: Bool) {
        state.showCalendar = show
        call { store in try await self.reloadMonth(store) }
    }

    func previousMonth() {
        moveMonth(-1)
    }

    func nextMonth() {
        moveMonth(1)
    }

    /// Deletes an entry (a tombstone); the screen offers "Undo".
    func delete(id: String) {
        call { store in
            try await store.deleteEntry(id: id)
            self.state.deletedId = id
            try await self.reloadMonth(store)
        }
    }

    func undo() {
        state.deletedId = nil
        call { store in
            _ = try await store.undoDelete()
            try await self.reloadMonth(store)
        }
    }

    func undoOffered() {
        state.deletedId = nil
    }

    private func moveMonth(_ months: Int) {
        let gregorian = Calendar(identifier: .gregorian)
        guard let start = gregorian.date(from: state.month),
              let moved = gregorian.date(byAdding: .month, value: months, to: start) else {
            return
        }
        state.month = gregorian.dateComponents([.year, .month], from: moved)
        call { store in try await self.reloadMonth(store) }
    }

    /// Reads the calendar of the month shown, if the calendar is on screen.
    private func reloadMonth(_ store: JournalStore) async throws {
        if !state.showCalendar {
            return
        }
        let month = state.month
        let year = Int32(month.year ?? 2000)
        let number = Int32(clamping: month.month ?? 1)
        let calendar = try await store.read { journal in try journal.calendarMonth(year: year, month: number) }
        if state.month == month {
            state.calendar = calendar
        }
    }

    /// Runs `body` on the store, then shows the store's pages (its first page and any older ones).
    private func call(_ body: @escaping (JournalStore) async throws -> Void) {
        Task { @MainActor in
            let failure = await attempt {
                let store = try await openStore()
                try await body(store)
                state.items = store.history
                state.nextCursor = store.historyCursor
            }
            state.loadingMore = false
            state.error = failure ?? state.error
        }
    }
}
