import RLSJournal
import SwiftUI

/// The pattern summary, rendered natively from `SummaryModel`'s state: every sentence and number
/// is the core's text; the charts draw the core's series (per-night peaks, onset hours) as plain bars.
struct SummaryView: View {
    @StateObject private var model = SummaryModel()

    var body: some View {
        let state = model.state
        ScrollView {
            VStack(alignment: .leading, spacing: 8) {
                ChoiceChips(
                    choices: model.lengths,
                    selected: state.nights ?? model.lengths.first,
                    label: { "Last \($0) nights" },
                    onSelect: { value in model.load(nights: value) }
                )
                if let error = state.errorText {
                    MessageView(text: error, isError: true)
                }
                if state.loading {
                    ProgressView().accessibilityLabel("Loading the summary")
                }
                // By position: two blocks may read the same.
                ForEach(Array(state.blocks.enumerated()), id: \.offset) { _, block in
                    SummaryBlockView(block: block)
                }
            }
            .padding()
        }
        .navigationTitle("Summary")
        .task { model.load(nights: model.state.nights) }
    }
}

/// One block of the summary (`SummaryModel.State.blocks`), in the style of its kind.
struct SummaryBlockView: View {
    let block: SummaryBlock

    var body: some View {
        switch block {
        case .title(let text): Text(text).font(.title3.weight(.semibold))
        case .note(let text): MessageView(text: text, isError: false)
        case .heading(let text): SectionTitle(text)
        case .paragraph(let text): Text(text).font(.body)
        case .bullet(let text): Text("• " + text).font(.body)
        case .small(let text): Text(text).font(.callout)
        case .term(let text): Text(text).font(.subheadline.weight(.semibold))
        case .shares(let breakdown): BreakdownLines(breakdown: breakdown)
        case .nightBars(let nights): NightBars(nights: nights)
        case .hourBars(let bins): HourBars(bins: bins)
        }
    }
}

/// A breakdown (sides, body areas…): one line per item, the core's label and percentage.
struct BreakdownLines: View {
    let breakdown: Breakdown

    var body: some View {
        ForEach(breakdown.items, id: \.self) { item in
            HStack {
                Text(item.label).font(.body)
                Spacer()
                Text(item.percentText).font(.body)
            }
            .accessibilityElement(children: .combine)
        }
    }
}

/// Per-night peak intensity as vertical bars (0-10); nights with nothing logged stay empty.
struct NightBars: View {
    let nights: [NightPoint]

    var body: some View {
        HStack(alignment: .bottom, spacing: 2) {
            ForEach(nights, id: \.self) { point in
                let peak = Int(point.peak ?? 0)
                Rectangle()
                    .fill(point.logged ? Theme.intensityColor(peak) : Color.clear)
                    .frame(height: max(3, CGFloat(peak) * 8))
                    .frame(maxWidth: .infinity)
                    .accessibilityLabel(point.logged ? "\(point.label): worst \(peak) of 10" : "\(point.label): nothing logged")
            }
        }
        .frame(height: 84, alignment: .bottom)
    }
}

/// Onset clock hours as horizontal bars, with the core's hour labels and counts.
struct HourBars: View {
    let bins: [HourBin]

    var body: some View {
        let maxCount = bins.map { Int($0.count) }.max() ?? 0
        VStack(alignment: .leading, spacing: 2) {
            ForEach(bins, id: \.self) { bin in
                HStack(spacing: 6) {
                    Text(bin.label).font(.callout).frame(width: 32, alignment: .leading)
                    GeometryReader { geometry in
                        Rectangle()
                            .fill(Theme.accent)
                            .frame(width: geometry.size.width * CGFloat(bin.count) / CGFloat(max(maxCount, 1)))
                    }
                    .frame(height: 14)
                    Text(String(bin.count)).font(.callout)
                }
                .accessibilityElement(children: .ignore)
                .accessibilityLabel("\(bin.label): \(bin.count)")
            }
        }
    }
}
