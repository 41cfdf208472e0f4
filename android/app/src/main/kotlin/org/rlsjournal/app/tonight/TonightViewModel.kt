package org.rlsjournal.app.tonight

import android.app.Application
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.flow.StateFlow
import org.rlsjournal.app.journalStore
import org.rlsjournal.presenters.TonightPresenter
import org.rlsjournal.presenters.TonightState

/** Holds the bedside screen's [TonightPresenter] (android/presenters) for the screen's lifetime. */
class TonightViewModel(application: Application) : AndroidViewModel(application) {
    val presenter = TonightPresenter({ application.journalStore() }, viewModelScope)
    val state: StateFlow<TonightState> = presenter.state
}
