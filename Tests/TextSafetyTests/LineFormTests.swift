import Testing
import TextSafety

/// `forLine`/`fromLine`: the reversible one-line form of the `.set` file.
@Suite struct LineFormTests {
    @Test(arguments: [
        ("x\nip.dns1 = 6.6.6.6", #"x\nip.dns1 = 6.6.6.6"#),
        (#"C:\x"#, #"C:\\x"#),
        ("a\r\tb", #"a\r\tb"#),
        ("\u{0}\u{1b}[2J\u{7f}", #"\x00\x1b[2J\x7f"#),
        ("\u{9b}\u{85}\u{2028}\u{2029}\u{202e}\u{2066}", #"\u{009b}\u{0085}\u{2028}\u{2029}\u{202e}\u{2066}"#),
        ("Счётчик 表 \u{1F600} e\u{301}", "Счётчик 表 \u{1F600} e\u{301}"),
        ("", ""),
    ])
    func escapes(_ text: String, _ line: String) throws {
        #expect(OutsideText.forLine(text) == line)
        #expect(try OutsideText.fromLine(line) == text)
    }

    @Test func unescapeIsTheExactInverseForAnyString() throws {
        for text in RandomText.strings(5000) {
            let line = OutsideText.forLine(text)
            #expect(!OutsideText.containsUnsafe(line), "\(text.debugDescription)")
            #expect(try OutsideText.fromLine(line) == text, "\(text.debugDescription)")
        }
    }

    @Test func everyScalarUpToU00A0AloneAndAmongBackslashes() throws {
        for v in UInt32(0)...0xA0 {
            let s = String(Unicode.Scalar(v)!)
            for text in [s, "\\" + s, s + "\\", "\\\\" + s + "\\x"] {
                #expect(try OutsideText.fromLine(OutsideText.forLine(text)) == text)
            }
        }
    }

    @Test func whatAPersonMayWrite() throws {
        #expect(try OutsideText.fromLine(#"\x1B\u{9B}\u{202E}"#) == "\u{1b}\u{9b}\u{202e}")
        #expect(try OutsideText.fromLine(#"\x20a\x20"#) == " a ")
        #expect(try OutsideText.fromLine(#"\u{41}\u{1F600}\u{10ffff}"#) == "A\u{1F600}\u{10FFFF}")
    }

    static func refusal(_ line: String) -> OutsideText.UnescapeError? {
        do { _ = try OutsideText.fromLine(line); return nil } catch { return error }
    }

    @Test(arguments: [
        (#"abc\"#, 3, OutsideText.UnescapeError.Reason.danglingBackslash, #"\"#),
        (#"ab\q"#, 2, .unknownEscape, #"\q"#),
        (#"\x1"#, 0, .malformedHex, #"\x1"#),
        (#"a\xg0"#, 1, .malformedHex, #"\xg0"#),
        (#"\x80"#, 0, .notAScalar, #"\x80"#),
        (#"\u0041"#, 0, .malformedHex, #"\u0041"#),
        (#"\u{}"#, 0, .malformedHex, #"\u{}"#),
        (#"\u{1234567}"#, 0, .malformedHex, #"\u{1234567"#),
        (#"\u{12"#, 0, .malformedHex, #"\u{12"#),
        (#"\u{d800}"#, 0, .notAScalar, #"\u{d800}"#),
        (#"\u{110000}"#, 0, .notAScalar, #"\u{110000}"#),
        ("ab\u{1b}[2J", 2, .rawControl, #"\x1b"#),
        ("a\tb", 1, .rawControl, #"\x09"#),
        ("x\u{202e}", 1, .rawControl, #"\u{202e}"#),
        ("ж\u{9b}", 1, .rawControl, #"\x9b"#),
    ])
    func malformedLinesAreRefusedSayingWhereAndWhat(_ line: String, _ offset: Int,
                                                     _ reason: OutsideText.UnescapeError.Reason, _ found: String) {
        #expect(Self.refusal(line) == OutsideText.UnescapeError(offset: offset, reason: reason, found: found))
    }

    @Test func whatWasFoundIsSafeAndShort() {
        let error = Self.refusal(#"\u{"# + String(repeating: "\u{1b}", count: 1000))
        #expect(error?.reason == .malformedHex)
        #expect((error?.found.count ?? 99) <= OutsideText.UnescapeError.foundLimit)
        #expect(!OutsideText.containsUnsafe(error?.found ?? "\u{1b}"))
    }
}
