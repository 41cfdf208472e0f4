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
import org.rlsjournal.presenters.SummaryBlock
import org.rlsjournal.app.journalStore
import org.rlsjournal.app.ui.rememberPresenter
import org.rlsjournal.presenters.SummaryPresenter

/**
 * The pattern summary, rendered natively: every sentence and number is the core's text; the
 * charts draw the core's series (per-night peaks, onset hours) as plain bars.
 */
@Composable
fun SummaryScreen(
    presenter: SummaryPresenter = rememberPresenter { app, scope ->
        SummaryPresenter({ app.journalStore() }, scope)
    },
) {
    val state by presenter.state.collectAsStateWithLifecycle()
    LaunchedEffect(Unit) { presenter.load(state.nights) }

    Column(
        modifier = Modifier
            .fillMaxSize()
            .verticalScroll(rememberScrollState())
            .padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(4.dp),
    ) {
        Heading(stringResource(R.string.summary_title))
        ChoiceRow(
            choices = presenter.lengths,
            selected = state.nights ?: presenter.lengths.first(),
            label = { n -> stringResource(R.string.last_n_nights, n) },
            onSelect = { n -> presenter.load(n) },
            clearable = false,
        )
        state.error?.let { MessageCard(errorText(LocalContext.current, it), isError = true) }
        if (state.loading) {
            CircularProgressIndicator()
        }
        for (block in state.blocks) {
            SummaryBlockView(block)
        }
    }
}

/** One block of the summary (`SummaryState.blocks`), in the style of its kind. */
@Composable
private fun SummaryBlockView(block: SummaryBlock) {
    when (block) {
        is SummaryBlock.Title -> Text(block.text, style = MaterialTheme.typography.titleLarge)
        is SummaryBlock.Note -> MessageCard(block.text, isError = false)
        is SummaryBlock.Heading -> SectionTitle(block.text)
        is SummaryBlock.Paragraph -> BodyText(block.text)
        is SummaryBlock.Bullet -> BodyText("• " + block.text)
        is SummaryBlock.Small -> Text(block.text, style = MaterialTheme.typography.bodyMedium)
        is SummaryBlock.Term -> Text(block.text, style = MaterialTheme.typography.titleSmall)
        is SummaryBlock.Shares -> BreakdownLines(block.breakdown)
        is SummaryBlock.NightBars -> NightBars(block.nights)
        is SummaryBlock.HourBars -> HourBars(block.bins)
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
    val max = bins.maxOf { it.count.toInt() }
    Column(modifier = Modifier.padding(vertical = 8.dp)) {
        for (bin in bins) {
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
