import TextSafety

/// A grid of cells that widgets render into; the runtime draws only `changes(from:)`.
///
/// No cell ever holds a control character: text written into the buffer may come from
/// the device or a file (issue 14), so ``write(_:x:y:style:maxWidth:)`` shows every unsafe
/// scalar (`OutsideText.isUnsafe`) as its visible escape — ESC as the four cells `\x1b`,
/// U+202E as `\u{202e}` — and the terminal never obeys it.
public struct ScreenBuffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    private var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    func contains(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Out-of-range reads give `.blank`; out-of-range writes are ignored.
    public subscript(x: Int, y: Int) -> Cell {
        get { contains(x, y) ? cells[y * width + x] : .blank }
        set { if contains(x, y) { cells[y * width + x] = newValue } }
    }

    /// Puts one grapheme of display width `w` (1 or 2) at (x, y), repairing any wide
    /// character it half overwrites.
    private mutating func put(_ text: String, w: Int, x: Int, y: Int, style: Style) {
        for cx in x..<(x + w) { clearWide(at: cx, y: y) }
        self[x, y] = Cell(text: text, style: style)
        if w == 2 { self[x + 1, y] = Cell(text: "", style: style) }
    }

    /// If (x, y) is part of a wide character, blanks both of its halves.
    private mutating func clearWide(at x: Int, y: Int) {
        guard contains(x, y) else { return }
        let c = self[x, y]
        if c.text.isEmpty, x > 0 {
            self[x - 1, y] = Cell(text: " ", style: self[x - 1, y].style)
            self[x, y] = Cell(text: " ", style: c.style)
        } else if x + 1 < width, self[x + 1, y].text.isEmpty, DisplayWidth.of(c.text) == 2 {
            self[x + 1, y] = Cell(text: " ", style: self[x + 1, y].style)
        }
    }

    /// Writes `text` from (x, y) on one line, clipped to the buffer and to `maxWidth`
    /// columns. Wide characters take two cells and are never drawn half; combining marks
    /// join the previous cell. A control character (C0 with LF and TAB, DEL, C1, U+2028,
    /// U+2029, a bidi control) is drawn as its visible escape, one cell per character of
    /// `\x1b` — all of it or, at the right edge, none — as `DisplayWidth` measures it. Returns
    /// the columns used.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain,
                               maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? Int.max)
        var col = x
        var last: Int? = nil
        for ch in text {
            if OutsideText.isUnsafe(ch) {
                let shown = OutsideText.visible(ch)
                if col + shown.count > limit { break }
                for c in shown {
                    if col >= 0 { put(String(c), w: 1, x: col, y: y, style: style); last = col } else { last = nil }
                    col += 1
                }
                continue
            }
            let w = DisplayWidth.of(ch)
            if w == 0 {
                // A mark at the start joins the cell already left of `x`.
                var target = last
                if target == nil, col == x, col - 1 >= 0, col - 1 < width {
                    target = self[col - 1, y].text.isEmpty && col >= 2 ? col - 2 : col - 1
                }
                if let t = target { cells[y * width + t].text.append(ch) }
                continue
            }
            if col + w > limit { break }
            if col >= 0 {
                put(String(ch), w: w, x: col, y: y, style: style)
                last = col
            } else {
                last = nil
            }
            col += w
        }
        return col - x
    }

    /// Sets the style of every cell in `area` (text kept).
    public mutating func setStyle(_ style: Style, in area: Rect) {
        let r = area.intersection(self.area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { cells[y * width + x].style = style } }
    }

    /// Fills `area` with blanks of `style`.
    public mutating func clear(_ area: Rect, style: Style = .plain) {
        let r = area.intersection(self.area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            clearWide(at: r.x, y: y)
            clearWide(at: r.maxX - 1, y: y)
            for x in r.x..<r.maxX { cells[y * width + x] = Cell(text: " ", style: style) }
        }
    }

    /// The text of each line (right halves of wide characters contribute nothing).
    public var lines: [String] {
        (0..<height).map { y in
            var s = ""
            for x in 0..<width { s += cells[y * width + x].text }
            return s
        }
    }

    /// The cells that differ from `old`; every cell if the sizes differ.
    public func changes(from old: ScreenBuffer) -> [(x: Int, y: Int, cell: Cell)] {
        var out: [(x: Int, y: Int, cell: Cell)] = []
        let all = old.width != width || old.height != height
        for y in 0..<height {
            for x in 0..<width {
                let c = cells[y * width + x]
                if all || old.cells[y * width + x] != c { out.append((x, y, c)) }
            }
        }
        return out
    }
}
