import Testing
import TextSafety

/// `forSpreadsheet`: a CSV text cell a spreadsheet never runs (OWASP CSV injection).
@Suite struct SpreadsheetFormTests {
    @Test(arguments: [
        ("=1+1", "'=1+1"),
        ("+1+1", "'+1+1"),
        ("-1+1", "'-1+1"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\t=1+1", #"'\x09=1+1"#),
        ("\r=1+1", #"'\x0d=1+1"#),
        (#"=HYPERLINK("http://x","y")"#, #"'=HYPERLINK("http://x","y")"#),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-", "'-"),
        ("=", "'="),
        ("+7 (495) 123-45-67", "'+7 (495) 123-45-67"),
    ])
    func formulaPrefixesAreNeutralised(_ text: String, _ cell: String) {
        #expect(OutsideText.startsLikeFormula(text))
        #expect(OutsideText.forSpreadsheet(text) == cell)
    }

    @Test(arguments: ["-12.5", "+3", "-0,5", "-7", "+1e3", "-2.5E-3", "12.5", "0"])
    func numbersStayNumbers(_ text: String) {
        #expect(OutsideText.isSpreadsheetNumber(text))
        #expect(!OutsideText.startsLikeFormula(text))
        #expect(OutsideText.forSpreadsheet(text) == text)
    }

    @Test(arguments: ["", "-", "+", "1.", ".5", "-1.2.3", "1,000,000", "- 1", "1e", "-1e+", "−1", "１", "0x1F", "-١"])
    func notNumbers(_ text: String) {
        #expect(!OutsideText.isSpreadsheetNumber(text))
    }

    @Test(arguments: [" =1+1", "＝1+1", "a=b", "Счётчик 7", "'=1+1", "", "95100001"])
    func otherTextIsLeftAlone(_ text: String) {
        #expect(!OutsideText.startsLikeFormula(text))
        #expect(OutsideText.forSpreadsheet(text) == text)
    }

    @Test func controlCharactersInsideACellAreShownNotObeyed() {
        #expect(OutsideText.forSpreadsheet("meter\u{1b}[2J\nline 2") == #"meter\x1b[2J\x0aline 2"#)
        #expect(OutsideText.forSpreadsheet("a\u{202e}b") == #"a\u{202e}b"#)
        for text in RandomText.strings(1000) {
            let cell = OutsideText.forSpreadsheet(text)
            #expect(!OutsideText.containsUnsafe(cell))
            #expect(!OutsideText.startsLikeFormula(cell))
        }
    }
}
