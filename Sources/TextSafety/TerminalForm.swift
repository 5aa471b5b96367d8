extension OutsideText {
    /// The most characters of outside text a message shows by default; the rest is counted.
    public static let terminalLimit = 512

    /// `text` as a terminal, a log or a message may show it: every unsafe scalar
    /// (``isUnsafe(_:)-(Unicode.Scalar)``) as a visible escape, and a long text cut.
    ///
    /// - C0, DEL and C1 as `\x` and two lowercase hexadecimal digits of the scalar:
    ///   ESC → `\x1b`, LF → `\x0a`, TAB → `\x09`, DEL → `\x7f`, CSI (U+009B) → `\x9b`.
    /// - The separators and bidi controls as `\u{` four lowercase digits `}`:
    ///   U+202E → `\u{202e}`.
    /// - A backslash is *not* escaped (paths and Windows names read as they are), so the
    ///   form is for people, not for reading back: ``forLine(_:)`` is the reversible one.
    /// - A result longer than `limit` characters is cut to at most `limit`, the marker
    ///   `…(+N)` included, N the number of characters of `text` left out — a number, so
    ///   it reads the same in every interface language: a 10 MiB line of `A` with the
    ///   default limit → 500 `A`, then `…(+10485260)`. (A limit shorter than the marker
    ///   gives the marker alone.) `nil`: no limit — a file, or a screen that clips by itself.
    ///
    /// Text without unsafe scalars and within the limit comes back as it is, and so does
    /// any result of this function given again with a limit at least as large: applying
    /// the rule twice does no harm.
    ///
    /// ```swift
    /// OutsideText.forTerminal("\u{1b}]52;c;ZWNobw==\u{7}")  // `\x1b]52;c;ZWNobw==\x07`
    /// OutsideText.forTerminal("C:\\meters\\7")              // `C:\meters\7`
    /// OutsideText.forTerminal("abcdefghij", limit: 8)       // `ab…(+8)`
    /// ```
    public static func forTerminal(_ text: String, limit: Int? = terminalLimit) -> String {
        guard let limit else { return escapedForTerminal(text) }
        if text.utf8.count <= limit, !containsUnsafe(text) { return text }
        let whole = terminalPrefix(text, limit: limit)
        if whole.rest == text.endIndex { return whole.shown }
        let total = text.count
        let marker = 4 + String(total).count          // "…(+", the digits, ")"
        let cut = terminalPrefix(text, limit: limit - marker)
        return cut.shown + "…(+\(total - cut.characters))"
    }

    /// The longest prefix of `text` whose terminal form fits in `limit` characters: that
    /// form, how many characters of `text` it holds, and where the rest starts.
    static func terminalPrefix(_ text: String, limit: Int) -> (shown: String, characters: Int, rest: String.Index) {
        var shown = ""
        var used = 0
        var characters = 0
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if isUnsafe(character) {
                let piece = escapedForTerminal(String(character))
                if used + piece.count > limit { break }
                shown += piece
                used += piece.count
            } else {
                if used + 1 > limit { break }
                shown.append(character)
                used += 1
            }
            characters += 1
            index = text.index(after: index)
        }
        return (shown, characters, index)
    }

    /// The visible escape of an unsafe scalar (`\x1b`, `\x9b`, `\u{202e}`); nil for a safe one.
    @inlinable
    public static func visibleEscape(_ scalar: Unicode.Scalar) -> String? {
        guard isUnsafe(scalar) else { return nil }
        return scalar.value < 0xA0 ? "\\x" + hex(scalar.value, digits: 2) : "\\u{" + hex(scalar.value, digits: 4) + "}"
    }

    /// What ``forTerminal(_:limit:)`` shows for one character: itself when it is safe,
    /// else the visible escapes of its scalars (CR LF → `\x0d\x0a`). A screen that draws
    /// character by character uses it.
    public static func visible(_ character: Character) -> String {
        isUnsafe(character) ? escapedForTerminal(String(character)) : String(character)
    }

    static func escapedForTerminal(_ text: String) -> String {
        guard containsUnsafe(text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let escape = visibleEscape(scalar) { out.append(contentsOf: escape.unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }
}
