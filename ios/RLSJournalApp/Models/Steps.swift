import Foundation
import RLSJournal

/// The steppers' rules, mirroring the Kotlin `Steps.kt` (tested on the JVM): a tap moves minutes
/// by 5 and awakenings by 1, inside the core's ranges (`formRules()`).
enum Steps {
    static let minutesStep: Int32 = 5

    static func minutes(_ value: Int32, steps: Int32) -> Int32 {
        return within(value + steps * minutesStep, Rules.core.minutes)
    }

    static func awakenings(_ value: Int32, steps: Int32) -> Int32 {
        return within(value + steps, Rules.core.awakenings)
    }

    private static func within(_ value: Int32, _ range: InputRange) -> Int32 {
        return min(max(value, range.min), range.max)
    }
}
