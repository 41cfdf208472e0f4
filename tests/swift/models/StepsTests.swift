// Steps (ios/RLSJournalApp/Models/Steps.swift): the Swift twin of the Kotlin
// `steppersStayInsideTheCoresRanges` test (tests/kotlin/…/PresenterTests.kt), against the core's
// own ranges (`formRules()`). `aSteppedDiaryIsOneTheCoreAccepts` is in CheckInModelTests.

import Foundation
import RLSJournal
import XCTest

final class StepsTests: XCTestCase {
    func testSteppersStayInsideTheCoresRanges() {
        let rules = formRules()
        XCTAssertEqual(Steps.minutesStep, 5)
        XCTAssertEqual(Steps.minutes(15, steps: 1), 20)
        XCTAssertEqual(Steps.minutes(15, steps: -1), 10)
        XCTAssertEqual(Steps.minutes(15, steps: 3), 30, "several taps at once")
        XCTAssertEqual(Steps.minutes(3, steps: -1), rules.minutes.min, "never below the core's minimum")
        XCTAssertEqual(Steps.minutes(rules.minutes.max - 2, steps: 1), rules.minutes.max, "never above the core's maximum")
        XCTAssertEqual(Steps.awakenings(0, steps: 1), 1)
        XCTAssertEqual(Steps.awakenings(4, steps: -1), 3)
        XCTAssertEqual(Steps.awakenings(rules.awakenings.min, steps: -1), rules.awakenings.min)
        XCTAssertEqual(Steps.awakenings(rules.awakenings.max, steps: 1), rules.awakenings.max)
    }

    func testTheRangesAreTheCoresNotTheApps() {
        let rules = formRules()
        XCTAssertEqual(Rules.core, rules)
        XCTAssertEqual(rules.minutes.min, 0)
        XCTAssertGreaterThan(rules.minutes.max, 60, "a minutes field takes more than an hour")
        XCTAssertEqual(rules.awakenings.min, 0)
        XCTAssertGreaterThan(rules.awakenings.max, 10)
        // A value the core would refuse is pulled back inside from either side in one step.
        XCTAssertEqual(Steps.minutes(-40, steps: 0), rules.minutes.min)
        XCTAssertEqual(Steps.awakenings(rules.awakenings.max + 50, steps: -1), rules.awakenings.max)
    }
}
