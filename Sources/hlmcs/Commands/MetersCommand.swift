import Accounts
import ArgumentParser
import Concentrator
import DLMS
import ES951
import Export
import Foundation
import Operations

/// `hlmcs meters LINK [--status] [--csv FILE]` (SPEC.md F-35): the meter list, read a
/// page at a time (entry selective access); `--status` adds each meter's poll status.
struct MetersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "meters", abstract: "The meter list (F-35), optionally with poll status.")
    @Flag(name: .long, help: "Add each meter's poll status (state, last good and failed poll, failures).") var status = false
    @OptionGroup var csv: CSVArguments
    @OptionGroup var link: LinkArguments
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        var format = CSVFormat.english
        let actions: [Action] = csv.csv == nil ? [.meters] : [.meters, .csvExport]
        try await DeviceRun.run(global, link: link, actions: actions, target: "", validate: { context in
            format = try csv.format(context)
        }) { run in
            let read = { () async throws -> TableOutput in
                if await run.concentrator.meterListIsData {
                    // A СПОДУС list: id, model and channels; it has no poll status.
                    if status { throw ConcentratorError.lacks("poll-status") }
                    return TableOutput.listedMeters(try await run.concentrator.readListedMeters(), run.strings)
                }
                let meters = try await run.concentrator.readMeters(pageSize: 50)
                let statuses = status ? try await run.concentrator.readPollStatus(pageSize: 50) : []
                return TableOutput.meters(meters, statuses: status ? statuses : nil, run.strings)
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
