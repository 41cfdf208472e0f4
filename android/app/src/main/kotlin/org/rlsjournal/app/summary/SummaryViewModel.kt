package org.rlsjournal.app.summary

import android.app.Application
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.flow.StateFlow
import org.rlsjournal.app.journalStore
import org.rlsjournal.presenters.SummaryPresenter
import org.rlsjournal.presenters.SummaryState

/** Holds the Summary screen's [SummaryPresenter] (android/presenters). */
class SummaryViewModel(application: Application) : AndroidViewModel(application) {
    val presenter = SummaryPresenter({ application.journalStore() }, viewModelScope)
    val state: StateFlow<SummaryState> = presenter.state
}
