package org.rlsjournal.app.history

import android.app.Application
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.flow.StateFlow
import org.rlsjournal.app.journalStore
import org.rlsjournal.presenters.NightPresenter
import org.rlsjournal.presenters.NightState

/** Holds the night screen's [NightPresenter] (android/presenters). */
class NightViewModel(application: Application) : AndroidViewModel(application) {
    val presenter = NightPresenter({ application.journalStore() }, viewModelScope)
    val state: StateFlow<NightState> = presenter.state
}
