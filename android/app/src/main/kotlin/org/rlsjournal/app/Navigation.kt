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
import org.rlsjournal.presenters.Routes

/** The five tabs of the bottom bar. Add, Share and Reminders are reached from "More". */
private enum class Tab(val route: String, val label: Int, val icon: ImageVector) {
    TONIGHT(Routes.TONIGHT, R.string.tab_tonight, Icons.Filled.Home),
    CHECK_IN(Routes.CHECK_IN, R.string.tab_check_in, Icons.Filled.DateRange),
    HISTORY(Routes.HISTORY, R.string.tab_history, Icons.AutoMirrored.Filled.List),
    SUMMARY(Routes.SUMMARY, R.string.tab_summary, Icons.Filled.Info),
    MORE(Routes.MORE, R.string.tab_more, Icons.Filled.MoreVert),
}

/** The screens and how to reach them. */
@Composable
fun AppNavigation(requestedRoute: String?, onRouteShown: () -> Unit) {
    val nav = rememberNavController()
    LaunchedEffect(requestedRoute) {
        // Only a tab is followed: the route comes from an intent, which any app can send.
        val tab = Routes.requestedTab(requestedRoute)
        if (tab != null) nav.navigateToTab(tab)
        if (requestedRoute != null) onRouteShown()
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
                    onOpenNight = { night -> nav.navigate(Routes.night(night)) },
                    onEdit = { kind, id -> nav.navigate(Routes.edit(kind, id)) },
                    onAdd = { nav.navigate(Routes.ADD) },
                )
            }
            composable(Tab.SUMMARY.route) { SummaryScreen() }
            composable(Tab.MORE.route) { MoreScreen(nav) }
            composable(Routes.ADD) { AddScreen() }
            composable(
                Routes.EDIT_ENTRY,
                arguments = listOf(
                    navArgument(Routes.ARG_KIND) { type = NavType.StringType },
                    navArgument(Routes.ARG_ID) { type = NavType.StringType },
                ),
            ) { entry ->
                val kind = Routes.kindOf(entry.arguments?.getString(Routes.ARG_KIND))
                AddScreen(kind = kind, editId = entry.arguments?.getString(Routes.ARG_ID), onDone = { nav.popBackStack() })
            }
            composable(Routes.EDIT_DIARY, arguments = listOf(navArgument(Routes.ARG_ID) { type = NavType.StringType })) { entry ->
                CheckInScreen(editId = entry.arguments?.getString(Routes.ARG_ID), onDone = { nav.popBackStack() })
            }
            composable(Routes.NIGHT, arguments = listOf(navArgument(Routes.ARG_DATE) { type = NavType.StringType })) { entry ->
                val date = Routes.nightOf(entry.arguments?.getString(Routes.ARG_DATE), LocalDate.now())
                NightScreen(night = date, onEdit = { kind, id -> nav.navigate(Routes.edit(kind, id)) })
            }
            composable(Routes.SHARE) { ShareScreen() }
            composable(Routes.BACKUP) { BackupScreen() }
            composable(Routes.REMINDERS) { RemindersScreen() }
            composable(Routes.LICENCES) { LicencesScreen() }
        }
    }
}

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
            onClick = { nav.navigate(Routes.ADD) },
            modifier = Modifier.fillMaxWidth(),
        )
        BigButton(
            text = stringResource(R.string.share_title),
            description = stringResource(R.string.share_title_description),
            onClick = { nav.navigate(Routes.SHARE) },
            modifier = Modifier.fillMaxWidth(),
        )
        BigButton(
            text = stringResource(R.string.backup_title),
            description = stringResource(R.string.backup_title_description),
            onClick = { nav.navigate(Routes.BACKUP) },
            modifier = Modifier.fillMaxWidth(),
        )
        BigButton(
            text = stringResource(R.string.reminders_title),
            description = stringResource(R.string.reminders_title_description),
            onClick = { nav.navigate(Routes.REMINDERS) },
            modifier = Modifier.fillMaxWidth(),
        )
        BigButton(
            text = stringResource(R.string.licences_title),
            description = stringResource(R.string.licences_title_description),
            onClick = { nav.navigate(Routes.LICENCES) },
            modifier = Modifier.fillMaxWidth(),
        )
    }
}
