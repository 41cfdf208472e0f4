package org.rlsjournal.app.backup

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
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.text.input.PasswordVisualTransformation
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewmodel.compose.viewModel
import org.rlsjournal.app.R
import org.rlsjournal.app.ui.BigButton
import org.rlsjournal.app.ui.BodyText
import org.rlsjournal.app.ui.Heading
import org.rlsjournal.app.ui.MessageCard
import org.rlsjournal.app.ui.QuietButton
import org.rlsjournal.app.ui.SectionTitle
import org.rlsjournal.app.ui.errorText

/** Automatic backups: the folder, the passphrase, the core's status sentence; restore a file. */
@Composable
fun BackupScreen(vm: BackupViewModel = viewModel()) {
    val state by vm.state.collectAsStateWithLifecycle()
    var passphrase by rememberSaveable { mutableStateOf("") }
    var restorePassphrase by rememberSaveable { mutableStateOf("") }
    LaunchedEffect(Unit) { vm.presenter.refresh() }
    val pickFolder = rememberLauncherForActivityResult(ActivityResultContracts.OpenDocumentTree()) { uri ->
        if (uri != null) vm.folderPicked(uri)
    }
    val pickFile = rememberLauncherForActivityResult(ActivityResultContracts.OpenDocument()) { uri ->
        if (uri != null) vm.restore(uri, restorePassphrase)
    }

    Column(
        modifier = Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        Heading(stringResource(R.string.backup_title))
        state.statusText?.let { BodyText(it) }
        state.folderProblem?.let { MessageCard(it, isError = true) }
        state.error?.let { MessageCard(errorText(LocalContext.current, it), isError = true) }
        state.restored?.let { r ->
            MessageCard(stringResource(R.string.restore_done, r.added.toInt(), r.updated.toInt(), r.unchanged.toInt()), isError = false)
        }
        if (state.busy) CircularProgressIndicator()

        SectionTitle(stringResource(R.string.backup_folder_section))
        BodyText(state.folderName ?: stringResource(R.string.backup_no_folder))
        BigButton(
            text = stringResource(R.string.backup_choose_folder),
            description = stringResource(R.string.backup_choose_folder),
            onClick = { pickFolder.launch(null) },
            modifier = Modifier.fillMaxWidth(),
        )
        QuietButton(stringResource(R.string.backup_now), stringResource(R.string.backup_now), { vm.presenter.backUpNow() }, Modifier.fillMaxWidth(), enabled = state.folderName != null)
        QuietButton(stringResource(R.string.backup_stop), stringResource(R.string.backup_stop), { vm.forgetFolder() }, Modifier.fillMaxWidth(), enabled = state.folderName != null)
        state.status?.policy?.let { BodyText(it) }

        SectionTitle(stringResource(R.string.sync_section))
        BodyText(stringResource(R.string.sync_explained))
        state.syncText?.let { BodyText(it) }
        QuietButton(
            stringResource(if (state.syncEnabled) R.string.sync_turn_off else R.string.sync_turn_on),
            stringResource(if (state.syncEnabled) R.string.sync_turn_off else R.string.sync_turn_on),
            { vm.setSyncEnabled(!state.syncEnabled) },
            Modifier.fillMaxWidth(),
            enabled = state.folderName != null,
        )
        QuietButton(stringResource(R.string.sync_now), stringResource(R.string.sync_now), { vm.presenter.syncNow() }, Modifier.fillMaxWidth(), enabled = state.folderName != null && state.syncEnabled)
        QuietButton(stringResource(R.string.sync_new_phone), stringResource(R.string.sync_new_phone), { vm.restoreFromFolder() }, Modifier.fillMaxWidth(), enabled = state.folderName != null)

        SectionTitle(stringResource(R.string.backup_encryption_section))
        BodyText(stringResource(if (state.encrypted) R.string.backup_encrypted else R.string.backup_plain))
        OutlinedTextField(
            value = passphrase,
            onValueChange = { passphrase = it },
            label = { Text(stringResource(R.string.backup_passphrase)) },
            visualTransformation = PasswordVisualTransformation(),
            singleLine = true,
            modifier = Modifier.fillMaxWidth(),
        )
        QuietButton(stringResource(R.string.backup_set_passphrase), stringResource(R.string.backup_set_passphrase), {
            vm.presenter.setPassphrase(passphrase)
            passphrase = ""
        }, Modifier.fillMaxWidth())
        QuietButton(stringResource(R.string.backup_clear_passphrase), stringResource(R.string.backup_clear_passphrase), { vm.presenter.clearPassphrase() }, Modifier.fillMaxWidth(), enabled = state.encrypted)
        BodyText(stringResource(R.string.backup_passphrase_note))

        SectionTitle(stringResource(R.string.backup_restore_section))
        OutlinedTextField(
            value = restorePassphrase,
            onValueChange = { restorePassphrase = it },
            label = { Text(stringResource(R.string.backup_restore_passphrase)) },
            visualTransformation = PasswordVisualTransformation(),
            singleLine = true,
            modifier = Modifier.fillMaxWidth(),
        )
        QuietButton(stringResource(R.string.backup_restore), stringResource(R.string.backup_restore), { pickFile.launch(arrayOf("*/*")) }, Modifier.fillMaxWidth())
    }
}
