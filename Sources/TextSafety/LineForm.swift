extension OutsideText {
    /// `text` as one line of a text file, reversibly (the `.set` settings file): no line
    /// break, no control character and no bidi control survives, and ``fromLine(_:)`` gives
    /// `text` back exactly.
    ///
    /// | scalar                                   | written as            |
    /// |------------------------------------------|-----------------------|
    /// | `\` (backslash)                          | `\\`                  |
    /// | LF, CR, TAB                              | `\n`, `\r`, `\t`      |
    /// | other C0 (U+0000–U+001F), DEL (U+007F)   | `\x` + 2 hex: `\x1b`  |
    /// | C1 (U+0080–U+009F), U+2028, U+2029, bidi | `\u{` 4 hex `}`: `\u{009b}`, `\u{202e}` |
    ///
    /// Hexadecimal digits are written in lowercase. Every other scalar is written as itself.
    ///
    /// ```swift
    /// OutsideText.forLine("ES-951\nip.dns1 = 6.6.6.6")   // `ES-951\nip.dns1 = 6.6.6.6`
    /// OutsideText.forLine("C:\\x")                        // `C:\\x`
    /// ```
    public static func forLine(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out.append(contentsOf: #"\\"#.unicodeScalars)
            case "\n": out.append(contentsOf: #"\n"#.unicodeScalars)
            case "\r": out.append(contentsOf: #"\r"#.unicodeScalars)
            case "\t": out.append(contentsOf: #"\t"#.unicodeScalars)
            default:
                let v = scalar.value
                if v < 0x20 || v == 0x7F {
                    out.append(contentsOf: ("\\x" + hex(v, digits: 2)).unicodeScalars)
                } else if isUnsafe(scalar) {
                    out.append(contentsOf: ("\\u{" + hex(v, digits: 4) + "}").unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    /// The text ``forLine(_:)`` wrote: `fromLine(forLine(s)) == s` for every string `s`.
    ///
    /// A person editing the file may also write the hexadecimal digits in capitals,
    /// `\xHH` for any scalar up to U+007F (`\x20`: a space the reader would otherwise trim)
    /// and `\u{H…}` with 1 to 6 digits for any Unicode scalar. Anything else after a
    /// backslash, a backslash at the end, and an unsafe scalar written raw (a tab, an ESC,
    /// a U+202E typed into the file) are refused with an ``UnescapeError``.
    public static func fromLine(_ line: String) throws(UnescapeError) -> String {
        // No backslash and no byte that starts an unsafe scalar (C0, DEL, C2 for C1, E2 for
        // U+2028…U+2069): nothing to undo or refuse.
        if !line.utf8.contains(where: { $0 == 0x5C || $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) {
            return line
        }
        let scalars = Array(line.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        func refuse(_ reason: UnescapeError.Reason, through end: Int) -> UnescapeError {
            let found = String(String.UnicodeScalarView(scalars[i..<min(max(end, i + 1), scalars.count)]))
            return UnescapeError(offset: i, reason: reason, found: forTerminal(found, limit: UnescapeError.foundLimit))
        }
        func hexValue(_ range: Range<Int>) -> UInt32? {
            guard !range.isEmpty, range.upperBound <= scalars.count else { return nil }
            var value: UInt32 = 0
            for s in scalars[range] {
                switch s.value {
                case 0x30...0x39: value = value << 4 | (s.value - 0x30)       // 0-9
                case 0x41...0x46: value = value << 4 | (s.value - 0x41 + 10)  // A-F
                case 0x61...0x66: value = value << 4 | (s.value - 0x61 + 10)  // a-f
                default: return nil
                }
            }
            return value
        }
        while i < scalars.count {
            let s = scalars[i]
            if isUnsafe(s) { throw refuse(.rawControl, through: i + 1) }
            guard s == "\\" else { out.append(s); i += 1; continue }
            guard i + 1 < scalars.count else { throw refuse(.danglingBackslash, through: i + 1) }
            switch scalars[i + 1] {
            case "\\": out.append("\\"); i += 2
            case "n": out.append("\n"); i += 2
            case "r": out.append("\r"); i += 2
            case "t": out.append("\t"); i += 2
            case "x":
                guard let value = hexValue(i + 2..<i + 4) else { throw refuse(.malformedHex, through: i + 4) }
                guard value < 0x80, let scalar = Unicode.Scalar(value) else { throw refuse(.notAScalar, through: i + 4) }
                out.append(scalar)
                i += 4
            case "u":
                guard i + 2 < scalars.count, scalars[i + 2] == "{",
                      let close = scalars[(i + 3)...].prefix(8).firstIndex(of: "}"),
                      (1...6).contains(close - (i + 3)),
                      let value = hexValue(i + 3..<close)
                else { throw refuse(.malformedHex, through: i + 10) }
                guard let scalar = Unicode.Scalar(value) else { throw refuse(.notAScalar, through: close + 1) }
                out.append(scalar)
                i = close + 1
            default:
                throw refuse(.unknownEscape, through: i + 2)
            }
        }
        return String(out)
    }
}
