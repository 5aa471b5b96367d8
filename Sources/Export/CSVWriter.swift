import DLMS
import ES951
import TextSafety

/// The CSV of SPEC.md F-42, built as bytes: UTF-8 with a byte-order mark (so Excel reads
/// it as UTF-8), a header line, then one line per row; lines end with CR LF (RFC 4180).
/// Nothing variable (no export time) goes in, so the same data gives the same bytes.
///
/// Every text the file holds — header names and ``CSVCell/text(_:)`` cells, which may come
/// from the device — goes through `OutsideText.forSpreadsheet` (issue 14): a text a
/// spreadsheet would take for a formula (`=…`, `+…`, `-…`, `@…`, TAB or CR first) gets a
/// `'` in front, and control characters are written as visible escapes (`\x1b`), so a
/// row is one line. Numbers, whole numbers and date-times are the program's own and are
/// written as they are: a negative value stays a number (`-0,05`).
///
/// ```swift
/// let table = CSVTable(header: ["Дата-время", "A+, кВт·ч"],
///                      rows: [[.dateTime(t), .number(ScaledValue(raw: 12345, scaler: -3))]])
/// CSVWriter.render(table, format: .russian)   // EF BB BF "Дата-время;A+, кВт·ч\r\n2026-11-01 00:00;12,345\r\n"
/// ```
public enum CSVWriter {
    /// UTF-8 byte-order mark, first in every file.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    public static let lineEnd = "\r\n"

    /// The whole file: byte-order mark, header, rows.
    public static func render(_ table: CSVTable, format: CSVFormat) -> [UInt8] {
        var bytes = byteOrderMark
        bytes += Array(headerLine(table.header, format: format).utf8)
        for row in table.rows { bytes += Array(line(row, format: format).utf8) }
        return bytes
    }

    /// The header line, its line end included; names are text cells.
    public static func headerLine(_ names: [String], format: CSVFormat) -> String {
        names.map { field(OutsideText.forSpreadsheet($0), format: format) }.joined(separator: String(format.separator)) + lineEnd
    }

    /// One row, its line end included.
    public static func line(_ cells: [CSVCell], format: CSVFormat) -> String {
        cells.map { field(text(of: $0, format: format), format: format) }
            .joined(separator: String(format.separator)) + lineEnd
    }

    /// A cell's text before quoting; a text cell through the spreadsheet rule.
    public static func text(of cell: CSVCell, format: CSVFormat) -> String {
        switch cell {
        case .text(let text): OutsideText.forSpreadsheet(text)
        case .number(let value): value.text(decimalSeparator: String(format.decimalSeparator))
        case .integer(let value): String(value)
        case .dateTime(let value): dateTimeText(value) ?? ""
        case .empty: ""
        }
    }

    /// A cell's text for a terminal (a table printed by a command): a text cell in
    /// `OutsideText.forTerminal` form (control characters as visible escapes, cut at
    /// `limit` characters, no `'` in front), any other cell as ``text(of:format:)`` has it.
    public static func terminalText(of cell: CSVCell, format: CSVFormat,
                                    limit: Int? = OutsideText.terminalLimit) -> String {
        if case .text(let text) = cell { return OutsideText.forTerminal(text, limit: limit) }
        return Self.text(of: cell, format: format)
    }

    /// `YYYY-MM-DD HH:MM` from the fields themselves, or nil when one is unspecified.
    public static func dateTimeText(_ value: COSEMDateTime) -> String? {
        let d = value.date, t = value.time
        guard d.year != 0xFFFF, (1...12).contains(d.month), (1...31).contains(d.dayOfMonth),
              t.hour < 24, t.minute < 60 else { return nil }
        return pad(Int(d.year), 4) + "-" + pad(Int(d.month), 2) + "-" + pad(Int(d.dayOfMonth), 2)
            + " " + pad(Int(t.hour), 2) + ":" + pad(Int(t.minute), 2)
    }

    /// RFC 4180 quoting: a field holding the separator, a quote, CR or LF is put in
    /// quotes, its quotes doubled; any other field is written as is. (Text cells reach it
    /// with CR and LF already escaped; the check stays for any other caller.)
    public static func field(_ text: String, format: CSVFormat) -> String {
        let needsQuotes = text.contains { $0 == format.separator || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Writes `table` to `path` through a temporary file in the same folder, renamed at
    /// the end: a reader never sees half a file, and a failure leaves no file.
    public static func write(_ table: CSVTable, format: CSVFormat, to path: String) throws(ExportError) {
        let file = try CSVFile(path: path, format: format, header: table.header)
        do {
            for row in table.rows { try file.append(row) }
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    /// Produces the table (a device read) and writes it; when `produce` throws, nothing is
    /// written and its error is rethrown — a failed read leaves no file.
    public static func write(to path: String, format: CSVFormat,
                             producing produce: () async throws -> CSVTable) async throws {
        let file = try CSVFile(path: path, format: format, header: nil)
        do {
            let table = try await produce()
            try file.appendHeader(table.header)
            for row in table.rows { try file.append(row) }
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
