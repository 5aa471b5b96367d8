/// Reproducible random strings for the property tests: every unsafe scalar, backslashes
/// and half-written escapes, Cyrillic, CJK, combining marks, astral characters (emoji).
struct RandomText {
    /// SplitMix64: the same seed gives the same strings on every machine.
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// Every scalar the rule treats specially, and the characters escapes are made of.
    static let special: [Unicode.Scalar] =
        (0x00...0x20).map { Unicode.Scalar(UInt8($0)) } + (0x7F...0xA0).map { Unicode.Scalar(UInt8($0)) }
        + [0x2027, 0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x202F,
           0x2065, 0x2066, 0x2067, 0x2068, 0x2069, 0x206A, 0x200E, 0x200F, 0xFEFF].map { Unicode.Scalar($0)! }
        + Array(#"\\\\\\xu{}0123456789abcdefABCDEFnrt"'=+-@;,."#.unicodeScalars)

    static let other: [Unicode.Scalar] =
        Array("aZ Привет ёЁ 表示 e\u{301} \u{1F600}\u{1F1F7}\u{1F1FA} 𝄞 ＝".unicodeScalars)

    mutating func scalar() -> Unicode.Scalar {
        switch below(10) {
        case 0..<5: return Self.special[below(Self.special.count)]
        case 5..<8: return Self.other[below(Self.other.count)]
        default:
            // Anywhere in Unicode but the surrogates.
            while true {
                if let s = Unicode.Scalar(UInt32(below(0x110000))) { return s }
            }
        }
    }

    mutating func string(maxLength: Int = 40) -> String {
        var view = String.UnicodeScalarView()
        for _ in 0..<below(maxLength + 1) { view.append(scalar()) }
        return String(view)
    }

    /// `count` strings from `seed`, the tricky fixed ones first.
    static func strings(_ count: Int, seed: UInt64 = 14) -> [String] {
        var random = RandomText(seed: seed)
        let fixed = ["", "\\", "\\\\", "\\x", "\\x1", "\\u{", "\\u{}", "a\\", "\\n", "\r\n", "\n\r",
                     "\\\u{301}", "\u{1b}[2J", "x\nip.dns1 = 6.6.6.6", String(Character("\u{1F1F7}\u{1F1FA}")),
                     String(String.UnicodeScalarView((0x00...0x9F).map { Unicode.Scalar(UInt8($0)) }))]
        return fixed + (0..<count).map { _ in random.string() }
    }
}
