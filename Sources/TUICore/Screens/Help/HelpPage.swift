/// F1: the keys and what each screen does (words from `Resources/ui/help.json`).
public struct HelpPage: Sendable {
    /// Lines scrolled off the top (clamped so the last line stays at the bottom).
    public var scroll: Int

    public init(scroll: Int = 0) { self.scroll = scroll }

    /// The lines, in order: keys first, then the screens.
    static let keys = ["help.keys", "help.key.f1", "help.key.f2", "help.key.f3", "help.key.f5", "help.key.f7",
                       "help.key.f9", "help.key.f10", "help.key.esc", "help.key.tab", "help.key.space",
                       "", "help.screens", "help.screen.login", "help.screen.info", "help.screen.settings",
                       "help.screen.users", "help.screen.log"]

    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext) {
        guard !area.isEmpty else { return }
        buffer.clear(area)
        let f = Frame(title: context.strings["help.title"], lines: context.lines, titleStyle: Style(bold: true))
        f.render(in: area, into: &buffer)
        let inner = f.inner(area)
        var lines: [(text: String, heading: Bool)] = []
        for key in Self.keys {
            if key.isEmpty { lines.append(("", false)); continue }
            let heading = key == "help.keys" || key == "help.screens"
            for line in Self.wrap(context.strings[key], width: inner.width - 1) { lines.append((line, heading)) }
        }
        let first = min(max(0, scroll), max(0, lines.count - inner.height))
        for (i, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
            buffer.write(line.text, x: inner.x + 1, y: inner.y + i, style: line.heading ? Style(bold: true) : .plain,
                         maxWidth: inner.width - 1)
        }
        if first + inner.height < lines.count, inner.width > 2 {
            buffer.write("↓", x: inner.maxX - 1, y: inner.maxY - 1, style: Style(bold: true))
        }
        if first > 0, inner.width > 2 { buffer.write("↑", x: inner.maxX - 1, y: inner.y, style: Style(bold: true)) }
    }

    /// Splits `text` into lines of at most `width` columns at spaces (a word longer than
    /// the width is cut).
    static func wrap(_ text: String, width: Int) -> [String] {
        TextWrap.lines(text, width: width, indent: "    ", keepSpaces: true)
    }
}
