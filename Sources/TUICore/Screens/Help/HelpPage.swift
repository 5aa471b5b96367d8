/// F1: the keys that work everywhere, every key of the page in view (its key table,
/// ``WorkPage/keyHelp(_:)``, the one its key bar comes from), and what each screen does
/// (words from `Resources/ui/help.json`). A full-width window titled Help / Справка.
public struct HelpPage: Sendable {
    /// Lines scrolled off the top (clamped so the last line stays at the bottom).
    public var scroll: Int
    /// The page in view: its title and its keys.
    public var page: (title: String, keys: [KeyBar.Item])?

    public init(scroll: Int = 0, page: (title: String, keys: [KeyBar.Item])? = nil) {
        self.scroll = scroll
        self.page = page
    }

    /// The keys that work everywhere.
    static let appKeys = ["help.keys", "help.key.f1", "help.key.f2", "help.key.f3", "help.key.f5", "help.key.f7",
                          "help.key.f9", "help.key.f10", "help.key.ctrlC", "help.key.esc", "help.key.escDigit", "help.key.altLetters",
                          "help.key.altL", "help.key.tab", "help.key.ctrlL"]
    /// After the page's keys: the screens.
    static let screens = ["help.screens", "help.screen.login", "help.screen.info", "help.screen.settings",
                          "help.screen.users", "help.screen.log"]

    /// The help's lines in `width` columns, headings marked.
    func lines(_ s: UIStrings, width: Int) -> [(text: String, heading: Bool)] {
        var lines: [(text: String, heading: Bool)] = []
        func add(_ key: String) {
            let heading = key == "help.keys" || key == "help.screens"
            for line in Self.wrap(s[key], width: width) { lines.append((line, heading)) }
        }
        Self.appKeys.forEach(add)
        if let page {
            lines.append(("", false))
            lines.append((s["help.page.title", page.title], true))
            let keyWidth = min(22, page.keys.map { DisplayWidth.of($0.key) }.max() ?? 0)
            if page.keys.isEmpty { lines.append((s["help.page.none"], false)) }
            for item in page.keys {
                let text = DisplayWidth.fit(item.key, columns: keyWidth) + "  " + item.label
                for line in Self.wrap(text, width: width) { lines.append((line, false)) }
            }
        }
        lines.append(("", false))
        Self.screens.forEach(add)
        return lines
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext) {
        guard !area.isEmpty else { return }
        buffer.clear(area)
        let f = Frame(title: context.strings["help.title"], lines: context.lines, titleStyle: Style(bold: true))
        f.render(in: area, into: &buffer)
        let inner = f.inner(area)
        // A column of margin on the left, and the last column kept for the ↑/↓ marks
        // (they were drawn over a line that reached the edge).
        let lines = self.lines(context.strings, width: inner.width - 2)
        let first = min(max(0, scroll), max(0, lines.count - inner.height))
        for (i, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
            buffer.write(line.text, x: inner.x + 1, y: inner.y + i, style: line.heading ? Style(bold: true) : .plain,
                         maxWidth: inner.width - 2)
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
