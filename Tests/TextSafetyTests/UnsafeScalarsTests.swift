import Testing
import TextSafety

/// The one set of scalars the rule never lets through as themselves.
@Suite struct UnsafeScalarsTests {
    @Test func c0DelAndC1AreUnsafeAndPrintableLatinIsNot() {
        for v in UInt32(0)...0xFF {
            let unsafe = v < 0x20 || (0x7F...0x9F).contains(v)
            #expect(OutsideText.isUnsafe(Unicode.Scalar(v)!) == unsafe, "U+\(String(v, radix: 16))")
        }
    }

    @Test func separatorsAndBidiControlsAreUnsafeTheirNeighboursAreNot() {
        for v: UInt32 in [0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069] {
            #expect(OutsideText.isUnsafe(Unicode.Scalar(v)!), "U+\(String(v, radix: 16))")
        }
        // Neighbours, the implicit marks, zero-width characters, the BOM, full-width ＝.
        for v: UInt32 in [0x2027, 0x202F, 0x2065, 0x206A, 0x200B, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF, 0x00AD, 0xFF1D, 0x1F600] {
            #expect(!OutsideText.isUnsafe(Unicode.Scalar(v)!), "U+\(String(v, radix: 16))")
        }
    }

    @Test func charactersAndStrings() {
        #expect(OutsideText.isUnsafe(Character("\r\n")))
        #expect(!OutsideText.isUnsafe(Character("e\u{301}")))
        #expect(OutsideText.containsUnsafe("meter\u{1b}"))
        #expect(!OutsideText.containsUnsafe("Счётчик 表 \u{1F600}"))
    }
}
