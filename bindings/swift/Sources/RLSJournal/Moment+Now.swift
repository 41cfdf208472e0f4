import Foundation

// Moments from Swift dates. The core stores every moment as the UTC instant plus the device's UTC
// offset at that instant, so 02:10 stays 02:10 in history after travel or a DST change.

extension Moment {
    /// Now, with the device's current UTC offset.
    public static func now() -> Moment {
        return Moment.at(Date())
    }

    /// `date` as lived in `timeZone` (the device's time zone unless given): the instant plus the
    /// zone's UTC offset at that instant, so a backdated entry gets the offset it had then (DST).
    public static func at(_ date: Date, in timeZone: TimeZone = TimeZone.current) -> Moment {
        let offsetSeconds = timeZone.secondsFromGMT(for: date)
        return Moment(instant: date, offsetMinutes: Int32(offsetSeconds / 60))
    }
}
