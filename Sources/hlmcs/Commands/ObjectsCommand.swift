import Accounts
import ArgumentParser
import Concentrator
import DLMS
import ES951
import Foundation
import Operations

/// `hlmcs objects LINK`: the association's object list (15/0.0.40.0.0.255/2) compared
/// with the device map in use (built in, or `--map FILE`): objects missing from the
/// device, extra on it, or of another class or version, grouped. Exit status 1 when there
/// is any difference, 0 when none — what a field engineer runs the first time a real unit
/// is connected.
struct ObjectsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "objects", abstract: "The device's object list compared with the device map.")
    @OptionGroup var link: LinkArguments
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await DeviceRun.run(global, link: link, actions: [.objects], target: "") { run in
            let (comparison, listed) = try await run.op.checkObjects()
            let s = run.strings
            run.context.emit(text: Self.text(comparison, compared: listed, s), json: Self.json(comparison, compared: listed))
            let count = comparison.missing.count + comparison.extra.count + comparison.mismatched.count
            if count > 0 { throw CommandFailure(status: .deviceRefused, message: s.objectsDiffer(count, of: listed)) }
        }
    }

    /// The groups, each with a heading and one line per object; one line when none differ.
    static func text(_ c: ObjectListComparison, compared: Int, _ s: Strings) -> String {
        if c.isEmpty { return s.objectsMatch(compared) }
        var lines: [String] = []
        if !c.missing.isEmpty {
            lines.append(s.objectsMissing(c.missing.count))
            lines += c.missing.map { "  \($0.classID)/\($0.obis) v\($0.version)  \($0.name)" }
        }
        if !c.extra.isEmpty {
            lines.append(s.objectsExtra(c.extra.count))
            lines += c.extra.map { "  \($0.classID)/\($0.obis) v\($0.version)" }
        }
        if !c.mismatched.isEmpty {
            lines.append(s.objectsMismatched(c.mismatched.count))
            lines += c.mismatched.map { "  \($0.obis)  \($0.name): \(s.objectsMismatch($0))" }
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ c: ObjectListComparison, compared: Int) -> [String: Any] {
        [
            "compared": compared,
            "differences": c.missing.count + c.extra.count + c.mismatched.count,
            "missing": c.missing.map { ["class": Int($0.classID), "version": Int($0.version), "obis": "\($0.obis)", "name": $0.name] as [String: Any] },
            "extra": c.extra.map { ["class": Int($0.classID), "version": Int($0.version), "obis": "\($0.obis)"] as [String: Any] },
            "mismatched": c.mismatched.map {
                ["obis": "\($0.obis)", "name": $0.name, "map-class": Int($0.mapClass), "map-version": Int($0.mapVersion),
                 "device-class": Int($0.deviceClass), "device-version": Int($0.deviceVersion)] as [String: Any]
            },
        ]
    }
}
