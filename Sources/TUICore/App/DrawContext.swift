/// What every screen needs to draw itself besides its own state: the words in the
/// interface language and the line-drawing characters the terminal can show. (Colours
/// are the terminal's business: without them it draws the attributes only.)
public struct DrawContext: Sendable {
    public var strings: UIStrings
    public var lines: LineDrawing

    public init(strings: UIStrings, lines: LineDrawing = .unicode) {
        self.strings = strings
        self.lines = lines
    }

    /// True when the terminal lacks Unicode line drawing: widgets use ASCII marks too.
    public var ascii: Bool { lines.horizontal == "-" }
}
