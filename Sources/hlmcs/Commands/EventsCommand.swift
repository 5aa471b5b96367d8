import Accounts
import ArgumentParser
import Concentrator
import DLMS
import ES951
import Export
import Foundation
import Operations

/// `hlmcs events LINK [--point N] [--from T] [--to T] [--code N] [--csv FILE]` (SPEC.md
/// F-50, F-51): the grid event log of a point (0, the default, is the concentrator),
/// oldest first, with the event's name in the user's language.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "events", abstract: "The grid event log of a point (F-50).")
    @Option(name: .long, help: "The metering point (0 = the concentrator, the default).") var point: Int = 0
    @Option(name: .long, help: "From this time (ISO 8601).") var from: String?
    @Option(name: .long, help: "To this time (ISO 8601).") var to: String?
    @Option(name: .long, help: "Only this event code (1…63).") var code: Int?
    @OptionGroup var csv: CSVArguments
    @OptionGroup var link: LinkArguments
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        var range: (COSEMDateTime?, COSEMDateTime?) = (nil, nil)
        var format = CSVFormat.english
        let actions: [Action] = csv.csv == nil ? [.events] : [.events, .csvExport]
        try await DeviceRun.run(global, link: link, actions: actions, target: "point \(point)", validate: { context in
            range = try timeWindow(from: from, to: to, context)
            format = try csv.format(context)
            guard (0...65_535).contains(point) else { throw CommandFailure(status: .usage, message: context.strings.badPoint(point)) }
            if let code, !(1...63).contains(code) { throw CommandFailure(status: .usage, message: context.strings.badEventCode(code)) }
        }) { run in
            let read = { () async throws -> TableOutput in
                let records = try await run.concentrator.readEvents(point: point, from: range.0, to: range.1, code: code)
                return TableOutput.events(records, run.strings)
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
