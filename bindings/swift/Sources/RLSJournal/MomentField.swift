import Foundation

/// A date-and-time input of an add or edit form: the instant its `DatePicker` shows and sets, the
/// time zone to show it in, and the stored `Moment` it was loaded from (nil for a new entry).
///
/// An edit must not change a time the person did not touch: `moment()` returns the stored moment
/// exactly (instant and UTC offset) while `date` is still the stored instant. Rebuilding it with
/// the device's current zone (`Moment.at(date)`) would, after travel or a daylight-saving change,
/// silently change the stored offset and could move the entry to another night. The picker shows
/// a stored time as it was lived: in the device's zone when the moment was recorded at the offset
/// this zone had then (a date moved across a daylight-saving change then gets the right offset),
/// else at the moment's own offset (a time recorded elsewhere is changed as lived there). The
/// same rule as the Kotlin layer's `MomentField`, which the JVM suite tests through the core.
public struct MomentField: Equatable, Sendable {
    /// The stored moment this field was loaded from; nil for a new entry.
    public let original: Moment?
    /// The instant shown and picked (bind the `DatePicker` to it).
    public var date: Date
    /// The zone to show and read the picker in (`.environment(\.timeZone, field.timeZone)`).
    public let timeZone: TimeZone

    /// A field showing stored moment `stored`; saved unchanged if untouched. `deviceZone` is the
    /// device's zone unless given.
    public init(stored: Moment, deviceZone: TimeZone = TimeZone.current) {
        original = stored
        date = stored.instant
        let recordedHere = deviceZone.secondsFromGMT(for: stored.instant) == Int(stored.offsetMinutes) * 60
        timeZone = recordedHere ? deviceZone : (TimeZone(secondsFromGMT: Int(stored.offsetMinutes) * 60) ?? deviceZone)
    }

    /// A field for a new entry at `date`, in the device's zone unless `deviceZone` is given.
    public init(new date: Date, deviceZone: TimeZone = TimeZone.current) {
        original = nil
        self.date = date
        timeZone = deviceZone
    }

    /// Whether the picked instant differs from the stored one (always true for a new entry).
    public var isChanged: Bool {
        guard let original = original else {
            return true
        }
        return date != original.instant
    }

    /// The moment to save: the stored one, untouched, while unchanged; else the picked instant
    /// with the offset `timeZone` has at that instant.
    public func moment() -> Moment {
        if let original = original, !isChanged {
            return original
        }
        return Moment.at(date, in: timeZone)
    }
}
