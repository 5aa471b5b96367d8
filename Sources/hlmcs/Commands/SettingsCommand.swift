import TextSafety
import Accounts
import ArgumentParser
import Concentrator
import DLMS
import ES951
import Foundation

/// `hlmcs settings export LINK FILE.set | import LINK FILE.set [--dry-run]` (SPEC F-60):
/// the writable settings of a concentrator to and from a `.set` file (`SettingsFile`,
/// documented in man hlmcs). Import refuses a broken file whole before touching the
/// device (exit 2, the line named), shows every change old → new, writes only what
/// changes, one value at a time, each read back; a refusal midway says exactly what was
/// and was not written (exit 1).
struct SettingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Export or import a .set settings file (F-60).",
        subcommands: [SettingsExport.self, SettingsImport.self])
}

struct SettingsExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Save the concentrator's settings to a .set file.")
    @OptionGroup var link: LinkArguments
    @Argument(help: ArgumentHelp("The file to write.", valueName: "file.set")) var file: String
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await DeviceRun.run(global, link: link, actions: [.settingsExport], target: file) { run in
            let current = try await DeviceSettingsIO.read(run.concentrator)
            let text = current.file.text(exportedAt: ISO8601DateFormatter().string(from: Date()))
            do {
                try DeviceSettingsIO.writeAtomically(text, to: file)
            } catch {
                throw CommandFailure(status: .usage, message: run.strings.cannotWriteFile(file, "\(error)"))
            }
            run.audit(.settingsExport, target: file, .success)
            let count = current.file.settings.keys.count
            run.context.emit(text: run.strings.settingsExported(count, file), json: ["file": file, "settings": count])
        }
    }
}

struct SettingsImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Write a .set file's settings into the concentrator.")
    @OptionGroup var link: LinkArguments
    @Argument(help: ArgumentHelp("The file to read.", valueName: "file.set")) var file: String
    @Flag(name: .customLong("dry-run"), help: "Show what would change; write nothing.") var dryRun = false
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        var parsed: SettingsFile?
        try await DeviceRun.run(global, link: link, actions: dryRun ? [.settingsExport] : [.settingsImport], target: file, validate: { context in
            parsed = try DeviceSettingsIO.load(file, strings: context.strings)
        }) { run in
            guard let wanted = parsed else { return }
            let s = run.strings
            // A time-zone change needs set-clock as well: asked before anything is written.
            let current = try await DeviceSettingsIO.read(run.concentrator)
            if wanted.model != current.file.model {
                throw CommandFailure(status: .usage, message: s.settingsProblem(file, .init(line: 0, .otherModel(file: OutsideText.forTerminal(wanted.model, limit: 80), device: OutsideText.forTerminal(current.file.model, limit: 80)))))
            }
            let changes = DeviceSettingsIO.changes(from: current.file.settings, to: wanted.settings)
            if !dryRun, changes.contains(where: { $0.key == .timeZone }) {
                try run.context.store.authorize(run.session, .timeZoneWrite, target: file, now: Date())
            }
            if let problem = DeviceSettingsIO.invalid(changes, current: current, wanted: wanted.settings) {
                throw CommandFailure(status: .usage, message: s.settingsInvalidTogether(file, problem))
            }
            for change in changes {
                run.context.emit(text: "\(change.key.rawValue): \(change.old) → \(change.new)",
                                 json: ["key": change.key.rawValue, "old": change.old, "new": change.new, "written": false])
            }
            if changes.isEmpty { run.context.emit(text: s.settingsNothingToChange, json: ["changes": 0]) }
            guard !dryRun, !changes.isEmpty else { return }
            let audit = try await run.beginWrite(.settingsImport, target: file)
            let outcome: DeviceSettingsIO.Outcome
            do { outcome = try await DeviceSettingsIO.write(changes, current: current, wanted: wanted.settings, run: run) } catch {
                run.finish(audit, .failure)
                throw error
            }
            run.finish(audit, outcome.refused == nil ? .success : .failure)
            if let refused = outcome.refused {
                let message = s.settingsPartlyWritten(written: outcome.written.map(\.rawValue),
                                                      refused: refused.key.rawValue, reason: refused.reason,
                                                      notWritten: outcome.notWritten.map(\.rawValue))
                throw CommandFailure(status: .deviceRefused, message: message)
            }
            run.context.emit(text: s.settingsImported(outcome.written.count, file), json: ["written": outcome.written.map(\.rawValue)])
        }
    }
}
