import Accounts
import ArgumentParser
import Concentrator
import DLMS
import ES951
import Foundation

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
                guard let minutes = Self.utcOffset(timeZone) else { throw CommandFailure(status: .usage, message: context.strings.badTimeZone(timeZone)) }
                zoneMinutes = Int16(-minutes)   // Blue Book sign: −180 = UTC+3
            }
        }) { run in
            if let zoneMinutes {
                try await run.write(.timeZoneWrite, target: "time-zone \(Self.zoneText(-Int(zoneMinutes)))", attributes: ["8/0.0.1.0.0.255/3"]) {
                    [try await run.concentrator.setTimeZone(minutes: zoneMinutes)]
                }
            }
            if let time {
                try await run.write(.clockWrite, target: "clock \(ValueText.iso8601(time) ?? "")", attributes: ["8/0.0.1.0.0.255/2"]) {
                    [try await run.concentrator.setClock(time)]
                }
            } else if sync {
                try await run.write(.clockWrite, target: "clock sync", attributes: ["8/0.0.1.0.0.255/2"]) {
                    [try await run.concentrator.syncClock(now: Date())]
                }
            }
            let clock = try await run.concentrator.readClock()
            let s = run.strings
            let iso = ValueText.iso8601(clock.time) ?? clock.time.description
            let zone = Self.zoneText(-Int(clock.timeZone))
            run.context.emit(text: s.t("Time", "Время") + ": \(iso)\n" + s.t("Time zone", "Часовой пояс") + ": \(zone)"
                                + (clock.status.map { "\n" + s.t("Status", "Статус") + ": " + String(format: "%02x", $0) } ?? ""),
                             json: ["time": iso, "time-zone": zone, "time-zone-minutes": Int(clock.timeZone),
                                    "status": clock.status.map { Int($0) as Any } ?? NSNull()])
        }
    }

    /// `UTC+3`, `UTC-03:30`, `+03:00`, `UTC` → minutes east of UTC, by the rule of a `.set`
    /// file's `clock.time-zone` (quarter hours, UTC−12…UTC+14), so `UTC+3:07` — a typo —
    /// is refused, not written. "GMT" is read as "UTC".
    static func utcOffset(_ text: String) -> Int? {
        var t = text.trimmingCharacters(in: .whitespaces).uppercased()
        if t.hasPrefix("GMT") { t = "UTC" + t.dropFirst(3) }
        return DeviceSettings.parseZone(t)
    }

    static func zoneText(_ minutesEast: Int) -> String {
        let sign = minutesEast < 0 ? "-" : "+", m = abs(minutesEast)
        return "UTC" + sign + String(m / 60) + (m % 60 == 0 ? "" : String(format: ":%02d", m % 60))
    }
}
