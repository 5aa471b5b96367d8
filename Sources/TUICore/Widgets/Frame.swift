/// A box with an optional title on its top edge: "┌ Title ───┐".
public struct Frame: Sendable {
    public var title: String?
    public var lines: LineDrawing
    public var style: Style
    public var titleStyle: Style

    public init(title: String? = nil, lines: LineDrawing = .unicode, style: Style = .plain,
                titleStyle: Style = .plain) {
        self.title = title
        self.lines = lines
        self.style = style
        self.titleStyle = titleStyle
    }

    /// The area inside the border.
    public func inner(_ area: Rect) -> Rect { area.inset(by: 1) }

    public func render(in area: Rect, into buffer: inout ScreenBuffer) {
        guard area.width >= 2, area.height >= 2 else { return }
        let l = lines, right = area.maxX - 1, bottom = area.maxY - 1
        let h = String(repeating: l.horizontal, count: area.width - 2)
        buffer.write(l.topLeft + h + l.topRight, x: area.x, y: area.y, style: style)
        buffer.write(l.bottomLeft + h + l.bottomRight, x: area.x, y: bottom, style: style)
        for y in (area.y + 1)..<bottom {
            buffer.write(l.vertical, x: area.x, y: y, style: style)
            buffer.write(l.vertical, x: right, y: y, style: style)
        }
        if let title, !title.isEmpty, area.width > 4 {
            buffer.write(" " + title + " ", x: area.x + 1, y: area.y, style: titleStyle,
                         maxWidth: area.width - 2)
        }
    }
}
