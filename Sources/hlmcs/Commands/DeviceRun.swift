import Accounts
import AccountStore
import Concentrator
import DLMS
import DLMSTransport
import ES951
import Foundation

/// One device command from start to end (SPEC.md F-72): checks the LINK options (exit 2),
/// logs in and asks the authorizer for every action the command needs (exit 4) — all
/// BEFORE touching the device —, takes the LLS password (HLMCS_LLS_PASSWORD or a
/// prompt, never an argument), opens the link and the association, runs the body, closes,
/// and words any failure through ``Strings/deviceFailure(for:link:)``.
struct DeviceRun {
    let context: CommandContext
    let session: Session
    let link: LinkOptions
    let map: DeviceMap
    let concentrator: Concentrator

    var strings: Strings { context.strings }

    /// - Parameters:
    ///   - actions: what the command does, each checked (and a denial audited) before the link opens.
    ///   - target: what the audit entries name.
    static func run(_ global: GlobalOptions, link arguments: LinkArguments, actions: [Action], target: String,
                    validate: (CommandContext) throws -> Void = { _ in },
                    _ body: (DeviceRun) async throws -> Void) async throws {
        let context = try CommandContext(global)
        var linkOptions: LinkOptions?
        do {
            let options = try arguments.linkOptions()
            linkOptions = options
            try validate(context)
            let (session, _) = try context.login()
            for action in actions {
                try context.store.authorize(session, action, target: target, now: Date())
            }
            let map = try loadMap(options.mapPath)
            let password = try llsPassword(context, options)
            let traffic = TrafficCounter()
            let connection = try await Link.open(options, password: password.map { Array($0.utf8) }, traffic: traffic)
            let concentrator = Concentrator(connection: connection, map: map, catalogue: nil, traffic: traffic, now: { Date() })
            let run = DeviceRun(context: context, session: session, link: options, map: map, concentrator: concentrator)
            do {
                let association = try await concentrator.open()
                if connection.configuration.framing == .wrapper {
                    context.verbose("link: IEC 62056-47 wrapper over TCP")
                } else {
                    context.verbose("link: max info \(association.link.maxInfoTransmit)/\(association.link.maxInfoReceive), window \(association.link.windowTransmit)/\(association.link.windowReceive)\(association.usedPlainSNRM ? ", plain SNRM" : "")")
                }
                try await body(run)
            } catch {
                await concentrator.close()
                await run.printLog()
                throw error
            }
            await concentrator.close()
            await run.printLog()
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw context.strings.deviceFailure(for: error, link: linkOptions) ?? context.strings.failure(for: error)
        }
    }

    /// The built-in map, or `--map PATH`: a file that cannot be read is a usage error
    /// worded as a file error, never a Foundation dump.
    static func loadMap(_ path: String?) throws -> DeviceMap {
        guard let path else { return try DeviceMap.builtIn() }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw MapFileUnreadable(path: path, reason: FileReason(error))
        }
        return try DeviceMap(data: [UInt8](data))
    }

    /// The LLS password: HLMCS_LLS_PASSWORD, else a prompt on a terminal; nil under NLS.
    static func llsPassword(_ context: CommandContext, _ options: LinkOptions) throws -> String? {
        guard options.security == .lls else { return nil }
        if let password = context.environment["HLMCS_LLS_PASSWORD"] { return password }
        guard Terminal.isInteractive, let password = Terminal.readSecret(prompt: context.strings.promptLLSPassword) else {
            throw CommandFailure(status: .usage, message: context.strings.llsPasswordNeeded)
        }
        return password
    }

    // MARK: - Writes

    /// Carries out writes, audits them (target: what was written, secrets as `***`) and
    /// turns a refusal or a value not kept into ``DeviceRefusal`` (exit status 1).
    func write(_ action: Action, target: String, attributes: [String],
               _ body: () async throws -> [WriteOutcome]) async throws {
        let audit = try await beginWrite(action, target: target)
        let outcomes: [WriteOutcome]
        do {
            outcomes = try await body()
        } catch {
            finish(audit, .failure)
            throw error
        }
        for (name, outcome) in zip(attributes, outcomes) {
            switch outcome {
            case .accepted: continue
            case .refused(let reason):
                finish(audit, .failure)
                throw DeviceRefusal.writeRefused(attribute: name, reason)
            case .notTaken(let readBack):
                finish(audit, .failure)
                let shown: String = switch readBack {
                case .data(let data): ValueText.text(data)
                case .error(let reason): Strings.dataAccessResultName(reason)
                }
                throw DeviceRefusal.notAccepted(attribute: name, wrote: target, readsBack: shown)
            }
        }
        finish(audit, .success)
    }

    /// An entry of something that is not a device write (an export): recorded after.
    func audit(_ action: Action, target: String, _ outcome: AuditEntry.Outcome) {
        try? context.store.record(AuditEntry(time: Date(), user: session.user, action: action.rawValue, target: target, outcome: outcome))
    }

    /// A device write's audit entry, recorded before the write with the device named.
    struct WriteAudit {
        let entry: AccountStore.WriteAuditEntry
        let device: DeviceIdentity
    }

    /// Names the device (serial number and logical device name, read on this association)
    /// and records the write as started, permission checked in the same transaction —
    /// before anything is sent. A database that cannot record it stops the write here.
    func beginWrite(_ action: Action, target: String) async throws -> WriteAudit {
        let device = try await concentrator.identity()
        let entry: AccountStore.WriteAuditEntry
        do {
            entry = try context.store.beginWrite(session, action, target: target + " @ " + device.text, now: Date())
        } catch let error as StorageError {
            throw error
        } catch {
            throw CommandFailure(status: .usage, message: strings.auditUnavailable(error))
        }
        if !context.options.json { context.note(strings.writingTo(device)) }
        return WriteAudit(entry: entry, device: device)
    }

    /// The outcome of a write begun with ``beginWrite(_:target:)``. When it cannot be
    /// recorded the entry stays "started" and the user is told (the write is done).
    func finish(_ audit: WriteAudit, _ outcome: AuditEntry.Outcome) {
        do { try context.store.finishWrite(audit.entry, outcome) } catch {
            context.note(strings.auditOutcomeLost(error))
        }
    }

    // MARK: - Exchange log (--verbose)

    /// One line per command of the concentrator's exchange log: time, what, outcome,
    /// duration, bytes, frames, rows.
    func printLog() async {
        guard context.options.verbose else { return }
        for entry in await concentrator.exchangeLog {
            context.verbose(ExchangeLogText.line(entry, strings: strings, time: AuditEntry.timestamp(entry.time)))
        }
    }
}
