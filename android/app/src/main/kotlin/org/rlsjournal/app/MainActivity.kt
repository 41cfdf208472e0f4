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
        requestedRoute.value = intent?.getStringExtra(EXTRA_ROUTE)
        setContent {
            RlsTheme {
                AppNavigation(
                    requestedRoute = requestedRoute.value,
                    onRouteShown = { requestedRoute.value = null },
                )
            }
        }
    }

    override fun onNewIntent(intent: Intent) {
        super.onNewIntent(intent)
        requestedRoute.value = intent.getStringExtra(EXTRA_ROUTE)
    }

    companion object {
        /** Intent extra: the route to open (from a reminder notification). */
        const val EXTRA_ROUTE = "route"
    }
}
