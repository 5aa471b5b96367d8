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
    private let login = Locked<(session: Session, password: String)?>(nil)
    private let deviceQueue: AsyncStream<(Int, Effect)>.Continuation
    private let generation = Locked(0)
    private let current = Locked<Task<Void, Never>?>(nil)
    private let loop: Task<Void, Never>

    init(inbox: Inbox, store: AccountStore, map: DeviceMap, baseOptions: LinkSpec?, demo: DemoDevice,
         language: Language) {
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
        case .connect(let settings, let password): await worker.connect(settings, password: password)
        case .disconnect: await worker.disconnect()
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
        case .connect, .disconnect, .page:
            deviceQueue.yield((generation.withLock { $0 }, effect))
        case .stopRead:
            generation.withLock { $0 += 1 }
            current.withLock { $0?.cancel() }
        case .setRawTrace(let on):
            worker.setTrace(on)     // at once, so the effects after it see it
        case .quit:
            break
        default:
            accounts.async { self.account(effect) }
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

    // MARK: - Accounts (on the accounts queue)

    private func account(_ effect: Effect) {
        let s = strings
        let now = Date()
        let session = login.withLock { $0?.session }
        do {
            switch effect {
            case .login(let user, let password):
                if try !store.isInitialized() {
                    if UserName.canonical(user) == UserName.firstAdministrator {
                        inbox.post(.administratorPasswordNeeded)
                    } else {
                        inbox.post(.loginFailed(s["runtime.account.firstLogin", UserName.firstAdministrator]))
                    }
                    return
                }
                try loggedIn(try store.login(name: user, password: password, now: now), password: password)
            case .setAdministratorPassword(let password):
                try store.initialize(administratorPassword: password, now: now)
                try loggedIn(try store.login(name: UserName.firstAdministrator, password: password, now: now), password: password)
            case .logout:
                login.withLock { $0 = nil }
            case .changePassword(let current, let new):
                guard let session else { return }
                try store.setPassword(of: session.user, to: new, currentPassword: current, by: session, now: now)
                login.withLock { $0?.password = new }
                inbox.post(.passwordChanged)
            case .loadUsers:
                guard let session else { return }
                let rows = try store.listUsers(by: session, now: now).map {
                    UserRow(name: $0.name, role: $0.role, hasPassword: $0.hasPassword)
                }
                inbox.post(.usersLoaded(rows))
            case .addUser(let name, let role, let password):
                guard let session else { return }
                try store.addUser(name: name, role: role, password: password, by: session, now: now)
                inbox.post(.accountChanged(s["runtime.account.userAdded", name, s.roleLabel(role)]))
            case .setRole(let name, let role):
                guard let session else { return }
                try store.setRole(of: name, to: role, by: session, now: now)
                inbox.post(.accountChanged(s["runtime.account.roleSet", name, s.roleLabel(role)]))
            case .deleteUser(let name):
                guard let session else { return }
                try store.deleteUser(name: name, by: session, now: now)
                inbox.post(.accountChanged(s["runtime.account.userDeleted", name]))
            case .setUserPassword(let name, let password):
                guard let session else { return }
                try store.setPassword(of: name, to: password, currentPassword: nil, by: session, now: now)
                inbox.post(.accountChanged(s["runtime.account.passwordSet", name]))
            case .loadMatrix:
                guard let session else { return }
                inbox.post(.matrixLoaded(try store.permissionMatrix(by: session, now: now)))
            case .grant(let permission, let role):
                guard let session else { return }
                try store.grant(permission, to: role, by: session, now: now)
                inbox.post(.accountChanged(s["runtime.account.granted", s.roleLabel(role), permission.rawValue]))
                refreshPermissions()
            case .revoke(let permission, let role):
                guard let session else { return }
                try store.revoke(permission, from: role, by: session, now: now)
                inbox.post(.accountChanged(s["runtime.account.revoked", s.roleLabel(role), permission.rawValue]))
                refreshPermissions()
            case .prepareSettings:
                let ports = SerialPorts.list().map { port in
                    PortChoice(path: port.path, description: [port.manufacturer, port.product].compactMap { $0 }
                        .joined(separator: " "))
                }
                let profiles = try session.map { try store.profiles(by: $0).map(\.name) } ?? []
                inbox.post(.settingsReady(ports: ports, profiles: profiles))
            case .saveProfile(let name, let settings, let password, let keep):
                guard let (session, loginPassword) = login.withLock({ $0 }) else { return }
                try store.saveProfile(name: name, link: settings.profileText, llsPassword: keep ? password : nil,
                                      loginPassword: loginPassword, by: session, now: now)
                inbox.post(.profilesChanged(try store.profiles(by: session).map(\.name)))
                inbox.post(.log(s["runtime.profileSaved", name]))
            case .loadProfile(let name):
                guard let (session, loginPassword) = login.withLock({ $0 }) else { return }
                guard let profile = try store.profiles(by: session).first(where: { $0.name == name }) else {
                    throw StorageError.profileNotFound(name: name)
                }
                let settings: LinkSpec
                do {
                    let (spec, legacy) = try LinkSpec.fromProfile(profile.link)
                    settings = spec
                    // A profile saved by an older version: stored again as data.
                    if legacy { try? store.updateProfileLink(name: name, link: spec.profileText, by: session) }
                } catch {
                    inbox.post(.accountFailed(s.profileUnreadable(name, error)))
                    return
                }
                let password = try store.llsPassword(profile: name, loginPassword: loginPassword, by: session)
                inbox.post(.profileLoaded(name: name, settings, llsPassword: password))
            case .deleteProfile(let name):
                guard let session else { return }
                try store.deleteProfile(name: name, by: session)
                inbox.post(.profilesChanged(try store.profiles(by: session).map(\.name)))
            default:
                break
            }
        } catch {
            let text = s.failure(for: error).message
            switch effect {
            case .login, .setAdministratorPassword: inbox.post(.loginFailed(text))
            default: inbox.post(.accountFailed(text))
            }
        }
    }

    private func loggedIn(_ session: Session, password: String) throws {
        login.withLock { $0 = (session, password) }
        let permissions = try store.permissions(of: session)
        inbox.post(.loggedIn(SessionInfo(user: session.user, role: session.role, permissions: permissions)))
    }

    private func refreshPermissions() {
        guard let session = login.withLock({ $0?.session }),
              let permissions = try? store.permissions(of: session) else { return }
        inbox.post(.permissionsChanged(permissions))
    }
}
