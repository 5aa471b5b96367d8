import Accounts
import ArgumentParser
import Concentrator
import DLMS
import ES951
import Export
import Foundation
import Operations

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
            range = try timeWindow(from: from, to: to, context)
            format = try csv.format(context)
            guard (0...65_535).contains(point) else { throw CommandFailure(status: .usage, message: context.strings.badPoint(point)) }
        }) { run in
            let read = { () async throws -> TableOutput in
                let table = try await run.concentrator.readProfile(kind, point: point, from: range.0, to: range.1)
                return TableOutput.profile(table, run.strings)
            }
            if let path = csv.csv {
                let rows = try await run.op.exportCSV(format: format, to: path) { try await read().table }
                run.context.emit(text: run.strings.wroteCSV(path, rows: rows), json: ["ok": true, "file": path, "rows": rows])
            } else {
                try await read().emit(run.context)
            }
        }
    }
}
