import Foundation
import RLSJournal

/// The core's ranges, defaults and choices for the forms (`formRules()`: fixed data, read once).
/// No range or default of an entry form is written in the app: a check in the test suite
/// (`tests/app-api-check/ranges.py`) fails if a numeric range literal reappears here.
enum Rules {
    static let core: FormRules = formRules()

    /// Every peak intensity, lowest first.
    static let intensities: [Int32] = Array(core.intensity.min...core.intensity.max)

    /// Every sleep quality, lowest first.
    static let qualities: [Int32] = Array(core.sleepQuality.min...core.sleepQuality.max)

    /// The intensities in rows of five (the bedside pad).
    static let intensityRows: [[Int32]] = [Array(intensities.prefix(5)), Array(intensities.dropFirst(5))]

    /// Whether `hour` (local, 0–23) is in the hours the app opens dark.
    static func isNightHour(_ hour: Int) -> Bool {
        return hour >= Int(core.nightThemeFromHour) || hour < Int(core.nightThemeUntilHour)
    }
}
