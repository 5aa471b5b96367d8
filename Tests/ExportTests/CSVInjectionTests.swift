import DLMS
import ES951
import Export
import Foundation
import Testing

/// Issue 14: every text a CSV file holds goes through the spreadsheet rule — a text that a
/// spreadsheet would run as a formula gets a `'` in front, and control characters are
/// written as visible escapes — while numbers stay numbers.
@Suite struct CSVInjectionTests {
    static func body(_ table: CSVTable, _ format: CSVFormat = .russian) -> String {
        String(decoding: CSVWriter.render(table, format: format).dropFirst(3), as: UTF8.self)
    }

    @Test(arguments: [
        ("=1+1", "'=1+1"),
        ("+1+1", "'+1+1"),
        ("-1+1", "'-1+1"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\tSUM(1)", #"'\x09SUM(1)"#),
        ("\rSUM(1)", #"'\x0dSUM(1)"#),
    ])
    func eachFormulaPrefixIsNeutralised(_ text: String, _ written: String) {
        #expect(CSVWriter.text(of: .text(text), format: .russian) == written)
        #expect(CSVWriter.line([.integer(1), .text(text)], format: .russian) == "1;" + written + "\r\n")
    }

    @Test func knownPayloadsComeOutAsText() {
        let table = CSVTable(header: ["Точка", "Имя"], rows: [
            [.integer(1), .text(#"=HYPERLINK("http://x","y")"#)],
            [.integer(2), .text("+cmd|' /C calc'!A0")],
            [.integer(3), .text("@SUM(1)")],
        ])
        #expect(Self.body(table) == "Точка;Имя\r\n"
            + #"1;"'=HYPERLINK(""http://x"",""y"")""# + "\r\n"
            + "2;'+cmd|' /C calc'!A0\r\n"
            + "3;'@SUM(1)\r\n")
        // Under the comma format the HYPERLINK cell is quoted for its comma as well.
        #expect(Self.body(table, .english).contains(#"1,"'=HYPERLINK(""http://x"",""y"")""#))
    }

    @Test func numbersAreNotTouched() {
        // Numbers the program formats…
        #expect(CSVWriter.line([.number(ScaledValue(raw: -125, scaler: -1)), .integer(-12),
                                .number(ScaledValue(raw: -5, scaler: -2))], format: .russian) == "-12,5;-12;-0,05\r\n")
        #expect(CSVWriter.line([.number(ScaledValue(raw: -125, scaler: -1))], format: .english) == "-12.5\r\n")
        // …and text cells that are plain numbers.
        for number in ["-12.5", "+3", "-0,5", "-7"] {
            #expect(CSVWriter.text(of: .text(number), format: .english) == number)
        }
        #expect(CSVWriter.line([.text("-0,5")], format: .english) == "\"-0,5\"\r\n")
    }

    @Test func headerNamesFollowTheRuleToo() {
        #expect(CSVWriter.headerLine(["=cmd", "A+, кВт·ч", "-1"], format: .russian) == "'=cmd;A+, кВт·ч;-1\r\n")
    }

    @Test func aDeviceStringCannotBreakTheRowOrReachATerminal() {
        let line = CSVWriter.line([.integer(1), .text("95100001\r\n2;=1+1\u{1b}[2J\u{9b}\u{202e}")], format: .russian)
        // Quoted for its `;`; CR and LF shown, not obeyed: one line.
        #expect(line == #"1;"95100001\x0d\x0a2;=1+1\x1b[2J\x9b\u{202e}""# + "\r\n")
        #expect(line.split(separator: "\r\n").count == 1)
    }

    @Test func terminalTextShowsTextCellsWithoutTheQuotePrefix() {
        #expect(CSVWriter.terminalText(of: .text("=1+1\u{1b}[2J"), format: .russian) == #"=1+1\x1b[2J"#)
        #expect(CSVWriter.terminalText(of: .text(String(repeating: "x", count: 1000)), format: .russian, limit: 20) == "xxxxxxxxxxxx…(+988)")
        #expect(CSVWriter.terminalText(of: .number(ScaledValue(raw: -125, scaler: -1)), format: .russian) == "-12,5")
    }

    @Test func theStreamedFileAppliesTheRule() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/meters.csv"
        let file = try CSVFile(path: path, format: .russian, header: ["Точка", "Номер"])
        try file.append([.integer(1), .text("=1+1")])
        try file.commit()
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)).dropFirst(3), as: UTF8.self)
        #expect(text == "Точка;Номер\r\n1;'=1+1\r\n")
    }
}
