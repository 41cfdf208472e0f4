import Combine
import Foundation
import RLSJournal

/// The pattern summary, mirroring `SummaryPresenter`: filled by the core's `summary(range:)`
/// (`lastNights(nights:)` for a chosen length).
@MainActor
final class SummaryModel: ObservableObject {
    /// What the Summary screen shows (the Kotlin `SummaryState`).
    struct State {
        /// Nights covered: nil for the core's default range.
        var nights: Int32?
        /// The core's `summary(range:)`.
        var summary: Summary?
        var loading = true
        var error: Error?

        var errorText: String? { error.map(sentenceOf) }
        /// The summary as the screen's blocks, in reading order (empty until loaded).
        var blocks: [SummaryBlock] { summary.map(summaryBlocks) ?? [] }
    }

    @Published private(set) var state = State()
    /// The range lengths offered (the core's `formRules().summaryLengths`; the first is its default range).
    let lengths: [Int32] = Rules.core.summaryLengths
    private let openStore: StoreSource

    init(openStore: @escaping StoreSource = appStore) {
        self.openStore = openStore
    }

    /// Loads the summary of the last `nights` nights (nil: the core's default range).
    func load(nights: Int32?) {
        state.nights = nights
        state.loading = true
        state.error = nil
        Task { @MainActor in
            let failure = await attempt {
                let store = try await openStore()
                let summary = try await store.read { journal in
                    try journal.summary(range: nights.map { try journal.lastNights(nights: $0) })
                }
                if state.nights == nights {
                    state.summary = summary
                    state.loading = false
                }
            }
            if let failure = failure {
                state.loading = false
                state.error = failure
            }
        }
    }
}
