import RLSJournal
import SwiftUI

/// Tonight, the start screen: usable one-handed in the dark. Renders `TonightModel`'s state and
/// forwards taps to it. The intensity buttons sit at the bottom, within thumb reach; every target
/// is at least 64 pt.
struct TonightView: View {
    @StateObject private var model = TonightModel()

    var body: some View {
        let state = model.state
        ScrollView {
            VStack(alignment: .leading, spacing: 12) {
                if let error = state.errorText {
                    MessageView(text: error, isError: true)
                }
                if let notice = state.notice {
                    MessageView(text: notice.text, isError: false)
                }
                if state.hasOpenEpisode {
                    openEpisodeSection(state)
                }
                SectionTitle("Side (optional)")
                ChoiceChips(
                    choices: Vocabulary.sides,
                    selected: state.side,
                    label: { $0.label() },
                    minHeight: Theme.bedsideTarget,
                    onSelect: { model.chooseSide($0) }
                )
                intensityPad(state)
            }
            .padding()
        }
        .navigationTitle("Tonight")
        .task { model.refresh() }
        .onChange(of: state.justLogged) { logged in
            // The first log is the first moment a reminder makes sense: ask then (once).
            if logged {
                Task { await Reminders.askIfNeverAsked() }
            }
        }
    }

    @ViewBuilder
    private func openEpisodeSection(_ state: TonightModel.State) -> some View {
        VStack(alignment: .leading, spacing: 8) {
            Text(state.openTitle ?? "Episode in progress")
                .font(.title2.weight(.semibold))
                .accessibilityAddTraits(AccessibilityTraits.isHeader)
            if let detail = state.openDetail {
                Text(detail).font(.body)
            }
            Button("End episode") { model.end() }
                .buttonStyle(BigButtonStyle(emphasis: true))
                .disabled(state.busy)
                .accessibilityLabel("End the episode in progress now")
        }
        .padding()
        .background(RoundedRectangle(cornerRadius: 14).fill(Color.secondary.opacity(0.12)))

        SectionTitle("What helped?")
        ChoiceChips(
            choices: Vocabulary.reliefMethods,
            selected: state.reliefMethod,
            label: { $0.label() },
            minHeight: Theme.bedsideTarget,
            onSelect: { model.chooseRelief($0) }
        )
        if let method = state.reliefMethod {
            Text("How much did \(method.label()) help?").font(.body)
            HStack(spacing: 8) {
                ForEach(Vocabulary.helped, id: \.value) { step in
                    Button(step.label) { model.relief(helped: step.value) }
                        .buttonStyle(BigButtonStyle())
                        .disabled(state.busy)
                        .accessibilityLabel("\(method.label()): \(step.name)")
                }
            }
        }
    }

    /// A large button for each intensity (the core's range, five to a row): one tap logs it.
    private func intensityPad(_ state: TonightModel.State) -> some View {
        VStack(alignment: .leading, spacing: 8) {
            SectionTitle("Log symptoms")
            Text("Tap how strong it is, 1 mild to 10 worst.").font(.subheadline)
            ForEach(Rules.intensityRows, id: \.self) { row in
                HStack(spacing: 8) {
                    ForEach(row, id: \.self) { intensity in
                        Button(String(intensity)) { model.log(intensity: intensity) }
                            .buttonStyle(BigButtonStyle())
                            .disabled(state.busy || state.loading)
                            .accessibilityLabel("Log symptoms now, intensity \(intensity) of 10")
                    }
                }
            }
        }
    }
}
