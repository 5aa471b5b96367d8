import DLMS
import ES951
import Export
import Foundation
import Testing

@Suite struct CSVWriterTests {
    static func time(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, offset: Int = 180) -> COSEMDateTime {
        COSEMDateTime(year: y, month: mo, day: d, hour: h, minute: mi, second: 0, utcOffsetMinutes: offset)!
    }

    static let table = CSVTable(
        header: ["Дата-время", "A+, кВт·ч", "A−, кВт·ч"],
        rows: [[.dateTime(time(2026, 11, 1, 0, 0)), .number(ScaledValue(raw: 12345, scaler: -3)), .number(ScaledValue(raw: -5, scaler: -2))],
               [.dateTime(time(2026, 11, 2, 0, 0)), .number(ScaledValue(raw: 1234567, scaler: 0)), .integer(7)]])

    @Test func russianFileIsByteExact() {
        let bytes = CSVWriter.render(Self.table, format: .russian)
        // EF BB BF, then "Дата-время;A+, кВт·ч;A−, кВт·ч\r\n2026-11-01 00:00;12,345;-0,05\r\n2026-11-02 00:00;1234567;7\r\n"
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self)
            == "Дата-время;A+, кВт·ч;A−, кВт·ч\r\n2026-11-01 00:00;12,345;-0,05\r\n2026-11-02 00:00;1234567;7\r\n")
    }

    @Test func englishFileQuotesTheHeaderFieldsWithCommas() {
        let bytes = CSVWriter.render(Self.table, format: .english)
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self)
            == "Дата-время,\"A+, кВт·ч\",\"A−, кВт·ч\"\r\n2026-11-01 00:00,12.345,-0.05\r\n2026-11-02 00:00,1234567,7\r\n")
    }

    @Test func commaSeparatorWithDecimalCommaQuotesNumbers() {
        let format = CSVFormat(separator: ",", decimalSeparator: ",")
        let line = CSVWriter.line([.number(ScaledValue(raw: 1250, scaler: -2)), .text("x")], format: format)
        #expect(line == "\"12,50\",x\r\n")
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("a;b", "\"a;b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("cr\rhere", "\"cr\rhere\""),
        ("a,b", "a,b"),
        ("", ""),
    ])
    func quotingUnderTheSemicolonFormat(input: String, expected: String) {
        #expect(CSVWriter.field(input, format: .russian) == expected)
    }

    @Test func dateTimeUsesItsOwnFieldsWithoutConversion() {
        // 23:59 at UTC+3 stays 23:59 (device local time), whatever the PC's zone.
        #expect(CSVWriter.text(of: .dateTime(Self.time(2026, 1, 31, 23, 59, offset: 180)), format: .english) == "2026-01-31 23:59")
        #expect(CSVWriter.text(of: .dateTime(Self.time(2026, 1, 31, 23, 59, offset: -300)), format: .english) == "2026-01-31 23:59")
        var unspecified = Self.time(2026, 1, 31, 23, 59)
        unspecified.time.hour = 0xFF
        #expect(CSVWriter.text(of: .dateTime(unspecified), format: .english) == "")
    }

    @Test func noDigitGroupingAndExactScaling() {
        #expect(CSVWriter.text(of: .number(ScaledValue(raw: 123456789, scaler: -3)), format: .russian) == "123456,789")
        #expect(CSVWriter.text(of: .number(ScaledValue(raw: 12, scaler: 3)), format: .russian) == "12000")
    }

    // MARK: - Files

    static func folder() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func writesTheRenderedBytesAndLeavesNoTemporaryFile() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/daily.csv"
        try CSVWriter.write(Self.table, format: .russian, to: path)
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written == CSVWriter.render(Self.table, format: .russian))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["daily.csv"])
        // The same data gives the same file.
        try CSVWriter.write(Self.table, format: .russian, to: path)
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == written)
    }

    struct ReadFailed: Error {}

    @Test func aFailedReadLeavesNoFileAndKeepsAnOldOne() async throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/events.csv"
        await #expect(throws: ReadFailed.self) {
            try await CSVWriter.write(to: path, format: .english) { () async throws -> CSVTable in throw ReadFailed() }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
        // An existing file is left as it was.
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        await #expect(throws: ReadFailed.self) {
            try await CSVWriter.write(to: path, format: .english) { () async throws -> CSVTable in throw ReadFailed() }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["events.csv"])
    }

    @Test func aStreamedFileAppearsOnlyAtCommit() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/meters.csv"
        let file = try CSVFile(path: path, format: .russian, header: ["Точка", "Номер"])
        try file.append([.integer(1), .text("00012345")])
        #expect(!FileManager.default.fileExists(atPath: path))
        try file.commit()
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)).dropFirst(3), as: UTF8.self)
        #expect(text == "Точка;Номер\r\n1;00012345\r\n")
        #expect(throws: ExportError.finished(path: path)) { try file.append([.empty]) }
        let dropped = try CSVFile(path: folder + "/other.csv", format: .russian, header: ["a"])
        dropped.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["meters.csv"])
    }

    @Test func aMissingFolderIsCannotCreate() {
        #expect(throws: ExportError.cannotCreate(path: "/nonexistent-hlmcs/x.csv", errno: ENOENT)) {
            try CSVWriter.write(Self.table, format: .russian, to: "/nonexistent-hlmcs/x.csv")
        }
    }
}
