import TextSafety
import ArgumentParser
import DLMS
import ES951
import Export
import Foundation

/// Rows for people, scripts and Excel from one description: text (tab-separated with a
/// header), JSON lines (`keys` as names), or a CSV file written atomically.
struct TableOutput {
    var keys: [String]
    var table: CSVTable

    func emit(_ context: CommandContext) {
        let format: CSVFormat = context.language == .ru ? CSVFormat(separator: "\t", decimalSeparator: ",")
                                                        : CSVFormat(separator: "\t", decimalSeparator: ".")
        if !context.options.json { Output.line(table.header.map { OutsideText.forTerminal($0, limit: nil) }.joined(separator: "\t")) }
        for row in table.rows {
            var object: [String: Any] = [:]
            for (key, cell) in zip(keys, row) { object[key] = Self.json(cell) }
            // One cell, one column: a tab or newline inside a device's text is shown escaped.
            context.emit(text: row.map { CSVWriter.terminalText(of: $0, format: format, limit: nil) }.joined(separator: "\t"), json: object)
        }
    }

    static func json(_ cell: CSVCell) -> Any {
        switch cell {
        case .text(let text): text
        case .number(let value): number(value)
        case .integer(let value): value
        case .dateTime(let value): ValueText.iso8601(value) ?? NSNull()
        case .empty: NSNull()
        }
    }

    /// A scaled value in JSON: exact while it is a whole number that fits an Int64; else
    /// the nearest double (a large scaler) — never a silent 0.
    static func number(_ value: ScaledValue) -> NSNumber {
        if value.scaler >= 0, let exact = Int64(value.text()) { return NSNumber(value: exact) }
        return NSNumber(value: value.doubleValue)
    }

    /// A read run through `produce`, then written to `path`; nothing is left behind when
    /// the read fails. Returns the table (for the summary line).
    static func writeCSV(_ path: String, format: CSVFormat, _ produce: () async throws -> TableOutput) async throws -> TableOutput {
        var made: TableOutput?
        try await CSVWriter.write(to: path, format: format) {
            let output = try await produce()
            made = output
            return output.table
        }
        return made!
    }
}

/// Column names people read, in their language.
extension Strings {
    var dateTimeColumn: String { t("Date-time", "Дата-время") }

    /// `A+ (Wh)`: the map's column name as SPEC.md F-42 names it, with the unit.
    func columnName(_ column: ProfileTable.Column) -> String {
        let base: String = switch column.name {
        case "active-energy-import": "A+"
        case "active-energy-export": "A−"
        case "reactive-energy-import": "R+"
        case "reactive-energy-export": "R−"
        case "active-max-demand": t("P max", "P макс")
        case "reactive-max-demand": t("Q max", "Q макс")
        case "active-max-demand.capture-time", "reactive-max-demand.capture-time": t("Time of max", "Время максимума")
        default: column.name
        }
        guard let unit = column.unit, let symbol = unitSymbol(unit) else { return base }
        return base + " (" + symbol + ")"
    }

    func unitSymbol(_ unit: DLMSUnit) -> String? {
        guard ru else { return unit.symbol }
        switch unit.rawValue {
        case 27: return "Вт"
        case 29: return "вар"
        case 30: return "Вт·ч"
        case 32: return "вар·ч"
        case 35: return "В"
        case 7: return "с"
        default: return unit.symbol
        }
    }

    func badSeparator(_ text: String) -> String { t("--sep takes ';' or ',', not \(text.debugDescription).", "--sep принимает ';' или ',', а не \(text.debugDescription).") }
    func badDecimal(_ text: String) -> String { t("--decimal takes ',' or '.', not \(text.debugDescription).", "--decimal принимает ',' или '.', а не \(text.debugDescription).") }
    func wroteCSV(_ path: String, rows: Int) -> String { t("\(rows) rows written to \(path).", "Записано строк: \(rows), файл \(path).") }
}

/// `--from`/`--to` (SPEC.md: ISO 8601; without an offset, the PC's local time) as COSEM
/// date-times; a bad one is status 2.
func timeArgument(_ text: String?, _ context: CommandContext) throws -> COSEMDateTime? {
    guard let text else { return nil }
    guard let value = ValueInput.dateTime(text, timeZone: .current) else {
        throw CommandFailure(status: .usage, message: context.strings.badTime(text))
    }
    return value
}
