extension OutsideText {
    /// Whether `scalar` must never reach an output as itself:
    ///
    /// - **C0** (U+0000–U+001F) and **DEL** (U+007F): ESC starts every terminal control
    ///   sequence; BEL, BS, CR, LF, TAB and the rest move the cursor or make noise. A value
    ///   from the device is one line, so LF and TAB are unsafe too.
    /// - **C1** (U+0080–U+009F): CSI (U+009B), OSC (U+009D), DCS (U+0090) and NEL (U+0085)
    ///   are the one-character forms of `ESC [`, `ESC ]`, `ESC P` and a new line; some
    ///   terminals (and any program that re-encodes to Latin-1) obey them.
    /// - **U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR**: line breaks for editors,
    ///   browsers and JavaScript, so they would split "one line" in a file or a log viewer.
    /// - **Bidirectional embeddings, overrides and isolates** (U+202A–U+202E,
    ///   U+2066–U+2069): they reorder what is displayed after them ("Trojan Source",
    ///   CVE-2021-42574) in bidi-aware terminals, editors and spreadsheets, so a shown
    ///   value would not be the value.
    ///
    /// Not in the set, by judgement: the implicit direction marks (U+200E, U+200F, U+061C),
    /// which only nudge neutral characters and belong to right-to-left text; zero-width
    /// spaces and joiners, the byte-order mark and the soft hyphen, which are invisible but
    /// control nothing; and every printable character, however it looks (a full-width ＝ is
    /// text to a spreadsheet).
    @inlinable
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0xA0 { return v < 0x20 || v >= 0x7F }
        if v < 0x2028 || v > 0x2069 { return false }
        return v <= 0x202E || v >= 0x2066
    }

    /// Whether any scalar of `character` is unsafe. (Every unsafe scalar is a grapheme of
    /// its own, but for CR LF, which is one `Character` of two.)
    @inlinable
    public static func isUnsafe(_ character: Character) -> Bool {
        character.unicodeScalars.contains(where: isUnsafe)
    }

    /// Whether `text` holds any unsafe scalar: when it does not, every form but JSON's
    /// (quotes, backslashes), the line form's (backslashes) and the spreadsheet's (a
    /// leading `=`…) leaves it as it is.
    @inlinable
    public static func containsUnsafe(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains(where: isUnsafe)
    }

    /// `value` as `digits` lowercase hexadecimal digits (more when it needs them).
    @usableFromInline
    static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: false)
        return text.count >= digits ? text : String(repeating: "0", count: digits - text.count) + text
    }
}
