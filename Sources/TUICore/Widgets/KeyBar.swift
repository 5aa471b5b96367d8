/// The bottom line of function keys: "F1 Help  F5 Read", the key highlighted.
public struct KeyBar: Sendable {
    public struct Item: Hashable, Sendable {
        public var key: String
        public var label: String
        public init(_ key: String, _ label: String) { self.key = key; self.label = label }
    }

    public var items: [Item]
    public var keyStyle: Style
    public var labelStyle: Style

    public init(items: [Item], keyStyle: Style = Style(bold: true),
                labelStyle: Style = Style(reverse: true)) {
        self.items = items
        self.keyStyle = keyStyle
        self.labelStyle = labelStyle
    }

    /// Draws on the first line of `area`.
    public func render(in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        buffer.clear(Rect(x: area.x, y: area.y, width: area.width, height: 1))
        var x = area.x
        // Two spaces between items when they fit, one when the line is tight.
        let words = items.map { DisplayWidth.of($0.key) + 1 + DisplayWidth.of($0.label) }.reduce(0, +)
        let gap = words + 2 * max(0, items.count - 1) <= area.width ? "  " : " "
        for (i, item) in items.enumerated() {
            let left = area.maxX - x
            if left <= 0 { break }
            if i > 0 { x += buffer.write(gap, x: x, y: area.y, maxWidth: left) }
            x += buffer.write(item.key, x: x, y: area.y, style: keyStyle, maxWidth: area.maxX - x)
            x += buffer.write(" " + item.label, x: x, y: area.y, style: labelStyle,
                              maxWidth: max(0, area.maxX - x))
        }
    }
}
