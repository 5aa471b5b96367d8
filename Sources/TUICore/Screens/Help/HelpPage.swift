/// F1: the keys and what each screen does (words from `Resources/ui/help.json`).
public struct HelpPage: Sendable {
    public init() {}

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
        let inner = f.inner(area).inset(by: 0)
        var y = inner.y
        for key in Self.keys where y < inner.maxY {
            if key.isEmpty { y += 1; continue }
            let heading = key == "help.keys" || key == "help.screens"
            for line in Self.wrap(context.strings[key], width: inner.width - 1) where y < inner.maxY {
                buffer.write(line, x: inner.x + 1, y: y, style: heading ? Style(bold: true) : .plain,
                             maxWidth: inner.width - 1)
                y += 1
            }
        }
    }

    /// Splits `text` into lines of at most `width` columns at spaces (a word longer than
    /// the width is cut).
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if DisplayWidth.of(candidate) <= width || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = "    " + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
