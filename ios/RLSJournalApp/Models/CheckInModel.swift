import Combine
import Foundation
import RLSJournal

/// The sleep diary being filled in (the Kotlin `DiaryForm`). Each time keeps the stored (or
/// drafted) moment, offset included, unless the person changes it.
struct DiaryForm {
    var gotIntoBed: MomentField
    var triedToSleep: MomentField
    var sleepOnsetMinutes: Int32
    var awakenings: Int32
    var wakeAfterSleepOnsetMinutes: Int32
    var finalAwakening: MomentField
    var outOfBed: MomentField
    var quality: Int32
    var note: String

    /// The form showing a diary: a stored one, or the core's draft (`sleepDiaryDraft`).
    init(diary: SleepDiaryData) {
        gotIntoBed = MomentField(stored: diary.gotIntoBedAt)
        triedToSleep = MomentField(stored: diary.triedToSleepAt)
        sleepOnsetMinutes = diary.sleepOnsetMinutes
        awakenings = diary.awakenings
        wakeAfterSleepOnsetMinutes = diary.wakeAfterSleepOnsetMinutes
        finalAwakening = MomentField(stored: diary.finalAwakeningAt)
        outOfBed = MomentField(stored: diary.outOfBedAt)
        quality = diary.quality
        note = diary.note ?? ""
    }

    /// What the core receives for the night of `night`.
    func data(night: LocalDate) -> SleepDiaryData {
        return SleepDiaryData(
            nightOf: night,
            gotIntoBedAt: gotIntoBed.moment(),
            triedToSleepAt: triedToSleep.moment(),
            sleepOnsetMinutes: sleepOnsetMinutes,
            awakenings: awakenings,
            wakeAfterSleepOnsetMinutes: wakeAfterSleepOnsetMinutes,
            finalAwakeningAt: finalAwakening.moment(),
            outOfBedAt: outOfBed.moment(),
            quality: quality,
            note: note.isEmpty ? nil : note
        )
    }
}

/// The morning check-in, mirroring `CheckInPresenter` (whose docs hold for both): the core's
/// `prompts()` names the night whose diary is due, prefilled with `sleepDiaryDraft(night:)` (or
/// `entry(id:)` when editing). Writes: `saveEntry` with the diary, and `addNoSymptoms`.
@MainActor
final class CheckInModel: ObservableObject {
    /// What the Morning check-in screen shows (the Kotlin `CheckInState`).
    struct State {
        var loading = true
        var night: LocalDate?
        /// The prompt's title and message, as the core wrote them (nil when editing).
        var title: String?
        var message: String?
        var editingId: String?
        var nothingDue = false
        var notADiary = false
        var form: DiaryForm?
        var busy = false
        var notice: Notice?
        var error: Error?

        var errorText: String? { error.map(sentenceOf) }
        var offersNoSymptoms: Bool { night != nil && editingId == nil && form != nil }
        var showsNothingDue: Bool { nothingDue && form == nil }
        var finishedEdit: Bool { editingId != nil && notice == Notice.diarySaved }
        var isEditing: Bool { editingId != nil }
    }

    @Published private(set) var state = State()
    private let openStore: StoreSource
    private var loadedFor: String??

    init(openStore: @escaping StoreSource = appStore) {
        self.openStore = openStore
    }

    /// Loads the diary due now, or the diary `editId`; again for the same id while a form is shown
    /// (the screen coming back), it keeps the person's unsaved input.
    func load(editId: String?) {
        if loadedFor == .some(editId) && (state.form != nil || state.loading) {
            return
        }
        loadedFor = .some(editId)
        state.loading = true
        state.error = nil
        Task { @MainActor in
            let failure = await attempt { state = try await CheckInModel.loaded(store: try await openStore(), editId: editId) }
            if let failure = failure {
                state.loading = false
                state.error = failure
            }
        }
    }

    func edit(_ change: (inout DiaryForm) -> Void) {
        guard var form = state.form else {
            return
        }
        change(&form)
        state.form = form
        state.notice = nil
    }

    /// The one-tap answer "No symptoms last night" for the night shown (the core keeps one per night).
    func noSymptoms() {
        guard let night = state.night else {
            return
        }
        let data = NoSymptomsData(nightOf: night, answeredAt: Moment.now())
        run({ store in _ = try await store.write { journal in try journal.addNoSymptoms(data: data) } }) { state, failure in
            state.notice = failure == nil ? Notice.noSymptomsSaved : nil
            state.nothingDue = failure == nil || state.nothingDue
            state.form = failure == nil ? nil : state.form
        }
    }

    /// Saves the diary through the core (which checks every field and the order of the times).
    func save() {
        guard let form = state.form, let night = state.night else {
            return
        }
        let data = EntryData.sleepDiary(data: form.data(night: night))
        let id = state.editingId
        run({ store in _ = try await store.write { journal in try journal.saveEntry(id: id, data: data) } }) { state, failure in
            state.notice = failure == nil ? Notice.diarySaved : nil
            state.nothingDue = failure == nil && id == nil
            state.form = failure == nil && id == nil ? nil : state.form
        }
    }

    /// The state for the diary `editId`, or for the diary due now (the core's prompt and draft).
    private static func loaded(store: JournalStore, editId: String?) async throws -> State {
        var next = State()
        next.loading = false
        if let id = editId {
            let entry = try await store.read { journal in try journal.entry(id: id) }
            if case Entry.sleepDiary(diary: let diary) = entry {
                next.night = diary.data.nightOf
                next.editingId = id
                next.form = DiaryForm(diary: diary.data)
            } else {
                next.notADiary = true
            }
            return next
        }
        let prompts = try await store.read { journal in try journal.prompts(now: nil) }
        guard let prompt = prompts.first(where: { $0.kind == PromptKind.morningCheckIn }), let night = prompt.night else {
            next.nothingDue = true
            return next
        }
        let draft = try await store.read { journal in try journal.sleepDiaryDraft(night: night) }
        next.night = night
        next.title = prompt.title
        next.message = prompt.message
        next.form = DiaryForm(diary: draft)
        return next
    }

    private func run(_ body: @escaping (JournalStore) async throws -> Void, finished: @escaping (inout State, Error?) -> Void) {
        state.busy = true
        state.error = nil
        state.notice = nil
        Task { @MainActor in
            let failure = await attempt { try await body(try await openStore()) }
            state.busy = false
            state.error = failure
            finished(&state, failure)
        }
    }
}
