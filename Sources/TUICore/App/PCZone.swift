#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The PC's time zone as the pages need it: minutes east of UTC at a moment, and the
/// PC's calendar day. Asked of the C library (`localtime_r`), not of Foundation's
/// `TimeZone.current`, which loads ICU's zone data: ~3 MB resident for every session
/// that never opens the Clock page (issue 19).
public struct PCZone: Hashable, Sendable {
    /// Nil: the system's zone, as the C library reads TZ and /etc/localtime.
    let fixedMinutesEast: Int?

    public static let system = PCZone(fixedMinutesEast: nil)

    /// A zone pinned for tests and snapshots.
    public static func fixed(minutesEast: Int) -> PCZone { PCZone(fixedMinutesEast: minutesEast) }

    public func minutesEast(at date: Date) -> Int {
        if let fixedMinutesEast { return fixedMinutesEast }
        return Int(Self.localParts(date).tm_gmtoff) / 60
    }

    /// `(2026, 11, 25)`: the day `date` falls on in this zone.
    public func day(_ date: Date) -> (year: Int, month: Int, day: Int) {
        let parts: tm
        if let fixedMinutesEast {
            parts = Self.utcParts(date.addingTimeInterval(Double(fixedMinutesEast) * 60))
        } else {
            parts = Self.localParts(date)
        }
        return (Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
    }

    /// `2026-11-25 11:40:50`: the PC's clock at `date` in this zone, seconds cut (the
    /// audit log's times on screen and in its CSV).
    public func dateTime(_ date: Date) -> String {
        let p = fixedMinutesEast.map { Self.utcParts(date.addingTimeInterval(Double($0) * 60)) } ?? Self.localParts(date)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(p.tm_year + 1900)-\(two(p.tm_mon + 1))-\(two(p.tm_mday)) \(two(p.tm_hour)):\(two(p.tm_min)):\(two(p.tm_sec))"
    }

    static func localParts(_ date: Date) -> tm {
        var t = Self.seconds(date)
        var parts = tm()
        localtime_r(&t, &parts)
        return parts
    }

    static func utcParts(_ date: Date) -> tm {
        var t = Self.seconds(date)
        var parts = tm()
        gmtime_r(&t, &parts)
        return parts
    }

    private static func seconds(_ date: Date) -> time_t {
        let s = date.timeIntervalSince1970.rounded(.down)
        return s.isFinite ? time_t(max(-1e15, min(1e15, s))) : 0
    }
}
