package org.rlsjournal.presenters

import org.rlsjournal.core.Breakdown
import org.rlsjournal.core.HourBin
import org.rlsjournal.core.NightPoint
import org.rlsjournal.core.Summary
import org.rlsjournal.core.SummaryPart

/**
 * One piece of the Summary screen, in reading order. Every text is the core's; the screens only
 * pick a style per kind, so the order of the parts and what each shows is decided (and tested)
 * here once, not in each screen.
 */
sealed class SummaryBlock {
    /** The summary's title. */
    data class Title(val text: String) : SummaryBlock()

    /** A note on the whole summary (thin data, a short range), shown as a card. */
    data class Note(val text: String) : SummaryBlock()

    /** A part's title (`SummaryPart.title()`). */
    data class Heading(val text: String) : SummaryBlock()

    /** A sentence. */
    data class Paragraph(val text: String) : SummaryBlock()

    /** One line of a list (an association, a relief method, a treatment, a sign). */
    data class Bullet(val text: String) : SummaryBlock()

    /** Smaller print: a definition, the scope of a watch, how iron is best drawn. */
    data class Small(val text: String) : SummaryBlock()

    /** A term the summary defines (its definition follows as [Small]). */
    data class Term(val text: String) : SummaryBlock()

    /** A breakdown (sides, body areas, sensations, settings): the core's label and percentage per line. */
    data class Shares(val breakdown: Breakdown) : SummaryBlock()

    /** Per-night peak intensities as bars (only when the range has nights). */
    data class NightBars(val nights: List<NightPoint>) : SummaryBlock()

    /** The onset hours that had onsets, as bars with the core's labels and counts (only when any did). */
    data class HourBars(val bins: List<HourBin>) : SummaryBlock()
}

/** The Summary screen's blocks for [summary]: each part under its title, in the core's part order. */
fun summaryBlocks(summary: Summary): List<SummaryBlock> = buildList {
    fun part(part: SummaryPart, text: String) {
        add(SummaryBlock.Heading(part.title()))
        add(SummaryBlock.Paragraph(text))
    }
    fun bullets(lines: List<String>) = lines.forEach { add(SummaryBlock.Bullet(it)) }

    add(SummaryBlock.Title(summary.title))
    summary.notes.forEach { add(SummaryBlock.Note(it.text)) }
    part(SummaryPart.COVERAGE, summary.coverage.text)

    part(SummaryPart.SEVERITY, summary.severity.text)
    if (summary.severity.nights.isNotEmpty()) add(SummaryBlock.NightBars(summary.severity.nights))
    add(SummaryBlock.Paragraph(summary.severity.trend.text))
    summary.severity.worstNight?.let { add(SummaryBlock.Paragraph(it.text)) }

    part(SummaryPart.TIMING, summary.timing.text)
    val onsets = summary.timing.onsetHistogram.filter { it.count.toLong() > 0 }
    if (onsets.isNotEmpty()) add(SummaryBlock.HourBars(onsets))

    val place = summary.whereAndHow
    part(SummaryPart.WHERE_AND_HOW, place.text)
    listOf(place.sides, place.bodyAreas, place.sensations, place.settings)
        .filter { it.items.isNotEmpty() }
        .forEach { add(SummaryBlock.Shares(it)) }
    place.armsText?.let { add(SummaryBlock.Paragraph(it)) }

    part(SummaryPart.TRIGGERS, summary.triggers.text)
    bullets(summary.triggers.associations.map { it.text } + summary.triggers.notEnoughData.map { it.text })

    part(SummaryPart.RELIEF, summary.relief.text)
    bullets(summary.relief.methods.map { it.text } + summary.relief.tiers.map { it.text })

    part(SummaryPart.SLEEP, summary.sleep.text)

    part(SummaryPart.TREATMENTS, summary.treatments.text)
    bullets(
        summary.treatments.active.map { it.text } + summary.treatments.comparisons.map { it.text } +
            summary.mayWorsenRls.map { it.text },
    )

    part(SummaryPart.IRON, summary.iron.text)
    bullets(listOfNotNull(summary.iron.crpText, summary.iron.trendText))
    add(SummaryBlock.Small(summary.iron.drawingConditionsText))

    part(SummaryPart.RATING, summary.rating.text)

    part(SummaryPart.AUGMENTATION, summary.augmentation.text)
    for (watch in summary.augmentation.watches) {
        add(SummaryBlock.Paragraph(watch.text))
        add(SummaryBlock.Paragraph(watch.baselineText))
        add(SummaryBlock.Small(watch.scopeText))
        bullets(watch.signs.map { it.text })
    }

    add(SummaryBlock.Heading(SummaryPart.DEFINITIONS.title()))
    for (definition in summary.definitions) {
        add(SummaryBlock.Term(definition.term))
        add(SummaryBlock.Small(definition.text))
    }
}
