import TextSafety
import ArgumentParser
import DLMS
import ES951
import Export
import Foundation
import Operations

/// The commands' ways of giving a table: text or JSON lines on standard output.
extension TableOutput {
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
}

/// `--from`/`--to` (SPEC.md: ISO 8601; without an offset, the PC's local time) as COSEM
/// date-times; a bad one is status 2.
func timeArgument(_ text: String?, _ context: CommandContext) throws -> COSEMDateTime? {
    try timeArgument(text, context.strings)
}

/// `--from` and `--to` together: each a time, and the window not reversed (a `--from`
/// after `--to` would read nothing and say nothing).
func timeWindow(from: String?, to: String?, _ context: CommandContext) throws -> (COSEMDateTime?, COSEMDateTime?) {
    let window = (try timeArgument(from, context.strings), try timeArgument(to, context.strings))
    if let start = window.0?.secondsSince1970(), let end = window.1?.secondsSince1970(), start > end {
        throw CommandFailure(status: .usage, message: context.strings.reversedWindow(from: from ?? "", to: to ?? ""))
    }
    return window
}

func timeArgument(_ text: String?, _ strings: Strings) throws -> COSEMDateTime? {
    guard let text else { return nil }
    guard let value = ValueInput.dateTime(text, timeZone: .current) else {
        throw CommandFailure(status: .usage, message: strings.badTime(text))
    }
    return value
}
