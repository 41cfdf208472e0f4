package org.rlsjournal.app.reminders

import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import kotlinx.coroutines.launch
import org.rlsjournal.app.RlsJournalApplication
import org.rlsjournal.app.journalStore
import org.rlsjournal.app.ui.attempt
import org.rlsjournal.core.PromptKind

/**
 * A reminder alarm fired. The core's `prompts()` decides whether the entry is still due: the
 * morning reminder shows only while last night's sleep diary is missing, the evening one only
 * while nothing is logged tonight. Then the alarm is re-armed for the next day.
 */
class ReminderReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        val kind = intent.getStringExtra(Reminders.EXTRA_KIND) ?: return
        val app = context.applicationContext as RlsJournalApplication
        val pending = goAsync()
        app.appScope.launch {
            // finish() whatever happens: a receiver that never finishes is killed with an ANR.
            try {
                attempt {
                    val store = app.journalStore()
                    val wanted = if (kind == Reminders.KIND_EVENING) PromptKind.EVENING_CHECK_IN else PromptKind.MORNING_CHECK_IN
                    val prompt = store.prompts().firstOrNull { it.kind == wanted }
                    if (prompt != null) {
                        Reminders.notifyDue(app, kind, prompt)
                    }
                }
                Reminders.rescheduleFromSettings(app)
            } finally {
                pending.finish()
            }
        }
    }
}
