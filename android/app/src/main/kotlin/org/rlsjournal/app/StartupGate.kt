package org.rlsjournal.app

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.safeDrawingPadding
import androidx.compose.foundation.layout.statusBarsPadding
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.produceState
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import kotlinx.coroutines.launch
import org.rlsjournal.app.ui.BodyText
import org.rlsjournal.app.ui.Heading
import org.rlsjournal.app.ui.MessageCard
import org.rlsjournal.app.ui.QuietButton
import org.rlsjournal.presenters.attempt
import org.rlsjournal.app.ui.errorText
import org.rlsjournal.journal.JournalStore
import org.rlsjournal.presenters.Startup
import org.rlsjournal.presenters.startupOf

/**
 * Shows [content] once the core is loaded and the journal open (both off the main thread, in
 * [RlsJournalApplication]); a spinner until then; and a screen that says what happened if the
 * native library does not load or does not match its bindings, or the journal cannot be opened.
 */
@Composable
fun StartupGate(content: @Composable () -> Unit) {
    val context = LocalContext.current
    val app = context.applicationContext as RlsJournalApplication
    // Which screen follows is startupOf's (android/presenters): the app, the core's reason, or
    // the engine failure (a library missing, refused or from another build than its bindings).
    val startup by produceState<Startup>(Startup.Loading, app) { value = startupOf { app.store.await() } }
    when (val state = startup) {
        Startup.Loading -> {
            val loading = stringResource(R.string.startup_loading)
            Box(modifier = Modifier.fillMaxSize(), contentAlignment = Alignment.Center) {
                CircularProgressIndicator(modifier = Modifier.semantics { contentDescription = loading })
            }
        }
        is Startup.Ready -> Column(modifier = Modifier.fillMaxSize()) {
            RefreshFailureBanner(state.store)
            Box(modifier = Modifier.weight(1f)) { content() }
        }
        is Startup.JournalFailed -> StartupFailed(state.sentence)
        is Startup.EngineFailed -> StartupFailed(stringResource(R.string.startup_failed_library, state.name))
    }
}

/** The start-up failed: says so, with [message]. */
@Composable
private fun StartupFailed(message: String) {
    Column(
        // targetSdk 35+ draws edge to edge: keep the text clear of the system bars.
        modifier = Modifier.fillMaxSize().safeDrawingPadding().padding(24.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        Heading(stringResource(R.string.startup_failed_title))
        BodyText(message)
    }
}

/**
 * The store's [JournalStore.refreshFailure]: a write succeeded but re-reading what the screens
 * show failed, so they may be out of date. Says so, with the core's reason, and offers a retry.
 */
@Composable
private fun RefreshFailureBanner(store: JournalStore) {
    val context = LocalContext.current
    val scope = rememberCoroutineScope()
    val failure by store.refreshFailure.collectAsStateWithLifecycle()
    val error = failure ?: return
    Column(modifier = Modifier.fillMaxWidth().statusBarsPadding().padding(horizontal = 16.dp, vertical = 8.dp)) {
        MessageCard(context.getString(R.string.refresh_failed, errorText(context, error)), isError = true)
        QuietButton(
            text = stringResource(R.string.refresh_retry),
            description = stringResource(R.string.refresh_retry_description),
            onClick = { scope.launch { attempt { store.refresh() } } },
            modifier = Modifier.fillMaxWidth(),
        )
    }
}
