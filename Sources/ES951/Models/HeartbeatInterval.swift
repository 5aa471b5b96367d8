import Foundation

/// The GPRS heartbeat interval as people type and read it (SPEC F-33): the device keeps
/// seconds (1/0.0.25.4.128.255/2, long-unsigned), people think in minutes. One parser
/// and one form for the command line, the GPRS page and the `.set` file, so a value
/// survives every path exactly (issue 20 item 1: 90 s was shown and exported as "1").
///
/// The form is minutes, `m:ss` when there are seconds too: language-free, and whole
/// minutes read as they always did.
///
/// ```swift
/// HeartbeatInterval.parse("3")            // 180
/// HeartbeatInterval.parse("1:30")         // 90
/// HeartbeatInterval.parse("90 s")         // 90
/// HeartbeatInterval.parse("1 мин 30 с")   // 90
/// HeartbeatInterval.text(90)              // "1:30"
/// HeartbeatInterval.text(180)             // "3"
/// ```
public enum HeartbeatInterval {
    /// What the wire holds (long-unsigned), without 0.
    public static let secondsRange = 1...65535

    /// The seconds `text` names, nil when it is not a duration (the range is not checked:
    /// ``validate(_:)`` does). Minutes (`3`), `m:ss` (`1:30`, seconds 00–59), or numbers
    /// each followed by a unit — `h`/`ч`, `min`/`m`/`мин`/`м`, `s`/`sec`/`с`/`сек` —
    /// larger first, spaces optional, case ignored (`90 s`, `1 min 30 s`).
    public static func parse(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !t.isEmpty, t.count <= 40 else { return nil }
        func number(_ s: Substring) -> Int? {
            guard !s.isEmpty, s.count <= 6, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(s)
        }
        let parts = t.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 1, let minutes = number(parts[0]) { return minutes * 60 }
        if parts.count == 2 {
            guard let minutes = number(parts[0]), parts[1].count == 2, let seconds = number(parts[1]), seconds < 60 else { return nil }
            return minutes * 60 + seconds
        }
        guard parts.count == 1 else { return nil }
        var total = 0
        var lastScale = Int.max
        var rest = Substring(t)
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard let n = number(digits) else { return nil }
            rest = rest.dropFirst(digits.count).drop { $0 == " " }
            let word = rest.prefix { $0.isLetter || $0 == "." }
            guard let scale = unitScale(word.replacingOccurrences(of: ".", with: "")), scale < lastScale else { return nil }
            rest = rest.dropFirst(word.count).drop { $0 == " " }
            total += n * scale
            lastScale = scale
        }
        return total
    }

    static func unitScale(_ word: String) -> Int? {
        switch word {
        case "h", "hr", "hour", "hours", "ч", "час", "часа", "часов": 3600
        case "m", "min", "mins", "minute", "minutes", "м", "мин", "минута", "минуты", "минут": 60
        case "s", "sec", "secs", "second", "seconds", "с", "сек", "секунда", "секунды", "секунд": 1
        default: nil
        }
    }

    /// Out of ``secondsRange``: the reason, else nil.
    public static func validate(_ seconds: Int) -> ValidationReason? {
        secondsRange.contains(seconds) ? nil : .duration(secondsRange)
    }

    /// `seconds` as minutes, `m:ss` when there are seconds too: "3", "1:30", "0:45".
    public static func text(_ seconds: Int) -> String {
        guard seconds >= 0 else { return String(seconds) }
        let m = seconds / 60, s = seconds % 60
        return s == 0 ? String(m) : "\(m):" + (s < 10 ? "0\(s)" : String(s))
    }
}
