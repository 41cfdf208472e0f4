import RLSJournal
import SwiftUI

/// Tonight, the start screen: usable one-handed in the dark. Filled by the core's
/// `openEpisode()` (the store publishes it, re-read after every write) and, for its display
/// text, `openEpisodeItem()`. Writes: `quickLog`, `endEpisode`,
/// `addRelief`. The intensity buttons sit at the bottom, within thumb reach; every target is at
/// least 64 pt.
struct TonightView: View {
    @EnvironmentObject private var store: JournalStore
    @State private var side: Side?
    @State private var reliefMethod: ReliefMethod?
    @State private var busy = false
    @State private var message: String?
    @State private var error: String?
    /// The open episode's history item (the core's `openEpisodeItem()`), re-read when it changes.
    @State private var openItem: HistoryItem?

    var body: some View {
        ScrollView {
            VStack(alignment: .leading, spacing: 12) {
                if let error = error {
                    MessageView(text: error, isError: true)
                }
                if let message = message {
                    MessageView(text: message, isError: false)
                }
                if let open = store.openEpisode {
                    openEpisodeSection(open)
                }
                SectionTitle("Side (optional)")
                ChoiceChips(
                    choices: Vocabulary.sides,
                    selected: side,
                    label: { $0.label() },
                    minHeight: Theme.bedsideTarget,
                    onSelect: { side = $0 }
                )
                intensityPad
            }
            .padding()
        }
        .navigationTitle("Tonight")
        .task { try? await store.refresh() }
        .task(id: store.openEpisode) { await loadOpenItem() }
    }

    /// Reads the open episode as the core describes it in history (`openEpisodeItem()`).
    private func loadOpenItem() async {
        openItem = try? await store.read { journal in try journal.openEpisodeItem() }
    }

    @ViewBuilder
    private func openEpisodeSection(_ open: Episode) -> some View {
        let item = openItem?.id == open.id ? openItem : nil
        VStack(alignment: .leading, spacing: 8) {
            Text(item?.title ?? "Episode in progress")
                .font(.title2.weight(.semibold))
                .accessibilityAddTraits(AccessibilityTraits.isHeader)
            if let detail = item?.detail {
                Text(detail).font(.body)
            }
            Button("End episode") {
                act(done: "Episode ended.") {
                    _ = try await store.endEpisode()
                }
            }
            .buttonStyle(BigButtonStyle(emphasis: true))
            .disabled(busy)
            .accessibilityLabel("End the episode in progress now")
        }
        .padding()
        .background(RoundedRectangle(cornerRadius: 14).fill(Color.secondary.opacity(0.12)))

        SectionTitle("What helped?")
        ChoiceChips(
            choices: Vocabulary.reliefMethods,
            selected: reliefMethod,
            label: { $0.label() },
            minHeight: Theme.bedsideTarget,
            onSelect: { reliefMethod = $0 }
        )
        if let method = reliefMethod {
            Text("How much did \(method.label()) help?").font(.body)
            HStack(spacing: 8) {
                ForEach(Vocabulary.helped, id: \.value) { step in
                    Button(step.label) {
                        reliefMethod = nil
                        act(done: "Saved what helped.") {
                            _ = try await store.addRelief(method: method, helped: step.value, minutesToRelief: nil)
                        }
                    }
                    .buttonStyle(BigButtonStyle())
                    .disabled(busy)
                    .accessibilityLabel("\(method.label()): \(step.name)")
                }
            }
        }
    }

    /// A large button for each intensity (the core's range, five to a row): one tap logs it.
    private var intensityPad: some View {
        VStack(alignment: .leading, spacing: 8) {
            SectionTitle("Log symptoms")
            Text("Tap how strong it is, 1 mild to 10 worst.").font(.subheadline)
            ForEach(Rules.intensityRows, id: \.self) { row in
                HStack(spacing: 8) {
                    ForEach(row, id: \.self) { intensity in
                        Button(String(intensity)) {
                            let chosenSide = side
                            act(done: "Logged.") {
                                _ = try await store.quickLog(intensity: intensity, side: chosenSide)
                            }
                        }
                        .buttonStyle(BigButtonStyle())
                        .disabled(busy || !store.isLoaded)
                        .accessibilityLabel("Log symptoms now, intensity \(intensity) of 10")
                    }
                }
            }
        }
    }

    private func act(done: String, _ body: @escaping () async throws -> Void) {
        busy = true
        error = nil
        message = nil
        Task { @MainActor in
            do {
                try await body()
                message = done
                // The first log is the first moment a reminder makes sense: ask then (once).
                await Reminders.askIfNeverAsked()
            } catch {
                self.error = ErrorText.describe(error)
            }
            busy = false
        }
    }
}
