package org.rlsjournal.app.licences

import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.text.selection.SelectionContainer
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.text.font.FontFamily
import androidx.compose.ui.unit.dp
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import org.rlsjournal.app.R
import org.rlsjournal.app.ui.Heading

/** The files the core library ships in its assets (bindings/kotlin/build.gradle.kts, copyNotices). */
private val NOTICE_ASSETS = listOf("rlsjournal/LICENSE.txt", "rlsjournal/THIRD_PARTY_NOTICES.txt")

/**
 * The core's licence and the third-party notices, read from the assets the core library ships.
 * Layout only: the text is the shipped files', split at blank lines so the list lays out only
 * what is on screen.
 */
@Composable
fun LicencesScreen() {
    val context = LocalContext.current
    var paragraphs by remember { mutableStateOf(emptyList<String>()) }
    LaunchedEffect(Unit) {
        paragraphs = withContext(Dispatchers.IO) {
            NOTICE_ASSETS.mapNotNull { name ->
                runCatching { context.assets.open(name).bufferedReader().use { it.readText() } }.getOrNull()
            }.joinToString("\n\n").split("\n\n")
        }
    }
    LazyColumn(
        modifier = Modifier.fillMaxSize(),
        contentPadding = PaddingValues(16.dp),
    ) {
        item { Heading(stringResource(R.string.licences_title)) }
        items(paragraphs) { paragraph ->
            SelectionContainer {
                Text(paragraph, style = MaterialTheme.typography.bodySmall, fontFamily = FontFamily.Monospace)
            }
        }
    }
}
