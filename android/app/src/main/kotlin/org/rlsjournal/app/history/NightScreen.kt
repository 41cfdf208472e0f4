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
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import java.time.LocalDate
import org.rlsjournal.app.R
import org.rlsjournal.app.ui.BodyText
import org.rlsjournal.app.ui.FormTarget
import org.rlsjournal.app.ui.Heading
import org.rlsjournal.app.ui.MessageCard
import org.rlsjournal.app.ui.SectionTitle
import org.rlsjournal.app.ui.errorText
import org.rlsjournal.core.EntryKind
import org.rlsjournal.core.NightView
import org.rlsjournal.app.journalStore
import org.rlsjournal.app.ui.rememberPresenter
import org.rlsjournal.presenters.NightPresenter

/**
 * One night: the core's title and summary line, then each entry of the night in time order, as
 * the core's display lines (`NightView.items`: title, when, detail), with Edit and Delete.
 */
@Composable
fun NightScreen(
    night: LocalDate,
    onEdit: (EntryKind, String) -> Unit,
    presenter: NightPresenter = rememberPresenter { app, scope ->
        NightPresenter({ app.journalStore() }, scope)
    },
) {
    val state by presenter.state.collectAsStateWithLifecycle()
    val snackbar = remember { SnackbarHostState() }
    LaunchedEffect(night) { presenter.load(night) }

    val deletedMessage = stringResource(R.string.entry_deleted)
    val undoLabel = stringResource(R.string.undo)
    LaunchedEffect(state.deletedId) {
        if (state.deletedId != null) {
            val result = snackbar.showSnackbar(deletedMessage, actionLabel = undoLabel, duration = SnackbarDuration.Long)
            if (result == SnackbarResult.ActionPerformed) presenter.undo() else presenter.undoOffered()
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
            state.error?.let { MessageCard(errorText(LocalContext.current, it), isError = true) }
            val view = state.view
            if (view != null) {
                NightContent(view, onEdit, onDelete = { presenter.delete(it) })
            }
        }
        SnackbarHost(snackbar, modifier = Modifier.align(Alignment.BottomCenter))
    }
}

@Composable
private fun NightContent(view: NightView, onEdit: (EntryKind, String) -> Unit, onDelete: (String) -> Unit) {
    Heading(view.title)
    BodyText(view.summary)

    // The core's display lines of the night's entries, in time order (the history's own text).
    for (item in view.items) {
        EntryRow(
            title = item.title,
            lines = listOf(item.at, item.detail),
            onEdit = { onEdit(item.kind, item.id) },
            onDelete = { onDelete(item.id) },
        )
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
