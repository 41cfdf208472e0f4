package org.rlsjournal.app.checkin

import android.app.Application
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.flow.StateFlow
import org.rlsjournal.app.journalStore
import org.rlsjournal.presenters.CheckInPresenter
import org.rlsjournal.presenters.CheckInState

/** Holds the morning check-in's [CheckInPresenter] (android/presenters). */
class CheckInViewModel(application: Application) : AndroidViewModel(application) {
    val presenter = CheckInPresenter({ application.journalStore() }, viewModelScope)
    val state: StateFlow<CheckInState> = presenter.state
}
