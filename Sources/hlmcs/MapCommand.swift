import ArgumentParser
import Concentrator
import ES951
import Foundation
import Operations
import TextSafety

/// `hlmcs map learn LINK --out FILE`: a draft device map from what the device says;
/// `hlmcs map check FILE`: whether a map file loads, and where it does not.
/// A map in `$XDG_CONFIG_HOME/hlmcs/maps/` is then chosen for the devices its
/// `conventions.deviceNamePrefixes` name; `--map FILE` uses it for one command.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map", abstract: "Learn a device map from a device, or check a map file.",
        subcommands: [Learn.self, Check.self])

    struct Learn: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a draft map of the device: its objects, the types read, this client's access, the roles matched.")
        @Option(name: .long, help: ArgumentHelp("The map file to write (not overwritten).", valueName: "file")) var out: String
        @OptionGroup var link: LinkArguments
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await DeviceRun.run(global, link: link, actions: [.objects], target: out, learns: false, validate: { context in
                if FileManager.default.fileExists(atPath: out) {
                    throw CommandFailure(status: .usage, message: context.strings["cli.map.exists", OutsideText.forTerminal(out, limit: 200)])
                }
            }) { run in
                let s = run.strings
                let quiet = run.context.options.json
                let map = try await run.op.learnMap { done, total in
                    if !quiet, total > 0, done % 10 == 0 || done == total { Output.message("hlmcs: " + s["cli.map.progress", String(done), String(total)]) }
                }
                let text = map.jsonText(description: "Learned from the device \(map.name.dropFirst("learned ".count)): the objects it lists, the types read, access rights of client \(await run.concentrator.connection.configuration.clientAddress) only. A draft: check the roles and conventions.")
                do {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .withoutOverwriting)
                } catch {
                    throw CommandFailure(status: .usage, message: s["cli.map.cannotWrite", OutsideText.forTerminal(out, limit: 200)])
                }
                let matched = map.objects.filter { !$0.name.hasPrefix("\($0.classID)-") }.count
                run.context.emit(text: s["cli.map.learned", OutsideText.forTerminal(out, limit: 200), String(map.objects.count), String(matched)],
                                 json: ["ok": true, "file": out, "objects": map.objects.count, "roles": matched])
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check that a map file loads; say where it does not (line and column).")
        @Argument(help: ArgumentHelp("The map file.", valueName: "file")) var file: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let s = Strings(language: Language.resolve(global.lang, environment: ProcessInfo.processInfo.environment))
            let map: DeviceMap
            do { map = try DeviceMapFile.load(file) } catch {
                throw s.failure(for: error)
            }
            let text = s["cli.map.ok", OutsideText.forTerminal(file, limit: 200), OutsideText.forTerminal(map.name, limit: 64),
                         String(map.objects.count), String(map.alternatives.count), String(map.roles.count)]
            if global.json {
                Output.line(#"{"ok":true,"objects":\#(map.objects.count),"alternatives":\#(map.alternatives.count),"roles":\#(map.roles.count)}"#)
            } else {
                Output.line(text)
            }
        }
    }
}
