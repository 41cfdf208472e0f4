package org.rlsjournal.app.history

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.SnackbarDuration
import androidx.compose.material3.SnackbarHost
import androidx.compose.material3.SnackbarHostState
import androidx.compose.material3.SnackbarResult
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.remember
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewmodel.compose.viewModel
import java.time.LocalDate
import org.rlsjournal.app.R
import org.rlsjournal.app.ui.BodyText
import org.rlsjournal.app.ui.FormTarget
import org.rlsjournal.app.ui.Heading
import org.rlsjournal.app.ui.MessageCard
import org.rlsjournal.app.ui.SectionTitle
import org.rlsjournal.app.ui.analyteLabel
import org.rlsjournal.app.ui.entryKindLabel
import org.rlsjournal.app.ui.exposureLabel
import org.rlsjournal.app.ui.helpedName
import org.rlsjournal.app.ui.reliefLabel
import org.rlsjournal.core.EntryKind
import org.rlsjournal.core.NightView

/**
 * One night: the core's title and summary line, then each entry of the night with Edit and
 * Delete. The core's NightView carries records, not display lines, so an entry row shows only
 * its kind and its name; its full description is on the History list (see docs/apps.md, gaps).
 */
@Composable
fun NightScreen(
    night: LocalDate,
    onEdit: (EntryKind, String) -> Unit,
    vm: NightViewModel = viewModel(),
) {
    val state by vm.state.collectAsStateWithLifecycle()
    val snackbar = remember { SnackbarHostState() }
    LaunchedEffect(night) { vm.load(night) }

    val deletedMessage = stringResource(R.string.entry_deleted)
    val undoLabel = stringResource(R.string.undo)
    LaunchedEffect(state.deletedId) {
        if (state.deletedId != null) {
            val result = snackbar.showSnackbar(deletedMessage, actionLabel = undoLabel, duration = SnackbarDuration.Long)
            if (result == SnackbarResult.ActionPerformed) vm.undo() else vm.undoOffered()
        }
    }

    Box(modifier = Modifier.fillMaxSize()) {
        Column(
            modifier = Modifier
                .fillMaxSize()
                .verticalScroll(rememberScrollState())
                .padding(16.dp),
            verticalArrangement = Arrangement.spacedBy(8.dp),
        ) {
            state.error?.let { MessageCard(it, isError = true) }
            val view = state.view
            if (view != null) {
                NightContent(view, onEdit, onDelete = { vm.delete(it) })
            }
        }
        SnackbarHost(snackbar, modifier = Modifier.align(Alignment.BottomCenter))
    }
}

@Composable
private fun NightContent(view: NightView, onEdit: (EntryKind, String) -> Unit, onDelete: (String) -> Unit) {
    Heading(view.title)
    BodyText(view.summary)

    if (view.episodes.isNotEmpty()) {
        SectionTitle(entryKindLabel(EntryKind.EPISODE))
        for (episode in view.episodes) {
            val relief = episode.relief.map { attempt ->
                stringResource(R.string.relief_line, reliefLabel(attempt.data.method), helpedName(attempt.data.helped.toInt()))
            }
            EntryRow(
                title = stringResource(R.string.peak_value, episode.data.peakIntensity.toInt()),
                lines = relief,
                onEdit = { onEdit(EntryKind.EPISODE, episode.id) },
                onDelete = { onDelete(episode.id) },
            )
        }
    }
    val diary = view.sleepDiary
    if (diary != null) {
        SectionTitle(entryKindLabel(EntryKind.SLEEP_DIARY))
        EntryRow(
            title = stringResource(R.string.quality_of_five, diary.data.quality.toInt()),
            lines = emptyList(),
            onEdit = { onEdit(EntryKind.SLEEP_DIARY, diary.id) },
            onDelete = { onDelete(diary.id) },
        )
    }
    if (view.exposures.isNotEmpty()) {
        SectionTitle(entryKindLabel(EntryKind.EXPOSURE))
        for (exposure in view.exposures) {
            EntryRow(
                title = exposureLabel(exposure.data.kind),
                lines = emptyList(),
                onEdit = { onEdit(EntryKind.EXPOSURE, exposure.id) },
                onDelete = { onDelete(exposure.id) },
            )
        }
    }
    if (view.doses.isNotEmpty()) {
        SectionTitle(entryKindLabel(EntryKind.DOSE))
        for (dose in view.doses) {
            EntryRow(
                title = dose.treatmentName,
                lines = emptyList(),
                onEdit = { onEdit(EntryKind.DOSE, dose.id) },
                onDelete = { onDelete(dose.id) },
            )
        }
    }
    if (view.labResults.isNotEmpty()) {
        SectionTitle(entryKindLabel(EntryKind.LAB_RESULT))
        for (lab in view.labResults) {
            EntryRow(
                title = analyteLabel(lab.data.analyte),
                lines = emptyList(),
                onEdit = { onEdit(EntryKind.LAB_RESULT, lab.id) },
                onDelete = { onDelete(lab.id) },
            )
        }
    }
    if (view.severityRatings.isNotEmpty()) {
        SectionTitle(entryKindLabel(EntryKind.SEVERITY_RATING))
        for (rating in view.severityRatings) {
            EntryRow(
                title = stringResource(R.string.irls_total_value, rating.data.irlsTotal.toInt()),
                lines = emptyList(),
                onEdit = { onEdit(EntryKind.SEVERITY_RATING, rating.id) },
                onDelete = { onDelete(rating.id) },
            )
        }
    }
    if (view.treatmentsStarted.isNotEmpty()) {
        SectionTitle(stringResource(R.string.treatments_started))
        for (treatment in view.treatmentsStarted) {
            EntryRow(
                title = treatment.data.name,
                lines = emptyList(),
                onEdit = { onEdit(EntryKind.TREATMENT, treatment.id) },
                onDelete = { onDelete(treatment.id) },
            )
        }
    }
    if (view.activeTreatments.isNotEmpty()) {
        SectionTitle(stringResource(R.string.treatments_active))
        for (treatment in view.activeTreatments) {
            BodyText(treatment.data.name)
        }
    }
}

@Composable
private fun EntryRow(title: String, lines: List<String>, onEdit: () -> Unit, onDelete: () -> Unit) {
    Card(modifier = Modifier.fillMaxWidth()) {
        Column(modifier = Modifier.padding(12.dp)) {
            Text(title, style = MaterialTheme.typography.titleMedium)
            for (line in lines) {
                Text(line, style = MaterialTheme.typography.bodyMedium)
            }
        }
        Row(horizontalArrangement = Arrangement.End, modifier = Modifier.fillMaxWidth()) {
            val editLabel = stringResource(R.string.edit_item, title)
            val deleteLabel = stringResource(R.string.delete_item, title)
            TextButton(
                onClick = onEdit,
                modifier = Modifier.heightIn(min = FormTarget).semantics { contentDescription = editLabel },
            ) { Text(stringResource(R.string.edit)) }
            TextButton(
                onClick = onDelete,
                modifier = Modifier.heightIn(min = FormTarget).semantics { contentDescription = deleteLabel },
            ) { Text(stringResource(R.string.delete)) }
        }
    }
}
