/// What a form field accepts and how it is shown.
public enum FieldKind: Hashable, Sendable {
    case text, password, number, ipv4

    /// Whether `c` may be typed into this kind of field.
    public func accepts(_ c: Character) -> Bool {
        switch self {
        case .text, .password: return !c.isNewline
        case .number: return c.isASCII && (c.isNumber || c == "." || c == "-")
        case .ipv4: return c.isASCII && (c.isNumber || c == ".")
        }
    }

    /// Whether `text` is a complete, valid value (empty text is valid for text fields only).
    public func isValid(_ text: String) -> Bool {
        switch self {
        case .text, .password: return true
        case .number: return Double(text) != nil
        case .ipv4:
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            return parts.count == 4 && parts.allSatisfy { p in
                !p.isEmpty && p.count <= 3 && p.allSatisfy(\.isASCII) && (Int(p).map { $0 <= 255 } ?? false)
            }
        }
    }
}

/// The editable text and cursor (in characters) of a field. Editing is pure.
public struct TextFieldState: Hashable, Sendable {
    public var text: String
    public var cursor: Int

    public init(text: String = "", cursor: Int? = nil) {
        self.text = text
        self.cursor = cursor ?? text.count
    }

    /// Applies an editing key; returns false for keys that are not editing keys or
    /// characters the kind refuses.
    @discardableResult
    public mutating func handle(_ key: Key, kind: FieldKind = .text) -> Bool {
        cursor = min(max(0, cursor), text.count)
        switch key {
        case .character(let c):
            guard kind.accepts(c) else { return false }
            text.insert(c, at: text.index(text.startIndex, offsetBy: cursor))
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor - 1))
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = text.count
        case .control("u"):
            // Ctrl-U clears the field, as in a shell.
            text = ""
            cursor = 0
        default: return false
        }
        return true
    }
}

/// "Label: [value   ]" with an optional validation message on the line below.
/// Passwords are shown as •; long text scrolls so the cursor stays visible.
public struct TextField: Sendable {
    public var label: String
    public var kind: FieldKind
    public var state: TextFieldState
    /// Shown under the field (e.g. "Неверный IPv4-адрес") when not nil.
    public var message: String?
    public var focused: Bool

    public init(label: String, kind: FieldKind = .text, state: TextFieldState,
                message: String? = nil, focused: Bool = false) {
        self.label = label
        self.kind = kind
        self.state = state
        self.message = message
        self.focused = focused
    }

    var shown: [Character] {
        kind == .password ? Array(repeating: "•", count: state.text.count) : Array(state.text)
    }

    /// Where the text box starts and how wide it is.
    func box(in area: Rect) -> (x: Int, width: Int) {
        let x = area.x + DisplayWidth.of(label) + 3  // "Label: ["
        return (x, max(0, area.maxX - 1 - x))       // "]"
    }

    /// Characters scrolled off the left so the cursor stays in the box.
    func scroll(width: Int) -> Int {
        let chars = shown
        let cursor = min(max(0, state.cursor), chars.count)
        var start = 0
        while start < cursor,
              DisplayWidth.of(String(chars[start..<cursor])) + 1 > width { start += 1 }
        return start
    }

    /// Screen position of the cursor when the field is drawn in `area`.
    public func cursorPosition(in area: Rect) -> (x: Int, y: Int)? {
        let (x, w) = box(in: area)
        guard w > 0, area.height > 0 else { return nil }
        let chars = shown
        let cursor = min(max(0, state.cursor), chars.count)
        let start = scroll(width: w)
        return (x + DisplayWidth.of(String(chars[start..<cursor])), area.y)
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        buffer.clear(Rect(x: area.x, y: area.y, width: area.width, height: min(2, area.height)))
        buffer.write(label + ": [", x: area.x, y: area.y, maxWidth: area.width)
        let (x, w) = box(in: area)
        guard w > 0 else { return }
        let start = scroll(width: w)
        let text = String(shown[start...])
        buffer.write(DisplayWidth.fit(text, columns: w), x: x, y: area.y,
                     style: Style(underline: focused))
        buffer.write("]", x: x + w, y: area.y)
        if let message, area.height >= 2 {
            buffer.write(message, x: x, y: area.y + 1, style: Style(foreground: .red),
                         maxWidth: area.maxX - x)
        }
    }
}
