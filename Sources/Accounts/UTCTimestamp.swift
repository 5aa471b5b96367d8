#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Times as stored and shown in UTC: `2026-11-01T06:00:00.000Z` (or without the
/// milliseconds), written and read with the C library's `gmtime_r`/`timegm`.
///
/// Not `Date.ISO8601FormatStyle` nor `ISO8601DateFormatter`: both build a Foundation
/// calendar, which looks up the current time zone through ICU, and that alone kept about
/// 3 MB of ICU code and data resident for the whole session (issue 19, measured with
/// /proc/PID/pagemap and gdb).
public enum UTCTimestamp {
    /// `2026-11-01T06:00:00.000Z`; with `milliseconds: false`, `2026-11-01T06:00:00Z`.
    /// Milliseconds are truncated (a time never shows later than it was).
    public static func text(_ date: Date, milliseconds: Bool = true) -> String {
        // To the microsecond first: a time read from its text is a binary fraction a hair
        // under the millisecond it names, and must write the same text again.
        let totalMilliseconds = ((date.timeIntervalSince1970 * 1_000_000).rounded() / 1000).rounded(.down)
        guard totalMilliseconds.isFinite, abs(totalMilliseconds) < 1e17 else { return "0000-01-01T00:00:00.000Z" }
        let whole = Int64(totalMilliseconds)
        var seconds = time_t(whole >= 0 ? whole / 1000 : (whole - 999) / 1000)
        let millis = Int(whole - Int64(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var text = pad(Int(parts.tm_year) + 1900, 4) + "-" + pad(Int(parts.tm_mon) + 1, 2) + "-" + pad(Int(parts.tm_mday), 2)
            + "T" + pad(Int(parts.tm_hour), 2) + ":" + pad(Int(parts.tm_min), 2) + ":" + pad(Int(parts.tm_sec), 2)
        if milliseconds { text += "." + pad(millis, 3) }
        return text + "Z"
    }

    /// The date `text` (either form of ``text(_:milliseconds:)``) names, or nil.
    public static func date(_ text: String) -> Date? {
        let u = Array(text.utf8)
        guard u.count == 20 || u.count == 24, u.last == UInt8(ascii: "Z") else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for byte in u[from..<from + count] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        let separators: [(Int, Character)] = [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":")] + (u.count == 24 ? [(19, ".")] : [])
        guard separators.allSatisfy({ u[$0.0] == $0.1.asciiValue }),
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60 else { return nil }
        let millis = u.count == 24 ? number(20, 3) : 0
        guard let millis else { return nil }
        var parts = tm()
        parts.tm_year = Int32(year - 1900); parts.tm_mon = Int32(month - 1); parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour); parts.tm_min = Int32(minute); parts.tm_sec = Int32(second)
        let seconds = timegm(&parts)
        // timegm normalises 31 February to 3 March: such a date is not a date.
        guard parts.tm_mday == Int32(day), parts.tm_mon == Int32(month - 1) else { return nil }
        return Date(timeIntervalSince1970: Double(seconds) + Double(millis) / 1000)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
