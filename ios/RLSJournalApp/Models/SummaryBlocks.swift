import Foundation
import RLSJournal

/// One piece of the Summary screen, in reading order, mirroring the Kotlin `SummaryBlock` (whose
/// docs hold for both): every text is the core's; the view only picks a style per kind.
enum SummaryBlock: Hashable {
    case title(String)
    case note(String)
    case heading(String)
    case paragraph(String)
    case bullet(String)
    case small(String)
    case term(String)
    case shares(Breakdown)
    case nightBars([NightPoint])
    case hourBars([HourBin])
}

/// The Summary screen's blocks for `summary`: each part under its title, in the core's part order
/// (the Kotlin `summaryBlocks`, tested on the JVM).
func summaryBlocks(_ summary: Summary) -> [SummaryBlock] {
    var blocks: [SummaryBlock] = [.title(summary.title)] + summary.notes.map { .note($0.text) }
    func part(_ part: SummaryPart, _ text: String) {
        blocks += [.heading(part.title()), .paragraph(text)]
    }
    func bullets(_ lines: [String]) {
        blocks += lines.map { .bullet($0) }
    }
    part(SummaryPart.coverage, summary.coverage.text)
    part(SummaryPart.severity, summary.severity.text)
    if !summary.severity.nights.isEmpty {
        blocks.append(.nightBars(summary.severity.nights))
    }
    blocks.append(.paragraph(summary.severity.trend.text))
    blocks += [summary.severity.worstNight?.text].compactMap { $0 }.map { .paragraph($0) }
    part(SummaryPart.timing, summary.timing.text)
    let onsets = summary.timing.onsetHistogram.filter { $0.count > 0 }
    if !onsets.isEmpty {
        blocks.append(.hourBars(onsets))
    }
    let place = summary.whereAndHow
    part(SummaryPart.whereAndHow, place.text)
    blocks += [place.sides, place.bodyAreas, place.sensations, place.settings].filter { !$0.items.isEmpty }.map { .shares($0) }
    blocks += [place.armsText].compactMap { $0 }.map { .paragraph($0) }
    part(SummaryPart.triggers, summary.triggers.text)
    bullets(summary.triggers.associations.map(\.text) + summary.triggers.notEnoughData.map(\.text))
    part(SummaryPart.relief, summary.relief.text)
    bullets(summary.relief.methods.map(\.text) + summary.relief.tiers.map(\.text))
    part(SummaryPart.sleep, summary.sleep.text)
    part(SummaryPart.treatments, summary.treatments.text)
    bullets(summary.treatments.active.map(\.text) + summary.treatments.comparisons.map(\.text) + summary.mayWorsenRls.map(\.text))
    part(SummaryPart.iron, summary.iron.text)
    bullets([summary.iron.crpText, summary.iron.trendText].compactMap { $0 })
    blocks.append(.small(summary.iron.drawingConditionsText))
    part(SummaryPart.rating, summary.rating.text)
    part(SummaryPart.augmentation, summary.augmentation.text)
    for watch in summary.augmentation.watches {
        blocks += [.paragraph(watch.text), .paragraph(watch.baselineText), .small(watch.scopeText)]
        bullets(watch.signs.map(\.text))
    }
    blocks.append(.heading(SummaryPart.definitions.title()))
    for definition in summary.definitions {
        blocks += [.term(definition.term), .small(definition.text)]
    }
    return blocks
}
