// AddModel (ios/RLSJournalApp/Models/AddModel.swift) through the real core: the Swift twins of
// the Kotlin `add…` presenter tests (tests/kotlin/…/PresenterTests.kt, the Add/edit and visit
// sections). Each test drives the model as the Add screen does and reads back what the journal
// file holds through the core. The model has no clock parameter: "now" is the real now, and the
// days are the device's (LocalDates).

import Foundation
import RLSJournal
import XCTest

final class AddModelTests: XCTestCase {
    // ---- adding ----

    @MainActor
    func testAddBackdatedEpisodeWithDefaultLength() async throws {
        let store = try await freshStore()
        let model = AddModel(openStore: { store })
        model.load(kind: .episode, editId: nil)
        await settle { !model.state.loading }
        XCTAssertTrue(model.state.offersKindPicker)
        XCTAssertFalse(model.state.isEditing)
        let start = yesterday(hour: 23)
        model.edit { form in
            form.at.date = start
            form.intensity = 6
        }
        model.setToggle(.hasEnded, on: true)
        XCTAssertNotNil(model.state.form.endAt)
        model.save()
        XCTAssertTrue(model.state.busy)
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        XCTAssertEqual(model.state.notice, .entrySaved)
        XCTAssertFalse(model.state.finishedEdit, "an add stays on the screen")
        let episodes = try await storedEpisodes(store)
        let episode = try XCTUnwrap(episodes.first)
        XCTAssertEqual(episodes.count, 1)
        XCTAssertEqual(episode.data.startedAt, Moment.at(start))
        // 23:00 + the core's default episode length (30 min) = 23:30.
        XCTAssertEqual(formRules().defaultEpisodeMinutes, 30)
        XCTAssertEqual(episode.data.endedAt, Moment.at(start.addingTimeInterval(30 * 60)))
        XCTAssertEqual(episode.data.peakIntensity, 6)

        model.setToggle(.hasEnded, on: false)
        XCTAssertNil(model.state.form.endAt, "in progress again")
    }

    @MainActor
    func testAddAfterSaveStartsAFreshFormOfTheSameKind() async throws {
        let store = try await freshStore()
        let model = AddModel(openStore: { store })
        model.load(kind: .exposure, editId: nil)
        await settle { !model.state.loading }
        model.edit { form in
            form.amount = "2"
            form.unit = "cups"
            form.note = "late coffee"
        }
        model.save()
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        XCTAssertEqual(model.state.form.kind, .exposure)
        XCTAssertEqual(model.state.form.note, "")
        XCTAssertEqual(model.state.form.amount, "")
        let items = try await allItems(store)
        XCTAssertEqual(items.count, 1)
        guard case let .exposure(exposure: exposure) = items.first?.entry else {
            return XCTFail("not an exposure: \(String(describing: items.first))")
        }
        XCTAssertEqual(exposure.data.kind, .caffeine)
        XCTAssertEqual(exposure.data.amount, 2)
        XCTAssertEqual(exposure.data.unit, "cups")
        XCTAssertEqual(exposure.data.note, "late coffee")
        // Editing the form again clears the notice.
        model.edit { $0.note = "x" }
        XCTAssertNil(model.state.notice)
    }

    @MainActor
    func testAddAmountWithADecimalComma() async throws {
        let store = try await freshStore()
        let model = AddModel(openStore: { store })
        model.load(kind: .exposure, editId: nil)
        await settle { !model.state.loading }
        model.edit { form in
            form.exposureKind = ExposureKind.other(label: "Red wine")
            form.amount = " 1,5 "
            form.unit = "glasses"
        }
        model.save()
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        guard case let .exposure(exposure: exposure) = try await allItems(store).first?.entry else {
            return XCTFail("no exposure stored")
        }
        XCTAssertEqual(exposure.data.amount, 1.5)
        XCTAssertEqual(exposure.data.kind, .other(label: "Red wine"))
    }

    @MainActor
    func testAddAmountThatIsNotANumberShowsTheCoresReasonAndSavesNothing() async throws {
        let store = try await freshStore()
        let model = AddModel(openStore: { store })
        model.load(kind: .exposure, editId: nil)
        await settle { !model.state.loading }
        model.edit { $0.amount = "lots" }
        model.save()
        await settle { !model.state.busy }
        let error = try XCTUnwrap(model.state.error as? JournalError)
        guard case .InvalidInput = error else {
            return XCTFail("not invalid input: \(error)")
        }
        XCTAssertEqual(model.state.errorText, errorMessage(error: error))
        XCTAssertFalse(model.state.errorText?.isEmpty ?? true)
        XCTAssertNil(model.state.notice)
        XCTAssertEqual(model.state.form.amount, "lots", "the form keeps the input")
        let saved = try await allItems(store)
        XCTAssertEqual(saved.count, 0, "nothing saved")
    }

    @MainActor
    func testAddLabResultWithoutAValueIsRefusedByTheCore() async throws {
        let store = try await freshStore()
        let model = AddModel(openStore: { store })
        model.load(kind: .labResult, editId: nil)
        await settle { !model.state.loading }
        model.edit { $0.unit = "µg/L" }
        model.save()
        await settle { !model.state.busy }
        let error = try XCTUnwrap(model.state.error as? JournalError, "a blank value goes to the core as NaN")
        XCTAssertEqual(model.state.errorText, errorMessage(error: error))
        let saved = try await allItems(store)
        XCTAssertEqual(saved.count, 0, "nothing saved")

        model.edit { form in
            form.amount = "38"
            form.date = daysAgo(3)
        }
        model.save()
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        guard case let .labResult(lab: lab) = try await allItems(store).first?.entry else {
            return XCTFail("no lab result stored")
        }
        XCTAssertEqual(lab.data.analyte, .ferritin)
        XCTAssertEqual(lab.data.value, 38)
        XCTAssertEqual(lab.data.unit, "µg/L")
        XCTAssertEqual(lab.data.takenOn, LocalDates.localDate(daysAgo(3)))
    }

    @MainActor
    func testAddIrlsOutOfRangeIsRejected() async throws {
        let store = try await freshStore()
        let model = AddModel(openStore: { store })
        model.load(kind: .severityRating, editId: nil)
        await settle { !model.state.loading }
        model.edit { $0.irlsTotal = 41 }
        model.save()
        await settle { !model.state.busy }
        let error = try XCTUnwrap(model.state.error as? JournalError)
        guard case .InvalidInput = error else {
            return XCTFail("not invalid input: \(error)")
        }
        XCTAssertEqual(model.state.errorText, errorMessage(error: error))
        XCTAssertTrue(model.state.errorText?.contains("41") ?? false, "it quotes what was entered: \(model.state.errorText ?? "")")
        let saved = try await allItems(store)
        XCTAssertEqual(saved.count, 0, "nothing saved")
        model.edit { $0.irlsTotal = 22 }
        model.save()
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error)
        guard case let .severityRating(rating: rating) = try await allItems(store).first?.entry else {
            return XCTFail("no rating stored")
        }
        XCTAssertEqual(rating.data.irlsTotal, 22)
        XCTAssertEqual(rating.data.ratedOn, LocalDates.localDate(Date()))
    }

    @MainActor
    func testAddChangedTimeTakesTheZonesOffsetOnEachSideOfTheDstChange() async throws {
        let store = try await freshStore()
        let model = AddModel(openStore: { store })
        let berlin = try XCTUnwrap(TimeZone(identifier: "Europe/Berlin"))
        model.load(kind: .exposure, editId: nil)
        await settle { !model.state.loading }
        // A device in Berlin; the person picks 12:00 the day before, then the day of, the change.
        model.edit { $0.at = MomentField(new: $0.at.date, deviceZone: berlin) }
        model.edit { $0.at.date = try! instant("2025-03-29T12:00:00+01:00") }
        model.save()
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        model.edit { $0.at = MomentField(new: $0.at.date, deviceZone: berlin) }
        model.edit { $0.at.date = try! instant("2025-03-30T12:00:00+02:00") }
        model.save()
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        let offsets = try await allItems(store).map { item -> Int32? in
            guard case let .exposure(exposure: exposure) = item.entry else { return nil }
            return exposure.data.at.offsetMinutes
        }
        // Newest first: 30 March is summer time (+02:00), 29 March winter time (+01:00).
        XCTAssertEqual(offsets, [120, 60])
    }

    @MainActor
    func testAddDoseNeedsATreatmentThenSaves() async throws {
        let store = try await freshStore()
        let model = AddModel(openStore: { store })
        model.load(kind: .dose, editId: nil)
        await settle { !model.state.loading }
        XCTAssertTrue(model.state.fields.contains(.noTreatmentsYet), "no treatment yet: the form says so")
        XCTAssertFalse(model.state.fields.contains(.note), "a dose has no note")
        XCTAssertTrue(model.state.fields.contains(.at), "a dose has a moment")
        let treatment = try await store.write { journal in try journal.addTreatment(data: treatmentData()) }
        // The screen appears again: the same kind keeps the form and re-reads the treatments.
        model.edit { $0.amount = "0.125" }
        model.load(kind: .dose, editId: nil)
        await settle("the treatments to be re-read") { !model.state.treatments.isEmpty }
        XCTAssertFalse(model.state.fields.contains(.noTreatmentsYet))
        XCTAssertEqual(model.state.treatments.map { $0.id }, [treatment.id])
        let fromCore = try await store.read { journal in try journal.treatments() }
        XCTAssertEqual(model.state.treatments, fromCore, "the core's treatments() for the dose picker")
        XCTAssertEqual(model.state.form.amount, "0.125", "the half-written form is kept")
        model.edit { $0.treatmentId = treatment.id }
        let before = Date()
        model.save()
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        let doses = try await allItems(store).compactMap { item -> Dose? in
            if case let .dose(dose: dose) = item.entry { return dose }
            return nil
        }
        let dose = try XCTUnwrap(doses.first)
        XCTAssertEqual(doses.count, 1)
        XCTAssertEqual(dose.data.treatmentId, treatment.id)
        XCTAssertEqual(dose.data.amount, 0.125)
        XCTAssertEqual(dose.treatmentName, "Pramipexole")
        // The blank form's time is now, to the minute (as the Kotlin presenter's).
        let at = dose.data.at.instant
        XCTAssertEqual(at.timeIntervalSince1970.truncatingRemainder(dividingBy: 60), 0, "to the minute: \(at)")
        XCTAssertLessThanOrEqual(before.timeIntervalSince(at), 120)
        XCTAssertLessThanOrEqual(at.timeIntervalSince(before), 60)
    }

    @MainActor
    func testADoseWithoutATreatmentShowsTheCoresSentence() async throws {
        let store = try await freshStore()
        let model = AddModel(openStore: { store })
        model.load(kind: .dose, editId: nil)
        await settle { !model.state.loading }
        model.save()
        await settle { !model.state.busy }
        let error = try XCTUnwrap(model.state.error as? JournalError)
        XCTAssertEqual(model.state.errorText, errorMessage(error: error))
        let saved = try await allItems(store)
        XCTAssertEqual(saved.count, 0, "nothing saved")
    }

    @MainActor
    func testAddLatencyAndStopToggles() async throws {
        let store = try await freshStore()
        let model = AddModel(openStore: { store })
        model.load(kind: .treatment, editId: nil)
        await settle { !model.state.loading }
        XCTAssertTrue(model.state.offersKindPicker)
        XCTAssertTrue(model.state.fields.contains(.startedOn), "a treatment has a day")
        XCTAssertFalse(model.state.fields.contains(.at))
        model.setToggle(.hasStopped, on: true)
        let stopped = try XCTUnwrap(model.state.form.stopDate)
        XCTAssertEqual(LocalDates.localDate(stopped), LocalDates.localDate(Date()), "stopped today")
        model.setToggle(.hasStopped, on: false)
        XCTAssertNil(model.state.form.stopDate)
        model.setToggle(.latencyKnown, on: true)
        XCTAssertEqual(model.state.form.latencyMinutes, formRules().defaultLatencyMinutes, "the core's default latency")
        XCTAssertEqual(formRules().defaultLatencyMinutes, 15)
        model.setToggle(.latencyKnown, on: false)
        XCTAssertNil(model.state.form.latencyMinutes)

        // A treatment saved with its stop day reads back with it.
        model.edit { form in
            form.name = "Iron bisglycinate"
            form.category = TreatmentCategory.other(label: "Chelated iron")
            form.amount = "25"
            form.unit = "mg"
            form.date = daysAgo(20)
        }
        model.setToggle(.hasStopped, on: true)
        model.save()
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        let treatments = try await store.read { journal in try journal.treatments() }
        let stored = try XCTUnwrap(treatments.first)
        XCTAssertEqual(stored.data.name, "Iron bisglycinate")
        XCTAssertEqual(stored.data.category, .other(label: "Chelated iron"))
        XCTAssertEqual(stored.data.dose, 25)
        XCTAssertEqual(stored.data.doseUnit, "mg")
        XCTAssertEqual(stored.data.startedOn, LocalDates.localDate(daysAgo(20)))
        XCTAssertEqual(stored.data.stoppedOn, LocalDates.localDate(Date()))
    }

    // ---- editing ----

    @MainActor
    func testAddTreatmentEditKeepsStoredDoseStepsAndTimesPerDay() async throws {
        let store = try await freshStore()
        let steps = [DoseChange(from: "2025-03-01", dose: 0.25, timesPerDay: 2)]
        let stored = try await store.write { journal in
            try journal.addTreatment(data: treatmentData(timesPerDay: 1, doseChanges: steps))
        }
        let model = AddModel(openStore: { store })
        model.load(kind: nil, editId: stored.id)
        await settle { !model.state.loading }
        XCTAssertTrue(model.state.isEditing)
        XCTAssertFalse(model.state.offersKindPicker)
        XCTAssertEqual(model.state.form.kind, .treatment)
        XCTAssertEqual(model.state.form.name, "Pramipexole")
        XCTAssertEqual(model.state.form.amount, "0.125")
        XCTAssertEqual(LocalDates.localDate(model.state.form.date), "2025-02-01")
        model.edit { $0.name = "Pramipexole ER" }
        model.save()
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        XCTAssertTrue(model.state.finishedEdit, "the screen goes back after an edit")
        XCTAssertEqual(model.state.form.name, "Pramipexole ER", "an edit keeps its form")
        guard case let .treatment(treatment: after) = try await store.read({ journal in try journal.entry(id: stored.id) }) else {
            return XCTFail("not a treatment")
        }
        XCTAssertEqual(after.data.name, "Pramipexole ER")
        XCTAssertEqual(after.data.timesPerDay, 1)
        XCTAssertEqual(after.data.doseChanges, steps)
        let treatments = try await store.read { journal in try journal.treatments() }
        XCTAssertEqual(treatments.count, 1)
    }

    @MainActor
    func testAddEditKeepsAnUntouchedMomentAndItsOffset() async throws {
        let store = try await freshStore()
        // Recorded while travelling (+05:30); the device is elsewhere now.
        let at = Moment(instant: try instant("2025-03-26T20:00:00+05:30"), offsetMinutes: 330)
        let stored = try await store.write { journal in
            try journal.addExposure(data: ExposureData(at: at, kind: .caffeine, amount: 2, unit: "cups", note: nil))
        }
        let model = AddModel(openStore: { store })
        model.load(kind: nil, editId: stored.id)
        await settle { !model.state.loading }
        XCTAssertEqual(model.state.form.amount, "2.0")
        XCTAssertEqual(model.state.form.unit, "cups")
        model.edit { $0.note = "edited" }
        model.save()
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        guard case let .exposure(exposure: after) = try await store.read({ journal in try journal.entry(id: stored.id) }) else {
            return XCTFail("not an exposure")
        }
        XCTAssertEqual(after.data.at, stored.data.at)
        XCTAssertEqual(after.data.at.offsetMinutes, 330)
        XCTAssertEqual(after.data.note, "edited")
        XCTAssertEqual(after.data.amount, 2)
    }

    @MainActor
    func testAddEditEpisodeChangesThePeakWithoutASecondEpisode() async throws {
        let store = try await freshStore()
        let start = Moment.at(yesterday(hour: 23))
        let stored = try await store.write { journal in
            try journal.addEpisode(data: EpisodeData(
                startedAt: start, endedAt: nil, peakIntensity: 5, latencyMinutes: nil, setting: nil, side: nil,
                bodyAreas: [], sensations: [], wokeFromSleep: false, note: nil
            ))
        }
        let model = AddModel(openStore: { store })
        model.load(kind: nil, editId: stored.id)
        await settle { !model.state.loading }
        XCTAssertFalse(model.state.offersKindPicker)
        XCTAssertEqual(model.state.editingId, stored.id)
        XCTAssertEqual(model.state.form.intensity, 5)
        XCTAssertNil(model.state.form.endAt)
        model.edit { $0.intensity = 9 }
        model.save()
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        let items = try await allItems(store)
        XCTAssertEqual(items.map { $0.id }, [stored.id])
        guard case let .episode(episode: after) = try await store.read({ journal in try journal.entry(id: stored.id) }) else {
            return XCTFail("not an episode")
        }
        XCTAssertEqual(after.data.peakIntensity, 9)
        XCTAssertEqual(after.data.startedAt, stored.data.startedAt)
    }

    @MainActor
    func testEditingEachKindShowsTheStoredFieldsAndSavesThemBackUnchanged() async throws {
        let store = try await freshStore()
        let stored = try await store.write { journal in try seedEveryKind(journal) }
        for (kind, id) in stored {
            let before = try await store.read { journal in try journal.entry(id: id) }
            let model = AddModel(openStore: { store })
            model.load(kind: nil, editId: id)
            await settle { !model.state.loading }
            XCTAssertNil(model.state.error, "\(kind): \(model.state.errorText ?? "")")
            XCTAssertEqual(model.state.form.kind, kind)
            XCTAssertEqual(model.state.editingId, id)
            let form = model.state.form
            switch before {
            case let .episode(episode: e):
                XCTAssertEqual(form.intensity, e.data.peakIntensity)
                XCTAssertEqual(form.side, .left)
                XCTAssertEqual(form.bodyAreas, e.data.bodyAreas)
                XCTAssertEqual(form.sensations, e.data.sensations)
                XCTAssertEqual(form.setting, .inBed)
                XCTAssertEqual(form.latencyMinutes, 20)
                XCTAssertTrue(form.wokeFromSleep)
                XCTAssertEqual(form.endAt?.moment(), e.data.endedAt)
                XCTAssertEqual(form.note, "restless")
            case let .exposure(exposure: e):
                XCTAssertEqual(form.textOf(.otherExposureLabel), "Chocolate")
                XCTAssertEqual(form.exposureKind, e.data.kind)
                XCTAssertEqual(form.amount, "50.0")
                XCTAssertEqual(form.unit, "g")
            case let .treatment(treatment: t):
                XCTAssertEqual(form.name, t.data.name)
                XCTAssertEqual(form.category, .dopamineAgonist)
                XCTAssertEqual(form.unit, "mg")
                XCTAssertEqual(form.stopDate.map { LocalDates.localDate($0) }, "2025-03-15")
                XCTAssertEqual(form.note, "evening, 2 h before bed")
            case let .dose(dose: d):
                XCTAssertEqual(form.treatmentId, d.data.treatmentId)
                XCTAssertEqual(form.amount, "0.125")
                XCTAssertEqual(form.at.moment(), d.data.at)
            case .labResult:
                XCTAssertEqual(form.analyte, .transferrinSaturation)
                XCTAssertEqual(form.amount, "18.0")
                XCTAssertEqual(form.unit, "%")
                XCTAssertEqual(LocalDates.localDate(form.date), "2025-03-20")
            case .severityRating:
                XCTAssertEqual(form.irlsTotal, 24)
                XCTAssertEqual(LocalDates.localDate(form.date), "2025-03-21")
            case .visit:
                XCTAssertEqual(form.clinician, "Dr Rossi")
                XCTAssertEqual(form.question, "Is my ferritin enough?")
                XCTAssertEqual(LocalDates.localDate(form.date), "2025-04-02")
            case .safetyCheck:
                XCTAssertEqual(form.safetyYes, [.gambling, .sexual])
                XCTAssertEqual(LocalDates.localDate(form.date), "2025-03-24")
                XCTAssertEqual(form.note, "weekly")
            default:
                XCTFail("unexpected \(before)")
            }
            model.save()
            await settle { !model.state.busy }
            XCTAssertNil(model.state.error, "\(kind): \(model.state.errorText ?? "")")
            XCTAssertTrue(model.state.finishedEdit, "\(kind)")
            let after = try await store.read { journal in try journal.entry(id: id) }
            XCTAssertEqual(dataOf(after), dataOf(before), "\(kind) saved back unchanged")
        }
        let items = try await allItems(store)
        XCTAssertEqual(items.count, stored.count, "edits replace, never add")
    }

    @MainActor
    func testLoadingAnEntryThatIsGoneShowsTheCoresSentence() async throws {
        let store = try await freshStore()
        let model = AddModel(openStore: { store })
        model.load(kind: nil, editId: "no-such-entry")
        await settle { !model.state.loading }
        let error = try XCTUnwrap(model.state.error as? JournalError)
        guard case .NotFound = error else {
            return XCTFail("not NotFound: \(error)")
        }
        XCTAssertEqual(model.state.errorText, errorMessage(error: error))
    }

    // ---- visits and drug-safety check-ins ----

    @MainActor
    func testAddVisitWithAQuestionThenEditIt() async throws {
        let store = try await freshStore()
        let model = AddModel(openStore: { store })
        model.load(kind: .visit, editId: nil)
        await settle { !model.state.loading }
        let visitDay = LocalDates.date("2025-04-02")
        model.edit { form in
            form.date = visitDay
            form.clinician = "Dr Rossi"
            form.question = "Is my ferritin enough?"
        }
        model.save()
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        let items = try await allItems(store)
        XCTAssertEqual(items.count, 1)
        guard case let .visit(visit: visit) = items.first?.entry else {
            return XCTFail("not a visit")
        }
        XCTAssertEqual(visit.data.visitOn, "2025-04-02")
        XCTAssertEqual(visit.data.clinician, "Dr Rossi")
        XCTAssertEqual(visit.data.question, "Is my ferritin enough?")

        let edit = AddModel(openStore: { store })
        edit.load(kind: nil, editId: visit.id)
        await settle { !edit.state.loading }
        XCTAssertEqual(edit.state.form.clinician, "Dr Rossi")
        XCTAssertEqual(edit.state.form.question, "Is my ferritin enough?")
        edit.edit { $0.question = "" }
        edit.save()
        await settle { !edit.state.busy }
        XCTAssertNil(edit.state.error, edit.state.errorText ?? "")
        guard case let .visit(visit: after) = try await store.read({ journal in try journal.entry(id: visit.id) }) else {
            return XCTFail("not a visit")
        }
        XCTAssertNil(after.data.question, "cleared")
        XCTAssertEqual(after.data.clinician, "Dr Rossi")
    }

    @MainActor
    func testAddSafetyCheckInAnswersEachQuestion() async throws {
        let store = try await freshStore()
        let model = AddModel(openStore: { store })
        model.load(kind: .safetyCheck, editId: nil)
        await settle { !model.state.loading }
        XCTAssertEqual(model.state.form.safetyYes, [], "every question starts at no")
        answer(model, .fallingAsleep, yes: true)
        answer(model, .fallingAsleep, yes: true)
        answer(model, .gambling, yes: true)
        answer(model, .gambling, yes: false)
        XCTAssertEqual(model.state.form.safetyYes, [.fallingAsleep], "a set: no duplicate, a no removes")
        model.save()
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        XCTAssertEqual(model.state.form.safetyYes, [], "a fresh check-in follows")
        guard case let .safetyCheck(check: check) = try await allItems(store).first?.entry else {
            return XCTFail("no check-in stored")
        }
        XCTAssertEqual(check.data.answeredYes, [.fallingAsleep])
        XCTAssertEqual(check.data.checkedOn, LocalDates.localDate(Date()))

        // Every answer "no" is a check-in too.
        model.save()
        await settle { !model.state.busy }
        XCTAssertNil(model.state.error, model.state.errorText ?? "")
        let answers = try await allItems(store).compactMap { item -> [SafetyItem]? in
            if case let .safetyCheck(check: check) = item.entry { return check.data.answeredYes }
            return nil
        }
        XCTAssertEqual(answers.count, 2)
        XCTAssertTrue(answers.contains([]))
    }

    @MainActor
    func testAStoreThatDoesNotOpenIsShownAndNothingIsSaved() async throws {
        struct Unavailable: Error {}
        let model = AddModel(openStore: { throw Unavailable() })
        model.load(kind: .exposure, editId: nil)
        await settle { !model.state.loading }
        XCTAssertTrue(model.state.error is Unavailable)
        XCTAssertNotNil(model.state.errorText)
        model.save()
        await settle { !model.state.busy }
        XCTAssertTrue(model.state.error is Unavailable)
        XCTAssertNil(model.state.notice)
    }
}

// MARK: - helpers of these tests

/// Every entry, newest first, as the core lists them.
@MainActor
private func allItems(_ store: JournalStore) async throws -> [HistoryItem] {
    try await store.read { journal in
        try journal.history(query: HistoryQuery(kinds: [], cursor: nil, limit: 200)).items
    }
}

/// The stored episodes, newest first.
@MainActor
private func storedEpisodes(_ store: JournalStore) async throws -> [Episode] {
    try await allItems(store).compactMap { item in
        if case let .episode(episode: episode) = item.entry { return episode }
        return nil
    }
}

/// An instant from ISO 8601 with an offset.
private func instant(_ text: String) throws -> Date {
    guard let date = ISO8601DateFormatter().date(from: text) else {
        throw NSError(domain: "AddModelTests", code: 1, userInfo: [NSLocalizedDescriptionKey: "not a date: \(text)"])
    }
    return date
}

/// Yesterday at `hour`:00 on this device.
private func yesterday(hour: Int) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone.current
    let today = calendar.startOfDay(for: Date())
    let day = calendar.date(byAdding: .day, value: -1, to: today) ?? today
    return calendar.date(byAdding: .hour, value: hour, to: day) ?? day
}

/// Noon `days` days ago on this device.
private func daysAgo(_ days: Int) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone.current
    let today = calendar.startOfDay(for: Date())
    let day = calendar.date(byAdding: .day, value: -days, to: today) ?? today
    return day.addingTimeInterval(12 * 3600)
}

/// The Kotlin fixtures' treatment.
private func treatmentData(timesPerDay: Int32? = nil, doseChanges: [DoseChange] = []) -> TreatmentData {
    TreatmentData(
        name: "Pramipexole", category: .dopamineAgonist, dose: 0.125, doseUnit: "mg", startedOn: "2025-02-01",
        stoppedOn: nil, note: "evening, 2 h before bed", timesPerDay: timesPerDay, doseChanges: doseChanges
    )
}

/// One entry of each kind the Add screen edits, every field the form shows set.
private func seedEveryKind(_ journal: Journal) throws -> [(EntryKind, String)] {
    let evening = try instant("2025-03-26T20:00:00+01:00")
    let at = Moment(instant: evening, offsetMinutes: 60)
    let later = Moment(instant: evening.addingTimeInterval(3 * 3600), offsetMinutes: 60)
    let treatment = try journal.addTreatment(data: TreatmentData(
        name: "Pramipexole", category: .dopamineAgonist, dose: 0.125, doseUnit: "mg", startedOn: "2025-02-01",
        stoppedOn: "2025-03-15", note: "evening, 2 h before bed", timesPerDay: 1,
        doseChanges: [DoseChange(from: "2025-03-01", dose: 0.25, timesPerDay: 1)]
    ))
    let dose = try journal.addDose(data: DoseData(treatmentId: treatment.id, at: at, amount: 0.125))
    let exposure = try journal.addExposure(data: ExposureData(
        at: at, kind: .other(label: "Chocolate"), amount: 50, unit: "g", note: "dessert"
    ))
    let episode = try journal.addEpisode(data: EpisodeData(
        startedAt: later, endedAt: Moment(instant: later.instant.addingTimeInterval(45 * 60), offsetMinutes: 60),
        peakIntensity: 7, latencyMinutes: 20, setting: .inBed, side: .left, bodyAreas: [.calves, .feet],
        sensations: [.crawling, .other(label: "fizzing")], wokeFromSleep: true, note: "restless"
    ))
    let lab = try journal.addLabResult(data: LabResultData(
        takenOn: "2025-03-20", analyte: .transferrinSaturation, value: 18, unit: "%", note: "fasting"
    ))
    let rating = try journal.addSeverityRating(data: SeverityRatingData(ratedOn: "2025-03-21", irlsTotal: 24, note: "clinic"))
    let visit = try journal.addVisit(data: VisitData(
        visitOn: "2025-04-02", clinician: "Dr Rossi", question: "Is my ferritin enough?", note: "bring the report"
    ))
    let check = try journal.addSafetyCheck(data: SafetyCheckData(
        checkedOn: "2025-03-24", answeredYes: [.sexual, .gambling], note: "weekly"
    ))
    return [
        (.treatment, treatment.id), (.dose, dose.id), (.exposure, exposure.id), (.episode, episode.id),
        (.labResult, lab.id), (.severityRating, rating.id), (.visit, visit.id), (.safetyCheck, check.id),
    ]
}

/// What an entry holds, without its id and record times.
private func dataOf(_ entry: Entry) -> EntryData? {
    switch entry {
    case let .episode(episode: e): return .episode(data: e.data)
    case let .exposure(exposure: e): return .exposure(data: e.data)
    case let .treatment(treatment: t): return .treatment(data: t.data)
    case let .dose(dose: d): return .dose(data: d.data)
    case let .labResult(lab: l): return .labResult(data: l.data)
    case let .severityRating(rating: r): return .severityRating(data: r.data)
    case let .visit(visit: v): return .visit(data: v.data)
    case let .safetyCheck(check: c): return .safetyCheck(data: c.data)
    case .sleepDiary, .noSymptoms: return nil
    }
}

/// Answers one drug-safety question on the Add form, by the core's order of the questions (the
/// form's `safetyQuestions` choices).
@MainActor
private func answer(_ model: AddModel, _ item: SafetyItem, yes: Bool) {
    guard let index = safetyCheckItems().firstIndex(of: item) else {
        return XCTFail("\(item) is not one of the core's questions")
    }
    XCTAssertEqual(model.state.choices(.safetyQuestions)[index].label, item.question(), "the choices are the core's questions in order")
    model.setChosen(.safetyQuestions, index, chosen: yes)
}
