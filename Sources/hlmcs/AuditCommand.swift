import TextSafety
import Accounts
import AccountStore
import ArgumentParser
import Foundation

/// `hlmcs audit [--since T]`: the audit log, oldest first. Needs `manage-users`.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Show the audit log.")
    @Option(name: .long, help: "Only entries at or after this time (ISO 8601; local time without an offset).")
    var since: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CommandContext.run(global) { context in
            let since = try since.map { text in
                guard let date = TimeInput.parse(text, timeZone: .current) else {
                    throw CommandFailure(status: .usage, message: context.strings.badTime(text))
                }
                return date
            }
            let (session, _) = try context.login()
            for entry in try context.store.auditLog(since: since, by: session, now: Date()) {
                let time = AuditEntry.timestamp(entry.time)
                context.emit(
                    text: [time, entry.user, entry.action, entry.target].map { OutsideText.forTerminal($0, limit: nil) }.joined(separator: "\t") + "\t" + context.strings.outcome(entry.outcome),
                    json: ["time": time, "user": entry.user, "action": entry.action, "target": entry.target,
                           "outcome": entry.outcome.rawValue])
            }
        }
    }
}
