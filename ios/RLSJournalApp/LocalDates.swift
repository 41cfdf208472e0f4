import Foundation
import RLSJournal

/// Dates cross the FFI as ISO `YYYY-MM-DD` strings (`LocalDate`). These convert the person's
/// picked day to that form and back, in the Gregorian calendar of the device's time zone.
enum LocalDates {
    private static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }()

    /// The day of `date` on this device, as a `LocalDate`.
    static func localDate(_ date: Date) -> LocalDate {
        return formatter.string(from: date)
    }

    /// The start of a `LocalDate` on this device (now if the string is not a date).
    static func date(_ localDate: LocalDate) -> Date {
        return formatter.date(from: localDate) ?? Date()
    }

    /// The day of the month of a `LocalDate` (for calendar cells).
    static func dayOfMonth(_ localDate: LocalDate) -> Int {
        return Calendar(identifier: .gregorian).component(.day, from: date(localDate))
    }

    /// `localDate` moved by `days` (to widen a range that ends on a night the core chose).
    static func adding(days: Int, to localDate: LocalDate) -> LocalDate {
        let moved = Calendar(identifier: .gregorian).date(byAdding: .day, value: days, to: date(localDate)) ?? date(localDate)
        return formatter.string(from: moved)
    }
}
