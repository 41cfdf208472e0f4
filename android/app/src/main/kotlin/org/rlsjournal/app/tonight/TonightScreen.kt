package org.rlsjournal.app.tonight

import org.rlsjournal.app.ui.Rules
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import org.rlsjournal.app.R
import org.rlsjournal.app.reminders.AskNotificationsAfterFirstLog
import org.rlsjournal.app.ui.BedsideTarget
import org.rlsjournal.app.ui.BigButton
import org.rlsjournal.app.ui.BodyText
import org.rlsjournal.app.ui.ChoiceRow
import org.rlsjournal.app.ui.Heading
import org.rlsjournal.app.ui.MessageCard
import org.rlsjournal.app.ui.SectionTitle
import org.rlsjournal.app.ui.Vocabulary
import org.rlsjournal.app.ui.errorText
import org.rlsjournal.app.ui.noticeText
import org.rlsjournal.presenters.TonightState
import org.rlsjournal.app.journalStore
import org.rlsjournal.app.ui.rememberPresenter
import org.rlsjournal.presenters.TonightPresenter

/**
 * Tonight, the start screen: usable one-handed in the dark. The intensity buttons (the "log
 * symptoms" control) sit at the bottom, within thumb reach; every target is at least 64 dp.
 */
@Composable
fun TonightScreen(
    presenter: TonightPresenter = rememberPresenter { app, scope ->
        TonightPresenter({ app.journalStore() }, scope)
    },
) {
    val state by presenter.state.collectAsStateWithLifecycle()
    LaunchedEffect(Unit) { presenter.refresh() }
    // The first log is the first moment a reminder makes sense: ask for notifications then.
    AskNotificationsAfterFirstLog(logged = state.justLogged)

    Column(
        modifier = Modifier
            .fillMaxSize()
            .verticalScroll(rememberScrollState())
            .padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        Heading(stringResource(R.string.tonight_title))
        state.error?.let { MessageCard(errorText(LocalContext.current, it), isError = true) }
        state.notice?.let { MessageCard(noticeText(LocalContext.current, it), isError = false) }

        if (state.hasOpenEpisode) {
            OpenEpisodeCard(state, presenter)
        }

        SectionTitle(stringResource(R.string.which_side))
        ChoiceRow(
            choices = Vocabulary.sides,
            selected = state.side,
            label = { it.label() },
            onSelect = { presenter.chooseSide(it) },
            minHeight = BedsideTarget,
        )

        Spacer(Modifier.height(8.dp))
        IntensityPad(enabled = !state.busy && !state.loading, onLog = { presenter.log(it) })
    }
}

/** The open episode: what the core says about it, "end it", and what helped. */
@Composable
private fun OpenEpisodeCard(state: TonightState, presenter: TonightPresenter) {
    Card(modifier = Modifier.fillMaxWidth()) {
        Column(modifier = Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(
                state.openTitle ?: stringResource(R.string.episode_in_progress),
                style = MaterialTheme.typography.headlineSmall,
                modifier = Modifier.semantics { heading() },
            )
            state.openDetail?.let { BodyText(it) }
            BigButton(
                text = stringResource(R.string.end_episode),
                description = stringResource(R.string.end_episode_description),
                onClick = { presenter.end() },
                enabled = !state.busy,
                emphasis = true,
                modifier = Modifier.fillMaxWidth(),
            )
        }
    }

    SectionTitle(stringResource(R.string.what_helped))
    ChoiceRow(
        choices = Vocabulary.reliefMethods,
        selected = state.reliefMethod,
        label = { it.label() },
        onSelect = { presenter.chooseRelief(it) },
        minHeight = BedsideTarget,
    )
    val method = state.reliefMethod
    if (method != null) {
        val methodName = method.label()
        BodyText(stringResource(R.string.how_much_helped, methodName))
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp), modifier = Modifier.fillMaxWidth()) {
            for (step in Vocabulary.helped) {
                BigButton(
                    text = step.label,
                    description = stringResource(R.string.helped_description, methodName, step.name),
                    onClick = { presenter.relief(step.value) },
                    enabled = !state.busy,
                    modifier = Modifier.weight(1f),
                )
            }
        }
    }
}

/** A large button for each intensity (the core's range, five to a row): one tap logs it. */
@Composable
private fun IntensityPad(enabled: Boolean, onLog: (Int) -> Unit) {
    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        SectionTitle(stringResource(R.string.log_symptoms))
        Text(stringResource(R.string.log_symptoms_hint), style = MaterialTheme.typography.bodyMedium)
        for (row in Rules.intensities.chunked(5)) {
            Row(horizontalArrangement = Arrangement.spacedBy(8.dp), modifier = Modifier.fillMaxWidth()) {
                for (intensity in row) {
                    BigButton(
                        text = intensity.toString(),
                        description = stringResource(R.string.log_intensity_description, intensity),
                        onClick = { onLog(intensity) },
                        enabled = enabled,
                        minHeight = BedsideTarget,
                        modifier = Modifier.weight(1f),
                    )
                }
            }
        }
    }
}
