import Foundation

/// The one rule for a time zone typed by a person or read from a `.set` file (the
/// commands' `--time-zone`, the TUI's Clock page, `clock.time-zone`): UTC−12…UTC+14 in
/// quarter hours, as minutes east of UTC — so `UTC+3:07`, a typo, is refused, not
/// written. The device's own sign convention (Blue Book: minutes *behind* UTC) is the
/// models' business, not this rule's.
public enum TimeZoneRule {
    /// The zones a person may set, in minutes east of UTC.
    public static let range = -720...840

    /// How a zone is written out.
    public enum Style: Sendable {
        /// `UTC+03:00`, `UTC-03:30` (a `.set` file).
        case full
        /// `UTC+3`, `UTC-3:30` (the commands' output and audit targets).
        case short
        /// `UTC+03:00`, `UTC−03:30` with a true minus sign (the screen).
        case screen
    }

    /// Parses `UTC+3`, `UTC+03:00`, `utc-3:30`, `+03:00`, `GMT+2`, `UTC`: minutes east of
    /// UTC, or nil outside the rule. Empty or blank text is no zone (nil), never UTC:
    /// only "UTC" written out means UTC+00:00.
    public static func parse(_ text: String) -> Int? {
        var t = Substring(text.trimmingCharacters(in: .whitespaces).uppercased())
        guard !t.isEmpty else { return nil }
        if t.hasPrefix("UTC") || t.hasPrefix("GMT") { t = t.dropFirst(3) }
        if t.isEmpty { return 0 }
        guard let sign = t.first, sign == "+" || sign == "-" else { return nil }
        let parts = t.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), (1...2).contains(parts[0].count), let h = Int(parts[0]) else { return nil }
        var minutes = h * 60
        if parts.count == 2 {
            guard parts[1].count == 2, let m = Int(parts[1]), m < 60 else { return nil }
            minutes += m
        }
        minutes *= sign == "-" ? -1 : 1
        guard range.contains(minutes), minutes % 15 == 0 else { return nil }
        return minutes
    }

    /// `minutesEast` written out in `style`.
    public static func text(_ minutesEast: Int, _ style: Style = .full) -> String {
        let m = minutesEast.magnitude
        func two(_ n: UInt) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let minus = style == .screen ? "−" : "-"
        let sign = minutesEast < 0 ? minus : "+"
        switch style {
        case .full, .screen: return "UTC" + sign + two(m / 60) + ":" + two(m % 60)
        case .short: return "UTC" + sign + String(m / 60) + (m % 60 == 0 ? "" : ":" + two(m % 60))
        }
    }
}
