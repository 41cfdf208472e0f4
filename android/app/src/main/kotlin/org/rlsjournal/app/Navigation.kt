package org.rlsjournal.app

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.automirrored.filled.List
import androidx.compose.material.icons.filled.DateRange
import androidx.compose.material.icons.filled.Home
import androidx.compose.material.icons.filled.Info
import androidx.compose.material.icons.filled.MoreVert
import androidx.compose.material3.Icon
import androidx.compose.material3.NavigationBar
import androidx.compose.material3.NavigationBarItem
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.vector.ImageVector
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import androidx.navigation.NavGraph.Companion.findStartDestination
import androidx.navigation.NavHostController
import androidx.navigation.NavType
import androidx.navigation.compose.NavHost
import androidx.navigation.compose.composable
import androidx.navigation.compose.currentBackStackEntryAsState
import androidx.navigation.compose.rememberNavController
import androidx.navigation.navArgument
import java.time.LocalDate
import org.rlsjournal.app.add.AddScreen
import org.rlsjournal.app.backup.BackupScreen
import org.rlsjournal.app.checkin.CheckInScreen
import org.rlsjournal.app.history.HistoryScreen
import org.rlsjournal.app.history.NightScreen
import org.rlsjournal.app.licences.LicencesScreen
import org.rlsjournal.app.reminders.RemindersScreen
import org.rlsjournal.app.share.ShareScreen
import org.rlsjournal.app.summary.SummaryScreen
import org.rlsjournal.app.tonight.TonightScreen
import org.rlsjournal.app.ui.BigButton
import org.rlsjournal.app.ui.Heading
import org.rlsjournal.core.EntryKind

/** The five tabs of the bottom bar. Add, Share and Reminders are reached from "More". */
private enum class Tab(val route: String, val label: Int, val icon: ImageVector) {
    TONIGHT("tonight", R.string.tab_tonight, Icons.Filled.Home),
    CHECK_IN("checkin", R.string.tab_check_in, Icons.Filled.DateRange),
    HISTORY("history", R.string.tab_history, Icons.AutoMirrored.Filled.List),
    SUMMARY("summary", R.string.tab_summary, Icons.Filled.Info),
    MORE("more", R.string.tab_more, Icons.Filled.MoreVert),
}

/** The screens and how to reach them. */
@Composable
fun AppNavigation(requestedRoute: String?, onRouteShown: () -> Unit) {
    val nav = rememberNavController()
    LaunchedEffect(requestedRoute) {
        if (requestedRoute != null) {
            nav.navigateToTab(requestedRoute)
            onRouteShown()
        }
    }
    val backStack by nav.currentBackStackEntryAsState()
    val current = backStack?.destination?.route

    Scaffold(
        bottomBar = {
            NavigationBar {
                for (tab in Tab.values()) {
                    val label = stringResource(tab.label)
                    NavigationBarItem(
                        selected = current == tab.route,
                        onClick = { nav.navigateToTab(tab.route) },
                        icon = { Icon(tab.icon, contentDescription = null) },
                        label = { Text(label) },
                        modifier = Modifier.semantics { contentDescription = label },
                    )
                }
            }
        },
    ) { padding ->
        NavHost(
            navController = nav,
            startDestination = Tab.TONIGHT.route,
            modifier = Modifier.padding(padding),
        ) {
            composable(Tab.TONIGHT.route) { TonightScreen() }
            composable(Tab.CHECK_IN.route) { CheckInScreen() }
            composable(Tab.HISTORY.route) {
                HistoryScreen(
                    onOpenNight = { night -> nav.navigate("night/$night") },
                    onEdit = { kind, id -> nav.navigate(editRoute(kind, id)) },
                    onAdd = { nav.navigate("add") },
                )
            }
            composable(Tab.SUMMARY.route) { SummaryScreen() }
            composable(Tab.MORE.route) { MoreScreen(nav) }
            composable("add") { AddScreen() }
            composable(
                "add/{kind}/{id}",
                arguments = listOf(
                    navArgument("kind") { type = NavType.StringType },
                    navArgument("id") { type = NavType.StringType },
                ),
            ) { entry ->
                val kind = entry.arguments?.getString("kind")?.let { name -> EntryKind.values().firstOrNull { it.name == name } }
                AddScreen(kind = kind, editId = entry.arguments?.getString("id"), onDone = { nav.popBackStack() })
            }
            composable("checkin/{id}", arguments = listOf(navArgument("id") { type = NavType.StringType })) { entry ->
                CheckInScreen(editId = entry.arguments?.getString("id"), onDone = { nav.popBackStack() })
            }
            composable("night/{date}", arguments = listOf(navArgument("date") { type = NavType.StringType })) { entry ->
                val date = LocalDate.parse(entry.arguments?.getString("date") ?: LocalDate.now().toString())
                NightScreen(night = date, onEdit = { kind, id -> nav.navigate(editRoute(kind, id)) })
            }
            composable("share") { ShareScreen() }
            composable("backup") { BackupScreen() }
            composable("reminders") { RemindersScreen() }
            composable("licences") { LicencesScreen() }
        }
    }
}

/** Sleep diaries are edited on the check-in screen, everything else on the Add screen. */
private fun editRoute(kind: EntryKind, id: String): String =
    if (kind == EntryKind.SLEEP_DIARY) "checkin/$id" else "add/${kind.name}/$id"

private fun NavHostController.navigateToTab(route: String) {
    navigate(route) {
        popUpTo(graph.findStartDestination().id) { saveState = true }
        launchSingleTop = true
        restoreState = true
    }
}

/** Add, Share, Backup, Reminders and Licences. */
@Composable
private fun MoreScreen(nav: NavHostController) {
    Column(
        modifier = Modifier.fillMaxSize().padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        Heading(stringResource(R.string.tab_more))
        BigButton(
            text = stringResource(R.string.add_entry),
            description = stringResource(R.string.add_entry_description),
            onClick = { nav.navigate("add") },
            modifier = Modifier.fillMaxWidth(),
        )
        BigButton(
            text = stringResource(R.string.share_title),
            description = stringResource(R.string.share_title_description),
            onClick = { nav.navigate("share") },
            modifier = Modifier.fillMaxWidth(),
        )
        BigButton(
            text = stringResource(R.string.backup_title),
            description = stringResource(R.string.backup_title_description),
            onClick = { nav.navigate("backup") },
            modifier = Modifier.fillMaxWidth(),
        )
        BigButton(
            text = stringResource(R.string.reminders_title),
            description = stringResource(R.string.reminders_title_description),
            onClick = { nav.navigate("reminders") },
            modifier = Modifier.fillMaxWidth(),
        )
        BigButton(
            text = stringResource(R.string.licences_title),
            description = stringResource(R.string.licences_title_description),
            onClick = { nav.navigate("licences") },
            modifier = Modifier.fillMaxWidth(),
        )
    }
}
