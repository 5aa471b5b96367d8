/// Where HLMCS's five zones go (SPEC "Main window"): the menu bar on the first line, the
/// parameter tree on the left with the connection panel under it, the work area on the
/// right, the exchange log across the bottom, and the key bar on the last line.
///
///     80×24: tree 26×11, connection 26×6, work 54×17, log 80×5
public struct MainLayout: Equatable, Sendable {
    public let menu: Rect
    public let tree: Rect
    public let connection: Rect
    public let work: Rect
    public let log: Rect
    public let keys: Rect

    /// The smallest terminal the main window is drawn in.
    public static let minimum = (width: 60, height: 18)

    public init(width: Int, height: Int) {
        let full = Rect(x: 0, y: 0, width: width, height: height)
        let (top, rest) = full.splitTop(1)
        let (middle, keyLine) = rest.splitBottom(1)
        let logHeight = max(4, min(12, height / 5 + (height >= 30 ? 1 : 0)))
        let (body, logArea) = middle.splitBottom(logHeight)
        let leftWidth = min(36, max(24, width / 3))
        let (left, right) = body.splitLeft(leftWidth)
        let (treeArea, connectionArea) = left.splitBottom(6)
        menu = top
        tree = treeArea
        connection = connectionArea
        work = right
        log = logArea
        keys = keyLine
    }
}
