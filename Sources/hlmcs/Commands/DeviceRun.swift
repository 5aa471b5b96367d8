import Accounts
import AccountStore
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
    let connection: DLMSConnection
    let started: ContinuousClock.Instant
    private let log: ExchangeLogBox

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
            let options: LinkOptions
            do { options = try arguments.linkOptions() } catch { throw error as Error }
            linkOptions = options
            try validate(context)
            let (session, _) = try context.login()
            for action in actions {
                try context.store.authorize(session, action, target: target, now: Date())
            }
            let map = try loadMap(options.mapPath)
            let password = try llsPassword(context, options)
            let log = ExchangeLogBox()
            let started = ContinuousClock.now
            let connection = try await Link.open(options, password: password.map { Array($0.utf8) })
            let run = DeviceRun(context: context, session: session, link: options, map: map, connection: connection,
                                started: started, log: log)
            do {
                let opened = ContinuousClock.now
                let association = try await connection.open()
                run.note("open", "ok", since: opened, detail: "max info \(association.link.maxInfoTransmit)/\(association.link.maxInfoReceive), window \(association.link.windowTransmit)/\(association.link.windowReceive)")
                try await body(run)
            } catch {
                run.note("command", "failed", since: started)
                await connection.close()
                run.printLog()
                throw error
            }
            let closing = ContinuousClock.now
            await connection.close()
            run.note("close", "ok", since: closing)
            run.printLog()
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw context.strings.deviceFailure(for: error, link: linkOptions) ?? context.strings.failure(for: error)
        }
    }

    static func loadMap(_ path: String?) throws -> DeviceMap {
        guard let path else { return try DeviceMap.builtIn() }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
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

    // MARK: - Reads and writes straight on the connection (until module Concentrator lands)

    func get(_ attributes: [CosemAttributeDescriptor]) async throws -> [GetDataResult] {
        let t0 = ContinuousClock.now
        do {
            let results = try await connection.get(attributes.map { AttributeWithAccess($0) })
            note("get " + attributes.map(\.description).joined(separator: " "), "ok", since: t0)
            return results
        } catch {
            note("get " + attributes.map(\.description).joined(separator: " "), "failed", since: t0)
            throw error
        }
    }

    /// Writes and reads back; the outcome is audited. Throws ``DeviceRefusal`` when the
    /// device refuses or does not keep the value.
    func setAndVerify(_ attribute: CosemAttributeDescriptor, _ value: DLMSData, action: Action, writeOnly: Bool) async throws {
        let name = attribute.description
        let t0 = ContinuousClock.now
        let result: DataAccessResult
        do {
            result = try await connection.set(attribute, value)
        } catch {
            audit(action, target: name, .failure)
            throw error
        }
        note("set " + name, result == .success ? "ok" : Strings.dataAccessResultName(result), since: t0)
        guard result == .success else {
            audit(action, target: name, .failure)
            throw DeviceRefusal.writeRefused(attribute: name, result)
        }
        if !writeOnly {
            let back = try await get([attribute])
            if case .data(let read) = back.first, !Self.same(read, value) {
                audit(action, target: name, .failure)
                throw DeviceRefusal.notAccepted(attribute: name, wrote: ValueText.text(value), readsBack: ValueText.text(read))
            }
        }
        audit(action, target: name + " = " + (writeOnly ? "***" : ValueText.text(value)), .success)
    }

    /// Equal values; a date-time compares by its fields (a device keeps its own status).
    static func same(_ a: DLMSData, _ b: DLMSData) -> Bool {
        if a == b { return true }
        if let x = a.dateTimeValue, let y = b.dateTimeValue {
            return x.date == y.date && x.time.hour == y.time.hour && x.time.minute == y.time.minute
                && x.time.second == y.time.second && x.deviation == y.deviation
        }
        return false
    }

    func audit(_ action: Action, target: String, _ outcome: AuditEntry.Outcome) {
        try? context.store.record(AuditEntry(time: Date(), user: session.user, action: action.rawValue, target: target, outcome: outcome))
    }

    // MARK: - Exchange log (--verbose)

    func note(_ what: String, _ outcome: String, since start: ContinuousClock.Instant, detail: String = "") {
        log.append(ExchangeLogLine(time: Date(), what: what, outcome: outcome, duration: ContinuousClock.now - start, detail: detail))
    }

    func printLog() {
        guard context.options.verbose else { return }
        for line in log.lines {
            let duration = String(format: "%.3f", Double(line.duration.components.seconds) + Double(line.duration.components.attoseconds) / 1e18)
            context.verbose("\(AuditEntry.timestamp(line.time))  \(line.what)  \(line.outcome)  \(duration) s\(line.detail.isEmpty ? "" : "  " + line.detail)")
        }
    }
}

struct ExchangeLogLine {
    var time: Date
    var what: String
    var outcome: String
    var duration: Duration
    var detail: String
}

final class ExchangeLogBox: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [ExchangeLogLine] = []
    func append(_ line: ExchangeLogLine) { lock.withLock { entries.append(line) } }
    var lines: [ExchangeLogLine] { lock.withLock { entries } }
}
