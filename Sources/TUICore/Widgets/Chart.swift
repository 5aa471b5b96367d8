/// Vertical bars of a series scaled to the area's height; the top line labels the maximum.
/// When the series is wider than the area, the newest (last) values are shown.
public struct Chart: Sendable {
    public var values: [Double]
    /// Formats the maximum for the label; default "max 42".
    public var maxLabel: String?
    public var barStyle: Style
    public var ascii: Bool

    public init(values: [Double], maxLabel: String? = nil, barStyle: Style = .plain, ascii: Bool = false) {
        self.values = values
        self.maxLabel = maxLabel
        self.barStyle = barStyle
        self.ascii = ascii
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer) {
        guard area.width > 0, area.height >= 2 else { return }
        buffer.clear(area)
        let shown = values.suffix(area.width).map { $0.isFinite ? max(0, $0) : 0 }
        let top = shown.max() ?? 0
        let label = maxLabel ?? "max \(Chart.format(top))"
        buffer.write(label, x: area.x, y: area.y, maxWidth: area.width)
        let h = area.height - 1
        let bar = ascii ? "#" : "█"
        for (i, v) in shown.enumerated() {
            let n = top > 0 ? Int((v / top * Double(h)).rounded()) : 0
            for k in 0..<n {
                buffer.write(bar, x: area.x + i, y: area.maxY - 1 - k, style: barStyle)
            }
        }
    }

    /// "42" for whole numbers, "4.2" otherwise.
    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
