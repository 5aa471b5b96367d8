/// One line: a bar, then "37% 1.2 kB/3.4 kB 00:12 left" built from the values given.
public struct ProgressBar: Sendable {
    /// 0…1; clamped.
    public var fraction: Double
    public var done: String?
    public var total: String?
    public var remaining: String?
    public var leftWord: String
    public var ascii: Bool
    public var style: Style

    public init(fraction: Double, done: String? = nil, total: String? = nil,
                remaining: String? = nil, leftWord: String = "left", ascii: Bool = false,
                style: Style = .plain) {
        self.fraction = fraction
        self.done = done
        self.total = total
        self.remaining = remaining
        self.leftWord = leftWord
        self.ascii = ascii
        self.style = style
    }

    var clamped: Double { fraction.isNaN ? 0 : min(1, max(0, fraction)) }

    /// "37% 1.2 kB/3.4 kB 00:12 left".
    public var text: String {
        var parts = ["\(Int((clamped * 100).rounded(.down)))%"]
        if let done, let total { parts.append("\(done)/\(total)") } else if let done { parts.append(done) }
        if let remaining { parts.append("\(remaining) \(leftWord)") }
        return parts.joined(separator: " ")
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.clear(row)
        let t = text
        let barWidth = area.width - DisplayWidth.of(t) - 1
        var x = area.x
        if barWidth >= 3 {
            let filled = Int((clamped * Double(barWidth)).rounded(.down))
            let (full, empty) = ascii ? ("#", "-") : ("█", "░")
            buffer.write(String(repeating: full, count: filled)
                         + String(repeating: empty, count: barWidth - filled),
                         x: x, y: area.y, style: style)
            x += barWidth + 1
        }
        buffer.write(t, x: x, y: area.y, maxWidth: area.maxX - x)
    }
}
