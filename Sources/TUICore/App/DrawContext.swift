/// What every screen needs to draw itself besides its own state: the words in the
/// interface language, the line-drawing characters the terminal can show, and whether
/// colours are on.
public struct DrawContext: Sendable {
    public var strings: UIStrings
    public var lines: LineDrawing
    public var colors: Bool

    public init(strings: UIStrings, lines: LineDrawing = .unicode, colors: Bool = true) {
        self.strings = strings
        self.lines = lines
        self.colors = colors
    }

    /// True when the terminal lacks Unicode line drawing: widgets use ASCII marks too.
    public var ascii: Bool { lines.horizontal == "-" }
}
