import Foundation

/// The box that asks where to write a CSV file (SPEC F-42): the file name (a default
/// offered), how many rows and which separators the file gets. Enter writes, Esc cancels;
/// a refusal (no such folder…) stays in the box until the name is changed.
struct ExportPrompt: Sendable, Hashable {
    var path: TextFieldState
    var rows: Int
    /// The words of a problem with the name, or of the runtime's refusal.
    var message: String?
    /// True once Enter sent the request, until its result comes.
    var writing = false

    init(defaultPath: String, rows: Int) {
        path = TextFieldState(text: defaultPath)
        self.rows = rows
    }

    enum Outcome: Equatable { case write(String), cancel }

    /// Edits the name; Enter with a good name asks to write it, Esc cancels.
    mutating func handle(_ key: Key, _ s: UIStrings) -> Outcome? {
        guard !writing else { return key == .escape ? .cancel : nil }
        switch key {
        case .escape: return .cancel
        case .enter:
            let name = path.text.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { message = s["data.problem.path"]; return nil }
            writing = true
            message = nil
            return .write(name)
        case .character(let c) where c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }):
            message = s["data.problem.pathCharacters"]
        default:
            if path.handle(key) { message = nil }
        }
        return nil
    }

    /// The box, centred in `area`.
    func box(in area: Rect) -> Rect {
        let w = min(area.width, max(40, min(70, area.width - 4)))
        let h = min(area.height, 7)
        return Rect(x: area.x + (area.width - w) / 2, y: area.y + max(0, (area.height - h) / 2), width: w, height: h)
    }

    func field(in area: Rect, _ s: UIStrings) -> (TextField, Rect) {
        let b = box(in: area)
        let r = Rect(x: b.x + 2, y: b.y + 2, width: max(0, b.width - 4), height: 1)
        return (TextField(label: s["data.field.file"], state: path, focused: true), r)
    }

    func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext) {
        let s = context.strings
        let b = box(in: area)
        guard b.width >= 10, b.height >= 5 else { return }
        buffer.clear(b)
        Frame(title: s["data.export.title"], lines: context.lines, style: Style(foreground: .cyan, bold: true),
              titleStyle: Style(bold: true)).render(in: b, into: &buffer)
        let x = b.x + 2, w = b.width - 4
        let russian = s.language == .ru
        buffer.write(s.counted("data.export.rows", rows, russian ? ";" : ",", russian ? "," : "."),
                     x: x, y: b.y + 1, maxWidth: w)
        let (field, r) = field(in: area, s)
        field.render(in: r, into: &buffer)
        if let message {
            buffer.write(message, x: x, y: b.y + 3, style: Style(foreground: .red), maxWidth: w)
        } else if writing {
            buffer.write(s["data.export.writing"], x: x, y: b.y + 3, style: Style(dim: true), maxWidth: w)
        }
        buffer.write(s["data.export.keys"], x: x, y: b.maxY - 2, style: Style(dim: true), maxWidth: w)
    }

    func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? {
        let (field, r) = field(in: area, context.strings)
        return field.cursorPosition(in: r)
    }
}
