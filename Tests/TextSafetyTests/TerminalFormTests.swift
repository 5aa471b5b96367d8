import Testing
import TextSafety

/// `forTerminal`: what a terminal, a log or a message shows of outside text.
@Suite struct TerminalFormTests {
    @Test(arguments: [
        ("\u{1b}[2J", #"\x1b[2J"#),                                  // clear screen
        ("\u{1b}]52;c;ZWNobw==\u{7}", #"\x1b]52;c;ZWNobw==\x07"#),   // OSC 52: set the clipboard
        ("\u{1b}[?1049l", #"\x1b[?1049l"#),                           // leave the alternate screen
        ("\u{7}", #"\x07"#),                                          // BEL
        ("\u{9b}31m", #"\x9b31m"#),                                   // C1 CSI
        ("\u{9d}0;title\u{9c}", #"\x9d0;title\x9c"#),                 // C1 OSC … ST
        ("a\nb\tc\rd", #"a\x0ab\x09c\x0dd"#),                         // one line
        ("\u{0}\u{7f}\u{85}", #"\x00\x7f\x85"#),
        ("abc\u{202e}fed", #"abc\u{202e}fed"#),                       // Trojan Source
        ("\u{2066}x\u{2069}\u{2028}\u{2029}", #"\u{2066}x\u{2069}\u{2028}\u{2029}"#),
        (#"C:\meters\7"#, #"C:\meters\7"#),                            // a backslash stays
        ("Счётчик 表示 e\u{301} \u{1F600}", "Счётчик 表示 e\u{301} \u{1F600}"),
        ("", ""),
    ])
    func escapes(_ text: String, _ shown: String) {
        #expect(OutsideText.forTerminal(text) == shown)
    }

    @Test func everyControlScalarIsShownAsTwoLowercaseHexDigits() {
        for v in Array(0x00...0x1F) + Array(0x7F...0x9F) {
            let hex = String(v, radix: 16)
            #expect(OutsideText.forTerminal(String(Unicode.Scalar(UInt8(v)))) == "\\x" + (hex.count == 1 ? "0" + hex : hex))
        }
    }

    @Test func theFormNeverHoldsAnUnsafeScalar() {
        for text in RandomText.strings(2000) {
            #expect(!OutsideText.containsUnsafe(OutsideText.forTerminal(text)), "\(text.debugDescription)")
            #expect(!OutsideText.containsUnsafe(OutsideText.forTerminal(text, limit: nil)))
            #expect(!OutsideText.containsUnsafe(OutsideText.forTerminal(text, limit: 7)))
        }
    }

    @Test func aTenMebibyteLineIsCutWithTheCountOfWhatIsLeftOut() {
        let line = String(repeating: "A", count: 10 * 1024 * 1024)
        let shown = OutsideText.forTerminal(line)
        #expect(shown == String(repeating: "A", count: 500) + "…(+10485260)")
        #expect(shown.count == OutsideText.terminalLimit)
        #expect(OutsideText.forTerminal(line, limit: 80).count == 80)
    }

    @Test func theLimitCountsTheEscapesAndTheMarker() {
        #expect(OutsideText.forTerminal("abcdefghij", limit: 10) == "abcdefghij")
        // The marker's length is set aside for the digits of the whole length (10: two).
        #expect(OutsideText.forTerminal("abcdefghij", limit: 9) == "abc…(+7)")
        #expect(OutsideText.forTerminal("abcdefghij", limit: 8) == "ab…(+8)")
        // An escape is kept whole or not at all.
        #expect(OutsideText.forTerminal("ab\u{1b}cdefghijklm", limit: 10) == "ab…(+12)")
        #expect(OutsideText.forTerminal(String(repeating: "\u{1b}", count: 100), limit: 20) == #"\x1b\x1b\x1b…(+97)"#)
        // A limit below the marker's length: the marker alone.
        #expect(OutsideText.forTerminal("abcdefghij", limit: 2) == "…(+10)")
        #expect(OutsideText.forTerminal("abcdefghij", limit: 0) == "…(+10)")
        // Characters, not bytes: 512 Cyrillic letters (1024 bytes) fit.
        let cyrillic = String(repeating: "ж", count: 512)
        #expect(OutsideText.forTerminal(cyrillic) == cyrillic)
    }

    @Test func applyingTheFormTwiceChangesNothing() {
        var random = RandomText(seed: 7)
        for text in RandomText.strings(1000) + (0..<50).map({ _ in random.string(maxLength: 3000) }) {
            for limit in [nil, 512, 80, 16] as [Int?] {
                let once = OutsideText.forTerminal(text, limit: limit)
                #expect(OutsideText.forTerminal(once, limit: limit) == once, "\(text.debugDescription)")
                if let limit { #expect(once.count <= max(limit, 4 + String(text.count).count)) }
            }
        }
    }

    @Test func visibleEscapesOneByOne() {
        #expect(OutsideText.visibleEscape("\u{1b}") == #"\x1b"#)
        #expect(OutsideText.visibleEscape("\u{9b}") == #"\x9b"#)
        #expect(OutsideText.visibleEscape("\u{202e}") == #"\u{202e}"#)
        #expect(OutsideText.visibleEscape("a") == nil)
        #expect(OutsideText.visible("\r\n") == #"\x0d\x0a"#)
        #expect(OutsideText.visible("ж") == "ж")
    }
}
