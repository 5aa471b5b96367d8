import Foundation
import Testing
import TextSafety

/// `forJSON` and `hardenJSON`: JSON that parses to the same value and never carries a
/// scalar a terminal would obey.
@Suite struct JSONFormTests {
    /// Parsed with `JSONDecoder`: on Linux, `JSONSerialization.jsonObject` drops U+FEFF
    /// from a string that holds an escape (a Foundation quirk when reading, not writing).
    static func parsedString(_ json: String) -> String? {
        try? JSONDecoder().decode(String.self, from: Data(json.utf8))
    }

    struct Document: Decodable {
        var value: String
        var list: [String]
        var n: Int
    }

    static func hasRawUnsafe(_ bytes: [UInt8], allowingWhitespace: Bool) -> Bool {
        String(decoding: bytes, as: UTF8.self).unicodeScalars.contains {
            OutsideText.isUnsafe($0) && !(allowingWhitespace && ($0 == "\n" || $0 == "\t" || $0 == "\r"))
        }
    }

    @Test func bodyEscapes() {
        #expect(OutsideText.forJSON("a\"b\\c/d") == #"a\"b\\c/d"#)
        #expect(OutsideText.forJSON("\u{1b}[2J\n\u{7f}\u{9b}\u{2028}\u{202e}")
            == #"\u001b[2J\u000a\u007f\u009b\u2028\u202e"#)
        #expect(OutsideText.forJSON("Счётчик \u{1F600}") == "Счётчик \u{1F600}")
    }

    @Test func aParserGivesTheTextBack() {
        for text in RandomText.strings(2000) {
            let literal = "\"" + OutsideText.forJSON(text) + "\""
            #expect(Self.parsedString(literal) == text, "\(text.debugDescription)")
            #expect(!OutsideText.containsUnsafe(literal))
        }
    }

    @Test func hardeningEncoderOutputKeepsTheValueAndDropsTheRawScalars() throws {
        for (i, text) in RandomText.strings(1000, seed: 99).enumerated() {
            let object: [String: Any] = ["value": text, "list": [text, "x"], "n": i]
            for options: JSONSerialization.WritingOptions in [[.sortedKeys], [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]] {
                let data = try JSONSerialization.data(withJSONObject: object, options: options)
                let hardened = OutsideText.hardenJSON(data)
                #expect(!Self.hasRawUnsafe(hardened, allowingWhitespace: true), "\(text.debugDescription)")
                let back = try JSONDecoder().decode(Document.self, from: Data(hardened))
                #expect(back.value == text)
                #expect(back.list == [text, "x"])
                #expect(back.n == i)
            }
            let encoded = try JSONEncoder().encode(["value": text])
            let decoded = try JSONDecoder().decode([String: String].self, from: Data(OutsideText.hardenJSON(encoded)))
            #expect(decoded["value"] == text)
        }
    }

    @Test func hardeningLeavesSafeJSONByteForByte() throws {
        let data = try JSONSerialization.data(withJSONObject: ["serial": "95100001", "name": "Счётчик \u{1F600}", "a": [1, 2]],
                                              options: [.prettyPrinted, .sortedKeys])
        #expect(OutsideText.hardenJSON(data) == Array(data))
        #expect(OutsideText.hardenJSON("{\"k\":\"\u{7f}\u{85}\u{2029}\u{2069}\"}") == #"{"k":"\u007f\u0085\u2029\u2069"}"#)
        // Bytes that are not UTF-8 pass through (the hardening does not repair them).
        #expect(OutsideText.hardenJSON([0x22, 0xC2, 0x22, 0xE2, 0x80, 0x22]) == [0x22, 0xC2, 0x22, 0xE2, 0x80, 0x22])
    }
}
