package org.rlsjournal.app.history

import androidx.compose.foundation.background
import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.aspectRatio
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.size
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.lazy.rememberLazyListState
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Card
import androidx.compose.material3.ExtendedFloatingActionButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.SnackbarDuration
import androidx.compose.material3.SnackbarHost
import androidx.compose.material3.SnackbarHostState
import androidx.compose.material3.SnackbarResult
import androidx.compose.material3.Tab
import androidx.compose.material3.TabRow
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.derivedStateOf
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
import org.rlsjournal.app.ui.FormTarget
import org.rlsjournal.app.ui.Heading
import org.rlsjournal.app.ui.MessageCard
import org.rlsjournal.app.ui.QuietButton
import org.rlsjournal.app.ui.errorText
import org.rlsjournal.app.ui.intensityColor
import org.rlsjournal.app.ui.readableOn
import org.rlsjournal.core.CalendarDay
import org.rlsjournal.core.CalendarMonth
import org.rlsjournal.core.EntryKind
import org.rlsjournal.core.HistoryItem
import org.rlsjournal.presenters.HistoryState
import org.rlsjournal.app.journalStore
import org.rlsjournal.app.ui.rememberPresenter
import org.rlsjournal.presenters.HistoryPresenter

/** Pages are loaded when the list is scrolled to within this many items of its end. */
private const val LOAD_AHEAD = 10

/**
 * History: the paged list and the month heat map. Tapping an item or a night opens that night;
 * Edit opens the entry's form; Delete deletes with an Undo snackbar.
 */
@Composable
fun HistoryScreen(
    onOpenNight: (LocalDate) -> Unit,
    onEdit: (EntryKind, String) -> Unit,
    onAdd: () -> Unit,
    presenter: HistoryPresenter = rememberPresenter { app, scope ->
        HistoryPresenter({ app.journalStore() }, scope)
    },
) {
    val state by presenter.state.collectAsStateWithLifecycle()
    val snackbar = remember { SnackbarHostState() }
    LaunchedEffect(Unit) { presenter.refresh() }

    val deletedMessage = stringResource(R.string.entry_deleted)
    val undoLabel = stringResource(R.string.undo)
    LaunchedEffect(state.deletedId) {
        if (state.deletedId != null) {
            val result = snackbar.showSnackbar(deletedMessage, actionLabel = undoLabel, duration = SnackbarDuration.Long)
            if (result == SnackbarResult.ActionPerformed) presenter.undo() else presenter.undoOffered()
        }
    }

    Box(modifier = Modifier.fillMaxSize()) {
        Column(modifier = Modifier.fillMaxSize().padding(horizontal = 16.dp)) {
            Heading(stringResource(R.string.history_title))
            TabRow(selectedTabIndex = if (state.showCalendar) 1 else 0) {
                Tab(
                    selected = !state.showCalendar,
                    onClick = { presenter.showCalendar(false) },
                    text = { Text(stringResource(R.string.history_list)) },
                    modifier = Modifier.heightIn(min = FormTarget),
                )
                Tab(
                    selected = state.showCalendar,
                    onClick = { presenter.showCalendar(true) },
                    text = { Text(stringResource(R.string.history_calendar)) },
                    modifier = Modifier.heightIn(min = FormTarget),
                )
            }
            state.error?.let { MessageCard(errorText(LocalContext.current, it), isError = true) }
            if (state.showCalendar) {
                CalendarView(state.calendar, state.weeks, presenter, onOpenNight)
            } else {
                HistoryList(state, presenter, onOpenNight, onEdit)
            }
        }
        val addLabel = stringResource(R.string.add_entry)
        ExtendedFloatingActionButton(
            onClick = onAdd,
            modifier = Modifier
                .align(Alignment.BottomEnd)
                .padding(16.dp)
                .heightIn(min = FormTarget)
                .semantics { contentDescription = addLabel },
        ) {
            Text(stringResource(R.string.add_entry))
        }
        SnackbarHost(snackbar, modifier = Modifier.align(Alignment.BottomCenter))
    }
}

@Composable
private fun HistoryList(
    state: HistoryState,
    presenter: HistoryPresenter,
    onOpenNight: (LocalDate) -> Unit,
    onEdit: (EntryKind, String) -> Unit,
) {
    val listState = rememberLazyListState()
    val nearEnd by remember {
        derivedStateOf {
            val last = listState.layoutInfo.visibleItemsInfo.lastOrNull()?.index ?: 0
            last >= listState.layoutInfo.totalItemsCount - LOAD_AHEAD
        }
    }
    LaunchedEffect(nearEnd, state.nextCursor) {
        if (nearEnd && state.hasMore) presenter.loadMore()
    }
    if (state.isEmpty) {
        Text(stringResource(R.string.history_empty), style = MaterialTheme.typography.bodyLarge, modifier = Modifier.padding(top = 16.dp))
    }
    LazyColumn(state = listState, verticalArrangement = Arrangement.spacedBy(8.dp), modifier = Modifier.fillMaxSize()) {
        items(state.items, key = { it.id }) { item ->
            HistoryRow(item, onOpenNight, onEdit, onDelete = { presenter.delete(item.id) })
        }
        item { Spacer(Modifier.size(96.dp)) }
    }
}

/** One entry, as the core describes it: title, detail, when. */
@Composable
private fun HistoryRow(
    item: HistoryItem,
    onOpenNight: (LocalDate) -> Unit,
    onEdit: (EntryKind, String) -> Unit,
    onDelete: () -> Unit,
) {
    val openLabel = stringResource(R.string.open_night_of, item.title, item.at)
    Card(
        modifier = Modifier
            .fillMaxWidth()
            .clickable(onClickLabel = openLabel) { onOpenNight(item.night) },
    ) {
        Row(modifier = Modifier.padding(12.dp), verticalAlignment = Alignment.CenterVertically) {
            val peak = item.intensity
            if (peak != null) {
                val color = intensityColor(peak)
                Box(
                    contentAlignment = Alignment.Center,
                    modifier = Modifier
                        .size(48.dp)
                        .background(color, MaterialTheme.shapes.small),
                ) {
                    Text(peak.toString(), color = readableOn(color), style = MaterialTheme.typography.titleLarge)
                }
                Spacer(Modifier.size(12.dp))
            }
            Column(modifier = Modifier.weight(1f)) {
                Text(item.title, style = MaterialTheme.typography.titleMedium)
                Text(item.detail, style = MaterialTheme.typography.bodyMedium)
                Text(item.at, style = MaterialTheme.typography.bodySmall)
            }
        }
        Row(horizontalArrangement = Arrangement.End, modifier = Modifier.fillMaxWidth()) {
            val editLabel = stringResource(R.string.edit_item, item.title)
            val deleteLabel = stringResource(R.string.delete_item, item.title)
            TextButton(
                onClick = { onEdit(item.kind, item.id) },
                modifier = Modifier.heightIn(min = FormTarget).semantics { contentDescription = editLabel },
            ) { Text(stringResource(R.string.edit)) }
            TextButton(
                onClick = onDelete,
                modifier = Modifier.heightIn(min = FormTarget).semantics { contentDescription = deleteLabel },
            ) { Text(stringResource(R.string.delete)) }
        }
    }
}

/** The month heat map: one cell per night, coloured by its peak intensity. */
@Composable
private fun CalendarView(month: CalendarMonth?, weeks: List<List<CalendarDay?>>, presenter: HistoryPresenter, onOpenNight: (LocalDate) -> Unit) {
    Column(modifier = Modifier.verticalScroll(rememberScrollState())) {
        Row(verticalAlignment = Alignment.CenterVertically, modifier = Modifier.fillMaxWidth()) {
            QuietButton("‹", stringResource(R.string.previous_month), { presenter.previousMonth() })
            Text(
                month?.title ?: "",
                style = MaterialTheme.typography.titleLarge,
                modifier = Modifier.weight(1f).padding(horizontal = 8.dp),
            )
            QuietButton("›", stringResource(R.string.next_month), { presenter.nextMonth() })
        }
        for (week in weeks) {
            Row(horizontalArrangement = Arrangement.spacedBy(4.dp), modifier = Modifier.fillMaxWidth().padding(vertical = 2.dp)) {
                for (day in week) {
                    Box(modifier = Modifier.weight(1f).aspectRatio(1f)) {
                        if (day != null) DayCell(day, onOpenNight)
                    }
                }
            }
        }
    }
}

@Composable
private fun DayCell(day: CalendarDay, onOpenNight: (LocalDate) -> Unit) {
    val peak = day.peakIntensity
    val color = intensityColor(peak)
    val description = if (peak == null) {
        stringResource(R.string.calendar_day_empty, day.night.dayOfMonth, day.entryCount.toInt())
    } else {
        stringResource(R.string.calendar_day, day.night.dayOfMonth, peak, day.episodeCount.toInt())
    }
    Box(
        contentAlignment = Alignment.Center,
        modifier = Modifier
            .fillMaxSize()
            .background(color, MaterialTheme.shapes.small)
            .clickable(onClickLabel = description) { onOpenNight(day.night) }
            .semantics { contentDescription = description },
    ) {
        Text(day.night.dayOfMonth.toString(), color = readableOn(color), style = MaterialTheme.typography.titleMedium)
    }
}
