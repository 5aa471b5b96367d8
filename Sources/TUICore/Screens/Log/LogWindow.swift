import Foundation

/// The exchange log in a window of its own (issue 18 item 4): every line, wrapped to
/// the width instead of cut, scrolled with the arrows, PageUp/PageDown, Home/End; F2
/// saves it to a text file (the log holds no secret: frames that carry one are masked
/// when traced). The window only asks (``Outcome``); the app writes the file.
public struct LogWindow: Sendable, Equatable {
    public enum Outcome: Equatable, Sendable {
        case close
        /// Write these lines to `path`, never over an existing file.
        case save(path: String)
    }

    /// Lines scrolled up from the end (0: the newest line at the bottom).
    var fromEnd = 0
    /// The file name being typed, while saving.
    var saving: TextFieldState?
    /// The outcome of the last save, or why it failed.
    struct Notice: Equatable, Sendable {
        var text: String
        var bad: Bool
    }
    var notice: Notice?

    public init() {}

    public var hasTextFocus: Bool { saving != nil }

    /// The default file name: the time, so two saves never meet.
    public static func defaultName(_ now: Date) -> String {
        var t = time_t(now.timeIntervalSince1970)
        var parts = tm()
        localtime_r(&t, &parts)
        return String(format: "hlmcs-log-%04d%02d%02d-%02d%02d%02d.txt", parts.tm_year + 1900, parts.tm_mon + 1,
                      parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec)
    }

    /// - Parameter page: the lines one screen of the window holds.
    public mutating func handle(_ key: Key, page: Int, now: Date) -> Outcome? {
        if var field = saving {
            switch key {
            case .escape: saving = nil
            case .enter:
                let path = field.text.trimmingCharacters(in: .whitespaces)
                guard !path.isEmpty else { return nil }
                saving = nil
                return .save(path: path)
            default:
                field.handle(key)
                saving = field
            }
            return nil
        }
        switch key {
        case .escape, .function(10), .character("q"): return .close
        case .up: fromEnd += 1
        case .down: fromEnd = max(0, fromEnd - 1)
        case .pageUp: fromEnd += max(1, page - 1)
        case .pageDown: fromEnd = max(0, fromEnd - max(1, page - 1))
        case .home: fromEnd = Int.max / 2
        case .end: fromEnd = 0
        case .function(2), .character("s"):
            notice = nil
            saving = TextFieldState(text: Self.defaultName(now))
        default: break
        }
        return nil
    }

    /// After the app wrote the file (or failed to).
    public mutating func saved(_ text: String, failed: Bool) { notice = Notice(text: text, bad: failed) }

    public func keyBar(_ s: UIStrings) -> [KeyBar.Item] {
        if saving != nil {
            return [KeyBar.Item("Enter", s["common.save"]), KeyBar.Item("Esc", s["common.cancel"])]
        }
        return [KeyBar.Item("↑↓ PgUp PgDn", s["key.scroll"]), KeyBar.Item("F2", s["logWindow.key.save"]),
                KeyBar.Item("Esc", s["key.close"])]
    }

    /// The body's lines: each log line wrapped, its continuation indented.
    static func wrapped(_ lines: [String], width: Int) -> [String] {
        lines.flatMap { line in TextWrap.lines(line, width: width, indent: "    ", keepSpaces: true).nonEmpty(or: [""]) }
    }

    public func render(lines: [String], in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext) {
        guard area.width > 4, area.height > 4 else { return }
        let s = context.strings
        buffer.clear(area)
        let frame = Frame(title: s["logWindow.title", String(lines.count)], lines: context.lines, titleStyle: Style(bold: true))
        frame.render(in: area, into: &buffer)
        let inner = frame.inner(area)
        let footer = saving != nil || notice != nil ? 2 : 0
        let body = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: max(0, inner.height - footer))
        let all = Self.wrapped(lines, width: body.width)
        let end = max(0, all.count - min(fromEnd, max(0, all.count - body.height)))
        let shown = all[max(0, end - body.height)..<end]
        for (i, line) in shown.enumerated() {
            buffer.write(line, x: body.x, y: body.y + i, maxWidth: body.width)
        }
        if all.isEmpty { buffer.write(s["logWindow.empty"], x: body.x, y: body.y, style: Style(dim: true), maxWidth: body.width) }
        let y = inner.maxY - 1
        if let saving {
            TextField(label: s["logWindow.file"], state: saving, focused: true)
                .render(in: Rect(x: body.x, y: y, width: body.width, height: 1), into: &buffer)
        } else if let notice {
            buffer.write(notice.text, x: body.x, y: y, style: notice.bad ? Style(foreground: .red, bold: true) : Style(foreground: .green),
                         maxWidth: body.width)
        }
    }

    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? {
        guard let saving else { return nil }
        let inner = Frame().inner(area)
        return TextField(label: context.strings["logWindow.file"], state: saving, focused: true)
            .cursorPosition(in: Rect(x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2, height: 1))
    }
}

private extension Array {
    func nonEmpty(or other: [Element]) -> [Element] { isEmpty ? other : self }
}
