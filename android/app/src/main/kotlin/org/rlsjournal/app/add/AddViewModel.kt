package org.rlsjournal.app.add

import android.app.Application
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.flow.StateFlow
import org.rlsjournal.app.journalStore
import org.rlsjournal.presenters.AddPresenter
import org.rlsjournal.presenters.AddState

/**
 * Holds the Add/Edit screen's [AddPresenter] (android/presenters), where the form, its defaults,
 * the dispatch to the core's add/edit calls and their number conversions now live.
 */
class AddViewModel(application: Application) : AndroidViewModel(application) {
    val presenter = AddPresenter({ application.journalStore() }, viewModelScope)
    val state: StateFlow<AddState> = presenter.state
}
