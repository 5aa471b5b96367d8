// STAND-IN: replaced by the real page (issue 7).
public struct ProfilesPage: WorkPage {
    var lines: [String] = []
    public init() {}
    /// Opens on this profile of this point (the jump from Meter data).
    public mutating func preset(_ choice: ProfileChoice, point: Int) { lines = ["\(choice) \(point)"] }
    public mutating func handle(_ key: Key, _ context: PageContext) -> [PageRequest] { [] }
    public mutating func read(_ context: PageContext) -> [PageRequest] { [.readProfile(.daily, point: 1, from: nil, to: nil)] }
    public mutating func receive(_ result: PageResult, _ context: PageContext) { lines = [String(describing: result).prefix(200).description] }
    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext, page: PageContext, focused: Bool) {
        for (i, line) in lines.enumerated() where i < area.height { buffer.write(line, x: area.x, y: area.y + i, maxWidth: area.width) }
    }
    public func keyBar(_ context: PageContext) -> [KeyBar.Item] { [] }
    public var hasTextFocus: Bool { false }
    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? { nil }
}
