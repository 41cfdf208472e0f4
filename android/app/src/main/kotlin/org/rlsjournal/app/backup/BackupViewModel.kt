package org.rlsjournal.app.backup

import android.app.Application
import android.net.Uri
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewModelScope
import java.io.File
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.launch
import org.rlsjournal.app.RlsJournalApplication
import org.rlsjournal.app.ui.openPicked
import org.rlsjournal.presenters.BackupPresenter
import org.rlsjournal.presenters.BackupState
import org.rlsjournal.presenters.withTemporaryCopy

/**
 * The Backup screen's hold on the process's [BackupPresenter] (it lives in the application: the
 * backup after a change or on going to the background must not depend on this screen). The
 * Android parts: keeping the picked tree's permission, copying a picked backup file to the cache.
 */
class BackupViewModel(application: Application) : AndroidViewModel(application) {
    val presenter: BackupPresenter = (application as RlsJournalApplication).backup
    val state: StateFlow<BackupState> = presenter.state

    /** The person picked a folder (ACTION_OPEN_DOCUMENT_TREE). */
    fun folderPicked(uri: Uri) {
        presenter.chooseFolder(BackupFolders.remember(getApplication(), uri))
    }

    /** The person turned automatic backups off. */
    fun forgetFolder() {
        BackupFolders.forget(getApplication())
        presenter.forgetFolder()
    }

    /** Sync through the chosen folder on or off; the choice is kept for the next start. */
    fun setSyncEnabled(enabled: Boolean) {
        BackupFolders.rememberSync(getApplication(), enabled)
        presenter.setSyncEnabled(enabled)
    }

    /** The new phone: fills the empty journal from the chosen sync folder. */
    fun restoreFromFolder() {
        val app = getApplication<Application>()
        BackupFolders.rememberSync(app, true)
        presenter.restoreFromFolder(File(app.filesDir, RlsJournalApplication.JOURNAL_FILE_NAME).absolutePath)
    }

    /**
     * Restores the backup file the person picked, with the passphrase typed (may be blank): the
     * core reads a path, so the picked document is copied to the cache for the restore and the
     * copy removed after (withTemporaryCopy, android/presenters). A document that cannot be read
     * changes nothing, silently for now: BackupPresenter.restore takes a path only.
     */
    fun restore(uri: Uri, passphrase: String) {
        val app = getApplication<Application>()
        viewModelScope.launch {
            withTemporaryCopy(app.cacheDir, { openPicked(app, uri) }) { path -> presenter.restore(path, passphrase).join() }
        }
    }
}
