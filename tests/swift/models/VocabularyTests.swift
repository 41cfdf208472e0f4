// The app's chip lists (ios/RLSJournalApp/Vocabulary.swift) and notice words (NoticeText.swift):
// every value and its order come from the core; the lists without a field for an "other" label
// leave the core's flagged "other" choice out, and only those.

import Foundation
import RLSJournal
import XCTest

final class VocabularyTests: XCTestCase {
    func testEveryChipListIsTheCoresInItsOrder() {
        let core = vocabularies()
        XCTAssertEqual(Vocabulary.sides, core.sides.map { $0.value })
        XCTAssertEqual(Vocabulary.bodyAreas, core.bodyAreas.map { $0.value })
        XCTAssertEqual(Vocabulary.exposureKinds, core.exposureKinds.map { $0.value })
        XCTAssertEqual(Vocabulary.treatmentCategories, core.treatmentCategories.map { $0.value })
        XCTAssertEqual(Vocabulary.analytes, core.analytes.map { $0.value })
        XCTAssertEqual(Vocabulary.paperSizes, core.paperSizes.map { $0.value })
        XCTAssertEqual(Vocabulary.helped, core.helped)
        XCTAssertEqual(Vocabulary.addableKinds, formRules().addKinds)
        XCTAssertFalse(Vocabulary.addableKinds.contains(.sleepDiary), "the diary is on the Morning screen")
    }

    func testListsWithoutAnOtherFieldLeaveOnlyTheOtherChoiceOut() {
        let core = vocabularies()
        XCTAssertEqual(Vocabulary.sensations.count, core.sensations.count - 1)
        XCTAssertEqual(Vocabulary.settings.count, core.settings.count - 1)
        XCTAssertEqual(Vocabulary.reliefMethods.count, core.reliefMethods.count - 1)
        XCTAssertEqual(Vocabulary.sensations, core.sensations.filter { !$0.isOther }.map { $0.value })
        XCTAssertTrue(Vocabulary.sensations.allSatisfy { !$0.isOther() })
        XCTAssertTrue(Vocabulary.settings.allSatisfy { !$0.isOther() })
        XCTAssertTrue(Vocabulary.reliefMethods.allSatisfy { !$0.isOther() })
        // The lists with a field for the label keep the core's "other" choice, last.
        XCTAssertEqual(Vocabulary.exposureKinds.last.map { $0.isOther() }, true)
        XCTAssertEqual(Vocabulary.analytes.last.map { $0.isOther() }, true)
    }

    func testEveryNoticeHasItsOwnWords() {
        let notices: [Notice] = [.logged, .episodeEnded, .reliefSaved, .noSymptomsSaved, .diarySaved, .entrySaved, .settingsSaved]
        let words = notices.map { $0.text }
        XCTAssertTrue(words.allSatisfy { !$0.isEmpty && $0.hasSuffix(".") })
        XCTAssertEqual(Set(words).count, notices.count, "no two notices read the same")
    }
}
