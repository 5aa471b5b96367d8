@testable import TUICore

/// Driving the connection settings screen by keys, as the user would.
extension ConnectionSettingsScreen {
    static let ports = [PortChoice(path: "/dev/ttyUSB0", description: "FTDI FT232R USB UART"),
                        PortChoice(path: "/dev/ttyS0", description: "")]

    /// Sends each character as a key; the outcome of the last one.
    @discardableResult
    mutating func type(_ text: String) -> Outcome? {
        var last: Outcome? = nil
        for c in text { last = handle(.character(c)) }
        return last
    }

    /// Tab until `field` has the focus (it must be shown).
    mutating func tab(to field: SettingsField) {
        for _ in 0..<40 where focus != .field(field) { _ = handle(.tab) }
    }

    /// Focuses `field`, empties it and types `text`.
    mutating func set(_ field: SettingsField, _ text: String) {
        tab(to: field)
        _ = handle(.end)
        for _ in 0..<60 { _ = handle(.backspace) }
        type(text)
    }

    /// The screen as the main window shows it: the area between the top and bottom lines,
    /// the key bar on the bottom line.
    func screen(width: Int = 80, height: Int = 24, _ strings: UIStrings) -> ScreenBuffer {
        var b = ScreenBuffer(width: width, height: height)
        let context = DrawContext(strings: strings)
        render(in: Rect(x: 0, y: 1, width: width, height: height - 2), into: &b, context: context)
        KeyBar(items: keyBar(strings)).render(in: Rect(x: 0, y: height - 1, width: width, height: 1), into: &b)
        return b
    }

    func text(width: Int = 80, height: Int = 24, _ strings: UIStrings) -> String {
        screen(width: width, height: height, strings).lines.joined(separator: "\n")
    }
}
