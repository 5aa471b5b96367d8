import TextSafety
import Accounts
import ArgumentParser
import Concentrator
import DLMS
import ES951
import Export
import Foundation
import Operations

extension ProfileKind: ExpressibleByArgument {}
extension EnergyUnit: ExpressibleByArgument {}

/// `hlmcs profile LINK daily|monthly|active-max|reactive-max --point N [--from T] [--to T]
/// [--unit wh|kwh|mwh] [--csv FILE] [--sep] [--decimal]` (SPEC.md F-40…F-42): oldest row
/// first; energy in the unit asked (as the TUI's `u`), exact, the header naming it.
/// `hlmcs profile LINK --obis OBIS [--point N] …`: any profile generic the device has, its
/// columns as its capture objects say; the point is selected only when given.
struct ProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "profile", abstract: "A profile of a metering point (F-40), optionally to CSV.")
    @Argument(help: "daily, monthly, active-max or reactive-max (or --obis).") var kind: ProfileKind?
    @Option(name: .long, help: ArgumentHelp("Any profile generic by its logical name, e.g. 1.0.99.1.0.255.", valueName: "obis")) var obis: String?
    @Option(name: .long, help: "The metering point (1…N); with --obis only when the device selects points.") var point: Int?
    @Option(name: .long, help: "From this time (ISO 8601).") var from: String?
    @Option(name: .long, help: "To this time (ISO 8601).") var to: String?
    @Option(name: .long, help: ArgumentHelp("Energy in wh, kwh or mwh (reactive in varh, kvarh, Mvarh); other units stay.", valueName: "unit"))
    var unit: EnergyUnit = .wh
    @OptionGroup var csv: CSVArguments
    @OptionGroup var link: LinkArguments
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        var range: (COSEMDateTime?, COSEMDateTime?) = (nil, nil)
        var format = CSVFormat.english
        let actions: [Action] = csv.csv == nil ? [.profile] : [.profile, .csvExport]
        var code: OBISCode?
        let target = (kind?.rawValue ?? obis ?? "") + (point.map { " point \($0)" } ?? "")
        try await DeviceRun.run(global, link: link, actions: actions, target: target, validate: { context in
            let s = context.strings
            switch (kind, obis) {
            case (nil, nil), (.some, .some): throw CommandFailure(status: .usage, message: s["cli.profile.kindOrObis"])
            case (.some, nil):
                guard point != nil else { throw CommandFailure(status: .usage, message: s["cli.profile.needsPoint"]) }
            case (nil, let text?):
                guard let parsed = OBISCode(text) else { throw CommandFailure(status: .usage, message: s["cli.profile.badObis", OutsideText.forTerminal(text, limit: 64)]) }
                code = parsed
            }
            range = try timeWindow(from: from, to: to, context)
            format = try csv.format(context)
            if let point, !(0...65_535).contains(point) { throw CommandFailure(status: .usage, message: s.badPoint(point)) }
        }) { run in
            let read = { () async throws -> TableOutput in
                let table = if let code {
                    try await run.concentrator.readProfile(obis: code, point: point, from: range.0, to: range.1)
                } else {
                    try await run.concentrator.readProfile(kind!, point: point!, from: range.0, to: range.1)
                }
                return TableOutput.profile(table, run.strings, energy: unit)
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
