import Accounts
import ArgumentParser
import Concentrator
import DLMS
import ES951
import Export
import Foundation

extension ProfileKind: ExpressibleByArgument {}

/// `hlmcs profile LINK daily|monthly|active-max|reactive-max --point N [--from T] [--to T]
/// [--csv FILE] [--sep] [--decimal]` (SPEC.md F-40…F-42): oldest row first.
struct ProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "profile", abstract: "A profile of a metering point (F-40), optionally to CSV.")
    @Argument(help: "daily, monthly, active-max or reactive-max.") var kind: ProfileKind
    @Option(name: .long, help: "The metering point (1…N).") var point: Int
    @Option(name: .long, help: "From this time (ISO 8601).") var from: String?
    @Option(name: .long, help: "To this time (ISO 8601).") var to: String?
    @OptionGroup var csv: CSVArguments
    @OptionGroup var link: LinkArguments
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        var range: (COSEMDateTime?, COSEMDateTime?) = (nil, nil)
        var format = CSVFormat.english
        let actions: [Action] = csv.csv == nil ? [.profile] : [.profile, .csvExport]
        try await DeviceRun.run(global, link: link, actions: actions, target: "\(kind.rawValue) point \(point)", validate: { context in
            range = (try timeArgument(from, context), try timeArgument(to, context))
            format = try csv.format(context)
            guard (0...65_535).contains(point) else { throw CommandFailure(status: .usage, message: context.strings.badPoint(point)) }
        }) { run in
            let read = { () async throws -> TableOutput in
                let table = try await run.concentrator.readProfile(kind, point: point, from: range.0, to: range.1)
                return Self.output(table, run.strings)
            }
            if let path = csv.csv {
                let output = try await TableOutput.writeCSV(path, format: format, read)
                run.context.emit(text: run.strings.wroteCSV(path, rows: output.table.rows.count),
                                 json: ["ok": true, "file": path, "rows": output.table.rows.count])
            } else {
                try await read().emit(run.context)
            }
        }
    }

    /// Oldest first: the rows sorted by their time (rows without one keep their place at the start).
    static func output(_ table: ProfileTable, _ strings: Strings) -> TableOutput {
        let header = [strings.dateTimeColumn] + table.columns.map(strings.columnName)
        let keys = ["time"] + table.columns.map(\.name)
        let rows = table.rows.enumerated().sorted { a, b in
            let x = a.element.time?.secondsSince1970() ?? Int64.min, y = b.element.time?.secondsSince1970() ?? Int64.min
            return x != y ? x < y : a.offset < b.offset
        }.map { _, row -> [CSVCell] in
            [row.time.map(CSVCell.dateTime) ?? .empty] + row.values.map { cell -> CSVCell in
                switch cell {
                case .number(let value): .number(value)
                case .dateTime(let value): value.map(CSVCell.dateTime) ?? .empty
                case .text(let text): .text(text)
                case .other(let data): .text(ValueText.text(data))
                }
            }
        }
        return TableOutput(keys: keys, table: CSVTable(header: header, rows: rows))
    }
}
