/// The terminal's colours; `.standard` is the terminal's own default.
public enum Color: Hashable, Sendable {
    case standard, black, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn: colours and attributes.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(foreground: Color = .standard, background: Color = .standard,
                bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = Style()
}

/// One screen cell: one grapheme, or "" for the right half of a wide one.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell(text: " ")
}

/// A rectangle of cells.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var isEmpty: Bool { width <= 0 || height <= 0 }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    /// The rectangle shrunk by `by` on every side (never negative).
    public func inset(by n: Int) -> Rect {
        Rect(x: x + n, y: y + n, width: max(0, width - 2 * n), height: max(0, height - 2 * n))
    }

    /// The part of both rectangles.
    public func intersection(_ other: Rect) -> Rect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        let x1 = min(maxX, other.maxX), y1 = min(maxY, other.maxY)
        return Rect(x: x0, y: y0, width: max(0, x1 - x0), height: max(0, y1 - y0))
    }
}

/// Keys as the runtime reports them.
public enum Key: Hashable, Sendable {
    case character(Character), enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int), alt(Character), control(Character), resize
}

/// Box-drawing characters: Unicode lines, or ASCII for terminals without them.
public struct LineDrawing: Sendable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String

    public init(horizontal: String, vertical: String, topLeft: String, topRight: String,
                bottomLeft: String, bottomRight: String) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
    }

    public static let unicode = LineDrawing(horizontal: "─", vertical: "│", topLeft: "┌",
                                            topRight: "┐", bottomLeft: "└", bottomRight: "┘")
    public static let ascii = LineDrawing(horizontal: "-", vertical: "|", topLeft: "+",
                                          topRight: "+", bottomLeft: "+", bottomRight: "+")
}
