package org.rlsjournal.app.ui

import android.app.Application
import androidx.compose.runtime.Composable
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.ViewModelProvider.AndroidViewModelFactory.Companion.APPLICATION_KEY
import androidx.lifecycle.viewModelScope
import androidx.lifecycle.viewmodel.compose.viewModel
import androidx.lifecycle.viewmodel.initializer
import androidx.lifecycle.viewmodel.viewModelFactory
import kotlinx.coroutines.CoroutineScope

/**
 * Holds one screen's presenter (android/presenters) for as long as the screen's back-stack entry
 * lives, across rotations; its actions run in [viewModelScope], cancelled when the screen goes.
 */
class PresenterViewModel<P : Any>(
    application: Application,
    create: (Application, CoroutineScope) -> P,
) : AndroidViewModel(application) {
    /** The screen's presenter. */
    val presenter: P = create(application, viewModelScope)
}

/**
 * The presenter of the calling screen, made once by [create] (given the application and the
 * ViewModel's scope) and kept by a [PresenterViewModel] of the current back-stack entry. Keyed by
 * the presenter's class, so two presenters on one entry never share a holder.
 */
@Composable
inline fun <reified P : Any> rememberPresenter(noinline create: (Application, CoroutineScope) -> P): P {
    val holder: PresenterViewModel<P> = viewModel(
        key = P::class.java.name,
        factory = viewModelFactory {
            initializer { PresenterViewModel(checkNotNull(this[APPLICATION_KEY]), create) }
        },
    )
    return holder.presenter
}
