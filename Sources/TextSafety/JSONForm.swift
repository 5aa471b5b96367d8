extension OutsideText {
    /// `text` as the body of a JSON string literal (without the surrounding quotes):
    /// `"` → `\"`, `\` → `\\`, and every unsafe scalar (``isUnsafe(_:)-(Unicode.Scalar)``) as
    /// `\u` and four lowercase hexadecimal digits — C0 too (`\u000a`, not `\n`: one form
    /// for all). Everything else, `/` included, is written as it is. Any JSON parser gives
    /// `text` back exactly.
    ///
    /// ```swift
    /// "\"" + OutsideText.forJSON("a\"b\u{1b}\u{9b}\u{202e}") + "\""   // "a\"b\u001b\u009b\u202e"
    /// ```
    public static func forJSON(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append(contentsOf: #"\""#.unicodeScalars)
            case "\\": out.append(contentsOf: #"\\"#.unicodeScalars)
            default:
                if isUnsafe(scalar) {
                    out.append(contentsOf: ("\\u" + hex(scalar.value, digits: 4)).unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    /// The UTF-8 of a whole JSON text (what `JSONEncoder` or `JSONSerialization` wrote)
    /// with the unsafe scalars those leave raw written as `\u` escapes: DEL → `\u007f`,
    /// C1 → `\u0080`…`\u009f`, U+2028/U+2029 and the bidi controls → `\u2028`…; and any
    /// raw C0 other than TAB, LF and CR (invalid JSON, but never passed to a terminal).
    ///
    /// Safe on any valid JSON: outside strings a JSON text holds only ASCII punctuation,
    /// digits, letters of `true`/`false`/`null` and the whitespace TAB, LF, CR and space,
    /// which are left alone (so pretty-printed output keeps its lines); every scalar
    /// replaced can therefore only be inside a string, where its `\u` escape means the
    /// same scalar. The parsed value is unchanged; only the bytes a terminal would obey
    /// are gone. Bytes that are not UTF-8 are copied as they are.
    ///
    /// ```swift
    /// let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    /// print(String(decoding: OutsideText.hardenJSON(data), as: UTF8.self))
    /// ```
    public static func hardenJSON(_ utf8: some Collection<UInt8>) -> [UInt8] {
        let bytes = Array(utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        func escape(_ value: UInt32) {
            out += Array(("\\u" + hex(value, digits: 4)).utf8)
        }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x20 {
                if b == 0x09 || b == 0x0A || b == 0x0D { out.append(b) } else { escape(UInt32(b)) }
                i += 1
            } else if b == 0x7F {
                escape(0x7F)
                i += 1
            } else if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) {
                escape(UInt32(bytes[i + 1]))                        // U+0080…U+009F
                i += 2
            } else if b == 0xE2, i + 2 < bytes.count, let value = separatorOrBidi(bytes[i + 1], bytes[i + 2]) {
                escape(value)                                       // U+2028…U+2069
                i += 3
            } else {
                out.append(b)
                i += 1
            }
        }
        return out
    }

    /// The unsafe scalar that `E2 second third` encodes (U+2028…U+202E, U+2066…U+2069), if any.
    static func separatorOrBidi(_ second: UInt8, _ third: UInt8) -> UInt32? {
        guard second & 0xC0 == 0x80, third & 0xC0 == 0x80 else { return nil }
        let value = 0x2000 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
        return Unicode.Scalar(value).map(isUnsafe) == true ? value : nil
    }

    /// ``hardenJSON(_:)`` of a JSON text held as a `String`.
    public static func hardenJSON(_ json: String) -> String {
        String(decoding: hardenJSON(json.utf8), as: UTF8.self)
    }
}
