package org.rlsjournal.app

import android.content.Intent
import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.compose.runtime.mutableStateOf
import org.rlsjournal.app.ui.RlsTheme

/** The one activity: the Compose navigation of every screen. */
class MainActivity : ComponentActivity() {

    /** A screen a notification asked for (its route), consumed by the navigation. */
    private val requestedRoute = mutableStateOf<String?>(null)

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        // Only a fresh launch follows the notification's route: after a rotation or a process
        // restore the activity's intent is the same one, and its route was already shown.
        if (savedInstanceState == null) {
            requestedRoute.value = consumeRoute(intent)
        }
        setContent {
            RlsTheme {
                StartupGate {
                    AppNavigation(
                        requestedRoute = requestedRoute.value,
                        onRouteShown = { requestedRoute.value = null },
                    )
                }
            }
        }
    }

    override fun onStop() {
        super.onStop()
        // The app's one activity leaves the screen: the core's "always on going to the background".
        if (!isChangingConfigurations) (application as RlsJournalApplication).backup.wentToBackground()
    }

    override fun onNewIntent(intent: Intent) {
        super.onNewIntent(intent)
        // getIntent() is otherwise still the launch intent, and a recreation would re-read it.
        setIntent(intent)
        requestedRoute.value = consumeRoute(intent)
    }

    /** The route the intent asks for, removed from it so that it is followed once. */
    private fun consumeRoute(intent: Intent?): String? {
        val route = intent?.getStringExtra(EXTRA_ROUTE)
        intent?.removeExtra(EXTRA_ROUTE)
        return route
    }

    companion object {
        /** Intent extra: the route to open (from a reminder notification). */
        const val EXTRA_ROUTE = "route"
    }
}
