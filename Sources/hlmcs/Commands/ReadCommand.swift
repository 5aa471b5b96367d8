import ArgumentParser
import Concentrator
import DLMS
import ES951
import Foundation
import Operations
import TextSafety

/// `hlmcs read LINK OBIS [--attribute N]`: any object the device lists, every attribute
/// this association may read, by its Blue Book name; registers scaled, with units.
struct ReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "read", abstract: "Read any object the device lists, every attribute by name.")
    @Argument(help: ArgumentHelp("The object's logical name, e.g. 1.0.1.8.0.255.", valueName: "obis")) var obis: String
    @Option(name: .long, help: "Only this attribute.") var attribute: Int8?
    @OptionGroup var link: LinkArguments
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        var code: OBISCode?
        try await DeviceRun.run(global, link: link, actions: [.get], target: obis, validate: { context in
            let s = context.strings
            guard let parsed = OBISCode(obis) else { throw CommandFailure(status: .usage, message: s["cli.profile.badObis", OutsideText.forTerminal(obis, limit: 64)]) }
            if let attribute, attribute < 1 { throw CommandFailure(status: .usage, message: s["cli.read.badAttribute", String(attribute)]) }
            code = parsed
        }) { run in
            let s = run.strings
            let (entry, readings): (ObjectListEntry, [AttributeReading])
            do { (entry, readings) = try await run.op.readObject(code!, attribute: attribute) } catch let e as ObjectReadingError {
                switch e {
                case .notListed(let o): throw CommandFailure(status: .deviceRefused, message: s["cli.read.notListed", "\(o)"])
                case .notReadable(let o, let i): throw CommandFailure(status: .deviceRefused, message: s["cli.read.notReadable", "\(o)", String(i)])
                }
            }
            let className = InterfaceClasses.info(classID: entry.classID)?.name ?? "class \(entry.classID)"
            if run.context.options.json {
                for r in readings {
                    var json: [String: Any] = ["class": Int(entry.classID), "obis": "\(entry.obis)", "attribute": Int(r.index), "name": r.name]
                    switch r.value {
                    case .data(let d): json["value"] = ValueText.json(d)
                    case .scaled(let v): json["value"] = v.doubleValue; json["unit"] = v.unit.flatMap(s.unitSymbol) as Any
                    case .refused(let e): json["refused"] = Strings.dataAccessResultName(e)
                    case .secret: json["secret"] = true
                    }
                    run.context.emit(text: "", json: json)
                }
                return
            }
            Output.line("\(entry.classID)/\(entry.obis) v\(entry.version) (\(className))")
            for r in readings {
                let text: String
                switch r.value {
                case .data(let d): text = ValueText.text(d)
                case .scaled(let v): text = v.text(decimalSeparator: s.ru ? "," : ".") + (v.unit.flatMap(s.unitSymbol).map { " " + $0 } ?? "")
                case .refused(let e): text = s["cli.read.refused", Strings.dataAccessResultName(e)]
                case .secret: text = s["cli.read.secret"]
                }
                Output.line("  \(r.index) \(r.name) = \(text)")
            }
        }
    }
}
