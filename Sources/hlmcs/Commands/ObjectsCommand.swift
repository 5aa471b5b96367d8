import TextSafety
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
    @Flag(name: .long, help: "List every object of the device: class, version, logical name, the role it fills in the map, and this association's access.")
    var list = false
    @OptionGroup var link: LinkArguments
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await DeviceRun.run(global, link: link, actions: [.objects], target: "") { run in
            if list {
                let objects = try await run.op.listObjects()
                if run.context.options.json {
                    for (e, role) in objects {
                        run.context.emit(text: "", json: ["class": Int(e.classID), "version": Int(e.version), "obis": "\(e.obis)",
                                                          "role": role as Any, "read": Self.attributes(e, read: true),
                                                          "write": Self.attributes(e, read: false),
                                                          "methods": e.methods.filter { $0.mode > 0 }.map { Int($0.index) }])
                    }
                } else {
                    Output.line(run.strings["cli.objects.listHeader"])
                    for (e, role) in objects {
                        Output.line("\(e.classID)/\(e.obis)\tv\(e.version)\t\(role ?? "—")\t\(Self.accessText(e))")
                    }
                }
                // The logical devices a SAP assignment lists (one per meter on a СПОДУС unit).
                let devices = await run.concentrator.learned?.logicalDevices ?? []
                if !devices.isEmpty {
                    if run.context.options.json {
                        run.context.emit(text: "", json: ["logical-devices": devices.map { ["sap": Int($0.sap), "name": $0.name] as [String: Any] }])
                    } else {
                        Output.line(run.strings["cli.objects.logicalDevices", devices.map { "\($0.sap) \(OutsideText.forTerminal($0.name, limit: 48))" }.joined(separator: ", ")])
                    }
                }
                return
            }
            let (comparison, listed) = try await run.op.checkObjects()
            let s = run.strings
            run.context.emit(text: Self.text(comparison, compared: listed, s), json: Self.json(comparison, compared: listed))
            let count = comparison.missing.count + comparison.extra.count + comparison.mismatched.count
            if count > 0 { throw CommandFailure(status: .deviceRefused, message: s.objectsDiffer(count, of: listed)) }
        }
    }

    /// Attribute indices this association may read (or write): modes 1, 3, 4, 6 read;
    /// 2, 3, 5, 6 write (Blue Book, class 15).
    static func attributes(_ e: ObjectListEntry, read: Bool) -> [Int] {
        e.attributes.filter { (read ? [1, 3, 4, 6] : [2, 3, 5, 6]).contains($0.mode) }.map { Int($0.index) }
    }

    /// `r 1-3,5 w 2 m 1`; `?` for a list that gives no rights.
    static func accessText(_ e: ObjectListEntry) -> String {
        guard !e.attributes.isEmpty else { return "?" }
        var parts: [String] = []
        let r = attributes(e, read: true), w = attributes(e, read: false)
        let m = e.methods.filter { $0.mode > 0 }.map { Int($0.index) }
        if !r.isEmpty { parts.append("r " + r.map(String.init).joined(separator: ",")) }
        if !w.isEmpty { parts.append("w " + w.map(String.init).joined(separator: ",")) }
        if !m.isEmpty { parts.append("m " + m.map(String.init).joined(separator: ",")) }
        return parts.isEmpty ? "-" : parts.joined(separator: " ")
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
