/// A write waiting for the user's yes: the change shown first (old → new), then the
/// request when confirmed. Left/Right/Tab choose the button, Enter answers, Esc cancels.
struct PendingConfirmation: Sendable {
    var titleKey: String
    /// The lines of the dialog, in the interface language when it opened.
    var lines: [String]
    var request: PageRequest
    var state = DialogState()

    enum Answer { case confirmed(PageRequest), cancelled }

    /// Takes one key; returns the answer, or nil while the dialog stays open.
    mutating func handle(_ key: Key) -> Answer? {
        switch key {
        case .left, .right, .tab, .backTab: state.selectedButton = 1 - state.selectedButton
        case .escape: return .cancelled
        case .enter: return state.selectedButton == 0 ? .confirmed(request) : .cancelled
        default: break
        }
        return nil
    }

    func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext) {
        let s = context.strings
        Dialog(title: s[titleKey], message: lines, buttons: [s["parameters.button.write"], s["common.cancel"]],
               state: state, lines: context.lines).render(in: area, into: &buffer)
    }
}

/// Lines of "Label   value" with the labels padded to one width, as the Parameters pages
/// draw their values.
enum LabelledLines {
    /// Draws `label` dim and `value` bold at row `y`; returns the x where the value starts.
    @discardableResult
    static func draw(_ label: String, _ value: String, labelWidth: Int, y: Int, in area: Rect,
                     into buffer: inout ScreenBuffer, valueStyle: Style = Style(bold: true)) -> Int {
        guard y >= area.y, y < area.maxY else { return area.x }
        buffer.write(DisplayWidth.fit(label, columns: labelWidth), x: area.x, y: y, style: Style(dim: true), maxWidth: area.width)
        let x = area.x + labelWidth + 1
        guard x < area.maxX else { return x }
        buffer.write(value, x: x, y: y, style: valueStyle, maxWidth: area.maxX - x)
        return x
    }

    /// A text field of the page in rows `y` and `y + 1`: `problem` in red under it, else
    /// `hint` dim — under the box when it fits there, else moved left so it is whole.
    static func field(_ field: TextField, problem: String?, hint: String?, y: Int, in area: Rect,
                      into buffer: inout ScreenBuffer) {
        let r = Rect(x: area.x, y: y, width: area.width, height: 2).intersection(area)
        guard !r.isEmpty else { return }
        var f = field
        f.message = nil
        f.render(in: r, into: &buffer)
        note(problem ?? hint, under: f.box(in: r).x, y: r.y + 1, in: r, into: &buffer,
             style: problem == nil ? Style(dim: true) : Style(foreground: .red))
    }

    /// A message line under a field: from `x` when it fits, else as far right as it fits.
    static func note(_ text: String?, under x: Int, y: Int, in area: Rect, into buffer: inout ScreenBuffer, style: Style) {
        guard let text, y >= area.y, y < area.maxY else { return }
        let start = max(area.x, min(x, area.maxX - DisplayWidth.of(text)))
        buffer.write(text, x: start, y: y, style: style, maxWidth: area.maxX - start)
    }
}
