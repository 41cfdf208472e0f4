package org.rlsjournal.app.history

import android.app.Application
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.flow.StateFlow
import org.rlsjournal.app.journalStore
import org.rlsjournal.presenters.HistoryPresenter
import org.rlsjournal.presenters.HistoryState

/** Holds the History screen's [HistoryPresenter] (list and calendar; android/presenters). */
class HistoryViewModel(application: Application) : AndroidViewModel(application) {
    val presenter = HistoryPresenter({ application.journalStore() }, viewModelScope)
    val state: StateFlow<HistoryState> = presenter.state
}
