/// The last lines of a log that fit, newest at the bottom.
public struct LogPanel: Sendable {
    public var lines: [String]
    public var style: Style

    public init(lines: [String], style: Style = .plain) {
        self.lines = lines
        self.style = style
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        buffer.clear(area)
        let shown = lines.suffix(area.height)
        let top = area.maxY - shown.count
        for (i, line) in shown.enumerated() {
            buffer.write(line, x: area.x, y: top + i, style: style, maxWidth: area.width)
        }
    }
}
