package org.rlsjournal.app

import android.app.Application
import android.content.Context
import java.io.File
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Deferred
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.async
import kotlinx.coroutines.launch
import org.rlsjournal.app.backup.BackupFolders
import org.rlsjournal.app.backup.KeystoreSecretStore
import org.rlsjournal.app.reminders.Reminders
import org.rlsjournal.app.ui.Vocabulary
import org.rlsjournal.journal.JournalStore
import org.rlsjournal.presenters.BackupPresenter

/**
 * Opens the journal once per process, in the app's private files dir, off the main thread.
 *
 * Everything that needs the journal (the screens' presenters, the reminder and quick-log
 * receivers) awaits [store]; if opening failed (a damaged file, a file from a newer app), the
 * await throws the core's typed error and the screen shows it. The journal stays open for the
 * life of the process: SQLite in WAL mode with synchronous=FULL keeps every acknowledged entry
 * across a kill, so there is nothing to flush on the way out.
 */
class RlsJournalApplication : Application() {

    /** Work that outlives a screen (opening the journal, re-arming reminders). */
    val appScope: CoroutineScope = CoroutineScope(SupervisorJob() + Dispatchers.Default)

    /** The journal store, opened once. */
    lateinit var store: Deferred<JournalStore>
        private set

    /**
     * Automatic backups, for the whole process: after changes and when the app goes to the
     * background (MainActivity.onStop), whichever screen is shown.
     */
    val backup: BackupPresenter by lazy {
        BackupPresenter({ journalStore() }, appScope, KeystoreSecretStore(this), BackupFolders.current(this), BackupFolders.syncEnabled(this))
    }

    override fun onCreate() {
        super.onCreate()
        val path = File(filesDir, JOURNAL_FILE_NAME).absolutePath
        // The first core call happens here, off the main thread: it loads the native library and
        // runs the bindings' checksum checks (the vocabularies every form's chips come from), then
        // opens the journal. StartupGate shows a clear screen if any of it fails.
        store = appScope.async(Dispatchers.IO) {
            Vocabulary.core
            JournalStore.open(path)
        }
        backup.start()
        Reminders.createChannels(this)
        appScope.launch { Reminders.rescheduleFromSettings(this@RlsJournalApplication) }
    }

    companion object {
        /** The journal file inside the app's private files dir. */
        const val JOURNAL_FILE_NAME = "journal.sqlite"
    }
}

/** The process's journal store (opened by [RlsJournalApplication] once). */
suspend fun Context.journalStore(): JournalStore =
    (applicationContext as RlsJournalApplication).store.await()
