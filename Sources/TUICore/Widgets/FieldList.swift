/// A form whose rows are of mixed kinds: text fields, choices, and read-only values. Like
/// ``Form``, every row takes two lines (the field, then its message line) and the labels
/// are padded to one width so the values line up; the focused row is drawn focused.
public struct FieldList: Sendable {
    /// One row of the list.
    public enum Row: Sendable {
        case text(TextField)
        case choice(ChoiceField)
        /// "Label: value", not editable.
        case value(label: String, text: String)

        var label: String {
            switch self {
            case .text(let f): f.label
            case .choice(let f): f.label
            case .value(let label, _): label
            }
        }
    }

    public var rows: [Row]
    /// The focused row (an index into `rows`), or nil for none.
    public var focus: Int?

    public init(rows: [Row], focus: Int? = nil) {
        self.rows = rows
        self.focus = focus
    }

    /// Lines the list takes: two per row.
    public var height: Int { 2 * rows.count }

    /// The width of the widest label plus ": [" and "]" — what a box needs besides the text.
    public var labelWidth: Int { rows.map { DisplayWidth.of($0.label) }.max() ?? 0 }

    func laidOut() -> [Row] {
        let w = labelWidth
        return rows.enumerated().map { i, row in
            let label = DisplayWidth.fit(row.label, columns: w)
            switch row {
            case .text(var f):
                f.label = label
                f.focused = i == focus
                return .text(f)
            case .choice(var f):
                f.label = label
                f.focused = i == focus
                return .choice(f)
            case .value(_, let text):
                return .value(label: label, text: text)
            }
        }
    }

    /// The two lines of row `index`.
    public func rowArea(_ index: Int, in area: Rect) -> Rect {
        Rect(x: area.x, y: area.y + 2 * index, width: area.width, height: 2).intersection(area)
    }

    /// Where the cursor goes: in the focused row when it is a text field.
    public func cursorPosition(in area: Rect) -> (x: Int, y: Int)? {
        guard let focus, rows.indices.contains(focus), case .text(let f) = laidOut()[focus] else { return nil }
        let r = rowArea(focus, in: area)
        return r.isEmpty ? nil : f.cursorPosition(in: r)
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        for (i, row) in laidOut().enumerated() {
            let r = rowArea(i, in: area)
            if r.isEmpty { break }
            buffer.clear(r)
            switch row {
            case .text(let f): f.render(in: r, into: &buffer)
            case .choice(let f): f.render(in: r, into: &buffer)
            case .value(let label, let text):
                let x = r.x + buffer.write(label + ": ", x: r.x, y: r.y, maxWidth: r.width)
                buffer.write(text, x: x, y: r.y, style: Style(bold: true), maxWidth: max(0, r.maxX - x))
            }
        }
    }
}
