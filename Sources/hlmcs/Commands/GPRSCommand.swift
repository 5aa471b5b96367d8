import Accounts
import ArgumentParser
import Concentrator
import DLMS
import ES951
import Foundation
import Operations

/// `hlmcs gprs LINK [--apn X] [--primary IP:PORT] [--backup IP:PORT] [--heartbeat MIN]
/// [--dpd-user U] [--dpd-password]` (SPEC.md F-33): shows the GPRS settings, or writes
/// the given ones (validated first, read back, audited) and shows the result. The DPD
/// password comes from HLMCS_DPD_PASSWORD or a prompt, never from an argument.
struct GPRSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gprs", abstract: "GPRS modem settings (F-33).")
    @Option(name: .long, help: "Access point name.") var apn: String?
    @Option(name: .long, help: ArgumentHelp("Primary server.", valueName: "ip:port")) var primary: String?
    @Option(name: .long, help: ArgumentHelp("Backup server.", valueName: "ip:port")) var backup: String?
    @Option(name: .long, help: ArgumentHelp("Heartbeat interval: minutes, m:ss or seconds with s (3, 1:30, 90s).", valueName: "min")) var heartbeat: String?
    @Option(name: .customLong("dpd-user"), help: "DPD user.") var dpdUser: String?
    @Flag(name: .customLong("dpd-password"), help: "Write the DPD password (from HLMCS_DPD_PASSWORD or a prompt).") var dpdPassword = false
    @OptionGroup var link: LinkArguments
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        var wanted = GPRSSettings()
        var changing = Set<GPRSField>()
        let writes = apn != nil || primary != nil || backup != nil || heartbeat != nil || dpdUser != nil || dpdPassword
        try await DeviceRun.run(global, link: link, actions: writes ? [.gprs] : [.info], target: "gprs", validate: { context in
            let s = context.strings
            if let apn { wanted.apn = apn; changing.insert(.apn) }
            if let primary {
                guard let endpoint = ServerEndpoint(primary) else { throw CommandFailure(status: .usage, message: s.badEndpoint(primary)) }
                wanted.primaryServer = endpoint; changing.insert(.primaryServer)
            }
            if let backup {
                guard let endpoint = ServerEndpoint(backup) else { throw CommandFailure(status: .usage, message: s.badEndpoint(backup)) }
                wanted.backupServer = endpoint; changing.insert(.backupServer)
            }
            if let heartbeat {
                // Not a duration at all: 0 s, which validate names with the range.
                wanted.heartbeatSeconds = HeartbeatInterval.parse(heartbeat) ?? 0
                changing.insert(.heartbeat)
            }
            if let dpdUser { wanted.dpdUser = dpdUser; changing.insert(.dpdUser) }
            if dpdPassword {
                wanted.dpdPassword = try Self.secret(context, variable: "HLMCS_DPD_PASSWORD", prompt: s.promptDPDPassword)
                changing.insert(.dpdPassword)
            }
            if let issue = wanted.validate(changing).first {
                throw CommandFailure(status: .usage, message: s.invalidField(issue.field.rawValue, issue.reason))
            }
        }) { run in
            if !changing.isEmpty {
                let writes = try await run.op.change(gprs: wanted, changing: changing)
                try run.requireAccepted(writes.map(\.outcome), names: writes.map(\.attribute), wrote: "gprs " + changing.map(\.rawValue).sorted().joined(separator: ","))
            }
            let settings = try await run.concentrator.readGPRS()
            let s = run.strings
            let lines: [(String, String, Any)] = [
                ("apn", s["cli.gprs.apn"], settings.apn),
                ("primary", s["cli.gprs.primaryServer"], settings.primaryServer?.description ?? ""),
                ("backup", s["cli.gprs.backupServer"], settings.backupServer?.description ?? ""),
                ("dpd-user", s["cli.gprs.dpdUser"], settings.dpdUser),
                ("heartbeat-minutes", s["cli.gprs.heartbeat"], HeartbeatInterval.text(settings.heartbeatSeconds)),
            ]
            var json = Dictionary(uniqueKeysWithValues: lines.map { ($0.0, $0.2) })
            json["heartbeat-minutes"] = nil
            json["heartbeat-seconds"] = settings.heartbeatSeconds
            run.context.emit(text: lines.map { "\($0.1): \($0.2)" }.joined(separator: "\n"), json: json)
        }
    }

    /// A secret from the environment, else a prompt on a terminal (status 2 without either).
    static func secret(_ context: CommandContext, variable: String, prompt: String) throws -> String {
        if let value = context.environment[variable] { return value }
        guard Terminal.isInteractive, let value = Terminal.readSecret(prompt: prompt) else {
            throw CommandFailure(status: .usage, message: context.strings.secretNeeded(variable))
        }
        return value
    }
}
