import TextSafety

/// Terminal columns a text takes: 0 for combining marks, 2 for wide (CJK, fullwidth,
/// emoji), 1 otherwise. A grapheme cluster (`Character`) takes the width of its base.
/// A control character takes the width of the visible escape `ScreenBuffer` draws for it
/// (`OutsideText.visible`): ESC 4 (`\x1b`), U+202E 8 (`\u{202e}`).
public enum DisplayWidth {
    public static func of(_ s: String) -> Int {
        var n = 0
        for c in s { n += of(c) }
        return n
    }

    public static func of(_ c: Character) -> Int {
        guard let first = c.unicodeScalars.first else { return 0 }
        if OutsideText.isUnsafe(c) { return OutsideText.visible(c).count }
        if isZeroWidth(first) { return 0 }
        if isWide(first.value) { return 2 }
        // An emoji with presentation selector (U+FE0F) is drawn wide by most terminals.
        if c.unicodeScalars.contains(where: { $0.value == 0xFE0F }),
           first.properties.isEmoji { return 2 }
        return 1
    }

    static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return true
        default: return s.value == 0x200B
        }
    }

    /// A C0 or C1 control or DEL (general category Cc) — what an input field refuses.
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.properties.generalCategory == .control
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The longest prefix of `s` that fits in `columns`.
    public static func prefix(_ s: String, columns: Int) -> String {
        var used = 0
        var out = ""
        for c in s {
            let w = of(c)
            if used + w > columns { break }
            used += w
            out.append(c)
        }
        return out
    }

    /// `s` cut or padded with spaces to exactly `columns`, aligned as asked.
    public static func fit(_ s: String, columns: Int, alignment: Alignment = .left) -> String {
        guard columns > 0 else { return "" }
        let cut = prefix(s, columns: columns)
        let pad = columns - of(cut)
        switch alignment {
        case .left: return cut + String(repeating: " ", count: pad)
        case .right: return String(repeating: " ", count: pad) + cut
        case .center:
            let l = pad / 2
            return String(repeating: " ", count: l) + cut + String(repeating: " ", count: pad - l)
        }
    }
}
