package org.rlsjournal.app.checkin

import org.rlsjournal.presenters.stepAwakenings
import org.rlsjournal.presenters.stepMinutes
import org.rlsjournal.app.ui.Rules
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import org.rlsjournal.app.R
import org.rlsjournal.app.ui.BigButton
import org.rlsjournal.app.ui.BodyText
import org.rlsjournal.app.ui.ChoiceRow
import org.rlsjournal.app.ui.DateTimeField
import org.rlsjournal.app.ui.Heading
import org.rlsjournal.app.ui.MessageCard
import org.rlsjournal.app.ui.SectionTitle
import org.rlsjournal.app.ui.Stepper
import org.rlsjournal.app.ui.TextInput
import org.rlsjournal.app.ui.errorText
import org.rlsjournal.app.ui.noticeText
import org.rlsjournal.presenters.DiaryForm
import org.rlsjournal.app.journalStore
import org.rlsjournal.app.ui.rememberPresenter
import org.rlsjournal.presenters.CheckInPresenter

/**
 * The morning check-in: last night's sleep diary (Consensus Sleep Diary core items), prefilled so
 * that a usual night takes a few taps. With [editId], edits that diary instead.
 */
@Composable
fun CheckInScreen(
    editId: String? = null,
    onDone: () -> Unit = {},
    presenter: CheckInPresenter = rememberPresenter { app, scope ->
        CheckInPresenter({ app.journalStore() }, scope)
    },
) {
    val state by presenter.state.collectAsStateWithLifecycle()
    LaunchedEffect(editId) { presenter.load(editId) }
    LaunchedEffect(state.finishedEdit) {
        if (state.finishedEdit) onDone()
    }

    Column(
        modifier = Modifier
            .fillMaxSize()
            .verticalScroll(rememberScrollState())
            .padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(4.dp),
    ) {
        Heading(state.title ?: stringResource(if (state.isEditing) R.string.edit_sleep_diary else R.string.checkin_title))
        state.message?.let { BodyText(it) }
        if (state.notADiary) {
            MessageCard(stringResource(R.string.error_not_a_diary), isError = true)
        }
        state.error?.let { MessageCard(errorText(LocalContext.current, it), isError = true) }
        state.notice?.let { MessageCard(noticeText(LocalContext.current, it), isError = false) }
        if (state.loading) {
            CircularProgressIndicator()
        }
        if (state.showsNothingDue) {
            BodyText(stringResource(R.string.checkin_nothing_due))
        }
        if (state.offersNoSymptoms) {
            // "Any RLS symptoms last night?": a "no" is one tap; symptoms are logged as episodes.
            SectionTitle(stringResource(R.string.any_symptoms_question))
            BigButton(
                text = stringResource(R.string.no_symptoms_last_night),
                description = stringResource(R.string.no_symptoms_description),
                onClick = { presenter.noSymptoms() },
                enabled = !state.busy,
                modifier = Modifier.fillMaxWidth(),
            )
        }
        val form = state.form
        if (form != null) {
            DiaryFields(form, onChange = { change -> presenter.edit(change) })
            BigButton(
                text = stringResource(R.string.save),
                description = stringResource(R.string.save_diary_description),
                onClick = { presenter.save() },
                enabled = !state.busy,
                emphasis = true,
                modifier = Modifier.fillMaxWidth(),
            )
        }
    }
}

@Composable
private fun DiaryFields(form: DiaryForm, onChange: ((DiaryForm) -> DiaryForm) -> Unit) {
    SectionTitle(stringResource(R.string.diary_evening))
    DateTimeField(stringResource(R.string.got_into_bed), form.gotIntoBed) { v -> onChange { it.copy(gotIntoBed = v) } }
    DateTimeField(stringResource(R.string.tried_to_sleep), form.triedToSleep) { v -> onChange { it.copy(triedToSleep = v) } }
    MinutesStepper(stringResource(R.string.minutes_to_fall_asleep), form.sleepOnsetMinutes) { v ->
        onChange { it.copy(sleepOnsetMinutes = v) }
    }

    SectionTitle(stringResource(R.string.diary_night))
    Stepper(
        label = stringResource(R.string.awakenings),
        value = form.awakenings.toString(),
        onMinus = { onChange { it.copy(awakenings = stepAwakenings(it.awakenings, -1)) } },
        onPlus = { onChange { it.copy(awakenings = stepAwakenings(it.awakenings, 1)) } },
        minusDescription = stringResource(R.string.fewer_of, stringResource(R.string.awakenings)),
        plusDescription = stringResource(R.string.more_of, stringResource(R.string.awakenings)),
    )
    MinutesStepper(stringResource(R.string.minutes_awake), form.wakeAfterSleepOnsetMinutes) { v ->
        onChange { it.copy(wakeAfterSleepOnsetMinutes = v) }
    }

    SectionTitle(stringResource(R.string.diary_morning))
    DateTimeField(stringResource(R.string.final_awakening), form.finalAwakening) { v -> onChange { it.copy(finalAwakening = v) } }
    DateTimeField(stringResource(R.string.out_of_bed), form.outOfBed) { v -> onChange { it.copy(outOfBed = v) } }

    SectionTitle(stringResource(R.string.sleep_quality))
    ChoiceRow(
        choices = Rules.qualities,
        selected = form.quality,
        label = { q -> stringResource(R.string.quality_of_five, q) },
        onSelect = { q -> if (q != null) onChange { it.copy(quality = q) } },
        clearable = false,
    )
    TextInput(stringResource(R.string.note_optional), form.note, { v -> onChange { it.copy(note = v) } }, singleLine = false)
}

/** A number of minutes, in steps of 5. */
@Composable
fun MinutesStepper(label: String, minutes: Int, onChange: (Int) -> Unit) {
    Stepper(
        label = label,
        value = stringResource(R.string.minutes_value, minutes),
        onMinus = { onChange(stepMinutes(minutes, -1)) },
        onPlus = { onChange(stepMinutes(minutes, 1)) },
        minusDescription = stringResource(R.string.fewer_minutes_of, label),
        plusDescription = stringResource(R.string.more_minutes_of, label),
    )
}
