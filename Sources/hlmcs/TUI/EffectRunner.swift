import Accounts
import AccountStore
import Concentrator
import DLMSTransport
import ES951
import Foundation
import Synchronization
import TUICore

/// Carries out the effects `update` asks for, off the UI loop, and posts their results to
/// the inbox. Account effects (slow password hashing, the database) run one at a time on
/// their own queue; device effects run one at a time on the ``DeviceWorker``; Stop cancels
/// the device effect in flight and drops those queued behind it.
final class EffectRunner: Sendable {
    let inbox: Inbox
    let store: AccountStore
    let worker: DeviceWorker
    private let accounts = DispatchQueue(label: "hlmcs.tui.accounts")
    private let language: Locked<Language>
    /// The logged-in session and its login password (kept in memory only: it opens the
    /// LLS passwords saved in the user's profiles).
    let login = Locked<(session: Session, password: String)?>(nil)
    private let deviceQueue: AsyncStream<(Int, Effect)>.Continuation
    private let generation = Locked(0)
    private let current = Locked<Task<Void, Never>?>(nil)
    private let loop: Task<Void, Never>

    /// Whether a login brings back the user's last real connection (plain `hlmcs`: no
    /// LINK options, no `--demo`).
    let restoresLastConnection: Bool

    init(inbox: Inbox, store: AccountStore, map: DeviceMap, baseOptions: LinkSpec?, demo: DemoDevice,
         language: Language, restoresLastConnection: Bool = false) {
        self.restoresLastConnection = restoresLastConnection
        self.inbox = inbox
        self.store = store
        let languageBox = Locked(language)
        self.language = languageBox
        let worker = DeviceWorker(post: { inbox.post($0) }, words: { Strings(language: languageBox.withLock { $0 }) },
                                  store: store, map: map, baseOptions: baseOptions, demo: demo)
        self.worker = worker
        let (stream, continuation) = AsyncStream<(Int, Effect)>.makeStream()
        deviceQueue = continuation
        let generation = self.generation
        let current = self.current
        let login = self.login
        loop = Task.detached {
            for await (issued, effect) in stream {
                guard issued == generation.withLock({ $0 }) else { continue }
                let session = login.withLock { $0?.session }
                let task = Task { await Self.perform(effect, on: worker, session: session) }
                current.withLock { $0 = task }
                await task.value
                current.withLock { $0 = nil }
            }
        }
    }

    var strings: Strings { Strings(language: language.withLock { $0 }) }

    func setLanguage(_ l: UILanguage) { language.withLock { $0 = l == .ru ? .ru : .en } }

    private static func perform(_ effect: Effect, on worker: DeviceWorker, session: Session?) async {
        switch effect {
        case .connect(let settings, let password):
            await worker.connect(settings, password: password)
            // A real concentrator connected is where plain `hlmcs` starts next time.
            if let session, settings.medium != .demo, await worker.isConnected {
                try? await worker.store.setSetting(LastConnection.key(session.user), settings.profileText)
            }
        case .disconnect: await worker.disconnect()
        case .find(let spec): await worker.find(spec)
        case .page(let page, let request): await worker.perform(request, for: page, session: session)
        default: break
        }
    }

    /// Starts every effect of `effects`, in order.
    func perform(_ effects: [Effect]) {
        for effect in effects { perform(effect) }
    }

    func perform(_ effect: Effect) {
        switch effect {
        case .connect, .disconnect, .page, .find:
            deviceQueue.yield((generation.withLock { $0 }, effect))
        case .stopRead:
            generation.withLock { $0 += 1 }
            current.withLock { $0?.cancel() }
        case .setRawTrace(let on):
            worker.setTrace(on)     // at once, so the effects after it see it
        case .saveLog(let path, let lines):
            let s = strings, inbox = self.inbox
            accounts.async { inbox.post(Self.saveLog(lines, to: path, s)) }
        case .quit:
            break
        default:
            accounts.async { self.account(effect) }
        }
    }

    /// Writes the exchange log to a new file at `path` (never over an existing one).
    static func saveLog(_ lines: [String], to path: String, _ s: Strings) -> Msg {
        let expanded = (path as NSString).expandingTildeInPath
        if FileManager.default.fileExists(atPath: expanded) { return .logSaveFailed(s["logWindow.exists", path]) }
        do {
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: expanded), options: .withoutOverwriting)
            return .logSaved(s["logWindow.saved", path, String(lines.count)])
        } catch {
            return .logSaveFailed(s["logWindow.failed", path, s.fileReason(FileReason(error))])
        }
    }

    /// Stops what runs and releases the association (at most `seconds`), before exit.
    func shutdown(seconds: Double = 2) async {
        generation.withLock { $0 += 1 }
        current.withLock { $0?.cancel() }
        deviceQueue.finish()
        let worker = self.worker
        let release = Task { await worker.disconnect(quietly: true) }
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if await worker.isConnected == false { break }
            try? await Task.sleep(for: .milliseconds(20))
        }
        release.cancel()
        loop.cancel()
    }
}

/// The last real connection of each user, kept in the database's settings (the spec as
/// a profile stores it, never a password).
enum LastConnection {
    static func key(_ user: String) -> String { AccountStore.UserSetting.lastConnection.key(user) }
}
