package org.rlsjournal.app.reminders

import android.app.Application
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.flow.StateFlow
import org.rlsjournal.app.journalStore
import org.rlsjournal.app.ui.Vocabulary
import org.rlsjournal.core.PaperSize
import org.rlsjournal.presenters.RemindersPresenter
import org.rlsjournal.presenters.RemindersState

/** Holds the Reminders screen's [RemindersPresenter] (android/presenters), re-arming this device's alarms. */
class RemindersViewModel(application: Application) : AndroidViewModel(application) {
    val presenter = RemindersPresenter({ application.journalStore() }, viewModelScope, Reminders.planner(application))
    val state: StateFlow<RemindersState> = presenter.state

    /** The paper sizes of the clinician report, in the core's order. */
    val paperSizes: List<PaperSize> = Vocabulary.paperSizes
}
