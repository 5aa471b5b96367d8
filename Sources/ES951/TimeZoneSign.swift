import DLMS
import Foundation

/// Which way a clock counts its time zone (clock attribute 3) and the deviation of its
/// date-times.
///
/// The Blue Book counts minutes local time is *behind* UTC: UTC+3 is −180. Many Russian
/// devices and libraries count the other way, east positive: UTC+3 is +180. Read with the
/// wrong sign, a clock at 16:08 UTC+3 shows as 16:08 UTC−3: six hours wrong. The program
/// keeps every time zone and deviation in the Blue Book sign; a device's values are turned
/// at the edge (``toBlueBook(_:)``, ``fromBlueBook(_:)``).
public enum TimeZoneSign: String, Sendable, Hashable, CaseIterable {
    case blueBook = "blue-book"
    case eastPositive = "east-positive"

    /// A device's minutes in the Blue Book sign.
    public func toBlueBook(_ minutes: Int16) -> Int16 {
        self == .blueBook ? minutes : (minutes == .min ? minutes : -minutes)
    }

    /// Blue Book minutes in this device's sign (the same turn: it is its own inverse).
    public func fromBlueBook(_ minutes: Int16) -> Int16 { toBlueBook(minutes) }

    /// A device's date-time with its deviation in the Blue Book sign (and back: the same).
    public func toBlueBook(_ time: COSEMDateTime) -> COSEMDateTime {
        var t = time
        t.deviation = time.deviation.map(toBlueBook)
        return t
    }

    /// How far apart the two readings of a clock may lie from the computer's time and
    /// still say which sign the device uses.
    public static let detectionTolerance: TimeInterval = 15 * 60

    /// The sign that makes the device's clock agree with `now`: its date-time read as
    /// local time with the deviation in each sign, the one within
    /// ``detectionTolerance`` of `now` (and the other not). Nil when it cannot tell: the
    /// deviation is unspecified or 0 (both signs read the same), or the clock is so far
    /// off that neither or both agree.
    public static func detect(clock: COSEMDateTime, now: Date) -> TimeZoneSign? {
        guard let deviation = clock.deviation, deviation != 0 else { return nil }
        func gap(_ sign: TimeZoneSign) -> TimeInterval? {
            guard let s = sign.toBlueBook(clock).secondsSince1970() else { return nil }
            return abs(TimeInterval(s) - now.timeIntervalSince1970)
        }
        let close = allCases.filter { gap($0).map { $0 <= detectionTolerance } ?? false }
        return close.count == 1 ? close[0] : nil
    }
}
