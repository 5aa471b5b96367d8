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
