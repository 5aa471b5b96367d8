import Foundation

/// A line of outcome under a Service page's form: green when done, red when not.
struct ServiceNote: Sendable, Equatable {
    var text: String
    var isError: Bool

    func render(at y: Int, in area: Rect, into buffer: inout ScreenBuffer) -> Int {
        var row = y
        for line in ParameterText.wrap(text, width: area.width) where row < area.maxY {
            buffer.write(line, x: area.x, y: row, style: Style(foreground: isError ? .red : .green), maxWidth: area.width)
            row += 1
        }
        return row
    }
}

/// Words and small formats the Service pages share.
enum ServiceText {
    /// "2026-11-25" for `date` (UTC).
    static func day(_ date: Date) -> String {
        let c = PCZone.fixed(minutesEast: 0).day(date)
        return String(format: "%04d-%02d-%02d", c.year, c.month, c.day)
    }

    /// "1.2 kB" / "530 B".
    static func bytes(_ n: Int) -> String {
        n < 1024 ? "\(n) B" : String(format: "%.1f kB", Double(n) / 1024)
    }

    /// "01:05" (minutes:seconds), "1:02:03" past an hour.
    static func duration(_ seconds: Int) -> String {
        let s = max(0, seconds)
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%02d:%02d", s / 60, s % 60)
    }

    /// Draws `text` dim, wrapped, from row `y`; returns the next free row.
    @discardableResult
    static func hint(_ text: String, at y: Int, in area: Rect, into buffer: inout ScreenBuffer) -> Int {
        var row = y
        for line in ParameterText.wrap(text, width: area.width) where row < area.maxY {
            buffer.write(line, x: area.x, y: row, style: Style(dim: true), maxWidth: area.width)
            row += 1
        }
        return row
    }

    /// The key of a path field's problem (an empty path), or nil.
    static func pathProblem(_ text: String) -> String? {
        if text.trimmingCharacters(in: .whitespaces).isEmpty { return "service.path.empty" }
        return nil
    }
}
