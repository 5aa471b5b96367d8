/// A page of the work area (one per node of the parameter tree). Keys come to it while
/// the work area has the focus; it answers with requests, and the runtime's results come
/// back through `receive`.
public protocol WorkPage: Sendable {
    /// Handles a key; returns what to ask of the device or the files.
    mutating func handle(_ key: Key, _ context: PageContext) -> [PageRequest]
    /// F5: the read this page does (the app connects first when needed).
    mutating func read(_ context: PageContext) -> [PageRequest]
    /// A result of one of this page's requests.
    mutating func receive(_ result: PageResult, _ context: PageContext)
    /// Draws the page inside the work area's frame (the last line of `area` is left to
    /// the app's progress bar and status line).
    func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext, page: PageContext, focused: Bool)
    /// Only the keys that work here, besides the app's (F1, F2, F3, F7, F9, F10); write
    /// keys are left out for a user who may not write.
    func keyBar(_ context: PageContext) -> [KeyBar.Item]
    /// True while a text field has the focus (then `q` is typed, not quit).
    var hasTextFocus: Bool { get }
    /// The text cursor, when a text field has the focus.
    func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)?
    /// Requirements (not only extension members) so a page's own answer is heard through
    /// `any WorkPage`; the defaults are below.
    var wantsEscape: Bool { get }
    var usesTab: Bool { get }
    /// The dim line under the page when nothing else is said (no status, no progress).
    func hint(_ context: PageContext) -> String?
    /// The bytes the request in flight should take, for a progress bar when the device
    /// gives no row count (nil: unknown, the bytes so far are shown instead).
    var expectedBytes: Int? { get }
    /// Left gives the focus back to the tree (a page without sideways movement).
    var leftReturnsToTree: Bool { get }
    /// Why the last key or F5 asked nothing, for the status line; taken once.
    mutating func takeNotice() -> String?
    /// Values typed and not written yet (quitting or switching user asks first).
    var unsavedEdits: Int { get }
    /// Every key of the page with what it does, for F1 (the key bar shows those that fit;
    /// by default the key bar is the whole table).
    func keyHelp(_ context: PageContext) -> [KeyBar.Item]
}

extension WorkPage {
    /// True while the page has a dialog or an edit open that Esc closes; otherwise Esc
    /// takes the focus back to the tree.
    public var wantsEscape: Bool { false }
    /// True for pages whose Tab moves between their fields; otherwise Tab goes back to
    /// the tree.
    public var usesTab: Bool { false }
    public func hint(_ context: PageContext) -> String? { nil }
    public var expectedBytes: Int? { nil }
    public var leftReturnsToTree: Bool { false }
    public mutating func takeNotice() -> String? { nil }
    public var unsavedEdits: Int { 0 }
    public func keyHelp(_ context: PageContext) -> [KeyBar.Item] { keyBar(context) }
}
