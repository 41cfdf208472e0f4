package org.rlsjournal.app.reminders

import org.rlsjournal.app.ui.Rules
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import java.time.LocalTime
import org.rlsjournal.app.R
import org.rlsjournal.app.ui.BigButton
import org.rlsjournal.app.ui.BodyText
import org.rlsjournal.app.ui.ChoiceRow
import org.rlsjournal.app.ui.Heading
import org.rlsjournal.app.ui.MessageCard
import org.rlsjournal.app.ui.SectionTitle
import org.rlsjournal.app.ui.Stepper
import org.rlsjournal.app.ui.SwitchRow
import org.rlsjournal.app.ui.errorText
import org.rlsjournal.app.ui.noticeText
import org.rlsjournal.app.journalStore
import org.rlsjournal.app.ui.Vocabulary
import org.rlsjournal.app.ui.rememberPresenter
import org.rlsjournal.presenters.DateInputs
import org.rlsjournal.presenters.RemindersPresenter

/** An hour of the day as the system writes times (the input value of an hour stepper). */
private fun hourText(hour: Int): String = DateInputs.formatTime(LocalTime.of(hour.coerceIn(Rules.core.hour.min, Rules.core.hour.max), 0))

/** Reminders (morning check-in, optional evening) and the report's paper size. */
@Composable
fun RemindersScreen(
    presenter: RemindersPresenter = rememberPresenter { app, scope ->
        RemindersPresenter({ app.journalStore() }, scope, Reminders.planner(app))
    },
) {
    val state by presenter.state.collectAsStateWithLifecycle()
    LaunchedEffect(Unit) { presenter.load() }
    val askNotifications = rememberNotificationRequest()

    Column(
        modifier = Modifier
            .fillMaxSize()
            .verticalScroll(rememberScrollState())
            .padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        Heading(stringResource(R.string.reminders_title))
        BodyText(stringResource(R.string.reminders_hint))
        state.error?.let { MessageCard(errorText(LocalContext.current, it), isError = true) }
        state.notice?.let { MessageCard(noticeText(LocalContext.current, it), isError = false) }
        NotificationPermissionStatus()
        val settings = state.settings ?: return@Column

        SectionTitle(stringResource(R.string.morning_reminder))
        val morning = state.morningHour ?: return@Column
        Stepper(
            label = stringResource(R.string.morning_hour),
            value = hourText(morning),
            onMinus = { presenter.stepHour(morning = true, delta = -1) },
            onPlus = { presenter.stepHour(morning = true, delta = 1) },
            minusDescription = stringResource(R.string.earlier_of, stringResource(R.string.morning_hour)),
            plusDescription = stringResource(R.string.later_of, stringResource(R.string.morning_hour)),
        )

        SectionTitle(stringResource(R.string.evening_reminder))
        val evening = state.eveningHour
        SwitchRow(stringResource(R.string.evening_reminder_on), state.eveningOn) { on ->
            if (on) askNotifications()
            presenter.setEvening(on)
        }
        if (evening != null) {
            Stepper(
                label = stringResource(R.string.evening_hour),
                value = hourText(evening),
                onMinus = { presenter.stepHour(morning = false, delta = -1) },
                onPlus = { presenter.stepHour(morning = false, delta = 1) },
                minusDescription = stringResource(R.string.earlier_of, stringResource(R.string.evening_hour)),
                plusDescription = stringResource(R.string.later_of, stringResource(R.string.evening_hour)),
            )
        }

        SectionTitle(stringResource(R.string.paper_size))
        ChoiceRow(
            choices = Vocabulary.paperSizes,
            selected = settings.paperSize,
            label = { size -> size.label() },
            onSelect = { size -> if (size != null) presenter.edit { it.copy(paperSize = size) } },
            clearable = false,
        )

        BigButton(
            text = stringResource(R.string.save),
            description = stringResource(R.string.save_settings_description),
            onClick = { presenter.save() },
            enabled = !state.busy,
            emphasis = true,
            modifier = Modifier.fillMaxWidth(),
        )
    }
}
