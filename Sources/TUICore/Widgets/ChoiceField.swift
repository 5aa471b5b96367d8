/// "Label: < value >": one of a fixed list, changed with Left/Right (or Space, which
/// steps forward). The list is shown as text the caller words.
public struct ChoiceField: Sendable {
    public var label: String
    public var options: [String]
    public var selected: Int
    public var focused: Bool
    public var enabled: Bool

    public init(label: String, options: [String], selected: Int = 0, focused: Bool = false, enabled: Bool = true) {
        self.label = label
        self.options = options
        self.selected = selected
        self.focused = focused
        self.enabled = enabled
    }

    /// Steps the choice (wrapping); returns whether the key was used.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        guard enabled, !options.isEmpty else { return false }
        switch key {
        case .right, .character(" "): selected = (selected + 1) % options.count
        case .left: selected = (selected - 1 + options.count) % options.count
        default: return false
        }
        return true
    }

    public var value: String? { options.indices.contains(selected) ? options[selected] : nil }

    public func render(in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        buffer.clear(Rect(x: area.x, y: area.y, width: area.width, height: 1))
        let x = area.x + buffer.write(label + ": ", x: area.x, y: area.y, style: Style(dim: !enabled), maxWidth: area.width)
        let text = "< " + (value ?? "") + " >"
        buffer.write(text, x: x, y: area.y, style: Style(underline: focused, dim: !enabled),
                     maxWidth: max(0, area.maxX - x))
    }
}

/// "[x] Label": on or off, toggled with Space.
public struct CheckBox: Sendable {
    public var label: String
    public var checked: Bool
    public var focused: Bool
    public var enabled: Bool

    public init(label: String, checked: Bool = false, focused: Bool = false, enabled: Bool = true) {
        self.label = label
        self.checked = checked
        self.focused = focused
        self.enabled = enabled
    }

    /// Space toggles; returns whether the key was used.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        guard enabled, key == .character(" ") else { return false }
        checked.toggle()
        return true
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        buffer.clear(Rect(x: area.x, y: area.y, width: area.width, height: 1))
        buffer.write((checked ? "[x] " : "[ ] ") + label, x: area.x, y: area.y,
                     style: Style(underline: focused, dim: !enabled), maxWidth: area.width)
    }
}
