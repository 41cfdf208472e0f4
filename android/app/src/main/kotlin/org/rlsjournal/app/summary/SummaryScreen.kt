package org.rlsjournal.app.summary

import org.rlsjournal.app.ui.Rules
import androidx.compose.foundation.background
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxHeight
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.width
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewmodel.compose.viewModel
import org.rlsjournal.app.R
import org.rlsjournal.app.ui.BodyText
import org.rlsjournal.app.ui.ChoiceRow
import org.rlsjournal.app.ui.Heading
import org.rlsjournal.app.ui.MessageCard
import org.rlsjournal.app.ui.SectionTitle
import org.rlsjournal.app.ui.errorText
import org.rlsjournal.app.ui.intensityColor
import org.rlsjournal.core.Breakdown
import org.rlsjournal.core.HourBin
import org.rlsjournal.core.NightPoint
import org.rlsjournal.core.Summary
import org.rlsjournal.core.SummaryPart

/**
 * The pattern summary, rendered natively: every sentence and number is the core's text; the
 * charts draw the core's series (per-night peaks, onset hours) as plain bars.
 */
@Composable
fun SummaryScreen(vm: SummaryViewModel = viewModel()) {
    val state by vm.state.collectAsStateWithLifecycle()
    LaunchedEffect(Unit) { vm.presenter.load(state.nights) }

    Column(
        modifier = Modifier
            .fillMaxSize()
            .verticalScroll(rememberScrollState())
            .padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(4.dp),
    ) {
        Heading(stringResource(R.string.summary_title))
        ChoiceRow(
            choices = vm.presenter.lengths,
            selected = state.nights ?: vm.presenter.lengths.first(),
            label = { n -> stringResource(R.string.last_n_nights, n) },
            onSelect = { n -> vm.presenter.load(n) },
            clearable = false,
        )
        state.error?.let { MessageCard(errorText(LocalContext.current, it), isError = true) }
        if (state.loading) {
            CircularProgressIndicator()
        }
        state.summary?.let { SummaryContent(it) }
    }
}

@Composable
private fun SummaryContent(summary: Summary) {
    Text(summary.title, style = MaterialTheme.typography.titleLarge)
    for (note in summary.notes) {
        MessageCard(note.text, isError = false)
    }

    SectionTitle(SummaryPart.COVERAGE.title())
    BodyText(summary.coverage.text)

    SectionTitle(SummaryPart.SEVERITY.title())
    BodyText(summary.severity.text)
    NightBars(summary.severity.nights)
    BodyText(summary.severity.trend.text)
    summary.severity.worstNight?.let { BodyText(it.text) }

    SectionTitle(SummaryPart.TIMING.title())
    BodyText(summary.timing.text)
    HourBars(summary.timing.onsetHistogram)

    SectionTitle(SummaryPart.WHERE_AND_HOW.title())
    BodyText(summary.whereAndHow.text)
    BreakdownLines(summary.whereAndHow.sides)
    BreakdownLines(summary.whereAndHow.bodyAreas)
    BreakdownLines(summary.whereAndHow.sensations)
    BreakdownLines(summary.whereAndHow.settings)
    summary.whereAndHow.armsText?.let { BodyText(it) }

    SectionTitle(SummaryPart.TRIGGERS.title())
    BodyText(summary.triggers.text)
    for (association in summary.triggers.associations) {
        BodyText("• " + association.text)
    }
    for (shortfall in summary.triggers.notEnoughData) {
        BodyText("• " + shortfall.text)
    }

    SectionTitle(SummaryPart.RELIEF.title())
    BodyText(summary.relief.text)
    for (method in summary.relief.methods) {
        BodyText("• " + method.text)
    }
    for (tier in summary.relief.tiers) {
        BodyText("• " + tier.text)
    }

    SectionTitle(SummaryPart.SLEEP.title())
    BodyText(summary.sleep.text)

    SectionTitle(SummaryPart.TREATMENTS.title())
    BodyText(summary.treatments.text)
    for (active in summary.treatments.active) {
        BodyText("• " + active.text)
    }
    for (comparison in summary.treatments.comparisons) {
        BodyText("• " + comparison.text)
    }
    for (medicine in summary.mayWorsenRls) {
        BodyText("• " + medicine.text)
    }

    SectionTitle(SummaryPart.IRON.title())
    BodyText(summary.iron.text)
    summary.iron.crpText?.let { BodyText(it) }
    summary.iron.trendText?.let { BodyText(it) }
    BodyText(summary.iron.drawingConditionsText)

    SectionTitle(SummaryPart.RATING.title())
    BodyText(summary.rating.text)

    SectionTitle(SummaryPart.AUGMENTATION.title())
    BodyText(summary.augmentation.text)
    for (watch in summary.augmentation.watches) {
        BodyText(watch.text)
        BodyText(watch.baselineText)
        BodyText(watch.scopeText)
        for (sign in watch.signs) {
            BodyText("• " + sign.text)
        }
    }

    SectionTitle(SummaryPart.DEFINITIONS.title())
    for (definition in summary.definitions) {
        Text(definition.term, style = MaterialTheme.typography.titleSmall)
        Text(definition.text, style = MaterialTheme.typography.bodyMedium)
    }
}

/** A breakdown (sides, body areas…): one line per item, the core's label and percentage. */
@Composable
private fun BreakdownLines(breakdown: Breakdown) {
    for (item in breakdown.items) {
        Row(modifier = Modifier.fillMaxWidth()) {
            Text(item.label, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.weight(1f))
            Text(item.percentText, style = MaterialTheme.typography.bodyLarge)
        }
    }
}

/** Per-night peak intensity as vertical bars (0-10); nights with nothing logged stay empty. */
@Composable
private fun NightBars(nights: List<NightPoint>) {
    if (nights.isEmpty()) return
    Row(
        horizontalArrangement = Arrangement.spacedBy(2.dp),
        verticalAlignment = Alignment.Bottom,
        modifier = Modifier
            .fillMaxWidth()
            .height(96.dp)
            .padding(vertical = 8.dp),
    ) {
        for (point in nights) {
            val peak = point.peak?.toInt() ?: 0
            val color = if (point.logged) intensityColor(peak) else Color.Transparent
            val description = if (point.logged) {
                stringResource(R.string.night_point, point.label, peak)
            } else {
                stringResource(R.string.night_point_missing, point.label)
            }
            Box(
                modifier = Modifier
                    .weight(1f)
                    .fillMaxHeight((peak / Rules.core.intensity.max.toFloat()).coerceIn(0.04f, 1f))
                    .background(color)
                    .clearAndSetSemantics { contentDescription = description },
            )
        }
    }
}

/** Onset clock hours as horizontal bars, with the core's hour labels and counts. */
@Composable
private fun HourBars(bins: List<HourBin>) {
    val max = bins.maxOfOrNull { it.count.toInt() } ?: 0
    if (max == 0) return
    Column(modifier = Modifier.padding(vertical = 8.dp)) {
        for (bin in bins) {
            if (bin.count.toInt() == 0) continue
            Row(verticalAlignment = Alignment.CenterVertically, modifier = Modifier.fillMaxWidth()) {
                Text(bin.label, style = MaterialTheme.typography.bodyMedium, modifier = Modifier.width(64.dp))
                Box(
                    modifier = Modifier
                        .weight(bin.count.toFloat() / max)
                        .height(16.dp)
                        .background(MaterialTheme.colorScheme.primary),
                )
                if (bin.count.toInt() < max) {
                    Box(modifier = Modifier.weight(1f - bin.count.toFloat() / max))
                }
                Text(" " + bin.count.toString(), style = MaterialTheme.typography.bodyMedium)
            }
        }
    }
}
