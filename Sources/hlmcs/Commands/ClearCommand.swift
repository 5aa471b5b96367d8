import Accounts
import ArgumentParser
import Concentrator
import DLMS
import ES951
import Foundation
import Operations

/// `hlmcs clear LINK events|profiles|meters (--point N | --all-points) --yes` (SPEC F-61):
/// the profile reset method of the event log or of the four commercial profiles, point by
/// point, or the meter-removal object; every reset read back (entries in use, the list).
/// Without `--yes` it says what it would clear and exits 2 before logging in — never a
/// prompt. Audited as `clear events point 3` (or `… all`); a refusal (NLS: the device
/// refuses every reset) says what was cleared before it (exit 1).
struct ClearCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clear", abstract: "Clear events, profiles or meters of a point or of all (F-61).")
    @Argument(help: ArgumentHelp("What to clear.", valueName: "events|profiles|meters")) var target: String
    @Option(name: .long, help: "The metering point (0 = the concentrator, for events and profiles).") var point: Int?
    @Flag(name: .customLong("all-points"), help: "Every point: 0 and every meter of the list (meters: the whole list).") var allPoints = false
    @Flag(name: .long, help: "Clear for good (without it nothing is cleared, exit status 2).") var yes = false
    @OptionGroup var link: LinkArguments
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        var chosen = ClearTarget.events
        let scope = point.map { "point \($0)" } ?? "all"
        try await DeviceRun.run(global, link: link, actions: [.clear], target: "clear \(target) \(scope)", validate: { context in
            let s = context.strings
            guard let t = ClearTarget(rawValue: target) else {
                throw CommandFailure(status: .usage, message: s.clearUnknownTarget(target))
            }
            chosen = t
            guard (point == nil) != !allPoints else { throw CommandFailure(status: .usage, message: s.clearPointOrAll) }
            if let point, !(0...65_535).contains(point) || (t == .meters && point == 0) { throw CommandFailure(status: .usage, message: s.badPoint(point)) }
            guard yes else { throw CommandFailure(status: .usage, message: s.clearNeedsYes(t, point: point)) }
        }) { run in
            let steps = try await run.op.clear(chosen, point: point)
            try Self.report(steps, chosen, run)
            try run.requireAccepted(steps.map(\.outcome), names: steps.map { $0.object + ($0.point.map { " point \($0)" } ?? "") },
                                    wrote: "reset")
        }
    }

    /// One line (or JSON object) per point whose every reset was taken, in order.
    static func report(_ steps: [ClearStep], _ target: ClearTarget, _ run: DeviceRun) throws {
        let s = run.strings
        if steps.isEmpty { run.context.emit(text: s.clearedNothing(target), json: ["target": target.rawValue, "cleared": [String]()]) }
        var order: [Int?] = []
        for step in steps where !order.contains(step.point) { order.append(step.point) }
        for point in order {
            let ofPoint = steps.filter { $0.point == point }
            guard ofPoint.allSatisfy({ $0.outcome == .accepted }) else { continue }
            let names = ofPoint.map(\.object)
            var json: [String: Any] = ["target": target.rawValue, "cleared": names]
            if let point { json["point"] = point } else { json["all"] = true }
            let text: String = switch (target, point) {
            case (.events, let p?): s.clearedEvents(point: p)
            case (.profiles, let p?): s.clearedProfiles(point: p, names)
            case (.meters, let p?): s.clearedMeter(point: p)
            default: s.clearedAllMeters
            }
            run.context.emit(text: text, json: json)
        }
    }
}
