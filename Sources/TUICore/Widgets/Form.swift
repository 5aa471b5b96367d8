/// Which field of a form has the focus.
public struct FormState: Hashable, Sendable {
    public var focus: Int

    public init(focus: Int = 0) { self.focus = focus }

    /// Tab/down go to the next field, backTab/up to the previous (wrapping); returns
    /// whether the key was used.
    @discardableResult
    public mutating func handle(_ key: Key, fieldCount: Int) -> Bool {
        guard fieldCount > 0 else { return false }
        switch key {
        case .tab, .down: focus = (focus + 1) % fieldCount
        case .backTab, .up: focus = (focus - 1 + fieldCount) % fieldCount
        default: return false
        }
        return true
    }
}

/// Fields one under another, two lines each (the field, then its message line); labels
/// padded to one width so the boxes line up. The focused field is underlined.
public struct Form: Sendable {
    public var fields: [TextField]
    public var state: FormState

    public init(fields: [TextField], state: FormState = FormState()) {
        self.fields = fields
        self.state = state
    }

    func laidOut() -> [TextField] {
        let w = fields.map { DisplayWidth.of($0.label) }.max() ?? 0
        return fields.enumerated().map { i, f in
            var f = f
            f.label = DisplayWidth.fit(f.label, columns: w)
            f.focused = i == state.focus
            return f
        }
    }

    /// The area of field `index`.
    public func fieldArea(_ index: Int, in area: Rect) -> Rect {
        Rect(x: area.x, y: area.y + 2 * index, width: area.width, height: 2).intersection(area)
    }

    /// Where the cursor goes: in the focused field.
    public func cursorPosition(in area: Rect) -> (x: Int, y: Int)? {
        let fs = laidOut()
        guard fs.indices.contains(state.focus) else { return nil }
        let r = fieldArea(state.focus, in: area)
        return r.isEmpty ? nil : fs[state.focus].cursorPosition(in: r)
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        buffer.clear(area)
        for (i, f) in laidOut().enumerated() {
            let r = fieldArea(i, in: area)
            if r.isEmpty { break }
            f.render(in: r, into: &buffer)
        }
    }
}
