import TextSafety
import Accounts
import ArgumentParser
import Concentrator
import DLMS
import ES951
import Foundation
import Operations

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
            let saved = try await run.op.exportSettings(to: file)
            let count = saved.settings.keys.count
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
        try await DeviceRun.run(global, link: link, actions: dryRun ? [.settingsPreview] : [.settingsImport], target: file,
                                authorizeFirst: true, validate: { context in
            parsed = try SettingsTransfer.load(file)
        }) { run in
            guard let wanted = parsed else { return }
            let s = run.strings
            let plan = try await run.op.planImport(wanted, path: file)
            // A time-zone change needs time-zone-write as well: asked before anything is shown.
            if !dryRun, plan.changes.contains(where: { $0.key == .timeZone }) {
                try run.op.authorize(.timeZoneWrite, target: file)
            }
            for change in plan.changes {
                run.context.emit(text: "\(change.key.rawValue): \(change.old) → \(change.new)",
                                 json: ["key": change.key.rawValue, "old": change.old, "new": change.new, "written": false])
            }
            if plan.changes.isEmpty { run.context.emit(text: s.settingsNothingToChange, json: ["changes": 0]) }
            guard !dryRun, !plan.changes.isEmpty else { return }
            let outcome = try await run.op.importSettings(plan)
            if let (key, why) = outcome.stopped {
                let message = s.settingsPartlyWritten(written: outcome.written.map(\.rawValue),
                                                      refused: key.rawValue, reason: s.stopText(why, link: run.link),
                                                      notWritten: outcome.notWritten.map(\.rawValue))
                throw CommandFailure(status: .deviceRefused, message: message)
            }
            run.context.emit(text: s.settingsImported(outcome.written.count, file), json: ["written": outcome.written.map(\.rawValue)])
        }
    }
}
