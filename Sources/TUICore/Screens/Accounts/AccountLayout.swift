/// Placement shared by the account screens.
enum AccountLayout {
    /// Text boxes are this wide at most, so a form does not stretch across a wide screen.
    static let boxWidth = 40

    /// The area of a field list inside `inner` (a frame's inside): one blank line and two
    /// columns in from the top left, as wide as the labels and a box need.
    static func formArea(_ list: FieldList, in inner: Rect) -> Rect {
        let width = min(max(0, inner.width - 4), list.labelWidth + 3 + boxWidth + 1)
        return Rect(x: inner.x + 2, y: inner.y + 1, width: width,
                    height: max(0, min(list.height, inner.maxY - inner.y - 1)))
    }

    /// Writes `text` wrapped at spaces to `width` columns from (x, y), stopping above
    /// `limit`; returns the lines used.
    @discardableResult
    static func note(_ text: String, x: Int, y: Int, width: Int, limit: Int, style: Style,
                     into buffer: inout ScreenBuffer) -> Int {
        var used = 0
        for line in wrap(text, width: width) where y + used < limit {
            buffer.write(line, x: x, y: y + used, style: style, maxWidth: width)
            used += 1
        }
        return used
    }

    /// `text` split at spaces into lines of at most `width` columns (a longer word is cut).
    static func wrap(_ text: String, width: Int) -> [String] { TextWrap.lines(text, width: width) }
}
