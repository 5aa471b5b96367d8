import Accounts
import AccountStore
import Concentrator
import DLMS
import DLMSTransport
import ES951
import Foundation
import Operations

/// One device command from start to end (SPEC.md F-72): checks the LINK options (exit 2),
/// logs in and asks the authorizer for every action the command needs (exit 4) — all
/// BEFORE touching the device —, takes the LLS password (HLMCS_LLS_PASSWORD or a
/// prompt, never an argument), opens the link and the association, runs the body, closes,
/// and words any failure through ``Strings/deviceFailure(for:link:)``.
struct DeviceRun {
    let context: CommandContext
    let session: Session
    let link: LinkSpec
    let map: DeviceMap
    /// The LLS password the association was opened with (nil under NLS), for a reconnect.
    let password: String?
    /// The use cases on this association, as the logged-in user (audited, authorized).
    let op: Operator

    var concentrator: Concentrator { op.concentrator }
    var strings: Strings { context.strings }

    /// - Parameters:
    ///   - actions: what the command does, each checked (and a denial audited) before the link opens.
    ///   - target: what the audit entries name.
    static func run(_ global: GlobalOptions, link arguments: LinkArguments, actions: [Action], target: String,
                    learns: Bool = true, authorizeFirst: Bool = false,
                    validate: (CommandContext) throws -> Void = { _ in },
                    _ body: (DeviceRun) async throws -> Void) async throws {
        let context = try CommandContext(global)
        var linkOptions: LinkSpec?
        do {
            let options = try arguments.linkOptions()
            linkOptions = options
            // Usually the input is checked before the login (a typo costs no password); a
            // command whose input is a file only its permission may read says the denial
            // first (`authorizeFirst`).
            if !authorizeFirst { try validate(context) }
            let (session, _) = try context.login()
            for action in actions {
                try context.store.authorize(session, action, target: target, now: Date())
            }
            if authorizeFirst { try validate(context) }
            let map = try DeviceMapFile.load(options.mapPath)
            let password = try llsPassword(context, options)
            let traffic = TrafficCounter()
            let connection = try await Link.open(options, password: password.map { Array($0.utf8) }, traffic: traffic)
            let concentrator = Concentrator(connection: connection, map: map, catalogue: nil, traffic: traffic, now: { Date() },
                                            alsoMaps: DeviceMapFile.alternatives(options.mapPath))
            let s = context.strings
            let quiet = context.options.json
            let op = Operator(store: context.store, session: session, concentrator: concentrator, security: options.security,
                              announce: { device in if !quiet { Output.message("hlmcs: " + s.writingTo(device)) } },
                              auditLost: { error in Output.message("hlmcs: " + s.auditOutcomeLost(error)) })
            let run = DeviceRun(context: context, session: session, link: options, map: map, password: password, op: op)
            do {
                let association = try await concentrator.open()
                if connection.configuration.framing == .wrapper {
                    context.verbose("link: IEC 62056-47 wrapper over TCP")
                } else {
                    context.verbose("link: max info \(association.link.maxInfoTransmit)/\(association.link.maxInfoReceive), window \(association.link.windowTransmit)/\(association.link.windowReceive)\(association.usedPlainSNRM ? ", plain SNRM" : "")")
                }
                if learns {
                    let learned = try await op.learnDevice(refresh: arguments.refreshObjects)
                    context.verbose("map: \(learned.adapted.map.name), \(learned.objects.count) objects\(learned.fromCache ? " (known device)" : ""), lacking \(learned.adapted.lacking.joined(separator: " "))")
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

    /// The LLS password: HLMCS_LLS_PASSWORD, else a prompt on a terminal; nil under NLS.
    static func llsPassword(_ context: CommandContext, _ options: LinkSpec) throws -> String? {
        guard options.security == .lls else { return nil }
        if let password = context.environment["HLMCS_LLS_PASSWORD"] { return password }
        guard Terminal.isInteractive, let password = Terminal.readSecret(prompt: context.strings.promptLLSPassword) else {
            throw CommandFailure(status: .usage, message: context.strings.llsPasswordNeeded)
        }
        return password
    }

    // MARK: - Writes

    /// A write through ``Operator/write(_:target:_:)`` (authorized, LLS, audited naming
    /// the device), then ``requireAccepted(_:names:wrote:)``.
    func write(_ action: Action, target: String, attributes: [String],
               _ body: () async throws -> [WriteOutcome]) async throws {
        let outcomes = try await op.write(action, target: target) { _ in try await body() }
        try requireAccepted(outcomes, names: attributes, wrote: target)
    }

    /// Turns the first value the device refused or did not keep into ``DeviceRefusal``
    /// (exit status 1); `names` name the outcomes in order.
    func requireAccepted(_ outcomes: [WriteOutcome], names: [String], wrote target: String) throws {
        for (name, outcome) in zip(names, outcomes) {
            switch outcome {
            case .accepted: continue
            case .refused(let reason): throw DeviceRefusal.writeRefused(attribute: name, reason)
            case .notTaken(let readBack):
                throw DeviceRefusal.notAccepted(attribute: name, wrote: target, readsBack: strings.readBackText(readBack))
            }
        }
    }

    /// An entry of something that is not a device write (an export): recorded after.
    func audit(_ action: Action, target: String, _ outcome: AuditEntry.Outcome) {
        op.audit(action, target: target, outcome)
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
