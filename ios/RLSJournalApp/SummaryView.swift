import RLSJournal
import SwiftUI

/// The pattern summary, filled by the core's `summary(range:)` and rendered natively: every
/// sentence and number is the core's text; the charts draw the core's series (per-night peaks,
/// onset hours) as plain bars.
struct SummaryView: View {
    @EnvironmentObject private var store: JournalStore
    @State private var nights = Int(Rules.core.summaryLengths.first ?? 0)
    @State private var summary: Summary?
    @State private var loading = false
    @State private var error: String?

    /// The range lengths offered (the core's `formRules().summaryLengths`); the first is the
    /// core's default range.
    private let lengths = Rules.core.summaryLengths.map { Int($0) }

    var body: some View {
        ScrollView {
            VStack(alignment: .leading, spacing: 8) {
                ChoiceChips(
                    choices: lengths,
                    selected: nights,
                    label: { "Last \($0) nights" },
                    onSelect: { value in
                        if let value = value {
                            nights = value
                            Task { @MainActor in await load() }
                        }
                    }
                )
                if let error = error {
                    MessageView(text: error, isError: true)
                }
                if loading {
                    ProgressView().accessibilityLabel("Loading the summary")
                }
                if let summary = summary {
                    SummaryContent(summary: summary)
                }
            }
            .padding()
        }
        .navigationTitle("Summary")
        .task { await load() }
    }

    /// Loads the summary. The default range is the core's; a longer one is the core's
    /// `lastNights(nights:)`, ending on the same last night.
    private func load() async {
        loading = true
        let chosen: Int32? = nights == lengths[0] ? nil : Int32(clamping: nights)
        do {
            summary = try await store.read { journal in
                try journal.summary(range: chosen.map { try journal.lastNights(nights: $0) })
            }
            error = nil
        } catch {
            self.error = ErrorText.describe(error)
        }
        loading = false
    }
}

/// The summary's sections, each the core's text. Split into groups of a few sections: before
/// iOS 17 a view builder block takes at most ten views (checked by app-build-check).
struct SummaryContent: View {
    let summary: Summary

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            Text(summary.title).font(.title3.weight(.semibold))
            ForEach(Array(summary.notes.enumerated()), id: \.offset) { _, note in
                MessageView(text: note.text, isError: false)
            }
            SymptomSections(summary: summary)
            TriggerAndReliefSections(summary: summary)
            CareSections(summary: summary)
            DefinitionsSection(definitions: summary.definitions)
        }
    }
}

/// How often, how strong, when it starts, where and how.
private struct SymptomSections: View {
    let summary: Summary

    var body: some View {
        SectionTitle(SummaryPart.coverage.title())
        Text(summary.coverage.text).font(.body)

        SectionTitle(SummaryPart.severity.title())
        Text(summary.severity.text).font(.body)
        NightBars(nights: summary.severity.nights)
        Text(summary.severity.trend.text).font(.body)
        if let worst = summary.severity.worstNight {
            Text(worst.text).font(.body)
        }

        TimingSection(summary: summary)
        WhereAndHowSection(summary: summary)
    }
}

/// When the symptoms start: the core's sentence and the onset hours.
private struct TimingSection: View {
    let summary: Summary

    var body: some View {
        SectionTitle(SummaryPart.timing.title())
        Text(summary.timing.text).font(.body)
        HourBars(bins: summary.timing.onsetHistogram)
    }
}

/// Sides, body areas, sensations and settings.
private struct WhereAndHowSection: View {
    let summary: Summary

    var body: some View {
        SectionTitle(SummaryPart.whereAndHow.title())
        Text(summary.whereAndHow.text).font(.body)
        BreakdownLines(breakdown: summary.whereAndHow.sides)
        BreakdownLines(breakdown: summary.whereAndHow.bodyAreas)
        BreakdownLines(breakdown: summary.whereAndHow.sensations)
        BreakdownLines(breakdown: summary.whereAndHow.settings)
        if let arms = summary.whereAndHow.armsText {
            Text(arms).font(.body)
        }
    }
}

/// Possible triggers and what helps.
private struct TriggerAndReliefSections: View {
    let summary: Summary

    var body: some View {
        SectionTitle(SummaryPart.triggers.title())
        Text(summary.triggers.text).font(.body)
        BulletLines(lines: summary.triggers.associations.map(\.text))
        BulletLines(lines: summary.triggers.notEnoughData.map(\.text))

        SectionTitle(SummaryPart.relief.title())
        Text(summary.relief.text).font(.body)
        BulletLines(lines: summary.relief.methods.map(\.text))
        BulletLines(lines: summary.relief.tiers.map(\.text))
    }
}

/// Sleep, treatments, iron, the IRLS rating and the augmentation watch.
private struct CareSections: View {
    let summary: Summary

    var body: some View {
        SectionTitle(SummaryPart.sleep.title())
        Text(summary.sleep.text).font(.body)

        SectionTitle(SummaryPart.treatments.title())
        Text(summary.treatments.text).font(.body)
        BulletLines(lines: summary.treatments.active.map(\.text))
        BulletLines(lines: summary.treatments.comparisons.map(\.text))
        BulletLines(lines: summary.mayWorsenRls.map(\.text))

        MeasuresSection(summary: summary)
    }
}

/// Iron, the IRLS rating and the augmentation watch.
private struct MeasuresSection: View {
    let summary: Summary

    var body: some View {
        SectionTitle(SummaryPart.iron.title())
        Text(summary.iron.text).font(.body)
        BulletLines(lines: [summary.iron.crpText, summary.iron.trendText].compactMap { $0 })
        Text(summary.iron.drawingConditionsText).font(.footnote)

        SectionTitle(SummaryPart.rating.title())
        Text(summary.rating.text).font(.body)

        SectionTitle(SummaryPart.augmentation.title())
        Text(summary.augmentation.text).font(.body)
        ForEach(Array(summary.augmentation.watches.enumerated()), id: \.offset) { _, watch in
            Text(watch.text).font(.body)
            Text(watch.baselineText).font(.body)
            Text(watch.scopeText).font(.callout)
            BulletLines(lines: watch.signs.map(\.text))
        }
    }
}

/// The definitions the summary used.
private struct DefinitionsSection: View {
    let definitions: [Definition]

    var body: some View {
        SectionTitle(SummaryPart.definitions.title())
        ForEach(Array(definitions.enumerated()), id: \.offset) { _, definition in
            Text(definition.term).font(.subheadline.weight(.semibold))
            Text(definition.text).font(.callout)
        }
    }
}

/// Lines of the core's text, each after a bullet. Identified by position: two lines may read
/// the same.
private struct BulletLines: View {
    let lines: [String]

    var body: some View {
        ForEach(Array(lines.enumerated()), id: \.offset) { _, line in
            Text("• " + line).font(.body)
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
            ForEach(bins.filter { $0.count > 0 }, id: \.self) { bin in
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
