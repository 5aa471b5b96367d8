extension OutsideText {
    /// `text` as a CSV cell that a spreadsheet opens as text, never as a formula (OWASP,
    /// "CSV injection"), and that `cat` or `less` shows as it is:
    ///
    /// 1. A text starting with `=`, `+`, `-`, `@`, TAB or CR that is not a plain number
    ///    (``isSpreadsheetNumber(_:)``) gets a `'` in front: `=HYPERLINK("http://x","y")`
    ///    → `'=HYPERLINK("http://x","y")`, while `-12.5` and `-0,5` stay numbers. Only those
    ///    first characters: a spreadsheet reads ` =1+1` (leading space) and `＝1+1`
    ///    (full-width) as text.
    /// 2. Then every unsafe scalar in ``forTerminal(_:limit:)`` form, without a limit:
    ///    a device value is one line, so a row of the file is one line too (`grep`,
    ///    `wc -l`), and no ESC or CR reaches a terminal that shows the file. A leading TAB
    ///    or CR thus comes out as `'\x09…`, `'\x0d…`.
    ///
    /// The result is a cell's text before CSV quoting (separator, quotes), which the
    /// writer still does. Numbers the program formats itself are not text and do not go
    /// through this.
    public static func forSpreadsheet(_ text: String) -> String {
        let guarded = startsLikeFormula(text) ? "'" + text : text
        return forTerminal(guarded, limit: nil)
    }

    /// Whether a spreadsheet could take `text` for a formula (or a DDE command): it starts
    /// with `=`, `+`, `-`, `@`, TAB or CR and is not a plain number.
    public static func startsLikeFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return !isSpreadsheetNumber(text)
        default: return false
        }
    }

    /// Whether `text` is a plain decimal number: an optional sign, ASCII digits, an
    /// optional fraction after `.` or `,` (either: the project's CSV writes a decimal
    /// comma in Russian and a point in English, and a number is harmless in both), an
    /// optional exponent — `-12.5`, `+3`, `-0,5`, `1e-3`. Nothing else: no spaces, no
    /// grouping, no currency; such a text is not a formula either, but neither is it
    /// exempt from rule 1.
    public static func isSpreadsheetNumber(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        func digits() -> Int {
            let n = bytes.prefix(while: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }).count
            bytes = bytes.dropFirst(n)
            return n
        }
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard digits() > 0 else { return false }
        if let point = bytes.first, point == UInt8(ascii: ".") || point == UInt8(ascii: ",") {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
        }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }
}
