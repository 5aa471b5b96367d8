import Accounts
import ArgumentParser
import Concentrator
import DLMS
import ES951
import Foundation
import Operations

/// `hlmcs clock LINK [--sync | --set ISO8601] [--time-zone UTC+3]` (SPEC.md F-32):
/// reads the clock, or sets it (from the PC's clock with `--sync`), and/or its time zone.
/// Writes need `set-clock` and are audited.
struct ClockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clock", abstract: "Read, set or synchronise the clock (F-32).")
    @Flag(name: .long, help: "Set the clock from this PC's clock.") var sync = false
    @Option(name: .long, help: ArgumentHelp("Set the clock to this time (ISO 8601).", valueName: "time")) var set: String?
    @Option(name: .customLong("time-zone"), help: ArgumentHelp("Set the time zone, e.g. UTC+3 or UTC-03:30.", valueName: "zone"))
    var timeZone: String?
    @OptionGroup var link: LinkArguments
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        var time: COSEMDateTime?
        var zoneMinutes: Int16?
        var actions: [Action] = []
        if sync || set != nil { actions.append(.clockWrite) }
        if timeZone != nil { actions.append(.timeZoneWrite) }
        if actions.isEmpty { actions = [.clockRead] }
        try await DeviceRun.run(global, link: link, actions: actions, target: set ?? (sync ? "sync" : ""), validate: { context in
            if sync && set != nil { throw CommandFailure(status: .usage, message: context.strings.syncOrSet) }
            if let set { time = try timeArgument(set, context) }
            if let timeZone {
                guard let minutes = TimeZoneRule.parse(timeZone) else { throw CommandFailure(status: .usage, message: context.strings.badTimeZone(timeZone)) }
                zoneMinutes = Int16(-minutes)   // Blue Book sign: −180 = UTC+3
            }
        }) { run in
            if let zoneMinutes {
                let outcome = try await run.op.setTimeZone(minutesEast: -Int(zoneMinutes))
                try run.requireAccepted([outcome], names: ["8/0.0.1.0.0.255/3"], wrote: "time-zone \(TimeZoneRule.text(-Int(zoneMinutes), .short))")
            }
            if let time {
                try run.requireAccepted([try await run.op.setClock(time)], names: ["8/0.0.1.0.0.255/2"],
                                        wrote: "clock \(ValueText.iso8601(time) ?? "")")
            } else if sync {
                try run.requireAccepted([try await run.op.syncClock()], names: ["8/0.0.1.0.0.255/2"], wrote: "clock sync")
            }
            let clock = try await run.concentrator.readClock()
            let s = run.strings
            let iso = ValueText.iso8601(clock.time) ?? clock.time.description
            let zone = TimeZoneRule.text(-Int(clock.timeZone), .short)
            run.context.emit(text: s["cli.clock.time"] + ": \(iso)\n" + s["cli.clock.timeZone"] + ": \(zone)"
                                + (clock.status.map { "\n" + s["cli.clock.status"] + ": " + String(format: "%02x", $0) } ?? ""),
                             json: ["time": iso, "time-zone": zone, "time-zone-minutes": Int(clock.timeZone),
                                    "status": clock.status.map { Int($0) as Any } ?? NSNull()])
        }
    }
}
