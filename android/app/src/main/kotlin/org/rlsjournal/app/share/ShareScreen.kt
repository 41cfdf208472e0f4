package org.rlsjournal.app.share

import android.content.Intent
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import androidx.core.content.FileProvider
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import java.io.File
import org.rlsjournal.app.R
import org.rlsjournal.app.ui.BigButton
import org.rlsjournal.app.ui.BodyText
import org.rlsjournal.app.ui.Heading
import org.rlsjournal.app.ui.MessageCard
import org.rlsjournal.app.ui.QuietButton
import org.rlsjournal.app.ui.SectionTitle
import org.rlsjournal.app.ui.SwitchRow
import org.rlsjournal.app.ui.TextInput
import org.rlsjournal.app.ui.errorText
import org.rlsjournal.app.journalStore
import org.rlsjournal.app.ui.readPicked
import org.rlsjournal.app.ui.rememberPresenter
import org.rlsjournal.presenters.SharePresenter
import org.rlsjournal.presenters.CacheExportSink

/** Share: the clinician report, the CSV tables and a backup through the share sheet; restore. */
@Composable
fun ShareScreen(
    presenter: SharePresenter = rememberPresenter { app, scope ->
        SharePresenter({ app.journalStore() }, scope, CacheExportSink(app.cacheDir))
    },
) {
    val state by presenter.state.collectAsStateWithLifecycle()
    val context = LocalContext.current
    val chooserTitle = stringResource(R.string.share_with)

    LaunchedEffect(state.ready) {
        val ready = state.ready ?: return@LaunchedEffect
        val uri = FileProvider.getUriForFile(context, context.packageName + ".exports", File(ready.path))
        val send = Intent(Intent.ACTION_SEND)
            .setType(ready.mimeType)
            .putExtra(Intent.EXTRA_STREAM, uri)
            .addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION)
        context.startActivity(Intent.createChooser(send, chooserTitle))
        presenter.shared()
    }

    LaunchedEffect(Unit) { presenter.load() }

    val pickBackup = rememberLauncherForActivityResult(ActivityResultContracts.OpenDocument()) { uri ->
        if (uri != null) presenter.restore { readPicked(context.applicationContext, uri) }
    }

    Column(
        modifier = Modifier
            .fillMaxSize()
            .verticalScroll(rememberScrollState())
            .padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        Heading(stringResource(R.string.share_title))
        BodyText(stringResource(R.string.share_private))
        state.error?.let { MessageCard(errorText(LocalContext.current, it), isError = true) }
        state.restored?.let { r ->
            MessageCard(stringResource(R.string.restore_done, r.added.toInt(), r.updated.toInt(), r.unchanged.toInt()), isError = false)
        }
        if (state.busy) {
            CircularProgressIndicator()
        }

        SectionTitle(stringResource(R.string.report_section))
        state.periodText?.let { BodyText(it) }
        state.comparisonText?.let { BodyText(it) }
        state.question?.let { BodyText(stringResource(R.string.report_question, it)) }
        TextInput(stringResource(R.string.patient_name_optional), state.patientName, { presenter.setPatientName(it) })
        SwitchRow(stringResource(R.string.include_notes), state.includeNotes) { presenter.setIncludeNotes(it) }
        SwitchRow(stringResource(R.string.detail_page), state.detailPage) { presenter.setDetailPage(it) }
        BigButton(
            text = stringResource(R.string.share_report),
            description = stringResource(R.string.share_report_description),
            onClick = { presenter.shareReport() },
            enabled = !state.busy,
            emphasis = true,
            modifier = Modifier.fillMaxWidth(),
        )
        BigButton(
            text = stringResource(R.string.share_csv),
            description = stringResource(R.string.share_csv_description),
            onClick = { presenter.shareCsv() },
            enabled = !state.busy,
            modifier = Modifier.fillMaxWidth(),
        )

        SectionTitle(stringResource(R.string.backup_section))
        BodyText(stringResource(R.string.backup_hint))
        BigButton(
            text = stringResource(R.string.share_backup),
            description = stringResource(R.string.share_backup_description),
            onClick = { presenter.shareBackup() },
            enabled = !state.busy,
            modifier = Modifier.fillMaxWidth(),
        )
        QuietButton(
            text = stringResource(R.string.restore_backup),
            description = stringResource(R.string.restore_backup_description),
            onClick = { pickBackup.launch(arrayOf("application/zip", "application/json", "application/octet-stream")) },
            enabled = !state.busy,
            modifier = Modifier.fillMaxWidth(),
        )
    }
}
