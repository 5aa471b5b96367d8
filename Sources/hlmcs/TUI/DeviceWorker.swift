import Accounts
import AccountStore
import Concentrator
import DLMSTransport
import ES951
import Foundation
import Operations
import Synchronization
import TUICore

/// Carries out the device effects one at a time, off the UI loop: connect, disconnect,
/// reads. Results and exchange-log lines go to the inbox as messages.
actor DeviceWorker {
    let post: @Sendable (Msg) -> Void
    let words: @Sendable () -> Strings
    let store: AccountStore
    let map: DeviceMap
    /// Other maps a device may fit (none when a map file was given): read at the first
    /// connection, not at start-up.
    lazy var alsoMaps: [DeviceMap] = DeviceMapFile.alternatives(baseOptions?.mapPath)
    let baseOptions: LinkSpec?
    let demo: DemoDevice
    /// Whether frame lines go to the exchange log (F7).
    let traceOn: Locked<Bool>
    /// A read of several lists in a row (the meter list, then its poll status) shown as
    /// one progress: rows done before this list, and how many lists in all.
    let progressPhase = Locked<(rowsBefore: Int, lists: Int)>((0, 1))

    var concentrator: Concentrator?
    var connectedOptions: LinkSpec?
    var demoServing: Task<Void, Never>?
    /// The LLS password the open association was made with (the LLS password change checks the current one against it).
    var associationPassword: String?
    private var logged = 0
    /// The association a reconnect replaced: its log was flushed at the switch.
    private var retiredLog: ObjectIdentifier?

    init(post: @escaping @Sendable (Msg) -> Void, words: @escaping @Sendable () -> Strings, store: AccountStore,
         map: DeviceMap, baseOptions: LinkSpec?, demo: DemoDevice) {
        self.post = post
        self.words = words
        self.store = store
        self.map = map
        self.baseOptions = baseOptions
        self.demo = demo
        traceOn = Locked(false)
    }

    /// Raw frames in the exchange log on or off: at once, in the caller's order (a
    /// connect asked for after it already sees it).
    nonisolated func setTrace(_ on: Bool) { traceOn.withLock { $0 = on } }

    var isConnected: Bool { concentrator != nil }

    /// Opens the link and the association with `settings` (closing any open one first).
    func connect(_ settings: LinkSpec, password: String?) async {
        await disconnect(quietly: true)
        post(.connecting)
        let s = words()
        let options = settings.withExtras(of: baseOptions)
        if settings.security == .lls, password?.isEmpty ?? true {
            post(.connectFailed(Failure(.input, s["runtime.connect.llsPasswordNeeded"])))
            return
        }
        let secret = settings.security == .lls ? password.map { Array($0.utf8) } : nil
        let traffic = TrafficCounter()
        let serving = Locked<Task<Void, Never>?>(nil)
        let connection: DLMSConnection
        do {
            connection = try await Self.openLink(options, secret: secret, traffic: traffic, trace: traceSink(),
                                                 demo: demo, serving: serving)
            demoServing = serving.withLock { $0 }
        } catch {
            post(.connectFailed(s.failure(of: error, link: options)))
            return
        }
        let concentrator = Concentrator(connection: connection, map: map, catalogue: nil, traffic: traffic, now: { Date() },
                                        alsoMaps: alsoMaps)
        do {
            let info = try await concentrator.open()
            self.concentrator = concentrator
            connectedOptions = options
            retiredLog = nil
            associationPassword = settings.security == .lls ? password : nil
            logged = 0
            let security = settings.security == .lls ? "LLS" : "NLS"
            let server = info.serverAddress
            post(.connected("\(settings.medium == .demo ? words()["conn.demo"] : settings.mediumSummary) · \(security) · \(settings.effectiveClientSAP) → \(server)"))
        } catch {
            await concentrator.close()
            demoServing?.cancel()
            demoServing = nil
            if error == .cancelled || Task.isCancelled {
                // Stop (Esc) while connecting: not a failure of the line.
                post(.disconnected(nil))
                post(.readStopped)
            } else {
                post(.connectFailed(s.failure(of: error, link: options)))
            }
        }
    }

    /// The exchange log's sink of frame lines (shown while F7 has it on).
    func traceSink() -> FrameTrace {
        let traceOn = self.traceOn
        let post = self.post
        return FrameTrace { line in
            if traceOn.withLock({ $0 }) { post(.trace(line)) }
        }
    }

    /// The link of `options`: the demo's in-memory link (its serving task left in
    /// `serving`) or its medium.
    static func openLink(_ options: LinkSpec, secret: [UInt8]?, traffic: TrafficCounter,
                         trace: FrameTrace, demo: DemoDevice, serving: Locked<Task<Void, Never>?>) async throws -> DLMSConnection {
        guard options.medium == .demo else {
            return try await Link.open(options, password: secret, traffic: traffic, traceSink: trace)
        }
        let configuration = try Link.configuration(options, password: secret)
        let (channel, task) = demo.connect()
        serving.withLock { $0 = task }
        return DLMSConnection(channel: CountingChannel(channel, counter: traffic), configuration: configuration, trace: trace)
    }

    /// A way to open the same connection again (the firmware's reconnect after an
    /// activation); the demo's serving task is left in `serving`.
    func reopener() -> (open: @Sendable () async throws -> Concentrator, serving: Locked<Task<Void, Never>?>) {
        let serving = Locked<Task<Void, Never>?>(nil)
        guard let options = connectedOptions else {
            return ({ throw ConcentratorError.cancelled }, serving)
        }
        let secret = associationPassword.map { Array($0.utf8) }
        let (trace, demo, map) = (traceSink(), demo, map)
        return ({
            let traffic = TrafficCounter()
            let connection = try await Self.openLink(options, secret: secret, traffic: traffic, trace: trace,
                                                     demo: demo, serving: serving)
            return Concentrator(connection: connection, map: map, catalogue: nil, traffic: traffic, now: { Date() })
        }, serving)
    }

    /// Takes `reopened` (an open association, or nil when none answered) as the
    /// connection in place of the closed one.
    func adopt(_ reopened: Concentrator?, serving: Task<Void, Never>?) async {
        if let old = concentrator {
            await flushLog(old)
            retiredLog = ObjectIdentifier(old)
        }
        demoServing?.cancel()
        demoServing = serving
        concentrator = reopened
        logged = 0
        if reopened == nil {
            serving?.cancel()
            demoServing = nil
            post(.disconnected(nil))
        }
    }

    /// Releases the association and closes the link.
    func disconnect(quietly: Bool = false) async {
        guard let concentrator else { return }
        self.concentrator = nil
        await concentrator.close()
        await flushLog(concentrator)
        demoServing?.cancel()
        demoServing = nil
        if !quietly { post(.disconnected(words()["runtime.disconnected"])) }
    }

    /// Words a failed request for `page`; a link failure closes the connection.
    func failed(_ error: any Error, page: ParameterPage, _ concentrator: Concentrator) async {
        let s = words()
        if let error = error as? ConcentratorError, error == .cancelled || Task.isCancelled {
            post(.page(page, .stopped))
            return
        }
        let failure = if case OperationFailure.needsLLS? = error as? OperationFailure { Failure(.refused, s.writeNeedsLLSInTheUI) }
                      else { s.failure(of: error, link: connectedOptions) }
        post(.page(page, .failed(failure)))
        if let error = error as? ConcentratorError, case .link = error {
            self.concentrator = nil
            await concentrator.close()
            demoServing?.cancel()
            demoServing = nil
            post(.disconnected(nil))
        }
    }

    /// Puts the concentrator's new exchange-log entries into the log zone.
    func flushLog(_ concentrator: Concentrator) async {
        guard ObjectIdentifier(concentrator) != retiredLog else { return }
        let entries = await concentrator.exchangeLog
        guard entries.count > logged else { return }
        let s = words()
        for entry in entries[logged...] {
            post(.log(ExchangeLogText.line(entry, strings: s)))
        }
        logged = entries.count
    }
}
