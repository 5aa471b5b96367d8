/// What changes while a dialog is open: the focused button and the typed confirmation.
public struct DialogState: Hashable, Sendable {
    public var selectedButton: Int
    public var typed: String

    public init(selectedButton: Int = 0, typed: String = "") {
        self.selectedButton = selectedButton
        self.typed = typed
    }

    /// True when the typed text is exactly the word asked for.
    public func isConfirmed(_ word: String) -> Bool { typed == word }
}

/// A centred box with a message and buttons. With `confirmationWord`, a line asks the
/// user to type that word (and shows what was typed so far).
public struct Dialog: Sendable {
    public var title: String
    public var message: [String]
    public var buttons: [String]
    public var confirmationWord: String?
    public var confirmationPrompt: String
    public var state: DialogState
    public var lines: LineDrawing

    public init(title: String, message: [String], buttons: [String], confirmationWord: String? = nil,
                confirmationPrompt: String = "Type", state: DialogState = DialogState(),
                lines: LineDrawing = .unicode) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.confirmationWord = confirmationWord
        self.confirmationPrompt = confirmationPrompt
        self.state = state
        self.lines = lines
    }

    var confirmationLine: String? {
        confirmationWord.map { "\(confirmationPrompt) \($0): \(state.typed)" }
    }

    var buttonLabels: [String] { buttons.map { "[ \($0) ]" } }

    /// The message and the confirmation line, each wrapped to what `area` holds (a long
    /// line is never cut at the box's edge).
    func body(in area: Rect) -> [String] {
        var body = message
        if let c = confirmationLine { body.append(c) }
        let width = max(1, area.width - 4)
        return body.flatMap { line in line.isEmpty ? [""] : TextWrap.lines(line, width: width) }
    }

    /// The box, centred in `area` and no bigger than it.
    public func box(in area: Rect) -> Rect {
        let body = body(in: area)
        let buttonsWidth = DisplayWidth.of(buttonLabels.joined(separator: " "))
        let content = max(body.map(DisplayWidth.of).max() ?? 0, buttonsWidth, DisplayWidth.of(title) + 2)
        let w = min(area.width, content + 4)
        let h = min(area.height, body.count + 4)
        return Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
    }

    public func render(in area: Rect, into buffer: inout ScreenBuffer) {
        let b = box(in: area)
        guard b.width >= 4, b.height >= 3 else { return }
        buffer.clear(b)
        Frame(title: title, lines: lines).render(in: b, into: &buffer)
        let inner = Rect(x: b.x + 2, y: b.y + 1, width: b.width - 4, height: b.height - 2)
        let body = body(in: area)
        for (i, line) in body.enumerated() where i < inner.height - 2 {
            buffer.write(line, x: inner.x, y: inner.y + i, maxWidth: inner.width)
        }
        let labels = buttonLabels
        let total = DisplayWidth.of(labels.joined(separator: " "))
        var x = inner.x + max(0, (inner.width - total) / 2)
        let y = inner.maxY - 1
        for (i, label) in labels.enumerated() {
            let style = i == state.selectedButton ? Style(reverse: true) : .plain
            x += buffer.write(label, x: x, y: y, style: style, maxWidth: max(0, inner.maxX - x)) + 1
        }
    }
}
