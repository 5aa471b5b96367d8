import Foundation

/// Parses the times SPEC.md's options take (`--since`, `--from`, …): ISO 8601 dates and
/// date-times — `2026-11-01`, `2026-11-01T06:00`, `2026-11-01T06:00:30`, with an optional
/// `Z` or `±HH:MM` offset; without an offset, in `timeZone` (the PC's local time).
public enum TimeInput {
    public static func parse(_ text: String, timeZone: TimeZone) -> Date? {
        let pattern = #/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/#
        guard let m = text.trimmingCharacters(in: .whitespaces).wholeMatch(of: pattern) else { return nil }
        var parts = DateComponents()
        parts.year = Int(m.1); parts.month = Int(m.2); parts.day = Int(m.3)
        parts.hour = m.4.flatMap { Int($0) } ?? 0
        parts.minute = m.5.flatMap { Int($0) } ?? 0
        parts.second = m.6.flatMap { Int($0) } ?? 0
        if let fraction = m.7 { parts.nanosecond = Int(Double("0." + fraction)! * 1e9) }
        if m.8 != nil && m.4 == nil { return nil }   // an offset needs a time
        var zone = timeZone
        if let offset = m.8 {
            if offset == "Z" { zone = .gmt } else {
                let sign = offset.hasPrefix("-") ? -1 : 1
                let digits = offset.dropFirst().filter(\.isNumber)
                let hours = Int(digits.prefix(2))!, minutes = digits.count > 2 ? Int(digits.suffix(2))! : 0
                guard hours <= 23, minutes <= 59, let z = TimeZone(secondsFromGMT: sign * (hours * 3600 + minutes * 60)) else { return nil }
                zone = z
            }
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        parts.timeZone = zone
        guard let date = calendar.date(from: parts),
              calendar.component(.day, from: date) == parts.day,
              calendar.component(.month, from: date) == parts.month else { return nil }
        return date
    }
}
